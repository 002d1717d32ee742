/**
 * The typed hyperparameters each optimizer reports as `optimizer.hyper` (validated, defaults filled
 * in). `eta` is kept as given (a number or a schedule): the learning rate of an update is reported by
 * `update()` as `eta`, never read back out of `hyper`.
 */
import type { BaseHyper } from "./types";

export type GdHyperparameters = BaseHyper;
export interface MomentumHyperparameters extends BaseHyper {
  readonly beta: number;
}
export type NagHyperparameters = MomentumHyperparameters;
export interface AdagradHyperparameters extends BaseHyper {
  readonly eps: number;
  readonly epsInsideSqrt: boolean;
}
export interface RmspropHyperparameters extends AdagradHyperparameters {
  readonly beta: number;
}
export interface AdadeltaHyperparameters extends BaseHyper {
  readonly beta: number;
  readonly eps: number;
}
export type MaxpropHyperparameters = AdadeltaHyperparameters;
/** Shared by Adam and its relatives. */
export interface AdamFamilyHyperparameters extends BaseHyper {
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
}
export interface AdamHyperparameters extends AdamFamilyHyperparameters {
  readonly biasCorrection: boolean;
}
export type AdamaxHyperparameters = AdamFamilyHyperparameters;
export type AmsgradHyperparameters = AdamFamilyHyperparameters;
export type RadamHyperparameters = AdamFamilyHyperparameters;
export interface NadamHyperparameters extends AdamFamilyHyperparameters {
  /** Dozat's momentum-decay psi (torch flavor only). */
  readonly momentumDecay?: number;
}
export interface AdamwHyperparameters extends AdamFamilyHyperparameters {
  readonly weightDecay: number;
}
