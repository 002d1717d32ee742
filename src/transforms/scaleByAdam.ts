import { beta as betaOf, eps as epsOf } from "../optimizers/common";
import { biasCorrected, firstMoment, secondMoment } from "../optimizers/moments";
import * as check from "../validate";
import type { GradientTransformation } from "./types";

export interface ScaleByAdamOptions {
  beta1?: number;
  beta2?: number;
  eps?: number;
}

/**
 * Adam's scaling, bias-corrected, in the lecture's order (the same arithmetic as optimizers.adam):
 *
 *   m = beta1 m + (1 - beta1) u        v = beta2 v + (1 - beta2) u^2
 *   mHat = m / (1 - beta1^t)           vHat = v / (1 - beta2^t)
 *   u <- mHat / (sqrt(vHat) + eps)
 * @example transforms.chain(transforms.scaleByAdam(), transforms.scaleByLearningRate(0.1))   // Adam
 */
export function scaleByAdam(opts: ScaleByAdamOptions = {}): GradientTransformation {
  const fn = "transforms.scaleByAdam";
  const o = check.options<ScaleByAdamOptions>(fn, opts, ["beta1", "beta2", "eps"]);
  const beta1 = betaOf(fn, "beta1", o.beta1, 0.9);
  const beta2 = betaOf(fn, "beta2", o.beta2, 0.999);
  const eps = epsOf(fn, o.eps, 1e-8);
  return Object.freeze({
    name: "scaleByAdam",
    hyper: Object.freeze({ beta1, beta2, eps }),
    stateKeys: Object.freeze(["m", "v", "mHat", "vHat"]),
    init: (n: number) => ({ m: new Float64Array(n), v: new Float64Array(n), mHat: new Float64Array(n), vHat: new Float64Array(n) }),
    update(u: Float64Array, state: Record<string, Float64Array>, _params: Float64Array, t: number) {
      const m = firstMoment(state.m, u, beta1);
      const v = secondMoment(state.v, u, beta2);
      const mHat = biasCorrected(m, beta1, t);
      const vHat = biasCorrected(v, beta2, t);
      const out = new Float64Array(u.length);
      const scale = new Float64Array(u.length);
      for (let i = 0; i < u.length; i++) {
        const denom = Math.sqrt(vHat[i]) + eps;
        out[i] = mHat[i] / denom;
        scale[i] = 1 / denom;
      }
      return { updates: out, state: { m, v, mHat, vHat }, scale };
    },
  });
}
