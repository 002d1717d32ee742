/**
 * An assignment's identity, as a built notebook carries it (metadata `adaptive_lr`), and its public
 * part: what the notebook's `check.<id>` calls need to draw the same visible cases as the grader
 * (exercise ids, visible counts, the ranges of drawn visible cases, the questions). Neither the
 * seed nor the hidden-case settings are in it.
 *
 * The fingerprint hashes the public part: a notebook built from the same assignment id but with
 * other exercises or visible cases is refused too, with a message saying so. Points, hidden-case
 * counts and ranges, titles and markdown may change after the notebooks are handed out.
 */
import { createHash } from "crypto";
import type { Notebook } from "../grading/notebook";
import { catalogEntry } from "./catalog";
import type { Range } from "./catalog/types";
import type { Assignment, AssignmentItem, Compute } from "./file";

export type PublicItem =
  | { exercise: string; visible: number; ranges?: Record<string, Range> }
  | { question: string; title: string; tolerance: number; compute: Compute };

export interface PublicSpec {
  id: string;
  items: PublicItem[];
}

/** The notebook metadata key. */
export const METADATA_KEY = "adaptive_lr";

export interface NotebookIdentity {
  assignment: string;
  title: string;
  fingerprint: string;
}

function publicItem(item: AssignmentItem): PublicItem {
  if (item.kind === "question") return { question: item.id, title: item.title, tolerance: item.tolerance, compute: item.compute };
  const entry = catalogEntry(item.exercise);
  const fixed = entry && entry.kind !== "value" ? entry.visibleCases().length : 1;
  // Ranges matter to the notebook only when some visible cases are drawn from them.
  return item.visible > fixed && Object.keys(item.ranges).length > 0
    ? { exercise: item.exercise, visible: item.visible, ranges: item.ranges }
    : { exercise: item.exercise, visible: item.visible };
}

export function publicSpec(a: Assignment): PublicSpec {
  return { id: a.id, items: a.items.map(publicItem) };
}

/** 16 hex digits of the SHA-256 of the public part. */
export function fingerprint(spec: PublicSpec): string {
  return createHash("sha256").update(JSON.stringify(spec)).digest("hex").slice(0, 16);
}

export function identityOf(a: Assignment): NotebookIdentity {
  return { assignment: a.id, title: a.title, fingerprint: fingerprint(publicSpec(a)) };
}

/** Why `nb` must not be graded against `a`, or undefined when it was built from it. */
export function refusal(a: Assignment, nb: Notebook): string | undefined {
  const own = identityOf(a);
  const meta = nb.metadata?.[METADATA_KEY] as Partial<NotebookIdentity> | undefined;
  if (!meta || typeof meta !== "object" || typeof meta.assignment !== "string") {
    return (
      `this notebook has no assignment identity (notebook metadata "${METADATA_KEY}"), so it was not built from ${a.source} ` +
      `by \`adaptive-lr assignment build\`: grade it against the assignment it was built for (the kit's built-in exercises: without --assignment)`
    );
  }
  if (meta.assignment !== own.assignment) {
    return `this notebook was built for the assignment ${JSON.stringify(meta.assignment)}, not for ${JSON.stringify(own.assignment)} (${a.source}): grade it with --assignment <the file of ${JSON.stringify(meta.assignment)}>`;
  }
  if (meta.fingerprint !== own.fingerprint) {
    return (
      `this notebook was built from another version of the assignment ${JSON.stringify(own.assignment)}: its exercises or visible cases differ from ${a.source} ` +
      `(fingerprint ${String(meta.fingerprint)}, the file's is ${own.fingerprint}); grade it with the version of the file it was built from`
    );
  }
  return undefined;
}
