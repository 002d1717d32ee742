import type { NadamHyperparameters } from "./hyperparameters";
import * as check from "../validate";
import { defineOptimizer, zeros } from "./common";
import { adamLikeOptions, biasCorrected, firstMoment, secondMoment, type AdamLikeOptions } from "./moments";
import type { Optimizer } from "./types";

export interface NadamOptions extends AdamLikeOptions {
  /** torch flavor only: psi in mu_t = beta1 (1 - 0.5 * 0.96^(t psi)) [0.004]. */
  momentumDecay?: number;
}

export interface NadamState {
  readonly t: number;
  readonly m: Float64Array;
  readonly v: Float64Array;
  readonly mHat: Float64Array;
  readonly vHat: Float64Array;
  /** torch flavor: product mu_1 ... mu_t (1 at t = 0). */
  readonly muProduct: number;
  readonly [key: string]: number | Float64Array;
}

/**
 * NAdam: Adam with Nesterov's look-ahead folded into the momentum term.
 *
 * Lecture (the slides' update, t = 1 on the first update):
 *   m_t, v_t, mHat_t, vHat_t as in Adam
 *   w_{t+1} = w_t - eta / (sqrt(vHat_t) + eps) * (beta1 * mHat_t + (1 - beta1) * grad_t / (1 - beta1^t))
 *
 * Torch (torch.optim.NAdam, Dozat's momentum-decay schedule):
 *   mu_t = beta1 * (1 - 0.5 * 0.96^(t * psi)),  mu_{t+1} likewise,  P_t = mu_1 ... mu_t
 *   w_{t+1} = w_t - eta (1 - mu_t) / (1 - P_t) * grad_t / d_t - eta mu_{t+1} / (1 - P_t mu_{t+1}) * m_t / d_t
 *   with d_t = sqrt(v_t / (1 - beta2^t)) + eps.
 * Effective rate: eta / (sqrt(vHat_t) + eps) in both flavors (the common adaptive factor).
 * @example optimizers.nadam({ eta: 0.1 })
 */
export function nadam(opts: NadamOptions): Optimizer<NadamState, NadamHyperparameters> {
  const fn = "nadam";
  const { o, h } = adamLikeOptions<NadamOptions>(fn, opts, ["momentumDecay"]);
  const { eta, beta1, beta2, eps, flavor, torch } = h;
  const psi = check.nonNegative(fn, "momentumDecay", o.momentumDecay ?? 0.004);
  const mu = (t: number) => beta1 * (1 - 0.5 * Math.pow(0.96, t * psi));
  return defineOptimizer({
    name: fn,
    flavor,
    hyper: torch ? { eta, beta1, beta2, eps, momentumDecay: psi } : { eta, beta1, beta2, eps },
    stateKeys: ["m", "v", "mHat", "vHat"],
    initState: (n) => ({ t: 0, m: zeros(n), v: zeros(n), mHat: zeros(n), vHat: zeros(n), muProduct: 1 }),
    step(grad, state, params, eta) {
      const n = params.length;
      const t = state.t + 1;
      const m = firstMoment(state.m, grad, beta1);
      const v = secondMoment(state.v, grad, beta2);
      const mHat = biasCorrected(m, beta1, t);
      const vHat = biasCorrected(v, beta2, t);
      const w = new Float64Array(n);
      const rate = new Float64Array(n);
      const bc1 = 1 - Math.pow(beta1, t);
      const muT = mu(t);
      const muNext = mu(t + 1);
      const muProduct = state.muProduct * muT;
      const gradScale = (-eta * (1 - muT)) / (1 - muProduct);
      const momentumScale = (-eta * muNext) / (1 - muProduct * muNext);
      for (let i = 0; i < n; i++) {
        const denom = Math.sqrt(vHat[i]) + eps;
        rate[i] = eta / denom;
        if (torch) {
          w[i] = params[i] + gradScale * (grad[i] / denom) + momentumScale * (m[i] / denom);
        } else {
          w[i] = params[i] - (eta / denom) * (beta1 * mHat[i] + ((1 - beta1) * grad[i]) / bc1);
        }
      }
      return { params: w, state: { t, m, v, mHat, vHat, muProduct: torch ? muProduct : 1 }, effectiveRate: rate };
    },
  });
}
