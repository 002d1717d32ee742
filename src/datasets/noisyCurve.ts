import { randomSource } from "../rng";
import * as check from "../validate";

export interface NoisyCurve {
  /** Time steps 1..n. */
  t: number[];
  /** The smooth function the observations come from. */
  truth: number[];
  /** truth + noise * N(0, 1). */
  observed: number[];
}

/**
 * Noisy observations of a smooth, positive function (1.5 + sin-shaped bumps), for the
 * exponential-average / bias-correction / max-norm demonstrations: an average started at 0
 * is visibly biased towards zero for the first steps.
 * @example const { t, truth, observed } = datasets.noisyCurve({ n: 100, seed: 3 });
 */
export function noisyCurve(opts?: { n?: number; seed?: number | string; noise?: number }): NoisyCurve {
  const fn = "datasets.noisyCurve";
  const o = check.options<{ n: number; seed: number | string; noise: number }>(fn, opts, ["n", "seed", "noise"]);
  const n = check.positiveInt(fn, "n", o.n ?? 100);
  const noise = check.nonNegative(fn, "noise", o.noise ?? 0.3);
  const seed = o.seed ?? 0;
  if (typeof seed !== "number" && typeof seed !== "string") check.fail(fn, "seed", "a number or string", seed);
  const rng = randomSource(seed);
  const t = Array.from({ length: n }, (_, i) => i + 1);
  const truth = t.map((s) => 1.5 + 0.6 * Math.sin((3 * Math.PI * s) / n) + 0.3 * Math.sin((7 * Math.PI * s) / n));
  const observed = truth.map((v) => v + noise * rng.normal());
  return { t, truth, observed };
}
