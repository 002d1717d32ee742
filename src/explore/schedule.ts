/**
 * `explore.schedule`: a learning-rate schedule's curve (left) and the path it drives on a loss
 * surface (right): step decay, exponential decay, cyclic (η_min, η_max, μ), cosine with warm
 * restarts (η_min, η_max, T) and linear warm-up (W). Default: plain GD on the saddle from
 * (-2, 1e-4), where a decaying rate gets stuck on the ridge and a cyclic one escapes.
 */
import type { Figure, Trace } from "../charts/types";
import * as schedules from "../schedules";
import type { Schedule } from "../schedules/types";
import { train } from "../train";
import { fail } from "../validate";
import { HYPER_SLIDERS, OPTIMIZERS, makeOptimizer } from "./optimizerTable";
import { checkBounds, checkProblem, contourFigure, problem, type Bounds, type ProblemName } from "./problems";
import { checkSliderKeys, makeSlider, type SliderOptions } from "./sliders";
import { WIDGET_TYPE, type Drawing, type Explorable, type SliderSpec, type Values, type WidgetBase } from "./types";

type SliderDefaults = Omit<SliderSpec, "key" | "step">;

const ETA: SliderDefaults = { label: "\u03b7", min: 1e-3, max: 1, value: 0.1, scale: "log" };
const ETA_MIN: SliderDefaults = { label: "\u03b7 min", min: 1e-4, max: 0.1, value: 0.001, scale: "log" };
const ETA_MAX: SliderDefaults = { label: "\u03b7 max", min: 1e-3, max: 1, value: 0.1, scale: "log" };
const steps = (label: string, value: number, max = 200): SliderDefaults => ({ label, min: 1, max, value, scale: "linear", integer: true });

/** Each schedule: its sliders and how to build it from their values. */
const KINDS = {
  step: {
    label: "step decay", sliders: { eta: ETA, stepSize: steps("step size s", 50), gamma: { label: "\u03b3", min: 0.05, max: 1, value: 0.5, scale: "linear" } },
    make: (v: Values) => schedules.stepDecay({ eta: v.eta, stepSize: v.stepSize, gamma: v.gamma }),
  },
  exponential: {
    label: "exponential decay", sliders: { eta: ETA, gamma: { label: "\u03b3", min: 0.5, max: 0.9999, value: 0.99, scale: "log1m" } },
    make: (v: Values) => schedules.exponentialDecay({ eta: v.eta, gamma: v.gamma }),
  },
  cyclic: {
    label: "cyclic (triangular)", sliders: { etaMin: ETA_MIN, etaMax: ETA_MAX, stepSize: steps("\u03bc (half cycle)", 30, 150) },
    make: (v: Values) => schedules.cyclic({ etaMin: v.etaMin, etaMax: v.etaMax, stepSize: v.stepSize }),
  },
  cosineRestarts: {
    label: "cosine with warm restarts", sliders: { etaMin: ETA_MIN, etaMax: ETA_MAX, T: steps("T (period T + 1)", 50) },
    make: (v: Values) => schedules.cosineWarmRestarts({ etaMax: v.etaMax, etaMin: v.etaMin, T: v.T }),
  },
  warmup: {
    label: "linear warm-up", sliders: { eta: ETA, warmupSteps: steps("warm-up W", 20) },
    make: (v: Values) => schedules.linearWarmup({ eta: v.eta, warmupSteps: v.warmupSteps }),
  },
} as const;

export type ScheduleKind = keyof typeof KINDS;

export interface ScheduleWidget extends WidgetBase {
  kind: "schedule";
  schedule: ScheduleKind;
  problem: ProblemName;
  bounds: Bounds;
  /** The optimizer the schedule drives (its eta is the schedule). */
  optimizer: { name: string; label: string; color: string; options: Record<string, unknown> };
}

export interface ExploreScheduleOptions {
  /** "step", "exponential", "cyclic", "cosineRestarts", "warmup". */
  schedule: ScheduleKind;
  /** Loss surface ["saddle"]; any problem of explore.optimizers. */
  problem?: ProblemName;
  /** Optimizer name or {optimizer, ...options} (not eta) ["gd"]. */
  optimizer?: string | ({ optimizer: string } & Record<string, unknown>);
  /** Sliders by key (the schedule's: eta, gamma, stepSize, etaMin, etaMax, T, warmupSteps; and steps, w0, b0). */
  sliders?: Record<string, SliderOptions | number>;
  start?: [number, number];
  /** Steps at first [300]. */
  steps?: number;
  bounds?: Bounds;
  title?: string;
  hint?: string;
}

const FN = "explore.schedule";

/**
 * A widget: the schedule's learning rate per step and the path of the optimizer it drives.
 * @example
 * import { explore, show } from "adaptive-lr";
 * show(explore.schedule({ schedule: "cyclic" }));
 */
export function scheduleWidget(opts: ExploreScheduleOptions): ScheduleWidget {
  if (opts === null || typeof opts !== "object") fail(FN, "options", "an object {schedule, problem?, optimizer?, sliders?}", opts);
  for (const k of Object.keys(opts)) {
    if (!["schedule", "problem", "optimizer", "sliders", "start", "steps", "bounds", "title", "hint"].includes(k)) {
      throw new Error(`${FN}: unknown option ${JSON.stringify(k)} (use schedule, problem, optimizer, sliders, start, steps, bounds, title, hint)`);
    }
  }
  if (typeof opts.schedule !== "string" || !(opts.schedule in KINDS)) fail(FN, "schedule", `one of ${Object.keys(KINDS).join(", ")}`, opts.schedule);
  const kind = KINDS[opts.schedule];
  const name = checkProblem(FN, opts.problem ?? "saddle");
  const p = problem(name, checkBounds(FN, opts.bounds));
  const o = typeof opts.optimizer === "string" ? { optimizer: opts.optimizer } : opts.optimizer ?? { optimizer: "gd" };
  if (o === null || typeof o !== "object" || typeof o.optimizer !== "string" || !(o.optimizer in OPTIMIZERS)) {
    fail(FN, "optimizer", `an optimizer name (${Object.keys(OPTIMIZERS).join(", ")}) or {optimizer, ...options}`, opts.optimizer);
  }
  const { optimizer, ...options } = o;
  if ("eta" in options) throw new Error(`${FN}: optimizer must not set eta (the schedule is its eta), got eta ${JSON.stringify(options.eta)}`);
  const scheduleKeys = Object.keys(kind.sliders);
  const user = checkSliderKeys(FN, opts.sliders, [...scheduleKeys, "steps", "w0", "b0"]);
  const start = opts.start ?? p.start;
  if (!Array.isArray(start) || start.length !== 2 || !start.every((v) => typeof v === "number" && Number.isFinite(v))) fail(FN, "start", "[w0, b0]", start);
  const sliders: SliderSpec[] = scheduleKeys.map((key) => makeSlider(FN, key, (kind.sliders as Record<string, SliderDefaults>)[key], user[key]));
  sliders.push(makeSlider(FN, "steps", { ...HYPER_SLIDERS.steps, max: 600, value: opts.steps ?? 300 }, user.steps));
  const [[w0, w1], [b0, b1]] = p.bounds;
  sliders.push(makeSlider(FN, "w0", { label: "start w", min: w0, max: w1, value: start[0], scale: "linear" }, user.w0));
  sliders.push(makeSlider(FN, "b0", { label: "start b", min: b0, max: b1, value: start[1], scale: "linear" }, user.b0));
  const widget: ScheduleWidget = {
    type: WIDGET_TYPE, kind: "schedule", schedule: opts.schedule,
    title: opts.title ?? `${OPTIMIZERS[optimizer].label} with ${kind.label} on ${name}`,
    ...(opts.hint !== undefined ? { hint: String(opts.hint) } : {}),
    sliders, problem: name, bounds: p.bounds,
    optimizer: { name: optimizer, label: OPTIMIZERS[optimizer].label, color: OPTIMIZERS[optimizer].color, options },
  };
  const values = Object.fromEntries(sliders.map((s) => [s.key, s.value]));
  makeOptimizer(optimizer, { ...options, eta: scheduleOf(widget, values) });
  return widget;
}

/** The schedule for these slider values (throws the schedule's own error for bad values). */
export function scheduleOf(spec: ScheduleWidget, values: Values): Schedule {
  return KINDS[spec.schedule].make(values);
}

function etaRange(spec: ScheduleWidget): [number, number] {
  const etaSliders = spec.sliders.filter((s) => s.key.startsWith("eta"));
  const lo = Math.min(...etaSliders.map((s) => s.min));
  const hi = Math.max(...etaSliders.map((s) => s.max));
  return [Math.log10(lo) - 0.3, Math.log10(hi) + 0.1];
}

export const scheduleExplorable: Explorable<ScheduleWidget> = {
  figure(spec: ScheduleWidget): Figure {
    const contour = contourFigure(problem(spec.problem, spec.bounds));
    const stepsMax = spec.sliders.find((s) => s.key === "steps")!.max;
    const data: Trace[] = [
      { type: "scatter", mode: "markers", x: [0], y: [spec.sliders[0].value], marker: { opacity: 0 }, hoverinfo: "skip", showlegend: false },
      ...contour.data.map((t) => ({ ...t, xaxis: "x2", yaxis: "y2", ...(t.type === "contour" ? { colorbar: { ...(t.colorbar as object), x: 0.96, xanchor: "left", len: 0.9, thickness: 14 } } : {}) })),
    ];
    const c = contour.layout as { xaxis: Record<string, unknown>; yaxis: Record<string, unknown> };
    return {
      data,
      layout: {
        height: 420, margin: { l: 60, r: 20, t: 30, b: 50 }, showlegend: false,
        xaxis: { domain: [0, 0.4], range: [0, stepsMax], title: { text: "step t" } },
        yaxis: { type: "log", range: etaRange(spec), title: { text: "learning rate \u03b7\u209c" } },
        xaxis2: { ...c.xaxis, domain: [0.52, 0.94], anchor: "y2" },
        yaxis2: { ...c.yaxis, anchor: "x2" },
      },
    };
  },
  compute(spec: ScheduleWidget, values: Values): Drawing {
    const p = problem(spec.problem, spec.bounds);
    const steps = values.steps;
    let schedule: Schedule;
    try {
      schedule = scheduleOf(spec, values);
    } catch (err) {
      return { lines: [], readout: [{ label: "schedule", text: (err as Error).message }], data: {} };
    }
    const etas = Array.from({ length: steps }, (_, t) => schedule(t));
    const ts = etas.map((_, t) => t);
    const color = spec.optimizer.color;
    const run = train({ model: p.model, data: p.data, init: [values.w0, values.b0], optimizer: makeOptimizer(spec.optimizer.name, { ...spec.optimizer.options, eta: schedule }), epochs: steps, record: "params" });
    const traj = run.trajectory;
    const path = { x: Array.from(traj.param(0)), y: Array.from(traj.param(1)), loss: Array.from(traj.lossColumn()) };
    const last = path.x.length - 1;
    const etaMin = Math.min(...etas), etaMax = Math.max(...etas);
    return {
      lines: [
        { axes: "xy", x: ts, y: etas, color, width: 2 },
        { axes: "x2y2", x: path.x, y: path.y, color, width: 2, dots: last <= 300 ? 2 : 0, startMark: true, endMark: true },
      ],
      readout: [
        { label: "\u03b7\u209c", text: `from ${etaMin.toPrecision(3)} to ${etaMax.toPrecision(3)}; \u03b7 at the last step ${etas[etas.length - 1].toPrecision(3)}` },
        { label: spec.optimizer.label, color, text: `loss ${path.loss[last].toPrecision(4)} at (${path.x[last].toFixed(3)}, ${path.y[last].toFixed(3)})${run.diverged ? ` \u2014 diverged after step ${last}` : ""}` },
      ],
      data: { etas, path },
    };
  },
  click(spec: ScheduleWidget, axes: string, x: number, y: number): Values | undefined {
    if (axes !== "x2y2") return undefined;
    const [[w0, w1], [b0, b1]] = spec.bounds;
    const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Number(v.toFixed(3))));
    return { w0: clamp(x, w0, w1), b0: clamp(y, b0, b1) };
  },
};
