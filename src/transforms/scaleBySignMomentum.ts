import { beta as betaOf } from "../optimizers/common";
import { firstMoment } from "../optimizers/moments";
import * as check from "../validate";
import type { GradientTransformation } from "./types";

export interface ScaleBySignMomentumOptions {
  beta1?: number;
  beta2?: number;
}

/**
 * Lion's direction (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms"): the sign of
 * an interpolation between the momentum and the gradient, with the momentum updated afterwards
 * with a second, slower decay:
 *
 *   c = beta1 m + (1 - beta1) u;   u <- sign(c);   m = beta2 m + (1 - beta2) u_in
 * @example transforms.scaleBySignMomentum({ beta1: 0.9, beta2: 0.99 })
 */
export function scaleBySignMomentum(opts: ScaleBySignMomentumOptions = {}): GradientTransformation {
  const fn = "transforms.scaleBySignMomentum";
  const o = check.options<ScaleBySignMomentumOptions>(fn, opts, ["beta1", "beta2"]);
  const beta1 = betaOf(fn, "beta1", o.beta1, 0.9);
  const beta2 = betaOf(fn, "beta2", o.beta2, 0.99);
  return Object.freeze({
    name: "scaleBySignMomentum",
    hyper: Object.freeze({ beta1, beta2 }),
    stateKeys: Object.freeze(["m"]),
    init: (n: number) => ({ m: new Float64Array(n) }),
    update(g: Float64Array, state: Record<string, Float64Array>) {
      const c = firstMoment(state.m, g, beta1); // the interpolation whose sign is the direction
      return { updates: c.map(Math.sign), state: { m: firstMoment(state.m, g, beta2) }, scale: 1 };
    },
  });
}
