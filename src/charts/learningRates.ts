import { stepSeriesFigure } from "./stepSeries";
import type { StepSeriesOptions } from "./stepSeries";
import type { Figure, RunLike, TrajectoryLike } from "./types";

/**
 * Per-parameter effective learning rate vs update t, on a log axis by default (AdaGrad's rate for
 * b collapses by orders of magnitude while w's stays high).
 * @example charts.learningRates({adagrad: run}, {title: "effective learning rate"})
 */
export function learningRates(runs: Record<string, RunLike | TrajectoryLike>, options: StepSeriesOptions = {}): Figure {
  return stepSeriesFigure("charts.learningRates", runs, "lr", "effective learning rate", options, true);
}
