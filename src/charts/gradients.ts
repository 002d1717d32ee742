import { stepSeriesFigure } from "./stepSeries";
import type { StepSeriesOptions } from "./stepSeries";
import type { Figure, RunLike, TrajectoryLike } from "./types";

/**
 * The (batch) gradient of each parameter vs update t, linear axis by default.
 * @example charts.gradients({rmsprop: run}, {title: "gradients oscillate near the minimum"})
 */
export function gradients(runs: Record<string, RunLike | TrajectoryLike>, options: StepSeriesOptions = {}): Figure {
  return stepSeriesFigure("charts.gradients", runs, "grad", "gradient", options, false);
}
