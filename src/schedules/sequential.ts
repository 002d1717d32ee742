import * as check from "../validate";
import { makeSchedule } from "./schedule";
import type { Schedule } from "./types";

/**
 * Runs schedules one after another (torch SequentialLR): schedules[0] until milestones[0], then
 * schedules[1] restarted from its own step 0, and so on.
 *   step < m_0: s_0(step);  m_0 <= step < m_1: s_1(step - m_0);  ...
 * @example schedules.sequential({ schedules: [linearWarmup(...), cosineAnnealing(...)], milestones: [100] })
 */
export function sequential(opts: { schedules: Schedule[]; milestones: number[] }): Schedule {
  const fn = "schedules.sequential";
  const o = check.options<{ schedules: Schedule[]; milestones: number[] }>(fn, opts, ["schedules", "milestones"]);
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
  return makeSchedule(fn, list.map((s) => s.label ?? "schedule").join(" -> "), (t) => {
    let k = 0;
    while (k < milestones.length && t >= milestones[k]) k++;
    return list[k](k === 0 ? t : t - milestones[k - 1]);
  });
}
