/**
 * Runs a student's function on one case and records what it returned, step by step.
 *
 * One implementation, two hosts. `createStudentRunner` is SELF-CONTAINED (it refers to nothing
 * outside its own body), so the grader's child process evaluates its source text inside the
 * answer's sandbox realm (see `sandbox-child.ts`): then every object an answer receives (params,
 * batch, state, hp) and every copy of what it returns belongs to the answer's own realm, and no
 * grader object is reachable from it. The notebook's `check` calls the same function directly.
 *
 * Everything an answer returns or throws is read ONCE and copied to plain data (numbers, arrays of
 * numbers, short strings), so getters, Proxies and values that change when read twice cannot make
 * the check and the recorded trace disagree; any failure to read a value becomes a message that
 * names the problem. A run never throws: a student function that throws, returns the wrong shape,
 * a Promise, a BigInt, NaN or something unreadable ends the run with a `problem`.
 */
import { sigmoidNeuron } from "../models/sigmoidNeuron";
import { fmt } from "./compare";
import type { OptimizerCase, PointsData, ScheduleCase, StudentTrace } from "./types";

/** What the runner needs to know about an optimizer exercise. */
export interface OptimizerShape {
  answerName: string;
  stateKeys: readonly string[];
  usesT: boolean;
}

/** An optimizer case as sent to the runner: the case plus the library's initial state (plain arrays). */
export interface RunnableOptimizerCase extends OptimizerCase {
  initState: Record<string, number | number[]>;
}

/** The gradient of point `i`'s loss at `params` (a plain array, one entry per parameter). */
export type PointGradient = (params: number[], data: PointsData, i: number) => number[];

/** The loss of point `i` at `params` (a plain number): what `batch.loss` sums. */
export type PointLoss = (params: number[], data: PointsData, i: number) => number;

/** Formats a number for a message (`compare.fmt`, passed in so the runner stays self-contained). */
export type NumberFormat = (x: number) => string;

export interface StudentRunner {
  runOptimizer(fn: unknown, shape: OptimizerShape, c: RunnableOptimizerCase): StudentTrace;
  runSchedule(fn: unknown, answerName: string, c: ScheduleCase): StudentTrace;
  runValue(value: unknown, answerName: string): StudentTrace;
  /** One line describing a thrown value (name and message, no stack); never throws. */
  describeError(e: unknown): string;
  /** A short description of any value ("an object", "a BigInt (3n)", "\"abc\""); never throws. */
  describeValue(v: unknown): string;
}

/**
 * Builds a runner. SELF-CONTAINED: its source is evaluated in the sandbox realm, so it may use
 * only its parameters and the language's built-ins (captured here, before any answer runs).
 */
export function createStudentRunner(pointGradient: PointGradient, formatNumber: NumberFormat, pointLoss: PointLoss): StudentRunner {
  "use strict";
  const PARAM_NAMES = ["w", "b"];
  const MAX_TEXT = 300;
  const isArray = Array.isArray;
  const freeze = Object.freeze;
  const isFiniteNumber = Number.isFinite;
  const isInteger = Number.isInteger;
  const quote = JSON.stringify;
  const PromiseClass = Promise;
  const StringOf = String;
  const ownKeys = Object.keys;

  function clip(s: string, max: number): string {
    return s.length > max ? s.slice(0, max - 1) + "…" : s;
  }

  function describeValue(v: unknown): string {
    try {
      switch (typeof v) {
        case "undefined":
          return "undefined";
        case "number":
          return formatNumber(v);
        case "string":
          return quote(v.length > 60 ? v.slice(0, 60) + "…" : v);
        case "boolean":
          return v ? "true" : "false";
        case "bigint":
          return `a BigInt (${clip(StringOf(v), 30)}n): use a number`;
        case "symbol":
          return "a symbol";
        case "function":
          return "a function";
        default:
          if (v === null) return "null";
          if (v instanceof PromiseClass) return "a Promise";
          return isArray(v) ? "an array" : "an object";
      }
    } catch {
      return "a value that could not be read";
    }
  }

  function describeError(e: unknown): string {
    try {
      if ((typeof e === "object" && e !== null) || typeof e === "function") {
        let name: unknown;
        let message: unknown;
        try {
          name = (e as { name?: unknown }).name;
        } catch {
          name = undefined;
        }
        try {
          message = (e as { message?: unknown }).message;
        } catch {
          return "threw an object whose message could not be read";
        }
        if (typeof message === "string" && message.indexOf("Maximum call stack size exceeded") >= 0) {
          return "too deeply nested: the call stack overflowed (endless recursion, or an expression nested too deeply)";
        }
        if (message === undefined && name === undefined) return `threw ${describeValue(e)}`;
        const n = typeof name === "string" && name !== "" ? clip(name, 40) : "Error";
        return clip(`${n}: ${typeof message === "string" ? message : describeValue(message)}`, MAX_TEXT);
      }
      return clip(`threw ${describeValue(e)}`, MAX_TEXT);
    } catch {
      return "threw a value that could not be read";
    }
  }

  /** A problem of a run: `message` for a visible case, `redacted` (no input, no value) for a hidden one. */
  function problem(step: number, kind: string, message: string, redacted: string): StudentTrace["problem"] {
    return { step, kind: kind as NonNullable<StudentTrace["problem"]>["kind"], message: clip(message, MAX_TEXT), redacted: clip(redacted, MAX_TEXT) };
  }

  /** Thrown inside the copy functions; caught in the run loops. */
  function Unreadable(this: { what: string; error: unknown }, what: string, error: unknown) {
    this.what = what;
    this.error = error;
  }
  function read(obj: unknown, key: string | number, what: string): unknown {
    try {
      return (obj as Record<string | number, unknown>)[key];
    } catch (e) {
      throw new (Unreadable as unknown as new (w: string, e: unknown) => object)(what, e);
    }
  }
  function unreadableMessage(u: { what: string; error: unknown }): string {
    return `returned a value that could not be read: reading ${u.what} ${describeError(u.error).startsWith("threw") ? "" : "threw "}${describeError(u.error)}`;
  }

  function isThenable(v: unknown, what: string): boolean {
    try {
      if (v instanceof PromiseClass) return true;
    } catch (e) {
      throw new (Unreadable as unknown as new (w: string, e: unknown) => object)(what, e);
    }
    if ((typeof v !== "object" || v === null) && typeof v !== "function") return false;
    return typeof read(v, "then", `${what}.then`) === "function";
  }

  /** Copies a vector of `n` numbers, reading its length and each entry exactly once. */
  function copyVector(what: string, value: unknown, n: number): { values?: number[]; problem?: [string, string, string] } {
    if (typeof value !== "object" || value === null) {
      return { problem: [`${what} must be an array of ${n} numbers, got ${describeValue(value)}`, `${what} must be an array of ${n} numbers`, "shape"] };
    }
    const length = read(value, "length", `${what}.length`);
    if (typeof length !== "number") {
      return { problem: [`${what} must be an array of ${n} numbers, got ${describeValue(value)}`, `${what} must be an array of ${n} numbers`, "shape"] };
    }
    if (length !== n) {
      const got = isFiniteNumber(length) ? formatNumber(length) : describeValue(length);
      return { problem: [`${what} must have ${n} entries (one per parameter w, b), got ${got}`, `${what} must have ${n} entries`, "shape"] };
    }
    const values: number[] = [];
    for (let i = 0; i < n; i++) {
      const x = read(value, i, `${what}[${i}]`);
      if (typeof x !== "number") return { problem: [`${what}[${i}] must be a number, got ${describeValue(x)}`, `${what}[${i}] must be a number`, "shape"] };
      values[i] = x;
    }
    for (let i = 0; i < n; i++) {
      if (!isFiniteNumber(values[i])) {
        const m = `${what}[${i}] (${PARAM_NAMES[i] ?? i}) is ${formatNumber(values[i])}`;
        return { values, problem: [m, m, "nonfinite"] };
      }
    }
    return { values };
  }

  function copyNumbers(a: readonly number[]): number[] {
    const out: number[] = [];
    for (let i = 0; i < a.length; i++) out[i] = a[i];
    return out;
  }

  function copyState(s: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const keys = ownKeys(s);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const v = s[key];
      out[key] = isArray(v) ? copyNumbers(v as number[]) : v;
    }
    return out;
  }

  function copyHyper(h: Record<string, number>): Record<string, number> {
    const out: Record<string, number> = {};
    const keys = ownKeys(h);
    for (let i = 0; i < keys.length; i++) out[keys[i]] = h[keys[i]];
    return out;
  }

  /**
   * `batch.loss(p)`: the summed loss at the student's `p`, read once into plain numbers first (a
   * bad argument is an error naming `batch.loss`, which the student's step then throws).
   */
  function batchLoss(p: unknown, data: PointsData): number {
    let copied: { values?: number[]; problem?: [string, string, string] };
    try {
      copied = copyVector("params", p, PARAM_NAMES.length);
    } catch {
      throw new Error("batch.loss: params could not be read");
    }
    if (copied.problem) throw new Error(`batch.loss: ${copied.problem[0]}`);
    let sum = 0;
    for (let i = 0; i < data.x.length; i++) sum += pointLoss(copyNumbers(copied.values as number[]), data, i);
    return sum;
  }

  /** The batch a student's step sees: per-point gradients at a frozen copy of the current params, and the loss. */
  function makeBatch(params: readonly number[], data: PointsData) {
    const at = copyNumbers(params);
    const size = data.x.length;
    return freeze({
      size,
      gradient(i: number): number[] {
        if (typeof i !== "number" || !isInteger(i) || i < 0 || i >= size) {
          throw new Error(`batch.gradient: i must be an integer in 0..${size - 1}, got ${describeValue(i)}`);
        }
        return pointGradient(copyNumbers(at), data, i);
      },
      loss(p: number[]): number {
        return batchLoss(p, data);
      },
    });
  }

  function missing(name: string, fn: unknown): string {
    return `${name} must be a function, got ${fn === undefined ? "undefined (is it defined in the answer cell?)" : typeof fn}`;
  }

  function asyncMessage(name: string): string {
    return `${name} returned a Promise: remove async (the grader uses what your function returns, right away)`;
  }

  function runOptimizer(fn: unknown, shape: OptimizerShape, c: RunnableOptimizerCase): StudentTrace {
    const steps: StudentTrace["steps"] = [];
    const name = shape.answerName;
    if (typeof fn !== "function") {
      const m = missing(name, fn);
      return { steps, problem: problem(0, "missing", m, m) };
    }
    const n = c.init.length;
    let params = copyNumbers(c.init);
    let state = copyState(c.initState);
    for (let k = 1; k <= c.steps; k++) {
      let out: unknown;
      try {
        out = (fn as (...a: unknown[]) => unknown)(copyNumbers(params), makeBatch(params, c.data), copyState(state), copyHyper(c.hyper));
      } catch (e) {
        const m = describeError(e);
        const deep = m.startsWith("too deeply nested");
        return { steps, problem: problem(k, "threw", `${name} threw at step ${k}: ${m}`, deep ? `${name} at step ${k}: ${m}` : `${name} threw an error at step ${k}`) };
      }
      try {
        if (isThenable(out, "the result")) {
          const m = `step ${k}: ${asyncMessage(name)}`;
          return { steps, problem: problem(k, "shape", m, m) };
        }
        if (out === null || typeof out !== "object") {
          const m = `${name} must return {params, state}, got ${describeValue(out)}`;
          return { steps, problem: problem(k, "shape", `step ${k}: ${m}`, `step ${k}: ${name} must return {params, state}`) };
        }
        const p = copyVector("params", read(out, "params", "params"), n);
        if (p.problem && p.problem[2] === "shape") {
          return { steps, problem: problem(k, "shape", `step ${k}: returned ${p.problem[0]}`, `step ${k}: returned ${p.problem[1]}`) };
        }
        const st = read(out, "state", "state");
        if (st === null || typeof st !== "object") {
          const m = `state must be an object {${[...(shape.usesT ? ["t"] : []), ...shape.stateKeys].join(", ")}}, got ${describeValue(st)}`;
          return { steps, problem: problem(k, "shape", `step ${k}: returned ${m}`, `step ${k}: returned a state that is not an object`) };
        }
        const record: { params: number[]; state: Record<string, unknown> } = { params: p.values as number[], state: {} };
        let nonFinite = p.problem;
        for (const key of shape.stateKeys) {
          const s = copyVector(`state.${key}`, read(st, key, `state.${key}`), n);
          if (s.problem && s.problem[2] === "shape") {
            return { steps, problem: problem(k, "shape", `step ${k}: returned ${s.problem[0]}`, `step ${k}: returned ${s.problem[1]}`) };
          }
          if (!nonFinite && s.problem) nonFinite = s.problem;
          record.state[key] = s.values;
        }
        if (shape.usesT) {
          const t = read(st, "t", "state.t");
          if (typeof t !== "number" || !isInteger(t)) {
            const m = `state.t must be an integer (the number of updates so far), got ${describeValue(t)}`;
            return { steps, problem: problem(k, "shape", `step ${k}: returned ${m}`, `step ${k}: returned a state.t that is not an integer`) };
          }
          record.state.t = t;
        }
        steps[steps.length] = record;
        if (nonFinite) {
          return { steps, problem: problem(k, "nonfinite", `step ${k}: returned ${nonFinite[0]}`, `step ${k}: returned ${nonFinite[1]}`) };
        }
        params = copyNumbers(record.params);
        state = copyState(record.state);
      } catch (e) {
        if (e instanceof (Unreadable as unknown as new () => object)) {
          const m = `step ${k}: ${name} ${unreadableMessage(e as { what: string; error: unknown })}`;
          return { steps, problem: problem(k, "shape", m, `step ${k}: ${name} returned a value that could not be read`) };
        }
        throw e;
      }
    }
    return { steps };
  }

  function runSchedule(fn: unknown, answerName: string, c: ScheduleCase): StudentTrace {
    const values: unknown[] = [];
    if (typeof fn !== "function") {
      const m = missing(answerName, fn);
      return { steps: [], values, problem: problem(0, "missing", m, m) };
    }
    const losses = c.losses;
    for (let k = 0; k < c.steps.length; k++) {
      const step = c.steps[k];
      let out: unknown;
      try {
        out = (fn as (...a: unknown[]) => unknown)(losses ? copyNumbers(losses.slice(0, step)) : step, copyHyper(c.hyper));
      } catch (e) {
        const m = describeError(e);
        const deep = m.startsWith("too deeply nested");
        return { steps: [], values, problem: problem(k + 1, "threw", `${answerName} threw at step ${step}: ${m}`, deep ? `${answerName}: ${m}` : `${answerName} threw an error`) };
      }
      if (typeof out !== "number") {
        let thenable = false;
        try {
          thenable = isThenable(out, "the result");
        } catch (e) {
          const m = `${answerName}(${step}) ${unreadableMessage(e as { what: string; error: unknown })}`;
          return { steps: [], values, problem: problem(k + 1, "shape", m, `${answerName} returned a value that could not be read`) };
        }
        if (thenable) {
          const m = asyncMessage(answerName);
          return { steps: [], values, problem: problem(k + 1, "shape", m, m) };
        }
        return { steps: [], values, problem: problem(k + 1, "shape", `${answerName}(${step}) must return a number, got ${describeValue(out)}`, `${answerName} must return a number`) };
      }
      values[values.length] = out;
      if (!isFiniteNumber(out)) {
        return { steps: [], values, problem: problem(k + 1, "nonfinite", `${answerName}(${step}) returned ${formatNumber(out)}`, `${answerName} returned ${formatNumber(out)}`) };
      }
    }
    return { steps: [], values };
  }

  function runValue(value: unknown, answerName: string): StudentTrace {
    if (typeof value === "number" && isFiniteNumber(value)) return { steps: [], values: [value] };
    let thenable = false;
    try {
      thenable = isThenable(value, answerName);
    } catch (e) {
      const m = `${answerName} ${unreadableMessage(e as { what: string; error: unknown })}`;
      return { steps: [], values: [], problem: problem(0, "shape", m, m) };
    }
    const m = thenable
      ? `${answerName} is a Promise: remove async (it must be a plain number)`
      : `${answerName} must be a finite number, got ${value === undefined ? "undefined (is it defined in the answer cell?)" : describeValue(value)}`;
    return { steps: [], values: [], problem: problem(0, value === undefined ? "missing" : "shape", m, m) };
  }

  return freeze({ runOptimizer, runSchedule, runValue, describeError, describeValue });
}

/** The library's per-point gradient of the sigmoid neuron, as the runner wants it (used in-process). */
export const libraryPointGradient: PointGradient = (params, data, i) => {
  const out = new Float64Array(params.length);
  sigmoidNeuron.addPointGradient(params, data, i, out);
  return Array.from(out);
};

/** The library's loss of point `i` (used in-process). */
export const libraryPointLoss: PointLoss = (params, data, i) => sigmoidNeuron.loss(params, { x: [data.x[i]], y: [data.y[i]] });

/** The runner in the host realm: what `check.<exercise>` uses in a notebook. */
export const hostRunner: StudentRunner = createStudentRunner(libraryPointGradient, fmt, libraryPointLoss);

export const runOptimizer = hostRunner.runOptimizer;
export const runSchedule = hostRunner.runSchedule;
export const runValue = hostRunner.runValue;
export const describeError = hostRunner.describeError;
