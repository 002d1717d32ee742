/**
 * A plain line chart of named number series, used by the L^p-norm / MaxProp / AdaMax notebook
 * (notebooks/06-lp-norms-maxprop-adamax.ipynb) for gradient profiles and effective rates that are
 * not runs of train() (and by notebook 07). Show it with `show(figure)`.
 */
import type { Figure, Trace } from "../charts/types";
import * as check from "../validate";

/** Options of `lineChart`. */
export interface LineChartOptions {
  title?: string;
  xTitle?: string;
  yTitle?: string;
  logY?: boolean;
  /** x values (default 1..n). */
  x?: ArrayLike<number>;
  /** Draw markers as well as lines (for short sequences). */
  markers?: boolean;
}

const COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"];

/**
 * Named series over t = 1..n (or `options.x`), values rounded to 5 significant digits, non-finite
 * values left out (null).
 * @example lineChart({ gradient: [3, 1, 0.5] }, { markers: true })
 */
export function lineChart(series: Record<string, ArrayLike<number>>, options: LineChartOptions = {}): Figure {
  const fn = "lessons.lpNorms.lineChart";
  if (!series || typeof series !== "object" || Array.isArray(series) || Object.keys(series).length === 0) {
    check.fail(fn, "series", "an object of named number arrays like {ema: [...], max: [...]}", series);
  }
  const entries = Object.entries(series);
  const n = entries[0][1]?.length;
  const x = options.x ? Array.from(check.finiteVector(fn, "options.x", options.x)) : Array.from({ length: n }, (_, i) => i + 1);
  const data: Trace[] = entries.map(([name, values], k) => {
    if (!values || typeof values.length !== "number" || values.length !== x.length) {
      check.fail(fn, `series.${name}`, `an array of ${x.length} numbers`, values);
    }
    const y = Array.from(values, (v) => (Number.isFinite(v) ? Number(v.toPrecision(5)) : null));
    return {
      type: "scatter", mode: options.markers ? "lines+markers" : "lines", name, x, y,
      line: { color: COLORS[k % COLORS.length], width: 2 },
    };
  });
  return {
    data,
    layout: {
      ...(options.title ? { title: { text: options.title } } : {}),
      height: 420,
      margin: { l: 60, r: 20, t: options.title ? 50 : 20, b: 50 },
      legend: { orientation: "h", y: -0.2 },
      xaxis: { title: { text: options.xTitle ?? "t" } },
      yaxis: { title: { text: options.yTitle ?? "value" }, type: options.logY ? "log" : "linear" },
    },
  };
}
