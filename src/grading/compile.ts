/**
 * Student TypeScript -> JavaScript, with syntax errors reported as a clear message.
 * Uses the `typescript` package's `transpileModule` (no type check: types are the notebook's job).
 */
import * as ts from "typescript";

export type Compiled = { ok: true; js: string } | { ok: false; message: string };

/** Transpiles one answer cell; on a syntax error names the first error's line and column in the cell. */
export function compileAnswer(source: string, cellName: string): Compiled {
  const out = ts.transpileModule(source, {
    fileName: `${cellName}.ts`,
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, strict: false },
  });
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
