/**
 * adaptive-lr: the lecture "Gradient descent with adaptive learning rates" as a library.
 *
 * @example
 * import { datasets, models, optimizers, train } from "adaptive-lr";
 * const run = train({ model: models.sigmoidNeuron, data: datasets.sparse(), init: [-2, -2],
 *                     optimizer: optimizers.adagrad({ eta: 0.1 }), epochs: 100 });
 */
export * as datasets from "./datasets";
export * as models from "./models";
export * as optimizers from "./optimizers";
export * as schedules from "./schedules";
export * as transforms from "./transforms";
export { train } from "./train";
export type { TrainOptions, TrainResult, TrainMode, EpochInfo } from "./train";
export { lineSearch, logSearch, logGrid } from "./search";
export type { LineSearchOptions, LineSearchResult, LogSearchOptions, LogSearchResult, LogSearchRow } from "./search";
export { Trajectory } from "./trajectory";
export type { TrajectoryRecord, StartRecord, StepRecord, RecordedState } from "./trajectory";
export type { Model, Surface } from "./models/types";
export type { Optimizer, OptimizerState, UpdateResult, Flavor, LearningRate } from "./optimizers/types";
export type { Schedule, EpochFeedback, FeedbackSchedule } from "./schedules/types";
export type { PointData } from "./datasets/types";
export { randomSource } from "./rng";
export type { RandomSource } from "./rng";
export * as charts from "./charts";
export * as explore from "./explore";
export * as display from "./display";
export { show } from "./display";
