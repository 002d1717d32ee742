/**
 * The Gradescope autograder bundle: `adaptive-lr gradescope-bundle` writes a zip that Python's own
 * zipfile module (an independent implementation) reads and verifies; unpacked into a temporary copy
 * of Gradescope's layout (/autograder/source, submission, results), its run_autograder grades the
 * submission offline against this kit and writes results/results.json, with the instructor's seed
 * and nothing of it in what a student sees.
 */
import { expect } from "chai";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { gradeSubmission } from "../src/grading/grade";
import type { GradescopeResults } from "../src/grading/report-gradescope";
import { crc32, zip } from "../src/grading/zip";
import { tempFolder } from "./hostile/notebooks";
import { ROOT, SUBMISSIONS } from "./submissions/helpers";

const PYTHON = "/usr/bin/python3";
const SEED = "gs-secret-seed-4711";

/** Python's zipfile: checks every CRC, lists name and Unix mode, extracts to `dest`. */
function pythonUnzip(file: string, dest: string): Array<{ name: string; mode: number }> {
  const script = [
    "import json, sys, zipfile",
    "z = zipfile.ZipFile(sys.argv[1])",
    "bad = z.testzip()",
    "assert bad is None, bad",
    "z.extractall(sys.argv[2])",
    "print(json.dumps([[i.filename, i.external_attr >> 16] for i in z.infolist()]))",
  ].join("\n");
  const r = spawnSync(PYTHON, ["-c", script, file, dest], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`python zipfile failed: ${r.stderr}`);
  return (JSON.parse(r.stdout) as Array<[string, number]>).map(([name, mode]) => ({ name, mode }));
}

describe("Gradescope autograder bundle", function () {
  this.timeout(120000);
  const work = tempFolder("adaptive-lr-gradescope-");
  const zipFile = path.join(work, "autograder.zip");
  const root = path.join(work, "autograder");
  const source = path.join(root, "source");
  let listing: Array<{ name: string; mode: number }>;
  let command: ReturnType<typeof spawnSync>;

  /** Runs run_autograder on a fresh submission folder holding `files`; returns results.json and the output. */
  function runAutograder(files: Record<string, string | { link: string }>) {
    for (const d of ["submission", "results"]) fs.rmSync(path.join(root, d), { recursive: true, force: true });
    fs.mkdirSync(path.join(root, "submission"), { recursive: true });
    for (const [name, content] of Object.entries(files)) {
      const p = path.join(root, "submission", name);
      if (typeof content === "string") fs.copyFileSync(content, p);
      else fs.symlinkSync(content.link, p);
    }
    const env: NodeJS.ProcessEnv = { ...process.env, AUTOGRADER_ROOT: root };
    delete env.ADAPTIVE_LR_SEED;
    const run = spawnSync("bash", [path.join(source, "run_autograder")], { encoding: "utf8", env, cwd: work });
    const results = JSON.parse(fs.readFileSync(path.join(root, "results", "results.json"), "utf8")) as GradescopeResults;
    return { run, results, text: fs.readFileSync(path.join(root, "results", "results.json"), "utf8") };
  }

  before(() => {
    command = spawnSync(process.execPath, [path.join(ROOT, "dist", "cli.js"), "gradescope-bundle", "--out", zipFile, "--seed", SEED], { encoding: "utf8", cwd: work });
    fs.mkdirSync(source, { recursive: true });
    listing = pythonUnzip(zipFile, source);
    // Offline: the packages setup.sh would install (seedrandom, typescript) come from this checkout.
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(source, "kit", "node_modules"));
  });

  after(() => fs.rmSync(work, { recursive: true, force: true }));

  it("the command writes a zip that Python's zipfile verifies (every CRC) and unpacks", () => {
    expect(command.status, String(command.stderr)).to.equal(0);
    expect(String(command.stdout)).to.match(/^wrote .*autograder\.zip: setup\.sh, run_autograder, seed, kit\/ \(\d+ files\)/);
    expect(listing.map((e) => e.name)).to.include.members(["setup.sh", "run_autograder", "seed", "kit/package.json", "kit/dist/cli.js", "kit/dist/grading/sandbox-child.js", "kit/dist/grading/compile-child.js"]);
  });

  it("setup.sh and run_autograder are executable (Unix mode in the zip); the seed file is private", () => {
    const mode = (name: string) => listing.find((e) => e.name === name)!.mode & 0o7777;
    expect(mode("setup.sh")).to.equal(0o755);
    expect(mode("run_autograder")).to.equal(0o755);
    expect(mode("seed")).to.equal(0o600);
    expect(fs.readFileSync(path.join(source, "seed"), "utf8")).to.equal(SEED);
  });

  it("holds the kit, not the solutions: no notebook, no source, pinned runtime packages", () => {
    expect(listing.filter((e) => /\.ipynb$|\.ts$|solution/i.test(e.name))).to.deep.equal([]);
    const pkg = JSON.parse(fs.readFileSync(path.join(source, "kit", "package.json"), "utf8"));
    const ours = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    expect(pkg.dependencies).to.deep.equal({ seedrandom: ours.dependencies.seedrandom, typescript: ours.devDependencies.typescript });
    const setup = fs.readFileSync(path.join(source, "setup.sh"), "utf8");
    expect(setup).to.match(/npm install --omit=dev/);
    expect(setup).to.not.include(SEED);
  });

  it("run_autograder grades the submission folder into results/results.json with the bundle's seed", async () => {
    const notebook = path.join(SUBMISSIONS, "mistake-state-not-carried.ipynb");
    const { run, results, text } = runAutograder({ "exercises.ipynb": notebook });
    expect(run.status, run.stderr).to.equal(0);
    // The same notebook graded in-process with the bundle's seed: hidden cases (and so the partial
    // credit of a state that is not carried) come from that seed, not from the built-in one.
    const expected = await gradeSubmission(notebook, { seed: SEED });
    const builtIn = await gradeSubmission(notebook, { seed: "adaptive-lr-hidden" });
    expect(expected.score).to.not.equal(builtIn.score);
    expect(results.score).to.equal(expected.score);
    expect(results.tests.find((t) => t.name === "AdaDelta: hidden cases")!.output).to.include("hint: the state is not carried");
    expect(text + run.stdout + run.stderr).to.not.include(SEED);
  });

  it("a submission with two notebooks, or only a link, gets 0 and a message saying what to upload", () => {
    const two = runAutograder({ "a.ipynb": path.join(SUBMISSIONS, "correct.ipynb"), "b.ipynb": path.join(SUBMISSIONS, "correct.ipynb") });
    expect(two.results.score).to.equal(0);
    expect(two.results.output).to.equal("Could not grade submission: 2 notebooks found (a.ipynb, b.ipynb): upload exactly one");
    const mac = runAutograder({ "exercises.ipynb": path.join(SUBMISSIONS, "correct.ipynb"), "._exercises.ipynb": path.join(SUBMISSIONS, "hostile-not-a-notebook.ipynb") });
    expect(mac.results.score, "a Mac zip's ._ metadata file is not a second notebook").to.equal(100);
    const link = runAutograder({ "exercises.ipynb": { link: path.join(ROOT, "notebooks", "exercises", "exercises-solutions.ipynb") } });
    expect(link.results.score).to.equal(0);
    expect(link.results.output).to.match(/no notebook \(\.ipynb\) found in the submission; exercises\.ipynb is a symbolic link \(links are not followed\)/);
  });

  it("if the grader itself fails, run_autograder still writes a results.json that says so", () => {
    const cli = path.join(source, "kit", "dist", "cli.js");
    fs.renameSync(cli, `${cli}.away`);
    try {
      const broken = runAutograder({ "exercises.ipynb": path.join(SUBMISSIONS, "correct.ipynb") });
      expect(broken.run.status).to.not.equal(0);
      expect(broken.results).to.deep.equal({
        score: 0,
        output: "The autograder failed before it could grade this submission; please tell your instructor.",
        visibility: "visible",
        tests: [],
      });
    } finally {
      fs.renameSync(`${cli}.away`, cli);
    }
  });

  it("with --assignment, the bundle carries the assignment file and grades against it", () => {
    const assignment = path.join(ROOT, "notebooks", "exercises", "schedules.assignment.json");
    const hand = path.join(work, "handout");
    const built = spawnSync(process.execPath, [path.join(ROOT, "dist", "cli.js"), "assignment", "build", assignment, "--out", hand], { encoding: "utf8" });
    expect(built.status, built.stderr).to.equal(0);
    const zipB = path.join(work, "with-assignment.zip");
    const made = spawnSync(process.execPath, [path.join(ROOT, "dist", "cli.js"), "gradescope-bundle", "--out", zipB, "--seed", SEED, "--assignment", assignment], { encoding: "utf8" });
    expect(made.status, made.stderr).to.equal(0);
    fs.rmSync(source, { recursive: true, force: true });
    fs.mkdirSync(source, { recursive: true });
    try {
      const names = pythonUnzip(zipB, source).map((e) => e.name);
      expect(names).to.include("assignment.json");
      fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(source, "kit", "node_modules"));
      const solved = runAutograder({ "schedules.ipynb": path.join(hand, "schedules-solutions.ipynb") });
      expect(solved.run.status, solved.run.stderr).to.equal(0);
      expect(solved.results.score).to.be.greaterThan(0);
      expect(solved.results.tests.every((t) => t.status === "passed" && t.score === t.max_score)).to.equal(true);
      const builtIn = runAutograder({ "exercises.ipynb": path.join(SUBMISSIONS, "correct.ipynb") });
      expect(builtIn.results.score).to.equal(0);
    } finally {
      // Back to the plain bundle for the other tests.
      fs.rmSync(source, { recursive: true, force: true });
      fs.mkdirSync(source, { recursive: true });
      pythonUnzip(zipFile, source);
      fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(source, "kit", "node_modules"));
    }
  });

  it("the zip writer: CRC-32 check value, and what it writes inflates back to the input", () => {
    // CRC-32/ISO-HDLC check value of "123456789" (the catalogue of parametrised CRC algorithms).
    expect(crc32(Buffer.from("123456789"))).to.equal(0xcbf43926);
    const data = Buffer.from("hello hello hello zip\n".repeat(50));
    const z = zip([{ name: "a/b.txt", data, mode: 0o640 }]);
    expect(z.readUInt32LE(0)).to.equal(0x04034b50);
    const nameLength = z.readUInt16LE(26);
    const packed = z.subarray(30 + nameLength, 30 + nameLength + z.readUInt32LE(18));
    expect(zlib.inflateRawSync(packed).equals(data)).to.equal(true);
    expect(z.readUInt32LE(14)).to.equal(crc32(data));
    expect(() => zip([{ name: "../evil", data: "x" }])).to.throw(/zip: entry name must be a relative path, got "..\/evil"/);
  });
});
