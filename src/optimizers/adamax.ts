import * as check from "../validate";
import { beta, defineOptimizer, eps as epsOf, flavorOf, learningRate, zeros } from "./common";
import { biasCorrected, firstMoment } from "./moments";
import type { Flavor, LearningRate, Optimizer } from "./types";

export interface AdamaxOptions {
  eta: LearningRate;
  /** [0.9] */
  beta1?: number;
  /** [0.999] */
  beta2?: number;
  /** [1e-8] */
  eps?: number;
  flavor?: Flavor;
}

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
export function adamax(opts: AdamaxOptions): Optimizer<AdamaxState> {
  const fn = "adamax";
  const o = check.options<AdamaxOptions>(fn, opts, ["eta", "beta1", "beta2", "eps", "flavor"]);
  const eta = learningRate(fn, o.eta);
  const beta1 = beta(fn, "beta1", o.beta1, 0.9);
  const beta2 = beta(fn, "beta2", o.beta2, 0.999);
  const eps = epsOf(fn, o.eps, 1e-8);
  const flavor = flavorOf(fn, o.flavor);
  const torch = flavor === "torch";
  return defineOptimizer<AdamaxState>({
    name: fn,
    flavor,
    hyper: { eta, beta1, beta2, eps },
    stateKeys: ["m", "mHat", "v"],
    initState: (n) => ({ t: 0, m: zeros(n), mHat: zeros(n), v: zeros(n) }),
    step(grad, state, params, lr) {
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
          rate[i] = lr / v[i];
          w[i] = params[i] - (lr / bc1) * (m[i] / v[i]);
        } else {
          v[i] = Math.max(beta2 * state.v[i], Math.abs(grad[i]));
          rate[i] = lr / (v[i] + eps);
          w[i] = params[i] - lr * (mHat[i] / (v[i] + eps));
        }
      }
      return { params: w, state: { t, m, mHat, v }, lr: rate };
    },
  }, eta);
}
