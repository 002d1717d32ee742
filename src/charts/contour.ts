import { fail } from "../validate";
import {
  baseLayout, colorFor, decimate, minimaOf, namedEntries, pathPoints, pick, positiveIntOption, roundAll, toGrid,
} from "./common";
import type { Figure, Grid, PathSource, SurfaceLike, Trace } from "./types";

export interface ContourOptions {
  /** A surface from `models.surfaces` or a grid `{x, y, z}` (e.g. from `models.sigmoidNeuron.lossSurface`). */
  surface: SurfaceLike | Grid;
  /** Optimizer paths by name, e.g. `{gd: runGd, momentum: runMomentum}`. */
  paths?: Record<string, PathSource>;
  title?: string;
  /** Grid points per side when sampling a surface (default 70). */
  resolution?: number;
  /** Plotting window for a surface (default: the surface's own bounds). */
  bounds?: readonly [readonly [number, number], readonly [number, number]];
  /** Most points drawn per path (default 300; first and last always kept). */
  maxPoints?: number;
  /** Colour by log10 of (loss - min + 1e-3): shows the floor of steep surfaces like Rosenbrock. */
  logScale?: boolean;
  /** Axis titles (default ["w", "b"]). */
  axisTitles?: [string, string];
}

/** Contour levels of a grid, optionally log-transformed. */
export function contourTrace(grid: { x: number[]; y: number[]; z: number[][] }, logScale: boolean): Trace {
  let zmin = Infinity;
  for (const row of grid.z) for (const v of row) if (Number.isFinite(v) && v < zmin) zmin = v;
  const z = grid.z.map((row) => roundAll(logScale ? row.map((v) => Math.log10(v - zmin + 1e-3)) : row, 4));
  return {
    type: "contour",
    x: roundAll(grid.x, 5),
    y: roundAll(grid.y, 5),
    z,
    colorscale: "Viridis",
    ncontours: 25,
    contours: { coloring: "heatmap" },
    line: { width: 0.5, color: "rgba(255,255,255,0.4)" },
    colorbar: { title: { text: logScale ? "log10 loss" : "loss" } },
    name: "loss",
    showlegend: false,
    hoverinfo: "x+y+z",
  };
}

/** Scatter traces marking the surface's minima. */
export function minimaTrace(surface: unknown): Trace[] {
  const minima = minimaOf(surface);
  if (minima.length === 0) return [];
  return [{
    type: "scatter",
    mode: "markers",
    x: minima.map((m) => m[0]),
    y: minima.map((m) => m[1]),
    marker: { symbol: "star", size: 12, color: "white", line: { color: "black", width: 1 } },
    name: "minimum",
    showlegend: false,
  }];
}

/**
 * Contour of a loss surface with one or more optimizer paths drawn on it.
 * @example
 * const valley = models.surfaces.valley;
 * const runGd = train({ model: valley, init: valley.start, optimizer: optimizers.gd({ eta: 0.01 }), epochs: 50 });
 * const runAdam = train({ model: valley, init: valley.start, optimizer: optimizers.adam({ eta: 0.1 }), epochs: 50 });
 * charts.lossContour({ surface: valley, paths: { gd: runGd, adam: runAdam } });
 */
export function lossContour(options: ContourOptions): Figure {
  const fn = "charts.lossContour";
  if (options === null || typeof options !== "object") fail(fn, "options", "an object {surface, paths?}", options);
  const resolution = positiveIntOption(fn, "resolution", options.resolution, 70);
  const maxPoints = positiveIntOption(fn, "maxPoints", options.maxPoints, 300);
  const grid = toGrid(fn, options.surface, resolution, options.bounds);
  const data: Trace[] = [contourTrace(grid, options.logScale === true)];
  const entries = options.paths === undefined ? [] : namedEntries<PathSource>(fn, "paths", options.paths);
  entries.forEach(([name, source], k) => {
    const p = pathPoints(fn, `paths.${name}`, source);
    const idx = decimate(p.x.length, maxPoints);
    const color = colorFor(name, k);
    data.push({
      type: "scatter",
      mode: "lines+markers",
      name,
      x: roundAll(pick(p.x, idx)),
      y: roundAll(pick(p.y, idx)),
      line: { color, width: 2 },
      marker: { color, size: 4 },
    });
  });
  data.push(...minimaTrace(options.surface));
  if (entries.length > 0) {
    const first = pathPoints(fn, "paths", entries[0][1]);
    data.push({
      type: "scatter", mode: "markers", name: "start", showlegend: false,
      x: roundAll([first.x[0]]), y: roundAll([first.y[0]]),
      marker: { symbol: "circle-open", size: 12, color: "yellow", line: { width: 2 } },
    });
  }
  const [xt, yt] = options.axisTitles ?? ["w", "b"];
  return {
    data,
    layout: baseLayout(options.title, {
      xaxis: { title: { text: xt }, range: [grid.x[0], grid.x[grid.x.length - 1]] },
      yaxis: { title: { text: yt }, range: [grid.y[0], grid.y[grid.y.length - 1]] },
    }),
  };
}
