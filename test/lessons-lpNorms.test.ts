/**
 * lessons/lpNorms: L^p norms, the max norm vs the exponential average, AdaMax's first step.
 * Expected values are computed by hand from the lecture's formulas.
 */
import { expect } from "chai";
import { datasets, models, optimizers, train } from "../src/index";
import * as lessons from "../src/lessons";

const { lpNorm, lpNormScaled, maxNorm, lpNormTable, rateProfiles, maxNormEstimate, firstRates, lineChart, lastEpochLoss } = lessons.lpNorms;

describe("lessons.lpNorms", () => {
  describe("L^p norms", () => {
    it("match the definition for small p and tend to the max", () => {
      expect(lpNorm([3, 4], 1)).to.equal(7);
      expect(lpNorm([3, 4], 2)).to.equal(5);
      expect(lpNorm([3, -4], Infinity)).to.equal(4);
      expect(maxNorm([-7, 2])).to.equal(7);
      expect(lpNormScaled([3, 4], 2)).to.be.closeTo(5, 1e-12);
      expect(lpNormScaled([0, 0], 3)).to.equal(0);
    });
    it("the definition underflows (|x| < 1) and overflows (|x| > 1) for large p; the scaled form does not", () => {
      expect(lpNorm([0.5, 0.25], 1100)).to.equal(0);
      expect(lpNormScaled([0.5, 0.25], 1100)).to.be.closeTo(0.5, 1e-12);
      expect(lpNorm([3, 4], 700)).to.equal(Infinity);
      expect(lpNormScaled([3, 4], 700)).to.be.closeTo(4, 1e-12);
    });
    it("lpNormTable reports the sum of powers, both norms and the max", () => {
      const rows = lpNormTable([3, 4], [2, 700, Infinity]);
      expect(rows[0]).to.deep.equal({ p: 2, sumOfPowers: 25, naive: 5, scaled: 5, max: 4 });
      expect(rows[1].sumOfPowers).to.equal(Infinity);
      expect(rows[2].naive).to.equal(4);
    });
    it("reject p < 1 and empty vectors", () => {
      expect(() => lpNorm([1], 0.5)).to.throw(/lessons.lpNorms.lpNorm: p must be a number >= 1 \(or Infinity\), got 0.5/);
      expect(() => lpNorm([], 2)).to.throw(/lpNorm: x must be a non-empty array/);
      expect(() => lpNormTable([1], [])).to.throw(/lpNormTable: ps must be a non-empty array/);
    });
  });

  describe("rateProfiles (eta 1, beta2 0.999)", () => {
    it("the lecture's example g = (1, 0, 1): EMA corrected 1 -> 1.4146 -> 1.2247; max norm 1 -> 1.001 -> 1", () => {
      const r = rateProfiles([1, 0, 1], { eps: 0 });
      expect(r.vHat[0]).to.be.closeTo(1, 1e-12);
      // vHat_2 = 0.999 * 0.001 / (1 - 0.999^2) = 0.49975
      expect(r.vHat[1]).to.be.closeTo(0.49975, 1e-5);
      expect(r.emaCorrected[1]).to.be.closeTo(1.4146, 1e-4);
      // vHat_3 = (0.000999*0.999 + 0.001) / (1 - 0.999^3) = 0.666...
      expect(r.emaCorrected[2]).to.be.closeTo(1 / Math.sqrt(0.001998001 / (1 - 0.999 ** 3)), 1e-9);
      expect(r.vMax).to.deep.equal([1, 0.999, 1]);
      expect(r.maxNorm[1]).to.be.closeTo(1 / 0.999, 1e-12);
      // no correction: 1/sqrt(0.001) = 31.62
      expect(r.ema[0]).to.be.closeTo(31.6228, 1e-4);
    });
    it("on a decaying gradient profile the corrected EMA rate climbs while the max-norm rate barely moves", () => {
      const r = rateProfiles(datasets.gradientProfile());
      const n = r.maxNorm.length;
      expect(r.emaCorrected[n - 1] / r.emaCorrected[0]).to.be.above(2);
      expect(r.maxNorm[n - 1] / r.maxNorm[0]).to.be.below(1.15);
    });
    it("checks its options", () => {
      expect(() => rateProfiles([1], { beta2: -1 })).to.throw(/rateProfiles: beta2 must be a number in \[0, 1\)/);
      expect(() => rateProfiles([1], { eps: -1 })).to.throw(/rateProfiles: eps must be a finite number >= 0/);
    });
  });

  it("maxNormEstimate: v_t = max(beta v_{t-1}, |x_t|)", () => {
    expect(maxNormEstimate([2, -1, 0, 3], 0.5)).to.deep.equal([2, 1, 0.5, 3]);
    expect(() => maxNormEstimate([1], 1)).to.throw(/maxNormEstimate: beta must be a number in \[0, 1\)/);
  });

  it("firstRates: 0.025/0.0314 = 0.796 for Adam and AdaMax, 25.18 for Adam without correction", () => {
    const r = firstRates();
    expect(r.adam).to.be.closeTo(0.7962, 1e-4);
    expect(r.adamax).to.be.closeTo(0.7962, 1e-4);
    expect(r.adamWithoutCorrection).to.be.closeTo(25.1774, 1e-4);
    expect(() => firstRates({ grad: 0 })).to.throw(/firstRates: grad must be a non-zero number/);
  });

  it("lineChart: one scatter trace per series, t = 1..n, log axis on request", () => {
    const fig = lineChart({ a: [1, 2, 3], b: [3, 2, 1] }, { logY: true, title: "T", yTitle: "rate" });
    expect(fig.data).to.have.length(2);
    expect(fig.data[0].x).to.deep.equal([1, 2, 3]);
    expect(fig.data[1].y).to.deep.equal([3, 2, 1]);
    expect((fig.layout.yaxis as { type: string }).type).to.equal("log");
    expect(() => lineChart({ a: [1, 2], b: [1] })).to.throw(/lineChart: series.b must be an array of 2 numbers/);
    expect(() => lineChart({})).to.throw(/lineChart: series must be an object/);
  });

  it("lastEpochLoss: mean, max and final loss over the last epoch of an SGD run", () => {
    const data = datasets.sparse({ n: 20, sparsity: 0.5 });
    const run = train({ model: models.sigmoidNeuron, data, init: [-2, -2], optimizer: optimizers.adamax({ eta: 0.025 }), epochs: 3, mode: "sgd" });
    const s = lastEpochLoss(run, 20);
    const last = Array.from(run.trajectory.lossColumn().slice(41));
    expect(last).to.have.length(20);
    expect(s.mean).to.be.closeTo(last.reduce((a, b) => a + b, 0) / 20, 1e-12);
    expect(s.max).to.equal(Math.max(...last));
    expect(s.final).to.equal(last[19]);
    expect(() => lastEpochLoss(run, 100)).to.throw(/lastEpochLoss: updatesPerEpoch must be at most the run's 60 updates/);
  });
});
