/**
 * Builds the course once per test process (`node scripts/course.js --exercises --keep-going` into
 * a temporary folder) and shares the result between the notebook test and the browser test, so
 * every notebook runs through the kernel only once per `npm test`.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { repoRoot } from "./notebooks";

export interface ManifestEntry {
  name: string;
  title: string;
  source: string;
  ok: boolean;
  html: string;
  ipynb: string;
  charts: number;
  frames: number[];
  seconds: number;
  kernelStartSeconds?: number;
  bytes: number;
  htmlBytes: number;
  error: null | { cell: number; source: string; message: string };
}

export interface CourseBuild {
  /** The site folder (index.html, one page per notebook, notebooks/*.ipynb, manifest.json). */
  dir: string;
  /** Exit status of course.js (0 when every notebook ran). */
  exitCode: number;
  /** Everything course.js printed. */
  log: string;
  seconds: number;
  notebooks: ManifestEntry[];
}

let build: Promise<CourseBuild> | undefined;

/** The shared course build (started on first call). */
export function courseBuild(): Promise<CourseBuild> {
  if (!build) build = runCourse();
  return build;
}

/** Deletes the shared build if one was made (or, with keep, returns its folder). */
export async function removeCourseBuild(keep = false): Promise<string | undefined> {
  if (!build) return undefined;
  const done = await build.catch(() => undefined);
  if (!done) return undefined;
  if (keep) return done.dir;
  fs.rmSync(done.dir, { recursive: true, force: true });
  return undefined;
}

function runCourse(): Promise<CourseBuild> {
  const root = repoRoot();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "adaptive-lr-site-"));
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "scripts", "course.js"), "--out", dir, "--exercises", "--keep-going"], {
      cwd: root, stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    child.stdout.on("data", (d) => (log += d));
    child.stderr.on("data", (d) => (log += d));
    child.on("error", reject);
    child.on("close", (code) => {
      const manifest = path.join(dir, "manifest.json");
      if (!fs.existsSync(manifest)) {
        reject(new Error(`course.js wrote no manifest (exit ${code}):\n${log}`));
        return;
      }
      const parsed = JSON.parse(fs.readFileSync(manifest, "utf8")) as { notebooks: ManifestEntry[] };
      resolve({ dir, exitCode: code ?? 1, log, seconds: (Date.now() - started) / 1000, notebooks: parsed.notebooks });
    });
  });
}

/** course.js's page name of a notebook: its path under notebooks/ without .ipynb, "/" -> "__". */
export function pageName(file: string): string {
  return path.relative(path.join(repoRoot(), "notebooks"), file).replace(/\.ipynb$/, "").split(path.sep).join("__");
}
