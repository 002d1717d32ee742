import * as check from "../validate";
import { sparseLogistic, type SparseLogisticData } from "./sparseLogistic";

/** Training rows and held-out rows drawn from the same generator (same true weights). */
export interface TrainValidationSplit {
  train: SparseLogisticData;
  validation: SparseLogisticData;
}

/** Rows [from, to) of a CSR dataset as a dataset of its own (arrays copied). */
function rowsOf(d: SparseLogisticData, from: number, to: number): SparseLogisticData {
  const first = d.indptr[from];
  const indptr = new Int32Array(to - from + 1);
  for (let i = from; i <= to; i++) indptr[i - from] = d.indptr[i] - first;
  return {
    n: to - from, features: d.features, indptr,
    indices: d.indices.slice(first, d.indptr[to]), values: d.values.slice(first, d.indptr[to]),
    y: d.y.slice(from, to), wTrue: d.wTrue.slice(), bTrue: d.bTrue,
  };
}

/**
 * The sparse logistic problem with held-out data: `datasets.sparseLogistic` draws train + validation
 * rows from one seeded generator (the rows are independent draws); the first `train` rows are the
 * training set and the rest the validation set. Rows are drawn one after the other after the true
 * weights, so the training set is exactly `datasets.sparseLogistic({ n: train, ...same options })`:
 * the validation rows are simply more draws of the same problem.
 * @example datasets.sparseLogisticSplit({ train: 200, validation: 100 }).validation.n // 100
 */
export function sparseLogisticSplit(opts?: {
  train?: number; validation?: number; features?: number; density?: number; seed?: number | string;
}): TrainValidationSplit {
  const fn = "datasets.sparseLogisticSplit";
  const o = check.options<{ train: number; validation: number; features: number; density: number; seed: number | string }>(
    fn, opts, ["train", "validation", "features", "density", "seed"]);
  const nTrain = check.positiveInt(fn, "train", o.train ?? 2000);
  const nValidation = check.positiveInt(fn, "validation", o.validation ?? 1000);
  const all = sparseLogistic({ n: nTrain + nValidation, features: o.features, density: o.density, seed: o.seed });
  return { train: rowsOf(all, 0, nTrain), validation: rowsOf(all, nTrain, nTrain + nValidation) };
}
