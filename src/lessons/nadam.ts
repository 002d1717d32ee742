/**
 * Computations behind notebook 07 (NAdam): NAG's look-ahead points along a run and the largest
 * distance between two paths. No update rule lives here: the look-ahead comes from the
 * optimizer's own `gradientPoint`.
 */
import type { Optimizer, OptimizerState } from "../optimizers/types";
import type { TrainResult } from "../train";
import * as check from "../validate";
import { checkRun } from "./runArgs";

/** The parameters of every record of a run (index 0 = start). */
function pathOf(run: TrainResult): number[][] {
  return run.trajectory.records().map((r) => r.params);
}

/**
 * Where `optimizer` takes (or would take) the next gradient from every record of `run`:
 * `optimizer.gradientPoint(params_k, state_k)`, i.e. NAG's look-ahead w_k - eta beta u_k in its
 * lecture form, w_k itself for every other rule. `optimizer` must be the one the run used.
 * @example const nag = optimizers.nag({ eta: 0.05, beta: 0.9 }); lookAheadPoints(train({ model: models.surfaces.valley, init: [-4.5, 1.5], optimizer: nag, epochs: 10 }), nag).length
 */
export function lookAheadPoints(run: TrainResult, optimizer: Optimizer<OptimizerState>): number[][] {
  const fn = "lessons.nadam.lookAheadPoints";
  checkRun(fn, "run", run);
  if (!optimizer || typeof optimizer.gradientPoint !== "function" || typeof optimizer.init !== "function") {
    check.fail(fn, "optimizer", "the optimizer the run was trained with, e.g. optimizers.nag({ eta: 0.1, beta: 0.9 })", optimizer);
  }
  return pathOf(run).map((params, k) => {
    if (k === 0) return Array.from(optimizer.gradientPoint(params, optimizer.init(params)));
    const state: Record<string, number | Float64Array> = {};
    for (const [key, value] of Object.entries(run.trajectory.step(k).state)) state[key] = Array.isArray(value) ? Float64Array.from(value) : value;
    return Array.from(optimizer.gradientPoint(params, state as OptimizerState));
  });
}

/**
 * The largest Euclidean distance between corresponding points of two paths (runs or lists of
 * points), over the shorter one, and the step where it occurs.
 * @example maxPathGap([[0, 0], [3, 4]], [[0, 0], [0, 0]]).gap // 5
 */
export function maxPathGap(a: TrainResult | number[][], b: TrainResult | number[][]): { gap: number; step: number } {
  const fn = "lessons.nadam.maxPathGap";
  const points = (arg: string, value: TrainResult | number[][]): number[][] => {
    if (Array.isArray(value)) {
      if (value.length === 0) check.fail(fn, arg, "a run or a non-empty list of points", value);
      return value.map((p, k) => Array.from(check.finiteVector(fn, `${arg}[${k}]`, p)));
    }
    checkRun(fn, arg, value);
    return pathOf(value);
  };
  const pa = points("a", a);
  const pb = points("b", b);
  let best = { gap: -1, step: 0 };
  for (let k = 0; k < Math.min(pa.length, pb.length); k++) {
    if (pa[k].length !== pb[k].length) throw new Error(`${fn}: point ${k} has ${pa[k].length} coordinates in a but ${pb[k].length} in b`);
    const gap = Math.hypot(...pa[k].map((x, i) => x - pb[k][i]));
    if (gap > best.gap) best = { gap, step: k };
  }
  return best;
}
