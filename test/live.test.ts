import { expect } from "chai";
import { spawn } from "child_process";
import type { ChildProcess } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as net from "net";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "./helpers/chromium";
import { repoRoot } from "./helpers/notebooks";

/** A free TCP port on loopback. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

const sha = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

/**
 * Runs all cells of the open notebook. The classic notebook exposes window.Jupyter; JupyterLab and
 * Notebook 7 (both built on JupyterLab, not installable on Debian 12) are driven through the Run menu.
 */
async function runAll(page: Page): Promise<"classic" | "lab"> {
  const handle = await page.waitForFunction(() => {
    const J = (window as unknown as { Jupyter?: { notebook?: { kernel?: { is_connected(): boolean } } } }).Jupyter;
    if (J?.notebook?.kernel?.is_connected()) return "classic";
    if (document.querySelector(".jp-Notebook .jp-Cell")) return "lab";
    return false;
  }, null, { timeout: 120000 });
  const ui = (await handle.jsonValue()) as "classic" | "lab";
  if (ui === "classic") {
    await page.evaluate(() => {
      const nb = (window as unknown as { Jupyter: { notebook: { set_autosave_interval(ms: number): void; execute_all_cells(): void } } }).Jupyter.notebook;
      nb.set_autosave_interval(0); // never write outputs back into the repository's notebook
      nb.execute_all_cells();
    });
  } else {
    await page.getByRole("menuitem", { name: "Run", exact: true }).click();
    await page.getByText("Run All Cells", { exact: true }).click();
  }
  return ui;
}

describe("npm start: live Jupyter on loopback runs a notebook and renders its charts @slow @notebooks", function () {
  this.timeout(10 * 60 * 1000);
  const root = repoRoot();
  const notebook = path.join(root, "notebooks", "01-sparse-features.ipynb");
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  let log = "";
  const original = fs.readFileSync(notebook);

  after(async function () {
    if (browser) await browser.close();
    if (server && server.pid && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once("exit", resolve));
      process.kill(-server.pid, "SIGTERM"); // start.js and Jupyter run in their own process group
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15000))]);
      if (server.exitCode === null) process.kill(-server.pid, "SIGKILL");
    }
    // safety net: JupyterLab autosaves outputs into the notebook; put the committed file back
    if (!fs.readFileSync(notebook).equals(original)) fs.writeFileSync(notebook, original);
  });

  it("serves the kernel on 127.0.0.1 and draws notebook 01's charts in Chromium", async function () {
    const before = sha(notebook);
    const port = await freePort();
    server = spawn(process.execPath, [path.join(root, "scripts", "start.js"), "--no-browser", `--port=${port}`], {
      cwd: root, detached: true, stdio: ["ignore", "pipe", "pipe"],
    });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`start.js printed no URL within 90 s:\n${log}`)), 90000);
      const onData = (d: Buffer) => {
        log += d;
        const m = /Jupyter is running at (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(log);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      };
      server!.stdout!.on("data", onData);
      server!.stderr!.on("data", onData);
      server!.once("exit", (code) => reject(new Error(`start.js exited (${code}) before serving:\n${log}`)));
    });
    const ui: "notebook" | "lab" = /starting JupyterLab/.test(log) ? "lab" : "notebook"; // Notebook 7 also serves /notebooks/
    const u = new URL(url);
    expect(u.hostname).to.equal("127.0.0.1");
    expect(u.port).to.equal(String(port));
    const token = u.searchParams.get("token") ?? "";

    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const pageErrors: string[] = [];
    const ourErrors: string[] = [];
    page.on("pageerror", (e) => pageErrors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error" && /plotly|adaptive-lr/i.test(m.text())) ourErrors.push(m.text());
    });
    const target = ui === "notebook" ? "notebooks/01-sparse-features.ipynb" : "lab/tree/01-sparse-features.ipynb";
    await page.goto(`${u.origin}/${target}?token=${token}`, { timeout: 120000 });
    const driven = await runAll(page);

    const expected = (fs.readFileSync(notebook, "utf8").match(/show\(/g) ?? []).length;
    expect(expected).to.be.greaterThan(0);
    await page.waitForFunction((n) => document.querySelectorAll(".js-plotly-plot").length >= n, expected, { timeout: 240000 });
    const report = await page.evaluate(() => ({
      plots: document.querySelectorAll(".js-plotly-plot").length,
      stderr: Array.from(document.querySelectorAll(".output_stderr, [data-mime-type='application/vnd.jupyter.stderr']")).map((e) => e.textContent),
    }));
    expect(report.stderr, "cells wrote errors").to.deep.equal([]);
    expect(report.plots).to.equal(expected);
    expect(pageErrors, pageErrors.join("\n")).to.deep.equal([]);
    expect(ourErrors, ourErrors.join("\n")).to.deep.equal([]);
    if (driven === "classic") {
      expect(sha(notebook), "the live run must not save outputs into the repository").to.equal(before);
    }
  });
});
