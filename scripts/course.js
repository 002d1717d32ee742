#!/usr/bin/env node
/**
 * npm run course: executes every lecture notebook headlessly through the real tslab kernel
 * (nbclient, via scripts/notebook_runner.py), then writes into site/ (git-ignored):
 *   site/notebooks/NN-*.ipynb   executed and signed (Jupyter trusts their chart scripts)
 *   site/NN-*.html              one static page per section (nbconvert's HTML export)
 *   site/index.html             the index page
 *   site/manifest.json          per notebook: charts, animation frames, seconds, sizes
 * A failing cell stops the build with that cell's source and real error text (exit 1).
 *
 * Options: --out DIR (default site), --jobs N (parallel kernels), --only TEXT (notebooks whose
 * name contains TEXT), --exercises (also notebooks/exercises/**), --keep-going (run every notebook
 * even after a failure; the manifest records each one's error; still exits 1).
 */
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const tools = require("./notebook-tools");
const { installKatex, useKatex } = require("./site-math");

const MAX_NOTEBOOK_BYTES = 6 * 1024 * 1024;

function parseArgs(argv) {
  const opts = { out: path.join(tools.ROOT, "site"), jobs: Math.max(1, Math.min(4, os.cpus().length)), only: null, exercises: false, keepGoing: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`course: ${a} needs a value`);
      return argv[++i];
    };
    if (a === "--out") opts.out = path.resolve(value());
    else if (a === "--jobs") opts.jobs = Number(value());
    else if (a === "--only") opts.only = value();
    else if (a === "--exercises") opts.exercises = true;
    else if (a === "--keep-going") opts.keepGoing = true;
    else throw new Error(`course: unknown argument ${a} (use --out DIR, --jobs N, --only TEXT, --exercises, --keep-going)`);
  }
  if (!Number.isInteger(opts.jobs) || opts.jobs < 1) throw new Error(`course: --jobs must be a positive integer, got ${opts.jobs}`);
  return opts;
}

/** The notebook's title: its first markdown heading, else its file name. */
function titleOf(file) {
  const nb = JSON.parse(fs.readFileSync(file, "utf8"));
  for (const cell of nb.cells) {
    if (cell.cell_type !== "markdown") continue;
    const text = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
    const m = /^#+\s+(.+)$/m.exec(text);
    if (m) return m[1].trim();
  }
  return path.basename(file, ".ipynb");
}

const escapeHtml = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

function indexHtml(entries) {
  const rows = entries.map((e) => `<li><a href="${escapeHtml(e.html)}">${escapeHtml(e.title)}</a>
  <span class="meta">${e.charts} chart${e.charts === 1 ? "" : "s"} &middot; ${e.seconds.toFixed(1)} s &middot;
  <a href="${escapeHtml(e.ipynb)}">notebook</a> (${(e.bytes / 1e6).toFixed(2)} MB)</span></li>`).join("\n");
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Gradient descent with adaptive learning rates</title>
<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
li{margin:.6rem 0}.meta{display:block;color:#666;font-size:.9em}</style></head>
<body><h1>Gradient descent with adaptive learning rates</h1>
<p>The course notebooks, executed. Each page is a static copy with live Plotly charts (no network needed).
The executed notebooks are signed: open them in Jupyter with the project's kernel (<code>npm start</code>).</p>
<ol>
${rows}
</ol>
<p class="meta">Built ${new Date().toISOString()}.</p>
</body></html>
`;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  tools.checkBuilt();
  tools.ensureSelfLink();
  if (!tools.findPython()) {
    console.error(`course: Jupyter's nbclient/nbconvert not found; ${tools.INSTALL_HINT}`);
    process.exit(1);
  }
  let notebooks = tools.listNotebooks({ exercises: opts.exercises });
  if (opts.only) notebooks = notebooks.filter((f) => path.basename(f).includes(opts.only));
  if (notebooks.length === 0) throw new Error(`course: no notebooks found in ${tools.NOTEBOOKS}`);
  fs.mkdirSync(path.join(opts.out, "notebooks"), { recursive: true });
  installKatex(opts.out);

  const started = Date.now();
  const entries = new Array(notebooks.length);
  const failures = [];
  let next = 0;
  console.log(`course: executing ${notebooks.length} notebook(s) with ${opts.jobs} kernel(s) in parallel`);
  const worker = async () => {
    while ((opts.keepGoing || failures.length === 0) && next < notebooks.length) {
      const k = next++;
      const file = notebooks[k];
      const rel = path.relative(tools.NOTEBOOKS, file);
      const name = rel.replace(/\.ipynb$/, "").split(path.sep).join("__");
      const summary = await tools.runNotebook(file, {
        out: path.join(opts.out, "notebooks", `${name}.ipynb`),
        html: path.join(opts.out, `${name}.html`),
        sign: true,
      });
      if (summary.ok && summary.html) {
        const page = path.join(opts.out, `${name}.html`);
        fs.writeFileSync(page, useKatex(fs.readFileSync(page, "utf8")));
      }
      entries[k] = {
        name, title: titleOf(file), source: path.relative(tools.ROOT, file), ok: summary.ok,
        html: `${name}.html`, ipynb: `notebooks/${name}.ipynb`,
        charts: summary.charts, frames: summary.frames, seconds: summary.seconds,
        kernelStartSeconds: summary.kernelStartSeconds, cells: summary.cells,
        bytes: summary.bytes, htmlBytes: summary.htmlBytes || 0, error: summary.error,
      };
      if (!summary.ok) {
        failures.push(entries[k]);
        const e = summary.error;
        console.error(`\ncourse: ${rel} failed in cell ${e.cell}:\n${e.source}\n---\n${e.message}\n`);
        continue;
      }
      console.log(`  ${rel.padEnd(36)} ${summary.seconds.toFixed(1).padStart(6)} s  ${(summary.bytes / 1e6).toFixed(2)} MB  ${summary.charts} chart(s)`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.jobs, notebooks.length) }, worker));

  const done = entries.filter(Boolean);
  const total = (Date.now() - started) / 1000;
  fs.writeFileSync(path.join(opts.out, "manifest.json"),
    JSON.stringify({ built: new Date().toISOString(), seconds: total, notebooks: done }, null, 1));
  if (failures.length > 0) {
    console.error(`course: ${failures.length} notebook(s) failed: ${failures.map((e) => e.source).join(", ")}`);
    process.exit(1);
  }
  fs.writeFileSync(path.join(opts.out, "index.html"), indexHtml(done));
  const tooBig = done.filter((e) => e.bytes > MAX_NOTEBOOK_BYTES);
  const largest = Math.max(...done.map((e) => e.bytes));
  console.log(`course: ${done.length} notebook(s) in ${total.toFixed(1)} s (largest ${(largest / 1e6).toFixed(2)} MB); open ${path.join(opts.out, "index.html")}`);
  if (tooBig.length > 0) {
    console.error(`course: over the ${MAX_NOTEBOOK_BYTES} byte limit: ${tooBig.map((e) => `${e.name} (${e.bytes})`).join(", ")}`);
    process.exit(1);
  }
}

main().catch((err) => {
  console.error(err && err.message ? err.message : err);
  process.exit(1);
});
