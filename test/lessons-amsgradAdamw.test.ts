/**
 * lessons/amsgradAdamw: the rare-gradient replay (Adam's v forgets, AMSGrad's vHat does not), the
 * state chart and weight norms.
 */
import { expect } from "chai";
import { datasets, models, optimizers, train } from "../src/index";
import * as lessons from "../src/lessons";

const { rareGradientSequence, replayAll, stateChart, weightNorms } = lessons.amsgradAdamw;

describe("lessons.amsgradAdamw", () => {
  it("builds small gradients around one large one", () => {
    const g = rareGradientSequence({ small: 0.01, large: 1, before: 2, after: 3 });
    expect(g).to.deep.equal([0.01, 0.01, 1, 0.01, 0.01, 0.01]);
    expect(() => rareGradientSequence({ after: 0 })).to.throw("lessons.amsgradAdamw.rareGradientSequence: after");
  });

  it("Adam's v shrinks after the large gradient, AMSGrad's vHat keeps its peak", () => {
    const g = rareGradientSequence({ before: 5, after: 50 });
    const r = replayAll({ adam: optimizers.adam({ eta: 0.1, beta2: 0.99 }), amsgrad: optimizers.amsgrad({ eta: 0.1, beta2: 0.99 }) }, g);
    const peak = 5; // index of the large gradient
    expect(r.adam[peak + 50].state.v).to.be.below(0.7 * r.adam[peak].state.v);
    expect(r.amsgrad[peak + 50].state.vHat).to.equal(r.amsgrad[peak].state.v);
    // AMSGrad's effective rate never grows again after the peak; Adam's does.
    expect(r.amsgrad[peak + 50].effectiveRate).to.equal(r.amsgrad[peak].effectiveRate);
    expect(r.adam[peak + 50].effectiveRate).to.be.above(r.adam[peak + 1].effectiveRate);
    // v itself is the same recursion in both.
    expect(r.amsgrad[peak + 50].state.v).to.be.closeTo(r.adam[peak + 50].state.v, 1e-15);
  });

  it("charts the chosen state values and rejects unknown keys", () => {
    const r = replayAll({ amsgrad: optimizers.amsgrad({ eta: 0.1 }) }, [0.1, 1, 0.1]);
    const fig = stateChart(r, { "AMSGrad vHat": ["amsgrad", "vHat"] });
    expect(fig.data).to.have.length(2);
    expect((fig.data[1] as { y: number[] }).y).to.deep.equal(r.amsgrad.map((s) => s.state.vHat));
    expect(() => stateChart(r, { x: ["amsgrad", "nope"] })).to.throw("lessons.amsgradAdamw.stateChart: series");
    expect(() => replayAll({}, [1])).to.throw("lessons.amsgradAdamw.replayAll: optimizers");
  });

  it("weight norms: larger weight decay gives smaller weights; decay 0 is Adam", () => {
    const data = datasets.sparseLogistic({ n: 300, features: 50, density: 0.05, seed: 1 });
    const init = new Array(51).fill(0);
    const fit = (wd: number) => train({ model: models.logistic, data, init, optimizer: optimizers.adamw({ eta: 0.05, weightDecay: wd }), epochs: 40 });
    const n0 = weightNorms(fit(0));
    const n1 = weightNorms(fit(1));
    expect(n0[0]).to.equal(0);
    expect(n1[40]).to.be.below(n0[40]);
    const adamRun = train({ model: models.logistic, data, init, optimizer: optimizers.adam({ eta: 0.05 }), epochs: 40 });
    expect(weightNorms(adamRun)).to.deep.equal(n0);
    expect(() => weightNorms({} as never)).to.throw("lessons.amsgradAdamw.weightNorms: run");
  });
});
