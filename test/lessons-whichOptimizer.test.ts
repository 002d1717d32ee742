/**
 * lessons/whichOptimizer: flavor table, feature counts, weight movement of rare features, accuracy.
 */
import { expect } from "chai";
import { datasets, models, optimizers, train } from "../src/index";
import * as lessons from "../src/lessons";

const { maxParamDifference, flavorTable, featureCounts, weightMovement, accuracyCurve } = lessons.whichOptimizer;

describe("lessons.whichOptimizer", () => {
  const data = datasets.sparse({ n: 100 });

  it("flavor table: identical optimizers differ by 0, Adam lecture vs torch differ only by eps placement", () => {
    const rows = flavorTable({
      model: models.sigmoidNeuron, data, init: [-2, -2], epochs: 30,
      makers: {
        gd: () => optimizers.gd({ eta: 0.01 }),
        nag: (flavor) => optimizers.nag({ eta: 0.01, beta: 0.9, flavor }),
        adam: (flavor) => optimizers.adam({ eta: 0.1, flavor }),
      },
    });
    expect(rows.map((r) => r.name)).to.deep.equal(["gd", "nag", "adam"]);
    expect(rows[0].maxDifference).to.equal(0);
    expect(rows[1].maxDifference).to.be.above(1e-6);
    expect(rows[2].maxDifference).to.be.below(1e-3);
    expect(() => flavorTable({ model: models.sigmoidNeuron, data, init: [0, 0], epochs: 1, makers: {} })).to.throw("lessons.whichOptimizer.flavorTable: makers");
  });

  it("maxParamDifference compares final params", () => {
    const a = train({ model: models.sigmoidNeuron, data, init: [-2, -2], optimizer: optimizers.gd({ eta: 0.01 }), epochs: 2 });
    const b = train({ model: models.sigmoidNeuron, data, init: [-2, -1], optimizer: optimizers.gd({ eta: 0.01 }), epochs: 2 });
    const pa = a.trajectory.last().params;
    const pb = b.trajectory.last().params;
    expect(maxParamDifference(a, b)).to.equal(Math.max(Math.abs(pa[0] - pb[0]), Math.abs(pa[1] - pb[1])));
  });

  const L = datasets.sparseLogistic({ n: 400, features: 200, density: 0.02, seed: 3 });
  const init = new Array(201).fill(0);

  it("counts feature occurrences from the CSR rows", () => {
    const c = featureCounts(L);
    expect(c.reduce((s, x) => s + x, 0)).to.equal(L.indptr[L.n]);
    expect(() => featureCounts({} as never)).to.throw("lessons.whichOptimizer.featureCounts: data");
  });

  it("AdaGrad moves rare features' weights relatively more than GD does", () => {
    const gd = train({ model: models.logistic, data: L, init, optimizer: optimizers.gd({ eta: 0.01 }), epochs: 60 });
    const ada = train({ model: models.logistic, data: L, init, optimizer: optimizers.adagrad({ eta: 0.1 }), epochs: 60 });
    const mg = weightMovement(gd, L);
    const ma = weightMovement(ada, L);
    expect(mg.rareMaxCount).to.be.at.most(mg.commonMinCount);
    expect(ma.rare / ma.common).to.be.above(mg.rare / mg.common);
    expect(() => weightMovement(gd, L, 0.9)).to.throw("lessons.whichOptimizer.weightMovement: fraction");
  });

  it("accuracy curve samples every k-th record and the last", () => {
    const run = train({ model: models.logistic, data: L, init, optimizer: optimizers.adam({ eta: 0.05 }), epochs: 10 });
    const a = accuracyCurve(run, L, 4);
    expect(a.t).to.deep.equal([0, 4, 8, 10]);
    expect(a.accuracy[3]).to.equal(models.logistic.accuracy(run.trajectory.record(10).params, L));
  });
});
