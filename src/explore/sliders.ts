/**
 * Range inputs: building checked slider specs from a user's `{min, max, value, scale}` and the
 * mapping between an input's position and the value the library receives. Values are rounded so
 * they read well and are reproducible (the page and Node see the same number).
 */
import { fail, show } from "../validate";
import type { SliderScale, SliderSpec, Values } from "./types";

/** What a notebook cell may say about one slider (anything omitted comes from the defaults). */
export interface SliderOptions {
  min?: number;
  max?: number;
  value?: number;
  scale?: SliderScale;
  label?: string;
  /** Number of positions between min and max [a round step about 1/200 of the range; see defaultStep]. */
  positions?: number;
}

const SCALES: readonly SliderScale[] = ["linear", "log", "log1m", "infinity"];

/** Position of a value on the input. */
export function toPosition(scale: SliderScale, value: number): number {
  if (scale === "log") return Math.log10(value);
  if (scale === "log1m") return -Math.log10(1 - value);
  if (scale === "infinity") return value === Infinity ? 1 : 1 - 1 / value;
  return value;
}

/** The value at an input position, rounded to what the slider shows. */
export function fromPosition(slider: Pick<SliderSpec, "scale" | "integer" | "min" | "max">, position: number): number {
  let value: number;
  if (slider.scale === "log") value = Number(Math.pow(10, position).toPrecision(3));
  else if (slider.scale === "log1m") value = 1 - Number(Math.pow(10, -position).toPrecision(2));
  else if (slider.scale === "infinity") return position >= 1 ? Infinity : Math.max(slider.min, Number((1 / (1 - position)).toPrecision(3)));
  else if (slider.integer) value = Math.round(position);
  else value = Number(position.toPrecision(6));
  return Math.min(slider.max, Math.max(slider.min, value));
}

/** A value as the slider's label shows it. */
export function formatValue(slider: Pick<SliderSpec, "scale" | "integer">, value: number): string {
  if (!Number.isFinite(value)) return value === Infinity ? "\u221e" : String(value);
  if (slider.integer) return String(Math.round(value));
  if (value !== 0 && (Math.abs(value) < 1e-3 || Math.abs(value) >= 1e4)) return value.toExponential(2);
  return String(Number(value.toPrecision(slider.scale === "log1m" ? 5 : 4)));
}

/** 1, 2 or 5 times a power of ten, nearest to x (on a log scale). */
function niceStep(x: number): number {
  const power = Math.pow(10, Math.floor(Math.log10(x)));
  const f = x / power;
  return power * (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10);
}

/**
 * The input's step when the user gives no `positions`: a round step about 1/200 of the span, so
 * round values (0.5, 0.9, -2) lie on the grid; 0.01 decade on the log scales (0.1, 0.0501, 0.01,
 * ...); whole steps for counts; 1/400 on the infinity scale (p = 1, 1.0025, ..., 2 at the middle).
 */
function defaultStep(scale: SliderScale, span: number, integer: boolean): number {
  if (integer) return span <= 1000 ? 1 : niceStep(span / 200);
  if (scale === "log" || scale === "log1m") return 0.01;
  if (scale === "infinity") return 0.0025;
  return niceStep(span / 200);
}

/**
 * A checked slider from defaults and the user's options.
 * @param fn the builder's name, for error messages
 */
export function makeSlider(fn: string, key: string, defaults: Omit<SliderSpec, "key" | "step"> & { positions?: number }, user?: SliderOptions | number): SliderSpec {
  const arg = `sliders.${key}`;
  const o: SliderOptions = typeof user === "number" ? { value: user } : user ?? {};
  if (o === null || typeof o !== "object" || Array.isArray(o)) fail(fn, arg, "{min?, max?, value?, scale?, label?} or a number (the start value)", user);
  for (const k of Object.keys(o)) {
    if (!["min", "max", "value", "scale", "label", "positions"].includes(k)) {
      throw new Error(`${fn}: ${arg} has an unknown option ${JSON.stringify(k)} (use min, max, value, scale, label, positions)`);
    }
  }
  const scale = o.scale ?? defaults.scale;
  if (!SCALES.includes(scale)) fail(fn, `${arg}.scale`, `one of ${SCALES.join(", ")}`, scale);
  const min = o.min ?? defaults.min;
  const max = scale === "infinity" ? Number.MAX_VALUE : o.max ?? defaults.max;
  if (scale === "infinity" && !(typeof min === "number" && min >= 1)) fail(fn, `${arg}.min`, "a number >= 1 on the infinity scale", min);
  for (const [name, v] of [["min", min], ["max", max]] as const) {
    if (typeof v !== "number" || !Number.isFinite(v)) fail(fn, `${arg}.${name}`, "a finite number", v);
  }
  if (!(min < max)) throw new Error(`${fn}: ${arg} needs min < max, got min ${show(min)} and max ${show(max)}`);
  if (scale === "log" && !(min > 0)) fail(fn, `${arg}.min`, "a number > 0 on a log scale", min);
  if (scale === "log1m" && !(min >= 0 && max < 1)) throw new Error(`${fn}: ${arg} on the log1m scale needs 0 <= min < max < 1, got min ${show(min)} and max ${show(max)}`);
  const value = o.value ?? Math.min(max, Math.max(min, defaults.value));
  if (typeof value !== "number" || !(value >= min && value <= max)) fail(fn, `${arg}.value`, `a number in [${min}, ${max}]`, value);
  const positions = o.positions ?? defaults.positions;
  if (positions !== undefined && (!Number.isInteger(positions) || positions < 1)) fail(fn, `${arg}.positions`, "a positive integer", positions);
  const integer = defaults.integer === true;
  const span = toPosition(scale, max) - toPosition(scale, min);
  const step = positions !== undefined ? (integer ? Math.max(1, Math.round(span / positions)) : span / positions) : defaultStep(scale, span, integer);
  return { key, label: o.label ?? defaults.label, min, max, value, scale, step, ...(integer ? { integer } : {}) };
}

/** The start values of a widget's sliders. */
export function initialValues(sliders: readonly SliderSpec[]): Values {
  const out: Values = {};
  for (const s of sliders) out[s.key] = s.value;
  return out;
}

/** Checks that a user's `sliders` option names only known keys. */
export function checkSliderKeys(fn: string, sliders: unknown, known: readonly string[]): Record<string, SliderOptions | number> {
  if (sliders === undefined) return {};
  if (sliders === null || typeof sliders !== "object" || Array.isArray(sliders)) {
    fail(fn, "sliders", "an object like {eta: {min: 0.001, max: 1}, steps: {value: 200}}", sliders);
  }
  for (const key of Object.keys(sliders)) {
    if (!known.includes(key)) throw new Error(`${fn}: sliders has an unknown key ${JSON.stringify(key)} (this widget knows ${known.join(", ")})`);
  }
  return sliders as Record<string, SliderOptions | number>;
}
