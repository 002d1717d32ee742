#!/usr/bin/env node
/**
 * Grading throughput: `adaptive-lr grade <folder> --jobs N` on 100 mixed submissions (honest,
 * mistaken, hostile), every exercise in its own fresh sandboxed process, as an instructor runs it.
 *
 *   node bench/grade-throughput.js [--jobs 2] [--timeout 2] [--json]
 *
 * The mix (built from the solutions notebook and the committed samples of test/submissions):
 *   50 correct, 30 with a classic mistake (the six mistake samples, 5 each), 20 hostile: the eight
 *   hostile samples (endless loop, memory hog, 100 MB of printing, process.exit, reading files,
 *   syntax error, deleted cell, not a notebook) and 12 more: asynchronous leftovers, a 20 MB
 *   string, a BigInt and an async step, a cross-exercise stash, a file name with escapes and a
 *   formula, and a link to the solutions (skipped).
 * Baseline measured in the same run: the bare cost of the isolation, i.e. sandboxed child processes
 * started, given a one-line answer and stopped, with the same number of lanes (200 of them, scaled
 * to as many as the grading ran). ratio = grading time / that floor.
 * Also the CPU time (user + system, the grader and all its processes, from /proc/self/stat's
 * cutime/cstime): a machine's other load slows the wall clock, much less the CPU time, so
 * `cores / CPU seconds per submission` is what the grader can reach on an idle machine.
 *
 * The hostile loops run into the time limit: --timeout (default 2 s here) bounds what they cost.
 */
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const SOLUTIONS = path.join(ROOT, "notebooks", "exercises", "exercises-solutions.ipynb");
const SAMPLES = path.join(ROOT, "test", "submissions");

function parseArgs(argv) {
  const o = { jobs: 2, timeout: 2, json: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--jobs") o.jobs = Number(argv[++i]);
    else if (argv[i] === "--timeout") o.timeout = Number(argv[++i]);
    else if (argv[i] === "--json") o.json = true;
    else throw new Error(`grade-throughput: unknown argument ${argv[i]}`);
  }
  return o;
}

/** The solutions notebook with the answer cell of `id` replaced by `source`. */
function withCell(id, source) {
  const nb = JSON.parse(fs.readFileSync(SOLUTIONS, "utf8"));
  const cell = nb.cells.find((c) => (c.metadata.tags || []).includes(`answer:${id}`));
  cell.source = source;
  return JSON.stringify(nb);
}

const HOSTILE_EXTRA = [
  ["async-leftovers", withCell("adagrad", 'Promise.reject(new Error("late")); import("fs");\nfunction adagradStep(p: number[]): any { (async () => { throw new Error("later"); })(); return { params: p, state: { v: [0, 0] } }; }')],
  ["huge-string", withCell("cyclic", 'function cyclicLr(step: number): any { return "x".repeat(20_000_000); }')],
  ["bigint-async", withCell("cosine", "async function cosineRestartLr(step: number): Promise<any> { return 10n; }")],
  ["stash", withCell("rmsprop", 'function rmspropStep(p: number[], b: any, s: any, hp: any): any { (globalThis as any).leak = JSON.stringify(hp); console.log({ [Symbol.for("nodejs.util.inspect.custom")]: (d: any, o: any, inspect: any) => { inspect.leak = hp; return ""; } }); return { params: p, state: s }; }')],
];

/** Writes the 100 submissions into `dir`; returns how many of each kind. */
function buildFolder(dir) {
  const solutions = fs.readFileSync(SOLUTIONS, "utf8");
  const mistakes = fs.readdirSync(SAMPLES).filter((f) => f.startsWith("mistake-")).sort();
  const hostile = fs.readdirSync(SAMPLES).filter((f) => f.startsWith("hostile-")).sort();
  let n = 0;
  const write = (name, text) => {
    fs.writeFileSync(path.join(dir, name), text);
    n++;
  };
  for (let i = 0; i < 50; i++) write(`correct-${String(i).padStart(2, "0")}.ipynb`, solutions);
  for (let i = 0; i < 30; i++) write(`m${String(i).padStart(2, "0")}-${mistakes[i % mistakes.length]}`, fs.readFileSync(path.join(SAMPLES, mistakes[i % mistakes.length])));
  for (const h of hostile) write(h, fs.readFileSync(path.join(SAMPLES, h)));
  for (let k = 0; n < 98; k++) {
    const [what, text] = HOSTILE_EXTRA[k % HOSTILE_EXTRA.length];
    write(`x${k}-${what}.ipynb`, text);
  }
  write("=cmd|' calc'!A0 \u001b[2J.ipynb", solutions);
  fs.symlinkSync(SOLUTIONS, path.join(dir, "link-to-solutions.ipynb"));
  n++;
  return { total: n, correct: 50, mistaken: 30, hostile: n - 80 };
}

const CLOCK_TICKS = (() => {
  const r = spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" });
  return Number(r.stdout) > 0 ? Number(r.stdout) : 100;
})();

/** CPU seconds used by waited-for children of this process so far (user + system). */
function childrenCpuSeconds() {
  const fields = fs.readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
  return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS;
}

/** The isolation's floor: `count` sandboxed children started, given a trivial answer and stopped, in `jobs` lanes. */
async function processFloor(count, jobs) {
  const { Sandbox, DEFAULT_LIMITS } = require(path.join(DIST, "grading", "sandbox"));
  const sandbox = new Sandbox(DEFAULT_LIMITS, jobs);
  const job = { kind: "value", answerName: "x", stateKeys: [], usesT: false, js: "const x = 1;", cases: [null] };
  let left = count;
  const t0 = process.hrtime.bigint();
  await Promise.all(Array.from({ length: jobs }, async () => {
    while (left-- > 0) await sandbox.run(job);
  }));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  sandbox.close();
  return seconds;
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "adaptive-lr-grade-bench-"));
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "adaptive-lr-grade-bench-out-"));
  try {
    const mix = buildFolder(dir);
    const load = os.loadavg()[0];
    const cpu0 = childrenCpuSeconds();
    const t0 = process.hrtime.bigint();
    const run = spawnSync(process.execPath, [path.join(DIST, "cli.js"), "grade", dir, "--out", out, "--jobs", String(o.jobs), "--timeout", String(o.timeout), "--quiet"], {
      encoding: "utf8",
      env: { ...process.env, ADAPTIVE_LR_SEED: "bench" },
    });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const cpuSeconds = childrenCpuSeconds() - cpu0;
    if (run.status !== 0) throw new Error(`grade-throughput: the grader failed (${run.status}): ${run.stderr.slice(-500)}`);
    const csv = fs.readFileSync(path.join(out, "scores.csv"), "utf8").trim().split("\n").slice(1);
    const graded = csv.filter((l) => !l.includes("skipped: ")).length;
    // Exercise jobs that ran in a process: every answer cell present and compiled (not a missing
    // cell, a syntax error or an unreadable file).
    const results = fs.readdirSync(out).filter((f) => f.endsWith(".results.json")).map((f) => JSON.parse(fs.readFileSync(path.join(out, f), "utf8")));
    const processes = results.reduce(
      (s, r) => s + r.tests.filter((t) => t.name.endsWith("visible cases") && !/^(no answer|the answer:\w+ cell is not valid|Could not grade)/.test(t.output)).length,
      0,
    );
    const sample = Math.min(processes, 200);
    const floor = ((await processFloor(sample, o.jobs)) * processes) / sample;
    const report = {
      submissions: mix.total,
      graded,
      mix,
      jobs: o.jobs,
      timeoutSeconds: o.timeout,
      seconds: +seconds.toFixed(2),
      perSecond: +(graded / seconds).toFixed(2),
      exerciseProcesses: processes,
      floorSeconds: +floor.toFixed(2),
      ratioToFloor: +(seconds / floor).toFixed(2),
      cpuSeconds: +cpuSeconds.toFixed(1),
      cpuSecondsPerSubmission: +(cpuSeconds / graded).toFixed(3),
      idlePerSecond: +((os.cpus().length * graded) / cpuSeconds).toFixed(2),
      goalPerSecond: 2,
      met: graded / seconds >= 2,
      cores: os.cpus().length,
      loadAverageAtStart: +load.toFixed(2),
      loadAverageAtEnd: +os.loadavg()[0].toFixed(2),
    };
    if (o.json) process.stdout.write(JSON.stringify(report) + "\n");
    else process.stdout.write(gradingLines(report).join("\n") + "\n");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(out, { recursive: true, force: true });
  }
}

/** The report as Markdown lines (bench/LATEST.md's grading section). */
function gradingLines(g) {
  return [
    `Grading throughput (\`adaptive-lr grade <folder> --jobs ${g.jobs} --timeout ${g.timeoutSeconds}\`, every exercise in its own fresh sandboxed process): ` +
      `${g.graded} submissions (${g.mix.correct} correct, ${g.mix.mistaken} with a classic mistake, ${g.mix.hostile - 1} hostile, plus a link that is skipped) ` +
      `in ${g.seconds} s = **${g.perSecond} submissions/s** (goal >= ${g.goalPerSecond}: ${g.met ? "met" : "not met"}). ` +
      `Baseline in the same run: ${g.exerciseProcesses} sandboxed processes started, given a one-line answer and stopped, ${g.jobs} lanes: ${g.floorSeconds} s; ` +
      `grading / floor = ${g.ratioToFloor}x. CPU time (grader and all its processes): ${g.cpuSeconds} s, ${g.cpuSecondsPerSubmission} s per submission, ` +
      `so ${g.cores} idle cores grade at most ${g.idlePerSecond} submissions/s. ${g.cores} cores, load average ${g.loadAverageAtStart} at start, ${g.loadAverageAtEnd} at end ` +
      "(other work on the machine slows the wall clock).",
  ];
}

module.exports = { gradingLines };

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`${e.stack || e}\n`);
    process.exit(1);
  });
}
