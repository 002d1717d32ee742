import { baseLayout, colorFor, DASHES, decimate, namedEntries, pick, positiveIntOption, roundAll, stepColumn, trajectoryOf } from "./common";
import type { StepColumn } from "./common";
import type { Figure, RunLike, Trace, TrajectoryLike } from "./types";
import { fail } from "../validate";

export interface StepSeriesOptions {
  title?: string;
  /** Which parameters to draw, by index (default: all of them, up to 4). */
  params?: number[];
  /** Parameter names for the legend (default ["w", "b"]). */
  paramNames?: string[];
  /** Most points per curve (default 1000). */
  maxPoints?: number;
  /** Logarithmic y axis. */
  logY?: boolean;
}

/** Number of parameters recorded in a trajectory. */
function paramCount(traj: TrajectoryLike): number {
  return traj.paramNames ? traj.paramNames.length : 2;
}

/** Parameters chosen by options.params (checked), default all of the first run's (at most 4). */
export function chooseParams(fn: string, traj: TrajectoryLike, params: unknown): number[] {
  const n = paramCount(traj);
  if (params === undefined) return Array.from({ length: Math.min(n, 4) }, (_, i) => i);
  if (!Array.isArray(params) || params.length === 0) fail(fn, "params", "a non-empty array of parameter indices", params);
  for (const i of params as unknown[]) {
    if (typeof i !== "number" || !Number.isInteger(i) || i < 0 || i >= n) {
      fail(fn, "params", `indices in [0, ${n - 1}]`, params);
    }
  }
  return params as number[];
}

/**
 * Shared body of the per-step charts (effective learning rate, gradients): one curve per run and
 * parameter, x = update count t (1..T), colour by run, dash by parameter.
 */
export function stepSeriesFigure(
  fn: string,
  runs: Record<string, RunLike | TrajectoryLike>,
  column: StepColumn,
  yTitle: string,
  options: StepSeriesOptions,
  defaultLog: boolean,
): Figure {
  const maxPoints = positiveIntOption(fn, "maxPoints", options.maxPoints, 1000);
  const entries = namedEntries<RunLike | TrajectoryLike>(fn, "runs", runs);
  const data: Trace[] = [];
  entries.forEach(([name, source], k) => {
    const traj = trajectoryOf(source);
    if (!traj) fail(fn, `runs.${name}`, "a run from train() or its trajectory", source);
    const params = chooseParams(fn, traj as TrajectoryLike, options.params);
    const names = options.paramNames ?? (traj as TrajectoryLike).paramNames ?? ["w", "b"];
    for (const i of params) {
      const values = stepColumn(fn, `runs.${name}`, source, column, i);
      const idx = decimate(values.length, maxPoints);
      const label = names[i] ?? `p${i}`;
      data.push({
        type: "scatter", mode: "lines",
        name: entries.length === 1 ? label : `${name} \u00B7 ${label}`,
        x: idx.map((j) => j + 1),
        y: roundAll(pick(values, idx)),
        line: { color: entries.length === 1 ? colorFor(label, i) : colorFor(name, k), dash: DASHES[i % DASHES.length], width: 2 },
      });
    }
  });
  const logY = options.logY ?? defaultLog;
  return {
    data,
    layout: baseLayout(options.title, {
      xaxis: { title: { text: "update t" } },
      yaxis: { title: { text: yTitle }, type: logY ? "log" : "linear", ...(logY ? { exponentformat: "power" } : {}) },
    }),
  };
}
