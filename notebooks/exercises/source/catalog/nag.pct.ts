// %% [markdown]
// ## Exercise {n}: Nesterov accelerated gradient (torch form)
//
// The lecture's NAG takes the gradient at the look-ahead point $w_t - \eta\beta u_{t-1}$. PyTorch
// rewrites it so that the gradient is taken where the parameters are (the iterate *is* the
// look-ahead point), which is the form asked here:
// $$u_t = \beta u_{t-1} + \nabla w_t \qquad w_{t+1} = w_t - \eta\,(\nabla w_t + \beta u_t)$$

// %% tags=["answer:nag"]
function nagStep(params: number[], batch: Batch, state: { u: number[] }, hp: { eta: number; beta: number }): StepResult<{ u: number[] }> {
  // BEGIN SOLUTION
  const grad = params.map(() => 0);
  for (let i = 0; i < batch.size; i++) batch.gradient(i).forEach((g, j) => (grad[j] += g));
  const u = state.u.map((uj, j) => hp.beta * uj + grad[j]);
  return { params: params.map((w, j) => w - hp.eta * (grad[j] + hp.beta * u[j])), state: { u } };
  // END SOLUTION
}

// %%
check.nag(nagStep);
