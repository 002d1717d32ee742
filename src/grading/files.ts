/**
 * Finding and reading submissions safely. Only regular files are graded: symbolic links are never
 * followed (a link to the solutions or to /etc/passwd is skipped, not read), named pipes, sockets
 * and devices are skipped with a message instead of blocking the grader, and a file's size is
 * checked before it is read. Result file names are collision-free: each is the submission's path
 * relative to the folder, with every character that is not a plain letter, digit, dot, dash or
 * underscore percent-encoded (so `a__b.ipynb` and `a/b.ipynb` get different names).
 */
import { createHash } from "crypto";
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, type Dirent, type Stats } from "fs";
import { join, relative, resolve, sep } from "path";
import { describeBytes } from "./sandbox";

/** One entry found in a submissions folder. */
export interface FoundFile {
  /** Absolute path. */
  path: string;
  /** Path relative to the folder, with "/" separators: the submission's key in scores.csv. */
  relative: string;
  /** Why the file is not graded (not a regular file); undefined for a notebook to grade. */
  skipped?: string;
}

/** What kind of file system entry this is, in words, when it is not a regular file. */
export function notRegular(entry: Dirent | Stats): string | undefined {
  if (entry.isFile()) return undefined;
  if (entry.isSymbolicLink()) return "a symbolic link (links are not followed)";
  if (entry.isFIFO()) return "a named pipe, not a file";
  if (entry.isSocket()) return "a socket, not a file";
  if (entry.isCharacterDevice() || entry.isBlockDevice()) return "a device, not a file";
  if (entry.isDirectory()) return "a folder, not a file";
  return "not a regular file";
}

/** Folders never searched: Jupyter's checkpoints, packages, and the metadata folder of Mac zips. */
const SKIPPED_FOLDERS = new Set([".ipynb_checkpoints", "node_modules", "__MACOSX", ".git"]);

const MAX_DEPTH = 32;
const MAX_ENTRIES = 100_000;

/**
 * Every entry named *.ipynb under `dir`, sorted by relative path; regular files to grade, anything
 * else marked `skipped`. Skips checkpoint folders, node_modules, __MACOSX (and "._" files), .git
 * and the output folder `skip`; does not enter linked folders.
 */
export function findNotebooks(dir: string, skip?: string): FoundFile[] {
  const root = resolve(dir);
  const out: FoundFile[] = [];
  let seen = 0;
  const walk = (d: string, depth: number) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (++seen > MAX_ENTRIES) return;
      const p = join(d, entry.name);
      if (entry.isDirectory()) {
        if (SKIPPED_FOLDERS.has(entry.name) || (skip && resolve(p) === resolve(skip))) continue;
        if (depth < MAX_DEPTH) walk(p, depth + 1);
        continue;
      }
      // "._x.ipynb": the AppleDouble metadata a Mac zip carries next to x.ipynb, not a notebook.
      if (!entry.name.endsWith(".ipynb") || entry.name.startsWith("._")) continue;
      out.push({ path: p, relative: relative(root, p).split(sep).join("/"), skipped: notRegular(entry) });
    }
  };
  walk(root, 0);
  return out.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
}

/**
 * Reads a submission that must be a regular file of at most `maxBytes`: opened without following a
 * link and without blocking on a pipe, then checked with fstat (so it cannot be swapped between the
 * check and the read). Throws an Error whose message says what is wrong with the file.
 */
export function readRegularFile(file: string, maxBytes: number, name = file): string {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ELOOP" || code === "EMLINK") throw new Error(`${name} is a symbolic link (links are not followed)`);
    throw new Error(`${name} could not be opened (${code ?? "error"})`);
  }
  try {
    const stats = fstatSync(fd);
    const kind = notRegular(stats);
    if (kind) throw new Error(`${name} is ${kind}`);
    if (stats.size > maxBytes) throw new Error(`${name} is ${describeBytes(stats.size)}; the limit is ${describeBytes(maxBytes)}`);
    const buffer = Buffer.alloc(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > maxBytes) throw new Error(`${name} is larger than the limit of ${describeBytes(maxBytes)}`);
    return buffer.subarray(0, length).toString("utf8");
  } finally {
    closeSync(fd);
  }
}

const PLAIN = /[A-Za-z0-9._-]/;

/**
 * Collision-free results file names for submissions given by relative path: percent-encoding of
 * every other character ("/" -> %2F, "%" -> %25), a leading dot encoded; names that would differ
 * only in letter case (one file on macOS or Windows) or be too long get a hash of the path.
 */
export function resultFileNames(relativePaths: readonly string[]): string[] {
  const used = new Set<string>();
  return relativePaths.map((rel) => {
    const base = rel.replace(/\.ipynb$/, "");
    let encoded = "";
    for (const ch of base) {
      encoded += PLAIN.test(ch) ? ch : [...Buffer.from(ch, "utf8")].map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join("");
    }
    if (encoded.startsWith(".")) encoded = `%2E${encoded.slice(1)}`;
    if (encoded === "" || encoded.length > 180 || used.has(encoded.toLowerCase())) {
      const hash = createHash("sha256").update(rel).digest("hex").slice(0, 16);
      encoded = `${encoded.slice(0, 150)}~${hash}`;
    }
    used.add(encoded.toLowerCase());
    return `${encoded}.results.json`;
  });
}
