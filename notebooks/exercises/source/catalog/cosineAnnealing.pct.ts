// %% [markdown]
// ## Exercise {n}: cosine annealing
//
// $$\eta_t = \eta_{min} + \frac{\eta_{max} - \eta_{min}}{2}\left(1 + \cos\left(\pi\,\frac{t}{T}\right)\right)$$
//
// `step` is $t$, 0-based. The rate falls from $\eta_{max}$ at step 0 to $\eta_{min}$ at step $T$;
// there is no restart: past $T$ the cosine climbs back up (PyTorch's closed form).

// %% tags=["answer:cosineAnnealing"]
function cosineAnnealingLr(step: number, hp: { etaMax: number; etaMin: number; T: number }): number {
  // BEGIN SOLUTION
  return hp.etaMin + ((hp.etaMax - hp.etaMin) / 2) * (1 + Math.cos((Math.PI * step) / hp.T));
  // END SOLUTION
}

// %%
check.cosineAnnealing(cosineAnnealingLr);
