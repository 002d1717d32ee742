/**
 * Reference trajectories for the checks, driven by the library's own optimizers.
 *
 * `drive` runs an `Optimizer` from `src/optimizers` on the sigmoid neuron, one batch update per
 * step, exactly as a student's step function is run. Its knobs reproduce the classic mistakes
 * WITHOUT restating any update rule: a wrong batch gradient (the last point's instead of the sum),
 * a state that is not carried (re-initialised every step), a step counter one behind, or an update
 * whose adaptive denominator is transformed (the library's own denominator, read back from its
 * effective learning rate `lr = eta / denominator`).
 */
import { sigmoidNeuron } from "../models/sigmoidNeuron";
import type { Optimizer, OptimizerState } from "../optimizers/types";
import type { PointsData } from "./types";

export interface DriveOptions {
  /** "sum": the batch gradient (correct); "last": only the last point's gradient (`dw = ∇`). */
  gradient?: "sum" | "last";
  /** "carry": each step starts from the previous state (correct); "reset": from `init` every step. */
  state?: "carry" | "reset";
  /** Added to the state's t before each update (-1: the bias correction sees t - 1). */
  tShift?: number;
  /**
   * Replaces the update's denominator D (= eta / lr) by denominator(D): the parameter change is
   * scaled by D / denominator(D). Used for "eps inside the root" and "divided by v, not sqrt(v)".
   */
  denominator?: (d: number) => number;
}

/** One reference step: params and the library state after update t. */
export interface DrivenStep {
  params: Float64Array;
  state: OptimizerState;
}

/** The batch gradient of the sigmoid neuron at `params`: the sum over points, or the last point's. */
export function batchGradient(params: ArrayLike<number>, data: PointsData, mode: "sum" | "last"): Float64Array {
  const out = new Float64Array(params.length);
  if (mode === "last") {
    sigmoidNeuron.addPointGradient(params, data, data.x.length - 1, out);
  } else {
    for (let i = 0; i < data.x.length; i++) sigmoidNeuron.addPointGradient(params, data, i, out);
  }
  return out;
}

/**
 * Runs `steps` updates of `optimizer` from `init`. A step the library refuses (e.g. t = -1) or
 * that produces non-finite numbers yields NaN parameters, and the run stops there, as a student's
 * run would.
 */
export function drive(
  optimizer: Optimizer,
  data: PointsData,
  init: ArrayLike<number>,
  steps: number,
  options: DriveOptions = {},
): DrivenStep[] {
  const out: DrivenStep[] = [];
  let params: Float64Array = Float64Array.from(init);
  let state = optimizer.init(params);
  for (let k = 1; k <= steps; k++) {
    const start = options.state === "reset" ? optimizer.init(params) : state;
    const grad = batchGradient(optimizer.gradientPoint(params, start), data, options.gradient ?? "sum");
    const shift = options.tShift ?? 0;
    let next: DrivenStep;
    try {
      const res = optimizer.update(grad, shift ? { ...start, t: start.t + shift } : start, params);
      const newParams = res.params;
      if (options.denominator) {
        for (let i = 0; i < newParams.length; i++) {
          const d = res.eta / res.effectiveRate[i];
          newParams[i] = params[i] + (newParams[i] - params[i]) * (d / options.denominator(d));
        }
      }
      next = { params: newParams, state: shift ? { ...res.state, t: res.state.t - shift } : res.state };
    } catch {
      next = { params: new Float64Array(params.length).fill(NaN), state };
    }
    out.push(next);
    if (!next.params.every(Number.isFinite)) break;
    params = next.params;
    state = next.state;
  }
  return out;
}
