// %% [markdown]
// ## Exercise {n} (explain): AdaGrad's effective learning rate
//
// On the lecture's sparse data (`datasets.sparse()`), batch AdaGrad starts at $(w, b) = (-2, -2)$
// with $\eta = 0.1$ and $\epsilon = 10^{-8}$. The cell below prints the batch gradient there.
// What is the **effective learning rate of `b`** in the first update, $\eta / (\sqrt{v_1} + \epsilon)$?
// Answer with a number (3 significant digits are enough), and think about why it is so much
// smaller than the rate of `w`.

// %%
import { datasets, models } from "adaptive-lr";
const sparseData = datasets.sparse();
const grad0 = new Float64Array(2);
sparseData.x.forEach((_, i) => models.sigmoidNeuron.addPointGradient([-2, -2], sparseData, i, grad0));
console.log(`batch gradient at (-2, -2): dw = ${grad0[0].toFixed(4)}, db = ${grad0[1].toFixed(4)}`);

// %% tags=["answer:explain"]
// BEGIN SOLUTION
// After one step v_b = db^2 = 9.1846^2, so the rate is 0.1 / (sqrt(v_b) + 1e-8) = 0.1 / 9.1846.
const effectiveLrB: number = 0.1 / (Math.sqrt(9.1846 ** 2) + 1e-8);
// STUB: const effectiveLrB: number = NaN; // replace NaN by your answer
// END SOLUTION

// %%
check.explain(effectiveLrB);
