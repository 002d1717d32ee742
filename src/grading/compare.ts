/**
 * Number comparison for the checks: where does a student's trajectory first leave the reference?
 */

/** Absolute and relative tolerance: a student may order the same arithmetic differently. */
export const ABS_TOL = 1e-9;
export const REL_TOL = 1e-7;

/** True when got equals expected within tolerance; two non-finite numbers count as equal. */
export function close(expected: number, got: unknown): boolean {
  if (typeof got !== "number") return false;
  if (!Number.isFinite(expected) || !Number.isFinite(got)) return !Number.isFinite(expected) && !Number.isFinite(got);
  return Math.abs(expected - got) <= ABS_TOL + REL_TOL * Math.abs(expected);
}

/** Where two values first differ. */
export interface Divergence {
  /** 1-based step (optimizer) or position in the case's step list (schedule). */
  step: number;
  /** What differs, e.g. "parameter b" or "state.v[w]". */
  what: string;
  expected: number;
  got: unknown;
}

/** Short, stable formatting of a number for messages (6 significant digits, keeps NaN/Infinity). */
export function fmt(x: unknown): string {
  if (typeof x !== "number") return x === undefined ? "undefined" : JSON.stringify(x) ?? String(x);
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return "0";
  const a = Math.abs(x);
  return a >= 1e-4 && a < 1e6 ? String(Number(x.toPrecision(6))) : x.toExponential(5);
}

/** Compares two vectors entry by entry; returns the first entry that differs. */
export function firstDifference(
  expected: ArrayLike<number>,
  got: ArrayLike<unknown>,
  names: readonly string[],
  step: number,
  prefix: string,
): Divergence | undefined {
  for (let i = 0; i < expected.length; i++) {
    if (!close(expected[i], got[i])) return { step, what: `${prefix}${names[i] ?? i}`, expected: expected[i], got: got[i] };
  }
  return undefined;
}
