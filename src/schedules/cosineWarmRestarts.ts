import * as check from "../validate";
import { makeSchedule, range } from "./schedule";
import type { Schedule } from "./types";

export interface CosineWarmRestartsOptions {
  etaMax: number;
  etaMin?: number;
  /** The slide's form: restart interval T (period T + 1). */
  T?: number;
  /** PyTorch's form: length of the first cycle (also accepted as T_0). */
  T0?: number;
  /** PyTorch's form: each cycle is Tmult times longer than the last [1] (also accepted as T_mult). */
  Tmult?: number;
  T_0?: number;
  T_mult?: number;
}

/**
 * Cosine annealing with warm restarts (SGDR).
 *
 * The slide's form, with T:
 *   eta_t = etaMin + (etaMax - etaMin) / 2 * (1 + cos(pi * (t mod (T + 1)) / T))
 * so eta_0 = etaMax, eta_T = etaMin and the restart to etaMax comes at t = T + 1: the period is T + 1
 * (not T, as the slide's plot suggests).
 *
 * PyTorch's form (CosineAnnealingWarmRestarts), with T0 and Tmult: cycle i has length T_i = T0 * Tmult^i;
 * with T_cur the steps since the last restart,
 *   eta_t = etaMin + (etaMax - etaMin) / 2 * (1 + cos(pi * T_cur / T_i))
 * restarting at t = T0, T0 + T0 Tmult, ... (etaMin itself is never reached).
 * @example schedules.cosineWarmRestarts({ etaMax: 1, etaMin: 0.1, T: 50 })(51) // 1 (restart)
 */
export function cosineWarmRestarts(opts: CosineWarmRestartsOptions): Schedule {
  const fn = "schedules.cosineWarmRestarts";
  const o = check.options<CosineWarmRestartsOptions>(fn, opts, ["etaMax", "etaMin", "T", "T0", "Tmult", "T_0", "T_mult"]);
  const [lo, hi] = range(fn, o.etaMin ?? 0, o.etaMax);
  if (o.T0 !== undefined && o.T_0 !== undefined) throw new Error(`${fn}: give T0 or T_0, not both`);
  if (o.Tmult !== undefined && o.T_mult !== undefined) throw new Error(`${fn}: give Tmult or T_mult, not both`);
  const t0Given = o.T0 ?? o.T_0;
  const tMultGiven = o.Tmult ?? o.T_mult;
  const cosine = (cur: number, period: number) => lo + ((hi - lo) / 2) * (1 + Math.cos((Math.PI * cur) / period));

  if (o.T !== undefined) {
    if (t0Given !== undefined || tMultGiven !== undefined) {
      throw new Error(`${fn}: give either T (the slide's form) or T0/Tmult (PyTorch's form), not both`);
    }
    const T = check.positiveInt(fn, "T", o.T);
    return makeSchedule(fn, `cosineWarmRestarts(${lo}..${hi}, T=${T})`, (t) => cosine(t % (T + 1), T));
  }
  if (t0Given === undefined) {
    throw new Error(`${fn}: T (the slide's form) or T0 (PyTorch's form) is required, got neither`);
  }
  const T0 = check.positiveInt(fn, "T0", t0Given);
  const Tmult = check.positiveInt(fn, "Tmult", tMultGiven ?? 1);
  return makeSchedule(fn, `cosineWarmRestarts(${lo}..${hi}, T0=${T0}, Tmult=${Tmult})`, (t) => {
    if (Tmult === 1) return cosine(t % T0, T0);
    // Cycle i covers [T0 (Tmult^i - 1) / (Tmult - 1), T0 (Tmult^(i+1) - 1) / (Tmult - 1)).
    let start = 0;
    let length = T0;
    while (t >= start + length) {
      start += length;
      length *= Tmult;
    }
    return cosine(t - start, length);
  });
}
