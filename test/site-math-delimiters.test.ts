import { expect } from "chai";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { useKatex, katexHead } = require(path.join(__dirname, "..", "..", "scripts", "site-math.js")) as { useKatex: (html: string, prefix?: string) => string; katexHead: (prefix?: string) => string };

describe("site-math: the KaTeX delimiters reach the page intact", () => {
  it("keeps $$ ... $$ as display math and $ ... $ as inline math (no '$$' collapsed by String.replace)", () => {
    const page = useKatex("<html><head></head><body></body></html>");
    expect(page).to.include('{ left: "$$", right: "$$", display: true }');
    expect(page).to.include('{ left: "$", right: "$", display: false }');
    expect(page).to.include(katexHead());
  });
});
