#!/usr/bin/env node
/**
 * Builds the exercise notebooks from ONE source, so the students' stubs and the instructors'
 * solutions cannot drift apart:
 *
 *   notebooks/exercises/source/exercises.pct.ts   (jupytext "percent" format, TypeScript)
 *     -> notebooks/exercises/exercises.ipynb             stubs, for students
 *     -> notebooks/exercises/exercises-solutions.ipynb   solutions, for instructors
 *
 * Source format: `// %% [markdown]` starts a markdown cell (its lines are `// ` comments),
 * `// %%` a code cell, `// %% tags=["answer:adagrad"]` a tagged answer cell. Inside a cell, the
 * lines between `// BEGIN SOLUTION` and `// END SOLUTION` are the solution; in the stub they are
 * replaced by the `// STUB: ...` lines of that block (uncommented), or by
 * `// YOUR CODE HERE` + `throw new Error("not implemented yet")` when there are none.
 *
 * Usage: node scripts/exercises.js            write both notebooks
 *        node scripts/exercises.js --check    exit 1 if the committed notebooks are out of date
 */
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const SOURCE = path.join(ROOT, "notebooks", "exercises", "source", "exercises.pct.ts");
const OUTPUTS = {
  stub: path.join(ROOT, "notebooks", "exercises", "exercises.ipynb"),
  solution: path.join(ROOT, "notebooks", "exercises", "exercises-solutions.ipynb"),
};

const METADATA = {
  kernelspec: { display_name: "TypeScript (adaptive-lr)", language: "typescript", name: "tslab" },
  language_info: {
    codemirror_mode: { mode: "typescript", name: "javascript", typescript: true },
    file_extension: ".ts",
    mimetype: "text/typescript",
    name: "typescript",
  },
};

/** Splits percent-format text into cells: {type: "markdown"|"code", tags: string[], lines: string[]}. */
function parsePercent(text) {
  const cells = [];
  let current = null;
  for (const line of text.replace(/\r\n/g, "\n").split("\n")) {
    const marker = /^\/\/ %%(.*)$/.exec(line);
    if (marker) {
      const rest = marker[1].trim();
      const tagMatch = /tags=(\[.*\])/.exec(rest);
      current = { type: rest.startsWith("[markdown]") ? "markdown" : "code", tags: tagMatch ? JSON.parse(tagMatch[1]) : [], lines: [] };
      cells.push(current);
    } else if (current) {
      current.lines.push(line);
    } else if (line.trim() !== "") {
      throw new Error(`exercises.js: text before the first "// %%" marker: ${JSON.stringify(line)}`);
    }
  }
  for (const cell of cells) {
    while (cell.lines.length && cell.lines[cell.lines.length - 1].trim() === "") cell.lines.pop();
    while (cell.lines.length && cell.lines[0].trim() === "") cell.lines.shift();
    if (cell.type === "markdown") cell.lines = cell.lines.map((l) => l.replace(/^\/\/ ?/, ""));
  }
  return cells;
}

/** The code of a cell in the "solution" or "stub" version. */
function renderCode(lines, version) {
  const out = [];
  let inSolution = false;
  let stubLines = [];
  let indent = "";
  for (const line of lines) {
    const begin = /^(\s*)\/\/ BEGIN SOLUTION\s*$/.exec(line);
    if (begin) {
      if (inSolution) throw new Error("exercises.js: nested BEGIN SOLUTION");
      inSolution = true;
      indent = begin[1];
      stubLines = [];
      continue;
    }
    if (/^\s*\/\/ END SOLUTION\s*$/.test(line)) {
      if (!inSolution) throw new Error("exercises.js: END SOLUTION without BEGIN SOLUTION");
      inSolution = false;
      if (version === "stub") {
        out.push(...(stubLines.length ? stubLines : [`${indent}// YOUR CODE HERE`, `${indent}throw new Error("not implemented yet");`]));
      }
      continue;
    }
    const stub = /^(\s*)\/\/ STUB: ?(.*)$/.exec(line);
    if (inSolution && stub) {
      stubLines.push(stub[1] + stub[2]);
      continue;
    }
    if (!inSolution || version === "solution") out.push(line);
  }
  if (inSolution) throw new Error("exercises.js: BEGIN SOLUTION without END SOLUTION");
  return out;
}

/** ipynb stores a cell's text as lines that keep their "\n", except the last. */
function toSource(lines) {
  return lines.map((l, i) => (i < lines.length - 1 ? l + "\n" : l));
}

function cellId(version, index, cell) {
  return crypto.createHash("sha1").update(`${index}:${cell.type}:${cell.tags.join(",")}`).digest("hex").slice(0, 8);
}

/** The notebook (as an object) for one version. */
function buildNotebook(cells, version) {
  return {
    cells: cells.map((cell, index) => {
      const metadata = cell.tags.length ? { tags: cell.tags } : {};
      if (cell.type === "markdown") return { cell_type: "markdown", id: cellId(version, index, cell), metadata, source: toSource(cell.lines) };
      return {
        cell_type: "code",
        execution_count: null,
        id: cellId(version, index, cell),
        metadata,
        outputs: [],
        source: toSource(renderCode(cell.lines, version)),
      };
    }),
    metadata: METADATA,
    nbformat: 4,
    nbformat_minor: 5,
  };
}

function serialize(nb) {
  return JSON.stringify(nb, null, 1) + "\n";
}

/** Both notebooks' text, keyed by version. */
function buildAll(sourceText = fs.readFileSync(SOURCE, "utf8")) {
  const cells = parsePercent(sourceText);
  return { stub: serialize(buildNotebook(cells, "stub")), solution: serialize(buildNotebook(cells, "solution")) };
}

function main(argv) {
  const built = buildAll();
  if (argv.includes("--check")) {
    const stale = Object.keys(OUTPUTS).filter((k) => !fs.existsSync(OUTPUTS[k]) || fs.readFileSync(OUTPUTS[k], "utf8") !== built[k]);
    if (stale.length) {
      console.error(`out of date: ${stale.map((k) => path.relative(ROOT, OUTPUTS[k])).join(", ")}; run node scripts/exercises.js`);
      return 1;
    }
    console.log("exercise notebooks are up to date with notebooks/exercises/source/exercises.pct.ts");
    return 0;
  }
  for (const k of Object.keys(OUTPUTS)) {
    fs.writeFileSync(OUTPUTS[k], built[k]);
    console.log(`wrote ${path.relative(ROOT, OUTPUTS[k])}`);
  }
  return 0;
}

module.exports = { SOURCE, OUTPUTS, parsePercent, renderCode, buildNotebook, buildAll };

if (require.main === module) process.exitCode = main(process.argv.slice(2));
