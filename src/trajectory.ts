/**
 * A recorded run, stored column by column in Float64Arrays (a 100,000-update Adam run on [w, b]
 * takes ~14 MB instead of ~100 MB of per-step objects), yet read like an array of records:
 *
 *   trajectory[0]  -> {t: 0, epoch: 0, params, loss}                       the starting point
 *   trajectory[k]  -> {t, epoch, params, loss, grad, lr, state}            after update k
 *
 * `Array.isArray(trajectory)` is true and map/forEach/slice/at/JSON.stringify work; records are
 * built on access as plain data (number arrays, JSON-ready). Columns (`lossColumn()`, `param(i)`,
 * `lrColumn(i)`, ...) are Float64Array copies for charts.
 */
import type { OptimizerState } from "./optimizers/types";

/** Optimizer state as recorded: t, per-parameter vectors as number arrays, scalars as numbers. */
export interface RecordedState {
  readonly t: number;
  readonly [key: string]: number | number[];
}

export interface StartRecord {
  t: 0;
  epoch: 0;
  params: number[];
  loss: number;
}

export interface StepRecord {
  /** Update count (1 on the first update). */
  t: number;
  /** 1-based epoch of this update. */
  epoch: number;
  /** Parameters after update t. */
  params: number[];
  /** Full-dataset summed loss at `params` (NaN when loss recording is off). */
  loss: number;
  /** The gradient used by update t (summed over its batch). */
  grad: number[];
  /** Per-parameter effective learning rate of update t. */
  lr: number[];
  /** Optimizer state after update t. */
  state: RecordedState;
}

/** What the training loop hands the recorder after each update (the optimizer's own vectors). */
export interface StepInput {
  t: number;
  epoch: number;
  params: ArrayLike<number>;
  loss: number;
  grad: ArrayLike<number>;
  lr: ArrayLike<number>;
  state: OptimizerState;
}

export type TrajectoryRecord = StartRecord | StepRecord;

/** Columnar accessors available on every trajectory besides the array interface. */
export interface TrajectoryColumns {
  readonly paramNames: readonly string[];
  readonly stateKeys: readonly string[];
  /** Number of updates (length - 1). */
  readonly steps: number;
  /** Loss of every record (index 0 = start). */
  lossColumn(): Float64Array;
  /** Update count t of every record (0..steps). */
  tColumn(): Float64Array;
  /** Epoch of every record. */
  epochColumn(): Float64Array;
  /** Parameter i (index or name) over every record (index 0 = start). */
  param(i: number | string): Float64Array;
  /** Gradient of parameter i for updates 1..steps. */
  gradColumn(i: number | string): Float64Array;
  /** Effective learning rate of parameter i for updates 1..steps. */
  lrColumn(i: number | string): Float64Array;
  /** State vector `key` (e.g. "v") of parameter i after updates 1..steps. */
  stateColumn(key: string, i: number | string): Float64Array;
  /** The last record. */
  last(): TrajectoryRecord;
}

export type Trajectory = TrajectoryRecord[] & TrajectoryColumns;

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

/** Records a run; `view()` exposes it as a Trajectory. */
export class TrajectoryRecorder {
  private readonly p: number;
  private readonly rows: number;
  private readonly t: Column;
  private readonly epoch: Column;
  private readonly loss: Column;
  private readonly params: Column;
  private readonly grad: Column;
  private readonly lr: Column;
  private readonly state = new Map<string, Column>();
  private readonly scalars = new Map<string, Column>();
  private readonly stateCols: Column[] = [];
  private scalarKeys: string[] | undefined;
  private scalarCols: Column[] = [];
  private count = 0;

  /**
   * `details` false keeps only t, epoch, params and loss (train's `record: "params"`): records then
   * carry empty grad / lr and a state with t only, and the gradient, rate and state columns throw.
   */
  constructor(readonly paramNames: readonly string[], readonly stateKeys: readonly string[], expectedSteps = 64, readonly details = true) {
    this.p = paramNames.length;
    this.rows = Math.min(expectedSteps + 1, 1 << 20);
    this.t = new Column(this.rows);
    this.epoch = new Column(this.rows);
    this.loss = new Column(this.rows);
    // Preallocate the expected rows, but at most 2^21 values (16 MB) per column: wider runs grow on demand.
    const cap = Math.min(this.rows * this.p, 1 << 21);
    this.params = new Column(cap);
    this.grad = new Column(details ? cap : 0);
    this.lr = new Column(details ? cap : 0);
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
    this.params.push(r.params);
    this.count++;
    if (!this.details) return;
    this.grad.push(r.grad);
    this.lr.push(r.lr);
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

  record(k: number): TrajectoryRecord {
    const p = this.p;
    const params = Array.from(this.params.data.subarray(k * p, (k + 1) * p));
    if (k === 0) return { t: 0, epoch: 0, params, loss: this.loss.data[0] };
    if (!this.details) return { t: this.t.data[k], epoch: this.epoch.data[k], params, loss: this.loss.data[k], grad: [], lr: [], state: { t: this.t.data[k] } };
    const row = (c: Column) => Array.from(c.data.subarray((k - 1) * p, k * p));
    const state: Record<string, number | number[]> = { t: this.t.data[k] };
    for (const [key, col] of this.state) state[key] = row(col);
    for (const [key, col] of this.scalars) state[key] = col.data[k - 1];
    return {
      t: this.t.data[k],
      epoch: this.epoch.data[k],
      params,
      loss: this.loss.data[k],
      grad: row(this.grad),
      lr: row(this.lr),
      state: state as RecordedState,
    };
  }

  private detailed(fn: string): void {
    if (!this.details) {
      throw new Error(`trajectory.${fn}: this run recorded params and loss only (train's record: "params"); train with record: "all" to keep gradients, rates and state`);
    }
  }

  private index(fn: string, i: number | string): number {
    const j = typeof i === "string" ? this.paramNames.indexOf(i) : i;
    if (!Number.isInteger(j) || j < 0 || j >= this.p) {
      throw new Error(`trajectory.${fn}: parameter must be an index in [0, ${this.p - 1}] or one of ${this.paramNames.slice(0, 5).join(", ")}${this.p > 5 ? ", ..." : ""}, got ${JSON.stringify(i)}`);
    }
    return j;
  }

  view(): Trajectory {
    const rec = this;
    const target: TrajectoryRecord[] = [];
    const columns: TrajectoryColumns = {
      paramNames: this.paramNames,
      stateKeys: this.stateKeys,
      get steps() {
        return rec.count - 1;
      },
      lossColumn: () => rec.loss.data.slice(0, rec.count),
      tColumn: () => rec.t.data.slice(0, rec.count),
      epochColumn: () => rec.epoch.data.slice(0, rec.count),
      param: (i) => rec.params.strided(rec.p, rec.index("param", i)),
      gradColumn: (i) => (rec.detailed("gradColumn"), rec.grad.strided(rec.p, rec.index("gradColumn", i))),
      lrColumn: (i) => (rec.detailed("lrColumn"), rec.lr.strided(rec.p, rec.index("lrColumn", i))),
      stateColumn: (key, i) => {
        rec.detailed("stateColumn");
        const col = rec.state.get(key);
        if (!col) {
          throw new Error(`trajectory.stateColumn: key must be one of ${JSON.stringify(rec.stateKeys)}, got ${JSON.stringify(key)}`);
        }
        return col.strided(rec.p, rec.index("stateColumn", i));
      },
      last: () => rec.record(rec.count - 1),
    };
    Object.defineProperty(target, Symbol.for("nodejs.util.inspect.custom"), {
      configurable: true,
      value: () => `Trajectory(${rec.count} records: start + ${rec.count - 1} updates of [${rec.paramNames.slice(0, 4).join(", ")}${rec.p > 4 ? ", ..." : ""}], final loss ${rec.loss.data[rec.count - 1]})`,
    });
    const isIndex = (key: string | symbol): boolean =>
      typeof key === "string" && /^(0|[1-9]\d*)$/.test(key) && Number(key) < rec.count;
    return new Proxy(target, {
      get(obj, key, receiver) {
        if (key === "length") return rec.count;
        if (isIndex(key)) return rec.record(Number(key as string));
        if (typeof key === "string" && Object.prototype.hasOwnProperty.call(columns, key)) {
          return (columns as unknown as Record<string, unknown>)[key];
        }
        return Reflect.get(obj, key, receiver);
      },
      has(obj, key) {
        return isIndex(key) || key === "length" || Reflect.has(obj, key);
      },
      set(_obj, key) {
        throw new Error(`trajectory is read-only (tried to set ${String(key)})`);
      },
      ownKeys() {
        return [...Array.from({ length: rec.count }, (_, k) => String(k)), "length"];
      },
      getOwnPropertyDescriptor(obj, key) {
        if (isIndex(key)) return { value: rec.record(Number(key as string)), writable: false, enumerable: true, configurable: true };
        if (key === "length") return { value: rec.count, writable: true, enumerable: false, configurable: false };
        return Reflect.getOwnPropertyDescriptor(obj, key);
      },
    }) as Trajectory;
  }
}
