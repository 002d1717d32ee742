/**
 * The explorables in headless Chromium, on a page built from the same text/html a notebook gets
 * (plotly.js and the library inlined, then each widget's div + mount script): sliders recompute in
 * the page with the bundled library, and what the page drew equals `train` in Node.
 *
 * Bit for bit where it can be: the page runs the same code as Node, but Chromium 156's V8 and
 * Node 20's V8 round Math.exp, Math.log, Math.pow, Math.sin and Math.cos differently for ~1-10% of
 * arguments (1 ulp; +, -, *, / and Math.sqrt are exact in both). So paths built from arithmetic
 * and square roots only (the 2-D surfaces with GD, momentum, NAG, AdaGrad, RMSProp, AdaDelta) must
 * be identical; paths through the sigmoid's exp (and the sparse data, drawn with log and cos) must
 * agree to 1e-10 and equal, bit for bit, `adaptiveLr.train` run directly in the same page.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import type { Browser, Page } from "playwright-core";
import { datasets, explore, models, optimizers, schedules, train } from "../src";
import { explorePageHtml } from "../src/display";
import type { ExplorePath, Widget } from "../src/explore";
import { launchChromium } from "./helpers/chromium";

const WIDGETS: Widget[] = [
  explore.optimizers({ optimizers: { rmsprop: { eps: 1e-4 }, adagrad: { eps: 1e-4 } }, sliders: { eta: {}, beta: {} }, hint: "Move \u03b7." }),
  explore.schedule({ schedule: "cyclic" }),
  explore.biasCorrection(),
  explore.lpBall(),
  explore.optimizers({ problem: "valley", optimizers: ["gd", "momentum", "nag", "adagrad", "rmsprop", "adadelta"], sliders: { eta: {}, beta: {} }, steps: 300 }),
];

/** Largest |a - b| / max(1, |a|, |b|) over two equally long arrays. */
function maxRelDiff(a: number[], b: ArrayLike<number>): number {
  expect(a.length).to.equal(b.length);
  return a.reduce((worst, v, k) => Math.max(worst, Math.abs(v - b[k]) / Math.max(1, Math.abs(v), Math.abs(b[k]))), 0);
}

/** Mounted-widget state the tests read in the page (el.adaptiveLrExplore). */
interface PageState {
  values: Record<string, number>;
  data: Record<string, unknown>;
  updates: number;
  timings: { compute: number; draw: number };
}

async function state(page: Page, k: number): Promise<PageState> {
  return page.evaluate((id) => {
    const m = (document.getElementById(id) as HTMLElement & { adaptiveLrExplore: { values: Record<string, number>; drawing: { data: Record<string, unknown> }; updates: number; timings: { compute: number; draw: number } } }).adaptiveLrExplore;
    return { values: { ...m.values }, data: m.drawing.data, updates: m.updates, timings: m.timings };
  }, `explore-${k}`);
}

/** Moves slider `key` of widget k to input position `position` and fires the input event, as a drag does. */
async function slide(page: Page, k: number, key: string, position: number): Promise<void> {
  await page.evaluate(([id, name, pos]) => {
    const input = document.querySelector<HTMLInputElement>(`#${id} input[name="${name}"]`)!;
    input.value = String(pos);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }, [`explore-${k}`, key, position] as const);
}

/** A fingerprint of the overlay canvas's pixels. */
async function canvasPrint(page: Page, k: number): Promise<string> {
  return page.evaluate((id) => document.querySelector<HTMLCanvasElement>(`#${id} canvas`)!.toDataURL(), `explore-${k}`);
}

describe("explorables in headless Chromium @slow", function () {
  this.timeout(180000);
  let browser: Browser;
  let page: Page;
  let dir: string;
  let server: http.Server;
  const errors: string[] = [];

  async function open(url: string): Promise<Page> {
    const p = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
    p.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") errors.push(`console ${m.type()}: ${m.text()}`); });
    p.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
    p.on("requestfailed", (r) => errors.push(`request failed: ${r.url().slice(0, 120)}`));
    await p.goto(url, { waitUntil: "load", timeout: 60000 });
    await p.waitForFunction((n) => document.querySelectorAll(".adaptive-lr-explore[data-ready=true]").length === n, WIDGETS.length, { timeout: 60000 });
    return p;
  }

  before(async function () {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "adaptive-lr-explore-"));
    fs.writeFileSync(path.join(dir, "explore.html"), explorePageHtml(WIDGETS));
    browser = await launchChromium();
    page = await open(pathToFileURL(path.join(dir, "explore.html")).href);
  });

  after(async function () {
    if (browser) await browser.close();
    if (server) server.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("mounts every widget with its inputs, values and readout", async function () {
    const info = await page.evaluate(() => Array.from(document.querySelectorAll(".adaptive-lr-explore")).map((el) => ({
      kind: (el as HTMLElement).dataset.kind,
      inputs: el.querySelectorAll("input[type=range]").length,
      labelled: Array.from(el.querySelectorAll("input[type=range]")).every((i) => el.querySelector(`label[for="${i.id}"]`) !== null),
      outputs: Array.from(el.querySelectorAll("output")).map((o) => o.textContent),
      readout: el.querySelector(".alr-readout")!.textContent,
      plots: el.querySelectorAll(".js-plotly-plot").length,
    })));
    expect(info.map((i) => i.kind)).to.deep.equal(["optimizers", "schedule", "biasCorrection", "lpBall", "optimizers"]);
    expect(info.map((i) => i.inputs)).to.deep.equal([5, 6, 3, 3, 5]);
    expect(info.every((i) => i.labelled && i.plots === 1)).to.equal(true);
    expect(info[0].outputs).to.deep.equal(["0.1", "0.9", "200", "-2", "-2"]);
    expect(info[0].readout).to.match(/RMSProploss 0\.\d{4} at \(/);
  });

  it("recomputes in the page on a slider's input event; the path equals train in Node (1e-10) and in the page (bit for bit)", async function () {
    const before = await canvasPrint(page, 0);
    await slide(page, 0, "eta", -1.3); // eta = 10^-1.3 = 0.0501 (3 significant digits)
    await slide(page, 0, "beta", 0.3); // log1m scale: beta = 1 - 10^-0.3 = 1 - 0.50 (2 significant digits)
    await slide(page, 0, "steps", 500);
    const s = await state(page, 0);
    expect(s.values).to.deep.equal({ eta: 0.0501, beta: 0.5, steps: 500, w0: -2, b0: -2 });
    expect(await canvasPrint(page, 0)).to.not.equal(before);
    const shown = await page.evaluate(() => Array.from(document.querySelectorAll("#explore-0 output")).map((o) => o.textContent));
    expect(shown.slice(0, 3)).to.deep.equal(["0.0501", "0.5", "500"]);
    const paths = s.data.paths as Record<string, ExplorePath>;
    const data = datasets.sparse();
    const runs = {
      rmsprop: train({ model: models.sigmoidNeuron, data, init: [-2, -2], optimizer: optimizers.rmsprop({ eta: 0.0501, beta: 0.5, eps: 1e-4 }), epochs: 500 }),
      adagrad: train({ model: models.sigmoidNeuron, data, init: [-2, -2], optimizer: optimizers.adagrad({ eta: 0.0501, eps: 1e-4 }), epochs: 500 }),
    };
    for (const [name, run] of Object.entries(runs)) {
      expect(maxRelDiff(paths[name].x, run.trajectory.param(0)), `${name} w`).to.be.below(1e-10);
      expect(maxRelDiff(paths[name].y, run.trajectory.param(1)), `${name} b`).to.be.below(1e-10);
      expect(maxRelDiff(paths[name].loss, run.trajectory.lossColumn()), `${name} loss`).to.be.below(1e-10);
    }
    // The same library called directly in the page gives the very same bits (no second copy of the math).
    const direct = await page.evaluate(() => {
      const lib = (window as unknown as { adaptiveLr: typeof import("../src/browser") }).adaptiveLr;
      const run = lib.train({ model: lib.models.sigmoidNeuron, data: lib.datasets.sparse(), init: [-2, -2], optimizer: lib.optimizers.rmsprop({ eta: 0.0501, beta: 0.5, eps: 1e-4 }), epochs: 500 });
      return { x: Array.from(run.trajectory.param(0)), y: Array.from(run.trajectory.param(1)) };
    });
    expect(paths.rmsprop.x).to.deep.equal(direct.x);
    expect(paths.rmsprop.y).to.deep.equal(direct.y);
  });

  it("on a 2-D surface (arithmetic and square roots only) six optimizers' paths equal train in Node bit for bit", async function () {
    await slide(page, 4, "eta", -1); // 0.1
    await slide(page, 4, "beta", 2); // 1 - 10^-2 = 0.99
    const s = await state(page, 4);
    expect(s.values).to.deep.equal({ eta: 0.1, beta: 0.99, steps: 300, w0: -4.5, b0: 1.5 });
    const paths = s.data.paths as Record<string, ExplorePath>;
    const valley = models.surfaces.valley;
    const hyper: Record<string, Record<string, number>> = {
      gd: { eta: 0.1 }, momentum: { eta: 0.1, beta: 0.99 }, nag: { eta: 0.1, beta: 0.99 },
      adagrad: { eta: 0.1 }, rmsprop: { eta: 0.1, beta: 0.99 }, adadelta: { eta: 0.1, beta: 0.99 },
    };
    for (const [name, h] of Object.entries(hyper)) {
      const make = (optimizers as unknown as Record<string, (o: object) => Parameters<typeof train>[0]["optimizer"]>)[name];
      const run = train({ model: valley, init: [-4.5, 1.5], optimizer: make(h), epochs: 300 });
      expect(paths[name].hyper, name).to.deep.equal(h);
      expect(paths[name].x, `${name} w`).to.deep.equal(Array.from(run.trajectory.param(0)));
      expect(paths[name].y, `${name} b`).to.deep.equal(Array.from(run.trajectory.param(1)));
      expect(paths[name].loss, `${name} loss`).to.deep.equal(Array.from(run.trajectory.lossColumn()));
    }
  });

  it("the schedule widget's rates and path equal the library's in Node", async function () {
    await slide(page, 1, "stepSize", 20);
    await slide(page, 1, "etaMax", -0.5); // 10^-0.5 = 0.316
    const s = await state(page, 1);
    expect(s.values.etaMax).to.equal(0.316);
    const schedule = schedules.cyclic({ etaMin: s.values.etaMin, etaMax: 0.316, stepSize: 20 });
    expect(s.data.etas).to.deep.equal(Array.from({ length: s.values.steps }, (_, t) => schedule(t)));
    const run = train({ model: models.surfaces.saddle, init: [s.values.w0, s.values.b0], optimizer: optimizers.gd({ eta: schedule }), epochs: s.values.steps });
    // w follows w <- w - eta_t w (arithmetic only): identical; b's gradient b^3 - b goes through Math.pow
    expect((s.data.path as { x: number[] }).x).to.deep.equal(Array.from(run.trajectory.param(0)));
    expect(maxRelDiff((s.data.path as { y: number[] }).y, run.trajectory.param(1))).to.be.below(1e-10);
  });

  it("is keyboard accessible: arrow keys move a focused slider and redraw", async function () {
    const before = await state(page, 3);
    await page.focus("#explore-3 input[name=p]");
    for (let k = 0; k < 20; k++) await page.keyboard.press("ArrowRight");
    const after = await state(page, 3);
    expect(after.values.p).to.be.above(before.values.p);
    expect(after.updates).to.equal(before.updates + 20);
    await page.keyboard.press("End");
    const end = await state(page, 3);
    expect(end.values.p).to.equal(Infinity);
    expect(end.data.norm).to.equal(1.2); // max(|1.2|, |0.6|)
    expect(await page.textContent("#explore-3 output")).to.equal("\u221e");
  });

  it("moves the start point where the contour is clicked; Reset restores every slider", async function () {
    await page.locator("#explore-0 .alr-plot").scrollIntoViewIfNeeded();
    const box = (await page.locator("#explore-0 .alr-plot").boundingBox())!;
    const before = await canvasPrint(page, 0);
    await page.mouse.click(box.x + box.width * 0.45, box.y + box.height * 0.35);
    const s = await state(page, 0);
    expect(s.values.w0).to.not.equal(-2);
    expect(s.values.b0).to.not.equal(-2);
    const p = (s.data.paths as Record<string, ExplorePath>).rmsprop;
    expect([p.x[0], p.y[0]]).to.deep.equal([s.values.w0, s.values.b0]);
    expect(await canvasPrint(page, 0)).to.not.equal(before);
    await page.click("#explore-0 button");
    expect((await state(page, 0)).values).to.deep.equal({ eta: 0.1, beta: 0.9, steps: 200, w0: -2, b0: -2 });
  });

  it("the bias-correction widget follows t and beta2", async function () {
    await slide(page, 2, "t", 1);
    const s = await state(page, 2);
    const r = s.data as { mHat: number[]; vHat: number[] };
    expect(r.mHat.length).to.equal(100);
    const readout = await page.textContent("#explore-2 .alr-readout");
    expect(readout).to.contain("t = 1");
  });

  it("works the same over http", async function () {
    server = http.createServer((req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(fs.readFileSync(path.join(dir, "explore.html")));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    const p = await open(`http://127.0.0.1:${port}/explore.html`);
    await slide(p, 0, "eta", -2); // 0.01
    const s = await state(p, 0);
    expect(s.values.eta).to.equal(0.01);
    const run = train({ model: models.sigmoidNeuron, data: datasets.sparse(), init: [-2, -2], optimizer: optimizers.adagrad({ eta: 0.01, eps: 1e-4 }), epochs: 200 });
    expect(maxRelDiff((s.data.paths as Record<string, ExplorePath>).adagrad.y, run.trajectory.param(1))).to.be.below(1e-10);
    await p.close();
  });

  it("logged no console error or warning", function () {
    expect(errors, errors.join("\n")).to.deep.equal([]);
  });
});
