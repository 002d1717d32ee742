/**
 * The in-page runtime: `mount(el, widget)` draws a widget into an element, with window.Plotly and
 * this library already in the page. The chart is drawn once with Plotly (contours, fixed axes);
 * on every input event the explorable recomputes with the library (`train`, the optimizers, the
 * schedules) and redraws its lines on a canvas laid over the chart.
 *
 * The mounted element carries `el.adaptiveLrExplore` (MountedWidget): the spec, the current slider
 * values, what was drawn last (`drawing.data`, e.g. each optimizer's path) and the time the last
 * update took to compute and to draw. Tests and the benchmark read it.
 */
import { explorableOf, type Widget } from "./kinds";
import { drawLines, fromPixel, subplotGeometry, type SubplotGeometry } from "./overlay";
import { formatValue, fromPosition, initialValues, toPosition } from "./sliders";
import type { Drawing, Explorable, SliderSpec, Values, WidgetBase } from "./types";

/** What a mounted widget exposes on its element (`el.adaptiveLrExplore`). */
export interface MountedWidget {
  spec: Widget;
  values: Values;
  drawing?: Drawing;
  /** Milliseconds of the last update: recomputing, and drawing lines + readout. */
  timings: { compute: number; draw: number };
  /** Updates so far (1 after mounting). */
  updates: number;
  /** Sets some slider values (as the inputs would) and redraws. */
  set(values: Values): void;
  /** Back to the spec's start values. */
  reset(): void;
}

interface PlotlyLike {
  newPlot(el: HTMLElement, data: unknown, layout?: unknown, config?: unknown): Promise<unknown>;
}

type PlotDiv = HTMLElement & { on?(event: string, cb: () => void): void; _fullLayout?: unknown };

const STYLE_ID = "adaptive-lr-explore-style";
const CSS = `
.adaptive-lr-explore{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;font-size:13px;color:#222;margin:.5em 0}
.adaptive-lr-explore .alr-title{font-weight:600;font-size:14px;margin-bottom:2px}
.adaptive-lr-explore .alr-hint{color:#555;margin-bottom:6px}
.adaptive-lr-explore .alr-body{display:flex;flex-wrap:wrap;gap:12px;align-items:flex-start}
.adaptive-lr-explore .alr-plot{position:relative;flex:1 1 480px;min-width:320px}
.adaptive-lr-explore .alr-plot canvas{position:absolute;left:0;top:0;pointer-events:none}
.adaptive-lr-explore .alr-controls{flex:0 0 290px;font-variant-numeric:tabular-nums}
.adaptive-lr-explore .alr-slider{display:grid;grid-template-columns:92px 1fr 70px;align-items:center;gap:6px;margin:3px 0}
.adaptive-lr-explore .alr-slider label{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.adaptive-lr-explore .alr-slider input{width:100%;margin:0}
.adaptive-lr-explore .alr-slider output{text-align:right;font-family:ui-monospace,monospace;font-size:12px}
.adaptive-lr-explore button{margin:6px 0;font:inherit;padding:2px 10px}
.adaptive-lr-explore .alr-readout{margin-top:4px;border-top:1px solid #ddd;padding-top:4px}
.adaptive-lr-explore .alr-row{margin:3px 0;min-height:2.6em;line-height:1.3em}
.adaptive-lr-explore .alr-row b{display:inline-block;margin-right:4px}
.adaptive-lr-explore .alr-swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:4px;vertical-align:baseline}
`;

function addStyle(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement("style");
  style.id = STYLE_ID;
  style.textContent = CSS;
  doc.head.appendChild(style);
}

function child<K extends keyof HTMLElementTagNameMap>(parent: HTMLElement, tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const el = parent.ownerDocument.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  parent.appendChild(el);
  return el;
}

let counter = 0;

/**
 * Draws `widget` into `el` (emptied first) and wires its inputs. Needs window.Plotly.
 * In a page with plotly.js and the library bundle: `adaptiveLr.explore.mount(element, widget)`.
 */
export function mount(el: HTMLElement, widget: Widget): MountedWidget {
  const explorable: Explorable<WidgetBase> = explorableOf("explore.mount", widget);
  const existing = (el as HTMLElement & { adaptiveLrExplore?: MountedWidget }).adaptiveLrExplore;
  if (existing) return existing;
  const win = el.ownerDocument.defaultView as (Window & { Plotly?: PlotlyLike }) | null;
  const Plotly = win?.Plotly;
  if (!Plotly) throw new Error("explore.mount: window.Plotly is missing (load plotly.js first)");
  const doc = el.ownerDocument;
  addStyle(doc);
  el.textContent = "";
  el.classList.add("adaptive-lr-explore");
  el.dataset.kind = widget.kind;
  const uid = `alr-x${++counter}-${Math.random().toString(36).slice(2, 8)}`;

  child(el, "div", "alr-title", widget.title);
  if (widget.hint) child(el, "div", "alr-hint", widget.hint);
  const body = child(el, "div", "alr-body");
  const plotBox = child(body, "div", "alr-plot");
  const plot = child(plotBox, "div") as PlotDiv;
  const canvas = child(plotBox, "canvas");
  const controls = child(body, "div", "alr-controls");

  const start = initialValues(widget.sliders);
  const values: Values = { ...start };
  const inputs = new Map<string, { input: HTMLInputElement; output: HTMLOutputElement; slider: SliderSpec }>();
  for (const s of widget.sliders) {
    const row = child(controls, "div", "alr-slider");
    const id = `${uid}-${s.key.replace(/[^A-Za-z0-9_-]/g, "_")}`;
    const label = child(row, "label", undefined, s.label);
    label.htmlFor = id;
    label.title = s.label;
    const input = child(row, "input");
    input.type = "range";
    input.id = id;
    input.name = s.key;
    input.min = String(toPosition(s.scale, s.min));
    input.max = String(toPosition(s.scale, s.max));
    input.step = String(s.step);
    input.value = String(toPosition(s.scale, s.value));
    const output = child(row, "output");
    output.htmlFor.add(id);
    output.textContent = formatValue(s, s.value);
    input.setAttribute("aria-valuetext", `${s.label} = ${output.textContent}`);
    input.addEventListener("input", () => {
      values[s.key] = fromPosition(s, Number(input.value));
      showValue(s.key);
      update();
    });
    inputs.set(s.key, { input, output, slider: s });
  }
  const resetButton = child(controls, "button", undefined, "Reset");
  resetButton.type = "button";
  const readoutBox = child(controls, "div", "alr-readout");
  readoutBox.setAttribute("aria-live", "polite");
  const rows: HTMLElement[] = [];

  function showValue(key: string): void {
    const i = inputs.get(key);
    if (!i) return;
    const text = formatValue(i.slider, values[key]);
    i.output.textContent = text;
    i.input.setAttribute("aria-valuetext", `${i.slider.label} = ${text}`);
  }

  const mounted: MountedWidget = {
    spec: widget, values, timings: { compute: 0, draw: 0 }, updates: 0,
    set(next: Values) {
      for (const [key, v] of Object.entries(next)) {
        const i = inputs.get(key);
        if (!i) throw new Error(`explore.mount: this widget has no slider ${JSON.stringify(key)}`);
        values[key] = v;
        i.input.value = String(toPosition(i.slider.scale, v));
        showValue(key);
      }
      update();
    },
    reset() {
      mounted.set(start);
    },
  };
  resetButton.addEventListener("click", () => mounted.reset());
  (el as HTMLElement & { adaptiveLrExplore?: MountedWidget }).adaptiveLrExplore = mounted;

  // The overlay follows the plot's size (Plotly's responsive resize fires plotly_afterplot).
  const geometryCache = new Map<string, SubplotGeometry | undefined>();
  let ctx: CanvasRenderingContext2D | null = null;
  function fitCanvas(): void {
    const ratio = win?.devicePixelRatio || 1;
    const w = plot.clientWidth, h = plot.clientHeight;
    canvas.style.width = `${w}px`;
    canvas.style.height = `${h}px`;
    canvas.width = Math.round(w * ratio);
    canvas.height = Math.round(h * ratio);
    ctx = canvas.getContext("2d");
    ctx?.setTransform(ratio, 0, 0, ratio, 0, 0);
    geometryCache.clear();
  }
  const geometry = (axes: string) => {
    if (!geometryCache.has(axes)) geometryCache.set(axes, subplotGeometry(plot, axes));
    return geometryCache.get(axes);
  };
  function drawOverlay(): void {
    if (!ctx || !mounted.drawing) return;
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    drawLines(ctx, mounted.drawing.lines, geometry);
  }
  function renderReadout(drawing: Drawing): void {
    drawing.readout.forEach((r, k) => {
      let row = rows[k];
      if (!row) {
        row = child(readoutBox, "div", "alr-row");
        rows.push(row);
      }
      row.textContent = "";
      if (r.color) child(row, "span", "alr-swatch").style.background = r.color;
      child(row, "b", undefined, r.label);
      row.appendChild(doc.createTextNode(r.text));
    });
    for (let k = drawing.readout.length; k < rows.length; k++) rows[k].textContent = "";
  }
  let plotted = false;
  function update(): void {
    const t0 = performance.now();
    let drawing: Drawing;
    try {
      drawing = explorable.compute(widget, values);
    } catch (err) {
      drawing = { lines: [], readout: [{ label: "error", text: (err as Error).message }], data: {} };
    }
    const t1 = performance.now();
    mounted.drawing = drawing;
    if (plotted) drawOverlay();
    renderReadout(drawing);
    const t2 = performance.now();
    mounted.timings = { compute: t1 - t0, draw: t2 - t1 };
    mounted.updates++;
    el.dataset.updates = String(mounted.updates);
  }

  const figure = explorable.figure(widget);
  const layout: Record<string, unknown> = { ...figure.layout, dragmode: false, hovermode: "closest" };
  for (const key of Object.keys(layout)) {
    if (/^[xy]axis\d*$/.test(key)) layout[key] = { ...(layout[key] as object), fixedrange: true };
  }
  update();
  Plotly.newPlot(plot, figure.data, layout, { displayModeBar: false, responsive: true, scrollZoom: false, doubleClick: false })
    .then(() => {
      plotted = true;
      fitCanvas();
      drawOverlay();
      el.dataset.ready = "true";
      plot.on?.("plotly_afterplot", () => { fitCanvas(); drawOverlay(); });
    })
    .catch((err: Error) => {
      renderReadout({ lines: [], readout: [{ label: "chart", text: `could not draw: ${err.message}` }], data: {} });
    });

  if (explorable.click) {
    const click = explorable.click;
    plot.addEventListener("click", (event) => {
      const box = plot.getBoundingClientRect();
      const px = event.clientX - box.left, py = event.clientY - box.top;
      for (const axes of ["xy", "x2y2", "x3y3"]) {
        const g = geometry(axes);
        const at = g && fromPixel(g, px, py);
        if (!at) continue;
        const next = click(widget, axes, at[0], at[1]);
        if (next) mounted.set(next);
        return;
      }
    });
  }
  return mounted;
}
