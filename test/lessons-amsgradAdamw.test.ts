/**
 * lessons/amsgradAdamw: onlineRun feeds a gradient sequence to one parameter through the library's
 * optimizer, with an optional projection onto [lo, hi].
 */
import { expect } from "chai";
import { optimizers } from "../src/index";
import * as lessons from "../src/lessons";

const { onlineRun } = lessons.amsgradAdamw;

describe("lessons.amsgradAdamw.onlineRun", () => {
  it("takes GD steps by hand, projected onto [lo, hi]", () => {
    const run = onlineRun(optimizers.gd({ eta: 0.5 }), (t) => (t === 1 ? 4 : -1), { start: 1, steps: 2, bounds: [-0.8, 0.8] });
    // update 1: 1 - 0.5 * 4 = -1 -> clipped to -0.8; update 2: -0.8 - 0.5 * (-1) = -0.3
    expect(run.x[1]).to.equal(-0.8);
    expect(run.x[2]).to.be.closeTo(-0.3, 1e-15);
    expect(run.x).to.have.length(3);
    expect(run.grad).to.deep.equal([4, -1]);
    expect(run.effectiveRate).to.deep.equal([0.5, 0.5]);
  });

  it("evaluates the gradient at the current x and records the optimizer's state (AMSGrad's vHat = max v)", () => {
    const run = onlineRun(optimizers.amsgrad({ eta: 0.01, beta1: 0, beta2: 0.5 }), (t, x) => (t === 2 ? 10 : 1) + 0 * x, { start: 0, steps: 4 });
    // v: 0.5 * 1 = 0.5, 0.25 + 50 = 50.25, 25.125 + 0.5 = 25.625, 12.8125 + 0.5 = 13.3125; vHat keeps 50.25
    expect(run.state.v).to.deep.equal([0.5, 50.25, 25.625, 13.3125]);
    expect(run.state.vHat).to.deep.equal([0.5, 50.25, 50.25, 50.25]);
    const seen: number[] = [];
    onlineRun(optimizers.gd({ eta: 0.1 }), (_t, x) => { seen.push(x); return 1; }, { start: 2, steps: 3 });
    expect(seen.map((x) => +x.toFixed(12))).to.deep.equal([2, 1.9, 1.8]);
  });

  it("reproduces Reddi et al.'s example: Adam (beta1 = 0, beta2 = 1/(1+C^2)) ends at +1, AMSGrad near the optimum -1", () => {
    const C = 3;
    const grad = (t: number) => (t % 3 === 1 ? C : -1);
    const eta = (step: number) => 0.5 / Math.sqrt(step + 1);
    const opts = { start: 0, steps: 3000, bounds: [-1, 1] as [number, number] };
    const adam = onlineRun(optimizers.adam({ eta, beta1: 0, beta2: 1 / (1 + C * C), biasCorrection: false }), grad, opts);
    const ams = onlineRun(optimizers.amsgrad({ eta, beta1: 0, beta2: 1 / (1 + C * C) }), grad, opts);
    expect(adam.x[3000]).to.equal(1);
    expect(ams.x[3000]).to.be.below(-0.99);
  });

  it("names the function, the argument and the value on bad input", () => {
    const gd = optimizers.gd({ eta: 0.1 });
    expect(() => onlineRun({} as never, () => 1, { start: 0, steps: 1 })).to.throw(/onlineRun: optimizer must be/);
    expect(() => onlineRun(gd, 1 as never, { start: 0, steps: 1 })).to.throw(/onlineRun: gradientAt must be a function/);
    expect(() => onlineRun(gd, () => 1, { start: 0, steps: 0 })).to.throw(/onlineRun: steps must be a positive integer, got 0/);
    expect(() => onlineRun(gd, () => 1, { start: 0, steps: 1, bounds: [1, -1] })).to.throw(/onlineRun: bounds must be \[lo, hi\] with lo < hi/);
    expect(() => onlineRun(gd, () => NaN, { start: 0, steps: 1 })).to.throw(/onlineRun: gradientAt\(1, 0\) must be a finite number, got NaN/);
  });
});
