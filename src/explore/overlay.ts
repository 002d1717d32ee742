/**
 * Lines drawn on a canvas laid over a static Plotly chart, in the chart's data coordinates. Plotly
 * redraws a whole subplot (contour included) on every `Plotly.react`, 40-55 ms here; a canvas
 * redraw of the same paths takes well under a millisecond (TOOLCHAIN.md, "Redraw cost").
 */
import type { Line } from "./types";

/** The part of a Plotly axis the overlay needs (from the plot's `_fullLayout`). */
export interface AxisGeometry {
  /** Pixel offset of the axis from the plot's left (x) or top (y) edge. */
  offset: number;
  /** Length in pixels. */
  length: number;
  /** Range in axis units (log10 of the value on a log axis). */
  range: [number, number];
  log: boolean;
}

export interface SubplotGeometry {
  x: AxisGeometry;
  y: AxisGeometry;
}

interface PlotlyAxis { _offset: number; _length: number; range: [number, number]; type: string }

/** Geometry of subplot "xy", "x2y2", ... of a drawn Plotly div, or undefined. */
export function subplotGeometry(plot: unknown, axes: string): SubplotGeometry | undefined {
  const m = /^x(\d*)y(\d*)$/.exec(axes);
  const layout = (plot as { _fullLayout?: Record<string, PlotlyAxis | undefined> })._fullLayout;
  if (!m || !layout) return undefined;
  const xa = layout[`xaxis${m[1]}`], ya = layout[`yaxis${m[2]}`];
  if (!xa || !ya || typeof xa._offset !== "number" || typeof ya._offset !== "number") return undefined;
  const geo = (a: PlotlyAxis): AxisGeometry => ({ offset: a._offset, length: a._length, range: [Number(a.range[0]), Number(a.range[1])], log: a.type === "log" });
  return { x: geo(xa), y: geo(ya) };
}

function toPixel(a: AxisGeometry, value: number, vertical: boolean): number {
  const v = a.log ? Math.log10(value) : value;
  const f = (v - a.range[0]) / (a.range[1] - a.range[0]);
  return a.offset + (vertical ? 1 - f : f) * a.length;
}

/** Data coordinates of a pixel (relative to the plot's top-left corner). */
export function fromPixel(g: SubplotGeometry, px: number, py: number): [number, number] | undefined {
  const fx = (px - g.x.offset) / g.x.length;
  const fy = 1 - (py - g.y.offset) / g.y.length;
  if (fx < 0 || fx > 1 || fy < 0 || fy > 1) return undefined;
  const value = (a: AxisGeometry, f: number) => {
    const v = a.range[0] + f * (a.range[1] - a.range[0]);
    return a.log ? Math.pow(10, v) : v;
  };
  return [value(g.x, fx), value(g.y, fy)];
}

/** Draws the lines; returns how many points were drawn. */
export function drawLines(ctx: CanvasRenderingContext2D, lines: readonly Line[], geometry: (axes: string) => SubplotGeometry | undefined): number {
  let points = 0;
  for (const line of lines) {
    const g = geometry(line.axes);
    if (!g) continue;
    ctx.save();
    ctx.beginPath();
    ctx.rect(g.x.offset, g.y.offset, g.x.length, g.y.length);
    ctx.clip();
    ctx.strokeStyle = line.color;
    ctx.fillStyle = line.color;
    ctx.lineWidth = line.width ?? 2;
    ctx.lineJoin = "round";
    ctx.setLineDash(line.dash ?? []);
    const n = line.x.length;
    if (line.vertical) {
      const px = toPixel(g.x, line.x[0], false);
      ctx.beginPath();
      ctx.moveTo(px, g.y.offset);
      ctx.lineTo(px, g.y.offset + g.y.length);
      ctx.stroke();
      ctx.restore();
      continue;
    }
    const xs = new Float64Array(n), ys = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      xs[k] = toPixel(g.x, line.x[k], false);
      ys[k] = toPixel(g.y, line.y[k], true);
    }
    if (n > 1) {
      ctx.beginPath();
      let pen = false;
      for (let k = 0; k < n; k++) {
        if (!Number.isFinite(xs[k]) || !Number.isFinite(ys[k])) { pen = false; continue; }
        if (pen) ctx.lineTo(xs[k], ys[k]);
        else ctx.moveTo(xs[k], ys[k]);
        pen = true;
      }
      ctx.stroke();
    }
    ctx.setLineDash([]);
    if (line.dots) {
      ctx.beginPath();
      for (let k = 0; k < n; k++) {
        if (!Number.isFinite(xs[k]) || !Number.isFinite(ys[k])) continue;
        ctx.moveTo(xs[k] + line.dots, ys[k]);
        ctx.arc(xs[k], ys[k], line.dots, 0, 2 * Math.PI);
      }
      ctx.fill();
    }
    if (line.startMark && n > 0) {
      ctx.beginPath();
      ctx.arc(xs[0], ys[0], 6, 0, 2 * Math.PI);
      ctx.lineWidth = 2;
      ctx.strokeStyle = "yellow";
      ctx.stroke();
    }
    if (line.endMark && n > 0) {
      ctx.beginPath();
      ctx.arc(xs[n - 1], ys[n - 1], 4.5, 0, 2 * Math.PI);
      ctx.fill();
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = "white";
      ctx.stroke();
    }
    points += n;
    ctx.restore();
  }
  return points;
}
