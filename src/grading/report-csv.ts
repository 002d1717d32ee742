/** The CSV of scores for a folder: one row per submission, one column per exercise. */
import { EXERCISES } from "./exercises";
import type { SubmissionResult } from "./grade";

function field(value: string | number): string {
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** `exercises`: the score columns, in order (an assignment's exercises; the built-in ten by default). */
export function scoresCsv(results: SubmissionResult[], exercises: ReadonlyArray<{ id: string }> = EXERCISES): string {
  const header = ["submission", "score", "max_score", ...exercises.map((e) => e.id), "status"];
  const rows = results.map((r) => {
    const byId = new Map(r.exercises.map((e) => [e.id, e.score]));
    const status = r.error ? `error: ${r.error}` : "graded";
    return [r.name, r.score, r.maxScore, ...exercises.map((e) => byId.get(e.id) ?? 0), status];
  });
  return [header, ...rows].map((row) => row.map(field).join(",")).join("\n") + "\n";
}
