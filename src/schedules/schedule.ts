import * as check from "../validate";
import type { Schedule } from "./types";

/** Wraps a formula as a Schedule that rejects a bad step (negative, not finite) with a clear error. */
export function makeSchedule(fn: string, label: string, formula: (step: number) => number): Schedule {
  const schedule = (step: number): number => {
    if (typeof step !== "number" || !Number.isFinite(step) || step < 0) {
      check.fail(fn, "step", "a finite number >= 0", step);
    }
    return formula(step);
  };
  Object.defineProperty(schedule, "label", { value: label });
  return schedule as Schedule;
}

/** Checks an (etaMin, etaMax) pair: 0 <= etaMin <= etaMax, etaMax > 0. */
export function range(fn: string, etaMin: unknown, etaMax: unknown): [number, number] {
  const lo = check.nonNegative(fn, "etaMin", etaMin);
  const hi = check.positive(fn, "etaMax", etaMax);
  if (lo > hi) throw new Error(`${fn}: etaMin must be <= etaMax, got etaMin = ${lo} and etaMax = ${hi}`);
  return [lo, hi];
}
