import { expect } from "chai";
import { models, optimizers, train } from "../src/index";

describe("models.rotated", () => {
  const valley = models.surfaces.valley;
  const turned = models.rotated(valley, 45);
  const r = Math.SQRT1_2;

  it("turns the valley by 45°: f_rot(R p) = f(p), worked by hand at the start", () => {
    // start (-4.5, 1.5) turned: (r (-4.5 - 1.5), r (-4.5 + 1.5)) = (-6 r, -3 r) = (-4.2426, -2.1213)
    expect(turned.start[0]).to.be.closeTo(-6 * r, 1e-12);
    expect(turned.start[1]).to.be.closeTo(-3 * r, 1e-12);
    // f(-4.5, 1.5) = 0.5 (0.1 * 20.25 + 10 * 2.25) = 0.5 * 24.525 = 12.2625
    expect(turned.value(turned.start[0], turned.start[1])).to.be.closeTo(12.2625, 1e-12);
    // The valley's floor (the w axis) turns onto the diagonal w = b: f_rot(1, 1) = f(sqrt 2, 0) = 0.1
    expect(turned.value(1, 1)).to.be.closeTo(0.1, 1e-12);
    expect(turned.minima[0][0]).to.be.closeTo(0, 1e-15);
  });

  it("has the gradient R grad f(R^T p), equal to finite differences", () => {
    for (const [x, y] of [[0.3, -0.2], [-2, 1.7], [4, 3]]) {
      const h = 1e-6;
      const num = [(turned.value(x + h, y) - turned.value(x - h, y)) / (2 * h), (turned.value(x, y + h) - turned.value(x, y - h)) / (2 * h)];
      const [g0, g1] = turned.gradient(x, y);
      expect(g0).to.be.closeTo(num[0], 1e-5);
      expect(g1).to.be.closeTo(num[1], 1e-5);
      const out = new Float64Array(2);
      turned.addPointGradient([x, y], undefined, 0, out);
      expect(Array.from(out)).to.deep.equal([g0, g1]);
    }
    // By hand at (1, 1): R^T (1, 1) = (sqrt 2, 0), grad f there = (0.1 sqrt 2, 0), turned back: (0.1, 0.1)
    const [a, b] = turned.gradient(1, 1);
    expect(a).to.be.closeTo(0.1, 1e-12);
    expect(b).to.be.closeTo(0.1, 1e-12);
  });

  it("GD's losses are the same on the turned valley (rotation-invariant); Adam's are not", () => {
    const run = (model: typeof valley, opt: () => ReturnType<typeof optimizers.gd>) =>
      train({ model, init: model.start, optimizer: opt(), epochs: 100 }).trajectory.lossColumn();
    const gdA = run(valley, () => optimizers.gd({ eta: 0.05 }));
    const gdB = run(turned, () => optimizers.gd({ eta: 0.05 }));
    for (let k = 0; k <= 100; k++) expect(gdB[k]).to.be.closeTo(gdA[k], 1e-12 * Math.max(1, gdA[k]));
    const adamA = run(valley, () => optimizers.adam({ eta: 0.1 }));
    const adamB = run(turned, () => optimizers.adam({ eta: 0.1 }));
    expect(adamB[100]).to.be.above(100 * adamA[100]);
  });

  it("0° gives the base surface back; bounds contain the turned start", () => {
    const same = models.rotated(valley, 0);
    expect(same.value(1.2, -0.4)).to.equal(valley.value(1.2, -0.4));
    expect(same.bounds).to.deep.equal([[-5, 5], [-2, 2]]);
    const [[x0, x1], [y0, y1]] = turned.bounds;
    expect(turned.start[0]).to.be.within(x0, x1);
    expect(turned.start[1]).to.be.within(y0, y1);
  });

  it("names the function, the argument and the value on bad input", () => {
    expect(() => models.rotated(valley, NaN)).to.throw(/models\.rotated.*degrees.*NaN/);
    expect(() => models.rotated({} as never, 45)).to.throw(/models\.rotated.*base/);
  });
});
