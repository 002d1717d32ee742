/**
 * Choosing eta by trying several: the lecture's line search (per step) and log search (per run).
 */
import type { Model } from "./models/types";
import { gd } from "./optimizers/gd";
import type { Optimizer, OptimizerState } from "./optimizers/types";
import { runResult, train, type TrainMode, type TrainResult } from "./train";
import { TrajectoryRecorder } from "./trajectory";
import * as check from "./validate";

export interface LineSearchOptions<D> {
  model: Model<D>;
  data?: D;
  init: ArrayLike<number>;
  /** Candidate rates tried at every step [0.1, 0.5, 1, 5, 10] (the lecture's). */
  etas?: number[];
  epochs: number;
}

export interface LineSearchResult extends TrainResult {
  /** The rate chosen at each update (index 0 = update 1). */
  chosenEtas: number[];
}

/**
 * Line search: at every (batch) step compute the gradient once, try a GD step with each candidate
 * eta, and keep the one with the lowest loss. (The lecture's code forgets to update its best error,
 * so it always keeps the last candidate that beats 10000; this keeps the true best.)
 * @example lineSearch({ model: models.sigmoidNeuron, data: datasets.toy2(), init: [-2, -2], epochs: 50 })
 */
export function lineSearch<D>(opts: LineSearchOptions<D>): LineSearchResult {
  const fn = "lineSearch";
  const o = check.options<LineSearchOptions<D>>(fn, opts, ["model", "data", "init", "etas", "epochs"]);
  const model = o.model as Model<D>;
  if (!model || typeof model.loss !== "function") check.fail(fn, "model", "a model such as models.sigmoidNeuron", model);
  const data = o.data as D;
  const n = model.validate(data, fn);
  const names = model.paramNames(data);
  const init = check.finiteVector(fn, "init", o.init, names.length);
  const epochs = check.positiveInt(fn, "epochs", o.epochs);
  const etas = o.etas ?? [0.1, 0.5, 1, 5, 10];
  if (!Array.isArray(etas) || etas.length === 0) check.fail(fn, "etas", "a non-empty array of rates", etas);
  const steppers = etas.map((eta, i) => {
    check.positive(fn, `etas[${i}]`, eta);
    return gd({ eta });
  });

  const recorder = new TrajectoryRecorder(names, [], epochs);
  let params = init;
  recorder.start(params, model.loss(params, data));
  const chosenEtas: number[] = [];
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const grad = new Float64Array(names.length);
    for (let i = 0; i < n; i++) model.addPointGradient(params, data, i, grad);
    let best: { params: Float64Array; loss: number; k: number } | undefined;
    steppers.forEach((stepper, k) => {
      const candidate = stepper.update(grad, stepper.init(params), params).params;
      const loss = model.loss(candidate, data);
      if (Number.isFinite(loss) && (best === undefined || loss < best.loss)) best = { params: candidate, loss, k };
    });
    if (best === undefined) {
      return runResult(recorder.view(), {
        diverged: true,
        stopped: false,
        message: `lineSearch: diverged at step ${epoch}: every candidate eta gave a non-finite loss`,
        chosenEtas,
      });
    }
    params = best.params;
    chosenEtas.push(etas[best.k]);
    recorder.step({
      t: epoch, epoch, params, loss: best.loss, grad,
      eta: etas[best.k],
      effectiveRate: new Float64Array(names.length).fill(etas[best.k]),
      state: { t: epoch },
    });
  }
  return runResult(recorder.view(), { diverged: false, stopped: false, chosenEtas });
}

export interface LogSearchOptions<D> {
  model: Model<D>;
  data?: D;
  init: ArrayLike<number>;
  /** Builds the optimizer for one eta, e.g. (eta) => optimizers.adam({ eta }). */
  makeOptimizer: (eta: number) => Optimizer<OptimizerState>;
  /** The rates to try, or a log grid {min, max, count} [{min: 1e-4, max: 1, count: 9}]. */
  etas?: number[] | { min: number; max: number; count: number };
  epochs: number;
  mode?: TrainMode;
}

export interface LogSearchRow {
  eta: number;
  finalLoss: number;
  diverged: boolean;
}

export interface LogSearchResult {
  table: LogSearchRow[];
  /** The row with the lowest final loss among runs that did not diverge (undefined if all diverged). */
  best: LogSearchRow | undefined;
}

/** count points spaced evenly in log10 between min and max (inclusive). */
export function logGrid(min: number, max: number, count: number): number[] {
  const fn = "logGrid";
  check.positive(fn, "min", min);
  check.positive(fn, "max", max);
  check.positiveInt(fn, "count", count);
  if (min > max) throw new Error(`${fn}: min must be <= max, got min = ${min} and max = ${max}`);
  if (count === 1) return [min];
  const a = Math.log10(min);
  const b = Math.log10(max);
  return Array.from({ length: count }, (_, i) => Math.pow(10, a + ((b - a) * i) / (count - 1)));
}

/**
 * Log search: one full run per eta on a logarithmic grid (0.0001, 0.001, ... as the lecture
 * suggests), returning the final loss of each and the best.
 * @example logSearch({ model, data, init: [-2, -2], makeOptimizer: (eta) => optimizers.gd({ eta }), epochs: 100 })
 */
export function logSearch<D>(opts: LogSearchOptions<D>): LogSearchResult {
  const fn = "logSearch";
  const o = check.options<LogSearchOptions<D>>(fn, opts, ["model", "data", "init", "makeOptimizer", "etas", "epochs", "mode"]);
  if (typeof o.makeOptimizer !== "function") {
    check.fail(fn, "makeOptimizer", "a function eta => optimizer, e.g. (eta) => optimizers.adam({ eta })", o.makeOptimizer);
  }
  const grid = o.etas ?? { min: 1e-4, max: 1, count: 9 };
  let etas: number[];
  if (Array.isArray(grid)) {
    if (grid.length === 0) check.fail(fn, "etas", "a non-empty array of rates", grid);
    etas = grid.map((eta, i) => check.positive(fn, `etas[${i}]`, eta));
  } else if (grid && typeof grid === "object") {
    etas = logGrid(grid.min, grid.max, grid.count);
  } else {
    check.fail(fn, "etas", "an array of rates or {min, max, count}", grid);
  }
  const table = etas.map((eta): LogSearchRow => {
    const run = train({
      model: o.model as Model<D>, data: o.data, init: o.init as ArrayLike<number>,
      optimizer: o.makeOptimizer!(eta), epochs: o.epochs as number, mode: o.mode,
    });
    return { eta, finalLoss: run.trajectory.last().loss, diverged: run.diverged };
  });
  const candidates = table.filter((r) => !r.diverged);
  const best = candidates.reduce<LogSearchRow | undefined>((a, r) => (a === undefined || r.finalLoss < a.finalLoss ? r : a), undefined);
  return { table, best };
}
