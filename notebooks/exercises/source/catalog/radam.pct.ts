// %% [markdown]
// ## Exercise {n}: RAdam (rectified Adam)
//
// With $m_t, v_t, \hat m_t, \hat v_t$ as in Adam, and
// $$\rho_\infty = \frac{2}{1-\beta_2} - 1 \qquad \rho_t = \rho_\infty - \frac{2t\beta_2^t}{1-\beta_2^t}:$$
// while $\rho_t \le 5$ the variance estimate is not trusted and the step is plain momentum,
// $w_{t+1} = w_t - \eta\,\hat m_t$; once $\rho_t > 5$,
// $$r_t = \sqrt{\frac{(\rho_t-4)(\rho_t-2)\rho_\infty}{(\rho_\infty-4)(\rho_\infty-2)\rho_t}} \qquad
//   w_{t+1} = w_t - \frac{\eta\,r_t}{\sqrt{\hat v_t} + \epsilon}\,\hat m_t$$

// %% tags=["answer:radam"]
function radamStep(params: number[], batch: Batch, state: AdamState, hp: AdamHyper): StepResult<AdamState> {
  // BEGIN SOLUTION
  const grad = params.map(() => 0);
  for (let i = 0; i < batch.size; i++) batch.gradient(i).forEach((g, j) => (grad[j] += g));
  const t = state.t + 1;
  const m = state.m.map((mj, j) => hp.beta1 * mj + (1 - hp.beta1) * grad[j]);
  const v = state.v.map((vj, j) => hp.beta2 * vj + (1 - hp.beta2) * grad[j] ** 2);
  const rhoInf = 2 / (1 - hp.beta2) - 1;
  const rhoT = rhoInf - (2 * t * hp.beta2 ** t) / (1 - hp.beta2 ** t);
  const next = params.map((w, j) => {
    const mHat = m[j] / (1 - hp.beta1 ** t);
    if (rhoT <= 5) return w - hp.eta * mHat;
    const vHat = v[j] / (1 - hp.beta2 ** t);
    const r = Math.sqrt(((rhoT - 4) * (rhoT - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rhoT));
    return w - ((hp.eta * r) / (Math.sqrt(vHat) + hp.eps)) * mHat;
  });
  return { params: next, state: { t, m, v } };
  // END SOLUTION
}

// %%
check.radam(radamStep);
