#!/usr/bin/env node
/**
 * The `adaptive-lr` command.
 *
 *   adaptive-lr grade <submission.ipynb | folder> [options]
 *   adaptive-lr assignment build <file.assignment.json> --out <dir>
 *
 * A file: grades it, prints a summary and writes Gradescope's results.json.
 * A folder: grades every .ipynb in it (sub-folders included), one sandboxed process per
 * submission, with a progress bar; writes one results file per submission and scores.csv.
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "fs";
import { basename, dirname, join, relative, resolve } from "path";
import { gradedAssignment, loadAssignment } from "./assignments";
import { ASSIGNMENT_USAGE, AssignmentUsageError, assignmentCommand } from "./assignments/command";
import { AssignmentError } from "./assignments/errors";
import { EXERCISES, maxScoreOf } from "./grading/exercises";
import { DEFAULT_SEED, gradeSubmission, type SubmissionResult } from "./grading/grade";
import { ProgressBar } from "./grading/progress";
import { scoresCsv } from "./grading/report-csv";
import { toGradescope } from "./grading/report-gradescope";
import { folderSummary, submissionSummary } from "./grading/report-text";
import { DEFAULT_LIMITS, type Limits } from "./grading/sandbox";

export const USAGE = `Usage: adaptive-lr grade <submission.ipynb | folder> [options]
       adaptive-lr assignment build <file.assignment.json> [--out <dir>]   (see adaptive-lr assignment --help)

Grades the exercise notebook(s): finds the cells tagged answer:<exercise>, runs them in a
sandboxed process per submission on visible and hidden cases, and writes Gradescope results.

Options:
  --assignment <file> grade against this assignment file (the one its notebooks were built from)
                      [the kit's built-in exercises]
  --out <dir>         where results go [./grading-results]
  --results <file>    (one submission) write results.json exactly here, e.g. /autograder/results/results.json
  --seed <text>       seed of the hidden cases [env ADAPTIVE_LR_SEED, else a built-in seed]
  --timeout <s>       time limit per exercise, seconds [${DEFAULT_LIMITS.timeoutMs / 1000}]
  --memory <MB>       memory limit of the grading process [${DEFAULT_LIMITS.memoryMb}]
  --max-output <kB>   output a submission may print [${DEFAULT_LIMITS.maxOutputBytes / 1000}]
  --quiet             no per-submission details, only the table
  -h, --help          this help
`;

interface CliOptions {
  target: string;
  out: string;
  results?: string;
  seed: string;
  /** The assignment file, when not the built-in exercises. */
  assignment?: string;
  limits: Limits;
  quiet: boolean;
}

class UsageError extends Error {}

function positiveNumber(flag: string, value: string | undefined): number {
  const x = Number(value);
  if (value === undefined || !Number.isFinite(x) || x <= 0) throw new UsageError(`${flag} must be a number > 0, got ${value === undefined ? "nothing" : JSON.stringify(value)}`);
  return x;
}

export function parseGradeArgs(args: string[], env: NodeJS.ProcessEnv = process.env): CliOptions {
  const o: Partial<CliOptions> & { limits: Limits } = { out: "grading-results", seed: env.ADAPTIVE_LR_SEED || DEFAULT_SEED, limits: { ...DEFAULT_LIMITS }, quiet: false };
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
    else if (a === "--timeout") o.limits.timeoutMs = positiveNumber(a, value()) * 1000;
    else if (a === "--memory") o.limits.memoryMb = Math.round(positiveNumber(a, value()));
    else if (a === "--max-output") o.limits.maxOutputBytes = Math.round(positiveNumber(a, value()) * 1000);
    else if (a === "--quiet") o.quiet = true;
    else if (a.startsWith("-")) throw new UsageError(`unknown option ${a}`);
    else if (o.target === undefined) o.target = a;
    else throw new UsageError(`only one submission file or folder, got also ${JSON.stringify(a)}`);
  }
  if (o.target === undefined) throw new UsageError("give a submission .ipynb file or a folder of them");
  return o as CliOptions;
}

/** Every .ipynb under `dir`, sorted, skipping checkpoints and the output folder. */
export function findNotebooks(dir: string, skip: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== ".ipynb_checkpoints" && entry.name !== "node_modules" && resolve(p) !== resolve(skip)) walk(p);
      } else if (entry.name.endsWith(".ipynb")) out.push(p);
    }
  };
  walk(dir);
  return out;
}

function writeJson(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(value, null, 2) + "\n");
}

function resultsName(root: string, file: string): string {
  return relative(root, file).replace(/\.ipynb$/, "").replace(/[\\/]/g, "__") + ".results.json";
}

/** Runs the grade command; returns the process exit code (0 once grading finished). */
export async function gradeCommand(args: string[], log: (s: string) => void = (s) => console.log(s)): Promise<number> {
  const o = parseGradeArgs(args);
  const target = resolve(o.target);
  if (!existsSync(target)) throw new UsageError(`no such file or folder: ${o.target}`);
  const assignment = o.assignment === undefined ? undefined : gradedAssignment(loadAssignment(o.assignment));
  const exerciseList = assignment?.exercises ?? EXERCISES;
  const options = { seed: o.seed, limits: o.limits, assignment };

  if (statSync(target).isFile()) {
    const result = await gradeSubmission(target, options);
    const file = o.results ?? join(o.out, `${basename(target).replace(/\.ipynb$/, "")}.results.json`);
    writeJson(file, toGradescope(result));
    log(submissionSummary(result));
    log(`results: ${file}`);
    return 0;
  }

  const files = findNotebooks(target, o.out);
  if (files.length === 0) throw new UsageError(`no .ipynb files in ${o.target}`);
  const bar = new ProgressBar(files.length);
  const results: SubmissionResult[] = [];
  bar.update(0, "");
  for (const file of files) {
    const result = await gradeSubmission(file, options).catch(
      (e: Error): SubmissionResult => ({ name: basename(file), file, score: 0, maxScore: exerciseList.reduce((s, ex) => s + maxScoreOf(ex), 0), exercises: [], error: `the grader failed on this file: ${e.message}` }),
    );
    results.push(result);
    writeJson(join(o.out, resultsName(target, file)), toGradescope(result));
    bar.update(results.length, relative(target, file));
  }
  mkdirSync(o.out, { recursive: true });
  const csv = join(o.out, "scores.csv");
  writeFileSync(csv, scoresCsv(results, exerciseList));
  if (!o.quiet) for (const r of results) log(submissionSummary(r));
  log(folderSummary(results));
  log(`results: ${o.out}/*.results.json, scores: ${csv}`);
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
    if (command === "assignment") return assignmentCommand(rest);
    if (command === undefined || command === "-h" || command === "--help" || command === "help") {
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    }
    throw new UsageError(`unknown command ${JSON.stringify(command)}`);
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
