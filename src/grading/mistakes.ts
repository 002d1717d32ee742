/**
 * The classic mistakes the checks recognise, with the hint a student sees.
 *
 * A mistake is recognised when the student's trajectory matches a trajectory the LIBRARY produces
 * under that mistake (see `reference.ts` and the `variants` of each exercise in `exercises.ts`):
 * no update rule is restated here.
 */

export type MistakeId =
  | "overwrite-gradient"
  | "eps-inside-sqrt"
  | "no-bias-correction"
  | "t-from-zero"
  | "divide-by-v"
  | "state-not-carried"
  | "schedule-off-by-one"
  | "cosine-period"
  | "cyclic-half-period"
  | "explain-divide-by-v"
  | "explain-eta"
  | "nag-without-lookahead"
  | "adamw-no-decay"
  | "radam-no-rectification"
  | "eps-inside-max"
  | "step-decay-no-floor"
  | "warmup-start-factor"
  | "cosine-annealing-restart"
  | "lion-sign-of-new-m"
  | "line-search-last-candidate"
  | "line-search-first-candidate"
  | "plateau-patience-off-by-one"
  | "plateau-no-threshold"
  | "plateau-no-cooldown";

export const HINTS: Readonly<Record<MistakeId, string>> = Object.freeze({
  "overwrite-gradient":
    "you overwrite the batch gradient (dw = ∇) instead of summing it over the points of the batch (dw += ∇): " +
    "only the last point's gradient was used. Start from zeros and add batch.gradient(i) for every i.",
  "eps-inside-sqrt":
    "eps is inside the square root, sqrt(v + eps); this exercise adds it outside, as the lecture's code does: sqrt(v) + eps.",
  "no-bias-correction":
    "the bias correction is missing: divide m by (1 - beta1^t) and v by (1 - beta2^t) before the update.",
  "t-from-zero":
    "t starts at 0 instead of 1: on the first update 1 - beta^0 = 0 and the bias correction divides by zero. " +
    "Use t = state.t + 1 in the correction and return it as the new state.t.",
  "divide-by-v":
    "you divide by v instead of sqrt(v): the denominator is sqrt(v) + eps.",
  "state-not-carried":
    "the state is not carried between steps: every step starts again from the initial state. " +
    "Return the NEW state (with the updated accumulators) so the next step can continue from it.",
  "schedule-off-by-one":
    "off by one step: `step` is 0-based (step 0 is the first update) and the formula uses it directly.",
  "cosine-period":
    "your restarts come every T steps; in the lecture's formula the position in the cycle is t mod (T + 1), " +
    "so eta reaches etaMin at t = T and restarts at t = T + 1.",
  "cyclic-half-period":
    "stepSize (mu on the slide) is HALF a cycle: the rate climbs for stepSize steps and falls for stepSize steps.",
  "explain-divide-by-v":
    "that is eta / v; the effective learning rate divides by the square root: eta / (sqrt(v) + eps).",
  "explain-eta":
    "that is eta itself; AdaGrad's effective learning rate is eta divided by sqrt(v) + eps, after v has been updated.",
  "nag-without-lookahead":
    "that is plain momentum (w - eta * u): in NAG's torch form the step looks ahead, w - eta * (g + beta * u) with the NEW u.",
  "adamw-no-decay":
    "the weight decay is missing: AdamW also shrinks the weights, w - eta * weightDecay * w, before Adam's step.",
  "radam-no-rectification":
    "that is Adam's step: RAdam takes a plain momentum step (w - eta * mHat) while rho_t <= 5 and rescales by r_t after.",
  "eps-inside-max":
    "eps is inside the max, max(beta * v, |g| + eps); MaxProp keeps v = max(beta * v, |g|) and divides by v + eps.",
  "step-decay-no-floor":
    "the rate decays at every step: step decay keeps it constant for stepSize steps, gamma^floor(step / stepSize).",
  "warmup-start-factor":
    "at step 0 the rate is eta * startFactor, not 0: the factor climbs from startFactor to 1 over warmupSteps steps.",
  "cosine-annealing-restart":
    "your schedule restarts after T steps: cosine annealing has no restart, past T the cosine climbs back up (torch's closed form).",
  "lion-sign-of-new-m":
    "the sign is of the updated momentum: Lion takes sign(beta1 * m + (1 - beta1) * g) with the OLD m, and only then updates m with beta2.",
  "line-search-last-candidate":
    "you always keep the LAST candidate (plain GD with the largest eta): update the best loss whenever a candidate beats it " +
    "(the lecture's code forgets best = loss), so a later candidate is kept only when its loss is lower.",
  "line-search-first-candidate":
    "you always keep the FIRST candidate (plain GD with the smallest eta): compare every candidate's loss, batch.loss(candidate), " +
    "with the best so far and keep the lowest.",
  "plateau-patience-off-by-one":
    "you reduce after patience epochs without improvement; the rate is reduced only when MORE than patience epochs " +
    "in a row did not improve (bad > patience), as torch's ReduceLROnPlateau.",
  "plateau-no-threshold":
    "every decrease of the loss counts as an improvement; only a relative one does: loss < best * (1 - threshold).",
  "plateau-no-cooldown":
    "after a reduction, wait cooldown epochs (not counting them as bad) before counting epochs without improvement again.",
});

/**
 * Denominator transforms for an update whose library denominator is D = sqrt(x) + eps
 * (eps outside the root, the lecture's code): x = (D - eps)^2.
 */
export function denominatorTransforms(eps: number): { epsInside: (d: number) => number; divideByV: (d: number) => number } {
  const radicand = (d: number) => (d - eps) * (d - eps);
  return {
    epsInside: (d) => Math.sqrt(radicand(d) + eps),
    divideByV: (d) => radicand(d) + eps,
  };
}
