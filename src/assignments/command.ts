/**
 * `adaptive-lr assignment build <file> --out <dir>`: checks the assignment file and writes the
 * students' notebook `<dir>/<id>.ipynb` and the solutions notebook `<dir>/<id>-solutions.ipynb`.
 */
import { loadAssignment } from "./file";
import { writeAssignment } from "./build";
import { exercisesOf } from "./exercises";
import { maxScoreOf } from "../grading/exercises";

export const ASSIGNMENT_USAGE = `Usage: adaptive-lr assignment build <file.assignment.json> [--out <dir>]

Checks the assignment file (unknown exercises, bad points or case counts, hidden-case ranges that
make the library's reference diverge are errors naming the field) and writes
  <dir>/<id>.ipynb             the students' notebook (hand this out)
  <dir>/<id>-solutions.ipynb   the solutions (keep it, like the grading seed, to yourself)
Options:
  --out <dir>   where the notebooks go [.]
  -h, --help    this help
`;

/** A mistake in the command line (the caller prints it with the usage). */
export class AssignmentUsageError extends Error {}

/** Runs `assignment ...`; returns the exit code. Throws AssignmentError for a bad file. */
export function assignmentCommand(args: string[], log: (s: string) => void = (s) => console.log(s)): number {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === "-h" || sub === "--help") {
    log(ASSIGNMENT_USAGE);
    return sub === undefined ? 2 : 0;
  }
  if (sub !== "build") throw new AssignmentUsageError(`unknown assignment command ${JSON.stringify(sub)} (expected "build")`);
  let file: string | undefined;
  let out = ".";
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === "--out") {
      if (i + 1 >= rest.length) throw new AssignmentUsageError("--out needs a value");
      out = rest[++i];
    } else if (a === "-h" || a === "--help") {
      log(ASSIGNMENT_USAGE);
      return 0;
    } else if (a.startsWith("-")) throw new AssignmentUsageError(`unknown option ${a}`);
    else if (file === undefined) file = a;
    else throw new AssignmentUsageError(`only one assignment file, got also ${JSON.stringify(a)}`);
  }
  if (file === undefined) throw new AssignmentUsageError("give the assignment file to build");
  const assignment = loadAssignment(file);
  const files = writeAssignment(assignment, out);
  const exercises = exercisesOf(assignment);
  const total = Math.round(exercises.reduce((s, ex) => s + maxScoreOf(ex), 0) * 100) / 100;
  log(`${assignment.title}: ${exercises.length} exercises, ${total} points (${exercises.map((ex) => `${ex.id} ${maxScoreOf(ex)}`).join(", ")})`);
  log(`students' notebook: ${files.stub}`);
  log(`solutions notebook: ${files.solution} (keep it to yourself)`);
  return 0;
}
