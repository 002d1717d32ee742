/**
 * `check.<id>` in a built assignment notebook. The notebook's first code cell calls
 * `assignmentChecks(<the assignment's public part>)`, which rebuilds the assignment's exercises
 * with the same visible cases as the grader's (the catalog's fixed ones, then cases drawn from a
 * seed made of the assignment and exercise ids) and returns one check function per exercise.
 *
 * @example
 * const check = assignmentChecks({ id: "week-3", items: [{ exercise: "gd", visible: 2 }] });
 * const gdStep = (params: number[]) => ({ params, state: {} }); // forgets to step: FAIL, with the first wrong step
 * check.gd(gdStep);
 */
import { runCheck, type CheckFunction } from "../check";
import { exercisesOf } from "./exercises";
import type { Assignment, AssignmentItem } from "./file";
import type { PublicSpec } from "./identity";

/** The assignment a public part describes (no points, no hidden cases: the checks need neither). */
export function assignmentFromPublic(spec: PublicSpec): Assignment {
  if (!spec || typeof spec !== "object" || typeof spec.id !== "string" || !Array.isArray(spec.items)) {
    throw new Error(`assignmentChecks: spec must be the {id, items} the assignment builder writes into the notebook, got ${JSON.stringify(spec)}`);
  }
  const items = spec.items.map((p): AssignmentItem =>
    "question" in p
      ? { kind: "question", id: p.question, title: p.title, text: "", points: 0, tolerance: p.tolerance, compute: p.compute }
      : { kind: "exercise", exercise: p.exercise, points: 0, visible: p.visible, hidden: 0, ranges: p.ranges ?? {} },
  );
  return { id: spec.id, title: spec.id, items, source: "the notebook" };
}

/** One check function per exercise of the assignment: `check.<id>(answer)` prints PASS/FAIL per visible case. */
export function assignmentChecks(spec: PublicSpec): Readonly<Record<string, CheckFunction>> {
  const exercises = exercisesOf(assignmentFromPublic(spec));
  return Object.freeze(Object.fromEntries(exercises.map((ex) => [ex.id, (answer: unknown) => runCheck(ex, answer)])));
}
