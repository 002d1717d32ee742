/**
 * A kernel session: runs cells one after another in one global scope, like tslab.
 *   - `console.*` writes to the cell's stdout/stderr streams, formatted like Node's console
 *     (`format` is Node's `util.format`: node-inspect-extracted in the browser);
 *   - the last expression's value, when not null/undefined, is printed like `console.log(value)`
 *     (what tslab does);
 *   - `import` specifiers resolve through `modules` (unknown ones fail with the list of known ones);
 *   - `show(figure)` of the library reaches `display` through `globalThis.__adaptiveLrShow`;
 *   - an error becomes a CellError naming the cell's line and column.
 * Nothing here touches the DOM or the worker API, so tests run it in a Node `vm` context.
 */
import type * as TS from "typescript";
import { CellSyntaxError, compileCell, LAST_VALUE, REQUIRE } from "./compile-cell";
import { originalPositionFor } from "./source-map";

export type StreamName = "stdout" | "stderr";

export interface SessionHost {
  /** The TypeScript compiler API. */
  ts: typeof TS;
  /** The global object the cells run in (the worker's `self`, or a vm context in tests). */
  globals: Record<string, unknown>;
  /** Runs a script in `globals` with sloppy-mode indirect eval semantics; returns its completion value. */
  evaluate(js: string): unknown;
  /** Node's util.format. */
  format(...args: unknown[]): string;
  /** Module table: import specifier -> module object. */
  modules: Record<string, unknown>;
  stream(name: StreamName, text: string): void;
  display(data: Record<string, unknown>): void;
}

/** A failed cell, as the kernel reports it (Jupyter's ename / evalue / traceback). */
export interface CellError {
  ename: string;
  evalue: string;
  traceback: string[];
}

export type CellOutcome = { status: "ok" } | ({ status: "error" } & CellError);

const CELL_FILE = (n: number) => `cell-${n}.js`;

export class CellSession {
  private runs = 0;

  constructor(private readonly host: SessionHost) {
    const g = host.globals;
    const write = (name: StreamName) => (...args: unknown[]) => host.stream(name, host.format(...args) + "\n");
    const consoleObject = {
      log: write("stdout"), info: write("stdout"), debug: write("stdout"),
      error: write("stderr"), warn: write("stderr"), trace: write("stderr"),
      dir: (value: unknown) => host.stream("stdout", host.format("%O", value) + "\n"),
      table: write("stdout"),
      assert: (ok: unknown, ...args: unknown[]) => { if (!ok) write("stderr")("Assertion failed" + (args.length ? ":" : ""), ...args); },
    };
    g.console = consoleObject;
    g[REQUIRE] = (specifier: string) => {
      if (Object.prototype.hasOwnProperty.call(host.modules, specifier)) return host.modules[specifier];
      throw new Error(`Cannot find module '${specifier}' (the browser kernel provides ${Object.keys(host.modules).join(", ")})`);
    };
    const library = host.modules["adaptive-lr"] as { explore?: { widgetHtml?: (widget: unknown) => string } } | undefined;
    g.__adaptiveLrShow = (item: unknown) => host.display(displayBundle(item, library?.explore?.widgetHtml));
  }

  /** Runs one cell's source. Never throws: errors come back as the outcome. */
  run(source: string): CellOutcome {
    const n = ++this.runs;
    let compiled;
    try {
      compiled = compileCell(this.host.ts, source);
    } catch (e) {
      if (e instanceof CellSyntaxError) {
        return { status: "error", ename: "SyntaxError", evalue: e.message, traceback: [`SyntaxError: ${e.message}`] };
      }
      throw e;
    }
    const g = this.host.globals;
    g[LAST_VALUE] = undefined;
    try {
      this.host.evaluate(`${compiled.js}\n//# sourceURL=${CELL_FILE(n)}`);
    } catch (e) {
      return { status: "error", ...describeError(e, CELL_FILE(n), compiled.sourceMap) };
    }
    if (compiled.hasLastValue) {
      const value = g[LAST_VALUE];
      g[LAST_VALUE] = undefined;
      if (value !== undefined && value !== null) this.host.stream("stdout", this.host.format(value) + "\n");
    }
    return { status: "ok" };
  }
}

/**
 * A Plotly figure ({ data: [...] }), an explorable widget ({ kind, ... }: its HTML from the
 * library's `explore.widgetHtml`, which mounts it in the page) or a ready `{ html }` as a Jupyter
 * display bundle.
 */
export function displayBundle(item: unknown, widgetHtml?: (widget: unknown) => string): Record<string, unknown> {
  const obj = item as { data?: unknown; html?: unknown; kind?: unknown; title?: unknown };
  if (obj && typeof obj === "object" && Array.isArray(obj.data)) {
    const figure = JSON.parse(JSON.stringify(item, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v)));
    return {
      "application/vnd.plotly.v1+json": figure,
      "text/html": `<div class="adaptive-lr-chart-placeholder">Plotly chart (shown by the Plotly renderer of the adaptive-lr JupyterLite site; run the cell there to draw it).</div>`,
      "text/plain": `Plotly figure: ${figure.layout?.title?.text ?? figure.layout?.title ?? "untitled"}`,
    };
  }
  if (obj && typeof obj === "object" && typeof obj.kind === "string" && widgetHtml) {
    return { "text/html": widgetHtml(item), "text/plain": `interactive widget: ${String(obj.title ?? obj.kind)}` };
  }
  if (obj && typeof obj === "object" && typeof obj.html === "string") {
    return { "text/html": obj.html, "text/plain": "interactive widget (HTML)" };
  }
  throw new Error(`show: expected a Plotly figure {data: [...]} or an explorable widget, got ${String(item)}`);
}

/** Error name, message and a traceback whose cell frames carry the cell's own line and column. */
export function describeError(e: unknown, file: string, sourceMap: string): CellError {
  if (typeof e !== "object" || e === null || typeof (e as Error).message !== "string") {
    return { ename: "Error", evalue: `Uncaught ${String(e)}`, traceback: [`Uncaught ${String(e)}`] };
  }
  const err = e as Error;
  const lookup = originalPositionFor(sourceMap);
  const frames = String(err.stack ?? "").split("\n").filter((l) => /^\s+at /.test(l));
  const escaped = file.replace(/[.]/g, "\\.");
  const cellFrames: string[] = [];
  for (const frame of frames) {
    const m = new RegExp(`${escaped}:(\\d+):(\\d+)`).exec(frame);
    if (!m) continue;
    const at = lookup(Number(m[1]), Number(m[2]));
    if (at) cellFrames.push(`    at cell.ts(${at.line},${at.column})`);
  }
  const name = err.name || "Error";
  return { ename: name, evalue: err.message, traceback: [`${name}: ${err.message}`, ...cellFrames] };
}
