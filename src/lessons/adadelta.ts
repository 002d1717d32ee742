/**
 * Computations behind the AdaDelta notebook (notebooks/04-adadelta.ipynb): the weights of the
 * unrolled running average (and the slide's printed ones), the first AdaDelta steps by hand, a
 * comparison of runs (loss at chosen updates, updates to reach a loss), a summary of each run's
 * effective learning rates, and a sweep of one hyperparameter.
 *
 * Every number comes from the library's optimizers and `train` (replayed with
 * lessons.adam.replayGradients): nothing here re-implements an update rule.
 */
import { sigmoidNeuron } from "../models/sigmoidNeuron";
import { adadelta } from "../optimizers/adadelta";
import type { Optimizer, OptimizerState } from "../optimizers/types";
import { train, type TrainResult } from "../train";
import * as check from "../validate";
import { rateHistory } from "./rmsprop";
import { checkRuns, checkSteps } from "./runArgs";

const RUNS_EXAMPLE = "{adadelta: run, rmsprop: run}";
import { raceSummary, replayGradients } from "./adam";

/**
 * The weight of each squared gradient g_0^2 .. g_i^2 in the running average v_i (the lecture counts
 * from 0): v_i = (1 - beta) * sum_j beta^(i - j) g_j^2. Read from AdaDelta's state v after replaying
 * a single squared gradient of 1 followed by zeros (the impulse response of the average).
 * @example unrolledWeights(0.9, 2) // [0.081, 0.09, 0.1] (up to rounding)
 */
export function unrolledWeights(beta = 0.9, i = 3): number[] {
  const fn = "lessons.adadelta.unrolledWeights";
  const b = check.decay(fn, "beta", beta);
  const n = check.nonNegativeInt(fn, "i", i);
  const impulse = [1, ...new Array<number>(n).fill(0)];
  const response = replayGradients(adadelta({ beta: b, eps: 0 }), impulse).map((s) => s.state.v);
  // response[k] = weight of a gradient k updates old; g_j is i - j updates old in v_i.
  return Array.from({ length: n + 1 }, (_, j) => response[n - j]);
}

/** One printed coefficient of the slides' unrolled averages (beta = 0.9). */
export interface SlideWeight {
  /** Where it is printed, e.g. "v_3: g_0^2". */
  term: string;
  /** The coefficient as printed on the slide. */
  slide: number;
  /** The average it belongs to (v_i) and the gradient index j. */
  i: number;
  j: number;
}

/**
 * Coefficients printed on the AdaDelta slides for beta = 0.9. The "low curvature" slide writes
 * v_i = 0.034 g_0^2 + 0.038 g_1^2 + ... + 0.08 g_{i-1}^2 + 0.1 g_i^2; its first two coefficients fit
 * i = 10. One slide also writes v_1 = 0.08 g_0^2 + 0.1 g_1^2 (and u_1 likewise), another 0.09.
 */
export const SLIDE_WEIGHTS: readonly SlideWeight[] = Object.freeze([
  { term: "v_1: g_0^2 (one slide)", slide: 0.09, i: 1, j: 0 },
  { term: "v_1: g_0^2 (another slide, also u_1)", slide: 0.08, i: 1, j: 0 },
  { term: "v_2: g_0^2", slide: 0.08, i: 2, j: 0 },
  { term: "v_2: g_1^2", slide: 0.09, i: 2, j: 1 },
  { term: "v_3: g_0^2", slide: 0.07, i: 3, j: 0 },
  { term: "v_3: g_1^2", slide: 0.08, i: 3, j: 1 },
  { term: "v_3: g_2^2", slide: 0.09, i: 3, j: 2 },
  { term: "v_i (i = 10): g_0^2", slide: 0.034, i: 10, j: 0 },
  { term: "v_i (i = 10): g_1^2", slide: 0.038, i: 10, j: 1 },
  { term: "v_i (i = 10): g_{i-1}^2", slide: 0.08, i: 10, j: 9 },
  { term: "v_i (i = 10): g_i^2", slide: 0.1, i: 10, j: 10 },
]);

/** A slide coefficient next to the library's value. */
export interface SlideWeightRow extends SlideWeight {
  /** (1 - beta) beta^(i - j), read from the library. */
  correct: number;
  /** True when the slide's number is the correct one rounded or truncated to the slide's decimals. */
  ok: boolean;
}

function decimals(x: number): number {
  const text = String(x);
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * Checks every coefficient of SLIDE_WEIGHTS against unrolledWeights(0.9, i).
 * @example slideWeightCheck().filter((r) => !r.ok).map((r) => r.term) // the two wrong 0.08s
 */
export function slideWeightCheck(beta = 0.9): SlideWeightRow[] {
  const fn = "lessons.adadelta.slideWeightCheck";
  const b = check.decay(fn, "beta", beta);
  return SLIDE_WEIGHTS.map((w) => {
    const correct = unrolledWeights(b, w.i)[w.j];
    const scale = 10 ** decimals(w.slide);
    const tol = 1e-9;
    const rounded = Math.round(correct * scale) / scale;
    const truncated = Math.floor(correct * scale + tol) / scale;
    const ok = Math.abs(w.slide - rounded) < tol || Math.abs(w.slide - truncated) < tol;
    return { ...w, correct, ok };
  });
}

/** One AdaDelta update of a single parameter, spelled out like the lecture's hand calculation. */
export interface HandStep {
  /** Update count (1 on the first update; the lecture calls it t = 0). */
  t: number;
  /** The gradient g_t fed to this update. */
  grad: number;
  /** v_t = beta v_{t-1} + (1 - beta) g_t^2. */
  v: number;
  /** sqrt(u_{t-1} + eps): the numerator uses the PREVIOUS u (u_0 = 0 at the first update). */
  numerator: number;
  /** sqrt(v_t + eps). */
  denominator: number;
  /** The effective rate numerator / denominator, as the optimizer reports it. */
  rate: number;
  /** The lecture's Delta w_t = -rate * g_t (the change of the parameter). */
  deltaW: number;
  /** u_t = beta u_{t-1} + (1 - beta) Delta w_t^2 (used by the NEXT update). */
  u: number;
  /** The parameter after this update, started at 0. */
  param: number;
}

/**
 * Replays `grads` through optimizers.adadelta({beta, eps}) (one parameter, started at 0) and
 * reports each update's pieces. Defaults: the lecture's hand example, beta = 0.9, eps = 1e-6.
 * @example handSteps([-2.1844])[0].deltaW // 0.0031623 = sqrt(1e-6) / sqrt(0.1): the "3.16 sqrt(eps)"
 */
export function handSteps(grads: ArrayLike<number>, opts: { beta?: number; eps?: number } = {}): HandStep[] {
  const fn = "lessons.adadelta.handSteps";
  const o = check.options<{ beta: number; eps: number }>(fn, opts, ["beta", "eps"]);
  const beta = check.decay(fn, "beta", o.beta ?? 0.9);
  const eps = check.nonNegative(fn, "eps", o.eps ?? 1e-6);
  if (!grads || typeof grads !== "object" || typeof grads.length !== "number" || grads.length === 0) {
    check.fail(fn, "grads", "a non-empty array of finite numbers", grads);
  }
  const list = Array.from(check.finiteVector(fn, "grads", grads));
  const steps = replayGradients(adadelta({ beta, eps }), list);
  let param = 0;
  return steps.map((s, k) => {
    const uPrev = k === 0 ? 0 : steps[k - 1].state.u;
    const deltaW = s.param - param;
    param = s.param;
    return {
      t: s.t,
      grad: s.grad,
      v: s.state.v,
      numerator: Math.sqrt(uPrev + eps),
      denominator: Math.sqrt(s.state.v + eps),
      rate: s.effectiveRate,
      deltaW,
      u: s.state.u,
      param: s.param,
    };
  });
}

/** One row of `compareRuns`. */
export interface CompareRow {
  name: string;
  /** Loss after each update count of `at` (NaN when the run is shorter). */
  lossAt: number[];
  /** First update whose loss is <= target, or null if the run never gets there. */
  stepsToTarget: number | null;
  finalLoss: number;
  /** Final parameters. */
  params: number[];
}

/**
 * Loss of each run after the updates `at`, and how many updates it needed to bring the loss down
 * to `target` (lessons.adam.raceSummary).
 * @example compareRuns({ adadelta: a, rmsprop: r }, { at: [10, 25, 50], target: 0.64 })
 */
export function compareRuns(runs: Record<string, TrainResult>, opts: { at?: number[]; target: number }): CompareRow[] {
  const fn = "lessons.adadelta.compareRuns";
  checkRuns(fn, runs, RUNS_EXAMPLE);
  const o = check.options<{ at: number[]; target: number }>(fn, opts ?? {}, ["at", "target"]);
  const target = check.finite(fn, "target", o.target);
  const at = o.at ?? [10, 25, 50, 100];
  if (!Array.isArray(at)) check.fail(fn, "at", "an array of update counts (integers >= 0)", at);
  at.forEach((k) => check.nonNegativeInt(fn, "at", k));
  const summary = raceSummary(runs, target);
  return summary.map((s) => {
    const loss = runs[s.name].trajectory.lossColumn();
    return {
      name: s.name,
      lossAt: at.map((k) => (k < loss.length ? loss[k] : NaN)),
      stepsToTarget: s.stepsToTarget,
      finalLoss: s.finalLoss,
      params: s.params,
    };
  });
}

/** One row of `rateSummary`: the effective learning rate of one parameter of one run. */
export interface RateRow {
  name: string;
  /** Parameter name (w, b, ...). */
  param: string;
  /** Rate of the first update. */
  first: number;
  /** Smallest rate over the run, and the update where it occurred. */
  min: number;
  minAt: number;
  /** Rate of the last update. */
  last: number;
  /** min / first: how far the rate fell (1 = never below its start). */
  drop: number;
}

/**
 * How each run's effective learning rate evolved, per parameter (lessons.rmsprop.rateHistory of each).
 * @example rateSummary({ rmsprop: r })[1].drop // RMSProp's b rate at its lowest, relative to its start
 */
export function rateSummary(runs: Record<string, TrainResult>): RateRow[] {
  const fn = "lessons.adadelta.rateSummary";
  checkRuns(fn, runs, RUNS_EXAMPLE);
  const rows: RateRow[] = [];
  for (const [name, run] of Object.entries(runs)) {
    const traj = run.trajectory;
    checkSteps(fn, `runs.${name}`, run, 1);
    traj.paramNames.forEach((param, i) => {
      const h = rateHistory(run, i);
      rows.push({ name, param, first: h.first, min: h.smallest, minAt: h.smallestAt, last: h.last, drop: h.smallest / h.first });
    });
  }
  return rows;
}

/** One row of `sweep`. */
export interface SweepRow {
  /** The hyperparameter value. */
  value: number;
  /** First update whose loss is <= target, or null. */
  stepsToTarget: number | null;
  finalLoss: number;
  diverged: boolean;
}

/** Options of `sweep`: the sigmoid neuron's data, start, run length and target loss. */
export interface SweepOptions {
  data: Parameters<typeof sigmoidNeuron.loss>[1];
  init: ArrayLike<number>;
  /** Batch updates per run [300]. */
  epochs?: number;
  /** Loss to reach [0.64]. */
  target?: number;
}

/**
 * Trains models.sigmoidNeuron once per value of `values` with the optimizer `make(value)` (batch
 * gradient) and reports how fast each run got below `target`: the sensitivity to one hyperparameter.
 * @example sweep([0.005, 0.013, 0.05], (eta) => optimizers.rmsprop({ eta, beta: 0.99, eps: 1e-4 }), { data, init: [-4, -4] })
 */
export function sweep(values: number[], make: (value: number) => Optimizer<OptimizerState>, opts: SweepOptions): SweepRow[] {
  const fn = "lessons.adadelta.sweep";
  if (!Array.isArray(values) || values.length === 0) check.fail(fn, "values", "a non-empty array of numbers", values);
  values.forEach((v) => check.finite(fn, "values", v));
  if (typeof make !== "function") check.fail(fn, "make", "a function value => optimizer", make);
  const o = check.options<SweepOptions>(fn, opts, ["data", "init", "epochs", "target"]);
  if (o.data === undefined) check.fail(fn, "data", "a data set such as datasets.sparse()", o.data);
  if (o.init === undefined) check.fail(fn, "init", "the starting parameters, e.g. [-4, -4]", o.init);
  const epochs = check.positiveInt(fn, "epochs", o.epochs ?? 300);
  const target = check.finite(fn, "target", o.target ?? 0.64);
  return values.map((value) => {
    const run = train({ model: sigmoidNeuron, data: o.data, init: o.init as ArrayLike<number>, optimizer: make(value), epochs });
    const s = raceSummary({ run }, target)[0];
    return { value, stepsToTarget: s.stepsToTarget, finalLoss: s.finalLoss, diverged: run.diverged };
  });
}
