/**
 * Assignments end to end, through the command line and the real sandboxed grader: build the two
 * shipped assignments and a third written here (`adaptive-lr assignment build`), then grade a
 * folder of correct, stub, mistaken, hostile and foreign submissions against each
 * (`adaptive-lr grade <folder> --assignment <file>`), and check scores, messages, Gradescope JSON
 * and the CSV. Bad files fail at build time with a message naming the field.
 */
import { expect } from "chai";
import { spawnSync, type SpawnSyncReturns } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CATALOG } from "../src/assignments/catalog";
import { HINTS } from "../src/grading/mistakes";
import { executeNotebook, formatFailure, stderrOf, type NotebookRun } from "./helpers/notebooks";
import type { GradescopeResults } from "../src/grading/report-gradescope";
import { ROOT } from "./submissions/helpers";

const CLI = path.join(ROOT, "dist", "cli.js");
const cli = (args: string[]): SpawnSyncReturns<string> => {
  const env = { ...process.env };
  delete env.ADAPTIVE_LR_SEED;
  return spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", cwd: ROOT, env });
};

const THIRD = `// An assignment written in the test: an optimizer with its own ranges, a fixed-rate schedule, a question.
{
  "id": "week-3",
  "title": "Week 3: momentum, step decay, line search and reduce on plateau",
  "exercises": [
    { "exercise": "momentum", "points": 12, "visible": 3, "hidden": 3, "ranges": { "eta": [0.05, 0.2, "log"] } },
    { "exercise": "stepDecay", "points": 6, "hidden": 2 },
    // the line search reads the loss through batch.loss: graded in the child's realm through the number bridge
    { "exercise": "lineSearch", "points": 10, "hidden": 2 },
    // a rate driven by the loss: the history travels with the case into the child's realm
    { "exercise": "reduceOnPlateau", "points": 6, "hidden": 2 },
    { "question": "rateOfB", "title": "AdaGrad's rate of b", "points": 2,
      "text": "Batch AdaGrad on datasets.sparse() from (-2, -2), eta 0.1, eps 1e-8: the effective rate of b in the first update?",
      "compute": { "optimizer": "adagrad", "hyper": { "eta": 0.1, "eps": 1e-8 }, "data": "sparse", "init": [-2, -2], "steps": 1, "quantity": "effectiveRate", "param": "b" } }
  ]
}
`;

type Nb = { cells: Array<{ cell_type: string; source: string[]; metadata: { tags?: string[] } }>; metadata: Record<string, unknown> };
const readNb = (file: string): Nb => JSON.parse(fs.readFileSync(file, "utf8")) as Nb;
const writeNb = (file: string, nb: Nb) => fs.writeFileSync(file, JSON.stringify(nb, null, 1) + "\n");

/** The solutions notebook with `from` replaced by `to` in the answer cell of `id`. */
function edited(solution: string, id: string, from: string | RegExp, to: string): Nb {
  const nb = readNb(solution);
  const cell = nb.cells.find((c) => (c.metadata.tags ?? []).includes(`answer:${id}`));
  if (!cell) throw new Error(`no answer:${id}`);
  const text = cell.source.join("");
  const next = text.replace(from, to);
  if (next === text) throw new Error(`${String(from)} not in answer:${id}`);
  cell.source = next.split(/(?<=\n)/);
  return nb;
}

interface Setup {
  file: string;
  id: string;
  total: number;
  /** A mistake made in the solution: exercise id, edit, the hint expected. */
  mistake: { exercise: string; title: string; from: string | RegExp; to: string; hint: string };
  /** A hostile answer: exercise id, the code put first in its body, the message expected. */
  hostile: { exercise: string; title: string; code: string; message: RegExp };
}

describe("assignments from the command line: build, hand out, collect, grade @slow", function () {
  this.timeout(300000);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "adaptive-lr-assign-"));
  const thirdFile = path.join(tmp, "week-3.assignment.json");
  fs.writeFileSync(thirdFile, THIRD);
  const SETUPS: Setup[] = [
    {
      file: path.join(ROOT, "notebooks", "exercises", "exercises.assignment.json"),
      id: "exercises",
      total: 100,
      mistake: { exercise: "adam", title: "Adam (with bias correction)", from: /\/ \(1 - hp\.beta[12] \*\* t\)/g, to: "", hint: "" },
      hostile: { exercise: "adagrad", title: "AdaGrad", code: "  process.exit(0);\n", message: /process\.exit\(\) is not allowed in an answer/ },
    },
    {
      file: path.join(ROOT, "notebooks", "exercises", "schedules.assignment.json"),
      id: "schedules",
      total: 80,
      mistake: { exercise: "stepDecay", title: "Step decay", from: "Math.floor(step / hp.stepSize)", to: "(step / hp.stepSize)", hint: HINTS["step-decay-no-floor"] },
      hostile: { exercise: "cosineAnnealing", title: "Cosine annealing", code: "  while (true) {}\n", message: /stopped after 3 s \(the time limit\)/ },
    },
    {
      file: thirdFile,
      id: "week-3",
      total: 36,
      mistake: { exercise: "momentum", title: "Momentum", from: "(grad[j] += g)", to: "(grad[j] = g)", hint: HINTS["overwrite-gradient"] },
      hostile: { exercise: "stepDecay", title: "Step decay", code: '  require("fs").readFileSync("/etc/passwd");\n', message: /answer cells cannot import modules \(found an import of "fs"\)/ },
    },
  ];
  SETUPS[0].mistake.hint = HINTS["no-bias-correction"];

  const built: Record<string, SpawnSyncReturns<string>> = {};
  const graded: Record<string, SpawnSyncReturns<string>> = {};
  const results: Record<string, Record<string, GradescopeResults>> = {};
  const csv: Record<string, string[][]> = {};

  before(function () {
    for (const s of SETUPS) built[s.id] = cli(["assignment", "build", s.file, "--out", path.join(tmp, "handout", s.id)]);
    for (const s of SETUPS) {
      const handout = path.join(tmp, "handout", s.id);
      const solution = path.join(handout, `${s.id}-solutions.ipynb`);
      const dir = path.join(tmp, "submissions", s.id);
      fs.mkdirSync(dir, { recursive: true });
      fs.copyFileSync(solution, path.join(dir, "correct.ipynb"));
      fs.copyFileSync(path.join(handout, `${s.id}.ipynb`), path.join(dir, "stub.ipynb"));
      writeNb(path.join(dir, "mistake.ipynb"), edited(solution, s.mistake.exercise, s.mistake.from, s.mistake.to));
      writeNb(path.join(dir, "hostile.ipynb"), edited(solution, s.hostile.exercise, /\{\n/, `{\n${s.hostile.code}`));
      // a notebook of ANOTHER assignment handed in here
      const other = SETUPS[(SETUPS.indexOf(s) + 1) % SETUPS.length].id;
      fs.copyFileSync(path.join(tmp, "handout", other, `${other}-solutions.ipynb`), path.join(dir, "foreign.ipynb"));
      const out = path.join(tmp, "results", s.id);
      graded[s.id] = cli(["grade", dir, "--assignment", s.file, "--seed", "course-secret", "--out", out, "--timeout", "3", "--quiet"]);
      results[s.id] = {};
      for (const name of ["correct", "stub", "mistake", "hostile", "foreign"]) {
        const f = path.join(out, `${name}.results.json`);
        if (fs.existsSync(f)) results[s.id][name] = JSON.parse(fs.readFileSync(f, "utf8"));
      }
      csv[s.id] = fs.readFileSync(path.join(out, "scores.csv"), "utf8").trim().split("\n").map((l) => l.split(","));
    }
  });

  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  for (const s of ["exercises", "schedules", "week-3"]) {
    describe(`assignment ${s}`, () => {
      const setup = () => SETUPS.find((x) => x.id === s)!;
      const tests = (name: string, title: string) => results[s][name].tests.filter((t) => t.name.startsWith(`${title}: `));

      it("builds the students' and the solutions notebook", () => {
        expect(built[s].status, built[s].stderr).to.equal(0);
        expect(built[s].stdout).to.include(`students' notebook: ${path.join(tmp, "handout", s, `${s}.ipynb`)}`);
        expect(built[s].stdout).to.match(new RegExp(`exercises, ${setup().total} points`));
        const nb = readNb(path.join(tmp, "handout", s, `${s}.ipynb`));
        expect((nb.metadata.adaptive_lr as { assignment: string }).assignment).to.equal(s);
      });

      it("grades the folder: exit 0, one results file per submission, a CSV with the assignment's columns", () => {
        expect(graded[s].status, graded[s].stderr).to.equal(0);
        expect(Object.keys(results[s]).sort()).to.deep.equal(["correct", "foreign", "hostile", "mistake", "stub"]);
        const ids = JSON.parse(JSON.stringify(readNb(path.join(tmp, "handout", s, `${s}.ipynb`)).metadata.adaptive_lr)) as { assignment: string };
        expect(ids.assignment).to.equal(s);
        expect(csv[s][0].slice(0, 3)).to.deep.equal(["submission", "score", "max_score"]);
        expect(csv[s][0].length).to.be.greaterThan(4);
      });

      it("the solutions notebook gets full marks, the untouched stubs zero", () => {
        expect(results[s].correct.score).to.equal(setup().total);
        expect(results[s].correct.tests.every((t) => t.status === "passed")).to.equal(true);
        expect(results[s].stub.score).to.equal(0);
        expect(csv[s].find((r) => r[0] === "correct.ipynb")!.slice(1, 3)).to.deep.equal([String(setup().total), String(setup().total)]);
      });

      it("a classic mistake loses points in its exercise only, with its hint", () => {
        const m = setup().mistake;
        const r = results[s].mistake;
        const [visible] = tests("mistake", m.title);
        expect(visible.output).to.include(`hint: ${m.hint}`);
        expect(visible.score).to.be.lessThan(visible.max_score);
        const others = r.tests.filter((t) => !t.name.startsWith(`${m.title}: `));
        expect(others.every((t) => t.status === "passed")).to.equal(true);
      });

      it("a hostile answer gets a message and zero in its exercise; the rest is graded", () => {
        const h = setup().hostile;
        const [visible] = tests("hostile", h.title);
        expect(visible.output).to.match(h.message);
        expect(visible.score).to.equal(0);
        const others = results[s].hostile.tests.filter((t) => !t.name.startsWith(`${h.title}: `));
        expect(others.every((t) => t.status === "passed")).to.equal(true);
      });

      it("a notebook built for another assignment gets a clear error, not a score", () => {
        const r = results[s].foreign;
        expect(r.score).to.equal(0);
        expect(r.output).to.match(new RegExp(`^Could not grade foreign\\.ipynb: foreign\\.ipynb: this notebook was built for the assignment "[a-z0-9-]+", not for "${s}"`));
        expect(csv[s].find((row) => row[0] === "foreign.ipynb")!.join(",")).to.include("error: foreign.ipynb: this notebook was built for the assignment");
      });
    });
  }

  it("grading an assignment's notebook without --assignment (the built-in exercises) is refused too", () => {
    const out = path.join(tmp, "builtin");
    const r = cli(["grade", path.join(tmp, "handout", "schedules", "schedules-solutions.ipynb"), "--out", out]);
    expect(r.status, r.stderr).to.equal(0);
    const res = JSON.parse(fs.readFileSync(path.join(out, "schedules-solutions.results.json"), "utf8")) as GradescopeResults;
    expect(res.output).to.include('this notebook was built for the assignment "schedules", not for the built-in exercises: grade it with --assignment');
  });

  it("a bad assignment file fails at build time with a message naming the field, and writes nothing", () => {
    const bad = path.join(tmp, "bad.assignment.json");
    const cases: Array<[string, string]> = [
      [`{ "id": "bad", "title": "B", "exercises": [{ "exercise": "adamm" }] }`, 'bad.assignment.json: exercises[0].exercise "adamm" is not in the exercise catalog'],
      [`{ "id": "bad", "title": "B", "exercises": [{ "exercise": "adam", "points": -1 }] }`, "bad.assignment.json: exercises[0].points must be a number >= 0, got -1"],
      [`{ "id": "bad", "title": "B", "exercises": [{ "exercise": "gd", "ranges": { "eta": [0.1, 5000] } }] }`, "bad.assignment.json: exercises[0].ranges.eta: the reference diverges at the corner eta = 5000"],
    ];
    for (const [json, message] of cases) {
      fs.writeFileSync(bad, json);
      const r = cli(["assignment", "build", bad, "--out", path.join(tmp, "bad-out")]);
      expect(r.status).to.equal(2);
      expect(r.stderr).to.include(`adaptive-lr: ${message}`);
      expect(fs.existsSync(path.join(tmp, "bad-out"))).to.equal(false);
    }
    const r = cli(["grade", tmp, "--assignment", bad]);
    expect(r.status).to.equal(2);
    expect(r.stderr).to.include("adaptive-lr: bad.assignment.json: exercises[0].ranges.eta: the reference diverges");
  });
});

describe("an assignment of the whole catalog under the real tslab kernel @slow @notebooks", function () {
  this.timeout(10 * 60 * 1000);
  // Inside the repository, so that the kernel resolves `adaptive-lr/check` (the self-link in node_modules).
  const dir = path.join(ROOT, ".build", "assignment-notebooks");
  const file = path.join(dir, "catalog.assignment.json");
  const streamText = (run: NotebookRun) =>
    run.outputs.filter((o) => o.output_type === "stream" && o.name === "stdout").map((o) => (Array.isArray(o.text) ? o.text.join("") : o.text ?? "")).join("");

  before(() => {
    fs.mkdirSync(dir, { recursive: true });
    const items = [
      ...CATALOG.map((e) => (e.kind === "value" ? { exercise: e.id } : { exercise: e.id, visible: 3 })),
      { question: "peak", title: "Peak", text: "?", compute: { schedule: "transformerWarmup", hyper: { dModel: 512, warmupSteps: 4000, scale: 1 }, step: 4000 } },
    ];
    fs.writeFileSync(file, JSON.stringify({ id: "catalog", title: "Every exercise", exercises: items }, null, 1));
    const r = cli(["assignment", "build", file, "--out", dir]);
    expect(r.status, r.stderr).to.equal(0);
  });

  it("the solutions notebook compiles under tslab and every check passes (three visible cases each, one drawn)", async () => {
    const run = await executeNotebook(path.join(dir, "catalog-solutions.ipynb"));
    expect(run.errors, formatFailure(run)).to.deep.equal([]);
    const out = streamText(run);
    expect(out).to.not.match(/^FAIL/m);
    for (const e of CATALOG) expect(out).to.match(new RegExp(`^${e.id}: ${e.kind === "value" ? "1 of 1 visible case" : "3 of 3 visible cases"} passed`, "m"));
    expect(out).to.match(/^peak: 1 of 1 visible case passed/m);
    expect(stderrOf(run.cells)).to.equal("");
  });

  it("the students' notebook executes too: every check reports FAIL with a message", async () => {
    const run = await executeNotebook(path.join(dir, "catalog.ipynb"));
    expect(run.errors, formatFailure(run)).to.deep.equal([]);
    const out = streamText(run);
    for (const e of CATALOG) expect(out).to.match(new RegExp(`^${e.id}: 0 of \\d visible cases? passed`, "m"));
    expect(out).to.include("radamStep threw at step 1: Error: not implemented yet");
    expect(out).to.include("peak must be a finite number, got NaN");
  });
});
