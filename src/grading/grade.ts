/**
 * Grading one submission: extract the tagged answer cells, transpile them, run them in the
 * sandbox on the visible and hidden cases, and judge every case against the library.
 *
 * Hidden cases are generated here, in the grader's process, from the seed; the child receives
 * only their inputs, and expected values never leave this process. Never throws for anything a
 * submission contains: an unreadable notebook, a missing cell, a syntax error, a crash, a timeout
 * all become a score with a message.
 */
import { readFileSync } from "fs";
import { basename } from "path";
import { compileAnswer } from "./compile";
import { evaluateCase, runnable } from "./evaluate";
import { EXERCISES, answerTag, casePointsOf, hiddenCasesOf, maxScoreOf, type Exercise } from "./exercises";
import { answerSource, parseNotebook, type Notebook } from "./notebook";
import { DEFAULT_LIMITS, Sandbox, type Limits } from "./sandbox";
import type { ChildJob } from "./sandbox-child";
import type { CaseResult, OptimizerCase, ScheduleCase, StudentTrace } from "./types";

export interface ExerciseResult {
  id: string;
  title: string;
  score: number;
  maxScore: number;
  cases: CaseResult[];
  /** A problem with the whole answer (missing cell, syntax error, time/memory/output limit). */
  message?: string;
}

export interface SubmissionResult {
  /** File name of the submission. */
  name: string;
  file: string;
  score: number;
  maxScore: number;
  exercises: ExerciseResult[];
  /** Set when the file could not be read as a notebook at all. */
  error?: string;
}

export interface GradeOptions {
  /** Seed of the hidden cases. Keep it private: with it, anyone can regenerate the hidden inputs. */
  seed: string | number;
  limits?: Partial<Limits>;
  /** What to grade against: an assignment's exercises (`--assignment`); the built-in ten when absent. */
  assignment?: GradedAssignment;
}

/** The narrow view of an assignment the grader needs (built by `src/assignments/plan.ts`). */
export interface GradedAssignment {
  /** The exercises, in grading (and score-column) order. */
  exercises: readonly Exercise[];
  /** Why this notebook must not be graded against this assignment (built for another one), or undefined. */
  refuse(nb: Notebook): string | undefined;
}

export const DEFAULT_SEED = "adaptive-lr-hidden";

/**
 * The built-in ten exercises. Their notebook is built from the shipped assignment file
 * notebooks/exercises/exercises.assignment.json (id "exercises"); a notebook built for another
 * assignment is refused.
 */
const BUILT_IN: GradedAssignment = {
  exercises: EXERCISES,
  refuse: (nb) => {
    const meta = nb.metadata?.adaptive_lr as { assignment?: unknown } | undefined;
    const id = meta && typeof meta === "object" ? meta.assignment : undefined;
    return id === undefined || id === "exercises"
      ? undefined
      : `this notebook was built for the assignment ${JSON.stringify(id)}, not for the built-in exercises: grade it with --assignment <that assignment's file>`;
  },
};

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

interface PlannedCase {
  c: OptimizerCase | ScheduleCase | undefined;
  visibility: "visible" | "hidden";
  points: number;
}

function plan(ex: Exercise, seed: string | number): PlannedCase[] {
  const points = casePointsOf(ex);
  if (ex.kind === "value") return [{ c: undefined, visibility: "visible", points: points.visible[0] }];
  const visible = (ex.visibleCases() as Array<OptimizerCase | ScheduleCase>).map((c, i): PlannedCase => ({ c, visibility: "visible", points: points.visible[i] }));
  const hidden = hiddenCasesOf(ex, seed).map((c, i): PlannedCase => ({ c, visibility: "hidden", points: points.hidden[i] }));
  return [...visible, ...hidden];
}

function failedTrace(message: string): StudentTrace {
  return { steps: [], values: [], problem: { step: 0, kind: "timeout", message, redacted: message } };
}

function zeroResult(ex: Exercise, planned: PlannedCase[], message: string): ExerciseResult {
  const cases = planned.map((p, i): CaseResult => ({
    label: p.visibility === "visible" && p.c ? p.c.label : p.visibility === "visible" ? ex.title : `hidden case ${i + 1}`,
    visibility: p.visibility,
    score: 0,
    maxScore: p.points,
    passed: false,
    messages: [],
  }));
  return { id: ex.id, title: ex.title, score: 0, maxScore: maxScoreOf(ex), cases, message };
}

async function gradeExercise(ex: Exercise, source: string | undefined, sandbox: Sandbox, seed: string | number): Promise<ExerciseResult> {
  const planned = plan(ex, seed);
  if (source === undefined) {
    return zeroResult(ex, planned, `no answer: no cell is tagged "${answerTag(ex.id)}" (was the answer cell deleted or its tag removed?)`);
  }
  const compiled = compileAnswer(source, answerTag(ex.id));
  if (!compiled.ok) return zeroResult(ex, planned, compiled.message);
  const job: Omit<ChildJob, "maxOutputBytes"> = {
    kind: ex.kind,
    answerName: ex.answerName,
    stateKeys: ex.kind === "optimizer" ? ex.stateKeys : [],
    usesT: ex.kind === "optimizer" ? ex.usesT : false,
    js: compiled.js,
    cases: planned.map((p) => (ex.kind === "optimizer" ? runnable(ex, p.c as OptimizerCase) : ex.kind === "schedule" ? (p.c as ScheduleCase) : null)),
  };
  const outcome = await sandbox.run(job);
  const cases = planned.map((p, i) => {
    const trace = outcome.traces[i] ?? failedTrace(`not finished: ${outcome.failure ?? "no result"}`);
    return evaluateCase(ex, p.c, trace, p.visibility, p.points);
  });
  const score = round2(cases.reduce((s, c) => s + c.score, 0));
  return { id: ex.id, title: ex.title, score, maxScore: maxScoreOf(ex), cases, message: outcome.failure };
}

/** Grades one notebook file. Resolves for every input; never rejects for a bad submission. */
export async function gradeSubmission(file: string, options: GradeOptions): Promise<SubmissionResult> {
  const name = basename(file);
  const list = options.assignment?.exercises ?? EXERCISES;
  const maxScore = round2(list.reduce((s, ex) => s + maxScoreOf(ex), 0));
  let nb;
  try {
    nb = parseNotebook(readFileSync(file, "utf8"), name);
    const refusal = (options.assignment ?? BUILT_IN).refuse(nb);
    if (refusal) throw new Error(`${name}: ${refusal}`);
  } catch (e) {
    const error = (e as Error).message;
    const exercises = list.map((ex) => zeroResult(ex, plan(ex, options.seed), error));
    return { name, file, score: 0, maxScore, exercises, error };
  }
  const sandbox = new Sandbox({ ...DEFAULT_LIMITS, ...options.limits });
  const exercises: ExerciseResult[] = [];
  try {
    for (const ex of list) {
      try {
        exercises.push(await gradeExercise(ex, answerSource(nb, ex.id), sandbox, options.seed));
      } catch (e) {
        // A bug in the grader must not cost the other exercises (or the other submissions).
        exercises.push(zeroResult(ex, plan(ex, options.seed), `the grader could not grade this answer: ${(e as Error).message}`));
      }
    }
  } finally {
    sandbox.close();
  }
  return { name, file, score: round2(exercises.reduce((s, e) => s + e.score, 0)), maxScore, exercises };
}
