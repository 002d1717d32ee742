/**
 * Finds the documentation's code: every `@example` in a doc comment of src/ and every ```ts block
 * of README.md, and turns each into a TypeScript module that imports the package as a student
 * would. Used by test/doc-examples.test.ts, which type-checks them all under --strict and runs them.
 */
import * as fs from "fs";
import * as path from "path";

export interface DocExample {
  /** "src/optimizers/adam.ts:85" or "README.md:42". */
  where: string;
  /** The example's code as written. */
  code: string;
  /** For `@example`: the compiled module it documents (its exports are in scope, as in its file). */
  module?: string;
}

export const ROOT = path.resolve(__dirname, "..", "..", "..");

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : p.endsWith(".ts") ? [p] : [];
  });
}

/** Every `@example` block of src/ (the text after the tag and the comment lines that follow it). */
export function sourceExamples(): DocExample[] {
  const out: DocExample[] = [];
  for (const file of walk(path.join(ROOT, "src"))) {
    const rel = path.relative(ROOT, file);
    const lines = fs.readFileSync(file, "utf8").split("\n");
    lines.forEach((line, i) => {
      const m = /^\s*\*\s*@example\s?(.*)$/.exec(line);
      if (!m) return;
      const body = [m[1]];
      for (let j = i + 1; j < lines.length; j++) {
        const next = /^\s*\*(?!\/)\s?(.*)$/.exec(lines[j]);
        if (!next || /^\s*@\w/.test(next[1]) || /^\s*\*\//.test(lines[j])) break;
        body.push(next[1]);
      }
      const code = body.join("\n").trim();
      if (code) out.push({ where: `${rel}:${i + 1}`, code, module: rel.replace(/^src\//, "dist/").replace(/\.ts$/, ".js") });
    });
  }
  return out;
}

/** Every ```ts block of README.md. */
export function readmeExamples(): DocExample[] {
  const lines = fs.readFileSync(path.join(ROOT, "README.md"), "utf8").split("\n");
  const out: DocExample[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(ts|typescript)\s*$/.test(lines[i])) continue;
    const start = i + 1;
    let j = start;
    while (j < lines.length && !/^```\s*$/.test(lines[j])) j++;
    out.push({ where: `README.md:${start}`, code: lines.slice(start, j).join("\n") });
    i = j;
  }
  return out;
}

/**
 * What a comment after a one-line example promises: `expr // 0.025`, `// ... = 0.72548`,
 * `// [0.1, 0.09, 0.081]` or `// true`. Returns undefined for prose.
 */
export function promisedValue(comment: string): number | boolean | number[] | undefined {
  const text = comment.trim();
  if (/^(true|false)\b/.test(text)) return text.startsWith("true");
  const array = /^\[([-\d.,\se]+)\](\s|$)/.exec(text);
  if (array) return array[1].split(",").map(Number);
  // "0.025", "1 (restart)", "512^-0.5 * 4000^-0.5 = 0.000699": the number after the last "=", if any
  const tail = text.includes("=") ? text.slice(text.lastIndexOf("=") + 1).trim() : text;
  const num = /^(-?\d+(?:\.\d+)?(?:e-?\d+)?)(?:$|\s+\(|\s+[A-Za-z])/.exec(tail);
  return num ? Number(num[1]) : undefined;
}

/** The literal a promise was written with (for its number of digits). */
export function promisedLiteral(comment: string): string {
  const text = comment.trim();
  return text.includes("=") && !text.startsWith("[") ? text.slice(text.lastIndexOf("=") + 1).trim() : text;
}

/** Half a unit in the last place written: "0.000699" -> 5e-7, "5" -> 0.5, "1e-5" -> 5e-6. */
export function tolerance(literal: number, written: string): number {
  const m = /^-?\d+(?:\.(\d+))?(?:e(-?\d+))?/.exec(written.trim());
  const decimals = m && m[1] ? m[1].length : 0;
  const exponent = m && m[2] ? Number(m[2]) : 0;
  return 0.5 * Math.pow(10, exponent - decimals) * 1.0001 + Math.abs(literal) * 1e-12;
}
