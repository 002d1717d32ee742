/**
 * The CSV of scores for a folder: one row per submission, keyed by its path relative to the folder,
 * one column per exercise. Text cells are made safe and cannot become spreadsheet formulas
 * (`text.csvField`); a file that was skipped (a link, a pipe) has a row with empty scores.
 */
import { EXERCISES } from "./exercises";
import type { SubmissionResult } from "./grade";
import { csvField } from "./text";

/** A folder entry that was not graded, with the reason. */
export interface SkippedFile {
  name: string;
  reason: string;
}

/** `exercises`: the score columns, in order (an assignment's exercises; the built-in ten by default). */
export function scoresCsv(results: SubmissionResult[], exercises: ReadonlyArray<{ id: string }> = EXERCISES, skipped: SkippedFile[] = []): string {
  const header = ["submission", "score", "max_score", ...exercises.map((e) => e.id), "status"];
  const rows: Array<Array<string | number>> = results.map((r) => {
    const byId = new Map(r.exercises.map((e) => [e.id, e.score]));
    const status = r.error ? `error: ${r.error}` : "graded";
    return [r.name, r.score, r.maxScore, ...exercises.map((e) => byId.get(e.id) ?? 0), status];
  });
  for (const s of skipped) rows.push([s.name, "", "", ...exercises.map(() => ""), `skipped: ${s.reason}`]);
  rows.sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : String(a[0]) > String(b[0]) ? 1 : 0));
  return [header, ...rows].map((row) => row.map((v) => csvField(v)).join(",")).join("\n") + "\n";
}
