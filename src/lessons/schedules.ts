/**
 * Computations behind the learning-rate schedules notebook (notebooks/10-learning-rate-schedules.ipynb):
 * when a run on the saddle surface leaves the saddle, and a schedule's values at chosen steps.
 */
import type { TrainResult } from "../train";
import * as check from "../validate";
import { checkRun } from "./runArgs";

/**
 * The first record at which |param `index`| exceeds `threshold` (on models.surfaces.saddle, b
 * leaving 0 means the run escaped the saddle towards a valley at b = +-1), or undefined if never.
 * @example escapeStep(run, 1, 0.5)
 */
export function escapeStep(run: TrainResult, index = 1, threshold = 0.5): number | undefined {
  const fn = "lessons.schedules.escapeStep";
  checkRun(fn, "run", run);
  const i = check.nonNegativeInt(fn, "index", index);
  const limit = check.positive(fn, "threshold", threshold);
  const col = run.trajectory.param(i);
  for (let k = 0; k < col.length; k++) if (Math.abs(col[k]) > limit) return k;
  return undefined;
}

/**
 * A schedule's values at the given (0-based) steps.
 * @example valuesAt(schedules.cosineWarmRestarts({etaMax: 1, etaMin: 0.1, T: 50}), [0, 25, 50, 51]) // [1, 0.55, 0.1, 1]
 */
export function valuesAt(schedule: (step: number) => number, steps: number[]): number[] {
  const fn = "lessons.schedules.valuesAt";
  if (typeof schedule !== "function") check.fail(fn, "schedule", "a schedule (step) => rate", schedule);
  if (!Array.isArray(steps) || steps.length === 0) check.fail(fn, "steps", "a non-empty array of steps", steps);
  return steps.map((s, k) => schedule(check.nonNegativeInt(fn, `steps[${k}]`, s)));
}

/**
 * How often each rate was chosen (e.g. lineSearch's `chosenEtas`), most frequent first, as
 * "eta: count" pairs.
 * @example choiceCounts([0.1, 0.5, 0.1]) // [{eta: 0.1, count: 2}, {eta: 0.5, count: 1}]
 */
export function choiceCounts(etas: ArrayLike<number>): Array<{ eta: number; count: number }> {
  const fn = "lessons.schedules.choiceCounts";
  const list = check.finiteVector(fn, "etas", etas);
  const counts = new Map<number, number>();
  for (const e of list) counts.set(e, (counts.get(e) ?? 0) + 1);
  return Array.from(counts, ([eta, count]) => ({ eta, count })).sort((a, b) => b.count - a.count || a.eta - b.eta);
}
