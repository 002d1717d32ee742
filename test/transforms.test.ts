/**
 * Composition: gradient transformations chained into optimizers. AdamW and RMSProp written as
 * chains equal the library's own rules bit for bit; Lion (a chain) is checked against two steps
 * computed by hand; clipping and the chain's own checks.
 */
import { expect } from "chai";
import { datasets, models, optimizers, schedules, train, transforms } from "../src/index";
import type { Optimizer, OptimizerState } from "../src/index";

const bits = (a: ArrayLike<number>) => Array.from(a);

function sameRun(a: Optimizer<OptimizerState, optimizers.BaseHyper>, b: Optimizer<OptimizerState, optimizers.BaseHyper>, mode: "batch" | "sgd") {
  const opts = { model: models.sigmoidNeuron, data: datasets.sparse({ n: 60, seed: 3 }), init: [-2, -2], epochs: mode === "batch" ? 80 : 4, mode };
  const ra = train({ ...opts, optimizer: a });
  const rb = train({ ...opts, optimizer: b });
  expect(bits(ra.trajectory.param(0))).to.deep.equal(bits(rb.trajectory.param(0)));
  expect(bits(ra.trajectory.param(1))).to.deep.equal(bits(rb.trajectory.param(1)));
  expect(bits(ra.trajectory.etaColumn())).to.deep.equal(bits(rb.trajectory.etaColumn()));
  return { ra, rb };
}

describe("transforms: composition (optax-style chain)", () => {
  for (const mode of ["batch", "sgd"] as const) {
    it(`AdamW as chain(scaleByAdam, addDecayedWeights, scaleByLearningRate) = optimizers.adamw bit for bit (${mode})`, () => {
      const chained = transforms.chain(transforms.scaleByAdam({ beta1: 0.9, beta2: 0.999, eps: 1e-8 }), transforms.addDecayedWeights(0.05), transforms.scaleByLearningRate(0.1));
      const { ra, rb } = sameRun(chained, optimizers.adamw({ eta: 0.1, weightDecay: 0.05 }), mode);
      for (const key of ["m", "v", "mHat", "vHat"]) expect(bits(ra.trajectory.stateColumn(key, 1))).to.deep.equal(bits(rb.trajectory.stateColumn(key, 1)));
      // effective rate: eta * (1/denom) in the chain vs eta/denom in adamw: equal to rounding
      const x = ra.trajectory.effectiveRateColumn(1);
      const y = rb.trajectory.effectiveRateColumn(1);
      for (let k = 0; k < x.length; k++) expect(Math.abs(x[k] - y[k])).to.be.at.most(1e-15 * Math.abs(y[k]));
    });

    it(`RMSProp as chain(scaleByRms, scaleByLearningRate) = optimizers.rmsprop bit for bit (${mode})`, () => {
      const chained = transforms.chain(transforms.scaleByRms({ beta: 0.9, eps: 1e-8 }), transforms.scaleByLearningRate(0.01));
      sameRun(chained, optimizers.rmsprop({ eta: 0.01, beta: 0.9 }), mode);
    });
  }

  it("a schedule in scaleByLearningRate is evaluated at t - 1 and reported as eta", () => {
    const eta = schedules.exponentialDecay({ eta: 0.1, gamma: 0.5 });
    const opt = transforms.chain(transforms.scaleByAdam(), transforms.scaleByLearningRate(eta));
    const run = train({ model: models.surfaces.bowl, init: [1, 1], optimizer: opt, epochs: 3 });
    expect(bits(run.trajectory.etaColumn())).to.deep.equal([0.1, 0.05, 0.025]);
    sameRun(transforms.chain(transforms.scaleByAdam(), transforms.scaleByLearningRate(eta)), optimizers.adam({ eta }), "batch");
  });

  it("Lion: two steps by hand (eta 0.1, beta1 0.9, beta2 0.99)", () => {
    const lion = optimizers.lion({ eta: 0.1 });
    let state = lion.init([1, -2]);
    // step 1, g = (0.5, -0.25): c = 0.9*0 + 0.1*g = (0.05, -0.025); sign = (1, -1)
    //   w = (1 - 0.1*1, -2 - 0.1*(-1)) = (0.9, -1.9); m = 0.99*0 + 0.01*g = (0.005, -0.0025)
    const r1 = lion.update([0.5, -0.25], state, [1, -2]);
    expect(bits(r1.params)).to.deep.equal([1 - 0.1, -2 + 0.1]);
    // (1 - 0.99) is 0.010000000000000009 in floating point, exactly as the rule computes it
    expect(bits(r1.state.m as Float64Array)).to.deep.equal([(1 - 0.99) * 0.5, (1 - 0.99) * -0.25]);
    expect(r1.eta).to.equal(0.1);
    expect(bits(r1.effectiveRate)).to.deep.equal([0.1, 0.1]);
    state = r1.state;
    // step 2, g = (-0.3, 0.1): c = 0.9*(0.005, -0.0025) + 0.1*(-0.3, 0.1) = (0.0045 - 0.03, -0.00225 + 0.01)
    //   = (-0.0255, 0.00775): sign = (-1, 1); w = (0.9 + 0.1, -1.9 - 0.1) = (1.0, -2.0)
    //   m = 0.99*(0.005, -0.0025) + 0.01*(-0.3, 0.1) = (0.00495 - 0.003, -0.002475 + 0.001) = (0.00195, -0.001475)
    const r2 = lion.update([-0.3, 0.1], state, r1.params);
    expect(r2.params[0]).to.be.closeTo(1.0, 1e-15);
    expect(r2.params[1]).to.be.closeTo(-2.0, 1e-15);
    expect((r2.state.m as Float64Array)[0]).to.be.closeTo(0.00195, 1e-17);
    expect((r2.state.m as Float64Array)[1]).to.be.closeTo(-0.001475, 1e-17);
    expect(r2.state.t).to.equal(2);
  });

  it("Lion with decoupled weight decay: w - eta (sign(c) + lambda w)", () => {
    // lambda 0.5 from (1, -2), g = (0.5, -0.25): u = (1 + 0.5*1, -1 + 0.5*(-2)) = (1.5, -2); w = (1 - 0.15, -2 + 0.2)
    const r = optimizers.lion({ eta: 0.1, weightDecay: 0.5 }).update([0.5, -0.25], optimizers.lion({ eta: 0.1 }).init([1, -2]), [1, -2]);
    expect(r.params[0]).to.be.closeTo(0.85, 1e-15);
    expect(r.params[1]).to.be.closeTo(-1.8, 1e-15);
  });

  it("clipByGlobalNorm scales the update to the norm limit, and only above it", () => {
    const clip = transforms.clipByGlobalNorm(1);
    // ||(3, 4)|| = 5 > 1: scaled by 1/5 to (0.6, 0.8)
    const r = clip.update(Float64Array.from([3, 4]), {}, Float64Array.from([0, 0]), 1);
    expect(r.updates[0]).to.be.closeTo(0.6, 1e-15); // 3 * (1/5) = 0.6000000000000001
    expect(r.updates[1]).to.be.closeTo(0.8, 1e-15);
    expect(r.scale).to.equal(0.2);
    expect(bits(clip.update(Float64Array.from([0.3, 0.4]), {}, Float64Array.from([0, 0]), 1).updates)).to.deep.equal([0.3, 0.4]);
    // as a chain with GD's step: w - eta * clipped g
    const opt = transforms.chain(transforms.clipByGlobalNorm(1), transforms.scaleByLearningRate(0.5));
    const u = opt.update([3, 4], opt.init([1, 1]), [1, 1]);
    expect(u.params[0]).to.be.closeTo(1 - 0.5 * 0.6, 1e-15);
    expect(u.params[1]).to.be.closeTo(1 - 0.5 * 0.8, 1e-15);
    expect(bits(u.effectiveRate)).to.deep.equal([0.2 * 0.5, 0.2 * 0.5]);
  });

  it("bad chains and bad options get clear errors", () => {
    expect(() => transforms.chain()).to.throw(/^chain: transforms must be at least one gradient transformation/);
    expect(() => transforms.chain(transforms.scaleByAdam(), transforms.scaleByAdam())).to.throw(/^chain: state key "m" of scaleByAdam clashes with scaleByAdam/);
    expect(() => transforms.chain({} as never)).to.throw(/^chain: transforms\[0\] must be a gradient transformation/);
    expect(() => transforms.clipByGlobalNorm(0)).to.throw(/^transforms.clipByGlobalNorm: maxNorm must be a finite number > 0, got 0/);
    expect(() => transforms.addDecayedWeights(-1)).to.throw(/^transforms.addDecayedWeights: weightDecay must be/);
    expect(() => optimizers.lion({ eta: 0.1, flavor: "torch" } as never)).to.throw(/^lion: flavor must be one of "lecture", got "torch"/);
    expect(() => optimizers.lion({ eta: 0.1, beta1: 1 })).to.throw(/^lion: beta1 must be a number in \[0, 1\)/);
  });

  it("the registry reads defaults and state keys from the factories; Lion is the kit's addition", () => {
    expect(optimizers.registry.adam.defaults).to.deep.equal({ beta1: 0.9, beta2: 0.999, eps: 1e-8, biasCorrection: true });
    expect(optimizers.registry.lion.defaults).to.deep.equal({ beta1: 0.9, beta2: 0.99, weightDecay: 0 });
    expect(optimizers.registry.lion.lecture).to.equal(false);
    expect(optimizers.registry.lion.torch).to.equal(undefined);
    expect(optimizers.names.filter((n) => optimizers.registry[n].lecture)).to.have.length(13);
    for (const name of optimizers.names) {
      const info = optimizers.registry[name];
      expect(info.name).to.equal(name);
      expect(info.color).to.match(/^#[0-9a-f]{6}$/);
      expect(info.create({ eta: 0.1 }).name).to.equal(name);
    }
    expect(() => optimizers.infoFor("sgd")).to.throw(/^optimizers.infoFor: name must be one of gd, momentum/);
  });
});
