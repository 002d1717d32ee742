/**
 * Plumbing shared by the optimizer factories: option checks, the learning rate at step t, and the
 * argument checks of `update`. No update rule lives here.
 */
import type { Schedule } from "../schedules/types";
import * as check from "../validate";
import type { BaseHyper, Flavor, LearningRate, Optimizer, OptimizerState, StepResult, UpdateResult, Vector } from "./types";

/** Checks `eta`: a finite number > 0 or a schedule function. */
export function learningRate(fn: string, value: unknown): LearningRate {
  if (typeof value === "function") return value as Schedule;
  if (value === undefined) {
    throw new Error(`${fn}: eta (the learning rate) is required: a finite number > 0 or a schedule, got undefined`);
  }
  return check.positive(fn, "eta", value);
}

/** The learning rate of update t (t = 1 on the first update): a schedule is evaluated at step t - 1. */
export function etaAt(fn: string, eta: LearningRate, t: number): number {
  if (typeof eta === "number") return eta;
  const value = eta(t - 1);
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new Error(`${fn}: the eta schedule returned ${check.show(value)} at step ${t - 1}; a learning rate must be a finite number >= 0`);
  }
  return value;
}

export function flavorOf(fn: string, value: unknown): Flavor {
  return check.oneOf<Flavor>(fn, "flavor", value ?? "lecture", ["lecture", "torch"]);
}

export function eps(fn: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) check.fail(fn, "eps", "a finite number >= 0", value);
  return value;
}

export function beta(fn: string, arg: string, value: unknown, fallback: number): number {
  return check.decay(fn, arg, value ?? fallback);
}

export function zeros(n: number): Float64Array {
  return new Float64Array(n);
}

/** Throws unless grad, params and every state vector have the same length. */
export function checkUpdate(fn: string, grad: Vector, state: OptimizerState, params: Vector, keys: readonly string[]): void {
  if (!grad || typeof grad.length !== "number") check.fail(`${fn}.update`, "grad", "an array of numbers", grad);
  if (!params || typeof params.length !== "number") check.fail(`${fn}.update`, "params", "an array of numbers", params);
  if (grad.length !== params.length) {
    throw new Error(`${fn}.update: grad has length ${grad.length} but params has length ${params.length}`);
  }
  if (!state || typeof state !== "object" || typeof state.t !== "number" || !Number.isInteger(state.t) || state.t < 0) {
    check.fail(`${fn}.update`, "state", `a state from ${fn}.init (with an integer t >= 0)`, state);
  }
  for (const key of keys) {
    const v = state[key];
    if (!(v instanceof Float64Array) || v.length !== params.length) {
      check.fail(`${fn}.update`, `state.${key}`, `a Float64Array of length ${params.length} (from ${fn}.init)`, v);
    }
  }
}

/** Copies the caller's params into a Float64Array and checks they are numbers. */
export function initVector(fn: string, params: Vector): Float64Array {
  return check.finiteVector(`${fn}.init`, "params", params);
}

/** Description of one optimizer, turned into an Optimizer by `defineOptimizer`. */
export interface OptimizerSpec<S extends OptimizerState, H extends object> {
  name: string;
  flavor: Flavor;
  /** The hyperparameters to report (eta as given, a number or a schedule); flavor is added. */
  hyper: H & { eta: LearningRate };
  stateKeys: readonly string[];
  /** State vectors at t = 0 for n parameters (all zeros in every optimizer of the lecture). */
  initState(n: number): S;
  /** One update, given the learning rate of this update; must not mutate its arguments. */
  step(grad: Vector, state: S, params: Vector, eta: number): StepResult<S>;
  gradientPoint?(params: Vector, state: S): Float64Array;
}

export function defineOptimizer<S extends OptimizerState, H extends object>(spec: OptimizerSpec<S, H>): Optimizer<S, H & BaseHyper> {
  const fn = spec.name;
  const eta = spec.hyper.eta;
  return Object.freeze({
    name: spec.name,
    flavor: spec.flavor,
    hyper: Object.freeze({ ...spec.hyper, flavor: spec.flavor }),
    stateKeys: Object.freeze([...spec.stateKeys]),
    init(params: Vector): S {
      return spec.initState(initVector(fn, params).length);
    },
    update(grad: Vector, state: S, params: Vector): UpdateResult<S> {
      checkUpdate(fn, grad, state, params, spec.stateKeys);
      const etaT = etaAt(fn, eta, state.t + 1);
      const r = spec.step(grad, state, params, etaT);
      return { params: r.params, state: r.state, effectiveRate: r.effectiveRate, eta: etaT };
    },
    gradientPoint(params: Vector, state: S): Float64Array {
      if (spec.gradientPoint) return spec.gradientPoint(params, state);
      return params instanceof Float64Array ? params.slice() : Float64Array.from(params);
    },
  });
}

/** Rejects a lecture-only option under flavor "torch", where torch.optim has no such switch. */
export function lectureOnly(fn: string, flavor: Flavor, arg: string, value: unknown, torchValue: unknown): void {
  if (flavor === "torch" && value !== undefined && value !== torchValue) {
    throw new Error(`${fn}: ${arg} = ${check.show(value)} has no torch.optim equivalent; use flavor "lecture" or drop ${arg}`);
  }
}
