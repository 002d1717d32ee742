/**
 * Every optimizer, both flavors, against independent reference trajectories
 * (test/fixtures/optimizer-trajectories.json, written by scripts/make-fixtures.py):
 * flavor "torch" comes from torch.optim itself (float64, autograd), flavor "lecture" from a NumPy
 * transcription of the slides. Every recorded [w, b] and loss must agree to 1e-10 absolute.
 * Modes: "batch", "sgd" and {batchSize: 8} (dataset order); some cases use a schedule as eta.
 */
import { expect } from "chai";
import { datasets, models, optimizers, schedules, train } from "../src/index";
import type { Optimizer, Schedule } from "../src/index";
import { lionFixtures, trajectoryFixtures, type TrajectoryCase } from "./fixtures/load";

const TOLERANCE = 1e-10;
const fixtures = trajectoryFixtures();
const lion = lionFixtures();
const allCases = [...fixtures.cases, ...lion.cases];
const scheduleFactories = schedules as unknown as Record<string, (options: Record<string, unknown>) => Schedule>;

/** Every optimizer of the registry: a new one fails the coverage test until its fixture exists. */
const OPTIMIZERS = optimizers.names;

/** The optimizer of a case; a case with etaSchedule gets that schedule as its eta. */
function optimizerOf(c: TrajectoryCase): Optimizer {
  const eta = c.etaSchedule ? { eta: scheduleFactories[c.etaSchedule.schedule](c.etaSchedule.options) } : {};
  return optimizers.infoFor(c.optimizer).create({ ...c.hyper, ...eta, flavor: c.flavor });
}

/** Runs the library on one fixture case and returns a description of the first mismatch, if any. */
function firstMismatch(c: TrajectoryCase): string | undefined {
  const run = train({
    model: models.sigmoidNeuron,
    data: fixtures.datasets[c.dataset],
    init: c.init,
    optimizer: optimizerOf(c),
    epochs: c.epochs,
    mode: c.mode,
  });
  if (run.diverged) return `the library diverged: ${run.message}`;
  const trajectory = run.trajectory;
  if (trajectory.length !== c.params.length) {
    return `trajectory has ${trajectory.length} records, the reference ${c.params.length}`;
  }
  for (let k = 0; k < c.params.length; k++) {
    const got = trajectory.record(k);
    const checks: [string, number, number][] = [
      ["w", c.params[k][0], got.params[0]],
      ["b", c.params[k][1], got.params[1]],
      ["loss", c.loss[k], got.loss],
    ];
    for (const [what, expected, actual] of checks) {
      if (!(Math.abs(expected - actual) <= TOLERANCE)) {
        return `step ${k} (t = ${got.t}): ${what} expected ${expected}, got ${actual} ` +
          `(|diff| = ${Math.abs(expected - actual)}); previous reference [w, b] = ` +
          `${k > 0 ? JSON.stringify(c.params[k - 1]) : "-"}`;
      }
    }
  }
  return undefined;
}

describe("reference trajectories (torch.optim and NumPy lecture rules)", () => {
  it("the fixtures cover every registered optimizer in each of its flavors, both modes and both datasets, and mini-batches", () => {
    for (const name of OPTIMIZERS) {
      for (const flavor of optimizers.registry[name].flavors) {
        const miniBatch = allCases.some((c) => c.optimizer === name && c.flavor === flavor && typeof c.mode === "object");
        expect(miniBatch, `${name}/${flavor} mini-batch`).to.equal(true);
        for (const dataset of ["toy2", "sparse40"]) {
          for (const mode of ["batch", "sgd"]) {
            const found = allCases.some((c) =>
              c.optimizer === name && c.flavor === flavor && c.dataset === dataset && c.mode === mode);
            expect(found, `${name}/${flavor}/${dataset}/${mode}`).to.equal(true);
          }
        }
      }
    }
    expect(fixtures.torch).to.be.a("string");
  });

  it("the fixture's toy2 is datasets.toy2()", () => {
    expect(datasets.toy2()).to.deep.equal({ x: fixtures.datasets.toy2.x, y: fixtures.datasets.toy2.y });
  });

  it("the sparse fixture set has 80% of its x exactly 0", () => {
    const x = fixtures.datasets.sparse40.x;
    expect(x.length).to.equal(40);
    expect(x.filter((v) => v === 0).length).to.equal(32);
  });

  for (const name of OPTIMIZERS) {
    describe(name, () => {
      for (const c of allCases.filter((k) => k.optimizer === name)) {
        const eta = c.etaSchedule ? ` eta = ${c.etaSchedule.schedule}(${JSON.stringify(c.etaSchedule.options)})` : "";
        it(`${c.id} ${JSON.stringify(c.hyper)}${eta} (${c.params.length - 1} updates)`, () => {
          const mismatch = firstMismatch(c);
          expect(mismatch, `${c.id}: ${mismatch}`).to.equal(undefined);
        });
      }
    });
  }
});
