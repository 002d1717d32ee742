// %% [markdown]
// ## Exercise {n}: reduce on plateau
//
// A rate driven by the loss (torch's `ReduceLROnPlateau`, mode "min"; the library's
// `schedules.reduceOnPlateau`). Start at `hp.eta`; after each epoch look at its loss:
//
// - it is an improvement when `loss < best * (1 - hp.threshold)`: then `best = loss` and the count
//   of bad epochs goes back to 0; otherwise one more bad epoch;
// - during a cooldown (`hp.cooldown` epochs after a reduction) bad epochs are not counted;
// - when MORE than `hp.patience` epochs in a row were bad, the rate becomes
//   `max(rate * hp.factor, hp.minLr)`, the cooldown starts and the count goes back to 0.
//
// `losses` holds the losses of the epochs so far (possibly none): return the rate to use next.

// %% tags=["answer:reduceOnPlateau"]
function reduceOnPlateauLr(
  losses: number[],
  hp: { eta: number; factor: number; patience: number; threshold: number; minLr: number; cooldown: number },
): number {
  // BEGIN SOLUTION
  let rate = hp.eta;
  let best = Infinity;
  let bad = 0;
  let cooling = 0;
  for (const loss of losses) {
    if (loss < best * (1 - hp.threshold)) {
      best = loss;
      bad = 0;
    } else {
      bad++;
    }
    if (cooling > 0) {
      cooling--;
      bad = 0;
    }
    if (bad > hp.patience) {
      rate = Math.max(rate * hp.factor, hp.minLr);
      cooling = hp.cooldown;
      bad = 0;
    }
  }
  return rate;
  // END SOLUTION
}

// %%
check.reduceOnPlateau(reduceOnPlateauLr);
