import type { MaxpropHyperparameters } from "./hyperparameters";
import * as check from "../validate";
import { beta, defineOptimizer, eps as epsOf, flavorOf, learningRate, zeros } from "./common";
import type { Flavor, LearningRate, Optimizer } from "./types";
import type { AdagradState } from "./adagrad";

export interface MaxpropOptions {
  eta: LearningRate;
  /** Decay of the max norm [0.999]. */
  beta?: number;
  /** [1e-8] */
  eps?: number;
  flavor?: Flavor;
}

/**
 * MaxProp: RMSProp with the L-infinity (max) norm in place of the L2 average.
 *
 *   v_t = max(beta * v_{t-1}, |grad_t|)
 *   w_{t+1} = w_t - eta / (v_t + eps) * grad_t
 *
 * Effective rate: eta / (v_t + eps). Flavors: PyTorch has no MaxProp; "torch" is
 * torch.optim.Adamax(betas=(0, beta)), which puts eps inside the max:
 * v_t = max(beta * v_{t-1}, |grad_t| + eps), w_{t+1} = w_t - eta * grad_t / v_t.
 * @example optimizers.maxprop({ eta: 0.1, beta: 0.999 })
 */
export function maxprop(opts: MaxpropOptions): Optimizer<AdagradState, MaxpropHyperparameters> {
  const fn = "maxprop";
  const o = check.options<MaxpropOptions>(fn, opts, ["eta", "beta", "eps", "flavor"]);
  const eta = learningRate(fn, o.eta);
  const b = beta(fn, "beta", o.beta, 0.999);
  const eps = epsOf(fn, o.eps, 1e-8);
  const flavor = flavorOf(fn, o.flavor);
  const torch = flavor === "torch";
  return defineOptimizer({
    name: fn,
    flavor,
    hyper: { eta, beta: b, eps },
    stateKeys: ["v"],
    initState: (n) => ({ t: 0, v: zeros(n) }),
    step(grad, state, params, eta) {
      const n = params.length;
      const v = new Float64Array(n);
      const w = new Float64Array(n);
      const rate = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        v[i] = torch ? Math.max(b * state.v[i], Math.abs(grad[i]) + eps) : Math.max(b * state.v[i], Math.abs(grad[i]));
        const denom = torch ? v[i] : v[i] + eps;
        rate[i] = eta / denom;
        w[i] = params[i] - eta * (grad[i] / denom);
      }
      return { params: w, state: { t: state.t + 1, v }, effectiveRate: rate };
    },
  });
}
