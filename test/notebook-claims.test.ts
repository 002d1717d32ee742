/**
 * The claims the executed lecture notebooks make (docs/notebooks.md, conventions 1 and 2), checked
 * by scripts/notebook-claims.js: every teaching copy of an update rule agrees with the library to
 * 1e-12, and every number the markdown quotes as a result appears in a printed output.
 *
 * The checker is unit-tested on small synthetic notebooks; the @slow part reads the notebooks that
 * course.js already executed for test/notebooks.test.ts (one shared build, nothing runs twice).
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { courseBuild, pageName, removeCourseBuild } from "./helpers/course";
import type { CourseBuild } from "./helpers/course";
import { repoRoot, tools } from "./helpers/notebooks";

interface Quoted { text: string; value: number; resolution: number; line: string; lineNumber: number }
interface Claims {
  MAX_DIFFERENCE: number;
  EXPECTED_COPIES: Record<string, string[]>;
  quotedNumbers(markdown: string): Quoted[];
  checkNotebook(nb: unknown, name: string): string[];
  checkNotebookFile(file: string): string[];
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const claims = require(path.join(repoRoot(), "scripts", "notebook-claims.js")) as Claims;

type Cell = { cell_type: string; source: string; metadata: object; outputs?: object[]; execution_count?: null };
const md = (source: string): Cell => ({ cell_type: "markdown", source, metadata: {} });
const printed = (textOut: string): Cell => ({ cell_type: "code", source: "console.log(...)", metadata: {}, execution_count: null, outputs: [{ output_type: "stream", name: "stdout", text: textOut }] });
const notebook = (cells: Cell[], inputNumbers?: Record<string, string>) => ({
  nbformat: 4, nbformat_minor: 5, cells,
  metadata: { kernelspec: { name: "tslab" }, ...(inputNumbers ? { "adaptive-lr": { inputNumbers } } : {}) },
});
const copyLine = (name: string, diff: string, steps = 40) => `teaching copy vs optimizers.${name}: max |difference| = ${diff} over ${steps} steps\n`;

describe("notebook claims checker (scripts/notebook-claims.js)", () => {
  describe("convention 2: quoted numbers", () => {
    it("fails a quoted result with no output behind it, naming the notebook, the number and the markdown line", () => {
      const nb = notebook([md("## Result\nGD reaches the minimum\nat step 172, loss 0.629."), printed("final loss 0.6287\n")]);
      const problems = claims.checkNotebook(nb, "10-demo.ipynb");
      expect(problems).to.have.length(1);
      expect(problems[0]).to.contain("10-demo.ipynb").and.contain("markdown cell 0, line 3").and.contain('"172"').and.contain("at step 172, loss 0.629.");
    });

    it("accepts a quoted number that rounds a printed one, not a coarser printed one", () => {
      expect(claims.checkNotebook(notebook([md("loss 0.629 and 0.63, step 91"), printed("loss = 0.62875 at step 91\n")]), "x.ipynb")).to.deep.equal([]);
      const coarse = claims.checkNotebook(notebook([md("loss 0.629"), printed("loss = 0.6\n")]), "x.ipynb");
      expect(coarse.join("\n")).to.contain('"0.629" appears in no output');
      const other = claims.checkNotebook(notebook([md("loss 0.631"), printed("loss = 0.6287\n")]), "x.ipynb");
      expect(other.join("\n")).to.contain('"0.631" appears in no output');
      // 10^{-4} and 1.2 \times 10^{-4} read as numbers; a printed 1.20e-4 or 0.00012 backs them.
      expect(claims.checkNotebook(notebook([md("b is $1.2 \\times 10^{-4}$, about $10^{-4}$"), printed("b = 1.20e-4\n")]), "x.ipynb")).to.deep.equal([]);
    });

    it("does not count charts as outputs", () => {
      const chart: Cell = { cell_type: "code", source: "show(...)", metadata: {}, outputs: [{ output_type: "display_data", data: { "text/html": "<div>0.629</div>", "application/vnd.plotly.v1+json": { data: [{ y: [0.629] }] }, "text/plain": "0.629" } }] };
      expect(claims.checkNotebook(notebook([md("loss 0.629"), chart]), "x.ipynb").join("\n")).to.contain('"0.629" appears in no output');
    });

    it("leaves out inputs and references: hyperparameter assignments, code, display math, headings, list markers, notebook refs, years, small integers", () => {
      const text = [
        "## 3. Loss 2.5",
        "1. With $\\eta = 0.1$, $\\beta_1 = 0.9$, $\\eta_{\\max} = 1.5$, $T = 50$ and eta = 0.05 (see notebook 09, notebooks 04 and 12, cell 13, exercise 10).",
        "2. Code `train({ epochs: 300 })`, $$\\eta_t = 0.77 \\cdot t$$ and Reddi et al. (2018) over 3 steps, from $(-2, -2)$; `0.42`.",
      ].join("\n");
      expect(claims.quotedNumbers(text).map((q) => q.text)).to.deep.equal(["2.5"]);
      // ...but an indexed value of a schedule is a result: \eta_{20} = 0.55.
      expect(claims.quotedNumbers("so $\\eta_{20} = 0.55$ and $\\lambda_{\\max} \\approx 24.8$").map((q) => q.text)).to.deep.equal(["0.55", "24.8"]);
    });

    it("skips the notebook's declared input numbers, and rejects unused or unexplained ones", () => {
      const nb = notebook([md("500 points, loss 0.629"), printed("loss 0.6290\n")], { "500": "points in datasets.sparse()" });
      expect(claims.checkNotebook(nb, "x.ipynb")).to.deep.equal([]);
      const unused = notebook([md("loss 0.629"), printed("loss 0.6290\n")], { "500": "points" });
      expect(claims.checkNotebook(unused, "x.ipynb").join("\n")).to.contain('inputNumbers lists "500", which no markdown cell quotes');
      expect(() => claims.checkNotebook(notebook([md("500")], { "500": "" }), "x.ipynb")).to.throw('inputNumbers entry "500"');
      expect(() => claims.checkNotebook(notebook([md("500")], { "about 500": "points" }), "x.ipynb")).to.throw("needs a plain number");
    });
  });

  describe("convention 1: teaching copies", () => {
    it("fails a difference of 1e-9, passes 4.44e-16 and 0", () => {
      const bad = claims.checkNotebook(notebook([printed(copyLine("adagrad", "1.00e-9"))]), "02-adagrad.ipynb");
      expect(bad).to.have.length(1);
      expect(bad[0]).to.contain("02-adagrad.ipynb").and.contain("optimizers.adagrad").and.contain("1.00e-9");
      expect(claims.checkNotebook(notebook([printed(copyLine("adagrad", "4.44e-16"))]), "02-adagrad.ipynb")).to.deep.equal([]);
      expect(claims.checkNotebook(notebook([printed(copyLine("adagrad", "0"))]), "02-adagrad.ipynb")).to.deep.equal([]);
      expect(claims.checkNotebook(notebook([printed(copyLine("adagrad", "NaN"))]), "02-adagrad.ipynb")).to.have.length(1);
    });

    it("requires one line per rule an algorithm notebook teaches (01-08), none elsewhere", () => {
      const missing = claims.checkNotebook(notebook([printed(copyLine("gd", "0") + copyLine("nag", "0"))]), "01-sparse-features.ipynb");
      expect(missing).to.have.length(1);
      expect(missing[0]).to.contain("01-sparse-features.ipynb").and.contain("optimizers.momentum");
      expect(claims.checkNotebook(notebook([md("no rule here")]), "10-learning-rate-schedules.ipynb")).to.deep.equal([]);
      expect(Object.keys(claims.EXPECTED_COPIES)).to.deep.equal(["01", "02", "03", "04", "05", "06", "07", "08"]);
    });

    it("rejects a malformed teaching-copy line and too few steps", () => {
      const odd = claims.checkNotebook(notebook([printed("teaching copy vs optimizers.adam: max difference 0\n" + copyLine("adam", "0"))]), "05-adam.ipynb");
      expect(odd.join("\n")).to.contain("is not in the form");
      expect(claims.checkNotebook(notebook([printed(copyLine("adam", "0", 3))]), "05-adam.ipynb").join("\n")).to.contain("at least 10 steps");
    });
  });
});

// Root hook, like test/notebooks.test.ts's: remove the shared course build once every file has used it.
after(async function () {
  await removeCourseBuild(process.env.ADAPTIVE_LR_KEEP_SITE === "1");
});

describe("notebook claims: every executed lecture notebook backs its numbers @slow @notebooks", function () {
  this.timeout(30 * 60 * 1000);
  let course: CourseBuild;
  const lectureNotebooks = tools().listNotebooks();

  before(async function () {
    course = await courseBuild();
  });

  for (const file of lectureNotebooks) {
    const rel = path.relative(repoRoot(), file);
    it(`${rel}: teaching copies agree with the library, quoted numbers appear in outputs`, function () {
      const entry = course.notebooks.find((e) => e.name === pageName(file));
      if (!entry) throw new Error(`course.js did not execute ${rel}:\n${course.log}`);
      expect(entry.ok, `${rel} did not execute (see the notebooks test)`).to.equal(true);
      const executed = path.join(course.dir, entry.ipynb);
      expect(fs.existsSync(executed), executed).to.equal(true);
      const problems = claims.checkNotebookFile(executed);
      expect(problems, `${problems.length} problem(s):\n${problems.join("\n")}`).to.deep.equal([]);
    });
  }
});
