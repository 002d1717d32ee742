/**
 * lessons/adagrad: first-step rates (hand-computed on a 3-point data set and on datasets.sparse),
 * the slide's rates, rates at chosen updates, tail movement, rates without the square root,
 * gradient rescaling, path differences and the chart.
 */
import { expect } from "chai";
import { datasets, models, optimizers, train } from "../src/index";
import * as lessons from "../src/lessons";

const { firstStepRates, SLIDE_FIRST_STEP, rateForAccumulator, rateAt, tailMovement, rateWithoutRoot, gradientScaling, maxPathDifference, rootChart } = lessons.adagrad;

// Three points, hand-computable at (w, b) = (0, 0): f = sigmoid(0) = 0.5, f (1 - f) = 0.25.
//   point (x 0, y 0): (0.5 - 0) * 0.25 = +0.125 -> grad_b += 0.125, grad_w += 0
//   point (x 0, y 0): the same                    -> grad_b += 0.125
//   point (x 2, y 1): (0.5 - 1) * 0.25 = -0.125 -> grad_b += -0.125, grad_w += -0.125 * 2 = -0.25
// grad_w = -0.25, grad_b = 0.125; v_w = 0.0625, v_b = 0.015625;
// rate_w = 0.1 / 0.25 = 0.4, rate_b = 0.1 / 0.125 = 0.8 (eps = 1e-8 changes the 8th digit).
const tiny = { x: [0, 0, 2], y: [0, 0, 1] };

const sparse = datasets.sparse();
const fit = (eta: number, epochs: number, epsInsideSqrt = false) =>
  train({ model: models.sigmoidNeuron, data: sparse, init: [-2, -2], optimizer: optimizers.adagrad({ eta, epsInsideSqrt }), epochs });

describe("lessons.adagrad", () => {
  it("first-step rates on a hand-computed data set", () => {
    const r = firstStepRates(tiny, [0, 0], 0.1);
    expect(r.gradW).to.be.closeTo(-0.25, 1e-15);
    expect(r.gradB).to.be.closeTo(0.125, 1e-15);
    expect(r.vW).to.be.closeTo(0.0625, 1e-15);
    expect(r.vB).to.be.closeTo(0.015625, 1e-15);
    expect(r.rateW).to.be.closeTo(0.4, 1e-7);
    expect(r.rateB).to.be.closeTo(0.8, 1e-7);
    // First step: -rate * grad = -0.4 * -0.25 = +0.1 and -0.8 * 0.125 = -0.1: both move by eta.
    expect(r.stepW).to.be.closeTo(0.1, 1e-8);
    expect(r.stepB).to.be.closeTo(-0.1, 1e-8);
  });

  it("first-step rates on datasets.sparse match the slide's b-numbers", () => {
    const r = firstStepRates(sparse);
    // grad at (-2, -2) = (-0.566, -9.185) (the slide: grad_b0 = -9.19).
    expect(r.gradW).to.be.closeTo(-0.566, 5e-4);
    expect(r.gradB).to.be.closeTo(-9.185, 5e-4);
    expect(r.vW).to.equal(r.gradW * r.gradW);
    expect(r.vB).to.equal(r.gradB * r.gradB);
    // eps = 1e-8 outside the root: rate = eta / (|g| + 1e-8).
    expect(r.rateW).to.be.closeTo(0.1 / Math.abs(r.gradW), 1e-8);
    // 0.1 / 9.1846 = 0.010888, the slide's 0.1 / sqrt(84.45) = 0.010882.
    expect(r.rateB).to.be.closeTo(0.010888, 1e-6);
    expect(r.rateB).to.be.closeTo(0.1 / Math.sqrt(SLIDE_FIRST_STEP.vB), 1e-5);
    expect(() => firstStepRates(sparse, [0], 0.1)).to.throw("lessons.adagrad.firstStepRates: init");
    expect(() => firstStepRates(sparse, [-2, -2], -1)).to.throw("lessons.adagrad.firstStepRates: eta must be a finite number > 0, got -1");
    expect(() => firstStepRates(null as never)).to.throw("lessons.adagrad.firstStepRates: data");
  });

  it("the slide's rates from its accumulators", () => {
    // 0.1 / sqrt(0.019) = 0.1 / 0.137840 = 0.725476 (printed 0.72); 0.1 / sqrt(84.45) = 0.010882 (printed 0.01).
    expect(rateForAccumulator(0.019)).to.be.closeTo(0.725476, 1e-6);
    expect(rateForAccumulator(84.45)).to.be.closeTo(0.0108818, 1e-7);
    // eps outside: 0.1 / (2 + 0) = 0.05 exactly for v = 4.
    expect(rateForAccumulator(4, { eps: 0, epsInsideSqrt: false })).to.equal(0.05);
    expect(() => rateForAccumulator(0)).to.throw("lessons.adagrad.rateForAccumulator: v must be a finite number > 0, got 0");
    expect(() => rateForAccumulator(1, { beta: 1 } as never)).to.throw("lessons.adagrad.rateForAccumulator");
  });

  it("rates at chosen updates never increase and follow eta / sqrt(v)", () => {
    const run = fit(0.1, 300);
    const rows = rateAt(run, "b", [1, 10, 100, 300]);
    expect(rows.map((r) => r.t)).to.deep.equal([1, 10, 100, 300]);
    expect(rows[0].v).to.be.closeTo(84.3565, 1e-3); // 9.1846^2
    for (const r of rows) expect(r.rate).to.be.closeTo(0.1 / (Math.sqrt(r.v) + 1e-8), 1e-15);
    for (let k = 1; k < rows.length; k++) expect(rows[k].rate).to.be.at.most(rows[k - 1].rate);
    expect(rows[3].value).to.equal(run.trajectory.record(300).params[1]);
    expect(rateAt(run, 0, [1])[0].rate).to.be.closeTo(0.1 / 0.5657, 1e-4);
    expect(() => rateAt(run, "c", [1])).to.throw("lessons.adagrad.rateAt: param");
    expect(() => rateAt(run, "b", [0])).to.throw("lessons.adagrad.rateAt: ts must be update counts in [1, 300], got 0");
    expect(() => rateAt(run, "b", [])).to.throw("lessons.adagrad.rateAt: ts");
    const gd = train({ model: models.sigmoidNeuron, data: sparse, init: [-2, -2], optimizer: optimizers.gd({ eta: 0.01 }), epochs: 2 });
    expect(() => rateAt(gd, "b", [1])).to.throw("lessons.adagrad.rateAt: run");
  });

  it("tail movement: change over the last updates", () => {
    const run = fit(0.1, 50);
    const m = tailMovement(run, 10);
    expect(m.from).to.equal(41);
    expect(m.to).to.equal(50);
    expect(m.before).to.deep.equal(run.trajectory.record(40).params);
    expect(m.after).to.deep.equal(run.trajectory.record(50).params);
    expect(m.change[1]).to.equal(m.after[1] - m.before[1]);
    expect(m.rateFrom[1]).to.equal(run.trajectory.effectiveRateColumn(1)[40]);
    expect(m.rateTo[1]).to.equal(run.trajectory.effectiveRateColumn(1)[49]);
    expect(() => tailMovement(run, 51)).to.throw("lessons.adagrad.tailMovement: last must be at most the run's 50 updates, got 51");
    expect(() => tailMovement({} as never)).to.throw("lessons.adagrad.tailMovement: run");
  });

  it("rates without the square root divide eta by the recorded v", () => {
    const run = fit(0.1, 20);
    const noRoot = rateWithoutRoot(run, 0.1, "b");
    expect(noRoot).to.have.length(20);
    // t = 1: 0.1 / 84.3565 = 0.0011854.
    expect(noRoot[0]).to.be.closeTo(0.0011854, 1e-7);
    expect(noRoot[19]).to.equal(0.1 / run.trajectory.stateColumn("v", 1)[19]);
    expect(() => rateWithoutRoot(run, 0, "b")).to.throw("lessons.adagrad.rateWithoutRoot: eta");
    expect(() => rateWithoutRoot(run, 0.1, 2)).to.throw("lessons.adagrad.rateWithoutRoot: param");
  });

  it("rescaling the gradients changes nothing with the root and shrinks the steps without it", () => {
    // g = (1, 1), eta = 0.1, factor 10:
    //   with root: v = 1, 2 -> steps -0.1/1 * 1 = -0.1 and -0.1/sqrt(2) = -0.070711; scaled: v = 100, 200,
    //     steps -0.1 * 10/10 = -0.1 and -0.1 * 10/sqrt(200) = -0.070711 (the same).
    //   without root: -0.1 * 1/1 = -0.1, -0.1 * 1/2 = -0.05; scaled: -0.1 * 10/100 = -0.01, -0.1 * 10/200 = -0.005.
    const rows = gradientScaling([1, 1], 10);
    expect(rows[0].step).to.be.closeTo(-0.1, 1e-15);
    expect(rows[1].step).to.be.closeTo(-0.0707107, 1e-7);
    expect(rows[1].stepScaled).to.be.closeTo(rows[1].step, 1e-15);
    expect(rows[0].stepNoRoot).to.be.closeTo(-0.1, 1e-15);
    expect(rows[1].stepNoRoot).to.be.closeTo(-0.05, 1e-15);
    expect(rows[0].stepNoRootScaled).to.be.closeTo(-0.01, 1e-15);
    expect(rows[1].stepNoRootScaled).to.be.closeTo(-0.005, 1e-15);
    expect(() => gradientScaling([], 10)).to.throw("lessons.adagrad.gradientScaling: grads");
    expect(() => gradientScaling([0, 1], 10)).to.throw("lessons.adagrad.gradientScaling: grads");
    expect(() => gradientScaling([1], -2)).to.throw("lessons.adagrad.gradientScaling: factor must be a finite number > 0, got -2");
  });

  it("eps inside or outside the root: practically the same path", () => {
    const a = fit(0.1, 100);
    const b = fit(0.1, 100, true);
    const d = maxPathDifference(a, b);
    expect(d.difference).to.be.above(0);
    expect(d.difference).to.be.below(1e-6);
    expect(maxPathDifference(a, a)).to.deep.equal({ difference: 0, t: 0, param: 0 });
    expect(() => maxPathDifference(a, fit(0.1, 5))).to.throw("lessons.adagrad.maxPathDifference: b");
    expect(() => maxPathDifference(a, null as never)).to.throw("lessons.adagrad.maxPathDifference: b");
  });

  it("root chart: solid recorded rates and dashed rates without the root", () => {
    const run = fit(0.1, 10);
    const fig = rootChart(run, 0.1);
    expect(fig.data).to.have.length(4);
    expect((fig.data[1] as { y: number[] }).y[0]).to.be.closeTo(0.1 / run.trajectory.stateColumn("v", 0)[0], 1e-4); // rounded to 5 digits
    expect((fig.layout.yaxis as { type: string }).type).to.equal("log");
    expect(() => rootChart(run, -1)).to.throw("lessons.adagrad.rootChart: eta");
  });
});
