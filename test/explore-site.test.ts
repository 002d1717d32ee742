/**
 * Every explorable on the `npm run course` site (the HTML pages nbconvert exported from the
 * executed notebooks, both bundles carried by the page itself) in headless Chromium: it mounts,
 * each slider's input event changes the values and redraws the chart, and nothing is logged to the
 * console. Reuses the course build of the notebook and browser tests (test/helpers/course.ts):
 * the site is built once per `npm test`. EXPLORE_SITE_DIR=<a built site> skips the build.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { pathToFileURL } from "url";
import type { Browser } from "playwright-core";
import { launchChromium } from "./helpers/chromium";
import { courseBuild, type ManifestEntry } from "./helpers/course";

/** Notebooks that must carry at least one explorable (issue 12). */
const WITH_EXPLORABLES = ["02-", "03-", "04-", "05-", "06-", "07-", "08-", "09-", "10-"];

interface SliderCheck { key: string; before: number; after: number; canvasChanged: boolean; updates: number }

describe("explorables on the course site @slow @notebooks", function () {
  this.timeout(30 * 60 * 1000);
  let dir: string;
  let entries: ManifestEntry[];
  let browser: Browser;

  before(async function () {
    if (process.env.EXPLORE_SITE_DIR) {
      dir = process.env.EXPLORE_SITE_DIR;
      entries = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")).notebooks;
    } else {
      const course = await courseBuild();
      dir = course.dir;
      entries = course.notebooks;
    }
    browser = await launchChromium();
  });

  after(async function () {
    if (browser) await browser.close();
  });

  for (const prefix of WITH_EXPLORABLES) {
    it(`${prefix}*: every explorable mounts, every slider redraws it, no console errors`, async function () {
      const entry = entries.find((e) => e.name.startsWith(prefix));
      expect(entry, `no course page for notebook ${prefix}*`).to.not.equal(undefined);
      expect(entry!.ok, `${entry!.source} failed to execute`).to.equal(true);
      expect(entry!.bytes, "executed notebook size").to.be.at.most(6 * 1024 * 1024);
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const errors: string[] = [];
      page.on("console", (m) => { if (m.type() === "error") errors.push(`console: ${m.text()}`); });
      page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
      page.on("requestfailed", (r) => errors.push(`request failed: ${r.url().slice(0, 120)}`));
      try {
        await page.goto(pathToFileURL(path.join(dir, entry!.html)).href, { waitUntil: "load", timeout: 120000 });
        const count = await page.locator(".adaptive-lr-explore").count();
        expect(count, "explorables on the page").to.be.at.least(1);
        await page.waitForFunction((n) => document.querySelectorAll(".adaptive-lr-explore[data-ready=true]").length === n, count, { timeout: 120000 });
        for (let k = 0; k < count; k++) {
          const checks: SliderCheck[] = await page.evaluate(async (index) => {
            const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
            const el = document.querySelectorAll<HTMLElement>(".adaptive-lr-explore")[index];
            el.scrollIntoView();
            const m = (el as HTMLElement & { adaptiveLrExplore: { values: Record<string, number>; updates: number } }).adaptiveLrExplore;
            const canvas = el.querySelector("canvas")!;
            const out: SliderCheck[] = [];
            for (const input of Array.from(el.querySelectorAll<HTMLInputElement>("input[type=range]"))) {
              const key = input.name;
              const before = m.values[key];
              const print = canvas.toDataURL();
              const updates = m.updates;
              // a third of the way from the current position towards the far end
              const lo = Number(input.min), hi = Number(input.max), now = Number(input.value);
              input.value = String(now + ((now - lo < hi - now ? hi : lo) - now) / 3);
              input.dispatchEvent(new Event("input", { bubbles: true }));
              await frame();
              out.push({ key, before, after: m.values[key], canvasChanged: canvas.toDataURL() !== print, updates: m.updates - updates });
            }
            (el.querySelector("button") as HTMLButtonElement).click();
            return out;
          }, k);
          for (const c of checks) {
            expect(c.after, `${entry!.name} explorable ${k}: slider ${c.key} value`).to.not.equal(c.before);
            expect(c.updates, `${entry!.name} explorable ${k}: slider ${c.key} updates`).to.equal(1);
            expect(c.canvasChanged, `${entry!.name} explorable ${k}: slider ${c.key} redrew the chart`).to.equal(true);
          }
        }
      } finally {
        await page.close();
      }
      expect(errors, errors.join("\n")).to.deep.equal([]);
    });
  }
});
