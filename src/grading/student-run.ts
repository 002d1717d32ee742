/**
 * Runs a student's function on one case and records what it returned, step by step.
 *
 * Used both in the notebook (`check`) and inside the grader's sandboxed child process, so it
 * imports nothing but the model (no optimizer, no expected values). A run never throws: a student
 * function that throws, returns the wrong shape or NaN ends the run with a `problem` that says so.
 */
import { sigmoidNeuron } from "../models/sigmoidNeuron";
import { fmt } from "./compare";
import type { Batch, OptimizerCase, PointsData, ScheduleCase, StepRecord, StudentTrace, TraceProblem } from "./types";

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

const PARAM_NAMES = ["w", "b"];

/** Describes an error thrown by student code in one line (name and message, no stack). */
export function describeError(e: unknown): string {
  if (e instanceof Error || (e && typeof e === "object" && "message" in e)) {
    const err = e as Error;
    return `${err.name || "Error"}: ${String(err.message).slice(0, 300)}`;
  }
  return `threw ${fmt(e)}`.slice(0, 300);
}

function problem(step: number, kind: TraceProblem["kind"], message: string, redacted: string): TraceProblem {
  return { step, kind, message, redacted };
}

/** The batch a student's step sees: per-point gradients at a frozen copy of the current params. */
export function makeBatch(params: readonly number[], data: PointsData): Batch {
  const at = params.slice();
  const size = data.x.length;
  return Object.freeze({
    size,
    gradient(i: number): number[] {
      if (typeof i !== "number" || !Number.isInteger(i) || i < 0 || i >= size) {
        throw new Error(`batch.gradient: i must be an integer in 0..${size - 1}, got ${fmt(i)}`);
      }
      const out = new Float64Array(at.length);
      sigmoidNeuron.addPointGradient(at, data, i, out);
      return Array.from(out);
    },
  });
}

function deepCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function toNumberArray(value: unknown): number[] | undefined {
  if (value === null || typeof value !== "object" || typeof (value as ArrayLike<unknown>).length !== "number") return undefined;
  return Array.from(value as ArrayLike<unknown>) as number[];
}

/** Checks one returned vector; returns a problem message pair or undefined. */
function checkVector(what: string, value: unknown, n: number): [string, string, "shape" | "nonfinite"] | undefined {
  const arr = toNumberArray(value);
  if (!arr) {
    const msg = `${what} must be an array of ${n} numbers, got ${fmt(value)}`;
    return [msg, `${what} must be an array of ${n} numbers`, "shape"];
  }
  if (arr.length !== n) return [`${what} must have ${n} entries (one per parameter w, b), got ${arr.length}`, `${what} must have ${n} entries, got ${arr.length}`, "shape"];
  for (let i = 0; i < n; i++) {
    if (typeof arr[i] !== "number") {
      return [`${what}[${i}] must be a number, got ${fmt(arr[i])}`, `${what}[${i}] must be a number`, "shape"];
    }
    if (!Number.isFinite(arr[i])) {
      return [`${what}[${i}] (${PARAM_NAMES[i] ?? i}) is ${arr[i]}`, `${what}[${i}] (${PARAM_NAMES[i] ?? i}) is ${arr[i]}`, "nonfinite"];
    }
  }
  return undefined;
}

/** Runs a student's optimizer step function for `c.steps` updates, feeding back its own output. */
export function runOptimizer(fn: unknown, shape: OptimizerShape, c: RunnableOptimizerCase): StudentTrace {
  const steps: StepRecord[] = [];
  if (typeof fn !== "function") {
    const m = `${shape.answerName} must be a function, got ${fn === undefined ? "undefined (is it defined in the answer cell?)" : typeof fn}`;
    return { steps, problem: problem(0, "missing", m, m) };
  }
  const n = c.init.length;
  let params = c.init.slice();
  let state: Record<string, unknown> = deepCopy(c.initState);
  for (let k = 1; k <= c.steps; k++) {
    let out: unknown;
    try {
      out = fn(params.slice(), makeBatch(params, c.data), deepCopy(state), { ...c.hyper });
    } catch (e) {
      const m = describeError(e);
      return { steps, problem: problem(k, "threw", `${shape.answerName} threw at step ${k}: ${m}`, `${shape.answerName} threw an error at step ${k}`) };
    }
    if (out === null || typeof out !== "object") {
      const m = `${shape.answerName} must return {params, state}, got ${fmt(out)}`;
      return { steps, problem: problem(k, "shape", `step ${k}: ${m}`, `step ${k}: ${shape.answerName} must return {params, state}`) };
    }
    const result = out as { params?: unknown; state?: unknown };
    const badParams = checkVector("params", result.params, n);
    if (badParams && badParams[2] === "shape") {
      return { steps, problem: problem(k, "shape", `step ${k}: returned ${badParams[0]}`, `step ${k}: returned ${badParams[1]}`) };
    }
    if (result.state === null || typeof result.state !== "object") {
      const m = `state must be an object {${[...(shape.usesT ? ["t"] : []), ...shape.stateKeys].join(", ")}}, got ${fmt(result.state)}`;
      return { steps, problem: problem(k, "shape", `step ${k}: returned ${m}`, `step ${k}: returned a state that is not an object`) };
    }
    const st = result.state as Record<string, unknown>;
    const record: StepRecord = { params: toNumberArray(result.params) as number[], state: {} };
    for (const key of shape.stateKeys) {
      const bad = checkVector(`state.${key}`, st[key], n);
      if (bad && bad[2] === "shape") {
        return { steps, problem: problem(k, "shape", `step ${k}: returned ${bad[0]}`, `step ${k}: returned ${bad[1]}`) };
      }
      record.state[key] = toNumberArray(st[key]);
    }
    if (shape.usesT) {
      if (typeof st.t !== "number" || !Number.isInteger(st.t)) {
        const m = `state.t must be an integer (the number of updates so far), got ${fmt(st.t)}`;
        return { steps, problem: problem(k, "shape", `step ${k}: returned ${m}`, `step ${k}: returned a state.t that is not an integer`) };
      }
      record.state.t = st.t;
    }
    steps.push(record);
    const nonFinite = badParams ?? shape.stateKeys.map((key) => checkVector(`state.${key}`, st[key], n)).find((b) => b);
    if (nonFinite) {
      return { steps, problem: problem(k, "nonfinite", `step ${k}: returned ${nonFinite[0]}`, `step ${k}: returned ${nonFinite[1]}`) };
    }
    params = record.params.slice();
    state = { ...deepCopy(record.state) };
  }
  return { steps };
}

/** Evaluates a student's schedule at every step of the case. */
export function runSchedule(fn: unknown, answerName: string, c: ScheduleCase): StudentTrace {
  const values: unknown[] = [];
  if (typeof fn !== "function") {
    const m = `${answerName} must be a function, got ${fn === undefined ? "undefined (is it defined in the answer cell?)" : typeof fn}`;
    return { steps: [], values, problem: problem(0, "missing", m, m) };
  }
  for (let k = 0; k < c.steps.length; k++) {
    const step = c.steps[k];
    let out: unknown;
    try {
      out = fn(step, { ...c.hyper });
    } catch (e) {
      return { steps: [], values, problem: problem(k + 1, "threw", `${answerName} threw at step ${step}: ${describeError(e)}`, `${answerName} threw an error`) };
    }
    if (typeof out !== "number") {
      return { steps: [], values, problem: problem(k + 1, "shape", `${answerName}(${step}) must return a number, got ${fmt(out)}`, `${answerName} must return a number`) };
    }
    values.push(out);
    if (!Number.isFinite(out)) {
      return { steps: [], values, problem: problem(k + 1, "nonfinite", `${answerName}(${step}) returned ${out}`, `${answerName} returned ${out}`) };
    }
  }
  return { steps: [], values };
}

/** The explain answer: a number. */
export function runValue(value: unknown, answerName: string): StudentTrace {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    const m = `${answerName} must be a finite number, got ${value === undefined ? "undefined (is it defined in the answer cell?)" : fmt(value)}`;
    return { steps: [], values: [], problem: problem(0, value === undefined ? "missing" : "shape", m, m) };
  }
  return { steps: [], values: [value] };
}
