/**
 * lessons/lpNorms: the plain line chart of named series (notebooks 06 and 07).
 */
import { expect } from "chai";
import * as lessons from "../src/lessons";

const { lineChart } = lessons.lpNorms;

describe("lessons.lpNorms", () => {
  it("lineChart: one scatter trace per series, t = 1..n, log axis on request", () => {
    const fig = lineChart({ a: [1, 2, 3], b: [3, 2, 1] }, { logY: true, title: "T", yTitle: "rate" });
    expect(fig.data).to.have.length(2);
    expect(fig.data[0].x).to.deep.equal([1, 2, 3]);
    expect(fig.data[1].y).to.deep.equal([3, 2, 1]);
    expect(fig.data[0].mode).to.equal("lines");
    expect((fig.layout.yaxis as { type: string }).type).to.equal("log");
    expect((fig.layout.title as { text: string }).text).to.equal("T");
  });

  it("rounds to 5 significant digits, leaves out non-finite values, takes x and markers", () => {
    const fig = lineChart({ rate: [1 / 3, Infinity, NaN] }, { x: [10, 20, 30], markers: true });
    expect(fig.data[0].x).to.deep.equal([10, 20, 30]);
    expect(fig.data[0].y).to.deep.equal([0.33333, null, null]);
    expect(fig.data[0].mode).to.equal("lines+markers");
    expect((fig.layout.yaxis as { type: string }).type).to.equal("linear");
  });

  it("rejects bad series and x, naming the function", () => {
    expect(() => lineChart({ a: [1, 2], b: [1] })).to.throw(/lessons.lpNorms.lineChart: series.b must be an array of 2 numbers/);
    expect(() => lineChart({})).to.throw(/lessons.lpNorms.lineChart: series must be an object/);
    expect(() => lineChart([1, 2] as never)).to.throw(/lessons.lpNorms.lineChart: series must be an object/);
    expect(() => lineChart({ a: [1] }, { x: [NaN] })).to.throw(/lessons.lpNorms.lineChart: options.x\[0\] must be a finite number/);
  });
});
