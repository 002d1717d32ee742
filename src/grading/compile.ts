/**
 * Student TypeScript -> JavaScript, with syntax errors reported as a clear message.
 * Uses the `typescript` package's `transpileModule` (no type check: types are the notebook's job).
 *
 * The grader never calls this in its own process: `compiler.ts` runs it in a limited child
 * (`compile-child.ts`) under a time and memory limit, after checking the cell's size.
 */
import type * as TS from "typescript";

export type Compiled = { ok: true; js: string } | { ok: false; message: string };

/** Transpiles one answer cell; on a syntax error names the first error's line and column in the cell. */
export function compileAnswer(source: string, cellName: string): Compiled {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return compileAnswerWith(require("typescript") as typeof TS, source, cellName);
}

/** `compileAnswer` with a given TypeScript module (the compiler child loads it by absolute path). */
export function compileAnswerWith(ts: typeof TS, source: string, cellName: string): Compiled {
  let out: TS.TranspileOutput;
  try {
    out = ts.transpileModule(source, {
      fileName: `${cellName}.ts`,
      reportDiagnostics: true,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, strict: false },
    });
  } catch (e) {
    if (e instanceof RangeError) {
      return { ok: false, message: `the ${cellName} cell is too deeply nested to compile (brackets or parentheses nested thousands deep): simplify it` };
    }
    return { ok: false, message: `the ${cellName} cell could not be compiled: ${String((e as Error)?.message ?? e).slice(0, 200)}` };
  }
  const errors = (out.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length === 0) return { ok: true, js: out.outputText };
  const first = errors[0];
  const text = ts.flattenDiagnosticMessageText(first.messageText, " ");
  let where = "";
  if (first.file && first.start !== undefined) {
    const pos = first.file.getLineAndCharacterOfPosition(first.start);
    where = ` at line ${pos.line + 1}, column ${pos.character + 1}`;
  }
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more error${errors.length > 2 ? "s" : ""})` : "";
  return { ok: false, message: `the ${cellName} cell is not valid TypeScript: ${text}${where}${more}` };
}
