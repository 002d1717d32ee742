/**
 * lessons/adadelta: the hyperparameter sweep behind notebook 04's tables.
 */
import { expect } from "chai";
import { datasets, models, optimizers, train } from "../src/index";
import * as lessons from "../src/lessons";

const { sweep } = lessons.adadelta;

describe("lessons.adadelta", () => {
  const data = datasets.sparse();
  const start = [-4, -4];

  it("sweeps a hyperparameter: one run per value, steps to the target and the final loss", () => {
    const rows = sweep([0.005, 0.05], (eta) => optimizers.rmsprop({ eta, beta: 0.99, eps: 1e-4 }), { data, init: start, epochs: 100 });
    expect(rows.map((r) => r.value)).to.deep.equal([0.005, 0.05]);
    expect(rows[0].stepsToTarget).to.equal(null); // eta0 too small: still far away after 100 updates
    expect(rows[1].stepsToTarget).to.be.a("number").and.below(50);
    expect(rows.every((r) => !r.diverged)).to.equal(true);
    // each row is the run train() makes with that optimizer
    const run = train({ model: models.sigmoidNeuron, data, init: start, optimizer: optimizers.rmsprop({ eta: 0.05, beta: 0.99, eps: 1e-4 }), epochs: 100 });
    const loss = run.trajectory.lossColumn();
    expect(rows[1].finalLoss).to.equal(loss[100]);
    expect(rows[1].stepsToTarget).to.equal(loss.findIndex((l) => l <= 0.64));
  });

  it("AdaDelta's first step in b is about sqrt(eps) / sqrt(1 - beta) (0.1 for beta 0.99, eps 1e-4)", () => {
    // v_1 = 0.01 g^2, Delta b = sqrt(1e-4) / sqrt(0.01 g^2 + 1e-4) * |g|; g_b = -2.1844 -> 0.01 * 2.1844 / 0.21867 = 0.09990
    const [row] = sweep([1e-4], (eps) => optimizers.adadelta({ beta: 0.99, eps }), { data, init: start, epochs: 1, target: -1 });
    expect(row.stepsToTarget).to.equal(null);
    const run = train({ model: models.sigmoidNeuron, data, init: start, optimizer: optimizers.adadelta({ beta: 0.99, eps: 1e-4 }), epochs: 1 });
    expect(run.step(1).params[1] - start[1]).to.be.closeTo(0.0999, 1e-4);
    expect(row.finalLoss).to.equal(run.step(1).loss);
  });

  it("rejects bad input with errors that name the function and argument", () => {
    const make = () => optimizers.adadelta();
    expect(() => sweep([], make, { data, init: start })).to.throw("lessons.adadelta.sweep: values must be a non-empty array of numbers");
    expect(() => sweep([1, NaN], make, { data, init: start })).to.throw("lessons.adadelta.sweep: values[1] must be a finite number, got NaN");
    expect(() => sweep([1], 5 as never, { data, init: start })).to.throw("lessons.adadelta.sweep: make must be a function");
    expect(() => sweep([1], make, { init: start } as never)).to.throw("lessons.adadelta.sweep: data");
    expect(() => sweep([1], make, { data } as never)).to.throw("lessons.adadelta.sweep: init");
    expect(() => sweep([1], make, { data, init: start, epochs: 0 })).to.throw("lessons.adadelta.sweep: epochs must be a positive integer, got 0");
    expect(() => sweep([1], make, { data, init: start, target: NaN })).to.throw("lessons.adadelta.sweep: target must be a finite number, got NaN");
  });
});
