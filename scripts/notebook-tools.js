/**
 * Shared by scripts/start.js, scripts/course.js and the notebook tests: where the notebooks are,
 * how to reach Jupyter (a project-local kernelspec through JUPYTER_PATH, no global install) and
 * how to execute one notebook through the real kernel (scripts/notebook_runner.py, nbclient).
 */
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawn, spawnSync } = require("child_process");
const { ensureSelfLink } = require("./link-self");

const ROOT = path.resolve(__dirname, "..");
const NOTEBOOKS = path.join(ROOT, "notebooks");
const RUNNER = path.join(__dirname, "notebook_runner.py");

/** Environment for Jupyter: the project's kernelspec first on JUPYTER_PATH, this node first on PATH. */
function jupyterEnv(base = process.env) {
  const sep = path.delimiter;
  const jupyterPath = [path.join(ROOT, "jupyter"), base.JUPYTER_PATH].filter(Boolean).join(sep);
  const pathVar = [path.dirname(process.execPath), base.PATH].filter(Boolean).join(sep);
  return { ...base, JUPYTER_PATH: jupyterPath, PATH: pathVar, PYDEVD_DISABLE_FILE_VALIDATION: "1" };
}

/** Full path of an executable on PATH, or null. */
function which(command, env = process.env) {
  for (const dir of (env.PATH || "").split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, command);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      /* not here */
    }
  }
  return null;
}

/** True when `command args` runs and exits 0. */
function runs(command, args, env = jupyterEnv()) {
  const r = spawnSync(command, args, { env, stdio: "ignore", timeout: 60000 });
  return r.status === 0;
}

/** The `jupyter` command, or null. */
function findJupyter() {
  return which("jupyter");
}

/** Which UI `npm start` can open: "lab", "notebook" (classic or Notebook 7), or null. */
function findJupyterUi(preferClassic = false) {
  const jupyter = findJupyter();
  if (!jupyter) return null;
  const order = preferClassic ? ["notebook", "lab"] : ["lab", "notebook"];
  for (const ui of order) if (runs(jupyter, [ui, "--version"])) return { jupyter, ui };
  return null;
}

let pythonCache;
/**
 * A Python that can import nbclient, nbconvert and nbformat: $ADAPTIVE_LR_PYTHON, the Python of
 * the `jupyter` command, python3 on PATH, /usr/bin/python3 (Debian's, when PATH has a pyenv one).
 */
function findPython() {
  if (pythonCache !== undefined) return pythonCache;
  const candidates = [];
  if (process.env.ADAPTIVE_LR_PYTHON) candidates.push(process.env.ADAPTIVE_LR_PYTHON);
  const jupyter = findJupyter();
  if (jupyter) {
    const first = fs.readFileSync(jupyter, "utf8").split("\n", 1)[0];
    if (first.startsWith("#!")) candidates.push(first.slice(2).trim().split(/\s+/)[0]);
  }
  for (const name of ["python3", "python"]) {
    const p = which(name);
    if (p) candidates.push(p);
  }
  candidates.push("/usr/bin/python3");
  pythonCache = candidates.find((py) => fs.existsSync(py) && runs(py, ["-c", "import nbclient, nbconvert, nbformat"])) || null;
  return pythonCache;
}

/** One line telling how to get Jupyter's execution tools. */
const INSTALL_HINT =
  "install Jupyter: sudo apt-get install -y jupyter-notebook jupyter-nbconvert (Debian/Ubuntu), or: pip install jupyterlab nbconvert";

/** The lecture notebooks (notebooks/*.ipynb), sorted; with `exercises`, also notebooks/exercises/**. */
function listNotebooks({ exercises = false, root = NOTEBOOKS } = {}) {
  const top = fs.existsSync(root)
    ? fs.readdirSync(root).filter((f) => f.endsWith(".ipynb")).sort().map((f) => path.join(root, f))
    : [];
  if (!exercises) return top;
  const walk = (dir) => {
    if (!fs.existsSync(dir)) return [];
    return fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name)).flatMap((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return e.name === ".ipynb_checkpoints" ? [] : walk(full);
      return e.name.endsWith(".ipynb") ? [full] : [];
    });
  };
  return [...top, ...walk(path.join(root, "exercises"))];
}

/** Throws unless dist/ is built (notebooks import the compiled package). */
function checkBuilt() {
  if (!fs.existsSync(path.join(ROOT, "dist", "index.js"))) {
    throw new Error("adaptive-lr: dist/ is missing; run `npm run build` first");
  }
}

/**
 * Executes one notebook through its kernel. Resolves with the runner's summary
 * ({ok, seconds, cells, charts, frames, bytes, error?: {cell, source, message}}); never rejects for
 * a failing cell (ok is false), rejects only if the runner itself cannot run.
 * @param {string} notebook path of the .ipynb
 * @param {{out?: string, html?: string, sign?: boolean, cwd?: string, timeout?: number}} options
 */
function runNotebook(notebook, options = {}) {
  const python = findPython();
  if (!python) return Promise.reject(new Error(`adaptive-lr: no Python with nbclient/nbconvert found; ${INSTALL_HINT}`));
  ensureSelfLink();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "adaptive-lr-nb-"));
  const out = options.out || path.join(tmp, path.basename(notebook));
  const summaryFile = path.join(tmp, "summary.json");
  const args = [RUNNER, notebook, "--out", out, "--summary", summaryFile, "--timeout", String(options.timeout || 600)];
  if (options.html) args.push("--html", options.html);
  if (options.sign) args.push("--sign");
  if (options.cwd) args.push("--cwd", options.cwd);
  return new Promise((resolve, reject) => {
    const child = spawn(python, args, { env: jupyterEnv(), stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.stdout.on("data", () => {});
    child.on("error", reject);
    child.on("close", (code) => {
      if (!fs.existsSync(summaryFile)) {
        reject(new Error(`notebook_runner failed (exit ${code}) for ${notebook}:\n${stderr.trim()}`));
        return;
      }
      const summary = JSON.parse(fs.readFileSync(summaryFile, "utf8"));
      summary.exitCode = code;
      summary.runnerStderr = stderr;
      fs.rmSync(options.out ? tmp : summaryFile, { force: true, recursive: true });
      resolve(summary);
    });
  });
}

module.exports = {
  ROOT, NOTEBOOKS, RUNNER, INSTALL_HINT,
  jupyterEnv, which, findJupyter, findJupyterUi, findPython, listNotebooks, checkBuilt, runNotebook, ensureSelfLink,
};
