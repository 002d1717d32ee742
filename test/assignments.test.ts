/**
 * Assignments (issue 14), through the evaluation layer (no sandbox process, so this runs in
 * seconds): the catalog (every solution full marks, every stub zero with "not implemented yet",
 * every listed mistake recognised with its hint), the assignment file's validation, the points,
 * the notebooks' identity, and `check.*` drawing the grader's visible cases.
 * test/assignments-cli.test.ts builds and grades real notebooks through the command line.
 */
import { expect } from "chai";
import * as path from "path";
import { CATALOG, catalogEntry } from "../src/assignments/catalog";
import { libraryExercise } from "../src/assignments/catalog/optimizers";
import { assignmentChecks, assignmentFromPublic } from "../src/assignments/check";
import { checkAssignment } from "../src/assignments/sanity";
import { assignmentCells, buildAssignmentNotebooks } from "../src/assignments/build";
import { exercisesOf, splitPoints } from "../src/assignments/exercises";
import { loadAssignment, parseAssignment, stripComments, type Assignment } from "../src/assignments/file";
import { identityOf, publicSpec, refusal } from "../src/assignments/identity";
import { computeAnswer } from "../src/assignments/questions";
import { runCheck } from "../src/check";
import * as optimizers from "../src/optimizers";
import { compileAnswer } from "../src/grading/compile";
import { evaluateCase, referenceRun, runnable } from "../src/grading/evaluate";
import { answerTag, casePointsOf, hiddenCasesOf, maxScoreOf, type Exercise } from "../src/grading/exercises";
import { HINTS } from "../src/grading/mistakes";
import { answerSource, parseNotebook, type Notebook } from "../src/grading/notebook";
import { drive } from "../src/grading/reference";
import { loadAnswer } from "../src/grading/sandbox-child";
import { runOptimizer, runSchedule, runValue } from "../src/grading/student-run";
import type { CaseResult, OptimizerCase, ScheduleCase, StudentTrace } from "../src/grading/types";
import { ROOT } from "./submissions/helpers";

const SHIPPED = {
  exercises: path.join(ROOT, "notebooks", "exercises", "exercises.assignment.json"),
  schedules: path.join(ROOT, "notebooks", "exercises", "schedules.assignment.json"),
};

const SEED = "assignments-test";

/** The notebooks of an assignment, parsed. */
function notebooksOf(a: Assignment): { stub: Notebook; solution: Notebook } {
  const built = buildAssignmentNotebooks(a);
  return { stub: parseNotebook(built.stub, "stub"), solution: parseNotebook(built.solution, "solution") };
}

/** The answer of `ex` in `nb`, loaded as the grader's child loads it. */
function answerIn(nb: Notebook, ex: Exercise, edit: (source: string) => string = (s) => s): unknown {
  const source = answerSource(nb, ex.id);
  if (source === undefined) throw new Error(`no ${answerTag(ex.id)} cell`);
  const compiled = compileAnswer(edit(source), answerTag(ex.id));
  if (!compiled.ok) throw new Error(compiled.message);
  const loaded = loadAnswer(compiled.js, ex.answerName);
  if (loaded.error) throw new Error(loaded.error);
  return loaded.value;
}

interface Graded {
  score: number;
  maxScore: number;
  cases: CaseResult[];
}

/** Grades `answer` on every visible and hidden case of `ex`, as grade.ts does but in-process. */
function gradeInProcess(ex: Exercise, answer: unknown, seed = SEED): Graded {
  const points = casePointsOf(ex);
  let cases: CaseResult[];
  if (ex.kind === "value") {
    cases = [evaluateCase(ex, undefined, runValue(answer, ex.answerName), "visible", points.visible[0])];
  } else {
    const planned = [
      ...(ex.visibleCases() as Array<OptimizerCase | ScheduleCase>).map((c, i) => ({ c, visibility: "visible" as const, points: points.visible[i] })),
      ...hiddenCasesOf(ex, seed).map((c, i) => ({ c, visibility: "hidden" as const, points: points.hidden[i] })),
    ];
    cases = planned.map(({ c, visibility, points: p }) => {
      const trace: StudentTrace =
        ex.kind === "optimizer" ? runOptimizer(answer, ex, runnable(ex, c as OptimizerCase)) : runSchedule(answer, ex.answerName, c as ScheduleCase);
      return evaluateCase(ex, c, trace, visibility, p);
    });
  }
  return { score: Math.round(cases.reduce((s, c) => s + c.score, 0) * 100) / 100, maxScore: maxScoreOf(ex), cases };
}

/** An assignment of one catalog exercise with 3 visible cases (so one is drawn) and 3 hidden ones. */
function single(id: string): Assignment {
  const value = catalogEntry(id)!.kind === "value";
  const item = value ? `{ "exercise": "${id}" }` : `{ "exercise": "${id}", "visible": 3, "hidden": 3, "points": 9 }`;
  return parseAssignment(`{ "id": "one-${id}", "title": "${id}", "exercises": [${item}] }`, `${id}.assignment.json`);
}

/**
 * A student whose optimizer step replays the library's trajectory under `variant` on case `c`
 * (what a student who makes that mistake returns, step after step).
 */
function replayStudent(ex: Extract<Exercise, { kind: "optimizer" }>, c: OptimizerCase, variant: ReturnType<typeof ex.variants>[number]) {
  const steps = drive(variant.optimizer, c.data, c.init, c.steps, variant.drive);
  let k = 0;
  return () => {
    const s = steps[Math.min(k++, steps.length - 1)];
    const state: Record<string, unknown> = {};
    if (ex.usesT) state.t = k;
    for (const key of ex.stateKeys) state[key] = Array.from(s.state[key] as ArrayLike<number>);
    return { params: Array.from(s.params), state };
  };
}

describe("assignments: the exercise catalog", () => {
  it("has an exercise for every optimizer of the registry, graded against that optimizer", () => {
    expect(optimizers.names.length).to.equal(14);
    for (const name of optimizers.names) {
      const entry = catalogEntry(name);
      expect(entry, name).to.not.equal(undefined);
      if (entry?.kind !== "optimizer") throw new Error(`${name} is not an optimizer exercise`);
      expect(entry.reference(entry.visibleCases()[0].hyper).name).to.equal(name);
      expect(optimizers.registry[name].stateKeys, name).to.include.members([...entry.stateKeys]);
    }
  });

  it("a registry optimizer's exercise needs no more than its id: hyperparameters, ranges, state and visible cases come from the registry", () => {
    const entry = libraryExercise({ id: "adam" });
    expect(entry.hyper).to.deep.equal(["eta", "beta1", "beta2", "eps"]);
    expect(entry.stateKeys).to.deep.equal(["m", "v", "mHat", "vHat"]);
    expect(entry.visibleCases().map((c) => c.hyper)).to.deep.equal([
      { beta1: 0.9, beta2: 0.999, eps: 1e-8, eta: 0.1 },
      { eta: 0.05, beta1: 0.825, beta2: 0.9495, eps: 0.001 },
    ]);
    expect(entry.reference({ eta: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8 }).hyper).to.deep.include(optimizers.adam({ eta: 0.1 }).hyper);
    expect(entry.variants(entry.visibleCases()[0].hyper).map((v) => v.mistake)).to.deep.equal(["overwrite-gradient", "state-not-carried"]);
  });

  it("has an exercise for every step-function schedule: the epoch decays, the warm-ups, cyclic, cosine with and without restarts", () => {
    const ids = CATALOG.filter((e) => e.kind === "schedule").map((e) => e.id);
    expect(ids).to.have.members(["stepDecay", "exponentialDecay", "inverseTime", "linearWarmup", "transformerWarmup", "cyclic", "cosineAnnealing", "cosine", "reduceOnPlateau"]);
  });

  it("keeps today's ten exercises unchanged: the shipped assignment's visible cases are the built-in ones", () => {
    const a = loadAssignment(SHIPPED.exercises);
    const built = exercisesOf(a);
    expect(built.map((e) => e.id)).to.deep.equal(["adagrad", "explain", "rmsprop", "adadelta", "adam", "adamax", "nadam", "amsgrad", "cyclic", "cosine"]);
    for (const ex of built) {
      expect(maxScoreOf(ex), ex.id).to.equal(10);
      if (ex.kind !== "value") expect(casePointsOf(ex), ex.id).to.deep.equal({ visible: [2, 2], hidden: [2, 2, 2] });
    }
  });

  for (const entry of CATALOG) {
    describe(`catalog exercise ${entry.id}`, () => {
      const a = single(entry.id);
      const [ex] = exercisesOf(a);
      const nbs = notebooksOf(a);

      it("its solution scores full marks on visible (fixed and drawn) and hidden cases", () => {
        const graded = gradeInProcess(ex, answerIn(nbs.solution, ex));
        const failed = graded.cases.filter((c) => !c.passed).map((c) => `${c.label}: ${c.messages.join("; ")}`);
        expect(failed).to.deep.equal([]);
        expect(graded.score).to.equal(graded.maxScore);
        expect(graded.maxScore).to.equal(ex.kind === "value" ? 10 : 9);
      });

      it('its stub scores zero with "not implemented yet"', () => {
        const graded = gradeInProcess(ex, answerIn(nbs.stub, ex));
        expect(graded.score).to.equal(0);
        const expected = ex.kind === "value" ? /must be a finite number, got NaN/ : /not implemented yet/;
        expect(graded.cases.filter((c) => c.visibility === "visible").every((c) => c.messages.some((m) => expected.test(m)))).to.equal(true);
      });

      if (ex.kind === "optimizer") {
        const c = ex.visibleCases()[1];
        const reference = (k: OptimizerCase) => referenceRun(ex, k);
        const same = (a: ReturnType<typeof drive>, b: ReturnType<typeof drive>) =>
          a.length === b.length && a.every((s, i) => Array.from(s.params).every((p, j) => Math.abs(p - b[i].params[j]) <= 1e-9 + 1e-7 * Math.abs(p)));
        ex.variants(c.hyper).forEach((variant, index) => {
          it(`recognises the mistake "${variant.mistake}" with its hint on a visible case`, () => {
            // The first visible case on which this mistake changes the trajectory (on some, e.g. MaxProp's
            // v = max(beta v, |g|) with growing gradients, a state reset changes nothing).
            const k = ex.visibleCases().find((vc) => !same(drive(ex.variants(vc.hyper)[index].optimizer, vc.data, vc.init, vc.steps, ex.variants(vc.hyper)[index].drive), reference(vc)));
            expect(k, "a visible case that shows the mistake").to.not.equal(undefined);
            const v = ex.variants(k!.hyper)[index];
            const r = evaluateCase(ex, k!, runOptimizer(replayStudent(ex, k!, v), ex, runnable(ex, k!)), "visible", 2);
            expect(r.passed).to.equal(false);
            expect(r.mistake).to.equal(variant.mistake);
            expect(r.messages).to.include(`hint: ${HINTS[variant.mistake]}`);
          });
        });
        if (!ex.trajectory) it('recognises "overwrite-gradient" in real code: the solution with dw = ∇ instead of dw += ∇', () => {
          const wrong = answerIn(nbs.solution, ex, (s) => {
            expect(s).to.include("(grad[j] += g)");
            return s.replace("(grad[j] += g)", "(grad[j] = g)");
          });
          const r = evaluateCase(ex, c, runOptimizer(wrong, ex, runnable(ex, c)), "visible", 2);
          expect(r.mistake).to.equal("overwrite-gradient");
        });
      }

      if (ex.kind === "value") {
        for (const variant of ex.variants()) {
          it(`recognises the mistake "${variant.mistake}" with its hint`, () => {
            const r = evaluateCase(ex, undefined, runValue(variant.value, ex.answerName), "visible", 10);
            expect([r.passed, r.mistake]).to.deep.equal([false, variant.mistake]);
            expect(r.messages).to.include(`hint: ${HINTS[variant.mistake]}`);
          });
        }
      }

      if (ex.kind === "schedule") {
        const c = ex.visibleCases()[0];
        for (const variant of ex.variants(c.hyper, c.losses)) {
          it(`recognises the mistake "${variant.mistake}" (shift ${variant.shift}) with its hint`, () => {
            // one step early, a student's formula at step -1 gives some number; the library refuses step -1
            // (a rate driven by the loss gets the history so far: its step is the history's length)
            const student = (arg: number | number[]) => {
              const step = Array.isArray(arg) ? arg.length : arg;
              return step + variant.shift < 0 ? 12345 : variant.schedule(step + variant.shift);
            };
            const r = evaluateCase(ex, c, runSchedule(student, ex.answerName, c), "visible", 2);
            expect(r.passed).to.equal(false);
            expect(r.mistake).to.equal(variant.mistake);
            expect(r.messages).to.include(`hint: ${HINTS[variant.mistake]}`);
          });
        }
        if (!c.losses) it('recognises "schedule-off-by-one" in real code: the solution evaluated at step + 1', () => {
          const wrong = answerIn(nbs.solution, ex, (s) => s.replace(/\{\n/, "{\n  step = step + 1;\n"));
          const r = evaluateCase(ex, c, runSchedule(wrong, ex.answerName, c), "visible", 2);
          expect(r.mistake).to.equal("schedule-off-by-one");
        });
      }
    });
  }
});

describe("assignments: the line-search exercise", () => {
  const a = single("lineSearch");
  const [ex] = exercisesOf(a);
  const nbs = notebooksOf(a);
  if (ex.kind !== "optimizer") throw new Error("lineSearch is an optimizer-shaped exercise");
  const solution = answerIn(nbs.solution, ex);

  it("keeps the candidate with the lowest loss (hand-derived first step)", () => {
    // One point x = 0, y = 0.75, from (0, 0): f = sigmoid(0) = 0.5, grad = [(f - y) f (1 - f) x, (f - y) f (1 - f)]
    // = [0, -0.25 * 0.25] = [0, -0.0625]; a candidate is b = 0.0625 eta. Candidates 1, 5, 10, 20, 40 give
    // b = 0.0625, 0.3125, 0.625, 1.25, 2.5; the loss 1/2 (sigmoid(b) - 0.75)^2 is lowest nearest b = ln 3 = 1.0986:
    // sigmoid(1.25) = 0.7773 (error 0.0273) beats sigmoid(0.625) = 0.6514 (0.0986) and sigmoid(2.5) = 0.9241 (0.1741).
    const c: OptimizerCase = { kind: "optimizer", label: "one point", data: { x: [0], y: [0.75] }, init: [0, 0], hyper: { eta1: 1, eta2: 5, eta3: 10, eta4: 20, eta5: 40 }, steps: 1 };
    const trace = runOptimizer(solution, ex, runnable(ex, c));
    expect(trace.problem).to.equal(undefined);
    expect(trace.steps[0].params[0]).to.equal(0);
    expect(trace.steps[0].params[1]).to.be.closeTo(1.25, 1e-15);
    expect(referenceRun(ex, c)[0].params).to.deep.equal([0, 1.25]);
    expect(evaluateCase(ex, c, trace, "visible", 2).passed).to.equal(true);
  });

  it("gives the step the batch's summed loss: batch.loss(p) = sum 1/2 (f(x_i) - y_i)^2, and a clear error for a bad p", () => {
    const seen: unknown[] = [];
    const probe = (params: number[], batch: { loss(p: unknown): number }) => {
      seen.push(batch.loss([0, 0]));
      try {
        batch.loss([0]);
      } catch (e) {
        seen.push((e as Error).message);
      }
      return { params, state: {} };
    };
    // points (0, 0.75) and (0, 1) at (0, 0): 1/2 (0.5 - 0.75)^2 + 1/2 (0.5 - 1)^2 = 0.03125 + 0.125 = 0.15625
    const c: OptimizerCase = { kind: "optimizer", label: "two points", data: { x: [0, 0], y: [0.75, 1] }, init: [0, 0], hyper: { eta1: 1, eta2: 2, eta3: 3, eta4: 4, eta5: 5 }, steps: 1 };
    runOptimizer(probe, ex, runnable(ex, c));
    expect(seen).to.deep.equal([0.15625, "batch.loss: params must have 2 entries (one per parameter w, b), got 1"]);
  });

  const c = ex.visibleCases()[0];
  for (const [mistake, edit] of [
    // the lecture's slip: best error never updated, so every candidate beats it and the last one stays
    ["line-search-last-candidate", (src: string) => src.replace("if (loss < bestLoss)", "if (loss < Infinity)")],
    ["line-search-first-candidate", (src: string) => src.replace("if (loss < bestLoss)", "if (bestLoss === Infinity)")],
  ] as const) {
    it(`recognises "${mistake}" in real code, with its hint`, () => {
      const wrong = answerIn(nbs.solution, ex, (src) => {
        expect(src).to.include("if (loss < bestLoss)");
        return edit(src);
      });
      const r = evaluateCase(ex, c, runOptimizer(wrong, ex, runnable(ex, c)), "visible", 2);
      expect([r.passed, r.mistake]).to.deep.equal([false, mistake]);
      expect(r.messages).to.include(`hint: ${HINTS[mistake]}`);
    });
  }

  it("is not an optimizer to compute a question's answer with", () => {
    expect(() => computeAnswer({ optimizer: "lineSearch", hyper: { eta1: 1, eta2: 2, eta3: 3, eta4: 4, eta5: 5 }, data: "toy2", init: [0, 0], steps: 1, quantity: "param", param: "w" } as never)).to.throw(
      /computeAnswer: "lineSearch" is not an optimizer \(its step needs the data\)/,
    );
  });
});

describe("assignments: the reduce-on-plateau exercise", () => {
  const a = single("reduceOnPlateau");
  const [ex] = exercisesOf(a);
  const nbs = notebooksOf(a);
  if (ex.kind !== "schedule") throw new Error("reduceOnPlateau is a schedule-shaped exercise");
  const solution = answerIn(nbs.solution, ex);
  const c = ex.visibleCases()[0];

  it("its visible case 1 follows torch's rule (hand-derived rates, see the catalog's comment)", () => {
    // eta 0.1, factor 0.5, patience 2, threshold 1%, minLr 0.01, cooldown 1: reductions after 6, 11, 16, 20 losses
    const want = c.steps.map((k) => (k < 6 ? 0.1 : k < 11 ? 0.05 : k < 16 ? 0.025 : k < 20 ? 0.0125 : 0.01));
    const ref = ex.reference(c.hyper, c.losses);
    c.steps.forEach((k) => expect(ref(k), `after ${k} losses`).to.be.closeTo(want[k], 1e-15));
    const trace = runSchedule(solution, ex.answerName, c);
    expect(trace.problem).to.equal(undefined);
    expect(trace.values).to.deep.equal(want.map((w, k) => ref(k)));
  });

  it("the student's function gets a fresh copy of the history so far: 0, 1, ..., n losses", () => {
    const seen: number[][] = [];
    const probe = (losses: number[]) => {
      seen.push(losses.slice());
      losses.push(99); // changing it changes nothing for the next call
      return 0.1;
    };
    runSchedule(probe, ex.answerName, c);
    expect(seen.map((s) => s.length)).to.deep.equal(c.steps);
    expect(seen[seen.length - 1]).to.deep.equal(c.losses);
  });

  for (const [mistake, from, to] of [
    ["plateau-patience-off-by-one", "bad > hp.patience", "bad >= hp.patience"],
    ["plateau-no-threshold", "loss < best * (1 - hp.threshold)", "loss < best"],
    ["plateau-no-cooldown", "cooling = hp.cooldown;", "cooling = 0;"],
  ] as const) {
    it(`recognises "${mistake}" in real code, with its hint`, () => {
      const wrong = answerIn(nbs.solution, ex, (src) => {
        expect(src).to.include(from);
        return src.replace(from, to);
      });
      const r = evaluateCase(ex, c, runSchedule(wrong, ex.answerName, c), "visible", 2);
      expect([r.passed, r.mistake]).to.deep.equal([false, mistake]);
      expect(r.messages).to.include(`hint: ${HINTS[mistake]}`);
    });
  }

  it("drawn cases carry a 40-loss history; a question cannot ask about it", () => {
    const [hidden] = hiddenCasesOf(ex, SEED);
    expect(hidden.kind === "schedule" && hidden.losses?.length).to.equal(40);
    expect(() => computeAnswer({ schedule: "reduceOnPlateau", hyper: c.hyper, step: 3 } as never)).to.throw(/computeAnswer: "reduceOnPlateau" depends on the losses/);
  });
});

describe("assignments: the assignment file", () => {
  const parse = (json: string) => () => parseAssignment(json, "bad.assignment.json");
  const load = (json: string) => () => checkAssignment(parseAssignment(json, "bad.assignment.json"));
  const file = (items: string) => `{ "id": "bad", "title": "Bad", "exercises": [${items}] }`;

  it("allows // and /* */ comments, but not inside strings", () => {
    expect(JSON.parse(stripComments('{ "a": "x // y", /* c */ "b": 1 // d\n}'))).to.deep.equal({ a: "x // y", b: 1 });
  });

  it("an unknown exercise fails naming the field and listing the catalog", () => {
    expect(parse(file(`{ "exercise": "adamm" }`))).to.throw(/^bad\.assignment\.json: exercises\[0\]\.exercise "adamm" is not in the exercise catalog \(known: gd, momentum, nag, adagrad/);
  });

  it("negative points fail naming the field", () => {
    expect(parse(file(`{ "exercise": "adam" }, { "exercise": "gd", "points": -5 }`))).to.throw("bad.assignment.json: exercises[1].points must be a number >= 0, got -5");
  });

  it("a hidden-case range that makes the reference diverge fails naming the field and the corner", () => {
    expect(load(file(`{ "exercise": "gd", "ranges": { "eta": [1, 1000, "log"] } }`))).to.throw(
      /^bad\.assignment\.json: exercises\[0\]\.ranges\.eta: the reference diverges at the corner eta = 1000 of the hidden-case ranges .*gd on .* reaches \(w, b\) = .* at step \d+; narrow the range$/,
    );
  });

  it("a range the library refuses fails naming the field", () => {
    expect(load(file(`{ "exercise": "momentum", "ranges": { "beta": [0.5, 1.5] } }`))).to.throw(/exercises\[0\]\.ranges\.beta: the library refuses the corner eta = 0\.02, beta = 1\.5 .*momentum: beta/);
    expect(load(file(`{ "exercise": "exponentialDecay", "ranges": { "gamma": [0.5, 2] } }`))).to.throw(/exercises\[0\]\.ranges\.gamma: the library refuses .*schedules\.exponentialDecay: gamma/);
  });

  it("checks every other field: names, counts, ranges, hyperparameters, questions, typos", () => {
    const cases: Array<[string, string]> = [
      [`{ "title": "T", "exercises": [{ "exercise": "gd" }] }`, "bad.assignment.json: id must be a non-empty string, got nothing"],
      [`{ "id": "a b", "title": "T", "exercises": [{ "exercise": "gd" }] }`, "id must start with a letter and hold only letters, digits, - and _"],
      [`{ "id": "a", "title": "T", "exercises": [] }`, "exercises must be a non-empty list of exercises, got []"],
      [`{ "id": "a", "title": "T", "exercise": [] }`, "bad.assignment.json: exercise is not a field here (expected one of id, title, intro, defaults, exercises)"],
      [file(`{ "exercise": "gd", "visible": 0 }`), "exercises[0].visible must be an integer in 1..20, got 0"],
      [file(`{ "exercise": "gd", "hidden": 2.5 }`), "exercises[0].hidden must be an integer in 0..20, got 2.5"],
      [file(`{ "exercise": "gd", "points": "10" }`), 'exercises[0].points must be a number >= 0, got "10"'],
      [file(`{ "exercise": "gd", "ranges": { "beta": [0.1, 0.2] } }`), "exercises[0].ranges.beta is not a hyperparameter of gd (it has eta)"],
      [file(`{ "exercise": "gd", "ranges": { "eta": [0.5, 0.1] } }`), "exercises[0].ranges.eta[1] must be a number >= the low end 0.5, got 0.1"],
      [file(`{ "exercise": "gd", "ranges": { "eta": [0, 0.1, "log"] } }`), "exercises[0].ranges.eta is log-uniform: its low end must be > 0, got 0"],
      [file(`{ "exercise": "gd", "ranges": { "eta": [0.1, 0.2, "normal"] } }`), 'the third entry must be "uniform", "log" or "int", got "normal"'],
      [file(`{ "exercise": "cyclic", "ranges": { "stepSize": [2.5, 6, "int"] } }`), "exercises[0].ranges.stepSize draws integers: its ends must be integers"],
      [file(`{ "exercise": "gd", "point": 3 }`), "exercises[0].point is not a field here"],
      [file(`{ "exercise": "gd" }, { "exercise": "gd" }`), 'exercises[1] repeats "gd" (already exercises[0])'],
      [file(`{ "points": 3 }`), 'exercises[0] must name an "exercise"'],
      [file(`{ "exercise": "explain", "hidden": 3 }`), "exercises[0].hidden is not a field here (expected one of exercise, points, before)"],
      [file(`{ "exercise": "gd", "before": 3 }`), "exercises[0].before must be markdown: a string or a list of strings, got 3"],
      [file(`{ "question": "my answer", "title": "Q", "text": "?", "compute": {} }`), "exercises[0].question must be a TypeScript identifier"],
      [file(`{ "question": "adam", "title": "Q", "text": "?", "compute": {} }`), 'exercises[0].question "adam" is the id of a catalog exercise'],
      [file(`{ "question": "q", "title": "Q", "text": "?", "compute": { "optimizer": "sgd" } }`), 'exercises[0].compute.optimizer "sgd" is not an optimizer of the catalog'],
      [file(`{ "question": "q", "title": "Q", "text": "?", "compute": { "optimizer": "lineSearch" } }`), 'exercises[0].compute.optimizer "lineSearch" is not an optimizer (a line search step needs the data)'],
      [file(`{ "question": "q", "title": "Q", "text": "?", "compute": { "schedule": "reduceOnPlateau" } }`), 'exercises[0].compute.schedule "reduceOnPlateau" depends on the losses, not only on the step'],
      [file(`{ "question": "q", "title": "Q", "text": "?", "compute": { "optimizer": "adam", "quantity": "rate" } }`), 'exercises[0].compute.quantity must be "effectiveRate", "param" or "loss", got "rate"'],
      [file(`{ "question": "q", "title": "Q", "text": "?", "compute": { "optimizer": "adam", "quantity": "param" } }`), 'exercises[0].compute.param must be "w" or "b" for param, got nothing'],
      [file(`{ "question": "q", "title": "Q", "text": "?", "compute": { "schedule": "cyclic", "hyper": { "eta": 1 }, "step": 3 } }`), "exercises[0].compute.hyper.eta is not a hyperparameter of cyclic (it has stepSize, etaMin, etaMax)"],
      [file(`{ "question": "q", "title": "Q", "text": "?", "tolerance": 2, "compute": { "schedule": "cyclic", "step": 3 } }`), "exercises[0].tolerance must be a relative tolerance in (0, 1), got 2"],
      [`{ "id": "a", "title": "T", "exercises": [{ "exercise": "gd" },] }`, "bad.assignment.json: not valid JSON (comments are allowed, trailing commas are not)"],
    ];
    for (const [json, message] of cases) expect(parse(json), message).to.throw(message);
  });

  it("a question the library cannot answer fails naming its compute field", () => {
    expect(load(file(`{ "question": "q", "title": "Q", "text": "?", "compute": { "optimizer": "adagrad", "quantity": "loss" } }`))).to.throw(
      /exercises\[0\]\.compute: the library cannot compute the answer: adagrad: eta/,
    );
  });

  it("the shipped assignments pass every check; their totals are 100 and 80 points", () => {
    expect(exercisesOf(loadAssignment(SHIPPED.exercises)).reduce((s, ex) => s + maxScoreOf(ex), 0)).to.equal(100);
    expect(exercisesOf(loadAssignment(SHIPPED.schedules)).reduce((s, ex) => s + maxScoreOf(ex), 0)).to.equal(80);
  });
});

describe("assignments: points, questions, identity and checks", () => {
  const THIRD = parseAssignment(
    `// written in the test: two optimizers, a schedule and two questions
    { "id": "week-3", "title": "Week 3", "intro": ["Read notebook 05 first."],
      "defaults": { "points": 10, "visible": 2, "hidden": 2 },
      "exercises": [
        { "exercise": "momentum", "points": 10, "visible": 3, "hidden": 3, "ranges": { "eta": [0.05, 0.2, "log"], "beta": 0.8 } },
        { "question": "rateOfB", "title": "AdaGrad's rate of b", "points": 5, "text": "The effective rate of b after one step?",
          "compute": { "optimizer": "adagrad", "hyper": { "eta": 0.1, "eps": 1e-8 }, "data": "sparse", "init": [-2, -2], "steps": 1, "quantity": "effectiveRate", "param": "b" } },
        { "exercise": "radam", "before": "### Rectified Adam" },
        { "exercise": "stepDecay", "points": 7 },
        { "question": "decayed", "title": "A decayed rate", "points": 3, "text": "stepDecay(eta 0.1, stepSize 10, gamma 0.5) at step 25?",
          "compute": { "schedule": "stepDecay", "hyper": { "eta": 0.1, "stepSize": 10, "gamma": 0.5 }, "step": 25 } }
      ] }`,
    "week-3.assignment.json",
  );

  it("splits an exercise's points over its cases in cents that add up exactly", () => {
    expect(splitPoints(10, 5)).to.deep.equal([2, 2, 2, 2, 2]);
    expect(splitPoints(10, 3)).to.deep.equal([3.33, 3.33, 3.34]);
    expect(splitPoints(7, 4)).to.deep.equal([1.75, 1.75, 1.75, 1.75]);
    expect(splitPoints(1, 6)).to.deep.equal([0.16, 0.16, 0.17, 0.17, 0.17, 0.17]);
    const exercises = exercisesOf(THIRD);
    expect(exercises.map(maxScoreOf)).to.deep.equal([10, 5, 10, 7, 3]);
    expect(casePointsOf(exercises[0])).to.deep.equal({ visible: [1.66, 1.66, 1.67], hidden: [1.67, 1.67, 1.67] });
  });

  it("a question's number is the library's: hand-derived values", () => {
    // AdaGrad, one batch step from (-2, -2) on datasets.sparse(): v_b = db^2 with db = 9.1846 (notebook 02),
    // so the rate of b is 0.1 / (9.1846 + 1e-8) = 0.010888.
    expect(computeAnswer((THIRD.items[1] as Extract<Assignment["items"][number], { kind: "question" }>).compute)).to.be.closeTo(0.1 / 9.1846, 1e-6);
    // step decay: 0.1 * 0.5^floor(25 / 10) = 0.1 * 0.25 = 0.025
    expect(computeAnswer({ schedule: "stepDecay", hyper: { eta: 0.1, stepSize: 10, gamma: 0.5 }, step: 25 })).to.be.closeTo(0.025, 1e-15);
    // the transformer's peak (schedules.assignment.json): 512^-0.5 * 4000^-0.5 = 1 / sqrt(2 048 000) = 6.98771e-4
    expect(computeAnswer({ schedule: "transformerWarmup", hyper: { dModel: 512, warmupSteps: 4000, scale: 1 }, step: 4000 })).to.be.closeTo(6.98771e-4, 1e-9);
    // GD's effective rate is eta; its w after one step on toy2 from (0, 0) with eta 1:
    // f = 0.5 at both points, dw = (0.5-0.2)*0.25*0.5 + (0.5-0.9)*0.25*2.5 = 0.0375 - 0.25 = -0.2125, so w = 0.2125
    expect(computeAnswer({ optimizer: "gd", hyper: { eta: 1 }, data: "toy2", init: [0, 0], steps: 1, quantity: "param", param: "w" })).to.be.closeTo(0.2125, 1e-12);
    expect(computeAnswer({ optimizer: "gd", hyper: { eta: 0.3 }, data: "toy2", init: [0, 0], steps: 4, quantity: "effectiveRate", param: "b" })).to.equal(0.3);
  });

  it("the notebook: title, intro, before-markdown, numbered exercises, questions with the library's answer in the solutions only", () => {
    const { stub, solution } = notebooksOf(THIRD);
    const text = (nb: Notebook) => nb.cells.map((c) => (Array.isArray(c.source) ? c.source.join("") : c.source));
    const s = text(stub);
    expect(s[0]).to.match(/^# Week 3\n/).and.to.include("Read notebook 05 first.").and.to.include("Every schedule exercise");
    expect(s.filter((c) => /^## Exercise \d/.test(c)).map((c) => c.split("\n")[0])).to.deep.equal([
      "## Exercise 1: momentum",
      "## Exercise 2 (explain): AdaGrad's rate of b",
      "## Exercise 3: RAdam (rectified Adam)",
      "## Exercise 4: step decay",
      "## Exercise 5 (explain): A decayed rate",
    ]);
    expect(s).to.include("### Rectified Adam");
    const answer = (nb: Notebook, id: string) => answerSource(nb, id)!;
    expect(answer(stub, "decayed")).to.equal("const decayed: number = NaN; // replace NaN by your answer");
    expect(answer(solution, "decayed")).to.equal("const decayed: number = 0.025; // computed by the library");
    expect(s.join("\n")).to.not.match(/BEGIN SOLUTION|0\.025;/);
  });

  it("check.* in the notebook runs the grader's visible cases, drawn ones included, without the seed", () => {
    const graderSide = exercisesOf(THIRD);
    const spec = JSON.parse(JSON.stringify(publicSpec(THIRD)));
    expect(JSON.stringify(spec)).to.not.include("hidden");
    const notebookSide = exercisesOf(assignmentFromPublic(spec));
    graderSide.forEach((ex, i) => {
      const other = notebookSide[i];
      expect(other.id).to.equal(ex.id);
      if (ex.kind !== "value" && other.kind !== "value") expect(other.visibleCases()).to.deep.equal(ex.visibleCases());
      else if (ex.kind === "value" && other.kind === "value") expect(other.expected()).to.equal(ex.expected());
    });
    const momentum = graderSide[0];
    if (momentum.kind !== "optimizer") throw new Error("momentum");
    const drawn = momentum.visibleCases()[2];
    expect(drawn.label).to.match(/^\d+ random points, start \(.*\), eta .*, beta 0\.8, \d+ steps$/);
    expect(drawn.hyper.eta).to.be.within(0.05, 0.2);
    // the cell the builder writes makes the same checks: the solution passes all three
    const cell = buildAssignmentNotebooks(THIRD).solution;
    expect(cell).to.include(`assignmentChecks(${JSON.stringify(JSON.stringify(publicSpec(THIRD))).slice(1, -1)})`);
    const check = assignmentChecks(publicSpec(THIRD));
    const lines: string[] = [];
    const sol = answerIn(notebooksOf(THIRD).solution, momentum);
    expect(runCheck(exercisesOf(THIRD)[0], sol, (l) => lines.push(l))).to.equal(true);
    expect(lines).to.include("momentum: 3 of 3 visible cases passed; the grader also runs hidden cases.");
    expect(Object.keys(check)).to.deep.equal(["momentum", "rateOfB", "radam", "stepDecay", "decayed"]);
  });

  it("hidden cases follow the file's ranges and the grader's seed", () => {
    const [momentum] = exercisesOf(THIRD);
    const a = hiddenCasesOf(momentum, "s1") as OptimizerCase[];
    expect(a).to.have.length(3);
    for (const c of a) {
      expect(c.hyper.beta).to.equal(0.8);
      expect(c.hyper.eta).to.be.within(0.05, 0.2);
      expect(c.label).to.match(/^hidden case \d$/);
    }
    expect(hiddenCasesOf(momentum, "s1")).to.deep.equal(a);
    expect(hiddenCasesOf(momentum, "s2")).to.not.deep.equal(a);
  });

  it("a notebook carries its assignment's identity; another assignment's, another version's or none is refused with a message", () => {
    const schedules = loadAssignment(SHIPPED.schedules);
    const nb = notebooksOf(THIRD).stub;
    expect(nb.metadata?.adaptive_lr).to.deep.equal(identityOf(THIRD));
    expect(refusal(THIRD, nb)).to.equal(undefined);
    expect(refusal(schedules, nb)).to.equal(
      'this notebook was built for the assignment "week-3", not for "schedules" (schedules.assignment.json): grade it with --assignment <the file of "week-3">',
    );
    const changed = parseAssignment(JSON.stringify({ id: "week-3", title: "W", exercises: [{ exercise: "momentum", visible: 2 }] }), "week-3.assignment.json");
    expect(refusal(changed, nb)).to.match(/^this notebook was built from another version of the assignment "week-3": its exercises or visible cases differ/);
    // points, hidden cases and titles may change after the notebooks are out
    const regraded = parseAssignment(
      JSON.stringify({ id: "week-3", title: "Renamed", exercises: THIRD.items.map((i) => (i.kind === "question" ? { question: i.id, title: i.title, text: "x", points: 1, tolerance: i.tolerance, compute: i.compute } : { exercise: i.exercise, visible: i.visible, hidden: 7, points: 1, ranges: Object.fromEntries(Object.entries(i.ranges).map(([k, r]) => [k, r.kind === "fixed" ? r.value : [r.lo, r.hi, r.kind]])) })) }),
      "week-3.assignment.json",
    );
    expect(refusal(regraded, nb)).to.equal(undefined);
    expect(refusal(THIRD, { cells: [] })).to.match(/^this notebook has no assignment identity \(notebook metadata "adaptive_lr"\)/);
  });

  it("every cell of the built notebook comes from the catalog text or the builder (one answer cell per exercise)", () => {
    const cells = assignmentCells(THIRD);
    for (const ex of exercisesOf(THIRD)) expect(cells.filter((c) => c.tags.includes(answerTag(ex.id))), ex.id).to.have.length(1);
  });
});
