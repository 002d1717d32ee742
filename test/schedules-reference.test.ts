/**
 * Every schedule that has a torch.optim.lr_scheduler counterpart, against torch's own values
 * (test/fixtures/schedules.json, written by scripts/make-fixtures.py): lr[k] is the rate torch's
 * optimizer holds before the k-th scheduler.step(), i.e. the rate of update k + 1 (step k, 0-based).
 * Schedules with no torch parameterisation are listed in the fixture's "skipped".
 */
import { expect } from "chai";
import { schedules } from "../src/index";
import type { Schedule } from "../src/index";
import { scheduleFixtures, type ScheduleCase } from "./fixtures/load";

const TOLERANCE = 1e-12;
const fixtures = scheduleFixtures();
const factories = schedules as unknown as Record<string, (options: Record<string, unknown>) => Schedule>;

interface SubSchedule {
  schedule: string;
  options: Record<string, unknown>;
}

function build(c: ScheduleCase): Schedule {
  if (c.schedule === "sequential") {
    const parts = (c.options.schedules as SubSchedule[]).map((s) => factories[s.schedule](s.options));
    return schedules.sequential({ schedules: parts, milestones: c.options.milestones as number[] });
  }
  return factories[c.schedule](c.options);
}

function expectRate(actual: number, expected: number, what: string): void {
  expect(Math.abs(actual - expected) <= TOLERANCE, `${what}: expected ${expected} (torch), got ${actual}`).to.equal(true);
}

describe("schedules against torch.optim.lr_scheduler", () => {
  it("the fixture covers every schedule with a torch counterpart", () => {
    const covered = new Set(fixtures.cases.map((c) => c.schedule));
    for (const name of ["stepDecay", "exponentialDecay", "cosineAnnealing", "cosineWarmRestarts", "cyclic", "linearWarmup",
      "sequential", "reduceOnPlateau"]) {
      expect(covered.has(name), name).to.equal(true);
    }
    for (const mode of ["triangular", "triangular2", "exp_range"]) {
      expect(fixtures.cases.some((c) => c.schedule === "cyclic" && c.options.mode === mode), `cyclic ${mode}`).to.equal(true);
    }
  });

  for (const c of fixtures.cases) {
    it(`${c.id}: ${c.torch}`, () => {
      const schedule = build(c);
      if (c.schedule === "reduceOnPlateau") {
        const metrics = c.metrics as number[];
        const plateau = schedule as unknown as { reset(): void; observe(m: number): void };
        plateau.reset();
        expectRate(schedule(0), c.lr[0], `${c.id} before any metric`);
        metrics.forEach((metric, k) => {
          plateau.observe(metric);
          expectRate(schedule(k + 1), c.lr[k + 1], `${c.id} after observe(${metric}) #${k + 1}`);
        });
        return;
      }
      c.lr.forEach((expected, step) => expectRate(schedule(step), expected, `${c.id} step ${step}`));
    });
  }
});
