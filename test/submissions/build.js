#!/usr/bin/env node
/**
 * Builds the sample submissions in this folder from the solutions notebook
 * (notebooks/exercises/exercises-solutions.ipynb), so they follow the exercises when those change:
 * each sample is the solution with ONE deliberate change — a classic mistake, a hostile answer,
 * or a damaged notebook. `SAMPLES` below is the list; test/grading-cli.test.ts asserts the
 * grader's verdict on every one of them.
 *
 * Usage: node test/submissions/build.js           (re)write the samples
 *        node test/submissions/build.js --check   exit 1 if a committed sample is out of date
 */
"use strict";
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..", "..");
const SOLUTIONS = path.join(ROOT, "notebooks", "exercises", "exercises-solutions.ipynb");

const text = (cell) => (Array.isArray(cell.source) ? cell.source.join("") : cell.source);
const setText = (cell, s) => {
  const lines = s.split("\n");
  cell.source = lines.map((l, i) => (i < lines.length - 1 ? l + "\n" : l));
};
const tagged = (nb, id) => {
  const cell = nb.cells.find((c) => (c.metadata.tags || []).includes(`answer:${id}`));
  if (!cell) throw new Error(`build.js: no answer:${id} cell in the solutions notebook`);
  return cell;
};

/** Replaces `from` (which must occur) by `to` in the answer cell of exercise `id`. */
function edit(id, from, to) {
  return (nb) => {
    const cell = tagged(nb, id);
    const s = text(cell);
    if (!s.includes(from)) throw new Error(`build.js: ${JSON.stringify(from)} not found in answer:${id}`);
    setText(cell, s.split(from).join(to));
  };
}

/** Inserts `code` as the first statement of the function body in the answer cell of `id`. */
function prepend(id, code) {
  return (nb) => {
    const cell = tagged(nb, id);
    const s = text(cell);
    const at = s.indexOf("{\n") + 2;
    setText(cell, s.slice(0, at) + code + "\n" + s.slice(at));
  };
}

/**
 * Every sample: file name, what it is, and the change. `mistake`/`exercise` say what the grader must
 * recognise (used by the tests).
 */
const SAMPLES = [
  {
    name: "correct.ipynb",
    what: "all answers right; the student deleted the markdown, added scratch cells and moved cells around",
    change: (nb) => {
      nb.cells = nb.cells.filter((c) => c.cell_type !== "markdown");
      const cyclic = nb.cells.findIndex((c) => (c.metadata.tags || []).includes("answer:cyclic"));
      const [moved] = nb.cells.splice(cyclic, 1);
      nb.cells.unshift(moved);
      nb.cells.push(
        { cell_type: "code", execution_count: null, id: "scratch1", metadata: {}, outputs: [], source: ["// my scratch work\n", "const tries = [0.1, 0.01];"] },
        { cell_type: "markdown", id: "scratch2", metadata: {}, source: ["Notes to self: AdaGrad's rate for b decays fast."] },
      );
    },
  },
  {
    name: "mistake-overwrite-gradient.ipynb",
    what: "AdaGrad with dw = ∇ instead of dw += ∇",
    exercise: "adagrad",
    mistake: "overwrite-gradient",
    change: edit("adagrad", "(grad[j] += g)", "(grad[j] = g)"),
  },
  {
    name: "mistake-eps-inside-sqrt.ipynb",
    what: "RMSProp with eps inside the square root",
    exercise: "rmsprop",
    mistake: "eps-inside-sqrt",
    change: edit("rmsprop", "(hp.eta / (Math.sqrt(v[j]) + hp.eps))", "(hp.eta / Math.sqrt(v[j] + hp.eps))"),
  },
  {
    name: "mistake-no-bias-correction.ipynb",
    what: "Adam without bias correction",
    exercise: "adam",
    mistake: "no-bias-correction",
    change: (nb) => {
      edit("adam", "const mHat = m[j] / (1 - hp.beta1 ** t);", "const mHat = m[j];")(nb);
      edit("adam", "const vHat = v[j] / (1 - hp.beta2 ** t);", "const vHat = v[j];")(nb);
    },
  },
  {
    name: "mistake-t-from-zero.ipynb",
    what: "Adam whose step counter starts at 0 (bias correction divides by 1 - beta^0 = 0)",
    exercise: "adam",
    mistake: "t-from-zero",
    change: (nb) => {
      edit("adam", "const t = state.t + 1;", "const t = state.t;")(nb);
      edit("adam", "state: { t, m, v }", "state: { t: t + 1, m, v }")(nb);
    },
  },
  {
    name: "mistake-divide-by-v.ipynb",
    what: "AMSGrad dividing by vHat instead of sqrt(vHat)",
    exercise: "amsgrad",
    mistake: "divide-by-v",
    change: edit("amsgrad", "Math.sqrt(vHat[j])", "vHat[j]"),
  },
  {
    name: "mistake-state-not-carried.ipynb",
    what: "AdaDelta returning the state it was given",
    exercise: "adadelta",
    mistake: "state-not-carried",
    change: edit("adadelta", "state: { v, u } }", "state }"),
  },
  {
    name: "hostile-infinite-loop.ipynb",
    what: "AdaGrad loops forever",
    exercise: "adagrad",
    change: prepend("adagrad", "  while (true) {}"),
  },
  {
    name: "hostile-process-exit.ipynb",
    what: "RMSProp calls process.exit",
    exercise: "rmsprop",
    change: prepend("rmsprop", "  process.exit(0);"),
  },
  {
    name: "hostile-huge-output.ipynb",
    what: "AdaDelta prints about 100 MB",
    exercise: "adadelta",
    change: prepend("adadelta", '  for (let i = 0; i < 1e6; i++) console.log("x".repeat(100));'),
  },
  {
    name: "hostile-memory.ipynb",
    what: "AMSGrad allocates without end",
    exercise: "amsgrad",
    change: prepend("amsgrad", "  const hog: number[][] = [];\n  while (true) hog.push(new Array(1e7).fill(Math.random())); // 80 MB a chunk: the memory limit comes long before the time limit, even on a busy machine"),
  },
  {
    name: "hostile-read-hidden.ipynb",
    what: "the cosine cell tries to read the grader's hidden cases",
    exercise: "cosine",
    change: (nb) => {
      const cell = tagged(nb, "cosine");
      setText(
        cell,
        'import { readFileSync } from "fs";\n' +
          'const stolen = readFileSync("../../src/grading/exercises.ts", "utf8") + readFileSync("../../dist/grading/exercises.js", "utf8");\n' +
          text(cell),
      );
    },
  },
  {
    name: "hostile-syntax-error.ipynb",
    what: "the NAdam cell is not valid TypeScript",
    exercise: "nadam",
    change: edit("nadam", "const t = state.t + 1;", "const t = state.t + ;"),
  },
  {
    name: "hostile-deleted-cell.ipynb",
    what: "the cyclic answer cell was deleted",
    exercise: "cyclic",
    change: (nb) => {
      nb.cells = nb.cells.filter((c) => !(c.metadata.tags || []).includes("answer:cyclic"));
    },
  },
  {
    name: "hostile-not-a-notebook.ipynb",
    what: "not a notebook at all",
    raw: "this file was saved by mistake as text, not JSON\n",
  },
];

function render(sample) {
  if (sample.raw !== undefined) return sample.raw;
  const nb = JSON.parse(fs.readFileSync(SOLUTIONS, "utf8"));
  sample.change(nb);
  return JSON.stringify(nb, null, 1) + "\n";
}

function main(argv) {
  const check = argv.includes("--check");
  const stale = [];
  for (const sample of SAMPLES) {
    const file = path.join(__dirname, sample.name);
    const content = render(sample);
    if (check) {
      if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== content) stale.push(sample.name);
    } else {
      fs.writeFileSync(file, content);
    }
  }
  if (check && stale.length) {
    console.error(`out of date: ${stale.join(", ")}; run node test/submissions/build.js`);
    return 1;
  }
  console.log(check ? "sample submissions are up to date" : `wrote ${SAMPLES.length} sample submissions`);
  return 0;
}

module.exports = { SAMPLES, render };

if (require.main === module) process.exitCode = main(process.argv.slice(2));
