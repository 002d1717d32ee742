/**
 * Helpers shared by the chart builders: argument checks, rounding and decimation (figures stay
 * small because a notebook carries every number it plots), reading paths and columns from runs,
 * gridding surfaces, and one colour per optimizer name so charts agree with each other.
 */
import { names, registry } from "../optimizers/registry";
import { fail, show } from "../validate";
import type { Grid, PathPoints, PathSource, RunLike, SurfaceLike, TrajectoryLike } from "./types";

/** Rounds to `digits` significant digits (NaN and +-Infinity become null, which Plotly skips). */
export function round(value: number, digits = 4): number | null {
  if (!Number.isFinite(value)) return null;
  if (value === 0) return 0;
  return Number(value.toPrecision(digits));
}

/** Rounds every entry of an array-like. */
export function roundAll(values: ArrayLike<number>, digits = 4): Array<number | null> {
  const out = new Array<number | null>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = round(values[i], digits);
  return out;
}

/**
 * Indices 0..length-1 thinned to at most `maxPoints`, evenly spaced, always keeping the first and
 * the last. Used to keep long runs small in the notebook.
 */
export function decimate(length: number, maxPoints: number): number[] {
  if (length <= maxPoints) return Array.from({ length }, (_, i) => i);
  const out: number[] = [];
  const last = length - 1;
  for (let k = 0; k < maxPoints; k++) {
    const i = Math.round((k * last) / (maxPoints - 1));
    if (out.length === 0 || out[out.length - 1] !== i) out.push(i);
  }
  return out;
}

/** Picks `values[i]` for each index. */
export function pick(values: ArrayLike<number>, indices: number[]): number[] {
  return indices.map((i) => values[i]);
}

/** `count` evenly spaced numbers from `start` to `stop` (both included). */
export function linspace(start: number, stop: number, count: number): number[] {
  if (!Number.isFinite(start)) fail("charts.linspace", "start", "a finite number", start);
  if (!Number.isFinite(stop)) fail("charts.linspace", "stop", "a finite number", stop);
  if (!Number.isInteger(count) || count < 2) fail("charts.linspace", "count", "an integer >= 2", count);
  return Array.from({ length: count }, (_, i) => start + ((stop - start) * i) / (count - 1));
}

/** Checks that `value` is a plain object of named entries (e.g. `{gd: run, momentum: run}`). */
export function namedEntries<T>(fn: string, arg: string, value: unknown): Array<[string, T]> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    fail(fn, arg, "an object of named entries like {gd: run, momentum: run}", value);
  }
  const entries = Object.entries(value as Record<string, T>);
  if (entries.length === 0) fail(fn, arg, "an object with at least one entry", value);
  return entries;
}

function isTrajectory(value: unknown): value is TrajectoryLike {
  return value !== null && typeof value === "object" && typeof (value as TrajectoryLike).param === "function";
}

function isRun(value: unknown): value is RunLike {
  return value !== null && typeof value === "object" && isTrajectory((value as RunLike).trajectory);
}

/** The trajectory inside a run, or the trajectory itself; undefined for plain points. */
export function trajectoryOf(source: unknown): TrajectoryLike | undefined {
  if (isRun(source)) return source.trajectory;
  if (isTrajectory(source)) return source;
  return undefined;
}

/** The loss of every record of a trajectory (index 0 = start); NaN-filled if it has none. */
export function lossOf(traj: TrajectoryLike): number[] {
  const loss = traj.lossColumn ? traj.lossColumn() : traj.column ? traj.column("loss") : undefined;
  return loss ? Array.from(loss) : new Array<number>(traj.length).fill(NaN);
}

/** Reads the (p0, p1) path, and the loss when the source carries it, from any PathSource. */
export function pathPoints(fn: string, arg: string, source: PathSource): PathPoints {
  const traj = trajectoryOf(source);
  if (traj) {
    if (traj.length === 0) fail(fn, arg, "a non-empty trajectory", source);
    return {
      x: Array.from(traj.param(0)),
      y: Array.from(traj.param(1)),
      loss: lossOf(traj),
    };
  }
  if (source !== null && typeof source === "object" && "x" in source && "y" in source) {
    const p = source as PathPoints;
    if (p.x.length !== p.y.length || p.x.length === 0) {
      fail(fn, arg, "{x, y} of the same non-zero length", source);
    }
    return { x: Array.from(p.x), y: Array.from(p.y), loss: p.loss ? Array.from(p.loss) : undefined };
  }
  if (source !== null && typeof source === "object" && typeof (source as ArrayLike<unknown>).length === "number") {
    const points = source as ArrayLike<ArrayLike<number>>;
    if (points.length === 0) fail(fn, arg, "a non-empty list of points", source);
    const x: number[] = [];
    const y: number[] = [];
    for (let k = 0; k < points.length; k++) {
      const pt = points[k];
      if (!pt || typeof pt.length !== "number" || pt.length < 2) {
        throw new Error(`${fn}: ${arg}[${k}] must be a point [p0, p1], got ${show(pt)}`);
      }
      x.push(pt[0]);
      y.push(pt[1]);
    }
    return { x, y };
  }
  return fail(fn, arg, "a run from train(), a trajectory, [[p0, p1], ...] or {x, y}", source);
}

/** Which per-step column of a trajectory to read. */
export type StepColumn = "lr" | "grad" | { state: string };

/**
 * One per-step series (steps 1..T) of parameter `i`: the effective learning rate, the gradient or
 * a state vector entry. Uses the trajectory's columnar accessors.
 */
export function stepColumn(fn: string, arg: string, source: unknown, column: StepColumn, i: number): number[] {
  const traj = trajectoryOf(source);
  if (!traj) return fail(fn, arg, "a run from train() or its trajectory", source);
  if (traj.length < 2) fail(fn, arg, "a trajectory with at least one update", source);
  let values: ArrayLike<number> | undefined;
  if (column === "lr") values = traj.effectiveRateColumn?.(i);
  else if (column === "grad") values = traj.gradColumn?.(i);
  else values = traj.stateColumn?.(column.state, i);
  if (!values) fail(fn, arg, "a trajectory with effectiveRateColumn/gradColumn/stateColumn accessors", source);
  return Array.from(values as ArrayLike<number>);
}

/** Names of the per-parameter state vectors recorded in a trajectory (from its first update). */
export function stateKeysOf(source: unknown): string[] {
  const traj = trajectoryOf(source);
  return traj && Array.isArray(traj.stateKeys) ? [...traj.stateKeys] : [];
}

/** Display names of state vectors: mHat -> m̂, vHat -> v̂. */
export function stateLabel(key: string): string {
  const hats: Record<string, string> = { mHat: "m\u0302", vHat: "v\u0302", vHatMax: "v\u0302 max" };
  return hats[key] ?? key;
}

function isGrid(value: unknown): value is Grid {
  return value !== null && typeof value === "object" && "z" in value && "x" in value && "y" in value;
}

function isSurface(value: unknown): value is SurfaceLike {
  return value !== null && typeof value === "object" && typeof (value as SurfaceLike).value === "function";
}

/** A grid from either a precomputed Grid or a Surface sampled `resolution` times per side. */
export function toGrid(
  fn: string,
  surface: unknown,
  resolution: number,
  bounds?: readonly [readonly [number, number], readonly [number, number]],
): { x: number[]; y: number[]; z: number[][] } {
  if (!Number.isInteger(resolution) || resolution < 2 || resolution > 400) {
    fail(fn, "resolution", "an integer in [2, 400]", resolution);
  }
  if (isGrid(surface)) {
    const x = Array.from(surface.x);
    const y = Array.from(surface.y);
    if (surface.z.length !== y.length) {
      throw new Error(`${fn}: surface.z must have one row per y (${y.length}), got ${surface.z.length} rows`);
    }
    const z = Array.from(surface.z, (row, j) => {
      if (!row || row.length !== x.length) {
        throw new Error(`${fn}: surface.z[${j}] must have one value per x (${x.length}), got ${show(row)}`);
      }
      return Array.from(row);
    });
    return { x, y, z };
  }
  if (isSurface(surface)) {
    const b = bounds ?? surface.bounds;
    if (!b || !Array.isArray(b) || b.length !== 2) fail(fn, "bounds", "[[p0min, p0max], [p1min, p1max]]", b);
    const x = linspace(b[0][0], b[0][1], resolution);
    const y = linspace(b[1][0], b[1][1], resolution);
    const z = y.map((yv) => x.map((xv) => surface.value(xv, yv)));
    return { x, y, z };
  }
  return fail(fn, "surface", "a surface (models.surfaces.*) or a grid {x, y, z}", surface);
}

/** Bilinear interpolation of a grid at (px, py) (clamped to the grid's edges). */
export function interpolate(grid: { x: number[]; y: number[]; z: number[][] }, px: number, py: number): number {
  const locate = (axis: number[], v: number): [number, number] => {
    const n = axis.length;
    const ascending = axis[n - 1] >= axis[0];
    let lo = 0;
    while (lo < n - 2 && (ascending ? axis[lo + 1] < v : axis[lo + 1] > v)) lo++;
    const span = axis[lo + 1] - axis[lo];
    const f = span === 0 ? 0 : (v - axis[lo]) / span;
    return [lo, Math.min(1, Math.max(0, f))];
  };
  const [i, fx] = locate(grid.x, px);
  const [j, fy] = locate(grid.y, py);
  const z00 = grid.z[j][i];
  const z10 = grid.z[j][i + 1];
  const z01 = grid.z[j + 1][i];
  const z11 = grid.z[j + 1][i + 1];
  return (1 - fy) * ((1 - fx) * z00 + fx * z10) + fy * ((1 - fx) * z01 + fx * z11);
}

/** The loss along a path: from the trajectory, else from the surface, else interpolated on the grid. */
export function lossAlong(path: PathPoints, surface: unknown, grid: { x: number[]; y: number[]; z: number[][] }): number[] {
  if (path.loss && path.loss.length === path.x.length) return path.loss;
  if (isSurface(surface)) return path.x.map((x, k) => surface.value(x, path.y[k]));
  return path.x.map((x, k) => interpolate(grid, x, path.y[k]));
}

/** Minima to mark: from the surface when it lists them. */
export function minimaOf(surface: unknown): ReadonlyArray<readonly [number, number]> {
  return isSurface(surface) && surface.minima ? surface.minima : [];
}

/** Chart colours from the optimizer registry, plus "sgd" as GD's. */
const OPTIMIZER_COLORS: Record<string, string> = {
  ...Object.fromEntries(names.map((name) => [name, registry[name].color])),
  sgd: registry.gd.color,
};
const PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"];

/** A colour for a series: the optimizer's own colour when the name starts with one, else the palette. */
export function colorFor(name: string, index: number): string {
  const key = name.toLowerCase().replace(/[^a-z]/g, "");
  const known = Object.keys(OPTIMIZER_COLORS)
    .sort((a, b) => b.length - a.length)
    .find((k) => key === k || key.startsWith(k));
  return known ? OPTIMIZER_COLORS[known] : PALETTE[index % PALETTE.length];
}

/** Dash styles used to tell parameters apart (w solid, b dashed, ...). */
export const DASHES = ["solid", "dash", "dot", "dashdot", "longdash"];

/** Checks an optional positive integer option. */
export function positiveIntOption(fn: string, arg: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) fail(fn, arg, "a positive integer", value);
  return value;
}

/** Base layout shared by the charts. */
export function baseLayout(title: string | undefined, extra: Record<string, unknown>): Record<string, unknown> {
  return {
    ...(title ? { title: { text: title } } : {}),
    margin: { l: 60, r: 20, t: title ? 50 : 20, b: 50 },
    legend: { orientation: "h", y: -0.18 },
    height: 460,
    ...extra,
  };
}
