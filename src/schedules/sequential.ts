import * as check from "../validate";
import { makeSchedule } from "./schedule";
import type { FeedbackSchedule, Schedule } from "./types";

export interface SequentialOptions {
  schedules: Schedule[];
  milestones: number[];
}

function feedbackOf(s: Schedule): FeedbackSchedule | undefined {
  const f = s as Partial<FeedbackSchedule>;
  return f.needsFeedback === true ? (s as FeedbackSchedule) : undefined;
}

/**
 * Runs schedules one after another (torch SequentialLR): schedules[0] until milestones[0], then
 * schedules[1] restarted from its own step 0, and so on.
 *   step < m_0: s_0(step);  m_0 <= step < m_1: s_1(step - m_0);  ...
 * A child that needs feedback (reduceOnPlateau) makes the whole schedule need it: pass the
 * sequential schedule to `train({ feedback })`; it resets every such child and forwards each
 * epoch's loss to the child active at that step.
 * @example schedules.sequential({ schedules: [schedules.linearWarmup({ eta: 0.1, warmupSteps: 10 }), schedules.cosineAnnealing({ etaMax: 0.1, T: 90 })], milestones: [10] })
 */
export function sequential(opts: SequentialOptions): FeedbackSchedule {
  const fn = "schedules.sequential";
  const o = check.options<SequentialOptions>(fn, opts, ["schedules", "milestones"]);
  const list = o.schedules;
  if (!Array.isArray(list) || list.length === 0 || list.some((s) => typeof s !== "function")) {
    check.fail(fn, "schedules", "a non-empty array of schedules", list);
  }
  const milestones = o.milestones;
  if (!Array.isArray(milestones) || milestones.length !== list.length - 1) {
    check.fail(fn, "milestones", `an array of ${list.length - 1} step(s), one per switch`, milestones);
  }
  milestones.forEach((m, i) => {
    check.positiveInt(fn, `milestones[${i}]`, m);
    if (i > 0 && m <= milestones[i - 1]) check.fail(fn, "milestones", "strictly increasing", milestones);
  });
  const active = (t: number): number => {
    let k = 0;
    while (k < milestones.length && t >= milestones[k]) k++;
    return k;
  };
  const base = makeSchedule(fn, list.map((s) => s.label ?? "schedule").join(" -> "), (t) => {
    const k = active(t);
    return list[k](k === 0 ? t : t - milestones[k - 1]);
  });
  const children = list.map(feedbackOf);
  const schedule = ((step: number) => base(step)) as FeedbackSchedule;
  Object.defineProperties(schedule, {
    label: { value: base.label },
    needsFeedback: { value: children.some((c) => c !== undefined) },
    reset: { value: () => children.forEach((c) => c?.reset()) },
    end: { value: () => children.forEach((c) => c?.end()) },
    // After t updates the next update has step index t: feed the child that will use it.
    observe: {
      value: (metric: number, t?: number) => {
        if (typeof t !== "number" || !Number.isInteger(t) || t < 0) check.fail(`${fn}.observe`, "t", "the number of updates made so far (an integer >= 0)", t);
        children[active(t)]?.observe(metric, t);
      },
    },
  });
  return schedule;
}
