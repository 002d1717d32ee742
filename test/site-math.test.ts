/**
 * The course site's formulas render with the KaTeX copy shipped inside site/, over http and from
 * file://, with no request leaving the site (no Debian MathJax, no CDN).
 */
import { expect } from "chai";
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import { pathToFileURL } from "url";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "./helpers/chromium";
import { courseBuild, type CourseBuild } from "./helpers/course";

const TYPES: Record<string, string> = {
  ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".woff2": "font/woff2", ".json": "application/json", ".ipynb": "application/json",
};

/** A static file server for `dir` on 127.0.0.1 (ephemeral port). */
function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = path.join(dir, rel.endsWith("/") ? rel + "index.html" : rel);
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

interface MathReport {
  katex: number;
  errors: number;
  /** Markdown text outside rendered formulas that still looks like TeX between dollars. */
  raw: string[];
}

async function mathOf(page: Page): Promise<MathReport> {
  await page.waitForFunction(() => document.querySelectorAll(".katex").length > 0, null, { timeout: 60000 }).catch(() => undefined);
  return page.evaluate(() => {
    const raw: string[] = [];
    for (const cell of Array.from(document.querySelectorAll(".jp-MarkdownOutput"))) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT, {
        acceptNode: (n) => ((n.parentElement && n.parentElement.closest(".katex, code, pre")) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
      });
      let text = "";
      for (let n = walker.nextNode(); n; n = walker.nextNode()) text += n.textContent;
      const m = text.match(/\$[^$\s][^$]{0,60}\$/g);
      if (m) raw.push(...m);
    }
    return { katex: document.querySelectorAll(".katex").length, errors: document.querySelectorAll(".katex-error").length, raw };
  });
}

describe("course site: formulas rendered by the site's own KaTeX @slow @notebooks", function () {
  this.timeout(20 * 60 * 1000);
  let course: CourseBuild;
  let browser: Browser;
  let server: http.Server;
  let origin: string;

  before(async function () {
    course = await courseBuild();
    browser = await launchChromium();
    server = await serve(course.dir);
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async function () {
    if (browser) await browser.close();
    if (server) server.close();
  });

  it("KaTeX is shipped inside the site (no file:// or CDN reference in any page)", () => {
    expect(fs.existsSync(path.join(course.dir, "katex", "katex.min.js"))).to.equal(true);
    for (const entry of course.notebooks.filter((e) => e.ok)) {
      const html = fs.readFileSync(path.join(course.dir, entry.html), "utf8");
      expect(html, entry.html).to.not.match(/(src|href)="(file:|https?:)\/\//);
      expect(html, entry.html).to.not.include("MathJax.js");
    }
  });

  it("every section page shows its formulas over http, with no request outside the site", async function () {
    const pages = course.notebooks.filter((e) => e.ok && !e.name.startsWith("exercises"));
    expect(pages.length).to.be.greaterThan(0);
    for (const entry of pages) {
      const page = await browser.newPage();
      const outside: string[] = [];
      page.on("request", (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith("data:") && !r.url().startsWith("blob:")) outside.push(r.url()); });
      try {
        await page.goto(`${origin}/${entry.html}`, { waitUntil: "load", timeout: 120000 });
        const report = await mathOf(page);
        const source = fs.readFileSync(path.join(course.dir, entry.html), "utf8");
        if (/\$[^$\s]/.test(source)) expect(report.katex, `${entry.html}: formulas rendered`).to.be.greaterThan(0);
        expect(report.errors, `${entry.html}: KaTeX parse errors`).to.equal(0);
        expect(report.raw, `${entry.html}: raw TeX left`).to.deep.equal([]);
        expect(outside, `${entry.html}: requests outside the site`).to.deep.equal([]);
      } finally {
        await page.close();
      }
    }
  });

  it("formulas also render when a page is opened from file://", async function () {
    const entry = course.notebooks.find((e) => e.ok && e.name.startsWith("05"));
    if (!entry) throw new Error("notebook 05 did not build");
    const page = await browser.newPage();
    try {
      await page.goto(pathToFileURL(path.join(course.dir, entry.html)).href, { waitUntil: "load", timeout: 120000 });
      expect((await mathOf(page)).katex).to.be.greaterThan(0);
    } finally {
      await page.close();
    }
  });
});
