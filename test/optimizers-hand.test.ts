/**
 * Two hand-computed updates for every optimizer (after tfjs-core's adam_optimizer_test.ts): the
 * arithmetic is written out in the comments, the expectations are the resulting numbers.
 *
 * Unless a test says otherwise: w0 = [1, -2], first gradient g1 = [0.5, -1], second gradient
 * g2 = [1, 2]. The gradients are given, not computed from a model, so the update rule alone is tested.
 * eps = 0 where it plays no role (it is a legal value) so the numbers stay exact; the flavor tests use
 * a large eps (0.1 .. 0.75) so that where eps goes is visible in the result.
 */
import { expect } from "chai";
import { optimizers } from "../src/index";
import type { Optimizer, OptimizerState } from "../src/index";

const W0 = [1, -2];
const G1 = [0.5, -1];
const G2 = [1, 2];

/** Element-wise |actual - expected| <= 1e-12 * max(1, |expected|). */
function expectClose(actual: ArrayLike<number> | number, expected: ArrayLike<number> | number, what: string): void {
  const a = typeof actual === "number" ? [actual] : Array.from(actual);
  const e = typeof expected === "number" ? [expected] : Array.from(expected);
  expect(a.length, `${what}: length`).to.equal(e.length);
  for (let i = 0; i < e.length; i++) {
    const tol = 1e-12 * Math.max(1, Math.abs(e[i]));
    expect(Math.abs(a[i] - e[i]) <= tol, `${what}[${i}]: expected ${e[i]}, got ${a[i]}`).to.equal(true);
  }
}

/** Two updates from W0 with the given gradients; returns both results. */
function twoSteps<S extends OptimizerState>(opt: Optimizer<S>, g1: number[] = G1, g2: number[] = G2) {
  const s0 = opt.init(W0);
  expect(s0.t).to.equal(0);
  const r1 = opt.update(g1, s0, W0);
  const r2 = opt.update(g2, r1.state, r1.params);
  expect(r1.state.t).to.equal(1);
  expect(r2.state.t).to.equal(2);
  return { s0, r1, r2 };
}

function vec(state: OptimizerState, key: string): Float64Array {
  const v = state[key];
  expect(v, `state.${key}`).to.be.instanceOf(Float64Array);
  return v as Float64Array;
}

describe("optimizers by hand: two update steps each", () => {
  describe("gd", () => {
    for (const flavor of ["lecture", "torch"] as const) {
      it(`${flavor}: w - eta g`, () => {
        const { s0, r1, r2 } = twoSteps(optimizers.gd({ eta: 0.1, flavor }));
        expect(Object.keys(s0)).to.deep.equal(["t"]);
        // w1 = [1 - 0.1*0.5, -2 - 0.1*(-1)] = [0.95, -1.9]
        expectClose(r1.params, [0.95, -1.9], "w1");
        expectClose(r1.effectiveRate, [0.1, 0.1], "lr1");
        // w2 = [0.95 - 0.1*1, -1.9 - 0.1*2] = [0.85, -2.1]
        expectClose(r2.params, [0.85, -2.1], "w2");
        expectClose(r2.effectiveRate, [0.1, 0.1], "lr2");
      });
    }
  });

  describe("momentum", () => {
    for (const flavor of ["lecture", "torch"] as const) {
      it(`${flavor}: u = beta u + g; w - eta u (torch's buffer starts at g1 = beta*0 + g1)`, () => {
        const { s0, r1, r2 } = twoSteps(optimizers.momentum({ eta: 0.1, beta: 0.9, flavor }));
        expectClose(vec(s0, "u"), [0, 0], "u0");
        // u1 = 0.9*0 + g1 = [0.5, -1];  w1 = [1 - 0.05, -2 + 0.1] = [0.95, -1.9]
        expectClose(vec(r1.state, "u"), [0.5, -1], "u1");
        expectClose(r1.params, [0.95, -1.9], "w1");
        expectClose(r1.effectiveRate, [0.1, 0.1], "lr1");
        // u2 = 0.9*[0.5, -1] + [1, 2] = [1.45, 1.1];  w2 = [0.95 - 0.145, -1.9 - 0.11] = [0.805, -2.01]
        expectClose(vec(r2.state, "u"), [1.45, 1.1], "u2");
        expectClose(r2.params, [0.805, -2.01], "w2");
      });
    }
  });

  describe("nag", () => {
    it("lecture: gradient at the look-ahead w - eta beta u; u = beta u + g; w - eta u", () => {
      const opt = optimizers.nag({ eta: 0.1, beta: 0.9 });
      const s0 = opt.init(W0);
      // look-ahead with u0 = 0 is w0 itself
      expectClose(opt.gradientPoint(W0, s0), W0, "look-ahead 0");
      const r1 = opt.update(G1, s0, W0);
      // u1 = [0.5, -1];  w1 = [0.95, -1.9]
      expectClose(vec(r1.state, "u"), [0.5, -1], "u1");
      expectClose(r1.params, [0.95, -1.9], "w1");
      // look-ahead: w1 - 0.1*0.9*u1 = [0.95 - 0.045, -1.9 + 0.09] = [0.905, -1.81]
      expectClose(opt.gradientPoint(r1.params, r1.state), [0.905, -1.81], "look-ahead 1");
      // g2 = [1, 2] (as if evaluated there): u2 = [1.45, 1.1];  w2 = w1 - 0.1 u2 = [0.805, -2.01]
      const r2 = opt.update(G2, r1.state, r1.params);
      expectClose(vec(r2.state, "u"), [1.45, 1.1], "u2");
      expectClose(r2.params, [0.805, -2.01], "w2");
      expectClose(r2.effectiveRate, [0.1, 0.1], "lr2");
    });

    it("torch: gradient at w itself; w - eta (g + beta u)", () => {
      const opt = optimizers.nag({ eta: 0.1, beta: 0.9, flavor: "torch" });
      const { r1, r2 } = twoSteps(opt);
      expectClose(opt.gradientPoint(r1.params, r1.state), r1.params, "gradient point = w1");
      // u1 = [0.5, -1];  w1 = w0 - 0.1*(g1 + 0.9 u1) = w0 - 0.1*[0.95, -1.9] = [0.905, -1.81]
      expectClose(vec(r1.state, "u"), [0.5, -1], "u1");
      expectClose(r1.params, [0.905, -1.81], "w1");
      // u2 = [1.45, 1.1];  w2 = w1 - 0.1*([1, 2] + 0.9*[1.45, 1.1]) = w1 - [0.2305, 0.299] = [0.6745, -2.109]
      expectClose(vec(r2.state, "u"), [1.45, 1.1], "u2");
      expectClose(r2.params, [0.6745, -2.109], "w2");
      expectClose(r2.effectiveRate, [0.1, 0.1], "lr2");
    });

    it("form is an alias of flavor", () => {
      const viaForm = twoSteps(optimizers.nag({ eta: 0.1, beta: 0.9, form: "torch" }));
      expectClose(viaForm.r2.params, [0.6745, -2.109], "w2 (form torch)");
    });
  });

  describe("adagrad", () => {
    for (const flavor of ["lecture", "torch"] as const) {
      it(`${flavor}: v = v + g^2; w - eta g / (sqrt(v) + eps)`, () => {
        const { r1, r2 } = twoSteps(optimizers.adagrad({ eta: 0.1, eps: 0, flavor }));
        // v1 = [0.25, 1];  lr1 = 0.1 / [0.5, 1] = [0.2, 0.1];  w1 = [1 - 0.2*0.5, -2 + 0.1*1] = [0.9, -1.9]
        expectClose(vec(r1.state, "v"), [0.25, 1], "v1");
        expectClose(r1.effectiveRate, [0.2, 0.1], "lr1");
        expectClose(r1.params, [0.9, -1.9], "w1");
        // v2 = [0.25 + 1, 1 + 4] = [1.25, 5];  lr2 = 0.1 / [sqrt 1.25, sqrt 5] = [0.0894427191, 0.0447213595]
        // w2 = [0.9 - 0.0894427191*1, -1.9 - 0.0447213595*2] = [0.8105572809, -1.9894427191]
        expectClose(vec(r2.state, "v"), [1.25, 5], "v2");
        expectClose(r2.effectiveRate, [0.08944271909999159, 0.044721359549995794], "lr2");
        expectClose(r2.params, [0.8105572809000084, -1.9894427190999915], "w2");
      });
    }

    it("eps outside vs inside the square root (eps = 0.75)", () => {
      // outside (lecture code, torch): lr1 = 0.1 / (sqrt([0.25, 1]) + 0.75) = 0.1 / [1.25, 1.75] = [0.08, 0.0571428571]
      //   w1 = [1 - 0.08*0.5, -2 + 0.0571428571] = [0.96, -1.9428571429]
      for (const flavor of ["lecture", "torch"] as const) {
        const out = optimizers.adagrad({ eta: 0.1, eps: 0.75, flavor });
        const r = out.update(G1, out.init(W0), W0);
        expectClose(r.effectiveRate, [0.08, 0.05714285714285715], `${flavor} lr1`);
        expectClose(r.params, [0.96, -1.9428571428571428], `${flavor} w1`);
      }
      // inside (the slide's equation): lr1 = 0.1 / sqrt([0.25 + 0.75, 1 + 0.75]) = [0.1, 0.0755928946]
      //   w1 = [1 - 0.05, -2 + 0.0755928946] = [0.95, -1.9244071054]
      const inside = optimizers.adagrad({ eta: 0.1, eps: 0.75, epsInsideSqrt: true });
      const r = inside.update(G1, inside.init(W0), W0);
      expectClose(r.effectiveRate, [0.1, 0.07559289460184544], "inside lr1");
      expectClose(r.params, [0.95, -1.9244071053981546], "inside w1");
      expect(() => optimizers.adagrad({ eta: 0.1, epsInsideSqrt: true, flavor: "torch" })).to.throw(/adagrad.*epsInsideSqrt/);
    });
  });

  describe("rmsprop", () => {
    for (const flavor of ["lecture", "torch"] as const) {
      it(`${flavor}: v = beta v + (1 - beta) g^2; w - eta g / (sqrt(v) + eps)`, () => {
        const { r1, r2 } = twoSteps(optimizers.rmsprop({ eta: 0.1, beta: 0.9, eps: 0, flavor }));
        // v1 = 0.1*[0.25, 1] = [0.025, 0.1];  lr1 = 0.1 / [0.158113883, 0.316227766] = [0.632455532, 0.316227766]
        // w1 = [1 - 0.632455532*0.5, -2 + 0.316227766] = [0.683772234, -1.683772234]
        expectClose(vec(r1.state, "v"), [0.025, 0.1], "v1");
        expectClose(r1.effectiveRate, [0.6324555320336759, 0.31622776601683794], "lr1");
        expectClose(r1.params, [0.683772233983162, -1.683772233983162], "w1");
        // v2 = 0.9*[0.025, 0.1] + 0.1*[1, 4] = [0.1225, 0.49];  sqrt = [0.35, 0.7];  lr2 = [0.2857142857, 0.1428571429]
        // w2 = [0.683772234 - 0.2857142857, -1.683772234 - 0.2857142857] = [0.3980579483, -1.9694865197]
        expectClose(vec(r2.state, "v"), [0.1225, 0.49], "v2");
        expectClose(r2.effectiveRate, [0.2857142857142857, 0.14285714285714285], "lr2");
        expectClose(r2.params, [0.3980579482688763, -1.9694865196974476], "w2");
      });
    }

    it("eps outside vs inside the square root (eps = 0.75)", () => {
      // outside: lr1 = 0.1 / (sqrt([0.025, 0.1]) + 0.75) = 0.1 / [0.908113883, 1.066227766] = [0.1101183473, 0.0937885911]
      const out = optimizers.rmsprop({ eta: 0.1, beta: 0.9, eps: 0.75, flavor: "torch" });
      const ro = out.update(G1, out.init(W0), W0);
      expectClose(ro.effectiveRate, [0.1101183473472709, 0.0937885911314945], "outside lr1");
      expectClose(ro.params, [0.9449408263263646, -1.9062114088685056], "outside w1");
      // inside: lr1 = 0.1 / sqrt([0.775, 0.85]) = [0.1135923668, 0.1084652289]
      const inside = optimizers.rmsprop({ eta: 0.1, beta: 0.9, eps: 0.75, epsInsideSqrt: true });
      const ri = inside.update(G1, inside.init(W0), W0);
      expectClose(ri.effectiveRate, [0.11359236684941297, 0.1084652289093281], "inside lr1");
      expectClose(ri.params, [0.9432038165752935, -1.8915347710906718], "inside w1");
      expect(() => optimizers.rmsprop({ eta: 0.1, epsInsideSqrt: true, flavor: "torch" })).to.throw(/rmsprop.*epsInsideSqrt/);
    });
  });

  describe("adadelta", () => {
    for (const flavor of ["lecture", "torch"] as const) {
      it(`${flavor}: beta 0.5, eps 0.25, eta 1 (default)`, () => {
        const { s0, r1, r2 } = twoSteps(optimizers.adadelta({ beta: 0.5, eps: 0.25, flavor }));
        expectClose(vec(s0, "u"), [0, 0], "u0");
        // v1 = 0.5*[0.25, 1] = [0.125, 0.5]
        // ratio1 = sqrt(0 + 0.25) / sqrt(v1 + 0.25) = 0.5 / sqrt([0.375, 0.75]) = [0.8164965809, 0.5773502692]
        // Delta1 = ratio1 * g1 = [0.4082482905, -0.5773502692];  u1 = 0.5*Delta1^2 = 0.5*[1/6, 1/3] = [1/12, 1/6]
        // w1 = w0 - Delta1 = [0.5917517095, -1.4226497308]
        expectClose(vec(r1.state, "v"), [0.125, 0.5], "v1");
        expectClose(r1.effectiveRate, [0.8164965809277261, 0.5773502691896258], "lr1");
        expectClose(vec(r1.state, "delta"), [0.4082482904638631, -0.5773502691896258], "delta1");
        expectClose(vec(r1.state, "u"), [1 / 12, 1 / 6], "u1");
        expectClose(r1.params, [0.5917517095361369, -1.4226497308103743], "w1");
        // v2 = 0.5*[0.125, 0.5] + 0.5*[1, 4] = [0.5625, 2.25]
        // ratio2 = sqrt(u1 + 0.25) / sqrt(v2 + 0.25) = sqrt([1/3, 5/12] / [0.8125, 2.5]) = [0.6405126152, 0.4082482905]
        // Delta2 = ratio2 * [1, 2] = [0.6405126152, 0.8164965809]
        // u2 = 0.5*u1 + 0.5*Delta2^2 = [1/24 + 0.5*0.4102564103, 1/12 + 0.5*2/3] = [0.2467948718, 0.4166666667]
        // w2 = w1 - Delta2 = [-0.0487609057, -2.2391463117]
        expectClose(vec(r2.state, "v"), [0.5625, 2.25], "v2");
        expectClose(r2.effectiveRate, [0.6405126152203486, 0.4082482904638631], "lr2");
        expectClose(vec(r2.state, "delta"), [0.6405126152203486, 0.8164965809277261], "delta2");
        expectClose(vec(r2.state, "u"), [0.2467948717948719, 0.4166666666666668], "u2");
        expectClose(r2.params, [-0.048760905684211764, -2.2391463117381005], "w2");
      });
    }

    it("eta scales the step but not u (torch's lr): eta 0.5", () => {
      const opt = optimizers.adadelta({ beta: 0.5, eps: 0.25, eta: 0.5 });
      const r1 = opt.update(G1, opt.init(W0), W0);
      // lr1 = 0.5 * [0.8164965809, 0.5773502692] = [0.4082482905, 0.2886751346];  w1 = w0 - 0.5*Delta1
      expectClose(r1.effectiveRate, [0.4082482904638631, 0.2886751345948129], "lr1");
      expectClose(r1.params, [0.7958758547680684, -1.7113248654051871], "w1");
      // u1 is accumulated from Delta1 before the eta scaling: still [1/12, 1/6]
      expectClose(vec(r1.state, "u"), [1 / 12, 1 / 6], "u1");
    });
  });

  describe("adam", () => {
    for (const flavor of ["lecture", "torch"] as const) {
      it(`${flavor}: bias-corrected moments, eta 0.1, beta1 0.9, beta2 0.999, eps 0`, () => {
        const { r1, r2 } = twoSteps(optimizers.adam({ eta: 0.1, beta1: 0.9, beta2: 0.999, eps: 0, flavor }));
        // m1 = 0.1*g1 = [0.05, -0.1];  v1 = 0.001*g1^2 = [0.00025, 0.001]
        // mHat1 = m1/(1 - 0.9) = [0.5, -1];  vHat1 = v1/(1 - 0.999) = [0.25, 1]
        // lr1 = 0.1/sqrt(vHat1) = [0.2, 0.1];  w1 = [1 - 0.2*0.5, -2 + 0.1*1] = [0.9, -1.9]
        expectClose(vec(r1.state, "m"), [0.05, -0.1], "m1");
        expectClose(vec(r1.state, "v"), [0.00025, 0.001], "v1");
        expectClose(vec(r1.state, "mHat"), [0.5, -1], "mHat1");
        expectClose(vec(r1.state, "vHat"), [0.25, 1], "vHat1");
        expectClose(r1.effectiveRate, [0.2, 0.1], "lr1");
        expectClose(r1.params, [0.9, -1.9], "w1");
        // m2 = 0.9*[0.05, -0.1] + 0.1*[1, 2] = [0.145, 0.11];  v2 = 0.999*[0.00025, 0.001] + 0.001*[1, 4] = [0.00124975, 0.004999]
        // mHat2 = m2/(1 - 0.81) = [0.7631578947, 0.5789473684];  vHat2 = v2/(1 - 0.998001) = [0.6251875938, 2.5007503752]
        // lr2 = 0.1/sqrt(vHat2) = [0.1264721275, 0.0632360638]
        // w2 = [0.9 - 0.1264721275*0.7631578947, -1.9 - 0.0632360638*0.5789473684] = [0.8034817974, -1.9366103527]
        expectClose(vec(r2.state, "m"), [0.145, 0.11], "m2");
        expectClose(vec(r2.state, "v"), [0.00124975, 0.004999], "v2");
        expectClose(vec(r2.state, "mHat"), [0.7631578947368424, 0.5789473684210528], "mHat2");
        expectClose(vec(r2.state, "vHat"), [0.6251875937969074, 2.5007503751876294], "vHat2");
        expectClose(r2.effectiveRate, [0.12647212752147302, 0.06323606376073651], "lr2");
        expectClose(r2.params, [0.8034817974178231, -1.9366103527035843], "w2");
      });
    }

    it("lecture, biasCorrection false: w - eta m / (sqrt(v) + eps)", () => {
      const opt = optimizers.adam({ eta: 0.1, eps: 0, biasCorrection: false });
      const r1 = opt.update(G1, opt.init(W0), W0);
      // lr1 = 0.1/sqrt([0.00025, 0.001]) = [6.3245553203, 3.1622776602]
      // w1 = [1 - 6.3245553203*0.05, -2 + 3.1622776602*0.1] = [0.683772234, -1.683772234]
      expectClose(r1.effectiveRate, [6.324555320336759, 3.1622776601683795], "lr1");
      expectClose(r1.params, [0.683772233983162, -1.683772233983162], "w1");
      expectClose(vec(r1.state, "mHat"), [0.05, -0.1], "mHat1 = m1");
      expect(() => optimizers.adam({ eta: 0.1, biasCorrection: false, flavor: "torch" })).to.throw(/adam.*biasCorrection/);
    });
  });

  describe("maxprop", () => {
    it("lecture: v = max(beta v, |g|); w - eta g / (v + eps)", () => {
      const { r1, r2 } = twoSteps(optimizers.maxprop({ eta: 0.1, beta: 0.9, eps: 0 }), G1, [0.3, -0.5]);
      // v1 = max(0, [0.5, 1]) = [0.5, 1];  lr1 = [0.2, 0.1];  w1 = [0.9, -1.9]
      expectClose(vec(r1.state, "v"), [0.5, 1], "v1");
      expectClose(r1.effectiveRate, [0.2, 0.1], "lr1");
      expectClose(r1.params, [0.9, -1.9], "w1");
      // g2 = [0.3, -0.5]: v2 = max(0.9*[0.5, 1], [0.3, 0.5]) = [0.45, 0.9] (the decayed max wins)
      // lr2 = 0.1/[0.45, 0.9] = [0.2222222222, 0.1111111111];  w2 = [0.9 - 0.0666666667, -1.9 + 0.0555555556]
      expectClose(vec(r2.state, "v"), [0.45, 0.9], "v2");
      expectClose(r2.effectiveRate, [0.22222222222222224, 0.11111111111111112], "lr2");
      expectClose(r2.params, [0.8333333333333334, -1.8444444444444443], "w2");
    });

    it("eps = 0.1: lecture adds eps to v, torch (Adamax with beta1 = 0) puts eps inside the max", () => {
      const lecture = twoSteps(optimizers.maxprop({ eta: 0.1, beta: 0.9, eps: 0.1 }), G1, [0.3, -0.5]);
      const torch = twoSteps(optimizers.maxprop({ eta: 0.1, beta: 0.9, eps: 0.1, flavor: "torch" }), G1, [0.3, -0.5]);
      // step 1: lecture v1 = [0.5, 1], lr1 = 0.1/[0.6, 1.1];  torch v1 = [0.5 + 0.1, 1 + 0.1] = [0.6, 1.1], lr1 = 0.1/v1: same step
      expectClose(vec(lecture.r1.state, "v"), [0.5, 1], "lecture v1");
      expectClose(vec(torch.r1.state, "v"), [0.6, 1.1], "torch v1");
      for (const r of [lecture.r1, torch.r1]) {
        expectClose(r.effectiveRate, [0.16666666666666669, 0.09090909090909091], "lr1");
        expectClose(r.params, [0.9166666666666666, -1.9090909090909092], "w1");
      }
      // step 2: lecture v2 = max(0.9*[0.5, 1], [0.3, 0.5]) = [0.45, 0.9], lr2 = 0.1/[0.55, 1.0] = [0.1818181818, 0.1]
      //         torch v2 = max(0.9*[0.6, 1.1], [0.4, 0.6]) = [0.54, 0.99], lr2 = 0.1/v2 = [0.1851851852, 0.1010101010]
      expectClose(vec(lecture.r2.state, "v"), [0.45, 0.9], "lecture v2");
      expectClose(lecture.r2.effectiveRate, [0.18181818181818182, 0.1], "lecture lr2");
      expectClose(lecture.r2.params, [0.8621212121212121, -1.8590909090909091], "lecture w2");
      expectClose(vec(torch.r2.state, "v"), [0.54, 0.9900000000000001], "torch v2");
      expectClose(torch.r2.effectiveRate, [0.18518518518518517, 0.10101010101010101], "torch lr2");
      expectClose(torch.r2.params, [0.861111111111111, -1.8585858585858586], "torch w2");
    });
  });

  describe("adamax", () => {
    it("lecture: m as Adam, mHat = m/(1 - beta1^t); v = max(beta2 v, |g|); w - eta mHat / (v + eps)", () => {
      const { r1, r2 } = twoSteps(optimizers.adamax({ eta: 0.1, beta1: 0.9, beta2: 0.999, eps: 0 }), G1, [0.3, -0.5]);
      // m1 = [0.05, -0.1], mHat1 = [0.5, -1];  v1 = [0.5, 1];  lr1 = 0.1/v1 = [0.2, 0.1];  w1 = [0.9, -1.9]
      expectClose(vec(r1.state, "m"), [0.05, -0.1], "m1");
      expectClose(vec(r1.state, "mHat"), [0.5, -1], "mHat1");
      expectClose(vec(r1.state, "v"), [0.5, 1], "v1");
      expectClose(r1.effectiveRate, [0.2, 0.1], "lr1");
      expectClose(r1.params, [0.9, -1.9], "w1");
      // g2 = [0.3, -0.5]: m2 = 0.9*[0.05, -0.1] + 0.1*[0.3, -0.5] = [0.075, -0.14];  mHat2 = m2/0.19 = [0.3947368421, -0.7368421053]
      // v2 = max(0.999*[0.5, 1], [0.3, 0.5]) = [0.4995, 0.999];  lr2 = 0.1/v2 = [0.2002002002, 0.1001001001]
      // w2 = [0.9 - 0.2002002002*0.3947368421, -1.9 + 0.1001001001*0.7368421053] = [0.8209736052, -1.8262420315]
      expectClose(vec(r2.state, "m"), [0.07500000000000001, -0.14], "m2");
      expectClose(vec(r2.state, "mHat"), [0.39473684210526333, -0.7368421052631582], "mHat2");
      expectClose(vec(r2.state, "v"), [0.4995, 0.999], "v2");
      expectClose(r2.effectiveRate, [0.2002002002002002, 0.1001001001001001], "lr2");
      expectClose(r2.params, [0.8209736051841314, -1.8262420315051893], "w2");
    });

    it("eps = 0.1: torch.optim.Adamax puts eps inside the max", () => {
      const lecture = twoSteps(optimizers.adamax({ eta: 0.1, beta1: 0.9, beta2: 0.999, eps: 0.1 }), G1, [0.3, -0.5]);
      const torch = twoSteps(optimizers.adamax({ eta: 0.1, beta1: 0.9, beta2: 0.999, eps: 0.1, flavor: "torch" }), G1, [0.3, -0.5]);
      // step 1 equal: lecture 0.1/([0.5, 1] + 0.1), torch 0.1/max(0, [0.5, 1] + 0.1) = [0.1666666667, 0.0909090909]
      expectClose(lecture.r1.params, [0.9166666666666666, -1.9090909090909092], "lecture w1");
      expectClose(torch.r1.params, [0.9166666666666666, -1.9090909090909092], "torch w1");
      expectClose(vec(torch.r1.state, "v"), [0.6, 1.1], "torch v1");
      // step 2, lecture: v2 = [0.4995, 0.999], lr2 = 0.1/[0.5995, 1.099] = [0.1668056714, 0.0909918107]
      expectClose(lecture.r2.effectiveRate, [0.16680567139282734, 0.09099181073703368], "lecture lr2");
      expectClose(lecture.r2.params, [0.8508223226958137, -1.8420443117057264], "lecture w2");
      // step 2, torch: v2 = max(0.999*[0.6, 1.1], [0.4, 0.6]) = [0.5994, 1.0989], lr2 = 0.1/v2 = [0.1668335002, 0.0910000910]
      expectClose(vec(torch.r2.state, "v"), [0.5993999999999999, 1.0989], "torch v2");
      expectClose(torch.r2.effectiveRate, [0.16683350016683351, 0.091000091000091], "torch lr2");
      expectClose(torch.r2.params, [0.8508113376534429, -1.8420382104592632], "torch w2");
    });
  });

  describe("nadam", () => {
    it("lecture: w - eta/(sqrt(vHat) + eps) * (beta1 mHat + (1 - beta1) g/(1 - beta1^t))", () => {
      const { r1, r2 } = twoSteps(optimizers.nadam({ eta: 0.1, beta1: 0.9, beta2: 0.999, eps: 0 }));
      // moments as Adam: mHat1 = [0.5, -1], vHat1 = [0.25, 1], lr1 = [0.2, 0.1]
      // direction1 = 0.9*[0.5, -1] + 0.1*[0.5, -1]/0.1 = [0.95, -1.9];  w1 = [1 - 0.2*0.95, -2 + 0.1*1.9] = [0.81, -1.81]
      expectClose(vec(r1.state, "mHat"), [0.5, -1], "mHat1");
      expectClose(vec(r1.state, "vHat"), [0.25, 1], "vHat1");
      expectClose(r1.effectiveRate, [0.2, 0.1], "lr1");
      expectClose(r1.params, [0.81, -1.81], "w1");
      // mHat2 = [0.7631578947, 0.5789473684], lr2 = [0.1264721275, 0.0632360638] (as Adam)
      // direction2 = 0.9*mHat2 + 0.1*[1, 2]/0.19 = [0.6868421053 + 0.5263157895, 0.5210526316 + 1.0526315789] = [1.2131578947, 1.5736842105]
      // w2 = [0.81 - 0.1264721275*1.2131578947, -1.81 - 0.0632360638*1.5736842105] = [0.65656934, -1.9095135951]
      expectClose(r2.effectiveRate, [0.12647212752147302, 0.06323606376073651], "lr2");
      expectClose(r2.params, [0.6565693400331603, -1.9095135950761062], "w2");
    });

    it("torch: Dozat's momentum schedule mu_t = beta1 (1 - 0.5 * 0.96^(0.004 t))", () => {
      const { r1, r2 } = twoSteps(optimizers.nadam({ eta: 0.1, beta1: 0.9, beta2: 0.999, eps: 0, flavor: "torch" }));
      // mu1 = 0.9*(1 - 0.5*0.96^0.004) = 0.4500734736, mu2 = 0.4501469352, mu3 = 0.4502203848;  P1 = mu1
      // d1 = sqrt(vHat1) = [0.5, 1]
      // w1 = w0 - 0.1 (1 - mu1)/(1 - P1) g1/d1 - 0.1 mu2/(1 - P1 mu2) m1/d1
      //    = w0 - 0.1*[1, -1] - 0.0564517784*[0.1, -0.1] = [0.8943548222, -1.8943548222]
      expectClose(r1.params, [0.894354822164461, -1.894354822164461], "w1");
      expect(r1.state.muProduct as number).to.be.closeTo(0.45007347359129607, 1e-15);
      expectClose(r1.effectiveRate, [0.2, 0.1], "lr1");
      // P2 = mu1 mu2 = 0.2025991947;  0.1 (1 - mu2)/(1 - P2) = 0.0689556696;  0.1 mu3/(1 - P2 mu3) = 0.049540874
      // d2 = sqrt(vHat2) = [0.790688, 1.581376]
      // w2 = w1 - 0.0689556696*[1, 2]/d2 - 0.049540874*[0.145, 0.11]/d2 = [0.7980600871, -1.9850105714]
      expect(r2.state.muProduct as number).to.be.closeTo(0.20259919474573693, 1e-15);
      expectClose(r2.params, [0.7980600871360101, -1.9850105714324464], "w2");
    });
  });

  describe("amsgrad", () => {
    const G = [0, 2]; // second gradient: v falls for w (the max keeps the old v), rises for b
    it("lecture: no bias correction; vHat = max(vHat, v); w - eta m / (sqrt(vHat) + eps)", () => {
      const { r1, r2 } = twoSteps(optimizers.amsgrad({ eta: 0.1, beta1: 0.9, beta2: 0.999, eps: 0 }), G1, G);
      // m1 = [0.05, -0.1], v1 = vHat1 = [0.00025, 0.001];  lr1 = 0.1/sqrt(vHat1) = [6.3245553203, 3.1622776602]
      // w1 = [1 - 6.3245553203*0.05, -2 + 3.1622776602*0.1] = [0.683772234, -1.683772234]
      expectClose(vec(r1.state, "vHat"), [0.00025, 0.001], "vHat1");
      expectClose(r1.effectiveRate, [6.324555320336759, 3.1622776601683795], "lr1");
      expectClose(r1.params, [0.683772233983162, -1.683772233983162], "w1");
      // g2 = [0, 2]: m2 = [0.045, -0.09 + 0.2] = [0.045, 0.11];  v2 = 0.999 v1 + 0.001*[0, 4] = [0.00024975, 0.004999]
      // vHat2 = max(vHat1, v2) = [0.00025, 0.004999];  lr2 = 0.1/sqrt(vHat2) = [6.3245553203, 1.4143550049]
      // w2 = [0.683772234 - 6.3245553203*0.045, -1.683772234 - 1.4143550049*0.11] = [0.3991672446, -1.8393512845]
      expectClose(vec(r2.state, "m"), [0.045000000000000005, 0.11], "m2");
      expectClose(vec(r2.state, "v"), [0.00024975, 0.004999], "v2");
      expectClose(vec(r2.state, "vHat"), [0.00025, 0.004999], "vHat2");
      expectClose(r2.effectiveRate, [6.324555320336759, 1.414355004946072], "lr2");
      expectClose(r2.params, [0.39916724456800784, -1.83935128452723], "w2");
    });

    it("torch: Adam(amsgrad=True) bias-corrects: w - eta/(1 - beta1^t) m / (sqrt(vHat)/sqrt(1 - beta2^t) + eps)", () => {
      const { r1, r2 } = twoSteps(optimizers.amsgrad({ eta: 0.1, beta1: 0.9, beta2: 0.999, eps: 0, flavor: "torch" }), G1, G);
      // step 1 = Adam's: lr1 = [0.2, 0.1], w1 = [0.9, -1.9]
      expectClose(r1.effectiveRate, [0.2, 0.1], "lr1");
      expectClose(r1.params, [0.9, -1.9], "w1");
      // vHat2 = [0.00025, 0.004999];  denominator = sqrt(vHat2)/sqrt(0.001999) = [0.3536418121, 1.5813761018]
      // lr2 = 0.1/denominator = [0.282771993, 0.0632360638];  w2 = w1 - (0.1/0.19) m2/denominator = [0.8330276859, -1.9366103527]
      expectClose(vec(r2.state, "vHat"), [0.00025, 0.004999], "vHat2");
      expectClose(r2.effectiveRate, [0.2827719929554533, 0.06323606376073654], "lr2");
      expectClose(r2.params, [0.8330276858789716, -1.9366103527035843], "w2");
    });
  });

  describe("adamw", () => {
    for (const flavor of ["lecture", "torch"] as const) {
      it(`${flavor}: w - eta (mHat/(sqrt(vHat) + eps) + weightDecay w), weightDecay 0.5`, () => {
        const { r1, r2 } = twoSteps(optimizers.adamw({ eta: 0.1, beta1: 0.9, beta2: 0.999, eps: 0, weightDecay: 0.5, flavor }));
        // Adam's direction1 = mHat1/sqrt(vHat1) = [1, -1];  w1 = w0 - 0.1*([1, -1] + 0.5*[1, -2]) = [0.85, -1.8]
        expectClose(r1.params, [0.85, -1.7999999999999998], "w1");
        expectClose(r1.effectiveRate, [0.2, 0.1], "lr1");
        expectClose(vec(r1.state, "mHat"), [0.5, -1], "mHat1");
        // direction2 = mHat2/sqrt(vHat2) = [0.9651820258, 0.366103527] (Adam's)
        // w2 = w1 - 0.1*(direction2 + 0.5*[0.85, -1.8]) = [0.7109817974, -1.7466103527]
        expectClose(r2.params, [0.7109817974178232, -1.7466103527035841], "w2");
        expectClose(r2.effectiveRate, [0.12647212752147302, 0.06323606376073651], "lr2");
      });
    }
  });

  describe("radam", () => {
    for (const flavor of ["lecture", "torch"] as const) {
      it(`${flavor}: first steps unrectified (rho_t <= 5): w - eta mHat`, () => {
        const { r1, r2 } = twoSteps(optimizers.radam({ eta: 0.1, beta1: 0.9, beta2: 0.999, eps: 0, flavor }));
        // rho_inf = 2/0.001 - 1 = 1999;  rho_1 = 1, rho_2 = 1.9995 (<= 5)
        // w1 = w0 - 0.1*[0.5, -1] = [0.95, -1.9];  lr1 = [0.1, 0.1] (the factor on mHat)
        expectClose(r1.params, [0.95, -1.9], "w1");
        expectClose(r1.effectiveRate, [0.1, 0.1], "lr1");
        // mHat2 = [0.145, 0.11]/0.19 = [0.7631578947, 0.5789473684];  w2 = w1 - 0.1*mHat2 = [0.8736842105, -1.9578947368]
        expectClose(vec(r2.state, "mHat"), [0.7631578947368421, 0.5789473684210527], "mHat2");
        expectClose(r2.params, [0.8736842105263157, -1.9578947368421051], "w2");
        expectClose(r2.effectiveRate, [0.1, 0.1], "lr2");
      });
    }

    it("step 6 rectified (beta2 0.9): lecture adds eps to sqrt(vHat), torch to sqrt(v)", () => {
      // State after 5 updates, given by hand: m = [0.2, -0.4], v = [0.09, 0.25]; gradient g = [0.3, -0.5]; eps 0.1
      const state = {
        t: 5, m: Float64Array.from([0.2, -0.4]), v: Float64Array.from([0.09, 0.25]),
        mHat: new Float64Array(2), vHat: new Float64Array(2),
      };
      // m6 = 0.9*[0.2, -0.4] + 0.1*[0.3, -0.5] = [0.21, -0.41];  v6 = 0.9*[0.09, 0.25] + 0.1*[0.09, 0.25] = [0.09, 0.25]
      // 1 - 0.9^6 = 0.468559;  mHat6 = [0.4481826195, -0.8750232095];  vHat6 = [0.1920782655, 0.5335507375]
      // rho_inf = 2/0.1 - 1 = 19;  rho_6 = 19 - 12*0.531441/0.468559 = 5.3895646013 > 5
      // r = sqrt((1.3895646)(3.3895646)(19) / ((15)(17)(5.3895646))) = 0.2551768065
      const lecture = optimizers.radam({ eta: 0.1, beta1: 0.9, beta2: 0.9, eps: 0.1 }).update([0.3, -0.5], state, W0);
      // lecture lr = 0.1 r/(sqrt(vHat6) + 0.1) = [0.0474070755, 0.0307276978];  w = w0 - lr*mHat6 = [0.9787529727, -1.9731125513]
      expectClose(vec(lecture.state, "m"), [0.21000000000000002, -0.41000000000000003], "m6");
      expectClose(vec(lecture.state, "v"), [0.09, 0.25], "v6");
      expectClose(vec(lecture.state, "mHat"), [0.44818261947801674, -0.8750232094570802], "mHat6");
      expectClose(vec(lecture.state, "vHat"), [0.19207826549057858, 0.5335507374738294], "vHat6");
      expectClose(lecture.effectiveRate, [0.04740707550378223, 0.030727697798276294], "lecture lr6");
      expectClose(lecture.params, [0.9787529727189228, -1.973112551253325], "lecture w6");
      expect(lecture.state.t).to.equal(6);
      // torch lr = 0.1 r sqrt(0.468559)/(sqrt(v6) + 0.1) = [0.0436680047, 0.0291120032];  w = [0.9804287592, -1.9745263216]
      const torch = optimizers.radam({ eta: 0.1, beta1: 0.9, beta2: 0.9, eps: 0.1, flavor: "torch" }).update([0.3, -0.5], state, W0);
      expectClose(torch.effectiveRate, [0.04366800474514768, 0.02911200316343179], "torch lr6");
      expectClose(torch.params, [0.9804287592459412, -1.9745263215582092], "torch w6");
    });
  });

  describe("schedules as eta: update t uses eta(t - 1)", () => {
    it("gd with eta = step => 0.1 / (1 + step)", () => {
      const opt = optimizers.gd({ eta: (step: number) => 0.1 / (1 + step) });
      const { r1, r2 } = twoSteps(opt);
      // update 1 uses eta(0) = 0.1: w1 = [0.95, -1.9];  update 2 uses eta(1) = 0.05: w2 = [0.95 - 0.05, -1.9 - 0.1] = [0.9, -2.0]
      expectClose(r1.effectiveRate, [0.1, 0.1], "lr1");
      expectClose(r2.effectiveRate, [0.05, 0.05], "lr2");
      expectClose(r2.params, [0.9, -2.0], "w2");
    });
  });
});
