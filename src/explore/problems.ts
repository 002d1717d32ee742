/**
 * The loss landscapes an explorable can run on, named so that a widget spec stays plain JSON: the
 * page rebuilds the same (seeded) data from the name. "sparse" and "toy2" are the sigmoid neuron
 * on `datasets.sparse()` / `datasets.toy2()`; the others are `models.surfaces.*`.
 */
import { lossContour } from "../charts/contour";
import type { Figure } from "../charts/types";
import { linspace } from "../charts/common";
import * as datasets from "../datasets";
import type { PointData } from "../datasets/types";
import { sigmoidNeuron } from "../models/sigmoidNeuron";
import { surfaces } from "../models/surfaces";
import type { Model } from "../models/types";
import { fail } from "../validate";

export type Bounds = [[number, number], [number, number]];

export const PROBLEMS = ["sparse", "toy2", "saddle", "bowl", "valley", "rosenbrock"] as const;
export type ProblemName = (typeof PROBLEMS)[number];

/** A problem ready to train on. */
export interface Problem {
  name: ProblemName;
  model: Model<unknown>;
  data: unknown;
  bounds: Bounds;
  start: [number, number];
  /** Colour the contour by log10(loss - min) (steep surfaces). */
  logScale: boolean;
}

const NEURON_DEFAULTS: Record<"sparse" | "toy2", { bounds: Bounds; start: [number, number] }> = {
  sparse: { bounds: [[-3, 5], [-3, 1.5]], start: [-2, -2] },
  toy2: { bounds: [[-4, 6], [-6, 4]], start: [-2, -2] },
};

/** Checks a problem name. */
export function checkProblem(fn: string, name: unknown): ProblemName {
  if (typeof name !== "string" || !(PROBLEMS as readonly string[]).includes(name)) {
    fail(fn, "problem", `one of ${PROBLEMS.map((p) => JSON.stringify(p)).join(", ")}`, name);
  }
  return name as ProblemName;
}

/** Checks optional bounds [[wmin, wmax], [bmin, bmax]]. */
export function checkBounds(fn: string, bounds: unknown): Bounds | undefined {
  if (bounds === undefined) return undefined;
  const ok = Array.isArray(bounds) && bounds.length === 2 && bounds.every((r) =>
    Array.isArray(r) && r.length === 2 && r.every((v) => typeof v === "number" && Number.isFinite(v)) && r[0] < r[1]);
  if (!ok) fail(fn, "bounds", "[[wmin, wmax], [bmin, bmax]] with min < max", bounds);
  return [[bounds[0][0], bounds[0][1]], [bounds[1][0], bounds[1][1]]] as Bounds;
}

const dataCache = new Map<string, PointData>();

/** The model, data, window and start of a named problem. */
export function problem(name: ProblemName, bounds?: Bounds): Problem {
  if (name === "sparse" || name === "toy2") {
    let data = dataCache.get(name);
    if (!data) {
      data = name === "sparse" ? datasets.sparse() : datasets.toy2();
      dataCache.set(name, data);
    }
    const d = NEURON_DEFAULTS[name];
    return { name, model: sigmoidNeuron as Model<unknown>, data, bounds: bounds ?? d.bounds, start: d.start, logScale: false };
  }
  const s = surfaces[name];
  return {
    name, model: s as Model<unknown>, data: undefined, logScale: name === "rosenbrock",
    bounds: bounds ?? [[s.bounds[0][0], s.bounds[0][1]], [s.bounds[1][0], s.bounds[1][1]]],
    start: [s.start[0], s.start[1]],
  };
}

/** The loss at one point. */
export function lossAt(p: Problem, w: number, b: number): number {
  return p.model.loss([w, b], p.data);
}

/** The static contour of a problem (charts.lossContour, 70 points a side, no paths). */
export function contourFigure(p: Problem, title?: string, resolution = 70): Figure {
  if (p.name === "sparse" || p.name === "toy2") {
    const ws = linspace(p.bounds[0][0], p.bounds[0][1], resolution);
    const bs = linspace(p.bounds[1][0], p.bounds[1][1], resolution);
    const grid = { x: ws, y: bs, z: sigmoidNeuron.lossSurface(p.data as PointData, ws, bs) };
    return lossContour({ surface: grid, title, logScale: p.logScale });
  }
  return lossContour({ surface: surfaces[p.name], bounds: p.bounds, resolution, title, logScale: p.logScale });
}
