import { addDecayedWeights } from "../transforms/addDecayedWeights";
import { namedChain, type ChainHyper, type ChainState } from "../transforms/chain";
import { scaleByLearningRate } from "../transforms/scaleByLearningRate";
import { scaleBySignMomentum } from "../transforms/scaleBySignMomentum";
import * as check from "../validate";
import { beta, learningRate } from "./common";
import type { LearningRate, Optimizer } from "./types";

export interface LionOptions {
  eta: LearningRate;
  /** Interpolation between momentum and gradient for the sign [0.9]. */
  beta1?: number;
  /** Momentum decay [0.99]. */
  beta2?: number;
  /** Decoupled weight decay lambda [0]. */
  weightDecay?: number;
}

/**
 * Lion (Chen et al. 2023), written as a chain of gradient transformations:
 *
 *   c_t = beta1 m_{t-1} + (1 - beta1) grad_t
 *   w_{t+1} = w_t - eta (sign(c_t) + lambda w_t)
 *   m_t = beta2 m_{t-1} + (1 - beta2) grad_t
 *
 * = chain(scaleBySignMomentum({beta1, beta2}), addDecayedWeights(lambda), scaleByLearningRate(eta)).
 * Every parameter moves by exactly eta per update (plus decay): use a smaller eta than Adam's.
 * Not one of the lecture's rules and not in torch.optim (flavor "lecture" only). Effective rate: eta.
 * @example optimizers.lion({ eta: 0.01 })
 */
export function lion(opts: LionOptions): Optimizer<ChainState, ChainHyper> {
  const fn = "lion";
  const o = check.options<LionOptions & { flavor?: unknown }>(fn, opts, ["eta", "beta1", "beta2", "weightDecay", "flavor"]);
  check.oneOf(fn, "flavor", o.flavor ?? "lecture", ["lecture"]); // torch.optim has no Lion
  const eta = learningRate(fn, o.eta);
  const beta1 = beta(fn, "beta1", o.beta1, 0.9);
  const beta2 = beta(fn, "beta2", o.beta2, 0.99);
  const weightDecay = check.nonNegative(fn, "weightDecay", o.weightDecay ?? 0);
  return namedChain(fn, "lion", [scaleBySignMomentum({ beta1, beta2 }), addDecayedWeights(weightDecay), scaleByLearningRate(eta)]);
}
