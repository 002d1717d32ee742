import { fail } from "../validate";
import { lossOf, baseLayout, colorFor, decimate, namedEntries, pick, positiveIntOption, roundAll, trajectoryOf } from "./common";
import type { Figure, RunLike, Trace, TrajectoryLike } from "./types";

export interface LossCurvesOptions {
  title?: string;
  /** Logarithmic loss axis (default false). */
  logY?: boolean;
  /** Most points per curve (default 1000). */
  maxPoints?: number;
}

/**
 * Loss vs step for several runs (step 0 is the starting point).
 * @example
 * const fit = (optimizer: ReturnType<typeof optimizers.adagrad>) => train({ model: models.sigmoidNeuron, data: datasets.sparse(), init: [-2, -2], optimizer, epochs: 50 });
 * charts.lossCurves({ adagrad: fit(optimizers.adagrad({ eta: 0.1 })), rmsprop: fit(optimizers.rmsprop({ eta: 0.01 })) }, { logY: true });
 */
export function lossCurves(runs: Record<string, RunLike | TrajectoryLike | ArrayLike<number>>, options: LossCurvesOptions = {}): Figure {
  const fn = "charts.lossCurves";
  const maxPoints = positiveIntOption(fn, "maxPoints", options.maxPoints, 1000);
  const data: Trace[] = namedEntries<RunLike | TrajectoryLike | ArrayLike<number>>(fn, "runs", runs).map(([name, source], k) => {
    const traj = trajectoryOf(source);
    let loss: ArrayLike<number>;
    if (traj) loss = lossOf(traj);
    else if (source !== null && typeof source === "object" && typeof (source as ArrayLike<number>).length === "number") loss = source as ArrayLike<number>;
    else return fail(fn, `runs.${name}`, "a run from train(), its trajectory or an array of losses", source);
    const idx = decimate(loss.length, maxPoints);
    return {
      type: "scatter", mode: "lines", name,
      x: idx, y: roundAll(pick(loss, idx)),
      line: { color: colorFor(name, k), width: 2 },
    };
  });
  return {
    data,
    layout: baseLayout(options.title, {
      xaxis: { title: { text: "step" } },
      yaxis: { title: { text: "loss" }, type: options.logY ? "log" : "linear" },
    }),
  };
}
