import * as check from "../validate";
import { makeSchedule, range } from "./schedule";
import type { Schedule } from "./types";

export interface CyclicOptions {
  etaMin: number;
  etaMax: number;
  /** mu: half a cycle, in steps (the rate climbs for stepSize steps, then falls for stepSize). */
  stepSize: number;
  /** "triangular" [default], "triangular2" (amplitude halves every cycle), "exp_range" (amplitude x gamma^t). */
  mode?: "triangular" | "triangular2" | "exp_range";
  /** exp_range only [1]. */
  gamma?: number;
}

/**
 * Cyclical learning rate (Smith), exactly the slide's triangular formula:
 *
 *   cycle = floor(1 + t / (2 mu)),  x = |t / mu - 2 cycle + 1|
 *   eta_t = etaMin + (etaMax - etaMin) * max(0, 1 - x) * scale
 *
 * scale = 1 (triangular), 1 / 2^(cycle - 1) (triangular2), gamma^t (exp_range) — torch's CyclicLR
 * with step_size_up = step_size_down = mu. Minimum at t = 0, 2mu, 4mu, ...; maximum at t = mu, 3mu, ...
 * @example schedules.cyclic({ etaMin: 0.01, etaMax: 0.1, stepSize: 20 })(20) // 0.1 (eta_max)
 */
export function cyclic(opts: CyclicOptions): Schedule {
  const fn = "schedules.cyclic";
  const o = check.options<CyclicOptions>(fn, opts, ["etaMin", "etaMax", "stepSize", "mode", "gamma"]);
  const [lo, hi] = range(fn, o.etaMin, o.etaMax);
  const mu = check.positive(fn, "stepSize", o.stepSize);
  const mode = check.oneOf(fn, "mode", o.mode ?? "triangular", ["triangular", "triangular2", "exp_range"] as const);
  const gamma = o.gamma ?? 1;
  if (typeof gamma !== "number" || !(gamma > 0 && gamma <= 1)) check.fail(fn, "gamma", "a number in (0, 1]", gamma);
  if (o.gamma !== undefined && mode !== "exp_range") {
    throw new Error(`${fn}: gamma is used only with mode "exp_range", got mode ${JSON.stringify(mode)}`);
  }
  return makeSchedule(fn, `cyclic(${mode}, ${lo}..${hi}, stepSize=${mu})`, (t) => {
    const cycle = Math.floor(1 + t / (2 * mu));
    const x = Math.abs(t / mu - 2 * cycle + 1);
    const scale = mode === "triangular" ? 1 : mode === "triangular2" ? 1 / Math.pow(2, cycle - 1) : Math.pow(gamma, t);
    return lo + (hi - lo) * Math.max(0, 1 - x) * scale;
  });
}
