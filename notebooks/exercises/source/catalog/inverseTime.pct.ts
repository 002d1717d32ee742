// %% [markdown]
// ## Exercise {n}: inverse-time (1/t) decay
//
// $$\eta_t = \frac{\eta}{1 + k\,t}$$
//
// `step` is $t$, 0-based; `hp.k` sets how fast the rate falls.

// %% tags=["answer:inverseTime"]
function inverseTimeLr(step: number, hp: { eta: number; k: number }): number {
  // BEGIN SOLUTION
  return hp.eta / (1 + hp.k * step);
  // END SOLUTION
}

// %%
check.inverseTime(inverseTimeLr);
