#!/usr/bin/env node
/**
 * Benchmark of the JupyterLite site (issue 13); not a test. Prints a markdown report:
 *   - site size, raw and gzipped (each file gzip -6, as a static host would send it), largest parts;
 *   - per notebook, in headless Chromium through JupyterLab's UI (fresh browser storage each time):
 *     time until the notebook shows, until its kernel is idle, Run All (every cell done) and until every
 *     chart is drawn (plotly.js draws on the page's thread after the cells ran);
 *   - next to it the same notebook under Jupyter + tslab (nbclient, `npm run course`'s manifest):
 *     cells only, and with the kernel start; the ratio tslab cells / browser Run All (> 1: browser faster).
 *
 *   node bench/lite.js [--site site-lite] [--course site] [--runs N] [--latest]
 * --latest also rewrites bench/LATEST.md's section from "<!-- bench/lite.js -->" to the end.
 * Needs `npm run lite` and `npm run course -- --exercises` first (it says so otherwise).
 */
"use strict";
const fs = require("fs");
const path = require("path");
const os = require("os");
const zlib = require("zlib");
const { chromium } = require("playwright-core");

const ROOT = path.resolve(__dirname, "..");
/** Start of this script's section of LATEST.md (bench/run.js --latest keeps it). */
const LITE_MARK = "<!-- bench/lite.js -->";
const { serveSite } = require(path.join(ROOT, "lite", "scripts", "serve.js"));
const drive = require(path.join(ROOT, "lite", "scripts", "drive.js"));
const site = require(path.join(ROOT, "lite", "scripts", "site.js"));

function parseArgs(argv) {
  const opts = { site: path.join(ROOT, "site-lite"), course: path.join(ROOT, "site"), runs: 1, latest: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--site") opts.site = path.resolve(argv[++i]);
    else if (a === "--course") opts.course = path.resolve(argv[++i]);
    else if (a === "--runs") opts.runs = Number(argv[++i]);
    else if (a === "--latest") opts.latest = true;
    else throw new Error(`bench/lite: unknown argument ${a} (use --site DIR, --course DIR, --runs N)`);
  }
  if (!Number.isInteger(opts.runs) || opts.runs < 1) throw new Error(`bench/lite: --runs must be a positive integer, got ${opts.runs}`);
  return opts;
}

function files(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? files(full) : [full];
  });
}

function siteSize(dir) {
  const parts = new Map();
  let raw = 0;
  let gz = 0;
  for (const f of files(dir)) {
    const body = fs.readFileSync(f);
    const z = zlib.gzipSync(body, { level: 6 }).length;
    raw += body.length;
    gz += z;
    const rel = path.relative(dir, f).split(path.sep);
    const part = rel[0] === "adaptive-lr" ? `adaptive-lr/${rel[1]}` : rel[0];
    const p = parts.get(part) || { raw: 0, gz: 0 };
    p.raw += body.length;
    p.gz += z;
    parts.set(part, p);
  }
  return { raw, gz, parts: [...parts.entries()].sort((a, b) => b[1].raw - a[1].raw) };
}

const mb = (n) => (n / 1e6).toFixed(1);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(path.join(opts.site, "lab", "index.html"))) throw new Error(`bench/lite: no site in ${opts.site}; run npm run lite first`);
  const manifestFile = path.join(opts.course, "manifest.json");
  if (!fs.existsSync(manifestFile)) throw new Error(`bench/lite: no ${manifestFile}; run npm run course -- --exercises first`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
  const loadBefore = os.loadavg()[0];
  const size = siteSize(opts.site);
  const notebooks = site.courseFiles().files.filter((f) => f.endsWith(".ipynb"));

  const { server, url } = await serveSite(opts.site);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const rows = [];
  try {
    for (const rel of notebooks) {
      const samples = [];
      for (let r = 0; r < opts.runs; r++) {
        const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
        const page = await context.newPage();
        const open = await drive.openNotebook(page, url, rel);
        const started = Date.now();
        const cells = await drive.runAll(page);
        const charts = await drive.waitCharts(page);
        samples.push({ ...open, runAll: cells, drawn: (Date.now() - started) / 1000, charts });
        await context.close();
      }
      const entry = manifest.notebooks.find((e) => e.name === site.executedName(rel).replace(/\.ipynb$/, ""));
      const tslabCells = entry ? entry.seconds - (entry.kernelStartSeconds || 0) : NaN;
      const row = {
        notebook: rel, shown: median(samples.map((s) => s.shownSeconds)), ready: median(samples.map((s) => s.readySeconds)),
        runAll: median(samples.map((s) => s.runAll)), drawn: median(samples.map((s) => s.drawn)), charts: samples[0].charts,
        tslabCells, tslabTotal: entry ? entry.seconds : NaN,
      };
      rows.push(row);
      console.error(`  ${rel}: open ${row.shown.toFixed(1)} s, Run All ${row.runAll.toFixed(2)} s (charts drawn ${row.drawn.toFixed(2)} s), tslab cells ${tslabCells.toFixed(1)} s`);
    }
  } finally {
    await browser.close();
    server.close();
  }

  const lines = [];
  lines.push(`Site \`${path.relative(ROOT, opts.site)}\`: ${mb(size.raw)} MB raw, ${mb(size.gz)} MB gzipped (${files(opts.site).length} files). Largest parts:`);
  lines.push("");
  lines.push("| part | raw MB | gzipped MB |");
  lines.push("|---|---:|---:|");
  for (const [part, p] of size.parts.slice(0, 8)) lines.push(`| ${part} | ${mb(p.raw)} | ${mb(p.gz)} |`);
  lines.push("");
  lines.push(`Per notebook (headless Chromium, fresh storage, median of ${opts.runs}; tslab = Jupyter nbclient + tslab from \`npm run course\`, 2 kernels in parallel):`);
  lines.push("");
  lines.push("| notebook | shown s | kernel idle s | browser Run All s | + charts drawn s | charts | tslab cells s | tslab with kernel start s | tslab cells / browser Run All |");
  lines.push("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    lines.push(`| ${r.notebook} | ${r.shown.toFixed(1)} | ${r.ready.toFixed(1)} | ${r.runAll.toFixed(2)} | ${r.drawn.toFixed(2)} | ${r.charts} | ${r.tslabCells.toFixed(1)} | ${r.tslabTotal.toFixed(1)} | ${(r.tslabCells / r.runAll).toFixed(1)}x |`);
  }
  const faster = rows.filter((r) => r.runAll < r.tslabCells).length;
  lines.push("");
  lines.push(`Run All faster in the browser than the same cells under tslab: ${faster} of ${rows.length} notebooks.`);
  console.log(lines.join("\n"));
  if (opts.latest) {
    const file = path.join(__dirname, "LATEST.md");
    const previous = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
    const head = previous.includes(LITE_MARK) ? previous.slice(0, previous.indexOf(LITE_MARK)) : `${previous.trimEnd()}\n\n`;
    const intro = `${LITE_MARK}\n## The course in the browser (JupyterLite site, \`node bench/lite.js\`)\n\n` +
      `Run on ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, load average ${loadBefore.toFixed(1)} at start and ${os.loadavg()[0].toFixed(1)} at end ` +
      "(other work on the machine inflates the times). \"Run All\" is counted from the menu click until every cell has run; in an executed notebook " +
      "it also clears and redraws every chart on the page's thread (software rendering), while the tslab times are nbclient's cell times without drawing. " +
      "\"Kernel idle\" is counted from the page load and includes the worker loading TypeScript (3.6 MB) and the drawing of the saved charts.\n\n";
    fs.writeFileSync(file, `${head}${intro}${lines.join("\n")}\n`);
    console.error("wrote bench/LATEST.md (browser section)");
  }
}

main().catch((err) => {
  console.error(err && err.message ? err.message : err);
  process.exit(1);
});
