import { randomSource, shuffledIndices } from "../rng";
import * as check from "../validate";
import type { PointData } from "./types";

export interface SparseOptions {
  /** Number of points [500]. */
  n?: number;
  /** Fraction of points whose x is set to exactly 0 [0.8]; exactly round(sparsity * n) points. */
  sparsity?: number;
  /** Seed of the generator [0]. */
  seed?: number | string;
  /** True weight of the generating sigmoid [SPARSE_DEFAULTS.wTrue]. */
  wTrue?: number;
  /** True bias of the generating sigmoid [SPARSE_DEFAULTS.bTrue]. */
  bTrue?: number;
  /** Range of the non-zero x values before sparsification [SPARSE_DEFAULTS.xRange]. */
  xRange?: [number, number];
  /** Standard deviation of the Gaussian noise added to y before clipping to [0, 1] [SPARSE_DEFAULTS.noise]. */
  noise?: number;
}

/**
 * Defaults chosen so the lecture's story shows on the generated data (seed 0): at (w, b) = (-2, -2)
 * the summed batch gradient is (grad_w, grad_b) = (-0.566, -9.185) — the slide's grad_b0 = -9.19 —
 * so AdaGrad's first effective rates are 0.1/0.566 = 0.177 for w and 0.1/9.185 = 0.011 for b, and GD
 * (eta = 0.01) moves b from -2 to -0.70 in 20 steps while w only goes from -2 to -1.72.
 * The slide's other number, v_w0 = 0.019 (|grad_w0| = 0.138), needs non-zero x well above 1 or a true
 * w near -2.5 (see the lecture's slide-numbers-checked.md); with x that large the loss has a flat,
 * saturated plateau at large w where momentum and NAG stall, so the kit keeps x in [0.5, 3] and all of
 * GD, momentum and NAG reach the minimum near (1.00, -0.73) (loss 0.629).
 */
export const SPARSE_DEFAULTS = Object.freeze({
  n: 500,
  sparsity: 0.8,
  seed: 0,
  wTrue: 1,
  bTrue: -0.74,
  xRange: [0.5, 3] as [number, number],
  noise: 0.05,
});

/**
 * n points of a sparse one-feature problem: x uniform in xRange, then exactly round(sparsity*n)
 * of them (chosen by a seeded shuffle) set to 0; y = sigmoid(wTrue*x + bTrue) + noise*N(0,1),
 * clipped to [0, 1]. Same seed, same arrays, on any machine.
 * @example const data = datasets.sparse({ seed: 1 }); data.x.filter((v) => v === 0).length // 400
 */
export function sparse(opts?: SparseOptions): PointData {
  const fn = "datasets.sparse";
  const o = check.options<SparseOptions>(fn, opts, ["n", "sparsity", "seed", "wTrue", "bTrue", "xRange", "noise"]);
  const n = check.positiveInt(fn, "n", o.n ?? SPARSE_DEFAULTS.n);
  const sparsity = check.fraction(fn, "sparsity", o.sparsity ?? SPARSE_DEFAULTS.sparsity);
  const seed = o.seed ?? SPARSE_DEFAULTS.seed;
  if (typeof seed !== "number" && typeof seed !== "string") check.fail(fn, "seed", "a number or string", seed);
  const wTrue = check.finite(fn, "wTrue", o.wTrue ?? SPARSE_DEFAULTS.wTrue);
  const bTrue = check.finite(fn, "bTrue", o.bTrue ?? SPARSE_DEFAULTS.bTrue);
  const noise = check.nonNegative(fn, "noise", o.noise ?? SPARSE_DEFAULTS.noise);
  const range = o.xRange ?? SPARSE_DEFAULTS.xRange;
  const [lo, hi] = check.finiteVector(fn, "xRange", range, 2);
  if (!(lo <= hi)) check.fail(fn, "xRange", "[lo, hi] with lo <= hi", range);

  const rng = randomSource(seed);
  const x = Array.from({ length: n }, () => rng.between(lo, hi));
  const zeros = Math.round(sparsity * n);
  for (const i of shuffledIndices(n, rng).slice(0, zeros)) x[i] = 0;
  const y = x.map((xi) => {
    const clean = 1 / (1 + Math.exp(-(wTrue * xi + bTrue)));
    return Math.min(1, Math.max(0, clean + noise * rng.normal()));
  });
  return { x, y };
}
