/**
 * Argument checks shared by the lesson modules: a run from train(), an object of named runs, a
 * parameter given by index or name, a minimum number of updates. Every error names the calling
 * function (`fn`), the argument and the value.
 */
import type { TrainResult } from "../train";
import * as check from "../validate";

/** Throws unless `run` is a result of train(). */
export function checkRun(fn: string, arg: string, run: unknown): asserts run is TrainResult {
  const t = (run as Partial<TrainResult> | null | undefined)?.trajectory;
  if (!run || typeof run !== "object" || !t || typeof t.param !== "function" || typeof t.lossColumn !== "function" || typeof t.effectiveRateColumn !== "function") {
    check.fail(fn, arg, "a result of train()", run);
  }
}

/** Throws unless `runs` is a non-empty object of named train() results; `example` shows one, e.g. "{gd: run, adam: run}". */
export function checkRuns(fn: string, runs: unknown, example: string): asserts runs is Record<string, TrainResult> {
  if (!runs || typeof runs !== "object" || Array.isArray(runs) || Object.keys(runs).length === 0) {
    check.fail(fn, "runs", `an object of named train() results like ${example}`, runs);
  }
  for (const [name, run] of Object.entries(runs as Record<string, unknown>)) checkRun(fn, `runs.${name}`, run);
}

/** Throws unless `run` has at least `min` updates. */
export function checkSteps(fn: string, arg: string, run: TrainResult, min: number): void {
  const steps = run.trajectory.length - 1;
  if (steps < min) check.fail(fn, arg, `a run with at least ${min} update(s)`, steps);
}

/** The index of parameter `param` (an index or a name such as "b") of `run`. */
export function paramIndex(fn: string, run: TrainResult, param: unknown): number {
  const names = run.trajectory.paramNames;
  const j = typeof param === "string" ? names.indexOf(param) : param;
  if (typeof j !== "number" || !Number.isInteger(j) || j < 0 || j >= names.length) {
    check.fail(fn, "param", `a parameter index in [0, ${names.length - 1}] or one of ${names.join(", ")}`, param);
  }
  return j;
}
