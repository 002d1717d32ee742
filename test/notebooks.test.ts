import { expect } from "chai";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { courseBuild, pageName, removeCourseBuild } from "./helpers/course";
import type { CourseBuild, ManifestEntry } from "./helpers/course";
import { executeNotebook, formatFailure, listNotebooks, repoRoot, tools } from "./helpers/notebooks";

const MAX_BYTES = 6 * 1024 * 1024;
const root = repoRoot();

function entryFor(course: CourseBuild, file: string): ManifestEntry {
  const entry = course.notebooks.find((e) => e.name === pageName(file));
  if (!entry) throw new Error(`course.js did not execute ${file}:\n${course.log}`);
  return entry;
}

function failureText(entry: ManifestEntry): string {
  if (!entry.error) return "";
  return `${entry.source} failed in cell ${entry.error.cell}:\n${entry.error.source}\n---\n${entry.error.message}`;
}

// Root hook: after every test file has used the shared build, remove it (keep it with ADAPTIVE_LR_KEEP_SITE=1).
after(async function () {
  const dir = await removeCourseBuild(process.env.ADAPTIVE_LR_KEEP_SITE === "1");
  if (dir) console.log(`    course build kept in ${dir}`);
});

describe("notebooks: every notebook runs through the real tslab kernel @slow @notebooks", function () {
  this.timeout(30 * 60 * 1000);
  const notebooks = listNotebooks();
  let course: CourseBuild;

  before(async function () {
    course = await courseBuild();
  });

  after(function () {
    if (!course) return;
    const rows = course.notebooks.map((e) =>
      `    ${e.source.padEnd(48)} ${e.seconds.toFixed(1).padStart(6)} s  ${(e.bytes / 1e6).toFixed(2).padStart(5)} MB  ${e.charts} chart(s)`);
    console.log(`\n    headless execution (course.js, ${course.notebooks.length} notebooks, ${course.seconds.toFixed(1)} s wall):\n${rows.join("\n")}`);
  });

  it("finds the lecture notebooks (and notebooks/exercises/** when present)", function () {
    expect(notebooks.length).to.be.greaterThan(0);
    expect(notebooks.map((f) => path.basename(f))).to.include("01-sparse-features.ipynb");
    const names = course.notebooks.map((e) => e.name).sort();
    expect(names).to.deep.equal(notebooks.map(pageName).sort(), course.log);
  });

  for (const file of notebooks) {
    const rel = path.relative(root, file);
    describe(rel, function () {
      it("executes every cell without error", function () {
        const entry = entryFor(course, file);
        expect(entry.ok, failureText(entry)).to.equal(true);
        expect(entry.error, failureText(entry)).to.equal(null);
      });

      it("is at most 6 MB once executed", function () {
        const entry = entryFor(course, file);
        expect(entry.bytes, `${rel}: ${entry.bytes} bytes`).to.be.at.most(MAX_BYTES);
        expect(fs.statSync(path.join(course.dir, entry.ipynb)).size).to.equal(entry.bytes);
      });

      it("uses the project's TypeScript kernel and is committed without outputs", function () {
        const nb = JSON.parse(fs.readFileSync(file, "utf8"));
        expect(nb.metadata.kernelspec.name).to.equal("tslab");
        const withOutputs = nb.cells.filter((c: { outputs?: unknown[] }) => (c.outputs ?? []).length > 0).length;
        expect(withOutputs, `${rel}: clear the outputs before committing`).to.equal(0);
      });

      it("is signed after execution, so Jupyter trusts its chart scripts", function () {
        const entry = entryFor(course, file);
        expect(entry.ok, failureText(entry)).to.equal(true);
        const python = tools().findPython() as string;
        const check = spawnSync(python, ["-c",
          "import sys, nbformat\nfrom nbformat.sign import NotebookNotary\n" +
          "nb = nbformat.read(sys.argv[1], as_version=4)\nprint(NotebookNotary().check_signature(nb))",
          path.join(course.dir, entry.ipynb)], { encoding: "utf8" });
        expect(check.stdout.trim(), check.stderr).to.equal("True");
      });
    });
  }
});

describe("notebook runner: a failing cell reports its real error text @slow @notebooks", function () {
  this.timeout(120000);

  it("names the cell and carries tslab's stderr text, and counts the charts shown before it", async function () {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "adaptive-lr-failing-"));
    const file = path.join(dir, "failing.ipynb");
    const cell = (source: string) => ({ cell_type: "code", metadata: {}, source, outputs: [], execution_count: null });
    fs.writeFileSync(file, JSON.stringify({
      nbformat: 4, nbformat_minor: 5,
      metadata: { kernelspec: { name: "tslab", display_name: "TypeScript (adaptive-lr)", language: "typescript" } },
      cells: [
        cell('import { charts, show } from "adaptive-lr";'),
        cell("show(charts.lpBalls([1, 2]));"),
        cell('const table = { rows: 3 };\nthrow new Error(`the table has ${table.rows} rows, wanted 4`);'),
        cell('console.log("never reached");'),
      ],
    }));
    const run = await executeNotebook(file, { cwd: path.join(root, "notebooks") });
    expect(run.ok).to.equal(false);
    expect(run.failedCell?.index).to.equal(2);
    expect(run.errors.join("\n")).to.contain("Error: the table has 3 rows, wanted 4");
    expect(formatFailure(run)).to.contain("cell 2").and.contain("wanted 4");
    expect(run.charts).to.equal(1);
    const texts = run.outputs.map((o) => JSON.stringify(o));
    expect(texts.some((t) => t.includes("never reached"))).to.equal(false);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(path.dirname(run.executedPath), { recursive: true, force: true });
  });
});

describe("notebook tooling (scripts/notebook-tools.js, scripts/link-self.js)", function () {
  it("lists notebooks in name order, exercises (nested) after them, never checkpoints", function () {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "adaptive-lr-list-"));
    for (const rel of ["10-b.ipynb", "02-a.ipynb", "notes.md", "exercises/x/2.ipynb", "exercises/1.ipynb", ".ipynb_checkpoints/02-a-checkpoint.ipynb", "exercises/.ipynb_checkpoints/1-checkpoint.ipynb"]) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), "{}");
    }
    const rel = (files: string[]) => files.map((f) => path.relative(dir, f));
    expect(rel(tools().listNotebooks({ root: dir }))).to.deep.equal(["02-a.ipynb", "10-b.ipynb"]);
    expect(rel(tools().listNotebooks({ root: dir, exercises: true }))).to.deep.equal(
      ["02-a.ipynb", "10-b.ipynb", path.join("exercises", "1.ipynb"), path.join("exercises", "x", "2.ipynb")]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("links node_modules/<package> to the project root, idempotently, replacing a stale link", function () {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ensureSelfLink } = require(path.join(root, "scripts", "link-self.js")) as { ensureSelfLink(root: string): string };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "adaptive-lr-link-"));
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "demo-pkg", main: "index.js" }));
    fs.writeFileSync(path.join(dir, "index.js"), "module.exports = 42;");
    expect(ensureSelfLink(dir)).to.equal("linked");
    expect(ensureSelfLink(dir)).to.equal("ok");
    expect(fs.realpathSync(path.join(dir, "node_modules", "demo-pkg"))).to.equal(fs.realpathSync(dir));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(require(require.resolve("demo-pkg", { paths: [path.join(dir, "sub")] }))).to.equal(42);
    fs.unlinkSync(path.join(dir, "node_modules", "demo-pkg"));
    fs.symlinkSync(os.tmpdir(), path.join(dir, "node_modules", "demo-pkg"));
    expect(ensureSelfLink(dir)).to.equal("linked");
    expect(fs.realpathSync(path.join(dir, "node_modules", "demo-pkg"))).to.equal(fs.realpathSync(dir));
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
