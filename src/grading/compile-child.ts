/**
 * The compiler's child process: transpiles answer cells (text in, JavaScript text out) for the
 * parent (`compiler.ts`), which limits its time and memory and restarts it when it stops. It runs
 * no student code, so one process serves many cells; it may read only its own files and the
 * `typescript` package (Node's permission model), with an empty environment.
 */
import type * as TS from "typescript";
import { compileAnswerWith, type Compiled } from "./compile";

export type CompileRequest = { id: number; source: string; cellName: string };
export type CompileReply = { id: number; result: Compiled } | { ready: true };

if (require.main === module && typeof process.send === "function") {
  // The parent passes typescript's main file by its real path: no module lookup through folders
  // (or links) this process may not read.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require(process.argv[2]) as typeof TS;
  process.on("message", (m: CompileRequest) => {
    if (!m || typeof m.source !== "string" || typeof m.cellName !== "string") return;
    process.send!({ id: m.id, result: compileAnswerWith(ts, m.source, m.cellName) } satisfies CompileReply);
  });
  process.send({ ready: true } satisfies CompileReply);
}
