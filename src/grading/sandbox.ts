/**
 * The parent side of the sandbox: a small pool of pre-started child processes, each used for
 * exactly ONE exercise of one submission and then killed, so nothing an answer leaves behind (state,
 * timers, promises, a broken process) can reach another exercise or another student. Each job runs
 *   - under a wall-clock limit (SIGKILL when exceeded),
 *   - under a memory limit (V8 heap via --max-old-space-size, and the process's resident memory
 *     polled from /proc, for allocations outside the heap),
 *   - with an output cap on everything the child prints,
 *   - under Node's permission model: the child may read only the compiled files it needs (not the
 *     hidden cases, not the submission folder), may not spawn processes or threads, and gets an
 *     empty environment,
 *   - with no code generation from strings.
 * (Frozen intrinsics are not needed any more: the answer runs in its own realm, which holds no
 * object of the child's own realm, and the process serves one exercise only. Dropping the flag
 * saves a fifth of a child's start-up time.)
 * Starting a process costs tens of milliseconds; the pool starts the next one while the current
 * one runs. Whatever the child does, `run` resolves: a dead child becomes a `failure` message.
 */
import { fork, type ChildProcess } from "child_process";
import { readFileSync } from "fs";
import { OUTPUT_LIMIT_EXIT, type ChildJob, type ChildMessage } from "./sandbox-child";
import type { StudentTrace } from "./types";

export interface Limits {
  /** Wall-clock limit of one exercise's job, in milliseconds. */
  timeoutMs: number;
  /** V8 heap limit of the child in MB; the resident-memory limit is this plus 160 MB. */
  memoryMb: number;
  /** Characters the answer may print (console.*) while running one exercise. */
  maxOutputBytes: number;
  /** Wall-clock budget of a whole submission (all exercises, compiling included), in milliseconds. */
  submissionMs: number;
  /** Largest submission file, in bytes (checked before it is read). */
  maxFileBytes: number;
  /** Largest answer cell, in characters (checked before it is compiled). */
  maxCellBytes: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  timeoutMs: 10_000,
  memoryMb: 256,
  maxOutputBytes: 1_000_000,
  submissionMs: 60_000,
  maxFileBytes: 10_000_000,
  maxCellBytes: 200_000,
});

export interface JobOutcome {
  /** One trace per case; undefined for a case the child never reported. */
  traces: Array<StudentTrace | undefined>;
  /** Why the child stopped early (time, memory, output, exit), in words for the student. */
  failure?: string;
}

const CHILD_ENTRY = require.resolve("./sandbox-child");

/** The compiled files a child entry loads: the entry and everything it requires, transitively. */
export function moduleClosure(entry: string): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(entry);
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const child of require.cache[id]?.children ?? []) visit(child.id);
  };
  visit(entry);
  return [...seen].filter((f) => f.startsWith("/") || /^[A-Za-z]:\\/.test(f));
}

/** The compiled files the exercise child loads. */
export function childReadableFiles(): string[] {
  return moduleClosure(CHILD_ENTRY);
}

function permissionFlag(): string {
  return process.allowedNodeEnvironmentFlags.has("--permission") ? "--permission" : "--experimental-permission";
}

/** Node flags of a sandboxed child: heap limit, read access to `files` only, no code from strings. */
export function childExecArgv(limits: Pick<Limits, "memoryMb">, files: string[] = childReadableFiles()): string[] {
  return [
    `--max-old-space-size=${limits.memoryMb}`,
    permissionFlag(),
    ...files.map((f) => `--allow-fs-read=${f}`),
    "--disallow-code-generation-from-strings",
    "--no-warnings",
  ];
}

export function residentMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

export function describeBytes(n: number): string {
  return n >= 1_000_000 ? `${n / 1_000_000} MB` : n >= 1000 ? `${n / 1000} kB` : `${n} bytes`;
}

/** How long a fresh child may take to start before the job is given up. */
const START_TIMEOUT_MS = 30_000;

interface Child {
  process: ChildProcess;
  ready: Promise<boolean>;
  printed: number;
  stderrTail: string;
}

/**
 * The sandbox: `run(job)` runs one exercise in a fresh child process. `poolSize` children are kept
 * started and waiting (one per parallel grading lane). Call `close()` when grading is done.
 */
export class Sandbox {
  private readonly warm: Child[] = [];
  private readonly files = childReadableFiles();
  private closed = false;

  constructor(
    private readonly limits: Limits = DEFAULT_LIMITS,
    private readonly poolSize = 1,
  ) {}

  private spawn(): Child {
    const execArgv = childExecArgv(this.limits, this.files);
    const proc = fork(CHILD_ENTRY, [], { execArgv, env: {}, stdio: ["ignore", "pipe", "pipe", "ipc"], serialization: "advanced" });
    const child: Child = { process: proc, ready: Promise.resolve(false), printed: 0, stderrTail: "" };
    proc.stdout!.on("data", (c: Buffer) => {
      child.printed += c.length;
    });
    proc.stderr!.on("data", (c: Buffer) => {
      child.printed += c.length;
      child.stderrTail = (child.stderrTail + c.toString("utf8")).slice(-4000);
    });
    proc.on("error", () => undefined);
    child.ready = new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), START_TIMEOUT_MS);
      const onMessage = (m: ChildMessage) => {
        if (m && m.type === "ready") {
          proc.off("message", onMessage);
          clearTimeout(timer);
          resolve(true);
        }
      };
      proc.on("message", onMessage);
      proc.once("exit", () => {
        clearTimeout(timer);
        resolve(false);
      });
    });
    return child;
  }

  /** A started child for the next job; starts its replacement right away. */
  private async take(): Promise<Child> {
    let child = this.warm.shift() ?? this.spawn();
    while (!this.closed && this.warm.length < this.poolSize) this.warm.push(this.spawn());
    if (!(await child.ready)) {
      // One retry: a child can fail to start on a machine under load.
      kill(child);
      child = this.spawn();
      await child.ready;
    }
    return child;
  }

  /** Runs one job in a fresh process, stopped after `timeoutMs`; always resolves. */
  async run(job: Omit<ChildJob, "maxOutputBytes">, timeoutMs = this.limits.timeoutMs): Promise<JobOutcome> {
    const traces: Array<StudentTrace | undefined> = job.cases.map(() => undefined);
    const child = await this.take();
    const proc = child.process;
    if (proc.exitCode !== null || proc.signalCode !== null || !proc.connected) {
      kill(child);
      return { traces, failure: `the grading process could not start: ${child.stderrTail.trim().slice(0, 200) || "no message"}` };
    }
    const limits = this.limits;
    const tooMuchOutput = `printed more than ${describeBytes(limits.maxOutputBytes)} of output (the limit)`;
    const outOfMemory = `ran out of memory (limit ${limits.memoryMb} MB): does the code allocate without end?`;
    child.printed = 0;

    return new Promise<JobOutcome>((resolve) => {
      let reason: string | undefined;
      let finished = false;
      const stop = (why: string) => {
        if (reason === undefined) reason = why;
        proc.kill("SIGKILL");
      };
      const finish = (failure?: string) => {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        clearInterval(watch);
        proc.off("message", onMessage);
        proc.off("close", onExit);
        kill(child);
        resolve(failure ? { traces, failure } : { traces });
      };
      const onMessage = (m: ChildMessage) => {
        if (!m || typeof m !== "object") return;
        if (m.type === "trace" && Number.isInteger(m.index) && m.index >= 0 && m.index < traces.length && traces[m.index] === undefined) {
          traces[m.index] = m.trace;
        } else if (m.type === "failure") {
          stop(typeof m.message === "string" ? m.message.slice(0, 300) : "the grading process failed");
        } else if (m.type === "done") {
          if (child.printed > limits.maxOutputBytes) stop(tooMuchOutput);
          else finish();
        }
      };
      const onExit = (code: number | null, signal: string | null) => {
        let why = reason;
        if (why === undefined) {
          if (code === OUTPUT_LIMIT_EXIT) why = tooMuchOutput;
          else if (/heap out of memory|Allocation failed|Fatal JavaScript invalid size/i.test(child.stderrTail)) why = outOfMemory;
          else if (/Maximum call stack|stack overflow/i.test(child.stderrTail)) why = "too deeply nested: the call stack overflowed";
          else why = `the grading process ended while running the answer (${signal ? `signal ${signal}` : `exit code ${code}`})`;
        }
        finish(why);
      };
      const timer = setTimeout(() => stop(`stopped after ${timeoutMs / 1000} s (the time limit): does a loop never end?`), timeoutMs);
      const watch = setInterval(() => {
        if (child.printed > limits.maxOutputBytes) stop(tooMuchOutput);
        else if (proc.pid && residentMb(proc.pid) > limits.memoryMb + 160) stop(outOfMemory);
      }, 50);
      proc.on("message", onMessage);
      // "close" comes after the child's output has been read, so an out-of-memory message is seen.
      proc.on("close", onExit);
      proc.send({ type: "job", job: { ...job, maxOutputBytes: limits.maxOutputBytes } }, (err) => {
        if (err) stop(`could not send the job to the grading process: ${err.message}`);
      });
    });
  }

  /** Stops the waiting children. The sandbox can still run jobs afterwards (it starts a child per job). */
  close(): void {
    this.closed = true;
    for (const child of this.warm.splice(0)) kill(child);
  }
}

function kill(child: Child): void {
  const p = child.process;
  if (p.exitCode === null && p.signalCode === null) p.kill("SIGKILL");
}
