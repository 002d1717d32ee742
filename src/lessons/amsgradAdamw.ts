/**
 * Computations behind the AMSGrad / AdamW notebook (notebooks/08-amsgrad-adamw.ipynb): a gradient
 * sequence with one rare large gradient replayed through Adam and AMSGrad (and a plain Plotly chart
 * of their second moments), and the weight norm of a run over time.
 *
 * Every number comes from the library's optimizers (replayed with lessons.adam.replayGradients):
 * nothing here re-implements an update rule.
 */
import type { Figure, Trace } from "../charts/types";
import type { Optimizer, OptimizerState } from "../optimizers/types";
import type { TrainResult } from "../train";
import * as check from "../validate";
import { checkRun } from "./runArgs";
import { replayGradients, type ReplayStep } from "./adam";

/**
 * A gradient sequence of one parameter: `before` small gradients, one large gradient, then `after`
 * small ones (the large one is "rare"). Default: 5 x 0.01, 1, 100 x 0.01.
 * @example rareGradientSequence().length // 106
 */
export function rareGradientSequence(opts: { small?: number; large?: number; before?: number; after?: number } = {}): number[] {
  const fn = "lessons.amsgradAdamw.rareGradientSequence";
  const o = check.options<{ small: number; large: number; before: number; after: number }>(fn, opts, ["small", "large", "before", "after"]);
  const small = check.finite(fn, "small", o.small ?? 0.01);
  const large = check.finite(fn, "large", o.large ?? 1);
  const before = check.nonNegativeInt(fn, "before", o.before ?? 5);
  const after = check.positiveInt(fn, "after", o.after ?? 100);
  return [...Array(before).fill(small), large, ...Array(after).fill(small)];
}

/** Replays of the same gradient sequence through several optimizers, by name. */
export type Replays = Record<string, ReplayStep[]>;

/**
 * Feeds `grads` to every optimizer of `optimizers` (one parameter, started at 0).
 * @example replayAll({adam: optimizers.adam({eta: 0.1}), amsgrad: optimizers.amsgrad({eta: 0.1})}, rareGradientSequence())
 */
export function replayAll(optimizers: Record<string, Optimizer<OptimizerState>>, grads: ArrayLike<number>): Replays {
  const fn = "lessons.amsgradAdamw.replayAll";
  if (!optimizers || typeof optimizers !== "object" || Object.keys(optimizers).length === 0) {
    check.fail(fn, "optimizers", "an object {name: optimizer} with at least one optimizer", optimizers);
  }
  const out: Replays = {};
  for (const [name, opt] of Object.entries(optimizers)) out[name] = replayGradients(opt, grads);
  return out;
}

/**
 * A chart of one state value (e.g. "v" or "vHat") of several replays vs t, on a log axis, with the
 * gradient magnitude as grey bars on a second axis.
 * `series` maps a legend name to [replay name, state key], e.g. {"Adam v": ["adam", "v"]}.
 */
export function stateChart(replays: Replays, series: Record<string, [string, string]>, title = "Second moments after a rare large gradient"): Figure {
  const fn = "lessons.amsgradAdamw.stateChart";
  const traces: Trace[] = [];
  const first = Object.values(replays)[0];
  if (!first) check.fail(fn, "replays", "a non-empty result of replayAll", replays);
  traces.push({
    type: "bar", name: "|gradient|", x: first.map((s) => s.t), y: first.map((s) => Math.abs(s.grad)),
    yaxis: "y2", marker: { color: "rgba(150,150,150,0.35)" },
  });
  for (const [label, [replayName, key]] of Object.entries(series)) {
    const r = replays[replayName];
    if (!r) check.fail(fn, "series", `names of replays (${Object.keys(replays).join(", ")})`, replayName);
    if (!(key in r[0].state)) check.fail(fn, "series", `state keys of ${replayName} (${Object.keys(r[0].state).join(", ")})`, key);
    traces.push({ type: "scatter", mode: "lines", name: label, x: r.map((s) => s.t), y: r.map((s) => s.state[key]) });
  }
  return {
    data: traces,
    layout: {
      title: { text: title }, height: 380, margin: { l: 60, r: 60, t: 50, b: 45 },
      xaxis: { title: { text: "t" } },
      yaxis: { title: { text: "state (log)" }, type: "log" },
      yaxis2: { title: { text: "|gradient|" }, overlaying: "y", side: "right", showgrid: false },
      legend: { orientation: "h", y: -0.2 },
    },
  };
}

/**
 * The Euclidean norm of the weights (every parameter but the last, the bias) at every record of a run.
 * @example weightNorms(run)[0] // norm of the starting weights
 */
export function weightNorms(run: TrainResult): number[] {
  const fn = "lessons.amsgradAdamw.weightNorms";
  checkRun(fn, "run", run);
  const traj = run.trajectory;
  const nParams = traj.start.params.length;
  if (nParams < 2) check.fail(fn, "run", "a run with weights and a bias (at least 2 parameters)", nParams);
  const norms = new Array<number>(traj.length).fill(0);
  for (let i = 0; i < nParams - 1; i++) {
    const col = traj.param(i);
    for (let k = 0; k < col.length; k++) norms[k] += col[k] * col[k];
  }
  return norms.map(Math.sqrt);
}
