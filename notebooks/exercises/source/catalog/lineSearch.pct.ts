// %% [markdown]
// ## Exercise {n}: line search
//
// The lecture's line search: at every step compute the full-batch gradient once, try a gradient
// descent step with EACH candidate rate,
//
// $$w^{(\eta)} = w_t - \eta\,\nabla w_t \qquad \eta \in \{\eta_1, \dots, \eta_5\},$$
//
// and keep the candidate with the lowest loss. `batch.loss(p)` is the batch's loss at any
// parameters `p` (the sum over the points). The candidates are `hp.eta1` ... `hp.eta5`, tried in
// that order (the lecture's 0.1, 0.5, 1, 5, 10 in the first case); on a tie keep the earlier one.
// A line search keeps no state: return `state` as an empty object `{}`.

// %% tags=["answer:lineSearch"]
function lineSearchStep(
  params: number[],
  batch: Batch,
  state: {},
  hp: { eta1: number; eta2: number; eta3: number; eta4: number; eta5: number },
): StepResult<{}> {
  // BEGIN SOLUTION
  const grad = params.map(() => 0);
  for (let i = 0; i < batch.size; i++) batch.gradient(i).forEach((g, j) => (grad[j] += g));
  let best = params;
  let bestLoss = Infinity;
  for (const eta of [hp.eta1, hp.eta2, hp.eta3, hp.eta4, hp.eta5]) {
    const candidate = params.map((w, j) => w - eta * grad[j]);
    const loss = batch.loss(candidate);
    if (loss < bestLoss) {
      best = candidate;
      bestLoss = loss;
    }
  }
  return { params: best, state: {} };
  // END SOLUTION
}

// %%
check.lineSearch(lineSearchStep);
