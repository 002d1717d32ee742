import type { AdadeltaHyperparameters } from "./hyperparameters";
import * as check from "../validate";
import { beta, defineOptimizer, eps as epsOf, flavorOf, learningRate, zeros } from "./common";
import type { Flavor, LearningRate, Optimizer } from "./types";

export interface AdadeltaOptions {
  /** Decay of both running averages [0.9] (torch calls it rho). */
  beta?: number;
  /** [1e-6] */
  eps?: number;
  /** Scale of the step; the lecture's AdaDelta has none, i.e. 1 [1]. */
  eta?: LearningRate;
  flavor?: Flavor;
}

export interface AdadeltaState {
  readonly t: number;
  /** Running average of squared gradients. */
  readonly v: Float64Array;
  /** Running average of squared updates (used by the NEXT step's numerator). */
  readonly u: Float64Array;
  /** The last update Delta w_t (before eta). */
  readonly delta: Float64Array;
  readonly [key: string]: number | Float64Array;
}

/**
 * AdaDelta: no learning rate; the numerator is a running average of past updates.
 *
 *   v_t = beta * v_{t-1} + (1 - beta) * grad_t^2
 *   Delta_t = sqrt(u_{t-1} + eps) / sqrt(v_t + eps) * grad_t
 *   u_t = beta * u_{t-1} + (1 - beta) * Delta_t^2
 *   w_{t+1} = w_t - eta * Delta_t          (eta = 1 in the lecture)
 *
 * Effective rate: eta * sqrt(u_{t-1} + eps) / sqrt(v_t + eps). Flavors: identical arithmetic —
 * torch.optim.Adadelta(lr=eta, rho=beta) accumulates u from the update before lr scaling, as here.
 * @example optimizers.adadelta({ beta: 0.99, eps: 1e-4 })
 */
export function adadelta(opts?: AdadeltaOptions): Optimizer<AdadeltaState, AdadeltaHyperparameters> {
  const fn = "adadelta";
  const o = check.options<AdadeltaOptions>(fn, opts, ["beta", "eps", "eta", "flavor"]);
  const eta = learningRate(fn, o.eta ?? 1);
  const b = beta(fn, "beta", o.beta, 0.9);
  const eps = epsOf(fn, o.eps, 1e-6);
  return defineOptimizer({
    name: fn,
    flavor: flavorOf(fn, o.flavor),
    hyper: { eta, beta: b, eps },
    stateKeys: ["v", "u", "delta"],
    initState: (n) => ({ t: 0, v: zeros(n), u: zeros(n), delta: zeros(n) }),
    step(grad, state, params, eta) {
      const n = params.length;
      const v = new Float64Array(n);
      const u = new Float64Array(n);
      const delta = new Float64Array(n);
      const w = new Float64Array(n);
      const rate = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        v[i] = b * state.v[i] + (1 - b) * (grad[i] * grad[i]);
        const ratio = Math.sqrt(state.u[i] + eps) / Math.sqrt(v[i] + eps);
        delta[i] = ratio * grad[i];
        u[i] = b * state.u[i] + (1 - b) * (delta[i] * delta[i]);
        rate[i] = eta * ratio;
        w[i] = params[i] - eta * delta[i];
      }
      return { params: w, state: { t: state.t + 1, v, u, delta }, effectiveRate: rate };
    },
  });
}
