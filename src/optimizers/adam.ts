import type { AdamHyperparameters } from "./hyperparameters";
import * as check from "../validate";
import { defineOptimizer, lectureOnly, zeros } from "./common";
import { adamLikeOptions, type AdamLikeHyper, type AdamLikeOptions } from "./moments";
import type { Optimizer, StepResult, Vector } from "./types";

export interface AdamOptions extends AdamLikeOptions {
  /** Divide m and v by (1 - beta^t) [true]; false is the lecture's "Adam-No-BC" (lecture flavor only). */
  biasCorrection?: boolean;
}

export interface AdamState {
  readonly t: number;
  readonly m: Float64Array;
  readonly v: Float64Array;
  /** m / (1 - beta1^t) (equal to m without bias correction). */
  readonly mHat: Float64Array;
  /** v / (1 - beta2^t) (equal to v without bias correction). */
  readonly vHat: Float64Array;
  readonly [key: string]: number | Float64Array;
}

export interface AdamHyper extends AdamLikeHyper {
  biasCorrection: boolean;
}

/**
 * One Adam update (shared by adam and adamw). Lecture: w - eta * mHat / (sqrt(vHat) + eps), or with
 * AdamW's decay (lecture flavor only; the torch flavor decays the weights before calling this)
 * w - eta * (mHat / (sqrt(vHat) + eps) + weightDecay * w).
 * Torch: w - (eta / (1 - beta1^t)) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps), torch.optim.Adam's order.
 */
export function adamStep(grad: Vector, state: AdamState, params: Vector, eta: number, h: AdamHyper, weightDecay = 0): StepResult<AdamState> {
  const n = params.length;
  const t = state.t + 1;
  const m = new Float64Array(n);
  const v = new Float64Array(n);
  const mHat = new Float64Array(n);
  const vHat = new Float64Array(n);
  const w = new Float64Array(n);
  const rate = new Float64Array(n);
  const bc1 = 1 - Math.pow(h.beta1, t);
  const bc2 = 1 - Math.pow(h.beta2, t);
  const bc2Sqrt = Math.sqrt(bc2);
  const { beta1, beta2, eps } = h;
  for (let i = 0; i < n; i++) {
    const g = grad[i];
    m[i] = beta1 * state.m[i] + (1 - beta1) * g;
    v[i] = beta2 * state.v[i] + (1 - beta2) * (g * g);
    mHat[i] = h.biasCorrection ? m[i] / bc1 : m[i];
    vHat[i] = h.biasCorrection ? v[i] / bc2 : v[i];
    if (h.torch) {
      const denom = Math.sqrt(v[i]) / bc2Sqrt + eps;
      rate[i] = eta / denom;
      w[i] = params[i] - (eta / bc1) * (m[i] / denom);
    } else {
      const denom = Math.sqrt(vHat[i]) + eps;
      rate[i] = eta / denom;
      // AdamW (lecture): w - eta (mHat / (sqrt(vHat) + eps) + lambda w), the slide's formula as written
      w[i] = weightDecay === 0 ? params[i] - eta * (mHat[i] / denom) : params[i] - eta * (mHat[i] / denom + weightDecay * params[i]);
    }
  }
  return { params: w, state: { t, m, v, mHat, vHat }, effectiveRate: rate };
}

/** Adds the bias-correction switch (lecture-only when false) to the shared Adam-family hyperparameters. */
export function adamHyper(fn: string, h: AdamLikeHyper, biasCorrection: unknown): AdamHyper {
  lectureOnly(fn, h.flavor, "biasCorrection", biasCorrection, true);
  return { ...h, biasCorrection: check.bool(fn, "biasCorrection", biasCorrection ?? true) };
}

export function adamInit(n: number): AdamState {
  return { t: 0, m: zeros(n), v: zeros(n), mHat: zeros(n), vHat: zeros(n) };
}

/**
 * Adam: momentum (first moment m) plus RMSProp (second moment v), both bias-corrected.
 *
 *   m_t = beta1 * m_{t-1} + (1 - beta1) * grad_t          mHat_t = m_t / (1 - beta1^t)
 *   v_t = beta2 * v_{t-1} + (1 - beta2) * grad_t^2        vHat_t = v_t / (1 - beta2^t)
 *   w_{t+1} = w_t - eta / (sqrt(vHat_t) + eps) * mHat_t
 *
 * biasCorrection: false uses m and v directly (lecture flavor only). Effective rate:
 * eta / (sqrt(vHat_t) + eps), the factor on mHat. Flavors: the same formula; "torch" evaluates it in
 * torch.optim.Adam's order (step size eta / (1 - beta1^t), denominator sqrt(v)/sqrt(1 - beta2^t) + eps),
 * which differs from the lecture's only by rounding.
 * @example optimizers.adam({ eta: 0.1 })
 */
export function adam(opts: AdamOptions): Optimizer<AdamState, AdamHyperparameters> {
  const fn = "adam";
  const parsed = adamLikeOptions<AdamOptions>(fn, opts, ["biasCorrection"]);
  const h = adamHyper(fn, parsed.h, parsed.o.biasCorrection);
  const eta = h.eta;
  return defineOptimizer({
    name: fn,
    flavor: h.flavor,
    hyper: { eta, beta1: h.beta1, beta2: h.beta2, eps: h.eps, biasCorrection: h.biasCorrection },
    stateKeys: ["m", "v", "mHat", "vHat"],
    initState: adamInit,
    step: (grad, state, params, eta) => adamStep(grad, state, params, eta, h),
  });
}
