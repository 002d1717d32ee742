#!/usr/bin/env node
// @ts-check
/**
 * `npm run bench`: times each workload (bench/workloads.js) in the kit and, in the same run, the
 * same workload in plain Python loops as the lecture writes it and vectorised with NumPy; prints
 * a table of medians and ratios (baseline time / kit time), peak memory, the memory of a recorded
 * 100,000-update trajectory and, when `npm run course` has run, the notebooks' execution times and
 * sizes; writes everything to bench/results/ (git-ignored).
 *
 *   npm run bench                     full run (about 2 minutes)
 *   npm run bench -- --quick          fewer repeats (a smoke run; numbers are noisier)
 *   npm run bench -- --only a,c       some workloads
 *   npm run bench -- --latest         also rewrite bench/LATEST.md (the committed table)
 *   npm run bench -- --no-grading     skip the grading throughput (bench/grade-throughput.js, ~1 min)
 *
 * Then (not with --only) the explorables' slider-to-redraw benchmark in headless Chromium
 * (bench/explore.js; skipped with a note when Chromium is missing).
 *
 * It installs nothing. Python is Debian's /usr/bin/python3 (BENCH_PYTHON overrides); without
 * python3-numpy the NumPy column is skipped with the command that installs it.
 */
"use strict";

const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
/** Start of bench/lite.js's section of LATEST.md (kept when this script rewrites the file). */
const LITE_MARK = "<!-- bench/lite.js -->";
const { loadKit, setup, SIZES } = require("./workloads");
const { courseReport } = require("./course");
const { renderMarkdown, renderConsole } = require("./report");
const { runExploreBench, exploreMarkdown, withExploreSection, consoleTable: exploreConsole } = require("./explore");
const { gradingLines } = require("./grade-throughput");

const ROOT = path.join(__dirname, "..");
const WORKLOADS = ["a", "b", "c", "d"];
/** Ratio targets from the issue: baseline time / kit time must reach at least this. */
const TARGETS = {
  a: { against: "lecture", ratio: 30 },
  b: { against: "lecture", ratio: 30 },
  c: { against: "numpy", ratio: 1 },
  d: { against: "numpy", ratio: 1 },
};
/** Relative difference above which the kit and a baseline did not do the same work. */
const AGREEMENT_TOLERANCE = 1e-6;

function parseArgs(argv) {
  const opts = { quick: false, latest: false, only: WORKLOADS, memory: true, grading: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--quick") opts.quick = true;
    else if (a === "--latest") opts.latest = true;
    else if (a === "--no-grading") opts.grading = false;
    else if (a === "--only") {
      const list = String(argv[++i] ?? "").split(",").filter(Boolean);
      const bad = list.filter((w) => !WORKLOADS.includes(w));
      if (list.length === 0 || bad.length) throw new Error(`bench: --only takes a comma list of ${WORKLOADS.join(", ")}, got ${JSON.stringify(argv[i])}`);
      opts.only = list;
      opts.memory = false;
      opts.grading = false;
    } else if (a === "--help" || a === "-h") {
      process.stdout.write(fs.readFileSync(__filename, "utf8").split("\n").slice(3, 16).map((l) => l.replace(/^ \* ?/, "")).join("\n") + "\n");
      process.exit(0);
    } else throw new Error(`bench: unknown argument ${JSON.stringify(a)} (try --help)`);
  }
  return opts;
}

/** The kit's columns: "kit" (record "params", what the baselines record) and "kitFull" (record "all"). */
const isKit = (column) => column === "kit" || column === "kitFull";

/** Interleaved rounds; each round runs every column once, in a fresh process. */
const ROUNDS = (quick) => (quick ? 1 : 3);

/**
 * Timed and warm-up runs per column per round. Pure Python is slow, so it runs fewer times. The kit
 * warms up 3 times: V8 optimises hot code on a background thread, which a busy machine starves, so
 * a single warm-up can leave the first timed runs unoptimised (the first, cold run is reported apart).
 */
function repeatsFor(column, quick) {
  if (column === "lecture") return { repeats: 1, warmup: 0 };
  if (quick) return { repeats: 3, warmup: isKit(column) ? 2 : 1 };
  return { repeats: 5, warmup: isKit(column) ? 3 : 1 };
}

function median(xs) {
  const s = [...xs].sort((p, q) => p - q);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Runs a child that prints one JSON line; throws with its stderr on failure. */
function runJson(cmd, args, label) {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20, env: process.env });
  if (r.error) throw new Error(`bench: ${label} could not start (${cmd}): ${r.error.message}`);
  if (r.status !== 0) throw new Error(`bench: ${label} failed (exit ${r.status}):\n${r.stderr}`);
  const line = r.stdout.trim().split("\n").pop() ?? "";
  try {
    return JSON.parse(line);
  } catch {
    throw new Error(`bench: ${label} printed no JSON report:\n${r.stdout}\n${r.stderr}`);
  }
}

/** Debian's python3 and whether it has numpy; never installs anything. */
function detectPython() {
  const exe = process.env.BENCH_PYTHON || "/usr/bin/python3";
  const probe = spawnSync(exe, ["-c", "import sys; print(sys.version.split()[0])"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) {
    return { exe, python: null, numpy: null, note: `${exe} not found: install Debian's python3 (sudo apt-get install python3 python3-numpy) to get the Python columns; they are skipped.` };
  }
  const np = spawnSync(exe, ["-c", "import numpy; print(numpy.__version__)"], { encoding: "utf8" });
  const numpy = np.status === 0 ? np.stdout.trim() : null;
  return {
    exe, python: probe.stdout.trim(), numpy,
    note: numpy ? undefined : `numpy is not importable by ${exe}: install it with \`sudo apt-get install python3-numpy\` (Debian) to get the NumPy column; it is skipped.`,
  };
}

/** The `check` (compared) or `final` (reported) part of every run in a workload's result. */
function part(result, key) {
  if (!result || typeof result !== "object") return undefined;
  if ("check" in result) return result[key];
  return Object.fromEntries(Object.entries(result).map(([name, r]) => [name, part(r, key)]));
}

/** Largest relative difference |x - y| / max(1, |x|, |y|) between two results of the same shape. */
function disagreement(kit, base) {
  let worst = 0;
  const rel = (x, y) => Math.abs(x - y) / Math.max(1, Math.abs(x), Math.abs(y));
  const walk = (p, q, where) => {
    if (typeof p === "number") {
      if (typeof q !== "number") throw new Error(`bench: baseline result has no number at ${where}`);
      worst = Math.max(worst, rel(p, q));
    } else if (Array.isArray(p)) {
      if (!Array.isArray(q) || q.length !== p.length) throw new Error(`bench: baseline result at ${where} has another length`);
      p.forEach((v, i) => walk(v, q[i], `${where}[${i}]`));
    } else if (p && typeof p === "object") {
      for (const k of Object.keys(p)) walk(p[k], q?.[k], `${where}.${k}`);
    }
  };
  walk(kit, base, "result");
  return worst;
}

function machine(py) {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? "unknown", cores: cpus.length, memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    os: `${os.type()} ${os.release()} ${os.arch()}`, node: process.version, python: py.python, numpy: py.numpy,
    loadAverageAtStart: os.loadavg().map((x) => +x.toFixed(2)),
  };
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const kit = loadKit();
  const { exportForPython, describe } = setup(kit);
  const py = detectPython();
  const info = machine(py);
  if (py.note) process.stderr.write(`bench: ${py.note}\n`);

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "adaptive-lr-bench-"));
  const dataFile = path.join(tmp, "data.json");
  fs.writeFileSync(dataFile, JSON.stringify(exportForPython()));

  const rows = [];
  let mismatch = false;
  try {
    for (const w of opts.only) {
      const row = { workload: w, what: describe[w], target: TARGETS[w], columns: {} };
      // kit: records what the baselines record (params and loss: train's record "params");
      // kitFull: train's default record "all" (also gradient, rate and state), as the notebooks run.
      const styles = ["kit", "kitFull", "lecture", "numpy"].filter((style) => {
        if (style === "kitFull") return w !== "c";
        if (style === "kit" || (py.python && (style === "lecture" || py.numpy))) return true;
        row.columns[style] = { skipped: style === "numpy" && py.python ? "python3-numpy missing" : "python3 missing" };
        return false;
      });
      // Interleaved rounds (kit, lecture, NumPy, kit, ...): the other load on the machine then
      // falls on every column alike instead of on whichever ran during a busy moment.
      const reports = Object.fromEntries(styles.map((style) => [style, []]));
      for (let round = 1; round <= ROUNDS(opts.quick); round++) {
        process.stderr.write(`bench: (${w}) round ${round}:`);
        for (const style of styles) {
          const r = repeatsFor(style, opts.quick);
          process.stderr.write(` ${style}`);
          reports[style].push(isKit(style)
            ? runJson(process.execPath, ["--expose-gc", path.join(__dirname, "kit-child.js"), w, String(r.repeats), String(r.warmup),
              style === "kit" ? "params" : "all"], `${style} (${w})`)
            : runJson(py.exe, [path.join(__dirname, "python", "run_workload.py"), "--style", style, "--workload", w,
              "--data", dataFile, "--repeats", String(r.repeats), "--warmup", String(r.warmup)], `${style} Python (${w})`));
        }
        process.stderr.write("\n");
      }
      const kitResult = reports.kit[0].result;
      for (const style of styles) {
        const col = column(reports[style]);
        if (!isKit(style)) {
          const result = reports[style][0].result;
          col.disagreement = disagreement(part(kitResult, "check"), part(result, "check"));
          col.finalDifference = disagreement(part(kitResult, "final"), part(result, "final"));
          if (col.disagreement > AGREEMENT_TOLERANCE) mismatch = true;
        }
        row.columns[style] = col;
      }
      for (const style of styles) if (!isKit(style)) row.columns[style].ratio = row.columns[style].median / row.columns.kit.median;
      const t = row.target;
      const against = row.columns[t.against];
      row.met = against && against.ratio !== undefined ? against.ratio >= t.ratio : null;
      rows.push(row);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }

  let memory;
  if (opts.memory) {
    process.stderr.write("bench: (m) recorded trajectory ...");
    const m = runJson(process.execPath, ["--expose-gc", path.join(__dirname, "kit-child.js"), "m"], "kit (m)");
    memory = {
      what: describe.m.replace(/^recorded trajectory, /, ""), records: m.records, trajectoryBytes: m.trajectoryBytes, budgetBytes: 50 * 2 ** 20,
      withinBudget: m.trajectoryBytes <= 50 * 2 ** 20, peakRssKiB: m.peakRssKiB, baselineRssKiB: m.baselineRssKiB, seconds: m.seconds[0],
    };
    process.stderr.write(" done\n");
  }

  let grading;
  if (opts.grading) {
    process.stderr.write("bench: (g) grading throughput, 100 submissions ...");
    grading = runJson(process.execPath, [path.join(__dirname, "grade-throughput.js"), "--json"], "grading throughput");
    process.stderr.write(" done\n");
  }

  const report = {
    date: new Date().toISOString(),
    machine: { ...info, loadAverageAtEnd: os.loadavg().map((x) => +x.toFixed(2)) },
    notes: [
      `time = median wall-clock seconds of the timed runs (warm-up runs excluded), collected in ${ROUNDS(opts.quick)} interleaved round(s) of fresh processes (kit, lecture, NumPy, kit, ...); ratio = baseline median / kit median`,
      "each training run records the full-dataset loss and the params after every update on every side (kit: train's record: \"params\"); 'kit, full record' is the same run with train's default record: \"all\" (also the gradient, effective learning rate and optimizer state of every update, as the notebooks run), shown for reference and not used in the ratios",
      "peak memory = ru_maxrss of the process that ran only that workload (kit: one Node child per workload); +delta = peak minus the peak before the first run",
      `max rel. diff = largest relative difference between the kit's and the baselines' results: params after update ${SIZES.checkStep}, record counts, surface checksum (the runner fails above ${AGREEMENT_TOLERANCE}); final params are in the JSON (finalDifference): RMSProp, AdaDelta, AdaMax and NAdam end in a limit cycle that amplifies last-bit exp differences`,
      "lecture Python computes the sigmoid with math.exp; np.exp on a Python float (the slides' np.sqrt/np.power style) is ~7x slower per call, so the lecture ratios are conservative",
      "NumPy baselines compute in place in preallocated buffers where fresh temporaries would be page-fault bound, and in batch training compute the sigmoid (margins) at the new params once, for the recorded loss and the next gradient",
      ...(py.note ? [py.note] : []),
    ],
    rounds: ROUNDS(opts.quick),
    repeats: { kit: repeatsFor("kit", opts.quick), lecture: repeatsFor("lecture", opts.quick), numpy: repeatsFor("numpy", opts.quick) },
    agreementTolerance: AGREEMENT_TOLERANCE,
    workloads: rows,
    memory,
    grading,
    course: courseReport(ROOT),
  };

  const resultsDir = path.join(__dirname, "results");
  fs.mkdirSync(resultsDir, { recursive: true });
  const stamp = report.date.replace(/[:.]/g, "-");
  fs.writeFileSync(path.join(resultsDir, `bench-${stamp}.json`), JSON.stringify(report, null, 2) + "\n");
  fs.writeFileSync(path.join(resultsDir, "latest.json"), JSON.stringify(report, null, 2) + "\n");
  const gradingText = grading ? `\n${gradingLines(grading).join("\n")}\n` : "";
  process.stdout.write(renderConsole(report) + gradingText);
  process.stdout.write(`\nwrote bench/results/bench-${stamp}.json and bench/results/latest.json\n`);
  return { report, opts, resultsDir, stamp, mismatch };
}

/** The explorables benchmark after the workloads; its section goes into LATEST.md with --latest. */
async function finish({ report, opts, resultsDir, stamp, mismatch }) {
  if (opts.memory) {
    process.stderr.write("bench: explorables in headless Chromium ...\n");
    try {
      report.explore = await runExploreBench({ quick: opts.quick });
      process.stdout.write("\n" + exploreConsole(report.explore));
      fs.writeFileSync(path.join(resultsDir, `bench-${stamp}.json`), JSON.stringify(report, null, 2) + "\n");
      fs.writeFileSync(path.join(resultsDir, "latest.json"), JSON.stringify(report, null, 2) + "\n");
    } catch (err) {
      process.stderr.write(`bench: explorables skipped: ${/** @type {Error} */ (err).message}\n`);
    }
  }
  if (opts.latest) {
    // keep the browser site's section (written by bench/lite.js --latest) below this run's tables
    const latestFile = path.join(__dirname, "LATEST.md");
    const previous = fs.existsSync(latestFile) ? fs.readFileSync(latestFile, "utf8") : "";
    const liteSection = previous.includes(LITE_MARK) ? previous.slice(previous.indexOf(LITE_MARK)) : "";
    const gradingText = report.grading ? `\n${gradingLines(report.grading).join("\n")}\n` : "";
    const markdown = renderMarkdown(report) + gradingText;
    const withExplore = report.explore ? withExploreSection(markdown, exploreMarkdown(report.explore)) : markdown;
    fs.writeFileSync(latestFile, withExplore + (liteSection ? `\n${liteSection}` : ""));
    process.stdout.write("wrote bench/LATEST.md\n");
  }
  if (mismatch) {
    process.stderr.write(`bench: a baseline's result differs from the kit's by more than ${AGREEMENT_TOLERANCE} (see 'agrees' above): the timings do not compare the same work\n`);
    process.exitCode = 1;
  }
}

/** Median, samples and memory over the rounds' child reports of one column. */
function column(reports) {
  const seconds = reports.flatMap((r) => r.seconds);
  const faults = reports.flatMap((r) => r.minorPageFaults ?? []);
  const worst = reports.reduce((a, r) => (r.peakRssKiB > a.peakRssKiB ? r : a));
  return {
    median: median(seconds), min: Math.min(...seconds), seconds, warmupSeconds: reports.flatMap((r) => r.warmupSeconds),
    minorPageFaults: faults.length ? median(faults) : undefined,
    peakRssKiB: worst.peakRssKiB, baselineRssKiB: worst.baselineRssKiB,
  };
}

if (require.main === module) {
  let done;
  try {
    done = main();
  } catch (err) {
    process.stderr.write(`\n${/** @type {Error} */ (err).message}\n`);
    process.exit(1);
  }
  finish(done).catch((err) => {
    process.stderr.write(`\n${/** @type {Error} */ (err).message}\n`);
    process.exit(1);
  });
}

module.exports = { median, disagreement, part, TARGETS };
