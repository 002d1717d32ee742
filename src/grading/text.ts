/**
 * Text that came from a submission, made safe to show: control characters, newlines, terminal
 * escape codes, Unicode line separators and bidirectional overrides are written as visible
 * escapes (`\n`, `\x1b`, `\u202e`), and every message is capped. Applied to everything the grader
 * prints, writes to results.json or to scores.csv (file names included).
 */

/** The longest message the grader shows for one problem (characters). */
export const MAX_MESSAGE_CHARS = 300;

// C0 controls, DEL, C1 controls, line/paragraph separators, bidi embeddings/overrides/isolates,
// zero-width and direction marks, the BOM: anything that can move the cursor, fake a line or
// reorder what a reader sees.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

function escapeChar(c: string): string {
  if (c === "\n") return "\\n";
  if (c === "\r") return "\\r";
  if (c === "\t") return "\\t";
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/** Caps `s` at `max` characters, ending with "…" when cut (never splits a surrogate pair). */
export function cap(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max - 1;
  const last = s.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return s.slice(0, end) + "…";
}

/** One line of safe text: unsafe characters escaped, then capped at `max` characters. */
export function safeText(value: unknown, max = MAX_MESSAGE_CHARS): string {
  const s = typeof value === "string" ? value : String(value);
  // Cut before escaping too, so a 20 MB string is not escaped in full just to be thrown away.
  return cap(cap(s, max * 2).replace(UNSAFE, escapeChar), max);
}

/** True when `s` holds none of the characters `safeText` escapes. */
export function isSafeText(s: string): boolean {
  UNSAFE.lastIndex = 0;
  return !UNSAFE.test(s);
}

/**
 * One CSV field. Text fields are made safe and, when they start with a character a spreadsheet
 * reads as a formula (= + - @, or a tab / carriage return before one), prefixed with an apostrophe
 * (OWASP's advice for CSV injection); then quoted when they hold a comma, a quote or a space at an
 * end. Numbers are written as they are.
 */
export function csvField(value: string | number, max = 500): string {
  if (typeof value === "number") return String(value);
  let s = safeText(value, max);
  if (/^[=+\-@\t\r]/.test(s) || /^\\[tr]/.test(s)) s = `'${s}`;
  return /[",\s]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
