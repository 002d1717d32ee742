#!/usr/bin/env node
/**
 * Builds the kit's exercise notebooks from the shipped assignment file, so the students' stubs and
 * the instructors' solutions cannot drift apart:
 *
 *   notebooks/exercises/exercises.assignment.json       which exercises, in which order, points
 *   notebooks/exercises/source/catalog/<id>.pct.ts      each exercise's text, stub and solution
 *     -> notebooks/exercises/exercises.ipynb             stubs, for students
 *     -> notebooks/exercises/exercises-solutions.ipynb   solutions, for instructors
 *
 * It is `adaptive-lr assignment build notebooks/exercises/exercises.assignment.json --out notebooks/exercises`,
 * plus a --check mode for the tests. The format of the catalog texts is in src/assignments/percent.ts;
 * the builder in src/assignments/build.ts. Needs the compiled library (npm run build).
 *
 * Usage: node scripts/exercises.js            write both notebooks
 *        node scripts/exercises.js --check    exit 1 if the committed notebooks are out of date
 */
"use strict";
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const ASSIGNMENT = path.join(ROOT, "notebooks", "exercises", "exercises.assignment.json");
const CATALOG = path.join(ROOT, "notebooks", "exercises", "source", "catalog");
const OUTPUTS = {
  stub: path.join(ROOT, "notebooks", "exercises", "exercises.ipynb"),
  solution: path.join(ROOT, "notebooks", "exercises", "exercises-solutions.ipynb"),
};

/** Both notebooks' text, keyed by version. */
function buildAll() {
  const { loadAssignment, buildAssignmentNotebooks } = require(path.join(ROOT, "dist", "assignments"));
  return buildAssignmentNotebooks(loadAssignment(ASSIGNMENT), CATALOG);
}

function main(argv) {
  const built = buildAll();
  if (argv.includes("--check")) {
    const stale = Object.keys(OUTPUTS).filter((k) => !fs.existsSync(OUTPUTS[k]) || fs.readFileSync(OUTPUTS[k], "utf8") !== built[k]);
    if (stale.length) {
      console.error(`out of date: ${stale.map((k) => path.relative(ROOT, OUTPUTS[k])).join(", ")}; run node scripts/exercises.js`);
      return 1;
    }
    console.log("exercise notebooks are up to date with notebooks/exercises/exercises.assignment.json and the catalog");
    return 0;
  }
  for (const k of Object.keys(OUTPUTS)) {
    fs.writeFileSync(OUTPUTS[k], built[k]);
    console.log(`wrote ${path.relative(ROOT, OUTPUTS[k])}`);
  }
  return 0;
}

module.exports = { ASSIGNMENT, CATALOG, OUTPUTS, buildAll };

if (require.main === module) process.exitCode = main(process.argv.slice(2));
