/**
 * Argument checks shared by every factory. Each throws an Error that names the function, the
 * argument and the offending value, e.g. `adam: eta must be a finite number > 0, got -1`.
 */

/** Formats a value for an error message (keeps NaN, Infinity and strings recognisable). */
export function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean" || value === undefined || value === null) {
    return String(value);
  }
  if (typeof value === "function") return "a function";
  try {
    const text = JSON.stringify(value);
    return text.length > 80 ? text.slice(0, 77) + "..." : text;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

export function fail(fn: string, arg: string, rule: string, value: unknown): never {
  throw new Error(`${fn}: ${arg} must be ${rule}, got ${show(value)}`);
}

export function finite(fn: string, arg: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value)) fail(fn, arg, "a finite number", value);
  return value;
}

export function positive(fn: string, arg: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    fail(fn, arg, "a finite number > 0", value);
  }
  return value;
}

export function nonNegative(fn: string, arg: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    fail(fn, arg, "a finite number >= 0", value);
  }
  return value;
}

/** A decay rate beta in [0, 1). */
export function decay(fn: string, arg: string, value: unknown): number {
  if (typeof value !== "number" || !(value >= 0 && value < 1)) fail(fn, arg, "a number in [0, 1)", value);
  return value;
}

export function fraction(fn: string, arg: string, value: unknown): number {
  if (typeof value !== "number" || !(value >= 0 && value <= 1)) fail(fn, arg, "a number in [0, 1]", value);
  return value;
}

export function positiveInt(fn: string, arg: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) fail(fn, arg, "a positive integer", value);
  return value;
}

export function nonNegativeInt(fn: string, arg: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    fail(fn, arg, "an integer >= 0", value);
  }
  return value;
}

export function oneOf<T extends string>(fn: string, arg: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    fail(fn, arg, `one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`, value);
  }
  return value as T;
}

export function bool(fn: string, arg: string, value: unknown): boolean {
  if (typeof value !== "boolean") fail(fn, arg, "true or false", value);
  return value;
}

/** An options object (or undefined -> {}); rejects keys the factory does not know, to catch typos. */
export function options<T extends object>(fn: string, value: unknown, known: readonly string[]): Partial<T> {
  if (value === undefined) return {};
  if (value === null || typeof value !== "object" || Array.isArray(value)) fail(fn, "options", "an object", value);
  for (const key of Object.keys(value as object)) {
    if (!known.includes(key)) {
      throw new Error(`${fn}: unknown option ${JSON.stringify(key)} (known: ${known.join(", ")})`);
    }
  }
  return value as Partial<T>;
}

/** A numeric vector whose every entry is finite; returns a Float64Array copy. */
export function finiteVector(fn: string, arg: string, value: unknown, length?: number): Float64Array {
  if (value === null || typeof value !== "object" || typeof (value as ArrayLike<number>).length !== "number") {
    fail(fn, arg, "an array of numbers", value);
  }
  const v = value as ArrayLike<unknown>;
  if (length !== undefined && v.length !== length) {
    throw new Error(`${fn}: ${arg} must have length ${length}, got length ${v.length} (${show(value)})`);
  }
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (typeof x !== "number" || !Number.isFinite(x)) {
      throw new Error(`${fn}: ${arg}[${i}] must be a finite number, got ${show(x)}`);
    }
    out[i] = x;
  }
  return out;
}
