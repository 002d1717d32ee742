/**
 * Compiling answer cells away from the grader's own process: a child process (`compile-child.ts`)
 * transpiles one cell at a time under a time limit and a heap limit; a cell that makes it too slow,
 * too big or crash costs only that cell (the child is restarted for the next one). Cells are
 * size-checked before they are sent. The child loads TypeScript once and serves many cells: it
 * only reads text, it never runs what a student wrote.
 */
import { fork, type ChildProcess } from "child_process";
import { realpathSync } from "fs";
import { dirname } from "path";
import type { Compiled } from "./compile";
import type { CompileReply, CompileRequest } from "./compile-child";
import { describeBytes } from "./sandbox";

const ENTRY = require.resolve("./compile-child");

export interface CompilerLimits {
  /** Time limit of one cell's compilation, in milliseconds. */
  timeoutMs: number;
  /** Heap limit of the compiler process, in MB. */
  memoryMb: number;
  /** Largest cell, in characters. */
  maxCellBytes: number;
}

/** The real path of typescript's main file, or undefined when the package is not installed. */
function typescriptMain(): string | undefined {
  try {
    return realpathSync(require.resolve("typescript"));
  } catch {
    return undefined;
  }
}

function permissionFlag(): string {
  return process.allowedNodeEnvironmentFlags.has("--permission") ? "--permission" : "--experimental-permission";
}

export class Compiler {
  private child?: ChildProcess;
  private ready?: Promise<boolean>;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  private stderrTail = "";

  constructor(private readonly limits: CompilerLimits) {}

  private start(tsMain: string): void {
    const own = [ENTRY, require.resolve("./compile")];
    const tsDir = dirname(tsMain);
    const execArgv = [
      `--max-old-space-size=${Math.max(this.limits.memoryMb, 256)}`,
      permissionFlag(),
      ...own.map((f) => `--allow-fs-read=${f}`),
      `--allow-fs-read=${tsDir}/*`,
      "--disallow-code-generation-from-strings",
      "--no-warnings",
    ];
    const child = fork(ENTRY, [tsMain], { execArgv, env: {}, stdio: ["ignore", "ignore", "pipe", "ipc"] });
    this.child = child;
    this.stderrTail = "";
    child.stderr!.on("data", (c: Buffer) => {
      this.stderrTail = (this.stderrTail + c.toString("utf8")).slice(-2000);
    });
    child.on("error", () => undefined);
    this.ready = new Promise((resolve) => {
      const onMessage = (m: CompileReply) => {
        if (m && "ready" in m) {
          child.off("message", onMessage);
          resolve(true);
        }
      };
      child.on("message", onMessage);
      child.once("exit", () => resolve(false));
    });
  }

  private stop(): void {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) this.child.kill("SIGKILL");
    this.child = undefined;
  }

  /** Compiles one cell (cells are compiled one at a time, in call order); always resolves. */
  compile(source: string, cellName: string, timeoutMs = this.limits.timeoutMs): Promise<Compiled> {
    const run = this.queue.then(() => this.compileNow(source, cellName, timeoutMs));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async compileNow(source: string, cellName: string, timeoutMs: number): Promise<Compiled> {
    if (source.length > this.limits.maxCellBytes) {
      return { ok: false, message: `the ${cellName} cell is ${describeBytes(source.length)} long; the limit is ${describeBytes(this.limits.maxCellBytes)} (is there data pasted into it?)` };
    }
    const tsMain = typescriptMain();
    if (!tsMain) return { ok: false, message: "the grader needs the typescript package to read answer cells: npm install typescript" };
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null) this.start(tsMain);
    const child = this.child!;
    if (!(await this.ready)) {
      this.stop();
      return { ok: false, message: `the grader's compiler could not start: ${this.stderrTail.trim().slice(0, 200)}` };
    }
    const id = this.nextId++;
    return new Promise<Compiled>((resolve) => {
      let done = false;
      const finish = (result: Compiled, restart: boolean) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        child.off("message", onMessage);
        child.off("exit", onExit);
        if (restart) this.stop();
        resolve(result);
      };
      const onMessage = (m: CompileReply) => {
        if (m && "id" in m && m.id === id && m.result && typeof m.result.ok === "boolean") finish(m.result, false);
      };
      const onExit = () => {
        const oom = /heap out of memory|Allocation failed/i.test(this.stderrTail);
        finish({ ok: false, message: oom ? `the ${cellName} cell made the compiler run out of memory: simplify it` : `the ${cellName} cell made the compiler stop: simplify it` }, true);
      };
      const timer = setTimeout(
        () => finish({ ok: false, message: `compiling the ${cellName} cell took longer than ${timeoutMs / 1000} s (the time limit): simplify it` }, true),
        timeoutMs,
      );
      child.on("message", onMessage);
      child.once("exit", onExit);
      child.send({ id, source, cellName } satisfies CompileRequest);
    });
  }

  close(): void {
    this.stop();
  }
}

