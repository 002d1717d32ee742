/**
 * The optimizer exercises of the catalog: one per optimizer of the library. The seven of the
 * built-in exercise set (AdaGrad ... AMSGrad) reuse its definitions unchanged, so their visible
 * cases and hints are exactly the students' of today; the others follow the same pattern: the
 * library's factory is the reference, and every classic mistake is a trajectory the LIBRARY
 * produces under that mistake (no update rule restated here).
 */
import * as optimizers from "../../optimizers";
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

interface NewEntry {
  id: string;
  title: string;
  stateKeys: string[];
  usesT: boolean;
  hyper: string[];
  ranges: Record<string, Range>;
  /** The library optimizer the student's step must reproduce. */
  make(h: Record<string, number>): Optimizer;
  /** Mistakes beyond the common ones (overwritten gradient, state not carried). */
  mistakes(h: Record<string, number>): OptimizerVariant[];
  /** Hyperparameters of the two fixed visible cases (toy2 data, then 12 sparse points). */
  visible: [Record<string, number>, Record<string, number>];
}

/** An exercise on a library optimizer that the built-in set does not ask for. */
function libraryExercise(e: NewEntry): OptimizerEntry {
  return {
    kind: "optimizer",
    id: e.id,
    title: e.title,
    answerName: `${e.id}Step`,
    stateKeys: e.stateKeys,
    usesT: e.usesT,
    hyper: e.hyper,
    ranges: e.ranges,
    reference: e.make,
    variants: (h) => {
      const opt = e.make(h);
      // Without state, "not carried" is the correct answer: only the gradient mistake is common.
      const common = commonVariants(opt).filter((v) => e.stateKeys.length > 0 || v.mistake !== "state-not-carried");
      return [...common, ...e.mistakes(h)];
    },
    visibleCases: () => optimizerCases(e.visible),
  };
}

const adamLike = (h: Record<string, number>) => ({ eta: h.eta, beta1: h.beta1, beta2: h.beta2, eps: h.eps });

export const OPTIMIZER_ENTRIES: readonly OptimizerEntry[] = [
  libraryExercise({
    id: "gd",
    title: "Gradient descent",
    stateKeys: [],
    usesT: false,
    hyper: ["eta"],
    ranges: { eta: ETA },
    make: (h) => optimizers.gd({ eta: h.eta }),
    mistakes: () => [],
    visible: [{ eta: 0.5 }, { eta: 0.1 }],
  }),
  libraryExercise({
    id: "momentum",
    title: "Momentum",
    stateKeys: ["u"],
    usesT: false,
    hyper: ["eta", "beta"],
    ranges: { eta: ETA, beta: DECAY },
    make: (h) => optimizers.momentum({ eta: h.eta, beta: h.beta }),
    mistakes: () => [],
    visible: [{ eta: 0.5, beta: 0.9 }, { eta: 0.05, beta: 0.5 }],
  }),
  libraryExercise({
    id: "nag",
    title: "Nesterov accelerated gradient (torch form)",
    stateKeys: ["u"],
    usesT: false,
    hyper: ["eta", "beta"],
    ranges: { eta: ETA, beta: DECAY },
    make: (h) => optimizers.nag({ eta: h.eta, beta: h.beta, flavor: "torch" }),
    mistakes: (h) => [{ mistake: "nag-without-lookahead", optimizer: optimizers.momentum({ eta: h.eta, beta: h.beta }), drive: {} }],
    visible: [{ eta: 0.5, beta: 0.9 }, { eta: 0.05, beta: 0.5 }],
  }),
  builtIn("adagrad", ["eta", "eps"], { eta: ETA, eps: EPS }),
  builtIn("rmsprop", ["eta", "beta", "eps"], { eta: ETA, beta: DECAY, eps: EPS }),
  builtIn("adadelta", ["beta", "eps"], { beta: DECAY, eps: EPS }),
  builtIn("adam", MOMENT_HYPER, MOMENT_RANGES),
  libraryExercise({
    id: "maxprop",
    title: "MaxProp",
    stateKeys: ["v"],
    usesT: false,
    hyper: ["eta", "beta", "eps"],
    ranges: { eta: ETA, beta: DECAY, eps: EPS },
    make: (h) => optimizers.maxprop({ eta: h.eta, beta: h.beta, eps: h.eps }),
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
    hyper: [...MOMENT_HYPER, "weightDecay"],
    ranges: { ...MOMENT_RANGES, weightDecay: { kind: "log", lo: 0.01, hi: 0.5 } },
    make: (h) => optimizers.adamw({ ...adamLike(h), weightDecay: h.weightDecay }),
    mistakes: (h) => [
      { mistake: "adamw-no-decay", optimizer: optimizers.adam(adamLike(h)), drive: {} },
      tFromZero(optimizers.adamw({ ...adamLike(h), weightDecay: h.weightDecay })),
    ],
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
    hyper: MOMENT_HYPER,
    // beta2 <= 0.95 keeps rho_inf small enough that the rectified step starts within a case (t >= 6).
    ranges: { ...MOMENT_RANGES, beta2: { kind: "uniform", lo: 0.8, hi: 0.95 } },
    make: (h) => optimizers.radam(adamLike(h)),
    mistakes: (h) => [
      { mistake: "radam-no-rectification", optimizer: optimizers.adam(adamLike(h)), drive: {} },
      tFromZero(optimizers.radam(adamLike(h))),
    ],
    visible: [
      { eta: 0.1, beta1: 0.9, beta2: 0.9, eps: 1e-3 },
      { eta: 0.05, beta1: 0.8, beta2: 0.9, eps: 1e-2 },
    ],
  }),
];

