/**
 * Building hostile submissions for the grader's tests: a notebook holding only the answer cells
 * a test names (the other exercises then cost no process), each either the solution's cell or a
 * hostile one. The hostile cells themselves live in the test files, next to what they must produce.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EXERCISES, hiddenCasesOf, type OptimizerExercise } from "../../src/grading/exercises";
import { answerSource, parseNotebook } from "../../src/grading/notebook";
import { drive } from "../../src/grading/reference";
import type { OptimizerCase, ScheduleCase } from "../../src/grading/types";
import { SOLUTIONS } from "../submissions/helpers";

/** The solutions notebook's answer cell of exercise `id`. */
export function solution(id: string): string {
  const nb = parseNotebook(fs.readFileSync(SOLUTIONS, "utf8"), SOLUTIONS);
  const source = answerSource(nb, id);
  if (source === undefined) throw new Error(`solution: no answer:${id} cell`);
  return source;
}

/** A notebook (JSON text) whose answer cells are `cells` (exercise id -> source), in that order. */
export function notebook(cells: Record<string, string>): string {
  return JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: Object.entries(cells).map(([id, source]) => ({ cell_type: "code", metadata: { tags: [`answer:${id}`] }, execution_count: null, outputs: [], source })),
  });
}

/** The solution's cell of `id` with `code` inserted as the first statement of its function body. */
export function prependToSolution(id: string, code: string): string {
  const s = solution(id);
  const at = s.indexOf("{\n") + 2;
  return s.slice(0, at) + code + "\n" + s.slice(at);
}

/** Every number of the hidden cases (inputs and the library's expected values), at full and 10-digit precision. */
export function hiddenNumbers(seed: string): Set<string> {
  const out = new Set<string>();
  const add = (x: number) => {
    if (Number.isFinite(x) && x !== 0 && String(x).replace(/[^0-9]/g, "").length >= 8) {
      out.add(String(x));
      out.add(x.toPrecision(10));
    }
  };
  for (const ex of EXERCISES) {
    if (ex.kind === "value") continue;
    for (const c of hiddenCasesOf(ex, seed)) {
      Object.values(c.hyper).forEach(add);
      if (ex.kind === "optimizer") {
        const oc = c as OptimizerCase;
        [...oc.data.x, ...oc.data.y, ...oc.init].forEach(add);
        for (const step of drive((ex as OptimizerExercise).reference(oc.hyper), oc.data, oc.init, oc.steps)) Array.from(step.params).forEach(add);
      } else {
        const sc = c as ScheduleCase;
        sc.steps.forEach((s) => add(ex.reference(sc.hyper)(s)));
      }
    }
  }
  return out;
}

/** Writes `files` (relative path -> content) under a fresh temporary folder; returns the folder. */
export function tempFolder(prefix: string, files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

/** Control characters and the other characters the grader must never let through raw. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const RAW_UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
