/**
 * Run summaries behind the RMSProp notebook (notebooks/03-rmsprop.ipynb): how one parameter's
 * effective rate moved during a run, and how much
 * a run still moves at its end (the 2-cycle of RMSProp with a constant eta). Both only read a run's
 * recorded columns; no update rule is computed here.
 */
import type { TrainResult } from "../train";
import * as check from "../validate";
import { checkRun, checkSteps, paramIndex } from "./runArgs";

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
 * @example rateHistory(run, "b").neverIncreases // true (an AdaGrad run: its rates only fall)
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
 * RMSProp with a constant eta ends in a 2-cycle of size eta (beta = 0, eps = 0 on the bowl: 0.25 <-> -0.25):
 * @example tailSummary(train({ model: models.surfaces.bowl, init: [0.25, 0.25], optimizer: optimizers.rmsprop({ eta: 0.5, beta: 0, eps: 0 }), epochs: 6 }), 4).amplitude // [0.5, 0.5]
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
