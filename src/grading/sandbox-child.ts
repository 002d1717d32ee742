/**
 * The grader's child process: runs ONE submission's answers, job by job, and reports what the
 * student's functions returned. It never sees expected values (the parent judges) and, started by
 * `sandbox.ts`, runs under Node's permission model (it may read only its own code files), a heap
 * limit, a wall-clock limit and an output cap.
 *
 * Student code runs in a fresh `vm` context per job with no `require`, no `process` and no timers;
 * the answer is taken from the cell's top-level declaration named `answerName`. Its console output
 * is counted against the output cap and discarded.
 */
import { format } from "util";
import * as vm from "vm";
import { describeError, runOptimizer, runSchedule, runValue, type RunnableOptimizerCase } from "./student-run";
import type { ScheduleCase, StudentTrace } from "./types";

/** A job: one exercise of one submission. */
export interface ChildJob {
  kind: "optimizer" | "schedule" | "value";
  answerName: string;
  stateKeys: string[];
  usesT: boolean;
  /** The answer cell, already transpiled to JavaScript. */
  js: string;
  /** Bytes the answer may print (console.*) before the process stops with OUTPUT_LIMIT_EXIT. */
  maxOutputBytes: number;
  cases: Array<RunnableOptimizerCase | ScheduleCase | null>;
}

export type ChildMessage =
  | { type: "ready" }
  | { type: "trace"; index: number; trace: StudentTrace }
  | { type: "done" };

/** Exit code of the child when the answer printed more than the job's `maxOutputBytes`. */
export const OUTPUT_LIMIT_EXIT = 86;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Evaluates the answer cell in a fresh context and returns the value of `answerName`. */
export function loadAnswer(js: string, answerName: string, maxOutputBytes = Infinity): { value?: unknown; error?: string } {
  if (!IDENTIFIER.test(answerName)) return { error: `invalid answer name ${JSON.stringify(answerName)}` };
  // What the answer prints is counted, never shown (it could carry a hidden case's inputs). The
  // count is kept here because a pipe to the parent is asynchronous: a printing loop would only
  // fill this process's memory before the parent saw a byte.
  let printed = 0;
  const print = (...args: unknown[]) => {
    printed += Buffer.byteLength(format(...args)) + 1;
    if (printed > maxOutputBytes) process.exit(OUTPUT_LIMIT_EXIT);
  };
  const quietConsole = { log: print, info: print, warn: print, error: print, debug: print, table: print, dir: print };
  const checkStub = new Proxy({}, { get: () => () => true });
  const blockedRequire = (id: unknown) => {
    throw new Error(`answer cells cannot import modules (found an import of ${JSON.stringify(id)}): a graded answer must be self-contained`);
  };
  const processStub = Object.freeze({
    env: Object.freeze({}),
    exit: () => {
      throw new Error("process.exit() is not allowed in an answer");
    },
  });
  const context = vm.createContext(
    { console: quietConsole, check: checkStub, require: blockedRequire, process: processStub },
    { codeGeneration: { strings: false, wasm: false } },
  );
  try {
    const wrapper = `(function (exports, require, module) {\n${js}\nreturn typeof ${answerName} === "undefined" ? undefined : ${answerName};\n})`;
    const factory = vm.runInContext(wrapper, context, { filename: "answer-cell.js", timeout: 2000 }) as (e: object, r: unknown, m: object) => unknown;
    const module = { exports: {} };
    return { value: factory(module.exports, blockedRequire, module) };
  } catch (e) {
    return { error: `the answer cell failed when run: ${describeError(e)}` };
  }
}

function traceOf(job: ChildJob, answer: unknown, c: RunnableOptimizerCase | ScheduleCase | null): StudentTrace {
  if (job.kind === "value") return runValue(answer, job.answerName);
  if (job.kind === "schedule") return runSchedule(answer, job.answerName, c as ScheduleCase);
  return runOptimizer(answer, job, c as RunnableOptimizerCase);
}

function runJob(job: ChildJob, send: (m: ChildMessage) => void): void {
  const loaded = loadAnswer(job.js, job.answerName, job.maxOutputBytes);
  job.cases.forEach((c, index) => {
    const trace: StudentTrace = loaded.error
      ? { steps: [], values: [], problem: { step: 0, kind: "threw", message: loaded.error, redacted: loaded.error } }
      : traceOf(job, loaded.value, c);
    send({ type: "trace", index, trace });
  });
  send({ type: "done" });
}

if (require.main === module && typeof process.send === "function") {
  const send = (m: ChildMessage) => process.send!(m);
  process.on("message", (message: { type: string; job?: ChildJob }) => {
    if (message.type === "job" && message.job) runJob(message.job, send);
  });
  send({ type: "ready" });
}
