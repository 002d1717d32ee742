/**
 * lessons/nadam: NAG's look-ahead points, path distances and torch NAdam's momentum schedule.
 */
import { expect } from "chai";
import { models, optimizers, train } from "../src/index";
import * as lessons from "../src/lessons";

const { pathOf, lookAheadPoints, pathDistances, maxPathGap, momentumSchedule } = lessons.nadam;
const valley = models.surfaces.valley;
const fit = (optimizer: ReturnType<typeof optimizers.nag> | ReturnType<typeof optimizers.nadam>, epochs = 30) =>
  train({ model: valley, init: valley.start, optimizer, epochs });

describe("lessons.nadam", () => {
  it("pathOf lists the parameters of every record", () => {
    const run = fit(optimizers.nadam({ eta: 0.1 }), 3);
    const path = pathOf(run);
    expect(path).to.have.length(4);
    expect(path[0]).to.deep.equal(valley.start);
    expect(path[3]).to.deep.equal(run.trajectory.record(3).params);
  });

  it("lookAheadPoints: w_k - eta*beta*u_k for lecture NAG, and the rewritten (torch) NAG's iterates are exactly these", () => {
    const nag = optimizers.nag({ eta: 0.1, beta: 0.9 });
    const run = fit(nag);
    const ahead = lookAheadPoints(run, nag);
    const rec = run.trajectory.record(5) as unknown as { params: number[]; state: { u: number[] } };
    expect(ahead[5][0]).to.be.closeTo(rec.params[0] - 0.1 * 0.9 * rec.state.u[0], 1e-12);
    expect(ahead[0]).to.deep.equal(valley.start);
    const torch = fit(optimizers.nag({ eta: 0.1, beta: 0.9, flavor: "torch" }));
    expect(maxPathGap(ahead, torch).gap).to.be.below(1e-12);
    // ... while the lecture's own iterates differ from them
    expect(maxPathGap(run, torch).gap).to.be.above(0.1);
  });

  it("lookAheadPoints is the path itself for an optimizer without look-ahead", () => {
    const adam = optimizers.nadam({ eta: 0.1 });
    const run = fit(adam, 5);
    expect(lookAheadPoints(run, adam)).to.deep.equal(pathOf(run));
    expect(() => lookAheadPoints(run, {} as never)).to.throw(/lookAheadPoints: optimizer must be the optimizer the run was trained with/);
  });

  it("pathDistances / maxPathGap: Euclidean distance per step over the shorter path", () => {
    const d = pathDistances([[0, 0], [3, 4], [1, 1]], [[0, 0], [0, 0]]);
    expect(d).to.deep.equal([0, 5]);
    expect(maxPathGap([[0, 0], [3, 4], [1, 1]], [[1, 0], [0, 0], [1, 1]])).to.deep.equal({ gap: 5, step: 1 });
    expect(() => pathDistances([[0, 0]], [[0, 0, 0]])).to.throw(/pathDistances: point 0 has 2 coordinates in a but 3 in b/);
    expect(() => pathDistances([], [[0]])).to.throw(/pathDistances: a must be a non-empty list of points/);
  });

  it("momentumSchedule: torch's mu_t = beta1 (1 - 0.5 * 0.96^(0.004 t)), read from the recorded product", () => {
    const run = fit(optimizers.nadam({ eta: 0.1, flavor: "torch" }), 10);
    const mu = momentumSchedule(run);
    expect(mu).to.have.length(10);
    mu.forEach((m, k) => expect(m).to.be.closeTo(0.9 * (1 - 0.5 * 0.96 ** (0.004 * (k + 1))), 1e-12));
    // a long run: the product leaves the normal doubles after ~900 updates; the list stops there
    const long = momentumSchedule(fit(optimizers.nadam({ eta: 0.1, flavor: "torch" }), 2000));
    expect(long.length).to.be.within(800, 1000);
    long.forEach((m, k) => expect(m).to.be.closeTo(0.9 * (1 - 0.5 * 0.96 ** (0.004 * (k + 1))), 1e-12));
    expect(() => momentumSchedule(fit(optimizers.nadam({ eta: 0.1 }), 2))).to.throw(/momentumSchedule: run must be a run of optimizers.nadam\(\{ flavor: "torch" \}\)/);
    expect(() => momentumSchedule(fit(optimizers.nag({ eta: 0.1 }), 2))).to.throw(/momentumSchedule: run must be a run of optimizers.nadam/);
  });
});
