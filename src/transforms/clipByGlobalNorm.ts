import * as check from "../validate";
import type { GradientTransformation } from "./types";

/**
 * Clips the update to a maximum Euclidean norm: u <- u * min(1, maxNorm / ||u||).
 * @example transforms.chain(transforms.clipByGlobalNorm(1), transforms.scaleByAdam(), transforms.scaleByLearningRate(0.1))
 */
export function clipByGlobalNorm(maxNorm: number): GradientTransformation {
  const limit = check.positive("transforms.clipByGlobalNorm", "maxNorm", maxNorm);
  return Object.freeze({
    name: "clipByGlobalNorm",
    hyper: Object.freeze({ maxNorm: limit }),
    stateKeys: Object.freeze([]),
    init: () => ({}),
    update(u: Float64Array, state: Record<string, Float64Array>) {
      let sq = 0;
      for (let i = 0; i < u.length; i++) sq += u[i] * u[i];
      const norm = Math.sqrt(sq);
      if (!(norm > limit)) return { updates: u.slice(), state, scale: 1 };
      const factor = limit / norm;
      const out = new Float64Array(u.length);
      for (let i = 0; i < u.length; i++) out[i] = u[i] * factor;
      return { updates: out, state, scale: factor };
    },
  });
}
