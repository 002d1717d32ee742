/**
 * Test helpers for notebooks: find them, execute one through the real tslab kernel (nbclient via
 * scripts/notebook_runner.py), and surface the failing cell's real error text (tslab writes it to
 * the cell's stderr stream; nbconvert's own error message is empty).
 *
 * Reusable by any test: `const run = await executeNotebook("notebooks/exercises/x.ipynb");
 * expect(run.errors, formatFailure(run)).to.deep.equal([]);`
 */
import * as fs from "fs";
import * as path from "path";

/** The project root (the folder holding package.json "adaptive-lr"). */
export function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, "package.json");
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, "utf8")).name === "adaptive-lr") return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`repoRoot: no adaptive-lr package.json above ${__dirname}`);
    dir = up;
  }
}

/** The shared JS tooling (scripts/notebook-tools.js), typed for the tests. */
interface RunnerSummary {
  ok: boolean;
  notebook: string;
  out: string;
  seconds: number;
  kernelStartSeconds?: number;
  cells: Array<{ index: number; seconds: number; outputs: number }>;
  charts: number;
  frames: number[];
  bytes: number;
  html?: string;
  htmlBytes?: number;
  error: null | { cell: number; source: string; ename: string; evalue: string; stderr: string; message: string };
  exitCode: number;
  runnerStderr: string;
}
interface NotebookTools {
  ROOT: string;
  NOTEBOOKS: string;
  listNotebooks(options?: { exercises?: boolean; root?: string }): string[];
  runNotebook(file: string, options?: { out?: string; html?: string; sign?: boolean; cwd?: string; timeout?: number }): Promise<RunnerSummary>;
  findPython(): string | null;
  jupyterEnv(): NodeJS.ProcessEnv;
}

export function tools(): NotebookTools {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(repoRoot(), "scripts", "notebook-tools.js")) as NotebookTools;
}

/** Every notebook the kit ships: notebooks/*.ipynb plus notebooks/exercises/** (sorted). */
export function listNotebooks(): string[] {
  return tools().listNotebooks({ exercises: true });
}

/** One output of an executed cell (nbformat v4). */
export interface NotebookOutput {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
}

export interface NotebookCell {
  cell_type: string;
  source: string | string[];
  outputs?: NotebookOutput[];
}

export interface NotebookRun {
  /** The notebook that was executed. */
  path: string;
  ok: boolean;
  /** Wall time of kernel start plus every cell, seconds. */
  seconds: number;
  /** Cells of the executed notebook. */
  cells: NotebookCell[];
  /** All outputs of all code cells, in order. */
  outputs: NotebookOutput[];
  /** Error texts: the failing cell's real error (stderr + error reply); empty when every cell ran. */
  errors: string[];
  /** Index and source of the failing cell, if any. */
  failedCell?: { index: number; source: string };
  /** Charts emitted (outputs carrying application/vnd.plotly.v1+json) and each one's frame count. */
  charts: number;
  frames: number[];
  /** Where the executed notebook was written (a fresh temporary folder unless `out` was given: delete it when done), and its size in bytes. */
  executedPath: string;
  bytes: number;
  htmlPath?: string;
}

const text = (t: string | string[] | undefined): string => (Array.isArray(t) ? t.join("") : t ?? "");

/** Text written to stderr by the cells (tslab's error channel). */
export function stderrOf(cells: NotebookCell[]): string {
  return cells.flatMap((c) => c.outputs ?? []).filter((o) => o.output_type === "stream" && o.name === "stderr").map((o) => text(o.text)).join("");
}

/**
 * Executes a notebook through the real kernel. Never throws for a failing cell: `errors` then
 * holds its real error text. Options: cwd (kernel working dir, default the notebook's folder),
 * out/html (where to write the executed notebook / its HTML export), sign, timeoutSeconds per cell.
 */
export async function executeNotebook(
  notebookPath: string,
  options: { cwd?: string; out?: string; html?: string; sign?: boolean; timeoutSeconds?: number } = {},
): Promise<NotebookRun> {
  const file = path.resolve(notebookPath);
  const s = await tools().runNotebook(file, { cwd: options.cwd, out: options.out, html: options.html, sign: options.sign, timeout: options.timeoutSeconds });
  return fromSummary(s);
}

/** Builds a NotebookRun from a runner summary (also used with course.js's manifest entries). */
export function fromSummary(s: RunnerSummary): NotebookRun {
  const nb = JSON.parse(fs.readFileSync(s.out, "utf8")) as { cells: NotebookCell[] };
  const errors: string[] = [];
  if (s.error) errors.push(s.error.message || s.error.stderr || s.error.ename || "cell failed with no message");
  for (const cell of nb.cells) {
    for (const o of cell.outputs ?? []) {
      if (o.output_type === "error" && !(s.error && errors[0].includes(o.evalue ?? ""))) errors.push(`${o.ename}: ${o.evalue}`);
    }
  }
  return {
    path: s.notebook,
    ok: s.ok && errors.length === 0,
    seconds: s.seconds,
    cells: nb.cells,
    outputs: nb.cells.flatMap((c) => c.outputs ?? []),
    errors,
    failedCell: s.error ? { index: s.error.cell, source: s.error.source } : undefined,
    charts: s.charts,
    frames: s.frames,
    executedPath: s.out,
    bytes: s.bytes,
    htmlPath: s.html,
  };
}

/** A readable failure message: notebook, cell number, cell source and the real error text. */
export function formatFailure(run: NotebookRun): string {
  if (run.errors.length === 0) return `${path.basename(run.path)}: ok`;
  const where = run.failedCell ? ` cell ${run.failedCell.index}:\n${run.failedCell.source}\n---` : "";
  return `${path.basename(run.path)} failed${where}\n${run.errors.join("\n")}`;
}
