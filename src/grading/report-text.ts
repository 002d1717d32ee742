/**
 * The human summary printed to the terminal: per submission the total and each exercise's score;
 * for an exercise that lost points, how many cases failed, the first failing case's messages and
 * every distinct hint. Messages of hidden cases are already redacted (no inputs, no values).
 */
import type { ExerciseResult, SubmissionResult } from "./grade";
import { safeText } from "./text";

function exerciseLines(ex: ExerciseResult): string[] {
  const failed = ex.cases.filter((c) => !c.passed);
  const mark = failed.length === 0 ? "ok  " : "FAIL";
  const count = failed.length === 0 ? "" : ` (${failed.length} of ${ex.cases.length} cases failed)`;
  const lines = [`  ${mark} ${ex.id.padEnd(9)} ${String(ex.score).padStart(5)}/${ex.maxScore}  ${ex.title}${count}`];
  if (failed.length === 0) return lines;
  if (ex.message) lines.push(`         ${safeText(ex.message)}`);
  const first = failed[0];
  const details = first.messages.filter((m) => !m.startsWith("hint:") && !(ex.message && m.includes(ex.message)));
  if (details.length) lines.push(`         ${safeText(first.label)}: ${details.map((d) => safeText(d)).join("; ")}`);
  const hints = new Set(failed.flatMap((c) => c.messages.filter((m) => m.startsWith("hint:"))));
  for (const h of hints) lines.push(`         ${safeText(h)}`);
  return lines;
}

export function submissionSummary(r: SubmissionResult): string {
  const lines = [`${safeText(r.name, 200)}: ${r.score}/${r.maxScore}`];
  if (r.error) return [...lines, `  could not grade: ${safeText(r.error)}`].join("\n");
  for (const ex of r.exercises) lines.push(...exerciseLines(ex));
  return lines.join("\n");
}

export function folderSummary(results: SubmissionResult[]): string {
  const names = results.map((r) => safeText(r.name, 80));
  const width = Math.max(10, ...names.map((n) => n.length));
  const table = results.map((r, i) => `  ${names[i].padEnd(width)}  ${String(r.score).padStart(6)}/${r.maxScore}${r.error ? "  (could not be read)" : ""}`);
  const mean = results.length ? results.reduce((s, r) => s + r.score, 0) / results.length : 0;
  return [`${results.length} submission${results.length === 1 ? "" : "s"} graded, mean score ${mean.toFixed(2)}`, ...table].join("\n");
}
