/**
 * The grader's child process: runs ONE exercise of one submission, then is killed. Started by
 * `sandbox.ts` under Node's permission model (it may read only its own code files), a heap limit,
 * a wall-clock limit and an output cap, with an empty environment.
 *
 * Inside it the answer runs in a fresh `vm` realm that holds no grader object:
 *   - the context is created from a null-prototype object (a plain `{}` would make the grader's
 *     `Object` reachable as `this.constructor`);
 *   - the runner (`createStudentRunner`), the number format and the realm's globals (`console`,
 *     `check`, `require`, `process` stubs) are evaluated FROM SOURCE inside the realm, so printing
 *     an object formats it with the realm's own code, never with the grader's `util.inspect`;
 *   - cases go in and traces come out as JSON strings (primitives), and the one grader function
 *     the realm calls (the model's per-point gradient) takes and returns numbers only and is held
 *     in a strict-mode closure no answer can reach;
 *   - asynchronous work the answer leaves behind (a rejected promise, `import()`, a late throw) is
 *     caught and charged to the case that was running, with a message saying so.
 * Cases are run one at a time, visible cases first, and each trace is sent as soon as it exists:
 * nothing an answer sees in a hidden case can change what was already reported for a visible one.
 */
import * as vm from "vm";
import { sigmoidNeuron } from "../models/sigmoidNeuron";
import { fmt } from "./compare";
import { createStudentRunner, type RunnableOptimizerCase } from "./student-run";
import type { ScheduleCase, StudentTrace } from "./types";

/** A job: one exercise of one submission. */
export interface ChildJob {
  kind: "optimizer" | "schedule" | "value";
  answerName: string;
  stateKeys: string[];
  usesT: boolean;
  /** The answer cell, already transpiled to JavaScript. */
  js: string;
  /** Characters the answer may print (console.*) before its printing is stopped. */
  maxOutputBytes: number;
  cases: Array<RunnableOptimizerCase | ScheduleCase | null>;
  /** Which cases are hidden (a late asynchronous error during one of them is reported without detail). */
  hidden?: boolean[];
}

export type ChildMessage =
  | { type: "ready" }
  | { type: "trace"; index: number; trace: StudentTrace }
  | { type: "failure"; message: string }
  | { type: "done" };

/** Exit code of the child when the answer printed more than the job's `maxOutputBytes`. */
export const OUTPUT_LIMIT_EXIT = 86;

/** Largest trace (JSON characters) the child accepts from the realm for one case. */
export const MAX_TRACE_CHARS = 200_000;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Number-in, number-out bridge to the model: component k (0: w, 1: b) of point (x, y)'s gradient
 * at (w, b), or (k = 2) that point's loss.
 */
function gradientBridge(k: number, w: number, b: number, x: number, y: number): number {
  if (typeof k !== "number" || typeof w !== "number" || typeof b !== "number" || typeof x !== "number" || typeof y !== "number") return NaN;
  const out = new Float64Array(2);
  sigmoidNeuron.addPointGradient([w, b], { x: [x], y: [y] }, 0, out);
  if (k === 2) return sigmoidNeuron.loss([w, b], { x: [x], y: [y] });
  return k === 0 ? out[0] : k === 1 ? out[1] : NaN;
}

/**
 * The realm's side of the sandbox. SELF-CONTAINED: evaluated from source inside the answer's realm.
 * Installs the realm's globals and returns the functions the child calls.
 */
function realmMain(
  bridge: (k: number, w: number, b: number, x: number, y: number) => number,
  makeRunner: typeof createStudentRunner,
  formatNumber: (x: number) => string,
  maxOutput: number,
) {
  "use strict";
  const stringify = JSON.stringify;
  const parse = JSON.parse;
  const isFiniteNumber = Number.isFinite;
  // JSON has no NaN or Infinity; a trace keeps them (a student's NaN is reported as NaN).
  const keepNonFinite = (_key: string, v: unknown) => (typeof v === "number" && !isFiniteNumber(v) ? { nonFinite: StringOf(v) } : v);
  const define = Object.defineProperty;
  const freeze = Object.freeze;
  const StringOf = String;
  const global = globalThis as unknown as Record<string, unknown>;
  let printed = 0;
  let overLimit = false;

  // Output is counted, never shown (it could carry a hidden case's inputs). Objects are turned into
  // text by the realm's own String(), so printing never runs grader code.
  function size(x: unknown): number {
    if (typeof x === "string") return x.length;
    try {
      return StringOf(x).length;
    } catch {
      return 16;
    }
  }
  function print(...args: unknown[]): void {
    if (overLimit) throw new Error("output limit reached: printing stopped");
    for (let i = 0; i < args.length; i++) printed += size(args[i]) + 1;
    if (printed > maxOutput) {
      overLimit = true;
      throw new Error("output limit reached: printing stopped");
    }
  }
  const quiet = freeze({ log: print, info: print, warn: print, error: print, debug: print, table: print, dir: print, trace: print });
  const check = new Proxy({}, { get: () => () => true });
  function blockedRequire(id: unknown): never {
    throw new Error(`answer cells cannot import modules (found an import of ${typeof id === "string" ? stringify(id.slice(0, 80)) : "a module"}): a graded answer must be self-contained`);
  }
  const processStub = freeze({
    env: freeze({}),
    exit() {
      throw new Error("process.exit() is not allowed in an answer");
    },
  });
  for (const [name, value] of [["console", quiet], ["check", check], ["require", blockedRequire], ["process", processStub]] as const) {
    define(global, name, { value, writable: true, configurable: true, enumerable: false });
  }

  const runner = makeRunner((params, data, i) => {
    const w = +params[0];
    const b = +params[1];
    const x = +data.x[i];
    const y = +data.y[i];
    return [bridge(0, w, b, x, y), bridge(1, w, b, x, y)];
  }, formatNumber, (params, data, i) => bridge(2, +params[0], +params[1], +data.x[i], +data.y[i]));

  return freeze({
    /** Runs case `caseJson` of a job; returns the trace as JSON text. */
    runCase(answer: unknown, jobJson: string, caseJson: string): string {
      const job = parse(jobJson) as { kind: string; answerName: string; stateKeys: string[]; usesT: boolean };
      const c = parse(caseJson);
      let trace;
      try {
        trace =
          job.kind === "value"
            ? runner.runValue(answer, job.answerName)
            : job.kind === "schedule"
              ? runner.runSchedule(answer, job.answerName, c)
              : runner.runOptimizer(answer, job, c);
      } catch (e) {
        // Only an answer that broke the realm's built-ins gets here.
        const m = `the grader could not read what the answer returned: ${runner.describeError(e)}`;
        trace = { steps: [], values: [], problem: { step: 0, kind: "threw", message: m, redacted: "the grader could not read what the answer returned" } };
      }
      try {
        return stringify(trace, keepNonFinite);
      } catch {
        // A toJSON planted on a built-in prototype can throw: report it without its text.
        return '{"steps":[],"values":[],"problem":{"step":0,"kind":"threw","message":"the grader could not read what the answer returned (did the answer change built-in objects?)","redacted":"the grader could not read what the answer returned"}}';
      }
    },
    describeError: runner.describeError,
    printedTooMuch: () => overLimit,
  });
}

/** The realm's functions, as the child sees them. */
interface Realm {
  context: vm.Context;
  runCase(answer: unknown, jobJson: string, caseJson: string): string;
  describeError(e: unknown): string;
  printedTooMuch(): boolean;
}

/** A fresh realm with no grader object in it, set up for one answer. */
export function createRealm(maxOutputBytes = Infinity): Realm {
  const context = vm.createContext(Object.create(null), { codeGeneration: { strings: false, wasm: false } });
  const source = `"use strict"; (${realmMain.toString()})`;
  const main = vm.runInContext(source, context, { filename: "grader-realm.js" }) as typeof realmMain;
  const makeRunner = vm.runInContext(`(${createStudentRunner.toString()})`, context, { filename: "grader-runner.js" }) as typeof createStudentRunner;
  const formatNumber = vm.runInContext(`(${fmt.toString()})`, context, { filename: "grader-format.js" }) as typeof fmt;
  const api = main(gradientBridge, makeRunner, formatNumber, maxOutputBytes);
  return { context, runCase: api.runCase, describeError: api.describeError, printedTooMuch: api.printedTooMuch };
}

/** Evaluates the answer cell in `realm` and returns the value of `answerName`. */
export function loadAnswer(js: string, answerName: string, realm: Realm = createRealm()): { value?: unknown; error?: string } {
  if (!IDENTIFIER.test(answerName)) return { error: `invalid answer name ${JSON.stringify(answerName)}` };
  // The CommonJS wrapper is built inside the realm too: module and exports are realm objects.
  const wrapper =
    `(function () { const module = { exports: {} }; return (function (exports, require, module) {\n${js}\n` +
    `return typeof ${answerName} === "undefined" ? undefined : ${answerName};\n})(module.exports, globalThis.require, module); })()`;
  try {
    return { value: vm.runInContext(wrapper, realm.context, { filename: "answer-cell.js" }) };
  } catch (e) {
    return { error: `the answer cell failed when run: ${realm.describeError(e)}` };
  }
}

/** The reviver of `keepNonFinite` in the realm: {nonFinite: "NaN"} is NaN again. */
function restoreNonFinite(_key: string, v: unknown): unknown {
  if (v && typeof v === "object" && !Array.isArray(v)) {
    const keys = Object.keys(v);
    const text = (v as { nonFinite?: unknown }).nonFinite;
    if (keys.length === 1 && (text === "NaN" || text === "Infinity" || text === "-Infinity")) return Number(text);
  }
  return v;
}

/** Lets the answer's pending promise jobs and callbacks run, so their errors surface now. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}

function failedTrace(message: string, redacted = message): StudentTrace {
  return { steps: [], values: [], problem: { step: 0, kind: "threw", message, redacted } };
}

const ASYNC_ADVICE = "an answer must finish its work before it returns (no un-awaited promises, async code or import())";

async function runJob(job: ChildJob, send: (m: ChildMessage) => void): Promise<void> {
  const realm = createRealm(job.maxOutputBytes);
  let lateError: string | undefined;
  const onLate = (what: string) => (e: unknown) => {
    if (lateError === undefined) lateError = `${what}: ${realm.describeError(e)}`;
  };
  process.on("unhandledRejection", onLate("your answer left a promise that was rejected and never handled"));
  process.on("uncaughtException", onLate("your answer left work that threw an error later"));
  const outputLimit = () => {
    if (!realm.printedTooMuch()) return false;
    process.exit(OUTPUT_LIMIT_EXIT);
  };

  const loaded = loadAnswer(job.js, job.answerName, realm);
  await settle();
  outputLimit();
  if (lateError !== undefined && loaded.error === undefined) loaded.error = `the answer cell failed when run: ${lateError}; ${ASYNC_ADVICE}`;
  const jobJson = JSON.stringify({ kind: job.kind, answerName: job.answerName, stateKeys: job.stateKeys, usesT: job.usesT });
  for (let index = 0; index < job.cases.length; index++) {
    const hidden = job.hidden?.[index] === true;
    let trace: StudentTrace;
    if (loaded.error !== undefined) {
      trace = failedTrace(loaded.error);
    } else {
      lateError = undefined;
      const text = realm.runCase(loaded.value, jobJson, JSON.stringify(job.cases[index]));
      await settle();
      outputLimit();
      if (typeof text !== "string" || text.length > MAX_TRACE_CHARS) {
        trace = failedTrace("the answer returned more data than the grader accepts for one case");
      } else {
        try {
          trace = JSON.parse(text, restoreNonFinite) as StudentTrace;
        } catch {
          trace = failedTrace("the grader could not read what the answer returned");
        }
      }
      if (lateError !== undefined && trace && typeof trace === "object") {
        const message = `${lateError}; ${ASYNC_ADVICE}`;
        const redacted = `your answer left asynchronous work that failed (details hidden: hidden case); ${ASYNC_ADVICE}`;
        trace.problem = { step: 0, kind: "threw", message, redacted: hidden ? redacted : message };
      }
    }
    send({ type: "trace", index, trace });
  }
  send({ type: "done" });
}

if (require.main === module && typeof process.send === "function") {
  const send = (m: ChildMessage) => process.send!(m);
  process.once("message", (message: { type: string; job?: ChildJob }) => {
    if (message && message.type === "job" && message.job) {
      // Fixed text: an error reaching here may come from the answer (during a hidden case, too).
      runJob(message.job, send).catch(() => send({ type: "failure", message: "the grading process failed while running the answer (did the answer change built-in objects?)" }));
    }
  });
  send({ type: "ready" });
}
