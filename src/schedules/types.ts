/**
 * A learning-rate schedule: the learning rate of the update with 0-based index `step`
 * (step 0 is the first update). Built by a factory that checks its options up front.
 */
export interface Schedule {
  (step: number): number;
  /** Short description, e.g. "cyclic(triangular, 0.01..0.1, stepSize=20)". */
  readonly label?: string;
  /** Validation-based schedules (reduceOnPlateau) receive the epoch's metric here. */
  observe?(metric: number): void;
}
