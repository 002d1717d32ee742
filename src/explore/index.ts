/**
 * Explorables: widgets with sliders whose charts are recomputed in the page by this library (no
 * kernel round trip). A builder returns plain JSON; `show(widget)` displays it (in a notebook it
 * also puts plotly.js and the library bundle in the page once per kernel session).
 *
 * @example
 * import { explore, show } from "adaptive-lr";
 * show(explore.optimizers({ problem: "sparse", optimizers: ["rmsprop"], sliders: { eta: {}, beta: {} } }))
 * show(explore.schedule({ schedule: "cyclic" }))
 * show(explore.biasCorrection())
 * show(explore.lpBall())
 */
export { optimizersWidget as optimizers, hyperparameters } from "./optimizers";
export type { OptimizersWidget, ExploreOptimizersOptions, OptimizerEntry, ExplorePath } from "./optimizers";
export { scheduleWidget as schedule, scheduleOf } from "./schedule";
export type { ScheduleWidget, ExploreScheduleOptions, ScheduleKind } from "./schedule";
export { biasCorrectionWidget as biasCorrection, replay as biasCorrectionReplay } from "./biasCorrection";
export type { BiasCorrectionWidget, ExploreBiasCorrectionOptions } from "./biasCorrection";
export { lpBallWidget as lpBall } from "./lpBall";
export type { LpBallWidget, ExploreLpBallOptions } from "./lpBall";
export { isWidget } from "./kinds";
export type { Widget } from "./kinds";
export { widgetHtml, EXPLORE_CLASS } from "./html";
export { mount } from "./runtime";
export type { MountedWidget } from "./runtime";
export { initialValues, fromPosition, toPosition, formatValue } from "./sliders";
export type { SliderOptions } from "./sliders";
export { WIDGET_TYPE } from "./types";
export type { SliderSpec, SliderScale, Values, Drawing, Line, ReadoutRow } from "./types";
export { PROBLEMS } from "./problems";
export type { ProblemName } from "./problems";

import { explorableOf } from "./kinds";
import type { Drawing, Values } from "./types";

/**
 * What the page computes for a widget and these slider values (the same function the page calls
 * on every input event; tests compare it with `train` run directly).
 */
export function compute(widget: unknown, values: Values): Drawing {
  return explorableOf("explore.compute", widget).compute(widget as never, values);
}
