import type { AdagradHyperparameters } from "./hyperparameters";
import * as check from "../validate";
import { defineOptimizer, eps as epsOf, flavorOf, learningRate, lectureOnly, zeros } from "./common";
import type { Flavor, LearningRate, Optimizer } from "./types";

export interface AdagradOptions {
  eta: LearningRate;
  /** [1e-8] */
  eps?: number;
  /** false: eta / (sqrt(v) + eps) (the lecture's code, torch); true: eta / sqrt(v + eps) (the slide's equation). */
  epsInsideSqrt?: boolean;
  flavor?: Flavor;
}

export interface AdagradState {
  readonly t: number;
  /** Running SUM of squared gradients. */
  readonly v: Float64Array;
  readonly [key: string]: number | Float64Array;
}

/**
 * AdaGrad: decay each parameter's rate by its whole gradient history.
 *
 *   v_t = v_{t-1} + grad_t^2
 *   w_{t+1} = w_t - eta / (sqrt(v_t) + eps) * grad_t        (epsInsideSqrt: eta / sqrt(v_t + eps))
 *
 * Effective rate: eta / (sqrt(v_t) + eps). Flavors: identical arithmetic — torch.optim.Adagrad with
 * lr_decay = 0 and initial_accumulator_value = 0 adds eps outside the square root; epsInsideSqrt is
 * lecture-only.
 * @example optimizers.adagrad({ eta: 0.1, eps: 1e-8 })
 */
export function adagrad(opts: AdagradOptions): Optimizer<AdagradState, AdagradHyperparameters> {
  const fn = "adagrad";
  const o = check.options<AdagradOptions>(fn, opts, ["eta", "eps", "epsInsideSqrt", "flavor"]);
  const eta = learningRate(fn, o.eta);
  const eps = epsOf(fn, o.eps, 1e-8);
  const flavor = flavorOf(fn, o.flavor);
  const inside = check.bool(fn, "epsInsideSqrt", o.epsInsideSqrt ?? false);
  lectureOnly(fn, flavor, "epsInsideSqrt", o.epsInsideSqrt, false);
  return defineOptimizer({
    name: fn,
    flavor,
    hyper: { eta, eps, epsInsideSqrt: inside },
    stateKeys: ["v"],
    initState: (n) => ({ t: 0, v: zeros(n) }),
    step(grad, state, params, eta) {
      const n = params.length;
      const v = new Float64Array(n);
      const w = new Float64Array(n);
      const rate = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        v[i] = state.v[i] + grad[i] * grad[i];
        const denom = inside ? Math.sqrt(v[i] + eps) : Math.sqrt(v[i]) + eps;
        rate[i] = eta / denom;
        w[i] = params[i] - eta * (grad[i] / denom);
      }
      return { params: w, state: { t: state.t + 1, v }, effectiveRate: rate };
    },
  });
}
