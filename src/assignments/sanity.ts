/**
 * The checks of an assignment file that need the library: every corner of every exercise's
 * hidden-case ranges must give hyperparameters the library accepts and a reference that stays
 * finite and bounded (a range that makes the reference diverge would grade students against
 * overflowing numbers), and every question must have a finite answer.
 */
import { sparse } from "../datasets/sparse";
import { toy2 } from "../datasets/toy2";
import { drive } from "../grading/reference";
import type { PointsData } from "../grading/types";
import { catalogEntry } from "./catalog";
import type { OptimizerEntry, Range, ScheduleEntry } from "./catalog/types";
import { rangesOf } from "./exercises";
import { AssignmentError } from "./errors";
import type { Assignment, ExerciseItem, QuestionItem } from "./file";
import { computeAnswer } from "./questions";
import { corners, describeRange } from "./ranges";
import { randomSource } from "../rng";

/**
 * Beyond this size a sigmoid neuron's parameter has diverged: drawn starts are within [-3, 3] and
 * every default range keeps 15 steps within about 10 (GD with eta = 1000 reaches 268).
 */
export const DIVERGENCE_LIMIT = 100;
/** The longest drawn optimizer case (6 + 9 steps). */
const PROBE_STEPS = 15;

interface Probe {
  what: string;
  data: PointsData;
  init: number[];
}

/** Problems on which every corner of the ranges is tried: the lecture's data and a drawn-like one. */
const PROBES: readonly Probe[] = [
  { what: "toy2 data from (-3, -3)", data: toy2(), init: [-3, -3] },
  { what: "toy2 data from (3, 3)", data: toy2(), init: [3, 3] },
  { what: "16 sparse points (seed 7) from (-3, 3)", data: sparse({ n: 16, seed: 7 }), init: [-3, 3] },
];

const show = (h: Record<string, number>) => Object.entries(h).map(([k, v]) => `${k} = ${v}`).join(", ");

/** The field to blame: the ranges the file sets (the catalog's defaults are known to be safe). */
function rangesField(field: string, item: ExerciseItem): string {
  const set = Object.keys(item.ranges);
  return set.length === 1 ? `${field}.ranges.${set[0]}` : `${field}.ranges`;
}

function describeRanges(names: readonly string[], ranges: Record<string, Range>): string {
  return names.map((n) => `${n} ${describeRange(ranges[n])}`).join(", ");
}

function checkOptimizer(file: string, field: string, entry: OptimizerEntry, item: ExerciseItem): void {
  const ranges = rangesOf(entry, item);
  const blame = rangesField(field, item);
  for (const h of corners(entry.hyper, ranges)) {
    let opt;
    try {
      opt = entry.reference(h);
    } catch (e) {
      throw new AssignmentError(`${file}: ${blame}: the library refuses the corner ${show(h)} of the hidden-case ranges (${(e as Error).message})`);
    }
    for (const p of PROBES) {
      const steps = entry.trajectory ? entry.trajectory(h, p.data, p.init, PROBE_STEPS) : drive(opt, p.data, p.init, PROBE_STEPS);
      const bad = steps.findIndex((s) => !s.params.every((x) => Number.isFinite(x) && Math.abs(x) <= DIVERGENCE_LIMIT));
      if (bad >= 0) {
        const got = Array.from(steps[bad].params).map((x) => String(Number(x.toPrecision(3)))).join(", ");
        throw new AssignmentError(
          `${file}: ${blame}: the reference diverges at the corner ${show(h)} of the hidden-case ranges ` +
            `(${describeRanges(entry.hyper, ranges)}): ${entry.id} on ${p.what} reaches (w, b) = (${got}) at step ${bad + 1}; narrow the range`,
        );
      }
    }
  }
}

function checkSchedule(file: string, field: string, entry: ScheduleEntry, item: ExerciseItem): void {
  const ranges = rangesOf(entry, item);
  const blame = rangesField(field, item);
  for (const h of corners(entry.hyper, ranges)) {
    let schedule;
    try {
      // a rate driven by the loss is probed on a history drawn from a fixed seed
      schedule = entry.reference(h, entry.lossesFor?.(randomSource(`sanity:${entry.id}`), h));
    } catch (e) {
      throw new AssignmentError(`${file}: ${blame}: the library refuses the corner ${show(h)} of the hidden-case ranges (${(e as Error).message})`);
    }
    for (const step of entry.stepsFor(h)) {
      const rate = schedule(step);
      if (!Number.isFinite(rate) || rate < 0) {
        throw new AssignmentError(`${file}: ${blame}: the reference diverges at the corner ${show(h)} of the hidden-case ranges: ${entry.id}(${step}) = ${rate}; narrow the range`);
      }
    }
  }
}

function checkQuestion(file: string, field: string, q: QuestionItem): void {
  let answer: number;
  try {
    answer = computeAnswer(q.compute);
  } catch (e) {
    throw new AssignmentError(`${file}: ${field}.compute: the library cannot compute the answer: ${(e as Error).message}`);
  }
  if (!Number.isFinite(answer)) throw new AssignmentError(`${file}: ${field}.compute: the library's answer is ${answer}, not a finite number`);
  if (answer === 0) throw new AssignmentError(`${file}: ${field}.compute: the answer is exactly 0, which a relative tolerance cannot check; ask for another quantity`);
}

/** Throws an AssignmentError naming the field when the library cannot grade the assignment. */
export function checkAssignment(assignment: Assignment): void {
  assignment.items.forEach((item, i) => {
    const field = `exercises[${i}]`;
    if (item.kind === "question") return checkQuestion(assignment.source, field, item);
    const entry = catalogEntry(item.exercise);
    if (entry?.kind === "optimizer") checkOptimizer(assignment.source, field, entry, item);
    else if (entry?.kind === "schedule") checkSchedule(assignment.source, field, entry, item);
  });
}
