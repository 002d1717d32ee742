// %% [markdown]
// ## Exercise {n}: RMSProp
//
// $$v_t = \beta v_{t-1} + (1 - \beta)(\nabla w_t)^2 \qquad w_{t+1} = w_t - \frac{\eta}{\sqrt{v_t} + \epsilon}\,\nabla w_t$$

// %% tags=["answer:rmsprop"]
function rmspropStep(params: number[], batch: Batch, state: RmspropState, hp: RmspropHyper): StepResult<RmspropState> {
  // BEGIN SOLUTION
  const grad = params.map(() => 0);
  for (let i = 0; i < batch.size; i++) batch.gradient(i).forEach((g, j) => (grad[j] += g));
  const v = state.v.map((vj, j) => hp.beta * vj + (1 - hp.beta) * grad[j] ** 2);
  const next = params.map((w, j) => w - (hp.eta / (Math.sqrt(v[j]) + hp.eps)) * grad[j]);
  return { params: next, state: { v } };
  // END SOLUTION
}

// %%
check.rmsprop(rmspropStep);
