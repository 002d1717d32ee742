/**
 * Chart builders: each returns a plain Plotly figure `{data, layout, frames?}` and displays
 * nothing. Show one in a notebook with `show(figure)` from `display`.
 */
export type { Figure, Trace, Layout, Frame, Grid, PathSource, PathPoints, RunLike, TrajectoryLike, SurfaceLike } from "./types";
export { linspace, decimate, round } from "./common";
export { lossContour } from "./contour";
export type { ContourOptions } from "./contour";
export { lossSurface3d } from "./surface3d";
export type { Surface3dOptions } from "./surface3d";
export { optimizerRace } from "./race";
export type { RaceOptions } from "./race";
export { lossCurves } from "./lossCurves";
export type { LossCurvesOptions } from "./lossCurves";
export { learningRates } from "./learningRates";
export { gradients } from "./gradients";
export type { StepSeriesOptions } from "./stepSeries";
export { optimizerState } from "./optimizerState";
export type { OptimizerStateOptions } from "./optimizerState";
export { scheduleCurves } from "./scheduleCurves";
export type { ScheduleCurvesOptions } from "./scheduleCurves";
export { lpBalls, lpBallPoints } from "./lpBalls";
export type { LpBallsOptions } from "./lpBalls";
export { averagingEstimates } from "./averagingEstimates";
export type { AveragingEstimatesInput } from "./averagingEstimates";
