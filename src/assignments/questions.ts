/**
 * "Explain" questions of an assignment: the student answers with a number, and the number is
 * computed by the library (never typed in by the instructor): an optimizer's effective rate, a
 * parameter or the loss after some batch updates on the lecture's data, or a schedule's rate.
 */
import { sparse } from "../datasets/sparse";
import { toy2 } from "../datasets/toy2";
import type { ValueExercise } from "../grading/exercises";
import { batchGradient } from "../grading/reference";
import { sigmoidNeuron } from "../models/sigmoidNeuron";
import { catalogEntry } from "./catalog";
import type { Compute, QuestionItem } from "./file";

const PARAM_INDEX = { w: 0, b: 1 } as const;

/** The library's number for `c` (may throw: the library checks the hyperparameters). */
export function computeAnswer(c: Compute): number {
  if ("schedule" in c) {
    const entry = catalogEntry(c.schedule);
    if (!entry || entry.kind !== "schedule") throw new Error(`computeAnswer: ${JSON.stringify(c.schedule)} is not a catalog schedule`);
    if (entry.lossesFor) throw new Error(`computeAnswer: ${JSON.stringify(c.schedule)} depends on the losses, not only on the step: ask about another schedule`);
    return entry.reference(c.hyper)(c.step);
  }
  const entry = catalogEntry(c.optimizer);
  if (!entry || entry.kind !== "optimizer") throw new Error(`computeAnswer: ${JSON.stringify(c.optimizer)} is not a catalog optimizer`);
  if (entry.trajectory) throw new Error(`computeAnswer: ${JSON.stringify(c.optimizer)} is not an optimizer (its step needs the data): ask about an optimizer`);
  const opt = entry.reference(c.hyper);
  const data = c.data === "toy2" ? toy2() : sparse();
  let params: Float64Array = Float64Array.from(c.init);
  let state = opt.init(params);
  let rate: Float64Array = new Float64Array(params.length);
  for (let k = 1; k <= c.steps; k++) {
    const res = opt.update(batchGradient(opt.gradientPoint(params, state), data, "sum"), state, params);
    params = res.params;
    state = res.state;
    rate = res.effectiveRate;
  }
  if (c.quantity === "loss") return sigmoidNeuron.loss(params, data);
  const i = PARAM_INDEX[c.param as "w" | "b"];
  return c.quantity === "effectiveRate" ? rate[i] : params[i];
}

/** The grader's exercise for a question item. */
export function questionExercise(q: QuestionItem): ValueExercise {
  return {
    kind: "value",
    id: q.id,
    title: q.title,
    answerName: q.id,
    question: q.text,
    expected: () => computeAnswer(q.compute),
    variants: () => [],
    tolerance: q.tolerance,
    visibleCases: () => [{ kind: "value", label: q.title }],
    points: { visible: [q.points], hidden: [] },
  };
}
