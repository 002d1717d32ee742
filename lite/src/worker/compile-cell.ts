/**
 * Turns one notebook cell of TypeScript into a script that behaves like a tslab cell when it is
 * run with indirect `eval` in the kernel's worker:
 *   - types are stripped with the pinned TypeScript compiler (`transpileModule`, no type check);
 *   - `import ... from "m"` becomes a lookup `REQUIRE("m")` (type-only imports vanish), so an
 *     imported name is an ordinary global that later cells see;
 *   - top-level `let` / `const` / `class` become `var`, so names persist across cells and a cell
 *     can be run again without "already declared" errors;
 *   - the value of a last expression statement is stored in `LAST_VALUE` (tslab prints it);
 *   - syntax errors come back as `CellSyntaxError` with the cell's line and column.
 * The TypeScript API is passed in (the worker loads it as a global script; tests pass `require`'s).
 */
import type * as TS from "typescript";

/** Global the compiled cell calls to resolve an import specifier. */
export const REQUIRE = "__adaptiveLrRequire";
/** Global that receives the value of the cell's last expression statement. */
export const LAST_VALUE = "__adaptiveLrLastValue";

export interface CompiledCell {
  /** JavaScript to run with indirect eval (sloppy mode, so top-level `var`s become globals). */
  js: string;
  /** The source map (JSON text) from `js` back to the cell. */
  sourceMap: string;
  /** True when the cell ends with an expression statement whose value lands in LAST_VALUE. */
  hasLastValue: boolean;
}

export interface CellPosition {
  /** 1-based line and column in the cell. */
  line: number;
  column: number;
}

/** A cell that does not parse; `message` reads `cell.ts(line,col): text` for each problem. */
export class CellSyntaxError extends Error {
  constructor(readonly problems: Array<CellPosition & { text: string }>) {
    super(problems.map((p) => `cell.ts(${p.line},${p.column}): ${p.text}`).join("\n"));
    this.name = "SyntaxError";
  }
}

type Ts = typeof TS;

function importStatements(ts: Ts, node: TS.ImportDeclaration): TS.Statement[] {
  const f = ts.factory;
  const spec = (node.moduleSpecifier as TS.StringLiteral).text;
  const load = () => f.createCallExpression(f.createIdentifier(REQUIRE), undefined, [f.createStringLiteral(spec)]);
  const clause = node.importClause;
  if (!clause) return [f.createExpressionStatement(load())]; // import "m";
  if (clause.isTypeOnly) return [];
  const vars: TS.VariableDeclaration[] = [];
  const bind = (name: TS.Identifier, value: TS.Expression) =>
    vars.push(f.createVariableDeclaration(f.createIdentifier(name.text), undefined, undefined, value));
  if (clause.name) bind(clause.name, f.createPropertyAccessExpression(load(), "default"));
  const named = clause.namedBindings;
  if (named && ts.isNamespaceImport(named)) bind(named.name, load());
  if (named && ts.isNamedImports(named)) {
    for (const el of named.elements) {
      if (el.isTypeOnly) continue;
      const imported = (el.propertyName ?? el.name) as TS.Identifier;
      bind(el.name, f.createPropertyAccessExpression(load(), imported.text));
    }
  }
  if (vars.length === 0) return [];
  return [f.createVariableStatement(undefined, f.createVariableDeclarationList(vars, ts.NodeFlags.None))];
}

function withoutExport(ts: Ts, modifiers: TS.NodeArray<TS.ModifierLike> | undefined): TS.ModifierLike[] | undefined {
  return modifiers?.filter((m) => m.kind !== ts.SyntaxKind.ExportKeyword && m.kind !== ts.SyntaxKind.DefaultKeyword);
}

function topLevel(ts: Ts, statement: TS.Statement, isLast: boolean, flags: { last: boolean }): TS.Statement | TS.Statement[] | undefined {
  const f = ts.factory;
  if (ts.isImportDeclaration(statement)) return importStatements(ts, statement);
  if (ts.isExportDeclaration(statement) || ts.isExportAssignment(statement)) return undefined;
  if (ts.isVariableStatement(statement)) {
    const list = statement.declarationList;
    const blockScoped = ts.NodeFlags.Let | ts.NodeFlags.Const;
    if ((list.flags & blockScoped) === 0) return statement;
    return f.updateVariableStatement(statement, withoutExport(ts, statement.modifiers),
      f.createVariableDeclarationList(list.declarations, list.flags & ~blockScoped));
  }
  if (ts.isClassDeclaration(statement) && statement.name) {
    const cls = f.createClassExpression(withoutExport(ts, statement.modifiers), statement.name, statement.typeParameters,
      statement.heritageClauses, statement.members);
    return f.createVariableStatement(undefined, f.createVariableDeclarationList(
      [f.createVariableDeclaration(statement.name.text, undefined, undefined, cls)], ts.NodeFlags.None));
  }
  if (isLast && ts.isExpressionStatement(statement)) {
    flags.last = true;
    return f.updateExpressionStatement(statement,
      f.createAssignment(f.createIdentifier(LAST_VALUE), f.createParenthesizedExpression(statement.expression)));
  }
  return statement;
}

/** Compiles one cell (see the file comment). Throws CellSyntaxError if the cell does not parse. */
export function compileCell(ts: Ts, source: string): CompiledCell {
  const flags = { last: false };
  const transformer: TS.TransformerFactory<TS.SourceFile> = () => (file) => {
    const statements = file.statements.flatMap((s, i) => {
      const out = topLevel(ts, s, i === file.statements.length - 1, flags);
      return out === undefined ? [] : Array.isArray(out) ? out : [out];
    });
    return ts.factory.updateSourceFile(file, statements);
  };
  const result = ts.transpileModule(source, {
    fileName: "cell.ts",
    reportDiagnostics: true,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      sourceMap: true,
      removeComments: false,
      useDefineForClassFields: true,
    },
    transformers: { before: [transformer] },
  });
  const problems = (result.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error).map((d) => {
    const at = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : { line: 0, character: 0 };
    return { line: at.line + 1, column: at.character + 1, text: ts.flattenDiagnosticMessageText(d.messageText, "\n") };
  });
  if (problems.length > 0) throw new CellSyntaxError(problems);
  const js = result.outputText
    .replace(/^\/\/# sourceMappingURL=.*$/m, "")
    .replace(/^export \{\};?\s*$/m, "");
  return { js, sourceMap: result.sourceMapText ?? "", hasLastValue: flags.last };
}
