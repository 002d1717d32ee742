/**
 * The two exponential moving averages Adam and its relatives keep (new arrays, inputs untouched):
 *   m_t = beta1 * m_{t-1} + (1 - beta1) * grad_t
 *   v_t = beta2 * v_{t-1} + (1 - beta2) * grad_t^2
 */
import * as check from "../validate";
import { beta, eps as epsOf, flavorOf, learningRate } from "./common";
import type { Flavor, LearningRate, Vector } from "./types";

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

/** Options every Adam-family optimizer takes (adam, adamax, nadam, amsgrad, adamw, radam). */
export interface AdamLikeOptions {
  eta: LearningRate;
  /** Decay of the first moment m [0.9]. */
  beta1?: number;
  /** Decay of the second moment v (or of AdaMax's max norm) [0.999]. */
  beta2?: number;
  /** [1e-8] */
  eps?: number;
  flavor?: Flavor;
}

/** The checked Adam-family hyperparameters, defaults filled in. */
export interface AdamLikeHyper {
  eta: LearningRate;
  beta1: number;
  beta2: number;
  eps: number;
  flavor: Flavor;
  torch: boolean;
}

/**
 * Checks an Adam-family options object (rejecting unknown keys beyond `extraKeys`) and returns it
 * with the shared hyperparameters parsed.
 */
export function adamLikeOptions<O extends AdamLikeOptions>(fn: string, opts: unknown, extraKeys: readonly string[] = []):
  { o: Partial<O>; h: AdamLikeHyper } {
  const o = check.options<O>(fn, opts, ["eta", "beta1", "beta2", "eps", "flavor", ...extraKeys]);
  const flavor = flavorOf(fn, o.flavor);
  const h: AdamLikeHyper = {
    eta: learningRate(fn, o.eta),
    beta1: beta(fn, "beta1", o.beta1, 0.9),
    beta2: beta(fn, "beta2", o.beta2, 0.999),
    eps: epsOf(fn, o.eps, 1e-8),
    flavor,
    torch: flavor === "torch",
  };
  return { o, h };
}
