import type { NagHyperparameters } from "./hyperparameters";
import * as check from "../validate";
import { beta, defineOptimizer, etaAt, flavorOf, learningRate, zeros } from "./common";
import type { Flavor, LearningRate, Optimizer } from "./types";
import type { MomentumState } from "./momentum";

export interface NagOptions {
  eta: LearningRate;
  /** Momentum coefficient [0.9]. */
  beta?: number;
  /** Alias of `flavor`: "lecture" (look-ahead gradient) or "torch" (PyTorch's reformulated iterate). */
  form?: Flavor;
  flavor?: Flavor;
}

/**
 * Nesterov accelerated gradient.
 *
 * Lecture form (the gradient is taken at the look-ahead point):
 *   g_t = grad(w_t - eta * beta * u_{t-1})
 *   u_t = beta * u_{t-1} + g_t
 *   w_{t+1} = w_t - eta * u_t
 * The training loop asks `gradientPoint(params, state)` for w_t - eta * beta * u_{t-1}.
 *
 * Torch form (torch.optim.SGD(momentum=beta, nesterov=True); the iterate is the look-ahead point):
 *   g_t = grad(w_t);  u_t = beta * u_{t-1} + g_t
 *   w_{t+1} = w_t - eta * (g_t + beta * u_t)
 *
 * Effective rate: eta in both forms.
 * @example optimizers.nag({ eta: 0.1, beta: 0.9 })
 */
export function nag(opts: NagOptions): Optimizer<MomentumState, NagHyperparameters> {
  const fn = "nag";
  const o = check.options<NagOptions>(fn, opts, ["eta", "beta", "form", "flavor"]);
  const eta = learningRate(fn, o.eta);
  const b = beta(fn, "beta", o.beta, 0.9);
  const form = o.form === undefined ? undefined : flavorOf(fn, o.form);
  const flavor = flavorOf(fn, o.flavor ?? form);
  if (form !== undefined && o.flavor !== undefined && form !== flavor) {
    throw new Error(`nag: form ${JSON.stringify(form)} contradicts flavor ${JSON.stringify(o.flavor)}; give one of them`);
  }
  const torch = flavor === "torch";
  return defineOptimizer({
    name: fn,
    flavor,
    hyper: { eta, beta: b },
    stateKeys: ["u"],
    initState: (n) => ({ t: 0, u: zeros(n) }),
    step(grad, state, params, eta) {
      const n = params.length;
      const u = new Float64Array(n);
      const w = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        u[i] = b * state.u[i] + grad[i];
        w[i] = torch ? params[i] - eta * (grad[i] + b * u[i]) : params[i] - eta * u[i];
      }
      return { params: w, state: { t: state.t + 1, u }, effectiveRate: new Float64Array(n).fill(eta) };
    },
    gradientPoint(params, state) {
      const point = Float64Array.from(params);
      if (torch) return point;
      const etaT = etaAt(fn, eta, state.t + 1);
      for (let i = 0; i < point.length; i++) point[i] -= etaT * b * state.u[i];
      return point;
    },
  });
}
