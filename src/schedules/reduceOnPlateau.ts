import * as check from "../validate";
import type { FeedbackSchedule } from "./types";

export interface ReduceOnPlateauOptions {
  /** Starting rate. */
  eta: number;
  /** Multiply the rate by this on a plateau [0.1]. */
  factor?: number;
  /** Epochs without improvement tolerated before reducing [10]. */
  patience?: number;
  /** Relative improvement that counts: metric < best * (1 - threshold) [1e-4]. */
  threshold?: number;
  /** Never go below this rate [0]. */
  minLr?: number;
  /** Epochs to wait after a reduction before counting again [0]. */
  cooldown?: number;
}

export interface PlateauSchedule extends FeedbackSchedule {
  readonly needsFeedback: true;
  /** Current rate. */
  readonly current: number;
  /** Epoch numbers (1-based count of observe calls since reset) at which the rate was reduced. */
  readonly reductions: readonly number[];
}

/**
 * Validation-based decay (torch ReduceLROnPlateau, mode "min", relative threshold). The rate depends
 * on the losses it is shown, so it is given to `train` twice, explicitly: as the optimizer's eta
 * and as `feedback`. `train` resets it before the first update (every run starts at `eta`) and calls
 * `observe(validationLoss)` after every epoch; after more than `patience` epochs without a relative
 * improvement of `threshold`, the rate becomes max(rate * factor, minLr).
 *
 * Evaluated outside a run that feeds it (no `reset()` since the last `end()`), it throws rather than
 * silently staying constant. Outside `train`, call `reset()` first and `observe(metric)` yourself.
 * @example
 * const eta = schedules.reduceOnPlateau({ eta: 0.1, patience: 5 });
 * train({ model: models.sigmoidNeuron, data: datasets.sparse(), init: [-2, -2], epochs: 100,
 *         optimizer: optimizers.gd({ eta }), feedback: eta, validation: datasets.sparse({ seed: 7 }) });
 */
export function reduceOnPlateau(opts: ReduceOnPlateauOptions): PlateauSchedule {
  const fn = "schedules.reduceOnPlateau";
  const o = check.options<ReduceOnPlateauOptions>(fn, opts, ["eta", "factor", "patience", "threshold", "minLr", "cooldown"]);
  const eta = check.positive(fn, "eta", o.eta);
  const factor = o.factor ?? 0.1;
  if (typeof factor !== "number" || !(factor > 0 && factor < 1)) check.fail(fn, "factor", "a number in (0, 1)", factor);
  const patience = check.nonNegativeInt(fn, "patience", o.patience ?? 10);
  const threshold = check.nonNegative(fn, "threshold", o.threshold ?? 1e-4);
  const minLr = check.nonNegative(fn, "minLr", o.minLr ?? 0);
  const cooldown = check.nonNegativeInt(fn, "cooldown", o.cooldown ?? 0);
  let lr = eta;
  let best = Infinity;
  let bad = 0;
  let cooling = 0;
  let epochs = 0;
  let attached = false;
  let reductions: number[] = [];
  const schedule = ((step: number) => {
    if (typeof step !== "number" || !Number.isFinite(step) || step < 0) check.fail(fn, "step", "a finite number >= 0", step);
    if (!attached) {
      throw new Error(`${fn}: this schedule needs the loss after every epoch: pass it to train({ ..., feedback: <this schedule> }) as well as to the optimizer (outside train, call reset() first)`);
    }
    return lr;
  }) as PlateauSchedule;
  Object.defineProperties(schedule, {
    label: { value: `reduceOnPlateau(${eta}, x${factor}, patience=${patience})` },
    needsFeedback: { value: true },
    current: { get: () => lr },
    reductions: { get: () => reductions.slice() },
    reset: {
      value() {
        lr = eta;
        best = Infinity;
        bad = 0;
        cooling = 0;
        epochs = 0;
        reductions = [];
        attached = true;
      },
    },
    end: {
      value() {
        attached = false;
      },
    },
    observe: {
      value(metric: number) {
        check.finite(`${fn}.observe`, "metric", metric);
        epochs++;
        if (metric < best * (1 - threshold)) {
          best = metric;
          bad = 0;
        } else {
          bad++;
        }
        if (cooling > 0) {
          cooling--;
          bad = 0;
        }
        if (bad > patience) {
          const next = Math.max(lr * factor, minLr);
          if (lr - next > 1e-8 * lr) {
            lr = next;
            reductions.push(epochs);
          }
          cooling = cooldown;
          bad = 0;
        }
      },
    },
  });
  return schedule;
}
