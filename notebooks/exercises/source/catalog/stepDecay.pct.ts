// %% [markdown]
// ## Exercise {n}: step decay
//
// $$\eta_t = \eta\,\gamma^{\lfloor t / s \rfloor}$$
//
// `step` is $t$, 0-based; `hp.stepSize` is $s$: the rate stays constant for $s$ steps, then is
// multiplied by $\gamma$ (`hp.gamma`).

// %% tags=["answer:stepDecay"]
function stepDecayLr(step: number, hp: { eta: number; stepSize: number; gamma: number }): number {
  // BEGIN SOLUTION
  return hp.eta * hp.gamma ** Math.floor(step / hp.stepSize);
  // END SOLUTION
}

// %%
check.stepDecay(stepDecayLr);
