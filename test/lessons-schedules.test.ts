/**
 * lessons/schedules: escaping the saddle (the lecture's cyclic example) and schedule values.
 */
import { expect } from "chai";
import { models, optimizers, schedules, train } from "../src/index";
import * as lessons from "../src/lessons";

const { escapeStep, valuesAt, choiceCounts } = lessons.schedules;

describe("lessons.schedules", () => {
  const saddle = models.surfaces.saddle;
  const fit = (eta: (s: number) => number) => train({ model: saddle, init: [-2, 1e-4], optimizer: optimizers.gd({ eta }), epochs: 300 });

  it("exponential decay stays at the saddle, the lecture's triangular cyclic rate escapes", () => {
    expect(escapeStep(fit(schedules.exponentialDecay({ eta: 0.1, gamma: 0.95 })))).to.equal(undefined);
    const k = escapeStep(fit(schedules.cyclic({ etaMin: 0.001, etaMax: 0.1, stepSize: 30 })));
    expect(k).to.be.a("number");
    expect(k).to.be.within(60, 300);
  });

  it("slide's warm restarts: 1, 0.55, 0.1, 1 at t = 0, 25, 50, 51", () => {
    const v = valuesAt(schedules.cosineWarmRestarts({ etaMax: 1, etaMin: 0.1, T: 50 }), [0, 25, 50, 51]);
    expect(v[0]).to.be.closeTo(1, 1e-12);
    expect(v[1]).to.be.closeTo(0.55, 1e-12);
    expect(v[2]).to.be.closeTo(0.1, 1e-12);
    expect(v[3]).to.be.closeTo(1, 1e-12);
  });

  it("counts chosen rates, most frequent first", () => {
    expect(choiceCounts([0.1, 0.5, 0.1, 1, 0.5, 0.1])).to.deep.equal([{ eta: 0.1, count: 3 }, { eta: 0.5, count: 2 }, { eta: 1, count: 1 }]);
    expect(() => choiceCounts([0.1, NaN])).to.throw("lessons.schedules.choiceCounts: etas");
  });

  it("rejects bad input", () => {
    expect(() => valuesAt(schedules.constant({ eta: 1 }), [-1])).to.throw("lessons.schedules.valuesAt: steps[0]");
    expect(() => escapeStep(fit(schedules.constant({ eta: 0.1 })), 1, 0)).to.throw("lessons.schedules.escapeStep: threshold");
  });
});
