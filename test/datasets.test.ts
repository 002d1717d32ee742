import { expect } from "chai";
import { datasets, models } from "../src/index";

describe("datasets", () => {
  it("toy2 is the lecture's two points", () => {
    expect(datasets.toy2()).to.deep.equal({ x: [0.5, 2.5], y: [0.2, 0.9] });
  });

  describe("sparse", () => {
    const data = datasets.sparse();

    it("has 500 points, exactly 80% of x equal to 0, y in [0, 1]", () => {
      expect(data.x).to.have.length(500);
      expect(data.y).to.have.length(500);
      expect(data.x.filter((x) => x === 0)).to.have.length(400);
      for (const x of data.x) if (x !== 0) expect(x).to.be.within(0.5, 3);
      for (const y of data.y) expect(y).to.be.within(0, 1);
    });

    it("tells the lecture's story at (-2, -2): large summed grad_b (about -9.19), small grad_w", () => {
      const [gw, gb] = models.sigmoidNeuron.gradient([-2, -2], data);
      expect(gb).to.be.closeTo(-9.19, 0.05);
      expect(Math.abs(gw)).to.be.below(Math.abs(gb) / 10);
      // AdaGrad's first effective rates 0.1/|g|: w gets a much larger rate than b (slide: 0.72 vs 0.01).
      expect(0.1 / Math.abs(gb)).to.be.closeTo(0.0109, 0.0002);
      expect(0.1 / Math.abs(gw)).to.be.above(10 * (0.1 / Math.abs(gb)));
    });

    it("is deterministic per seed and differs between seeds", () => {
      expect(datasets.sparse({ seed: 7 })).to.deep.equal(datasets.sparse({ seed: 7 }));
      expect(datasets.sparse({ seed: 7 }).x).to.not.deep.equal(datasets.sparse({ seed: 8 }).x);
    });

    it("honours n, sparsity, x range, true (w, b) and noise", () => {
      const d = datasets.sparse({ n: 40, sparsity: 0.5, xRange: [2, 4], wTrue: 3, bTrue: 0, noise: 0, seed: "s" });
      expect(d.x.filter((x) => x === 0)).to.have.length(20);
      d.x.forEach((x, i) => {
        if (x !== 0) expect(x).to.be.within(2, 4);
        expect(d.y[i]).to.be.closeTo(1 / (1 + Math.exp(-3 * x)), 1e-15);
      });
    });
  });

  it("noisyCurve is deterministic and centred on its truth", () => {
    const a = datasets.noisyCurve({ n: 200, seed: 3 });
    expect(a).to.deep.equal(datasets.noisyCurve({ n: 200, seed: 3 }));
    expect(a.t[0]).to.equal(1);
    const meanResidual = a.observed.reduce((s, v, i) => s + v - a.truth[i], 0) / a.t.length;
    expect(Math.abs(meanResidual)).to.be.below(0.1);
    for (const v of a.truth) expect(v).to.be.above(0.5);
  });

  it("gradientProfile is high first, then decreasing, with the requested zeros", () => {
    const g = datasets.gradientProfile({ n: 100, noise: 0, seed: 1 });
    expect(g.slice(0, 10).every((v) => v === 1)).to.equal(true);
    for (let t = 11; t < 100; t++) expect(g[t]).to.be.below(g[t - 1]);
    const sparse = datasets.gradientProfile({ n: 400, zeroFraction: 0.5, seed: 2 });
    const zeros = sparse.filter((v) => v === 0).length;
    expect(zeros).to.be.within(160, 240);
    expect(datasets.gradientProfile({ seed: 5 })).to.deep.equal(datasets.gradientProfile({ seed: 5 }));
  });

  it("sparseLogistic is a deterministic CSR set with rare and common features", () => {
    const d = datasets.sparseLogistic({ n: 500, features: 1000, density: 0.01, seed: 4 });
    const again = datasets.sparseLogistic({ n: 500, features: 1000, density: 0.01, seed: 4 });
    expect(Array.from(d.indices)).to.deep.equal(Array.from(again.indices));
    expect(Array.from(d.values)).to.deep.equal(Array.from(again.values));
    expect(d.indptr).to.have.length(501);
    expect(d.indptr[500]).to.equal(d.indices.length);
    const counts = new Array(1000).fill(0);
    for (const j of d.indices) counts[j]++;
    expect(counts[0]).to.be.above(20 * Math.max(1, counts[999]));
    const density = d.indices.length / (500 * 1000);
    expect(density).to.be.within(0.005, 0.03);
    for (const y of d.y) expect([0, 1]).to.include(y);
  });
});
