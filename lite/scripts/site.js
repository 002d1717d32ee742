/**
 * Assembles site-lite/ (what jupyterlite's Python `jupyter lite build` would do, for this course):
 *
 *   index.html                      -> redirects to lab/index.html
 *   lab/index.html                  the app page; its #jupyter-config-data holds the whole config
 *   build/                          the JupyterLab app (lite/scripts/build-app.js)
 *   adaptive-lr/kernel-worker.js    the kernel's Web Worker (esbuild bundle of lite/src/worker)
 *   adaptive-lr/typescript.min.js   the pinned TypeScript compiler, minified
 *   adaptive-lr/adaptive-lr.min.js  the library's browser build (dist/browser, the one bundle)
 *   adaptive-lr/plotly.min.js       plotly.js (the kit's plotly.js-dist-min)
 *   files/...                       the notebooks (and exercises), as shipped
 *   api/contents/<dir>/all.json     Jupyter contents model of each folder (children without content)
 *
 * Nothing is fetched from outside the site at run time.
 */
"use strict";
const fs = require("fs");
const path = require("path");

const LITE = path.resolve(__dirname, "..");
const ROOT = path.resolve(LITE, "..");

/** Browser storage names: edits persist there; "Clear Browser Data" (command palette) restores the originals. */
const STORAGE_NAME = "adaptive-lr-course";

/**
 * The course files the site serves, relative to notebooks/: every notebook (lecture + exercises),
 * the exercises' README, minus what the npm package excludes (package.json "files" entries
 * "!notebooks/..."): the solutions and the exercise sources stay out of a public site.
 */
function courseFiles() {
  const tools = require(path.join(ROOT, "scripts", "notebook-tools.js"));
  const kit = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
  const excluded = kit.files.filter((f) => f.startsWith("!notebooks/")).map((f) => f.slice("!notebooks/".length));
  const isExcluded = (rel) => excluded.some((e) => rel === e || rel.startsWith(`${e}/`));
  const notebooks = tools.listNotebooks({ exercises: true }).map((f) => path.relative(tools.NOTEBOOKS, f).split(path.sep).join("/"));
  const extras = ["exercises/README.md"].filter((rel) => fs.existsSync(path.join(tools.NOTEBOOKS, rel)));
  return { dir: tools.NOTEBOOKS, files: [...notebooks, ...extras].filter((rel) => !isExcluded(rel)) };
}

/** course.js's name for an executed notebook: path under notebooks/ without .ipynb, "/" -> "__". */
const executedName = (rel) => `${rel.replace(/\.ipynb$/, "").split("/").join("__")}.ipynb`;

const PLOTLY_MIME = "application/vnd.plotly.v1+json";
/** Comments that start tslab's loader outputs (src/display.ts): plotly.js and the library, inlined. */
const LOADER_MARKS = ["<!-- adaptive-lr: plotly.js", "<!-- adaptive-lr: the library's browser bundle inlined"];

/**
 * An executed notebook made fit for the site: tslab's outputs carry plotly.js itself (one ~2 MB
 * `text/html` loader per notebook, and one for the library when explorables are shown) and each chart twice (Plotly JSON + a `text/html` copy drawing
 * it with a script). The site draws charts from the Plotly JSON with its own plotly.js, and
 * JupyterLite would not run those scripts (the notebook is untrusted), so the loader outputs and
 * the HTML copies are left out. Text and the Plotly JSON are kept as they are.
 */
function slimExecutedNotebook(text) {
  const nb = JSON.parse(text);
  const html = (o) => (Array.isArray(o.data["text/html"]) ? o.data["text/html"].join("") : String(o.data["text/html"] || ""));
  for (const cell of nb.cells) {
    if (!cell.outputs) continue;
    cell.outputs = cell.outputs.filter((o) => !(o.data && !(PLOTLY_MIME in o.data) && LOADER_MARKS.some((m) => html(o).includes(m))));
    for (const o of cell.outputs) if (o.data && PLOTLY_MIME in o.data) delete o.data["text/html"];
  }
  return JSON.stringify(nb, null, 1);
}

function contentsModel(rel, full) {
  const stat = fs.statSync(full);
  const isNotebook = rel.endsWith(".ipynb");
  const time = stat.mtime.toISOString();
  return {
    name: path.posix.basename(rel), path: rel, type: isNotebook ? "notebook" : "file",
    format: isNotebook ? "json" : "text", mimetype: isNotebook ? "application/x-ipynb+json" : "text/markdown",
    created: time, last_modified: time, size: stat.size, writable: true, content: null,
  };
}

function directoryModel(rel, children) {
  const time = new Date(0).toISOString();
  return {
    name: path.posix.basename(rel), path: rel, type: "directory", format: "json", mimetype: null,
    created: time, last_modified: time, size: null, writable: true, content: children,
  };
}

/** Writes files/ and api/contents/ from the course files (executed copies from `executedDir` when given). */
function writeContents(out, { executedDir } = {}) {
  const { dir, files } = courseFiles();
  const folders = new Map([["", []]]);
  const used = [];
  for (const rel of files) {
    let source = path.join(dir, rel);
    if (executedDir && rel.endsWith(".ipynb")) {
      const executed = path.join(executedDir, executedName(rel));
      if (!fs.existsSync(executed)) throw new Error(`lite: --executed ${executedDir} has no ${executedName(rel)} (run npm run course -- --exercises first)`);
      source = executed;
    }
    const target = path.join(out, "files", rel);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (source === path.join(dir, rel)) fs.copyFileSync(source, target);
    else fs.writeFileSync(target, slimExecutedNotebook(fs.readFileSync(source, "utf8")));
    used.push(rel);
    const parts = rel.split("/");
    for (let i = 1; i < parts.length; i++) {
      const folder = parts.slice(0, i).join("/");
      if (!folders.has(folder)) {
        folders.set(folder, []);
        folders.get(parts.slice(0, i - 1).join("/")).push(directoryModel(folder, null));
      }
    }
    folders.get(parts.slice(0, -1).join("/")).push(contentsModel(rel, target));
  }
  for (const [folder, children] of folders) {
    const target = path.join(out, "api", "contents", folder, "all.json");
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, JSON.stringify(directoryModel(folder, children)));
  }
  return used;
}

/** The page config; values ending in "Url" that start with "./" are resolved against the site root in the page. */
function pageConfig(title) {
  return {
    appName: title,
    appVersion: "0.8",
    appUrl: "./lab",
    baseUrl: "./",
    defaultKernelName: "tslab",
    fullStaticUrl: "./build",
    fullLabextensionsUrl: "./extensions",
    settingsUrl: "./build/schemas",
    themesUrl: "./build/themes",
    federated_extensions: [],
    contentsAllJsonFile: "all.json",
    contentsStorageName: STORAGE_NAME,
    settingsStorageName: STORAGE_NAME,
    workspacesStorageName: STORAGE_NAME,
    mode: "multiple-document",
    exposeAppInBrowser: "true",
    disabledExtensions: [],
    // every cell rendered (no virtual scrolling), so each chart draws when its output arrives
    settingsOverrides: { "@jupyterlab/notebook-extension:tracker": { windowingMode: "none" } },
  };
}

function labIndexHtml(title, bundleFile) {
  const config = JSON.stringify(pageConfig(title), null, 2).replace(/</g, "\\u003c");
  return `<!DOCTYPE html>
<html>
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title}</title>
  <script id="jupyter-config-data" type="application/json">
${config}
  </script>
  <script>
    // Resolve the config's "./..." URLs against the site root (this page is <root>/lab/index.html),
    // so the site works under any path on any static host.
    (function () {
      var el = document.getElementById("jupyter-config-data");
      var config = JSON.parse(el.textContent);
      var root = new URL("..", window.location.href.replace(/[?#].*$/, "").replace(/\\/?(index\\.html)?$/, "/"));
      Object.keys(config).forEach(function (key) {
        var value = config[key];
        if (/Url$/.test(key) && key !== "themesUrl" && typeof value === "string" && value.indexOf("./") === 0) {
          config[key] = new URL(value, root).pathname.replace(/\\/$/, "") || "/";
        }
      });
      config.baseUrl = new URL("./", root).pathname;
      el.textContent = JSON.stringify(config);
    })();
  </script>
  <script src="../build/${bundleFile}" defer></script>
</head>
<body class="jp-ThemedContainer"></body>
</html>
`;
}

const ROOT_INDEX = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=lab/index.html"><title>Course</title></head>
<body><a href="lab/index.html">Open the course in JupyterLab</a></body></html>
`;

/** Bundles the kernel worker and minifies the TypeScript compiler into out/adaptive-lr/. */
async function buildKernelAssets(out) {
  const esbuild = require("esbuild");
  const dir = path.join(out, "adaptive-lr");
  fs.mkdirSync(dir, { recursive: true });
  await esbuild.build({
    entryPoints: [path.join(LITE, "src", "worker", "index.ts")],
    bundle: true, minify: true, format: "iife", platform: "browser", target: ["es2022"],
    outfile: path.join(dir, "kernel-worker.js"), legalComments: "none", logLevel: "error",
  });
  // typescript.js is a plain script that sets `var ts` when there is no `module`: minify it as is.
  const tsFile = require.resolve("typescript/lib/typescript.js", { paths: [LITE] });
  const minified = await esbuild.transform(fs.readFileSync(tsFile, "utf8"), { minify: true, legalComments: "none", target: "es2022" });
  fs.writeFileSync(path.join(dir, "typescript.min.js"), minified.code);
  const library = path.join(ROOT, "dist", "browser", "adaptive-lr.min.js");
  if (!fs.existsSync(library)) throw new Error("lite: dist/browser/adaptive-lr.min.js is missing; run npm run build first");
  fs.copyFileSync(library, path.join(dir, "adaptive-lr.min.js"));
  fs.copyFileSync(require.resolve("plotly.js-dist-min", { paths: [ROOT] }), path.join(dir, "plotly.min.js"));
}

/** Writes the whole site into `out` given the app build result (build-app.js). */
async function assembleSite(out, { bundleFile, executedDir, title }) {
  fs.mkdirSync(path.join(out, "lab"), { recursive: true });
  fs.writeFileSync(path.join(out, "index.html"), ROOT_INDEX);
  fs.writeFileSync(path.join(out, "lab", "index.html"), labIndexHtml(title, bundleFile));
  fs.rmSync(path.join(out, "files"), { recursive: true, force: true });
  fs.rmSync(path.join(out, "api"), { recursive: true, force: true });
  await buildKernelAssets(out);
  return writeContents(out, { executedDir });
}

module.exports = { assembleSite, courseFiles, executedName, slimExecutedNotebook, STORAGE_NAME, pageConfig };
