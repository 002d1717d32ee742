/**
 * lessons/adam: replaying a gradient sequence through a library optimizer, and the race table.
 * Expected values are hand-derived (arithmetic in the comments) or read back from the run.
 */
import { expect } from "chai";
import { datasets, models, optimizers, train } from "../src/index";
import * as lessons from "../src/lessons";

const { replayGradients, raceSummary } = lessons.adam;

describe("lessons.adam", () => {
  describe("replayGradients", () => {
    it("feeds each gradient to the optimizer and reports t, rate, param and state per update", () => {
      const steps = replayGradients(optimizers.gd({ eta: 0.5 }), [2, -4]);
      expect(steps.map((s) => s.t)).to.deep.equal([1, 2]);
      expect(steps.map((s) => s.grad)).to.deep.equal([2, -4]);
      expect(steps.map((s) => s.effectiveRate)).to.deep.equal([0.5, 0.5]);
      // w: 0 -> 0 - 0.5*2 = -1 -> -1 - 0.5*(-4) = 1
      expect(steps.map((s) => s.param)).to.deep.equal([-1, 1]);
      expect(steps[0].state).to.deep.equal({});
    });

    it("the lecture's bias-correction example: g = 0.1 then 0, beta2 = 0.999, eta = 1, eps = 0", () => {
      const plain = replayGradients(optimizers.adam({ eta: 1, beta2: 0.999, eps: 0, biasCorrection: false }), [0.1, 0]);
      const corrected = replayGradients(optimizers.adam({ eta: 1, beta2: 0.999, eps: 0 }), [0.1, 0]);
      // v_1 = 0.001 * 0.01 = 1e-5, v_2 = 0.999 * 1e-5 = 9.99e-6; rates 1/sqrt(v): 316.2278, 316.3860
      expect(plain[0].state.v).to.be.closeTo(1e-5, 1e-18);
      expect(plain[1].state.v).to.be.closeTo(9.99e-6, 1e-18);
      expect(plain[0].effectiveRate).to.be.closeTo(316.2278, 1e-4);
      expect(plain[1].effectiveRate).to.be.closeTo(316.3860, 1e-4);
      // vhat_1 = 1e-5 / 0.001 = 0.01 (rate 10); vhat_2 = 9.99e-6 / (1 - 0.998001) = 0.0049975 (rate 14.1457)
      expect(corrected[0].state.vHat).to.be.closeTo(0.01, 1e-15);
      expect(corrected[1].state.v / corrected[1].state.vHat).to.be.closeTo(0.001999, 1e-15);
      expect(corrected[1].state.vHat).to.be.closeTo(0.0049974987, 1e-10);
      expect(corrected[0].effectiveRate).to.be.closeTo(10, 1e-9);
      expect(corrected[1].effectiveRate).to.be.closeTo(14.1457, 1e-4);
    });

    it("reads every state vector of the optimizer (MaxProp's max norm: 1, 0.999, 1 for g = 1, 0, 1)", () => {
      const [s] = replayGradients(optimizers.adam({ eta: 1 }), [0.5]);
      expect(Object.keys(s.state).sort()).to.deep.equal(["m", "mHat", "v", "vHat"]);
      expect(s.state.m).to.be.closeTo(0.05, 1e-15); // 0.1 * 0.5
      expect(s.state.mHat).to.be.closeTo(0.5, 1e-15); // 0.05 / (1 - 0.9)
      const max = replayGradients(optimizers.maxprop({ eta: 1, beta: 0.999, eps: 0 }), [1, 0, 1]);
      expect(max.map((r) => r.state.v)).to.deep.equal([1, 0.999, 1]);
      expect(max[1].effectiveRate).to.equal(1 / 0.999);
    });

    it("AdaMax's and Adam's first rate for the lecture's g_1 = -0.0314, eta = 0.025: 0.025 / 0.0314 = 0.79618", () => {
      const first = (o: Parameters<typeof replayGradients>[0]) => replayGradients(o, [-0.0314])[0].effectiveRate;
      expect(first(optimizers.adam({ eta: 0.025, eps: 0 }))).to.be.closeTo(0.796178, 1e-6);
      expect(first(optimizers.adamax({ eta: 0.025, eps: 0 }))).to.be.closeTo(0.796178, 1e-6);
      // without correction: 0.025 / sqrt(0.001 * 0.0314^2) = 0.025 / 0.00099296 = 25.1774
      expect(first(optimizers.adam({ eta: 0.025, eps: 0, biasCorrection: false }))).to.be.closeTo(25.1774, 1e-4);
    });

    it("rejects an empty or non-numeric gradient list and a non-optimizer", () => {
      expect(() => replayGradients(optimizers.adam({ eta: 1 }), [])).to.throw(/lessons.adam.replayGradients: grads must be a non-empty array/);
      expect(() => replayGradients(optimizers.adam({ eta: 1 }), null as never)).to.throw(/lessons.adam.replayGradients: grads must be a non-empty array/);
      expect(() => replayGradients(optimizers.adam({ eta: 1 }), [1, NaN])).to.throw(/grads\[1\] must be a finite number, got NaN/);
      expect(() => replayGradients({} as never, [1])).to.throw(/lessons.adam.replayGradients: optimizer must be an optimizer/);
    });
  });

  describe("raceSummary", () => {
    const data = datasets.sparse();
    const fit = (biasCorrection: boolean) => train({ model: models.sigmoidNeuron, data, init: [-2, -2], optimizer: optimizers.adam({ eta: 0.1, biasCorrection }), epochs: 20 });
    const bc = fit(true);
    const noBc = fit(false);

    it("final params and loss, first update at or below the target (null if never)", () => {
      const rows = raceSummary({ adam: bc, noBc }, 25);
      expect(rows.map((r) => r.name)).to.deep.equal(["adam", "noBc"]);
      const loss = bc.trajectory.lossColumn();
      const hit = rows[0].stepsToTarget as number;
      expect(loss[hit]).to.be.at.most(25);
      expect(loss[hit - 1]).to.be.above(25);
      expect(rows[0].finalLoss).to.equal(loss[20]);
      expect(rows[0].params).to.deep.equal(bc.trajectory.last().params);
      expect(rows[0].diverged).to.equal(false);
      // Adam's first update moves w by eta = 0.1 (mHat_1 / sqrt(vHat_1) = sign(g_1)), shortened by
      // eps: 0.1 * |g| / (|g| + 1e-8) with g_w = -0.5657 -> 0.1 - 1.77e-9
      expect(bc.step(1).params[0]).to.be.closeTo(-1.9 - 1.77e-9, 1e-11);
      expect(raceSummary({ adam: bc }, 0)[0].stepsToTarget).to.equal(null);
    });

    it("rejects bad runs and targets, naming the function", () => {
      expect(() => raceSummary({}, 1)).to.throw(/lessons.adam.raceSummary: runs must be an object of named train\(\) results/);
      expect(() => raceSummary({ x: 1 as never }, 1)).to.throw(/lessons.adam.raceSummary: runs.x must be a result of train\(\)/);
      expect(() => raceSummary({ adam: bc }, NaN)).to.throw(/lessons.adam.raceSummary: target must be a finite number, got NaN/);
    });
  });
});
