// @ts-check
/**
 * The benchmark workloads of `npm run bench`, on the kit side: each one is a call of the kit's
 * public API (train, optimizers.*, models.sigmoidNeuron.lossSurface, models.logistic, datasets.*),
 * never a hand-written loop. `exportForPython` writes the same data and hyperparameters for the
 * Python baselines (bench/python/), so both sides do the same work on the same numbers.
 *
 *   a  1,000 batch epochs of every lecture optimizer on datasets.sparse() (500 points, 80% x = 0)
 *   b  10,000 SGD updates of Adam (20 epochs x 500 points, dataset order; the lecture's eta 0.1, eps 1e-10, from (-4, -4))
 *   c  models.sigmoidNeuron.lossSurface on a 200 x 200 (w, b) grid over the 500 points
 *   d  models.logistic on datasets.sparseLogistic() (2,000 rows, 1,000 features), 100 batch epochs
 *      of AdaGrad and of Adam
 *   m  memory: a recorded 100,000-update Adam trajectory on [w, b] (SGD, 200 epochs)
 *
 * Every training run records the full-dataset loss and the params after every update, as the
 * Python baselines do (train's record: "params"); with record "all" (train's default, the
 * "kit, full record" column) it also keeps the gradient, effective learning rate and state.
 */
"use strict";

const path = require("path");

/** The compiled kit (dist/, from `npm run build`); BENCH_KIT overrides the path. */
function loadKit() {
  const where = process.env.BENCH_KIT || path.join(__dirname, "..", "dist");
  try {
    return require(where);
  } catch (err) {
    throw new Error(`bench: cannot load the kit from ${where} (run \`npm run build\` first): ${/** @type {Error} */ (err).message}`);
  }
}

/** Lecture hyperparameters (slides 5.9): eta 0.1 for the adaptive methods, momentum beta 0.9, AdaDelta beta 0.99 eps 1e-4,
 * AdaMax/NAdam beta2 0.99. GD, momentum and NAG use eta 0.01: with the SUMMED gradient of 500 points eta 0.1 makes them bounce. */
const LECTURE_SETTINGS = {
  gd: { eta: 0.01 },
  momentum: { eta: 0.01, beta: 0.9 },
  nag: { eta: 0.01, beta: 0.9 },
  adagrad: { eta: 0.1 },
  rmsprop: { eta: 0.1, beta: 0.9 },
  adadelta: { beta: 0.99, eps: 1e-4 },
  adam: { eta: 0.1 },
  maxprop: { eta: 0.1 },
  adamax: { eta: 0.1, beta2: 0.99 },
  nadam: { eta: 0.1, beta2: 0.99 },
  amsgrad: { eta: 0.1 },
  adamw: { eta: 0.1, weightDecay: 0.01 },
  radam: { eta: 0.1 },
};

/** The lecture's optimizers, from the registry (in its order), with the settings above. */
function lectureOptimizers(kit) {
  const O = kit.optimizers;
  return O.names.filter((name) => O.registry[name].lecture).map((name) => {
    const settings = LECTURE_SETTINGS[name];
    if (!settings) throw new Error(`bench: no lecture setting for the registered optimizer ${name} (add it to LECTURE_SETTINGS and the Python baselines)`);
    return O.registry[name].create(settings);
  });
}

const SIZES = Object.freeze({
  epochsA: 1000,
  epochsB: 20, // x 500 points = 10,000 SGD updates
  grid: 200,
  wRange: [-4, 4],
  bRange: [-4, 4],
  epochsD: 100,
  epochsM: 200, // x 500 points = 100,000 SGD updates
  init: [-2, -2],
  initB: [-4, -4],
  checkStep: 20, // the update after which kit and baselines must agree to 1e-6
});

/** n evenly spaced values from lo to hi inclusive. */
function linspace(lo, hi, n) {
  return Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
}

/**
 * Builds the data, the optimizers and the kit side of every workload. Data building is not timed.
 * `record` is train's record option for (a), (b) and (d): "params" keeps what the baselines keep.
 */
function setup(kit, { record = "all" } = {}) {
  const sparse = kit.datasets.sparse();
  const logisticData = kit.datasets.sparseLogistic({ n: 2000, features: 1000, density: 0.01, seed: 0 });
  const ws = linspace(SIZES.wRange[0], SIZES.wRange[1], SIZES.grid);
  const bs = linspace(SIZES.bRange[0], SIZES.bRange[1], SIZES.grid);
  const neuron = kit.models.sigmoidNeuron;
  const optimizersA = () => lectureOptimizers(kit);
  // The lecture's do_adam_sgd: eta 0.1, eps 1e-10, from (-4, -4).
  const adamB = () => kit.optimizers.adam({ eta: 0.1, eps: 1e-10 });
  const optimizersD = () => [kit.optimizers.adagrad({ eta: 0.1 }), kit.optimizers.adam({ eta: 0.01 })];

  /**
   * What the runner compares with the baselines: the params after update CHECK_STEP and the record
   * count (both must match), and the final params and loss (reported only: RMSProp, AdaDelta, AdaMax
   * and NAdam end in a limit cycle around the minimum, where a last-bit difference between V8's and
   * glibc's exp grows to ~0.1 over 1,000 epochs). Throws if the run diverged (the work would differ).
   */
  function summary(run, label) {
    if (run.diverged) throw new Error(`bench: ${label} diverged: ${run.message}`);
    const last = run.trajectory.last();
    return {
      check: { early: Array.from(run.trajectory.record(SIZES.checkStep).params), records: run.trajectory.length },
      final: { params: Array.from(last.params), loss: last.loss },
    };
  }

  const workloads = {
    a() {
      const out = {};
      for (const optimizer of optimizersA()) {
        const run = kit.train({ model: neuron, data: sparse, init: SIZES.init, optimizer, epochs: SIZES.epochsA, mode: "batch", record });
        out[optimizer.name] = summary(run, `(a) ${optimizer.name}`);
      }
      return out;
    },
    b() {
      const run = kit.train({ model: neuron, data: sparse, init: SIZES.initB, optimizer: adamB(), epochs: SIZES.epochsB, mode: "sgd", record });
      return { adam: summary(run, "(b) adam") };
    },
    c() {
      const z = neuron.lossSurface(sparse, ws, bs);
      let checksum = 0;
      for (const row of z) for (const v of row) checksum += v;
      return { check: { checksum, corner: z[0][0], rows: z.length, cols: z[0].length } };
    },
    d() {
      const out = {};
      for (const optimizer of optimizersD()) {
        const run = kit.train({
          model: kit.models.logistic, data: logisticData, init: new Float64Array(logisticData.features + 1),
          optimizer, epochs: SIZES.epochsD, mode: "batch", record,
        });
        out[optimizer.name] = summary(run, `(d) ${optimizer.name}`);
      }
      return out;
    },
    /** Returns the run itself: the caller measures what keeping its trajectory costs. */
    m() {
      return kit.train({ model: neuron, data: sparse, init: SIZES.init, optimizer: kit.optimizers.adam({ eta: 0.01 }), epochs: SIZES.epochsM, mode: "sgd" });
    },
  };

  /** Everything the Python baselines need, as plain JSON (hyperparameters as the kit filled them in). */
  function exportForPython() {
    const hyper = (o) => ({ ...o.hyper });
    for (const o of [...optimizersA(), adamB(), ...optimizersD()]) {
      if (typeof o.hyper.eta !== "number") throw new Error(`bench: ${o.name} needs a numeric eta for the Python baselines`);
    }
    return {
      sparse: { x: Array.from(sparse.x), y: Array.from(sparse.y) },
      checkStep: SIZES.checkStep,
      a: { init: SIZES.init, epochs: SIZES.epochsA, optimizers: optimizersA().map((o) => ({ name: o.name, hyper: hyper(o) })) },
      b: { init: SIZES.initB, epochs: SIZES.epochsB, hyper: hyper(adamB()) },
      c: { ws, bs },
      d: { epochs: SIZES.epochsD, optimizers: optimizersD().map((o) => ({ name: o.name, hyper: hyper(o) })) },
      logistic: {
        n: logisticData.n, features: logisticData.features, indptr: Array.from(logisticData.indptr),
        indices: Array.from(logisticData.indices), values: Array.from(logisticData.values), y: Array.from(logisticData.y),
      },
    };
  }

  const describe = {
    a: `${SIZES.epochsA} batch epochs x ${optimizersA().length} optimizers, ${sparse.x.length} points`,
    b: `${SIZES.epochsB * sparse.x.length} SGD updates of Adam, ${sparse.x.length} points`,
    c: `loss surface, ${SIZES.grid}x${SIZES.grid} grid x ${sparse.x.length} points`,
    d: `${SIZES.epochsD} batch epochs x {AdaGrad, Adam}, ${logisticData.n} rows x ${logisticData.features} features (${logisticData.indices.length} non-zeros)`,
    m: `recorded trajectory, ${SIZES.epochsM * sparse.x.length} SGD updates of Adam on [w, b]`,
  };
  return { workloads, exportForPython, describe, sparse, logisticData, ws, bs };
}

module.exports = { loadKit, setup, SIZES, lectureOptimizers, linspace };
