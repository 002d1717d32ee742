/**
 * The two exponential moving averages Adam and its relatives keep (new arrays, inputs untouched):
 *   m_t = beta1 * m_{t-1} + (1 - beta1) * grad_t
 *   v_t = beta2 * v_{t-1} + (1 - beta2) * grad_t^2
 */
import type { Vector } from "./types";

export function firstMoment(m: Float64Array, grad: Vector, beta1: number): Float64Array {
  const out = new Float64Array(m.length);
  for (let i = 0; i < m.length; i++) out[i] = beta1 * m[i] + (1 - beta1) * grad[i];
  return out;
}

export function secondMoment(v: Float64Array, grad: Vector, beta2: number): Float64Array {
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = beta2 * v[i] + (1 - beta2) * (grad[i] * grad[i]);
  return out;
}

/** x / (1 - beta^t), element-wise: the bias correction. */
export function biasCorrected(x: Float64Array, beta: number, t: number): Float64Array {
  const c = 1 - Math.pow(beta, t);
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i] / c;
  return out;
}

/** Hyperparameters every Adam-family optimizer shares. */
export interface AdamFamilyOptions {
  beta1?: number;
  beta2?: number;
  eps?: number;
}
