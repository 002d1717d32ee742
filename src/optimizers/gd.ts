import type { GdHyperparameters } from "./hyperparameters";
import * as check from "../validate";
import { defineOptimizer, flavorOf, learningRate } from "./common";
import type { Flavor, LearningRate, Optimizer, OptimizerState } from "./types";

export interface GdOptions {
  eta: LearningRate;
  flavor?: Flavor;
}

/**
 * Plain gradient descent.
 *
 *   w_{t+1} = w_t - eta * grad_t
 *
 * Effective rate: eta. Flavors: identical (torch.optim.SGD without momentum).
 * @example optimizers.gd({ eta: 0.1 })
 */
export function gd(opts: GdOptions): Optimizer<OptimizerState, GdHyperparameters> {
  const fn = "gd";
  const o = check.options<GdOptions>(fn, opts, ["eta", "flavor"]);
  const eta = learningRate(fn, o.eta);
  return defineOptimizer({
    name: fn,
    flavor: flavorOf(fn, o.flavor),
    hyper: { eta },
    stateKeys: [],
    initState: () => ({ t: 0 }),
    step(grad, state, params, eta) {
      const n = params.length;
      const w = new Float64Array(n);
      for (let i = 0; i < n; i++) w[i] = params[i] - eta * grad[i];
      return { params: w, state: { t: state.t + 1 }, effectiveRate: new Float64Array(n).fill(eta) };
    },
  });
}
