/**
 * The assignment file an instructor writes: JSON, with `//` and `/* *\/` comments allowed. Every
 * field is documented in README.md ("Setting an assignment"); in short:
 *
 *   {
 *     "id": "week-3",                         // required: letters, digits, - and _; stored in the built notebooks
 *     "title": "Week 3: AdaGrad and Adam",    // required: the notebook's heading
 *     "intro": "markdown",                    // optional: after the standard instructions (string or list of lines)
 *     "defaults": { "points": 10, "visible": 2, "hidden": 3 },   // optional: for exercises that do not say
 *     "exercises": [                          // required, in notebook order
 *       { "exercise": "adam", "points": 12, "visible": 2, "hidden": 4,
 *         "ranges": { "eta": [0.01, 0.3, "log"], "beta1": [0.8, 0.95] },
 *         "before": "markdown shown before the exercise" },
 *       { "question": "rateOfB", "title": "...", "text": "markdown", "points": 5, "tolerance": 0.01,
 *         "compute": { "optimizer": "adagrad", "hyper": { "eta": 0.1, "eps": 1e-8 }, "data": "sparse",
 *                      "init": [-2, -2], "steps": 1, "quantity": "effectiveRate", "param": "b" } }
 *     ]
 *   }
 *
 * `parseAssignment` checks the structure and names the field of every error
 * (`week3.assignment.json: exercises[2].points must be a number >= 0, got -5`); `checkAssignment`
 * (sanity.ts) then runs the library on the ranges' corners and the questions.
 */
import { readFileSync } from "fs";
import { basename } from "path";
import { catalogEntry, catalogIds } from "./catalog";
import type { Range } from "./catalog/types";
import { AssignmentError } from "./errors";
import { checkAssignment } from "./sanity";

/** An exercise of the catalog, with this assignment's settings. */
export interface ExerciseItem {
  kind: "exercise";
  /** Catalog id. */
  exercise: string;
  points: number;
  /** Visible cases (the ones `check.<id>` runs in the notebook and the grader runs too). */
  visible: number;
  /** Hidden cases (drawn from the grader's seed). */
  hidden: number;
  /** Hidden-case ranges given in the file (the catalog's defaults fill in the rest). */
  ranges: Record<string, Range>;
  /** Markdown shown before the exercise. */
  before?: string;
}

/** What an "explain" question's number is: computed by the library. */
export type Compute =
  | {
      optimizer: string;
      hyper: Record<string, number>;
      data: "toy2" | "sparse";
      init: number[];
      steps: number;
      quantity: "effectiveRate" | "param" | "loss";
      /** Which parameter (effectiveRate and param). */
      param?: "w" | "b";
    }
  | { schedule: string; hyper: Record<string, number>; step: number };

/** An "explain" question answered with a number. */
export interface QuestionItem {
  kind: "question";
  /** The name the answer cell defines (also its tag and `check.<id>`). */
  id: string;
  title: string;
  /** The question (markdown). */
  text: string;
  points: number;
  /** Relative tolerance of the answer. */
  tolerance: number;
  compute: Compute;
  before?: string;
}

export type AssignmentItem = ExerciseItem | QuestionItem;

export interface Assignment {
  id: string;
  title: string;
  intro?: string;
  items: AssignmentItem[];
  /** File name, for messages. */
  source: string;
}

export { AssignmentError };

/** Removes // and /* *\/ comments outside strings (the rest must be plain JSON). */
export function stripComments(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === "/" && text[i + 1] === "/") {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, " ");
      i = stop;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

const ID = /^[A-Za-z][A-Za-z0-9_-]*$/;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const MAX_CASES = 20;

type Json = Record<string, unknown>;

/** Field-naming checks for one file. */
class Fields {
  constructor(private readonly file: string) {}

  fail(field: string, message: string): never {
    throw new AssignmentError(`${this.file}: ${field} ${message}`);
  }

  got(value: unknown): string {
    return value === undefined ? "nothing" : JSON.stringify(value);
  }

  object(field: string, value: unknown): Json {
    if (!value || typeof value !== "object" || Array.isArray(value)) this.fail(field, `must be an object {...}, got ${this.got(value)}`);
    return value as Json;
  }

  onlyKeys(field: string, o: Json, allowed: readonly string[]): void {
    for (const key of Object.keys(o)) {
      if (!allowed.includes(key)) this.fail(`${field ? field + "." : ""}${key}`, `is not a field here (expected one of ${allowed.join(", ")})`);
    }
  }

  string(field: string, value: unknown): string {
    if (typeof value !== "string" || value.trim() === "") this.fail(field, `must be a non-empty string, got ${this.got(value)}`);
    return value as string;
  }

  /** Markdown: a string or a list of lines. */
  markdown(field: string, value: unknown): string | undefined {
    if (value === undefined) return undefined;
    if (typeof value === "string") return value;
    if (Array.isArray(value) && value.every((l) => typeof l === "string")) return value.join("\n");
    return this.fail(field, `must be markdown: a string or a list of strings, got ${this.got(value)}`);
  }

  number(field: string, value: unknown, test: (x: number) => boolean, what: string): number {
    if (typeof value !== "number" || !Number.isFinite(value) || !test(value)) this.fail(field, `must be ${what}, got ${this.got(value)}`);
    return value as number;
  }

  count(field: string, value: unknown, min: number): number {
    return this.number(field, value, (x) => Number.isInteger(x) && x >= min && x <= MAX_CASES, `an integer in ${min}..${MAX_CASES}`);
  }

  range(field: string, value: unknown): Range {
    if (typeof value === "number") return { kind: "fixed", value: this.number(field, value, () => true, "a finite number") };
    const shape = `a number or [lo, hi] or [lo, hi, "uniform" | "log" | "int"]`;
    if (!Array.isArray(value) || value.length < 2 || value.length > 3) this.fail(field, `must be ${shape}, got ${this.got(value)}`);
    const [lo, hi, kindValue] = value as unknown[];
    const kind = kindValue ?? "uniform";
    if (kind !== "uniform" && kind !== "log" && kind !== "int") this.fail(field, `must be ${shape}: the third entry must be "uniform", "log" or "int", got ${this.got(kindValue)}`);
    const a = this.number(`${field}[0]`, lo, () => true, "a finite number");
    const b = this.number(`${field}[1]`, hi, (x) => x >= a, `a number >= the low end ${a}`);
    if (kind === "log" && a <= 0) this.fail(field, `is log-uniform: its low end must be > 0, got ${a}`);
    if (kind === "int" && (!Number.isInteger(a) || !Number.isInteger(b))) this.fail(field, `draws integers: its ends must be integers, got ${this.got(value)}`);
    return { kind: kind as "uniform" | "log" | "int", lo: a, hi: b };
  }

  hyper(field: string, value: unknown, allowed: readonly string[], owner: string): Record<string, number> {
    const o = this.object(field, value ?? {});
    const out: Record<string, number> = {};
    for (const [k, v] of Object.entries(o)) {
      if (!allowed.includes(k)) this.fail(`${field}.${k}`, `is not a hyperparameter of ${owner} (it has ${allowed.join(", ")})`);
      out[k] = this.number(`${field}.${k}`, v, () => true, "a finite number");
    }
    return out;
  }
}

interface Defaults {
  points: number;
  visible: number;
  hidden: number;
}

function parseExercise(f: Fields, field: string, o: Json, defaults: Defaults): ExerciseItem {
  const id = f.string(`${field}.exercise`, o.exercise);
  const entry = catalogEntry(id);
  if (!entry) f.fail(`${field}.exercise`, `${JSON.stringify(id)} is not in the exercise catalog (known: ${catalogIds()})`);
  if (entry.kind === "value") {
    f.onlyKeys(field, o, ["exercise", "points", "before"]);
    return { kind: "exercise", exercise: id, points: f.number(`${field}.points`, o.points ?? defaults.points, (x) => x >= 0, "a number >= 0"), visible: 1, hidden: 0, ranges: {}, before: f.markdown(`${field}.before`, o.before) };
  }
  f.onlyKeys(field, o, ["exercise", "points", "visible", "hidden", "ranges", "before"]);
  const ranges: Record<string, Range> = {};
  for (const [k, v] of Object.entries(f.object(`${field}.ranges`, o.ranges ?? {}))) {
    if (!entry.hyper.includes(k)) f.fail(`${field}.ranges.${k}`, `is not a hyperparameter of ${id} (it has ${entry.hyper.join(", ")})`);
    ranges[k] = f.range(`${field}.ranges.${k}`, v);
  }
  return {
    kind: "exercise",
    exercise: id,
    points: f.number(`${field}.points`, o.points ?? defaults.points, (x) => x >= 0, "a number >= 0"),
    visible: f.count(`${field}.visible`, o.visible ?? defaults.visible, 1),
    hidden: f.count(`${field}.hidden`, o.hidden ?? defaults.hidden, 0),
    ranges,
    before: f.markdown(`${field}.before`, o.before),
  };
}

function parseCompute(f: Fields, field: string, value: unknown): Compute {
  const o = f.object(field, value);
  if (o.schedule !== undefined) {
    f.onlyKeys(field, o, ["schedule", "hyper", "step"]);
    const id = f.string(`${field}.schedule`, o.schedule);
    const entry = catalogEntry(id);
    if (!entry || entry.kind !== "schedule") f.fail(`${field}.schedule`, `${JSON.stringify(id)} is not a schedule of the catalog`);
    if (entry.lossesFor) f.fail(`${field}.schedule`, `${JSON.stringify(id)} depends on the losses, not only on the step: ask about another schedule`);
    return {
      schedule: id,
      hyper: f.hyper(`${field}.hyper`, o.hyper, entry.hyper, id),
      step: f.number(`${field}.step`, o.step, (x) => Number.isInteger(x) && x >= 0, "an integer >= 0 (the 0-based update index)"),
    };
  }
  f.onlyKeys(field, o, ["optimizer", "hyper", "data", "init", "steps", "quantity", "param"]);
  const id = f.string(`${field}.optimizer`, o.optimizer);
  const entry = catalogEntry(id);
  if (!entry || entry.kind !== "optimizer") f.fail(`${field}.optimizer`, `${JSON.stringify(id)} is not an optimizer of the catalog (give "optimizer" or "schedule")`);
  if (entry.trajectory) f.fail(`${field}.optimizer`, `${JSON.stringify(id)} is not an optimizer (a line search step needs the data): ask about an optimizer of the catalog`);
  const data = o.data ?? "sparse";
  if (data !== "toy2" && data !== "sparse") f.fail(`${field}.data`, `must be "toy2" or "sparse", got ${f.got(o.data)}`);
  const init = o.init ?? [-2, -2];
  if (!Array.isArray(init) || init.length !== 2) f.fail(`${field}.init`, `must be [w, b], got ${f.got(init)}`);
  (init as unknown[]).forEach((x, i) => f.number(`${field}.init[${i}]`, x, () => true, "a finite number"));
  const quantity = o.quantity;
  if (quantity !== "effectiveRate" && quantity !== "param" && quantity !== "loss") {
    f.fail(`${field}.quantity`, `must be "effectiveRate", "param" or "loss", got ${f.got(quantity)}`);
  }
  const param = o.param;
  if (quantity !== "loss" && param !== "w" && param !== "b") f.fail(`${field}.param`, `must be "w" or "b" for ${quantity}, got ${f.got(param)}`);
  return {
    optimizer: id,
    hyper: f.hyper(`${field}.hyper`, o.hyper, entry.hyper, id),
    data,
    init: init as number[],
    steps: f.number(`${field}.steps`, o.steps ?? 1, (x) => Number.isInteger(x) && x >= 1 && x <= 1000, "an integer in 1..1000"),
    quantity,
    param: quantity === "loss" ? undefined : (param as "w" | "b"),
  };
}

function parseQuestion(f: Fields, field: string, o: Json, defaults: Defaults): QuestionItem {
  f.onlyKeys(field, o, ["question", "title", "text", "points", "tolerance", "compute", "before"]);
  const id = f.string(`${field}.question`, o.question);
  if (!IDENTIFIER.test(id)) f.fail(`${field}.question`, `must be a TypeScript identifier (the answer's name, e.g. "rateOfB"), got ${JSON.stringify(id)}`);
  if (catalogEntry(id)) f.fail(`${field}.question`, `${JSON.stringify(id)} is the id of a catalog exercise: choose another name`);
  return {
    kind: "question",
    id,
    title: f.string(`${field}.title`, o.title),
    text: f.markdown(`${field}.text`, o.text) ?? f.fail(`${field}.text`, "must be the question (markdown), got nothing"),
    points: f.number(`${field}.points`, o.points ?? defaults.points, (x) => x >= 0, "a number >= 0"),
    tolerance: f.number(`${field}.tolerance`, o.tolerance ?? 0.01, (x) => x > 0 && x < 1, "a relative tolerance in (0, 1)"),
    compute: parseCompute(f, `${field}.compute`, o.compute),
    before: f.markdown(`${field}.before`, o.before),
  };
}

/** Parses and checks the structure of an assignment file's text; `source` names it in messages. */
export function parseAssignment(text: string, source: string): Assignment {
  const f = new Fields(source);
  let json: unknown;
  try {
    json = JSON.parse(stripComments(text));
  } catch (e) {
    throw new AssignmentError(`${source}: not valid JSON (comments are allowed, trailing commas are not): ${(e as Error).message}`);
  }
  const o = f.object("the file", json);
  f.onlyKeys("", o, ["id", "title", "intro", "defaults", "exercises"]);
  const id = f.string("id", o.id);
  if (!ID.test(id)) f.fail("id", `must start with a letter and hold only letters, digits, - and _, got ${JSON.stringify(id)}`);
  const d = f.object("defaults", o.defaults ?? {});
  f.onlyKeys("defaults", d, ["points", "visible", "hidden"]);
  const defaults: Defaults = {
    points: f.number("defaults.points", d.points ?? 10, (x) => x >= 0, "a number >= 0"),
    visible: f.count("defaults.visible", d.visible ?? 2, 1),
    hidden: f.count("defaults.hidden", d.hidden ?? 3, 0),
  };
  if (!Array.isArray(o.exercises) || o.exercises.length === 0) f.fail("exercises", `must be a non-empty list of exercises, got ${f.got(o.exercises)}`);
  const seen = new Map<string, string>();
  const items = (o.exercises as unknown[]).map((value, i): AssignmentItem => {
    const field = `exercises[${i}]`;
    const item = f.object(field, value);
    let parsed: AssignmentItem;
    if (item.exercise !== undefined) parsed = parseExercise(f, field, item, defaults);
    else if (item.question !== undefined) parsed = parseQuestion(f, field, item, defaults);
    else return f.fail(field, `must name an "exercise" (one of ${catalogIds()}) or a "question"`);
    const key = parsed.kind === "exercise" ? parsed.exercise : parsed.id;
    if (seen.has(key)) f.fail(field, `repeats ${JSON.stringify(key)} (already ${seen.get(key)}): each exercise appears once`);
    seen.set(key, field);
    return parsed;
  });
  return { id, title: f.string("title", o.title), intro: f.markdown("intro", o.intro), items, source };
}

/** Reads, parses and checks an assignment file (structure, then the library on its ranges and questions). */
export function loadAssignment(file: string): Assignment {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new AssignmentError(`cannot read the assignment file ${file}: ${(e as Error).message}`);
  }
  const assignment = parseAssignment(text, basename(file));
  checkAssignment(assignment);
  return assignment;
}
