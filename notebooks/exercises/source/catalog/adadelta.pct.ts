// %% [markdown]
// ## Exercise {n}: AdaDelta
//
// $$v_t = \beta v_{t-1} + (1-\beta)(\nabla w_t)^2 \qquad
//   \Delta w_t = -\frac{\sqrt{u_{t-1} + \epsilon}}{\sqrt{v_t + \epsilon}}\,\nabla w_t \qquad
//   w_{t+1} = w_t + \Delta w_t \qquad u_t = \beta u_{t-1} + (1-\beta)(\Delta w_t)^2$$
//
// There is no learning rate; `u` from the previous step is used before it is updated.

// %% tags=["answer:adadelta"]
function adadeltaStep(params: number[], batch: Batch, state: AdadeltaState, hp: AdadeltaHyper): StepResult<AdadeltaState> {
  // BEGIN SOLUTION
  const grad = params.map(() => 0);
  for (let i = 0; i < batch.size; i++) batch.gradient(i).forEach((g, j) => (grad[j] += g));
  const v = state.v.map((vj, j) => hp.beta * vj + (1 - hp.beta) * grad[j] ** 2);
  const delta = grad.map((g, j) => -(Math.sqrt(state.u[j] + hp.eps) / Math.sqrt(v[j] + hp.eps)) * g);
  const u = state.u.map((uj, j) => hp.beta * uj + (1 - hp.beta) * delta[j] ** 2);
  return { params: params.map((w, j) => w + delta[j]), state: { v, u } };
  // END SOLUTION
}

// %%
check.adadelta(adadeltaStep);
