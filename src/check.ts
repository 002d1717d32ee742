/**
 * In-notebook checks: `check.<exercise>(studentFn)` runs the student's function on the visible
 * cases, compares it with the library and prints PASS/FAIL per case, naming on failure the first
 * diverging step, the parameter, expected vs got, and a hint when a classic mistake is recognised.
 *
 * A check never throws: a missing function, an exception inside the student's code, NaN or a
 * wrong shape all become a printed message. It returns true when every visible case passed.
 * (An endless loop in the student's own function cannot be stopped in-process: interrupt the
 * kernel; the grader enforces a time limit.)
 *
 * @example check.explain(0.5) // false (prints what is wrong; the right answer is never shown)
 */
import { EXERCISES, POINTS, type Exercise, type ExerciseId } from "./grading/exercises";
import { evaluateCase, runnable } from "./grading/evaluate";
import { runOptimizer, runSchedule, runValue } from "./grading/student-run";
import type { CaseResult, StudentTrace } from "./grading/types";

export type {
  Batch,
  StepResult,
  StepFunction,
  ScheduleFunction,
  AdagradState,
  AdagradHyper,
  RmspropState,
  RmspropHyper,
  AdadeltaState,
  AdadeltaHyper,
  AdamState,
  AdamaxState,
  NadamState,
  AdamHyper,
  AmsgradState,
  CyclicHyper,
  CosineHyper,
} from "./grading/types";

export type CheckFunction = (answer: unknown) => boolean;

/** Where check output goes (console.log in a notebook; tests may capture it). */
export type Printer = (line: string) => void;

function runCase(ex: Exercise, answer: unknown, index: number): CaseResult {
  if (ex.kind === "value") return evaluateCase(ex, undefined, runValue(answer, ex.answerName), "visible", POINTS.explain);
  if (ex.kind === "schedule") {
    const c = ex.visibleCases()[index];
    return evaluateCase(ex, c, runSchedule(answer, ex.answerName, c), "visible", POINTS.visibleCase);
  }
  const c = ex.visibleCases()[index];
  const trace: StudentTrace = runOptimizer(answer, ex, runnable(ex, c));
  return evaluateCase(ex, c, trace, "visible", POINTS.visibleCase);
}

/** Runs every visible case of `ex` on `answer` and prints the verdicts; true when all passed. */
export function runCheck(ex: Exercise, answer: unknown, print: Printer = (line) => console.log(line)): boolean {
  try {
    const n = ex.kind === "value" ? 1 : ex.visibleCases().length;
    let passed = 0;
    for (let i = 0; i < n; i++) {
      const r = runCase(ex, answer, i);
      if (r.passed) passed++;
      print(`${r.passed ? "PASS" : "FAIL"} ${ex.id} case ${i + 1} (${r.label})`);
      for (const m of r.messages) print(`     ${m}`);
      if (!r.passed && r.messages.some((m) => m.includes("must be a function") || m.includes("is it defined"))) break;
    }
    const hidden = ex.kind === "value" ? "" : "; the grader also runs hidden cases";
    print(`${ex.id}: ${passed} of ${n} visible case${n === 1 ? "" : "s"} passed${hidden}.`);
    return passed === n;
  } catch (e) {
    // Only a bug in the checks can get here; the student still gets a message, not a stack trace.
    print(`check.${ex.id} could not finish: ${e instanceof Error ? e.message : String(e)}`);
    return false;
  }
}

/** `check.adagrad(adagradStep)`, `check.cyclic(cyclicLr)`, `check.explain(effectiveLrB)`, ... */
export const check: Readonly<Record<ExerciseId, CheckFunction>> = Object.freeze(
  Object.fromEntries(EXERCISES.map((ex) => [ex.id, (answer: unknown) => runCheck(ex, answer)])) as Record<ExerciseId, CheckFunction>,
);

/** The checks of a notebook built by `adaptive-lr assignment build` (its first code cell calls this). */
export { assignmentChecks } from "./assignments/check";
