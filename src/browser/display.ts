/**
 * `show()` for the browser build of the library (the Node build's src/display.ts needs tslab, fs
 * and zlib). A host page or an in-browser kernel sets `globalThis.__adaptiveLrShow` to receive
 * each figure; without that hook the figure is drawn with the page's `window.Plotly` into a new
 * div appended to `document.body`.
 */
import type { Figure } from "../charts/types";

/** The MIME type of Plotly figure JSON. */
export const PLOTLY_MIME = "application/vnd.plotly.v1+json";

/** CSS class of every chart container (tests count them). */
export const CHART_CLASS = "adaptive-lr-chart";

type ShowHook = (figure: Figure) => void;

interface BrowserGlobals {
  __adaptiveLrShow?: ShowHook;
  Plotly?: { newPlot(el: unknown, data: unknown, layout?: unknown, config?: unknown): unknown };
  document?: { createElement(tag: string): { className: string }; body: { appendChild(el: unknown): void } };
}

/** Displays one figure: through the host's hook, else with window.Plotly into the page. */
export function show(figure: Figure): void {
  const g = globalThis as unknown as BrowserGlobals;
  if (typeof g.__adaptiveLrShow === "function") {
    g.__adaptiveLrShow(figure);
    return;
  }
  if (!g.Plotly || !g.document) {
    throw new Error("show: no display in this page (load plotly.js first, or set globalThis.__adaptiveLrShow)");
  }
  const div = g.document.createElement("div");
  div.className = CHART_CLASS;
  g.document.body.appendChild(div);
  g.Plotly.newPlot(div, figure.data, figure.layout, { responsive: true, displaylogo: false });
}
