/**
 * `explore.optimizers`: the loss contour with the paths of one or several optimizers; sliders for
 * their hyperparameters, the number of steps and the start point (a click on the contour moves it
 * too); the final loss of each path next to the chart.
 */
import type { Figure } from "../charts/types";
import { train } from "../train";
import { fail } from "../validate";
import { colorFor } from "../charts/common";
import { HYPER_SLIDERS, OPTIMIZERS, hyperSlider, makeOptimizer } from "./optimizerTable";
import { checkBounds, checkProblem, contourFigure, problem, type Bounds, type ProblemName } from "./problems";
import { checkSliderKeys, makeSlider, type SliderOptions } from "./sliders";
import { WIDGET_TYPE, type Drawing, type Explorable, type Line, type ReadoutRow, type SliderSpec, type Values, type WidgetBase } from "./types";

/** One optimizer of the widget: its factory, its fixed options (sliders override them). */
export interface OptimizerEntry {
  /** Name shown in the legend and used in slider keys ("adam.eta"). */
  name: string;
  /** The factory in `optimizers` ("adam"). */
  optimizer: string;
  label: string;
  color: string;
  /** Options passed to the factory besides the sliders' values (e.g. {flavor: "torch", eps: 1e-4}). */
  options: Record<string, unknown>;
}

export interface OptimizersWidget extends WidgetBase {
  kind: "optimizers";
  problem: ProblemName;
  bounds: Bounds;
  optimizers: OptimizerEntry[];
}

export interface ExploreOptimizersOptions {
  /** "sparse" (default: the sigmoid neuron on datasets.sparse()), "toy2", "saddle", "bowl", "valley", "rosenbrock". */
  problem?: ProblemName;
  /**
   * Optimizer names (["rmsprop", "adagrad"]) or named option objects
   * ({adagrad: {eta: 0.1}, "nag (torch)": {optimizer: "nag", flavor: "torch"}}).
   */
  optimizers: string[] | Record<string, Record<string, unknown>>;
  /**
   * Sliders by hyperparameter: "eta", "beta", "beta1", "beta2", "eps", "weightDecay",
   * "momentumDecay" (every optimizer taking it), "<name>.<key>" (one optimizer), "steps", "w0",
   * "b0". Each is {min?, max?, value?, scale?, label?} or a start value. [{eta: {}}]; steps and
   * the start point always get one.
   */
  sliders?: Record<string, SliderOptions | number>;
  /** Start point [w0, b0] [the problem's]. */
  start?: [number, number];
  /** Steps (batch updates) at first [200]. */
  steps?: number;
  /** Contour window [[wmin, wmax], [bmin, bmax]] [the problem's]. */
  bounds?: Bounds;
  title?: string;
  /** One line telling the student what to try. */
  hint?: string;
}

const FN = "explore.optimizers";

function entriesOf(value: unknown): OptimizerEntry[] {
  let raw: Array<[string, Record<string, unknown>]>;
  if (Array.isArray(value)) raw = value.map((name) => [name, {}]);
  else if (value !== null && typeof value === "object") raw = Object.entries(value as Record<string, Record<string, unknown>>);
  else return fail(FN, "optimizers", 'a list of names like ["rmsprop", "adagrad"] or {adagrad: {eta: 0.1}}', value);
  if (raw.length === 0 || raw.length > 10) fail(FN, "optimizers", "1 to 10 optimizers", value);
  const out = raw.map(([name, opts], k): OptimizerEntry => {
    if (typeof name !== "string" || name === "" || name.includes(".")) fail(FN, `optimizers[${k}]`, "a name without dots", name);
    if (opts === null || typeof opts !== "object" || Array.isArray(opts)) fail(FN, `optimizers.${name}`, "an options object", opts);
    const { optimizer = name, ...options } = opts as { optimizer?: unknown } & Record<string, unknown>;
    if (typeof optimizer !== "string" || !(optimizer in OPTIMIZERS)) {
      fail(FN, `optimizers.${name}`, `an optimizer of the library (${Object.keys(OPTIMIZERS).join(", ")}), or {optimizer: "<one of them>", ...}`, optimizer);
    }
    return { name, optimizer, label: name === optimizer ? OPTIMIZERS[optimizer].label : name, color: "", options };
  });
  // The registry's colour for the first entry of each optimizer, the charts' palette for repeats.
  const seen = new Set<string>();
  for (const [k, e] of out.entries()) {
    e.color = seen.has(e.optimizer) ? colorFor(`${e.name} ${k}`, k + 3) : OPTIMIZERS[e.optimizer].color;
    seen.add(e.optimizer);
  }
  return out;
}

/** Slider keys valid for these optimizers. */
function sliderKeys(entries: OptimizerEntry[]): string[] {
  const shared = new Set<string>();
  const own: string[] = [];
  for (const e of entries) {
    for (const key of OPTIMIZERS[e.optimizer].keys) {
      shared.add(key);
      own.push(`${e.name}.${key}`);
    }
  }
  return [...shared, ...own, "steps", "w0", "b0"];
}

/**
 * A widget: the contour of `problem` with each optimizer's path, recomputed in the page on every
 * slider move.
 * @example
 * import { explore, show } from "adaptive-lr";
 * show(explore.optimizers({ optimizers: ["rmsprop"], sliders: { eta: {}, beta: {} } }));
 */
export function optimizersWidget(opts: ExploreOptimizersOptions): OptimizersWidget {
  if (opts === null || typeof opts !== "object") fail(FN, "options", "an object {problem?, optimizers, sliders?}", opts);
  for (const k of Object.keys(opts)) {
    if (!["problem", "optimizers", "sliders", "start", "steps", "bounds", "title", "hint"].includes(k)) {
      throw new Error(`${FN}: unknown option ${JSON.stringify(k)} (use problem, optimizers, sliders, start, steps, bounds, title, hint)`);
    }
  }
  const name = checkProblem(FN, opts.problem ?? "sparse");
  const p = problem(name, checkBounds(FN, opts.bounds));
  const entries = entriesOf(opts.optimizers);
  const user = checkSliderKeys(FN, opts.sliders ?? { eta: {} }, sliderKeys(entries));
  const start = opts.start ?? p.start;
  if (!Array.isArray(start) || start.length !== 2 || !start.every((v) => typeof v === "number" && Number.isFinite(v))) {
    fail(FN, "start", "[w0, b0] (two finite numbers)", start);
  }
  const sliders: SliderSpec[] = [];
  for (const key of Object.keys(user)) {
    if (key === "steps" || key === "w0" || key === "b0") continue;
    const [owner, hyper] = key.includes(".") ? key.split(".") : [undefined, key];
    const users = entries.filter((e) => (owner === undefined || e.name === owner) && OPTIMIZERS[e.optimizer].keys.includes(hyper));
    const configured = users.map((e) => e.options[hyper]).find((v) => typeof v === "number");
    const defaults = hyperSlider(hyper, users[0].optimizer);
    if (typeof configured === "number") defaults.value = configured;
    if (hyper === "eta" && users.every((e) => e.optimizer === "adadelta") && configured === undefined) defaults.value = 1;
    if (owner !== undefined) defaults.label = `${defaults.label} (${users[0].label})`;
    const slider = makeSlider(FN, key, defaults, user[key]);
    for (const e of users) {
      const v = e.options[hyper];
      if (v !== undefined && !(typeof v === "number" && v >= slider.min && v <= slider.max)) {
        throw new Error(`${FN}: optimizers.${e.name}.${hyper} must be within the ${key} slider's range [${slider.min}, ${slider.max}] (widen it with sliders: {${JSON.stringify(key)}: {min, max}}), got ${JSON.stringify(v)}`);
      }
    }
    sliders.push(slider);
  }
  const steps = opts.steps ?? 200;
  sliders.push(makeSlider(FN, "steps", { ...HYPER_SLIDERS.steps, value: steps }, user.steps));
  const [[w0, w1], [b0, b1]] = p.bounds;
  sliders.push(makeSlider(FN, "w0", { label: "start w", min: w0, max: w1, value: start[0], scale: "linear" }, user.w0));
  sliders.push(makeSlider(FN, "b0", { label: "start b", min: b0, max: b1, value: start[1], scale: "linear" }, user.b0));
  const widget: OptimizersWidget = {
    type: WIDGET_TYPE, kind: "optimizers",
    title: opts.title ?? `${entries.map((e) => e.label).join(" vs ")} on ${name}`,
    ...(opts.hint !== undefined ? { hint: String(opts.hint) } : {}),
    sliders, problem: name, bounds: p.bounds, optimizers: entries,
  };
  // Fail in the notebook cell, not in the page: build every optimizer once with the start values.
  for (const e of entries) makeOptimizer(e.optimizer, hyperparameters(widget, e, Object.fromEntries(sliders.map((s) => [s.key, s.value]))));
  return widget;
}

/** The options given to one optimizer's factory for these slider values. */
export function hyperparameters(spec: OptimizersWidget, entry: OptimizerEntry, values: Values): Record<string, unknown> {
  const out: Record<string, unknown> = { ...entry.options };
  const keys = OPTIMIZERS[entry.optimizer].keys;
  for (const key of keys) if (key in values) out[key] = values[key];
  for (const key of keys) if (`${entry.name}.${key}` in values) out[key] = values[`${entry.name}.${key}`];
  return out;
}

/** One optimizer's path as the page draws it. */
export interface ExplorePath {
  x: number[];
  y: number[];
  loss: number[];
  diverged: boolean;
  /** Why nothing or only part was drawn. */
  message?: string;
  /** The options its factory got. */
  hyper: Record<string, unknown>;
}

function fmt(v: number): string {
  return Math.abs(v) >= 1e4 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(3) : v.toFixed(4);
}

export const optimizersExplorable: Explorable<OptimizersWidget> = {
  figure(spec: OptimizersWidget): Figure {
    return contourFigure(problem(spec.problem, spec.bounds));
  },
  compute(spec: OptimizersWidget, values: Values): Drawing {
    const p = problem(spec.problem, spec.bounds);
    const lines: Line[] = [];
    const readout: ReadoutRow[] = [];
    const paths: Record<string, ExplorePath> = {};
    const steps = values.steps;
    for (const e of spec.optimizers) {
      const hyper = hyperparameters(spec, e, values);
      let path: ExplorePath;
      try {
        const run = train({ model: p.model, data: p.data, init: [values.w0, values.b0], optimizer: makeOptimizer(e.optimizer, hyper), epochs: steps, record: "params" });
        const traj = run.trajectory;
        path = { x: Array.from(traj.param(0)), y: Array.from(traj.param(1)), loss: Array.from(traj.lossColumn()), diverged: run.diverged, hyper, ...(run.message ? { message: run.message } : {}) };
      } catch (err) {
        path = { x: [], y: [], loss: [], diverged: false, message: (err as Error).message, hyper };
      }
      paths[e.name] = path;
      const n = path.x.length;
      if (n > 0) lines.push({ axes: "xy", x: path.x, y: path.y, color: e.color, width: 2, dots: n <= 301 ? 2 : 0, startMark: true, endMark: true });
      const last = n - 1;
      const text = n === 0 ? path.message ?? "no path"
        : `loss ${fmt(path.loss[last])} at (${path.x[last].toFixed(3)}, ${path.y[last].toFixed(3)})` +
          (path.diverged ? ` \u2014 diverged after step ${last}` : "");
      readout.push({ label: e.label, text, color: e.color });
    }
    return { lines, readout, data: { paths } };
  },
  click(spec: OptimizersWidget, axes: string, x: number, y: number): Values | undefined {
    if (axes !== "xy") return undefined;
    const [[w0, w1], [b0, b1]] = spec.bounds;
    const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Number(v.toFixed(3))));
    return { w0: clamp(x, w0, w1), b0: clamp(y, b0, b1) };
  },
};
