#!/usr/bin/env node
/**
 * Checks the claims an EXECUTED lecture notebook makes (docs/notebooks.md, conventions 1 and 2):
 *
 * 1. Teaching copies. A code cell prints exactly
 *      teaching copy vs optimizers.<name>: max |difference| = <number> over <N> steps
 *    (also `schedules.<name>`). Every such number must be <= 1e-12, and an algorithm notebook
 *    (01-08) must print one line for each rule it teaches (EXPECTED_COPIES).
 * 2. Quoted numbers. Every number the markdown gives (a loss, a step count, a rate) must appear in
 *    some printed output of the same notebook (stdout or text/plain; charts do not count), allowing
 *    for rounding: "0.63" is backed by a printed 0.6290, not by a printed 0.6.
 *    Not checked: fenced code, `inline code`, display math ($$...$$), HTML tags, link targets,
 *    section numbers of headings, numbered-list markers, integers 0-9, numbers with a leading zero
 *    ("09"), numbers glued to letters ("beta1", "2-D" is fine either way), references such as
 *    "notebook 05", "cell 3", "exercise 2", "section 3", years such as "(2018)", and hyperparameter
 *    assignments ("$\eta = 0.1$", "beta = 0.9", "$T = 50$").
 *    Any other INPUT value the prose repeats (a dataset size, a start point, a grid range) goes in
 *    the notebook's metadata, with the reason:
 *      "metadata": {"adaptive-lr": {"inputNumbers": {"500": "points in datasets.sparse()"}}}
 *    Never list a result there. An entry that matches no number in the markdown is an error too.
 *    Because assignments are skipped, a result written as one ("the search picks $\eta = 0.0316$")
 *    is not checked: write it as a value ("the best rate, 0.0316") or "the rate printed above".
 *
 * CLI: node scripts/notebook-claims.js site/notebooks/10-learning-rate-schedules.ipynb [...]
 *      (after `npm run course -- --only 10`); exits 1 and prints every problem.
 */
"use strict";
const fs = require("fs");
const path = require("path");

/** The largest |difference| a teaching copy may print. */
const MAX_DIFFERENCE = 1e-12;
/** Fewest steps a teaching-copy comparison must cover. */
const MIN_STEPS = 10;

/** The rules each algorithm notebook shows as a teaching copy (by the notebook's two-digit prefix). */
const EXPECTED_COPIES = Object.freeze({
  "01": ["optimizers.gd", "optimizers.momentum", "optimizers.nag"],
  "02": ["optimizers.adagrad"],
  "03": ["optimizers.rmsprop"],
  "04": ["optimizers.adadelta"],
  "05": ["optimizers.adam"],
  "06": ["optimizers.maxprop", "optimizers.adamax"],
  "07": ["optimizers.nadam"],
  "08": ["optimizers.amsgrad", "optimizers.adamw"],
});

const COPY_LINE = /teaching copy vs ((?:optimizers|schedules)\.[A-Za-z0-9_]+): max \|difference\| = (\S+) over (\d+) steps/g;
const COPY_MENTION = /teaching copy vs/;

// A number: 12, 0.629, .5, 1,000, 1.2e-4, 46th. Group 1 = digits, group 2 = exponent.
const NUMBER = /(?<![\w^\\])(?<!(?<!\.)\.)(\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)(?:[eE]([-+−]?\d+))?(?:st|nd|rd|th)?(?![\w])/g;
const REFERENCE_WORDS = "notebooks?|cells?|sections?|exercises?|questions?|slides?|modules?|lectures?|issues?|chapters?|parts?|figures?|fig\\.|items?|conventions?";
const REFERENCE = new RegExp(`\\b(?:${REFERENCE_WORDS})\\s+$`, "i");
const REFERENCE_LIST = /\d+\s*(?:[–—,/-]|and|or|to)\s*$/;
const HYPER = String.raw`(?:\\(?:eta|beta|epsilon|varepsilon|gamma|mu|lambda|rho|alpha|delta)|η|β|ε|γ|μ|λ|ρ|α|eta|beta[12]?|eps(?:ilon)?|gamma|mu|lambda|rho|alpha|T|T_?0|Tmult|T_\{?\\?(?:text\{)?mult\}?\}?|k|s|N|n|d_\{\\text\{model\}\}|dModel|patience|factor|stepSize|warmupSteps|weightDecay|minLr|etaMax|etaMin|seed|epochs|sparsity|noise|batchSize|lr|wTrue|bTrue|threshold|steps)`;
const SUBSCRIPT = String.raw`(?:_(?:\{(?:\\max|\\min|max|min|[012]|\\text\{[^}]*\}|\\mathrm\{[^}]*\}|mult|model)\}|[012]|\\max|\\min))?`;
const ASSIGNMENT = new RegExp(`(?:^|[^\\w\\\\])${HYPER}${SUBSCRIPT}\\s*(?:=|:)\\s*[-−]?$`);

const text = (t) => (Array.isArray(t) ? t.join("") : t ?? "");
const blank = (s) => s.replace(/[^\n]/g, " ");

/** Parses one number match into value and resolution (half a unit of its last digit). */
function parseNumber(digits, exponent) {
  const plain = digits.replace(/,/g, "");
  const decimals = plain.includes(".") ? plain.length - plain.indexOf(".") - 1 : 0;
  const e = exponent === undefined ? 0 : Number(exponent.replace("−", "-"));
  return { value: Number(plain) * 10 ** e, resolution: 0.5 * 10 ** (e - decimals), integer: decimals === 0 && e === 0 };
}

/** Every number printed in `s` (an output's text); a range "1.089..3.845" gives both ends. */
function numbersIn(s) {
  const out = [];
  for (const m of s.replace(/−/g, "-").matchAll(/(\d+(?:\.\d+)?|(?<![.\d])\.\d+)(?:[eE]([-+]?\d+))?/g)) out.push(parseNumber(m[1], m[2]));
  return out;
}

/**
 * Markdown with everything that is not prose blanked out (same length and line breaks, so a match's
 * index still gives its line): code, display math, tags, link targets, heading numbers, list
 * markers; inside inline math, "1.2 \times 10^{-4}" and "10^{-4}" become "1.2e-4" and "1e-4".
 */
function proseOf(markdown) {
  let s = markdown.replace(/(\d)\{,\}(\d{3})/g, "$1$2   "); // LaTeX thousands: 4{,}200
  s = s.replace(/```[\s\S]*?```/g, blank).replace(/\$\$[\s\S]*?\$\$/g, blank).replace(/\\\[[\s\S]*?\\\]/g, blank);
  s = s.replace(/`[^`\n]*`/g, blank).replace(/<[^>\n]*>/g, blank).replace(/\]\([^)\n]*\)/g, blank);
  s = s.replace(/^(\s*#+\s*)([\d.]+)/gm, (_m, a, b) => a + blank(b));
  s = s.replace(/^(\s*)(\d+[.)])(\s)/gm, (_m, a, b, c) => a + blank(b) + c);
  const pad = (orig, repl) => repl + " ".repeat(Math.max(0, orig.length - repl.length));
  s = s.replace(/(\d+(?:\.\d+)?)\s*\\(?:times|cdot)\s*10\^\{?([-−]?\d+)\}?/g, (m, a, e) => pad(m, `${a}e${e.replace("−", "-")}`));
  s = s.replace(/(?<![\d.])10\^\{?([-−]?\d+)\}?/g, (m, e) => pad(m, `1e${e.replace("−", "-")}`));
  // Powers are not quoted values (b^3, t^{-1/2}).
  s = s.replace(/\^\{[^}]*\}|\^\d/g, blank);
  // Subscripts naming a hyperparameter (\beta_1, \eta_{\max}, d_{\text{model}}) stay, so "\beta_1 = 0.9"
  // reads as an assignment; an index (\eta_{20}, \eta_t) becomes "#": "\eta_{20} = 0.55" is a result.
  s = s.replace(/_\{(?:[^{}]|\{[^}]*\})*\}|_\\?[A-Za-z0-9]+/g, (m) => (new RegExp(`^${SUBSCRIPT}$`).test(m) ? m : pad(m, "#")));
  return s;
}

/**
 * The numbers a markdown cell quotes as results: [{text, value, resolution, line, lineNumber}]
 * (lineNumber 1-based within the cell). See the file comment for what is left out.
 */
function quotedNumbers(markdown) {
  const prose = proseOf(markdown);
  const lines = markdown.split("\n");
  const found = [];
  for (const m of prose.matchAll(NUMBER)) {
    const before = prose.slice(Math.max(0, m.index - 60), m.index);
    const parsed = parseNumber(m[1], m[2]);
    if (parsed.integer && parsed.value < 10) continue;
    if (/^0\d/.test(m[1])) continue;
    if (REFERENCE.test(before)) continue;
    if (REFERENCE_LIST.test(before) && listOfReferences(prose, m.index)) continue;
    if (parsed.integer && parsed.value >= 1900 && parsed.value <= 2100 && /\(\s*$|et al\.?,?\s*$/.test(before)) continue;
    if (ASSIGNMENT.test(before)) continue;
    const lineIndex = prose.slice(0, m.index).split("\n").length - 1;
    found.push({ text: m[0], ...parsed, line: lines[lineIndex].trim(), lineNumber: lineIndex + 1 });
  }
  return found;
}

/** True when the number at `index` continues a list that started with a reference word ("notebooks 04 and 09"). */
function listOfReferences(prose, index) {
  const before = prose.slice(Math.max(0, index - 80), index);
  return new RegExp(`\\b(?:${REFERENCE_WORDS})\\s+\\d+(?:\\s*(?:[–—,/-]|and|or|to)\\s*\\d+)*\\s*(?:[–—,/-]|and|or|to)\\s*$`, "i").test(before);
}

/** Texts of a cell's printed outputs (stdout/stderr streams, text/plain results; not charts, not errors). */
function printedTexts(cell) {
  const out = [];
  for (const o of cell.outputs ?? []) {
    if (o.output_type === "stream") out.push(text(o.text));
    else if ((o.output_type === "execute_result" || o.output_type === "display_data") && o.data) {
      if (o.data["application/vnd.plotly.v1+json"] !== undefined) continue;
      if (o.data["text/plain"] !== undefined) out.push(text(o.data["text/plain"]));
    }
  }
  return out;
}

/** True when some printed number rounds to the quoted one (and is printed at least as precisely). */
function isBacked(quoted, printed) {
  const q = Math.abs(quoted.value);
  return printed.some((p) => p.resolution <= quoted.resolution * (1 + 1e-9) &&
    Math.abs(Math.abs(p.value) - q) <= quoted.resolution * (1 + 1e-9) + 1e-12 * q);
}

/** The teaching-copy lines printed by the notebook: [{target, difference, steps, line}]. */
function teachingCopies(cells) {
  const found = [];
  for (const cell of cells) {
    for (const t of printedTexts(cell)) {
      for (const m of t.matchAll(COPY_LINE)) found.push({ target: m[1], difference: Number(m[2]), raw: m[2], steps: Number(m[3]), line: m[0] });
    }
  }
  return found;
}

/** The notebook's declared input numbers: metadata["adaptive-lr"].inputNumbers, {"<number>": "<why>"}. */
function inputNumbers(nb, name) {
  const list = nb.metadata?.["adaptive-lr"]?.inputNumbers ?? {};
  if (typeof list !== "object" || Array.isArray(list)) throw new Error(`${name}: metadata["adaptive-lr"].inputNumbers must be an object {"<number>": "<why it is an input>"}`);
  return Object.entries(list).map(([key, why]) => {
    const m = /^-?(\d+(?:\.\d+)?|\.\d+)(?:[eE]([-+]?\d+))?$/.exec(key.trim());
    if (!m || typeof why !== "string" || why.trim() === "") {
      throw new Error(`${name}: metadata["adaptive-lr"].inputNumbers entry ${JSON.stringify(key)}: ${JSON.stringify(why)} needs a plain number as key and the reason it is an input as value`);
    }
    return { key, ...parseNumber(m[1], m[2]) };
  });
}

/**
 * Checks one executed notebook (parsed JSON). `name` is its file name (the two-digit prefix picks
 * the expected teaching copies). Returns a list of problems, each naming the notebook, the number
 * and the markdown line; empty when every claim is backed.
 */
function checkNotebook(nb, name) {
  const problems = [];
  const cells = nb.cells ?? [];
  const copies = teachingCopies(cells);
  for (const c of copies) {
    if (!Number.isFinite(c.difference) || c.difference > MAX_DIFFERENCE) {
      problems.push(`${name}: "${c.line}": the teaching copy disagrees with ${c.target} (${c.raw} > ${MAX_DIFFERENCE}); fix the copy or the library`);
    }
    if (c.steps < MIN_STEPS) problems.push(`${name}: "${c.line}": compare over at least ${MIN_STEPS} steps`);
  }
  for (const cell of cells) {
    for (const t of printedTexts(cell)) {
      for (const line of t.split("\n")) {
        if (COPY_MENTION.test(line) && !new RegExp(COPY_LINE.source).test(line)) {
          problems.push(`${name}: printed "${line.trim()}" is not in the form "teaching copy vs optimizers.<name>: max |difference| = <x.xxe-yy> over <N> steps"`);
        }
      }
    }
  }
  const prefix = /^(\d\d)-/.exec(path.basename(name))?.[1];
  for (const target of EXPECTED_COPIES[prefix] ?? []) {
    if (!copies.some((c) => c.target === target)) {
      problems.push(`${name}: no output line "teaching copy vs ${target}: max |difference| = ... over N steps" (an algorithm notebook prints one per rule it teaches)`);
    }
  }

  const printed = cells.filter((c) => c.cell_type === "code").flatMap(printedTexts).flatMap(numbersIn);
  const inputs = inputNumbers(nb, name);
  const used = new Set();
  cells.forEach((cell, index) => {
    if (cell.cell_type !== "markdown") return;
    for (const q of quotedNumbers(text(cell.source))) {
      const input = inputs.find((i) => Math.abs(i.value - Math.abs(q.value)) <= 1e-12 * Math.max(1, i.value));
      if (input) {
        used.add(input.key);
        continue;
      }
      if (isBacked(q, printed)) continue;
      problems.push(`${name}: markdown cell ${index}, line ${q.lineNumber}: "${q.text}" appears in no output: "${q.line}" ` +
        `(print it in a code cell, or write "the value above"; only an input value may go in metadata["adaptive-lr"].inputNumbers)`);
    }
  });
  for (const i of inputs) {
    if (!used.has(i.key)) problems.push(`${name}: metadata["adaptive-lr"].inputNumbers lists "${i.key}", which no markdown cell quotes: remove it`);
  }
  return problems;
}

/** Reads and checks an executed notebook file. */
function checkNotebookFile(file) {
  return checkNotebook(JSON.parse(fs.readFileSync(file, "utf8")), path.basename(file));
}

module.exports = { proseOf, MAX_DIFFERENCE, MIN_STEPS, EXPECTED_COPIES, quotedNumbers, numbersIn, teachingCopies, isBacked, checkNotebook, checkNotebookFile };

if (require.main === module) {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error("usage: node scripts/notebook-claims.js EXECUTED.ipynb [...]   (e.g. site/notebooks/10-learning-rate-schedules.ipynb after npm run course)");
    process.exit(2);
  }
  let bad = 0;
  for (const f of files) {
    const problems = checkNotebookFile(f);
    bad += problems.length;
    for (const p of problems) console.log(p);
    if (problems.length === 0) console.log(`${path.basename(f)}: ok (${teachingCopies(JSON.parse(fs.readFileSync(f, "utf8")).cells).length} teaching cop(ies))`);
  }
  process.exit(bad > 0 ? 1 : 0);
}
