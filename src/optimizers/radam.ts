import type { RadamHyperparameters } from "./hyperparameters";
import { defineOptimizer } from "./common";
import { adamInit, type AdamState } from "./adam";
import { adamLikeOptions, biasCorrected, firstMoment, secondMoment, type AdamLikeOptions } from "./moments";
import type { Optimizer } from "./types";

export type RadamOptions = AdamLikeOptions;

/**
 * RAdam (rectified Adam): plain momentum steps while the variance estimate is unreliable,
 * then Adam scaled by a rectification factor r_t.
 *
 *   m_t, v_t, mHat_t, vHat_t as in Adam
 *   rho_inf = 2 / (1 - beta2) - 1,   rho_t = rho_inf - 2 t beta2^t / (1 - beta2^t)
 *   if rho_t > 5:  r_t = sqrt((rho_t - 4)(rho_t - 2) rho_inf / ((rho_inf - 4)(rho_inf - 2) rho_t))
 *                  w_{t+1} = w_t - eta * r_t * mHat_t / (sqrt(vHat_t) + eps)
 *   else:          w_{t+1} = w_t - eta * mHat_t
 * Effective rate: the factor on mHat_t. Flavors: torch.optim.RAdam adds eps to sqrt(v_t) before the
 * bias correction: w_{t+1} = w_t - eta * r_t * mHat_t * sqrt(1 - beta2^t) / (sqrt(v_t) + eps).
 * @example optimizers.radam({ eta: 0.1 })
 */
export function radam(opts: RadamOptions): Optimizer<AdamState, RadamHyperparameters> {
  const fn = "radam";
  const { h } = adamLikeOptions<RadamOptions>(fn, opts);
  const { eta, beta1, beta2, eps, flavor, torch } = h;
  const rhoInf = 2 / (1 - beta2) - 1;
  return defineOptimizer({
    name: fn,
    flavor,
    hyper: { eta, beta1, beta2, eps },
    stateKeys: ["m", "v", "mHat", "vHat"],
    initState: adamInit,
    step(grad, state, params, eta) {
      const n = params.length;
      const t = state.t + 1;
      const m = firstMoment(state.m, grad, beta1);
      const v = secondMoment(state.v, grad, beta2);
      const mHat = biasCorrected(m, beta1, t);
      const vHat = biasCorrected(v, beta2, t);
      const bc2 = 1 - Math.pow(beta2, t);
      const rhoT = rhoInf - (2 * t * Math.pow(beta2, t)) / bc2;
      const rectified = rhoT > 5;
      const r = rectified ? Math.sqrt(((rhoT - 4) * (rhoT - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rhoT)) : 1;
      const w = new Float64Array(n);
      const rate = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        if (!rectified) rate[i] = eta;
        else if (torch) rate[i] = eta * (Math.sqrt(bc2) / (Math.sqrt(v[i]) + eps)) * r;
        else rate[i] = (eta * r) / (Math.sqrt(vHat[i]) + eps);
        w[i] = params[i] - mHat[i] * rate[i];
      }
      return { params: w, state: { t, m, v, mHat, vHat }, effectiveRate: rate };
    },
  });
}
