// %% [markdown]
// ## Exercise {n}: momentum
//
// $$u_t = \beta u_{t-1} + \nabla w_t \qquad w_{t+1} = w_t - \eta\,u_t$$
//
// The history `u` starts at 0 (the state you get before the first update).

// %% tags=["answer:momentum"]
function momentumStep(params: number[], batch: Batch, state: { u: number[] }, hp: { eta: number; beta: number }): StepResult<{ u: number[] }> {
  // BEGIN SOLUTION
  const grad = params.map(() => 0);
  for (let i = 0; i < batch.size; i++) batch.gradient(i).forEach((g, j) => (grad[j] += g));
  const u = state.u.map((uj, j) => hp.beta * uj + grad[j]);
  return { params: params.map((w, j) => w - hp.eta * u[j]), state: { u } };
  // END SOLUTION
}

// %%
check.momentum(momentumStep);
