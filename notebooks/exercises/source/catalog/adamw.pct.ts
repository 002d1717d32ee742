// %% [markdown]
// ## Exercise {n}: AdamW
//
// Adam with **decoupled** weight decay $\lambda$ (`hp.weightDecay`): the decay acts on the weights,
// not on the gradient. With $m_t, v_t, \hat m_t, \hat v_t$ exactly as in Adam (bias-corrected):
// $$w_{t+1} = w_t - \eta\left(\frac{\hat m_t}{\sqrt{\hat v_t} + \epsilon} + \lambda w_t\right)$$
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
    const mHat = m[j] / (1 - hp.beta1 ** t);
    const vHat = v[j] / (1 - hp.beta2 ** t);
    return w - hp.eta * (mHat / (Math.sqrt(vHat) + hp.eps) + hp.weightDecay * w);
  });
  return { params: next, state: { t, m, v } };
  // END SOLUTION
}

// %%
check.adamw(adamwStep);
