/**
 * Computations behind the Adam notebook (notebooks/05-adam.ipynb): replaying a fixed gradient
 * sequence through an optimizer, the lecture's bias-correction worked numbers, the exponential
 * average of noisy observations with and without bias correction, and small run summaries.
 *
 * Every number comes from the library's optimizers: nothing here re-implements an update rule.
 * An exponential average of a sequence, for instance, is read from Adam's first moment m after
 * feeding it the sequence as "gradients".
 */
import { adam } from "../optimizers/adam";
import type { Optimizer, OptimizerState } from "../optimizers/types";
import type { TrainResult } from "../train";
import * as check from "../validate";
import { checkRun, checkRuns } from "./runArgs";

/** One update of a replayed gradient sequence (a single parameter). */
export interface ReplayStep {
  /** Update count (1 on the first update). */
  t: number;
  /** The gradient fed to this update. */
  grad: number;
  /** The optimizer's effective learning rate for this update. */
  effectiveRate: number;
  /** The parameter after this update (started at 0). */
  param: number;
  /** Every state vector of the optimizer after this update, read at the single parameter. */
  state: Record<string, number>;
}

function gradientList(fn: string, grads: unknown): number[] {
  if (!grads || typeof (grads as ArrayLike<number>).length !== "number" || (grads as ArrayLike<number>).length === 0) {
    check.fail(fn, "grads", "a non-empty array of finite numbers", grads);
  }
  return Array.from(check.finiteVector(fn, "grads", grads));
}

function checkOptimizer(fn: string, optimizer: unknown): asserts optimizer is Optimizer<OptimizerState> {
  const o = optimizer as Partial<Optimizer<OptimizerState>> | undefined;
  if (!o || typeof o !== "object" || typeof o.init !== "function" || typeof o.update !== "function") {
    check.fail(fn, "optimizer", "an optimizer such as optimizers.adam({ eta: 1 })", optimizer);
  }
}

/**
 * Feeds `grads` one by one to `optimizer` as the gradients of a single parameter (started at 0)
 * and records what it reports after each update: the effective rate and its state.
 * @example replayGradients(optimizers.adam({ eta: 1, eps: 0 }), [0.1, 0])[1].effectiveRate // 14.1457
 */
export function replayGradients(optimizer: Optimizer<OptimizerState>, grads: ArrayLike<number>): ReplayStep[] {
  const fn = "lessons.adam.replayGradients";
  checkOptimizer(fn, optimizer);
  const list = gradientList(fn, grads);
  let params: Float64Array = Float64Array.of(0);
  let state = optimizer.init(params);
  return list.map((grad) => {
    const r = optimizer.update([grad], state, params);
    params = r.params;
    state = r.state;
    const values: Record<string, number> = {};
    for (const [key, value] of Object.entries(r.state)) {
      if (key === "t") continue;
      values[key] = typeof value === "number" ? value : value[0];
    }
    return { t: r.state.t, grad, effectiveRate: r.effectiveRate[0], param: params[0], state: values };
  });
}

/** One row of the lecture's "what if we don't do bias correction?" example. */
export interface BiasCorrectionRow {
  t: number;
  grad: number;
  /** Adam's second moment v_t (the same with or without bias correction). */
  v: number;
  /** The effective rate eta / sqrt(v_t) of Adam without bias correction. */
  rateWithoutCorrection: number;
  /** The divisor 1 - beta2^t, read back as v_t / vHat_t. */
  divisor: number;
  /** The bias-corrected second moment vHat_t = v_t / (1 - beta2^t). */
  vHat: number;
  /** The effective rate eta / sqrt(vHat_t) of Adam with bias correction. */
  rateWithCorrection: number;
}

/**
 * The slides' example: gradients 0.1 then 0, beta2 = 0.999, eta = 1, eps = 0, run through
 * `optimizers.adam` with `biasCorrection` false and true.
 * Correct values: v = 1e-5, 9.99e-6; rates 316.23, 316.39 without and 10, 14.15 with correction.
 * @example biasCorrectionNumbers()[1].vHat // 0.0049975
 */
export function biasCorrectionNumbers(opts: { grads?: number[]; beta2?: number; eta?: number } = {}): BiasCorrectionRow[] {
  const fn = "lessons.adam.biasCorrectionNumbers";
  const o = check.options<{ grads: number[]; beta2: number; eta: number }>(fn, opts, ["grads", "beta2", "eta"]);
  const grads = gradientList(fn, o.grads ?? [0.1, 0]);
  const beta2 = check.decay(fn, "beta2", o.beta2 ?? 0.999);
  const eta = check.positive(fn, "eta", o.eta ?? 1);
  const plain = replayGradients(adam({ eta, beta2, eps: 0, biasCorrection: false }), grads);
  const corrected = replayGradients(adam({ eta, beta2, eps: 0, biasCorrection: true }), grads);
  return corrected.map((c, k) => ({
    t: c.t,
    grad: c.grad,
    v: plain[k].state.v,
    rateWithoutCorrection: plain[k].effectiveRate,
    divisor: c.state.v / c.state.vHat,
    vHat: c.state.vHat,
    rateWithCorrection: c.effectiveRate,
  }));
}

/**
 * What the slides print for the second step of the example above (to compare with the correct
 * values): v_2 = 0.0000099 (a 9 dropped), 1 - 0.999^2 taken as 0.0019, vHat_2 = 0.0052, rate 13.8.
 */
export const SLIDE_SECOND_STEP = Object.freeze({ v: 9.9e-6, divisor: 0.0019, vHat: 0.0052, rate: 13.8 });

/** The exponential average of a sequence, without and with bias correction. */
export interface Averages {
  /** m_t = beta m_{t-1} + (1 - beta) x_t from m_0 = 0: pulled towards 0 for the first ~1/(1-beta) steps. */
  ema: number[];
  /** m_t / (1 - beta^t): an unbiased weighting from the first step on. */
  biasCorrected: number[];
}

/**
 * Exponential averages of `observed` with decay `beta`, read from Adam's first moment (m and
 * mHat) after feeding it the observations as gradients.
 * @example exponentialAverages(datasets.noisyCurve().observed, 0.9)
 */
export function exponentialAverages(observed: ArrayLike<number>, beta = 0.9): Averages {
  const fn = "lessons.adam.exponentialAverages";
  const values = gradientList(fn, observed);
  const b = check.decay(fn, "beta", beta);
  const steps = replayGradients(adam({ eta: 1, beta1: b, eps: 0 }), values);
  return { ema: steps.map((s) => s.state.m), biasCorrected: steps.map((s) => s.state.mHat) };
}

/** Length of every update in parameter space: |params_t - params_{t-1}| for t = 1..T. */
export function stepLengths(run: TrainResult): number[] {
  const fn = "lessons.adam.stepLengths";
  checkRun(fn, "run", run);
  const traj = run.trajectory;
  const columns = traj.paramNames.map((_, i) => traj.param(i));
  const out: number[] = [];
  for (let k = 1; k < traj.length; k++) {
    let sq = 0;
    for (const c of columns) sq += (c[k] - c[k - 1]) ** 2;
    out.push(Math.sqrt(sq));
  }
  return out;
}

/** One row of `firstSteps`. */
export interface FirstStepRow {
  t: number;
  params: number[];
  /** Length of update t in parameter space. */
  step: number;
  /** Effective learning rate of each parameter at update t. */
  effectiveRate: number[];
  loss: number;
}

/**
 * The first `count` updates of a run: where it went, how far each update moved and the effective
 * learning rates (to compare Adam with and without bias correction).
 */
export function firstSteps(run: TrainResult, count = 5): FirstStepRow[] {
  const fn = "lessons.adam.firstSteps";
  const lengths = stepLengths(run);
  const n = check.positiveInt(fn, "count", count);
  const traj = run.trajectory;
  const rows: FirstStepRow[] = [];
  for (let t = 1; t <= Math.min(n, traj.length - 1); t++) {
    const rec = traj.step(t);
    rows.push({ t, params: rec.params, step: lengths[t - 1], effectiveRate: rec.effectiveRate, loss: rec.loss });
  }
  return rows;
}

/** One row of `raceSummary`. */
export interface RaceRow {
  name: string;
  /** Final parameters. */
  params: number[];
  finalLoss: number;
  /** First update whose loss is <= target, or null if the run never gets there. */
  stepsToTarget: number | null;
  diverged: boolean;
}

/**
 * Where each run ended and how many updates it needed to bring the loss down to `target`.
 * @example raceSummary({ gd: runGd, adam: runAdam }, 0.64)
 */
export function raceSummary(runs: Record<string, TrainResult>, target: number): RaceRow[] {
  const fn = "lessons.adam.raceSummary";
  checkRuns(fn, runs, "{gd: run, adam: run}");
  const goal = check.finite(fn, "target", target);
  return Object.entries(runs).map(([name, run]) => {
    const loss = run.trajectory.lossColumn();
    const hit = loss.findIndex((v) => v <= goal);
    const last = run.trajectory.last();
    return {
      name,
      params: last.params,
      finalLoss: loss[loss.length - 1],
      stepsToTarget: hit < 0 ? null : hit,
      diverged: run.diverged,
    };
  });
}
