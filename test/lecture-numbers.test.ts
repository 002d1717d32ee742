/**
 * The lecture's worked numbers, reproduced by the library's optimizers. Where a number is an
 * effective learning rate it is read from the optimizer's `lr` output, not recomputed here.
 * Where the slides' printed number is wrong, the test states the correct value and why
 * (see /work/shared/lecture/slide-numbers-checked.md).
 */
import { expect } from "chai";
import { optimizers } from "../src/index";
import type { Optimizer, OptimizerState } from "../src/index";

/** Runs single-parameter updates with the given gradients from w = 0; returns every result. */
function run<S extends OptimizerState>(opt: Optimizer<S>, grads: number[]) {
  let params: ArrayLike<number> = [0];
  let state = opt.init(params);
  return grads.map((g) => {
    const r = opt.update([g], state, params);
    params = r.params;
    state = r.state;
    return { effectiveRate: r.effectiveRate[0], state: r.state };
  });
}

function field(state: OptimizerState, key: string): number {
  return (state[key] as Float64Array)[0];
}

describe("the lecture's worked numbers", () => {
  describe("Adam: bias correction (grad 0.1, then 0; beta2 0.999; eta 1)", () => {
    it("without bias correction: v0 = 1e-5 -> 1/sqrt(v0) = 316.2278; v1 = 9.99e-6 -> 316.386", () => {
      const [s0, s1] = run(optimizers.adam({ eta: 1, beta2: 0.999, eps: 0, biasCorrection: false }), [0.1, 0]);
      // v0 = 0.999*0 + 0.001*0.1^2 = 1e-5
      expect(field(s0.state, "v")).to.be.closeTo(1e-5, 1e-18);
      expect(s0.effectiveRate).to.be.closeTo(316.2278, 1e-4);
      // v1 = 0.999*1e-5 + 0.001*0^2 = 9.99e-6 (the slide prints 0.0000099, dropping a 9; its 316.38 uses 9.99e-6)
      expect(field(s1.state, "v")).to.be.closeTo(9.99e-6, 1e-18);
      expect(s1.effectiveRate).to.be.closeTo(316.386, 1e-3);
    });

    it("with bias correction: vhat0 = 0.01 -> 10; vhat1 = 0.0049975 -> 14.1457 (the slide's 0.0052 / 13.8 are wrong)", () => {
      const [s0, s1] = run(optimizers.adam({ eta: 1, beta2: 0.999, eps: 0 }), [0.1, 0]);
      // vhat0 = 1e-5 / (1 - 0.999) = 0.01;  1/sqrt(0.01) = 10
      expect(field(s0.state, "vHat")).to.be.closeTo(0.01, 1e-15);
      expect(s0.effectiveRate).to.be.closeTo(10, 1e-10);
      // vhat1 = 9.99e-6 / (1 - 0.999^2) = 9.99e-6 / 0.001999 = 0.0049974987494 (0.0049975);  1/sqrt(vhat1) = 14.1457
      expect(field(s1.state, "v")).to.be.closeTo(9.99e-6, 1e-18);
      expect(field(s1.state, "vHat")).to.be.closeTo(0.004997498749374687, 1e-15);
      expect(s1.effectiveRate).to.be.closeTo(14.1457, 1e-4);
      // The slide's 0.0052 = 9.9e-6 / 0.0019 (a dropped 9 twice) and 13.8 = 1/sqrt(0.0052) are not what Adam computes.
      expect(Math.abs(field(s1.state, "vHat") - 0.0052)).to.be.above(1e-4);
      expect(Math.abs(s1.effectiveRate - 13.8)).to.be.above(0.3);
    });

    it("the default eps = 1e-8 changes these rates by less than 1e-5 relative", () => {
      const [s0, s1] = run(optimizers.adam({ eta: 1 }), [0.1, 0]);
      expect(s0.effectiveRate).to.be.closeTo(10, 1e-5 * 10);
      expect(s1.effectiveRate).to.be.closeTo(14.1457, 1e-4);
    });
  });

  describe("AdaMax vs Adam on the first step (eta 0.025, grad -0.0314, beta2 0.999)", () => {
    it("AdaMax: v0 = max(0, |-0.0314|) = 0.0314 -> 0.025/0.0314 = 0.796178", () => {
      const [s0] = run(optimizers.adamax({ eta: 0.025, beta2: 0.999, eps: 0 }), [-0.0314]);
      expect(field(s0.state, "v")).to.equal(0.0314);
      expect(s0.effectiveRate).to.be.closeTo(0.796178, 1e-6);
    });

    it("bias-corrected Adam: vhat0 = 0.001*0.0314^2/0.001 = 0.00098596 -> the same 0.796178", () => {
      const [s0] = run(optimizers.adam({ eta: 0.025, beta2: 0.999, eps: 0 }), [-0.0314]);
      expect(field(s0.state, "vHat")).to.be.closeTo(0.00098596, 1e-15);
      expect(s0.effectiveRate).to.be.closeTo(0.796178, 1e-6);
    });

    it("Adam without bias correction: 0.025/sqrt(0.001*0.0314^2) = 25.1774 (the slide's 0.79 is the corrected rate)", () => {
      const [s0] = run(optimizers.adam({ eta: 0.025, beta2: 0.999, eps: 0, biasCorrection: false }), [-0.0314]);
      expect(s0.effectiveRate).to.be.closeTo(25.1774, 1e-4);
    });
  });

  describe("AdaGrad's first rates (eta 0.1): w and b of the sparse-data example", () => {
    for (const epsInsideSqrt of [false, true]) {
      it(`v_w0 = 0.019 -> 0.1/sqrt(0.019) = 0.7255; grad_b0 = -9.19 -> 0.1/sqrt(84.45) = 0.01088 (epsInsideSqrt ${epsInsideSqrt})`, () => {
        const opt = optimizers.adagrad({ eta: 0.1, eps: 1e-8, epsInsideSqrt });
        const r = opt.update([Math.sqrt(0.019), -9.19], opt.init([-2, -2]), [-2, -2]);
        expect(r.state.v[0]).to.be.closeTo(0.019, 1e-15);
        expect(r.state.v[1]).to.be.closeTo(84.4561, 1e-10);
        expect(r.effectiveRate[0]).to.be.closeTo(0.7255, 1e-4);
        expect(r.effectiveRate[1]).to.be.closeTo(0.01088, 1e-5);
      });
    }
  });

  describe("RMSProp: eta0 0.6 vs 0.1 in a steep region (v_t = 1.25) and a flat one (v_t = 0.1)", () => {
    /** One RMSProp update that lands on v = target: previous v = target and grad^2 = target. */
    function rateAt(eta: number, target: number, epsInsideSqrt: boolean): number {
      const opt = optimizers.rmsprop({ eta, beta: 0.9, eps: 1e-8, epsInsideSqrt });
      const r = opt.update([Math.sqrt(target)], { t: 10, v: Float64Array.from([target]) }, [0]);
      expect(r.state.v[0]).to.be.closeTo(target, 1e-14);
      return r.effectiveRate[0];
    }

    for (const epsInsideSqrt of [false, true]) {
      it(`0.6/sqrt(1.25) = 0.5367 (the slide's 0.48 divides by v, not sqrt(v)); epsInsideSqrt ${epsInsideSqrt}`, () => {
        expect(rateAt(0.6, 1.25, epsInsideSqrt)).to.be.closeTo(0.536656, 1e-6);
        expect(rateAt(0.1, 1.25, epsInsideSqrt)).to.be.closeTo(0.0894427, 1e-7);
        // flat region: the slide's 6 and 1 are 0.6/0.1 and 0.1/0.1; the rule gives 0.6/sqrt(0.1) and 0.1/sqrt(0.1)
        expect(rateAt(0.6, 0.1, epsInsideSqrt)).to.be.closeTo(1.897367, 1e-6);
        expect(rateAt(0.1, 0.1, epsInsideSqrt)).to.be.closeTo(0.3162278, 1e-7);
      });
    }
  });

  describe("max norm vs exponential averaging when the gradient drops to 0 (beta 0.999, eta 1)", () => {
    it("MaxProp: v0 = 1 -> rate 1; v1 = max(0.999*1, 0) = 0.999 -> 1/0.999 = 1.001001; v2 = max(0.998001, 1) = 1 -> 1", () => {
      const [s0, s1, s2] = run(optimizers.maxprop({ eta: 1, beta: 0.999, eps: 0 }), [1, 0, 1]);
      expect(field(s0.state, "v")).to.equal(1);
      expect(s0.effectiveRate).to.equal(1);
      expect(field(s1.state, "v")).to.be.closeTo(0.999, 1e-15);
      expect(s1.effectiveRate).to.be.closeTo(1.001001, 1e-6);
      expect(field(s2.state, "v")).to.equal(1);
      expect(s2.effectiveRate).to.equal(1);
    });

    it("EMA with bias correction (Adam, beta1 = 0): vhat0 = 0.001/0.001 = 1 -> 1; vhat1 = 0.000999/0.001999 = 0.49975 -> 1.4146", () => {
      const [s0, s1] = run(optimizers.adam({ eta: 1, beta1: 0, beta2: 0.999, eps: 0 }), [1, 0]);
      expect(field(s0.state, "v")).to.be.closeTo(0.001, 1e-15);
      expect(field(s0.state, "vHat")).to.be.closeTo(1, 1e-12);
      expect(s0.effectiveRate).to.be.closeTo(1, 1e-12);
      expect(field(s1.state, "v")).to.be.closeTo(0.000999, 1e-15);
      // 0.000999/0.001999 = 0.49974987494 (0.49975); the slide's 0.499 and 1.41 are 0.49975 and 1.41457 truncated
      expect(field(s1.state, "vHat")).to.be.closeTo(0.4997498749374688, 1e-13);
      expect(s1.effectiveRate).to.be.closeTo(1.41457, 1e-5);
    });
  });
});
