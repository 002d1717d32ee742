/**
 * The schedule exercises of the catalog: one per schedule of the library that is a plain function
 * of the step (the epoch decays, the warm-ups, cyclic, cosine annealing with and without restarts).
 * The built-in cyclic and cosine-with-restarts exercises are reused unchanged. Every mistake is the
 * library's own schedule under the mistake: evaluated one step off, or built with the wrong option.
 */
import * as schedules from "../../schedules";
import type { Schedule } from "../../schedules/types";
import { exerciseById, type ScheduleExercise, type ScheduleVariant } from "../../grading/exercises";
import type { ScheduleCase } from "../../grading/types";
import type { Range, ScheduleEntry } from "./types";

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Evaluating the schedule one step late or one step early. */
function offByOne(ref: Schedule): ScheduleVariant[] {
  return [
    { mistake: "schedule-off-by-one", schedule: ref, shift: 1 },
    { mistake: "schedule-off-by-one", schedule: ref, shift: -1 },
  ];
}

/** "etaMin 0.01, etaMax 0.1, stepSize 20, steps 0..84" */
function describe(hyper: Record<string, number>, steps: number[]): string {
  const h = Object.entries(hyper).map(([k, v]) => `${k} ${v}`).join(", ");
  return `${h}, steps ${steps[0]}..${steps[steps.length - 1]}`;
}

function visible(hyper: Record<string, number>, steps: number[]): ScheduleCase {
  return { kind: "schedule", label: describe(hyper, steps), hyper, steps };
}

function builtIn(id: string, hyper: string[], ranges: Record<string, Range>, stepsFor: (h: Record<string, number>) => number[]): ScheduleEntry {
  const ex = exerciseById(id) as ScheduleExercise;
  return { kind: "schedule", id, title: ex.title, answerName: ex.answerName, hyper, ranges, reference: ex.reference, variants: ex.variants, visibleCases: ex.visibleCases, stepsFor };
}

interface NewEntry {
  id: string;
  title: string;
  answerName: string;
  hyper: string[];
  ranges: Record<string, Range>;
  make(h: Record<string, number>): Schedule;
  /** Mistakes beyond "off by one step". */
  mistakes(h: Record<string, number>): ScheduleVariant[];
  visible: Array<[Record<string, number>, number[]]>;
  stepsFor(h: Record<string, number>): number[];
}

function libraryExercise(e: NewEntry): ScheduleEntry {
  return {
    kind: "schedule",
    id: e.id,
    title: e.title,
    answerName: e.answerName,
    hyper: e.hyper,
    ranges: e.ranges,
    reference: e.make,
    variants: (h) => [...offByOne(e.make(h)), ...e.mistakes(h)],
    visibleCases: () => e.visible.map(([h, steps]) => visible(h, steps)),
    stepsFor: e.stepsFor,
  };
}

const ETA: Range = { kind: "log", lo: 0.01, hi: 1 };

export const SCHEDULE_ENTRIES: readonly ScheduleEntry[] = [
  libraryExercise({
    id: "stepDecay",
    title: "Step decay",
    answerName: "stepDecayLr",
    hyper: ["eta", "stepSize", "gamma"],
    ranges: { eta: ETA, stepSize: { kind: "int", lo: 2, hi: 12 }, gamma: { kind: "uniform", lo: 0.1, hi: 0.9 } },
    make: (h) => schedules.stepDecay({ eta: h.eta, stepSize: h.stepSize, gamma: h.gamma }),
    mistakes: (h) => [
      { mistake: "step-decay-no-floor", schedule: schedules.exponentialDecay({ eta: h.eta, gamma: Math.pow(h.gamma, 1 / h.stepSize) }), shift: 0 },
    ],
    visible: [
      [{ eta: 0.1, stepSize: 10, gamma: 0.5 }, range(41)],
      [{ eta: 1, stepSize: 3, gamma: 0.1 }, range(10)],
    ],
    stepsFor: (h) => range(4 * h.stepSize + 3),
  }),
  libraryExercise({
    id: "exponentialDecay",
    title: "Exponential decay",
    answerName: "exponentialDecayLr",
    hyper: ["eta", "gamma"],
    ranges: { eta: ETA, gamma: { kind: "uniform", lo: 0.5, hi: 0.99 } },
    make: (h) => schedules.exponentialDecay({ eta: h.eta, gamma: h.gamma }),
    mistakes: () => [],
    visible: [
      [{ eta: 0.1, gamma: 0.9 }, range(30)],
      [{ eta: 1, gamma: 0.5 }, range(10)],
    ],
    stepsFor: () => range(30),
  }),
  libraryExercise({
    id: "inverseTime",
    title: "Inverse-time (1/t) decay",
    answerName: "inverseTimeLr",
    hyper: ["eta", "k"],
    ranges: { eta: ETA, k: { kind: "log", lo: 0.05, hi: 2 } },
    make: (h) => schedules.inverseTime({ eta: h.eta, k: h.k }),
    mistakes: () => [],
    visible: [
      [{ eta: 0.1, k: 1 }, range(30)],
      [{ eta: 0.5, k: 0.1 }, range(30)],
    ],
    stepsFor: () => range(30),
  }),
  libraryExercise({
    id: "linearWarmup",
    title: "Linear warm-up",
    answerName: "linearWarmupLr",
    hyper: ["eta", "warmupSteps", "startFactor"],
    ranges: { eta: ETA, warmupSteps: { kind: "int", lo: 2, hi: 20 }, startFactor: { kind: "uniform", lo: 0.05, hi: 0.5 } },
    make: (h) => schedules.linearWarmup({ eta: h.eta, warmupSteps: h.warmupSteps, startFactor: h.startFactor }),
    mistakes: (h) => [
      { mistake: "warmup-start-factor", schedule: schedules.linearWarmup({ eta: h.eta, warmupSteps: h.warmupSteps, startFactor: 0 }), shift: 0 },
    ],
    visible: [
      [{ eta: 0.1, warmupSteps: 10, startFactor: 0.1 }, range(16)],
      [{ eta: 1, warmupSteps: 4, startFactor: 0.5 }, range(8)],
    ],
    stepsFor: (h) => range(h.warmupSteps + 6),
  }),
  libraryExercise({
    id: "transformerWarmup",
    title: "Transformer warm-up",
    answerName: "transformerWarmupLr",
    hyper: ["dModel", "warmupSteps", "scale"],
    ranges: { dModel: { kind: "int", lo: 16, hi: 1024 }, warmupSteps: { kind: "int", lo: 2, hi: 40 }, scale: { kind: "log", lo: 0.1, hi: 10 } },
    make: (h) => schedules.transformerWarmup({ dModel: h.dModel, warmupSteps: h.warmupSteps, scale: h.scale }),
    mistakes: () => [],
    visible: [
      [{ dModel: 512, warmupSteps: 20, scale: 1 }, range(61)],
      [{ dModel: 64, warmupSteps: 4, scale: 2 }, range(12)],
    ],
    stepsFor: (h) => range(3 * h.warmupSteps + 2),
  }),
  builtIn(
    "cyclic",
    ["stepSize", "etaMin", "etaMax"],
    { stepSize: { kind: "int", lo: 2, hi: 20 }, etaMin: { kind: "uniform", lo: 0.001, hi: 0.05 }, etaMax: { kind: "uniform", lo: 0.1, hi: 1 } },
    (h) => range(4 * h.stepSize + 5),
  ),
  libraryExercise({
    id: "cosineAnnealing",
    title: "Cosine annealing",
    answerName: "cosineAnnealingLr",
    hyper: ["T", "etaMax", "etaMin"],
    ranges: { T: { kind: "int", lo: 3, hi: 30 }, etaMax: { kind: "uniform", lo: 0.5, hi: 2 }, etaMin: { kind: "uniform", lo: 0, hi: 0.2 } },
    make: (h) => schedules.cosineAnnealing({ etaMax: h.etaMax, etaMin: h.etaMin, T: h.T }),
    mistakes: (h) => [
      { mistake: "cosine-annealing-restart", schedule: schedules.cosineWarmRestarts({ etaMax: h.etaMax, etaMin: h.etaMin, T0: h.T, Tmult: 1 }), shift: 0 },
    ],
    visible: [
      [{ T: 50, etaMax: 1, etaMin: 0.1 }, range(81)],
      [{ T: 4, etaMax: 0.5, etaMin: 0 }, range(12)],
    ],
    stepsFor: (h) => range(2 * h.T + 3),
  }),
  builtIn(
    "cosine",
    ["T", "etaMax", "etaMin"],
    { T: { kind: "int", lo: 3, hi: 32 }, etaMax: { kind: "uniform", lo: 0.5, hi: 2 }, etaMin: { kind: "uniform", lo: 0, hi: 0.2 } },
    (h) => range(3 * (h.T + 1) + 2),
  ),
];
