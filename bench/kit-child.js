// @ts-check
/**
 * Times one kit workload in a process of its own and prints a JSON report on stdout, so the peak
 * resident memory (process.resourceUsage().maxRSS) belongs to that workload alone.
 *
 *   node --expose-gc bench/kit-child.js <a|b|c|d|m> [repeats] [warmup] [all|params]   (train's record option)
 *
 * `baselineRssKiB` is the peak just after loading the kit and building the data; peak - baseline
 * is what the workload added. Workload m reports the bytes its recorded trajectory keeps alive
 * (heap + ArrayBuffers after a full GC, with and without the run held).
 */
"use strict";

const { loadKit, setup } = require("./workloads");

function gc() {
  const collect = /** @type {any} */ (globalThis).gc;
  if (typeof collect !== "function") throw new Error("bench/kit-child.js: run with node --expose-gc");
  collect();
  collect();
}

function liveBytes() {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** Record count and final loss of a run. */
function summarizeRun(run) {
  return { records: run.trajectory.length, finalLoss: run.trajectory.last().loss };
}

function main() {
  const [name, repeatsArg = "7", warmupArg = "1", record = "all"] = process.argv.slice(2);
  if (!["all", "params"].includes(record)) throw new Error(`bench/kit-child.js: record must be all or params, got ${JSON.stringify(record)}`);
  const repeats = Number(repeatsArg);
  const warmup = Number(warmupArg);
  if (!["a", "b", "c", "d", "m"].includes(name)) throw new Error(`bench/kit-child.js: workload must be a, b, c, d or m, got ${JSON.stringify(name)}`);
  if (!Number.isInteger(repeats) || repeats < 1) throw new Error(`bench/kit-child.js: repeats must be an integer >= 1, got ${repeatsArg}`);
  if (!Number.isInteger(warmup) || warmup < 0) throw new Error(`bench/kit-child.js: warmup must be an integer >= 0, got ${warmupArg}`);

  const kit = loadKit();
  const { workloads } = setup(kit, { record: /** @type {"all"|"params"} */ (record) });
  const work = workloads[/** @type {"a"|"b"|"c"|"d"|"m"} */ (name)];
  gc();
  const baselineRssKiB = process.resourceUsage().maxRSS;

  if (name === "m") {
    const before = liveBytes();
    const start = performance.now();
    let run = work();
    const seconds = (performance.now() - start) / 1000;
    gc();
    const held = liveBytes();
    // Read in a helper: its temporaries (the trajectory) die with its frame, not in this one's registers.
    const { records, finalLoss } = summarizeRun(run);
    run = null; // drop the run: what comes back is what it held
    gc();
    const released = liveBytes();
    const report = {
      workload: name, node: process.version, seconds: [seconds], warmupSeconds: [],
      baselineRssKiB, peakRssKiB: process.resourceUsage().maxRSS,
      trajectoryBytes: held - released, heldOverStartBytes: held - before, records, finalLoss,
    };
    process.stdout.write(JSON.stringify(report) + "\n");
    return;
  }

  const warm = [];
  const seconds = [];
  const faults = [];
  let result;
  for (let k = 0; k < warmup + repeats; k++) {
    const faultsBefore = process.resourceUsage().minorPageFault;
    const start = performance.now();
    result = work();
    const elapsed = (performance.now() - start) / 1000;
    (k < warmup ? warm : seconds).push(elapsed);
    if (k >= warmup) faults.push(process.resourceUsage().minorPageFault - faultsBefore);
  }
  const report = {
    workload: name, node: process.version, warmupSeconds: warm, seconds, minorPageFaults: faults,
    baselineRssKiB, peakRssKiB: process.resourceUsage().maxRSS, result,
  };
  process.stdout.write(JSON.stringify(report) + "\n");
}

try {
  main();
} catch (err) {
  process.stderr.write(String(err && /** @type {Error} */ (err).stack || err) + "\n");
  process.exit(1);
}
