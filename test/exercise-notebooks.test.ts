import { expect } from "chai";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { EXERCISES, answerTag } from "../src/grading/exercises";
import { gradeSubmission } from "../src/grading/grade";
import { cellSource, cellTags, parseNotebook, type Notebook } from "../src/grading/notebook";
import { executeNotebook, formatFailure, stderrOf, type NotebookRun } from "./helpers/notebooks";
import { ROOT, SOLUTIONS, STUBS, answerOf } from "./submissions/helpers";

const read = (file: string): Notebook => parseNotebook(fs.readFileSync(file, "utf8"), file);
const streamText = (run: NotebookRun) =>
  run.outputs.filter((o) => o.output_type === "stream" && o.name === "stdout").map((o) => (Array.isArray(o.text) ? o.text.join("") : o.text ?? "")).join("");

describe("exercise notebooks: one source, stubs and solutions", () => {
  it("the committed notebooks are exactly what scripts/exercises.js builds from notebooks/exercises/exercises.assignment.json and the catalog", () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, "scripts", "exercises.js"), "--check"], { encoding: "utf8" });
    expect(r.status, r.stderr).to.equal(0);
  });

  it("the sample submissions are up to date with the solutions (test/submissions/build.js)", () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, "test", "submissions", "build.js"), "--check"], { encoding: "utf8" });
    expect(r.status, r.stderr).to.equal(0);
  });

  it("stubs and solutions have the same cells, tags and signatures; only the answers' bodies differ", () => {
    const stub = read(STUBS);
    const sol = read(SOLUTIONS);
    expect(stub.cells.map((c) => [c.cell_type, cellTags(c)])).to.deep.equal(sol.cells.map((c) => [c.cell_type, cellTags(c)]));
    stub.cells.forEach((c, i) => {
      const answer = cellTags(c).some((t) => t.startsWith("answer:"));
      if (!answer) expect(cellSource(c)).to.equal(cellSource(sol.cells[i]));
      else if (cellSource(c).startsWith("function")) expect(cellSource(c).split("\n")[0]).to.equal(cellSource(sol.cells[i]).split("\n")[0]);
      expect(cellSource(c)).to.not.match(/BEGIN SOLUTION|END SOLUTION|STUB:/);
    });
  });

  for (const ex of EXERCISES) {
    it(`${ex.id}: one cell tagged ${answerTag(ex.id)} defining ${ex.answerName}, and a cell calling check.${ex.id}(${ex.answerName})`, () => {
      for (const file of [STUBS, SOLUTIONS]) {
        const nb = read(file);
        const answers = nb.cells.filter((c) => cellTags(c).includes(answerTag(ex.id)));
        expect(answers, path.basename(file)).to.have.length(1);
        expect(cellSource(answers[0])).to.match(new RegExp(`(function|const) ${ex.answerName}\\b`));
        const at = nb.cells.indexOf(answers[0]);
        expect(nb.cells.slice(at + 1).some((c) => cellSource(c).includes(`check.${ex.id}(${ex.answerName})`))).to.equal(true);
      }
    });
  }

  it("a stub answer is not an answer: the stubs' functions throw 'not implemented yet'", () => {
    for (const ex of EXERCISES.filter((e) => e.kind !== "value")) {
      const fn = answerOf(STUBS, ex.id) as (...args: unknown[]) => unknown;
      expect(() => fn([0, 0], { size: 0, gradient: () => [0, 0] }, {}, {}), ex.id).to.throw("not implemented yet");
    }
    expect(answerOf(STUBS, "explain")).to.be.NaN;
  });

  it("the grader gives the solutions notebook 100 and the untouched stubs 0", async function () {
    this.timeout(60000);
    expect((await gradeSubmission(SOLUTIONS, { seed: "notebook-test" })).score).to.equal(100);
    const stubs = await gradeSubmission(STUBS, { seed: "notebook-test" });
    expect(stubs.score).to.equal(0);
    expect(stubs.exercises.every((e) => e.cases.every((c) => c.messages.length > 0))).to.equal(true);
  });
});

describe("exercise notebooks under the real tslab kernel @slow @notebooks", function () {
  this.timeout(10 * 60 * 1000);

  it("the solutions notebook executes and every check passes", async () => {
    const run = await executeNotebook(SOLUTIONS);
    expect(run.errors, formatFailure(run)).to.deep.equal([]);
    const out = streamText(run);
    expect(out).to.not.match(/^FAIL/m);
    for (const ex of EXERCISES) expect(out).to.match(new RegExp(`^${ex.id}: (\\d+) of \\1 visible cases? passed`, "m"));
    expect(stderrOf(run.cells)).to.equal("");
  });

  it("the stubs notebook executes too: every check reports FAIL with a message instead of throwing", async () => {
    const run = await executeNotebook(STUBS);
    expect(run.errors, formatFailure(run)).to.deep.equal([]);
    const out = streamText(run);
    for (const ex of EXERCISES) expect(out).to.match(new RegExp(`^${ex.id}: 0 of \\d+ visible cases? passed`, "m"));
    expect(out).to.include("adagradStep threw at step 1: Error: not implemented yet");
    expect(out).to.include("effectiveLrB must be a finite number, got NaN");
  });
});
