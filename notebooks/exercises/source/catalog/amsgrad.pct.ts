// %% [markdown]
// ## Exercise {n}: AMSGrad
//
// $$m_t = \beta_1 m_{t-1} + (1-\beta_1)\nabla w_t \qquad v_t = \beta_2 v_{t-1} + (1-\beta_2)(\nabla w_t)^2 \qquad
//   \hat v_t = \max(\hat v_{t-1}, v_t) \qquad w_{t+1} = w_t - \frac{\eta}{\sqrt{\hat v_t} + \epsilon}\,m_t$$
//
// No bias correction in AMSGrad.

// %% tags=["answer:amsgrad"]
function amsgradStep(params: number[], batch: Batch, state: AmsgradState, hp: AdamHyper): StepResult<AmsgradState> {
  // BEGIN SOLUTION
  const grad = params.map(() => 0);
  for (let i = 0; i < batch.size; i++) batch.gradient(i).forEach((g, j) => (grad[j] += g));
  const m = state.m.map((mj, j) => hp.beta1 * mj + (1 - hp.beta1) * grad[j]);
  const v = state.v.map((vj, j) => hp.beta2 * vj + (1 - hp.beta2) * grad[j] ** 2);
  const vHat = state.vHat.map((h, j) => Math.max(h, v[j]));
  const next = params.map((w, j) => w - (hp.eta / (Math.sqrt(vHat[j]) + hp.eps)) * m[j]);
  return { params: next, state: { m, v, vHat } };
  // END SOLUTION
}

// %%
check.amsgrad(amsgradStep);
