/**
 * The browser kernel's cell logic (lite/src/worker), run in a Node vm context with the same
 * TypeScript and the real library: what the JupyterLite site's worker does, minus the worker.
 * The whole site in Chromium is tested in lite-site.test.ts (@slow).
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { format } from "util";
import * as vm from "vm";
import { compileCell, CellSyntaxError } from "../lite/src/worker/compile-cell";
import { moduleTable } from "../lite/src/worker/modules";
import { CellSession, displayBundle } from "../lite/src/worker/session";
import { decodeVlq } from "../lite/src/worker/source-map";
import * as library from "../src/index";
import * as lessons from "../src/lessons";
import { listNotebooks, repoRoot } from "./helpers/notebooks";

interface Captured { stdout: string; stderr: string; displays: Array<Record<string, unknown>> }

function newSession(modules: Record<string, unknown> = moduleTable({ ...library, lessons, check: { check: "check-module" } })) {
  const context = vm.createContext({});
  const out: Captured = { stdout: "", stderr: "", displays: [] };
  const session = new CellSession({
    ts,
    globals: context as Record<string, unknown>,
    evaluate: (js) => vm.runInContext(js, context),
    format,
    modules,
    stream: (name, text) => { out[name] += text; },
    display: (data) => out.displays.push(data),
  });
  return { session, out, context: context as Record<string, unknown> };
}

describe("lite kernel: cells compile and run like tslab cells", function () {
  it("keeps let/const/class/function names across cells and lets a cell run again", function () {
    const { session, out } = newSession();
    expect(session.run("const a: number = 2;\nlet b = a * 3;\nclass Box { constructor(public v: number) {} }\nfunction twice(x: number) { return 2 * x; }")).to.deep.equal({ status: "ok" });
    expect(session.run("console.log(a, b, new Box(twice(b)).v);")).to.deep.equal({ status: "ok" });
    // rerunning the declaring cell must not fail with "already declared"
    expect(session.run("const a: number = 2;\nlet b = a * 3;\nclass Box { constructor(public v: number) {} }")).to.deep.equal({ status: "ok" });
    expect(out.stdout).to.equal("2 6 12\n");
    expect(out.stderr).to.equal("");
  });

  it("prints the last expression's value with util.format, as tslab's console.log(value) does; null/undefined print nothing", function () {
    const { session, out } = newSession();
    session.run("const xs = [1, 2.5, 'a'];\nxs");
    session.run("({ w: 0.5, nested: { deep: [1, 2] } })");
    session.run("undefined");
    session.run("null");
    session.run("1 + 1; // trailing comment");
    expect(out.stdout).to.equal(`${format([1, 2.5, "a"])}\n${format({ w: 0.5, nested: { deep: [1, 2] } })}\n2\n`);
  });

  it("resolves adaptive-lr imports through the module table, drops type-only imports, and names unknown modules", function () {
    const { session, out } = newSession();
    const r = session.run('import { datasets, train as fit } from "adaptive-lr";\nimport type { Optimizer } from "adaptive-lr";\nimport * as L from "adaptive-lr";\nimport * as lessons from "adaptive-lr/lessons";');
    expect(r).to.deep.equal({ status: "ok" });
    session.run("console.log(datasets.sparse().x.length, typeof fit, L.train === fit, typeof lessons)");
    expect(out.stdout).to.equal(`${library.datasets.sparse().x.length} function true object\n`);
    const bad = session.run('import { x } from "left-pad";');
    expect(bad.status).to.equal("error");
    expect(bad.status === "error" && bad.evalue).to.contain("Cannot find module 'left-pad'").and.contain("adaptive-lr/check");
  });

  it("maps every import specifier the notebooks use", function () {
    const table = moduleTable({ lessons: {}, check: {} });
    const specifiers = new Set<string>();
    for (const file of listNotebooks()) {
      const nb = JSON.parse(fs.readFileSync(file, "utf8")) as { cells: Array<{ cell_type: string; source: string | string[] }> };
      for (const cell of nb.cells.filter((c) => c.cell_type === "code")) {
        const source = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
        for (const m of source.matchAll(/\bfrom\s+"([^"]+)"/g)) specifiers.add(m[1]);
      }
    }
    expect(specifiers.size).to.be.greaterThan(0);
    for (const s of specifiers) expect(Object.keys(table), `import "${s}"`).to.include(s);
  });

  it("reports a syntax error with the cell's line and column", function () {
    expect(() => compileCell(ts, "const ok = 1;\nconst = 2;")).to.throw(CellSyntaxError, /cell\.ts\(2,7\)/);
    const { session } = newSession();
    const r = session.run("let a = 1;\nlet b = (a +;\n");
    expect(r.status).to.equal("error");
    expect(r.status === "error" && r.traceback[0]).to.match(/^SyntaxError: cell\.ts\(2,\d+\): Expression expected/);
  });

  it("reports a runtime error with the cell's own line and column (through the source map)", function () {
    const { session } = newSession();
    const r = session.run("type T = { n: number };\nconst t: T = { n: 3 };\n\nfunction fail(x: T): never {\n  throw new Error(`bad ${x.n}`);\n}\nfail(t);");
    expect(r.status).to.equal("error");
    if (r.status !== "error") return;
    expect(r.ename).to.equal("Error");
    expect(r.evalue).to.equal("bad 3");
    expect(r.traceback[1]).to.equal("    at cell.ts(5,9)");
    expect(r.traceback[2]).to.equal("    at cell.ts(7,1)");
  });

  it("decodes source-map VLQs (hand-checked: A=0, C=1, D=-1, gB=16)", function () {
    expect(decodeVlq("AACA")).to.deep.equal([0, 0, 1, 0]);
    expect(decodeVlq("D")).to.deep.equal([-1]);
    expect(decodeVlq("gB")).to.deep.equal([16]);
  });

  it("show() sends a Plotly figure as plotly JSON + html, an explorable as the library's widget HTML, a ready { html } as text/html", function () {
    const { session, out } = newSession();
    session.run('import { charts, show } from "adaptive-lr";');
    const fig = library.charts.lpBalls([1, 2]);
    const bundle = displayBundle(fig);
    expect(bundle["application/vnd.plotly.v1+json"]).to.deep.equal(JSON.parse(JSON.stringify(fig)));
    expect(String(bundle["text/html"])).to.contain("Plotly chart");
    expect(displayBundle({ html: "<b>w</b>" })).to.deep.equal({ "text/html": "<b>w</b>", "text/plain": "interactive widget (HTML)" });
    expect(() => displayBundle(42)).to.throw(/show: expected a Plotly figure/);
    const widget = library.explore.lpBall();
    const html = String(displayBundle(widget, (w) => library.explore.widgetHtml(w as typeof widget))["text/html"]);
    expect(html).to.contain('class="adaptive-lr-explore"').and.contain("lib.explore.mount");
    // the library's Node show() needs tslab; in the kernel the hook receives figures
    const hook = (newSession().context.__adaptiveLrShow as (x: unknown) => void);
    expect(typeof hook).to.equal("function");
    void out;
  });

  it("executed notebooks enter the site without tslab's plotly.js loader and HTML chart copies; text and Plotly JSON kept", function () {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { slimExecutedNotebook } = require(path.join(repoRoot(), "lite", "scripts", "site.js")) as { slimExecutedNotebook(text: string): string };
    const figure = { data: [{ x: [1], y: [2] }], layout: {} };
    const nb = { cells: [
      { cell_type: "code", source: "show(f)", outputs: [
        { output_type: "display_data", data: { "text/html": ["<!-- adaptive-lr: plotly.js 4.1.2 inlined -->", "<script>...</script>"], "text/plain": "loader" }, metadata: {} },
        { output_type: "display_data", data: { "application/vnd.plotly.v1+json": figure, "text/html": "<div>chart</div>", "text/plain": "fig" }, metadata: {} },
        { output_type: "stream", name: "stdout", text: ["a\n"] },
        { output_type: "display_data", data: { "text/html": "<b>a widget</b>" }, metadata: {} },
      ] },
      { cell_type: "markdown", source: "# t" },
    ] };
    const slim = JSON.parse(slimExecutedNotebook(JSON.stringify(nb)));
    expect(slim.cells[0].outputs).to.deep.equal([
      { output_type: "display_data", data: { "application/vnd.plotly.v1+json": figure, "text/plain": "fig" }, metadata: {} },
      { output_type: "stream", name: "stdout", text: ["a\n"] },
      { output_type: "display_data", data: { "text/html": "<b>a widget</b>" }, metadata: {} },
    ]);
    expect(slim.cells[1]).to.deep.equal(nb.cells[1]);
  });

  it("site build pins: lite/ uses the kit's TypeScript version and an exact lockfile", function () {
    const root = repoRoot();
    const kit = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
    const lite = JSON.parse(fs.readFileSync(path.join(root, "lite", "package.json"), "utf8"));
    expect(lite.devDependencies.typescript).to.equal(kit.devDependencies.typescript);
    const all = { ...lite.dependencies, ...lite.devDependencies, ...lite.overrides } as Record<string, string>;
    for (const [name, version] of Object.entries(all)) expect(version, name).to.match(/^\d+\.\d+\.\d+$/);
    expect(lite.overrides.yjs).to.equal("13.6.7");
    expect(fs.existsSync(path.join(root, "lite", "package-lock.json"))).to.equal(true);
  });
});
