/**
 * Computations behind the "Which optimizer?" notebook (notebooks/09-which-optimizer.ipynb): the
 * lecture-vs-PyTorch flavor table, feature frequencies and weight movement on the many-feature
 * sparse logistic problem, and accuracy along a run.
 *
 * Updates come from the library's optimizers and train(); nothing here re-implements an update rule.
 */
import type { SparseLogisticData } from "../datasets/sparseLogistic";
import { logistic } from "../models/logistic";
import type { Model } from "../models/types";
import type { Optimizer, OptimizerState } from "../optimizers/types";
import { train, type TrainResult } from "../train";
import * as check from "../validate";
import { checkRun } from "./runArgs";

/** Largest |a_i - b_i| over the final parameters of two runs. */
export function maxParamDifference(a: TrainResult, b: TrainResult): number {
  const fn = "lessons.whichOptimizer.maxParamDifference";
  checkRun(fn, "a", a);
  checkRun(fn, "b", b);
  const pa = a.trajectory.last().params;
  const pb = b.trajectory.last().params;
  if (pa.length !== pb.length) throw new Error(`${fn}: the runs have ${pa.length} and ${pb.length} parameters`);
  let max = 0;
  for (let i = 0; i < pa.length; i++) max = Math.max(max, Math.abs(pa[i] - pb[i]));
  return max;
}

/** One row of the flavor table. */
export interface FlavorRow {
  name: string;
  /** max_i |w_i(lecture) - w_i(torch)| after `epochs` updates. */
  maxDifference: number;
  lectureLoss: number;
  torchLoss: number;
}

/**
 * Runs every optimizer in both flavors from the same start and reports how far apart the final
 * parameters are. `makers` maps a name to `(flavor) => optimizer`.
 * @example flavorTable({model: models.sigmoidNeuron, data, init: [-2, -2], epochs: 100, makers: {adam: (flavor) => optimizers.adam({eta: 0.1, flavor})}})
 */
export function flavorTable<D>(opts: {
  model: Model<D>; data?: D; init: ArrayLike<number>; epochs: number;
  makers: Record<string, (flavor: "lecture" | "torch") => Optimizer<OptimizerState>>;
}): FlavorRow[] {
  const fn = "lessons.whichOptimizer.flavorTable";
  const o = check.options<typeof opts>(fn, opts, ["model", "data", "init", "epochs", "makers"]);
  if (!o.makers || typeof o.makers !== "object" || Object.keys(o.makers).length === 0) {
    check.fail(fn, "makers", "an object {name: (flavor) => optimizer}", o.makers);
  }
  const epochs = check.positiveInt(fn, "epochs", o.epochs);
  return Object.entries(o.makers).map(([name, make]) => {
    if (typeof make !== "function") check.fail(fn, `makers.${name}`, "a function (flavor) => optimizer", make);
    const runOf = (flavor: "lecture" | "torch") =>
      train({ model: o.model as Model<D>, data: o.data, init: o.init as ArrayLike<number>, optimizer: make(flavor), epochs });
    const lecture = runOf("lecture");
    const torch = runOf("torch");
    return {
      name,
      maxDifference: maxParamDifference(lecture, torch),
      lectureLoss: lecture.trajectory.last().loss,
      torchLoss: torch.trajectory.last().loss,
    };
  });
}

function checkData(fn: string, data: unknown): asserts data is SparseLogisticData {
  const d = data as Partial<SparseLogisticData> | undefined;
  if (!d || typeof d !== "object" || !(d.indptr instanceof Int32Array) || !(d.indices instanceof Int32Array)) {
    check.fail(fn, "data", "a dataset from datasets.sparseLogistic", data);
  }
}

/** How many rows each feature is non-zero in. */
export function featureCounts(data: SparseLogisticData): Int32Array {
  const fn = "lessons.whichOptimizer.featureCounts";
  checkData(fn, data);
  const counts = new Int32Array(data.features);
  for (let k = 0; k < data.indptr[data.n]; k++) counts[data.indices[k]]++;
  return counts;
}

/** Mean |w_final - w_start| over the rarest and the most common features. */
export interface WeightMovement {
  /** Mean movement of the rarest `fraction` of the features that occur at least once. */
  rare: number;
  /** Mean movement of the most frequent `fraction` of the features. */
  common: number;
  /** Largest number of rows a "rare" feature occurs in. */
  rareMaxCount: number;
  /** Smallest number of rows a "common" feature occurs in. */
  commonMinCount: number;
}

/**
 * How far the weights of rare and of common features moved during a logistic run (features that
 * never occur are left out: their gradient is always 0).
 * @example weightMovement(run, data, 0.25).rare
 */
export function weightMovement(run: TrainResult, data: SparseLogisticData, fraction = 0.25): WeightMovement {
  const fn = "lessons.whichOptimizer.weightMovement";
  checkRun(fn, "run", run);
  const counts = featureCounts(data);
  if (typeof fraction !== "number" || !(fraction > 0 && fraction <= 0.5)) check.fail(fn, "fraction", "a number in (0, 0.5]", fraction);
  const start = run.trajectory.start.params;
  const end = run.trajectory.last().params;
  if (start.length !== data.features + 1) throw new Error(`${fn}: run has ${start.length} parameters, data ${data.features} features + bias`);
  const present = Array.from(counts.keys()).filter((j) => counts[j] > 0).sort((a, b) => counts[a] - counts[b]);
  const k = Math.max(1, Math.floor(present.length * fraction));
  const rareSet = present.slice(0, k);
  const commonSet = present.slice(present.length - k);
  const mean = (set: number[]) => set.reduce((s, j) => s + Math.abs(end[j] - start[j]), 0) / set.length;
  return { rare: mean(rareSet), common: mean(commonSet), rareMaxCount: counts[rareSet[k - 1]], commonMinCount: counts[commonSet[0]] };
}

/**
 * Training accuracy (models.logistic.accuracy) at every `every`-th record of a logistic run.
 * @example accuracyCurve(run, data, 5)
 */
export function accuracyCurve(run: TrainResult, data: SparseLogisticData, every = 1): { t: number[]; accuracy: number[] } {
  const fn = "lessons.whichOptimizer.accuracyCurve";
  checkRun(fn, "run", run);
  checkData(fn, data);
  const stride = check.positiveInt(fn, "every", every);
  const t: number[] = [];
  const accuracy: number[] = [];
  const n = run.trajectory.length;
  for (let k = 0; k < n; k += stride) {
    t.push(k);
    accuracy.push(logistic.accuracy(run.trajectory.record(k).params, data));
  }
  if ((n - 1) % stride !== 0) {
    t.push(n - 1);
    accuracy.push(logistic.accuracy(run.trajectory.record(n - 1).params, data));
  }
  return { t, accuracy };
}
