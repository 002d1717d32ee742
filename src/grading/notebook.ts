/**
 * Reading a submitted notebook: find the answer cells by their tag, wherever they are.
 *
 * An answer cell carries `metadata.tags: ["answer:<exercise id>"]`; the student may add, move or
 * delete other cells. Several cells with the same tag are joined in notebook order.
 */
import { answerTag } from "./exercises";

export interface NotebookCell {
  cell_type: string;
  source: string | string[];
  metadata?: { tags?: unknown; [key: string]: unknown };
  [key: string]: unknown;
}

export interface Notebook {
  cells: NotebookCell[];
  metadata?: Record<string, unknown>;
  nbformat?: number;
  nbformat_minor?: number;
}

/** Parses notebook JSON; throws an Error that says what is wrong with the file. */
export function parseNotebook(text: string, name: string): Notebook {
  let nb: unknown;
  try {
    nb = JSON.parse(text);
  } catch (e) {
    throw new Error(`${name} is not a Jupyter notebook: it is not valid JSON (${(e as Error).message})`);
  }
  if (!nb || typeof nb !== "object" || !Array.isArray((nb as Notebook).cells)) {
    throw new Error(`${name} is not a Jupyter notebook: it has no "cells" list`);
  }
  (nb as Notebook).cells.forEach((cell, i) => {
    if (!cell || typeof cell !== "object" || typeof cell.cell_type !== "string") {
      throw new Error(`${name} is not a valid Jupyter notebook: cell ${i + 1} has no cell_type`);
    }
  });
  return nb as Notebook;
}

/** The text of a cell (ipynb stores it as a string or a list of lines). */
export function cellSource(cell: NotebookCell): string {
  return Array.isArray(cell.source) ? cell.source.join("") : String(cell.source ?? "");
}

export function cellTags(cell: NotebookCell): string[] {
  const tags = cell.metadata?.tags;
  return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === "string") : [];
}

/** The source of the answer cell(s) of exercise `id`, or undefined when no cell has its tag. */
export function answerSource(nb: Notebook, id: string): string | undefined {
  const tag = answerTag(id);
  const cells = nb.cells.filter((c) => c.cell_type === "code" && cellTags(c).includes(tag));
  return cells.length === 0 ? undefined : cells.map(cellSource).join("\n");
}
