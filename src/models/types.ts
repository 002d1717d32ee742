/**
 * A differentiable model: a loss over a dataset and per-point gradients.
 *
 * The batch gradient is the plain running sum of per-point gradients in dataset order
 * (the lecture's `dw += grad_w(w, b, x, y)`), and the loss is the SUM of per-point losses.
 * 2-D test surfaces have no data: they behave as a dataset of one point.
 */
export interface Model<D = unknown> {
  readonly name: string;
  /** Names of the parameters, e.g. ["w", "b"]; for wide models "w0", "w1", ... */
  paramNames(data: D): string[];
  /** Number of points; throws a clear error (naming `caller`) if the data is malformed. */
  validate(data: D, caller: string): number;
  /** Summed loss over every point at `params`. */
  loss(params: ArrayLike<number>, data: D): number;
  /** Adds the gradient of point `i` at `params` into `out` (out += grad_i). */
  addPointGradient(params: ArrayLike<number>, data: D, i: number, out: Float64Array): void;
  /**
   * Optional fast path for train(): precomputes what depends on the data alone, once per run. The
   * returned batchGradient must give exactly the running sum of addPointGradient over 0..n-1; the
   * returned loss must equal model.loss up to rounding (~1e-15 relative).
   */
  prepare?(data: D): PreparedModel;
}

/** A model bound to one dataset for the length of a train() call (see Model.prepare). */
export interface PreparedModel {
  /** model.loss(params, data), up to rounding. */
  loss(params: ArrayLike<number>): number;
  /** out += the gradient summed over every point in dataset order (as addPointGradient for i = 0..n-1). */
  batchGradient(params: ArrayLike<number>, out: Float64Array): void;
}

/** A model of two parameters with no data: a loss surface f(p0, p1) used for charts and demos. */
export interface Surface extends Model<undefined> {
  /** Suggested plotting window [[x0min, x0max], [x1min, x1max]]. */
  readonly bounds: readonly [readonly [number, number], readonly [number, number]];
  /** Location(s) of the minimum (or saddle point) for marking on charts. */
  readonly minima: ReadonlyArray<readonly [number, number]>;
  /** Suggested starting point. */
  readonly start: readonly [number, number];
  value(p0: number, p1: number): number;
  gradient(p0: number, p1: number): [number, number];
}
