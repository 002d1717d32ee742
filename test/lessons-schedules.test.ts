/**
 * lessons/schedules: when a run leaves the saddle's ridge (notebooks 09 and 10).
 */
import { expect } from "chai";
import { models, optimizers, schedules, train } from "../src/index";
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
});
