/**
 * The reduce-on-plateau exercise of the catalog: the student writes the observe/reduce logic of
 * `schedules.reduceOnPlateau` as a function of the loss history, `(losses, hp) => rate` (the rate
 * after the epochs whose losses are `losses`). A case is a fixed loss history: the student's
 * function is called with its first 0, 1, ..., n losses. The reference is the library's schedule,
 * reset and shown the same losses; every mistake is the library's schedule built with the option
 * the mistake ignores or shifts (patience - 1, threshold 0, cooldown 0).
 */
import { reduceOnPlateau } from "../../schedules/reduceOnPlateau";
import type { Schedule } from "../../schedules/types";
import type { ScheduleVariant } from "../../grading/exercises";
import type { ScheduleCase } from "../../grading/types";
import type { RandomSource } from "../../rng";
import type { ScheduleEntry } from "./types";

/** Number of losses in a drawn history. */
const HISTORY = 40;

type Hyper = Record<string, number>;

const options = (h: Hyper) => ({ eta: h.eta, factor: h.factor, patience: h.patience, threshold: h.threshold, minLr: h.minLr, cooldown: h.cooldown });

/**
 * The library's rate after observing the first `step` losses, for every step: one schedule, reset
 * and fed the history once (rates[k] = the rate after k losses).
 */
export function plateauRates(h: Hyper, losses: readonly number[] = []): Schedule {
  const schedule = reduceOnPlateau(options(h));
  schedule.reset();
  const rates = [schedule.current];
  for (const loss of losses) {
    schedule.observe(loss);
    rates.push(schedule.current);
  }
  schedule.end();
  return (step: number) => {
    if (!Number.isInteger(step) || step < 0 || step >= rates.length) {
      throw new Error(`plateauRates: step must be an integer in 0..${rates.length - 1} (the number of losses seen), got ${step}`);
    }
    return rates[step];
  };
}

/**
 * A loss history with real plateaus: runs of 1-3 epochs of clear progress, each followed by a
 * plateau of at least 2 (patience + 1) epochs that either creep down by less than the threshold
 * (an improvement only for a student who ignores it) or rise, so that a plateau holds two
 * reductions without a cooldown. On 300 drawn cases (seed "y") the reference and a mistake agree
 * on every step in 0 (patience), 24 (threshold) and 10 (cooldown) of them.
 */
function drawLosses(rng: RandomSource, h: Hyper): number[] {
  const out: number[] = [];
  let loss = 0.5 + rng.uniform();
  while (out.length < HISTORY) {
    for (let k = 1 + rng.int(3); k > 0; k--) out.push((loss *= 1 - rng.between(0.05, 0.3)));
    for (let k = 2 * h.patience + 2 + rng.int(4); k > 0; k--) {
      out.push((loss *= rng.uniform() < 0.6 ? 1 - rng.between(0, h.threshold / 2) : 1 + rng.between(0, 0.05)));
    }
  }
  return out.slice(0, HISTORY);
}

const VISIBLE_HYPER: Hyper[] = [
  { eta: 0.1, factor: 0.5, patience: 2, threshold: 0.01, minLr: 0.01, cooldown: 1 },
  { eta: 1, factor: 0.1, patience: 1, threshold: 0.05, minLr: 0.001, cooldown: 2 },
];

/**
 * Visible histories. Case 1 by hand (torch's rule: a reduction when bad > patience = 2; cooldown 1):
 * epochs 1-3 improve; 0.799 is not 1% below 0.8 (bad 1), 0.81 and 0.82 are worse (bad 2, 3 > 2):
 * after 6 losses the rate is 0.05. 0.7, 0.69 improve, 0.695, 0.7, 0.71 do not: 0.025 after 11.
 * 0.72 is a cooldown epoch; 0.5 improves, 0.499 ... 0.497 are under 1% better: 0.0125 after 16;
 * 0.6 cools down, three more 0.6: 0.00625, raised to minLr 0.01 after 20.
 */
const VISIBLE_LOSSES: number[][] = [
  [1, 0.9, 0.8, 0.799, 0.81, 0.82, 0.7, 0.69, 0.695, 0.7, 0.71, 0.72, 0.5, 0.499, 0.498, 0.497, 0.6, 0.6, 0.6, 0.6],
  [2, 1.5, 1.49, 1.48, 1.2, 1.19, 1.3, 1.1, 1.2, 1.3, 1.4, 0.9, 0.89, 0.88, 0.87, 0.86],
];

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const describe = (h: Hyper, n: number) => `${Object.entries(h).map(([k, v]) => `${k} ${v}`).join(", ")}, ${n} losses`;

function variants(h: Hyper, losses?: number[]): ScheduleVariant[] {
  const out: ScheduleVariant[] = [];
  if (h.patience >= 1) out.push({ mistake: "plateau-patience-off-by-one", schedule: plateauRates({ ...h, patience: h.patience - 1 }, losses), shift: 0 });
  if (h.threshold > 0) out.push({ mistake: "plateau-no-threshold", schedule: plateauRates({ ...h, threshold: 0 }, losses), shift: 0 });
  if (h.cooldown > 0) out.push({ mistake: "plateau-no-cooldown", schedule: plateauRates({ ...h, cooldown: 0 }, losses), shift: 0 });
  return out;
}

export const PLATEAU_ENTRY: ScheduleEntry = {
  kind: "schedule",
  id: "reduceOnPlateau",
  title: "Reduce on plateau",
  answerName: "reduceOnPlateauLr",
  hyper: ["eta", "factor", "patience", "threshold", "minLr", "cooldown"],
  ranges: {
    eta: { kind: "log", lo: 0.01, hi: 1 },
    factor: { kind: "uniform", lo: 0.1, hi: 0.7 },
    patience: { kind: "int", lo: 1, hi: 4 },
    threshold: { kind: "log", lo: 0.005, hi: 0.05 },
    minLr: { kind: "log", lo: 1e-4, hi: 5e-3 },
    cooldown: { kind: "int", lo: 1, hi: 2 },
  },
  reference: (h, losses) => plateauRates(h, losses),
  variants,
  visibleCases: (): ScheduleCase[] =>
    VISIBLE_HYPER.map((hyper, i) => ({ kind: "schedule", label: describe(hyper, VISIBLE_LOSSES[i].length), hyper, steps: range(VISIBLE_LOSSES[i].length + 1), losses: VISIBLE_LOSSES[i] })),
  stepsFor: () => range(HISTORY + 1),
  lossesFor: drawLosses,
};
