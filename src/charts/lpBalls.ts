import { fail } from "../validate";
import { baseLayout, colorFor, positiveIntOption, roundAll } from "./common";
import type { Figure, Trace } from "./types";

export interface LpBallsOptions {
  title?: string;
  /** Points per curve (default 201). */
  points?: number;
}

/**
 * Boundary of the unit ball {x : (|x1|^p + |x2|^p)^(1/p) = 1}, traced by angle: with c = cos θ and
 * s = sin θ, (sign(c)|c|^(2/p), sign(s)|s|^(2/p)) satisfies |x1|^p + |x2|^p = c^2 + s^2 = 1.
 * p = Infinity gives the square max(|x1|, |x2|) = 1.
 */
export function lpBallPoints(p: number, points: number): { x: number[]; y: number[] } {
  const x: number[] = [];
  const y: number[] = [];
  for (let k = 0; k < points; k++) {
    const theta = (2 * Math.PI * k) / (points - 1);
    const c = Math.cos(theta);
    const s = Math.sin(theta);
    if (p === Infinity) {
      const m = Math.max(Math.abs(c), Math.abs(s));
      x.push(c / m);
      y.push(s / m);
    } else {
      x.push(Math.sign(c) * Math.abs(c) ** (2 / p));
      y.push(Math.sign(s) * Math.abs(s) ** (2 / p));
    }
  }
  return { x, y };
}

/**
 * L^p unit balls for several p, on equal axes: as p grows the ball approaches the max-norm square.
 * @example charts.lpBalls([1, 2, 4, Infinity])
 */
export function lpBalls(ps: number[] = [0.5, 1, 2, 4, 10, Infinity], options: LpBallsOptions = {}): Figure {
  const fn = "charts.lpBalls";
  if (!Array.isArray(ps) || ps.length === 0) fail(fn, "ps", "a non-empty array of p values", ps);
  const points = positiveIntOption(fn, "points", options.points, 201);
  if (points < 5) fail(fn, "points", "an integer >= 5", points);
  const data: Trace[] = ps.map((p, k) => {
    if (typeof p !== "number" || !(p > 0)) fail(fn, `ps[${k}]`, "a number > 0 (or Infinity)", p);
    const { x, y } = lpBallPoints(p, points);
    return {
      type: "scatter", mode: "lines", name: p === Infinity ? "p = \u221E (max)" : `p = ${p}`,
      x: roundAll(x), y: roundAll(y), line: { color: colorFor(`p${p}`, k), width: 2 },
    };
  });
  return {
    data,
    layout: baseLayout(options.title ?? "Unit balls ||x||_p = 1", {
      width: 520,
      height: 520,
      xaxis: { title: { text: "x1" }, range: [-1.25, 1.25], zeroline: true },
      yaxis: { title: { text: "x2" }, range: [-1.25, 1.25], scaleanchor: "x", scaleratio: 1, zeroline: true },
    }),
  };
}
