/**
 * The one adapter between chart figures and a tslab notebook (the only file that touches tslab).
 *
 * Offline Plotly: `loadPlotly()` puts the whole plotly.js bundle (from the npm package
 * plotly.js-dist-min, ~4.8 MB, no CDN) into one `text/html` output; `show(figure)` does that
 * automatically before the first chart of a kernel session, then renders each figure as
 * `text/html` (a div plus a script calling `Plotly.newPlot`) and, in the same output, as
 * `application/vnd.plotly.v1+json` (used instead by JupyterLab when its Plotly renderer is
 * installed). Because the script and the data live in the output, charts draw in JupyterLab and
 * classic Jupyter while running, in reopened trusted notebooks, and in nbconvert's HTML export.
 *
 * Explorables (`explore.*` widgets): `show(widget)` also puts the library's browser bundle
 * (dist/browser/adaptive-lr.min.js, ~60 KB, gzip + base64 like plotly.js) into the page once per
 * kernel session, then the widget's div and the script mounting it (`adaptiveLr.explore.mount`).
 *
 * tslab is required lazily, so this module (and everything importing it) loads outside a kernel.
 */
import { randomBytes } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { gzipSync } from "zlib";
import type { Figure } from "./charts/types";
import { whenReadyScript, widgetHtml } from "./explore/html";
import { isWidget, type Widget } from "./explore/kinds";
import { scriptJson } from "./explore/html";

export { scriptJson };

/** The MIME type of Plotly figure JSON. */
export const PLOTLY_MIME = "application/vnd.plotly.v1+json";

/** CSS class of every chart container this module emits (tests count them). */
export const CHART_CLASS = "adaptive-lr-chart";

/** One display_data bundle, as tslab sends it. */
export interface DisplayBundle {
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  transient?: Record<string, unknown>;
}

type Writer = (bundle: DisplayBundle, update: boolean) => void;

let plotlyLoaded = false;
let libraryLoaded = false;

/** Path of the minified plotly.js bundle shipped in node_modules. */
export function plotlyPath(): string {
  return require.resolve("plotly.js-dist-min");
}

function versionOf(header: string): string {
  const m = /plotly\.js v([0-9.]+)/.exec(header);
  return m ? m[1] : "";
}

let plotlyHtmlCache: string | undefined;

/**
 * `<script>` carrying the whole plotly.js bundle, gzip-compressed and base64-encoded (1.9 MB
 * instead of 5.2 MB once escaped into the notebook's JSON). In the page it is decompressed with
 * the browser's DecompressionStream and run as a script, which sets window.Plotly. Nothing is
 * fetched from the network.
 */
export function plotlyScriptHtml(): string {
  if (plotlyHtmlCache !== undefined) return plotlyHtmlCache;
  const source = fs.readFileSync(plotlyPath());
  const version = versionOf(source.subarray(0, 200).toString("utf8"));
  plotlyHtmlCache = `<!-- adaptive-lr: plotly.js ${version} inlined (gzip + base64) for offline charts -->
<div class="adaptive-lr-plotly-loader" style="font-size:small;color:#777">Plotly ${version} (offline) is loaded by this cell.</div>
${packedScriptHtml("plotly.js", source, "window.Plotly", "__adaptiveLrPlotlyLoading")}`;
  return plotlyHtmlCache;
}

/** Path of the library's browser bundle (built by `npm run build`; the package's "./browser" export). */
export function libraryBundlePath(): string {
  const beside = path.join(__dirname, "browser", "adaptive-lr.min.js");
  if (fs.existsSync(beside)) return beside;
  return require.resolve("adaptive-lr/browser");
}

/**
 * A `<script>` that runs `source` (gzip + base64 in the page, unpacked with DecompressionStream)
 * unless `present` (a JavaScript expression) is already true.
 */
function packedScriptHtml(what: string, source: Buffer, present: string, flag: string): string {
  const packed = gzipSync(source, { level: 9 }).toString("base64");
  return `<script type="text/javascript">
(function () {
  if (${present} || window.${flag}) return;
  if (typeof DecompressionStream === "undefined") {
    console.warn("adaptive-lr: this browser lacks DecompressionStream; ${what} cannot load");
    return;
  }
  window.${flag} = true;
  var packed = "${packed}";
  var bytes = Uint8Array.from(atob(packed), function (c) { return c.charCodeAt(0); });
  var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  new Response(stream).text().then(function (source) {
    var script = document.createElement("script");
    script.type = "text/javascript";
    script.text = source;
    document.head.appendChild(script);
  }).catch(function (err) {
    window.${flag} = false;
    console.error("adaptive-lr: could not unpack ${what}", err);
  });
})();
</script>`;
}

let libraryHtmlCache: string | undefined;

/**
 * `<script>` carrying the library's browser bundle (sets window.adaptiveLr; the explorables'
 * pages recompute with it). Nothing is fetched from the network.
 */
export function libraryScriptHtml(): string {
  if (libraryHtmlCache !== undefined) return libraryHtmlCache;
  const file = libraryBundlePath();
  if (!fs.existsSync(file)) throw new Error(`show: the library's browser bundle ${file} is missing; run \`npm run build\``);
  const source = fs.readFileSync(file);
  libraryHtmlCache = `<!-- adaptive-lr: the library's browser bundle inlined (gzip + base64) for the explorables -->
<div class="adaptive-lr-library-loader" style="font-size:small;color:#777">adaptive-lr (browser build, ${(source.length / 1024).toFixed(0)} KB) is loaded by this cell for the explorables.</div>
${packedScriptHtml("the adaptive-lr library", source, "(window.adaptiveLr && window.adaptiveLr.explore)", "__adaptiveLrLibraryLoading")}`;
  return libraryHtmlCache;
}

function checkFigure(fn: string, figure: unknown): Figure {
  if (figure === null || typeof figure !== "object" || !Array.isArray((figure as Figure).data)) {
    throw new Error(`${fn}: figure must be a Plotly figure {data: [...], layout}, got ${String(figure)}`);
  }
  return figure as Figure;
}

/**
 * The `text/html` rendering of one figure: a div and a script that draws it with window.Plotly,
 * waiting for plotly.js while the output carrying it has not run yet (after 5 s it says so in the
 * chart's place and keeps waiting: JupyterLab may render that output only when scrolled to).
 */
export function figureHtml(figure: Figure, id = `alr-${randomBytes(6).toString("hex")}`): string {
  checkFigure("figureHtml", figure);
  const spec = {
    data: figure.data,
    layout: figure.layout ?? {},
    frames: figure.frames ?? [],
    config: { responsive: true, displaylogo: false, ...(figure.config ?? {}) },
  };
  const height = typeof spec.layout.height === "number" ? spec.layout.height : 460;
  return `<div id="${id}" class="${CHART_CLASS}" data-frames="${spec.frames.length}" style="width:100%;min-height:${height}px"></div>
${whenReadyScript(id, spec, "window.Plotly", 'el.textContent = ""; window.Plotly.newPlot(el, spec);',
    "Waiting for plotly.js: it is loaded by the output of the notebook's first chart (run that cell, or trust the notebook).")}`;
}

/** The full display bundle of one figure: text/html, Plotly JSON and a text fallback. */
export function figureBundle(figure: Figure): DisplayBundle {
  const fig = checkFigure("figureBundle", figure);
  const title = (fig.layout?.title as { text?: string } | undefined)?.text;
  return {
    data: {
      "text/html": figureHtml(fig),
      [PLOTLY_MIME]: { data: fig.data, layout: fig.layout ?? {}, ...(fig.frames ? { frames: fig.frames } : {}) },
      "text/plain": `<Plotly figure${title ? `: ${title}` : ""} (${fig.data.length} traces${fig.frames ? `, ${fig.frames.length} frames` : ""})>`,
    },
    metadata: {},
  };
}

/**
 * tslab's display writer of the running cell. Its internal writer sends a whole bundle (several
 * MIME types in one output); tslab's public `display.raw` sends one MIME type only, so it is the
 * fallback (text/html alone) should tslab's internals move.
 */
function writer(fn: string): Writer {
  let internal: { lastWriteDisplayData?: Writer | null } | undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    internal = require("tslab/dist/jupyter");
  } catch {
    internal = undefined;
  }
  if (internal && "lastWriteDisplayData" in internal) {
    const write = internal.lastWriteDisplayData;
    if (typeof write !== "function") {
      throw new Error(`${fn}: must be called from a cell running in the tslab kernel (no cell is executing here)`);
    }
    return write;
  }
  let tslab: { display: { html(s: string): void } };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    tslab = require("tslab");
  } catch (err) {
    throw new Error(`${fn}: needs the tslab kernel (a Jupyter notebook); tslab could not be loaded: ${(err as Error).message}`);
  }
  return (bundle) => tslab.display.html(String(bundle.data["text/html"]));
}

/**
 * Puts plotly.js into this cell's output (always, so re-running the cell restores it). `show`
 * calls it by itself before the first chart of a kernel session.
 */
export function loadPlotly(): void {
  writer("loadPlotly")({ data: { "text/html": plotlyScriptHtml(), "text/plain": "<plotly.js loaded>" }, metadata: {} }, false);
  plotlyLoaded = true;
}

/**
 * Puts the library's browser bundle into this cell's output (always, so re-running the cell
 * restores it). `show` calls it by itself before the first explorable of a kernel session.
 */
export function loadLibrary(): void {
  writer("loadLibrary")({ data: { "text/html": libraryScriptHtml(), "text/plain": "<adaptive-lr browser library loaded>" }, metadata: {} }, false);
  libraryLoaded = true;
}

/** The display bundle of an explorable: text/html (div + mount script) and a text fallback. */
export function widgetBundle(widget: Widget): DisplayBundle {
  const sliders = widget.sliders.map((s) => s.label).join(", ");
  return {
    data: {
      "text/html": widgetHtml(widget, `alr-explore-${randomBytes(6).toString("hex")}`),
      "text/plain": `<explorable ${widget.kind}: ${widget.title} (sliders ${sliders})>`,
    },
    metadata: {},
  };
}

/**
 * A standalone HTML page (offline: plotly.js and the library inlined) showing these explorables;
 * used by the browser tests and the benchmark, and handy to hand a widget to someone without Jupyter.
 */
export function explorePageHtml(widgets: Widget[], title = "adaptive-lr explorables"): string {
  const body = widgets.map((w, k) => widgetHtml(w, `explore-${k}`)).join("\n");
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${title.replace(/[&<>"]/g, "")}</title></head>
<body style="max-width:1100px;margin:1rem auto;padding:0 1rem">
${plotlyScriptHtml()}
${libraryScriptHtml()}
${body}
</body></html>
`;
}

/**
 * Displays a figure, or an explorable from `explore.*`, inline in the current notebook cell.
 * @example
 * import { charts, explore, models, optimizers, show, train } from "adaptive-lr";
 * const bowl = models.surfaces.bowl;
 * show(charts.lossContour({ surface: bowl, paths: { gd: train({ model: bowl, init: bowl.start, optimizer: optimizers.gd({ eta: 0.1 }), epochs: 30 }) } }));
 * show(explore.optimizers({ optimizers: ["rmsprop"], sliders: { eta: {}, beta: {} } }));
 */
export function show(figure: Figure | Widget): void {
  const widget = isWidget(figure);
  const bundle = widget ? widgetBundle(figure) : figureBundle(figure as Figure);
  const write = writer("show");
  if (!plotlyLoaded) loadPlotly();
  if (widget && !libraryLoaded) loadLibrary();
  write(bundle, false);
}
