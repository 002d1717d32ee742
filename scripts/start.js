#!/usr/bin/env node
/**
 * npm start: opens the course in Jupyter on 127.0.0.1 with the project's TypeScript kernel
 * (jupyter/kernels/tslab, found through JUPYTER_PATH: no global install, no `tslab install`) and
 * the notebooks folder as the root. Uses JupyterLab where installed, else the classic notebook.
 * If Jupyter is missing it installs it with apt-get when running as root on Debian/Ubuntu
 * (scripts/system-deps.sh), else exits with one line saying how to install it.
 *
 * Options: --classic (prefer the classic notebook UI); anything else is passed to Jupyter
 * (e.g. --port 9000, --no-browser).
 */
"use strict";
const path = require("path");
const { spawn, spawnSync } = require("child_process");
const tools = require("./notebook-tools");

function ensureJupyter(preferClassic) {
  let found = tools.findJupyterUi(preferClassic);
  if (found) return found;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && tools.which("apt-get")) {
    console.log("adaptive-lr: Jupyter not found; installing it with apt-get (scripts/system-deps.sh) ...");
    spawnSync("bash", [path.join(__dirname, "system-deps.sh"), "--install", "start"], { stdio: "inherit" });
    found = tools.findJupyterUi(preferClassic);
  }
  if (!found) {
    console.error(`adaptive-lr: Jupyter is not installed; ${tools.INSTALL_HINT}`);
    process.exit(1);
  }
  return found;
}

function main() {
  const argv = process.argv.slice(2);
  const preferClassic = argv.includes("--classic");
  const passthrough = argv.filter((a) => a !== "--classic");
  tools.checkBuilt();
  tools.ensureSelfLink();
  const { jupyter, ui } = ensureJupyter(preferClassic);
  const args = [ui, "--ip=127.0.0.1", `--notebook-dir=${tools.NOTEBOOKS}`];
  if (typeof process.getuid === "function" && process.getuid() === 0) args.push("--allow-root");
  args.push(...passthrough);
  console.log(`adaptive-lr: starting ${ui === "lab" ? "JupyterLab" : "Jupyter Notebook"} with the TypeScript kernel (tslab) in ${tools.NOTEBOOKS}`);
  const child = spawn(jupyter, args, { env: tools.jupyterEnv(), stdio: ["inherit", "pipe", "pipe"] });
  let announced = false;
  const watch = (stream, out) => {
    let buffer = "";
    stream.on("data", (chunk) => {
      out.write(chunk);
      if (announced) return;
      buffer += chunk;
      const m = /(https?:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(buffer);
      if (m) {
        announced = true;
        const url = m[1];
        process.stdout.write(`\nadaptive-lr: Jupyter is running at ${url}\n` +
          `adaptive-lr: open 01-sparse-features.ipynb, then Run All (kernel "TypeScript (adaptive-lr)"). Ctrl-C stops.\n\n`);
      }
    });
  };
  watch(child.stdout, process.stdout);
  watch(child.stderr, process.stderr);
  const forward = (signal) => () => child.kill(signal);
  process.on("SIGINT", forward("SIGINT"));
  process.on("SIGTERM", forward("SIGTERM"));
  child.on("exit", (code, signal) => process.exit(code === null ? (signal === "SIGINT" ? 130 : 1) : code));
}

try {
  main();
} catch (err) {
  console.error(err && err.message ? err.message : err);
  process.exit(1);
}
