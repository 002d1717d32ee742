import { expect } from "chai";
import { datasets, models } from "../src/index";

describe("datasets.sparseLogisticSplit", () => {
  const small = { features: 20, density: 0.05, seed: 3 };
  const { train, validation } = datasets.sparseLogisticSplit({ train: 40, validation: 15, ...small });
  const whole = datasets.sparseLogistic({ n: 55, ...small });

  it("splits one generated set: the first `train` rows, then the held-out rows", () => {
    expect(train.n).to.equal(40);
    expect(validation.n).to.equal(15);
    expect(train.indptr[40]).to.equal(whole.indptr[40]);
    expect(validation.indptr[15]).to.equal(whole.indptr[55] - whole.indptr[40]);
    // Row 2 of the validation set is row 42 of the whole set (same non-zeros, same label).
    const row = (d: typeof whole, i: number) => Array.from(d.indices.slice(d.indptr[i], d.indptr[i + 1]));
    expect(row(validation, 2)).to.deep.equal(row(whole, 42));
    expect(validation.y[2]).to.equal(whole.y[42]);
    expect(Array.from(validation.wTrue)).to.deep.equal(Array.from(whole.wTrue));
  });

  it("the training part is exactly datasets.sparseLogistic with n = train (the same problem notebooks 08/09 use)", () => {
    const alone = datasets.sparseLogistic({ n: 40, ...small });
    expect(Array.from(train.indptr)).to.deep.equal(Array.from(alone.indptr));
    expect(Array.from(train.indices)).to.deep.equal(Array.from(alone.indices));
    expect(Array.from(train.values)).to.deep.equal(Array.from(alone.values));
    expect(Array.from(train.y)).to.deep.equal(Array.from(alone.y));
  });

  it("each part is a valid dataset for models.logistic; losses add up to the whole set's", () => {
    const p = Array.from({ length: 21 }, (_, j) => 0.1 * Math.sin(j));
    const sum = models.logistic.loss(p, train) + models.logistic.loss(p, validation);
    expect(sum).to.be.closeTo(models.logistic.loss(p, whole), 1e-10);
  });

  it("names the function, the argument and the value on bad input", () => {
    expect(() => datasets.sparseLogisticSplit({ train: 0 })).to.throw(/datasets\.sparseLogisticSplit.*train.*0/);
    expect(() => datasets.sparseLogisticSplit({ validation: 1.5 })).to.throw(/datasets\.sparseLogisticSplit.*validation.*1\.5/);
    expect(() => datasets.sparseLogisticSplit({ rows: 3 } as never)).to.throw(/datasets\.sparseLogisticSplit: unknown option "rows"/);
  });
});
