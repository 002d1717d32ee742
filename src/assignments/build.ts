/**
 * `adaptive-lr assignment build <file> --out <dir>`: the student notebook and the solutions
 * notebook of an assignment, built from ONE source (the catalog's text of each exercise, in the
 * percent format of `percent.ts`), as the kit's own exercises always were.
 *
 * The notebook: a title and the standard instructions (+ the assignment's intro), one code cell
 * that makes `check` for this assignment, then every exercise in the file's order (its optional
 * `before` markdown, its text from `notebooks/exercises/source/catalog/<id>.pct.ts` with `{n}`
 * replaced by its number, or a generated question), and a closing note. Both notebooks carry the
 * assignment's identity in their metadata (`adaptive_lr`), which the grader checks.
 *
 * The catalog's texts hold the solutions, so they are not in the npm package (like the solutions
 * notebook): build assignments from a clone of the kit's repository.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import { dirname, join, resolve } from "path";
import { answerTag } from "../grading/exercises";
import { catalogEntry } from "./catalog";
import { AssignmentError } from "./errors";
import type { Assignment, AssignmentItem, QuestionItem } from "./file";
import { METADATA_KEY, identityOf, publicSpec } from "./identity";
import { computeAnswer } from "./questions";
import { buildNotebook, parsePercent, serializeNotebook, type PercentCell } from "./percent";

/** The kit's root folder: the nearest folder above this file whose package.json is adaptive-lr's. */
export function kitRoot(from: string = __dirname): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "adaptive-lr") return dir;
      } catch {
        // not a readable package.json: keep going up
      }
    }
    if (dirname(dir) === dir) throw new Error(`kitRoot: no adaptive-lr package.json above ${from}`);
  }
}

/** Where the catalog's notebook texts (with their solutions) are. */
export function catalogSourceDir(): string {
  return join(kitRoot(), "notebooks", "exercises", "source", "catalog");
}

/** The types of `adaptive-lr/check` an answer cell may use, in import order. */
const CHECK_TYPES = [
  "Batch", "StepResult", "AdagradState", "AdagradHyper", "RmspropState", "RmspropHyper", "AdadeltaState", "AdadeltaHyper",
  "AdamState", "AdamaxState", "NadamState", "AdamHyper", "AmsgradState", "CyclicHyper", "CosineHyper",
];

const markdown = (text: string): PercentCell => ({ type: "markdown", tags: [], lines: text.replace(/\r\n/g, "\n").split("\n") });
const code = (text: string, tags: string[] = []): PercentCell => ({ type: "code", tags, lines: text.split("\n") });

const RULES = `Implement the update rules of the lecture yourself. Each exercise is one **answer cell** (it
defines one function with a fixed name and signature) followed by a **check cell** that runs
your function against the course library on small visible cases and prints \`PASS\`/\`FAIL\`, the
first step that goes wrong and, for classic mistakes, a hint.

Rules of the game:
- Write your code **only in the answer cells** (they are tagged \`answer:<exercise>\`; the grader
  finds them by that tag, so you may add, move or delete other cells, but keep the tags and the
  function names).
- Each answer cell must be **self-contained**: the grader runs every answer cell on its own, so
  define helpers inside the cell and do not \`import\` anything there.
- Do not mutate the arguments; return new arrays.
- The grader runs the same checks plus **hidden cases** (other data, starting points and
  hyperparameters), with a time limit.`;

const OPTIMIZER_RULES = `Every optimizer exercise trains the lecture's sigmoid neuron, parameters \`params = [w, b]\`.
Your step function receives the **batch**: \`batch.size\` points and \`batch.gradient(i)\`, the
gradient \`[dw_i, db_i]\` of point \`i\`'s loss at the current parameters. The batch gradient is
the **sum** over the points, as in the lecture's code (\`dw += grad_w(w, b, x, y)\`).
The state has the names the library uses (\`v\`, \`u\`, \`m\`, \`vHat\`, \`t\`); you get the previous state
and return the new one. \`t\` counts the updates already done: it is 0 before the first update.`;

const SCHEDULE_RULES = `Every schedule exercise is a function \`(step, hp) => learning rate\`: \`step\` is the 0-based index
of the update (step 0 is the first update) and \`hp\` holds the schedule's hyperparameters.`;

const DONE = `## Done?

Save the notebook and hand it in as it is. The grader runs \`npx adaptive-lr grade <your notebook>\`:
it reruns these checks, adds hidden cases and gives partial credit per case.`;

/** The cells of one catalog exercise, numbered `n`, checked for its answer cell and check call. */
function catalogCells(id: string, n: number, dir: string): PercentCell[] {
  const file = join(dir, `${id}.pct.ts`);
  if (!existsSync(file)) {
    throw new AssignmentError(
      `the text of exercise ${JSON.stringify(id)} (${file}) is not here: the catalog's notebook texts hold the solutions and are not in the npm package; build assignments from a clone of the kit's repository`,
    );
  }
  const entry = catalogEntry(id)!;
  const cells = parsePercent(readFileSync(file, "utf8").replace(/\{n\}/g, String(n)), file);
  const answers = cells.filter((c) => c.tags.includes(answerTag(id)));
  if (answers.length !== 1 || !new RegExp(`\\b(function|const) ${entry.answerName}\\b`).test(answers[0].lines.join("\n"))) {
    throw new Error(`catalogCells: ${file} must have one cell tagged ${answerTag(id)} defining ${entry.answerName}`);
  }
  if (!cells.some((c) => c.type === "code" && c.lines.join("\n").includes(`check.${id}(${entry.answerName})`))) {
    throw new Error(`catalogCells: ${file} must call check.${id}(${entry.answerName}) after its answer cell`);
  }
  return cells;
}

/** The cells of an "explain" question; the solution is the library's number. */
function questionCells(q: QuestionItem, n: number): PercentCell[] {
  return [
    markdown(`## Exercise ${n} (explain): ${q.title}\n\n${q.text}\n\nAnswer with a number (within ${q.tolerance * 100}% of the library's).`),
    code(
      [
        "// BEGIN SOLUTION",
        `const ${q.id}: number = ${computeAnswer(q.compute)}; // computed by the library`,
        `// STUB: const ${q.id}: number = NaN; // replace NaN by your answer`,
        "// END SOLUTION",
      ].join("\n"),
      [answerTag(q.id)],
    ),
    code(`check.${q.id}(${q.id});`),
  ];
}

function itemCells(item: AssignmentItem, n: number, dir: string): PercentCell[] {
  const before = item.before !== undefined ? [markdown(item.before)] : [];
  if (item.kind === "question") return [...before, ...questionCells(item, n)];
  return [...before, ...catalogCells(item.exercise, n, dir)];
}

/** Every cell of the assignment's notebook (both versions come from these). */
export function assignmentCells(a: Assignment, dir: string = catalogSourceDir()): PercentCell[] {
  const body = a.items.flatMap((item, i) => itemCells(item, i + 1, dir));
  const kinds = new Set(a.items.map((item) => (item.kind === "question" ? "value" : catalogEntry(item.exercise)?.kind)));
  const intro = [`# ${a.title}`, "", RULES];
  if (kinds.has("optimizer")) intro.push("", OPTIMIZER_RULES);
  if (kinds.has("schedule")) intro.push("", SCHEDULE_RULES);
  if (a.intro) intro.push("", a.intro);
  const used = CHECK_TYPES.filter((t) => body.some((c) => c.type === "code" && new RegExp(`\\b${t}\\b`).test(c.lines.join("\n"))));
  const setup = [
    `import { assignmentChecks } from "adaptive-lr/check";`,
    ...(used.length ? [`import type { ${used.join(", ")} } from "adaptive-lr/check";`] : []),
    `// The checks of this assignment: the same visible cases as the grader's.`,
    `const check = assignmentChecks(${JSON.stringify(publicSpec(a))});`,
  ];
  return [markdown(intro.join("\n")), code(setup.join("\n")), ...body, markdown(DONE)];
}

export interface BuiltNotebooks {
  /** File text of the students' notebook. */
  stub: string;
  /** File text of the solutions notebook. */
  solution: string;
}

/** Both notebooks' text. */
export function buildAssignmentNotebooks(a: Assignment, dir: string = catalogSourceDir()): BuiltNotebooks {
  const cells = assignmentCells(a, dir);
  const metadata = { [METADATA_KEY]: identityOf(a) };
  return {
    stub: serializeNotebook(buildNotebook(cells, "stub", metadata)),
    solution: serializeNotebook(buildNotebook(cells, "solution", metadata)),
  };
}

/** Where `writeAssignment` puts the two notebooks. */
export function outputFiles(a: Assignment, outDir: string): { stub: string; solution: string } {
  return { stub: join(outDir, `${a.id}.ipynb`), solution: join(outDir, `${a.id}-solutions.ipynb`) };
}

/** Builds and writes `<outDir>/<id>.ipynb` and `<outDir>/<id>-solutions.ipynb`; returns their paths. */
export function writeAssignment(a: Assignment, outDir: string): { stub: string; solution: string } {
  const built = buildAssignmentNotebooks(a);
  const files = outputFiles(a, outDir);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(files.stub, built.stub);
  writeFileSync(files.solution, built.solution);
  return files;
}
