/**
 * data/*.csv are the generators' output: each file equals what scripts/export-data.js would write
 * now, and parses back to the exact doubles of the generator.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { datasets } from "../src/index";

const ROOT = path.resolve(__dirname, "..", "..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { EXPORTS, csvOf } = require(path.join(ROOT, "scripts", "data-exports.js")) as {
  EXPORTS: { file: string; generator: string }[];
  csvOf(entry: unknown, lib: unknown): string;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const lib = require(path.join(ROOT, "dist", "index.js"));

describe("data/: CSV exports of the seeded data sets", () => {
  for (const entry of EXPORTS) {
    it(`data/${entry.file} equals ${entry.generator} (run \`npm run data\` after changing a generator)`, () => {
      const file = path.join(ROOT, "data", entry.file);
      expect(fs.existsSync(file), `data/${entry.file} is missing`).to.equal(true);
      expect(fs.readFileSync(file, "utf8") === csvOf(entry, lib), `data/${entry.file} differs from ${entry.generator}`).to.equal(true);
    });
  }

  it("parsing sparse.csv gives back datasets.sparse() bit for bit", () => {
    const rows = fs.readFileSync(path.join(ROOT, "data", "sparse.csv"), "utf8").trim().split("\n");
    expect(rows[0]).to.equal("x,y");
    const d = datasets.sparse();
    const parsed = rows.slice(1).map((r) => r.split(",").map(Number));
    expect(parsed.map((r) => r[0])).to.deep.equal(Array.from(d.x));
    expect(parsed.map((r) => r[1])).to.deep.equal(Array.from(d.y));
  });

  it("data/README.md documents every file", () => {
    const readme = fs.readFileSync(path.join(ROOT, "data", "README.md"), "utf8");
    for (const entry of EXPORTS) expect(readme, entry.file).to.include("`" + entry.file + "`");
  });
});
