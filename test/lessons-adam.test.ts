/**
 * lessons/adam: the numbers the Adam notebook prints. Expected values are the lecture's worked
 * numbers recomputed by hand (see /work/shared/lecture/slide-numbers-checked.md).
 */
import { expect } from "chai";
import { datasets, models, optimizers, train } from "../src/index";
import * as lessons from "../src/lessons";

const { replayGradients, biasCorrectionNumbers, SLIDE_SECOND_STEP, exponentialAverages, stepLengths, firstSteps, raceSummary } = lessons.adam;

describe("lessons.adam", () => {
  describe("replayGradients", () => {
    it("feeds each gradient to the optimizer and reports lr, param and state per update", () => {
      const steps = replayGradients(optimizers.gd({ eta: 0.5 }), [2, -4]);
      expect(steps.map((s) => s.t)).to.deep.equal([1, 2]);
      expect(steps.map((s) => s.effectiveRate)).to.deep.equal([0.5, 0.5]);
      // w: 0 -> 0 - 0.5*2 = -1 -> -1 - 0.5*(-4) = 1
      expect(steps.map((s) => s.param)).to.deep.equal([-1, 1]);
      expect(steps[0].state).to.deep.equal({});
    });

    it("reads every state vector (and scalar) of the optimizer", () => {
      const [s] = replayGradients(optimizers.adam({ eta: 1 }), [0.5]);
      expect(Object.keys(s.state).sort()).to.deep.equal(["m", "mHat", "v", "vHat"]);
      expect(s.state.m).to.be.closeTo(0.05, 1e-15);
      expect(s.state.mHat).to.be.closeTo(0.5, 1e-15);
    });

    it("rejects an empty or non-numeric gradient list and a non-optimizer", () => {
      expect(() => replayGradients(optimizers.adam({ eta: 1 }), [])).to.throw(/lessons.adam.replayGradients: grads must be a non-empty array/);
      expect(() => replayGradients(optimizers.adam({ eta: 1 }), [1, NaN])).to.throw(/grads\[1\] must be a finite number, got NaN/);
      expect(() => replayGradients({} as never, [1])).to.throw(/optimizer must be an optimizer/);
    });
  });

  describe("biasCorrectionNumbers (grad 0.1 then 0, beta2 0.999)", () => {
    const [one, two] = biasCorrectionNumbers();
    it("without correction: v = 1e-5 then 9.99e-6, rates 316.23 and 316.39", () => {
      expect(one.v).to.be.closeTo(1e-5, 1e-17);
      expect(two.v).to.be.closeTo(9.99e-6, 1e-17);
      expect(one.rateWithoutCorrection).to.be.closeTo(316.2278, 1e-4);
      expect(two.rateWithoutCorrection).to.be.closeTo(316.3860, 1e-4);
    });
    it("with correction: divisors 0.001 and 0.001999, vHat 0.01 and 0.0049975, rates 10 and 14.1457", () => {
      expect(one.divisor).to.be.closeTo(0.001, 1e-12);
      expect(two.divisor).to.be.closeTo(0.001999, 1e-12);
      expect(one.vHat).to.be.closeTo(0.01, 1e-14);
      expect(two.vHat).to.be.closeTo(0.0049974987, 1e-10);
      expect(one.rateWithCorrection).to.be.closeTo(10, 1e-9);
      expect(two.rateWithCorrection).to.be.closeTo(14.1457, 1e-4);
    });
    it("the slide's second-step numbers are not what Adam computes", () => {
      expect(two.v).to.not.be.closeTo(SLIDE_SECOND_STEP.v, 1e-8);
      expect(two.divisor).to.not.be.closeTo(SLIDE_SECOND_STEP.divisor, 1e-5);
      expect(two.vHat).to.not.be.closeTo(SLIDE_SECOND_STEP.vHat, 1e-4);
      expect(two.rateWithCorrection).to.not.be.closeTo(SLIDE_SECOND_STEP.rate, 0.3);
    });
    it("takes other gradients and beta2, and checks them", () => {
      const [r] = biasCorrectionNumbers({ grads: [1], beta2: 0.99, eta: 2 });
      expect(r.v).to.be.closeTo(0.01, 1e-15);
      expect(r.rateWithoutCorrection).to.be.closeTo(20, 1e-12);
      expect(r.rateWithCorrection).to.be.closeTo(2, 1e-12);
      expect(() => biasCorrectionNumbers({ beta2: 1 })).to.throw(/biasCorrectionNumbers: beta2 must be a number in \[0, 1\), got 1/);
      expect(() => biasCorrectionNumbers({ beta: 0.9 } as never)).to.throw(/unknown option "beta"/);
    });
  });

  describe("exponentialAverages", () => {
    it("m_t from 0 is biased towards 0; m_t / (1 - beta^t) is not (constant input)", () => {
      const { ema, biasCorrected } = exponentialAverages([2, 2, 2], 0.9);
      // m1 = 0.2, m2 = 0.9*0.2 + 0.2 = 0.38, m3 = 0.9*0.38 + 0.2 = 0.542
      expect(ema[0]).to.be.closeTo(0.2, 1e-12);
      expect(ema[1]).to.be.closeTo(0.38, 1e-12);
      expect(ema[2]).to.be.closeTo(0.542, 1e-12);
      for (const v of biasCorrected) expect(v).to.be.closeTo(2, 1e-12);
    });
    it("on the noisy curve, the corrected average starts near the truth and the plain one far below", () => {
      const curve = datasets.noisyCurve();
      const { ema, biasCorrected } = exponentialAverages(curve.observed, 0.9);
      expect(ema).to.have.length(curve.t.length);
      const err = (a: number[], k: number) => Math.abs(a[k] - curve.truth[k]);
      expect(err(ema, 2)).to.be.above(0.8);
      expect(err(biasCorrected, 2)).to.be.below(0.5);
      // late in the sequence the correction has vanished: 1 - 0.9^100 ~ 1
      expect(ema[99]).to.be.closeTo(biasCorrected[99], 1e-4);
    });
    it("checks beta", () => {
      expect(() => exponentialAverages([1], 1.5)).to.throw(/exponentialAverages: beta must be a number in \[0, 1\)/);
    });
  });

  describe("run summaries on the sparse data", () => {
    const data = datasets.sparse();
    const fit = (biasCorrection: boolean) => train({ model: models.sigmoidNeuron, data, init: [-2, -2], optimizer: optimizers.adam({ eta: 0.1, biasCorrection }), epochs: 20 });
    const bc = fit(true);
    const noBc = fit(false);
    it("stepLengths: Adam's first step moves each parameter by ~eta (length 0.1*sqrt(2)); without correction ~3.16x that", () => {
      const a = stepLengths(bc);
      const b = stepLengths(noBc);
      expect(a).to.have.length(20);
      // first Adam step: mHat/sqrt(vHat) = sign(grad) -> both w and b move by eta = 0.1
      expect(a[0]).to.be.closeTo(0.1 * Math.SQRT2, 1e-6);
      // no correction: m/sqrt(v) = 0.1 g / sqrt(0.001) |g| = 3.162 -> 0.3162 per parameter
      expect(b[0]).to.be.closeTo(0.1 * Math.sqrt(10) * Math.SQRT2, 1e-6);
    });
    it("firstSteps lists t, params, step length, lr and loss", () => {
      const rows = firstSteps(noBc, 3);
      expect(rows.map((r) => r.t)).to.deep.equal([1, 2, 3]);
      expect(rows[0].params).to.deep.equal(noBc.trajectory.record(1).params);
      expect(rows[0].effectiveRate[0]).to.be.above(30 * firstSteps(bc, 1)[0].effectiveRate[0]);
      expect(() => firstSteps(bc, 0)).to.throw(/firstSteps: count must be a positive integer, got 0/);
      expect(() => stepLengths({} as never)).to.throw(/stepLengths: run must be a result of train\(\)/);
    });
    it("raceSummary: final loss, first step at or below the target (null if never)", () => {
      const rows = raceSummary({ adam: bc, noBc }, 25);
      expect(rows.map((r) => r.name)).to.deep.equal(["adam", "noBc"]);
      const loss = bc.trajectory.lossColumn();
      const hit = rows[0].stepsToTarget as number;
      expect(loss[hit]).to.be.at.most(25);
      expect(loss[hit - 1]).to.be.above(25);
      expect(rows[0].finalLoss).to.equal(loss[20]);
      expect(raceSummary({ adam: bc }, 0)[0].stepsToTarget).to.equal(null);
      expect(() => raceSummary({}, 1)).to.throw(/raceSummary: runs must be an object of named train\(\) results/);
      expect(() => raceSummary({ x: 1 as never }, 1)).to.throw(/runs.x must be a result of train\(\)/);
    });
  });
});
