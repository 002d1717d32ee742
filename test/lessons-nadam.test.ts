/**
 * lessons/nadam: NAG's look-ahead points along a run and the largest gap between two paths.
 */
import { expect } from "chai";
import { models, optimizers, train } from "../src/index";
import * as lessons from "../src/lessons";

const { lookAheadPoints, maxPathGap } = lessons.nadam;
const valley = models.surfaces.valley;
const fit = (optimizer: ReturnType<typeof optimizers.nag> | ReturnType<typeof optimizers.nadam>, epochs = 30) =>
  train({ model: valley, init: valley.start, optimizer, epochs });

describe("lessons.nadam", () => {
  it("lookAheadPoints: w_k - eta*beta*u_k for lecture NAG, and the rewritten (torch) NAG's iterates are exactly these", () => {
    const nag = optimizers.nag({ eta: 0.1, beta: 0.9 });
    const run = fit(nag);
    const ahead = lookAheadPoints(run, nag);
    expect(ahead).to.have.length(31);
    const rec = run.trajectory.step(5);
    const u = rec.state.u as number[];
    expect(ahead[5][0]).to.be.closeTo(rec.params[0] - 0.1 * 0.9 * u[0], 1e-12);
    expect(ahead[5][1]).to.be.closeTo(rec.params[1] - 0.1 * 0.9 * u[1], 1e-12);
    expect(ahead[0]).to.deep.equal(valley.start);
    const torch = fit(optimizers.nag({ eta: 0.1, beta: 0.9, flavor: "torch" }));
    expect(maxPathGap(ahead, torch).gap).to.be.below(1e-12);
    // ... while the lecture's own iterates differ from them
    expect(maxPathGap(run, torch).gap).to.be.above(0.1);
  });

  it("lookAheadPoints is the path itself for an optimizer without look-ahead; bad optimizer is named", () => {
    const nadam = optimizers.nadam({ eta: 0.1 });
    const run = fit(nadam, 5);
    expect(lookAheadPoints(run, nadam)).to.deep.equal(run.trajectory.records().map((r) => r.params));
    expect(() => lookAheadPoints(run, {} as never)).to.throw(/lookAheadPoints: optimizer must be the optimizer the run was trained with/);
    expect(() => lookAheadPoints({} as never, nadam)).to.throw(/lookAheadPoints: run must be a result of train\(\)/);
  });

  it("maxPathGap: the largest Euclidean distance over the shorter path, and its step", () => {
    // distances: |(0,0)-(1,0)| = 1, |(3,4)-(0,0)| = 5, |(1,1)-(1,1)| = 0
    expect(maxPathGap([[0, 0], [3, 4], [1, 1]], [[1, 0], [0, 0], [1, 1]])).to.deep.equal({ gap: 5, step: 1 });
    expect(maxPathGap([[0, 0], [3, 4], [1, 1]], [[0, 0]])).to.deep.equal({ gap: 0, step: 0 });
    const run = fit(optimizers.nadam({ eta: 0.1 }), 3);
    expect(maxPathGap(run, run)).to.deep.equal({ gap: 0, step: 0 });
    expect(() => maxPathGap([[0, 0]], [[0, 0, 0]])).to.throw(/maxPathGap: point 0 has 2 coordinates in a but 3 in b/);
    expect(() => maxPathGap([], [[0]])).to.throw(/maxPathGap: a must be a run or a non-empty list of points/);
  });
});
