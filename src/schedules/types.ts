/**
 * A learning-rate schedule: the learning rate of the update with 0-based index `step`
 * (step 0 is the first update). Built by a factory that checks its options up front.
 */
export interface Schedule {
  (step: number): number;
  /** Short description, e.g. "cyclic(triangular, 0.01..0.1, stepSize=20)". */
  readonly label?: string;
}

/**
 * Something that learns from the loss after every epoch. `train({ feedback })` calls `reset()`
 * before the first update (every run starts fresh), `observe(metric, t)` after every epoch with
 * the validation loss (the training loss without validation data) and the number of updates made
 * so far, and `end()` when the run stops.
 */
export interface EpochFeedback {
  reset(): void;
  observe(metric: number, t?: number): void;
  end(): void;
}

/**
 * A schedule whose rate depends on the losses it is fed (reduceOnPlateau, or a sequential schedule
 * with such a child). Pass it both as the optimizer's eta and as `train({ feedback })`.
 */
export interface FeedbackSchedule extends Schedule, EpochFeedback {
  /** True when the rate depends on observed losses (then `train` must be given it as feedback). */
  readonly needsFeedback: boolean;
}
