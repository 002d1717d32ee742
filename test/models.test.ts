import { expect } from "chai";
import { datasets, models, randomSource } from "../src/index";

/** Central finite difference of f along coordinate i. */
function numericGradient(f: (p: number[]) => number, p: number[], h = 1e-6): number[] {
  return p.map((_, i) => {
    const up = p.slice();
    const down = p.slice();
    up[i] += h;
    down[i] -= h;
    return (f(up) - f(down)) / (2 * h);
  });
}

describe("models", () => {
  describe("sigmoidNeuron", () => {
    const neuron = models.sigmoidNeuron;

    it("computes the lecture's loss and gradient on toy2 by hand", () => {
      // f(0.5) = 1/(1+e^{-(-2*0.5-2)}) = 1/(1+e^3) = 0.0474258732; f(2.5) = 1/(1+e^7) = 0.000911051
      const f1 = 1 / (1 + Math.exp(3));
      const f2 = 1 / (1 + Math.exp(7));
      // loss = 1/2 (0.0474258732 - 0.2)^2 + 1/2 (0.000911051 - 0.9)^2 = 0.0116396 + 0.4041803 = 0.4158199
      expect(neuron.loss([-2, -2], datasets.toy2())).to.be.closeTo(0.5 * (f1 - 0.2) ** 2 + 0.5 * (f2 - 0.9) ** 2, 1e-15);
      expect(neuron.loss([-2, -2], datasets.toy2())).to.be.closeTo(0.4158199, 1e-7);
      // grad_b = (f1-0.2) f1 (1-f1) + (f2-0.9) f2 (1-f2) = -0.006892789 + -0.000818... ; grad_w adds the x factors
      const g = neuron.gradient([-2, -2], datasets.toy2());
      const c1 = (f1 - 0.2) * f1 * (1 - f1);
      const c2 = (f2 - 0.9) * f2 * (1 - f2);
      expect(g[0]).to.equal(c1 * 0.5 + c2 * 2.5);
      expect(g[1]).to.equal(c1 + c2);
    });

    it("gradient matches finite differences of the summed loss", () => {
      const data = datasets.sparse({ n: 60, seed: 2 });
      for (const p of [[-2, -2], [0.3, -0.7], [1.5, 0.4]]) {
        const num = numericGradient((q) => neuron.loss(q, data), p);
        const g = neuron.gradient(p, data);
        expect(g[0]).to.be.closeTo(num[0], 1e-6);
        expect(g[1]).to.be.closeTo(num[1], 1e-6);
      }
    });

    it("the grouped-x loss surface equals the point-by-point one to 1e-12", () => {
      const ws = Array.from({ length: 31 }, (_, i) => -6 + i * 0.4);
      const bs = Array.from({ length: 29 }, (_, j) => -6 + j * 0.43);
      const rng = randomSource(11);
      const repeated = { x: Array.from({ length: 300 }, () => Math.round(rng.between(-3, 3))), y: Array.from({ length: 300 }, () => rng.uniform()) };
      for (const data of [datasets.sparse(), repeated, datasets.toy2()]) {
        const fast = neuron.lossSurface(data, ws, bs);
        const plain = neuron.lossSurfacePlain(data, ws, bs);
        expect(fast).to.have.length(bs.length);
        fast.forEach((row, j) => row.forEach((v, i) => expect(Math.abs(v - plain[j][i])).to.be.below(1e-12 * Math.max(1, Math.abs(plain[j][i])))));
        expect(plain[3][5]).to.equal(neuron.loss([ws[5], bs[3]], data));
      }
    });
  });

  describe("surfaces", () => {
    for (const [name, s] of Object.entries(models.surfaces)) {
      it(`${name}: analytic gradient matches finite differences; minima are stationary`, () => {
        const f = (p: number[]) => s.value(p[0], p[1]);
        for (const p of [[0.3, -0.2], [-1.1, 0.7], [s.start[0], s.start[1]]]) {
          const num = numericGradient(f, p);
          const [g0, g1] = s.gradient(p[0], p[1]);
          expect(g0).to.be.closeTo(num[0], 1e-4 * Math.max(1, Math.abs(num[0])));
          expect(g1).to.be.closeTo(num[1], 1e-4 * Math.max(1, Math.abs(num[1])));
        }
        for (const [a, b] of s.minima) {
          const [g0, g1] = s.gradient(a, b);
          expect(Math.hypot(g0, g1)).to.be.below(1e-12);
        }
        expect(s.loss([0.5, 0.25], undefined)).to.equal(s.value(0.5, 0.25));
      });
    }
  });

  describe("logistic", () => {
    it("gradient matches finite differences on a small sparse set", () => {
      const d = datasets.sparseLogistic({ n: 30, features: 8, density: 0.1, seed: 1 });
      const p = Array.from({ length: 9 }, (_, j) => 0.1 * (j - 4));
      const num = numericGradient((q) => models.logistic.loss(q, d), p);
      const g = new Float64Array(9);
      for (let i = 0; i < d.n; i++) models.logistic.addPointGradient(p, d, i, g);
      g.forEach((v, j) => expect(v).to.be.closeTo(num[j], 1e-6));
      expect(models.logistic.paramNames(d)).to.deep.equal(["w0", "w1", "w2", "w3", "w4", "w5", "w6", "w7", "b"]);
      // softplus stays finite for huge margins
      expect(Number.isFinite(models.logistic.loss(new Array(9).fill(1e3), d))).to.equal(true);
    });

    it("prepared loss and batch gradient equal the plain point-by-point ones bit for bit", () => {
      const d = datasets.sparseLogistic({ n: 200, features: 40, density: 0.1, seed: 3 });
      const prep = models.logistic.prepare(d);
      const plainGradient = (q: number[]) => {
        const g = new Float64Array(41);
        for (let i = 0; i < d.n; i++) models.logistic.addPointGradient(q, d, i, g);
        return g;
      };
      // Margins of both signs (and exactly 0 at the zero vector); the gradient is asked after the
      // loss at the same params (reuses its exp), before any loss, and at new params.
      for (const scale of [0, 0.5, -2, 30]) {
        const q = Array.from({ length: 41 }, (_, j) => scale * Math.sin(j + 1));
        const fresh = new Float64Array(41);
        prep.batchGradient(q, fresh);
        expect(Array.from(fresh)).to.deep.equal(Array.from(plainGradient(q)));
        expect(prep.loss(q)).to.equal(models.logistic.loss(q, d));
        const afterLoss = new Float64Array(41);
        prep.batchGradient(q, afterLoss);
        expect(Array.from(afterLoss)).to.deep.equal(Array.from(plainGradient(q)));
      }
    });
  });
});
