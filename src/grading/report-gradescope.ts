/**
 * Gradescope's autograder `results.json`: top-level `score`, and `tests[]` with `name`, `score`,
 * `max_score`, `status`, `output`, `visibility`. One test per exercise and kind of case (visible,
 * hidden). Hidden tests say which step and parameter went wrong and give the hint, never an input
 * or a value.
 */
import type { ExerciseResult, SubmissionResult } from "./grade";
import { cap, safeText } from "./text";
import type { CaseResult } from "./types";

/** Longest `output` of one test, in characters (results.json stays far below 1 MB). */
export const MAX_TEST_OUTPUT = 4000;

export interface GradescopeTest {
  name: string;
  score: number;
  max_score: number;
  status: "passed" | "failed";
  output: string;
  visibility: "visible" | "hidden" | "after_due_date" | "after_published";
}

export interface GradescopeResults {
  score: number;
  output: string;
  visibility: "visible";
  tests: GradescopeTest[];
}

/** Visibility of the hidden-case tests on Gradescope. */
export const HIDDEN_TEST_VISIBILITY = "after_published";

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function caseLines(c: CaseResult, index: number): string[] {
  const name = c.visibility === "visible" ? `case ${index + 1} (${c.label})` : `hidden case ${index + 1}`;
  const head = `${c.passed ? "PASS" : "FAIL"} ${safeText(name)}: ${c.score}/${c.maxScore}`;
  return [head, ...c.messages.map((m) => `    ${safeText(m)}`)];
}

function testOf(ex: ExerciseResult, visibility: "visible" | "hidden"): GradescopeTest | undefined {
  const cases = ex.cases.filter((c) => c.visibility === visibility);
  if (cases.length === 0) return undefined;
  const score = round2(cases.reduce((s, c) => s + c.score, 0));
  const maxScore = round2(cases.reduce((s, c) => s + c.maxScore, 0));
  const lines: string[] = [];
  if (ex.message) lines.push(safeText(ex.message));
  cases.forEach((c, i) => lines.push(...caseLines(c, i)));
  return {
    name: `${safeText(ex.title, 100)}: ${visibility} cases`,
    score,
    max_score: maxScore,
    // Status and score agree: "passed" only with every case passed, which is full marks.
    status: cases.every((c) => c.passed) && score === maxScore ? "passed" : "failed",
    output: cap(lines.join("\n"), MAX_TEST_OUTPUT),
    visibility: visibility === "visible" ? "visible" : HIDDEN_TEST_VISIBILITY,
  };
}

export function toGradescope(result: SubmissionResult): GradescopeResults {
  const tests: GradescopeTest[] = [];
  for (const ex of result.exercises) {
    for (const v of ["visible", "hidden"] as const) {
      const t = testOf(ex, v);
      if (t) tests.push(t);
    }
  }
  const name = safeText(result.name, 200);
  const output = result.error
    ? `Could not grade ${name}: ${safeText(result.error)}`
    : `${name}: ${result.score} of ${result.maxScore} points`;
  return { score: result.score, output, visibility: "visible", tests };
}
