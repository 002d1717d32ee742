import { checkUpdate, initVector } from "../optimizers/common";
import type { BaseHyper, LearningRate, Optimizer, OptimizerState, UpdateResult, Vector } from "../optimizers/types";
import * as check from "../validate";
import type { GradientTransformation, TransformState } from "./types";

/** A chain's state: t plus every transformation's vectors (their keys never clash). */
export interface ChainState extends OptimizerState {
  readonly [key: string]: number | Float64Array;
}

export interface ChainHyper extends BaseHyper {
  /** Each transformation's name and hyperparameters, in order. */
  readonly transforms: readonly { readonly name: string; readonly hyper: Readonly<Record<string, unknown>> }[];
}

/**
 * Composes gradient transformations into an optimizer (optax's `chain`): the gradient goes
 * through each transformation in order and the parameters move by the result,
 *
 *   u_0 = grad_t;   u_k = T_k(u_{k-1});   w_{t+1} = w_t + u_K
 *
 * The update's eta is scaleByLearningRate's (1 without one); the effective rate per parameter is
 * the product of the scalings' factors (e.g. eta / (sqrt(vHat) + eps) for Adam).
 * @example
 * // AdamW, bit for bit the same as optimizers.adamw({ eta: 0.1, weightDecay: 0.01 })
 * const adamw = transforms.chain(transforms.scaleByAdam(), transforms.addDecayedWeights(0.01), transforms.scaleByLearningRate(0.1));
 */
export function chain(...transforms: GradientTransformation[]): Optimizer<ChainState, ChainHyper> {
  return namedChain("chain", `chain(${transforms.map((t) => (t && typeof t === "object" ? t.name : "?")).join(", ")})`, transforms);
}

/** A chain under its own name (e.g. "lion"); `fn` names the caller in errors. */
export function namedChain(fn: string, name: string, transforms: GradientTransformation[]): Optimizer<ChainState, ChainHyper> {
  if (transforms.length === 0) check.fail(fn, "transforms", "at least one gradient transformation", transforms);
  transforms.forEach((t, i) => {
    if (!t || typeof t !== "object" || typeof t.update !== "function" || typeof t.init !== "function" || !Array.isArray(t.stateKeys)) {
      check.fail(fn, `transforms[${i}]`, "a gradient transformation such as transforms.scaleByAdam()", t);
    }
  });
  const owner = new Map<string, string>();
  for (const t of transforms) {
    for (const key of t.stateKeys) {
      if (key === "t" || owner.has(key)) {
        throw new Error(`${fn}: state key "${key}" of ${t.name} clashes with ${key === "t" ? "the step counter t" : owner.get(key)}; a chain can hold each state vector once`);
      }
      owner.set(key, t.name);
    }
  }
  const stateKeys = Object.freeze(transforms.flatMap((t) => [...t.stateKeys]));
  const eta = transforms.find((t) => t.name === "scaleByLearningRate")?.hyper.eta as LearningRate | undefined;
  const hyper: ChainHyper = Object.freeze({
    eta: eta ?? 1,
    flavor: "lecture" as const,
    transforms: Object.freeze(transforms.map((t) => Object.freeze({ name: t.name, hyper: t.hyper }))),
  });
  const sub = (state: ChainState, t: GradientTransformation): TransformState => {
    const out: TransformState = {};
    for (const key of t.stateKeys) out[key] = state[key] as Float64Array;
    return out;
  };
  return Object.freeze({
    name,
    flavor: "lecture" as const,
    hyper,
    stateKeys,
    init(params: Vector): ChainState {
      const n = initVector(name, params).length;
      const state: Record<string, number | Float64Array> = { t: 0 };
      for (const t of transforms) Object.assign(state, t.init(n));
      return state as ChainState;
    },
    update(grad: Vector, state: ChainState, params: Vector): UpdateResult<ChainState> {
      checkUpdate(name, grad, state, params, stateKeys);
      const n = params.length;
      const w0 = params instanceof Float64Array ? params : Float64Array.from(params);
      const t = state.t + 1;
      let u = grad instanceof Float64Array ? grad : Float64Array.from(grad);
      const next: Record<string, number | Float64Array> = { t };
      const rate = new Float64Array(n).fill(1);
      let etaT = 1;
      for (const tr of transforms) {
        const r = tr.update(u, sub(state, tr), w0, t);
        u = r.updates;
        Object.assign(next, r.state);
        if (typeof r.scale === "number") for (let i = 0; i < n; i++) rate[i] *= r.scale;
        else if (r.scale) for (let i = 0; i < n; i++) rate[i] *= r.scale[i];
        if (r.eta !== undefined) etaT = r.eta;
      }
      const w = new Float64Array(n);
      for (let i = 0; i < n; i++) w[i] = w0[i] + u[i];
      return { params: w, state: next as ChainState, effectiveRate: rate, eta: etaT };
    },
    gradientPoint(params: Vector): Float64Array {
      return params instanceof Float64Array ? params.slice() : Float64Array.from(params);
    },
  });
}
