import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { pathToFileURL } from "url";
import type { Browser } from "playwright-core";
import { courseBuild, pageName } from "./helpers/course";
import type { CourseBuild } from "./helpers/course";
import { listNotebooks, repoRoot } from "./helpers/notebooks";
import { launchChromium } from "./helpers/chromium";

// Kept for tests importing them from here; the launcher lives in helpers/chromium.ts.
export { CHROMIUM, CHROMIUM_ARGS, launchChromium } from "./helpers/chromium";

interface PageReport {
  charts: number;
  rendered: number;
  frames: number[];
  errors: string[];
}

describe("course site renders in headless Chromium @slow @notebooks", function () {
  this.timeout(30 * 60 * 1000);
  const root = repoRoot();
  const notebooks = listNotebooks();
  let course: CourseBuild;
  let browser: Browser;

  before(async function () {
    course = await courseBuild();
    browser = await launchChromium();
  });

  after(async function () {
    if (browser) await browser.close();
  });

  async function open(file: string): Promise<PageReport> {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const errors: string[] = [];
    page.on("console", (m) => { if (m.type() === "error") errors.push(`console: ${m.text()}`); });
    page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
    page.on("requestfailed", (r) => errors.push(`request failed: ${r.url().slice(0, 120)} ${r.failure()?.errorText ?? ""}`));
    try {
      await page.goto(pathToFileURL(file).href, { waitUntil: "load", timeout: 120000 });
      // every chart container must become a Plotly plot; on timeout the counts below tell which did not
      await page.waitForFunction(() => {
        const charts = document.querySelectorAll(".adaptive-lr-chart");
        return Array.from(charts).every((el) => el.classList.contains("js-plotly-plot"));
      }, null, { timeout: 120000 }).catch((err: Error) => errors.push(`charts did not all render: ${err.message.split("\n")[0]}`));
      const report = await page.evaluate(() => {
        type Plot = HTMLElement & { _transitionData?: { _frames?: unknown[] } };
        const charts = Array.from(document.querySelectorAll<Plot>(".adaptive-lr-chart"));
        return {
          charts: charts.length,
          rendered: document.querySelectorAll(".adaptive-lr-chart.js-plotly-plot").length,
          frames: charts.map((el) => el._transitionData?._frames?.length ?? -1),
        };
      });
      return { ...report, errors };
    } finally {
      await page.close();
    }
  }

  it("has an index page linking every section page", async function () {
    const html = fs.readFileSync(path.join(course.dir, "index.html"), "utf8");
    for (const entry of course.notebooks) expect(html).to.contain(`href="${entry.html}"`);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    await page.goto(pathToFileURL(path.join(course.dir, "index.html")).href);
    expect(await page.locator("li a").count()).to.equal(course.notebooks.length * 2);
    await page.close();
    expect(errors).to.deep.equal([]);
  });

  for (const file of notebooks) {
    const rel = path.relative(root, file);
    it(`${rel}: every chart renders, animations have their frames, no console errors`, async function () {
      const entry = course.notebooks.find((e) => e.name === pageName(file));
      expect(entry, `course.js did not build ${rel}`).to.not.equal(undefined);
      expect(entry!.ok, `${rel} failed to execute: ${entry!.error?.message ?? ""}`).to.equal(true);
      const report = await open(path.join(course.dir, entry!.html));
      expect(report.errors, report.errors.join("\n")).to.deep.equal([]);
      expect(report.charts, "chart containers on the page").to.equal(entry!.charts);
      expect(report.rendered, "rendered Plotly plots (.js-plotly-plot)").to.equal(entry!.charts);
      expect(report.frames, "animation frames per chart").to.deep.equal(entry!.frames);
    });
  }
});
