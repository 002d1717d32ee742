/** Every explorable by kind, and the dispatch shared by the page runtime, `show()` and tests. */
import { biasCorrectionExplorable, type BiasCorrectionWidget } from "./biasCorrection";
import { lpBallExplorable, type LpBallWidget } from "./lpBall";
import { optimizersExplorable, type OptimizersWidget } from "./optimizers";
import { scheduleExplorable, type ScheduleWidget } from "./schedule";
import { WIDGET_TYPE, type Explorable, type WidgetBase } from "./types";

/** Any widget an `explore.*` builder returns. */
export type Widget = OptimizersWidget | ScheduleWidget | BiasCorrectionWidget | LpBallWidget;

const KINDS: Record<string, Explorable<WidgetBase>> = {
  optimizers: optimizersExplorable as unknown as Explorable<WidgetBase>,
  schedule: scheduleExplorable as unknown as Explorable<WidgetBase>,
  biasCorrection: biasCorrectionExplorable as unknown as Explorable<WidgetBase>,
  lpBall: lpBallExplorable as unknown as Explorable<WidgetBase>,
};

/** True for an object returned by an `explore.*` builder. */
export function isWidget(value: unknown): value is Widget {
  return value !== null && typeof value === "object" && (value as WidgetBase).type === WIDGET_TYPE &&
    typeof (value as WidgetBase).kind === "string" && Array.isArray((value as WidgetBase).sliders);
}

/** The explorable that draws a widget (throws naming `fn` for anything else). */
export function explorableOf(fn: string, widget: unknown): Explorable<WidgetBase> {
  if (!isWidget(widget)) {
    throw new Error(`${fn}: widget must be what an explore.* builder returns ({type: "${WIDGET_TYPE}", kind, sliders, ...}), got ${typeof widget === "object" ? JSON.stringify(widget)?.slice(0, 80) : String(widget)}`);
  }
  const e = KINDS[widget.kind];
  if (!e) throw new Error(`${fn}: unknown explorable kind ${JSON.stringify(widget.kind)} (known: ${Object.keys(KINDS).join(", ")})`);
  return e;
}
