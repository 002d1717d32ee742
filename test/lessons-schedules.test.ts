/**
 * lessons/schedules: when a run leaves the saddle's ridge (notebooks 09 and 10).
 */
import { expect } from "chai";
import { datasets, models, optimizers, schedules, train } from "../src/index";
import * as lessons from "../src/lessons";

const { escapeStep } = lessons.schedules;

describe("lessons.schedules", () => {
  const saddle = models.surfaces.saddle;
  const fit = (eta: number | ((s: number) => number)) => train({ model: saddle, init: [-2, 1e-4], optimizer: optimizers.gd({ eta }), epochs: 300 });

  it("constant eta = 0.1 leaves the ridge at step 91, as b ~ 1e-4 * 1.1^k predicts", () => {
    // b_k ~ 1e-4 * (1 + 0.1)^k reaches 0.5 when k >= ln(5000) / ln(1.1) = 8.517 / 0.09531 = 89.4, so
    // after 90 updates; the -b^3 term slows b a little as it grows, so one step later.
    expect(Math.log(5000) / Math.log(1.1)).to.be.closeTo(89.36, 0.01);
    expect(escapeStep(fit(0.1))).to.equal(91);
  });

  it("exponential decay (sum of eta = 0.1 / 0.05 = 2) never leaves; the lecture's cyclic rate leaves at step 172", () => {
    const decayed = fit(schedules.exponentialDecay({ eta: 0.1, gamma: 0.95 }));
    expect(escapeStep(decayed)).to.equal(undefined);
    // b can grow at most e^2-fold: 1e-4 * 7.389 = 7.39e-4.
    expect(Math.abs(decayed.trajectory.last().params[1])).to.be.below(1e-4 * Math.exp(2));
    expect(escapeStep(fit(schedules.cyclic({ etaMin: 0.001, etaMax: 0.1, stepSize: 30 })))).to.equal(172);
  });

  it("counts records from 0 (the start) and respects index and threshold", () => {
    const run = fit(0.1);
    expect(escapeStep(run, 0, 1.5)).to.equal(0); // w starts at -2
    expect(escapeStep(run, 1, 2)).to.equal(undefined); // the valley is at b = 1
  });

  it("rejects bad input, naming the function and the argument", () => {
    const run = fit(0.1);
    expect(() => escapeStep(run, 1, 0)).to.throw("lessons.schedules.escapeStep: threshold");
    expect(() => escapeStep(run, 2)).to.throw("lessons.schedules.escapeStep: index");
    expect(() => escapeStep({} as never)).to.throw("lessons.schedules.escapeStep: run");
  });

  it("notebook 10's stability limit: on the sparse data lambda_max = 24.76 at the minimum, so GD needs eta < 0.0808", () => {
    // Analytic Hessian (independent of the notebook's finite differences): per point z = w x + b,
    // f = sigmoid(z), loss 1/2 (f - y)^2 has d2/dz2 = f'^2 + (f - y) f'' with f' = f(1 - f),
    // f'' = f'(1 - 2f); H = sum of that times [[x^2, x], [x, 1]].
    const data = datasets.sparse();
    const [w, b] = train({ model: models.sigmoidNeuron, data, init: [-2, -2], optimizer: optimizers.gd({ eta: 0.05 }), epochs: 2000 }).trajectory.last().params;
    let hww = 0, hwb = 0, hbb = 0;
    data.x.forEach((x, i) => {
      const f = 1 / (1 + Math.exp(-(w * x + b)));
      const d1 = f * (1 - f);
      const c = d1 * d1 + (f - data.y[i]) * d1 * (1 - 2 * f);
      hww += c * x * x; hwb += c * x; hbb += c;
    });
    const lambdaMax = (hww + hbb) / 2 + Math.sqrt(((hww - hbb) / 2) ** 2 + hwb ** 2);
    expect(hbb).to.be.closeTo(23.13, 0.005);
    expect(lambdaMax).to.be.closeTo(24.76, 0.005);
    expect(2 / lambdaMax).to.be.closeTo(0.0808, 0.00005);
    // Just below the limit GD settles; just above it b ends in a 2-cycle.
    const lastB = (eta: number) => Array.from(train({ model: models.sigmoidNeuron, data, init: [-2, -2], optimizer: optimizers.gd({ eta }), epochs: 400 }).trajectory.param(1).slice(-2));
    const [b1, b2] = lastB(0.075);
    expect(Math.abs(b1 - b2)).to.be.below(1e-6);
    const [c1, c2] = lastB(0.085);
    expect(Math.abs(c1 - c2)).to.be.above(0.4);
  });
});
