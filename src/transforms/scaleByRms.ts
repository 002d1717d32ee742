import { beta as betaOf, eps as epsOf } from "../optimizers/common";
import { secondMoment } from "../optimizers/moments";
import * as check from "../validate";
import type { GradientTransformation } from "./types";

export interface ScaleByRmsOptions {
  beta?: number;
  eps?: number;
}

/**
 * RMSProp's scaling (the same arithmetic as optimizers.rmsprop):
 *
 *   v = beta v + (1 - beta) u^2;   u <- u / (sqrt(v) + eps)
 * @example transforms.chain(transforms.scaleByRms({ beta: 0.9 }), transforms.scaleByLearningRate(0.01))   // RMSProp
 */
export function scaleByRms(opts: ScaleByRmsOptions = {}): GradientTransformation {
  const fn = "transforms.scaleByRms";
  const o = check.options<ScaleByRmsOptions>(fn, opts, ["beta", "eps"]);
  const beta = betaOf(fn, "beta", o.beta, 0.9);
  const eps = epsOf(fn, o.eps, 1e-8);
  return Object.freeze({
    name: "scaleByRms",
    hyper: Object.freeze({ beta, eps }),
    stateKeys: Object.freeze(["v"]),
    init: (n: number) => ({ v: new Float64Array(n) }),
    update(u: Float64Array, state: Record<string, Float64Array>) {
      const v = secondMoment(state.v, u, beta);
      const out = new Float64Array(u.length);
      const scale = new Float64Array(u.length);
      for (let i = 0; i < u.length; i++) {
        const denom = Math.sqrt(v[i]) + eps;
        out[i] = u[i] / denom;
        scale[i] = 1 / denom;
      }
      return { updates: out, state: { v }, scale };
    },
  });
}
