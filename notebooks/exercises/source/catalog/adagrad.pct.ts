// %% [markdown]
// ## Exercise {n}: AdaGrad
//
// $$v_t = v_{t-1} + (\nabla w_t)^2 \qquad w_{t+1} = w_t - \frac{\eta}{\sqrt{v_t} + \epsilon}\,\nabla w_t$$
//
// (and the same for `b`). As in the lecture's code, `eps` is added **outside** the square root.

// %% tags=["answer:adagrad"]
function adagradStep(params: number[], batch: Batch, state: AdagradState, hp: AdagradHyper): StepResult<AdagradState> {
  // BEGIN SOLUTION
  const grad = params.map(() => 0);
  for (let i = 0; i < batch.size; i++) batch.gradient(i).forEach((g, j) => (grad[j] += g));
  const v = state.v.map((vj, j) => vj + grad[j] ** 2);
  const next = params.map((w, j) => w - (hp.eta / (Math.sqrt(v[j]) + hp.eps)) * grad[j]);
  return { params: next, state: { v } };
  // END SOLUTION
}

// %%
check.adagrad(adagradStep);
