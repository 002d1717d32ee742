/**
 * `show()` for the browser build of the library (the Node build's src/display.ts needs tslab, fs
 * and zlib). A host page or an in-browser kernel sets `globalThis.__adaptiveLrShow` to receive
 * each shown object, unchanged: a Plotly figure `{data, layout, frames?}`, or an explorable widget
 * (what `explore.*` returns: plain JSON `{type: "adaptive-lr/explorable", kind, title, sliders,
 * ...}`, tell it apart with `explore.isWidget(x)`). A host renders a widget with
 * `explore.widgetHtml(widget)` (text/html that needs window.Plotly and window.adaptiveLr in the page
 * where it is inserted) or mounts it with `explore.mount(element, widget)`.
 * Without the hook, a figure is drawn with the page's `window.Plotly` into a new div appended to
 * `document.body`, and a widget is mounted the same way.
 */
import type { Figure } from "../charts/types";
import { isWidget, type Widget } from "../explore/kinds";
import { EXPLORE_CLASS } from "../explore/html";
import { mount } from "../explore/runtime";

/** The MIME type of Plotly figure JSON. */
export const PLOTLY_MIME = "application/vnd.plotly.v1+json";

/** CSS class of every chart container (tests count them). */
export const CHART_CLASS = "adaptive-lr-chart";

type ShowHook = (shown: Figure | Widget) => void;

interface BrowserGlobals {
  __adaptiveLrShow?: ShowHook;
  Plotly?: { newPlot(el: unknown, data: unknown, layout?: unknown, config?: unknown): unknown };
  document?: Document;
}

/** Displays one figure or widget: through the host's hook, else with window.Plotly into the page. */
export function show(figure: Figure | Widget): void {
  const g = globalThis as unknown as BrowserGlobals;
  if (typeof g.__adaptiveLrShow === "function") {
    g.__adaptiveLrShow(figure);
    return;
  }
  if (!g.Plotly || !g.document) {
    throw new Error("show: no display in this page (load plotly.js first, or set globalThis.__adaptiveLrShow)");
  }
  const div = g.document.createElement("div");
  g.document.body.appendChild(div);
  if (isWidget(figure)) {
    div.className = EXPLORE_CLASS;
    mount(div, figure);
    return;
  }
  div.className = CHART_CLASS;
  g.Plotly.newPlot(div, figure.data, figure.layout, { responsive: true, displaylogo: false });
}
