/**
 * The line-search exercise of the catalog: the lecture's line search (at every step compute the
 * full-batch gradient once, try a GD step with each candidate eta, keep the parameters with the
 * lowest loss). The reference is the library's `lineSearch` (`src/search.ts`), run through
 * `grading/reference.lineSearchSteps`; the student's step reads the loss from `batch.loss(params)`.
 *
 * The candidates are five numbers of `hp` (`eta1` < ... < `eta5`, the lecture's 0.1, 0.5, 1, 5, 10
 * in the first visible case): hyperparameters stay plain numbers, as the grader's realm requires.
 * The two classic mistakes are the library's GD with the last or the first candidate.
 */
import { gd } from "../../optimizers/gd";
import { sparse } from "../../datasets/sparse";
import { toy2 } from "../../datasets/toy2";
import { lineSearchSteps } from "../../grading/reference";
import type { OptimizerEntry } from "./types";

/** The candidate rates of a case, in the order the student tries them. */
export function candidateEtas(h: Record<string, number>): number[] {
  return [h.eta1, h.eta2, h.eta3, h.eta4, h.eta5];
}

export const LINE_SEARCH_ENTRY: OptimizerEntry = {
  kind: "optimizer",
  id: "lineSearch",
  title: "Line search",
  answerName: "lineSearchStep",
  stateKeys: [],
  usesT: false,
  hyper: ["eta1", "eta2", "eta3", "eta4", "eta5"],
  // Disjoint, increasing ranges: the candidates stay sorted, so "the last" is always the largest.
  ranges: {
    eta1: { kind: "log", lo: 0.05, hi: 0.2 },
    eta2: { kind: "log", lo: 0.3, hi: 0.8 },
    eta3: { kind: "log", lo: 1, hi: 3 },
    eta4: { kind: "log", lo: 4, hi: 10 },
    eta5: { kind: "log", lo: 15, hi: 60 },
  },
  // A line search keeps no state: the student's step starts from {} (GD's state has no vectors either).
  reference: (h) => gd({ eta: h.eta1 }),
  trajectory: (h, data, init, steps) => lineSearchSteps(candidateEtas(h), data, init, steps),
  variants: (h) => {
    const etas = candidateEtas(h);
    return [
      { mistake: "line-search-last-candidate", optimizer: gd({ eta: etas[etas.length - 1] }), drive: {} },
      { mistake: "line-search-first-candidate", optimizer: gd({ eta: etas[0] }), drive: {} },
    ];
  },
  // From (0, 0) the lecture's candidates pick 1, 5, 5, 10, 5, 10, ... on toy2 (from the lecture's
  // (-2, -2) they pick 10 at every one of the first ten steps: "always the last" would pass).
  visibleCases: () => [
    { kind: "optimizer", label: "toy2 data, start (0, 0), the lecture's etas 0.1, 0.5, 1, 5, 10, 8 steps", data: toy2(), init: [0, 0], hyper: { eta1: 0.1, eta2: 0.5, eta3: 1, eta4: 5, eta5: 10 }, steps: 8 },
    { kind: "optimizer", label: "12 sparse points (seed 7), start (-2, -2), etas 0.1, 0.5, 2, 8, 40, 8 steps", data: sparse({ n: 12, seed: 7 }), init: [-2, -2], hyper: { eta1: 0.1, eta2: 0.5, eta3: 2, eta4: 8, eta5: 40 }, steps: 8 },
  ],
};
