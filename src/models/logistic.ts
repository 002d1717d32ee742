import type { SparseLogisticData } from "../datasets/sparseLogistic";
import * as check from "../validate";
import type { Model, PreparedModel } from "./types";

/** log(1 + exp(z)) without overflow, given e = exp(-|z|): z > 0 ? z + log1p(exp(-z)) : log1p(exp(z)). */
function softplusWithExp(z: number, e: number): number {
  return z > 0 ? z + Math.log1p(e) : Math.log1p(e);
}

/** log(1 + exp(z)) without overflow. */
function softplus(z: number): number {
  return softplusWithExp(z, Math.exp(-Math.abs(z)));
}

function margin(params: ArrayLike<number>, d: SparseLogisticData, i: number): number {
  let z = params[d.features];
  for (let k = d.indptr[i]; k < d.indptr[i + 1]; k++) z += params[d.indices[k]] * d.values[k];
  return z;
}

/**
 * Bound to one dataset: loss() keeps the margins z_i it computed and the params they belong to, so
 * the batch gradient at the same params (the next epoch's, for every optimizer but lecture NAG)
 * skips the second pass over the non-zeros; where z_i >= 0 it also reuses loss()'s exp(-|z_i|) for
 * the sigmoid. Same arithmetic, bit for bit, as loss / addPointGradient (test/models.test.ts).
 */
function prepareLogistic(d: SparseLogisticData): PreparedModel {
  const { n, features, indptr, indices, values, y } = d;
  const z = new Float64Array(n);
  /** exp(-|z_i|), computed by loss() and valid while `haveExp`. */
  const expNegAbsZ = new Float64Array(n);
  const at = new Float64Array(features + 1);
  let valid = false;
  let haveExp = false;
  const margins = (params: ArrayLike<number>) => {
    if (valid) {
      let same = true;
      for (let j = 0; j <= features; j++) if (at[j] !== params[j]) { same = false; break; }
      if (same) return;
    }
    for (let i = 0; i < n; i++) z[i] = margin(params, d, i);
    for (let j = 0; j <= features; j++) at[j] = params[j];
    valid = true;
    haveExp = false;
  };
  return {
    loss(params) {
      margins(params);
      let sum = 0;
      for (let i = 0; i < n; i++) {
        const e = Math.exp(-Math.abs(z[i]));
        expNegAbsZ[i] = e;
        sum += softplusWithExp(z[i], e) - y[i] * z[i];
      }
      haveExp = true;
      return sum;
    },
    batchGradient(params, out) {
      margins(params);
      for (let i = 0; i < n; i++) {
        const zi = z[i];
        // sigmoid(z) = 1 / (1 + exp(-z)); for z >= 0, exp(-z) is the exp(-|z|) loss() kept.
        const e = haveExp && zi >= 0 ? expNegAbsZ[i] : Math.exp(-zi);
        const r = 1 / (1 + e) - y[i];
        const end = indptr[i + 1];
        for (let k = indptr[i]; k < end; k++) out[indices[k]] += r * values[k];
        out[features] += r;
      }
    },
  };
}

/**
 * Logistic regression on a sparse CSR dataset (datasets.sparseLogistic). Params: one weight per
 * feature, then the bias (length features + 1).
 * loss = sum_i [log(1 + exp(z_i)) - y_i z_i] with z_i = x_i . w + b (summed log-loss);
 * per point: grad_w_j = (sigmoid(z_i) - y_i) x_ij, grad_b = sigmoid(z_i) - y_i.
 */
export const logistic = {
  name: "logistic",
  paramNames: (d: SparseLogisticData): string[] => [
    ...Array.from({ length: d.features }, (_, j) => `w${j}`),
    "b",
  ],
  prepare: prepareLogistic,
  validate(d: SparseLogisticData, caller: string): number {
    if (!d || typeof d !== "object" || !(d.indptr instanceof Int32Array) || !(d.values instanceof Float64Array)) {
      check.fail(caller, "data", "a sparse dataset from datasets.sparseLogistic", d);
    }
    if (d.n < 1) check.fail(caller, "data", "non-empty (at least one point)", d.n);
    if (d.indptr.length !== d.n + 1 || d.y.length !== d.n) {
      throw new Error(`${caller}: data is inconsistent: indptr has ${d.indptr.length} entries and y ${d.y.length} for n = ${d.n}`);
    }
    return d.n;
  },
  loss(params: ArrayLike<number>, d: SparseLogisticData): number {
    let sum = 0;
    for (let i = 0; i < d.n; i++) {
      const z = margin(params, d, i);
      sum += softplus(z) - d.y[i] * z;
    }
    return sum;
  },
  addPointGradient(params: ArrayLike<number>, d: SparseLogisticData, i: number, out: Float64Array): void {
    const r = 1 / (1 + Math.exp(-margin(params, d, i))) - d.y[i];
    for (let k = d.indptr[i]; k < d.indptr[i + 1]; k++) out[d.indices[k]] += r * d.values[k];
    out[d.features] += r;
  },
  /** Fraction of points classified correctly (threshold 0.5). */
  accuracy(params: ArrayLike<number>, d: SparseLogisticData): number {
    let ok = 0;
    for (let i = 0; i < d.n; i++) if ((margin(params, d, i) > 0 ? 1 : 0) === d.y[i]) ok++;
    return ok / d.n;
  },
} satisfies Model<SparseLogisticData> & Record<string, unknown>;
