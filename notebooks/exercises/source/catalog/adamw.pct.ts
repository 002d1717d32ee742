// %% [markdown]
// ## Exercise {n}: AdamW
//
// Adam with **decoupled** weight decay $\lambda$ (`hp.weightDecay`): the weights shrink first, then
// Adam's step (with $m_t, v_t, \hat m_t, \hat v_t$ exactly as in Adam, bias-corrected) is applied:
// $$\tilde w_t = w_t - \eta\lambda w_t \qquad w_{t+1} = \tilde w_t - \frac{\eta}{\sqrt{\hat v_t} + \epsilon}\,\hat m_t$$
//
// `t` is 1 on the first update: `state.t` is the number of updates done **before** this one.

// %% tags=["answer:adamw"]
function adamwStep(
  params: number[],
  batch: Batch,
  state: AdamState,
  hp: { eta: number; beta1: number; beta2: number; eps: number; weightDecay: number },
): StepResult<AdamState> {
  // BEGIN SOLUTION
  const grad = params.map(() => 0);
  for (let i = 0; i < batch.size; i++) batch.gradient(i).forEach((g, j) => (grad[j] += g));
  const t = state.t + 1;
  const m = state.m.map((mj, j) => hp.beta1 * mj + (1 - hp.beta1) * grad[j]);
  const v = state.v.map((vj, j) => hp.beta2 * vj + (1 - hp.beta2) * grad[j] ** 2);
  const next = params.map((w, j) => {
    const decayed = w - hp.eta * hp.weightDecay * w;
    const mHat = m[j] / (1 - hp.beta1 ** t);
    const vHat = v[j] / (1 - hp.beta2 ** t);
    return decayed - (hp.eta / (Math.sqrt(vHat) + hp.eps)) * mHat;
  });
  return { params: next, state: { t, m, v } };
  // END SOLUTION
}

// %%
check.adamw(adamwStep);
