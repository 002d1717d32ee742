import { randomSource } from "../rng";
import * as check from "../validate";

export interface GradientProfileOptions {
  /** Number of steps [100]. */
  n?: number;
  /** Steps with a high gradient at the start [10]. */
  highSteps?: number;
  /** Size of the early, high gradients [1]. */
  high?: number;
  /** After highSteps the gradient decays as high * exp(-(t - highSteps) / decaySteps) [20]. */
  decaySteps?: number;
  /** Relative noise on each gradient, e.g. 0.2 for +-20% [0.2]. */
  noise?: number;
  /** Fraction of steps whose gradient is exactly 0 (a sparse input, x = 0) [0]. */
  zeroFraction?: number;
  seed?: number | string;
}

/**
 * The AdaMax slides' gradient sequence: high for the first `highSteps` steps, then decreasing,
 * optionally with some steps exactly zero (x = 0 for a sparse feature).
 * @example datasets.gradientProfile({ n: 50, zeroFraction: 0.5, seed: 1 })
 */
export function gradientProfile(opts?: GradientProfileOptions): number[] {
  const fn = "datasets.gradientProfile";
  const o = check.options<GradientProfileOptions>(fn, opts, [
    "n", "highSteps", "high", "decaySteps", "noise", "zeroFraction", "seed",
  ]);
  const n = check.positiveInt(fn, "n", o.n ?? 100);
  const highSteps = check.nonNegativeInt(fn, "highSteps", o.highSteps ?? 10);
  const high = check.positive(fn, "high", o.high ?? 1);
  const decaySteps = check.positive(fn, "decaySteps", o.decaySteps ?? 20);
  const noise = check.nonNegative(fn, "noise", o.noise ?? 0.2);
  const zeroFraction = check.fraction(fn, "zeroFraction", o.zeroFraction ?? 0);
  const rng = randomSource(o.seed ?? 0);
  const out: number[] = [];
  for (let t = 0; t < n; t++) {
    const base = t < highSteps ? high : high * Math.exp(-(t - highSteps) / decaySteps);
    const jitter = 1 + noise * (2 * rng.uniform() - 1);
    const zero = rng.uniform() < zeroFraction;
    out.push(zero ? 0 : base * jitter);
  }
  return out;
}
