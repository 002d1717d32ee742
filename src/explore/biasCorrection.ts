/**
 * `explore.biasCorrection`: Adam's moments on a stream of gradients, with and without bias
 * correction. Sliders β₁, β₂ and t; three panels: m and m̂ against the gradients, v and v̂
 * against the squared gradients, and the step |Δw| / η with and without correction (log axis).
 * Every number comes from `optimizers.adam` replaying the gradients (no copy of its rule here).
 */
import type { Figure, Trace } from "../charts/types";
import { noisyCurve } from "../datasets/noisyCurve";
import { adam } from "../optimizers/adam";
import { fail } from "../validate";
import { checkSliderKeys, makeSlider, type SliderOptions } from "./sliders";
import { WIDGET_TYPE, type Drawing, type Explorable, type Values, type WidgetBase } from "./types";

export interface BiasCorrectionWidget extends WidgetBase {
  kind: "biasCorrection";
  /** The gradient stream g_1, g_2, ... (one parameter). */
  grads: number[];
  eps: number;
}

export interface ExploreBiasCorrectionOptions {
  /** Gradients g_1..g_n [datasets.noisyCurve().observed: 100 noisy values around 1.5]. */
  grads?: number[];
  /** Sliders beta1, beta2, t: {min?, max?, value?, ...} or a start value. */
  sliders?: Record<string, SliderOptions | number>;
  /** Adam's eps [1e-8]. */
  eps?: number;
  title?: string;
  hint?: string;
}

const FN = "explore.biasCorrection";
const COLORS = { corrected: "#e377c2", raw: "#1f77b4", grads: "rgba(120,120,120,0.55)", t: "#444" };

/**
 * A widget: Adam's m, m̂, v, v̂ and step size over a gradient stream.
 * @example
 * import { explore, show } from "adaptive-lr";
 * show(explore.biasCorrection({ sliders: { beta2: 0.999, t: 3 } }));
 */
export function biasCorrectionWidget(opts: ExploreBiasCorrectionOptions = {}): BiasCorrectionWidget {
  if (opts === null || typeof opts !== "object") fail(FN, "options", "an object {grads?, sliders?, eps?}", opts);
  for (const k of Object.keys(opts)) {
    if (!["grads", "sliders", "eps", "title", "hint"].includes(k)) throw new Error(`${FN}: unknown option ${JSON.stringify(k)} (use grads, sliders, eps, title, hint)`);
  }
  const grads = opts.grads ?? noisyCurve().observed.map((g) => Number(g.toPrecision(6)));
  if (!Array.isArray(grads) || grads.length < 2 || grads.length > 2000 || !grads.every((g) => typeof g === "number" && Number.isFinite(g))) {
    fail(FN, "grads", "an array of 2 to 2000 finite numbers", grads);
  }
  const eps = opts.eps ?? 1e-8;
  if (typeof eps !== "number" || !(eps >= 0)) fail(FN, "eps", "a number >= 0", eps);
  const user = checkSliderKeys(FN, opts.sliders, ["beta1", "beta2", "t"]);
  const sliders = [
    makeSlider(FN, "beta1", { label: "\u03b2\u2081", min: 0, max: 0.99, value: 0.9, scale: "linear" }, user.beta1),
    makeSlider(FN, "beta2", { label: "\u03b2\u2082", min: 0.5, max: 0.9999, value: 0.999, scale: "log1m" }, user.beta2),
    makeSlider(FN, "t", { label: "t", min: 1, max: grads.length, value: 3, scale: "linear", integer: true }, user.t),
  ];
  return {
    type: WIDGET_TYPE, kind: "biasCorrection", title: opts.title ?? "Adam's moments with and without bias correction",
    ...(opts.hint !== undefined ? { hint: String(opts.hint) } : {}), sliders, grads, eps,
  };
}

/** m, v, m̂, v̂ and the step |Δw| / η after each gradient, with and without bias correction. */
export function replay(spec: BiasCorrectionWidget, values: Values): { m: number[]; v: number[]; mHat: number[]; vHat: number[]; step: number[]; rawStep: number[] } {
  const out = { m: [] as number[], v: [] as number[], mHat: [] as number[], vHat: [] as number[], step: [] as number[], rawStep: [] as number[] };
  const h = { eta: 1, beta1: values.beta1, beta2: values.beta2, eps: spec.eps };
  for (const [corrected, opt] of [[true, adam(h)], [false, adam({ ...h, biasCorrection: false })]] as const) {
    let state = opt.init([0]);
    let params: Float64Array = new Float64Array(1);
    for (const g of spec.grads) {
      const r = opt.update([g], state, params);
      const step = Math.abs(r.params[0] - params[0]);
      if (corrected) {
        out.m.push(r.state.m[0]);
        out.v.push(r.state.v[0]);
        out.mHat.push(r.state.mHat[0]);
        out.vHat.push(r.state.vHat[0]);
        out.step.push(step);
      } else {
        out.rawStep.push(step);
      }
      state = r.state;
      params = r.params;
    }
  }
  return out;
}

function span(values: number[], pad: number): [number, number] {
  const lo = Math.min(0, ...values), hi = Math.max(...values);
  return [lo - pad * (hi - lo), hi + pad * (hi - lo)];
}

export const biasCorrectionExplorable: Explorable<BiasCorrectionWidget> = {
  figure(spec: BiasCorrectionWidget): Figure {
    const t = spec.grads.map((_, k) => k + 1);
    const sq = spec.grads.map((g) => g * g);
    const marker = { color: COLORS.grads, size: 4 };
    const data: Trace[] = [
      { type: "scatter", mode: "markers", x: t, y: spec.grads, marker, name: "g\u209c", hoverinfo: "x+y" },
      { type: "scatter", mode: "markers", x: t, y: sq, marker, name: "g\u209c\u00b2", xaxis: "x2", yaxis: "y2", hoverinfo: "x+y" },
      { type: "scatter", mode: "markers", x: [1], y: [1], marker: { opacity: 0 }, xaxis: "x3", yaxis: "y3", hoverinfo: "skip" },
    ];
    const x = (domain: [number, number], anchor: string) => ({ domain, range: [0, spec.grads.length + 1], title: { text: "t" }, anchor });
    return {
      data,
      layout: {
        height: 380, margin: { l: 50, r: 15, t: 40, b: 45 }, showlegend: false,
        annotations: [
          { text: "m\u0302, m (dashed), g\u209c", x: 0.14, y: 1.08, xref: "paper", yref: "paper", showarrow: false },
          { text: "v\u0302, v (dashed), g\u209c\u00b2", x: 0.5, y: 1.08, xref: "paper", yref: "paper", showarrow: false },
          { text: "step / \u03b7, raw (dashed)", x: 0.86, y: 1.08, xref: "paper", yref: "paper", showarrow: false },
        ],
        xaxis: x([0, 0.28], "y"), yaxis: { range: span(spec.grads, 0.08), anchor: "x" },
        xaxis2: x([0.36, 0.64], "y2"), yaxis2: { range: span(sq, 0.08), anchor: "x2" },
        xaxis3: x([0.72, 1], "y3"), yaxis3: { type: "log", range: [-3, 2.3], anchor: "x3" },
      },
    };
  },
  compute(spec: BiasCorrectionWidget, values: Values): Drawing {
    const r = replay(spec, values);
    const ts = spec.grads.map((_, k) => k + 1);
    const k = Math.min(spec.grads.length, Math.max(1, Math.round(values.t))) - 1;
    const dash = [6, 4];
    const mark = (axes: string) => ({ axes, x: [k + 1, k + 1], y: [0, 0], color: COLORS.t, width: 1, vertical: true, dash: [2, 3] });
    const f = (v: number) => v.toPrecision(4);
    const t = k + 1;
    return {
      lines: [
        { axes: "xy", x: ts, y: r.m, color: COLORS.raw, width: 2, dash },
        { axes: "xy", x: ts, y: r.mHat, color: COLORS.corrected, width: 2 },
        { axes: "x2y2", x: ts, y: r.v, color: COLORS.raw, width: 2, dash },
        { axes: "x2y2", x: ts, y: r.vHat, color: COLORS.corrected, width: 2 },
        { axes: "x3y3", x: ts, y: r.rawStep, color: COLORS.raw, width: 2, dash },
        { axes: "x3y3", x: ts, y: r.step, color: COLORS.corrected, width: 2 },
        mark("xy"), mark("x2y2"), mark("x3y3"),
      ],
      readout: [
        { label: `t = ${t}`, text: `g = ${f(spec.grads[k])}; 1 \u2212 \u03b2\u2081\u1d57 = ${f(1 - Math.pow(values.beta1, t))}, 1 \u2212 \u03b2\u2082\u1d57 = ${f(1 - Math.pow(values.beta2, t))}` },
        { label: "first moment", color: COLORS.corrected, text: `m = ${f(r.m[k])}, m\u0302 = ${f(r.mHat[k])}` },
        { label: "second moment", color: COLORS.corrected, text: `v = ${f(r.v[k])}, v\u0302 = ${f(r.vHat[k])}` },
        { label: "step / \u03b7", color: COLORS.corrected, text: `corrected ${f(r.step[k])}, without correction ${f(r.rawStep[k])}` },
      ],
      data: r,
    };
  },
};
