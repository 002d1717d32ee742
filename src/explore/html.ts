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
<script type="text/javascript">
(function () {
  var spec = ${scriptJson(widget)};
  var tries = 0;
  function mount() {
    var el = document.getElementById("${id}");
    if (!el) { if (tries++ < 100) setTimeout(mount, 100); return; }
    var lib = window.adaptiveLr;
    if (window.Plotly && lib && lib.explore) { lib.explore.mount(el, spec); return; }
    if (++tries === 50) el.textContent = "Waiting for plotly.js and the adaptive-lr library: the notebook's first chart or explorable output loads them (run that cell, or trust the notebook).";
    setTimeout(mount, tries < 50 ? 100 : 500);
  }
  mount();
})();
</script>`;
}
