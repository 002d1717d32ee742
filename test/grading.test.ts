import { expect } from "chai";
import { spawnSync } from "child_process";
import * as path from "path";
import { runCheck, check } from "../src/check";
import { parseGradeArgs } from "../src/cli";
import { sparse } from "../src/datasets/sparse";
import { toy2 } from "../src/datasets/toy2";
import * as optimizers from "../src/optimizers";
import * as schedules from "../src/schedules";
import { compileAnswer } from "../src/grading/compile";
import { fmt } from "../src/grading/compare";
import { evaluateCase, evaluateOptimizerCase, runnable } from "../src/grading/evaluate";
import { resultFileNames } from "../src/grading/files";
import { csvField, safeText } from "../src/grading/text";
import { checkedTrace } from "../src/grading/trace-check";
import { EXERCISES, POINTS, exerciseById, hiddenCasesOf, maxScoreOf, type OptimizerExercise } from "../src/grading/exercises";
import type { ExerciseResult, SubmissionResult } from "../src/grading/grade";
import { HINTS, type MistakeId } from "../src/grading/mistakes";
import { answerSource, parseNotebook } from "../src/grading/notebook";
import { drive } from "../src/grading/reference";
import { scoresCsv } from "../src/grading/report-csv";
import { toGradescope } from "../src/grading/report-gradescope";
import { DEFAULT_LIMITS, Sandbox, childExecArgv, childReadableFiles } from "../src/grading/sandbox";
import { runOptimizer } from "../src/grading/student-run";
import type { OptimizerCase } from "../src/grading/types";
import { sigmoidNeuron } from "../src/models/sigmoidNeuron";
import { SOLUTIONS, SUBMISSIONS, answerOf, printed, samples } from "./submissions/helpers";

const checkOf = (id: string, answer: unknown) => printed((print) => runCheck(exerciseById(id), answer, print));

describe("grading: check.<exercise> in the notebook", () => {
  for (const ex of EXERCISES) {
    it(`check.${ex.id} passes the solution from the solutions notebook`, () => {
      const { lines, result } = checkOf(ex.id, answerOf(SOLUTIONS, ex.id));
      expect(result, lines.join("\n")).to.equal(true);
      expect(lines.filter((l) => l.startsWith("FAIL"))).to.deep.equal([]);
      expect(lines[lines.length - 1]).to.match(new RegExp(`^${ex.id}: (\\d+) of \\1 visible cases? passed`));
    });
  }

  it("check is a namespace with one function per exercise", () => {
    expect(Object.keys(check).sort()).to.deep.equal(EXERCISES.map((e) => e.id).sort());
  });

  for (const sample of samples().filter((s) => s.mistake)) {
    it(`recognises "${sample.mistake}" (${sample.name}) with its hint`, () => {
      const { lines, result } = checkOf(sample.exercise as string, answerOf(path.join(SUBMISSIONS, sample.name), sample.exercise as string));
      expect(result).to.equal(false);
      expect(lines[0]).to.match(/^FAIL /);
      expect(lines).to.include(`     hint: ${HINTS[sample.mistake as MistakeId]}`);
      expect(lines[1]).to.match(/^ {5}first wrong at step \d+, (parameter [wb]|state\.\w+ of [wb]): expected \S+, got \S+$/);
    });
  }

  it("names the first diverging step, the parameter, and expected vs got from the library (overwritten gradient)", () => {
    const ex = exerciseById("adagrad") as OptimizerExercise;
    const c = ex.visibleCases()[0];
    const right = drive(ex.reference(c.hyper), c.data, c.init, 1)[0].params[0];
    const wrong = drive(ex.reference(c.hyper), c.data, c.init, 1, { gradient: "last" })[0].params[0];
    const { lines } = checkOf("adagrad", answerOf(path.join(SUBMISSIONS, "mistake-overwrite-gradient.ipynb"), "adagrad"));
    expect(lines[1]).to.equal(`     first wrong at step 1, parameter w: expected ${fmt(right)}, got ${fmt(wrong)}`);
  });

  it("recognises schedule mistakes built from the library: off by one, restart period T, stepSize as a whole cycle", () => {
    const shifted = (s: number, h: { etaMin: number; etaMax: number; stepSize: number }) => schedules.cyclic(h)(s + 1);
    expect(checkOf("cyclic", shifted).lines).to.include(`     hint: ${HINTS["schedule-off-by-one"]}`);
    const wholeCycle = (s: number, h: { etaMin: number; etaMax: number; stepSize: number }) => schedules.cyclic({ ...h, stepSize: h.stepSize / 2 })(s);
    expect(checkOf("cyclic", wholeCycle).lines).to.include(`     hint: ${HINTS["cyclic-half-period"]}`);
    const periodT = (s: number, h: { etaMax: number; etaMin: number; T: number }) =>
      schedules.cosineWarmRestarts({ etaMax: h.etaMax, etaMin: h.etaMin, T0: h.T, Tmult: 1 })(s);
    const { lines } = checkOf("cosine", periodT);
    expect(lines).to.include(`     hint: ${HINTS["cosine-period"]}`);
    // The lecture's restart comes at t = T + 1 = 51; with period T it comes at 50, where eta_min is expected.
    expect(lines[1]).to.equal("     first wrong at step 50: expected 0.1, got 1 (50 of 111 steps right)");
  });

  it("the explain question: the library's number passes, eta and eta / v get their hints, the answer is never printed", () => {
    // The library's effective rate of b in the first batch AdaGrad update on datasets.sparse().
    const opt = optimizers.adagrad({ eta: 0.1, eps: 1e-8 });
    const data = sparse();
    const g = new Float64Array(2);
    for (let i = 0; i < data.x.length; i++) sigmoidNeuron.addPointGradient([-2, -2], data, i, g);
    const lr = opt.update(g, opt.init([-2, -2]), [-2, -2]).effectiveRate[1];
    expect(checkOf("explain", Number(lr.toPrecision(3))).result).to.equal(true);
    const eta = checkOf("explain", 0.1);
    expect(eta.lines).to.include(`     hint: ${HINTS["explain-eta"]}`);
    expect(eta.lines.join("\n")).to.not.include(fmt(lr));
    expect(checkOf("explain", 0.1 / (g[1] * g[1] + 1e-8)).lines).to.include(`     hint: ${HINTS["explain-divide-by-v"]}`);
  });

  const hostile: Array<[string, unknown, RegExp]> = [
    ["no function at all", undefined, /adagradStep must be a function, got undefined \(is it defined in the answer cell\?\)/],
    ["a number", 42, /adagradStep must be a function, got number/],
    ["a function that throws", () => { throw new TypeError("oops"); }, /adagradStep threw at step 1: TypeError: oops/],
    ["a function that throws a string", () => { throw "bad"; }, /adagradStep threw at step 1: threw "bad"/],
    ["a function that returns nothing", () => undefined, /step 1: adagradStep must return \{params, state\}, got undefined/],
    ["params of the wrong length", () => ({ params: [1, 2, 3], state: { v: [0, 0] } }), /step 1: returned params must have 2 entries \(one per parameter w, b\), got 3/],
    ["NaN params", () => ({ params: [NaN, 0], state: { v: [0, 0] } }), /step 1: returned params\[0\] \(w\) is NaN/],
    ["a state without v", () => ({ params: [0, 0], state: {} }), /step 1: returned state.v must be an array of 2 numbers, got undefined/],
    ["a string for params", () => ({ params: "0,0", state: { v: [0, 0] } }), /step 1: returned params must be an array of 2 numbers/],
    ["a bad batch index", (p: number[], b: { gradient(i: number): number[] }) => b.gradient(99), /adagradStep threw at step 1: Error: batch.gradient: i must be an integer in 0\.\.1, got 99/],
  ];
  for (const [what, answer, message] of hostile) {
    it(`never throws at the student: ${what}`, () => {
      const { lines, result } = checkOf("adagrad", answer);
      expect(result).to.equal(false);
      expect(lines.join("\n")).to.match(message);
    });
  }

  it("the explain check rejects a string or a missing answer with a message", () => {
    expect(checkOf("explain", "0.01").lines.join("\n")).to.match(/effectiveLrB must be a finite number, got "0.01"/);
    expect(checkOf("explain", undefined).lines.join("\n")).to.match(/effectiveLrB must be a finite number, got undefined/);
  });
});

describe("grading: cases, partial credit and hidden-case redaction", () => {
  it("hidden cases are a pure function of the seed and differ between seeds", () => {
    const ex = exerciseById("adam");
    expect(hiddenCasesOf(ex, "s1")).to.deep.equal(hiddenCasesOf(ex, "s1"));
    expect(hiddenCasesOf(ex, "s1")).to.not.deep.equal(hiddenCasesOf(ex, "s2"));
    expect(hiddenCasesOf(ex, "s1")).to.have.length(POINTS.hiddenCases);
  });

  it("every exercise is worth 10 points, 100 in all", () => {
    expect(EXERCISES.map(maxScoreOf)).to.deep.equal(EXERCISES.map(() => 10));
  });

  it("partial credit: a state that is not carried keeps the points of its right first step", () => {
    const ex = exerciseById("adadelta") as OptimizerExercise;
    const answer = answerOf(path.join(SUBMISSIONS, "mistake-state-not-carried.ipynb"), "adadelta");
    for (const c of [...ex.visibleCases(), ...(hiddenCasesOf(ex, "seed") as OptimizerCase[])]) {
      const r = evaluateOptimizerCase(ex, c, runOptimizer(answer, ex, runnable(ex, c)), "visible", 2);
      expect(r.score).to.equal(Math.round((2 / c.steps) * 100) / 100);
      expect(r.mistake).to.equal("state-not-carried");
    }
  });

  it("a hidden case's messages carry no input and no value, only the step, the parameter and the hint", () => {
    const ex = exerciseById("adagrad") as OptimizerExercise;
    const answer = answerOf(path.join(SUBMISSIONS, "mistake-overwrite-gradient.ipynb"), "adagrad");
    for (const c of hiddenCasesOf(ex, "redaction") as OptimizerCase[]) {
      const r = evaluateOptimizerCase(ex, c, runOptimizer(answer, ex, runnable(ex, c)), "hidden", 2);
      expect(r.messages).to.deep.equal(["first wrong at step 1 (parameter w)", `hint: ${HINTS["overwrite-gradient"]}`]);
    }
    const thrower = () => {
      throw new Error("leak 123.456");
    };
    const c = hiddenCasesOf(ex, "redaction")[0] as OptimizerCase;
    const r = evaluateOptimizerCase(ex, c, runOptimizer(thrower, ex, runnable(ex, c)), "hidden", 2);
    expect(r.messages.join(" ")).to.equal("adagradStep threw an error at step 1");
  });

  it("the reference is the library: the toy2 case's first AdaGrad step equals optimizers.adagrad().update", () => {
    const opt = optimizers.adagrad({ eta: 0.5, eps: 1e-3 });
    const data = toy2();
    const state = opt.init([-2, -2]);
    const g = new Float64Array(2);
    // The batch gradient, as the model defines it: the sum of per-point gradients.
    for (let i = 0; i < data.x.length; i++) sigmoidNeuron.addPointGradient([-2, -2], data, i, g);
    expect(Array.from(drive(opt, data, [-2, -2], 1)[0].params)).to.deep.equal(Array.from(opt.update(g, state, [-2, -2]).params));
  });
});

describe("grading: notebook extraction and compilation", () => {
  it("finds answer cells by tag wherever they are, and reports a missing one as undefined", () => {
    const nb = parseNotebook(
      JSON.stringify({
        cells: [
          { cell_type: "markdown", source: "x", metadata: { tags: ["answer:adagrad"] } },
          { cell_type: "code", source: ["const a = 1;\n", "function adagradStep() {}"], metadata: { tags: ["other", "answer:adagrad"] } },
        ],
      }),
      "n.ipynb",
    );
    expect(answerSource(nb, "adagrad")).to.equal("const a = 1;\nfunction adagradStep() {}");
    expect(answerSource(nb, "adam")).to.equal(undefined);
  });

  it("rejects a file that is not a notebook with a message naming it", () => {
    expect(() => parseNotebook("hello", "a.ipynb")).to.throw(/a.ipynb is not a Jupyter notebook: it is not valid JSON/);
    expect(() => parseNotebook("{}", "b.ipynb")).to.throw(/b.ipynb is not a Jupyter notebook: it has no "cells" list/);
    expect(() => parseNotebook('{"cells": [null]}', "c.ipynb")).to.throw(/c.ipynb is not a valid Jupyter notebook: cell 1 has no cell_type/);
  });

  it("reports a syntax error with its line and column in the cell", () => {
    const r = compileAnswer("function f(x: number) {\n  return x +;\n}", "answer:adam");
    expect(r.ok).to.equal(false);
    expect((r as { message: string }).message).to.match(/^the answer:adam cell is not valid TypeScript: Expression expected\. at line 2, column 13$/);
    expect(compileAnswer("const x: number = 1;", "answer:adam").ok).to.equal(true);
  });
});

describe("grading: sandbox", function () {
  this.timeout(20000);

  it("the child may read only its own compiled files: not the exercise table, the reference or the optimizers", () => {
    const files = childReadableFiles().map((f) => path.basename(f));
    expect(files).to.include.members(["sandbox-child.js", "student-run.js", "sigmoidNeuron.js"]);
    for (const secret of ["exercises.js", "reference.js", "evaluate.js", "grade.js", "adam.js"]) expect(files).to.not.include(secret);
  });

  it("under the child's flags, reading the hidden-case generator is denied by Node's permission model", () => {
    const table = require.resolve("../src/grading/exercises");
    const denied = spawnSync(process.execPath, [...childExecArgv(DEFAULT_LIMITS), "-e", `require("fs").readFileSync(${JSON.stringify(table)})`], { encoding: "utf8" });
    expect(denied.status).to.not.equal(0);
    expect(denied.stderr).to.match(/ERR_ACCESS_DENIED/);
    const allowed = childReadableFiles()[0];
    const ok = spawnSync(process.execPath, [...childExecArgv(DEFAULT_LIMITS), "-e", `require("fs").readFileSync(${JSON.stringify(allowed)})`], { encoding: "utf8" });
    expect(ok.status, ok.stderr).to.equal(0);
  });

  it("stops an answer that allocates outside the V8 heap (typed arrays) at the memory limit", async () => {
    const sandbox = new Sandbox({ ...DEFAULT_LIMITS, memoryMb: 64, timeoutMs: 15000 });
    const ex = exerciseById("cyclic");
    const cases = ex.kind === "schedule" ? ex.visibleCases() : [];
    try {
      const js = "function cyclicLr() { const hog = []; for (;;) hog.push(new Float64Array(1e6).fill(1)); }";
      const r = await sandbox.run({ kind: "schedule", answerName: "cyclicLr", stateKeys: [], usesT: false, js, cases });
      expect(r.failure).to.equal("ran out of memory (limit 64 MB): does the code allocate without end?");
    } finally {
      sandbox.close();
    }
  });

  it("leaves no channel from one exercise to the next through the prototypes of the objects an answer receives", async () => {
    const sandbox = new Sandbox(DEFAULT_LIMITS);
    const ex = exerciseById("cyclic");
    const cases = ex.kind === "schedule" ? ex.visibleCases() : [];
    const job = (js: string) => ({ kind: "schedule" as const, answerName: "cyclicLr", stateKeys: [], usesT: false, js, cases });
    try {
      await sandbox.run(job("function cyclicLr(s, hp) { try { Object.getPrototypeOf(hp).leak = s; } catch (e) {} return 0.1; }"));
      const next = await sandbox.run(job("function cyclicLr(s, hp) { if (hp.leak !== undefined) throw new Error('got ' + hp.leak); return 0.1; }"));
      expect(next.traces.map((t) => t?.problem)).to.deep.equal([undefined, undefined]);
    } finally {
      sandbox.close();
    }
  });

  it("stops a loop that never ends at the time limit and goes on with a fresh process", async () => {
    const sandbox = new Sandbox({ ...DEFAULT_LIMITS, timeoutMs: 500 });
    const ex = exerciseById("cyclic");
    const cases = ex.kind === "schedule" ? ex.visibleCases() : [];
    try {
      const stuck = await sandbox.run({ kind: "schedule", answerName: "cyclicLr", stateKeys: [], usesT: false, js: "function cyclicLr() { for (;;) {} }", cases });
      expect(stuck.failure).to.equal("stopped after 0.5 s (the time limit): does a loop never end?");
      expect(stuck.traces).to.deep.equal([undefined, undefined]);
      const fine = await sandbox.run({ kind: "schedule", answerName: "cyclicLr", stateKeys: [], usesT: false, js: "function cyclicLr(s) { return 0.1; }", cases });
      expect(fine.failure).to.equal(undefined);
      expect(fine.traces.map((t) => t?.values?.length)).to.deep.equal(cases.map((c) => c.steps.length));
    } finally {
      sandbox.close();
    }
  });
});

describe("grading: reporters and command line", () => {
  const exercise = (over: Partial<ExerciseResult>): ExerciseResult => ({
    id: "adagrad",
    title: "AdaGrad",
    score: 7,
    maxScore: 10,
    message: undefined,
    cases: [
      { label: "toy", visibility: "visible", score: 2, maxScore: 2, passed: true, messages: [] },
      { label: "hidden case 1", visibility: "hidden", score: 1, maxScore: 2, passed: false, messages: ["first wrong at step 2 (parameter b)"] },
    ],
    ...over,
  });
  const result: SubmissionResult = { name: "a, b.ipynb", file: "/x/a, b.ipynb", score: 7, maxScore: 100, exercises: [exercise({})] };

  it("writes Gradescope's results.json fields: score, tests with name, score, max_score, status, output, visibility", () => {
    const g = toGradescope(result);
    expect(g.score).to.equal(7);
    expect(g.tests).to.deep.equal([
      { name: "AdaGrad: visible cases", score: 2, max_score: 2, status: "passed", output: "PASS case 1 (toy): 2/2", visibility: "visible" },
      {
        name: "AdaGrad: hidden cases",
        score: 1,
        max_score: 2,
        status: "failed",
        output: "FAIL hidden case 1: 1/2\n    first wrong at step 2 (parameter b)",
        visibility: "after_published",
      },
    ]);
  });

  it("writes one CSV row per submission, quoting names with commas", () => {
    const csv = scoresCsv([result]).split("\n");
    expect(csv[0]).to.equal(`submission,score,max_score,${EXERCISES.map((e) => e.id).join(",")},status`);
    expect(csv[1]).to.equal(`"a, b.ipynb",7,100,7,${EXERCISES.slice(1).map(() => 0).join(",")},graded`);
  });

  it("parses options and rejects bad ones with a message", () => {
    const o = parseGradeArgs(["subs", "--timeout", "2", "--memory", "128", "--out", "o", "--seed", "s"], {});
    expect(o).to.deep.include({ target: "subs", out: "o", seed: "s" });
    expect(o.limits).to.deep.equal({ ...DEFAULT_LIMITS, timeoutMs: 2000, memoryMb: 128 });
    expect(() => parseGradeArgs([], {})).to.throw(/give a submission .ipynb file or a folder/);
    expect(() => parseGradeArgs(["a", "--timeout", "-1"], {})).to.throw(/--timeout must be a number > 0, got "-1"/);
    expect(() => parseGradeArgs(["a", "--bogus"], {})).to.throw(/unknown option --bogus/);
    expect(parseGradeArgs(["a"], { ADAPTIVE_LR_SEED: "env-seed" }).seed).to.equal("env-seed");
    const more = parseGradeArgs(["a", "--jobs", "3", "--budget", "30", "--max-file", "2", "--max-cell", "50", "--max-output", "10"], {});
    expect(more.jobs).to.equal(3);
    expect(more.limits).to.deep.equal({ ...DEFAULT_LIMITS, submissionMs: 30000, maxFileBytes: 2e6, maxCellBytes: 50000, maxOutputBytes: 10000 });
    expect(() => parseGradeArgs(["a", "--jobs", "1.5"], {})).to.throw(/--jobs must be a whole number from 1 to 64, got 1.5/);
    expect(() => parseGradeArgs(["a", "--\x1b[2J"], {})).to.throw(/unknown option --\\x1b\[2J/);
  });
});

describe("grading: safe output, result names, checked traces, score/status agreement", () => {
  it("safeText escapes control characters, newlines, escapes and bidi overrides, and caps at 300 characters", () => {
    expect(safeText("a\nb\r\tc\x1b[2J\u0000\u202ed\u2028")).to.equal("a\\nb\\r\\tc\\x1b[2J\\x00\\u202ed\\u2028");
    expect(safeText("é ü ∇ 🙂 ok")).to.equal("é ü ∇ 🙂 ok");
    const long = safeText("x".repeat(20_000_000));
    expect(long).to.have.length(300);
    expect(long.endsWith("…")).to.equal(true);
    expect(safeText("\n".repeat(400))).to.have.length(300);
  });

  it("csvField neutralises formulas (= + - @) and quotes commas, quotes and spaces; numbers stay numbers", () => {
    expect(csvField("=2+5+cmd|' /C calc'!A0")).to.equal(`"'=2+5+cmd|' /C calc'!A0"`);
    expect(csvField("+1")).to.equal("'+1");
    expect(csvField("-x")).to.equal("'-x");
    expect(csvField("@SUM(A1)")).to.equal("'@SUM(A1)");
    expect(csvField('say "hi", ok')).to.equal(`"say ""hi"", ok"`);
    expect(csvField("a\nb")).to.equal("a\\nb");
    expect(csvField(-1.5)).to.equal("-1.5");
  });

  it("result file names are collision-free: path separators and % encoded, letter case and length handled", () => {
    const names = resultFileNames(["a__b.ipynb", "a/b.ipynb", "a%2Fb.ipynb", "Upper.ipynb", "upper.ipynb", ".hidden.ipynb", `${"n".repeat(300)}.ipynb`, "é.ipynb"]);
    expect(names.slice(0, 3)).to.deep.equal(["a__b.results.json", "a%2Fb.results.json", "a%252Fb.results.json"]);
    expect(names[3]).to.equal("Upper.results.json");
    expect(names[4]).to.match(/^upper~[0-9a-f]{16}\.results\.json$/);
    expect(names[5]).to.equal("%2Ehidden.results.json");
    expect(names[6].length).to.be.below(200);
    expect(names[7]).to.equal("%C3%A9.results.json");
    expect(new Set(names.map((n) => n.toLowerCase())).size).to.equal(names.length);
  });

  it("a trace from the sandbox must have the case's exact shape; anything else is reported as unreadable", () => {
    const ex = exerciseById("adagrad") as OptimizerExercise;
    const c = ex.visibleCases()[0];
    const good = { steps: [{ params: [1, 2], state: { v: [3, 4] } }] };
    expect(checkedTrace(good, ex, c)).to.deep.equal({ ...good, values: [] });
    const unreadable = /the grader could not read what the answer returned/;
    for (const bad of [
      null,
      { steps: [{ params: [1, "2"], state: { v: [3, 4] } }] },
      { steps: [{ params: [1, 2, 3], state: { v: [3, 4] } }] },
      { steps: [{ params: [1, 2], state: {} }] },
      { steps: Array.from({ length: c.steps + 1 }, () => good.steps[0]) },
      { steps: [], problem: { step: -1, kind: "threw", message: "m", redacted: "r" } },
      { steps: [], problem: { step: 1, kind: "escape", message: "m", redacted: "r" } },
      { steps: [], problem: { step: c.steps + 1, kind: "threw", message: "m", redacted: "r" } },
    ]) {
      expect(checkedTrace(bad, ex, c).problem?.message).to.match(unreadable);
    }
    const p = checkedTrace({ steps: [], problem: { step: 1, kind: "threw", message: "x\n".repeat(500), redacted: "r" } }, ex, c).problem!;
    expect(p.message).to.have.length(300);
    expect(p.message).to.not.include("\n");
  });

  it("a case that did not pass never has full marks (a problem at step 0 earns nothing), however the steps compare", () => {
    const ex = exerciseById("adagrad") as OptimizerExercise;
    const c = ex.visibleCases()[0];
    const steps = drive(ex.reference(c.hyper), c.data, c.init, c.steps).map((s) => ({ params: s.params, state: { v: s.state.v as number[] } }));
    expect(evaluateOptimizerCase(ex, c, { steps }, "visible", 2)).to.include({ passed: true, score: 2 });
    const late = { steps, problem: { step: 0, kind: "threw" as const, message: "left a promise", redacted: "left a promise" } };
    expect(evaluateOptimizerCase(ex, c, late, "visible", 2)).to.include({ passed: false, score: 0 });
    const sched = exerciseById("cyclic");
    const sc = sched.kind === "schedule" ? sched.visibleCases()[0] : undefined!;
    const values = sc.steps.map((s) => (sched as { reference(h: Record<string, number>): (s: number) => number }).reference(sc.hyper)(s));
    const r = evaluateCase(sched, sc, { steps: [], values, problem: { step: 0, kind: "threw", message: "m", redacted: "m" } }, "visible", 2);
    expect(r).to.include({ passed: false, score: 0 });
    // 84 of 85 steps right rounds to 1.98, still below full marks.
    const almost = evaluateCase(sched, sc, { steps: [], values: [...values.slice(0, -1), 99] }, "visible", 2);
    expect(almost.passed).to.equal(false);
    expect(almost.score).to.be.below(2);
  });
});
