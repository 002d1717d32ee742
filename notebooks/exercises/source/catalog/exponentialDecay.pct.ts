// %% [markdown]
// ## Exercise {n}: exponential decay
//
// $$\eta_t = \eta\,\gamma^{t}$$
//
// `step` is $t$, 0-based (step 0 is the first update, at the full rate $\eta$).

// %% tags=["answer:exponentialDecay"]
function exponentialDecayLr(step: number, hp: { eta: number; gamma: number }): number {
  // BEGIN SOLUTION
  return hp.eta * hp.gamma ** step;
  // END SOLUTION
}

// %%
check.exponentialDecay(exponentialDecayLr);
