// %% [markdown]
// ## Exercise {n}: MaxProp
//
// RMSProp with the max norm in place of the average of squares:
// $$v_t = \max(\beta v_{t-1}, |\nabla w_t|) \qquad w_{t+1} = w_t - \frac{\eta}{v_t + \epsilon}\,\nabla w_t$$

// %% tags=["answer:maxprop"]
function maxpropStep(params: number[], batch: Batch, state: { v: number[] }, hp: { eta: number; beta: number; eps: number }): StepResult<{ v: number[] }> {
  // BEGIN SOLUTION
  const grad = params.map(() => 0);
  for (let i = 0; i < batch.size; i++) batch.gradient(i).forEach((g, j) => (grad[j] += g));
  const v = state.v.map((vj, j) => Math.max(hp.beta * vj, Math.abs(grad[j])));
  return { params: params.map((w, j) => w - (hp.eta / (v[j] + hp.eps)) * grad[j]), state: { v } };
  // END SOLUTION
}

// %%
check.maxprop(maxpropStep);
