/**
 * Correctness of the kit's fast paths, the ones `npm run bench` times (no test here asserts a time):
 * - models.sigmoidNeuron.lossSurface groups equal x values (80% of the sparse data's x are 0) and
 *   must equal the point-by-point lossSurfacePlain to 1e-12 (relative, floor 1);
 * - the trajectory is stored column by column (Float64Arrays) and read back as records: records
 *   and columns must hold the same numbers, so a 100,000-update run can stay small.
 */
import { expect } from "chai";
import { datasets, models, optimizers, randomSource, train } from "../src/index";

const TOL = 1e-12;

/** Largest |a - b| / max(1, |b|) over two grids; throws on a shape mismatch. */
function maxRelDiff(a: number[][], b: number[][]): number {
  expect(a.length).to.equal(b.length);
  let worst = 0;
  for (let j = 0; j < b.length; j++) {
    expect(a[j].length).to.equal(b[j].length);
    for (let i = 0; i < b[j].length; i++) {
      const d = Math.abs(a[j][i] - b[j][i]) / Math.max(1, Math.abs(b[j][i]));
      if (!(d <= worst)) worst = d; // also catches NaN
    }
  }
  return worst;
}

function linspace(lo: number, hi: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
}

/** n points, 30% of x zero, the others drawn from `pool` values (so many repeat) or all fresh; y uniform in [0, 1]. */
function randomData(seed: string, n: number, pool: number | "fresh"): { x: number[]; y: number[] } {
  const rng = randomSource(seed);
  const values = pool === "fresh" ? [] : Array.from({ length: pool }, () => rng.between(-5, 5));
  const draw = () => (pool === "fresh" ? rng.between(-5, 5) : values[rng.int(pool)]);
  const x = Array.from({ length: n }, () => (rng.uniform() < 0.3 ? 0 : draw()));
  const y = Array.from({ length: n }, () => rng.uniform());
  return { x, y };
}

describe("bench fast paths: grouped-x loss surface", () => {
  const neuron = models.sigmoidNeuron;

  it("equals the plain surface to 1e-12 on the 500-point sparse data (the bench's 200 x 200 grid)", () => {
    const data = datasets.sparse();
    const ws = linspace(-4, 4, 200);
    const bs = linspace(-4, 4, 200);
    const fast = neuron.lossSurface(data, ws, bs);
    const plain = neuron.lossSurfacePlain(data, ws, bs);
    expect(fast).to.have.length(200);
    expect(fast[0]).to.have.length(200);
    expect(maxRelDiff(fast, plain)).to.be.at.most(TOL);
  });

  it("rows are b and columns are w: z[j][i] is the loss at (ws[i], bs[j])", () => {
    const data = datasets.sparse({ seed: 3 });
    const ws = [-3, 0.25, 2];
    const bs = [-1, 1.5];
    const z = neuron.lossSurface(data, ws, bs);
    for (let j = 0; j < bs.length; j++) {
      for (let i = 0; i < ws.length; i++) {
        const loss = neuron.loss([ws[i], bs[j]], data);
        expect(Math.abs(z[j][i] - loss) / Math.max(1, loss)).to.be.at.most(TOL);
      }
    }
  });

  for (const [label, seed, n, pool] of [
    ["random data with many repeated x", "bench-1", 800, 7],
    ["random data with no repeated x except 0", "bench-2", 300, "fresh"],
    ["one point", "bench-3", 1, 1],
    ["every x equal", "bench-4", 250, 1],
  ] as const) {
    it(`equals the plain surface to 1e-12 on ${label}`, () => {
      const data = randomData(seed, n, pool);
      const ws = linspace(-6, 6, 41);
      const bs = linspace(-6, 6, 37);
      expect(maxRelDiff(neuron.lossSurface(data, ws, bs), neuron.lossSurfacePlain(data, ws, bs))).to.be.at.most(TOL);
    });
  }

  it("stays within 1e-12 where the loss is near 0 (y exactly on the sigmoid: no cancellation blow-up)", () => {
    const rng = randomSource("bench-5");
    const x = Array.from({ length: 500 }, () => (rng.uniform() < 0.8 ? 0 : Math.round(rng.between(1, 4) * 4) / 4));
    const y = x.map((xi) => neuron.predict([0.7, -0.4], xi));
    const data = { x, y };
    const fast = neuron.lossSurface(data, [0.7, 0.7000001], [-0.4]);
    const plain = neuron.lossSurfacePlain(data, [0.7, 0.7000001], [-0.4]);
    expect(plain[0][0]).to.be.below(1e-25);
    expect(maxRelDiff(fast, plain)).to.be.at.most(TOL);
  });

  it("equals the plain surface where exp under- or overflows (|w x + b| up to ~2,000)", () => {
    const data = datasets.sparse({ seed: 4 });
    const ws = [-300, -150, -1, 0, 1, 150, 300];
    const bs = [-800, -300, -2, 0, 2, 300, 800];
    const fast = neuron.lossSurface(data, ws, bs);
    for (const row of fast) for (const v of row) expect(Number.isFinite(v)).to.equal(true);
    expect(maxRelDiff(fast, neuron.lossSurfacePlain(data, ws, bs))).to.be.at.most(TOL);
  });

  it("treats -0 and 0 as the same x", () => {
    const data = { x: [0, -0, 0, 1.5], y: [0.1, 0.9, 0.4, 0.3] };
    const ws = [-2, 0, 2];
    const bs = [-1, 0, 1];
    expect(maxRelDiff(neuron.lossSurface(data, ws, bs), neuron.lossSurfacePlain(data, ws, bs))).to.be.at.most(TOL);
  });

  it("rejects a bad grid like the plain surface, naming the function and argument", () => {
    const data = datasets.toy2();
    expect(() => neuron.lossSurface(data, [], [0])).to.throw(/lossSurface.*ws/);
    expect(() => neuron.lossSurface(data, [0], [NaN])).to.throw(/lossSurface.*bs/);
  });
});

describe("bench fast paths: columnar trajectory", () => {
  it("records and columns of an SGD Adam run hold the same numbers", () => {
    const data = datasets.sparse({ n: 40 });
    const run = train({ model: models.sigmoidNeuron, data, init: [-2, -2], optimizer: optimizers.adam({ eta: 0.05 }), epochs: 5, mode: "sgd" });
    const tr = run.trajectory;
    expect(tr.length).to.equal(201);
    const loss = tr.lossColumn();
    const w = tr.param(0);
    const b = tr.param("b");
    const v = tr.stateColumn("v", 1);
    const lr = tr.effectiveRateColumn(0);
    const g = tr.gradColumn(1);
    expect(loss).to.have.length(201);
    expect(v).to.have.length(200);
    for (const k of [0, 1, 57, 200]) {
      const rec = tr.record(k);
      expect(rec.loss).to.equal(loss[k]);
      expect(rec.params[0]).to.equal(w[k]);
      expect(rec.params[1]).to.equal(b[k]);
      const full = models.sigmoidNeuron.loss(rec.params, data); // the recorded loss is the full-data loss
      expect(Math.abs(rec.loss - full) / Math.max(1, full)).to.be.at.most(TOL);
      if (k > 0 && "state" in rec) {
        expect(Number(rec.state.v && (rec.state.v as ArrayLike<number>)[1])).to.equal(v[k - 1]);
        expect(rec.effectiveRate[0]).to.equal(lr[k - 1]);
        expect(rec.grad[1]).to.equal(g[k - 1]);
      }
    }
  });
});
