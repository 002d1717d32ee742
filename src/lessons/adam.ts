/**
 * Two helpers several notebooks share: replaying a fixed gradient sequence through a library
 * optimizer (one parameter), and a race table over named runs. Neither holds an update rule: every
 * number comes from the optimizer or the run passed in.
 */
import type { Optimizer, OptimizerState } from "../optimizers/types";
import type { TrainResult } from "../train";
import * as check from "../validate";
import { checkRuns } from "./runArgs";

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

/**
 * Feeds `grads` one by one to `optimizer` as the gradients of a single parameter (started at 0)
 * and records what it reports after each update: the effective rate and its state.
 * @example replayGradients(optimizers.adam({ eta: 1, eps: 0 }), [0.1, 0])[1].effectiveRate // 14.1457
 */
export function replayGradients(optimizer: Optimizer<OptimizerState>, grads: ArrayLike<number>): ReplayStep[] {
  const fn = "lessons.adam.replayGradients";
  const o = optimizer as Partial<Optimizer<OptimizerState>> | undefined;
  if (!o || typeof o !== "object" || typeof o.init !== "function" || typeof o.update !== "function") {
    check.fail(fn, "optimizer", "an optimizer such as optimizers.adam({ eta: 1 })", optimizer);
  }
  if (!grads || typeof grads.length !== "number" || grads.length === 0) check.fail(fn, "grads", "a non-empty array of finite numbers", grads);
  let params: Float64Array = Float64Array.of(0);
  let state = optimizer.init(params);
  return Array.from(check.finiteVector(fn, "grads", grads), (grad) => {
    const r = optimizer.update([grad], state, params);
    params = r.params;
    state = r.state;
    const values: Record<string, number> = {};
    for (const [key, value] of Object.entries(r.state)) if (key !== "t") values[key] = typeof value === "number" ? value : value[0];
    return { t: r.state.t, grad, effectiveRate: r.effectiveRate[0], param: params[0], state: values };
  });
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
 * @example raceSummary({ adagrad: run }, 0.64)[0].finalLoss
 */
export function raceSummary(runs: Record<string, TrainResult>, target: number): RaceRow[] {
  const fn = "lessons.adam.raceSummary";
  checkRuns(fn, runs, "{gd: run, adam: run}");
  const goal = check.finite(fn, "target", target);
  return Object.entries(runs).map(([name, run]) => {
    const loss = run.trajectory.lossColumn();
    const hit = loss.findIndex((v) => v <= goal);
    return {
      name,
      params: run.trajectory.last().params,
      finalLoss: loss[loss.length - 1],
      stepsToTarget: hit < 0 ? null : hit,
      diverged: run.diverged,
    };
  });
}
