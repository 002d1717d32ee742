/**
 * lessons/rmsprop: the weights of the exponential average, the largest rate eps allows, the
 * slide's eta0 table (with the square root the slide forgets), rate histories, the end-of-run
 * oscillation summary and the |gradient| vs |step| chart.
 */
import { expect } from "chai";
import { datasets, models, optimizers, train } from "../src/index";
import * as lessons from "../src/lessons";

const { averageWeights, weightsFromOptimizer, unrolledAverage, largestRate, rateTable, rateHistory, tailSummary, stepChart } = lessons.rmsprop;

describe("lessons.rmsprop", () => {
  it("weights of the exponential average: (1 - beta) beta^k, the same as the optimizer's v", () => {
    // beta = 0.9: 0.1, 0.1*0.9 = 0.09, 0.1*0.81 = 0.081 (the slide rounds the last one to 0.08)
    const w = averageWeights(0.9, 3);
    expect(w[0]).to.be.closeTo(0.1, 1e-15);
    expect(w[1]).to.be.closeTo(0.09, 1e-15);
    expect(w[2]).to.be.closeTo(0.081, 1e-15);
    // beta = 0.5: 0.5, 0.25, 0.125 (exact in binary)
    expect(averageWeights(0.5, 3)).to.deep.equal([0.5, 0.25, 0.125]);
    expect(weightsFromOptimizer(0.5, 3)).to.deep.equal([0.5, 0.25, 0.125]);
    const fromOpt = weightsFromOptimizer(0.9, 6);
    averageWeights(0.9, 6).forEach((x, k) => expect(fromOpt[k]).to.be.closeTo(x, 1e-15));
    expect(() => averageWeights(1)).to.throw("lessons.rmsprop.averageWeights: beta must be a number in [0, 1), got 1");
    expect(() => weightsFromOptimizer(0.9, 0)).to.throw("lessons.rmsprop.weightsFromOptimizer: count must be a positive integer, got 0");
  });

  it("unrolled sum equals the recursion", () => {
    // beta 0.5, g = 1, 2, 3: v1 = 0.5, v2 = 0.25 + 0.5*4 = 2.25, v3 = 1.125 + 0.5*9 = 5.625
    // unrolled: 0.5*9 + 0.25*4 + 0.125*1 = 5.625
    expect(unrolledAverage(0.5, [1, 2, 3])).to.deep.equal({ fromOptimizer: 5.625, fromWeights: 5.625 });
    // beta 0.9: 0.1*9 + 0.09*4 + 0.081*1 = 1.341
    const u = unrolledAverage(0.9, [1, 2, 3]);
    expect(u.fromOptimizer).to.be.closeTo(1.341, 1e-12);
    expect(u.fromWeights).to.be.closeTo(1.341, 1e-12);
    expect(() => unrolledAverage(0.9, [])).to.throw("lessons.rmsprop.unrolledAverage: grads");
    expect(() => unrolledAverage(0.9, [1, NaN])).to.throw("lessons.rmsprop.unrolledAverage: grads[1] must be a finite number, got NaN");
  });

  it("largest rate: eta / eps (eps outside) or eta / sqrt(eps) (eps inside)", () => {
    // 0.05 / 1e-4 = 500; 0.05 / sqrt(1e-4) = 0.05 / 0.01 = 5 (the lecture's number)
    expect(largestRate({ eta: 0.05, eps: 1e-4 })).to.be.closeTo(500, 1e-9);
    expect(largestRate({ eta: 0.05, eps: 1e-4, epsInsideSqrt: true })).to.be.closeTo(5, 1e-12);
    expect(() => largestRate({ eta: 0.05, eps: 0 })).to.throw("lessons.rmsprop.largestRate: eps must be a finite number > 0, got 0");
    expect(() => largestRate({ eta: -1, eps: 1e-4 })).to.throw("lessons.rmsprop.largestRate: eta must be a finite number > 0, got -1");
    expect(() => largestRate({ eta: 1, eps: 1, bogus: 1 } as never)).to.throw('lessons.rmsprop.largestRate: unknown option "bogus"');
  });

  it("the eta0 table divides by sqrt(v); the slide divides by v", () => {
    const rows = rateTable();
    expect(rows.map((r) => [r.eta, r.v])).to.deep.equal([[0.6, rows[0].v], [0.1, rows[1].v], [0.6, rows[2].v], [0.1, rows[3].v]]);
    expect(rows[0].v).to.be.closeTo(1.25, 1e-12);
    expect(rows[2].v).to.be.closeTo(0.1, 1e-12);
    // sqrt(1.25) = 1.11803: 0.6/1.11803 = 0.53666, 0.1/1.11803 = 0.089443
    // sqrt(0.1) = 0.316228: 0.6/0.316228 = 1.89737, 0.1/0.316228 = 0.316228
    const expected = [0.536656, 0.0894427, 1.897367, 0.3162278];
    rows.forEach((r, k) => expect(r.rate).to.be.closeTo(expected[k], 1e-6));
    // the slide: 0.6/1.25 = 0.48, 0.1/1.25 = 0.08, 0.6/0.1 = 6, 0.1/0.1 = 1
    [0.48, 0.08, 6, 1].forEach((s, k) => expect(rows[k].slide).to.be.closeTo(s, 1e-12));
    expect(() => rateTable({ vs: [0] })).to.throw("lessons.rmsprop.rateTable: vs[0] must be a finite number > 0, got 0");
    expect(() => rateTable({ etas: [] })).to.throw("lessons.rmsprop.rateTable: etas must be a non-empty array");
    expect(() => rateTable({ beta: 1 })).to.throw("lessons.rmsprop.rateTable: beta must be a number in [0, 1), got 1");
  });

  it("a 2-cycle on the bowl: with beta = 0 and eps = 0 every step is exactly eta", () => {
    // bowl f = 1/2 (w^2 + 2 b^2), grad (w, 2b). From (0.25, 0.25) with eta 0.5, beta 0: v = g^2, so
    // the step is 0.5 * g / |g| = 0.5 * sign(g): 0.25 -> -0.25 -> 0.25 ... in both coordinates.
    const run = train({ model: models.surfaces.bowl, init: [0.25, 0.25], optimizer: optimizers.rmsprop({ eta: 0.5, beta: 0, eps: 0 }), epochs: 6 });
    const s = tailSummary(run, 4);
    expect(s.amplitude).to.deep.equal([0.5, 0.5]);
    expect(s.meanStep).to.deep.equal([0.5, 0.5]);
    // |grad_w| = 0.25, |grad_b| = 2 * 0.25 = 0.5
    expect(s.meanGrad).to.deep.equal([0.25, 0.5]);
    // loss 1/2 (0.0625 + 2 * 0.0625) = 0.09375 at every point of the cycle
    expect(s.lossMin).to.equal(0.09375);
    expect(s.lossMax).to.equal(0.09375);
    // rate = eta / |g| = 0.5 / 0.25 = 2 for w at every update
    const h = rateHistory(run, "w");
    expect(h.first).to.equal(2);
    expect(h.last).to.equal(2);
    expect(() => tailSummary(run, 7)).to.throw("lessons.rmsprop.tailSummary: run must be a run with at least 7 update(s), got 6");
    expect(() => tailSummary({} as never)).to.throw("lessons.rmsprop.tailSummary: run must be a result of train()");
  });

  it("AdaGrad's rate only decreases; RMSProp's falls and climbs back", () => {
    // AdaGrad on the bowl from (0.25, 0.25), eta 0.5, eps 0: rate_w = 0.5/0.25 = 2, then 0.5/sqrt(0.125) = 1.41421
    const ada = train({ model: models.surfaces.bowl, init: [0.25, 0.25], optimizer: optimizers.adagrad({ eta: 0.5, eps: 0 }), epochs: 2 });
    expect(ada.trajectory.effectiveRateColumn(0)[1]).to.be.closeTo(1.41421356, 1e-8);
    expect(rateHistory(ada, 0).neverIncreases).to.equal(true);
    const data = datasets.sparse();
    const fit = (optimizer: ReturnType<typeof optimizers.rmsprop> | ReturnType<typeof optimizers.adagrad>, epochs = 120) => train({ model: models.sigmoidNeuron, data, init: [-4, 4], optimizer, epochs });
    const adagrad = fit(optimizers.adagrad({ eta: 0.1, eps: 1e-4 }));
    const rms = fit(optimizers.rmsprop({ eta: 0.1, beta: 0.5, eps: 1e-4 }));
    const a = rateHistory(adagrad, "b");
    const r = rateHistory(rms, "b");
    expect(a.neverIncreases).to.equal(true);
    expect(a.smallestAt).to.equal(120);
    expect(r.neverIncreases).to.equal(false);
    expect(r.largestAfter).to.be.above(10 * r.smallest);
    expect(r.smallestAt).to.be.below(120);
    expect(() => rateHistory(rms, "c")).to.throw("lessons.rmsprop.rateHistory: param must be a parameter index in [0, 1] or one of w, b");
    // the lecture setting ends in a 2-cycle of size eta = 0.1 in both parameters
    const tail = tailSummary(rms, 20);
    expect(tail.amplitude[0]).to.be.closeTo(0.1, 1e-3);
    expect(tail.amplitude[1]).to.be.closeTo(0.1, 1e-3);
    // the lecture's fix eta = 0.05 halves the cycle (notebook 03) but does not remove it: after 200
    // epochs each update still moves both parameters by ~0.05, and the loss swings 0.6415..0.6422
    const half = tailSummary(fit(optimizers.rmsprop({ eta: 0.05, beta: 0.5, eps: 1e-4 }), 200), 20);
    half.amplitude.forEach((a) => expect(a).to.be.closeTo(0.05, 1e-3));
    half.meanStep.forEach((m) => expect(m).to.be.closeTo(0.05, 1e-3));
    expect(half.lossMin).to.be.closeTo(0.64147, 1e-5);
    expect(half.lossMax).to.be.closeTo(0.64216, 1e-5);
  });

  it("step chart: |gradient| and |step| per run", () => {
    const run = train({ model: models.surfaces.bowl, init: [0.25, 0.25], optimizer: optimizers.rmsprop({ eta: 0.5, beta: 0, eps: 0 }), epochs: 3 });
    const fig = stepChart({ rms: run }, { param: "b" });
    expect(fig.data).to.have.length(2);
    expect((fig.data[0] as { y: number[] }).y).to.deep.equal([0.5, 0.5, 0.5]);
    expect((fig.data[1] as { y: number[] }).y).to.deep.equal([0.5, 0.5, 0.5]);
    expect((fig.layout.yaxis as { type: string }).type).to.equal("log");
    expect(() => stepChart({})).to.throw("lessons.rmsprop.stepChart: runs must be an object of named train() results");
    expect(() => stepChart({ rms: run }, { param: 5 })).to.throw("lessons.rmsprop.stepChart: param must be a parameter index in [0, 1]");
  });
});
