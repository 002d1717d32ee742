/**
 * Hostile submissions, classes 5 and 6 of issue 10, through the command (`adaptive-lr grade
 * <folder> --jobs 2`): output injection (newlines, terminal escapes, spreadsheet formulas in
 * messages and file names) and folder safety (links, a named pipe, colliding result names, the same
 * file name in two student folders). Each notebook holds one or two answer cells, so the whole
 * folder costs a few dozen processes.
 */
import { expect } from "chai";
import { spawnSync, type SpawnSyncReturns } from "child_process";
import * as fs from "fs";
import * as path from "path";
import type { GradescopeResults } from "../src/grading/report-gradescope";
import { RAW_UNSAFE, notebook, prependToSolution, solution, tempFolder } from "./hostile/notebooks";
import { ROOT, SOLUTIONS } from "./submissions/helpers";

const CLI = path.join(ROOT, "dist", "cli.js");
const FORMULA_NAME = "=2+5+cmd|' /C calc'!A0.ipynb";
const NEWLINE_NAME = "evil\n  ok   adagrad      10/10  fake.ipynb";
const ESCAPE_NAME = "\x1b[2J\x1b[31mclear.ipynb";
const INJECTED = "\nPASS hidden case 1: 2/2\n\x1b[2J\x1b[31mall good\u202e";

/** Parses scores.csv (quoted fields with doubled quotes; no newline inside a field). */
function parseCsv(text: string): string[][] {
  return text
    .trim()
    .split("\n")
    .map((line) => {
      const out: string[] = [];
      const re = /("((?:[^"]|"")*)"|[^,]*)(,|$)/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(line)) && m[0] !== "") {
        out.push(m[2] !== undefined ? m[2].replace(/""/g, '"') : m[1]);
        if (m[3] === "") break;
      }
      return out;
    });
}

describe("grading a folder: output injection and folder safety (classes 5 and 6)", function () {
  this.timeout(180000);
  const explainRight = notebook({ explain: solution("explain") });
  const explainWrong = notebook({ explain: "const effectiveLrB = 0.1;" });
  const dir = tempFolder("adaptive-lr-folder-", {
    "alice/exercises.ipynb": explainRight,
    "bob/exercises.ipynb": explainWrong,
    "a__b.ipynb": explainRight,
    "a/b.ipynb": explainWrong,
    "Upper.ipynb": explainRight,
    "upper.ipynb": explainWrong,
    [FORMULA_NAME]: explainRight,
    [NEWLINE_NAME]: explainRight,
    [ESCAPE_NAME]: explainRight,
    "inject.ipynb": notebook({
      rmsprop: prependToSolution("rmsprop", `  throw new Error(${JSON.stringify(INJECTED)});`),
      cyclic: `function cyclicLr(step: number): any { return ${JSON.stringify(INJECTED)}; }`,
    }),
    "real/solutions.ipynb": explainRight,
  });
  fs.symlinkSync(SOLUTIONS, path.join(dir, "link-to-solutions.ipynb"));
  fs.symlinkSync("/etc/passwd", path.join(dir, "passwd.ipynb"));
  fs.symlinkSync(path.join(dir, "real"), path.join(dir, "linked-folder"));
  const fifo = spawnSync("mkfifo", [path.join(dir, "pipe.ipynb")]);
  const out = fs.mkdtempSync(path.join(path.dirname(dir), "adaptive-lr-folder-out-"));
  let run: SpawnSyncReturns<string>;
  let csv: string[][];
  let files: string[];
  const results = (file: string) => JSON.parse(fs.readFileSync(path.join(out, file), "utf8")) as GradescopeResults;
  const row = (name: string) => csv.find((r) => r[0] === name) as string[];

  before(function () {
    run = spawnSync(process.execPath, [CLI, "grade", dir, "--out", out, "--jobs", "2", "--timeout", "8", "--memory", "128"], {
      encoding: "utf8",
      cwd: ROOT,
      timeout: 150000,
      env: { ...process.env, ADAPTIVE_LR_SEED: "folder-tests" },
    });
    files = fs.readdirSync(out).sort();
    csv = parseCsv(fs.readFileSync(path.join(out, "scores.csv"), "utf8"));
  });

  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(out, { recursive: true, force: true });
  });

  it("finishes (a named pipe does not block it) with exit code 0 and a scores.csv", () => {
    expect(fifo.status, "mkfifo").to.equal(0);
    expect(run.error, "the grader did not finish").to.equal(undefined);
    expect(run.status, run.stderr).to.equal(0);
    expect(csv[0][0]).to.equal("submission");
  });

  describe("6. folder mode", () => {
    it("does not follow links: a link to the solutions or to /etc/passwd is skipped with a message, never read", () => {
      expect(run.stdout).to.include("skipped link-to-solutions.ipynb: a symbolic link (links are not followed)");
      expect(run.stdout).to.include("skipped passwd.ipynb: a symbolic link (links are not followed)");
      expect(row("link-to-solutions.ipynb").slice(1, 3)).to.deep.equal(["", ""]);
      expect(row("link-to-solutions.ipynb").at(-1)).to.equal("skipped: a symbolic link (links are not followed)");
      const everything = [run.stdout, run.stderr, ...files.map((f) => fs.readFileSync(path.join(out, f), "utf8"))].join("\n");
      expect(everything).to.not.match(/root:|\/bin\/(ba)?sh/);
      expect(files.filter((f) => /link-to-solutions|passwd/.test(f))).to.deep.equal([]);
      expect(csv.map((r) => r[0]).filter((n) => n.startsWith("linked-folder"))).to.deep.equal([]);
      expect(row("real/solutions.ipynb")[1]).to.equal("10");
    });

    it("skips a named pipe with a message", () => {
      expect(run.stdout).to.include("skipped pipe.ipynb: a named pipe, not a file");
      expect(row("pipe.ipynb").at(-1)).to.equal("skipped: a named pipe, not a file");
    });

    it("a__b.ipynb and a/b.ipynb, Upper and upper: each its own results file", () => {
      expect(files).to.include.members(["a__b.results.json", "a%2Fb.results.json", "Upper.results.json"]);
      expect(results("a__b.results.json").score).to.equal(10);
      expect(results("a%2Fb.results.json").score).to.equal(0);
      const lower = files.filter((f) => f.toLowerCase().startsWith("upper"));
      expect(lower).to.have.length(2);
      expect(new Set(lower.map((f) => f.toLowerCase())).size, "names differ beyond letter case").to.equal(2);
      expect(lower.map((f) => results(f).score).sort()).to.deep.equal([0, 10]);
    });

    it("scores.csv is keyed by the path relative to the folder: alice/ and bob/exercises.ipynb are two rows", () => {
      expect(row("alice/exercises.ipynb").slice(1, 3)).to.deep.equal(["10", "100"]);
      expect(row("bob/exercises.ipynb").slice(1, 3)).to.deep.equal(["0", "100"]);
      expect(row("a/b.ipynb")[1]).to.equal("0");
      expect(row("a__b.ipynb")[1]).to.equal("10");
    });
  });

  describe("5. output injection", () => {
    it("no raw control character, newline or bidi override reaches the terminal, results.json or scores.csv", () => {
      expect(run.stdout + run.stderr).to.not.match(RAW_UNSAFE);
      const csvText = fs.readFileSync(path.join(out, "scores.csv"), "utf8");
      expect(csvText).to.not.match(RAW_UNSAFE);
      expect(csvText.trim().split("\n")).to.have.length(csv.length);
      for (const f of files.filter((x) => x.endsWith(".json"))) {
        const r = results(f);
        for (const text of [r.output, ...r.tests.map((t) => t.output)]) expect(text).to.not.match(RAW_UNSAFE);
        for (const t of r.tests) for (const line of t.output.split("\n")) expect(line).to.match(/^(PASS |FAIL | {4}|[^ ])/);
      }
    });

    it("a message cannot fake a PASS line or clear the screen: it is shown escaped", () => {
      const r = results("inject.results.json");
      const visible = r.tests.find((t) => t.name === "RMSProp: visible cases")!;
      expect(visible.output).to.include("rmspropStep threw at step 1: Error: \\nPASS hidden case 1: 2/2\\n\\x1b[2J\\x1b[31mall good\\u202e");
      expect(visible.output.split("\n").filter((l) => l.startsWith("PASS"))).to.deep.equal([]);
      const cyclic = r.tests.find((t) => t.name.startsWith("Cyclic") && t.name.endsWith("visible cases"))!;
      // The returned string is quoted as JSON (newline -> \n, ESC -> \u001b); what JSON leaves raw (U+202E) is then escaped.
      expect(cyclic.output).to.include('must return a number, got "\\nPASS hidden case 1: 2/2\\n\\u001b[2J\\u001b[31mall good\\u202e"');
      expect(run.stdout).to.include("\\nPASS hidden case 1: 2/2\\n\\x1b[2J");
      expect(run.stdout.split("\n").filter((l) => /^\s*PASS/.test(l))).to.deep.equal([]);
    });

    it("file names: a formula becomes text in scores.csv, newlines and escapes are shown escaped", () => {
      const formula = row(`'${FORMULA_NAME}`);
      expect(formula, "the formula cell is prefixed with an apostrophe").to.not.equal(undefined);
      expect(formula[1]).to.equal("10");
      for (const r of csv) for (const cell of r) expect(cell).to.not.match(/^[=+\-@]/);
      expect(row("evil\\n  ok   adagrad      10/10  fake.ipynb")[1]).to.equal("10");
      expect(row("\\x1b[2J\\x1b[31mclear.ipynb")[1]).to.equal("10");
      expect(run.stdout).to.include("evil\\n  ok   adagrad      10/10  fake.ipynb: 10/100");
      expect(run.stdout.split("\n").filter((l) => l.startsWith("  ok   adagrad"))).to.deep.equal([]);
    });
  });

  it("single-file mode grades only a regular file: a link gets a result saying so", () => {
    const file = path.join(out, "single.json");
    const single = spawnSync(process.execPath, [CLI, "grade", path.join(dir, "link-to-solutions.ipynb"), "--results", file], { encoding: "utf8", cwd: ROOT });
    expect(single.status, single.stderr).to.equal(0);
    const r = JSON.parse(fs.readFileSync(file, "utf8")) as GradescopeResults;
    expect(r.score).to.equal(0);
    expect(r.output).to.equal("Could not grade link-to-solutions.ipynb: link-to-solutions.ipynb is a symbolic link (links are not followed): only regular files are graded");
  });
});
