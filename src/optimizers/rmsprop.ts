import type { RmspropHyperparameters } from "./hyperparameters";
import * as check from "../validate";
import { beta, defineOptimizer, eps as epsOf, flavorOf, learningRate, lectureOnly, zeros } from "./common";
import type { Flavor, LearningRate, Optimizer } from "./types";
import type { AdagradState } from "./adagrad";

export interface RmspropOptions {
  eta: LearningRate;
  /** Decay of the squared-gradient average [0.9] (torch calls it alpha). */
  beta?: number;
  /** [1e-8] */
  eps?: number;
  /** false: eta / (sqrt(v) + eps) (lecture code, torch); true: eta / sqrt(v + eps) (the slide's equation). */
  epsInsideSqrt?: boolean;
  flavor?: Flavor;
}

/**
 * RMSProp: like AdaGrad, but v is an exponentially decaying average, so the rate can grow again.
 *
 *   v_t = beta * v_{t-1} + (1 - beta) * grad_t^2
 *   w_{t+1} = w_t - eta / (sqrt(v_t) + eps) * grad_t        (epsInsideSqrt: eta / sqrt(v_t + eps))
 *
 * Effective rate: eta / (sqrt(v_t) + eps). Flavors: identical arithmetic — torch.optim.RMSprop(alpha=beta,
 * centered=False, momentum=0) adds eps outside the square root; epsInsideSqrt is lecture-only.
 * @example optimizers.rmsprop({ eta: 0.05, beta: 0.5, eps: 1e-4 })
 */
export function rmsprop(opts: RmspropOptions): Optimizer<AdagradState, RmspropHyperparameters> {
  const fn = "rmsprop";
  const o = check.options<RmspropOptions>(fn, opts, ["eta", "beta", "eps", "epsInsideSqrt", "flavor"]);
  const eta = learningRate(fn, o.eta);
  const b = beta(fn, "beta", o.beta, 0.9);
  const eps = epsOf(fn, o.eps, 1e-8);
  const flavor = flavorOf(fn, o.flavor);
  const inside = check.bool(fn, "epsInsideSqrt", o.epsInsideSqrt ?? false);
  lectureOnly(fn, flavor, "epsInsideSqrt", o.epsInsideSqrt, false);
  return defineOptimizer({
    name: fn,
    flavor,
    hyper: { eta, beta: b, eps, epsInsideSqrt: inside },
    stateKeys: ["v"],
    initState: (n) => ({ t: 0, v: zeros(n) }),
    step(grad, state, params, eta) {
      const n = params.length;
      const v = new Float64Array(n);
      const w = new Float64Array(n);
      const rate = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        v[i] = b * state.v[i] + (1 - b) * (grad[i] * grad[i]);
        const denom = inside ? Math.sqrt(v[i] + eps) : Math.sqrt(v[i]) + eps;
        rate[i] = eta / denom;
        w[i] = params[i] - eta * (grad[i] / denom);
      }
      return { params: w, state: { t: state.t + 1, v }, effectiveRate: rate };
    },
  });
}
