/**
 * Hostile submissions, one group per class of attack on the grader (issue 10):
 *   1. hidden cases leaking through state shared between exercises or grader objects,
 *   2. one answer hurting another with asynchronous work left behind,
 *   3. values that make the grader report the wrong problem (BigInt, Promise, getters, Proxies, ...),
 *   4. unbounded sizes and times (huge strings, huge cells, deep nesting, time budget),
 * (5 and 6, output injection and folder safety, run through the command: grading-folder.test.ts).
 * Each notebook holds only the cells a test needs; they are graded in-process by gradeSubmission
 * with one shared process pool (two at a time), as the command does.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { Compiler } from "../src/grading/compiler";
import { EXERCISES } from "../src/grading/exercises";
import { gradeSubmission, type ExerciseResult, type SubmissionResult } from "../src/grading/grade";
import { toGradescope } from "../src/grading/report-gradescope";
import { DEFAULT_LIMITS, Sandbox, type Limits } from "../src/grading/sandbox";
import { RAW_UNSAFE, hiddenNumbers, notebook, prependToSolution, solution, tempFolder } from "./hostile/notebooks";

const SEED = "hostile-tests";
const LIMITS: Limits = { ...DEFAULT_LIMITS, timeoutMs: 8000, memoryMb: 128 };

const FOREIGN_CHECK = `
// Walks every object reachable from here (own properties, getters, setters, prototypes) and
// reports the first whose prototype chain does not end at THIS realm's Object.prototype: a grader
// object. Also looks at every stack frame's function and receiver through the stack-trace API.
function findForeign(roots: Array<[string, unknown]>): string {
  const seen = new Set<unknown>();
  const queue: Array<[string, unknown]> = roots.slice();
  const realmRoot = Object.prototype;
  while (queue.length && seen.size < 20000) {
    const [where, x] = queue.shift()!;
    if ((typeof x !== "object" && typeof x !== "function") || x === null || seen.has(x)) continue;
    seen.add(x);
    let p: any = x;
    let last: any = x;
    try { while (p !== null) { last = p; p = Object.getPrototypeOf(p); } } catch { continue; }
    if (last !== realmRoot && Object.getPrototypeOf(x) !== null) return "FOREIGN " + where;
    let keys: (string | symbol)[] = [];
    try { keys = Reflect.ownKeys(x as object); } catch { continue; }
    for (const k of keys) {
      let d: PropertyDescriptor | undefined;
      try { d = Object.getOwnPropertyDescriptor(x, k); } catch { continue; }
      if (!d) continue;
      for (const v of [d.value, d.get, d.set]) queue.push([where + "." + String(k), v]);
    }
    try { queue.push([where + ".__proto__", Object.getPrototypeOf(x)]); } catch { /* */ }
  }
  return "";
}
function stackObjects(): Array<[string, unknown]> {
  const found: Array<[string, unknown]> = [];
  const E = Error as any;
  const before = E.prepareStackTrace;
  E.prepareStackTrace = (_e: unknown, sites: any[]) => {
    sites.forEach((s, i) => { try { found.push(["frame" + i + ".fn", s.getFunction()]); found.push(["frame" + i + ".this", s.getThis()]); } catch { /* */ } });
    return "";
  };
  try { void new Error("probe").stack; } finally { E.prepareStackTrace = before; }
  return found;
}
`;

describe("grader against hostile submissions (classes 1-4)", function () {
  this.timeout(120000);
  const dir = tempFolder("adaptive-lr-hostile-");
  const sandbox = new Sandbox(LIMITS, 2);
  const compiler = new Compiler(LIMITS);
  const graded = new Map<string, Promise<SubmissionResult>>();
  let lanes: Promise<unknown> = Promise.resolve();
  let lane2: Promise<unknown> = Promise.resolve();
  let turn = 0;

  /** Grades `cells` as submission `name` (memoised; two gradings at a time). */
  function grade(name: string, cells: Record<string, string>, limits: Partial<Limits> = {}): Promise<SubmissionResult> {
    if (!graded.has(name)) {
      const file = path.join(dir, `${name}.ipynb`);
      fs.writeFileSync(file, notebook(cells));
      const run = () => gradeSubmission(file, { seed: SEED, limits: { ...LIMITS, ...limits }, sandbox, compiler });
      let p: Promise<SubmissionResult>;
      if (turn++ % 2 === 0) lanes = p = lanes.then(run, run);
      else lane2 = p = lane2.then(run, run);
      graded.set(name, p);
    }
    return graded.get(name)!;
  }
  const exercise = (r: SubmissionResult, id: string) => r.exercises.find((e) => e.id === id) as ExerciseResult;
  const allText = (r: SubmissionResult) => JSON.stringify(toGradescope(r));
  const messagesOf = (e: ExerciseResult) => [e.message ?? "", ...e.cases.flatMap((c) => c.messages)].join("\n");

  after(() => {
    sandbox.close();
    compiler.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // ---------------------------------------------------------------------------------------------
  // Every hostile notebook, declared up front so they are graded two at a time.
  const LEAK_STASH = `
    const payload = JSON.stringify([params, hp, batch.size]);
    const stash = (target: any) => { try { target.__leak = (target.__leak ?? "") + payload; } catch { /* frozen */ } };
    console.log({ [Symbol.for("nodejs.util.inspect.custom")]: (_d: any, opts: any, inspect: any) => { stash(inspect); stash(opts); stash(opts?.stylize); return "x"; } });
    console.log("%o", { toString() { return payload; } });
    stash(globalThis); stash(Object.prototype); stash(Array.prototype); stash(Function.prototype); stash(console); stash(Math);
    try { stash((globalThis as any).constructor); stash((globalThis as any).constructor.constructor); } catch { /* */ }
    try { stash((console.log as any).constructor); } catch { /* */ }
    const E = Error as any;
    E.prepareStackTrace = (_e: unknown, sites: any[]) => { for (const s of sites) { try { stash(s.getFunction()); stash(s.getThis()); } catch { /* */ } } return ""; };
    void new Error("probe").stack;
    E.prepareStackTrace = undefined;`;
  const LEAK_READ = `
    let found = "";
    const look = (x: any) => { try { if (x && x.__leak) found += String(x.__leak); } catch { /* */ } };
    console.log({ [Symbol.for("nodejs.util.inspect.custom")]: (_d: any, opts: any, inspect: any) => { look(inspect); look(opts); look(opts?.stylize); return ""; } });
    for (const x of [globalThis, Object.prototype, Array.prototype, Function.prototype, console, Math]) look(x);
    try { look((globalThis as any).constructor); look((globalThis as any).constructor.constructor); } catch { /* */ }
    if (found) return ("LEAK " + found) as any;`;

  const notebooks = {
    leak: () =>
      grade("leak-across-exercises", {
        adagrad: prependToSolution("adagrad", LEAK_STASH),
        rmsprop: prependToSolution("rmsprop", LEAK_STASH),
        cyclic: prependToSolution("cyclic", LEAK_READ),
        cosine: prependToSolution("cosine", LEAK_READ),
      }),
    injectRedacted: () =>
      grade("forge-hidden-message", {
        cyclic:
          'let seen = "";\n' +
          '(Object.prototype as any).toJSON = function (this: any) { return this && typeof this.redacted === "string" ? { step: this.step, kind: this.kind, message: "LEAK " + seen, redacted: "LEAK " + seen } : this; };\n' +
          'function cyclicLr(step: number, hp: any): number { seen = JSON.stringify(hp); throw new Error("x"); }',
      }),
    foreign: () =>
      grade("reach-grader-objects", {
        adagrad: FOREIGN_CHECK + prependToSolution(
          "adagrad",
          `  const f = findForeign([["params", params], ["batch", batch], ["batch.gradient(0)", batch.gradient(0)], ["state", state], ["hp", hp], ...stackObjects()]);\n  if (f) throw new Error(f);`,
        ),
        explain:
          FOREIGN_CHECK +
          `const foreign = findForeign([["globalThis", globalThis], ["this", this], ["console", console], ["check", (globalThis as any).check],
             ["check.adagrad", (globalThis as any).check.adagrad], ["require", (globalThis as any).require], ["process", (globalThis as any).process],
             ["module", typeof module === "undefined" ? undefined : module], ["exports", typeof exports === "undefined" ? undefined : exports], ...stackObjects()]);
           if (foreign) throw new Error(foreign);\n` + solution("explain"),
      }),
    async: () =>
      grade("async-leftovers", {
        adagrad: prependToSolution("adagrad", '  Promise.reject(new Error("late rejection"));'),
        rmsprop: solution("rmsprop"),
        adadelta: prependToSolution("adadelta", '  import("fs");'),
        adam: solution("adam"),
        cyclic:
          'Atomics.waitAsync(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5).value.then(() => { throw new Error("late timer"); });\n' +
          'new FinalizationRegistry(() => { throw new Error("late finalizer"); }).register({}, 1);\n' +
          prependToSolution("cyclic", '  (async () => { throw new Error("late async"); })();'),
        cosine: solution("cosine"),
        explain: solution("explain"),
      }),
    misleading: () =>
      grade("misleading-values", {
        adagrad: solution("adagrad").replace("function adagradStep", "async function adagradStep").replace(": StepResult<AdagradState>", ": Promise<any>"),
        rmsprop: prependToSolution("rmsprop", "  throw { get message(): string { throw new Error('no message for you'); }, name: 'Evil' };"),
        adadelta: `function adadeltaStep(params: number[]): any { return { get params(): number[] { throw new Error("boom"); }, state: {} }; }`,
        adam: prependToSolution("adam", "").replace(
          "return {",
          "let reads = 0;\n  const honest = { params: next, state: { t, m, v } };\n  return { get params() { reads++; return reads === 1 ? honest.params : [1e9, -1e9]; }, get state() { return honest.state; } } as any;\n  return {",
        ),
        amsgrad: `function amsgradStep(): any { return new Proxy({}, { get() { throw new Error("trap"); }, has() { throw new Error("trap"); }, ownKeys() { throw new Error("trap"); }, getPrototypeOf() { throw new Error("trap"); } }); }`,
        cyclic: "function cyclicLr(step: number): any { return 10n ** 30n; }",
        cosine: solution("cosine").replace("function cosineRestartLr", "async function cosineRestartLr").replace("): number", "): Promise<number>"),
        explain: "const effectiveLrB: any = {}; effectiveLrB.self = effectiveLrB;",
      }),
    unbounded: () =>
      grade("unbounded", {
        cyclic: 'function cyclicLr(step: number): any { return "x".repeat(20_000_000); }',
        cosine: `function cosineRestartLr(step: number): any { throw new Error("y".repeat(20_000_000)); }`,
        rmsprop: prependToSolution("rmsprop", "  const down = (n: number): number => down(n + 1) + 1;\n  down(0);"),
        adam: `const deep = ${"(".repeat(6000)}1${")".repeat(6000)};\n` + solution("adam"),
        nadam: `const pasted = "${"z".repeat(LIMITS.maxCellBytes)}";\n` + solution("nadam"),
        explain: solution("explain"),
      }),
    budget: () =>
      grade(
        "time-budget",
        {
          adagrad: prependToSolution("adagrad", "  for (;;) {}"),
          rmsprop: prependToSolution("rmsprop", "  for (;;) {}"),
          explain: solution("explain"),
        },
        { timeoutMs: 1500, submissionMs: 2500 },
      ),
  };
  before(() => {
    for (const make of Object.values(notebooks)) void make();
  });

  // ---------------------------------------------------------------------------------------------
  describe("1. no hidden case leaks: nothing is shared between exercises, no grader object is reachable", () => {
    it("data stashed on every reachable object (incl. console.log's formatter arguments and stack frames) is gone in the next exercise", async () => {
      const r = await notebooks.leak();
      for (const id of ["adagrad", "rmsprop", "cyclic", "cosine"]) expect(exercise(r, id).score, `${id}: ${messagesOf(exercise(r, id))}`).to.equal(10);
      expect(allText(r)).to.not.include("LEAK");
      const leaked = [...hiddenNumbers(SEED)].filter((n) => allText(r).includes(n));
      expect(leaked).to.deep.equal([]);
    });

    it("a hidden case shows only the runner's fixed texts: a message forged through a planted toJSON is replaced", async () => {
      const r = await notebooks.injectRedacted();
      const hidden = exercise(r, "cyclic").cases.filter((c) => c.visibility === "hidden");
      expect(hidden.map((c) => c.messages)).to.deep.equal(hidden.map(() => ["cyclicLr: a problem at step 1 (details hidden: hidden case)"]));
      const leaked = [...hiddenNumbers(SEED)].filter((n) => allText(r).includes(n));
      expect(leaked).to.deep.equal([]);
    });

    it("no object an answer can reach (globals, stubs, arguments, batch, stack frames) belongs to the grader's realm", async () => {
      const r = await notebooks.foreign();
      expect(messagesOf(exercise(r, "adagrad"))).to.not.include("FOREIGN");
      expect(messagesOf(exercise(r, "explain"))).to.not.include("FOREIGN");
      expect(exercise(r, "adagrad").score).to.equal(10);
      expect(exercise(r, "explain").score).to.equal(10);
    });
  });

  describe("2. one answer cannot hurt another: asynchronous leftovers are charged to their own exercise", () => {
    it("later, correct exercises get full marks after answers that leave rejected promises, import(), late timers and finalizers", async () => {
      const r = await notebooks.async();
      for (const id of ["rmsprop", "adam", "cosine", "explain"]) {
        expect(exercise(r, id).score, `${id}: ${messagesOf(exercise(r, id))}`).to.equal(10);
      }
      expect(allText(r)).to.not.match(/EPIPE|time limit/);
    });

    it("the exercise that left them gets a message saying so, and scores 0 for the cases it broke", async () => {
      const r = await notebooks.async();
      const adagrad = exercise(r, "adagrad");
      expect(messagesOf(adagrad)).to.include("your answer left a promise that was rejected and never handled: Error: late rejection");
      expect(messagesOf(adagrad)).to.include("no un-awaited promises");
      expect(adagrad.score).to.equal(0);
      expect(messagesOf(exercise(r, "adadelta"))).to.match(/left a promise that was rejected and never handled: Error: answer cells cannot import modules \(found an import of "fs"\)/);
      expect(messagesOf(exercise(r, "cyclic"))).to.match(/the answer cell failed when run: your answer left a promise that was rejected and never handled|late async/);
      // A hidden case's message never carries the error's text.
      for (const c of adagrad.cases.filter((x) => x.visibility === "hidden")) expect(c.messages.join(" ")).to.not.include("late rejection");
    });
  });

  describe("3. clear messages for values that cannot be graded; status and score agree", () => {
    const cases: Array<[string, RegExp]> = [
      ["adagrad", /step 1: adagradStep returned a Promise: remove async/],
      ["rmsprop", /rmspropStep threw at step 1: threw an object whose message could not be read/],
      ["adadelta", /step 1: adadeltaStep returned a value that could not be read: reading params threw Error: boom/],
      ["amsgrad", /step 1: amsgradStep returned a value that could not be read: reading (the result|the result\.then|params) threw Error: trap/],
      ["cyclic", /cyclicLr\(0\) must return a number, got a BigInt \(10{28}…n\): use a number/],
      ["cosine", /cosineRestartLr returned a Promise: remove async/],
      ["explain", /effectiveLrB must be a finite number, got an object/],
    ];
    for (const [id, message] of cases) {
      it(`${id}: ${message.source.slice(0, 70)}`, async () => {
        const e = exercise(await notebooks.misleading(), id);
        expect(messagesOf(e)).to.match(message);
        expect(messagesOf(e)).to.not.match(/process\.exit|ended while running/);
        expect(e.score).to.equal(0);
      });
    }

    it("a value read once: params that change on a second read are graded on the first read (full marks, no contradiction)", async () => {
      const e = exercise(await notebooks.misleading(), "adam");
      expect(e.score, messagesOf(e)).to.equal(10);
    });

    it("every case and every Gradescope test: passed exactly when it has full marks", async () => {
      for (const r of await Promise.all(Object.values(notebooks).map((make) => make()))) {
        for (const e of r.exercises) for (const c of e.cases) expect(c.passed, `${r.name} ${e.id} ${c.label}`).to.equal(c.score === c.maxScore);
        for (const t of toGradescope(r).tests) expect(t.status, `${r.name} ${t.name}`).to.equal(t.score === t.max_score ? "passed" : "failed");
      }
    });
  });

  describe("4. bounded: sizes, nesting and time", () => {
    it("a 20 MB string returned or thrown: messages capped at 300 characters, results.json far below 1 MB", async () => {
      const r = await notebooks.unbounded();
      const json = JSON.stringify(toGradescope(r), null, 2);
      expect(json.length).to.be.lessThan(100_000);
      for (const e of r.exercises) for (const m of [e.message ?? "", ...e.cases.flatMap((c) => c.messages)]) expect(m.length).to.be.at.most(300);
      expect(messagesOf(exercise(r, "cyclic"))).to.match(/cyclicLr\(0\) must return a number, got "x{60}…"/);
      expect(exercise(r, "explain").score).to.equal(10);
    });

    it("deep recursion and 6,000 nested parentheses: 'too deeply nested', not 'Maximum call stack'", async () => {
      const r = await notebooks.unbounded();
      expect(messagesOf(exercise(r, "rmsprop"))).to.match(/too deeply nested: the call stack overflowed/);
      expect(messagesOf(exercise(r, "adam"))).to.match(/too deeply nested/);
      expect(allText(r)).to.not.include("Maximum call stack");
    });

    it("an answer cell over the size limit is refused before it is compiled", async () => {
      const r = await notebooks.unbounded();
      expect(exercise(r, "nadam").message).to.match(/^the answer:nadam cell is 200\.\d+ kB long; the limit is 200 kB/);
    });

    it("a submission's total time budget: exercises after it is used up are not run, and say why", async () => {
      const r = await notebooks.budget();
      expect(exercise(r, "adagrad").message).to.match(/stopped after 1\.5 s \(the time limit\)/);
      expect(exercise(r, "rmsprop").message).to.match(/stopped after 1 s|stopped after 0\.\d+ s|time budget/);
      expect(exercise(r, "explain").message).to.equal("not graded: the submission used up its time budget of 2.5 s on earlier exercises");
    });

    it("a file over the size limit is not read", async () => {
      const file = path.join(dir, "big.ipynb");
      fs.writeFileSync(file, notebook({ explain: `// ${"p".repeat(5000)}\n` + solution("explain") }));
      const r = await gradeSubmission(file, { seed: SEED, limits: { ...LIMITS, maxFileBytes: 4000 }, sandbox, compiler });
      expect(r.error).to.match(/^big\.ipynb is 5\.\d+ kB; the limit is 4 kB$/);
      expect(r.score).to.equal(0);
    });
  });

  it("the messages of every hostile notebook hold no raw control character", async () => {
    for (const r of await Promise.all(Object.values(notebooks).map((make) => make()))) {
      for (const e of r.exercises) for (const m of [e.message ?? "", ...e.cases.flatMap((c) => c.messages)]) expect(m).to.not.match(RAW_UNSAFE).and.not.include("\n");
    }
  });

  it("covers every exercise id it names", () => {
    expect(EXERCISES.map((e) => e.id)).to.include.members(["adagrad", "rmsprop", "adadelta", "adam", "amsgrad", "nadam", "cyclic", "cosine", "explain"]);
  });
});
