import { expect } from "chai";
import { datasets, lineSearch, logSearch, models, optimizers, schedules, train } from "../src/index";

describe("train", () => {
  const toy = datasets.toy2();

  it("batch mode: one update per epoch with the summed gradient; records start + every step", () => {
    const run = train({ model: models.sigmoidNeuron, data: toy, init: [-2, -2], optimizer: optimizers.gd({ eta: 1 }), epochs: 3 });
    expect(run.diverged).to.equal(false);
    expect(run.stopped).to.equal(false);
    const tr = run.trajectory;
    expect(tr.length).to.equal(4);
    expect(tr.updates).to.equal(3);
    expect(tr.start).to.deep.equal({ t: 0, epoch: 0, params: [-2, -2], loss: models.sigmoidNeuron.loss([-2, -2], toy) });
    expect(run.start).to.deep.equal(tr.start);
    const g = models.sigmoidNeuron.gradient([-2, -2], toy);
    const s1 = tr.step(1); // typed StepRecord: no cast
    expect(s1.t).to.equal(1);
    expect(s1.epoch).to.equal(1);
    expect(s1.grad).to.deep.equal(Array.from(g));
    expect(s1.params).to.deep.equal([-2 - g[0], -2 - g[1]]);
    expect(s1.eta).to.equal(1);
    expect(s1.effectiveRate).to.deep.equal([1, 1]);
    expect(run.step(1)).to.deep.equal(s1);
    expect(JSON.parse(JSON.stringify(s1))).to.deep.equal(s1); // records are plain, JSON-ready data
    expect(s1.loss).to.equal(models.sigmoidNeuron.loss(s1.params, toy));
  });

  it("sgd mode: one update per point in dataset order, t counts updates", () => {
    const run = train({ model: models.sigmoidNeuron, data: toy, init: [-2, -2], optimizer: optimizers.gd({ eta: 0.5 }), epochs: 2, mode: "sgd" });
    const tr = run.trajectory;
    expect(Array.from(tr.tColumn())).to.deep.equal([0, 1, 2, 3, 4]);
    expect(Array.from(tr.epochColumn())).to.deep.equal([0, 1, 1, 2, 2]);
    // update 1 uses point 0 only, at the start
    const g0 = new Float64Array(2);
    models.sigmoidNeuron.addPointGradient([-2, -2], toy, 0, g0);
    expect(tr.step(1).grad).to.deep.equal(Array.from(g0));
    // update 2 uses point 1 at the params after update 1
    const g1 = new Float64Array(2);
    models.sigmoidNeuron.addPointGradient(tr.step(1).params, toy, 1, g1);
    expect(tr.step(2).grad).to.deep.equal(Array.from(g1));
  });

  it("mini-batch mode chunks in order, or reshuffles with a seed (deterministically)", () => {
    const data = datasets.sparse({ n: 10, seed: 1 });
    const ordered = train({ model: models.sigmoidNeuron, data, init: [0, 0], optimizer: optimizers.gd({ eta: 0.1 }), epochs: 2, mode: { batchSize: 4 } });
    expect(ordered.trajectory.length).to.equal(1 + 2 * 3);
    const g = new Float64Array(2);
    for (const i of [0, 1, 2, 3]) models.sigmoidNeuron.addPointGradient([0, 0], data, i, g);
    expect(ordered.step(1).grad).to.deep.equal(Array.from(g));
    const a = train({ model: models.sigmoidNeuron, data, init: [0, 0], optimizer: optimizers.gd({ eta: 0.1 }), epochs: 2, mode: { batchSize: 4, shuffleSeed: 3 } });
    const b = train({ model: models.sigmoidNeuron, data, init: [0, 0], optimizer: optimizers.gd({ eta: 0.1 }), epochs: 2, mode: { batchSize: 4, shuffleSeed: 3 } });
    expect(Array.from(a.trajectory.param(0))).to.deep.equal(Array.from(b.trajectory.param(0)));
    expect(Array.from(a.trajectory.param(0))).to.not.deep.equal(Array.from(ordered.trajectory.param(0)));
  });

  it("NAG (lecture) evaluates the gradient at the look-ahead point w - eta*beta*u", () => {
    const opt = optimizers.nag({ eta: 0.5, beta: 0.9 });
    const tr = train({ model: models.surfaces.bowl, init: [-4, 3], optimizer: opt, epochs: 2 }).trajectory;
    // step 1: u0 = 0 so look-ahead = (-4, 3); grad = (-4, 6); u1 = (-4, 6); w1 = (-4 + 2, 3 - 3) = (-2, 0)
    expect(tr.step(1).params).to.deep.equal([-2, 0]);
    // step 2: look-ahead = w1 - 0.5*0.9*u1 = (-2 + 1.8, 0 - 2.7) = (-0.2, -2.7); grad = (-0.2, -5.4)
    const g2 = tr.step(2).grad;
    expect(g2[0]).to.be.closeTo(-0.2, 1e-15);
    expect(g2[1]).to.be.closeTo(-5.4, 1e-15);
  });

  it("a schedule as eta is evaluated at t - 1 and recorded as the step's eta (and GD's effective rate)", () => {
    const eta = schedules.cyclic({ etaMin: 0.01, etaMax: 0.1, stepSize: 2 });
    const tr = train({ model: models.surfaces.bowl, init: [1, 1], optimizer: optimizers.gd({ eta }), epochs: 5 }).trajectory;
    const expected = [0, 1, 2, 3, 4].map((s) => eta(s));
    expect(Array.from(tr.etaColumn())).to.deep.equal(expected);
    expect(Array.from(tr.effectiveRateColumn(0))).to.deep.equal(expected);
    expect(tr.step(3).eta).to.equal(eta(2));
  });

  it("eta and effectiveRate are different things: Adam's eta is 0.1, its effective rate eta/(sqrt(vhat)+eps)", () => {
    const run = train({ model: models.surfaces.bowl, init: [1, 1], optimizer: optimizers.adam({ eta: 0.1 }), epochs: 1 });
    // bowl gradient at (1, 1) is (2*1, 2*1)?? read it from the record; vhat_1 = g^2, so rate = 0.1/(|g| + 1e-8)
    const s = run.step(1);
    expect(s.eta).to.equal(0.1);
    expect(s.effectiveRate[0]).to.equal(0.1 / (Math.sqrt(s.state.vHat instanceof Array ? s.state.vHat[0] : NaN) + 1e-8));
    expect(s.effectiveRate[0]).to.not.equal(s.eta);
  });

  it("reduceOnPlateau gets the loss through train's explicit feedback, and every run starts fresh", () => {
    const eta = schedules.reduceOnPlateau({ eta: 5, factor: 0.5, patience: 0 });
    const opts = { model: models.surfaces.bowl, init: [1, 1], optimizer: optimizers.gd({ eta }), epochs: 4, feedback: eta };
    const run = train(opts);
    // eta 5 on the bowl overshoots: the loss grows, so every epoch halves the rate
    expect(eta.reductions.length).to.be.greaterThan(0);
    expect(run.trajectory.etaColumn()[3]).to.be.below(5);
    const again = train(opts);
    expect(Array.from(again.trajectory.etaColumn())).to.deep.equal(Array.from(run.trajectory.etaColumn()));
    expect(again.trajectory.etaColumn()[0]).to.equal(5);
  });

  it("a plateau schedule without feedback refuses to run instead of silently staying constant", () => {
    const eta = schedules.reduceOnPlateau({ eta: 0.1 });
    expect(() => train({ model: models.surfaces.bowl, init: [1, 1], optimizer: optimizers.gd({ eta }), epochs: 3 }))
      .to.throw(/reduceOnPlateau.*train\(\{ \.\.\., feedback/);
  });

  it("sequential passes the feedback on to a plateau child (reductions happen inside sequential)", () => {
    const plateau = schedules.reduceOnPlateau({ eta: 5, factor: 0.5, patience: 0 });
    const eta = schedules.sequential({ schedules: [schedules.constant({ eta: 0.1 }), plateau], milestones: [2] });
    const run = train({ model: models.surfaces.bowl, init: [1, 1], optimizer: optimizers.gd({ eta }), epochs: 8, feedback: eta });
    expect(run.trajectory.etaColumn()[0]).to.equal(0.1);
    expect(plateau.reductions.length).to.be.greaterThan(0);
    expect(Math.min(...run.trajectory.etaColumn().slice(2))).to.be.below(5);
  });

  it("onEpoch sees every epoch and can stop the run (early stopping)", () => {
    const seen: number[] = [];
    const run = train({
      model: models.surfaces.bowl, init: [1, 1], optimizer: optimizers.gd({ eta: 0.1 }), epochs: 10,
      onEpoch: (info) => { seen.push(info.epoch); return info.epoch === 3 ? "stop" : undefined; },
    });
    expect(seen).to.deep.equal([1, 2, 3]);
    expect(run.stopped).to.equal(true);
    expect(run.trajectory.updates).to.equal(3);
    expect(run.message).to.match(/stopped by onEpoch after epoch 3/);
    expect(() => train({ model: models.surfaces.bowl, init: [1, 1], optimizer: optimizers.gd({ eta: 0.1 }), epochs: 1, onEpoch: 3 as never }))
      .to.throw(/train: onEpoch must be/);
  });

  it("stops a diverging run and names the step", () => {
    const run = train({ model: models.surfaces.rosenbrock, init: [-1.5, 2], optimizer: optimizers.gd({ eta: 0.1 }), epochs: 50 });
    expect(run.diverged).to.equal(true);
    expect(run.message).to.match(/^train: diverged at step (\d+) \(epoch \d+\)/);
    const step = Number(/step (\d+)/.exec(run.message!)![1]);
    expect(run.trajectory.length).to.equal(step);
    for (const loss of run.trajectory.lossColumn()) expect(Number.isFinite(loss)).to.equal(true);
  });

  it("trajectory: typed records, columns, no array pretence, read-only, JSON-serialisable", () => {
    const tr = train({ model: models.sigmoidNeuron, data: toy, init: [-2, -2], optimizer: optimizers.adam({ eta: 0.1 }), epochs: 5 }).trajectory;
    expect(Array.isArray(tr)).to.equal(false);
    expect(tr.last()).to.deep.equal(tr.step(5));
    expect(tr.record(0)).to.deep.equal(tr.start);
    const records = tr.records();
    expect(records.map((r) => r.t)).to.deep.equal([0, 1, 2, 3, 4, 5]);
    expect(Array.from(tr.lossColumn())).to.deep.equal(records.map((r) => r.loss));
    expect(Array.from(tr.param("b"))).to.deep.equal(records.map((r) => r.params[1]));
    expect(Array.from(tr.stateColumn("vHat", 0))).to.deep.equal([1, 2, 3, 4, 5].map((k) => (tr.step(k).state.vHat as number[])[0]));
    expect(tr.stateKeys).to.deep.equal(["m", "v", "mHat", "vHat"]);
    expect(JSON.parse(JSON.stringify(tr))).to.have.length(6);
    expect(() => { (tr as unknown as { start: unknown }).start = 1; }).to.throw();
    expect(() => tr.step(0)).to.throw(/trajectory.step: k must be an integer in \[1, 5\] \(the start is trajectory.start\), got 0/);
    expect(() => tr.step(6)).to.throw(/got 6/);
    expect(() => tr.param(2)).to.throw(/trajectory.param: parameter must be an index in \[0, 1\]/);
  });

  it('record: "params" keeps params and loss only, with the same numbers as a full record', () => {
    const opts = { model: models.sigmoidNeuron, data: datasets.sparse(), init: [-2, -2], optimizer: optimizers.adam({ eta: 0.1 }), epochs: 30 };
    const full = train(opts).trajectory;
    const lean = train({ ...opts, record: "params" }).trajectory;
    expect(lean.length).to.equal(31);
    expect(Array.from(lean.param("w"))).to.deep.equal(Array.from(full.param("w")));
    expect(Array.from(lean.lossColumn())).to.deep.equal(Array.from(full.lossColumn()));
    expect(lean.step(5)).to.deep.equal({ t: 5, epoch: 5, params: full.step(5).params, loss: full.step(5).loss, grad: [], eta: 0.1, effectiveRate: [], state: { t: 5 } });
    expect(() => lean.effectiveRateColumn(0)).to.throw('trajectory.effectiveRateColumn: this run recorded params and loss only (train\'s record: "params")');
    expect(() => lean.stateColumn("v", 0)).to.throw("trajectory.stateColumn: this run recorded params and loss only");
    expect(() => train({ ...opts, record: "grads" as "all" })).to.throw('train: record must be one of "all", "params"');
  });

  it("stores a 100,000-update trajectory compactly (columnar)", () => {
    const before = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    const run = train({ model: models.surfaces.bowl, init: [-4, 3], optimizer: optimizers.adam({ eta: 0.01 }), epochs: 100000 });
    const after = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    expect(run.trajectory.length).to.equal(100001);
    // params, grad, lr (2 each) + m, v, mHat, vHat (2 each) + t, epoch, loss: 17 doubles per step = 13.6 MB
    expect((after - before) / 1e6).to.be.below(50);
  });
});

describe("lineSearch and logSearch", () => {
  it("lineSearch keeps the best candidate at each step", () => {
    const data = datasets.toy2();
    const run = lineSearch({ model: models.sigmoidNeuron, data, init: [-2, -2], epochs: 5 });
    expect(run.chosenEtas).to.have.length(5);
    // at every step, the chosen candidate is no worse than any other candidate
    for (let k = 1; k <= 5; k++) {
      const prev = run.trajectory.record(k - 1).params;
      const g = models.sigmoidNeuron.gradient(prev, data);
      const losses = [0.1, 0.5, 1, 5, 10].map((eta) => models.sigmoidNeuron.loss([prev[0] - eta * g[0], prev[1] - eta * g[1]], data));
      expect(run.trajectory.record(k).loss).to.equal(Math.min(...losses));
    }
  });

  it("logSearch sweeps a log grid and returns the best run", () => {
    const res = logSearch({
      model: models.surfaces.bowl, init: [-4, 3], epochs: 300,
      makeOptimizer: (eta) => optimizers.gd({ eta }), etas: { min: 1e-3, max: 10, count: 5 },
    });
    expect(res.table.map((r) => r.eta).map((e) => +e.toPrecision(6))).to.deep.equal([0.001, 0.01, 0.1, 1, 10]);
    expect(res.table[4].diverged).to.equal(true); // eta 10 on the bowl: b is multiplied by (1 - 20) each step and overflows
    expect(res.best!.eta).to.be.closeTo(0.1, 1e-12);
  });
});
