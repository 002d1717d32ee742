/**
 * Reference trajectories for the checks, driven by the library's public training API.
 *
 * `drive` trains the sigmoid neuron with `train()` (batch mode: one update per step, the gradient
 * summed over the points), exactly as a student's step function is run. Its knobs reproduce the
 * classic mistakes WITHOUT restating any update rule, through the public Model and Optimizer
 * interfaces: a model whose batch gradient is only the last point's, or an optimizer wrapped so
 * that its state is not carried (re-initialised every step), its step counter is one behind, or its
 * adaptive denominator is transformed (the denominator read back from the update's own
 * `eta / effectiveRate`).
 */
import type { Model } from "../models/types";
import { sigmoidNeuron } from "../models/sigmoidNeuron";
import type { Optimizer, OptimizerState, UpdateResult, Vector } from "../optimizers/types";
import { lineSearch } from "../search";
import { train } from "../train";
import type { RecordedState } from "../trajectory";
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

/** One reference step: params and the library state after update t (as train records them). */
export interface DrivenStep {
  params: number[];
  state: RecordedState;
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

/** The sigmoid neuron with a batch gradient that is only the last point's (`dw = ∇` in a loop). */
const lastPointOnly: Model<PointsData> = {
  name: "sigmoidNeuron, last point's gradient only",
  paramNames: () => sigmoidNeuron.paramNames(),
  validate: (data, caller) => sigmoidNeuron.validate(data, caller),
  loss: (params, data) => sigmoidNeuron.loss(params, data),
  addPointGradient: (params, data, i, out) => {
    if (i === data.x.length - 1) sigmoidNeuron.addPointGradient(params, data, i, out);
  },
};

/**
 * `optimizer` with the mistake of `options` built in: fresh state every step, t shifted, or the
 * denominator D = eta / effectiveRate of every parameter replaced by denominator(D). An update the
 * library refuses (e.g. t = -1) gives NaN parameters, so the run stops there as a student's would.
 */
function withMistake(optimizer: Optimizer, options: DriveOptions, seen: { params?: Float64Array }): Optimizer {
  const shift = options.tShift ?? 0;
  const update = (grad: Vector, state: OptimizerState, params: Vector): UpdateResult => {
    const start = options.state === "reset" ? optimizer.init(params) : state;
    let res: UpdateResult;
    try {
      res = optimizer.update(grad, shift ? { ...start, t: start.t + shift } : start, params);
    } catch {
      seen.params = new Float64Array(params.length).fill(NaN);
      return { params: seen.params, state: { ...start, t: start.t + 1 }, effectiveRate: new Float64Array(params.length).fill(NaN), eta: NaN };
    }
    const newParams = Float64Array.from(res.params);
    if (options.denominator) {
      for (let i = 0; i < newParams.length; i++) {
        const d = res.eta / res.effectiveRate[i];
        newParams[i] = params[i] + (newParams[i] - params[i]) * (d / options.denominator(d));
      }
    }
    seen.params = newParams;
    return { ...res, params: newParams, state: shift ? { ...res.state, t: res.state.t - shift } : res.state };
  };
  return {
    name: optimizer.name,
    flavor: optimizer.flavor,
    hyper: optimizer.hyper,
    stateKeys: optimizer.stateKeys,
    init: (params) => optimizer.init(params),
    update,
    gradientPoint: (params, state) => optimizer.gradientPoint(params, options.state === "reset" ? optimizer.init(params) : state),
  };
}

/**
 * Runs `steps` updates of `optimizer` from `init` with `train()`. When an update produces
 * non-finite parameters (or the library refuses it: NaN), that step is the last one returned, as a
 * student's run stops there.
 */
export function drive(
  optimizer: Optimizer,
  data: PointsData,
  init: ArrayLike<number>,
  steps: number,
  options: DriveOptions = {},
): DrivenStep[] {
  const seen: { params?: Float64Array } = {};
  const run = train({
    model: options.gradient === "last" ? lastPointOnly : sigmoidNeuron,
    data,
    init,
    optimizer: withMistake(optimizer, options, seen),
    epochs: steps,
    mode: "batch",
    recordLoss: false,
  });
  const out: DrivenStep[] = [];
  for (let k = 1; k <= run.trajectory.steps; k++) {
    const r = run.trajectory.step(k);
    out.push({ params: r.params, state: r.state });
  }
  if (run.diverged) {
    // train() stops before the update that left the finite numbers; that update's parameters (the
    // last the wrapped optimizer returned) end the run, as a student's non-finite step does.
    const nan = () => Array.from(init, () => NaN);
    const state: RecordedState = { t: out.length + 1, ...Object.fromEntries(optimizer.stateKeys.map((key) => [key, nan()])) };
    out.push({ params: seen.params ? Array.from(seen.params) : nan(), state });
  }
  return out;
}

/**
 * A data-aware reference: the trajectory of an exercise whose step needs more than the gradient
 * (line search needs the loss), so no `Optimizer` can stand for it.
 */
export type ReferenceTrajectory = (hyper: Record<string, number>, data: PointsData, init: ArrayLike<number>, steps: number) => DrivenStep[];

/**
 * The library's `lineSearch` on the sigmoid neuron (full batch, one step per epoch) with the
 * candidate rates `etas`, as `drive` returns a run: params after each step, state `{t}` (a line
 * search keeps no state). A step where every candidate's loss is non-finite ends the run with NaN
 * parameters, as a student's would.
 */
export function lineSearchSteps(etas: number[], data: PointsData, init: ArrayLike<number>, steps: number): DrivenStep[] {
  const run = lineSearch({ model: sigmoidNeuron, data, init, etas, epochs: steps });
  const out: DrivenStep[] = [];
  for (let k = 1; k <= run.trajectory.steps; k++) {
    const r = run.trajectory.step(k);
    out.push({ params: Array.from(r.params), state: { t: k } });
  }
  if (run.diverged) out.push({ params: Array.from(init, () => NaN), state: { t: out.length + 1 } });
  return out;
}
