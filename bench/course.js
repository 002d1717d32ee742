// @ts-check
/**
 * The notebook course's part of the bench report, read from what `npm run course` wrote into
 * site/manifest.json (per notebook: seconds of headless execution, executed .ipynb bytes, HTML
 * bytes, charts) plus each source notebook's size in notebooks/. Reads only; runs nothing (the
 * course has its own command). The course runs several kernels in parallel, so the sum of the
 * per-notebook times is the serial cost, not the wall time; the wall time is the manifest's
 * top-level `seconds`.
 */
"use strict";

const fs = require("fs");
const path = require("path");

function sizeOf(file) {
  try {
    return fs.statSync(file).size;
  } catch {
    return undefined;
  }
}

/** Source notebooks under notebooks/ (exercises included), relative paths, sorted. */
function sourceNotebooks(dir, prefix = "") {
  if (!fs.existsSync(dir)) return [];
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith(".")) continue;
    if (e.isDirectory()) out.push(...sourceNotebooks(path.join(dir, e.name), path.join(prefix, e.name)));
    else if (e.name.endsWith(".ipynb")) out.push(path.join(prefix, e.name));
  }
  return out.sort();
}

/** Course timing and notebook sizes, or a note saying what is missing. */
function courseReport(root) {
  const nbDir = path.join(root, "notebooks");
  const sources = sourceNotebooks(nbDir);
  if (sources.length === 0) return { note: "no notebooks yet (notebooks/*.ipynb)" };
  const manifestFile = path.join(root, "site", "manifest.json");
  let manifest;
  let note;
  if (fs.existsSync(manifestFile)) {
    try {
      manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
    } catch (err) {
      note = `site/manifest.json is not JSON (${/** @type {Error} */ (err).message})`;
    }
  } else {
    note = "no site/manifest.json: run `npm run course` for execution times and executed sizes";
  }
  const entries = Array.isArray(manifest?.notebooks) ? manifest.notebooks.filter(Boolean) : [];
  const bySource = new Map(entries.map((e) => [path.normalize(String(e.source ?? "")), e]));
  const notebooks = sources.map((rel) => {
    const e = bySource.get(path.join("notebooks", rel));
    return {
      notebook: rel,
      sourceBytes: sizeOf(path.join(nbDir, rel)),
      seconds: typeof e?.seconds === "number" ? e.seconds : undefined,
      executedBytes: typeof e?.bytes === "number" ? e.bytes : undefined,
      htmlBytes: typeof e?.htmlBytes === "number" ? e.htmlBytes : undefined,
      charts: typeof e?.charts === "number" ? e.charts : undefined,
      kernelStartSeconds: typeof e?.kernelStartSeconds === "number" ? e.kernelStartSeconds : undefined,
    };
  });
  const timed = notebooks.filter((n) => n.seconds !== undefined);
  const missing = notebooks.filter((n) => n.seconds === undefined).map((n) => n.notebook);
  if (manifest && missing.length) {
    note = `not executed by the last \`npm run course\` (exercises need --exercises; newer notebooks need a rebuild): ${missing.join(", ")}`;
  }
  return {
    built: manifest?.built,
    notebooks,
    serialSeconds: timed.length ? timed.reduce((s, n) => s + /** @type {number} */ (n.seconds), 0) : undefined,
    wallSeconds: [manifest?.seconds, manifest?.totalSeconds].find((v) => typeof v === "number"),
    note,
  };
}

module.exports = { courseReport };
