/**
 * Reads a version-3 source map (the one `transpileModule` writes for a cell) far enough to map a
 * position of the generated JavaScript back to the cell: runtime errors then name the cell's own
 * line and column, as tslab's do.
 */
const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Decodes one Base64 VLQ segment ("AAAA", "SAAS", ...) into its numbers. */
export function decodeVlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = BASE64.indexOf(ch);
    if (digit < 0) throw new Error(`decodeVlq: invalid character ${JSON.stringify(ch)} in ${JSON.stringify(segment)}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    out.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return out;
}

/** One mapping: generated column -> original line/column (all 0-based). */
interface Segment { column: number; line: number; originalColumn: number }

/**
 * Returns a lookup from a generated (line, column) — 1-based, as in stack traces — to the original
 * 1-based position: the closest mapping at or before that column on that line (or the line's first
 * mapping), or undefined when the line has none.
 */
export function originalPositionFor(sourceMapJson: string): (line: number, column: number) => { line: number; column: number } | undefined {
  const map = JSON.parse(sourceMapJson) as { mappings: string };
  const lines: Segment[][] = [];
  let origLine = 0;
  let origColumn = 0;
  let source = 0;
  for (const text of map.mappings.split(";")) {
    const segments: Segment[] = [];
    let column = 0;
    for (const part of text.split(",")) {
      if (!part) continue;
      const v = decodeVlq(part);
      column += v[0];
      if (v.length >= 4) {
        source += v[1];
        origLine += v[2];
        origColumn += v[3];
        segments.push({ column, line: origLine, originalColumn: origColumn });
      }
    }
    lines.push(segments);
  }
  void source;
  return (line, column) => {
    const segments = lines[line - 1];
    if (!segments || segments.length === 0) return undefined;
    let best = segments[0];
    for (const s of segments) if (s.column <= column - 1) best = s;
    return { line: best.line + 1, column: best.originalColumn + 1 + Math.max(0, column - 1 - best.column) };
  };
}
