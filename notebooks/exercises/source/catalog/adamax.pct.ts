// %% [markdown]
// ## Exercise {n}: AdaMax
//
// $$m_t, \hat m_t \text{ as in Adam} \qquad v_t = \max(\beta_2 v_{t-1}, |\nabla w_t|) \qquad
//   w_{t+1} = w_t - \frac{\eta}{v_t + \epsilon}\,\hat m_t$$
//
// The max is not biased towards 0, so `v` needs no bias correction.

// %% tags=["answer:adamax"]
function adamaxStep(params: number[], batch: Batch, state: AdamaxState, hp: AdamHyper): StepResult<AdamaxState> {
  // BEGIN SOLUTION
  const grad = params.map(() => 0);
  for (let i = 0; i < batch.size; i++) batch.gradient(i).forEach((g, j) => (grad[j] += g));
  const t = state.t + 1;
  const m = state.m.map((mj, j) => hp.beta1 * mj + (1 - hp.beta1) * grad[j]);
  const v = state.v.map((vj, j) => Math.max(hp.beta2 * vj, Math.abs(grad[j])));
  const next = params.map((w, j) => w - (hp.eta / (v[j] + hp.eps)) * (m[j] / (1 - hp.beta1 ** t)));
  return { params: next, state: { t, m, v } };
  // END SOLUTION
}

// %%
check.adamax(adamaxStep);
