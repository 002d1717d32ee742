/**
 * Computations behind the L^p-norm / MaxProp / AdaMax notebook
 * (notebooks/06-lp-norms-maxprop-adamax.ipynb): L^p norms and why large p breaks in floating
 * point, the max norm against the exponential average on gradient sequences (read from
 * optimizers.adam and optimizers.maxprop), the lecture's first-step rates, a small line chart, and
 * a summary of noisy SGD losses.
 *
 * No update rule lives here: every v, v-hat and effective rate comes from the library's optimizers.
 */
import type { Figure, Trace } from "../charts/types";
import { adam } from "../optimizers/adam";
import { adamax } from "../optimizers/adamax";
import { maxprop } from "../optimizers/maxprop";
import type { TrainResult } from "../train";
import * as check from "../validate";
import { checkRun } from "./runArgs";
import { replayGradients } from "./adam";

function vectorOf(fn: string, x: unknown): Float64Array {
  const v = check.finiteVector(fn, "x", x);
  if (v.length === 0) check.fail(fn, "x", "a non-empty array of finite numbers", x);
  return v;
}

function exponent(fn: string, p: unknown): number {
  if (typeof p !== "number" || !(p >= 1)) check.fail(fn, "p", "a number >= 1 (or Infinity)", p);
  return p;
}

/**
 * The L^p norm straight from its definition, (|x_1|^p + ... + |x_n|^p)^(1/p); p = Infinity gives
 * max |x_i|. For large p, |x_i|^p underflows to 0 (|x_i| < 1) or overflows to Infinity (|x_i| > 1).
 * @example lpNorm([3, 4], 2) // 5
 */
export function lpNorm(x: ArrayLike<number>, p: number): number {
  const fn = "lessons.lpNorms.lpNorm";
  const v = vectorOf(fn, x);
  const q = exponent(fn, p);
  if (q === Infinity) return maxNorm(v);
  let sum = 0;
  for (const xi of v) sum += Math.abs(xi) ** q;
  return sum ** (1 / q);
}

/** max |x_i|, the L-infinity norm. */
export function maxNorm(x: ArrayLike<number>): number {
  const v = vectorOf("lessons.lpNorms.maxNorm", x);
  let m = 0;
  for (const xi of v) m = Math.max(m, Math.abs(xi));
  return m;
}

/**
 * The same norm computed safely: factor out M = max |x_i|, so every term (|x_i| / M)^p is in
 * [0, 1] and the sum in [1, n]: M * (sum (|x_i| / M)^p)^(1/p).
 */
export function lpNormScaled(x: ArrayLike<number>, p: number): number {
  const fn = "lessons.lpNorms.lpNormScaled";
  const v = vectorOf(fn, x);
  const q = exponent(fn, p);
  const m = maxNorm(v);
  if (q === Infinity || m === 0) return m;
  let sum = 0;
  for (const xi of v) sum += (Math.abs(xi) / m) ** q;
  return m * sum ** (1 / q);
}

/** One row of `lpNormTable`. */
export interface LpNormRow {
  p: number;
  /** sum |x_i|^p as the computer holds it (0 after underflow, Infinity after overflow). */
  sumOfPowers: number;
  /** The norm from the definition. */
  naive: number;
  /** The norm with the maximum factored out. */
  scaled: number;
  /** max |x_i|, the limit as p -> infinity. */
  max: number;
}

/**
 * The L^p norm of `x` for each p, computed naively and safely, next to max |x_i|.
 * @example lpNormTable([0.5, 0.25], [2, 10, 100, 1100, Infinity])
 */
export function lpNormTable(x: ArrayLike<number>, ps: number[]): LpNormRow[] {
  const fn = "lessons.lpNorms.lpNormTable";
  const v = vectorOf(fn, x);
  if (!Array.isArray(ps) || ps.length === 0) check.fail(fn, "ps", "a non-empty array of p values >= 1", ps);
  return ps.map((p) => {
    const q = exponent(fn, p);
    let sum = 0;
    if (q === Infinity) sum = NaN;
    else for (const xi of v) sum += Math.abs(xi) ** q;
    return { p: q, sumOfPowers: sum, naive: lpNorm(v, q), scaled: lpNormScaled(v, q), max: maxNorm(v) };
  });
}

/** Effective rates of the three ways to scale a gradient sequence (eta = 1). */
export interface RateProfiles {
  /** eta / sqrt(v_t): exponential average of grad^2 without bias correction (RMSProp's v). */
  ema: number[];
  /** eta / sqrt(vHat_t): the bias-corrected average (Adam's v-hat). */
  emaCorrected: number[];
  /** eta / v_t with v_t = max(beta2 v_{t-1}, |grad_t|) (MaxProp's / AdaMax's v). */
  maxNorm: number[];
  /** The state behind each rate: v (no correction), vHat, and the max-norm v. */
  v: number[];
  vHat: number[];
  vMax: number[];
}

/**
 * Feeds a gradient sequence to optimizers.adam (with and without bias correction) and to
 * optimizers.maxprop, all with eta = 1 and decay beta2, and returns their effective rates.
 * `eps` (default 1e-8) keeps the rate finite while every gradient so far is 0.
 * @example rateProfiles([1, 0, 1]).emaCorrected // [1, 1.4146, 1.0003]
 */
export function rateProfiles(grads: ArrayLike<number>, opts: { beta2?: number; eps?: number } = {}): RateProfiles {
  const fn = "lessons.lpNorms.rateProfiles";
  const o = check.options<{ beta2: number; eps: number }>(fn, opts, ["beta2", "eps"]);
  const beta2 = check.decay(fn, "beta2", o.beta2 ?? 0.999);
  const eps = check.nonNegative(fn, "eps", o.eps ?? 1e-8);
  const plain = replayGradients(adam({ eta: 1, beta2, eps, biasCorrection: false }), grads);
  const corrected = replayGradients(adam({ eta: 1, beta2, eps }), grads);
  const max = replayGradients(maxprop({ eta: 1, beta: beta2, eps }), grads);
  return {
    ema: plain.map((s) => s.effectiveRate),
    emaCorrected: corrected.map((s) => s.effectiveRate),
    maxNorm: max.map((s) => s.effectiveRate),
    v: plain.map((s) => s.state.v),
    vHat: corrected.map((s) => s.state.vHat),
    vMax: max.map((s) => s.state.v),
  };
}

/**
 * The max-norm estimate v_t = max(beta v_{t-1}, |x_t|) of a sequence (MaxProp's v after feeding
 * the sequence as gradients).
 */
export function maxNormEstimate(observed: ArrayLike<number>, beta = 0.9): number[] {
  const fn = "lessons.lpNorms.maxNormEstimate";
  const b = check.decay(fn, "beta", beta);
  return replayGradients(maxprop({ eta: 1, beta: b, eps: 0 }), observed).map((s) => s.state.v);
}

/** First effective rates of Adam (with and without bias correction) and AdaMax for one gradient. */
export interface FirstRates {
  adam: number;
  adamWithoutCorrection: number;
  adamax: number;
}

/**
 * The lecture's AdaMax-vs-Adam first step: with grad_1 = -0.0314, eta = 0.025, beta2 = 0.999 both
 * Adam (bias-corrected) and AdaMax give 0.025 / 0.0314 = 0.796; Adam without correction 25.18.
 */
export function firstRates(opts: { grad?: number; eta?: number; beta2?: number } = {}): FirstRates {
  const fn = "lessons.lpNorms.firstRates";
  const o = check.options<{ grad: number; eta: number; beta2: number }>(fn, opts, ["grad", "eta", "beta2"]);
  const grad = check.finite(fn, "grad", o.grad ?? -0.0314);
  if (grad === 0) check.fail(fn, "grad", "a non-zero number (the rates are eta/eps for a zero gradient)", grad);
  const eta = check.positive(fn, "eta", o.eta ?? 0.025);
  const beta2 = check.decay(fn, "beta2", o.beta2 ?? 0.999);
  const first = (s: ReturnType<typeof replayGradients>) => s[0].effectiveRate;
  return {
    adam: first(replayGradients(adam({ eta, beta2, eps: 0 }), [grad])),
    adamWithoutCorrection: first(replayGradients(adam({ eta, beta2, eps: 0, biasCorrection: false }), [grad])),
    adamax: first(replayGradients(adamax({ eta, beta2, eps: 0 }), [grad])),
  };
}

/** Options of `lineChart`. */
export interface LineChartOptions {
  title?: string;
  xTitle?: string;
  yTitle?: string;
  logY?: boolean;
  /** x values (default 1..n). */
  x?: ArrayLike<number>;
  /** Draw markers as well as lines (for short sequences). */
  markers?: boolean;
}

const COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"];

/**
 * A plain Plotly line chart of named series over t = 1..n (e.g. the effective rates of
 * `rateProfiles`); show it with `show(figure)`.
 */
export function lineChart(series: Record<string, ArrayLike<number>>, options: LineChartOptions = {}): Figure {
  const fn = "lessons.lpNorms.lineChart";
  if (!series || typeof series !== "object" || Array.isArray(series) || Object.keys(series).length === 0) {
    check.fail(fn, "series", "an object of named number arrays like {ema: [...], max: [...]}", series);
  }
  const entries = Object.entries(series);
  const n = entries[0][1]?.length;
  const x = options.x ? Array.from(check.finiteVector(fn, "options.x", options.x)) : Array.from({ length: n }, (_, i) => i + 1);
  const data: Trace[] = entries.map(([name, values], k) => {
    if (!values || typeof values.length !== "number" || values.length !== x.length) {
      check.fail(fn, `series.${name}`, `an array of ${x.length} numbers`, values);
    }
    const y = Array.from(values, (v) => (Number.isFinite(v) ? Number(v.toPrecision(5)) : null));
    return {
      type: "scatter", mode: options.markers ? "lines+markers" : "lines", name, x, y,
      line: { color: COLORS[k % COLORS.length], width: 2 },
    };
  });
  return {
    data,
    layout: {
      ...(options.title ? { title: { text: options.title } } : {}),
      height: 420,
      margin: { l: 60, r: 20, t: options.title ? 50 : 20, b: 50 },
      legend: { orientation: "h", y: -0.2 },
      xaxis: { title: { text: options.xTitle ?? "t" } },
      yaxis: { title: { text: options.yTitle ?? "value" }, type: options.logY ? "log" : "linear" },
    },
  };
}

/** How a noisy (SGD) run's loss behaves over its last epoch. */
export interface LastEpochLoss {
  /** Mean of the full-data loss over the last epoch's updates. */
  mean: number;
  /** Largest loss during the last epoch. */
  max: number;
  /** Loss after the final update. */
  final: number;
}

/** Mean, maximum and final loss over the last `updatesPerEpoch` updates of a run. */
export function lastEpochLoss(run: TrainResult, updatesPerEpoch: number): LastEpochLoss {
  const fn = "lessons.lpNorms.lastEpochLoss";
  checkRun(fn, "run", run);
  const k = check.positiveInt(fn, "updatesPerEpoch", updatesPerEpoch);
  const loss = run.trajectory.lossColumn();
  if (loss.length - 1 < k) check.fail(fn, "updatesPerEpoch", `at most the run's ${loss.length - 1} updates`, k);
  const last = loss.subarray(loss.length - k);
  let sum = 0;
  let max = -Infinity;
  for (const v of last) {
    sum += v;
    max = Math.max(max, v);
  }
  return { mean: sum / k, max, final: loss[loss.length - 1] };
}
