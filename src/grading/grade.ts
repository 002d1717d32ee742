/**
 * Grading one submission: read the file (a regular file, size-checked), extract the tagged answer
 * cells, compile each in the compiler's child process, run each exercise in its own fresh sandboxed
 * process on the visible and hidden cases, and judge every case against the library.
 *
 * Hidden cases are generated here, in the grader's process, from the seed; the child receives
 * only their inputs, and expected values never leave this process. Never throws for anything a
 * submission contains: an unreadable notebook, a missing cell, a syntax error, a crash, a timeout
 * all become a score with a message. Every message is made safe (`text.ts`) and capped; a whole
 * submission has a time budget.
 */
import { basename } from "path";
import { Compiler } from "./compiler";
import { evaluateCase, runnable } from "./evaluate";
import { EXERCISES, answerTag, casePointsOf, hiddenCasesOf, maxScoreOf, type Exercise } from "./exercises";
import { readRegularFile } from "./files";
import { answerSource, parseNotebook, type Notebook } from "./notebook";
import { DEFAULT_LIMITS, Sandbox, type Limits } from "./sandbox";
import type { ChildJob } from "./sandbox-child";
import { safeText } from "./text";
import { checkedTrace, hiddenSafeTrace } from "./trace-check";
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
  /** The submission's name: its path relative to the graded folder (or its file name). Safe text. */
  name: string;
  file: string;
  score: number;
  maxScore: number;
  exercises: ExerciseResult[];
  /** Set when the file could not be read as a notebook at all. Safe text. */
  error?: string;
}

export interface GradeOptions {
  /** Seed of the hidden cases. Keep it private: with it, anyone can regenerate the hidden inputs. */
  seed: string | number;
  limits?: Partial<Limits>;
  /** The submission's name in reports [the file's name]. */
  name?: string;
  /** A sandbox (process pool) and a compiler shared between submissions; made and closed here if absent. */
  sandbox?: Sandbox;
  compiler?: Compiler;
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
  return { id: ex.id, title: ex.title, score: 0, maxScore: maxScoreOf(ex), cases, message: safeText(message) };
}

interface Context {
  seed: string | number;
  sandbox: Sandbox;
  compiler: Compiler;
  limits: Limits;
  deadline: number;
}

function remaining(ctx: Context): number {
  return ctx.deadline - Date.now();
}

function budgetMessage(ctx: Context): string {
  return `not graded: the submission used up its time budget of ${ctx.limits.submissionMs / 1000} s on earlier exercises`;
}

async function gradeExercise(ex: Exercise, source: string | undefined, ctx: Context): Promise<ExerciseResult> {
  const planned = plan(ex, ctx.seed);
  if (source === undefined) {
    return zeroResult(ex, planned, `no answer: no cell is tagged "${answerTag(ex.id)}" (was the answer cell deleted or its tag removed?)`);
  }
  if (remaining(ctx) < 50) return zeroResult(ex, planned, budgetMessage(ctx));
  const compiled = await ctx.compiler.compile(source, answerTag(ex.id), Math.min(ctx.limits.timeoutMs, remaining(ctx)));
  if (!compiled.ok) return zeroResult(ex, planned, compiled.message);
  if (remaining(ctx) < 50) return zeroResult(ex, planned, budgetMessage(ctx));
  const job: Omit<ChildJob, "maxOutputBytes"> = {
    kind: ex.kind,
    answerName: ex.answerName,
    stateKeys: ex.kind === "optimizer" ? ex.stateKeys : [],
    usesT: ex.kind === "optimizer" ? ex.usesT : false,
    js: compiled.js,
    cases: planned.map((p) => (ex.kind === "optimizer" ? runnable(ex, p.c as OptimizerCase) : ex.kind === "schedule" ? (p.c as ScheduleCase) : null)),
    hidden: planned.map((p) => p.visibility === "hidden"),
  };
  const timeout = Math.min(ctx.limits.timeoutMs, remaining(ctx));
  const outcome = await ctx.sandbox.run(job, timeout);
  const failure = outcome.failure === undefined ? undefined : safeText(outcome.failure);
  const traces = planned.map((p, i) => {
    const received = outcome.traces[i];
    return received === undefined ? failedTrace(`not finished: ${failure ?? "no result"}`) : checkedTrace(received, ex, p.c);
  });
  // What visible cases showed may be shown again; a hidden case shows nothing else of its own.
  const shown = new Set(traces.filter((t, i) => planned[i].visibility === "visible" && t.problem).map((t) => t.problem!.message));
  const cases = planned.map((p, i) => {
    // Only what the child reported is filtered; the grader's own "not finished" text is kept.
    const fromChild = outcome.traces[i] !== undefined;
    const trace = p.visibility === "hidden" && fromChild ? hiddenSafeTrace(traces[i], ex, p.c, shown) : traces[i];
    return evaluateCase(ex, p.c, trace, p.visibility, p.points);
  });
  const score = round2(cases.reduce((s, c) => s + c.score, 0));
  return { id: ex.id, title: ex.title, score, maxScore: maxScoreOf(ex), cases, message: failure };
}

/** The result of a file that could not be graded at all (every exercise 0, the reason given). */
export function ungradable(
  file: string,
  name: string,
  error: string,
  seed: string | number = DEFAULT_SEED,
  list: readonly Exercise[] = EXERCISES,
): SubmissionResult {
  const safe = safeText(error);
  const exercises = list.map((ex) => zeroResult(ex, plan(ex, seed), safe));
  return { name: safeText(name, 200), file, score: 0, maxScore: round2(list.reduce((s, ex) => s + maxScoreOf(ex), 0)), exercises, error: safe };
}

/** Grades one notebook file. Resolves for every input; never rejects for a bad submission. */
export async function gradeSubmission(file: string, options: GradeOptions): Promise<SubmissionResult> {
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const name = safeText(options.name ?? basename(file), 200);
  const list = options.assignment?.exercises ?? EXERCISES;
  const maxScore = round2(list.reduce((s, ex) => s + maxScoreOf(ex), 0));
  const started = Date.now();
  let nb;
  try {
    nb = parseNotebook(readRegularFile(file, limits.maxFileBytes, name), name);
    const refusal = (options.assignment ?? BUILT_IN).refuse(nb);
    if (refusal) throw new Error(`${name}: ${refusal}`);
  } catch (e) {
    return ungradable(file, name, (e as Error).message, options.seed, list);
  }
  const sandbox = options.sandbox ?? new Sandbox(limits);
  const compiler = options.compiler ?? new Compiler(limits);
  const ctx: Context = { seed: options.seed, sandbox, compiler, limits, deadline: started + limits.submissionMs };
  const exercises: ExerciseResult[] = [];
  try {
    for (const ex of list) {
      try {
        exercises.push(await gradeExercise(ex, answerSource(nb, ex.id), ctx));
      } catch (e) {
        // A bug in the grader must not cost the other exercises (or the other submissions).
        exercises.push(zeroResult(ex, plan(ex, options.seed), `the grader could not grade this answer: ${(e as Error).message}`));
      }
    }
  } finally {
    if (!options.sandbox) sandbox.close();
    if (!options.compiler) compiler.close();
  }
  return { name, file, score: round2(exercises.reduce((s, e) => s + e.score, 0)), maxScore, exercises };
}
