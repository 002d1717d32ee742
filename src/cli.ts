#!/usr/bin/env node
/**
 * The `adaptive-lr` command.
 *
 *   adaptive-lr grade <submission.ipynb | folder> [options]
 *   adaptive-lr gradescope-bundle [--out autograder.zip] [--seed <text>] [--assignment <file>]
 *   adaptive-lr assignment build <file.assignment.json> --out <dir>
 *
 * grade, a file: grades it, prints a summary and writes Gradescope's results.json.
 * grade, a folder: grades every regular .ipynb in it (sub-folders included; links, pipes and devices
 * are skipped with a message), `--jobs` at a time, each exercise in its own sandboxed process, with
 * a progress bar; writes one results file per submission and scores.csv keyed by relative path.
 * grade --results <file> on a folder: Gradescope's mode, the folder must hold exactly one notebook.
 */
import { constants, lstatSync, mkdirSync, openSync, closeSync, statSync, writeSync, unlinkSync } from "fs";
import { availableParallelism } from "os";
import { basename, dirname, join, resolve } from "path";
import { gradedAssignment, loadAssignment } from "./assignments";
import { ASSIGNMENT_USAGE, AssignmentUsageError, assignmentCommand } from "./assignments/command";
import { AssignmentError } from "./assignments/errors";
import { Compiler } from "./grading/compiler";
import { EXERCISES } from "./grading/exercises";
import { DEFAULT_SEED, gradeSubmission, ungradable, type GradedAssignment, type SubmissionResult } from "./grading/grade";
import { findNotebooks, notRegular, resultFileNames, type FoundFile } from "./grading/files";
import { writeGradescopeBundle } from "./grading/gradescope-bundle";
import { ProgressBar } from "./grading/progress";
import { scoresCsv, type SkippedFile } from "./grading/report-csv";
import { toGradescope } from "./grading/report-gradescope";
import { folderSummary, submissionSummary } from "./grading/report-text";
import { DEFAULT_LIMITS, Sandbox, type Limits } from "./grading/sandbox";
import { safeText } from "./grading/text";

const DEFAULT_JOBS = Math.max(1, Math.min(4, typeof availableParallelism === "function" ? availableParallelism() : 1));

export const USAGE = `Usage: adaptive-lr grade <submission.ipynb | folder> [options]
       adaptive-lr gradescope-bundle [--out autograder.zip] [--seed <text>] [--assignment <file>]
       adaptive-lr assignment build <file.assignment.json> [--out <dir>]   (see adaptive-lr assignment --help)

grade: finds the cells tagged answer:<exercise>, runs each exercise in its own sandboxed process
on visible and hidden cases, and writes Gradescope results (and scores.csv for a folder).

Options of grade:
  --assignment <file> grade against this assignment file (the one its notebooks were built from)
                      [the kit's built-in exercises]
  --out <dir>         where results go [./grading-results]
  --results <file>    write results.json exactly here, e.g. /autograder/results/results.json
                      (the target is one notebook, or a folder holding exactly one)
  --seed <text>       seed of the hidden cases [env ADAPTIVE_LR_SEED, else a built-in seed]
  --jobs <n>          submissions graded at the same time [${DEFAULT_JOBS}]
  --timeout <s>       time limit per exercise, seconds [${DEFAULT_LIMITS.timeoutMs / 1000}]
  --budget <s>        time budget of a whole submission, seconds [${DEFAULT_LIMITS.submissionMs / 1000}]
  --memory <MB>       memory limit of a grading process [${DEFAULT_LIMITS.memoryMb}]
  --max-output <kB>   output one exercise may print [${DEFAULT_LIMITS.maxOutputBytes / 1000}]
  --max-file <MB>     largest submission file [${DEFAULT_LIMITS.maxFileBytes / 1e6}]
  --max-cell <kB>     largest answer cell [${DEFAULT_LIMITS.maxCellBytes / 1000}]
  --quiet             no per-submission details, only the table
  -h, --help          this help

gradescope-bundle: writes the zip to upload as a Gradescope autograder (setup.sh, run_autograder,
the kit); --seed (or ADAPTIVE_LR_SEED) is stored in the bundle for run_autograder only;
--assignment <file> bundles that assignment file and grades against it.
`;

interface CliOptions {
  target: string;
  out: string;
  results?: string;
  seed: string;
  /** The assignment file, when not the built-in exercises. */
  assignment?: string;
  limits: Limits;
  jobs: number;
  quiet: boolean;
}

export class UsageError extends Error {}

function positiveNumber(flag: string, value: string | undefined): number {
  const x = Number(value);
  if (value === undefined || !Number.isFinite(x) || x <= 0) throw new UsageError(`${flag} must be a number > 0, got ${value === undefined ? "nothing" : JSON.stringify(value)}`);
  return x;
}

export function parseGradeArgs(args: string[], env: NodeJS.ProcessEnv = process.env): CliOptions {
  const o: Partial<CliOptions> & { limits: Limits } = {
    out: "grading-results",
    seed: env.ADAPTIVE_LR_SEED || DEFAULT_SEED,
    limits: { ...DEFAULT_LIMITS },
    quiet: false,
    jobs: DEFAULT_JOBS,
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => {
      if (i + 1 >= args.length) throw new UsageError(`${a} needs a value`);
      return args[++i];
    };
    if (a === "--out") o.out = value();
    else if (a === "--results") o.results = value();
    else if (a === "--seed") o.seed = value();
    else if (a === "--assignment") o.assignment = value();
    else if (a === "--jobs") {
      const n = positiveNumber(a, value());
      if (!Number.isInteger(n) || n > 64) throw new UsageError(`--jobs must be a whole number from 1 to 64, got ${n}`);
      o.jobs = n;
    } else if (a === "--timeout") o.limits.timeoutMs = positiveNumber(a, value()) * 1000;
    else if (a === "--budget") o.limits.submissionMs = positiveNumber(a, value()) * 1000;
    else if (a === "--memory") o.limits.memoryMb = Math.round(positiveNumber(a, value()));
    else if (a === "--max-output") o.limits.maxOutputBytes = Math.round(positiveNumber(a, value()) * 1000);
    else if (a === "--max-file") o.limits.maxFileBytes = Math.round(positiveNumber(a, value()) * 1e6);
    else if (a === "--max-cell") o.limits.maxCellBytes = Math.round(positiveNumber(a, value()) * 1000);
    else if (a === "--quiet") o.quiet = true;
    else if (a.startsWith("-")) throw new UsageError(`unknown option ${safeText(a, 80)}`);
    else if (o.target === undefined) o.target = a;
    else throw new UsageError(`only one submission file or folder, got also ${JSON.stringify(safeText(a, 80))}`);
  }
  if (o.target === undefined) throw new UsageError("give a submission .ipynb file or a folder of them");
  return o as CliOptions;
}

/**
 * Writes `text` to `file` without following a link planted where the file goes (a results folder
 * inside a submissions folder could hold one).
 */
export function writeFileNoFollow(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  try {
    if (lstatSync(file).isSymbolicLink()) unlinkSync(file);
  } catch {
    // does not exist yet
  }
  const fd = openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 0o644);
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

function writeJson(file: string, value: unknown): void {
  writeFileNoFollow(file, JSON.stringify(value, null, 2) + "\n");
}

/** Grades `files` with `jobs` lanes sharing one process pool and one compiler; results in input order. */
async function gradeAll(
  files: FoundFile[],
  o: CliOptions,
  assignment: GradedAssignment | undefined,
  onDone: (index: number, result: SubmissionResult) => void,
): Promise<SubmissionResult[]> {
  const jobs = Math.max(1, Math.min(o.jobs, files.length));
  const sandbox = new Sandbox(o.limits, jobs);
  const compiler = new Compiler(o.limits);
  const results: SubmissionResult[] = new Array(files.length);
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: jobs }, async () => {
        while (next < files.length) {
          const index = next++;
          const f = files[index];
          const result = await gradeSubmission(f.path, { seed: o.seed, limits: o.limits, name: f.relative, sandbox, compiler, assignment }).catch(
            (e: Error) => ungradable(f.path, f.relative, `the grader failed on this file: ${e.message}`, o.seed, assignment?.exercises),
          );
          results[index] = result;
          onDone(index, result);
        }
      }),
    );
  } finally {
    sandbox.close();
    compiler.close();
  }
  return results;
}

/** Gradescope's mode: the one notebook of a submission folder, or a result saying what is wrong. */
async function gradeGradescopeFolder(target: string, o: CliOptions, assignment: GradedAssignment | undefined, results: string, log: (s: string) => void): Promise<number> {
  const found = findNotebooks(target, o.out);
  const notebooks = found.filter((f) => !f.skipped);
  let result: SubmissionResult;
  if (notebooks.length === 1) {
    [result] = await gradeAll(notebooks, o, assignment, () => undefined);
  } else {
    const skipped = found.filter((f) => f.skipped).map((f) => `${f.relative} is ${f.skipped}`);
    const why =
      notebooks.length === 0
        ? `no notebook (.ipynb) found in the submission${skipped.length ? `; ${skipped.join("; ")}` : ""}: upload your exercises notebook`
        : `${notebooks.length} notebooks found (${notebooks.map((n) => n.relative).join(", ")}): upload exactly one`;
    result = ungradable(target, "submission", why, o.seed, assignment?.exercises);
  }
  writeJson(results, toGradescope(result));
  log(submissionSummary(result));
  return 0;
}

/** Runs the grade command; returns the process exit code (0 once grading finished). */
export async function gradeCommand(args: string[], log: (s: string) => void = (s) => console.log(s)): Promise<number> {
  const o = parseGradeArgs(args);
  const target = resolve(o.target);
  let stats;
  try {
    stats = lstatSync(target);
  } catch {
    throw new UsageError(`no such file or folder: ${safeText(o.target, 200)}`);
  }

  // A link given on the command line is followed when it names a folder (the instructor's own
  // choice); links inside the folder never are, and a linked file is not graded.
  if (stats.isSymbolicLink()) {
    try {
      if (statSync(target).isDirectory()) stats = statSync(target);
    } catch {
      // a dangling link: graded as "a symbolic link" below
    }
  }
  const assignment = o.assignment === undefined ? undefined : gradedAssignment(loadAssignment(o.assignment));
  const exerciseList = assignment?.exercises ?? EXERCISES;
  if (stats.isDirectory() && o.results) return gradeGradescopeFolder(target, o, assignment, o.results, log);

  if (!stats.isDirectory()) {
    const name = basename(target);
    const kind = notRegular(stats);
    const [result] = kind
      ? [ungradable(target, name, `${name} is ${kind}: only regular files are graded`, o.seed, exerciseList)]
      : await gradeAll([{ path: target, relative: name }], o, assignment, () => undefined);
    const file = o.results ?? join(o.out, resultFileNames([name])[0]);
    writeJson(file, toGradescope(result));
    log(submissionSummary(result));
    log(`results: ${safeText(file, 300)}`);
    return 0;
  }

  const found = findNotebooks(target, o.out);
  const notebooks = found.filter((f) => !f.skipped);
  const skipped: SkippedFile[] = found.filter((f) => f.skipped).map((f) => ({ name: f.relative, reason: f.skipped as string }));
  if (notebooks.length === 0 && skipped.length === 0) throw new UsageError(`no .ipynb files in ${safeText(o.target, 200)}`);
  for (const s of skipped) log(`skipped ${safeText(s.name, 200)}: ${s.reason}`);
  const names = resultFileNames(notebooks.map((f) => f.relative));
  const bar = new ProgressBar(notebooks.length);
  let done = 0;
  bar.update(0, "");
  const results = await gradeAll(notebooks, o, assignment, (index, result) => {
    writeJson(join(o.out, names[index]), toGradescope(result));
    bar.update(++done, notebooks[index].relative);
  });
  mkdirSync(o.out, { recursive: true });
  const csv = join(o.out, "scores.csv");
  writeFileNoFollow(csv, scoresCsv(results, exerciseList, skipped));
  if (!o.quiet) for (const r of results) log(submissionSummary(r));
  log(folderSummary(results));
  log(`results: ${safeText(o.out, 300)}/*.results.json, scores: ${safeText(csv, 300)}`);
  return 0;
}

/** Runs the gradescope-bundle command. */
export function bundleCommand(args: string[], env: NodeJS.ProcessEnv = process.env, log: (s: string) => void = (s) => console.log(s)): number {
  let out = "autograder.zip";
  let seed = env.ADAPTIVE_LR_SEED || "";
  let assignment: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if ((a === "--out" || a === "--seed" || a === "--assignment") && i + 1 >= args.length) throw new UsageError(`${a} needs a value`);
    if (a === "--out") out = args[++i];
    else if (a === "--seed") seed = args[++i];
    else if (a === "--assignment") assignment = args[++i];
    else throw new UsageError(`unknown option ${safeText(a, 80)}`);
  }
  if (!seed) throw new UsageError("gradescope-bundle needs the seed of your hidden cases: --seed <text> or ADAPTIVE_LR_SEED (keep it private)");
  // An assignment file is checked (loaded) before it is bundled.
  if (assignment !== undefined) loadAssignment(assignment);
  const summary = writeGradescopeBundle(resolve(out), seed, assignment);
  log(`wrote ${out}: ${summary.files.join(", ")} (${summary.bytes} bytes); upload it as the autograder of a Gradescope programming assignment`);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === "grade") {
      if (rest.includes("-h") || rest.includes("--help")) {
        console.log(USAGE);
        return 0;
      }
      return await gradeCommand(rest);
    }
    if (command === "gradescope-bundle") return bundleCommand(rest);
    if (command === "assignment") return assignmentCommand(rest);
    if (command === undefined || command === "-h" || command === "--help" || command === "help") {
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    }
    throw new UsageError(`unknown command ${JSON.stringify(safeText(command, 80))}`);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`adaptive-lr: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof AssignmentUsageError) {
      console.error(`adaptive-lr assignment: ${e.message}\n\n${ASSIGNMENT_USAGE}`);
      return 2;
    }
    if (e instanceof AssignmentError) {
      console.error(`adaptive-lr: ${e.message}`);
      return 2;
    }
    console.error(`adaptive-lr: ${(e as Error).stack ?? e}`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
