#!/usr/bin/env node
// @ts-check
/**
 * Explorables benchmark: slider input to redrawn chart in headless Chromium (Debian's, as the
 * tests use it), 500 steps of each optimizer on the sparse data (one widget per optimizer, η
 * slider moved through 0.0032..0.032 like a drag, one input event per animation frame). Reports the
 * median and 95th percentile of the input handler (input event -> paths recomputed, canvas redrawn,
 * readout updated) split into computing and drawing (every optimizer of `optimizers.registry`); and, measured in the same run, the baseline
 * the issue describes: recomputing and redrawing contour + path with `Plotly.react`.
 *
 *   node bench/explore.js              print the table, write bench/results/explore-latest.json
 *   node bench/explore.js --latest     also replace the explorables section of bench/LATEST.md
 *   node bench/explore.js --quick      fewer events (smoke run)
 *
 * `npm run bench` runs it too (bench/run.js); goal p50 <= 16 ms, p95 <= 33 ms (60 / 30 frames per
 * second). Nothing is downloaded; needs `npm run build` and /usr/bin/chromium (CHROMIUM_PATH).
 */
/* global document, window, requestAnimationFrame, Event -- page.evaluate runs these functions in Chromium */
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const STEPS = 500;
const GOAL = { p50: 16, p95: 33 };
const MARK_BEGIN = "<!-- explore-bench:begin -->";
const MARK_END = "<!-- explore-bench:end -->";

function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const i = (s.length - 1) * q;
  const lo = Math.floor(i), hi = Math.ceil(i);
  return s[lo] + (s[hi] - s[lo]) * (i - lo);
}

async function measure({ quick = false } = {}) {
  const { explore, optimizers } = require(path.join(ROOT, "dist"));
  const { explorePageHtml } = require(path.join(ROOT, "dist", "display"));
  const { chromium } = require("playwright-core");
  const names = optimizers.names; // every optimizer of the registry
  const widgets = names.map((name) => explore.optimizers({ problem: "sparse", optimizers: [name], sliders: { eta: {} }, steps: STEPS }));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "adaptive-lr-bench-explore-"));
  const file = path.join(dir, "explore.html");
  fs.writeFileSync(file, explorePageHtml(widgets, "explorables benchmark"));
  const executablePath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  if (!fs.existsSync(executablePath)) throw new Error(`bench/explore: Chromium not found at ${executablePath} (apt-get install chromium)`);
  const browser = await chromium.launch({
    executablePath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    await page.goto(`file://${file}`, { waitUntil: "load" });
    await page.waitForFunction((n) => document.querySelectorAll(".adaptive-lr-explore[data-ready=true]").length === n, widgets.length, { timeout: 120000 });
    const events = quick ? 15 : 60;
    const warmup = quick ? 5 : 15;
    const result = await page.evaluate(async ({ events, warmup, steps }) => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
      // η positions of a drag: log10(η) from -2.5 to -1.5 and back, 0.01 decade a frame
      const positions = [];
      for (let k = 0; k <= 100; k++) positions.push(-2.5 + k * 0.01);
      for (let k = 99; k > 0; k--) positions.push(-2.5 + k * 0.01);
      const out = [];
      for (const el of Array.from(document.querySelectorAll(".adaptive-lr-explore"))) {
        const m = /** @type {any} */ (el).adaptiveLrExplore;
        const input = /** @type {HTMLInputElement} */ (el.querySelector('input[name="eta"]'));
        el.scrollIntoView();
        await frame();
        const total = [], compute = [], draw = [];
        for (let i = 0; i < warmup + events; i++) {
          input.value = String(positions[i % positions.length]);
          const t0 = performance.now();
          input.dispatchEvent(new Event("input", { bubbles: true }));
          const t1 = performance.now();
          if (i >= warmup) {
            total.push(t1 - t0);
            compute.push(m.timings.compute);
            draw.push(m.timings.draw);
          }
          await frame();
        }
        const p = Object.values(m.drawing.data.paths)[0];
        out.push({ name: m.spec.optimizers[0].name, points: p.x.length, total, compute, draw });
      }
      // Baseline (same page, same library): recompute, then Plotly.react of the contour and the path.
      const lib = /** @type {any} */ (window).adaptiveLr;
      const Plotly = /** @type {any} */ (window).Plotly;
      const spec = /** @type {any} */ (document.querySelector(".adaptive-lr-explore")).adaptiveLrExplore.spec;
      const div = document.createElement("div");
      div.style.width = "800px";
      document.body.appendChild(div);
      div.scrollIntoView();
      const base = lib.charts.lossContour({ surface: { x: lib.charts.linspace(-3, 5, 70), y: lib.charts.linspace(-3, 1.5, 70), z: lib.models.sigmoidNeuron.lossSurface(lib.datasets.sparse(), lib.charts.linspace(-3, 5, 70), lib.charts.linspace(-3, 1.5, 70)) } });
      await Plotly.newPlot(div, base.data, base.layout, { displayModeBar: false });
      const react = [];
      const reactEvents = Math.max(5, Math.round(events / 3));
      for (let i = 0; i < warmup + reactEvents; i++) {
        const t0 = performance.now();
        const drawing = lib.explore.compute(spec, { eta: Math.pow(10, positions[i % positions.length]), steps, w0: -2, b0: -2 });
        const path = drawing.data.paths[spec.optimizers[0].name];
        await Plotly.react(div, [base.data[0], { type: "scatter", mode: "lines+markers", x: path.x, y: path.y, marker: { size: 3 } }], base.layout);
        const t1 = performance.now();
        if (i >= warmup) react.push(t1 - t0);
        await frame();
      }
      return { widgets: out, react };
    }, { events, warmup, steps: STEPS });
    if (errors.length) throw new Error(`bench/explore: the page logged errors:\n${errors.join("\n")}`);
    return result;
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function summarize(raw) {
  const rows = raw.widgets.map((w) => ({
    optimizer: w.name, points: w.points, events: w.total.length,
    p50: quantile(w.total, 0.5), p95: quantile(w.total, 0.95),
    computeP50: quantile(w.compute, 0.5), drawP50: quantile(w.draw, 0.5),
  }));
  const all = raw.widgets.flatMap((w) => w.total);
  const overall = {
    p50: quantile(all, 0.5), p95: quantile(all, 0.95),
    computeP50: quantile(raw.widgets.flatMap((w) => w.compute), 0.5), drawP50: quantile(raw.widgets.flatMap((w) => w.draw), 0.5),
    reactP50: quantile(raw.react, 0.5), reactP95: quantile(raw.react, 0.95), reactEvents: raw.react.length,
  };
  return {
    date: new Date().toISOString(), steps: STEPS, goal: GOAL,
    met: overall.p50 <= GOAL.p50 && overall.p95 <= GOAL.p95,
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, loadAverage: os.loadavg().map((x) => +x.toFixed(2)) },
    rows, overall,
  };
}

const ms = (x) => `${x.toFixed(1)} ms`;

/** The explorables section of bench/LATEST.md. */
function exploreMarkdown(r) {
  const o = r.overall;
  return [
    MARK_BEGIN,
    "## Explorables: slider input to redrawn chart (headless Chromium)",
    "",
    `Run on ${r.date.slice(0, 10)} (\`node bench/explore.js\`; ${r.machine.cpus} cores, load average ${r.machine.loadAverage.join(", ")}): one \`explore.optimizers\` widget per optimizer, ${r.steps} batch steps on the sparse data, the η slider moved one position per animation frame; time = the input handler (recompute with the bundled library, canvas overlay and readout redrawn).`,
    "",
    "| optimizer | events | p50 | p95 | compute p50 | draw p50 |",
    "| --- | --- | --- | --- | --- | --- |",
    ...r.rows.map((row) => `| ${row.optimizer} | ${row.events} | ${ms(row.p50)} | ${ms(row.p95)} | ${ms(row.computeP50)} | ${ms(row.drawP50)} |`),
    `| **all** | ${r.rows.reduce((a, row) => a + row.events, 0)} | **${ms(o.p50)}** | **${ms(o.p95)}** | ${ms(o.computeP50)} | ${ms(o.drawP50)} |`,
    "",
    `Goal p50 <= ${r.goal.p50} ms, p95 <= ${r.goal.p95} ms: ${r.met ? "met" : "NOT met"}. Baseline in the same run, the same recompute followed by \`Plotly.react\` of the contour and the path (what the canvas overlay replaces): p50 ${ms(o.reactP50)}, p95 ${ms(o.reactP95)} (${o.reactEvents} events), ${(o.reactP50 / o.p50).toFixed(1)}x the overlay's p50.`,
    MARK_END,
  ].join("\n");
}

/** Replaces (or appends) the explorables section of a LATEST.md text. */
function withExploreSection(markdown, section) {
  const a = markdown.indexOf(MARK_BEGIN), b = markdown.indexOf(MARK_END);
  if (a >= 0 && b > a) return markdown.slice(0, a) + section + markdown.slice(b + MARK_END.length);
  return `${markdown.trimEnd()}\n\n${section}\n`;
}

function consoleTable(r) {
  const lines = [`explorables: slider input -> redrawn chart, ${r.steps} steps on the sparse data (headless Chromium)`];
  for (const row of r.rows) lines.push(`  ${row.optimizer.padEnd(9)} p50 ${ms(row.p50).padStart(8)}  p95 ${ms(row.p95).padStart(8)}  compute ${ms(row.computeP50).padStart(8)}  draw ${ms(row.drawP50).padStart(7)}`);
  const o = r.overall;
  lines.push(`  all       p50 ${ms(o.p50).padStart(8)}  p95 ${ms(o.p95).padStart(8)}  compute ${ms(o.computeP50).padStart(8)}  draw ${ms(o.drawP50).padStart(7)}   goal p50 <= ${r.goal.p50} ms, p95 <= ${r.goal.p95} ms: ${r.met ? "met" : "NOT met"}`);
  lines.push(`  baseline (recompute + Plotly.react of contour and path): p50 ${ms(o.reactP50)}, p95 ${ms(o.reactP95)}`);
  return lines.join("\n") + "\n";
}

/** Runs the benchmark; returns the summary (bench/run.js calls this). */
async function runExploreBench(opts = {}) {
  const summary = summarize(await measure(opts));
  const dir = path.join(__dirname, "results");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "explore-latest.json"), JSON.stringify(summary, null, 2) + "\n");
  return summary;
}

module.exports = { runExploreBench, exploreMarkdown, withExploreSection, consoleTable, quantile };

if (require.main === module) {
  const args = process.argv.slice(2);
  const bad = args.filter((a) => !["--latest", "--quick"].includes(a));
  if (bad.length) {
    process.stderr.write(`bench/explore: unknown argument ${bad[0]} (use --latest, --quick)\n`);
    process.exit(2);
  }
  runExploreBench({ quick: args.includes("--quick") }).then((summary) => {
    process.stdout.write(consoleTable(summary));
    process.stdout.write("wrote bench/results/explore-latest.json\n");
    if (args.includes("--latest")) {
      const file = path.join(__dirname, "LATEST.md");
      fs.writeFileSync(file, withExploreSection(fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "", exploreMarkdown(summary)));
      process.stdout.write("wrote the explorables section of bench/LATEST.md\n");
    }
  }).catch((err) => {
    process.stderr.write(`${err && err.message ? err.message : err}\n`);
    process.exit(1);
  });
}
