/**
 * lessons/whichOptimizer: flavor table, weight movement of rare and common features, held-out search.
 */
import { expect } from "chai";
import { datasets, models, optimizers, train } from "../src/index";
import * as lessons from "../src/lessons";

const { flavorTable, weightMovement, heldOutSearch } = lessons.whichOptimizer;

describe("lessons.whichOptimizer", () => {
  const data = datasets.sparse({ n: 100 });

  it("flavor table: identical optimizers differ by 0, NAG's two forms do not, Adam's only by rounding", () => {
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
    const lecture = train({ model: models.sigmoidNeuron, data, init: [-2, -2], optimizer: optimizers.nag({ eta: 0.01, beta: 0.9 }), epochs: 30 });
    expect(rows[1].lectureLoss).to.equal(models.sigmoidNeuron.loss(lecture.trajectory.last().params, data));
    expect(() => flavorTable({ model: models.sigmoidNeuron, data, init: [0, 0], epochs: 1, makers: {} })).to.throw("lessons.whichOptimizer.flavorTable: makers");
  });

  const L = datasets.sparseLogistic({ n: 400, features: 200, density: 0.02, seed: 3 });
  const init = new Array(201).fill(0);

  it("weightMovement: mean |w_end - w_start| of the rarest and the most common quarter, checked by hand", () => {
    const run = train({ model: models.logistic, data: L, init, optimizer: optimizers.adagrad({ eta: 0.1 }), epochs: 20 });
    const m = weightMovement(run, L, 0.25);
    const counts = new Array(200).fill(0);
    for (const j of L.indices) counts[j]++;
    const present = counts.map((c, j) => [c, j]).filter(([c]) => c > 0).sort((a, b) => a[0] - b[0]).map(([, j]) => j);
    const k = Math.floor(present.length / 4);
    const w = run.trajectory.last().params;
    const mean = (set: number[]) => set.reduce((s, j) => s + Math.abs(w[j]), 0) / set.length;
    expect(m.rare).to.be.closeTo(mean(present.slice(0, k)), 1e-12);
    expect(m.common).to.be.closeTo(mean(present.slice(-k)), 1e-12);
    expect(m.rareMaxCount).to.equal(counts[present[k - 1]]);
    expect(m.rareMaxCount).to.be.at.most(m.commonMinCount);
  });

  it("AdaGrad moves rare features' weights relatively more than GD does", () => {
    const gd = train({ model: models.logistic, data: L, init, optimizer: optimizers.gd({ eta: 0.01 }), epochs: 60 });
    const ada = train({ model: models.logistic, data: L, init, optimizer: optimizers.adagrad({ eta: 0.1 }), epochs: 60 });
    const mg = weightMovement(gd, L);
    const ma = weightMovement(ada, L);
    expect(ma.rare / ma.common).to.be.above(mg.rare / mg.common);
    expect(() => weightMovement(gd, L, 0.9)).to.throw("lessons.whichOptimizer.weightMovement: fraction");
    expect(() => weightMovement(gd, {} as never)).to.throw("lessons.whichOptimizer.weightMovement: data");
  });

  it("heldOutSearch: one row per run, validation losses as train() computes them, the best rate's curve", () => {
    const split = datasets.sparseLogisticSplit({ train: 200, validation: 100, features: 50, density: 0.05, seed: 1 });
    const zeros = new Array(51).fill(0);
    const result = heldOutSearch({
      model: models.logistic, data: split.train, validation: split.validation, init: zeros, epochs: 40,
      candidates: { gd: { etas: [0.001, 0.01], make: (eta) => optimizers.gd({ eta }) } },
    });
    expect(result.rows.map((r) => [r.name, r.eta])).to.deep.equal([["gd", 0.001], ["gd", 0.01]]);
    const run = train({ model: models.logistic, data: split.train, init: zeros, optimizer: optimizers.gd({ eta: 0.01 }), epochs: 40 });
    const curve = run.trajectory.records().map((r) => models.logistic.loss(r.params, split.validation));
    const row = result.rows[1];
    expect(row.finalValidation).to.equal(curve[40]);
    expect(row.bestValidation).to.equal(Math.min(...curve));
    expect(curve[row.bestStep]).to.equal(row.bestValidation);
    expect(row.finalTraining).to.equal(run.trajectory.last().loss);
    expect(row.run.trajectory.last().params).to.deep.equal(run.trajectory.last().params);
    const best = result.rows[0].bestValidation < row.bestValidation ? 0 : 1;
    expect(result.curves.gd).to.have.length(41);
    expect(result.curves.gd[40]).to.equal(result.rows[best].finalValidation);
    expect(() => heldOutSearch({ model: models.logistic, data: split.train, validation: split.validation, init: zeros, epochs: 1, candidates: { gd: { etas: [], make: () => optimizers.gd({ eta: 1 }) } } }))
      .to.throw(/heldOutSearch: candidates\.gd must be/);
  });
});
