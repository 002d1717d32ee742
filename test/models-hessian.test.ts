import { expect } from "chai";
import { datasets, models } from "../src/index";

const neuron = models.sigmoidNeuron;

/** Largest eigenvalue of a symmetric 2x2 matrix [[a, c], [c, d]]. */
function lambdaMax([[a, c], [, d]]: number[][]): number {
  return (a + d) / 2 + Math.sqrt(((a - d) / 2) ** 2 + c * c);
}

describe("models.sigmoidNeuron.hessian", () => {
  it("one point by hand: f = 1/2 (f'' = 0) and f = 3/4", () => {
    // x = 2, y = 0.3 at (w, b) = (0.5, -1): z = 0, f = 0.5, f' = 0.25, f'' = f'(1 - 2f) = 0
    // h = f'^2 + (f - y) f'' = 0.0625; H = 0.0625 [[4, 2], [2, 1]]
    expect(neuron.hessian([0.5, -1], { x: [2], y: [0.3] })).to.deep.equal([[0.25, 0.125], [0.125, 0.0625]]);
    // x = 1, y = 0.25 at (ln 3, 0): f = 3/4, f' = 3/16 = 0.1875, f'' = 0.1875 (1 - 1.5) = -0.09375
    // h = 0.03515625 + 0.5 * -0.09375 = -0.01171875 (negative: the loss is not convex here)
    const h = neuron.hessian([Math.log(3), 0], { x: [1], y: [0.25] });
    for (const v of [h[0][0], h[0][1], h[1][0], h[1][1]]) expect(v).to.be.closeTo(-0.01171875, 1e-15);
  });

  it("matches central differences of the gradient on the sparse data", () => {
    const data = datasets.sparse({ n: 80, seed: 3 });
    const e = 1e-6;
    for (const p of [[-2, -2], [0.4, -0.7], [1.5, 0.3]]) {
      const H = neuron.hessian(p, data);
      for (let j = 0; j < 2; j++) {
        const up = p.slice(); up[j] += e;
        const down = p.slice(); down[j] -= e;
        const gu = neuron.gradient(up, data), gd = neuron.gradient(down, data);
        for (let i = 0; i < 2; i++) expect(H[i][j]).to.be.closeTo((gu[i] - gd[i]) / (2 * e), 1e-5 * (1 + Math.abs(H[i][j])));
      }
      expect(H[0][1]).to.equal(H[1][0]);
    }
  });

  it("at the minimum of datasets.sparse(): H_bb = 23.13, lambda_max = 24.76 (issue 11), so GD needs eta < 0.0808", () => {
    const data = datasets.sparse();
    let p = [1, -0.7];
    for (let k = 0; k < 8; k++) { // Newton's method: p - H^-1 g
      const g = neuron.gradient(p, data);
      const [[a, c], [, d]] = neuron.hessian(p, data);
      const det = a * d - c * c;
      p = [p[0] - (d * g[0] - c * g[1]) / det, p[1] - (a * g[1] - c * g[0]) / det];
    }
    const g = neuron.gradient(p, data);
    expect(Math.hypot(g[0], g[1])).to.be.below(1e-12);
    expect(p[0]).to.be.closeTo(0.99524, 1e-5);
    expect(p[1]).to.be.closeTo(-0.72716, 1e-5);
    const H = neuron.hessian(p, data);
    expect(H[1][1]).to.be.closeTo(23.129, 1e-3);
    expect(H[0][0]).to.be.closeTo(8.4415, 1e-4);
    expect(H[0][1]).to.be.closeTo(5.1598, 1e-4);
    expect(lambdaMax(H)).to.be.closeTo(24.7606, 1e-4);
    expect(2 / lambdaMax(H)).to.be.closeTo(0.08077, 1e-5);
  });

  it("rejects bad parameters and data with a message naming the argument", () => {
    expect(() => neuron.hessian([1], datasets.toy2())).to.throw(/sigmoidNeuron\.hessian: params/);
    expect(() => neuron.hessian([1, NaN], datasets.toy2())).to.throw(/sigmoidNeuron\.hessian: params/);
    expect(() => neuron.hessian([1, 1], { x: [1], y: [] } as never)).to.throw(/sigmoidNeuron\.hessian/);
  });
});
