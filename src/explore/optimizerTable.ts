/**
 * What the explorables need to know about each optimizer: its label, its colour and which of its
 * numeric hyperparameters a slider may drive.
 *
 * A small local table until `optimizers.registry` (issue 9) lands on main; then this file should
 * read the registry instead (labels, colours and defaults live there).
 */
import { colorFor } from "../charts/common";
import * as optimizers from "../optimizers";
import type { Optimizer, OptimizerState } from "../optimizers/types";
import type { SliderSpec } from "./types";

export interface OptimizerInfo {
  label: string;
  /** Numeric hyperparameters a slider may set (the factory's option names). */
  keys: readonly string[];
}

const ADAM_KEYS = ["eta", "beta1", "beta2", "eps"] as const;

export const OPTIMIZERS: Readonly<Record<string, OptimizerInfo>> = {
  gd: { label: "GD", keys: ["eta"] },
  momentum: { label: "Momentum", keys: ["eta", "beta"] },
  nag: { label: "NAG", keys: ["eta", "beta"] },
  adagrad: { label: "AdaGrad", keys: ["eta", "eps"] },
  rmsprop: { label: "RMSProp", keys: ["eta", "beta", "eps"] },
  adadelta: { label: "AdaDelta", keys: ["eta", "beta", "eps"] },
  adam: { label: "Adam", keys: ADAM_KEYS },
  maxprop: { label: "MaxProp", keys: ["eta", "beta", "eps"] },
  adamax: { label: "AdaMax", keys: ADAM_KEYS },
  nadam: { label: "NAdam", keys: [...ADAM_KEYS, "momentumDecay"] },
  amsgrad: { label: "AMSGrad", keys: ADAM_KEYS },
  adamw: { label: "AdamW", keys: [...ADAM_KEYS, "weightDecay"] },
  radam: { label: "RAdam", keys: ADAM_KEYS },
};

/** Every hyperparameter key some optimizer takes. */
export const HYPER_KEYS: readonly string[] = [...new Set(Object.values(OPTIMIZERS).flatMap((o) => o.keys))];

/** Default slider of each hyperparameter (and of the step count). */
export const HYPER_SLIDERS: Readonly<Record<string, Omit<SliderSpec, "key" | "step">>> = {
  eta: { label: "\u03b7", min: 1e-3, max: 1, value: 0.1, scale: "log" },
  beta: { label: "\u03b2", min: 0, max: 0.999, value: 0.9, scale: "log1m" },
  beta1: { label: "\u03b2\u2081", min: 0, max: 0.99, value: 0.9, scale: "linear" },
  beta2: { label: "\u03b2\u2082", min: 0.5, max: 0.9999, value: 0.999, scale: "log1m" },
  eps: { label: "\u03b5", min: 1e-10, max: 1, value: 1e-8, scale: "log" },
  weightDecay: { label: "\u03bb", min: 1e-4, max: 1, value: 0.01, scale: "log" },
  momentumDecay: { label: "\u03c8", min: 1e-4, max: 0.1, value: 0.004, scale: "log" },
  steps: { label: "steps", min: 1, max: 1000, value: 200, scale: "linear", integer: true },
};

/** The optimizer's colour (the charts' colour for that name). */
export function optimizerColor(name: string, index: number): string {
  return colorFor(name, index);
}

/** Builds `optimizers[name](options)` (the factory validates the options). */
export function makeOptimizer(name: string, options: Record<string, unknown>): Optimizer<OptimizerState> {
  const factory = (optimizers as unknown as Record<string, (o: Record<string, unknown>) => Optimizer<OptimizerState>>)[name];
  return factory(options);
}
