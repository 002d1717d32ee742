/**
 * Computations behind the RMSProp notebook (notebooks/03-rmsprop.ipynb): the weights of the
 * exponential average v_t (written out, and read back from optimizers.rmsprop), the largest
 * effective rate eps allows, the slide's eta0 = 0.6 vs 0.1 table, and small summaries of a run
 * (how its effective rate moved, how much it still oscillates at the end, |gradient| vs |step|).
 *
 * Every rate, state value and step comes from the library's optimizers and train(): gradients are
 * replayed through optimizers.rmsprop with lessons.adam.replayGradients. The only formula here is
 * the closed form (1 - beta) beta^k of the weights, which the notebook checks against the optimizer.
 */
import type { Figure, Trace } from "../charts/types";
import { rmsprop } from "../optimizers/rmsprop";
import type { TrainResult } from "../train";
import * as check from "../validate";
import { checkRun, checkRuns, checkSteps, paramIndex } from "./runArgs";
import { replayGradients } from "./adam";

/**
 * The weight of the squared gradient k updates old in RMSProp's v_t, for k = 0..count-1:
 * (1 - beta) beta^k (the newest gradient first). With beta = 0.9: 0.1, 0.09, 0.081, ...
 * @example averageWeights(0.9, 3) // [0.1, 0.09, 0.081] (up to rounding)
 */
export function averageWeights(beta: number, count = 5): number[] {
  const fn = "lessons.rmsprop.averageWeights";
  const b = check.decay(fn, "beta", beta);
  const n = check.positiveInt(fn, "count", count);
  return Array.from({ length: n }, (_, k) => (1 - b) * b ** k);
}

/**
 * The same weights read from optimizers.rmsprop: feed one gradient 1 followed by zeros (count
 * gradients in all) and record v after each update. v after update k + 1 is exactly the weight the
 * recursion v_t = beta v_{t-1} + (1 - beta) g_t^2 gives a squared gradient k updates old.
 * @example weightsFromOptimizer(0.9, 3) // [0.1, 0.09, 0.081]
 */
export function weightsFromOptimizer(beta: number, count = 5): number[] {
  const fn = "lessons.rmsprop.weightsFromOptimizer";
  const b = check.decay(fn, "beta", beta);
  const n = check.positiveInt(fn, "count", count);
  const grads = Array.from({ length: n }, (_, k) => (k === 0 ? 1 : 0));
  return replayGradients(rmsprop({ eta: 1, beta: b, eps: 0 }), grads).map((s) => s.state.v);
}

/** v_t after a gradient sequence, from the optimizer and from the unrolled weighted sum. */
export interface UnrolledAverage {
  /** v after the last gradient, as optimizers.rmsprop reports it. */
  fromOptimizer: number;
  /** sum over k of (1 - beta) beta^k g_{t-k}^2 (averageWeights applied to the squared gradients). */
  fromWeights: number;
}

/**
 * Checks the unrolled form v_t = (1 - beta) sum_k beta^k g_{t-k}^2 on a concrete gradient sequence.
 * @example unrolledAverage(0.9, [1, 2, 3]) // both 0.1*9 + 0.09*4 + 0.081*1 = 1.341
 */
export function unrolledAverage(beta: number, grads: ArrayLike<number>): UnrolledAverage {
  const fn = "lessons.rmsprop.unrolledAverage";
  const b = check.decay(fn, "beta", beta);
  if (!grads || typeof (grads as ArrayLike<number>).length !== "number" || grads.length === 0) {
    check.fail(fn, "grads", "a non-empty array of finite numbers", grads);
  }
  const g = Array.from(check.finiteVector(fn, "grads", grads));
  const steps = replayGradients(rmsprop({ eta: 1, beta: b, eps: 0 }), g);
  const w = averageWeights(b, g.length);
  let sum = 0;
  for (let k = 0; k < g.length; k++) sum += w[k] * g[g.length - 1 - k] ** 2;
  return { fromOptimizer: steps[steps.length - 1].state.v, fromWeights: sum };
}

/**
 * The largest effective rate RMSProp can ever use: its rate when v = 0 (a zero gradient replayed
 * through optimizers.rmsprop). eps outside the square root (the lecture's code, the library's
 * default): eta / eps. eps inside (the slide's equation, epsInsideSqrt): eta / sqrt(eps).
 * @example largestRate({ eta: 0.05, eps: 1e-4, epsInsideSqrt: true }) // 5
 */
export function largestRate(opts: { eta: number; eps: number; epsInsideSqrt?: boolean }): number {
  const fn = "lessons.rmsprop.largestRate";
  if (opts === null || typeof opts !== "object") check.fail(fn, "options", "an object {eta, eps, epsInsideSqrt?}", opts);
  const o = check.options<{ eta: number; eps: number; epsInsideSqrt: boolean }>(fn, opts, ["eta", "eps", "epsInsideSqrt"]);
  const eta = check.positive(fn, "eta", o.eta);
  const eps = check.positive(fn, "eps", o.eps);
  const inside = check.bool(fn, "epsInsideSqrt", o.epsInsideSqrt ?? false);
  return replayGradients(rmsprop({ eta, eps, epsInsideSqrt: inside }), [0])[0].effectiveRate;
}

/** One row of `rateTable`. */
export interface RateRow {
  eta: number;
  /** The second moment v_t of the example. */
  v: number;
  /** The effective rate eta / sqrt(v) that optimizers.rmsprop reports at this v (eps = 0). */
  rate: number;
  /** What the slide computes: eta / v (it forgets the square root). */
  slide: number;
}

/**
 * The slide's "which eta0?" example: the effective rate for every eta in `etas` and every v in `vs`
 * (default eta 0.6 and 0.1; v = 1.25 for a steep and 0.1 for a flat region). Each rate comes from one
 * update of optimizers.rmsprop (eps = 0) fed the gradient g = sqrt(v / (1 - beta)), whose first
 * v_1 = (1 - beta) g^2 is exactly v.
 * Correct rates: 0.6/sqrt(1.25) = 0.537, 0.1/sqrt(1.25) = 0.0894, 0.6/sqrt(0.1) = 1.897,
 * 0.1/sqrt(0.1) = 0.316; the slide prints 0.48, 0.08, 6, 1 (eta / v).
 */
export function rateTable(opts: { etas?: number[]; vs?: number[]; beta?: number } = {}): RateRow[] {
  const fn = "lessons.rmsprop.rateTable";
  const o = check.options<{ etas: number[]; vs: number[]; beta: number }>(fn, opts, ["etas", "vs", "beta"]);
  const list = (arg: string, value: unknown, fallback: number[]) => {
    if (value === undefined) return fallback;
    if (!Array.isArray(value) || value.length === 0) check.fail(fn, arg, "a non-empty array of numbers > 0", value);
    return value.map((x, i) => check.positive(fn, `${arg}[${i}]`, x));
  };
  const etas = list("etas", o.etas, [0.6, 0.1]);
  const vs = list("vs", o.vs, [1.25, 0.1]);
  const b = check.decay(fn, "beta", o.beta ?? 0.5);
  const rows: RateRow[] = [];
  for (const v of vs) {
    for (const eta of etas) {
      const step = replayGradients(rmsprop({ eta, beta: b, eps: 0 }), [Math.sqrt(v / (1 - b))])[0];
      rows.push({ eta, v: step.state.v, rate: step.effectiveRate, slide: eta / v });
    }
  }
  return rows;
}

/** How the effective rate of one parameter moved during a run (`rateHistory`). */
export interface RateHistory {
  /** Rate of update 1. */
  first: number;
  /** Smallest rate and the update where it happened. */
  smallest: number;
  smallestAt: number;
  /** Largest rate after the smallest one (how far it climbed back). */
  largestAfter: number;
  /** Rate of the last update. */
  last: number;
  /** True when the rate never went up from one update to the next. */
  neverIncreases: boolean;
}

/**
 * Summary of the effective learning rate of parameter `param` (index or name) in `run`.
 * @example rateHistory(runs.adagrad, "b").neverIncreases // true
 */
export function rateHistory(run: TrainResult, param: number | string = 1): RateHistory {
  const fn = "lessons.rmsprop.rateHistory";
  checkRun(fn, "run", run);
  const j = paramIndex(fn, run, param);
  checkSteps(fn, "run", run, 1);
  const lr = run.trajectory.effectiveRateColumn(j);
  let smallestAt = 0;
  let neverIncreases = true;
  for (let k = 1; k < lr.length; k++) {
    if (lr[k] < lr[smallestAt]) smallestAt = k;
    if (lr[k] > lr[k - 1]) neverIncreases = false;
  }
  let largestAfter = lr[smallestAt];
  for (let k = smallestAt; k < lr.length; k++) largestAfter = Math.max(largestAfter, lr[k]);
  return { first: lr[0], smallest: lr[smallestAt], smallestAt: smallestAt + 1, largestAfter, last: lr[lr.length - 1], neverIncreases };
}

/** What the last updates of a run look like (`tailSummary`). */
export interface TailSummary {
  /** Number of records looked at (the last `last` updates' end points). */
  updates: number;
  /** Per parameter: max - min of the parameter over those records. */
  amplitude: number[];
  /** Per parameter: mean |step| = mean |p_t - p_{t-1}| over those updates. */
  meanStep: number[];
  /** Per parameter: mean |gradient| over those updates. */
  meanGrad: number[];
  /** Smallest and largest loss over those records. */
  lossMin: number;
  lossMax: number;
  /** Loss after the final update. */
  finalLoss: number;
}

/**
 * How much a run still moves at the end: amplitude, mean step and mean gradient of every parameter,
 * and the loss range, over the last `last` updates (default 100).
 * @example tailSummary(runRmsprop, 100).amplitude // [0.1, 0.1] for a 2-cycle of size eta = 0.1
 */
export function tailSummary(run: TrainResult, last = 100): TailSummary {
  const fn = "lessons.rmsprop.tailSummary";
  checkRun(fn, "run", run);
  const n = check.positiveInt(fn, "last", last);
  checkSteps(fn, "run", run, n);
  const traj = run.trajectory;
  const T = traj.length - 1;
  const from = T - n + 1; // first update looked at
  const amplitude: number[] = [];
  const meanStep: number[] = [];
  const meanGrad: number[] = [];
  for (let i = 0; i < traj.paramNames.length; i++) {
    const p = traj.param(i);
    const g = traj.gradColumn(i);
    let lo = Infinity;
    let hi = -Infinity;
    let step = 0;
    let grad = 0;
    for (let t = from; t <= T; t++) {
      lo = Math.min(lo, p[t]);
      hi = Math.max(hi, p[t]);
      step += Math.abs(p[t] - p[t - 1]);
      grad += Math.abs(g[t - 1]);
    }
    amplitude.push(hi - lo);
    meanStep.push(step / n);
    meanGrad.push(grad / n);
  }
  const loss = traj.lossColumn().subarray(from, T + 1);
  return {
    updates: n, amplitude, meanStep, meanGrad,
    lossMin: Math.min(...loss), lossMax: Math.max(...loss), finalLoss: loss[loss.length - 1],
  };
}

/**
 * |gradient| and |step| of one parameter vs update t (log axis): for RMSProp the step stays near
 * eta while the gradient shrinks, because the gradient is divided by its own running RMS.
 * `runs` maps a legend name to a run; every run gets two curves.
 */
export function stepChart(runs: Record<string, TrainResult>, opts: { param?: number | string; title?: string } = {}): Figure {
  const fn = "lessons.rmsprop.stepChart";
  checkRuns(fn, runs, "{rmsprop: run}");
  const o = check.options<{ param: number | string; title: string }>(fn, opts, ["param", "title"]);
  const colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"];
  const traces: Trace[] = [];
  let label = "";
  Object.entries(runs).forEach(([name, run], k) => {
    checkSteps(fn, `runs.${name}`, run, 1);
    const j = paramIndex(fn, run, o.param ?? 1);
    label = run.trajectory.paramNames[j];
    const p = run.trajectory.param(j);
    const g = run.trajectory.gradColumn(j);
    const t = Array.from({ length: g.length }, (_, i) => i + 1);
    const color = colors[k % colors.length];
    traces.push({ type: "scatter", mode: "lines", name: `${name}: |gradient|`, x: t, y: Array.from(g, Math.abs), line: { color, dash: "dot" } });
    traces.push({ type: "scatter", mode: "lines", name: `${name}: |step|`, x: t, y: t.map((i) => Math.abs(p[i] - p[i - 1])), line: { color } });
  });
  return {
    data: traces,
    layout: {
      title: { text: o.title ?? `|gradient| and |step| of ${label}` }, height: 400, margin: { l: 60, r: 30, t: 50, b: 45 },
      xaxis: { title: { text: "update t" } },
      yaxis: { title: { text: "size (log)" }, type: "log", exponentformat: "power" },
      legend: { orientation: "h", y: -0.2 },
    },
  };
}
