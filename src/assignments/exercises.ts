/**
 * An assignment's exercises as the grader and the checks use them: a catalog entry plus the
 * assignment's points, case counts and ranges becomes a `grading/exercises` `Exercise`.
 *
 * Cases: the first visible cases are the catalog's fixed ones (for the built-in exercises exactly
 * today's); more visible cases are drawn from a PUBLIC seed (the assignment id and the exercise
 * id), so `check.<id>` in the notebook draws the same ones without the instructor's seed. Hidden
 * cases are drawn from the grader's seed (`hiddenCasesOf`).
 */
import type { CasePoints, Exercise, OptimizerExercise, ScheduleExercise } from "../grading/exercises";
import type { OptimizerCase, ScheduleCase } from "../grading/types";
import { randomSource, type RandomSource } from "../rng";
import { catalogEntry } from "./catalog";
import type { OptimizerEntry, Range, ScheduleEntry } from "./catalog/types";
import type { Assignment, ExerciseItem } from "./file";
import { questionExercise } from "./questions";
import { drawHyper } from "./ranges";

/** Splits `points` over `n` cases in cents, the remainder on the last ones, so they add up exactly. */
export function splitPoints(points: number, n: number): number[] {
  if (n === 0) return [];
  const cents = Math.round(points * 100);
  const each = Math.floor(cents / n);
  return Array.from({ length: n }, (_, i) => (each + (i >= n - (cents - each * n) ? 1 : 0)) / 100);
}

function casePoints(item: ExerciseItem): CasePoints {
  const all = splitPoints(item.points, item.visible + item.hidden);
  return { visible: all.slice(0, item.visible), hidden: all.slice(item.visible) };
}

/** The item's ranges, the catalog's defaults filling in what the file does not set. */
export function rangesOf(entry: OptimizerEntry | ScheduleEntry, item: ExerciseItem): Record<string, Range> {
  return { ...entry.ranges, ...item.ranges };
}

const fmt = (x: number) => String(Number(x.toPrecision(4)));
const describeHyper = (h: Record<string, number>) => Object.entries(h).map(([k, v]) => `${k} ${fmt(v)}`).join(", ");

/** A small random sigmoid-neuron problem (3..16 points, half of the x exactly 0) with drawn hyperparameters. */
export function drawOptimizerCase(rng: RandomSource, entry: OptimizerEntry, ranges: Record<string, Range>, label: (c: OptimizerCase) => string): OptimizerCase {
  const n = 3 + rng.int(14);
  const x = Array.from({ length: n }, () => (rng.uniform() < 0.5 ? 0 : rng.between(-3, 3)));
  const y = Array.from({ length: n }, () => rng.uniform());
  const c: OptimizerCase = {
    kind: "optimizer",
    label: "",
    data: { x, y },
    init: [rng.between(-3, 3), rng.between(-3, 3)],
    hyper: drawHyper(rng, entry.hyper, ranges),
    steps: 6 + rng.int(10),
  };
  c.label = label(c);
  return c;
}

export function drawScheduleCase(rng: RandomSource, entry: ScheduleEntry, ranges: Record<string, Range>, label: (c: ScheduleCase) => string): ScheduleCase {
  const hyper = drawHyper(rng, entry.hyper, ranges);
  const c: ScheduleCase = { kind: "schedule", label: "", hyper, steps: entry.stepsFor(hyper) };
  if (entry.lossesFor) c.losses = entry.lossesFor(rng, hyper);
  c.label = label(c);
  return c;
}

const visibleOptimizerLabel = (c: OptimizerCase) =>
  `${c.data.x.length} random points, start (${fmt(c.init[0])}, ${fmt(c.init[1])}), ${describeHyper(c.hyper)}, ${c.steps} steps`;
const visibleScheduleLabel = (c: ScheduleCase) => `${describeHyper(c.hyper)}, steps ${c.steps[0]}..${c.steps[c.steps.length - 1]}`;
const hiddenLabel = (k: number) => () => `hidden case ${k + 1}`;

/** The visible cases: the catalog's fixed ones first, then drawn from the public seed. */
function visibleCases<C>(fixed: C[], count: number, assignmentId: string, id: string, draw: (rng: RandomSource) => C): C[] {
  const rng = randomSource(`visible:${assignmentId}:${id}`);
  return [...fixed.slice(0, count), ...Array.from({ length: Math.max(0, count - fixed.length) }, () => draw(rng))];
}

function optimizerExercise(entry: OptimizerEntry, item: ExerciseItem, assignmentId: string): OptimizerExercise {
  const ranges = rangesOf(entry, item);
  const visible = visibleCases(entry.visibleCases(), item.visible, assignmentId, entry.id, (rng) => drawOptimizerCase(rng, entry, ranges, visibleOptimizerLabel));
  return {
    kind: "optimizer",
    id: entry.id,
    title: entry.title,
    answerName: entry.answerName,
    stateKeys: [...entry.stateKeys],
    usesT: entry.usesT,
    reference: entry.reference,
    trajectory: entry.trajectory,
    variants: entry.variants,
    visibleCases: () => visible,
    hiddenCases: (rng) => Array.from({ length: item.hidden }, (_, k) => drawOptimizerCase(rng, entry, ranges, hiddenLabel(k))),
    points: casePoints(item),
  };
}

function scheduleExercise(entry: ScheduleEntry, item: ExerciseItem, assignmentId: string): ScheduleExercise {
  const ranges = rangesOf(entry, item);
  const visible = visibleCases(entry.visibleCases(), item.visible, assignmentId, entry.id, (rng) => drawScheduleCase(rng, entry, ranges, visibleScheduleLabel));
  return {
    kind: "schedule",
    id: entry.id,
    title: entry.title,
    answerName: entry.answerName,
    reference: entry.reference,
    variants: (h, losses) => {
      // A mistake built with options the library refuses for these hyperparameters is just not recognised.
      try {
        return entry.variants(h, losses);
      } catch {
        return [];
      }
    },
    visibleCases: () => visible,
    hiddenCases: (rng) => Array.from({ length: item.hidden }, (_, k) => drawScheduleCase(rng, entry, ranges, hiddenLabel(k))),
    points: casePoints(item),
  };
}

/** The exercise of one item of an assignment. */
export function exerciseOf(item: Assignment["items"][number], assignmentId: string): Exercise {
  if (item.kind === "question") return questionExercise(item);
  const entry = catalogEntry(item.exercise);
  if (!entry) throw new Error(`exerciseOf: ${JSON.stringify(item.exercise)} is not in the exercise catalog`);
  if (entry.kind === "optimizer") return optimizerExercise(entry, item, assignmentId);
  if (entry.kind === "schedule") return scheduleExercise(entry, item, assignmentId);
  return { ...entry.exercise, points: { visible: [item.points], hidden: [] } };
}

/** Every exercise of an assignment, in its order. */
export function exercisesOf(assignment: Assignment): Exercise[] {
  return assignment.items.map((item) => exerciseOf(item, assignment.id));
}
