#!/usr/bin/env node
/**
 * Browser build of the library: bundles src/browser/index.ts with esbuild into
 * dist/browser/adaptive-lr.min.js (IIFE, global `adaptiveLr`, minified, platform "browser": an
 * import of a Node built-in fails the build). Used by the explorables and the in-browser kernel.
 * Prints the bundle size; fails if it exceeds 200 KB.
 */
"use strict";
const path = require("path");
const fs = require("fs");
const esbuild = require("esbuild");

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, "dist", "browser", "adaptive-lr.min.js");
const LIMIT = 200 * 1024;

async function buildBrowser({ quiet = false } = {}) {
  await esbuild.build({
    entryPoints: [path.join(ROOT, "src", "browser", "index.ts")],
    bundle: true,
    minify: true,
    format: "iife",
    globalName: "adaptiveLr",
    platform: "browser",
    target: ["es2020"],
    outfile: OUT,
    legalComments: "none",
    logLevel: "error",
  });
  const size = fs.statSync(OUT).size;
  if (size > LIMIT) throw new Error(`build-browser: ${path.relative(ROOT, OUT)} is ${size} bytes, over the ${LIMIT}-byte budget`);
  if (!quiet) console.log(`build-browser: ${path.relative(ROOT, OUT)} ${(size / 1024).toFixed(1)} KB`);
  return OUT;
}

module.exports = { buildBrowser, BROWSER_BUNDLE: OUT };

if (require.main === module) {
  buildBrowser().catch((err) => {
    console.error(err.message || err);
    process.exit(1);
  });
}
