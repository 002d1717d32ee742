// @ts-check
/**
 * Renders a bench report (the JSON bench/run.js writes) as a console table and as the markdown
 * of bench/LATEST.md (the README's performance section draft).
 *
 *   node bench/report.js bench/results/latest.json [--markdown]
 */
"use strict";

const fs = require("fs");

function time(s) {
  if (s === undefined) return "-";
  if (s >= 1) return `${s.toFixed(2)} s`;
  if (s >= 0.01) return `${(s * 1000).toFixed(0)} ms`;
  return `${(s * 1000).toFixed(1)} ms`;
}

function ratio(r) {
  if (r === undefined) return "-";
  return r >= 10 ? `${r.toFixed(0)}x` : `${r.toFixed(1)}x`;
}

function mib(kib) {
  return kib === undefined ? "-" : `${Math.round(kib / 1024)}`;
}

/** "peak (+added)" in MiB. */
function mem(col) {
  if (!col || col.skipped) return "-";
  return `${mib(col.peakRssKiB)} (+${mib(col.peakRssKiB - col.baselineRssKiB)})`;
}

function bytes(n) {
  if (n === undefined) return "-";
  if (n >= 2 ** 20) return `${(n / 2 ** 20).toFixed(1)} MiB`;
  return `${(n / 1024).toFixed(0)} KiB`;
}

function targetText(row) {
  const t = row.target;
  const name = t.against === "lecture" ? "lecture" : "NumPy";
  return `>= ${t.ratio}x ${name}`;
}

function metText(row) {
  return row.met === null ? "n/a" : row.met ? "yes" : "**no**";
}

function cell(col, what) {
  if (!col) return "-";
  if (col.skipped) return what === "time" ? `skipped (${col.skipped})` : "-";
  if (what === "time") return time(col.median);
  return ratio(col.ratio);
}

function agrees(row) {
  const ds = ["lecture", "numpy"].map((s) => row.columns[s]?.disagreement).filter((d) => d !== undefined);
  return ds.length ? `${Math.max(...ds).toExponential(0)}` : "-";
}

/** The rows of the main table (header first). */
function tableRows(report) {
  const rows = [["workload", "kit", "kit, full record", "lecture Python", "ratio", "NumPy", "ratio", "target", "met", "max rel. diff", "peak RSS MiB kit / lecture / NumPy (+added)"]];
  for (const r of report.workloads) {
    const c = r.columns;
    rows.push([`(${r.workload}) ${r.what}`, cell(c.kit, "time"), cell(c.kitFull, "time"), cell(c.lecture, "time"), cell(c.lecture, "ratio"), cell(c.numpy, "time"),
      cell(c.numpy, "ratio"), targetText(r), metText(r), agrees(r), `${mem(c.kit)} / ${mem(c.lecture)} / ${mem(c.numpy)}`]);
  }
  return rows;
}

function markdownTable(rows) {
  const line = (cells) => `| ${cells.join(" | ")} |`;
  return [line(rows[0]), line(rows[0].map(() => "---")), ...rows.slice(1).map(line)].join("\n") + "\n";
}

/** Ratios of the fastest runs: less sensitive than medians to other work on a shared machine. */
function bestLine(report) {
  const parts = report.workloads.map((r) => {
    const c = r.columns;
    const vs = ["lecture", "numpy"].filter((s) => c[s] && c[s].min !== undefined && c.kit.min)
      .map((s) => `${ratio(c[s].min / c.kit.min)} ${s === "lecture" ? "lecture" : "NumPy"}`);
    return vs.length ? `(${r.workload}) ${vs.join(", ")}` : undefined;
  }).filter(Boolean);
  const cold = report.workloads.filter((r) => r.columns.kit?.warmupSeconds?.length)
    .map((r) => `(${r.workload}) ${time(r.columns.kit.warmupSeconds[0])}`);
  return (parts.length ? `Ratios of the fastest runs (less sensitive to other load): ${parts.join("; ")}.\n\n` : "") +
    (cold.length ? `Kit's first (cold, unoptimised) run in a fresh process: ${cold.join(", ")}.\n` : "");
}

function machineLine(m) {
  const load = m.loadAverageAtStart ? `; load average ${m.loadAverageAtStart[0]} at start, ${m.loadAverageAtEnd?.[0] ?? "-"} at end (other work on the machine inflates and scatters the times)` : "";
  return `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM, ${m.os}; Node ${m.node}, Python ${m.python ?? "-"}, NumPy ${m.numpy ?? "-"}${load}`;
}

function memoryLine(m) {
  if (!m) return "";
  return `Recorded trajectory (${m.what}, ${m.records} records): ${bytes(m.trajectoryBytes)} kept alive ` +
    `(budget ~${bytes(m.budgetBytes)}: ${m.withinBudget ? "within" : "OVER"}); peak RSS of its process ${mib(m.peakRssKiB)} MiB ` +
    `(+${mib(m.peakRssKiB - m.baselineRssKiB)} over the loaded kit); the run took ${time(m.seconds)}.\n`;
}

function courseLines(c, md) {
  if (!c) return [];
  if (!c.notebooks) return [`Notebook course: ${c.note}.`];
  const parts = [];
  if (c.serialSeconds !== undefined) parts.push(`sum of the notebooks' headless execution times ${time(c.serialSeconds)}`);
  if (c.wallSeconds !== undefined) parts.push(`wall time of \`npm run course\` ${time(c.wallSeconds)}`);
  const head = `Notebook course (${c.notebooks.length} notebooks${c.built ? `, site/ built ${c.built}` : ""}): ` +
    `${parts.length ? parts.join(", ") : "no execution times"}${c.note ? `. Note: ${c.note}` : ""}.`;
  const rows = [["notebook", "execution (kernel start)", "charts", "source size", "executed size", "HTML size"],
    ...c.notebooks.map((n) => [n.notebook, n.seconds === undefined ? "-" : `${time(n.seconds)} (${time(n.kernelStartSeconds)})`,
      n.charts === undefined ? "-" : String(n.charts),
      bytes(n.sourceBytes), bytes(n.executedBytes), bytes(n.htmlBytes)])];
  return [head, "", md ? markdownTable(rows) : consoleTable(rows)];
}

function consoleTable(rows) {
  const plain = rows.map((r) => r.map((c) => String(c).replace(/\*\*/g, "")));
  const widths = plain[0].map((_, j) => Math.max(...plain.map((r) => r[j].length)));
  return plain.map((r) => r.map((c, j) => c.padEnd(widths[j])).join("  ").trimEnd()).join("\n") + "\n";
}

function renderConsole(report) {
  return [
    "",
    `adaptive-lr benchmarks, ${report.date}`,
    machineLine(report.machine),
    "",
    consoleTable(tableRows(report)),
    bestLine(report),
    memoryLine(report.memory),
    ...courseLines(report.course, false),
    ...report.notes.map((n) => `- ${n}`),
    "",
  ].join("\n");
}

function renderMarkdown(report) {
  const rep = report.repeats;
  return [
    "# Performance (latest `npm run bench`)",
    "",
    "<!-- Written by `npm run bench -- --latest`; a draft of the README's performance section. -->",
    "",
    `Run on ${report.date.slice(0, 10)}: ${machineLine(report.machine)}.`,
    "",
    "Each workload runs in the kit (its public API: `train`, `optimizers.*`, `models.sigmoidNeuron.lossSurface`, " +
      "`models.logistic`, `datasets.*`) and, in the same run, as plain Python loops over points the way the lecture writes them " +
      "and vectorised with NumPy, on the same data. Times are medians over " +
      `${report.rounds} interleaved rounds (per round: kit ${rep.kit.repeats} runs after ${rep.kit.warmup} warm-up, NumPy ${rep.numpy.repeats} after ${rep.numpy.warmup}, ` +
      `lecture Python ${rep.lecture.repeats}); ratio = baseline time / kit time.`,
    "",
    markdownTable(tableRows(report)),
    bestLine(report),
    memoryLine(report.memory),
    ...courseLines(report.course, true),
    "",
    "Notes:",
    "",
    ...report.notes.map((n) => `- ${n}`),
    "",
    "Reproduce (Debian 12; nothing is downloaded or installed by the benchmark):",
    "",
    "```sh",
    "sudo apt-get install python3 python3-numpy   # the baselines; without numpy only that column is skipped",
    "npm ci && npm run build",
    "npm run bench                                # 1-2 min; prints the table, writes bench/results/*.json",
    "npm run bench -- --quick                     # fewer repeats",
    "npm run bench -- --latest                    # also rewrites this file",
    "```",
    "",
  ].join("\n");
}

if (require.main === module) {
  const [file, flag] = process.argv.slice(2);
  if (!file) {
    process.stderr.write("usage: node bench/report.js bench/results/latest.json [--markdown]\n");
    process.exit(2);
  }
  const report = JSON.parse(fs.readFileSync(file, "utf8"));
  process.stdout.write(flag === "--markdown" ? renderMarkdown(report) : renderConsole(report));
}

module.exports = { renderConsole, renderMarkdown };
