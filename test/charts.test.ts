import { expect } from "chai";
import { gunzipSync } from "zlib";
import * as fs from "fs";
import { datasets, models, optimizers, schedules, train } from "../src";
import * as charts from "../src/charts";
import type { Figure, Trace } from "../src/charts";
import { CHART_CLASS, figureBundle, figureHtml, PLOTLY_MIME, plotlyPath, plotlyScriptHtml, scriptJson, show } from "../src/display";

const bowl = models.surfaces.bowl;
const runOn = (surface: typeof bowl, optimizer: ReturnType<typeof optimizers.gd>, epochs = 50) =>
  train({ model: surface, data: undefined, init: surface.start, optimizer, epochs });

/** Traces of a given Plotly type. */
const ofType = (fig: Figure, type: string): Trace[] => fig.data.filter((t) => t.type === type);
const arr = (v: unknown): Array<number | null> => v as Array<number | null>;
/** Every figure must survive JSON (what the notebook stores) unchanged. */
const roundTrips = (fig: Figure) => expect(JSON.parse(JSON.stringify(fig))).to.deep.equal(fig);

describe("charts: Plotly figure builders", function () {
  const gd = runOn(bowl, optimizers.gd({ eta: 0.1 }));
  const adam = runOn(bowl, optimizers.adam({ eta: 0.3 }));

  describe("lossContour", function () {
    it("draws the surface on a grid with one path per run, starting at the run's start", function () {
      const fig = charts.lossContour({ surface: bowl, paths: { gd, adam }, resolution: 40 });
      const [contour] = ofType(fig, "contour");
      expect(arr(contour.x)).to.have.length(40);
      expect((contour.z as unknown[][]).length).to.equal(40);
      expect((contour.z as number[][])[20][5]).to.be.closeTo(bowl.value(arr(contour.x)[5] as number, arr(contour.y)[20] as number), 1e-2);
      const paths = fig.data.filter((t) => t.name === "gd" || t.name === "adam");
      expect(paths.map((t) => t.name)).to.deep.equal(["gd", "adam"]);
      expect(arr(paths[0].x)[0]).to.equal(bowl.start[0]);
      expect(arr(paths[0].y)[0]).to.equal(bowl.start[1]);
      expect(arr(paths[0].x)).to.have.length(gd.trajectory.length);
      expect(fig.data.some((t) => t.name === "minimum")).to.equal(true);
      roundTrips(fig);
    });

    it("takes a precomputed grid (the sigmoid neuron's loss surface) and decimates long paths", function () {
      const data = datasets.sparse();
      const ws = charts.linspace(-3, 3, 30);
      const bs = charts.linspace(-3, 1, 20);
      const grid = { x: ws, y: bs, z: models.sigmoidNeuron.lossSurface(data, ws, bs) };
      const run = train({ model: models.sigmoidNeuron, data, init: [-2, -2], optimizer: optimizers.gd({ eta: 0.01 }), epochs: 900 });
      const fig = charts.lossContour({ surface: grid, paths: { gd: run }, maxPoints: 100 });
      const path = fig.data.find((t) => t.name === "gd") as Trace;
      expect(arr(path.x)).to.have.length(100);
      expect(arr(path.x)[99]).to.equal(charts.round(run.trajectory.param(0)[900]));
      expect((ofType(fig, "contour")[0].z as number[][]).length).to.equal(20);
    });

    it("accepts plain points, and log colouring keeps the order of values", function () {
      const fig = charts.lossContour({ surface: models.surfaces.rosenbrock, paths: { mine: [[-1.5, 2], [0, 0], [1, 1]] }, logScale: true, resolution: 10 });
      const z = ofType(fig, "contour")[0].z as number[][];
      expect(z.flat().every((v) => Number.isFinite(v))).to.equal(true);
      expect(arr(fig.data.find((t) => t.name === "mine")!.y)).to.deep.equal([2, 0, 1]);
    });

    it("rejects bad input naming the function, argument and value", function () {
      expect(() => charts.lossContour({ surface: 3 as never })).to.throw("charts.lossContour: surface must be");
      expect(() => charts.lossContour({ surface: bowl, paths: { gd: [[1]] } })).to.throw("charts.lossContour: paths.gd[0] must be a point");
      expect(() => charts.lossContour({ surface: bowl, resolution: 1 })).to.throw("resolution must be an integer in [2, 400], got 1");
      expect(() => charts.lossContour({ surface: { x: [0, 1], y: [0], z: [[1]] } })).to.throw("surface.z[0] must have one value per x");
    });
  });

  describe("lossSurface3d", function () {
    it("draws a surface and 3-D paths whose height is the recorded loss", function () {
      const fig = charts.lossSurface3d({ surface: bowl, paths: { gd }, resolution: 25 });
      expect(ofType(fig, "surface")).to.have.length(1);
      const [path] = ofType(fig, "scatter3d");
      const loss = gd.trajectory.lossColumn();
      expect(arr(path.z)[0]).to.equal(charts.round(loss[0]));
      expect(arr(path.z)[10]).to.equal(charts.round(loss[10]));
      expect((fig.layout.scene as { zaxis: { title: { text: string } } }).zaxis.title.text).to.equal("loss");
    });

    it("reads heights off a grid for plain points (bilinear)", function () {
      const grid = { x: [0, 1], y: [0, 1], z: [[0, 1], [2, 3]] };
      const fig = charts.lossSurface3d({ surface: grid, paths: { p: [[0.5, 0.5], [1, 0]] } });
      expect(arr(ofType(fig, "scatter3d")[0].z)).to.deep.equal([1.5, 1]);
    });
  });

  describe("optimizerRace", function () {
    it("animates every path with frames, a play button and a slider", function () {
      const fig = charts.optimizerRace({ surface: bowl, paths: { gd, adam }, frames: 12, resolution: 20 });
      expect(fig.frames).to.have.length(12);
      const pathIdx = fig.data.map((t, i) => (t.name === "gd" || t.name === "adam" ? i : -1)).filter((i) => i >= 0);
      for (const frame of fig.frames!) {
        expect(frame.traces).to.deep.equal(pathIdx);
        expect(frame.data).to.have.length(2);
      }
      const last = fig.frames![11].data[0];
      expect(arr(last.x)[arr(last.x).length - 1]).to.equal(charts.round(gd.trajectory.param(0)[50]));
      expect(arr(fig.frames![0].data[0].x)).to.have.length(1);
      const menus = fig.layout.updatemenus as Array<{ buttons: Array<{ method: string; label: string }> }>;
      expect(menus[0].buttons.map((b) => b.method)).to.deep.equal(["animate", "animate"]);
      // without a full redraw per frame, Plotly drops the contour while animating
      expect(JSON.stringify(fig.layout)).to.not.contain('"redraw":false');
      const sliders = fig.layout.sliders as Array<{ steps: Array<{ args: unknown[] }> }>;
      expect(sliders[0].steps.map((s) => (s.args[0] as string[])[0])).to.deep.equal(fig.frames!.map((f) => f.name));
      roundTrips(fig);
    });

    it("requires named paths and at least two frames", function () {
      expect(() => charts.optimizerRace({ surface: bowl, paths: {} })).to.throw("charts.optimizerRace: paths must be an object with at least one entry");
      expect(() => charts.optimizerRace({ surface: bowl, paths: { gd }, frames: 1 })).to.throw("frames must be an integer >= 2, got 1");
    });
  });

  describe("per-step charts", function () {
    const data = datasets.sparse();
    const adagrad = train({ model: models.sigmoidNeuron, data, init: [-2, -2], optimizer: optimizers.adagrad({ eta: 0.1 }), epochs: 40 });

    it("lossCurves: loss vs step from 0, one curve per run, optional log axis", function () {
      const fig = charts.lossCurves({ gd, adam }, { logY: true });
      expect(fig.data.map((t) => t.name)).to.deep.equal(["gd", "adam"]);
      expect(arr(fig.data[0].x)[0]).to.equal(0);
      expect(arr(fig.data[0].y)).to.have.length(51);
      expect(arr(fig.data[1].y)[50]).to.equal(charts.round(adam.trajectory.lossColumn()[50]));
      expect((fig.layout.yaxis as { type: string }).type).to.equal("log");
      expect(charts.lossCurves({ plain: [3, 2, 1] }).data[0].y).to.deep.equal([3, 2, 1]);
      expect(() => charts.lossCurves({ bad: 5 as never })).to.throw("charts.lossCurves: runs.bad must be");
    });

    it("learningRates: AdaGrad's per-parameter rate, log axis, steps 1..T", function () {
      const fig = charts.learningRates({ adagrad });
      expect(fig.data.map((t) => t.name)).to.deep.equal(["w", "b"]);
      expect(arr(fig.data[0].x)[0]).to.equal(1);
      expect(arr(fig.data[1].y)).to.deep.equal(Array.from(adagrad.trajectory.effectiveRateColumn(1), (v) => charts.round(v)));
      expect((fig.layout.yaxis as { type: string }).type).to.equal("log");
      // b is updated by every point, so its rate ends far below w's
      expect(arr(fig.data[1].y)[39]!).to.be.lessThan(arr(fig.data[0].y)[39]!);
      const two = charts.learningRates({ adagrad, gd: runOn(bowl, optimizers.gd({ eta: 0.1 }), 5) }, { params: [1] });
      expect(two.data.map((t) => t.name)).to.deep.equal(["adagrad \u00B7 b", "gd \u00B7 b"]);
      expect(() => charts.learningRates({ adagrad }, { params: [2] })).to.throw("charts.learningRates: params must be indices in [0, 1]");
    });

    it("gradients: the batch gradient of each parameter per update", function () {
      const fig = charts.gradients({ adagrad }, { params: [0] });
      expect(fig.data).to.have.length(1);
      expect(arr(fig.data[0].y)[0]).to.equal(charts.round(models.sigmoidNeuron.gradient([-2, -2], data)[0]));
      expect((fig.layout.yaxis as { type: string }).type).to.equal("linear");
    });

    it("optimizerState: Adam's m, v, m-hat, v-hat per parameter", function () {
      expect(adam.trajectory.stateKeys).to.deep.equal(["m", "v", "mHat", "vHat"]);
      const fig = charts.optimizerState(adam);
      expect(fig.data.map((t) => t.name)).to.deep.equal(
        ["m (w)", "m (b)", "v (w)", "v (b)", "m\u0302 (w)", "m\u0302 (b)", "v\u0302 (w)", "v\u0302 (b)"]);
      const vHat = charts.optimizerState(adam, { keys: ["vHat"], params: [1] });
      expect(arr(vHat.data[0].y)).to.deep.equal(Array.from(adam.trajectory.stateColumn("vHat", 1), (v) => charts.round(v)));
      expect(() => charts.optimizerState(gd)).to.throw("charts.optimizerState: keys must be a non-empty array of state names (this run has: none)");
      expect(() => charts.optimizerState(adam, { keys: ["u"] })).to.throw("keys must be names of recorded state vectors");
    });
  });

  describe("scheduleCurves", function () {
    it("evaluates each schedule at steps 0..steps-1", function () {
      const cyclic = schedules.cyclic({ etaMin: 0.01, etaMax: 0.1, stepSize: 20 });
      const fig = charts.scheduleCurves({ cyclic, step: schedules.stepDecay({ eta: 0.1, stepSize: 10, gamma: 0.5 }) }, { steps: 61 });
      expect(arr(fig.data[0].x)).to.have.length(61);
      expect(arr(fig.data[0].y)[20]).to.be.closeTo(0.1, 1e-12);
      expect(arr(fig.data[0].y)[40]).to.be.closeTo(0.01, 1e-12);
      expect(arr(fig.data[1].y)[25]).to.be.closeTo(0.025, 1e-12);
      expect(() => charts.scheduleCurves({ bad: () => NaN })).to.throw("charts.scheduleCurves: schedules.bad(0) must return a number, got NaN");
    });
  });

  describe("lpBalls", function () {
    it("traces the unit ball of each p on equal axes", function () {
      const fig = charts.lpBalls([1, 2, 4, Infinity], { points: 101 });
      expect(fig.data.map((t) => t.name)).to.deep.equal(["p = 1", "p = 2", "p = 4", "p = \u221E (max)"]);
      const ps = [1, 2, 4];
      ps.forEach((p, k) => {
        const x = arr(fig.data[k].x) as number[];
        const y = arr(fig.data[k].y) as number[];
        for (let i = 0; i < x.length; i += 7) expect((Math.abs(x[i]) ** p + Math.abs(y[i]) ** p) ** (1 / p)).to.be.closeTo(1, 2e-3);
      });
      const sq = fig.data[3];
      (arr(sq.x) as number[]).forEach((x, i) => expect(Math.max(Math.abs(x), Math.abs(arr(sq.y)[i]!))).to.be.closeTo(1, 1e-3));
      expect((fig.layout.yaxis as { scaleanchor: string }).scaleanchor).to.equal("x");
      expect(() => charts.lpBalls([0])).to.throw("charts.lpBalls: ps[0] must be a number > 0");
    });
  });

  describe("averagingEstimates", function () {
    it("plots the observations and the given estimates", function () {
      const { t, truth, observed } = datasets.noisyCurve({ n: 30, seed: 1 });
      const ema = observed.map((_, i) => i / 30);
      const fig = charts.averagingEstimates({ t, observed, truth, ema, biasCorrected: observed, maxNorm: observed });
      expect(fig.data.map((d) => d.name)).to.deep.equal(["observed", "true curve", "exponential average", "bias-corrected average", "max norm"]);
      expect(fig.data[0].mode).to.equal("markers");
      expect(arr(fig.data[2].y)[3]).to.equal(charts.round(0.1));
      expect(() => charts.averagingEstimates({ observed, ema: [1] })).to.throw("charts.averagingEstimates: input.ema must be an array of length 30");
      expect(() => charts.averagingEstimates({ observed })).to.throw("at least one of truth, ema, biasCorrected, maxNorm");
    });
  });

  describe("helpers", function () {
    it("decimate keeps first and last and at most maxPoints", function () {
      expect(charts.decimate(5, 10)).to.deep.equal([0, 1, 2, 3, 4]);
      const idx = charts.decimate(1001, 11);
      expect(idx).to.deep.equal([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
      expect(charts.round(Math.PI)).to.equal(3.142);
      expect(charts.round(NaN)).to.equal(null);
      expect(() => charts.linspace(0, 1, 1)).to.throw("charts.linspace: count must be an integer >= 2, got 1");
    });
  });
});

describe("display: offline Plotly output for tslab", function () {
  const fig = charts.lpBalls([1, 2]);

  it("bundles text/html and the Plotly JSON in one output", function () {
    const bundle = figureBundle(fig);
    expect(Object.keys(bundle.data)).to.have.members(["text/html", PLOTLY_MIME, "text/plain"]);
    expect(bundle.data[PLOTLY_MIME]).to.deep.equal({ data: fig.data, layout: fig.layout });
    const html = bundle.data["text/html"] as string;
    expect(html).to.contain(`class="${CHART_CLASS}"`).and.contain("Plotly.newPlot");
    expect(html).to.not.match(/<script[^>]+src=/); // nothing fetched
  });

  it("escapes data so it cannot close the script element", function () {
    const evil = { data: [{ type: "scatter", name: "</script><b>x</b>", x: [1], y: [2] }], layout: {} };
    const html = figureHtml(evil, "id1");
    expect(html.match(/<\/script>/g)).to.have.length(1);
    expect(JSON.parse(scriptJson({ s: "</script>\u2028" }))).to.deep.equal({ s: "</script>\u2028" });
    expect(html).to.contain('data-frames="0"');
  });

  it("inlines the npm plotly.js bundle, compressed, byte for byte", function () {
    const html = plotlyScriptHtml();
    const packed = /var packed = "([A-Za-z0-9+/=]+)"/.exec(html);
    expect(packed).to.not.equal(null);
    const unpacked = gunzipSync(Buffer.from(packed![1], "base64"));
    expect(unpacked.equals(fs.readFileSync(plotlyPath()))).to.equal(true);
    expect(html.length).to.be.lessThan(2.2e6);
    expect(html).to.contain("DecompressionStream");
  });

  it("show() outside a running kernel cell throws a clear error", function () {
    expect(() => show(fig)).to.throw(/^show: must be called from a cell running in the tslab kernel|^show: needs the tslab kernel/);
    expect(() => show({} as Figure)).to.throw("figureBundle: figure must be a Plotly figure");
  });
});
