/**
 * Plain Plotly figures. Builders in this folder return these objects and never display anything:
 * `src/display.ts` is the one adapter that turns a figure into notebook output.
 */

/** One Plotly trace (scatter, contour, surface, scatter3d, ...): plain JSON. */
export type Trace = Record<string, unknown>;

/** Plotly layout: plain JSON. */
export type Layout = Record<string, unknown>;

/** One animation frame: the traces it replaces (by index) and their new data. */
export interface Frame {
  name: string;
  data: Trace[];
  traces?: number[];
  layout?: Layout;
}

/** A complete figure, as accepted by `Plotly.newPlot(div, figure)`. */
export interface Figure {
  data: Trace[];
  layout: Layout;
  frames?: Frame[];
  config?: Record<string, unknown>;
}

/** Parameter-space coordinates of a path: p0 (w) and p1 (b), optionally the loss at each point. */
export interface PathPoints {
  x: number[];
  y: number[];
  loss?: number[];
}

/**
 * A trajectory as produced by `train` (records and columnar accessors). Only the accessors used
 * by the charts are required.
 */
export interface TrajectoryLike {
  readonly length: number;
  param(i: number): ArrayLike<number>;
  /** Loss of every record (the library's trajectory); `column("loss")` is accepted as well. */
  lossColumn?(): ArrayLike<number>;
  column?(name: "loss"): ArrayLike<number>;
  readonly paramNames?: readonly string[];
  readonly stateKeys?: readonly string[];
  effectiveRateColumn?(i: number): ArrayLike<number>;
  gradColumn?(i: number): ArrayLike<number>;
  stateColumn?(key: string, i: number): ArrayLike<number>;
}

/** What `train` returns: the charts read only its trajectory. */
export interface RunLike {
  trajectory: TrajectoryLike;
  diverged?: boolean;
}

/**
 * Anything a path can be read from: a run from `train`, its trajectory, or plain points
 * (`[[w0, b0], [w1, b1], ...]` or `{x: [...], y: [...]}`).
 */
export type PathSource = RunLike | TrajectoryLike | ArrayLike<ArrayLike<number>> | PathPoints;

/** A loss surface on a grid: z[j][i] is the loss at (x[i], y[j]) (rows are y, as Plotly expects). */
export interface Grid {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  z: ArrayLike<ArrayLike<number>>;
}

/** A 2-parameter surface (as in `models.surfaces`): only what the charts need. */
export interface SurfaceLike {
  readonly name?: string;
  readonly bounds: readonly [readonly [number, number], readonly [number, number]];
  readonly minima?: ReadonlyArray<readonly [number, number]>;
  value(p0: number, p1: number): number;
}
