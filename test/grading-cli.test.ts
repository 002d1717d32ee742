import { expect } from "chai";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { evaluateCase } from "../src/grading/evaluate";
import { EXERCISES, POINTS, hiddenCasesOf, type OptimizerExercise } from "../src/grading/exercises";
import { DEFAULT_SEED } from "../src/grading/grade";
import { HINTS, type MistakeId } from "../src/grading/mistakes";
import { drive } from "../src/grading/reference";
import type { GradescopeResults } from "../src/grading/report-gradescope";
import type { OptimizerCase } from "../src/grading/types";
import { hiddenNumbers } from "./hostile/notebooks";
import { ROOT, SUBMISSIONS, samples } from "./submissions/helpers";

/** What a hostile sample must produce in the exercise it attacks. */
const HOSTILE: Record<string, RegExp> = {
  "hostile-infinite-loop.ipynb": /stopped after 6 s \(the time limit\): does a loop never end\?/,
  "hostile-process-exit.ipynb": /process\.exit\(\) is not allowed in an answer/,
  "hostile-huge-output.ipynb": /printed more than 1 MB of output \(the limit\)/,
  "hostile-memory.ipynb": /ran out of memory \(limit 128 MB\): does the code allocate without end\?/,
  "hostile-read-hidden.ipynb": /answer cells cannot import modules \(found an import of "fs"\)/,
  "hostile-syntax-error.ipynb": /the answer:nadam cell is not valid TypeScript: Expression expected\. at line \d+, column \d+/,
  "hostile-deleted-cell.ipynb": /no answer: no cell is tagged "answer:cyclic"/,
};

describe("grading command on the sample submissions (npx adaptive-lr grade <folder>) @slow", function () {
  this.timeout(180000);
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "adaptive-lr-grade-"));
  const all = samples();
  let run: ReturnType<typeof spawnSync>;
  let results: Record<string, GradescopeResults>;
  let csv: string[][];

  before(function () {
    const env = { ...process.env };
    delete env.ADAPTIVE_LR_SEED;
    run = spawnSync(process.execPath, [path.join(ROOT, "dist", "cli.js"), "grade", SUBMISSIONS, "--out", out, "--timeout", "6", "--memory", "128"], {
      encoding: "utf8",
      env,
      cwd: ROOT,
    });
    results = {};
    for (const s of all) {
      const file = path.join(out, s.name.replace(/\.ipynb$/, ".results.json"));
      if (fs.existsSync(file)) results[s.name] = JSON.parse(fs.readFileSync(file, "utf8"));
    }
    csv = fs.readFileSync(path.join(out, "scores.csv"), "utf8").trim().split("\n").map((l) => l.split(","));
  });

  after(function () {
    fs.rmSync(out, { recursive: true, force: true });
  });

  const testsOf = (name: string, title: string) => results[name].tests.filter((t) => t.name.startsWith(`${title}: `));
  const exerciseScore = (name: string, id: string) => {
    const title = EXERCISES.find((e) => e.id === id)!.title;
    return testsOf(name, title).reduce((s, t) => s + t.score, 0);
  };
  const row = (name: string) => csv.find((r) => r[0] === name) as string[];

  it("finishes, exit code 0, with a progress bar, a summary, one results file per submission and a CSV", () => {
    expect(run.status, String(run.stderr)).to.equal(0);
    expect(String(run.stderr)).to.match(new RegExp(`\\[#{24}\\] ${all.length}/${all.length} `));
    expect(String(run.stdout)).to.match(new RegExp(`${all.length} submissions graded, mean score`));
    expect(Object.keys(results).sort()).to.deep.equal(all.map((s) => s.name).sort());
    expect(csv[0]).to.deep.equal(["submission", "score", "max_score", ...EXERCISES.map((e) => e.id), "status"]);
    expect(csv.slice(1).map((r) => r[0]).sort()).to.deep.equal(all.map((s) => s.name).sort());
  });

  it("the correct submission (cells moved, markdown deleted, scratch cells added) gets full marks", () => {
    const r = results["correct.ipynb"];
    expect(r.score).to.equal(100);
    expect(r.tests.every((t) => t.status === "passed" && t.score === t.max_score)).to.equal(true);
    expect(row("correct.ipynb").slice(1, 3)).to.deep.equal(["100", "100"]);
  });

  it("writes Gradescope's format: visible tests visible, hidden tests after publication", () => {
    const r = results["correct.ipynb"];
    expect(r.tests).to.have.length(2 * (EXERCISES.length - 1) + 1);
    for (const t of r.tests) {
      expect(Object.keys(t).sort()).to.deep.equal(["max_score", "name", "output", "score", "status", "visibility"]);
      expect(t.visibility).to.equal(t.name.endsWith("hidden cases") ? "after_published" : "visible");
    }
  });

  for (const sample of all.filter((s) => s.mistake)) {
    it(`${sample.name}: ${sample.what} — hint and partial score`, () => {
      const r = results[sample.name];
      const ex = EXERCISES.find((e) => e.id === sample.exercise) as OptimizerExercise;
      const [visible, hidden] = testsOf(sample.name, ex.title);
      expect(visible.output).to.include(`hint: ${HINTS[sample.mistake as MistakeId]}`);
      expect(hidden.output).to.include(`hint: ${HINTS[sample.mistake as MistakeId]}`);
      expect(visible.output).to.match(/first wrong at step \d+, (parameter [wb]|state\.\w+ of [wb]): expected \S+, got \S+/);
      // Partial credit: each case keeps its points times the share of steps whose parameters were right.
      // Only a state that is not carried gets the first step right; every other mistake is wrong from step 1.
      const cases = [...ex.visibleCases().map((c) => [c, POINTS.visibleCase] as const), ...(hiddenCasesOf(ex, DEFAULT_SEED) as OptimizerCase[]).map((c) => [c, POINTS.hiddenCase] as const)];
      const expected = sample.mistake === "state-not-carried" ? cases.reduce((s, [c, p]) => s + Math.round((p / c.steps) * 100) / 100, 0) : 0;
      expect(exerciseScore(sample.name, ex.id)).to.be.closeTo(expected, 1e-9);
      expect(r.score).to.be.closeTo(90 + expected, 1e-9);
      for (const other of EXERCISES.filter((e) => e.id !== ex.id)) expect(exerciseScore(sample.name, other.id), other.id).to.equal(10);
    });
  }

  for (const [name, message] of Object.entries(HOSTILE)) {
    it(`${name}: gets a score and a clear message, and the grader goes on`, () => {
      const sample = all.find((s) => s.name === name)!;
      const r = results[name];
      const attacked = EXERCISES.find((e) => e.id === sample.exercise)!;
      const outputs = testsOf(name, attacked.title).map((t) => t.output).join("\n");
      expect(outputs).to.match(message);
      expect(exerciseScore(name, attacked.id)).to.equal(0);
      expect(r.score).to.equal(90);
      expect(row(name)[1]).to.equal("90");
      expect(String(run.stdout)).to.match(message);
    });
  }

  it("a file that is not a notebook gets 0 and a message in results.json and the CSV", () => {
    const r = results["hostile-not-a-notebook.ipynb"];
    expect(r.score).to.equal(0);
    expect(r.output).to.match(/is not a Jupyter notebook: it is not valid JSON/);
    expect(row("hostile-not-a-notebook.ipynb").join(",")).to.match(/,0,100,.*error: hostile-not-a-notebook.ipynb is not a Jupyter notebook/);
  });

  it("no hidden input and no expected value of a hidden case appears in any output a student can see", () => {
    const numbers = hiddenNumbers(DEFAULT_SEED);
    expect(numbers.size).to.be.greaterThan(300);
    const visibleToStudents = [String(run.stdout), String(run.stderr), ...Object.values(results).map((r) => JSON.stringify(r)), csv.join("\n")].join("\n");
    const leaked = [...numbers].filter((n) => visibleToStudents.includes(n));
    expect(leaked).to.deep.equal([]);
    // At the precision the reports print numbers (6 digits), a hidden value could match a visible one
    // by chance; so the hidden tests' outputs must hold no decimal number at all, only step numbers,
    // parameter names, hints and the case's score.
    for (const r of Object.values(results)) {
      for (const t of r.tests.filter((x) => x.name.endsWith("hidden cases"))) {
        const withoutScores = t.output.replace(/^(PASS|FAIL) hidden case \d+: [\d.]+\/\d+$/gm, "");
        expect(withoutScores, t.output).to.not.match(/\d\.\d|\de[-+]?\d/);
      }
    }
    const hiddenLines = String(run.stdout).split("\n").filter((l) => /hidden case/.test(l));
    for (const line of hiddenLines) expect(line).to.not.match(/\d\.\d|\de[-+]?\d/);
  });

  it("grading the same folder twice gives the same scores (hidden cases come from the seed)", () => {
    const again = spawnSync(process.execPath, [path.join(ROOT, "dist", "cli.js"), "grade", path.join(SUBMISSIONS, "mistake-state-not-carried.ipynb"), "--results", path.join(out, "again.json")], {
      encoding: "utf8",
      cwd: ROOT,
      env: { ...process.env, ADAPTIVE_LR_SEED: "" },
    });
    expect(again.status, again.stderr).to.equal(0);
    expect(JSON.parse(fs.readFileSync(path.join(out, "again.json"), "utf8")).score).to.equal(results["mistake-state-not-carried.ipynb"].score);
  });

  it("evaluateCase agrees with the command on the correct submission's visible cases (same library reference)", () => {
    const ex = EXERCISES.find((e) => e.id === "adagrad") as OptimizerExercise;
    const c = ex.visibleCases()[0];
    const trace = { steps: drive(ex.reference(c.hyper), c.data, c.init, c.steps).map((s) => ({ params: Array.from(s.params), state: { v: Array.from(s.state.v as number[]) } })) };
    expect(evaluateCase(ex, c, trace, "visible", 2).passed).to.equal(true);
  });
});

describe("grading command: usage @slow", function () {
  this.timeout(60000);
  const cli = (args: string[]) => spawnSync(process.execPath, [path.join(ROOT, "dist", "cli.js"), ...args], { encoding: "utf8", cwd: ROOT });

  it("prints its usage with --help, and exits 2 with a message on bad input", () => {
    expect(cli(["grade", "--help"]).stdout).to.match(/^Usage: adaptive-lr grade <submission.ipynb \| folder>/);
    const missing = cli(["grade", "no/such/folder"]);
    expect(missing.status).to.equal(2);
    expect(missing.stderr).to.match(/adaptive-lr: no such file or folder: no\/such\/folder/);
    expect(cli(["frobnicate"]).stderr).to.match(/unknown command "frobnicate"/);
  });

  it("is the package's bin: package.json maps adaptive-lr to dist/cli.js, which starts with a node shebang and is executable", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    expect(pkg.bin).to.deep.equal({ "adaptive-lr": "dist/cli.js" });
    expect(pkg.scripts.grade).to.equal("node dist/cli.js grade");
    expect(pkg.peerDependencies.typescript, "the grader transpiles answers at run time with typescript, an optional peer").to.be.a("string");
    const file = path.join(ROOT, "dist", "cli.js");
    expect(fs.readFileSync(file, "utf8").split("\n")[0]).to.equal("#!/usr/bin/env node");
    expect(fs.statSync(file).mode & 0o111, "dist/cli.js must be executable for npx adaptive-lr").to.not.equal(0);
  });
});
