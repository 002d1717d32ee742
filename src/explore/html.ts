/**
 * The `text/html` of a widget: a div and a script that mounts the widget with the library once
 * window.Plotly and window.adaptiveLr are in the page. Node's `show()` puts both bundles in the
 * notebook before the first widget (src/display.ts); a host page (the course site, an in-browser
 * kernel) provides them its own way. The same text works in JupyterLab, the classic notebook,
 * nbconvert's HTML export and the course site, over http and from file://.
 */
import { explorableOf, type Widget } from "./kinds";

/** CSS class of every explorable container (tests look for it). */
export const EXPLORE_CLASS = "adaptive-lr-explore";

/** JSON safe to embed inside a `<script>` element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/**
 * A `<script>` that waits until the element `id` exists and `ready` (a JavaScript expression) holds,
 * then runs `run` with `el` (the element) and `spec` (`spec`, embedded as JSON) in scope. It retries
 * every 100 ms, then every 500 ms after 50 tries, when it shows `waiting` in the element. Used for
 * charts (src/display.ts) and widgets alike: outputs can arrive before the bundles that draw them.
 */
export function whenReadyScript(id: string, spec: unknown, ready: string, run: string, waiting: string): string {
  return `<script type="text/javascript">
(function () {
  var spec = ${scriptJson(spec)};
  var tries = 0;
  function attempt() {
    var el = document.getElementById("${id}");
    if (!el) { if (tries++ < 100) setTimeout(attempt, 100); return; }
    if (${ready}) { ${run} return; }
    if (++tries === 50) el.textContent = ${JSON.stringify(waiting)};
    setTimeout(attempt, tries < 50 ? 100 : 500);
  }
  attempt();
})();
</script>`;
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] as string);

/**
 * The widget as `text/html` (needs window.Plotly and window.adaptiveLr in the page; waits for them).
 * @example
 * import { explore } from "adaptive-lr";
 * const html = explore.widgetHtml(explore.lpBall());
 */
export function widgetHtml(widget: Widget, id = `alr-explore-${Math.random().toString(36).slice(2, 10)}`): string {
  explorableOf("explore.widgetHtml", widget);
  if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(id)) throw new Error(`explore.widgetHtml: id must be a plain HTML id, got ${JSON.stringify(id)}`);
  const height = widget.kind === "lpBall" ? 540 : widget.kind === "biasCorrection" ? 560 : 520;
  return `<div id="${id}" class="${EXPLORE_CLASS}" data-kind="${escapeHtml(widget.kind)}" style="min-height:${height}px">${escapeHtml(widget.title)} (interactive: loading&hellip;)</div>
${whenReadyScript(id, widget, "window.Plotly && window.adaptiveLr && window.adaptiveLr.explore", "var lib = window.adaptiveLr; lib.explore.mount(el, spec);",
    "Waiting for plotly.js and the adaptive-lr library: the notebook's first chart or explorable output loads them (run that cell, or trust the notebook).")}`;
}
