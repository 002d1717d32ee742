/**
 * Types of the graded exercises: what a student's function receives and returns, and the records
 * the checks and the grader pass around.
 *
 * Student step functions see plain `number[]` (not Float64Array) and a state that mirrors the
 * library's optimizer state (same names: t, m, v, u, vHat), so every check can compare the
 * student's state with `optimizers.<name>().update(...)` field by field.
 */

/** The points of one batch, seen from the current parameters. */
export interface Batch {
  /** Number of points in the batch. */
  readonly size: number;
  /**
   * Gradient of point i's loss at the current parameters, one entry per parameter ([dw, db] for the
   * sigmoid neuron). The batch gradient is the SUM over i = 0 .. size - 1 (the lecture's `dw += ...`).
   */
  gradient(i: number): number[];
  /**
   * The batch's loss at `params` (any parameters, not only the current ones): the SUM over the
   * points of 1/2 (f(x_i) - y_i)^2, as `models.sigmoidNeuron.loss`. Line search compares candidates with it.
   */
  loss(params: number[]): number;
}

/** What a step function returns: the parameters after the update and the new state. */
export interface StepResult<S> {
  params: number[];
  state: S;
}

/** A student's optimizer step: one update of `params` from the batch gradient. */
export type StepFunction<S, H> = (params: number[], batch: Batch, state: S, hp: H) => StepResult<S>;

/** A student's schedule: the learning rate of the update with 0-based index `step`. */
export type ScheduleFunction<H> = (step: number, hp: H) => number;

/** AdaGrad: v is the running SUM of squared gradients. */
export interface AdagradState { v: number[] }
export interface AdagradHyper { eta: number; eps: number }

/** RMSProp: v is the exponential average of squared gradients. */
export interface RmspropState { v: number[] }
export interface RmspropHyper { eta: number; beta: number; eps: number }

/** AdaDelta: v averages squared gradients, u averages squared updates (used at the NEXT step). */
export interface AdadeltaState { v: number[]; u: number[] }
export interface AdadeltaHyper { beta: number; eps: number }

/** Adam, AdaMax, NAdam: t counts the updates already applied (0 before the first update). */
export interface MomentState { t: number; m: number[]; v: number[] }
export type AdamState = MomentState;
export type AdamaxState = MomentState;
export type NadamState = MomentState;
export interface AdamHyper { eta: number; beta1: number; beta2: number; eps: number }

/** AMSGrad: vHat is the largest v seen so far (no bias correction). */
export interface AmsgradState { m: number[]; v: number[]; vHat: number[] }

/** Triangular cyclic learning rate (the lecture's CLR). stepSize is HALF a cycle (mu on the slide). */
export interface CyclicHyper { etaMin: number; etaMax: number; stepSize: number }

/** Cosine annealing with warm restarts, the lecture's form: restart interval T. */
export interface CosineHyper { etaMax: number; etaMin: number; T: number }

// ---------------------------------------------------------------------------------------------
// Internal records (grader and checks)

/** Data of an optimizer case: the sigmoid neuron's points. */
export interface PointsData { x: number[]; y: number[] }

/** An optimizer exercise case: start, data, hyperparameters and number of steps. */
export interface OptimizerCase {
  kind: "optimizer";
  /** Short description shown for visible cases (never shown for hidden ones). */
  label: string;
  data: PointsData;
  init: number[];
  hyper: Record<string, number>;
  steps: number;
}

/** A schedule exercise case: the steps at which the schedule is evaluated. */
export interface ScheduleCase {
  kind: "schedule";
  label: string;
  hyper: Record<string, number>;
  steps: number[];
  /**
   * For a rate driven by the loss (reduceOnPlateau): the loss seen after each epoch. The student's
   * function then receives `losses.slice(0, step)` (the history so far) instead of `step`.
   */
  losses?: number[];
}

/** The "explain" question: one number. */
export interface ValueCase {
  kind: "value";
  label: string;
}

export type ExerciseCase = OptimizerCase | ScheduleCase | ValueCase;

/** One step of a student's run, as recorded (JSON-safe: plain arrays). */
export interface StepRecord {
  params: number[];
  state: Record<string, unknown>;
}

/**
 * What running a student's function on one case produced. `steps` holds every valid output; a
 * run stops at the first problem, described in `problem` (throw, wrong shape, NaN, not a function).
 */
export interface StudentTrace {
  steps: StepRecord[];
  /** Schedule outputs (schedule cases) or the answer (value case). */
  values?: unknown[];
  problem?: TraceProblem;
}

export interface TraceProblem {
  /** 1-based step (optimizer) or index into case.steps (schedule); 0 before any step. */
  step: number;
  kind: "missing" | "threw" | "shape" | "nonfinite" | "timeout";
  /** Message safe to show for a visible case. */
  message: string;
  /** The same problem with no input or output values in it (hidden cases). */
  redacted: string;
}

/** The verdict on one case. */
export interface CaseResult {
  label: string;
  visibility: "visible" | "hidden";
  score: number;
  maxScore: number;
  passed: boolean;
  /** Human-readable lines (already redacted for hidden cases). */
  messages: string[];
  /** Id of the classic mistake recognised, if any. */
  mistake?: string;
}
