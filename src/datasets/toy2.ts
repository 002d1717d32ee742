import type { PointData } from "./types";

/**
 * The lecture's two-point problem: (0.5, 0.2) and (2.5, 0.9).
 * @example datasets.toy2() // {x: [0.5, 2.5], y: [0.2, 0.9]}
 */
export function toy2(): PointData {
  return { x: [0.5, 2.5], y: [0.2, 0.9] };
}
