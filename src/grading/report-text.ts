/**
 * The human summary printed to the terminal: per submission the total, each exercise's score and,
 * for every exercise that lost points, why (already redacted for hidden cases).
 */
import type { SubmissionResult } from "./grade";

export function submissionSummary(r: SubmissionResult): string {
  const lines = [`${r.name}: ${r.score}/${r.maxScore}`];
  if (r.error) {
    lines.push(`  could not grade: ${r.error}`);
    return lines.join("\n");
  }
  for (const ex of r.exercises) {
    const mark = ex.score === ex.maxScore ? "ok  " : "FAIL";
    lines.push(`  ${mark} ${ex.id.padEnd(9)} ${String(ex.score).padStart(5)}/${ex.maxScore}  ${ex.title}`);
    if (ex.score === ex.maxScore) continue;
    if (ex.message) lines.push(`         ${ex.message}`);
    const seen = new Set<string>();
    for (const c of ex.cases) {
      if (c.passed) continue;
      const name = c.visibility === "visible" ? `visible: ${c.label}` : c.label;
      for (const m of c.messages) {
        // One line per distinct message keeps the summary short when every case fails the same way.
        const key = m.startsWith("hint:") ? m : `${name}: ${m}`;
        if (seen.has(key) || (ex.message && m.includes(ex.message))) continue;
        seen.add(key);
        lines.push(`         ${key}`);
      }
    }
  }
  return lines.join("\n");
}

export function folderSummary(results: SubmissionResult[]): string {
  const width = Math.max(10, ...results.map((r) => r.name.length));
  const table = results.map((r) => `  ${r.name.padEnd(width)}  ${String(r.score).padStart(6)}/${r.maxScore}${r.error ? "  (unreadable)" : ""}`);
  const mean = results.length ? results.reduce((s, r) => s + r.score, 0) / results.length : 0;
  return [`${results.length} submission${results.length === 1 ? "" : "s"} graded, mean score ${mean.toFixed(2)}`, ...table].join("\n");
}
