/**
 * Computations behind the schedules and optimizer-comparison notebooks (09, 10): when a run on the
 * saddle surface leaves the saddle.
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
  if (i >= run.trajectory.paramNames.length) check.fail(fn, "index", `a parameter index in [0, ${run.trajectory.paramNames.length - 1}]`, index);
  const limit = check.positive(fn, "threshold", threshold);
  const col = run.trajectory.param(i);
  for (let k = 0; k < col.length; k++) if (Math.abs(col[k]) > limit) return k;
  return undefined;
}
