/**
 * `explore.lpBall`: the unit ball of the L^p norm as p goes from 1 to infinity, with a vector x,
 * its norms and the point x / ||x||_p where the ray through x meets the ball. Drag p towards
 * infinity and the ball becomes the max-norm square: ||x||_p -> max |x_i| (AdaMax's idea).
 */
import { lpBallPoints } from "../charts/lpBalls";
import type { Figure, Trace } from "../charts/types";
import { fail } from "../validate";
import { checkSliderKeys, makeSlider, type SliderOptions } from "./sliders";
import { WIDGET_TYPE, type Drawing, type Explorable, type Values, type WidgetBase } from "./types";

export interface LpBallWidget extends WidgetBase {
  kind: "lpBall";
}

export interface ExploreLpBallOptions {
  /** Sliders p (1 to infinity), x1, x2 (the vector): {min?, max?, value?, ...} or a start value. */
  sliders?: Record<string, SliderOptions | number>;
  title?: string;
  hint?: string;
}

const FN = "explore.lpBall";
const LIMIT = 1.6;
const REFERENCE = [[1, "#bbbbbb"], [2, "#999999"], [Infinity, "#777777"]] as const;

/**
 * A widget: the L^p unit ball for a p slider from 1 to infinity.
 * @example
 * import { explore, show } from "adaptive-lr";
 * show(explore.lpBall({ sliders: { p: 2 } }));
 */
export function lpBallWidget(opts: ExploreLpBallOptions = {}): LpBallWidget {
  if (opts === null || typeof opts !== "object") fail(FN, "options", "an object {sliders?}", opts);
  for (const k of Object.keys(opts)) {
    if (!["sliders", "title", "hint"].includes(k)) throw new Error(`${FN}: unknown option ${JSON.stringify(k)} (use sliders, title, hint)`);
  }
  const user = checkSliderKeys(FN, opts.sliders, ["p", "x1", "x2"]);
  const sliders = [
    makeSlider(FN, "p", { label: "p", min: 1, max: Infinity, value: 2, scale: "infinity" }, user.p),
    makeSlider(FN, "x1", { label: "x\u2081", min: -1.5, max: 1.5, value: 1.2, scale: "linear" }, user.x1),
    makeSlider(FN, "x2", { label: "x\u2082", min: -1.5, max: 1.5, value: 0.6, scale: "linear" }, user.x2),
  ];
  return { type: WIDGET_TYPE, kind: "lpBall", title: opts.title ?? "The L\u1d56 unit ball from p = 1 to \u221e", ...(opts.hint !== undefined ? { hint: String(opts.hint) } : {}), sliders };
}

/** max |x_i|, the L-infinity norm. */
function maxNorm(x: readonly number[]): number {
  return x.reduce((m, xi) => Math.max(m, Math.abs(xi)), 0);
}

/**
 * ||x||_p computed without under- or overflow for large p: with M = max |x_i|,
 * M (sum (|x_i| / M)^p)^(1/p) (every term in [0, 1]); p = Infinity gives M.
 */
export function lpNorm(x: readonly number[], p: number): number {
  const m = maxNorm(x);
  if (p === Infinity || m === 0) return m;
  let sum = 0;
  for (const xi of x) sum += Math.pow(Math.abs(xi) / m, p);
  return m * Math.pow(sum, 1 / p);
}

const pText = (p: number) => (p === Infinity ? "\u221e" : String(p));

export const lpBallExplorable: Explorable<LpBallWidget> = {
  figure(): Figure {
    const data: Trace[] = REFERENCE.map(([p, color]) => {
      const b = lpBallPoints(p, 201);
      return { type: "scatter", mode: "lines", x: b.x, y: b.y, line: { color, width: 1, dash: "dot" }, name: `p = ${pText(p)}`, hoverinfo: "name" };
    });
    return {
      data,
      layout: {
        width: 520, height: 500, margin: { l: 50, r: 20, t: 20, b: 45 }, showlegend: false,
        xaxis: { range: [-LIMIT, LIMIT], title: { text: "x\u2081" }, zeroline: true },
        yaxis: { range: [-LIMIT, LIMIT], title: { text: "x\u2082" }, zeroline: true, scaleanchor: "x", scaleratio: 1 },
      },
    };
  },
  compute(_spec: LpBallWidget, values: Values): Drawing {
    const p = values.p;
    const x = [values.x1, values.x2];
    const ball = lpBallPoints(p, 401);
    const norm = lpNorm(x, p);
    const onBall = norm > 0 ? [x[0] / norm, x[1] / norm] : [0, 0];
    const f = (v: number) => v.toFixed(4);
    return {
      lines: [
        { axes: "xy", x: ball.x, y: ball.y, color: "#1f77b4", width: 3 },
        { axes: "xy", x: [0, x[0]], y: [0, x[1]], color: "#d62728", width: 1.5, endMark: true },
        { axes: "xy", x: [onBall[0]], y: [onBall[1]], color: "#1f77b4", dots: 5 },
      ],
      readout: [
        { label: `\u2016x\u2016_${pText(p)}`, color: "#1f77b4", text: `${f(norm)} for x = (${x[0]}, ${x[1]}); the blue dot is x / \u2016x\u2016_${pText(p)}` },
        { label: "for reference", text: `\u2016x\u2016\u2081 = ${f(lpNorm(x, 1))}, \u2016x\u2016\u2082 = ${f(lpNorm(x, 2))}, \u2016x\u2016\u221e = max |x\u1d62| = ${f(maxNorm(x))}` },
      ],
      data: { p, norm, ball },
    };
  },
  click(_spec: LpBallWidget, axes: string, x: number, y: number): Values | undefined {
    if (axes !== "xy") return undefined;
    const clamp = (v: number) => Math.min(1.5, Math.max(-1.5, Number(v.toFixed(2))));
    return { x1: clamp(x), x2: clamp(y) };
  },
};
