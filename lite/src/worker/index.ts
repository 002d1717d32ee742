/**
 * The Web Worker of the browser TypeScript kernel. The first message ("init") carries the URLs of
 * the pinned TypeScript compiler and of the library's browser bundle, both served by the site; they
 * are loaded with importScripts (globals `ts` and `adaptiveLr`). Each "execute" message runs one
 * cell through a CellSession and posts back stream / display messages, then "done".
 * Restarting the kernel terminates this worker and starts a new one (a fresh global scope).
 */
import type * as TS from "typescript";
import { format } from "node-inspect-extracted";
import { moduleTable } from "./modules";
import { CellSession } from "./session";

export type ToWorker =
  | { type: "init"; typescriptUrl: string; libraryUrl: string }
  | { type: "execute"; id: number; code: string };

export type FromWorker =
  | { type: "ready"; typescript: string }
  | { type: "stream"; id: number; name: "stdout" | "stderr"; text: string }
  | { type: "display"; id: number; data: Record<string, unknown> }
  | { type: "done"; id: number; status: "ok" }
  | { type: "done"; id: number; status: "error"; ename: string; evalue: string; traceback: string[] };

interface WorkerScope {
  importScripts(...urls: string[]): void;
  postMessage(message: FromWorker): void;
  onmessage: ((event: { data: ToWorker }) => void) | null;
  ts?: typeof TS;
  adaptiveLr?: Record<string, unknown>;
}

const scope = self as unknown as WorkerScope & Record<string, unknown>;
let session: CellSession | undefined;
let current = 0;

scope.onmessage = (event) => {
  const msg = event.data;
  if (msg.type === "init") {
    scope.importScripts(msg.typescriptUrl, msg.libraryUrl);
    if (!scope.ts || !scope.adaptiveLr) throw new Error("kernel worker: typescript or adaptive-lr did not load");
    session = new CellSession({
      ts: scope.ts,
      globals: scope,
      evaluate: (js) => (0, eval)(js),
      format: (...args) => format(...args),
      modules: moduleTable(scope.adaptiveLr),
      stream: (name, text) => scope.postMessage({ type: "stream", id: current, name, text }),
      display: (data) => scope.postMessage({ type: "display", id: current, data }),
    });
    scope.postMessage({ type: "ready", typescript: scope.ts.version });
    return;
  }
  if (msg.type === "execute") {
    if (!session) throw new Error("kernel worker: execute before init");
    current = msg.id;
    const outcome = session.run(msg.code);
    scope.postMessage({ id: msg.id, type: "done", ...outcome });
  }
};
