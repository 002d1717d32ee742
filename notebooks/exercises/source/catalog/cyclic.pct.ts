// %% [markdown]
// ## Exercise {n}: cyclic (triangular) learning rate
//
// $$\eta_t = \eta_{min} + (\eta_{max} - \eta_{min})\cdot\max\left(0,\ 1 - \left|\frac{t}{\mu} - 2\left\lfloor 1 + \frac{t}{2\mu}\right\rfloor + 1\right|\right)$$
//
// `step` is $t$, 0-based (step 0 is the first update); `hp.stepSize` is $\mu$, half a cycle.

// %% tags=["answer:cyclic"]
function cyclicLr(step: number, hp: CyclicHyper): number {
  // BEGIN SOLUTION
  const cycle = Math.floor(1 + step / (2 * hp.stepSize));
  const x = Math.abs(step / hp.stepSize - 2 * cycle + 1);
  return hp.etaMin + (hp.etaMax - hp.etaMin) * Math.max(0, 1 - x);
  // END SOLUTION
}

// %%
check.cyclic(cyclicLr);
