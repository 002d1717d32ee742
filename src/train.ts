/**
 * The training loop: batch gradient descent, SGD, or mini-batches, recording the whole trajectory.
 */
import type { Model } from "./models/types";
import type { Optimizer, OptimizerState } from "./optimizers/types";
import { randomSource, shuffledIndices } from "./rng";
import type { EpochFeedback } from "./schedules/types";
import { TrajectoryRecorder, type StartRecord, type StepRecord, type Trajectory } from "./trajectory";
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
  /** Held-out data: its loss is computed after every epoch for `feedback` and `onEpoch` [none]. */
  validation?: D;
  /**
   * A schedule that needs the loss after every epoch (`schedules.reduceOnPlateau`, or a
   * `schedules.sequential` containing one): reset at the start, fed the validation loss (training
   * loss without validation data) after every epoch. Pass the same object given as the optimizer's eta.
   */
  feedback?: EpochFeedback;
  /** Called after every epoch; return "stop" to end the run there (early stopping). */
  onEpoch?: (info: EpochInfo) => void | "stop";
  /** Record the full-dataset loss after every update [true]; false saves time on big SGD runs (loss = NaN). */
  recordLoss?: boolean;
  /**
   * What to keep of every update ["all"]: "all" records params, loss, gradient, effective learning
   * rate and optimizer state; "params" only params and loss (records then have empty grad and lr,
   * and the gradient / rate / state columns throw): less memory and time for long or wide runs.
   */
  record?: "all" | "params";
}

/** What `onEpoch` receives after every epoch. */
export interface EpochInfo {
  /** 1-based epoch that just ended. */
  epoch: number;
  /** Updates made so far. */
  t: number;
  /** Parameters at the end of the epoch (a copy). */
  params: number[];
  /** Full training-data loss at `params`. */
  loss: number;
  /** Loss on `validation` at `params` (undefined without validation data). */
  validationLoss?: number;
}

export interface TrainResult {
  trajectory: Trajectory;
  /** The starting point (same as trajectory.start). */
  start: StartRecord;
  /** Update k, 1-based (same as trajectory.step(k)). */
  step(k: number): StepRecord;
  /** True when a loss or parameter became non-finite; the run stopped there. */
  diverged: boolean;
  /** True when `onEpoch` asked to stop (early stopping). */
  stopped: boolean;
  /** Why the run stopped early (names the step). */
  message?: string;
}

const FN = "train";

/** A TrainResult around a finished trajectory (also used by lineSearch). */
export function runResult<E extends { diverged: boolean; stopped: boolean; message?: string }>(trajectory: Trajectory, extra: E): TrainResult & E {
  return { trajectory, start: trajectory.start, step: (k: number) => trajectory.step(k), ...extra };
}

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
 * run.trajectory.step(100).loss;   // also run.step(100), run.start, run.trajectory.lossColumn()
 */
export function train<D>(opts: TrainOptions<D>): TrainResult {
  const o = check.options<TrainOptions<D>>(FN, opts, ["model", "data", "init", "optimizer", "epochs", "mode", "validation", "recordLoss", "record", "feedback", "onEpoch"]);
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
  const feedback = o.feedback;
  if (feedback !== undefined && (feedback === null || typeof feedback.reset !== "function" || typeof feedback.observe !== "function" || typeof feedback.end !== "function")) {
    check.fail(FN, "feedback", "a schedule with reset/observe/end such as schedules.reduceOnPlateau(...)", feedback);
  }
  const onEpoch = o.onEpoch;
  if (onEpoch !== undefined && typeof onEpoch !== "function") check.fail(FN, "onEpoch", "a function (info) => void | \"stop\"", onEpoch);

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
  const finish = (extra: { diverged: boolean; stopped: boolean; message?: string }): TrainResult => {
    feedback?.end();
    return runResult(recorder.view(), extra);
  };
  feedback?.reset();

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
        return finish({
          diverged: true,
          stopped: false,
          message: `train: diverged at step ${next.state.t} (epoch ${epoch}): ${bad}; the trajectory stops at step ${next.state.t - 1}. Try a smaller eta.`,
        });
      }
      params = next.params;
      state = next.state;
      recorder.step({ t: state.t, epoch, params, loss, grad, eta: next.eta, effectiveRate: next.effectiveRate, state });
    }
    if (feedback || onEpoch) {
      const trainLoss = recordLoss ? recorder.loss.data[recorder.count - 1] : lossAt(params);
      const validationLoss = o.validation !== undefined ? model.loss(params, o.validation) : undefined;
      feedback?.observe(validationLoss ?? trainLoss, state.t);
      if (onEpoch && onEpoch({ epoch, t: state.t, params: Array.from(params), loss: trainLoss, validationLoss }) === "stop") {
        return finish({ diverged: false, stopped: true, message: `train: stopped by onEpoch after epoch ${epoch} (step ${state.t})` });
      }
    }
  }
  return finish({ diverged: false, stopped: false });
}
