/**
 * Properties every optimizer must have, and identities between optimizers:
 * - Adam with beta1 = 0 is bias-corrected RMSProp (checked against rmsprop's own v);
 * - AdamW with weightDecay = 0 is Adam, bit for bit;
 * - every optimizer, both flavors, converges on the convex bowl from its start;
 * - update is pure (inputs untouched, outputs fresh) and deterministic.
 */
import { expect } from "chai";
import { models, optimizers, schedules, train } from "../src/index";
import type { Optimizer, OptimizerState } from "../src/index";

const FLAVORS = ["lecture", "torch"] as const;

/** A fixed, irregular gradient sequence (signs change, one component is sometimes 0). */
const GRADS: number[][] = [
  [0.5, -1], [1, 2], [-0.25, 0.75], [0, -3], [2.5, 0.1], [-1.5, -0.2], [0.05, 0], [3, -2], [-0.7, 1.3], [0.2, 0.2],
];
const W0 = [1, -2];

/** Every optimizer, with hyperparameters under which it converges on models.surfaces.bowl. */
const SETUPS: { name: string; hyper: Record<string, unknown>; tolerance: number }[] = [
  { name: "gd", hyper: { eta: 0.1 }, tolerance: 1e-10 },
  { name: "momentum", hyper: { eta: 0.05, beta: 0.9 }, tolerance: 1e-10 },
  { name: "nag", hyper: { eta: 0.05, beta: 0.9 }, tolerance: 1e-10 },
  { name: "adagrad", hyper: { eta: 1 }, tolerance: 1e-10 },
  // RMSProp and MaxProp step by about eta * sign(g) near the minimum, so with a constant eta they
  // settle into a cycle of size ~eta (loss ~ eta^2) instead of reaching 0.
  { name: "rmsprop", hyper: { eta: 0.01, beta: 0.9 }, tolerance: 1e-3 },
  { name: "adadelta", hyper: { beta: 0.9, eps: 1e-2 }, tolerance: 1e-10 },
  { name: "adam", hyper: { eta: 0.1 }, tolerance: 1e-10 },
  { name: "maxprop", hyper: { eta: 0.01, beta: 0.9 }, tolerance: 1e-3 },
  { name: "adamax", hyper: { eta: 0.1 }, tolerance: 1e-10 },
  { name: "nadam", hyper: { eta: 0.1 }, tolerance: 1e-10 },
  { name: "amsgrad", hyper: { eta: 0.1 }, tolerance: 1e-10 },
  { name: "adamw", hyper: { eta: 0.1, weightDecay: 0.01 }, tolerance: 1e-10 },
  { name: "radam", hyper: { eta: 0.1 }, tolerance: 1e-10 },
  // Lion moves every parameter by exactly eta per step: a decaying eta brings it to the minimum.
  { name: "lion", hyper: { eta: schedules.exponentialDecay({ eta: 0.2, gamma: 0.98 }) }, tolerance: 1e-10 },
];

function make(name: string, hyper: Record<string, unknown>, flavor: "lecture" | "torch"): Optimizer {
  return optimizers.infoFor(name).create({ ...hyper, flavor });
}

/** The flavors the registry says `name` supports. */
const flavorsOf = (name: string) => optimizers.infoFor(name).flavors;

/** Deep copy of a state: t and every Float64Array (numbers copied as they are). */
function snapshot(state: OptimizerState): Record<string, number | number[]> {
  const out: Record<string, number | number[]> = {};
  for (const [key, value] of Object.entries(state)) out[key] = value instanceof Float64Array ? Array.from(value) : value;
  return out;
}

describe("optimizer properties", () => {
  describe("Adam with beta1 = 0 is bias-corrected RMSProp", () => {
    for (const flavor of FLAVORS) {
      it(`${flavor}: same v as rmsprop({beta: beta2}); step = eta g / (sqrt(v / (1 - beta2^t)) + eps)`, () => {
        const eta = 0.05;
        const beta2 = 0.99;
        const eps = 1e-3;
        const adam = optimizers.adam({ eta, beta1: 0, beta2, eps, flavor });
        const rms = optimizers.rmsprop({ eta, beta: beta2, eps, flavor });
        let a: { params: Float64Array; state: ReturnType<typeof adam.init> } = { params: Float64Array.from(W0), state: adam.init(W0) };
        let r: { params: Float64Array; state: ReturnType<typeof rms.init> } = { params: Float64Array.from(W0), state: rms.init(W0) };
        for (const g of GRADS) {
          const t = a.state.t + 1;
          const na = adam.update(g, a.state, a.params);
          const nr = rms.update(g, r.state, r.params);
          for (let i = 0; i < 2; i++) {
            const vRms = nr.state.v[i];
            expect(na.state.v[i], `v[${i}] at t=${t}`).to.equal(vRms);
            expect(na.state.mHat[i], `mHat[${i}] = g at t=${t}`).to.be.closeTo(g[i], 1e-15);
            const rate = eta / (Math.sqrt(vRms / (1 - Math.pow(beta2, t))) + eps);
            expect(na.effectiveRate[i], `lr[${i}] at t=${t}`).to.be.closeTo(rate, 1e-13 * rate);
            const expected = a.params[i] - rate * g[i];
            expect(na.params[i], `w[${i}] at t=${t}`).to.be.closeTo(expected, 1e-14);
          }
          a = { params: na.params, state: na.state };
          r = { params: nr.params, state: nr.state };
        }
      });
    }
  });

  describe("AdamW with weightDecay = 0 is Adam exactly", () => {
    for (const flavor of FLAVORS) {
      for (const eta of [0.1, (step: number) => 0.2 / (1 + step)]) {
        it(`${flavor}, eta ${typeof eta === "number" ? eta : "schedule"}: identical params, state and lr`, () => {
          const adam = optimizers.adam({ eta, beta1: 0.8, beta2: 0.95, eps: 1e-6, flavor });
          const adamw = optimizers.adamw({ eta, beta1: 0.8, beta2: 0.95, eps: 1e-6, weightDecay: 0, flavor });
          let sa = adam.init(W0);
          let sw = adamw.init(W0);
          let pa: ArrayLike<number> = W0;
          let pw: ArrayLike<number> = W0;
          for (const g of GRADS) {
            const ra = adam.update(g, sa, pa);
            const rw = adamw.update(g, sw, pw);
            expect(Array.from(rw.params)).to.deep.equal(Array.from(ra.params));
            expect(Array.from(rw.effectiveRate)).to.deep.equal(Array.from(ra.effectiveRate));
            expect(snapshot(rw.state)).to.deep.equal(snapshot(ra.state));
            [sa, sw, pa, pw] = [ra.state, rw.state, ra.params, rw.params];
          }
        });
      }
    }
  });

  describe("convergence on models.surfaces.bowl from its start", () => {
    const bowl = models.surfaces.bowl;
    for (const { name, hyper, tolerance } of SETUPS) {
      for (const flavor of flavorsOf(name)) {
        it(`${name} (${flavor}) ${JSON.stringify(hyper)}: loss 17 -> below ${tolerance} in 1000 steps`, () => {
          const run = train({ model: bowl, init: bowl.start, optimizer: make(name, hyper, flavor), epochs: 1000 });
          expect(run.diverged, run.message).to.equal(false);
          const start = run.trajectory.record(0).loss;
          expect(start).to.equal(17);
          const last = run.trajectory.record(run.trajectory.length - 1);
          expect(last.loss, `final loss of ${name}/${flavor}`).to.be.below(tolerance);
          expect(Math.hypot(last.params[0], last.params[1])).to.be.below(Math.sqrt(2 * tolerance));
        });
      }
    }
  });

  describe("purity and determinism of update", () => {
    for (const { name, hyper } of SETUPS) {
      for (const flavor of flavorsOf(name)) {
        it(`${name} (${flavor}): inputs untouched, fresh outputs, same inputs -> same outputs`, () => {
          const opt = make(name, hyper, flavor);
          let params: Float64Array = Float64Array.from(W0);
          let state = opt.init(params);
          expect(state.t).to.equal(0);
          expect(Array.from(params)).to.deep.equal(W0);
          for (const g of GRADS) {
            const grad = Float64Array.from(g);
            const before = { params: Array.from(params), grad: Array.from(grad), state: snapshot(state) };
            const point = opt.gradientPoint(params, state);
            const result = opt.update(grad, state, params);
            const again = opt.update(grad, state, params);
            // inputs untouched
            expect(Array.from(params)).to.deep.equal(before.params);
            expect(Array.from(grad)).to.deep.equal(before.grad);
            expect(snapshot(state)).to.deep.equal(before.state);
            expect(point).to.not.equal(params);
            // outputs are fresh arrays, never the inputs
            expect(result.params).to.not.equal(params);
            for (const key of opt.stateKeys) expect(result.state[key]).to.not.equal(state[key]);
            // same inputs, same outputs (a kept state stays valid)
            expect(Array.from(again.params)).to.deep.equal(Array.from(result.params));
            expect(Array.from(again.effectiveRate)).to.deep.equal(Array.from(result.effectiveRate));
            expect(snapshot(again.state)).to.deep.equal(snapshot(result.state));
            expect(result.state.t).to.equal(state.t + 1);
            params = result.params;
            state = result.state;
          }
          // a fresh optimizer from the same options replays the same run
          const twin = make(name, hyper, flavor);
          let p2: ArrayLike<number> = W0;
          let s2 = twin.init(W0);
          for (const g of GRADS) {
            const r = twin.update(g, s2, p2);
            p2 = r.params;
            s2 = r.state;
          }
          expect(Array.from(p2)).to.deep.equal(Array.from(params));
          expect(snapshot(s2)).to.deep.equal(snapshot(state));
        });
      }
    }
  });

  it("every optimizer lists its state vectors in stateKeys, as the API names them", () => {
    const expected: Record<string, string[]> = {
      gd: [], momentum: ["u"], nag: ["u"], adagrad: ["v"], rmsprop: ["v"], adadelta: ["v", "u", "delta"],
      adam: ["m", "v", "mHat", "vHat"], maxprop: ["v"], adamax: ["m", "mHat", "v"], nadam: ["m", "v", "mHat", "vHat"],
      amsgrad: ["m", "v", "vHat"], adamw: ["m", "v", "mHat", "vHat"], radam: ["m", "v", "mHat", "vHat"], lion: ["m"],
    };
    expect(SETUPS.map((s) => s.name)).to.deep.equal([...optimizers.names]);
    for (const { name, hyper } of SETUPS) {
      expect([...optimizers.registry[name as optimizers.OptimizerName].stateKeys].sort()).to.deep.equal([...expected[name]].sort());
      for (const flavor of flavorsOf(name)) {
        const opt = make(name, hyper, flavor);
        expect(opt.name).to.equal(name);
        expect(opt.flavor).to.equal(flavor);
        expect([...opt.stateKeys].sort(), `${name} stateKeys`).to.deep.equal([...expected[name]].sort());
        const state = opt.init(W0);
        for (const key of opt.stateKeys) expect(Array.from(state[key] as Float64Array)).to.deep.equal([0, 0]);
      }
    }
  });
});
