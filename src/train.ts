/**
 * The training loop: batch gradient descent, SGD, or mini-batches, recording the whole trajectory.
 */
import type { Model } from "./models/types";
import type { Optimizer, OptimizerState } from "./optimizers/types";
import { randomSource, shuffledIndices } from "./rng";
import { TrajectoryRecorder, type Trajectory } from "./trajectory";
import * as check from "./validate";

/** "batch": one update per epoch (gradient summed over all points); "sgd": one update per point. */
export type TrainMode = "batch" | "sgd" | { batchSize: number; shuffleSeed?: number | string };

export interface TrainOptions<D> {
  model: Model<D>;
  /** The dataset (omit for a 2-D surface). */
  data?: D;
  /** Starting parameters, e.g. [w0, b0]. */
  init: ArrayLike<number>;
  optimizer: Optimizer<OptimizerState>;
  epochs: number;
  mode?: TrainMode;
  /** Data whose loss is passed to a validation-based schedule (reduceOnPlateau) after each epoch [training data]. */
  validation?: D;
  /** Record the full-dataset loss after every update [true]; false saves time on big SGD runs (loss = NaN). */
  recordLoss?: boolean;
  /**
   * What to keep of every update ["all"]: "all" records params, loss, gradient, effective learning
   * rate and optimizer state; "params" only params and loss (records then have empty grad and lr,
   * and the gradient / rate / state columns throw): less memory and time for long or wide runs.
   */
  record?: "all" | "params";
}

export interface TrainResult {
  trajectory: Trajectory;
  /** True when a loss or parameter became non-finite; the run stopped there. */
  diverged: boolean;
  /** Why the run stopped early (names the step). */
  message?: string;
}

const FN = "train";

function batchesOf(mode: TrainMode, n: number): (epoch: number) => number[][] {
  if (mode === "batch") {
    const all = [Array.from({ length: n }, (_, i) => i)];
    return () => all;
  }
  if (mode === "sgd") {
    const each = Array.from({ length: n }, (_, i) => [i]);
    return () => each;
  }
  if (mode === null || typeof mode !== "object" || Array.isArray(mode)) {
    check.fail(FN, "mode", '"batch", "sgd" or {batchSize, shuffleSeed?}', mode);
  }
  check.options(FN + " mode", mode, ["batchSize", "shuffleSeed"]);
  const size = check.positiveInt(FN, "mode.batchSize", mode.batchSize);
  const rng = mode.shuffleSeed === undefined ? undefined : randomSource(mode.shuffleSeed);
  const chunk = (order: number[]) => {
    const out: number[][] = [];
    for (let i = 0; i < n; i += size) out.push(order.slice(i, i + size));
    return out;
  };
  const fixed = chunk(Array.from({ length: n }, (_, i) => i));
  return () => (rng ? chunk(shuffledIndices(n, rng)) : fixed);
}

function checkModel(model: unknown): asserts model is Model<unknown> {
  const m = model as Partial<Model<unknown>> | undefined;
  if (!m || typeof m !== "object" || typeof m.loss !== "function" || typeof m.addPointGradient !== "function" ||
      typeof m.validate !== "function" || typeof m.paramNames !== "function") {
    check.fail(FN, "model", "a model such as models.sigmoidNeuron or models.surfaces.bowl", model);
  }
}

function checkOptimizer(optimizer: unknown): asserts optimizer is Optimizer<OptimizerState> {
  const o = optimizer as Partial<Optimizer<OptimizerState>> | undefined;
  if (!o || typeof o !== "object" || typeof o.init !== "function" || typeof o.update !== "function" ||
      typeof o.gradientPoint !== "function") {
    check.fail(FN, "optimizer", "an optimizer such as optimizers.adam({ eta: 0.1 })", optimizer);
  }
}

/** Names the first non-finite parameter, or returns undefined. */
function nonFiniteParam(params: Float64Array, names: readonly string[]): string | undefined {
  for (let i = 0; i < params.length; i++) {
    if (!Number.isFinite(params[i])) return `parameter ${names[i] ?? i} = ${params[i]}`;
  }
  return undefined;
}

/**
 * Trains `model` on `data` from `init` with `optimizer` and records every update.
 *
 * The gradient of an update is the plain running sum of per-point gradients over its batch, in
 * dataset order, evaluated at `optimizer.gradientPoint(params, state)` (NAG's look-ahead). `t`
 * counts updates; a schedule given as eta sees step t - 1.
 * @example
 * const run = train({ model: models.sigmoidNeuron, data: datasets.toy2(), init: [-2, -2],
 *                     optimizer: optimizers.adam({ eta: 0.1 }), epochs: 100 });
 * run.trajectory[100].loss
 */
export function train<D>(opts: TrainOptions<D>): TrainResult {
  const o = check.options<TrainOptions<D>>(FN, opts, ["model", "data", "init", "optimizer", "epochs", "mode", "validation", "recordLoss", "record"]);
  checkModel(o.model);
  const model = o.model as Model<D>;
  checkOptimizer(o.optimizer);
  const optimizer = o.optimizer;
  const data = o.data as D;
  const n = model.validate(data, FN);
  const names = model.paramNames(data);
  const init = check.finiteVector(FN, "init", o.init, names.length);
  const epochs = check.positiveInt(FN, "epochs", o.epochs);
  const mode = o.mode ?? "batch";
  const batches = batchesOf(mode, n);
  if (o.validation !== undefined) model.validate(o.validation, FN + " (validation)");
  const recordLoss = check.bool(FN, "recordLoss", o.recordLoss ?? true);
  const details = check.oneOf<"all" | "params">(FN, "record", o.record ?? "all", ["all", "params"]) === "all";
  const eta = optimizer.hyper.eta as unknown;
  const plateau = typeof eta === "function" ? (eta as { observe?: (metric: number) => void }) : undefined;
  const observe = plateau && typeof plateau.observe === "function" ? plateau.observe.bind(plateau) : undefined;

  const updatesPerEpoch = mode === "batch" ? 1 : mode === "sgd" ? n : Math.ceil(n / (mode as { batchSize: number }).batchSize);
  const recorder = new TrajectoryRecorder(names, optimizer.stateKeys, epochs * updatesPerEpoch, details);
  let params = init;
  let state = optimizer.init(params);
  // Fast path: a model may precompute per-dataset tables once per run (see Model.prepare).
  const prepared = model.prepare ? model.prepare(data) : undefined;
  const lossAt = prepared ? (q: ArrayLike<number>) => prepared.loss(q) : (q: ArrayLike<number>) => model.loss(q, data);
  const fullBatch = mode === "batch" && prepared !== undefined;
  recorder.start(params, lossAt(params));
  const p = names.length;

  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (const batch of batches(epoch)) {
      const point = optimizer.gradientPoint(params, state);
      const grad = new Float64Array(p);
      if (fullBatch) prepared.batchGradient(point, grad);
      else for (const i of batch) model.addPointGradient(point, data, i, grad);
      const next = optimizer.update(grad, state, params);
      const loss = recordLoss ? lossAt(next.params) : NaN;
      const bad = nonFiniteParam(next.params, names) ?? (recordLoss && !Number.isFinite(loss) ? `loss = ${loss}` : undefined);
      if (bad !== undefined) {
        return {
          trajectory: recorder.view(),
          diverged: true,
          message: `train: diverged at step ${next.state.t} (epoch ${epoch}): ${bad}; the trajectory stops at step ${next.state.t - 1}. Try a smaller eta.`,
        };
      }
      params = next.params;
      state = next.state;
      recorder.step({ t: state.t, epoch, params, loss, grad, lr: next.lr, state });
    }
    if (observe) observe(model.loss(params, o.validation ?? data));
  }
  return { trajectory: recorder.view(), diverged: false };
}
