/**
 * lessons/adadelta: unrolled weights (and the slide's printed ones), the first steps by hand, run
 * comparison, effective-rate summary and the hyperparameter sweep.
 */
import { expect } from "chai";
import { datasets, models, optimizers, train } from "../src/index";
import * as lessons from "../src/lessons";
import type { Optimizer } from "../src/index";

const { unrolledWeights, slideWeightCheck, SLIDE_WEIGHTS, handSteps, compareRuns, rateSummary, sweep } = lessons.adadelta;

describe("lessons.adadelta", () => {
  const data = datasets.sparse();
  const start = [-4, -4];
  const fit = (optimizer: Optimizer, epochs: number) => train({ model: models.sigmoidNeuron, data, init: start, optimizer, epochs });

  it("unrolled weights are (1 - beta) beta^(i - j)", () => {
    // beta 0.9, i = 2: 0.1 * 0.81, 0.1 * 0.9, 0.1
    const w2 = unrolledWeights(0.9, 2);
    [0.081, 0.09, 0.1].forEach((x, j) => expect(w2[j]).to.be.closeTo(x, 1e-12));
    // beta 0.5, i = 3: 0.0625, 0.125, 0.25, 0.5; they sum to 1 - 0.5^4 = 0.9375
    const w3 = unrolledWeights(0.5, 3);
    [0.0625, 0.125, 0.25, 0.5].forEach((x, j) => expect(w3[j]).to.be.closeTo(x, 1e-15));
    expect(w3.reduce((a, b) => a + b, 0)).to.be.closeTo(0.9375, 1e-15);
    // i = 10: the slide's 0.034 and 0.038 are 0.1 * 0.9^10 = 0.034868 and 0.1 * 0.9^9 = 0.038742 (truncated)
    const w10 = unrolledWeights(0.9, 10);
    expect(w10[0]).to.be.closeTo(0.0348678, 1e-7);
    expect(w10[1]).to.be.closeTo(0.0387420, 1e-7);
    expect(w10[9]).to.be.closeTo(0.09, 1e-12);
    expect(unrolledWeights(0.9, 0)).to.have.length(1);
  });

  it("finds the two wrong 0.08 coefficients on the slides", () => {
    const rows = slideWeightCheck();
    expect(rows).to.have.length(SLIDE_WEIGHTS.length);
    const wrong = rows.filter((r) => !r.ok);
    // v_1's g_0 weight is 0.1 * 0.9 = 0.09 and v_i's g_{i-1} weight is 0.09 too; both printed 0.08.
    expect(wrong.map((r) => r.term)).to.deep.equal(["v_1: g_0^2 (another slide, also u_1)", "v_i (i = 10): g_{i-1}^2"]);
    wrong.forEach((r) => expect(r.correct).to.be.closeTo(0.09, 1e-12));
    // 0.07 for 0.0729 and 0.034 for 0.034868 are truncations: accepted.
    expect(rows.find((r) => r.term === "v_3: g_0^2")?.ok).to.equal(true);
  });

  it("reproduces the first steps by hand", () => {
    // g = 2, 2 with beta 0.5, eps 0.25:
    // t=1: v = 0.5 * 4 = 2, numerator sqrt(0 + 0.25) = 0.5, denominator sqrt(2.25) = 1.5, rate 1/3,
    //      Delta w = -2/3, u = 0.5 * 4/9 = 2/9
    // t=2: v = 0.5 * 2 + 0.5 * 4 = 3, numerator sqrt(2/9 + 1/4) = sqrt(17/36) = 0.687184,
    //      denominator sqrt(3.25) = 1.802776, rate 0.381181, Delta w = -0.762362,
    //      u = 0.5 * 2/9 + 0.5 * 0.762362^2 = 0.111111 + 0.290598 = 0.401709
    const [s1, s2] = handSteps([2, 2], { beta: 0.5, eps: 0.25 });
    expect(s1.t).to.equal(1);
    expect(s1.v).to.be.closeTo(2, 1e-15);
    expect(s1.numerator).to.be.closeTo(0.5, 1e-15);
    expect(s1.denominator).to.be.closeTo(1.5, 1e-15);
    expect(s1.rate).to.be.closeTo(1 / 3, 1e-15);
    expect(s1.deltaW).to.be.closeTo(-2 / 3, 1e-15);
    expect(s1.u).to.be.closeTo(2 / 9, 1e-15);
    expect(s2.v).to.be.closeTo(3, 1e-15);
    expect(s2.numerator).to.be.closeTo(Math.sqrt(17 / 36), 1e-15);
    expect(s2.denominator).to.be.closeTo(Math.sqrt(3.25), 1e-15);
    expect(s2.rate).to.be.closeTo(0.381181, 1e-6);
    expect(s2.rate).to.be.closeTo(s2.numerator / s2.denominator, 1e-15);
    expect(s2.deltaW).to.be.closeTo(-0.762362, 1e-6);
    expect(s2.u).to.be.closeTo(0.401709, 1e-6);
    expect(s2.param).to.be.closeTo(-2 / 3 - 0.762362, 1e-6);
  });

  it("lecture defaults: the first step is about 3.16 sqrt(eps)", () => {
    // beta 0.9, eps 1e-6, g = -2: v = 0.1 * 4 = 0.4, rate = 0.001 / sqrt(0.400001) = 0.00158113,
    // Delta w = 0.00316227 ~ sqrt(eps) / sqrt(0.1) = 3.1623e-3; u = 0.1 * Delta w^2 = 1.0e-6 (~ eps)
    const [s] = handSteps([-2]);
    expect(s.v).to.be.closeTo(0.4, 1e-15);
    expect(s.rate).to.be.closeTo(0.00158113, 1e-8);
    expect(s.deltaW).to.be.closeTo(0.00316227, 1e-8);
    expect(s.u).to.be.closeTo(1e-6, 1e-11);
    // replaying a run's b gradients reproduces its b coordinate
    const run = fit(optimizers.adadelta({ beta: 0.9, eps: 1e-6 }), 3);
    const steps = handSteps(Array.from(run.trajectory.gradColumn(1)));
    const b = run.trajectory.param(1);
    steps.forEach((st, k) => expect(-4 + st.param).to.be.closeTo(b[k + 1], 1e-12));
  });

  it("compares AdaDelta and RMSProp (eta0 0.013) as in the lecture", () => {
    const runs = {
      adadelta: fit(optimizers.adadelta({ beta: 0.99, eps: 1e-4 }), 200),
      rmsprop: fit(optimizers.rmsprop({ eta: 0.013, beta: 0.99, eps: 1e-4 }), 200),
    };
    const rows = compareRuns(runs, { at: [0, 25, 50, 300], target: 0.64 });
    expect(rows.map((r) => r.name)).to.deep.equal(["adadelta", "rmsprop"]);
    expect(rows[0].lossAt[0]).to.be.closeTo(models.sigmoidNeuron.loss(start, data), 1e-12); // 45.2369
    expect(rows[0].lossAt[3]).to.be.NaN; // beyond the 200 updates
    // AdaDelta is at the minimum (loss 0.62875, (w, b) = (0.995, -0.727)) within the lecture's ~35 updates
    expect(rows[0].stepsToTarget).to.be.at.most(35);
    expect(rows[0].lossAt[2]).to.be.closeTo(0.62875, 1e-5);
    expect(rows[1].stepsToTarget).to.be.above(100);
    expect(rows[1].lossAt[2]).to.be.above(10);

    const rates = rateSummary(runs);
    expect(rates.map((r) => `${r.name}.${r.param}`)).to.deep.equal(["adadelta.w", "adadelta.b", "rmsprop.w", "rmsprop.b"]);
    // first b rate: g_b = -2.18440 at (-4, -4); v = 0.01 * 4.77161 = 0.0477161
    // AdaDelta: sqrt(1e-4) / sqrt(0.0477161 + 1e-4) = 0.01 / 0.218669 = 0.0457312
    // RMSProp:  0.013 / (sqrt(0.0477161) + 1e-4) = 0.013 / 0.218540 = 0.0594857
    expect(rates[1].first).to.be.closeTo(0.0457312, 1e-6);
    expect(rates[3].first).to.be.closeTo(0.0594857, 1e-6);
    // RMSProp's b rate falls far more (to < 5% of its start) than AdaDelta's (stays > 50%)
    expect(rates[3].drop).to.be.below(0.05);
    expect(rates[1].drop).to.be.above(0.5);
    expect(rates[1].min).to.equal(Math.min(...runs.adadelta.trajectory.effectiveRateColumn(1)));
    expect(runs.adadelta.trajectory.effectiveRateColumn(1)[rates[1].minAt - 1]).to.equal(rates[1].min);
  });

  it("sweeps a hyperparameter", () => {
    const rows = sweep([0.005, 0.05], (eta) => optimizers.rmsprop({ eta, beta: 0.99, eps: 1e-4 }), { data, init: start, epochs: 100 });
    expect(rows.map((r) => r.value)).to.deep.equal([0.005, 0.05]);
    expect(rows[0].stepsToTarget).to.equal(null); // eta0 too small: still far away after 100 updates
    expect(rows[1].stepsToTarget).to.be.a("number").and.below(50);
    expect(rows.every((r) => !r.diverged)).to.equal(true);
  });

  it("rejects bad input with errors that name the function and argument", () => {
    expect(() => unrolledWeights(1)).to.throw("lessons.adadelta.unrolledWeights: beta must be a number in [0, 1), got 1");
    expect(() => unrolledWeights(0.9, -1)).to.throw("lessons.adadelta.unrolledWeights: i must be an integer >= 0, got -1");
    expect(() => slideWeightCheck(-0.1)).to.throw("lessons.adadelta.slideWeightCheck: beta");
    expect(() => handSteps([])).to.throw("lessons.adadelta.handSteps: grads must be a non-empty array");
    expect(() => handSteps([1, NaN])).to.throw("lessons.adadelta.handSteps: grads");
    expect(() => handSteps([1], { eps: -1 })).to.throw("lessons.adadelta.handSteps: eps must be a finite number >= 0, got -1");
    expect(() => handSteps([1], { eta: 1 } as never)).to.throw('lessons.adadelta.handSteps: unknown option "eta"');
    const run = fit(optimizers.adadelta(), 2);
    expect(() => compareRuns({}, { target: 1 })).to.throw("lessons.adadelta.compareRuns: runs must be");
    expect(() => compareRuns({ a: {} as never }, { target: 1 })).to.throw("lessons.adadelta.compareRuns: runs.a must be a result of train()");
    expect(() => compareRuns({ a: run }, { target: NaN })).to.throw("lessons.adadelta.compareRuns: target must be a finite number, got NaN");
    expect(() => compareRuns({ a: run }, { at: [1.5], target: 1 })).to.throw("lessons.adadelta.compareRuns: at must be an integer >= 0, got 1.5");
    expect(() => rateSummary(null as never)).to.throw("lessons.adadelta.rateSummary: runs");
    const make = () => optimizers.adadelta();
    expect(() => sweep([], make, { data, init: start })).to.throw("lessons.adadelta.sweep: values");
    expect(() => sweep([1], 5 as never, { data, init: start })).to.throw("lessons.adadelta.sweep: make must be a function");
    expect(() => sweep([1], make, { init: start } as never)).to.throw("lessons.adadelta.sweep: data");
    expect(() => sweep([1], make, { data, init: start, epochs: 0 })).to.throw("lessons.adadelta.sweep: epochs must be a positive integer, got 0");
  });
});
