/**
 * A recorded run, stored column by column in Float64Arrays (a 100,000-update Adam run on [w, b]
 * takes ~14 MB instead of ~100 MB of per-step objects). Records have their own types:
 *
 *   trajectory.start     -> StartRecord {t: 0, epoch: 0, params, loss}            the starting point
 *   trajectory.step(k)   -> StepRecord  {t, epoch, params, loss, grad, eta,
 *                                        effectiveRate, state}                   after update k (1-based)
 *   trajectory.last()    -> the start (no update) or the last StepRecord
 *
 * Records are plain data copies (number arrays, JSON-ready), built when asked for. Two different
 * rates are recorded and named apart:
 *   - `eta`: the scheduled learning rate η of the update (a number; a schedule evaluated at step t - 1),
 *   - `effectiveRate`: the per-parameter factor the optimizer multiplied its update direction by
 *     (η/(√v̂+ε) for Adam, η√(u+ε)/√(v+ε) for AdaDelta, η for GD), see UpdateResult.
 * Columns (`lossColumn()`, `param(i)`, `etaColumn()`, `effectiveRateColumn(i)`, `stateColumn(key, i)`,
 * ...) are Float64Array copies for charts.
 */
import type { OptimizerState } from "./optimizers/types";

/** Optimizer state as recorded: t, per-parameter vectors as number arrays, scalars as numbers. */
export interface RecordedState {
  readonly t: number;
  readonly [key: string]: number | number[];
}

/** The starting point of a run (before any update). */
export interface StartRecord {
  t: 0;
  epoch: 0;
  params: number[];
  loss: number;
}

/** Update t of a run. */
export interface StepRecord {
  /** Update count (1 on the first update). */
  t: number;
  /** 1-based epoch of this update. */
  epoch: number;
  /** Parameters after update t. */
  params: number[];
  /** Full-dataset summed loss at `params` (NaN when loss recording is off). */
  loss: number;
  /** The gradient used by update t (summed over its batch); empty with record: "params". */
  grad: number[];
  /** The scheduled learning rate η of update t (the schedule at step t - 1, or the constant η). */
  eta: number;
  /** Per-parameter effective learning rate of update t (see UpdateResult.effectiveRate); empty with record: "params". */
  effectiveRate: number[];
  /** Optimizer state after update t ({t} only with record: "params"). */
  state: RecordedState;
}

export type TrajectoryRecord = StartRecord | StepRecord;

/** What the training loop hands the recorder after each update (the optimizer's own vectors). */
export interface StepInput {
  t: number;
  epoch: number;
  params: ArrayLike<number>;
  loss: number;
  grad: ArrayLike<number>;
  eta: number;
  effectiveRate: ArrayLike<number>;
  state: OptimizerState;
}

/** Growable Float64Array. */
class Column {
  data: Float64Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Float64Array(Math.max(capacity, 16));
  }
  push(values: ArrayLike<number>): void {
    if (this.length + values.length > this.data.length) {
      const bigger = new Float64Array(Math.max(this.data.length * 2, this.length + values.length));
      bigger.set(this.data.subarray(0, this.length));
      this.data = bigger;
    }
    const n = values.length;
    if (n <= 8) {
      // A loop beats TypedArray.set for the few values of a small model's row.
      const data = this.data;
      for (let i = 0; i < n; i++) data[this.length + i] = values[i];
    } else {
      this.data.set(values, this.length);
    }
    this.length += n;
  }
  pushOne(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  /** Element j of row r (rows of `width`), for every row: a strided copy. */
  strided(width: number, j: number): Float64Array {
    const rows = this.length / width;
    const out = new Float64Array(rows);
    for (let r = 0; r < rows; r++) out[r] = this.data[r * width + j];
    return out;
  }
}

/**
 * A run's records and columns. Built by `train` (through `TrajectoryRecorder`); read-only to callers.
 * @example
 * const run = train({ model: models.sigmoidNeuron, data: datasets.toy2(), init: [-2, -2],
 *                     optimizer: optimizers.adam({ eta: 0.1 }), epochs: 10 });
 * run.trajectory.start.loss;              // loss at (-2, -2)
 * run.trajectory.step(10).state.m;        // Adam's first moment after 10 updates
 * run.trajectory.etaColumn();             // η of every update (constant 0.1 here)
 */
export class Trajectory {
  /** @internal */
  constructor(private readonly rec: TrajectoryRecorder) {}

  /** Parameter names, e.g. ["w", "b"]. */
  get paramNames(): readonly string[] {
    return this.rec.paramNames;
  }
  /** Names of the per-parameter state vectors recorded (e.g. ["m", "v", "mHat", "vHat"]). */
  get stateKeys(): readonly string[] {
    return this.rec.stateKeys;
  }
  /** Number of records: the start plus one per update. */
  get length(): number {
    return this.rec.count;
  }
  /** Number of updates recorded (length - 1). */
  get updates(): number {
    return this.rec.count - 1;
  }
  /** Same as `updates`. */
  get steps(): number {
    return this.rec.count - 1;
  }
  /** The starting point (t = 0). */
  get start(): StartRecord {
    return this.rec.startRecord();
  }
  /** Update k (1 <= k <= updates): params, loss, grad, eta, effectiveRate and state after it. */
  step(k: number): StepRecord {
    if (typeof k !== "number" || !Number.isInteger(k) || k < 1 || k > this.rec.count - 1) {
      const range = this.rec.count > 1 ? `an integer in [1, ${this.rec.count - 1}]` : "an update number, but this run has no update";
      throw new Error(`trajectory.step: k must be ${range} (the start is trajectory.start), got ${JSON.stringify(k) ?? String(k)}`);
    }
    return this.rec.stepRecord(k);
  }
  /** Record k: the start for k = 0, else step(k). */
  record(k: number): TrajectoryRecord {
    return k === 0 ? this.start : this.step(k);
  }
  /** The last record: the start when no update was made, else the last step. */
  last(): TrajectoryRecord {
    return this.record(this.rec.count - 1);
  }
  /** Every record as plain data (start first). Large for long runs: prefer columns. */
  records(): TrajectoryRecord[] {
    return Array.from({ length: this.rec.count }, (_, k) => this.record(k));
  }
  /** Loss of every record (index 0 = start). */
  lossColumn(): Float64Array {
    return this.rec.loss.data.slice(0, this.rec.count);
  }
  /** Update count t of every record (0..updates). */
  tColumn(): Float64Array {
    return this.rec.t.data.slice(0, this.rec.count);
  }
  /** Epoch of every record. */
  epochColumn(): Float64Array {
    return this.rec.epoch.data.slice(0, this.rec.count);
  }
  /** The scheduled learning rate η of updates 1..updates. */
  etaColumn(): Float64Array {
    return this.rec.eta.data.slice(0, this.rec.count - 1);
  }
  /** Parameter i (index or name) over every record (index 0 = start). */
  param(i: number | string): Float64Array {
    return this.rec.params.strided(this.rec.p, this.rec.index("param", i));
  }
  /** Gradient of parameter i for updates 1..updates. */
  gradColumn(i: number | string): Float64Array {
    this.rec.detailed("gradColumn");
    return this.rec.grad.strided(this.rec.p, this.rec.index("gradColumn", i));
  }
  /** Effective learning rate of parameter i for updates 1..updates. */
  effectiveRateColumn(i: number | string): Float64Array {
    this.rec.detailed("effectiveRateColumn");
    return this.rec.rate.strided(this.rec.p, this.rec.index("effectiveRateColumn", i));
  }
  /** State vector `key` (e.g. "v") of parameter i after updates 1..updates. */
  stateColumn(key: string, i: number | string): Float64Array {
    this.rec.detailed("stateColumn");
    const col = this.rec.state.get(key);
    if (!col) {
      throw new Error(`trajectory.stateColumn: key must be one of ${JSON.stringify(this.rec.stateKeys)}, got ${JSON.stringify(key)}`);
    }
    return col.strided(this.rec.p, this.rec.index("stateColumn", i));
  }
  /** JSON: every record (start first). */
  toJSON(): TrajectoryRecord[] {
    return this.records();
  }
  /** How Node's console and tslab print a trajectory. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    const r = this.rec;
    return `Trajectory(${r.count} records: start + ${r.count - 1} updates of [${r.paramNames.slice(0, 4).join(", ")}${r.p > 4 ? ", ..." : ""}], final loss ${r.loss.data[r.count - 1]})`;
  }
}

/** Records a run column by column; `view()` exposes it as a Trajectory. */
export class TrajectoryRecorder {
  readonly p: number;
  private readonly rows: number;
  readonly t: Column;
  readonly epoch: Column;
  readonly loss: Column;
  readonly eta: Column;
  readonly params: Column;
  readonly grad: Column;
  readonly rate: Column;
  readonly state = new Map<string, Column>();
  private readonly scalars = new Map<string, Column>();
  private readonly stateCols: Column[] = [];
  private scalarKeys: string[] | undefined;
  private scalarCols: Column[] = [];
  count = 0;

  /**
   * `details` false keeps only t, epoch, params, loss and eta (train's `record: "params"`): step
   * records then carry empty grad / effectiveRate and a state with t only, and the gradient, rate
   * and state columns throw.
   */
  constructor(readonly paramNames: readonly string[], readonly stateKeys: readonly string[], expectedSteps = 64, readonly details = true) {
    this.p = paramNames.length;
    this.rows = Math.min(expectedSteps + 1, 1 << 20);
    this.t = new Column(this.rows);
    this.epoch = new Column(this.rows);
    this.loss = new Column(this.rows);
    this.eta = new Column(this.rows);
    // Preallocate the expected rows, but at most 2^21 values (16 MB) per column: wider runs grow on demand.
    const cap = Math.min(this.rows * this.p, 1 << 21);
    this.params = new Column(cap);
    this.grad = new Column(details ? cap : 0);
    this.rate = new Column(details ? cap : 0);
    if (details) {
      for (const key of stateKeys) {
        const column = new Column(cap);
        this.state.set(key, column);
        this.stateCols.push(column);
      }
    }
  }

  get length(): number {
    return this.count;
  }

  start(params: ArrayLike<number>, loss: number): void {
    if (this.count !== 0) throw new Error("TrajectoryRecorder.start: the start is already recorded");
    this.t.pushOne(0);
    this.epoch.pushOne(0);
    this.loss.pushOne(loss);
    this.params.push(params);
    this.count = 1;
  }

  step(r: StepInput): void {
    this.t.pushOne(r.t);
    this.epoch.pushOne(r.epoch);
    this.loss.pushOne(r.loss);
    this.eta.pushOne(r.eta);
    this.params.push(r.params);
    this.count++;
    if (!this.details) return;
    this.grad.push(r.grad);
    this.rate.push(r.effectiveRate);
    const keys = this.stateKeys;
    for (let j = 0; j < keys.length; j++) this.stateCols[j].push(r.state[keys[j]] as ArrayLike<number>);
    if (this.scalarKeys === undefined) {
      // The state's scalar fields (e.g. NAdam's muProduct) are the same at every step: find them once.
      this.scalarKeys = Object.keys(r.state).filter((key) => key !== "t" && typeof r.state[key] === "number");
      for (const key of this.scalarKeys) this.scalars.set(key, new Column(this.rows));
      this.scalarCols = this.scalarKeys.map((key) => this.scalars.get(key) as Column);
    }
    for (let j = 0; j < this.scalarKeys.length; j++) this.scalarCols[j].pushOne(r.state[this.scalarKeys[j]] as number);
  }

  private paramsAt(k: number): number[] {
    return Array.from(this.params.data.subarray(k * this.p, (k + 1) * this.p));
  }

  startRecord(): StartRecord {
    return { t: 0, epoch: 0, params: this.paramsAt(0), loss: this.loss.data[0] };
  }

  stepRecord(k: number): StepRecord {
    const p = this.p;
    const base = { t: this.t.data[k], epoch: this.epoch.data[k], params: this.paramsAt(k), loss: this.loss.data[k] };
    if (!this.details) return { ...base, grad: [], eta: this.eta.data[k - 1], effectiveRate: [], state: { t: this.t.data[k] } };
    const row = (c: Column) => Array.from(c.data.subarray((k - 1) * p, k * p));
    const state: Record<string, number | number[]> = { t: this.t.data[k] };
    for (const [key, col] of this.state) state[key] = row(col);
    for (const [key, col] of this.scalars) state[key] = col.data[k - 1];
    return { ...base, grad: row(this.grad), eta: this.eta.data[k - 1], effectiveRate: row(this.rate), state: state as RecordedState };
  }

  detailed(fn: string): void {
    if (!this.details) {
      throw new Error(`trajectory.${fn}: this run recorded params and loss only (train's record: "params"); train with record: "all" to keep gradients, rates and state`);
    }
  }

  index(fn: string, i: number | string): number {
    const j = typeof i === "string" ? this.paramNames.indexOf(i) : i;
    if (!Number.isInteger(j) || j < 0 || j >= this.p) {
      throw new Error(`trajectory.${fn}: parameter must be an index in [0, ${this.p - 1}] or one of ${this.paramNames.slice(0, 5).join(", ")}${this.p > 5 ? ", ..." : ""}, got ${JSON.stringify(i)}`);
    }
    return j;
  }

  view(): Trajectory {
    return new Trajectory(this);
  }
}
