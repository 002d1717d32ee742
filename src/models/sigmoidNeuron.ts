import type { PointData } from "../datasets/types";
import * as check from "../validate";
import type { Model } from "./types";

/** The neuron's output f(x) = 1 / (1 + exp(-(w x + b))). */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

function validatePoints(data: PointData, caller: string): number {
  if (data === null || typeof data !== "object") check.fail(caller, "data", "an object {x, y}", data);
  const { x, y } = data as PointData;
  if (!x || typeof x.length !== "number") check.fail(caller, "data.x", "an array of numbers", x);
  if (!y || typeof y.length !== "number") check.fail(caller, "data.y", "an array of numbers", y);
  if (x.length === 0) check.fail(caller, "data", "non-empty (at least one point)", data);
  if (x.length !== y.length) {
    throw new Error(`${caller}: data.x and data.y must have the same length, got ${x.length} and ${y.length}`);
  }
  for (let i = 0; i < x.length; i++) {
    if (typeof x[i] !== "number" || !Number.isFinite(x[i])) check.fail(caller, `data.x[${i}]`, "a finite number", x[i]);
    if (typeof y[i] !== "number" || !Number.isFinite(y[i])) check.fail(caller, `data.y[${i}]`, "a finite number", y[i]);
  }
  return x.length;
}

/** Summed loss, one point at a time (the reference the grouped surface is tested against). */
function pointwiseLoss(w: number, b: number, data: PointData): number {
  let sum = 0;
  for (let i = 0; i < data.x.length; i++) {
    const f = sigmoid(w * data.x[i] + b);
    const r = f - data.y[i];
    sum += 0.5 * r * r;
  }
  return sum;
}

/** Points grouped by equal x: for each distinct x, the count, the sum of y and the sum of y^2. */
interface XGroups {
  x: Float64Array;
  count: Float64Array;
  sumY: Float64Array;
  sumY2: Float64Array;
}

function groupByX(data: PointData): XGroups {
  const byX = new Map<number, [number, number, number]>();
  for (let i = 0; i < data.x.length; i++) {
    const g = byX.get(data.x[i]);
    const y = data.y[i];
    if (g) {
      g[0] += 1;
      g[1] += y;
      g[2] += y * y;
    } else {
      byX.set(data.x[i], [1, y, y * y]);
    }
  }
  const k = byX.size;
  const out: XGroups = { x: new Float64Array(k), count: new Float64Array(k), sumY: new Float64Array(k), sumY2: new Float64Array(k) };
  let j = 0;
  for (const [x, [c, s, s2]] of byX) {
    out.x[j] = x;
    out.count[j] = c;
    out.sumY[j] = s;
    out.sumY2[j] = s2;
    j++;
  }
  return out;
}

function checkGrid(caller: string, arg: string, values: unknown): Float64Array {
  const v = check.finiteVector(caller, arg, values);
  if (v.length === 0) check.fail(caller, arg, "a non-empty array of numbers", values);
  return v;
}

/**
 * The lecture's sigmoid neuron with one input: f(x) = 1/(1+exp(-(w x + b))), params [w, b].
 *
 * loss = sum_i 1/2 (f(x_i) - y_i)^2 (a SUM over points, not a mean);
 * per point: grad_w = (f - y) f (1 - f) x, grad_b = (f - y) f (1 - f).
 * @example models.sigmoidNeuron.loss([-2, -2], datasets.toy2())
 */
export const sigmoidNeuron = {
  name: "sigmoidNeuron",
  paramNames: (): string[] => ["w", "b"],
  validate: validatePoints,
  loss(params: ArrayLike<number>, data: PointData): number {
    return pointwiseLoss(params[0], params[1], data);
  },
  addPointGradient(params: ArrayLike<number>, data: PointData, i: number, out: Float64Array): void {
    const x = data.x[i];
    const f = sigmoid(params[0] * x + params[1]);
    const common = (f - data.y[i]) * f * (1 - f);
    out[0] += common * x;
    out[1] += common;
  },
  /** Output of the neuron at one input. */
  predict(params: ArrayLike<number>, x: number): number {
    return sigmoid(params[0] * x + params[1]);
  },
  /** Batch gradient [grad_w, grad_b]: the running sum over points in dataset order. */
  gradient(params: ArrayLike<number>, data: PointData): Float64Array {
    validatePoints(data, "sigmoidNeuron.gradient");
    const out = new Float64Array(2);
    for (let i = 0; i < data.x.length; i++) sigmoidNeuron.addPointGradient(params, data, i, out);
    return out;
  },
  /**
   * Summed loss on a (w, b) grid: z[j][i] is the loss at (ws[i], bs[j]) (rows are b, as Plotly's
   * contour expects). Fast path: points with equal x share f, so each distinct x contributes
   * 1/2 (c f^2 - 2 f sum(y) + sum(y^2)); with 80% of x exactly 0 that is ~100 groups instead of 500 points.
   */
  lossSurface(data: PointData, ws: ArrayLike<number>, bs: ArrayLike<number>): number[][] {
    const caller = "sigmoidNeuron.lossSurface";
    validatePoints(data, caller);
    const w = checkGrid(caller, "ws", ws);
    const b = checkGrid(caller, "bs", bs);
    const g = groupByX(data);
    const k = g.x.length;
    const z: number[][] = [];
    for (let j = 0; j < b.length; j++) {
      const row = new Array<number>(w.length);
      for (let i = 0; i < w.length; i++) {
        let sum = 0;
        for (let q = 0; q < k; q++) {
          const f = 1 / (1 + Math.exp(-(w[i] * g.x[q] + b[j])));
          sum += 0.5 * (g.count[q] * f * f - 2 * f * g.sumY[q] + g.sumY2[q]);
        }
        row[i] = sum;
      }
      z.push(row);
    }
    return z;
  },
  /** The same grid as lossSurface, computed point by point (the plain reference). */
  lossSurfacePlain(data: PointData, ws: ArrayLike<number>, bs: ArrayLike<number>): number[][] {
    const caller = "sigmoidNeuron.lossSurfacePlain";
    validatePoints(data, caller);
    const w = checkGrid(caller, "ws", ws);
    const b = checkGrid(caller, "bs", bs);
    const z: number[][] = [];
    for (let j = 0; j < b.length; j++) {
      const row = new Array<number>(w.length);
      for (let i = 0; i < w.length; i++) row[i] = pointwiseLoss(w[i], b[j], data);
      z.push(row);
    }
    return z;
  },
} satisfies Model<PointData> & Record<string, unknown>;
