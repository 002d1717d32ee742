/**
 * The exercises' source format (jupytext "percent", TypeScript) and the two notebooks built from
 * it, so the students' stubs and the instructors' solutions cannot drift apart.
 *
 * `// %% [markdown]` starts a markdown cell (its lines are `// ` comments), `// %%` a code cell,
 * `// %% tags=["answer:adagrad"]` a tagged answer cell. Inside a cell, the lines between
 * `// BEGIN SOLUTION` and `// END SOLUTION` are the solution; in the stub they are replaced by the
 * `// STUB: ...` lines of that block (uncommented), or by `// YOUR CODE HERE` +
 * `throw new Error("not implemented yet")` when there are none.
 */
import { createHash } from "crypto";

export interface PercentCell {
  type: "markdown" | "code";
  tags: string[];
  lines: string[];
}

export type Version = "stub" | "solution";

/** Splits percent-format text into cells. `source` names the text in errors. */
export function parsePercent(text: string, source = "percent source"): PercentCell[] {
  const cells: PercentCell[] = [];
  let current: PercentCell | undefined;
  for (const line of text.replace(/\r\n/g, "\n").split("\n")) {
    const marker = /^\/\/ %%(.*)$/.exec(line);
    if (marker) {
      const rest = marker[1].trim();
      const tagMatch = /tags=(\[.*\])/.exec(rest);
      current = { type: rest.startsWith("[markdown]") ? "markdown" : "code", tags: tagMatch ? (JSON.parse(tagMatch[1]) as string[]) : [], lines: [] };
      cells.push(current);
    } else if (current) {
      current.lines.push(line);
    } else if (line.trim() !== "") {
      throw new Error(`parsePercent: ${source} has text before the first "// %%" marker: ${JSON.stringify(line)}`);
    }
  }
  for (const cell of cells) {
    while (cell.lines.length && cell.lines[cell.lines.length - 1].trim() === "") cell.lines.pop();
    while (cell.lines.length && cell.lines[0].trim() === "") cell.lines.shift();
    if (cell.type === "markdown") cell.lines = cell.lines.map((l) => l.replace(/^\/\/ ?/, ""));
  }
  return cells;
}

/** The code of a cell in the "solution" or "stub" version. */
export function renderCode(lines: readonly string[], version: Version, source = "percent source"): string[] {
  const out: string[] = [];
  let inSolution = false;
  let stubLines: string[] = [];
  let indent = "";
  for (const line of lines) {
    const begin = /^(\s*)\/\/ BEGIN SOLUTION\s*$/.exec(line);
    if (begin) {
      if (inSolution) throw new Error(`renderCode: nested BEGIN SOLUTION in ${source}`);
      inSolution = true;
      indent = begin[1];
      stubLines = [];
      continue;
    }
    if (/^\s*\/\/ END SOLUTION\s*$/.test(line)) {
      if (!inSolution) throw new Error(`renderCode: END SOLUTION without BEGIN SOLUTION in ${source}`);
      inSolution = false;
      if (version === "stub") {
        out.push(...(stubLines.length ? stubLines : [`${indent}// YOUR CODE HERE`, `${indent}throw new Error("not implemented yet");`]));
      }
      continue;
    }
    const stub = /^(\s*)\/\/ STUB: ?(.*)$/.exec(line);
    if (inSolution && stub) {
      stubLines.push(stub[1] + stub[2]);
      continue;
    }
    if (!inSolution || version === "solution") out.push(line);
  }
  if (inSolution) throw new Error(`renderCode: BEGIN SOLUTION without END SOLUTION in ${source}`);
  return out;
}

/** ipynb stores a cell's text as lines that keep their "\n", except the last. */
function toSource(lines: readonly string[]): string[] {
  return lines.map((l, i) => (i < lines.length - 1 ? l + "\n" : l));
}

function cellId(index: number, cell: PercentCell): string {
  return createHash("sha1").update(`${index}:${cell.type}:${cell.tags.join(",")}`).digest("hex").slice(0, 8);
}

export const KERNEL_METADATA = Object.freeze({
  kernelspec: { display_name: "TypeScript (adaptive-lr)", language: "typescript", name: "tslab" },
  language_info: {
    codemirror_mode: { mode: "typescript", name: "javascript", typescript: true },
    file_extension: ".ts",
    mimetype: "text/typescript",
    name: "typescript",
  },
});

/** The notebook (as an object) for one version; `metadata` is added to the kernel's. */
export function buildNotebook(cells: readonly PercentCell[], version: Version, metadata: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    cells: cells.map((cell, index) => {
      const meta = cell.tags.length ? { tags: cell.tags } : {};
      if (cell.type === "markdown") return { cell_type: "markdown", id: cellId(index, cell), metadata: meta, source: toSource(cell.lines) };
      return { cell_type: "code", execution_count: null, id: cellId(index, cell), metadata: meta, outputs: [], source: toSource(renderCode(cell.lines, version)) };
    }),
    metadata: { ...KERNEL_METADATA, ...metadata },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

/** The notebook's file text (one-space indent, final newline: the kit's notebooks' style). */
export function serializeNotebook(nb: unknown): string {
  return JSON.stringify(nb, null, 1) + "\n";
}
