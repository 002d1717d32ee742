/**
 * Judges a student's trace on one case against the library: the first diverging step, the
 * parameter, expected vs got, a hint when the trace matches a classic mistake, and the score.
 *
 * Partial credit: an optimizer case earns its points times the fraction of its steps whose
 * parameters were right before the first wrong parameter (a wrong state costs from the step where
 * it changes the parameters); a schedule case the fraction of steps that are right. For a hidden
 * case no input and no expected or returned value appears in the messages.
 */
import { close, fmt, firstDifference, type Divergence } from "./compare";
import type { Exercise, OptimizerExercise, ScheduleExercise, ValueExercise } from "./exercises";
import { HINTS, type MistakeId } from "./mistakes";
import { drive, type DrivenStep } from "./reference";
import { safeText } from "./text";
import type { RunnableOptimizerCase } from "./student-run";
import type { CaseResult, OptimizerCase, ScheduleCase, StudentTrace } from "./types";

const PARAM_NAMES = ["w", "b"];

export type Visibility = "visible" | "hidden";

/** The library's initial state for a case, as plain arrays (what the student's first step receives). */
export function initialState(ex: OptimizerExercise, c: OptimizerCase): Record<string, number | number[]> {
  const state = ex.reference(c.hyper).init(c.init);
  const out: Record<string, number | number[]> = {};
  if (ex.usesT) out.t = state.t;
  for (const key of ex.stateKeys) out[key] = Array.from(state[key] as Float64Array);
  return out;
}

export function runnable(ex: OptimizerExercise, c: OptimizerCase): RunnableOptimizerCase {
  return { ...c, initState: initialState(ex, c) };
}

/** The graded reference run of case `c`: the exercise's own trajectory, or its optimizer driven by `train`. */
export function referenceRun(ex: Pick<OptimizerExercise, "reference" | "trajectory">, c: OptimizerCase): DrivenStep[] {
  return ex.trajectory ? ex.trajectory(c.hyper, c.data, c.init, c.steps) : drive(ex.reference(c.hyper), c.data, c.init, c.steps);
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * Credit for `right` of `total` steps. A case that did not pass never gets full marks (its status
 * and its score must agree), and a problem charged before the first step (e.g. asynchronous work
 * that failed later) gets nothing.
 */
function credit(points: number, right: number, total: number, passed: boolean, trace: StudentTrace): number {
  if (passed) return points;
  if (trace.problem && trace.problem.step === 0) return 0;
  return Math.min(round2((points * Math.min(right, total - 1)) / total), round2(points - 0.01));
}

/** Messages are made safe (no control characters, capped) in one place, whatever produced them. */
function safe(result: CaseResult): CaseResult {
  result.messages = result.messages.slice(0, 6).map((m) => safeText(m));
  return result;
}

/** First step at which the student's step k differs from the reference step k (params, then state). */
function divergence(ex: OptimizerExercise, ref: DrivenStep[], trace: StudentTrace): Divergence | undefined {
  for (let k = 0; k < trace.steps.length && k < ref.length; k++) {
    const got = trace.steps[k];
    const want = ref[k];
    const p = firstDifference(want.params, got.params, PARAM_NAMES, k + 1, "parameter ");
    if (p) return p;
    for (const key of ex.stateKeys) {
      const s = firstDifference(want.state[key] as number[], got.state[key] as number[], PARAM_NAMES, k + 1, `state.${key} of `);
      if (s) return s;
    }
    if (ex.usesT && got.state.t !== want.state.t) {
      return { step: k + 1, what: "state.t", expected: want.state.t, got: got.state.t };
    }
  }
  return undefined;
}

/** Number of leading steps whose parameters match the reference (the partial credit). */
function paramsRight(ref: DrivenStep[], trace: StudentTrace): number {
  let k = 0;
  while (k < trace.steps.length && k < ref.length && ref[k].params.every((p, i) => close(p, trace.steps[k].params[i]))) k++;
  return k;
}

/** True when the student's parameters follow the variant's on every step the student produced. */
function followsParams(variant: DrivenStep[], trace: StudentTrace): boolean {
  if (trace.steps.length === 0 || trace.steps.length > variant.length) return false;
  return trace.steps.every((s, k) => variant[k].params.every((p, i) => close(p, s.params[i])));
}

function describeDivergence(d: Divergence, visibility: Visibility): string {
  if (visibility === "hidden") return `first wrong at step ${d.step} (${d.what})`;
  return `first wrong at step ${d.step}, ${d.what}: expected ${fmt(d.expected)}, got ${fmt(d.got)}`;
}

function problemLine(trace: StudentTrace, visibility: Visibility): string | undefined {
  if (!trace.problem) return undefined;
  return visibility === "hidden" ? trace.problem.redacted : trace.problem.message;
}

function hintLines(mistake: MistakeId | undefined): string[] {
  return mistake ? [`hint: ${HINTS[mistake]}`] : [];
}

export function evaluateOptimizerCase(
  ex: OptimizerExercise,
  c: OptimizerCase,
  trace: StudentTrace,
  visibility: Visibility,
  points: number,
): CaseResult {
  const ref = referenceRun(ex, c);
  const d = divergence(ex, ref, trace);
  const good = paramsRight(ref, trace);
  const passed = !d && !trace.problem && trace.steps.length === c.steps;
  const result: CaseResult = { label: c.label, visibility, maxScore: points, score: credit(points, good, c.steps, passed, trace), passed, messages: [] };
  if (passed) return result;
  if (trace.problem?.kind === "missing" || trace.problem?.kind === "timeout") {
    result.messages.push(problemLine(trace, visibility) as string);
    result.score = 0;
    return safe(result);
  }
  let mistake: MistakeId | undefined;
  if (trace.steps.length > 0) {
    for (const v of ex.variants(c.hyper)) {
      if (followsParams(drive(v.optimizer, c.data, c.init, c.steps, v.drive), trace)) {
        mistake = v.mistake;
        break;
      }
    }
  }
  if (d) result.messages.push(describeDivergence(d, visibility));
  const p = problemLine(trace, visibility);
  if (p && (!d || trace.problem!.step <= d.step)) result.messages.push(p);
  result.messages.push(...hintLines(mistake));
  result.mistake = mistake;
  return safe(result);
}

function scheduleValue(fn: (step: number) => number, step: number): number {
  try {
    return fn(step);
  } catch {
    return NaN;
  }
}

export function evaluateScheduleCase(
  ex: ScheduleExercise,
  c: ScheduleCase,
  trace: StudentTrace,
  visibility: Visibility,
  points: number,
): CaseResult {
  const ref = ex.reference(c.hyper, c.losses);
  const values = trace.values ?? [];
  let right = 0;
  let first: Divergence | undefined;
  c.steps.forEach((step, k) => {
    const want = ref(step);
    if (k < values.length && close(want, values[k])) right++;
    else if (!first && k < values.length) first = { step, what: `${ex.answerName}(${step})`, expected: want, got: values[k] };
  });
  const passed = right === c.steps.length && !trace.problem;
  const result: CaseResult = {
    label: c.label,
    visibility,
    maxScore: points,
    score: credit(points, right, c.steps.length, passed, trace),
    passed,
    messages: [],
  };
  if (passed) return result;
  if (first) {
    result.messages.push(
      visibility === "hidden"
        ? `${c.steps.length - right} of ${c.steps.length} steps wrong`
        : `first wrong at step ${first.step}: expected ${fmt(first.expected)}, got ${fmt(first.got)} (${right} of ${c.steps.length} steps right)`,
    );
  }
  const p = problemLine(trace, visibility);
  if (p) result.messages.push(p);
  if (values.length > 0) {
    // A variant one step early has no value at step -1 (the library refuses it): those steps are not compared.
    const v = ex.variants(c.hyper, c.losses).find((variant) =>
      values.every((got, k) => c.steps[k] + variant.shift < 0 || close(scheduleValue(variant.schedule, c.steps[k] + variant.shift), got)),
    );
    result.mistake = v?.mistake;
    result.messages.push(...hintLines(v?.mistake));
  }
  return safe(result);
}

export function evaluateValueCase(ex: ValueExercise, trace: StudentTrace, points: number): CaseResult {
  const label = ex.visibleCases()[0].label;
  const result: CaseResult = { label, visibility: "visible", maxScore: points, score: 0, passed: false, messages: [] };
  if (trace.problem) {
    result.messages.push(trace.problem.message);
    return safe(result);
  }
  const got = trace.values![0] as number;
  const expected = ex.expected();
  if (Math.abs(got - expected) <= ex.tolerance * Math.abs(expected)) {
    result.passed = true;
    result.score = points;
    return result;
  }
  // The expected number is never printed: it is the answer.
  result.messages.push(`${fmt(got)} is not within ${ex.tolerance * 100}% of the expected value`);
  const v = ex.variants().find((variant) => Math.abs(got - variant.value) <= ex.tolerance * Math.abs(variant.value));
  result.mistake = v?.mistake;
  result.messages.push(...hintLines(v?.mistake));
  return safe(result);
}

/** Dispatches on the exercise kind. `c` is ignored for the value exercise. */
export function evaluateCase(
  ex: Exercise,
  c: OptimizerCase | ScheduleCase | undefined,
  trace: StudentTrace,
  visibility: Visibility,
  points: number,
): CaseResult {
  if (ex.kind === "optimizer") return evaluateOptimizerCase(ex, c as OptimizerCase, trace, visibility, points);
  if (ex.kind === "schedule") return evaluateScheduleCase(ex, c as ScheduleCase, trace, visibility, points);
  return evaluateValueCase(ex, trace, points);
}
