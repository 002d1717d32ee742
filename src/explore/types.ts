/**
 * The widget an `explore.*` builder returns: plain JSON (it is embedded as is in the notebook
 * output and mounted by the same code in the page), plus what a mounted widget draws.
 */
import type { Figure } from "../charts/types";

/** Marks an object as an explorable widget (what `show()` tests for). */
export const WIDGET_TYPE = "adaptive-lr/explorable";

/** How a slider's position maps to its value. */
export type SliderScale = "linear" | "log" | "log1m" | "infinity";

/**
 * One range input. `scale`: "linear" (value = position), "log" (value = 10^position, shown to 3
 * significant digits), "log1m" (value = 1 - 10^-position: for decay rates such as beta2 = 0.9,
 * 0.99, 0.999), "infinity" (value = 1 / (1 - position), position in [0, 1]: from 1 to infinity,
 * for the p of an L^p norm; `max` is then Number.MAX_VALUE and the right end is Infinity).
 * `min`, `max` and `value` are always in value units.
 */
export interface SliderSpec {
  /** The key the explorable reads (e.g. "eta", "beta", "adam.beta2", "steps", "w0"). */
  key: string;
  label: string;
  min: number;
  max: number;
  value: number;
  scale: SliderScale;
  /** Position increment of the range input (in position units). */
  step: number;
  /** Integer values only (step counts). */
  integer?: boolean;
}

/** Common part of every widget spec. */
export interface WidgetBase {
  type: typeof WIDGET_TYPE;
  /** Which explorable: "optimizers", "schedule", "biasCorrection", "lpBall". */
  kind: string;
  title: string;
  /** One line telling the student what to try (shown above the inputs). */
  hint?: string;
  sliders: SliderSpec[];
}

/** Slider values by key. */
export type Values = Record<string, number>;

/** One polyline in data coordinates of a subplot ("xy", "x2y2", ...). */
export interface Line {
  axes: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  color: string;
  width?: number;
  dash?: number[];
  /** Radius of a dot drawn at every point (0: none). */
  dots?: number;
  /** Marks drawn at the first / last point. */
  startMark?: boolean;
  endMark?: boolean;
  /** A vertical line at x (ignores y). */
  vertical?: boolean;
}

/** One row of the readout next to the chart. */
export interface ReadoutRow {
  label: string;
  text: string;
  color?: string;
}

/** What an explorable computes for one set of slider values. */
export interface Drawing {
  lines: Line[];
  readout: ReadoutRow[];
  /** The numbers behind the lines, exposed on the element for tests (e.g. each optimizer's path). */
  data: Record<string, unknown>;
}

/** An explorable: its static chart and its recompute step, shared by Node and the page. */
export interface Explorable<S extends WidgetBase> {
  /** The static Plotly figure (axes fixed): drawn once; the lines go on a canvas over it. */
  figure(spec: S): Figure;
  /** Recomputes with the library for these slider values. Pure. */
  compute(spec: S, values: Values): Drawing;
  /** Slider values to set when the chart is clicked at data point (x, y) of subplot `axes`. */
  click?(spec: S, axes: string, x: number, y: number): Values | undefined;
}
