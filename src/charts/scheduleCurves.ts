import { fail } from "../validate";
import { baseLayout, colorFor, decimate, namedEntries, positiveIntOption, roundAll } from "./common";
import type { Figure, Trace } from "./types";

export interface ScheduleCurvesOptions {
  /** Number of steps to draw, 0 .. steps-1 (default 100). */
  steps?: number;
  title?: string;
  logY?: boolean;
  /** Most points per curve (default 1000). */
  maxPoints?: number;
}

/**
 * Learning rate vs (0-based) step for several schedules.
 * @example charts.scheduleCurves({step: schedules.stepDecay({eta: 0.1, stepSize: 10, gamma: 0.5})}, {steps: 60})
 */
export function scheduleCurves(scheduleSet: Record<string, (step: number) => number>, options: ScheduleCurvesOptions = {}): Figure {
  const fn = "charts.scheduleCurves";
  const steps = positiveIntOption(fn, "steps", options.steps, 100);
  const maxPoints = positiveIntOption(fn, "maxPoints", options.maxPoints, 1000);
  const idx = decimate(steps, maxPoints);
  const data: Trace[] = namedEntries<(step: number) => number>(fn, "schedules", scheduleSet).map(([name, schedule], k) => {
    if (typeof schedule !== "function") fail(fn, `schedules.${name}`, "a schedule (step) => lr", schedule);
    const y = idx.map((s) => {
      const lr = schedule(s);
      if (typeof lr !== "number" || Number.isNaN(lr)) {
        throw new Error(`${fn}: schedules.${name}(${s}) must return a number, got ${String(lr)}`);
      }
      return lr;
    });
    return {
      type: "scatter", mode: "lines", name, x: idx, y: roundAll(y, 5),
      line: { color: colorFor(name, k), width: 2 },
    };
  });
  return {
    data,
    layout: baseLayout(options.title, {
      xaxis: { title: { text: "step" } },
      yaxis: { title: { text: "scheduled learning rate η" }, type: options.logY ? "log" : "linear" },
    }),
  };
}
