import type { PointData } from "../datasets/types";
import * as check from "../validate";
import type { Model, PreparedModel } from "./types";

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

/**
 * Points grouped by equal x: for each distinct x (in order of first appearance), the count, the sum
 * of y and the sum of y^2; and for each point, the index of its group.
 */
interface XGroups {
  x: Float64Array;
  count: Float64Array;
  sumY: Float64Array;
  sumY2: Float64Array;
  group: Int32Array;
}

function groupByX(data: PointData): XGroups {
  const n = data.x.length;
  const slot = new Map<number, number>();
  const group = new Int32Array(n);
  const distinct: number[] = [];
  for (let i = 0; i < n; i++) {
    let q = slot.get(data.x[i]);
    if (q === undefined) {
      q = distinct.length;
      slot.set(data.x[i], q);
      distinct.push(data.x[i]);
    }
    group[i] = q;
  }
  const k = distinct.length;
  const out: XGroups = { x: Float64Array.from(distinct), count: new Float64Array(k), sumY: new Float64Array(k), sumY2: new Float64Array(k), group };
  for (let i = 0; i < n; i++) {
    const y = data.y[i];
    out.count[group[i]] += 1;
    out.sumY[group[i]] += y;
    out.sumY2[group[i]] += y * y;
  }
  return out;
}

/**
 * The neuron bound to one dataset: the distinct x values once, and for each point the index of its
 * x. Both evaluate the sigmoid once per distinct x (101 times instead of 500 on the sparse data).
 * batchGradient then sums over the points in dataset order with addPointGradient's arithmetic, so it
 * is bit-identical to the plain running sum; loss uses the per-group closed form
 * 1/2 (c (f - mean y)^2 + sum (y - mean y)^2), equal to the point-by-point sum to ~1e-15.
 */
function prepareNeuron(data: PointData): PreparedModel {
  const n = data.x.length;
  const x = Float64Array.from(data.x);
  const y = Float64Array.from(data.y);
  const { x: xs, count, sumY, group } = groupByX(data);
  const meanY = new Float64Array(xs.length);
  const m2 = new Float64Array(xs.length);
  for (let q = 0; q < xs.length; q++) meanY[q] = sumY[q] / count[q];
  for (let i = 0; i < n; i++) { const d = y[i] - meanY[group[i]]; m2[group[i]] += d * d; }
  const f = new Float64Array(xs.length);
  return {
    loss(params) {
      const w = params[0], b = params[1];
      let sum = 0;
      for (let q = 0; q < xs.length; q++) {
        const fq = sigmoid(w * xs[q] + b);
        const d = fq - meanY[q];
        sum += 0.5 * (count[q] * d * d + m2[q]);
      }
      return sum;
    },
    batchGradient(params, out) {
      for (let q = 0; q < xs.length; q++) f[q] = sigmoid(params[0] * xs[q] + params[1]);
      for (let i = 0; i < n; i++) {
        const fi = f[group[i]];
        const common = (fi - y[i]) * fi * (1 - fi);
        out[0] += common * x[i];
        out[1] += common;
      }
    },
  };
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
  prepare: prepareNeuron,
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
   * Hessian of the summed loss, [[H_ww, H_wb], [H_wb, H_bb]], exact (no finite differences).
   * With z = w x + b, f = sigmoid(z), f' = f (1 - f), f'' = f' (1 - 2 f), each point adds
   * h = d^2/dz^2 1/2 (f - y)^2 = f'^2 + (f - y) f'' times [[x^2, x], [x, 1]].
   * Its largest eigenvalue at the minimum is the curvature that bounds a stable eta
   * (GD: eta * lambda_max < 2).
   * @example models.sigmoidNeuron.hessian([0.9952, -0.7272], datasets.sparse())[1][1] // 23.13
   */
  hessian(params: ArrayLike<number>, data: PointData): [[number, number], [number, number]] {
    const caller = "sigmoidNeuron.hessian";
    validatePoints(data, caller);
    const [w, b] = check.finiteVector(caller, "params", params, 2);
    let hww = 0, hwb = 0, hbb = 0;
    for (let i = 0; i < data.x.length; i++) {
      const x = data.x[i];
      const f = sigmoid(w * x + b);
      const d1 = f * (1 - f);
      const h = d1 * d1 + (f - data.y[i]) * d1 * (1 - 2 * f);
      hww += h * x * x;
      hwb += h * x;
      hbb += h;
    }
    return [[hww, hwb], [hwb, hbb]];
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
    // exp(-(w x + b)) = exp(-w x) * exp(-b): len(ws) * k + len(bs) exponentials instead of
    // len(ws) * len(bs) * k. A factor that under- or overflows falls back to the direct form.
    const ewx = new Float64Array(w.length * k);
    for (let i = 0; i < w.length; i++) for (let q = 0; q < k; q++) ewx[i * k + q] = Math.exp(-w[i] * g.x[q]);
    const z: number[][] = [];
    for (let j = 0; j < b.length; j++) {
      const eb = Math.exp(-b[j]);
      const ebNormal = eb > 0 && eb < Infinity;
      const row = new Array<number>(w.length);
      for (let i = 0; i < w.length; i++) {
        let sum = 0;
        for (let q = 0; q < k; q++) {
          const ea = ewx[i * k + q];
          const f = ebNormal && ea > 0 && ea < Infinity ? 1 / (1 + ea * eb) : 1 / (1 + Math.exp(-(w[i] * g.x[q] + b[j])));
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
