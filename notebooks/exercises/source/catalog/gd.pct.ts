// %% [markdown]
// ## Exercise {n}: gradient descent
//
// $$w_{t+1} = w_t - \eta\,\nabla w_t$$
//
// (and the same for `b`). Gradient descent keeps no state: return `state` as an empty object `{}`.

// %% tags=["answer:gd"]
function gdStep(params: number[], batch: Batch, state: {}, hp: { eta: number }): StepResult<{}> {
  // BEGIN SOLUTION
  const grad = params.map(() => 0);
  for (let i = 0; i < batch.size; i++) batch.gradient(i).forEach((g, j) => (grad[j] += g));
  return { params: params.map((w, j) => w - hp.eta * grad[j]), state: {} };
  // END SOLUTION
}

// %%
check.gd(gdStep);
