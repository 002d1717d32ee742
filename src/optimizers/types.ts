/**
 * The optimizer contract shared by every optimizer of the lecture.
 *
 * An optimizer is a pair of pure functions (after optax): `init(params)` builds the state, and
 * `update(grad, state, params)` returns the new parameters, the new state and the per-parameter
 * effective learning rate of this update. Nothing is mutated: the state a caller holds stays valid,
 * so a trajectory can keep every state it saw.
 */
import type { Schedule } from "../schedules/types";

/** A parameter or gradient vector. Inputs may be any numeric array; outputs are Float64Array. */
export type Vector = ArrayLike<number>;

/** "lecture": the slides' update rules (t = 1 on the first update). "torch": torch.optim's arithmetic. */
export type Flavor = "lecture" | "torch";

/** A learning rate: a constant or a schedule evaluated at the 0-based update index (t - 1). */
export type LearningRate = number | Schedule;

/**
 * Optimizer state: `t` counts the updates already applied (0 after init, 1 after the first update);
 * every other field is a per-parameter vector (v, u, m, mHat, vHat, vHatMax, ...).
 */
export interface OptimizerState {
  readonly t: number;
  readonly [key: string]: number | Float64Array;
}

/** What one optimizer rule computes for an update (before `update` adds the scheduled eta). */
export interface StepResult<S extends OptimizerState = OptimizerState> {
  /** Parameters after the update. */
  params: Float64Array;
  /** State after the update (t incremented). */
  state: S;
  /**
   * Per-parameter effective learning rate of this update: the factor that multiplies the update
   * direction (the gradient for GD/AdaGrad/RMSProp/MaxProp, u for momentum/NAG, m-hat for Adam and
   * its relatives, m for AMSGrad's lecture form). For AdaDelta it is eta * sqrt(u + eps) / sqrt(v + eps).
   * Not to be confused with `eta`, the scheduled learning rate, which is the same for every parameter.
   */
  effectiveRate: Float64Array;
}

export interface UpdateResult<S extends OptimizerState = OptimizerState> extends StepResult<S> {
  /** The scheduled learning rate eta of this update (a schedule evaluated at step t - 1). */
  eta: number;
}

/** Hyperparameters every optimizer reports; each factory's own type adds its fields. */
export interface BaseHyper {
  /** The learning rate as given: a number or a schedule (read it with care: a schedule is a function). */
  readonly eta: LearningRate;
  readonly flavor: Flavor;
}

export interface Optimizer<S extends OptimizerState = OptimizerState, H extends BaseHyper = BaseHyper> {
  /** Lower-case name, e.g. "adam" (a key of `optimizers.registry`, or a chain's name). */
  readonly name: string;
  readonly flavor: Flavor;
  /** The validated hyperparameters, defaults filled in (typed per optimizer, e.g. AdamHyperparameters). */
  readonly hyper: Readonly<H>;
  /** Names of the per-parameter state vectors this optimizer keeps, in display order. */
  readonly stateKeys: readonly string[];
  init(params: Vector): S;
  update(grad: Vector, state: S, params: Vector): UpdateResult<S>;
  /**
   * Where the gradient for the next update must be evaluated. Identity for every optimizer except
   * NAG in its lecture form, which looks ahead to w - eta * beta * u.
   */
  gradientPoint(params: Vector, state: S): Float64Array;
}
