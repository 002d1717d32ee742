import { fail } from "../validate";
import { baseLayout, roundAll } from "./common";
import type { Figure, Trace } from "./types";

export interface AveragingEstimatesInput {
  /** The noisy observations (e.g. `datasets.noisyCurve().observed`). */
  observed: ArrayLike<number>;
  /** x values (default 1..n). */
  t?: ArrayLike<number>;
  /** The noiseless curve, if known. */
  truth?: ArrayLike<number>;
  /** Exponential moving average without bias correction (Adam's m). */
  ema?: ArrayLike<number>;
  /** The bias-corrected average (Adam's m̂). */
  biasCorrected?: ArrayLike<number>;
  /** The max-norm estimate max(beta v, |g|) (AdaMax's v). */
  maxNorm?: ArrayLike<number>;
  title?: string;
}

const SERIES: Array<[keyof AveragingEstimatesInput, string, Record<string, unknown>]> = [
  ["truth", "true curve", { color: "black", dash: "dot", width: 2 }],
  ["ema", "exponential average", { color: "#d62728", width: 2 }],
  ["biasCorrected", "bias-corrected average", { color: "#2ca02c", width: 2 }],
  ["maxNorm", "max norm", { color: "#9467bd", width: 2 }],
];

/**
 * Noisy observations with the estimates built from them: the plain exponential average (biased
 * towards 0 at the start), its bias-corrected version and the max-norm estimate.
 * @example
 * const { observed, truth } = datasets.noisyCurve({ n: 50, seed: 3 });
 * charts.averagingEstimates({ observed, truth });
 */
export function averagingEstimates(input: AveragingEstimatesInput): Figure {
  const fn = "charts.averagingEstimates";
  if (input === null || typeof input !== "object") fail(fn, "input", "an object {observed, ema?, biasCorrected?, maxNorm?}", input);
  const observed = input.observed;
  if (!observed || typeof observed.length !== "number" || observed.length === 0) {
    fail(fn, "input.observed", "a non-empty array of numbers", observed);
  }
  const n = observed.length;
  const t = input.t ? Array.from(input.t) : Array.from({ length: n }, (_, i) => i + 1);
  if (t.length !== n) fail(fn, "input.t", `an array of length ${n}`, input.t);
  const data: Trace[] = [{
    type: "scatter", mode: "markers", name: "observed", x: roundAll(t), y: roundAll(observed),
    marker: { color: "#1f77b4", size: 5, opacity: 0.6 },
  }];
  for (const [key, name, line] of SERIES) {
    const values = input[key] as ArrayLike<number> | undefined;
    if (values === undefined) continue;
    if (typeof values.length !== "number" || values.length !== n) fail(fn, `input.${String(key)}`, `an array of length ${n}`, values);
    data.push({ type: "scatter", mode: "lines", name, x: roundAll(t), y: roundAll(values), line });
  }
  if (data.length === 1) fail(fn, "input", "at least one of truth, ema, biasCorrected, maxNorm", Object.keys(input));
  return {
    data,
    layout: baseLayout(input.title, { xaxis: { title: { text: "t" } }, yaxis: { title: { text: "value" } } }),
  };
}
