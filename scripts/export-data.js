#!/usr/bin/env node
/**
 * Writes data/*.csv from the library's seeded generators (see scripts/data-exports.js), so students
 * can load the same data in Python or a spreadsheet. Run `npm run data` after changing a generator;
 * test/data-files.test.ts fails while the files and the generators disagree.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { EXPORTS, csvOf } = require("./data-exports");

const ROOT = path.resolve(__dirname, "..");
const lib = require(path.join(ROOT, "dist", "index.js"));
for (const entry of EXPORTS) {
  const text = csvOf(entry, lib);
  fs.writeFileSync(path.join(ROOT, "data", entry.file), text);
  console.log(`data/${entry.file}: ${text.split("\n").length - 2} rows (${entry.generator})`);
}
