// %% [markdown]
// ## Exercise {n}: Adam, with bias correction
//
// $$m_t = \beta_1 m_{t-1} + (1-\beta_1)\nabla w_t \qquad v_t = \beta_2 v_{t-1} + (1-\beta_2)(\nabla w_t)^2$$
// $$\hat m_t = \frac{m_t}{1-\beta_1^t} \qquad \hat v_t = \frac{v_t}{1-\beta_2^t} \qquad
//   w_{t+1} = w_t - \frac{\eta}{\sqrt{\hat v_t} + \epsilon}\,\hat m_t$$
//
// `t` is 1 on the first update: `state.t` is the number of updates done **before** this one.

// %% tags=["answer:adam"]
function adamStep(params: number[], batch: Batch, state: AdamState, hp: AdamHyper): StepResult<AdamState> {
  // BEGIN SOLUTION
  const grad = params.map(() => 0);
  for (let i = 0; i < batch.size; i++) batch.gradient(i).forEach((g, j) => (grad[j] += g));
  const t = state.t + 1;
  const m = state.m.map((mj, j) => hp.beta1 * mj + (1 - hp.beta1) * grad[j]);
  const v = state.v.map((vj, j) => hp.beta2 * vj + (1 - hp.beta2) * grad[j] ** 2);
  const next = params.map((w, j) => {
    const mHat = m[j] / (1 - hp.beta1 ** t);
    const vHat = v[j] / (1 - hp.beta2 ** t);
    return w - (hp.eta / (Math.sqrt(vHat) + hp.eps)) * mHat;
  });
  return { params: next, state: { t, m, v } };
  // END SOLUTION
}

// %%
check.adam(adamStep);
