#!/usr/bin/env node
/**
 * Makes `import { ... } from "adaptive-lr"` work inside the project's own notebooks, exactly as it
 * would for a student who installed the package: creates node_modules/adaptive-lr -> .. (a
 * relative symlink; a junction on Windows). tslab resolves it like any installed package and loads
 * the compiled dist/ through package.json "main"/"types".
 *
 * Idempotent; leaves a real installed copy alone. Run by `npm install` (package.json "prepare"),
 * `npm start`, `npm run course` and the notebook tests.
 */
"use strict";
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");

/** Ensures node_modules/<name> points at the project root; returns a short status word. */
function ensureSelfLink(root = ROOT) {
  const name = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).name;
  const link = path.join(root, "node_modules", name);
  let stat;
  try {
    stat = fs.lstatSync(link);
  } catch {
    stat = undefined;
  }
  if (stat) {
    if (stat.isSymbolicLink() && fs.realpathSync(link) === fs.realpathSync(root)) return "ok";
    if (!stat.isSymbolicLink()) return "installed"; // a real copy (e.g. installed from the registry)
    fs.unlinkSync(link); // a stale link (moved checkout)
  }
  fs.mkdirSync(path.dirname(link), { recursive: true });
  fs.symlinkSync(process.platform === "win32" ? root : "..", link, process.platform === "win32" ? "junction" : "dir");
  return "linked";
}

module.exports = { ensureSelfLink };

if (require.main === module) {
  const status = ensureSelfLink();
  if (status === "linked") console.log("adaptive-lr: linked node_modules/adaptive-lr -> .. (notebooks import the compiled package)");
}
