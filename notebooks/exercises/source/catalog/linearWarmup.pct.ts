// %% [markdown]
// ## Exercise {n}: linear warm-up
//
// $$\eta_t = \eta\left(f_0 + (1 - f_0)\,\frac{\min(t, W)}{W}\right)$$
//
// `step` is $t$, 0-based; `hp.warmupSteps` is $W$ and `hp.startFactor` is $f_0$: the rate climbs
// linearly from $\eta f_0$ at step 0 to $\eta$ at step $W$, then stays there.

// %% tags=["answer:linearWarmup"]
function linearWarmupLr(step: number, hp: { eta: number; warmupSteps: number; startFactor: number }): number {
  // BEGIN SOLUTION
  return hp.eta * (hp.startFactor + ((1 - hp.startFactor) * Math.min(step, hp.warmupSteps)) / hp.warmupSteps);
  // END SOLUTION
}

// %%
check.linearWarmup(linearWarmupLr);
