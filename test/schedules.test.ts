import { expect } from "chai";
import { schedules } from "../src/index";

describe("schedules", () => {
  it("cyclic triangular follows the slide: t = 20, mu = 20 gives eta_max", () => {
    const lr = schedules.cyclic({ etaMin: 0.01, etaMax: 0.1, stepSize: 20 });
    // t = 20: cycle = floor(1 + 20/40) = 1; x = |20/20 - 2 + 1| = 0; lr = 0.01 + 0.09 * max(0, 1 - 0) = 0.1
    expect(lr(20)).to.be.closeTo(0.1, 1e-15);
    // t = 10: cycle 1, x = |0.5 - 1| = 0.5, lr = 0.01 + 0.09 * 0.5 = 0.055
    expect([0, 10, 20, 30, 40, 60].map(lr).map((v) => +v.toFixed(12))).to.deep.equal([0.01, 0.055, 0.1, 0.055, 0.01, 0.1]);
  });

  it("cyclic triangular2 halves the amplitude each cycle; exp_range scales by gamma^t", () => {
    const tri2 = schedules.cyclic({ etaMin: 0, etaMax: 1, stepSize: 10, mode: "triangular2" });
    expect(tri2(10)).to.equal(1);
    expect(tri2(30)).to.equal(0.5); // cycle 2
    expect(tri2(50)).to.equal(0.25); // cycle 3
    const exp = schedules.cyclic({ etaMin: 0, etaMax: 1, stepSize: 10, mode: "exp_range", gamma: 0.9 });
    expect(exp(10)).to.be.closeTo(0.9 ** 10, 1e-15);
  });

  it("cosineWarmRestarts (slide form) gives 1, 0.55, 0.1, 1 at t = 0, 25, 50, 51 for eta in [0.1, 1], T = 50", () => {
    const lr = schedules.cosineWarmRestarts({ etaMax: 1, etaMin: 0.1, T: 50 });
    // t = 25: 0.1 + 0.45 (1 + cos(pi/2)) = 0.55; t = 51: 51 mod 51 = 0 -> restart at eta_max
    expect(lr(0)).to.equal(1);
    expect(lr(25)).to.be.closeTo(0.55, 1e-15);
    expect(lr(50)).to.be.closeTo(0.1, 1e-15);
    expect(lr(51)).to.equal(1);
    expect(lr(102)).to.equal(1); // period T + 1 = 51
    expect(lr(10)).to.be.closeTo(0.9141, 5e-5);
  });

  it("cosineWarmRestarts (PyTorch form) restarts at T0, T0 + T0*Tmult, ...", () => {
    const lr = schedules.cosineWarmRestarts({ etaMax: 1, etaMin: 0, T0: 10, Tmult: 2 });
    expect(lr(0)).to.equal(1);
    expect(lr(5)).to.be.closeTo(0.5, 1e-15);
    expect(lr(10)).to.equal(1); // second cycle, length 20
    expect(lr(20)).to.be.closeTo(0.5, 1e-15);
    expect(lr(30)).to.equal(1); // third cycle, length 40
    const same = schedules.cosineWarmRestarts({ etaMax: 1, etaMin: 0, T_0: 10, T_mult: 2 });
    expect([0, 7, 13, 29, 31].map(same)).to.deep.equal([0, 7, 13, 29, 31].map(lr));
    const periodic = schedules.cosineWarmRestarts({ etaMax: 1, etaMin: 0.1, T0: 4 });
    expect(periodic(4)).to.equal(1);
    expect(periodic(6)).to.be.closeTo(0.55, 1e-15);
  });

  it("cosineAnnealing goes from etaMax to etaMin over T", () => {
    const lr = schedules.cosineAnnealing({ etaMax: 1, etaMin: 0.1, T: 50 });
    expect(lr(0)).to.equal(1);
    expect(lr(25)).to.be.closeTo(0.55, 1e-15);
    expect(lr(50)).to.be.closeTo(0.1, 1e-15);
  });

  it("step, exponential and 1/t decays", () => {
    const step = schedules.stepDecay({ eta: 0.1, stepSize: 10, gamma: 0.5 });
    expect([0, 9, 10, 25].map(step)).to.deep.equal([0.1, 0.1, 0.05, 0.025]);
    const exp = schedules.exponentialDecay({ eta: 0.1, gamma: 0.9 });
    expect(exp(2)).to.be.closeTo(0.081, 1e-15);
    const inv = schedules.inverseTime({ eta: 0.1, k: 1 });
    expect(inv(1)).to.equal(0.05);
    expect(inv(9)).to.be.closeTo(0.01, 1e-15);
    expect(schedules.constant({ eta: 0.3 })(1000)).to.equal(0.3);
  });

  it("warm-up: transformer (4000 steps) peaks at t = 4000; linear reaches eta at warmupSteps", () => {
    const tw = schedules.transformerWarmup({ dModel: 512 });
    // t = 4000: 512^-0.5 * min(4000^-0.5, 4000 * 4000^-1.5) = 512^-0.5 * 4000^-0.5 = 0.000698771
    expect(tw(4000)).to.be.closeTo(Math.pow(512, -0.5) * Math.pow(4000, -0.5), 1e-18);
    expect(tw(4000)).to.be.closeTo(0.000698771, 1e-9);
    // t = 1000 (warming up): 512^-0.5 * 1000 * 4000^-1.5 = 0.0441942 * 3.95285e-3 = 0.000174693
    expect(tw(1000)).to.be.closeTo(0.000174693, 1e-9);
    expect(tw(3999)).to.be.below(tw(4000));
    expect(tw(4001)).to.be.below(tw(4000));
    expect(tw(0)).to.equal(tw(1));
    const lw = schedules.linearWarmup({ eta: 0.1, warmupSteps: 10, startFactor: 0 });
    expect([0, 5, 10, 20].map(lw)).to.deep.equal([0, 0.05, 0.1, 0.1]);
  });

  it("sequential hands over at the milestones, restarting the next schedule's steps", () => {
    const warm = schedules.linearWarmup({ eta: 1, warmupSteps: 4, startFactor: 0 });
    const decay = schedules.exponentialDecay({ eta: 1, gamma: 0.5 });
    const seq = schedules.sequential({ schedules: [warm, decay], milestones: [4] });
    expect([0, 2, 4, 5, 6].map(seq)).to.deep.equal([0, 0.5, 1, 0.5, 0.25]);
  });

  it("reduceOnPlateau cuts the rate after `patience` epochs without improvement", () => {
    const lr = schedules.reduceOnPlateau({ eta: 0.1, factor: 0.5, patience: 2 });
    expect(() => lr(0)).to.throw(/schedules.reduceOnPlateau: this schedule needs the loss after every epoch/);
    lr.reset();
    for (const loss of [5, 4, 3, 3, 3]) lr.observe(loss);
    expect(lr(0)).to.equal(0.1); // two bad epochs: not yet
    lr.observe(3); // third bad epoch > patience
    expect(lr(7)).to.equal(0.05);
    expect(lr.reductions).to.deep.equal([6]);
  });
});
