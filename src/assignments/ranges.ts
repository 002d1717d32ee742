/**
 * Hyperparameter ranges of an assignment's drawn cases: drawing from them, and their corners
 * (where a range that is too wide shows first, when the file is checked).
 */
import type { RandomSource } from "../rng";
import type { Range } from "./catalog/types";

/** One draw from `r`. */
export function drawFrom(rng: RandomSource, r: Range): number {
  switch (r.kind) {
    case "fixed":
      return r.value;
    case "uniform":
      return rng.between(r.lo, r.hi);
    case "log":
      return Math.exp(rng.between(Math.log(r.lo), Math.log(r.hi)));
    case "int":
      return r.lo + rng.int(r.hi - r.lo + 1);
  }
}

/** One draw of every hyperparameter of `names`, in that order. */
export function drawHyper(rng: RandomSource, names: readonly string[], ranges: Readonly<Record<string, Range>>): Record<string, number> {
  return Object.fromEntries(names.map((n) => [n, drawFrom(rng, ranges[n])]));
}

/** Both ends of a range (one value for a fixed one). */
function ends(r: Range): number[] {
  return r.kind === "fixed" ? [r.value] : r.lo === r.hi ? [r.lo] : [r.lo, r.hi];
}

/** Every combination of the ends of the ranges of `names` (2^k hyperparameter sets at most). */
export function corners(names: readonly string[], ranges: Readonly<Record<string, Range>>): Array<Record<string, number>> {
  let out: Array<Record<string, number>> = [{}];
  for (const n of names) out = out.flatMap((h) => ends(ranges[n]).map((v) => ({ ...h, [n]: v })));
  return out;
}

/** "[0.01, 0.5] log-uniform" */
export function describeRange(r: Range): string {
  if (r.kind === "fixed") return String(r.value);
  const kind = r.kind === "log" ? "log-uniform" : r.kind === "int" ? "integers" : "uniform";
  return `[${r.lo}, ${r.hi}] ${kind}`;
}
