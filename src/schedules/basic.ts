/** The epoch-based decays of Module 5.10: constant, step, exponential, 1/t. */
import * as check from "../validate";
import { makeSchedule } from "./schedule";
import type { Schedule } from "./types";

/**
 * eta_t = eta.
 * @example schedules.constant({ eta: 0.1 })(5) // 0.1
 */
export function constant(opts: { eta: number }): Schedule {
  const fn = "schedules.constant";
  const o = check.options<{ eta: number }>(fn, opts, ["eta"]);
  const eta = check.positive(fn, "eta", o.eta);
  return makeSchedule(fn, `constant(${eta})`, () => eta);
}

/**
 * Step decay: eta_t = eta * gamma^floor(t / stepSize) (torch StepLR).
 * @example schedules.stepDecay({ eta: 0.1, stepSize: 10, gamma: 0.5 })(25) // 0.025
 */
export function stepDecay(opts: { eta: number; stepSize: number; gamma?: number }): Schedule {
  const fn = "schedules.stepDecay";
  const o = check.options<{ eta: number; stepSize: number; gamma: number }>(fn, opts, ["eta", "stepSize", "gamma"]);
  const eta = check.positive(fn, "eta", o.eta);
  const stepSize = check.positiveInt(fn, "stepSize", o.stepSize);
  const gamma = check.positive(fn, "gamma", o.gamma ?? 0.1);
  return makeSchedule(fn, `stepDecay(${eta}, every ${stepSize}, x${gamma})`,
    (t) => eta * Math.pow(gamma, Math.floor(t / stepSize)));
}

/**
 * Exponential decay: eta_t = eta * gamma^t (torch ExponentialLR).
 * @example schedules.exponentialDecay({ eta: 0.1, gamma: 0.9 })(2) // 0.081
 */
export function exponentialDecay(opts: { eta: number; gamma: number }): Schedule {
  const fn = "schedules.exponentialDecay";
  const o = check.options<{ eta: number; gamma: number }>(fn, opts, ["eta", "gamma"]);
  const eta = check.positive(fn, "eta", o.eta);
  const gamma = o.gamma;
  if (typeof gamma !== "number" || !(gamma > 0 && gamma <= 1)) check.fail(fn, "gamma", "a number in (0, 1]", gamma);
  return makeSchedule(fn, `exponentialDecay(${eta}, x${gamma})`, (t) => eta * Math.pow(gamma, t));
}

/**
 * Inverse-time (1/t) decay: eta_t = eta / (1 + k t).
 * @example schedules.inverseTime({ eta: 0.1, k: 1 })(1) // 0.05
 */
export function inverseTime(opts: { eta: number; k?: number }): Schedule {
  const fn = "schedules.inverseTime";
  const o = check.options<{ eta: number; k: number }>(fn, opts, ["eta", "k"]);
  const eta = check.positive(fn, "eta", o.eta);
  const k = check.nonNegative(fn, "k", o.k ?? 1);
  return makeSchedule(fn, `inverseTime(${eta}, k=${k})`, (t) => eta / (1 + k * t));
}
