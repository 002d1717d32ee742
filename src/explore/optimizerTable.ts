/**
 * What the explorables need to know about each optimizer, read from `optimizers.registry` (label,
 * colour, factory, defaults): which numeric hyperparameters a slider may drive, and each slider's
 * default range.
 */
import { names, registry, type OptimizerName } from "../optimizers/registry";
import type { Optimizer, OptimizerState } from "../optimizers/types";
import type { SliderSpec } from "./types";

export interface OptimizerInfo {
  label: string;
  color: string;
  /** Numeric hyperparameters a slider may set: eta and every numeric default of the factory. */
  keys: readonly string[];
  /** The factory's defaults (sliders start there unless told otherwise). */
  defaults: Readonly<Record<string, number | boolean>>;
}

export const OPTIMIZERS: Readonly<Record<string, OptimizerInfo>> = Object.fromEntries(names.map((name) => {
  const info = registry[name];
  const numeric = Object.keys(info.defaults).filter((k) => typeof info.defaults[k] === "number");
  return [name, { label: info.label, color: info.color, keys: ["eta", ...numeric], defaults: info.defaults }];
}));

/** Default slider of each hyperparameter (and of the step count); unknown keys get a log slider. */
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

/** The default slider of a hyperparameter key of `optimizer`. */
export function hyperSlider(key: string, optimizer: string): Omit<SliderSpec, "key" | "step"> {
  const base = HYPER_SLIDERS[key] ?? { label: key, min: 1e-4, max: 1, value: 0.01, scale: "log" };
  const d = OPTIMIZERS[optimizer]?.defaults[key];
  return typeof d === "number" && d >= base.min && d <= base.max ? { ...base, value: d } : { ...base };
}

/** Builds `optimizers[name](options)` through the registry (the factory validates the options). */
export function makeOptimizer(name: string, options: Record<string, unknown>): Optimizer<OptimizerState> {
  return registry[name as OptimizerName].create(options) as Optimizer<OptimizerState>;
}
