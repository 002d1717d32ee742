/**
 * Computations behind the AdaGrad notebook (notebooks/02-adagrad.ipynb): the effective learning
 * rates of the first update (next to the slide's worked numbers), the rate of one parameter at
 * chosen updates, how much a run still moves at its end, the "what if we removed the square root?"
 * rates read off a run's recorded state, the effect of rescaling the gradients, and the largest
 * gap between two paths (eps inside vs outside the square root).
 *
 * Every number comes from the library's optimizers and training loop: nothing here re-implements
 * AdaGrad's update. The rates without the square root are eta / v_t, a division of the run's
 * RECORDED accumulator v_t (the optimizer never runs without the root).
 */
import type { Figure, Trace } from "../charts/types";
import type { PointData } from "../datasets/types";
import { sigmoidNeuron } from "../models/sigmoidNeuron";
import { adagrad } from "../optimizers/adagrad";
import { train, type TrainResult } from "../train";
import * as check from "../validate";
import { checkRun, checkSteps, paramIndex } from "./runArgs";
import { replayGradients } from "./adam";

function checkV(fn: string, run: TrainResult): void {
  if (!run.trajectory.stateKeys.includes("v")) {
    check.fail(fn, "run", 'a run whose optimizer records an accumulator "v" (e.g. optimizers.adagrad)', run.trajectory.stateKeys);
  }
  checkSteps(fn, "run", run, 1);
}

/** The first AdaGrad update of the sigmoid neuron, read from the run (`firstStepRates`). */
export interface FirstStepRates {
  /** Summed gradient at the start, [grad_w, grad_b]. */
  gradW: number;
  gradB: number;
  /** Accumulator after the first update: v = grad^2. */
  vW: number;
  vB: number;
  /** Effective learning rate of the first update, eta / (sqrt(v) + eps). */
  rateW: number;
  rateB: number;
  /** How far each parameter moved in the first update (rate * |grad| = eta for both, up to eps). */
  stepW: number;
  stepB: number;
}

/**
 * Trains the sigmoid neuron for ONE batch update with optimizers.adagrad({eta}) from `init` and
 * reads the recorded gradient, accumulator v and effective rate of w and b.
 * @example firstStepRates(datasets.sparse()).rateB // 0.1 / 9.1846 = 0.010888
 */
export function firstStepRates(data: PointData, init: ArrayLike<number> = [-2, -2], eta = 0.1): FirstStepRates {
  const fn = "lessons.adagrad.firstStepRates";
  if (!data || typeof data !== "object") check.fail(fn, "data", "a data set {x, y} such as datasets.sparse()", data);
  const start = check.finiteVector(fn, "init", init, 2);
  const rate = check.positive(fn, "eta", eta);
  const run = train({ model: sigmoidNeuron, data, init: start, optimizer: adagrad({ eta: rate }), epochs: 1 });
  const r = run.trajectory.step(1);
  const v = r.state.v as number[];
  return {
    gradW: r.grad[0], gradB: r.grad[1],
    vW: v[0], vB: v[1],
    rateW: r.effectiveRate[0], rateB: r.effectiveRate[1],
    stepW: r.params[0] - start[0], stepB: r.params[1] - start[1],
  };
}

/** The slide's worked numbers for the first AdaGrad update, as printed. */
export const SLIDE_FIRST_STEP = Object.freeze({ eta: 0.1, gradB: -9.19, vB: 84.45, rateB: 0.01, vW: 0.019, rateW: 0.72 });

/**
 * The effective rate AdaGrad gives a parameter whose accumulator after the first update is `v`
 * (e.g. the slide's 0.019 and 84.45): one gradient sqrt(v) is replayed through
 * optimizers.adagrad({eta, eps, epsInsideSqrt}) and its reported rate is returned.
 * The slide writes eta / sqrt(v + eps), hence epsInsideSqrt defaults to true here.
 * @example rateForAccumulator(0.019) // 0.1 / sqrt(0.019) = 0.72548
 */
export function rateForAccumulator(v: number, opts: { eta?: number; eps?: number; epsInsideSqrt?: boolean } = {}): number {
  const fn = "lessons.adagrad.rateForAccumulator";
  const value = check.positive(fn, "v", v);
  const o = check.options<{ eta: number; eps: number; epsInsideSqrt: boolean }>(fn, opts, ["eta", "eps", "epsInsideSqrt"]);
  const optimizer = adagrad({ eta: o.eta ?? 0.1, eps: o.eps ?? 1e-8, epsInsideSqrt: o.epsInsideSqrt ?? true });
  return replayGradients(optimizer, [Math.sqrt(value)])[0].effectiveRate;
}

/** One row of `rateAt`. */
export interface RateRow {
  /** Update count. */
  t: number;
  /** Gradient of update t. */
  grad: number;
  /** Accumulator after update t (sum of squared gradients 1..t). */
  v: number;
  /** Effective learning rate of update t. */
  rate: number;
  /** Value of the parameter after update t. */
  value: number;
}

/**
 * Gradient, accumulator v, effective rate and value of parameter `param` (index or name) at the
 * updates `ts` (each in 1..number of updates) of an AdaGrad run.
 * @example rateAt(run, "b", [1, 10, 100]).map((r) => r.rate)
 */
export function rateAt(run: TrainResult, param: number | string, ts: number[]): RateRow[] {
  const fn = "lessons.adagrad.rateAt";
  checkRun(fn, "run", run);
  checkV(fn, run);
  const j = paramIndex(fn, run, param);
  const steps = run.trajectory.length - 1;
  if (!Array.isArray(ts) || ts.length === 0) check.fail(fn, "ts", "a non-empty array of update counts", ts);
  const traj = run.trajectory;
  const grad = traj.gradColumn(j);
  const v = traj.stateColumn("v", j);
  const lr = traj.effectiveRateColumn(j);
  const p = traj.param(j);
  return ts.map((t) => {
    if (typeof t !== "number" || !Number.isInteger(t) || t < 1 || t > steps) {
      check.fail(fn, "ts", `update counts in [1, ${steps}]`, t);
    }
    return { t, grad: grad[t - 1], v: v[t - 1], rate: lr[t - 1], value: p[t] };
  });
}

/** What the last updates of a run did (`tailMovement`). */
export interface TailMovement {
  /** First and last update of the window (from = steps - last + 1). */
  from: number;
  to: number;
  /** Per parameter: value before the window and after its last update. */
  before: number[];
  after: number[];
  /** Per parameter: after - before. */
  change: number[];
  /** Per parameter: the effective rate of the window's first and last update. */
  rateFrom: number[];
  rateTo: number[];
}

/**
 * How far every parameter moved during the last `last` updates of a run, and its effective rate
 * at the start and end of that window.
 * @example tailMovement(run, 100).change // [dw, db] over the last 100 updates
 */
export function tailMovement(run: TrainResult, last = 100): TailMovement {
  const fn = "lessons.adagrad.tailMovement";
  checkRun(fn, "run", run);
  const n = check.positiveInt(fn, "last", last);
  const traj = run.trajectory;
  const steps = traj.length - 1;
  if (n > steps) check.fail(fn, "last", `at most the run's ${steps} updates`, n);
  const from = steps - n + 1;
  const before: number[] = [];
  const after: number[] = [];
  const rateFrom: number[] = [];
  const rateTo: number[] = [];
  for (let i = 0; i < traj.paramNames.length; i++) {
    const p = traj.param(i);
    const lr = traj.effectiveRateColumn(i);
    before.push(p[from - 1]);
    after.push(p[steps]);
    rateFrom.push(lr[from - 1]);
    rateTo.push(lr[steps - 1]);
  }
  return { from, to: steps, before, after, change: after.map((a, i) => a - before[i]), rateFrom, rateTo };
}

/**
 * "Something to ponder": the rate eta / v_t that AdaGrad WITHOUT the square root would use, given
 * the accumulator v_t recorded by an AdaGrad run (one value per update, for parameter `param`).
 * This only divides recorded numbers; it is not a run without the root (that run would have
 * followed another path and collected other gradients).
 * @example rateWithoutRoot(run, 0.1, "b")[0] // 0.1 / grad_b0^2
 */
export function rateWithoutRoot(run: TrainResult, eta: number, param: number | string): Float64Array {
  const fn = "lessons.adagrad.rateWithoutRoot";
  checkRun(fn, "run", run);
  checkV(fn, run);
  const rate = check.positive(fn, "eta", eta);
  const j = paramIndex(fn, run, param);
  return run.trajectory.stateColumn("v", j).map((v) => rate / v);
}

/** One row of `gradientScaling`. */
export interface ScalingRow {
  t: number;
  /** AdaGrad's step (change of the parameter) for the gradients as given and multiplied by factor. */
  step: number;
  stepScaled: number;
  /** The step eta * g_t / v_t without the square root, from the recorded v_t of each replay. */
  stepNoRoot: number;
  stepNoRootScaled: number;
}

/**
 * Replays `grads` and `factor * grads` through optimizers.adagrad({eta, eps: 0}) (one parameter)
 * and reports every step. With the square root the two step sequences are identical (AdaGrad is
 * invariant to the scale of the gradient); the steps eta * g_t / v_t computed from the same
 * recorded accumulators shrink by `factor`.
 * @example gradientScaling([1, 1], 10)[0] // {t: 1, step: -0.1, stepScaled: -0.1, stepNoRoot: -0.1, stepNoRootScaled: -0.01}
 */
export function gradientScaling(grads: ArrayLike<number>, factor: number, eta = 0.1): ScalingRow[] {
  const fn = "lessons.adagrad.gradientScaling";
  if (!grads || typeof grads.length !== "number" || grads.length === 0) {
    check.fail(fn, "grads", "a non-empty array of finite numbers", grads);
  }
  const g = Array.from(check.finiteVector(fn, "grads", grads));
  if (g[0] === 0) check.fail(fn, "grads", "an array whose first gradient is not 0 (v_1 = 0 has no rate)", g[0]);
  const c = check.positive(fn, "factor", factor);
  const rate = check.positive(fn, "eta", eta);
  const plain = replayGradients(adagrad({ eta: rate, eps: 0 }), g);
  const scaled = replayGradients(adagrad({ eta: rate, eps: 0 }), g.map((x) => c * x));
  return plain.map((s, k) => {
    const prev = k === 0 ? 0 : plain[k - 1].param;
    const prevScaled = k === 0 ? 0 : scaled[k - 1].param;
    return {
      t: s.t,
      step: s.param - prev,
      stepScaled: scaled[k].param - prevScaled,
      stepNoRoot: -rate * s.grad / s.state.v,
      stepNoRootScaled: -rate * scaled[k].grad / scaled[k].state.v,
    };
  });
}

/** Where two runs are furthest apart (`maxPathDifference`). */
export interface PathDifference {
  /** Largest |a_i - b_i| over all records and parameters. */
  difference: number;
  /** Record (update count) and parameter index where it happens. */
  t: number;
  param: number;
}

/**
 * Largest difference of any parameter between two runs of the same length, over every record
 * (e.g. AdaGrad with eps outside and inside the square root).
 * @example maxPathDifference(runOutside, runInside).difference // ~1e-9
 */
export function maxPathDifference(a: TrainResult, b: TrainResult): PathDifference {
  const fn = "lessons.adagrad.maxPathDifference";
  checkRun(fn, "a", a);
  checkRun(fn, "b", b);
  const ta = a.trajectory;
  const tb = b.trajectory;
  if (ta.length !== tb.length || ta.paramNames.length !== tb.paramNames.length) {
    check.fail(fn, "b", `a run with ${ta.length - 1} updates of ${ta.paramNames.length} parameters like a`, `${tb.length - 1} updates of ${tb.paramNames.length}`);
  }
  let best: PathDifference = { difference: 0, t: 0, param: 0 };
  for (let i = 0; i < ta.paramNames.length; i++) {
    const pa = ta.param(i);
    const pb = tb.param(i);
    for (let k = 0; k < pa.length; k++) {
      const d = Math.abs(pa[k] - pb[k]);
      if (d > best.difference) best = { difference: d, t: k, param: i };
    }
  }
  return best;
}

/**
 * Log-log chart of an AdaGrad run's recorded effective rates eta / (sqrt(v_t) + eps) (solid) next
 * to the rates eta / v_t without the square root (dashed, from `rateWithoutRoot`), for every
 * parameter.
 */
export function rootChart(run: TrainResult, eta: number, title = "Effective rate with and without the square root"): Figure {
  const fn = "lessons.adagrad.rootChart";
  checkRun(fn, "run", run);
  checkV(fn, run);
  check.positive(fn, "eta", eta);
  const traj = run.trajectory;
  const t = Array.from({ length: traj.length - 1 }, (_, k) => k + 1);
  const colors = ["#d62728", "#1f77b4", "#2ca02c", "#9467bd"];
  const round = (v: number) => Number(v.toPrecision(5));
  const traces: Trace[] = [];
  traj.paramNames.forEach((name, i) => {
    const color = colors[i % colors.length];
    traces.push({ type: "scatter", mode: "lines", name: `${name}: eta / sqrt(v)`, x: t, y: Array.from(traj.effectiveRateColumn(i), round), line: { color, width: 2 } });
    traces.push({ type: "scatter", mode: "lines", name: `${name}: eta / v (no root)`, x: t, y: Array.from(rateWithoutRoot(run, eta, i), round), line: { color, width: 2, dash: "dash" } });
  });
  return {
    data: traces,
    layout: {
      title: { text: title }, height: 420, margin: { l: 70, r: 20, t: 50, b: 50 },
      xaxis: { title: { text: "update t (log)" }, type: "log" },
      yaxis: { title: { text: "effective learning rate (log)" }, type: "log" },
      legend: { orientation: "h", y: -0.2 },
    },
  };
}
