/**
 * The exercise table: for every exercise, the student's function name, the answer-cell tag, the
 * library reference it is checked against, the classic-mistake variants (all built from the
 * library), the visible cases and the seeded generator of hidden cases.
 */
import { sparse } from "../datasets/sparse";
import { toy2 } from "../datasets/toy2";
import * as optimizers from "../optimizers";
import type { Optimizer } from "../optimizers/types";
import { randomSource, type RandomSource } from "../rng";
import * as schedules from "../schedules";
import type { Schedule } from "../schedules/types";
import { batchGradient, type DriveOptions, type ReferenceTrajectory } from "./reference";
import { denominatorTransforms, type MistakeId } from "./mistakes";
import type { OptimizerCase, ScheduleCase, ValueCase } from "./types";

/** Points per case. Every exercise is worth 10 points; the whole set 100. */
export const POINTS = Object.freeze({ visibleCase: 2, hiddenCase: 2, hiddenCases: 3, explain: 10 });

interface ExerciseBase {
  /** Short id, used in `check.<id>`, in the tag `answer:<id>` and in score columns. */
  id: string;
  title: string;
  /** The name the answer cell must define. */
  answerName: string;
  /**
   * Points of each visible and each hidden case (an assignment's exercises set them; the ten
   * built-in exercises use POINTS). See `casePointsOf`.
   */
  points?: CasePoints;
}

/** Points of the cases of one exercise, in case order. */
export interface CasePoints {
  visible: readonly number[];
  hidden: readonly number[];
}

export interface OptimizerVariant {
  mistake: MistakeId;
  optimizer: Optimizer;
  drive: DriveOptions;
}

export interface OptimizerExercise extends ExerciseBase {
  kind: "optimizer";
  /** State vectors the student keeps (names of the library's state). */
  stateKeys: string[];
  /** Whether the student's state carries the update count t. */
  usesT: boolean;
  reference(hyper: Record<string, number>): Optimizer;
  /**
   * When set, the graded reference run (instead of `drive(reference(hyper), ...)`): for a step that
   * needs the data itself, e.g. line search. `reference` then only gives the initial state.
   */
  trajectory?: ReferenceTrajectory;
  variants(hyper: Record<string, number>): OptimizerVariant[];
  visibleCases(): OptimizerCase[];
  hiddenCases(rng: RandomSource): OptimizerCase[];
}

export interface ScheduleVariant {
  mistake: MistakeId;
  schedule: Schedule;
  /** The student evaluates the schedule at step + shift. */
  shift: number;
}

export interface ScheduleExercise extends ExerciseBase {
  kind: "schedule";
  /** `losses`: the case's loss history, for a rate driven by the loss (see `ScheduleCase.losses`). */
  reference(hyper: Record<string, number>, losses?: number[]): Schedule;
  variants(hyper: Record<string, number>, losses?: number[]): ScheduleVariant[];
  visibleCases(): ScheduleCase[];
  hiddenCases(rng: RandomSource): ScheduleCase[];
}

export interface ValueExercise extends ExerciseBase {
  kind: "value";
  /** The question, as asked in the notebook. */
  question: string;
  expected(): number;
  variants(): Array<{ mistake: MistakeId; value: number }>;
  /** Relative tolerance of the answer. */
  tolerance: number;
  visibleCases(): ValueCase[];
}

export type Exercise = OptimizerExercise | ScheduleExercise | ValueExercise;

// ---------------------------------------------------------------------------------------------
// Cases

const LECTURE_START = [-2, -2];

/** The two visible cases of the built-in optimizer exercises (toy2 and 12 sparse points), with the given hyperparameters. */
export function optimizerCases(hyper: Record<string, number>[]): OptimizerCase[] {
  const small = sparse({ n: 12, seed: 7 });
  return [
    { kind: "optimizer", label: "toy2 data, start (-2, -2), 5 steps", data: toy2(), init: LECTURE_START, hyper: hyper[0], steps: 5 },
    { kind: "optimizer", label: "12 sparse points (seed 7), start (-2, -2), 8 steps", data: small, init: LECTURE_START, hyper: hyper[1], steps: 8 },
  ];
}

function logUniform(rng: RandomSource, lo: number, hi: number): number {
  return Math.exp(rng.between(Math.log(lo), Math.log(hi)));
}

/** Random small sigmoid-neuron problems; hyperparameters drawn by `draw`. */
function randomOptimizerCases(rng: RandomSource, draw: (rng: RandomSource) => Record<string, number>): OptimizerCase[] {
  return Array.from({ length: POINTS.hiddenCases }, (_, k): OptimizerCase => {
    const n = 3 + rng.int(14);
    const x = Array.from({ length: n }, () => (rng.uniform() < 0.5 ? 0 : rng.between(-3, 3)));
    const y = Array.from({ length: n }, () => rng.uniform());
    return {
      kind: "optimizer",
      label: `hidden case ${k + 1}`,
      data: { x, y },
      init: [rng.between(-3, 3), rng.between(-3, 3)],
      hyper: draw(rng),
      steps: 6 + rng.int(10),
    };
  });
}

const drawEta = (rng: RandomSource) => logUniform(rng, 0.02, 0.5);
const drawEps = (rng: RandomSource) => logUniform(rng, 1e-4, 1e-2);
const drawMoments = (rng: RandomSource) => ({
  eta: drawEta(rng),
  beta1: rng.between(0.7, 0.95),
  beta2: rng.between(0.9, 0.999),
  eps: drawEps(rng),
});

// ---------------------------------------------------------------------------------------------
// Optimizer exercises

/** Variants shared by every optimizer: wrong gradient accumulation and a state that is not carried. */
export function commonVariants(opt: Optimizer): OptimizerVariant[] {
  return [
    { mistake: "overwrite-gradient", optimizer: opt, drive: { gradient: "last" } },
    { mistake: "state-not-carried", optimizer: opt, drive: { state: "reset" } },
  ];
}

/** Variants of an update whose denominator is sqrt(.) + eps. */
export function rootVariants(opt: Optimizer, eps: number, withEpsInside = true): OptimizerVariant[] {
  const d = denominatorTransforms(eps);
  const out: OptimizerVariant[] = [{ mistake: "divide-by-v", optimizer: opt, drive: { denominator: d.divideByV } }];
  if (withEpsInside) out.push({ mistake: "eps-inside-sqrt", optimizer: opt, drive: { denominator: d.epsInside } });
  return out;
}

const adagradEx: OptimizerExercise = {
  kind: "optimizer",
  id: "adagrad",
  title: "AdaGrad",
  answerName: "adagradStep",
  stateKeys: ["v"],
  usesT: false,
  reference: (h) => optimizers.adagrad({ eta: h.eta, eps: h.eps }),
  variants: (h) => {
    const opt = optimizers.adagrad({ eta: h.eta, eps: h.eps });
    return [
      ...commonVariants(opt),
      { mistake: "eps-inside-sqrt", optimizer: optimizers.adagrad({ eta: h.eta, eps: h.eps, epsInsideSqrt: true }), drive: {} },
      ...rootVariants(opt, h.eps, false),
    ];
  },
  visibleCases: () => optimizerCases([{ eta: 0.5, eps: 1e-3 }, { eta: 0.2, eps: 1e-2 }]),
  hiddenCases: (rng) => randomOptimizerCases(rng, (r) => ({ eta: drawEta(r), eps: drawEps(r) })),
};

const rmspropEx: OptimizerExercise = {
  kind: "optimizer",
  id: "rmsprop",
  title: "RMSProp",
  answerName: "rmspropStep",
  stateKeys: ["v"],
  usesT: false,
  reference: (h) => optimizers.rmsprop({ eta: h.eta, beta: h.beta, eps: h.eps }),
  variants: (h) => {
    const opt = optimizers.rmsprop({ eta: h.eta, beta: h.beta, eps: h.eps });
    return [
      ...commonVariants(opt),
      { mistake: "eps-inside-sqrt", optimizer: optimizers.rmsprop({ eta: h.eta, beta: h.beta, eps: h.eps, epsInsideSqrt: true }), drive: {} },
      ...rootVariants(opt, h.eps, false),
    ];
  },
  visibleCases: () => optimizerCases([{ eta: 0.1, beta: 0.9, eps: 1e-3 }, { eta: 0.05, beta: 0.5, eps: 1e-2 }]),
  hiddenCases: (rng) => randomOptimizerCases(rng, (r) => ({ eta: drawEta(r), beta: r.between(0.5, 0.95), eps: drawEps(r) })),
};

const adadeltaEx: OptimizerExercise = {
  kind: "optimizer",
  id: "adadelta",
  title: "AdaDelta",
  answerName: "adadeltaStep",
  stateKeys: ["v", "u"],
  usesT: false,
  reference: (h) => optimizers.adadelta({ beta: h.beta, eps: h.eps }),
  variants: (h) => commonVariants(optimizers.adadelta({ beta: h.beta, eps: h.eps })),
  visibleCases: () => optimizerCases([{ beta: 0.9, eps: 1e-3 }, { beta: 0.5, eps: 1e-2 }]),
  hiddenCases: (rng) => randomOptimizerCases(rng, (r) => ({ beta: r.between(0.5, 0.95), eps: drawEps(r) })),
};

function momentExercise(
  id: "adam" | "adamax" | "nadam" | "amsgrad",
  title: string,
  make: (h: Record<string, number>, biasCorrection?: boolean) => Optimizer,
  extra: (h: Record<string, number>) => OptimizerVariant[],
  stateKeys: string[],
  usesT: boolean,
): OptimizerExercise {
  return {
    kind: "optimizer",
    id,
    title,
    answerName: `${id}Step`,
    stateKeys,
    usesT,
    reference: (h) => make(h),
    variants: (h) => [...commonVariants(make(h)), ...extra(h)],
    visibleCases: () =>
      optimizerCases([
        { eta: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-3 },
        { eta: 0.05, beta1: 0.8, beta2: 0.95, eps: 1e-2 },
      ]),
    hiddenCases: (rng) => randomOptimizerCases(rng, drawMoments),
  };
}

const momentHyper = (h: Record<string, number>) => ({ eta: h.eta, beta1: h.beta1, beta2: h.beta2, eps: h.eps });
/** The bias-corrected optimizers: a step counter one behind is a classic mistake. */
export const tFromZero = (opt: Optimizer): OptimizerVariant => ({ mistake: "t-from-zero", optimizer: opt, drive: { tShift: -1 } });

const adamEx = momentExercise(
  "adam",
  "Adam (with bias correction)",
  (h, biasCorrection = true) => optimizers.adam({ ...momentHyper(h), biasCorrection }),
  (h) => {
    const opt = optimizers.adam(momentHyper(h));
    return [
      { mistake: "no-bias-correction", optimizer: optimizers.adam({ ...momentHyper(h), biasCorrection: false }), drive: {} },
      tFromZero(opt),
      ...rootVariants(opt, h.eps),
    ];
  },
  ["m", "v"],
  true,
);

const adamaxEx = momentExercise(
  "adamax",
  "AdaMax",
  (h) => optimizers.adamax(momentHyper(h)),
  (h) => [tFromZero(optimizers.adamax(momentHyper(h)))],
  ["m", "v"],
  true,
);

const nadamEx = momentExercise(
  "nadam",
  "NAdam",
  (h) => optimizers.nadam(momentHyper(h)),
  (h) => {
    const opt = optimizers.nadam(momentHyper(h));
    return [tFromZero(opt), ...rootVariants(opt, h.eps)];
  },
  ["m", "v"],
  true,
);

const amsgradEx = momentExercise(
  "amsgrad",
  "AMSGrad",
  (h) => optimizers.amsgrad(momentHyper(h)),
  (h) => rootVariants(optimizers.amsgrad(momentHyper(h)), h.eps),
  ["m", "v", "vHat"],
  false,
);

// ---------------------------------------------------------------------------------------------
// Schedule exercises

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

const cyclicEx: ScheduleExercise = {
  kind: "schedule",
  id: "cyclic",
  title: "Cyclic (triangular) learning rate",
  answerName: "cyclicLr",
  reference: (h) => schedules.cyclic({ etaMin: h.etaMin, etaMax: h.etaMax, stepSize: h.stepSize }),
  variants: (h) => {
    const ref = schedules.cyclic({ etaMin: h.etaMin, etaMax: h.etaMax, stepSize: h.stepSize });
    return [
      { mistake: "schedule-off-by-one", schedule: ref, shift: 1 },
      { mistake: "schedule-off-by-one", schedule: ref, shift: -1 },
      { mistake: "cyclic-half-period", schedule: schedules.cyclic({ etaMin: h.etaMin, etaMax: h.etaMax, stepSize: h.stepSize / 2 }), shift: 0 },
    ];
  },
  visibleCases: () => [
    { kind: "schedule", label: "etaMin 0.01, etaMax 0.1, stepSize 20, steps 0..84", hyper: { etaMin: 0.01, etaMax: 0.1, stepSize: 20 }, steps: range(85) },
    { kind: "schedule", label: "etaMin 0.001, etaMax 0.5, stepSize 4, steps 0..20", hyper: { etaMin: 0.001, etaMax: 0.5, stepSize: 4 }, steps: range(21) },
  ],
  hiddenCases: (rng) =>
    Array.from({ length: POINTS.hiddenCases }, (_, k): ScheduleCase => {
      const stepSize = 2 * (1 + rng.int(10));
      return {
        kind: "schedule",
        label: `hidden case ${k + 1}`,
        hyper: { etaMin: rng.between(0.001, 0.05), etaMax: rng.between(0.1, 1), stepSize },
        steps: range(4 * stepSize + 5),
      };
    }),
};

const cosineEx: ScheduleExercise = {
  kind: "schedule",
  id: "cosine",
  title: "Cosine annealing with warm restarts",
  answerName: "cosineRestartLr",
  reference: (h) => schedules.cosineWarmRestarts({ etaMax: h.etaMax, etaMin: h.etaMin, T: h.T }),
  variants: (h) => {
    const ref = schedules.cosineWarmRestarts({ etaMax: h.etaMax, etaMin: h.etaMin, T: h.T });
    return [
      { mistake: "cosine-period", schedule: schedules.cosineWarmRestarts({ etaMax: h.etaMax, etaMin: h.etaMin, T0: h.T, Tmult: 1 }), shift: 0 },
      { mistake: "schedule-off-by-one", schedule: ref, shift: 1 },
      { mistake: "schedule-off-by-one", schedule: ref, shift: -1 },
    ];
  },
  visibleCases: () => [
    { kind: "schedule", label: "etaMax 1, etaMin 0.1, T 50, steps 0..110", hyper: { etaMax: 1, etaMin: 0.1, T: 50 }, steps: range(111) },
    { kind: "schedule", label: "etaMax 0.5, etaMin 0, T 4, steps 0..15", hyper: { etaMax: 0.5, etaMin: 0, T: 4 }, steps: range(16) },
  ],
  hiddenCases: (rng) =>
    Array.from({ length: POINTS.hiddenCases }, (_, k): ScheduleCase => {
      const T = 3 + rng.int(30);
      return {
        kind: "schedule",
        label: `hidden case ${k + 1}`,
        hyper: { etaMax: rng.between(0.5, 2), etaMin: rng.between(0, 0.2), T },
        steps: range(3 * (T + 1) + 2),
      };
    }),
};

// ---------------------------------------------------------------------------------------------
// The "explain" question

/** The lecture's AdaGrad setting: datasets.sparse(), start (-2, -2), eta 0.1, eps 1e-8, one batch step. */
function firstAdagradStep() {
  const opt = optimizers.adagrad({ eta: 0.1, eps: 1e-8 });
  const data = sparse();
  const state = opt.init(LECTURE_START);
  return opt.update(batchGradient(LECTURE_START, data, "sum"), state, LECTURE_START);
}

const explainEx: ValueExercise = {
  kind: "value",
  id: "explain",
  title: "Explain: AdaGrad's effective learning rate of b",
  answerName: "effectiveLrB",
  question:
    "Batch AdaGrad on datasets.sparse() from (w, b) = (-2, -2) with eta = 0.1 and eps = 1e-8: " +
    "what is the effective learning rate of b in the first update? (3 significant digits)",
  expected: () => firstAdagradStep().effectiveRate[1],
  variants: () => {
    const lr = firstAdagradStep().effectiveRate[1];
    const d = denominatorTransforms(1e-8);
    return [
      { mistake: "explain-divide-by-v", value: 0.1 / d.divideByV(0.1 / lr) },
      { mistake: "explain-eta", value: 0.1 },
    ];
  },
  tolerance: 0.01,
  visibleCases: () => [{ kind: "value", label: "effective learning rate of b after the first AdaGrad step" }],
};

/** Every exercise, in notebook order. */
export const EXERCISES: readonly Exercise[] = Object.freeze([
  adagradEx,
  rmspropEx,
  adadeltaEx,
  adamEx,
  adamaxEx,
  nadamEx,
  amsgradEx,
  cyclicEx,
  cosineEx,
  explainEx,
]);

export type ExerciseId = "adagrad" | "rmsprop" | "adadelta" | "adam" | "adamax" | "nadam" | "amsgrad" | "cyclic" | "cosine" | "explain";

export function exerciseById(id: string): Exercise {
  const ex = EXERCISES.find((e) => e.id === id);
  if (!ex) throw new Error(`exerciseById: id must be one of ${EXERCISES.map((e) => e.id).join(", ")}, got ${JSON.stringify(id)}`);
  return ex;
}

/** The tag that marks an exercise's answer cell. */
export function answerTag(id: string): string {
  return `answer:${id}`;
}

/** Hidden cases of one exercise: a pure function of the grader's seed and the exercise id. */
export function hiddenCasesOf(ex: Exercise, seed: string | number): Array<OptimizerCase | ScheduleCase> {
  if (ex.kind === "value") return [];
  return ex.hiddenCases(randomSource(`${seed}:${ex.id}`));
}

/** Points of every case of an exercise: its own `points`, else the built-in POINTS. */
export function casePointsOf(ex: Exercise): CasePoints {
  if (ex.points) return ex.points;
  if (ex.kind === "value") return { visible: [POINTS.explain], hidden: [] };
  return {
    visible: ex.visibleCases().map(() => POINTS.visibleCase),
    hidden: Array.from({ length: POINTS.hiddenCases }, () => POINTS.hiddenCase),
  };
}

/** Maximum score of an exercise (visible + hidden cases). */
export function maxScoreOf(ex: Exercise): number {
  const p = casePointsOf(ex);
  return Math.round([...p.visible, ...p.hidden].reduce((s, x) => s + x, 0) * 100) / 100;
}
