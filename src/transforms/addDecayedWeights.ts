import * as check from "../validate";
import type { GradientTransformation } from "./types";

/**
 * Decoupled weight decay (AdamW, Lion): u <- u + lambda * w. Placed before
 * scaleByLearningRate, the step becomes w - eta (u + lambda w).
 * @example transforms.addDecayedWeights(0.01)
 */
export function addDecayedWeights(weightDecay: number): GradientTransformation {
  const lambda = check.nonNegative("transforms.addDecayedWeights", "weightDecay", weightDecay);
  return Object.freeze({
    name: "addDecayedWeights",
    hyper: Object.freeze({ weightDecay: lambda }),
    stateKeys: Object.freeze([]),
    init: () => ({}),
    update(u: Float64Array, state: Record<string, Float64Array>, params: Float64Array) {
      const out = new Float64Array(u.length);
      for (let i = 0; i < u.length; i++) out[i] = u[i] + lambda * params[i];
      return { updates: out, state };
    },
  });
}
