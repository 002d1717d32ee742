import type { AdamaxHyperparameters } from "./hyperparameters";
import { defineOptimizer, zeros } from "./common";
import { adamLikeOptions, biasCorrected, firstMoment, type AdamLikeOptions } from "./moments";
import type { Optimizer } from "./types";

export type AdamaxOptions = AdamLikeOptions;

export interface AdamaxState {
  readonly t: number;
  readonly m: Float64Array;
  readonly mHat: Float64Array;
  /** The max norm u_t (no bias correction needed: the max is not biased towards 0). */
  readonly v: Float64Array;
  readonly [key: string]: number | Float64Array;
}

/**
 * AdaMax: Adam with the L-infinity norm of past gradients in the denominator.
 *
 *   m_t = beta1 * m_{t-1} + (1 - beta1) * grad_t        mHat_t = m_t / (1 - beta1^t)
 *   v_t = max(beta2 * v_{t-1}, |grad_t|)
 *   w_{t+1} = w_t - eta / (v_t + eps) * mHat_t
 *
 * Effective rate: eta / (v_t + eps), the factor on mHat. Flavors: torch.optim.Adamax puts eps INSIDE
 * the max — v_t = max(beta2 * v_{t-1}, |grad_t| + eps) — and divides by v_t alone:
 * w_{t+1} = w_t - (eta / (1 - beta1^t)) * m_t / v_t.
 * @example optimizers.adamax({ eta: 0.025, beta1: 0.9, beta2: 0.999 })
 */
export function adamax(opts: AdamaxOptions): Optimizer<AdamaxState, AdamaxHyperparameters> {
  const fn = "adamax";
  const { h } = adamLikeOptions<AdamaxOptions>(fn, opts);
  const { eta, beta1, beta2, eps, flavor, torch } = h;
  return defineOptimizer({
    name: fn,
    flavor,
    hyper: { eta, beta1, beta2, eps },
    stateKeys: ["m", "mHat", "v"],
    initState: (n) => ({ t: 0, m: zeros(n), mHat: zeros(n), v: zeros(n) }),
    step(grad, state, params, eta) {
      const n = params.length;
      const t = state.t + 1;
      const m = firstMoment(state.m, grad, beta1);
      const mHat = biasCorrected(m, beta1, t);
      const bc1 = 1 - Math.pow(beta1, t);
      const v = new Float64Array(n);
      const w = new Float64Array(n);
      const rate = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        if (torch) {
          v[i] = Math.max(beta2 * state.v[i], Math.abs(grad[i]) + eps);
          rate[i] = eta / v[i];
          w[i] = params[i] - (eta / bc1) * (m[i] / v[i]);
        } else {
          v[i] = Math.max(beta2 * state.v[i], Math.abs(grad[i]));
          rate[i] = eta / (v[i] + eps);
          w[i] = params[i] - eta * (mHat[i] / (v[i] + eps));
        }
      }
      return { params: w, state: { t, m, mHat, v }, effectiveRate: rate };
    },
  });
}
