/**
 * The parent side of the sandbox: one child Node process per submission (restarted for the
 * remaining exercises if a job kills it), with
 *   - a wall-clock limit per job (SIGKILL when exceeded),
 *   - a memory limit (V8 heap via --max-old-space-size, and the process's resident memory polled
 *     from /proc, for allocations outside the heap),
 *   - an output cap on everything the child prints,
 *   - Node's permission model: the child may read only the compiled files it needs (not the hidden
 *     cases, not the submission folder), may not spawn processes or threads, and gets an empty env,
 *   - no code generation from strings (blocks the classic `constructor.constructor` vm escape),
 *   - frozen intrinsics (no channel between one exercise's hidden inputs and the next one's messages).
 * Whatever the child does, `run` resolves: a dead child becomes a `failure` message.
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
  /** Bytes the child may print (stdout + stderr) while running one exercise. */
  maxOutputBytes: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({ timeoutMs: 10_000, memoryMb: 256, maxOutputBytes: 1_000_000 });

export interface JobOutcome {
  /** One trace per case; undefined for a case the child never reported. */
  traces: Array<StudentTrace | undefined>;
  /** Why the child stopped early (time, memory, output, exit), in words for the student. */
  failure?: string;
}

const CHILD_ENTRY = require.resolve("./sandbox-child");

/** The compiled files the child loads: its entry and everything that entry requires, transitively. */
export function childReadableFiles(): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(CHILD_ENTRY);
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const child of require.cache[id]?.children ?? []) visit(child.id);
  };
  visit(CHILD_ENTRY);
  return [...seen].filter((f) => f.startsWith("/") || /^[A-Za-z]:\\/.test(f));
}

function permissionFlag(): string {
  return process.allowedNodeEnvironmentFlags.has("--permission") ? "--permission" : "--experimental-permission";
}

/** Node flags of the child: heap limit, read access to `files` only, no code from strings. */
export function childExecArgv(limits: Limits, files: string[] = childReadableFiles()): string[] {
  return [
    `--max-old-space-size=${limits.memoryMb}`,
    permissionFlag(),
    ...files.map((f) => `--allow-fs-read=${f}`),
    "--disallow-code-generation-from-strings",
    // Arrays and objects the answer receives (params, batch, hp) come from this realm: frozen
    // intrinsics keep an answer from planting data on their prototypes for a later exercise to read.
    "--frozen-intrinsics",
    "--no-warnings",
  ];
}

function residentMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

function describeBytes(n: number): string {
  return n >= 1_000_000 ? `${n / 1_000_000} MB` : n >= 1000 ? `${n / 1000} kB` : `${n} bytes`;
}

/** A sandboxed child for one submission. Call `close()` when the submission is done. */
export class Sandbox {
  private child?: ChildProcess;
  private ready?: Promise<boolean>;
  private printed = 0;
  private stderrTail = "";
  private readonly files = childReadableFiles();

  constructor(private readonly limits: Limits = DEFAULT_LIMITS) {}

  private start(): void {
    const execArgv = childExecArgv(this.limits, this.files);
    const child = fork(CHILD_ENTRY, [], { execArgv, env: {}, stdio: ["ignore", "pipe", "pipe", "ipc"], serialization: "advanced" });
    this.child = child;
    this.stderrTail = "";
    const count = (chunk: Buffer, isErr: boolean) => {
      this.printed += chunk.length;
      if (isErr) this.stderrTail = (this.stderrTail + chunk.toString("utf8")).slice(-4000);
    };
    child.stdout!.on("data", (c: Buffer) => count(c, false));
    child.stderr!.on("data", (c: Buffer) => count(c, true));
    child.on("error", () => undefined);
    this.ready = new Promise((resolve) => {
      const onMessage = (m: ChildMessage) => {
        if (m && m.type === "ready") {
          child.off("message", onMessage);
          resolve(true);
        }
      };
      child.on("message", onMessage);
      child.once("exit", () => resolve(false));
    });
  }

  /** Runs one job; always resolves. */
  async run(job: Omit<ChildJob, "maxOutputBytes">): Promise<JobOutcome> {
    const traces: Array<StudentTrace | undefined> = job.cases.map(() => undefined);
    this.printed = 0;
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null) this.start();
    const child = this.child!;
    if (!(await this.ready)) return { traces, failure: `the grading process could not start: ${this.stderrTail.trim().slice(0, 300)}` };

    return new Promise<JobOutcome>((resolve) => {
      let reason: string | undefined;
      let finished = false;
      const stop = (why: string) => {
        if (reason === undefined) reason = why;
        child.kill("SIGKILL");
      };
      const finish = (failure?: string) => {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        clearInterval(watch);
        child.off("message", onMessage);
        child.off("close", onExit);
        resolve(failure ? { traces, failure } : { traces });
      };
      const onMessage = (m: ChildMessage) => {
        if (!m || typeof m !== "object") return;
        if (m.type === "trace" && Number.isInteger(m.index) && m.index >= 0 && m.index < traces.length) traces[m.index] = m.trace;
        if (m.type === "done") {
          if (this.printed > this.limits.maxOutputBytes) stop(`printed more than ${describeBytes(this.limits.maxOutputBytes)} of output (the limit)`);
          else finish();
        }
      };
      const onExit = (code: number | null, signal: string | null) => {
        let why = reason;
        if (why === undefined) {
          if (code === OUTPUT_LIMIT_EXIT) {
            why = `printed more than ${describeBytes(this.limits.maxOutputBytes)} of output (the limit)`;
          } else if (/heap out of memory|Allocation failed/i.test(this.stderrTail)) {
            why = `ran out of memory (limit ${this.limits.memoryMb} MB): does the code allocate without end?`;
          } else {
            why = `the process ended while running the answer (${signal ? `signal ${signal}` : `exit code ${code}`}): answers must not call process.exit or end the process`;
          }
        }
        finish(why);
      };
      const timer = setTimeout(
        () => stop(`stopped after ${this.limits.timeoutMs / 1000} s (the time limit): does a loop never end?`),
        this.limits.timeoutMs,
      );
      const watch = setInterval(() => {
        if (this.printed > this.limits.maxOutputBytes) stop(`printed more than ${describeBytes(this.limits.maxOutputBytes)} of output (the limit)`);
        else if (child.pid && residentMb(child.pid) > this.limits.memoryMb + 160) {
          stop(`ran out of memory (limit ${this.limits.memoryMb} MB): does the code allocate without end?`);
        }
      }, 50);
      child.on("message", onMessage);
      // "close" comes after the child's output has been read, so an out-of-memory message is seen.
      child.on("close", onExit);
      child.send({ type: "job", job: { ...job, maxOutputBytes: this.limits.maxOutputBytes } }, (err) => {
        if (err) stop(`could not send the job to the grading process: ${err.message}`);
      });
    });
  }

  close(): void {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) this.child.kill("SIGKILL");
    this.child = undefined;
  }
}
