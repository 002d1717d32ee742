// %% [markdown]
// ## Exercise {n}: Lion
//
// Lion (Chen et al. 2023) keeps one momentum `m` but steps by its **sign** only, so every parameter
// moves by exactly $\eta$ per update (plus the decoupled weight decay $\lambda$, `hp.weightDecay`):
// $$c_t = \beta_1 m_{t-1} + (1-\beta_1)\nabla w_t \qquad
//   w_{t+1} = w_t - \eta\left(\operatorname{sign}(c_t) + \lambda w_t\right) \qquad
//   m_t = \beta_2 m_{t-1} + (1-\beta_2)\nabla w_t$$
//
// The sign uses the **old** `m`; `m` is updated afterwards, with the other decay $\beta_2$.

// %% tags=["answer:lion"]
function lionStep(
  params: number[],
  batch: Batch,
  state: { m: number[] },
  hp: { eta: number; beta1: number; beta2: number; weightDecay: number },
): StepResult<{ m: number[] }> {
  // BEGIN SOLUTION
  const grad = params.map(() => 0);
  for (let i = 0; i < batch.size; i++) batch.gradient(i).forEach((g, j) => (grad[j] += g));
  const next = params.map((w, j) => {
    const c = hp.beta1 * state.m[j] + (1 - hp.beta1) * grad[j];
    return w - hp.eta * (Math.sign(c) + hp.weightDecay * w);
  });
  const m = state.m.map((mj, j) => hp.beta2 * mj + (1 - hp.beta2) * grad[j]);
  return { params: next, state: { m } };
  // END SOLUTION
}

// %%
check.lion(lionStep);
