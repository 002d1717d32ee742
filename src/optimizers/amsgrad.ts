import type { AmsgradHyperparameters } from "./hyperparameters";
import { defineOptimizer, zeros } from "./common";
import { adamLikeOptions, firstMoment, secondMoment, type AdamLikeOptions } from "./moments";
import type { Optimizer } from "./types";

export type AmsgradOptions = AdamLikeOptions;

export interface AmsgradState {
  readonly t: number;
  readonly m: Float64Array;
  readonly v: Float64Array;
  /** Running maximum of v: vHat_t = max(vHat_{t-1}, v_t). */
  readonly vHat: Float64Array;
  readonly [key: string]: number | Float64Array;
}

/**
 * AMSGrad: Adam whose denominator never shrinks (keeps the largest v seen).
 *
 * Lecture (no bias correction, as the slide stresses):
 *   m_t = beta1 * m_{t-1} + (1 - beta1) * grad_t
 *   v_t = beta2 * v_{t-1} + (1 - beta2) * grad_t^2
 *   vHat_t = max(vHat_{t-1}, v_t)
 *   w_{t+1} = w_t - eta / (sqrt(vHat_t) + eps) * m_t
 * Torch (torch.optim.Adam(amsgrad=True)) bias-corrects both moments:
 *   w_{t+1} = w_t - (eta / (1 - beta1^t)) * m_t / (sqrt(vHat_t) / sqrt(1 - beta2^t) + eps)
 * Effective rate: the factor on m_t (lecture) or on m_t / (1 - beta1^t) (torch):
 * eta / (sqrt(vHat_t) + eps), respectively eta / (sqrt(vHat_t / (1 - beta2^t)) + eps).
 * @example optimizers.amsgrad({ eta: 0.1 })
 */
export function amsgrad(opts: AmsgradOptions): Optimizer<AmsgradState, AmsgradHyperparameters> {
  const fn = "amsgrad";
  const { h } = adamLikeOptions<AmsgradOptions>(fn, opts);
  const { eta, beta1, beta2, eps, flavor, torch } = h;
  return defineOptimizer({
    name: fn,
    flavor,
    hyper: { eta, beta1, beta2, eps },
    stateKeys: ["m", "v", "vHat"],
    initState: (n) => ({ t: 0, m: zeros(n), v: zeros(n), vHat: zeros(n) }),
    step(grad, state, params, eta) {
      const n = params.length;
      const t = state.t + 1;
      const m = firstMoment(state.m, grad, beta1);
      const v = secondMoment(state.v, grad, beta2);
      const vHat = new Float64Array(n);
      const w = new Float64Array(n);
      const rate = new Float64Array(n);
      const bc1 = 1 - Math.pow(beta1, t);
      const bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
      for (let i = 0; i < n; i++) {
        vHat[i] = Math.max(state.vHat[i], v[i]);
        const denom = torch ? Math.sqrt(vHat[i]) / bc2Sqrt + eps : Math.sqrt(vHat[i]) + eps;
        rate[i] = eta / denom;
        w[i] = torch ? params[i] - (eta / bc1) * (m[i] / denom) : params[i] - eta * (m[i] / denom);
      }
      return { params: w, state: { t, m, v, vHat }, effectiveRate: rate };
    },
  });
}
