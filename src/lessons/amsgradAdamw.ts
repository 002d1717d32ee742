/**
 * Computations behind notebook 08 (AMSGrad, AdamW): an online run of one parameter fed a gradient
 * sequence, optionally projected back onto an interval (Reddi et al.'s setting). The update is the
 * library optimizer's own `update`; nothing here re-implements a rule.
 */
import type { Optimizer, OptimizerState } from "../optimizers/types";
import * as check from "../validate";

/** One parameter's online run, as columns; index t - 1 holds update t, except `x` (x[0] = start). */
export interface OnlineRun {
  /** x_0 (start), x_1, ..., x_T: the parameter after each update (and after the projection). */
  x: number[];
  /** The gradient fed to update t. */
  grad: number[];
  /** The optimizer's effective rate of update t. */
  effectiveRate: number[];
  /** Every state vector of the optimizer after update t (its single entry), by key. */
  state: Record<string, number[]>;
}

/**
 * Runs `optimizer` on one parameter for `steps` updates; update t (1-based) gets the gradient
 * `gradientAt(t, x)` at the current x, and with `bounds` the new x is clipped to [lo, hi] (the
 * projection of online convex optimisation).
 * @example onlineRun(optimizers.gd({ eta: 0.5 }), (t) => (t === 1 ? 4 : -1), { start: 1, steps: 2, bounds: [-0.8, 0.8] }).x // [1, -0.8, -0.3]
 */
export function onlineRun(optimizer: Optimizer<OptimizerState>, gradientAt: (t: number, x: number) => number,
  opts: { start: number; steps: number; bounds?: [number, number] }): OnlineRun {
  const fn = "lessons.amsgradAdamw.onlineRun";
  if (!optimizer || typeof optimizer.update !== "function") check.fail(fn, "optimizer", "an optimizer such as optimizers.adam({ eta: 0.1 })", optimizer);
  if (typeof gradientAt !== "function") check.fail(fn, "gradientAt", "a function (t, x) => gradient", gradientAt);
  const o = check.options<{ start: number; steps: number; bounds: [number, number] }>(fn, opts, ["start", "steps", "bounds"]);
  const steps = check.positiveInt(fn, "steps", o.steps);
  const [lo, hi] = o.bounds === undefined ? [-Infinity, Infinity] : o.bounds;
  if (o.bounds !== undefined && !(Array.isArray(o.bounds) && o.bounds.length === 2 && lo < hi)) check.fail(fn, "bounds", "[lo, hi] with lo < hi", o.bounds);
  let x = check.finite(fn, "start", o.start);
  let state = optimizer.init([x]);
  const out: OnlineRun = { x: [x], grad: [], effectiveRate: [], state: Object.fromEntries(optimizer.stateKeys.map((k) => [k, [] as number[]])) };
  for (let t = 1; t <= steps; t++) {
    const g = check.finite(fn, `gradientAt(${t}, ${x})`, gradientAt(t, x));
    const r = optimizer.update([g], state, [x]);
    x = Math.min(hi, Math.max(lo, r.params[0]));
    state = r.state;
    out.x.push(x);
    out.grad.push(g);
    out.effectiveRate.push(r.effectiveRate[0]);
    for (const key of optimizer.stateKeys) out.state[key].push((state[key] as Float64Array)[0]);
  }
  return out;
}
