// %% [markdown]
// ## Exercise {n}: the transformer's warm-up
//
// From "Attention is all you need", with $t = \max(\text{step}, 1)$:
// $$\eta_t = \text{scale}\cdot d_{model}^{-1/2}\cdot\min\left(t^{-1/2},\ t\,W^{-3/2}\right)$$
//
// `hp.dModel` is $d_{model}$, `hp.warmupSteps` is $W$, `hp.scale` the factor in front. The rate
// rises linearly for $W$ steps, peaks at $t = W$, then decays as $1/\sqrt{t}$.

// %% tags=["answer:transformerWarmup"]
function transformerWarmupLr(step: number, hp: { dModel: number; warmupSteps: number; scale: number }): number {
  // BEGIN SOLUTION
  const t = Math.max(step, 1);
  return hp.scale * hp.dModel ** -0.5 * Math.min(t ** -0.5, t * hp.warmupSteps ** -1.5);
  // END SOLUTION
}

// %%
check.transformerWarmup(transformerWarmupLr);
