/**
 * Test helpers for the graded exercises (test/grading*.test.ts, test/exercise-notebooks.test.ts): load a notebook's answer cell as a live function (the
 * way the grader's child process does, through compileAnswer + loadAnswer), and reach the sample
 * submissions of test/submissions/.
 */
import * as fs from "fs";
import * as path from "path";
import { compileAnswer } from "../../src/grading/compile";
import { answerTag, exerciseById } from "../../src/grading/exercises";
import { answerSource, parseNotebook } from "../../src/grading/notebook";
import { loadAnswer } from "../../src/grading/sandbox-child";
import { repoRoot } from "../helpers/notebooks";

export const ROOT = repoRoot();
export const SOLUTIONS = path.join(ROOT, "notebooks", "exercises", "exercises-solutions.ipynb");
export const STUBS = path.join(ROOT, "notebooks", "exercises", "exercises.ipynb");
export const SUBMISSIONS = path.join(ROOT, "test", "submissions");

/** One sample of test/submissions/build.js. */
export interface Sample {
  name: string;
  what: string;
  exercise?: string;
  mistake?: string;
  raw?: string;
}

export function samples(): Sample[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(SUBMISSIONS, "build.js")).SAMPLES as Sample[];
}

/** The value the answer cell of exercise `id` in `notebookFile` defines (a function or a number). */
export function answerOf(notebookFile: string, id: string): unknown {
  const nb = parseNotebook(fs.readFileSync(notebookFile, "utf8"), notebookFile);
  const source = answerSource(nb, id);
  if (source === undefined) throw new Error(`answerOf: no ${answerTag(id)} cell in ${notebookFile}`);
  const compiled = compileAnswer(source, answerTag(id));
  if (!compiled.ok) throw new Error(`answerOf: ${compiled.message}`);
  const loaded = loadAnswer(compiled.js, exerciseById(id).answerName);
  if (loaded.error) throw new Error(`answerOf: ${loaded.error}`);
  return loaded.value;
}

/** Runs `fn` while collecting what a check prints. */
export function printed(run: (print: (line: string) => void) => unknown): { lines: string[]; result: unknown } {
  const lines: string[] = [];
  const result = run((line) => lines.push(line));
  return { lines, result };
}
