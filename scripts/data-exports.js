/**
 * The seeded data sets the notebooks use, as CSV tables: one list, read by scripts/export-data.js
 * (writes data/*.csv) and by test/data-files.test.ts (checks the files equal the generators'
 * output). Numbers are written with JavaScript's shortest round-trip form, so parsing them (Python's
 * float(), a spreadsheet) gives back the exact doubles.
 */
"use strict";

/** @typedef {{ file: string, generator: string, about: string, columns: string[], rows: (lib: any) => (number[])[] }} DataExport */

/** @type {DataExport[]} */
const EXPORTS = [
  {
    file: "toy2.csv",
    generator: "datasets.toy2()",
    about: "the lecture's two-point toy problem",
    columns: ["x", "y"],
    rows: (lib) => zip(lib.datasets.toy2().x, lib.datasets.toy2().y),
  },
  {
    file: "sparse.csv",
    generator: "datasets.sparse() (seed 0; n 500, sparsity 0.8, wTrue 1, bTrue -0.74, xRange [0.5, 3], noise 0.05)",
    about: "the sparse-feature data of notebooks 01-09: 80% of x exactly 0",
    columns: ["x", "y"],
    rows: (lib) => {
      const d = lib.datasets.sparse();
      return zip(d.x, d.y);
    },
  },
  {
    file: "sparse-x01.csv",
    generator: "datasets.sparse({ xRange: [0, 1] }) (seed 0; otherwise the defaults above)",
    about: "notebook 02's AdaGrad data: the same 80% zeros, non-zero x in [0, 1] (w keeps the larger AdaGrad rate all run)",
    columns: ["x", "y"],
    rows: (lib) => {
      const d = lib.datasets.sparse({ xRange: [0, 1] });
      return zip(d.x, d.y);
    },
  },
  {
    file: "noisy-curve.csv",
    generator: "datasets.noisyCurve() (seed 0, n 100)",
    about: "a smooth curve and its noisy observations (exponential averages, bias correction, notebook 05)",
    columns: ["t", "truth", "observed"],
    rows: (lib) => {
      const d = lib.datasets.noisyCurve();
      return d.t.map((t, i) => [t, d.truth[i], d.observed[i]]);
    },
  },
  {
    file: "gradient-profile.csv",
    generator: "datasets.gradientProfile() (seed 0, n 100)",
    about: "a gradient sequence: large early values, then decay and zeros (AMSGrad / AdaMax lessons)",
    columns: ["t", "gradient"],
    rows: (lib) => lib.datasets.gradientProfile().map((g, t) => [t, g]),
  },
  {
    file: "sparse-logistic-entries.csv",
    generator: "datasets.sparseLogistic() (seed 0; n 2000, features 1000, density 0.01)",
    about: "the non-zero feature values of the 1,000-feature logistic problem (notebook 09), one row per entry",
    columns: ["row", "feature", "value"],
    rows: (lib) => {
      const d = lib.datasets.sparseLogistic();
      const out = [];
      for (let r = 0; r < d.n; r++) for (let k = d.indptr[r]; k < d.indptr[r + 1]; k++) out.push([r, d.indices[k], d.values[k]]);
      return out;
    },
  },
  {
    file: "sparse-logistic-labels.csv",
    generator: "datasets.sparseLogistic() (seed 0)",
    about: "the labels (0 or 1) of the logistic problem's rows",
    columns: ["row", "y"],
    rows: (lib) => Array.from(lib.datasets.sparseLogistic().y, (y, r) => [r, y]),
  },
];

function zip(a, b) {
  return Array.from(a, (v, i) => [v, b[i]]);
}

/** The CSV text of one export. */
function csvOf(entry, lib) {
  const lines = [entry.columns.join(",")];
  for (const row of entry.rows(lib)) lines.push(row.map((v) => String(v)).join(","));
  return lines.join("\n") + "\n";
}

module.exports = { EXPORTS, csvOf };
