/**
 * Documentation cannot drift from the API: every `@example` of src/ and every ```ts block of the
 * README is type-checked under --strict (as a student's file importing "adaptive-lr") and run
 * against the compiled package. A one-line example ending in `// <value>` must produce that value
 * (to the digits written).
 */
import { expect } from "chai";
import * as path from "path";
import * as ts from "typescript";
import { promisedLiteral, promisedValue, readmeExamples, ROOT, sourceExamples, tolerance, type DocExample } from "./helpers/doc-examples";

const LIB_NAMES = ["datasets", "models", "optimizers", "schedules", "transforms", "train", "lineSearch", "logSearch", "logGrid", "charts", "randomSource"];

/** Stand-ins a doc example may use without defining them (used only when it does not define them). */
const FIXTURES: [string, string][] = [
  ["model", "const model = models.sigmoidNeuron;"],
  ["data", "const data = datasets.sparse();"],
  ["init", "const init = [-2, -2];"],
  ["validation", "const validation = datasets.sparse({ seed: 7 });"],
  ["run", "const run = train({ model: models.sigmoidNeuron, data: datasets.sparse(), init: [-2, -2], optimizer: optimizers.adagrad({ eta: 0.1 }), epochs: 100 });"],
];

interface Prepared {
  example: DocExample;
  file: string;
  source: string;
  /** The promised value of a one-line `expr // value` example, with its tolerance. */
  promise?: { value: number | boolean | number[]; written: string };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = (p: string): Record<string, unknown> => require(path.join(ROOT, p));

function prepare(example: DocExample, k: number): Prepared {
  const file = path.join(ROOT, ".doc-examples", `example${k}.ts`);
  let code = example.code;
  let promise: Prepared["promise"];
  const single = /^([^\n]*?)\s*\/\/\s*(.+)$/.exec(code);
  if (single && !code.includes("\n") && !/^\s*(const|let|import)\b/.test(single[1])) {
    const value = promisedValue(single[2]);
    if (value !== undefined) {
      promise = { value, written: promisedLiteral(single[2]) };
      code = `export const __value = (${single[1].replace(/;\s*$/, "")});`;
    }
  }
  if (!/\bexport\b|\bimport\b/.test(code)) code += "\nexport {};";
  const header: string[] = [];
  // An example with its own imports is a complete module, like a README block.
  if (example.module && !/^\s*import\b/m.test(code)) {
    header.push(`import { ${LIB_NAMES.join(", ")} } from "adaptive-lr";`, `import * as lessons from "adaptive-lr/lessons";`);
    const own = Object.keys(load(example.module)).filter((n) => !LIB_NAMES.includes(n) && n !== "lessons" && n !== "__esModule" && new RegExp(`\\b${n}\\b`).test(code));
    if (own.length) header.push(`import { ${own.join(", ")} } from "${path.join(ROOT, example.module).replace(/\.js$/, "")}";`);
    for (const [name, decl] of FIXTURES) {
      if (new RegExp(`\\b${name}\\b`).test(code) && !new RegExp(`\\b(const|let|var|function)\\s+${name}\\b`).test(code)) header.push(decl);
    }
    header.push("void [" + LIB_NAMES.join(", ") + ", lessons];");
  }
  return { example, file, source: header.join("\n") + "\n" + code + "\n", promise };
}

function typeErrors(items: Prepared[]): Map<string, string[]> {
  const options: ts.CompilerOptions = {
    strict: true, target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10,
    esModuleInterop: true, skipLibCheck: true, noEmit: true, lib: ["lib.es2022.d.ts", "lib.dom.d.ts"], types: ["node"],
    baseUrl: ROOT, paths: { "adaptive-lr": ["dist/index.d.ts"], "adaptive-lr/check": ["dist/check.d.ts"], "adaptive-lr/lessons": ["dist/lessons/index.d.ts"] },
  };
  const virtual = new Map(items.map((p) => [p.file, p.source]));
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, onError, create) =>
    virtual.has(name) ? ts.createSourceFile(name, virtual.get(name) as string, lang) : getSourceFile(name, lang, onError, create);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => virtual.has(name) || fileExists(name);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => virtual.get(name) ?? readFile(name);
  const program = ts.createProgram([...virtual.keys()], options, host);
  const errors = new Map<string, string[]>();
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const name = d.file?.fileName ?? "?";
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
    const list = errors.get(name) ?? [];
    list.push(`line ${line}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
    errors.set(name, list);
  }
  return errors;
}

function run(p: Prepared): unknown {
  const js = ts.transpileModule(p.source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true } }).outputText;
  const lib = { ...load("dist/index.js"), show: () => undefined };
  const requireFor = (spec: string): unknown => {
    if (spec === "adaptive-lr") return lib;
    if (spec === "adaptive-lr/lessons") return load("dist/lessons/index.js");
    if (spec === "adaptive-lr/check") return load("dist/check.js");
    if (spec === path.join(ROOT, "dist", "display")) return { ...load("dist/display.js"), show: () => undefined };
    if (spec.startsWith(ROOT)) return load(path.relative(ROOT, spec) + ".js");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(spec);
  };
  const module = { exports: {} as Record<string, unknown> };
  const quiet = console.log;
  console.log = () => undefined;
  try {
    new Function("require", "module", "exports", js)(requireFor, module, module.exports);
  } finally {
    console.log = quiet;
  }
  return module.exports.__value;
}

describe("documentation examples compile under --strict and run @slow", function () {
  this.timeout(120000);
  const items = [...sourceExamples(), ...readmeExamples()].map(prepare);
  let errors: Map<string, string[]>;
  before(() => {
    errors = typeErrors(items);
  });

  it("there are examples to check (README blocks and @example tags)", () => {
    expect(items.filter((p) => p.example.where.startsWith("README")).length).to.be.greaterThan(0);
    expect(items.filter((p) => p.example.module).length).to.be.greaterThan(40);
  });

  for (const p of items) {
    it(`${p.example.where}: ${p.example.code.split("\n")[0].slice(0, 90)}`, () => {
      const problems = errors.get(p.file);
      expect(problems, `${p.example.where} does not type-check:\n${(problems ?? []).join("\n")}\n--- as compiled:\n${p.source}`).to.equal(undefined);
      const value = run(p);
      if (!p.promise) return;
      const want = p.promise.value;
      if (typeof want === "boolean") expect(value, p.example.where).to.equal(want);
      else if (Array.isArray(want)) {
        const got = Array.from(value as ArrayLike<number>);
        expect(got.length, p.example.where).to.equal(want.length);
        const written = p.promise.written.replace(/^\[|\].*$/g, "").split(",");
        got.forEach((g, i) => expect(Math.abs(g - want[i]), `${p.example.where}[${i}]: ${g} vs ${want[i]}`).to.be.at.most(tolerance(want[i], written[i])));
      } else {
        expect(typeof value, p.example.where).to.equal("number");
        expect(Math.abs((value as number) - want), `${p.example.where}: ${value} vs ${want}`).to.be.at.most(tolerance(want, p.promise.written));
      }
    });
  }
});
