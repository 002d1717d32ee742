import { fail } from "../validate";
import { baseLayout, colorFor, DASHES, decimate, pick, positiveIntOption, roundAll, stateKeysOf, stateLabel, stepColumn, trajectoryOf } from "./common";
import { chooseParams } from "./stepSeries";
import type { Figure, RunLike, Trace, TrajectoryLike } from "./types";

export interface OptimizerStateOptions {
  title?: string;
  /** State vectors to draw, e.g. ["m", "mHat"] (default: every vector the run recorded). */
  keys?: string[];
  /** Parameters to draw (default all, up to 4). */
  params?: number[];
  paramNames?: string[];
  logY?: boolean;
  maxPoints?: number;
}

/**
 * The optimizer's state (v, u, m, m̂, v̂, ...) vs update t for one run: colour by state vector,
 * dash by parameter.
 * @example
 * const runAdam = train({ model: models.sigmoidNeuron, data: datasets.sparse(), init: [-2, -2], optimizer: optimizers.adam({ eta: 0.1 }), epochs: 50 });
 * charts.optimizerState(runAdam, { keys: ["v", "vHat"], params: [1] });
 */
export function optimizerState(run: RunLike | TrajectoryLike, options: OptimizerStateOptions = {}): Figure {
  const fn = "charts.optimizerState";
  const traj = trajectoryOf(run);
  if (!traj) return fail(fn, "run", "a run from train() or its trajectory", run);
  const recorded = stateKeysOf(run);
  const keys = options.keys ?? recorded;
  if (!Array.isArray(keys) || keys.length === 0) {
    fail(fn, "keys", `a non-empty array of state names (this run has: ${recorded.join(", ") || "none"})`, options.keys);
  }
  for (const key of keys) {
    if (!recorded.includes(key)) fail(fn, "keys", `names of recorded state vectors (${recorded.join(", ") || "none"})`, keys);
  }
  const maxPoints = positiveIntOption(fn, "maxPoints", options.maxPoints, 1000);
  const params = chooseParams(fn, traj, options.params);
  const names = options.paramNames ?? traj.paramNames ?? ["w", "b"];
  const data: Trace[] = [];
  keys.forEach((key, k) => {
    for (const i of params) {
      const values = stepColumn(fn, "run", run, { state: key }, i);
      const idx = decimate(values.length, maxPoints);
      data.push({
        type: "scatter", mode: "lines",
        name: `${stateLabel(key)} (${names[i] ?? `p${i}`})`,
        x: idx.map((j) => j + 1),
        y: roundAll(pick(values, idx)),
        line: { color: colorFor(`state-${key}`, k), dash: DASHES[i % DASHES.length], width: 2 },
      });
    }
  });
  return {
    data,
    layout: baseLayout(options.title, {
      xaxis: { title: { text: "update t" } },
      yaxis: { title: { text: "state" }, type: options.logY ? "log" : "linear" },
    }),
  };
}
