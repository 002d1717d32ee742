import { etaAt, learningRate } from "../optimizers/common";
import type { LearningRate } from "../optimizers/types";
import type { GradientTransformation } from "./types";

/**
 * The step: u <- -eta_t * u, with eta a number or a schedule (evaluated at step t - 1, as every
 * optimizer's eta). Its eta is reported as the update's eta.
 * @example transforms.scaleByLearningRate(schedules.cosineAnnealing({ etaMax: 0.1, T: 100 }))
 */
export function scaleByLearningRate(eta: LearningRate): GradientTransformation {
  const fn = "transforms.scaleByLearningRate";
  const rate = learningRate(fn, eta);
  return Object.freeze({
    name: "scaleByLearningRate",
    hyper: Object.freeze({ eta: rate }),
    stateKeys: Object.freeze([]),
    init: () => ({}),
    update(u: Float64Array, state: Record<string, Float64Array>, _params: Float64Array, t: number) {
      const etaT = etaAt(fn, rate, t);
      const out = new Float64Array(u.length);
      for (let i = 0; i < u.length; i++) out[i] = -etaT * u[i];
      return { updates: out, state, scale: etaT, eta: etaT };
    },
  });
}
