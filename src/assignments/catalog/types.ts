/**
 * What the exercise catalog knows about one exercise: how it is graded (the library reference,
 * the classic-mistake variants, the fixed visible cases, the hyperparameters and their default
 * hidden-case ranges). The notebook text of an exercise (markdown, stub, solution) lives beside the
 * exercises' source, in `notebooks/exercises/source/catalog/<id>.pct.ts`, which the builder reads.
 *
 * An assignment picks entries from the catalog and sets their points, case counts and ranges;
 * `src/assignments/exercises.ts` turns an entry plus those settings into the grader's `Exercise`.
 */
import type { Optimizer } from "../../optimizers/types";
import type { Schedule } from "../../schedules/types";
import type { OptimizerVariant, ScheduleVariant, ValueExercise } from "../../grading/exercises";
import type { ReferenceTrajectory } from "../../grading/reference";
import type { RandomSource } from "../../rng";
import type { OptimizerCase, ScheduleCase } from "../../grading/types";

/**
 * Where a hidden case draws a hyperparameter from: uniform on [lo, hi), log-uniform on [lo, hi),
 * an integer in lo..hi (both included), or one fixed value.
 */
export type Range =
  | { kind: "uniform"; lo: number; hi: number }
  | { kind: "log"; lo: number; hi: number }
  | { kind: "int"; lo: number; hi: number }
  | { kind: "fixed"; value: number };

interface EntryBase {
  /** Catalog id: the assignment file's `exercise`, the tag `answer:<id>`, `check.<id>`, the score column. */
  id: string;
  title: string;
  /** The name the answer cell defines. */
  answerName: string;
}

/** An optimizer step exercise: the student writes `(params, batch, state, hp) => {params, state}`. */
export interface OptimizerEntry extends EntryBase {
  kind: "optimizer";
  /** The state vectors the student keeps (a subset of the library's state, same names). */
  stateKeys: readonly string[];
  /** Whether the student's state carries the update count t. */
  usesT: boolean;
  /** Hyperparameter names, in the order hidden cases draw them. */
  hyper: readonly string[];
  /** Default hidden-case range of every hyperparameter in `hyper`. */
  ranges: Readonly<Record<string, Range>>;
  reference(hyper: Record<string, number>): Optimizer;
  /**
   * The graded reference run when no `Optimizer` can stand for the step (it needs the data: line
   * search); `reference` then only gives the initial state. See `grading/evaluate.referenceRun`.
   */
  trajectory?: ReferenceTrajectory;
  /** The classic mistakes, each as the library's trajectory under that mistake. */
  variants(hyper: Record<string, number>): OptimizerVariant[];
  /** The fixed visible cases, in order (an assignment asking for more gets drawn ones after them). */
  visibleCases(): OptimizerCase[];
}

/** A schedule exercise: the student writes `(step, hp) => learning rate`. */
export interface ScheduleEntry extends EntryBase {
  kind: "schedule";
  hyper: readonly string[];
  ranges: Readonly<Record<string, Range>>;
  /** `losses`: the case's loss history, for a rate driven by the loss (reduceOnPlateau). */
  reference(hyper: Record<string, number>, losses?: number[]): Schedule;
  variants(hyper: Record<string, number>, losses?: number[]): ScheduleVariant[];
  visibleCases(): ScheduleCase[];
  /**
   * Set for a rate driven by the loss: draws a case's loss history (`ScheduleCase.losses`; the
   * student's function gets `losses.slice(0, step)`), with `stepsFor` in 0..its length.
   */
  lossesFor?(rng: RandomSource, hyper: Record<string, number>): number[];
  /** The steps at which a drawn case evaluates the schedule (enough to see its whole shape). */
  stepsFor(hyper: Record<string, number>): number[];
}

/** A fixed "explain" question of the catalog (answered with one number). */
export interface ValueEntry extends EntryBase {
  kind: "value";
  exercise: ValueExercise;
}

export type CatalogEntry = OptimizerEntry | ScheduleEntry | ValueEntry;
