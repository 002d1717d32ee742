/**
 * The optimizer exercises of the catalog: one per optimizer of the library. The seven of the
 * built-in exercise set (AdaGrad ... AMSGrad) reuse its definitions unchanged, so their visible
 * cases and hints are exactly the students' of today; the others follow the same pattern: the
 * library's factory is the reference, and every classic mistake is a trajectory the LIBRARY
 * produces under that mistake (no update rule restated here).
 */
import * as optimizers from "../../optimizers";
import { registry, type OptimizerName } from "../../optimizers/registry";
import type { Optimizer } from "../../optimizers/types";
import {
  commonVariants,
  exerciseById,
  optimizerCases,
  tFromZero,
  type OptimizerExercise,
  type OptimizerVariant,
} from "../../grading/exercises";
import type { OptimizerEntry, Range } from "./types";

const ETA: Range = { kind: "log", lo: 0.02, hi: 0.5 };
const EPS: Range = { kind: "log", lo: 1e-4, hi: 1e-2 };
const DECAY: Range = { kind: "uniform", lo: 0.5, hi: 0.95 };
const MOMENT_RANGES: Record<string, Range> = {
  eta: ETA,
  beta1: { kind: "uniform", lo: 0.7, hi: 0.95 },
  beta2: { kind: "uniform", lo: 0.9, hi: 0.999 },
  eps: EPS,
};
const MOMENT_HYPER = ["eta", "beta1", "beta2", "eps"];

/** A catalog entry for one of the built-in exercises: its own reference, variants and visible cases. */
function builtIn(id: string, hyper: string[], ranges: Record<string, Range>): OptimizerEntry {
  const ex = exerciseById(id) as OptimizerExercise;
  return {
    kind: "optimizer",
    id,
    title: ex.title,
    answerName: ex.answerName,
    stateKeys: ex.stateKeys,
    usesT: ex.usesT,
    hyper,
    ranges,
    reference: ex.reference,
    variants: ex.variants,
    visibleCases: ex.visibleCases,
  };
}

/**
 * Default hidden-case range of a hyperparameter, by its name in the library (every registry
 * optimizer's numeric hyperparameters are covered; a new name needs its range here or in the entry).
 */
const RANGE_BY_NAME: Readonly<Record<string, Range>> = {
  eta: ETA,
  eps: EPS,
  beta: DECAY,
  beta1: MOMENT_RANGES.beta1,
  beta2: MOMENT_RANGES.beta2,
  weightDecay: { kind: "log", lo: 0.01, hi: 0.5 },
};

interface NewEntry {
  /** The registry name (`optimizers.registry[id]`). */
  id: OptimizerName;
  /** Title of the exercise [the registry's label]. */
  title?: string;
  /** State vectors the student keeps [the registry's stateKeys]. */
  stateKeys?: string[];
  /** Whether the student's state carries t [false]. */
  usesT?: boolean;
  /** Hyperparameters, in draw order [eta, then the registry's numeric defaults]. */
  hyper?: string[];
  /** Ranges that differ from RANGE_BY_NAME. */
  ranges?: Record<string, Range>;
  /** Options passed to the factory besides the hyperparameters (e.g. a flavor). */
  options?: Record<string, unknown>;
  /** Mistakes beyond the common ones (overwritten gradient, state not carried) [none]. */
  mistakes?(h: Record<string, number>, reference: Optimizer): OptimizerVariant[];
  /** Hyperparameters of the two fixed visible cases [eta 0.1 with the registry's defaults; eta 0.05 with the ranges' midpoints]. */
  visible?: [Record<string, number>, Record<string, number>];
}

function midpoint(r: Range): number {
  if (r.kind === "fixed") return r.value;
  if (r.kind === "log") return Math.sqrt(r.lo * r.hi);
  return r.kind === "int" ? Math.round((r.lo + r.hi) / 2) : (r.lo + r.hi) / 2;
}

/**
 * An exercise on a registry optimizer that the built-in set does not ask for: everything but the
 * mistakes (and the notebook text) is read from `optimizers.registry`.
 */
export function libraryExercise(e: NewEntry): OptimizerEntry {
  const info = registry[e.id];
  const numeric = Object.keys(info.defaults).filter((k) => typeof info.defaults[k] === "number");
  const hyper = e.hyper ?? ["eta", ...numeric];
  const ranges: Record<string, Range> = {};
  for (const name of hyper) {
    const r = e.ranges?.[name] ?? RANGE_BY_NAME[name];
    if (!r) throw new Error(`libraryExercise: ${e.id} has the hyperparameter ${name}, which has no default range: give one in "ranges"`);
    ranges[name] = r;
  }
  const stateKeys = e.stateKeys ?? [...info.stateKeys];
  const make = (h: Record<string, number>) => info.create({ ...Object.fromEntries(hyper.map((n) => [n, h[n]])), ...e.options });
  const visible = e.visible ?? [
    { ...Object.fromEntries(numeric.map((n) => [n, info.defaults[n] as number])), eta: 0.1 },
    { ...Object.fromEntries(hyper.map((n) => [n, midpoint(ranges[n])])), eta: 0.05 },
  ];
  return {
    kind: "optimizer",
    id: e.id,
    title: e.title ?? info.label,
    answerName: `${e.id}Step`,
    stateKeys,
    usesT: e.usesT ?? false,
    hyper,
    ranges,
    reference: make,
    variants: (h) => {
      const opt = make(h);
      // Without state, "not carried" is the correct answer: only the gradient mistake is common.
      const common = commonVariants(opt).filter((v) => stateKeys.length > 0 || v.mistake !== "state-not-carried");
      return [...common, ...(e.mistakes?.(h, opt) ?? [])];
    },
    visibleCases: () => optimizerCases(visible),
  };
}

const adamLike = (h: Record<string, number>) => ({ eta: h.eta, beta1: h.beta1, beta2: h.beta2, eps: h.eps });

export const OPTIMIZER_ENTRIES: readonly OptimizerEntry[] = [
  libraryExercise({ id: "gd", title: "Gradient descent", visible: [{ eta: 0.5 }, { eta: 0.1 }] }),
  libraryExercise({ id: "momentum", visible: [{ eta: 0.5, beta: 0.9 }, { eta: 0.05, beta: 0.5 }] }),
  libraryExercise({
    id: "nag",
    title: "Nesterov accelerated gradient (torch form)",
    options: { flavor: "torch" },
    mistakes: (h) => [{ mistake: "nag-without-lookahead", optimizer: optimizers.momentum({ eta: h.eta, beta: h.beta }), drive: {} }],
    visible: [{ eta: 0.5, beta: 0.9 }, { eta: 0.05, beta: 0.5 }],
  }),
  builtIn("adagrad", ["eta", "eps"], { eta: ETA, eps: EPS }),
  builtIn("rmsprop", ["eta", "beta", "eps"], { eta: ETA, beta: DECAY, eps: EPS }),
  builtIn("adadelta", ["beta", "eps"], { beta: DECAY, eps: EPS }),
  builtIn("adam", MOMENT_HYPER, MOMENT_RANGES),
  libraryExercise({
    id: "maxprop",
    mistakes: (h) => [{ mistake: "eps-inside-max", optimizer: optimizers.maxprop({ eta: h.eta, beta: h.beta, eps: h.eps, flavor: "torch" }), drive: {} }],
    visible: [{ eta: 0.1, beta: 0.9, eps: 1e-3 }, { eta: 0.05, beta: 0.5, eps: 1e-2 }],
  }),
  builtIn("adamax", MOMENT_HYPER, MOMENT_RANGES),
  builtIn("nadam", MOMENT_HYPER, MOMENT_RANGES),
  builtIn("amsgrad", MOMENT_HYPER, MOMENT_RANGES),
  libraryExercise({
    id: "adamw",
    title: "AdamW (decoupled weight decay)",
    stateKeys: ["m", "v"],
    usesT: true,
    mistakes: (h, opt) => [{ mistake: "adamw-no-decay", optimizer: optimizers.adam(adamLike(h)), drive: {} }, tFromZero(opt)],
    visible: [
      { eta: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-3, weightDecay: 0.1 },
      { eta: 0.05, beta1: 0.8, beta2: 0.95, eps: 1e-2, weightDecay: 0.5 },
    ],
  }),
  libraryExercise({
    id: "radam",
    title: "RAdam (rectified Adam)",
    stateKeys: ["m", "v"],
    usesT: true,
    // beta2 <= 0.95 keeps rho_inf small enough that the rectified step starts within a case (t >= 6).
    ranges: { beta2: { kind: "uniform", lo: 0.8, hi: 0.95 } },
    mistakes: (h, opt) => [{ mistake: "radam-no-rectification", optimizer: optimizers.adam(adamLike(h)), drive: {} }, tFromZero(opt)],
    visible: [
      { eta: 0.1, beta1: 0.9, beta2: 0.9, eps: 1e-3 },
      { eta: 0.05, beta1: 0.8, beta2: 0.9, eps: 1e-2 },
    ],
  }),
  libraryExercise({
    id: "lion",
    title: "Lion",
    // Lion moves every parameter by eta per step: rates as large as Adam's would leave the lecture's region.
    ranges: { eta: { kind: "log", lo: 0.005, hi: 0.2 }, beta2: { kind: "uniform", lo: 0.9, hi: 0.999 }, weightDecay: { kind: "log", lo: 0.001, hi: 0.1 } },
    mistakes: (h) => [{ mistake: "lion-sign-of-new-m", optimizer: optimizers.lion({ eta: h.eta, beta1: h.beta2, beta2: h.beta2, weightDecay: h.weightDecay }), drive: {} }],
    visible: [
      { eta: 0.1, beta1: 0.9, beta2: 0.99, weightDecay: 0.01 },
      { eta: 0.05, beta1: 0.5, beta2: 0.9, weightDecay: 0.1 },
    ],
  }),
];
