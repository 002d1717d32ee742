import type { AdamwHyperparameters } from "./hyperparameters";
import * as check from "../validate";
import { defineOptimizer } from "./common";
import { adamHyper, adamInit, adamStep, type AdamState } from "./adam";
import { adamLikeOptions, type AdamLikeOptions } from "./moments";
import type { Optimizer } from "./types";

export interface AdamwOptions extends AdamLikeOptions {
  /** Decoupled weight decay lambda [0.01, torch's default]. */
  weightDecay?: number;
}

/**
 * AdamW: Adam with decoupled weight decay (the decay is applied to w, not added to the gradient).
 *
 *   w_{t+1} = w_t - eta * (mHat_t / (sqrt(vHat_t) + eps) + lambda * w_t)
 *
 * with m, v, mHat, vHat exactly as Adam, evaluated as written (so weightDecay = 0 is Adam bit for bit,
 * and transforms.chain(scaleByAdam(), addDecayedWeights(lambda), scaleByLearningRate(eta)) is this
 * rule bit for bit). Flavors: torch.optim.AdamW multiplies w by (1 - eta * lambda) first, then
 * applies Adam in torch's order — the same math.
 * Effective rate: Adam's, eta / (sqrt(vHat_t) + eps).
 * @example optimizers.adamw({ eta: 0.1, weightDecay: 0.01 })
 */
export function adamw(opts: AdamwOptions): Optimizer<AdamState, AdamwHyperparameters> {
  const fn = "adamw";
  const { o, h: shared } = adamLikeOptions<AdamwOptions>(fn, opts, ["weightDecay"]);
  const h = adamHyper(fn, shared, true);
  const eta = h.eta;
  const lambda = check.nonNegative(fn, "weightDecay", o.weightDecay ?? 0.01);
  return defineOptimizer({
    name: fn,
    flavor: h.flavor,
    hyper: { eta, beta1: h.beta1, beta2: h.beta2, eps: h.eps, weightDecay: lambda },
    stateKeys: ["m", "v", "mHat", "vHat"],
    initState: adamInit,
    step(grad, state, params, eta) {
      if (!h.torch) return adamStep(grad, state, params, eta, h, lambda);
      const decayed = new Float64Array(params.length);
      for (let i = 0; i < params.length; i++) decayed[i] = params[i] * (1 - eta * lambda);
      return adamStep(grad, state, decayed, eta, h);
    },
  });
}
