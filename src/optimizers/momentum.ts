import type { MomentumHyperparameters } from "./hyperparameters";
import * as check from "../validate";
import { beta, defineOptimizer, flavorOf, learningRate, zeros } from "./common";
import type { Flavor, LearningRate, Optimizer } from "./types";

export interface MomentumOptions {
  eta: LearningRate;
  /** Momentum coefficient [0.9]. */
  beta?: number;
  flavor?: Flavor;
}

export interface MomentumState {
  readonly t: number;
  /** The history (velocity) u. */
  readonly u: Float64Array;
  readonly [key: string]: number | Float64Array;
}

/**
 * Momentum-based gradient descent.
 *
 *   u_t = beta * u_{t-1} + grad_t        (u_0 = 0)
 *   w_{t+1} = w_t - eta * u_t
 *
 * Effective rate: eta (the factor on u). Flavors: identical arithmetic — torch.optim.SGD(momentum=beta,
 * dampening=0) starts its buffer at the first gradient, which is beta * 0 + grad_1.
 * @example optimizers.momentum({ eta: 0.1, beta: 0.9 })
 */
export function momentum(opts: MomentumOptions): Optimizer<MomentumState, MomentumHyperparameters> {
  const fn = "momentum";
  const o = check.options<MomentumOptions>(fn, opts, ["eta", "beta", "flavor"]);
  const eta = learningRate(fn, o.eta);
  const b = beta(fn, "beta", o.beta, 0.9);
  return defineOptimizer({
    name: fn,
    flavor: flavorOf(fn, o.flavor),
    hyper: { eta, beta: b },
    stateKeys: ["u"],
    initState: (n) => ({ t: 0, u: zeros(n) }),
    step(grad, state, params, eta) {
      const n = params.length;
      const u = new Float64Array(n);
      const w = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        u[i] = b * state.u[i] + grad[i];
        w[i] = params[i] - eta * u[i];
      }
      return { params: w, state: { t: state.t + 1, u }, effectiveRate: new Float64Array(n).fill(eta) };
    },
  });
}
