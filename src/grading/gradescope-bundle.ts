/**
 * The Gradescope autograder bundle: a zip with the layout Gradescope expects at its root.
 *
 *   setup.sh         run once when Gradescope builds the autograder image (Ubuntu, as root, with
 *                    internet): installs Node.js 20 and the kit's two runtime packages
 *   run_autograder   run for every submission: grades the notebook in /autograder/submission into
 *                    /autograder/results/results.json (AUTOGRADER_ROOT relocates /autograder, for tests)
 *   seed             the hidden cases' seed (mode 600); read by run_autograder into the grader's
 *                    environment only. The sandboxed children get an empty environment and cannot
 *                    read files outside the grader's own code, and no result shows it.
 *   kit/             the grader: package.json and the compiled files the `grade` command loads
 *   assignment.json  (with --assignment) the assignment file the notebooks were built from
 *
 * Students see only results.json. The bundle holds no solutions: the kit is the library and the
 * grader (the reference is the library itself).
 */
import { readFileSync, writeFileSync } from "fs";
import { join, relative, resolve, sep } from "path";
import { moduleClosure } from "./sandbox";
import { zip, type ZipEntry } from "./zip";

const ROOT = resolve(__dirname, "..", "..");

export const SETUP_SH = `#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder (Ubuntu image, internet on).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if ! command -v node >/dev/null 2>&1 || [ "$(major)" -lt 20 ]; then
  apt-get update -q
  apt-get install -y -q --no-install-recommends ca-certificates curl gnupg
  # Ubuntu's own nodejs package is older than 20: NodeSource's Node.js 20 repository.
  curl -fsSL https://deb.nodesource.com/setup_20.x | bash -
  apt-get install -y -q nodejs
fi
cd /autograder/source/kit
npm install --omit=dev --no-audit --no-fund
chmod 600 /autograder/source/seed
`;

export const RUN_AUTOGRADER = `#!/usr/bin/env bash
# Gradescope runs this for every submission: the student's files are in $ROOT/submission, the
# results go to $ROOT/results/results.json. AUTOGRADER_ROOT (default /autograder) is for testing.
set -uo pipefail
ROOT="\${AUTOGRADER_ROOT:-/autograder}"
mkdir -p "$ROOT/results"
ASSIGNMENT=()
if [ -f "$ROOT/source/assignment.json" ]; then ASSIGNMENT=(--assignment "$ROOT/source/assignment.json"); fi
rm -f "$ROOT/results/results.json"
ADAPTIVE_LR_SEED="$(cat "$ROOT/source/seed")" node "$ROOT/source/kit/dist/cli.js" grade "$ROOT/submission" \\
  --results "$ROOT/results/results.json" --out "$ROOT/results" --jobs 1 --quiet "\${ASSIGNMENT[@]}"
code=$?
# Gradescope needs a results.json whatever happened: if the grader itself failed, say so.
if [ ! -s "$ROOT/results/results.json" ]; then
  echo '{"score": 0, "output": "The autograder failed before it could grade this submission; please tell your instructor.", "visibility": "visible", "tests": []}' > "$ROOT/results/results.json"
fi
exit $code
`;

/** The compiled files of the kit, relative to the package root ("dist/cli.js", ...). */
export function kitFiles(): string[] {
  const entries = [join(ROOT, "dist", "cli.js"), join(ROOT, "dist", "grading", "sandbox-child.js")];
  const files = new Set<string>();
  for (const entry of entries) for (const f of moduleClosure(entry)) files.add(f);
  // The compiler's child loads typescript, which is installed by setup.sh, not bundled.
  files.add(join(ROOT, "dist", "grading", "compile-child.js"));
  files.add(join(ROOT, "dist", "grading", "compile.js"));
  return [...files]
    .map((f) => relative(ROOT, f).split(sep).join("/"))
    .filter((f) => f.startsWith("dist/") && f.endsWith(".js"))
    .sort();
}

/** The kit's package.json: the grader's two runtime packages, pinned as in this package. */
export function kitPackageJson(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  const version = (name: string) => pkg.dependencies?.[name] ?? pkg.devDependencies?.[name];
  const kit = {
    name: "adaptive-lr-autograder",
    version: pkg.version,
    private: true,
    description: "adaptive-lr grader for Gradescope (built by adaptive-lr gradescope-bundle)",
    dependencies: { seedrandom: version("seedrandom"), typescript: version("typescript") },
  };
  return JSON.stringify(kit, null, 2) + "\n";
}

/** The bundle's entries (`assignmentFile`: an assignment file to grade against, bundled as assignment.json). */
export function bundleEntries(seed: string, assignmentFile?: string): ZipEntry[] {
  return [
    { name: "setup.sh", data: SETUP_SH, mode: 0o755 },
    { name: "run_autograder", data: RUN_AUTOGRADER, mode: 0o755 },
    { name: "seed", data: seed, mode: 0o600 },
    ...(assignmentFile === undefined ? [] : [{ name: "assignment.json", data: readFileSync(assignmentFile) }]),
    { name: "kit/package.json", data: kitPackageJson() },
    ...kitFiles().map((f) => ({ name: `kit/${f}`, data: readFileSync(join(ROOT, f)) })),
  ];
}

/** Writes the bundle zip to `file`; returns what it holds. */
export function writeGradescopeBundle(file: string, seed: string, assignmentFile?: string): { files: string[]; bytes: number } {
  if (typeof seed !== "string" || seed === "") throw new Error("writeGradescopeBundle: seed must be a non-empty string");
  const entries = bundleEntries(seed, assignmentFile);
  const data = zip(entries);
  writeFileSync(file, data);
  const top = entries.filter((e) => !e.name.startsWith("kit/")).map((e) => e.name);
  return { files: [...top, `kit/ (${entries.length - top.length} files)`], bytes: data.length };
}
