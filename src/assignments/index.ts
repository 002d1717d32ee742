/**
 * Assignments that instructors compose from the exercise catalog: the file (file.ts), its checks
 * against the library (sanity.ts), the exercises it grades (exercises.ts), the notebooks built
 * from it (build.ts) and the identity those notebooks carry (identity.ts).
 */
import type { GradedAssignment } from "../grading/grade";
import { exercisesOf } from "./exercises";
import type { Assignment } from "./file";
import { refusal } from "./identity";

export { CATALOG, catalogEntry } from "./catalog";
export { AssignmentError } from "./errors";
export { loadAssignment, parseAssignment, type Assignment } from "./file";
export { exercisesOf } from "./exercises";
export { checkAssignment } from "./sanity";
export { buildAssignmentNotebooks, writeAssignment, outputFiles } from "./build";
export { identityOf, publicSpec, refusal } from "./identity";

/** What the grader consumes: the assignment's exercises and its refusal of notebooks built for another one. */
export function gradedAssignment(a: Assignment): GradedAssignment {
  return { exercises: exercisesOf(a), refuse: (nb) => refusal(a, nb) };
}
