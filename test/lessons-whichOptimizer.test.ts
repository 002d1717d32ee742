/**
 * lessons/whichOptimizer: flavor table, weight movement of rare and common features, held-out search.
 */
import { expect } from "chai";
import { datasets, models, optimizers, train, transforms } from "../src/index";
import type { Optimizer } from "../src/index";
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

describe("the held-out claims notebooks 08 and 09 make (their data, their settings) @slow", function () {
  this.timeout(120000);
  const split = datasets.sparseLogisticSplit({ train: 2000, validation: 1000, features: 1000, density: 0.01, seed: 0 });
  const zeros = new Array(1001).fill(0);

  it("09: at its best rate and step, SGD + momentum reaches a lower validation loss than Adam, whose rare weights move more", () => {
    const { rows } = heldOutSearch({
      model: models.logistic, data: split.train, validation: split.validation, init: zeros, epochs: 200,
      candidates: {
        "SGD + momentum": { etas: [1e-4, 3e-4, 1e-3], make: (eta) => optimizers.momentum({ eta, beta: 0.9 }) },
        "Adam": { etas: [0.003, 0.01, 0.03], make: (eta) => optimizers.adam({ eta }) },
      },
    });
    const best = (name: string) => rows.filter((r) => r.name === name).reduce((a, b) => (b.bestValidation < a.bestValidation ? b : a));
    const sgd = best("SGD + momentum");
    const adam = best("Adam");
    expect([sgd.eta, adam.eta]).to.deep.equal([3e-4, 0.01]);   // both best rates inside their grids
    expect(sgd.bestValidation).to.be.closeTo(379.0, 0.05);
    expect(adam.bestValidation).to.be.closeTo(402.0, 0.05);
    const ms = weightMovement(sgd.run, split.train);
    const ma = weightMovement(adam.run, split.train);
    expect(ms.rare / ms.common).to.be.below(0.5);
    expect(ma.rare / ma.common).to.be.above(1);
  });

  it("08: Adam + L2 shrinks rare weights far more than common ones, AdamW both alike; validation prefers a large lambda", () => {
    const fit = (optimizer: Optimizer) => train({ model: models.logistic, data: split.train, init: zeros, optimizer, epochs: 150 });
    const plain = weightMovement(fit(optimizers.adam({ eta: 0.05 })), split.train);
    const l2 = weightMovement(fit(transforms.chain(transforms.addDecayedWeights(0.1), transforms.scaleByAdam(), transforms.scaleByLearningRate(0.05))), split.train);
    const w = weightMovement(fit(optimizers.adamw({ eta: 0.05, weightDecay: 0.1 })), split.train);
    expect(l2.rare / plain.rare).to.be.closeTo(0.38, 0.005);
    expect(l2.common / plain.common).to.be.closeTo(0.89, 0.005);
    expect(w.rare / plain.rare).to.be.closeTo(w.common / plain.common, 0.01);
    const { rows } = heldOutSearch({
      model: models.logistic, data: split.train, validation: split.validation, init: zeros, epochs: 150,
      candidates: Object.fromEntries([0, 0.1, 1, 3].map((lambda) => [`lambda = ${lambda}`, { etas: [0.05], make: (eta: number) => optimizers.adamw({ eta, weightDecay: lambda }) }])),
    });
    const final = rows.map((r) => r.finalValidation);
    expect(Math.min(...final)).to.equal(final[2]);          // lambda = 1 best on held-out rows...
    expect(Math.max(...final)).to.equal(final[0]);          // ...no decay worst, although
    expect(rows[0].finalTraining).to.be.below(rows[2].finalTraining);   // it fits the training rows best
  });
});
