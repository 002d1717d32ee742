/** Warm-up: start with a small rate and raise it, as transformers are trained. */
import * as check from "../validate";
import { makeSchedule } from "./schedule";
import type { Schedule } from "./types";

/**
 * Linear warm-up (torch LinearLR with end factor 1): the factor climbs linearly from startFactor at
 * t = 0 to 1 at t = warmupSteps, then stays at 1.
 *   eta_t = eta * (startFactor + (1 - startFactor) * min(t, warmupSteps) / warmupSteps)
 * Combine with `sequential` to decay after the warm-up.
 * @example schedules.linearWarmup({ eta: 0.1, warmupSteps: 10 })(10) // 0.1
 */
export function linearWarmup(opts: { eta: number; warmupSteps: number; startFactor?: number }): Schedule {
  const fn = "schedules.linearWarmup";
  const o = check.options<{ eta: number; warmupSteps: number; startFactor: number }>(fn, opts, ["eta", "warmupSteps", "startFactor"]);
  const eta = check.positive(fn, "eta", o.eta);
  const W = check.positiveInt(fn, "warmupSteps", o.warmupSteps);
  const start = check.fraction(fn, "startFactor", o.startFactor ?? 1 / W);
  return makeSchedule(fn, `linearWarmup(${eta}, ${W} steps)`,
    (t) => eta * (start + ((1 - start) * Math.min(t, W)) / W));
}

/**
 * The transformer's warm-up ("Attention is all you need"):
 *   eta_t = scale * dModel^-0.5 * min(t^-0.5, t * warmupSteps^-1.5),   t = max(step, 1)
 * Rises linearly for warmupSteps steps, peaks at t = warmupSteps, then decays as 1/sqrt(t).
 * @example schedules.transformerWarmup({ dModel: 512 })(4000) // 512^-0.5 * 4000^-0.5 = 0.000699
 */
export function transformerWarmup(opts?: { dModel?: number; warmupSteps?: number; scale?: number }): Schedule {
  const fn = "schedules.transformerWarmup";
  const o = check.options<{ dModel: number; warmupSteps: number; scale: number }>(fn, opts, ["dModel", "warmupSteps", "scale"]);
  const d = check.positiveInt(fn, "dModel", o.dModel ?? 512);
  const W = check.positiveInt(fn, "warmupSteps", o.warmupSteps ?? 4000);
  const scale = check.positive(fn, "scale", o.scale ?? 1);
  return makeSchedule(fn, `transformerWarmup(d=${d}, warmup=${W})`, (step) => {
    const t = Math.max(step, 1);
    return scale * Math.pow(d, -0.5) * Math.min(Math.pow(t, -0.5), t * Math.pow(W, -1.5));
  });
}
