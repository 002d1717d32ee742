/**
 * Gradient transformations that compose (after optax): each one maps the incoming update vector
 * (the gradient, for the first) to a new one, keeping its own per-parameter state. `chain(...)`
 * runs them in order and turns the result into an Optimizer: w_{t+1} = w_t + u_t, where the last
 * transformation is usually `scaleByLearningRate(eta)` (u <- -eta * u).
 */
import type { LearningRate } from "../optimizers/types";

/** Per-parameter state vectors of one transformation (e.g. {m, v} for scaleByAdam). */
export type TransformState = Record<string, Float64Array>;

export interface TransformStep {
  /** The transformed update vector. */
  updates: Float64Array;
  /** The transformation's state after this update. */
  state: TransformState;
  /**
   * The factor this transformation multiplied the update by (a number or per parameter), used for
   * the chain's effective rate: e.g. 1/(sqrt(vHat)+eps) for scaleByAdam, eta for scaleByLearningRate.
   * Omitted when the transformation is not a scaling (e.g. adding decayed weights).
   */
  scale?: number | Float64Array;
  /** The learning rate used (scaleByLearningRate only): reported as the update's eta. */
  eta?: number;
}

export interface GradientTransformation {
  /** e.g. "scaleByAdam". */
  readonly name: string;
  /** Hyperparameters as validated (defaults filled in). */
  readonly hyper: Readonly<Record<string, number | boolean | LearningRate>>;
  /** Names of its per-parameter state vectors (must not clash with another transformation's in a chain). */
  readonly stateKeys: readonly string[];
  init(n: number): TransformState;
  /**
   * One update: `updates` is what the previous transformation produced (the gradient for the
   * first), `params` the current parameters, `t` the update count (1 on the first update). Must not
   * mutate its arguments.
   */
  update(updates: Float64Array, state: TransformState, params: Float64Array, t: number): TransformStep;
}
