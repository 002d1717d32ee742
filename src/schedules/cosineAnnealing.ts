import * as check from "../validate";
import { makeSchedule, range } from "./schedule";
import type { Schedule } from "./types";

/**
 * Cosine annealing (torch CosineAnnealingLR's closed form):
 *   eta_t = etaMin + (etaMax - etaMin) / 2 * (1 + cos(pi * t / T))
 * eta_0 = etaMax, eta_T = etaMin; past T the cosine continues (climbs back up), as in torch.
 * @example schedules.cosineAnnealing({ etaMax: 1, etaMin: 0.1, T: 50 })(25) // 0.55
 */
export function cosineAnnealing(opts: { etaMax: number; etaMin?: number; T: number }): Schedule {
  const fn = "schedules.cosineAnnealing";
  const o = check.options<{ etaMax: number; etaMin: number; T: number }>(fn, opts, ["etaMax", "etaMin", "T"]);
  const [lo, hi] = range(fn, o.etaMin ?? 0, o.etaMax);
  const T = check.positive(fn, "T", o.T);
  return makeSchedule(fn, `cosineAnnealing(${lo}..${hi}, T=${T})`,
    (t) => lo + ((hi - lo) / 2) * (1 + Math.cos((Math.PI * t) / T)));
}
