/**
 * lessons/rmsprop: rate histories and the end-of-run oscillation summary.
 */
import { expect } from "chai";
import { datasets, models, optimizers, train } from "../src/index";
import * as lessons from "../src/lessons";

const { rateHistory, tailSummary } = lessons.rmsprop;

describe("lessons.rmsprop", () => {
  it("a 2-cycle on the bowl: with beta = 0 and eps = 0 every step is exactly eta", () => {
    // bowl f = 1/2 (w^2 + 2 b^2), grad (w, 2b). From (0.25, 0.25) with eta 0.5, beta 0: v = g^2, so
    // the step is 0.5 * g / |g| = 0.5 * sign(g): 0.25 -> -0.25 -> 0.25 ... in both coordinates.
    const run = train({ model: models.surfaces.bowl, init: [0.25, 0.25], optimizer: optimizers.rmsprop({ eta: 0.5, beta: 0, eps: 0 }), epochs: 6 });
    const s = tailSummary(run, 4);
    expect(s.amplitude).to.deep.equal([0.5, 0.5]);
    expect(s.meanStep).to.deep.equal([0.5, 0.5]);
    // |grad_w| = 0.25, |grad_b| = 2 * 0.25 = 0.5
    expect(s.meanGrad).to.deep.equal([0.25, 0.5]);
    // loss 1/2 (0.0625 + 2 * 0.0625) = 0.09375 at every point of the cycle
    expect(s.lossMin).to.equal(0.09375);
    expect(s.lossMax).to.equal(0.09375);
    // rate = eta / |g| = 0.5 / 0.25 = 2 for w at every update
    const h = rateHistory(run, "w");
    expect(h.first).to.equal(2);
    expect(h.last).to.equal(2);
    expect(() => tailSummary(run, 7)).to.throw("lessons.rmsprop.tailSummary: run must be a run with at least 7 update(s), got 6");
    expect(() => tailSummary({} as never)).to.throw("lessons.rmsprop.tailSummary: run must be a result of train()");
  });

  it("AdaGrad's rate only decreases; RMSProp's falls and climbs back", () => {
    // AdaGrad on the bowl from (0.25, 0.25), eta 0.5, eps 0: rate_w = 0.5/0.25 = 2, then 0.5/sqrt(0.125) = 1.41421
    const ada = train({ model: models.surfaces.bowl, init: [0.25, 0.25], optimizer: optimizers.adagrad({ eta: 0.5, eps: 0 }), epochs: 2 });
    expect(ada.trajectory.effectiveRateColumn(0)[1]).to.be.closeTo(1.41421356, 1e-8);
    expect(rateHistory(ada, 0).neverIncreases).to.equal(true);
    const data = datasets.sparse();
    const fit = (optimizer: ReturnType<typeof optimizers.rmsprop> | ReturnType<typeof optimizers.adagrad>, epochs = 120) => train({ model: models.sigmoidNeuron, data, init: [-4, 4], optimizer, epochs });
    const adagrad = fit(optimizers.adagrad({ eta: 0.1, eps: 1e-4 }));
    const rms = fit(optimizers.rmsprop({ eta: 0.1, beta: 0.5, eps: 1e-4 }));
    const a = rateHistory(adagrad, "b");
    const r = rateHistory(rms, "b");
    expect(a.neverIncreases).to.equal(true);
    expect(a.smallestAt).to.equal(120);
    expect(r.neverIncreases).to.equal(false);
    expect(r.largestAfter).to.be.above(10 * r.smallest);
    expect(r.smallestAt).to.be.below(120);
    expect(() => rateHistory(rms, "c")).to.throw("lessons.rmsprop.rateHistory: param must be a parameter index in [0, 1] or one of w, b");
    // the lecture setting ends in a 2-cycle of size eta = 0.1 in both parameters
    const tail = tailSummary(rms, 20);
    expect(tail.amplitude[0]).to.be.closeTo(0.1, 1e-3);
    expect(tail.amplitude[1]).to.be.closeTo(0.1, 1e-3);
    // the lecture's fix eta = 0.05 halves the cycle (notebook 03) but does not remove it: after 200
    // epochs each update still moves both parameters by ~0.05, and the loss swings 0.6415..0.6422
    const half = tailSummary(fit(optimizers.rmsprop({ eta: 0.05, beta: 0.5, eps: 1e-4 }), 200), 20);
    half.amplitude.forEach((a) => expect(a).to.be.closeTo(0.05, 1e-3));
    half.meanStep.forEach((m) => expect(m).to.be.closeTo(0.05, 1e-3));
    expect(half.lossMin).to.be.closeTo(0.64147, 1e-5);
    expect(half.lossMax).to.be.closeTo(0.64216, 1e-5);
  });
});
