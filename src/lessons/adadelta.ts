/**
 * The hyperparameter sweep of the AdaDelta notebook (notebooks/04-adadelta.ipynb): one training run
 * of the sigmoid neuron per value, and how fast each got below a target loss. The update rules are
 * the library's optimizers; the notebook shows AdaDelta's rule as code next to them.
 */
import type { PointData } from "../datasets/types";
import { sigmoidNeuron } from "../models/sigmoidNeuron";
import type { Optimizer, OptimizerState } from "../optimizers/types";
import { train } from "../train";
import * as check from "../validate";
import { raceSummary } from "./adam";

/** One row of `sweep`. */
export interface SweepRow {
  /** The hyperparameter value. */
  value: number;
  /** First update whose loss is <= target, or null. */
  stepsToTarget: number | null;
  finalLoss: number;
  diverged: boolean;
}

/** Options of `sweep`: the sigmoid neuron's data, start, run length and target loss. */
export interface SweepOptions {
  data: PointData;
  init: ArrayLike<number>;
  /** Batch updates per run [300]. */
  epochs?: number;
  /** Loss to reach [0.64]. */
  target?: number;
}

/**
 * Trains models.sigmoidNeuron once per value of `values` with the optimizer `make(value)` (batch
 * gradient) and reports how fast each run got below `target`: the sensitivity to one hyperparameter.
 * @example sweep([0.005, 0.013, 0.05], (eta) => optimizers.rmsprop({ eta, beta: 0.99, eps: 1e-4 }), { data, init: [-4, -4] })
 */
export function sweep(values: number[], make: (value: number) => Optimizer<OptimizerState>, opts: SweepOptions): SweepRow[] {
  const fn = "lessons.adadelta.sweep";
  if (!Array.isArray(values) || values.length === 0) check.fail(fn, "values", "a non-empty array of numbers", values);
  values.forEach((v, i) => check.finite(fn, `values[${i}]`, v));
  if (typeof make !== "function") check.fail(fn, "make", "a function value => optimizer", make);
  const o = check.options<SweepOptions>(fn, opts, ["data", "init", "epochs", "target"]);
  if (o.data === undefined) check.fail(fn, "data", "a data set such as datasets.sparse()", o.data);
  if (o.init === undefined) check.fail(fn, "init", "the starting parameters, e.g. [-4, -4]", o.init);
  const epochs = check.positiveInt(fn, "epochs", o.epochs ?? 300);
  const target = check.finite(fn, "target", o.target ?? 0.64);
  return values.map((value) => {
    const run = train({ model: sigmoidNeuron, data: o.data as PointData, init: o.init as ArrayLike<number>, optimizer: make(value), epochs });
    const s = raceSummary({ run }, target)[0];
    return { value, stepsToTarget: s.stepsToTarget, finalLoss: s.finalLoss, diverged: run.diverged };
  });
}
