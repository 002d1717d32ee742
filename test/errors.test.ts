import { expect } from "chai";
import { datasets, logSearch, models, optimizers, schedules, train } from "../src/index";

const names = optimizers.names;
const all = (name: string) => optimizers.infoFor(name).create;

describe("bad input gets a clear error naming function, argument and value", () => {
  for (const name of names) {
    it(`optimizers.${name}`, () => {
      for (const eta of [0, -0.1, NaN, Infinity, "0.1"]) {
        expect(() => all(name)({ eta }), `eta=${String(eta)}`).to.throw(new RegExp(`^${name}: eta must be a finite number > 0, got ${eta === "0.1" ? '"0.1"' : String(eta)}`));
      }
      expect(() => all(name)({ eta: 0.1, eps: -1 })).to.throw(new RegExp(`^${name}: (eps must be a finite number >= 0, got -1|unknown option "eps")`));
      const flavors = optimizers.registry[name].flavors.map((f) => `"${f}"`).join(", ");
      expect(() => all(name)({ eta: 0.1, flavor: "keras" })).to.throw(new RegExp(`^${name}: flavor must be one of ${flavors}, got "keras"`));
      expect(() => all(name)({ eta: 0.1, etaa: 1 })).to.throw(new RegExp(`^${name}: unknown option "etaa"`));
    });
  }

  it("betas outside [0, 1)", () => {
    expect(() => optimizers.momentum({ eta: 0.1, beta: 1 })).to.throw("momentum: beta must be a number in [0, 1), got 1");
    expect(() => optimizers.rmsprop({ eta: 0.1, beta: -0.1 })).to.throw("rmsprop: beta must be a number in [0, 1), got -0.1");
    expect(() => optimizers.adam({ eta: 0.1, beta1: 1.5 })).to.throw("adam: beta1 must be a number in [0, 1), got 1.5");
    expect(() => optimizers.adam({ eta: 0.1, beta2: NaN })).to.throw("adam: beta2 must be a number in [0, 1), got NaN");
    expect(() => optimizers.adadelta({ beta: 1 })).to.throw("adadelta: beta must be a number in [0, 1), got 1");
  });

  it("missing eta and lecture-only switches under the torch flavor", () => {
    expect(() => optimizers.adam({} as never)).to.throw(/^adam: eta \(the learning rate\) is required/);
    expect(() => optimizers.adam({ eta: 0.1, biasCorrection: false, flavor: "torch" })).to.throw(/^adam: biasCorrection = false has no torch.optim equivalent/);
    expect(() => optimizers.adagrad({ eta: 0.1, epsInsideSqrt: true, flavor: "torch" })).to.throw(/^adagrad: epsInsideSqrt = true has no torch.optim equivalent/);
    expect(() => optimizers.nag({ eta: 0.1, form: "torch", flavor: "lecture" })).to.throw(/^nag: form "torch" contradicts flavor "lecture"/);
  });

  it("update with mismatched vectors", () => {
    const opt = optimizers.adam({ eta: 0.1 });
    const s = opt.init([1, 2]);
    expect(() => opt.update([1], s, [1, 2])).to.throw("adam.update: grad has length 1 but params has length 2");
    expect(() => opt.update([1, 2, 3], opt.init([1, 2, 3]), [1, 2, 3]) && opt.update([1, 2], opt.init([1, 2, 3]), [1, 2])).to.throw(/adam.update: state.m must be a Float64Array of length 2/);
    expect(() => opt.init([1, NaN])).to.throw("adam.init: params[1] must be a finite number, got NaN");
  });

  it("a schedule returning a bad rate", () => {
    const opt = optimizers.gd({ eta: () => -1 });
    expect(() => opt.update([1], opt.init([0]), [0])).to.throw("gd: the eta schedule returned -1 at step 0; a learning rate must be a finite number >= 0");
  });

  it("train", () => {
    const model = models.sigmoidNeuron;
    const optimizer = optimizers.gd({ eta: 0.1 });
    const data = datasets.toy2();
    const base = { model, data, init: [-2, -2], optimizer, epochs: 3 };
    expect(() => train({ ...base, epochs: 0 })).to.throw("train: epochs must be a positive integer, got 0");
    expect(() => train({ ...base, epochs: 2.5 })).to.throw("train: epochs must be a positive integer, got 2.5");
    expect(() => train({ ...base, data: { x: [], y: [] } })).to.throw(/^train: data must be non-empty/);
    expect(() => train({ ...base, data: { x: [1, 2], y: [1] } })).to.throw("train: data.x and data.y must have the same length, got 2 and 1");
    expect(() => train({ ...base, data: { x: [1, NaN], y: [1, 0] } })).to.throw("train: data.x[1] must be a finite number, got NaN");
    expect(() => train({ ...base, data: { x: [1, 2], y: [1, Infinity] } })).to.throw("train: data.y[1] must be a finite number, got Infinity");
    expect(() => train({ ...base, mode: "online" as never })).to.throw(/^train: mode must be "batch", "sgd" or \{batchSize, shuffleSeed\?\}, got "online"/);
    expect(() => train({ ...base, mode: { batchSize: 0 } })).to.throw("train: mode.batchSize must be a positive integer, got 0");
    expect(() => train({ ...base, init: [1, 2, 3] })).to.throw("train: init must have length 2, got length 3 ([1,2,3])");
    expect(() => train({ ...base, init: [1, NaN] })).to.throw("train: init[1] must be a finite number, got NaN");
    expect(() => train({ ...base, optimizer: {} as never })).to.throw(/^train: optimizer must be an optimizer such as/);
    expect(() => train({ ...base, model: {} as never })).to.throw(/^train: model must be a model such as/);
  });

  it("datasets and schedules", () => {
    expect(() => datasets.sparse({ n: 0 })).to.throw("datasets.sparse: n must be a positive integer, got 0");
    expect(() => datasets.sparse({ sparsity: 1.2 })).to.throw("datasets.sparse: sparsity must be a number in [0, 1], got 1.2");
    expect(() => datasets.sparse({ xRange: [3, 1] })).to.throw("datasets.sparse: xRange must be [lo, hi] with lo <= hi, got [3,1]");
    expect(() => datasets.sparseLogistic({ density: 0.5 })).to.throw("datasets.sparseLogistic: density must be a number in (0, 0.1], got 0.5");
    expect(() => schedules.cyclic({ etaMin: 0.2, etaMax: 0.1, stepSize: 20 })).to.throw("schedules.cyclic: etaMin must be <= etaMax, got etaMin = 0.2 and etaMax = 0.1");
    expect(() => schedules.cyclic({ etaMin: 0.01, etaMax: 0.1, stepSize: 0 })).to.throw("schedules.cyclic: stepSize must be a finite number > 0, got 0");
    expect(() => schedules.cosineWarmRestarts({ etaMax: 1 })).to.throw(/^schedules.cosineWarmRestarts: T \(the slide's form\) or T0/);
    expect(() => schedules.cosineWarmRestarts({ etaMax: 1, T: 10, T0: 5 })).to.throw(/give either T/);
    expect(() => schedules.transformerWarmup({ warmupSteps: -1 })).to.throw("schedules.transformerWarmup: warmupSteps must be a positive integer, got -1");
    expect(() => schedules.constant({ eta: 0.1 })(-1)).to.throw("schedules.constant: step must be a finite number >= 0, got -1");
    expect(() => schedules.sequential({ schedules: [schedules.constant({ eta: 1 })], milestones: [3] })).to.throw(/^schedules.sequential: milestones must be an array of 0 step\(s\)/);
    expect(() => logSearch({ model: models.surfaces.bowl, init: [0, 0], epochs: 1, makeOptimizer: 3 as never })).to.throw(/^logSearch: makeOptimizer must be a function/);
  });
});
