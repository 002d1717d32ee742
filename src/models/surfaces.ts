import * as check from "../validate";
import type { Surface } from "./types";

type SurfaceSpec = Omit<Surface, "paramNames" | "validate" | "loss" | "addPointGradient">;

/** Wraps an analytic f(p0, p1) and its gradient as a Model with no data (one "point"). */
function surface(spec: SurfaceSpec): Surface {
  return {
    ...spec,
    paramNames: () => ["w", "b"],
    validate: () => 1,
    loss: (p) => spec.value(p[0], p[1]),
    addPointGradient: (p, _data, _i, out) => {
      const [g0, g1] = spec.gradient(p[0], p[1]);
      out[0] += g0;
      out[1] += g1;
    },
  };
}

/**
 * A saddle with two valleys: f = 1/2 w^2 + 1/4 b^4 - 1/2 b^2. Saddle point at (0, 0), minima at
 * (0, +-1). Started at b = 1e-4 (the lecture's cyclic-LR demo), the b-gradient is tiny near the
 * saddle: a rate that decays too fast gets stuck there, a cyclic one escapes.
 */
export const saddle = surface({
  name: "saddle",
  bounds: [[-2.5, 2.5], [-1.6, 1.6]],
  minima: [[0, -1], [0, 1], [0, 0]],
  start: [-2, 1e-4],
  value: (w, b) => 0.5 * w * w + 0.25 * b ** 4 - 0.5 * b * b,
  gradient: (w, b) => [w, b ** 3 - b],
});

/** A convex bowl: f = 1/2 (w^2 + 2 b^2), minimum 0 at (0, 0). */
export const bowl = surface({
  name: "bowl",
  bounds: [[-5, 5], [-5, 5]],
  minima: [[0, 0]],
  start: [-4, 3],
  value: (w, b) => 0.5 * (w * w + 2 * b * b),
  gradient: (w, b) => [w, 2 * b],
});

/**
 * An elongated valley: f = 1/2 (0.1 w^2 + 10 b^2) (condition number 100). Plain GD zig-zags across
 * b and crawls along w; per-parameter rates even the two out.
 */
export const valley = surface({
  name: "valley",
  bounds: [[-5, 5], [-2, 2]],
  minima: [[0, 0]],
  start: [-4.5, 1.5],
  value: (w, b) => 0.5 * (0.1 * w * w + 10 * b * b),
  gradient: (w, b) => [0.1 * w, 10 * b],
});

/** Rosenbrock's banana: f = (1 - w)^2 + 100 (b - w^2)^2, minimum 0 at (1, 1). */
export const rosenbrock = surface({
  name: "rosenbrock",
  bounds: [[-2, 2], [-1, 3]],
  minima: [[1, 1]],
  start: [-1.5, 2],
  value: (w, b) => (1 - w) ** 2 + 100 * (b - w * w) ** 2,
  gradient: (w, b) => [-2 * (1 - w) - 400 * w * (b - w * w), 200 * (b - w * w)],
});

/** All 2-D surfaces by name. */
export const surfaces = { saddle, bowl, valley, rosenbrock };

/**
 * `base` turned by `degrees` (counter-clockwise) around the origin: f_rot(p) = f(R^T p), so the
 * gradient is R grad f(R^T p), and start, minima and plotting window turn with it. GD and momentum
 * are rotation-invariant (their path turns with the surface, losses stay equal); methods with one
 * rate per coordinate are not.
 * @example models.rotated(models.surfaces.valley, 45).value(1, 1) // 0.1
 */
export function rotated(base: Surface, degrees: number): Surface {
  const fn = "models.rotated";
  if (!base || typeof base !== "object" || typeof base.value !== "function" || typeof base.gradient !== "function" || !base.start) {
    check.fail(fn, "base", "a 2-D surface such as models.surfaces.valley", base);
  }
  const a = (check.finite(fn, "degrees", degrees) * Math.PI) / 180;
  const c = Math.cos(a);
  const s = Math.sin(a);
  const turn = (x: number, y: number): [number, number] => [c * x - s * y, s * x + c * y];
  const back = (x: number, y: number): [number, number] => [c * x + s * y, -s * x + c * y];
  const [[x0, x1], [y0, y1]] = base.bounds;
  const corners = [turn(x0, y0), turn(x0, y1), turn(x1, y0), turn(x1, y1)];
  const span = (i: number): [number, number] => [Math.min(...corners.map((p) => p[i])), Math.max(...corners.map((p) => p[i]))];
  return surface({
    name: `${base.name} rotated ${degrees}°`,
    bounds: [span(0), span(1)],
    minima: base.minima.map(([x, y]) => turn(x, y)),
    start: turn(base.start[0], base.start[1]),
    value: (x, y) => base.value(...back(x, y)),
    gradient: (x, y) => {
      const [g0, g1] = base.gradient(...back(x, y));
      return turn(g0, g1);
    },
  });
}
