/**
 * The exercise catalog: every optimizer and every step-function schedule of the library, the
 * lecture's line search, reduce-on-plateau (a rate driven by the loss history), plus the built-in "explain" question. An assignment file names exercises by their catalog id.
 *
 * Adding an exercise for a new optimizer: one `libraryExercise({...})` entry in `optimizers.ts`
 * (the library factory is the reference) and its notebook text, stub and solution in
 * `notebooks/exercises/source/catalog/<id>.pct.ts`. The catalog test then grades its solution
 * (full marks), its stub (zero) and every listed mistake.
 */
import { exerciseById, type ValueExercise } from "../../grading/exercises";
import { OPTIMIZER_ENTRIES } from "./optimizers";
import { SCHEDULE_ENTRIES } from "./schedules";
import { PLATEAU_ENTRY } from "./plateau";
import { LINE_SEARCH_ENTRY } from "./search";
import type { CatalogEntry, ValueEntry } from "./types";

export type { CatalogEntry, OptimizerEntry, Range, ScheduleEntry, ValueEntry } from "./types";

const explain = exerciseById("explain") as ValueExercise;
const EXPLAIN_ENTRY: ValueEntry = { kind: "value", id: explain.id, title: explain.title, answerName: explain.answerName, exercise: explain };

/** Every catalog entry: optimizers, line search, schedules, reduce-on-plateau, then the fixed question. */
export const CATALOG: readonly CatalogEntry[] = Object.freeze([...OPTIMIZER_ENTRIES, LINE_SEARCH_ENTRY, ...SCHEDULE_ENTRIES, PLATEAU_ENTRY, EXPLAIN_ENTRY]);

/** The entry of `id`, or undefined. */
export function catalogEntry(id: string): CatalogEntry | undefined {
  return CATALOG.find((e) => e.id === id);
}

/** "gd, momentum, ..." for error messages. */
export function catalogIds(): string {
  return CATALOG.map((e) => e.id).join(", ");
}
