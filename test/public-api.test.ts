import { expect } from "chai";
import * as path from "path";

// The compiled package, as students and the hidden reference tests load it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const api = require(path.join(__dirname, "..", "..", "dist", "index.js"));

describe("public API of dist/index.js", () => {
  it("exports every name the issue lists", () => {
    expect(Object.keys(api.datasets)).to.include.members(["toy2", "sparse", "noisyCurve", "gradientProfile", "sparseLogistic"]);
    expect(Object.keys(api.models)).to.include.members(["sigmoidNeuron", "surfaces", "logistic"]);
    expect(Object.keys(api.models.surfaces)).to.include.members(["saddle", "bowl", "valley", "rosenbrock"]);
    expect(Object.keys(api.optimizers)).to.include.members([
      "gd", "momentum", "nag", "adagrad", "rmsprop", "adadelta", "adam", "maxprop", "adamax", "nadam", "amsgrad", "adamw", "radam",
    ]);
    expect(Object.keys(api.schedules)).to.include.members([
      "constant", "stepDecay", "exponentialDecay", "inverseTime", "cyclic", "cosineAnnealing", "cosineWarmRestarts",
      "linearWarmup", "transformerWarmup", "sequential", "reduceOnPlateau",
    ]);
    for (const fn of ["train", "lineSearch", "logSearch"]) expect(api[fn]).to.be.a("function");
  });

  it("runs the README example", () => {
    const { datasets, models, optimizers, train } = api;
    const run = train({ model: models.sigmoidNeuron, data: datasets.sparse(), init: [-2, -2], optimizer: optimizers.adagrad({ eta: 0.1 }), epochs: 100 });
    expect(run.diverged).to.equal(false);
    expect(run.trajectory.record(100).loss).to.be.below(run.trajectory.record(0).loss);
    expect((Array.from(run.trajectory.record(1).effectiveRate) as number[]).map((v) => +v.toFixed(4))).to.deep.equal([0.1768, 0.0109]);
  });
});
