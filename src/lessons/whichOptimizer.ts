/**
 * Tables over many runs for notebooks 08 and 09: lecture vs PyTorch flavors, how far the weights of
 * rare and of common features moved, and a learning-rate search judged on held-out data.
 * Every update comes from the library's optimizers and train(); nothing here re-implements a rule.
 */
import type { SparseLogisticData } from "../datasets/sparseLogistic";
import type { Model } from "../models/types";
import type { Optimizer, OptimizerState } from "../optimizers/types";
import { train, type TrainResult } from "../train";
import * as check from "../validate";
import { checkRun } from "./runArgs";

/** One row of the flavor table: max_i |w_i(lecture) - w_i(torch)| after `epochs` updates, and both losses. */
export interface FlavorRow { name: string; maxDifference: number; lectureLoss: number; torchLoss: number }

/**
 * Runs every optimizer in both flavors from the same start; `makers` maps a name to `(flavor) => optimizer`.
 * @example flavorTable({ model: models.sigmoidNeuron, data, init: [-2, -2], epochs: 100, makers: { adam: (flavor) => optimizers.adam({ eta: 0.1, flavor }) } })
 */
export function flavorTable<D>(opts: { model: Model<D>; data?: D; init: ArrayLike<number>; epochs: number;
  makers: Record<string, (flavor: "lecture" | "torch") => Optimizer<OptimizerState>> }): FlavorRow[] {
  const fn = "lessons.whichOptimizer.flavorTable";
  const o = check.options<typeof opts>(fn, opts, ["model", "data", "init", "epochs", "makers"]);
  if (!o.makers || typeof o.makers !== "object" || Object.keys(o.makers).length === 0) check.fail(fn, "makers", "an object {name: (flavor) => optimizer}", o.makers);
  const epochs = check.positiveInt(fn, "epochs", o.epochs);
  return Object.entries(o.makers).map(([name, make]) => {
    if (typeof make !== "function") check.fail(fn, `makers.${name}`, "a function (flavor) => optimizer", make);
    const [lecture, torch] = (["lecture", "torch"] as const).map((flavor) =>
      train({ model: o.model as Model<D>, data: o.data, init: o.init as ArrayLike<number>, optimizer: make(flavor), epochs }).trajectory.last().params);
    const maxDifference = Math.max(...lecture.map((w, i) => Math.abs(w - torch[i])));
    const loss = (p: number[]) => (o.model as Model<D>).loss(p, o.data as D);
    return { name, maxDifference, lectureLoss: loss(lecture), torchLoss: loss(torch) };
  });
}

/** Mean |w_final - w_start| over the rarest and over the most common features of a logistic run. */
export interface WeightMovement { rare: number; common: number; rareMaxCount: number; commonMinCount: number }

/**
 * How far the weights of rare and of common features moved in a run of models.logistic on `data`:
 * features present in at least one row, sorted by how many rows they occur in; `rare` averages the
 * first `fraction` of them (occurring in at most `rareMaxCount` rows), `common` the last `fraction`.
 * @example const d = datasets.sparseLogistic({ n: 200, features: 50, seed: 1 }); weightMovement(train({ model: models.logistic, data: d, init: new Array(51).fill(0), optimizer: optimizers.adagrad({ eta: 0.1 }), epochs: 20 }), d, 0.25).rare
 */
export function weightMovement(run: TrainResult, data: SparseLogisticData, fraction = 0.25): WeightMovement {
  const fn = "lessons.whichOptimizer.weightMovement";
  checkRun(fn, "run", run);
  if (!data || !(data.indices instanceof Int32Array)) check.fail(fn, "data", "a dataset from datasets.sparseLogistic", data);
  if (typeof fraction !== "number" || !(fraction > 0 && fraction <= 0.5)) check.fail(fn, "fraction", "a number in (0, 0.5]", fraction);
  const start = run.trajectory.start.params;
  const end = run.trajectory.last().params;
  if (start.length !== data.features + 1) throw new Error(`${fn}: run has ${start.length} parameters, data ${data.features} features + bias`);
  const counts = new Int32Array(data.features);
  for (let k = 0; k < data.indptr[data.n]; k++) counts[data.indices[k]]++;
  const present = Array.from(counts.keys()).filter((j) => counts[j] > 0).sort((a, b) => counts[a] - counts[b]);
  const k = Math.max(1, Math.floor(present.length * fraction));
  const mean = (set: number[]) => set.reduce((s, j) => s + Math.abs(end[j] - start[j]), 0) / set.length;
  const rare = present.slice(0, k);
  const common = present.slice(present.length - k);
  return { rare: mean(rare), common: mean(common), rareMaxCount: counts[rare[k - 1]], commonMinCount: counts[common[0]] };
}

/** One run of a held-out search: its rate, the lowest validation loss and when, the end of the run, the run (params and loss only). */
export interface HeldOutRow { name: string; eta: number; bestValidation: number; bestStep: number; finalValidation: number; finalTraining: number; run: TrainResult }

/**
 * Trains every candidate at each of its rates (batch updates) and follows the loss on held-out
 * `validation` data after every update. Returns one row per run (with the run, recorded with
 * record: "params") and, per candidate, the validation curve (index 0 = start) of the rate with the
 * lowest validation loss.
 * @example const s = datasets.sparseLogisticSplit({ train: 200, validation: 100, features: 50 }); heldOutSearch({ model: models.logistic, data: s.train, validation: s.validation, init: new Array(51).fill(0), epochs: 20, candidates: { adam: { etas: [0.01, 0.03], make: (eta) => optimizers.adam({ eta }) } } }).rows.length
 */
export function heldOutSearch<D>(opts: { model: Model<D>; data: D; validation: D; init: ArrayLike<number>; epochs: number;
  candidates: Record<string, { etas: number[]; make: (eta: number) => Optimizer<OptimizerState> }> }): { rows: HeldOutRow[]; curves: Record<string, number[]> } {
  const fn = "lessons.whichOptimizer.heldOutSearch";
  const o = check.options<typeof opts>(fn, opts, ["model", "data", "validation", "init", "epochs", "candidates"]);
  const epochs = check.positiveInt(fn, "epochs", o.epochs);
  const model = o.model as Model<D>;
  if (!o.candidates || typeof o.candidates !== "object" || Object.keys(o.candidates).length === 0) check.fail(fn, "candidates", "an object {name: {etas, make}}", o.candidates);
  const rows: HeldOutRow[] = [];
  const curves: Record<string, number[]> = {};
  for (const [name, c] of Object.entries(o.candidates)) {
    if (!c || !Array.isArray(c.etas) || c.etas.length === 0 || typeof c.make !== "function") check.fail(fn, `candidates.${name}`, "{etas: [rates], make: (eta) => optimizer}", c);
    for (const eta of c.etas) {
      const curve = [model.loss(o.init as ArrayLike<number>, o.validation as D)];
      const run = train({ model, data: o.data, validation: o.validation, init: o.init as ArrayLike<number>, optimizer: c.make(eta), epochs, record: "params",
        onEpoch: (info) => { curve.push(info.validationLoss as number); } });
      const bestStep = curve.indexOf(Math.min(...curve));
      rows.push({ name, eta, bestValidation: curve[bestStep], bestStep, finalValidation: curve[curve.length - 1], finalTraining: run.trajectory.last().loss, run });
      const best = rows.filter((r) => r.name === name).reduce((a, b) => (b.bestValidation < a.bestValidation ? b : a));
      if (best.eta === eta) curves[name] = curve;
    }
  }
  return { rows, curves };
}
