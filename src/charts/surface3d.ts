import { fail } from "../validate";
import { baseLayout, colorFor, decimate, lossAlong, namedEntries, pathPoints, pick, positiveIntOption, roundAll, toGrid } from "./common";
import type { Figure, Grid, PathSource, SurfaceLike, Trace } from "./types";

export interface Surface3dOptions {
  /** A surface from `models.surfaces` or a grid `{x, y, z}`. */
  surface: SurfaceLike | Grid;
  /** Optimizer paths by name; their height is the loss recorded by `train` (else read off the surface). */
  paths?: Record<string, PathSource>;
  title?: string;
  /** Grid points per side when sampling a surface (default 60). */
  resolution?: number;
  bounds?: readonly [readonly [number, number], readonly [number, number]];
  /** Most points drawn per path (default 300). */
  maxPoints?: number;
  axisTitles?: [string, string];
}

/**
 * A 3-D loss surface with the optimizer paths drawn on it.
 * @example charts.lossSurface3d({surface: models.surfaces.saddle, paths: {adam: run}})
 */
export function lossSurface3d(options: Surface3dOptions): Figure {
  const fn = "charts.lossSurface3d";
  if (options === null || typeof options !== "object") fail(fn, "options", "an object {surface, paths?}", options);
  const resolution = positiveIntOption(fn, "resolution", options.resolution, 60);
  const maxPoints = positiveIntOption(fn, "maxPoints", options.maxPoints, 300);
  const grid = toGrid(fn, options.surface, resolution, options.bounds);
  const data: Trace[] = [{
    type: "surface",
    x: roundAll(grid.x, 5),
    y: roundAll(grid.y, 5),
    z: grid.z.map((row) => roundAll(row, 4)),
    colorscale: "Viridis",
    opacity: 0.85,
    showscale: false,
    name: "loss",
  }];
  const entries = options.paths === undefined ? [] : namedEntries<PathSource>(fn, "paths", options.paths);
  entries.forEach(([name, source], k) => {
    const p = pathPoints(fn, `paths.${name}`, source);
    const z = lossAlong(p, options.surface, grid);
    const idx = decimate(p.x.length, maxPoints);
    const color = colorFor(name, k);
    data.push({
      type: "scatter3d",
      mode: "lines+markers",
      name,
      x: roundAll(pick(p.x, idx)),
      y: roundAll(pick(p.y, idx)),
      z: roundAll(pick(z, idx)),
      line: { color, width: 5 },
      marker: { color, size: 2 },
    });
  });
  const [xt, yt] = options.axisTitles ?? ["w", "b"];
  return {
    data,
    layout: baseLayout(options.title, {
      height: 520,
      scene: { xaxis: { title: { text: xt } }, yaxis: { title: { text: yt } }, zaxis: { title: { text: "loss" } } },
    }),
  };
}
