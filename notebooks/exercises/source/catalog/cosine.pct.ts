// %% [markdown]
// ## Exercise {n}: cosine annealing with warm restarts
//
// The lecture's form, with restart interval $T$:
// $$\eta_t = \eta_{min} + \frac{\eta_{max} - \eta_{min}}{2}\left(1 + \cos\left(\pi\,\frac{t \bmod (T+1)}{T}\right)\right)$$

// %% tags=["answer:cosine"]
function cosineRestartLr(step: number, hp: CosineHyper): number {
  // BEGIN SOLUTION
  const position = step % (hp.T + 1);
  return hp.etaMin + ((hp.etaMax - hp.etaMin) / 2) * (1 + Math.cos((Math.PI * position) / hp.T));
  // END SOLUTION
}

// %%
check.cosine(cosineRestartLr);
