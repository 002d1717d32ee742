#!/usr/bin/env node
/**
 * npm run lite: builds site-lite/, the course as a JupyterLite site (JupyterLab in the browser,
 * TypeScript kernel in a Web Worker, nothing to install, any static host).
 *
 *   npm run lite                            build site-lite/ from notebooks/ (outputs cleared, as committed)
 *   npm run lite -- --executed site/notebooks   use the executed notebooks of `npm run course -- --exercises`
 *                                            (charts visible before anything is run)
 *   npm run lite -- --serve [--port N]      build, then serve on http://127.0.0.1:N/ (default 8000)
 *   npm run lite -- --out DIR               build into DIR instead of site-lite/
 *
 * Installs lite/'s own dependencies first (`npm ci` in lite/, from its lockfile) when they are
 * missing or older than the lockfile. Expects the kit built (`npm run lite` runs `npm run build`).
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const LITE = path.resolve(__dirname, "..");
const ROOT = path.resolve(LITE, "..");

function parseArgs(argv) {
  const opts = { out: path.join(ROOT, "site-lite"), executed: null, serve: false, port: 8000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`lite: ${a} needs a value`);
      return argv[++i];
    };
    if (a === "--out") opts.out = path.resolve(value());
    else if (a === "--executed") opts.executed = path.resolve(value());
    else if (a === "--serve") opts.serve = true;
    else if (a === "--port") opts.port = Number(value());
    else throw new Error(`lite: unknown argument ${a} (use --out DIR, --executed DIR, --serve, --port N)`);
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) throw new Error(`lite: --port must be 0..65535, got ${opts.port}`);
  if (opts.executed && !fs.existsSync(opts.executed)) throw new Error(`lite: --executed ${opts.executed} does not exist (run npm run course -- --exercises)`);
  return opts;
}

/** `npm ci` in lite/ unless node_modules matches the lockfile (npm writes node_modules/.package-lock.json). */
function ensureDependencies() {
  const lock = path.join(LITE, "package-lock.json");
  const installed = path.join(LITE, "node_modules", ".package-lock.json");
  if (fs.existsSync(installed) && fs.statSync(installed).mtimeMs >= fs.statSync(lock).mtimeMs) return false;
  console.log("lite: installing lite/'s build dependencies (npm ci, ~530 MB)...");
  const started = Date.now();
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const r = spawnSync(npm, ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: LITE, stdio: "inherit" });
  if (r.status !== 0) throw new Error(`lite: npm ci in lite/ failed (exit ${r.status})`);
  console.log(`lite: dependencies installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

/** Type-checks lite/src (the kernel, its worker and the renderer) against the JupyterLab typings; the bundlers only strip types. */
function typeCheck() {
  const tsc = path.join(LITE, "node_modules", "typescript", "bin", "tsc");
  const r = spawnSync(process.execPath, [tsc, "-p", path.join(LITE, "tsconfig.json")], { cwd: LITE, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`lite: type errors in lite/src:\n${r.stdout}${r.stderr}`);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  ensureDependencies();
  const { buildApp, dirBytes } = require("./build-app");
  const { assembleSite } = require("./site");
  const started = Date.now();
  typeCheck();
  const title = require(path.join(LITE, "package.json")).jupyterlab.title;
  const app = await buildApp({ out: path.join(opts.out, "build") });
  console.log(`lite: JupyterLab app built in ${app.seconds.toFixed(1)} s (${(app.bytes / 1e6).toFixed(1)} MB, ${app.schemas} settings schemas)`);
  const files = await assembleSite(opts.out, { bundleFile: app.bundleFile, executedDir: opts.executed, title });
  console.log(`lite: ${files.length} course file(s)${opts.executed ? " (executed copies)" : ""}; site ${(dirBytes(opts.out) / 1e6).toFixed(1)} MB in ${path.relative(process.cwd(), opts.out) || "."} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (opts.serve) {
    const { serveSite } = require("./serve");
    const { url } = await serveSite(opts.out, { port: opts.port, log: false });
    console.log(`lite: serving ${opts.out} at ${url}lab/index.html (Ctrl-C to stop)`);
  }
}

main().catch((err) => {
  console.error(err && err.stack ? err.stack : err);
  process.exit(1);
});
