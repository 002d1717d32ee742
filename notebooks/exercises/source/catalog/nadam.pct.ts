// %% [markdown]
// ## Exercise {n}: NAdam
//
// With $m_t, v_t, \hat m_t, \hat v_t$ as in Adam:
// $$w_{t+1} = w_t - \frac{\eta}{\sqrt{\hat v_t} + \epsilon}\left(\beta_1 \hat m_t + \frac{(1-\beta_1)\nabla w_t}{1-\beta_1^t}\right)$$

// %% tags=["answer:nadam"]
function nadamStep(params: number[], batch: Batch, state: NadamState, hp: AdamHyper): StepResult<NadamState> {
  // BEGIN SOLUTION
  const grad = params.map(() => 0);
  for (let i = 0; i < batch.size; i++) batch.gradient(i).forEach((g, j) => (grad[j] += g));
  const t = state.t + 1;
  const m = state.m.map((mj, j) => hp.beta1 * mj + (1 - hp.beta1) * grad[j]);
  const v = state.v.map((vj, j) => hp.beta2 * vj + (1 - hp.beta2) * grad[j] ** 2);
  const next = params.map((w, j) => {
    const mHat = m[j] / (1 - hp.beta1 ** t);
    const vHat = v[j] / (1 - hp.beta2 ** t);
    const lookAhead = hp.beta1 * mHat + ((1 - hp.beta1) * grad[j]) / (1 - hp.beta1 ** t);
    return w - (hp.eta / (Math.sqrt(vHat) + hp.eps)) * lookAhead;
  });
  return { params: next, state: { t, m, v } };
  // END SOLUTION
}

// %%
check.nadam(nadamStep);
