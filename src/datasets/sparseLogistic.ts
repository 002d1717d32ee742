import { randomSource } from "../rng";
import * as check from "../validate";

/** A sparse binary-classification set in CSR form: row i's non-zeros are indices/values[indptr[i] .. indptr[i+1]). */
export interface SparseLogisticData {
  n: number;
  features: number;
  indptr: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  /** Labels 0 or 1. */
  y: Float64Array;
  /** The weights (features) and bias that generated the labels. */
  wTrue: Float64Array;
  bTrue: number;
}

/**
 * A many-feature sparse classification problem ("1000s of input features"): feature j is non-zero
 * in a row with a probability that falls off log-uniformly from 10x to 0.1x `density`, so a few
 * features are common and many are rare; labels are Bernoulli(sigmoid(x . wTrue + bTrue)).
 * Rare features carry as much signal as common ones, which is where AdaGrad's per-parameter
 * rates visibly help.
 * @example const d = datasets.sparseLogistic({ n: 2000, features: 1000, density: 0.01, seed: 0 });
 */
export function sparseLogistic(opts?: {
  n?: number; features?: number; density?: number; seed?: number | string;
}): SparseLogisticData {
  const fn = "datasets.sparseLogistic";
  const o = check.options<{ n: number; features: number; density: number; seed: number | string }>(
    fn, opts, ["n", "features", "density", "seed"]);
  const n = check.positiveInt(fn, "n", o.n ?? 2000);
  const features = check.positiveInt(fn, "features", o.features ?? 1000);
  const density = o.density ?? 0.01;
  if (typeof density !== "number" || !(density > 0 && density <= 0.1)) {
    check.fail(fn, "density", "a number in (0, 0.1]", density);
  }
  const rng = randomSource(o.seed ?? 0);
  // Per-feature frequency: log-uniform between 10*density and density/10, capped at 1.
  const freq = new Float64Array(features);
  for (let j = 0; j < features; j++) {
    const u = features === 1 ? 0.5 : j / (features - 1);
    freq[j] = Math.min(1, density * Math.pow(10, 1 - 2 * u));
  }
  const wTrue = new Float64Array(features);
  for (let j = 0; j < features; j++) wTrue[j] = 2 * rng.normal();
  const bTrue = -0.5;
  const indptr = new Int32Array(n + 1);
  const idx: number[] = [];
  const vals: number[] = [];
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let z = bTrue;
    for (let j = 0; j < features; j++) {
      if (rng.uniform() < freq[j]) {
        const v = rng.between(0.5, 1.5);
        idx.push(j);
        vals.push(v);
        z += wTrue[j] * v;
      }
    }
    indptr[i + 1] = idx.length;
    y[i] = rng.uniform() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  }
  return { n, features, indptr, indices: Int32Array.from(idx), values: Float64Array.from(vals), y, wTrue, bTrue };
}
