import { expect } from "chai";
import { datasets, explore, models, optimizers, schedules, train } from "../src";
import { widgetBundle, libraryScriptHtml } from "../src/display";
import type { ExplorePath, ScheduleWidget } from "../src/explore";

const sparse = datasets.sparse();

function pathOf(drawing: explore.Drawing, name: string): ExplorePath {
  return (drawing.data.paths as Record<string, ExplorePath>)[name];
}

describe("explore: sliders", () => {
  const log = { scale: "log" as const, min: 1e-3, max: 1 };
  it("maps positions to rounded values and back", () => {
    expect(explore.fromPosition(log, explore.toPosition("log", 0.1))).to.equal(0.1);
    expect(explore.fromPosition(log, -1.5)).to.equal(0.0316); // 10^-1.5 = 0.031623 -> 3 significant digits
    const beta2 = { scale: "log1m" as const, min: 0.5, max: 0.9999 };
    expect(explore.fromPosition(beta2, 3)).to.equal(1 - 0.001); // 1 - 10^-3
    expect(explore.fromPosition(beta2, explore.toPosition("log1m", 0.99))).to.equal(0.99);
    const steps = { scale: "linear" as const, min: 1, max: 1000, integer: true };
    expect(explore.fromPosition(steps, 499.6)).to.equal(500);
    expect(explore.fromPosition(steps, 5000)).to.equal(1000); // clamped to max
  });
  it("runs p from 1 to infinity on the infinity scale", () => {
    const p = { scale: "infinity" as const, min: 1, max: Number.MAX_VALUE };
    expect(explore.fromPosition(p, 0)).to.equal(1); // 1 / (1 - 0)
    expect(explore.fromPosition(p, 0.5)).to.equal(2); // 1 / (1 - 0.5)
    expect(explore.fromPosition(p, 0.75)).to.equal(4);
    expect(explore.fromPosition(p, 1)).to.equal(Infinity);
    expect(explore.toPosition("infinity", Infinity)).to.equal(1);
    expect(explore.formatValue({ scale: "infinity" }, Infinity)).to.equal("\u221e");
  });
});

describe("explore.optimizers", () => {
  it("returns plain JSON with a slider per requested hyperparameter, steps and the start point", () => {
    const w = explore.optimizers({ optimizers: ["rmsprop", "adagrad"], sliders: { eta: {}, beta: { value: 0.5 } } });
    expect(JSON.parse(JSON.stringify(w))).to.deep.equal(w);
    expect(explore.isWidget(w)).to.equal(true);
    expect(w.sliders.map((s) => s.key)).to.deep.equal(["eta", "beta", "steps", "w0", "b0"]);
    expect(explore.initialValues(w.sliders)).to.deep.equal({ eta: 0.1, beta: 0.5, steps: 200, w0: -2, b0: -2 });
    expect(w.optimizers.map((o) => o.label)).to.deep.equal(["RMSProp", "AdaGrad"]);
  });

  it("computes exactly what train computes (same code, same numbers, bit for bit)", () => {
    const w = explore.optimizers({
      optimizers: { rmsprop: { eps: 1e-4 }, adagrad: { eps: 1e-4 } },
      sliders: { eta: {}, "rmsprop.beta": {} }, start: [-4, 4], bounds: [[-4.5, 2], [-1.5, 4.5]],
    });
    const values = { eta: 0.05, "rmsprop.beta": 0.5, steps: 500, w0: -4, b0: 4 };
    const drawing = explore.compute(w, values);
    const expected = {
      rmsprop: train({ model: models.sigmoidNeuron, data: sparse, init: [-4, 4], optimizer: optimizers.rmsprop({ eta: 0.05, beta: 0.5, eps: 1e-4 }), epochs: 500 }),
      adagrad: train({ model: models.sigmoidNeuron, data: sparse, init: [-4, 4], optimizer: optimizers.adagrad({ eta: 0.05, eps: 1e-4 }), epochs: 500 }),
    };
    for (const [name, run] of Object.entries(expected)) {
      const p = pathOf(drawing, name);
      expect(p.x).to.deep.equal(Array.from(run.trajectory.param(0)));
      expect(p.y).to.deep.equal(Array.from(run.trajectory.param(1)));
      expect(p.loss).to.deep.equal(Array.from(run.trajectory.lossColumn()));
    }
    expect(pathOf(drawing, "rmsprop").hyper).to.deep.equal({ eps: 1e-4, eta: 0.05, beta: 0.5 });
    expect(drawing.readout[0].text).to.match(/^loss 0\.\d{4} at \(/);
  });

  it("lets an optimizer's own slider override the shared one", () => {
    const w = explore.optimizers({ problem: "valley", optimizers: ["gd", "adam"], sliders: { eta: {}, "adam.eta": { value: 0.3 } }, steps: 50 });
    const d = explore.compute(w, { ...explore.initialValues(w.sliders), eta: 0.02 });
    expect(pathOf(d, "gd").hyper).to.deep.equal({ eta: 0.02 });
    expect(pathOf(d, "adam").hyper).to.deep.equal({ eta: 0.3 });
    const adamRun = train({ model: models.surfaces.valley, init: models.surfaces.valley.start, optimizer: optimizers.adam({ eta: 0.3 }), epochs: 50 });
    expect(pathOf(d, "adam").x).to.deep.equal(Array.from(adamRun.trajectory.param(0)));
  });

  it("reports a diverged run and a bad hyperparameter in the readout instead of throwing", () => {
    const w = explore.optimizers({ problem: "bowl", optimizers: ["gd", "momentum"], sliders: { eta: { max: 10 }, beta: {} }, steps: 400 });
    const d = explore.compute(w, { ...explore.initialValues(w.sliders), eta: 10 });
    // gd on f = 1/2 (w^2 + 2 b^2) with eta 10: b <- (1 - 2 * 10) b = -19 b; 19^400 overflows
    expect(pathOf(d, "gd").diverged).to.equal(true);
    expect(d.readout[0].text).to.match(/diverged after step \d+/);
    const bad = explore.compute(w, { ...explore.initialValues(w.sliders), beta: 1 });
    expect(bad.readout[1].text).to.match(/^momentum: beta must be/);
    expect(pathOf(bad, "momentum").x).to.deep.equal([]);
  });


  it("rejects bad options with errors naming the function, the argument and the value", () => {
    expect(() => explore.optimizers({ optimizers: ["foo"] })).to.throw(/explore\.optimizers: optimizers\.foo must be an optimizer of the library.*got "foo"/);
    expect(() => explore.optimizers({ optimizers: ["gd"], sliders: { beta: {} } })).to.throw(/explore\.optimizers: sliders has an unknown key "beta" \(this widget knows eta, gd\.eta, steps, w0, b0\)/);
    expect(() => explore.optimizers({ optimizers: ["gd"], problem: "moon" as never })).to.throw(/explore\.optimizers: problem must be one of .*got "moon"/);
    expect(() => explore.optimizers({ optimizers: ["gd"], start: [1] as never })).to.throw(/explore\.optimizers: start must be \[w0, b0\]/);
    expect(() => explore.optimizers({ optimizers: ["gd"], sliders: { eta: { min: 1, max: 0.1 } } })).to.throw(/sliders\.eta needs min < max, got min 1 and max 0\.1/);
    expect(() => explore.optimizers({ optimizers: { gd: { eta: -1 } } })).to.throw(/explore\.optimizers: optimizers\.gd\.eta must be within the eta slider's range \[0\.001, 1\].*got -1/);
    expect(() => explore.optimizers({ optimizers: { gd: { eta: 0.1, flavor: "keras" } } })).to.throw(/gd: flavor must be/);
    expect(() => explore.optimizers({ optimizers: ["gd"], colour: "red" } as never)).to.throw(/unknown option "colour"/);
  });
});

describe("explore.schedule", () => {
  it("draws the schedule's rates and the path of GD driven by it, as train computes them", () => {
    const w: ScheduleWidget = explore.schedule({ schedule: "cyclic" });
    expect(w.sliders.map((s) => s.key)).to.deep.equal(["etaMin", "etaMax", "stepSize", "steps", "w0", "b0"]);
    const values = { ...explore.initialValues(w.sliders), stepSize: 20, steps: 300 };
    const d = explore.compute(w, values);
    const schedule = schedules.cyclic({ etaMin: 0.001, etaMax: 0.1, stepSize: 20 });
    expect(d.data.etas).to.deep.equal(Array.from({ length: 300 }, (_, t) => schedule(t)));
    const run = train({ model: models.surfaces.saddle, init: [-2, 1e-4], optimizer: optimizers.gd({ eta: schedule }), epochs: 300 });
    expect((d.data.path as { y: number[] }).y).to.deep.equal(Array.from(run.trajectory.param(1)));
  });

  it("covers step, exponential, cosine restarts and warm-up; shows a bad combination as text", () => {
    for (const kind of ["step", "exponential", "cosineRestarts", "warmup"] as const) {
      const w = explore.schedule({ schedule: kind, steps: 100 });
      const d = explore.compute(w, explore.initialValues(w.sliders));
      expect((d.data.etas as number[]).length, kind).to.equal(100);
    }
    const w = explore.schedule({ schedule: "cyclic" });
    const d = explore.compute(w, { ...explore.initialValues(w.sliders), etaMin: 0.05, etaMax: 0.01 });
    expect(d.lines).to.deep.equal([]);
    expect(d.readout[0].text).to.match(/^schedules\.cyclic: /);
    expect(() => explore.schedule({ schedule: "linear" as never })).to.throw(/explore\.schedule: schedule must be one of step, exponential, cyclic, cosineRestarts, warmup, got "linear"/);
    expect(() => explore.schedule({ schedule: "step", optimizer: { optimizer: "gd", eta: 0.1 } })).to.throw(/must not set eta/);
  });
});

describe("explore.biasCorrection", () => {
  it("replays Adam on the gradients: first step by hand", () => {
    const w = explore.biasCorrection({ grads: [2, 1, 0.5], sliders: { beta1: 0.9, beta2: 0.999 } });
    const d = explore.compute(w, { beta1: 0.9, beta2: 0.999, t: 1 });
    const r = d.data as { m: number[]; mHat: number[]; v: number[]; vHat: number[]; step: number[]; rawStep: number[] };
    // t = 1, g = 2: m = (1 - 0.9) 2 = 0.2; m-hat = 0.2 / (1 - 0.9) = 2
    expect(r.m[0]).to.be.closeTo(0.2, 1e-15);
    expect(r.mHat[0]).to.be.closeTo(2, 1e-14);
    // v = (1 - 0.999) 4 = 0.004; v-hat = 0.004 / 0.001 = 4
    expect(r.v[0]).to.be.closeTo(0.004, 1e-15);
    expect(r.vHat[0]).to.be.closeTo(4, 1e-12);
    // step / eta: corrected 2 / (sqrt(4) + 1e-8) = 1; raw 0.2 / (sqrt(0.004) + 1e-8) = 0.2 / 0.0632456 = 3.16228
    expect(r.step[0]).to.be.closeTo(1, 1e-8);
    expect(r.rawStep[0]).to.be.closeTo(3.16228, 1e-5);
    expect(d.readout[0].text).to.contain("1 \u2212 \u03b2\u2081\u1d57 = 0.1000");
  });
});

describe("explore.lpBall", () => {
  it("shows ||x||_p from the sum at p = 1 to the max at p = infinity", () => {
    const w = explore.lpBall({ sliders: { x1: 0.3, x2: -0.4 } });
    const at = (p: number) => explore.compute(w, { p, x1: 0.3, x2: -0.4 }).data.norm as number;
    expect(at(1)).to.be.closeTo(0.7, 1e-15); // 0.3 + 0.4
    expect(at(2)).to.be.closeTo(0.5, 1e-15); // sqrt(0.09 + 0.16)
    expect(at(Infinity)).to.equal(0.4); // max(0.3, 0.4)
    // p = 1100: 0.5^1100 underflows to 0 in the literal sum; scaled by M = 0.5: 0.5 (1 + 0.5^1100)^(1/1100) = 0.5
    expect(explore.compute(w, { p: 1100, x1: 0.5, x2: 0.25 }).data.norm).to.equal(0.5);
  });
});

describe("explore: display", () => {
  it("embeds the widget as text/html that waits for plotly.js and the library, and the bundle once", () => {
    const w = explore.lpBall({ title: "</script><b>x</b>" });
    const bundle = widgetBundle(w);
    const html = String(bundle.data["text/html"]);
    expect(html).to.match(/^<div id="alr-explore-[0-9a-f]{12}" class="adaptive-lr-explore" data-kind="lpBall"/);
    expect(html).to.contain("lib.explore.mount(el, spec)");
    expect(html.indexOf("</script>")).to.equal(html.lastIndexOf("</script>")); // the title cannot close the script
    expect(bundle.data["text/plain"]).to.equal("<explorable lpBall: </script><b>x</b> (sliders p, x\u2081, x\u2082)>");
    const lib = libraryScriptHtml();
    expect(lib).to.contain("DecompressionStream");
    expect(lib.length).to.be.below(200 * 1024);
  });
});
