/**
 * Computations behind the NAdam notebook (notebooks/07-nadam.ipynb): the look-ahead points of
 * NAG's lecture form (read from the optimizer's own `gradientPoint`), the distance between two
 * paths, and torch NAdam's momentum-decay schedule (read from the recorded state).
 *
 * No update rule lives here: the look-ahead comes from optimizers.nag, mu_t from the muProduct
 * that optimizers.nadam (flavor "torch") keeps in its state.
 */
import type { Optimizer, OptimizerState } from "../optimizers/types";
import type { TrainResult } from "../train";
import * as check from "../validate";
import { checkRun } from "./runArgs";

/** The parameters of every record of a run, as points [p0, p1, ...] (index 0 = start). */
export function pathOf(run: TrainResult): number[][] {
  checkRun("lessons.nadam.pathOf", "run", run);
  const traj = run.trajectory;
  const columns = traj.paramNames.map((_, i) => traj.param(i));
  return Array.from({ length: traj.length }, (_, k) => columns.map((c) => c[k]));
}

/**
 * Where the optimizer evaluated (or would evaluate) the next gradient from every record of `run`:
 * `optimizer.gradientPoint(params_k, state_k)`. For NAG's lecture form this is the look-ahead
 * w_k - eta * beta * u_k; for every other optimizer it is w_k itself. `optimizer` must be the one
 * the run was trained with (same eta and beta).
 */
export function lookAheadPoints(run: TrainResult, optimizer: Optimizer<OptimizerState>): number[][] {
  const fn = "lessons.nadam.lookAheadPoints";
  checkRun(fn, "run", run);
  if (!optimizer || typeof optimizer !== "object" || typeof optimizer.gradientPoint !== "function" || typeof optimizer.init !== "function") {
    check.fail(fn, "optimizer", "the optimizer the run was trained with, e.g. optimizers.nag({ eta: 0.1, beta: 0.9 })", optimizer);
  }
  const traj = run.trajectory;
  const path = pathOf(run);
  return path.map((params, k) => {
    const state = k === 0 ? optimizer.init(params) : toState(traj.step(k).state);
    return Array.from(optimizer.gradientPoint(params, state));
  });
}

/** A recorded state (number arrays) back as an optimizer state (Float64Array vectors). */
function toState(recorded: Record<string, unknown>): OptimizerState {
  const out: Record<string, number | Float64Array> = {};
  for (const [key, value] of Object.entries(recorded)) {
    out[key] = Array.isArray(value) ? Float64Array.from(value as number[]) : (value as number);
  }
  return out as OptimizerState;
}

/**
 * Euclidean distance between corresponding points of two paths (runs from train() or lists of
 * points), over the length of the shorter one.
 */
export function pathDistances(a: TrainResult | number[][], b: TrainResult | number[][]): number[] {
  const fn = "lessons.nadam.pathDistances";
  const pa = pointsOf(fn, "a", a);
  const pb = pointsOf(fn, "b", b);
  const n = Math.min(pa.length, pb.length);
  const out: number[] = [];
  for (let k = 0; k < n; k++) {
    if (pa[k].length !== pb[k].length) {
      throw new Error(`${fn}: point ${k} has ${pa[k].length} coordinates in a but ${pb[k].length} in b`);
    }
    let sq = 0;
    for (let i = 0; i < pa[k].length; i++) sq += (pa[k][i] - pb[k][i]) ** 2;
    out.push(Math.sqrt(sq));
  }
  return out;
}

function pointsOf(fn: string, arg: string, value: unknown): number[][] {
  if (Array.isArray(value) && !(value as { trajectory?: unknown }).trajectory && typeof (value as { param?: unknown }).param !== "function") {
    if (value.length === 0) check.fail(fn, arg, "a non-empty list of points", value);
    return value.map((p, k) => Array.from(check.finiteVector(fn, `${arg}[${k}]`, p)));
  }
  checkRun(fn, arg, value);
  return pathOf(value);
}

/** The largest of `pathDistances(a, b)` and the step where it occurs. */
export function maxPathGap(a: TrainResult | number[][], b: TrainResult | number[][]): { gap: number; step: number } {
  const d = pathDistances(a, b);
  let step = 0;
  for (let k = 1; k < d.length; k++) if (d[k] > d[step]) step = k;
  return { gap: d[step], step };
}

/** The smallest positive normal double (2^-1022); below it a double loses relative precision. */
const MIN_NORMAL = 2.2250738585072014e-308;

/**
 * torch NAdam's momentum coefficients mu_1, mu_2, ... of a run trained with
 * optimizers.nadam({ flavor: "torch" }), read from the recorded product P_t = mu_1 ... mu_t as
 * mu_t = P_t / P_{t-1} (P_0 = 1).
 *
 * The product shrinks geometrically (mu_t is about 0.45-0.5 early on) and leaves the range of
 * normal doubles after roughly 900 updates; from then on the ratio no longer carries mu_t (the
 * optimizer itself is unaffected: 1 - P_t is then exactly 1). The list therefore stops at the last
 * update whose product is still a normal double, so it may be shorter than the run.
 */
export function momentumSchedule(run: TrainResult): number[] {
  const fn = "lessons.nadam.momentumSchedule";
  checkRun(fn, "run", run);
  const traj = run.trajectory;
  const out: number[] = [];
  let previous = 1;
  for (let k = 1; k < traj.length; k++) {
    const product = traj.step(k).state.muProduct;
    if (typeof product !== "number" || product === 1) {
      check.fail(fn, "run", 'a run of optimizers.nadam({ flavor: "torch" }) (its state records muProduct)', typeof product === "number" ? "a lecture-flavor run (muProduct stays 1)" : `a state without muProduct at step ${k}`);
    }
    if (product < MIN_NORMAL) break;
    out.push(product / previous);
    previous = product;
  }
  return out;
}
