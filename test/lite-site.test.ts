/**
 * The JupyterLite site (issue 13), end to end: builds it with lite/scripts/lite.js (installing
 * lite/'s dependencies from its lockfile when needed) from the executed notebooks of the shared
 * course build, serves it on 127.0.0.1 (ephemeral port), and in Chromium, through JupyterLab's
 * own menus, for every notebook the site ships (discovered, never listed here):
 *   - the saved charts show before anything runs (the site's Plotly renderer);
 *   - Run All: no error output, as many charts as under tslab, the printed text equal to the
 *     tslab run cell by cell (KNOWN_DIFFERENCES lists any exception with its reason);
 *   - Kernel > Restart, then Run All again: same text and charts;
 *   - no request leaves the site.
 * Also: an edit persists across a reload (browser storage) and Help > Clear Browser Data restores
 * the original notebook.
 */
import { expect } from "chai";
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium } from "playwright-core";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { courseBuild } from "./helpers/course";
import type { CourseBuild } from "./helpers/course";
import { repoRoot } from "./helpers/notebooks";

interface CellReport { index: number; stdout: string; stderr: string; errors: string[]; plotlyOutputs: number; charts: number; widgets: number; mountedWidgets: number }
interface Drive {
  openNotebook(page: Page, siteUrl: string, notebookPath: string): Promise<{ shownSeconds: number; readySeconds: number }>;
  runAll(page: Page): Promise<number>;
  readNotebook(page: Page): Promise<CellReport[]>;
  countCharts(page: Page): Promise<number>;
  waitCharts(page: Page): Promise<number>;
  waitWidgets(page: Page): Promise<number>;
  restartKernel(page: Page): Promise<void>;
  clickMenu(page: Page, menu: string, item: string): Promise<void>;
}
interface SiteTools {
  courseFiles(): { dir: string; files: string[] };
  executedName(rel: string): string;
  STORAGE_NAME: string;
}
interface Server { server: { close(): void }; url: string; requests: string[] }

/**
 * Printed lines allowed to differ between tslab (Node 20) and the browser kernel. The one cause
 * found: Chromium's V8 rounds Math.exp / Math.log / Math.pow (and **, sin, cos, ...) differently in
 * the last bit than Node 20's V8 11.3, for about 1 argument in 13 (measured; the test "Math differs"
 * below keeps that reason checked). Two kinds of lines show it:
 *   - rounding noise printed in full (a distance or gradient of 1e-15): allowed in any line, but only
 *     where both numbers are below NOISE and the rest of the line is identical;
 *   - runs that diverge, oscillate or end in near-ties amplify the last bit: each such line is listed
 *     below by notebook and by its text with the numbers replaced by "#" (runs of spaces as one:
 *     column alignment follows the numbers' widths), optionally narrowed by `only`, with the reason.
 */
const NOISE = 1e-12;
const KNOWN_DIFFERENCES: Array<{ notebook: string; skeleton: string; only?: RegExp; reason: string }> = [
  {
    notebook: "01-sparse-features.ipynb",
    skeleton: "momentum distance after # updates, # x bound: #, # x bound: #",
    reason: "at 1.1 x the stability bound momentum diverges: the distance after 300 updates (33 vs 38) amplifies last-bit differences",
  },
  {
    notebook: "01-sparse-features.ipynb",
    skeleton: "nag eta #, after # epochs: w = #, b = #, loss #",
    reason: "NAG at eta 0.1 is still far from the minimum after 200 epochs (loss 17.9) on an oscillating path: w differs in the 3rd decimal",
  },
  {
    notebook: "05-adam.ipynb",
    skeleton: "momentum distance from the minimum after # updates, eta = #: #; eta = #: #",
    reason: "momentum just above its stability limit (eta = 0.1611) diverges: the distance after 400 updates (12 vs 14) amplifies last-bit differences",
  },
  {
    notebook: "09-which-optimizer.ipynb",
    skeleton: "momentum eta = # (# x limit): spread of b over the last # steps #",
    reason: "momentum at 1.05 x its stability limit oscillates with a growing amplitude: the spread of b (1.1 vs 1.4) amplifies last-bit differences",
  },
  {
    notebook: "04-adadelta.ipynb",
    skeleton: "eta# = #: first t with loss <= #: #, final loss #",
    only: /^eta0 = 0\.1:/,
    reason: "RMSProp at eta0 = 0.1 oscillates for 300 steps: last-bit differences of Math.exp grow into the 4th decimal of the final loss (0.6731 vs 0.6728)",
  },
  {
    notebook: "04-adadelta.ipynb",
    skeleton: "eps = #: first t with loss <= #: none in #, final loss #",
    reason: "AdaDelta with eps = 1e-2 never settles in 300 steps (loss 3.7 vs 5.9, far above the minimum 0.63): the path is chaotic",
  },
  {
    notebook: "09-which-optimizer.ipynb",
    skeleton: "eta = # final loss #",
    only: /^eta = 1\.0e\+0 /,
    reason: "the log search's largest rate (eta = 1) diverges / oscillates: its final loss (4.1 vs 18.0) is chaotic",
  },
  {
    notebook: "10-learning-rate-schedules.ipynb",
    skeleton: "eta = # final loss #",
    only: /^eta = 3\.16?e-1 /,
    reason: "eta = 0.32 oscillates far from the minimum (loss 19.48): last-bit differences reach the 3rd decimal (19.4820 vs 19.4789)",
  },
  {
    notebook: "10-learning-rate-schedules.ipynb",
    skeleton: "candidates # .. #: final loss #; chosen #: #x, #: #x, #: #x, #: #x, #: #x",
    reason: "which small learning rate wins each seeded line search depends on near-ties of final losses (equal to 4 decimals): last-bit differences change some choices",
  },
  {
    notebook: "10-learning-rate-schedules.ipynb",
    skeleton: "smaller candidates: final loss #; chosen #: #x, #: #x, #: #x, #: #x, #: #x",
    reason: "as above (the same line search, older wording)",
  },
];

const NUMBER = /[-+]?\d+(?:\.\d+)?(?:e[-+]?\d+)?/gi;
const skeleton = (line: string) => line.replace(NUMBER, "#").replace(/ +/g, " ");

/** Why `browser` may differ from `tslab` (same notebook line), or undefined when it may not. */
function explainDifference(notebook: string, browser: string, tslab: string): string | undefined {
  const shape = skeleton(browser);
  if (shape !== skeleton(tslab)) return undefined;
  const a = browser.match(NUMBER) ?? [];
  const b = tslab.match(NUMBER) ?? [];
  if (a.every((x, i) => x === b[i])) return undefined; // same numbers, other text or spacing: a real difference
  const onlyNoise = a.every((x, i) => x === b[i] || Math.max(Math.abs(Number(x)), Math.abs(Number(b[i]))) < NOISE);
  if (onlyNoise) return "rounding noise below 1e-12";
  const known = KNOWN_DIFFERENCES.find((d) => d.notebook === notebook && d.skeleton === shape && (!d.only || (d.only.test(browser) && d.only.test(tslab))));
  return known?.reason;
}

const root = repoRoot();

/** Debian's Chromium with the flags of shared TOOLCHAIN.md (the same as test/browser.test.ts). */
function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  if (!fs.existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}: apt-get install chromium (or set CHROMIUM_PATH)`);
  return chromium.launch({
    executablePath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}
/** lite/'s plain-JS tooling, typed for the test (loaded by path: it is not part of the kit's sources). */
function liteScript<T>(name: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(root, "lite", "scripts", name)) as T;
}
const drive = (): Drive => liteScript<Drive>("drive.js");
const site = (): SiteTools => liteScript<SiteTools>("site.js");

function buildSite(out: string, executedDir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "lite", "scripts", "lite.js"), "--out", out, "--executed", executedDir], {
      cwd: root, stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    child.stdout.on("data", (d) => (log += d));
    child.stderr.on("data", (d) => (log += d));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(log) : reject(new Error(`lite.js exited ${code}:\n${log}`))));
  });
}

/** stdout text of each code cell of an executed (tslab) notebook, its chart and explorable counts. */
function tslabRun(file: string): { stdout: string[]; charts: number; widgets: number } {
  const nb = JSON.parse(fs.readFileSync(file, "utf8")) as { cells: Array<{ cell_type: string; outputs?: Array<{ output_type: string; name?: string; text?: string | string[]; data?: Record<string, unknown> }> }> };
  const code = nb.cells.filter((c) => c.cell_type === "code");
  const text = (t: string | string[] | undefined) => (Array.isArray(t) ? t.join("") : t ?? "");
  return {
    stdout: code.map((c) => (c.outputs ?? []).filter((o) => o.output_type === "stream" && o.name === "stdout").map((o) => text(o.text)).join("")),
    charts: code.flatMap((c) => c.outputs ?? []).filter((o) => o.data && "application/vnd.plotly.v1+json" in o.data).length,
    widgets: code.flatMap((c) => c.outputs ?? []).filter((o) => o.data && text(o.data["text/html"] as string | string[] | undefined).includes('class="adaptive-lr-explore"')).length,
  };
}

describe("JupyterLite site: every notebook runs in the browser kernel like under tslab @slow @lite", function () {
  this.timeout(30 * 60 * 1000);
  let course: CourseBuild;
  let out: string;
  let served: Server;
  let browser: Browser;
  const notebooks = site().courseFiles().files.filter((f) => f.endsWith(".ipynb"));

  before(async function () {
    course = await courseBuild();
    out = fs.mkdtempSync(path.join(os.tmpdir(), "adaptive-lr-lite-"));
    const log = await buildSite(out, path.join(course.dir, "notebooks"));
    console.log(`    ${log.trim().split("\n").join("\n    ")}`);
    served = await liteScript<{ serveSite(dir: string): Promise<Server> }>("serve.js").serveSite(out);
    browser = await launchChromium();
  });

  after(async function () {
    if (browser) await browser.close();
    if (served) served.server.close();
    if (out) fs.rmSync(out, { recursive: true, force: true });
  });

  /** A fresh browser context (own storage) with request and error logging. */
  async function newPage(): Promise<{ context: BrowserContext; page: Page; outside: string[]; pageErrors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    const outside: string[] = [];
    const pageErrors: string[] = [];
    page.on("request", (r) => { if (!r.url().startsWith(served.url) && !r.url().startsWith("data:") && !r.url().startsWith("blob:")) outside.push(r.url()); });
    page.on("pageerror", (e) => pageErrors.push(String(e && e.message)));
    return { context, page, outside, pageErrors };
  }

  it("serves every shipped notebook and no solutions", function () {
    expect(notebooks.length).to.be.greaterThan(1);
    expect(notebooks.some((f) => f.startsWith("exercises/"))).to.equal(true);
    expect(notebooks.filter((f) => f.includes("solutions"))).to.deep.equal([]);
    for (const rel of notebooks) expect(fs.existsSync(path.join(out, "files", rel)), rel).to.equal(true);
  });

  notebooks.forEach((rel, k) => {
    // restart + Run All on the first notebook and the exercises (each round costs a full redraw)
    const restart = k === 0 || rel.startsWith("exercises/");
    it(`${rel}: saved charts show, Run All matches tslab${restart ? ", restart + Run All works" : ""}`, async function () {
      const tslab = tslabRun(path.join(course.dir, "notebooks", site().executedName(rel)));
      const { context, page, outside } = await newPage();
      try {
        const d = drive();
        await d.openNotebook(page, served.url, rel);
        const saved = await d.waitCharts(page);
        expect(saved, `${rel}: saved charts drawn on open`).to.equal(tslab.charts);

        for (const round of restart ? ["Run All", "restart + Run All"] : ["Run All"]) {
          if (round !== "Run All") await d.restartKernel(page);
          await d.runAll(page);
          const charts = await d.waitCharts(page);
          const widgets = await d.waitWidgets(page);
          const cells = await d.readNotebook(page);
          // a fresh kernel after the restart counts executions from 1 again
          const first = await page.evaluate(() => window.jupyterapp.shell.currentWidget.content.widgets.find((c: { model: { type: string } }) => c.model.type === "code").model.executionCount);
          expect(first, `${rel} (${round}): execution count of the first code cell`).to.equal(1);
          const errors = cells.flatMap((c) => c.errors.map((e) => `cell ${c.index}: ${e}`));
          expect(errors, `${rel} (${round}): error outputs`).to.deep.equal([]);
          expect(cells.map((c) => c.stderr).join(""), `${rel} (${round}): stderr`).to.equal("");
          expect(charts, `${rel} (${round}): charts`).to.equal(tslab.charts);
          expect(widgets, `${rel} (${round}): explorables mounted`).to.equal(tslab.widgets);
          expect(cells.length, `${rel}: code cells`).to.equal(tslab.stdout.length);
          const unexplained: string[] = [];
          cells.forEach((cell, c) => {
            const mine = cell.stdout.split("\n");
            const theirs = tslab.stdout[c].split("\n");
            if (mine.length !== theirs.length) {
              unexplained.push(`code cell ${c}: ${mine.length} lines printed, tslab ${theirs.length}:\n${cell.stdout}---\n${tslab.stdout[c]}`);
              return;
            }
            mine.forEach((line, i) => {
              if (line === theirs[i]) return;
              if (!explainDifference(rel, line, theirs[i])) unexplained.push(`code cell ${c}, line ${i + 1}:\n  browser: ${line}\n  tslab:   ${theirs[i]}`);
            });
          });
          expect(unexplained, `${rel} (${round}): printed text differing from tslab`).to.deep.equal([]);
        }
        expect(outside, `${rel}: requests outside the site`).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });
  });

  it("Math differs: Chromium's Math.exp/log/pow round differently from Node's for some arguments (the reason of KNOWN_DIFFERENCES)", async function () {
    const probe = (): number[] => {
      const out: number[] = [];
      for (let i = 1; i <= 2000; i++) {
        const x = i / 97 - 10;
        out.push(Math.exp(x), Math.log(i / 13), Math.pow(i / 331, 1.7));
      }
      return out;
    };
    const page = await browser.newPage();
    try {
      const inBrowser = (await page.evaluate(`(${probe.toString()})()`)) as number[];
      const inNode = probe();
      const differing = inNode.filter((v, i) => !Object.is(v, inBrowser[i])).length;
      console.log(`      ${differing} of ${inNode.length} Math.exp/log/pow results differ between Node ${process.versions.v8} and Chromium`);
      if (KNOWN_DIFFERENCES.length > 0) expect(differing, "KNOWN_DIFFERENCES blames last-bit Math differences; there are none now: remove the entries").to.be.greaterThan(0);
    } finally {
      await page.close();
    }
  });

  it("keeps an edit across a reload (browser storage); Help > Clear Browser Data restores the original", async function () {
    const rel = notebooks[0];
    const { context, page, outside } = await newPage();
    try {
      const d = drive();
      await d.openNotebook(page, served.url, rel);
      const original = await page.evaluate(() => window.jupyterapp.shell.currentWidget.content.model.cells.get(0).sharedModel.getSource());
      const marker = "// edited in the browser";
      await page.evaluate((m) => {
        const cell = window.jupyterapp.shell.currentWidget.content.model.cells.get(0);
        cell.sharedModel.setSource(`${m}\n${cell.sharedModel.getSource()}`);
      }, marker);
      await d.clickMenu(page, "File", "Save Notebook");
      await page.waitForFunction(() => !window.jupyterapp.shell.currentWidget.context.model.dirty, null, { timeout: 30000 });
      await page.reload({ waitUntil: "domcontentloaded" });
      await d.openNotebook(page, served.url, rel);
      const edited = await page.evaluate(() => window.jupyterapp.shell.currentWidget.content.model.cells.get(0).sharedModel.getSource());
      expect(edited).to.equal(`${marker}\n${original}`);

      await d.clickMenu(page, "Help", "Clear Browser Data");
      const reloaded = page.waitForEvent("load", { timeout: 60000 });
      await page.click(".jp-Dialog .jp-mod-accept");
      await reloaded;
      await d.openNotebook(page, served.url, rel);
      const restored = await page.evaluate(() => window.jupyterapp.shell.currentWidget.content.model.cells.get(0).sharedModel.getSource());
      expect(restored).to.equal(original);
      expect(outside).to.deep.equal([]);
    } finally {
      await context.close();
    }
  });
});

declare global {
  interface Window {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    jupyterapp: any;
  }
}
