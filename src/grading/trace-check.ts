/**
 * What comes back from a sandboxed child is checked before it is judged: an answer that tampers
 * with its realm's built-ins (Array, JSON, Object.prototype) could make the runner report
 * something malformed. A trace must have the case's shape exactly (plain numbers, the right lengths,
 * no more steps than the case has); its messages are made safe and capped. Anything else is
 * replaced by a trace whose problem says the results could not be read.
 */
import type { Exercise } from "./exercises";
import { safeText } from "./text";
import type { OptimizerCase, ScheduleCase, StepRecord, StudentTrace, TraceProblem } from "./types";

const KINDS: ReadonlySet<string> = new Set(["missing", "threw", "shape", "nonfinite", "timeout"]);

const UNREADABLE: StudentTrace = Object.freeze({
  steps: [],
  values: [],
  problem: Object.freeze({
    step: 0,
    kind: "threw" as const,
    message: "the grader could not read what the answer returned (did the answer change built-in objects such as Array, Object or JSON?)",
    redacted: "the grader could not read what the answer returned (did the answer change built-in objects such as Array, Object or JSON?)",
  }),
}) as StudentTrace;

const isNumberArray = (v: unknown, n: number): v is number[] => Array.isArray(v) && v.length === n && v.every((x) => typeof x === "number");

function checkedProblem(p: unknown): TraceProblem | undefined | null {
  if (p === undefined) return undefined;
  if (!p || typeof p !== "object") return null;
  const { step, kind, message, redacted } = p as Record<string, unknown>;
  if (typeof step !== "number" || !Number.isInteger(step) || step < 0 || typeof kind !== "string" || !KINDS.has(kind)) return null;
  if (typeof message !== "string" || typeof redacted !== "string") return null;
  return { step, kind: kind as TraceProblem["kind"], message: safeText(message), redacted: safeText(redacted) };
}

/** `raw` as a well-formed trace of case `c` of `ex`, or a trace saying it could not be read. */
export function checkedTrace(raw: unknown, ex: Exercise, c: OptimizerCase | ScheduleCase | undefined): StudentTrace {
  if (!raw || typeof raw !== "object") return UNREADABLE;
  const t = raw as Record<string, unknown>;
  const problem = checkedProblem(t.problem);
  if (problem === null) return UNREADABLE;
  // A step number is shown with the problem: it must be one the case has (0 = before any step).
  const lastStep = ex.kind === "optimizer" ? (c as OptimizerCase).steps : ex.kind === "schedule" ? (c as ScheduleCase).steps.length : 0;
  if (problem && problem.step > lastStep) return UNREADABLE;
  const stepsIn = t.steps === undefined ? [] : t.steps;
  const valuesIn = t.values === undefined ? [] : t.values;
  if (!Array.isArray(stepsIn) || !Array.isArray(valuesIn)) return UNREADABLE;
  const out: StudentTrace = { steps: [], values: [] };
  if (problem) out.problem = problem;
  if (ex.kind === "optimizer") {
    const oc = c as OptimizerCase;
    const n = oc.init.length;
    if (stepsIn.length > oc.steps || valuesIn.length > 0) return UNREADABLE;
    for (const s of stepsIn as unknown[]) {
      if (!s || typeof s !== "object") return UNREADABLE;
      const { params, state } = s as Record<string, unknown>;
      if (!isNumberArray(params, n) || !state || typeof state !== "object") return UNREADABLE;
      const record: StepRecord = { params: [...params], state: {} };
      for (const key of ex.stateKeys) {
        const v = (state as Record<string, unknown>)[key];
        if (!isNumberArray(v, n)) return UNREADABLE;
        record.state[key] = [...v];
      }
      if (ex.usesT) {
        const tt = (state as Record<string, unknown>).t;
        if (typeof tt !== "number" || !Number.isInteger(tt)) return UNREADABLE;
        record.state.t = tt;
      }
      out.steps.push(record);
    }
    return out;
  }
  const most = ex.kind === "schedule" ? (c as ScheduleCase).steps.length : 1;
  if (stepsIn.length > 0 || valuesIn.length > most || !valuesIn.every((v) => typeof v === "number")) return UNREADABLE;
  out.values = [...valuesIn];
  return out;
}

const NON_FINITE = ["NaN", "Infinity", "-Infinity"];
const PARAM_NAMES = ["w", "b"];
const DEEP = "too deeply nested: the call stack overflowed (endless recursion, or an expression nested too deeply)";
const ASYNC_HIDDEN =
  "your answer left asynchronous work that failed (details hidden: hidden case); an answer must finish its work before it returns (no un-awaited promises, async code or import())";
const UNREADABLE_HIDDEN = "the grader could not read what the answer returned";

/**
 * Every text a hidden case's problem may show: the runner's redacted messages for this exercise,
 * with only the exercise's own names, step numbers and fixed words in them (see student-run.ts).
 * Nothing the answer chose (a message, a value, a length) can appear in one.
 */
function hiddenVocabulary(ex: Exercise, c: OptimizerCase | ScheduleCase): Set<string> {
  const name = ex.answerName;
  const out = new Set<string>([ASYNC_HIDDEN, UNREADABLE.problem!.redacted, UNREADABLE_HIDDEN]);
  for (const t of ["undefined (is it defined in the answer cell?)", "number", "string", "boolean", "bigint", "symbol", "object"]) out.add(`${name} must be a function, got ${t}`);
  if (ex.kind === "schedule") {
    for (const m of [`${name} threw an error`, `${name}: ${DEEP}`, `${name} returned a value that could not be read`, `${name} must return a number`]) out.add(m);
    out.add(`${name} returned a Promise: remove async (the grader uses what your function returns, right away)`);
    for (const v of NON_FINITE) out.add(`${name} returned ${v}`);
    return out;
  }
  if (ex.kind !== "optimizer") return out;
  const n = (c as OptimizerCase).init.length;
  const vectors = ["params", ...ex.stateKeys.map((k) => `state.${k}`)];
  for (let k = 1; k <= (c as OptimizerCase).steps; k++) {
    out.add(`${name} threw an error at step ${k}`);
    out.add(`${name} at step ${k}: ${DEEP}`);
    out.add(`step ${k}: ${name} returned a Promise: remove async (the grader uses what your function returns, right away)`);
    out.add(`step ${k}: ${name} must return {params, state}`);
    out.add(`step ${k}: ${name} returned a value that could not be read`);
    out.add(`step ${k}: returned a state that is not an object`);
    out.add(`step ${k}: returned a state.t that is not an integer`);
    for (const what of vectors) {
      out.add(`step ${k}: returned ${what} must be an array of ${n} numbers`);
      out.add(`step ${k}: returned ${what} must have ${n} entries`);
      for (let i = 0; i < n; i++) {
        out.add(`step ${k}: returned ${what}[${i}] must be a number`);
        for (const v of NON_FINITE) out.add(`step ${k}: returned ${what}[${i}] (${PARAM_NAMES[i] ?? i}) is ${v}`);
      }
    }
  }
  return out;
}

/**
 * The problem of a hidden case as it may be shown: its redacted text when that is one of the
 * runner's fixed texts for this exercise (`hiddenVocabulary`) or a text already shown for a
 * visible case of the same answer (a load error, say); otherwise a fixed text. An answer that
 * tampers with its realm could make the child report any text; this is where it stops.
 */
export function hiddenSafeTrace(trace: StudentTrace, ex: Exercise, c: OptimizerCase | ScheduleCase | undefined, shownForVisible: ReadonlySet<string>): StudentTrace {
  if (!trace.problem || !c) return trace;
  const text = trace.problem.redacted;
  if (hiddenVocabulary(ex, c).has(text) || shownForVisible.has(text)) return trace;
  return { ...trace, problem: { ...trace.problem, redacted: `${ex.answerName}: a problem at step ${trace.problem.step} (details hidden: hidden case)` } };
}
