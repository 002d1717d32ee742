import { fail } from "../validate";
import { baseLayout, colorFor, namedEntries, pathPoints, positiveIntOption, roundAll, toGrid } from "./common";
import { contourTrace, minimaTrace } from "./contour";
import type { Figure, Frame, Grid, PathPoints, PathSource, SurfaceLike, Trace } from "./types";

export interface RaceOptions {
  /** A surface from `models.surfaces` or a grid `{x, y, z}`. */
  surface: SurfaceLike | Grid;
  /** The racing optimizers' paths by name. */
  paths: Record<string, PathSource>;
  title?: string;
  /** Number of animation frames (default 40). Frame k shows every path up to the same step. */
  frames?: number;
  /** Milliseconds per frame when playing (default 120). */
  frameDuration?: number;
  resolution?: number;
  bounds?: readonly [readonly [number, number], readonly [number, number]];
  axisTitles?: [string, string];
}

/** The step shown by frame k of `count` for a race of `steps` steps (0 .. steps-1, last frame = last step). */
function frameStep(k: number, count: number, steps: number): number {
  return Math.round((k * (steps - 1)) / Math.max(1, count - 1));
}

/** Path prefix up to `step` (paths shorter than the race stop at their end), thinned to <= 120 points. */
function prefix(p: PathPoints, step: number): { x: Array<number | null>; y: Array<number | null> } {
  const end = Math.min(step, p.x.length - 1);
  const stride = Math.max(1, Math.ceil((end + 1) / 120));
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i <= end; i += stride) {
    xs.push(p.x[i]);
    ys.push(p.y[i]);
  }
  if ((end % stride) !== 0) {
    xs.push(p.x[end]);
    ys.push(p.y[end]);
  }
  return { x: roundAll(xs), y: roundAll(ys) };
}

/**
 * An animated race of several optimizers on one contour: a play button, a pause button and a
 * step slider; every frame advances all paths to the same step.
 * @example
 * const bowl = models.surfaces.bowl;
 * const go = (optimizer: ReturnType<typeof optimizers.gd>) => train({ model: bowl, init: bowl.start, optimizer, epochs: 40 });
 * charts.optimizerRace({ surface: bowl, paths: { gd: go(optimizers.gd({ eta: 0.1 })), adam: go(optimizers.adam({ eta: 0.3 })) } });
 */
export function optimizerRace(options: RaceOptions): Figure {
  const fn = "charts.optimizerRace";
  if (options === null || typeof options !== "object") fail(fn, "options", "an object {surface, paths}", options);
  const frameCount = positiveIntOption(fn, "frames", options.frames, 40);
  if (frameCount < 2) fail(fn, "frames", "an integer >= 2", options.frames);
  const duration = positiveIntOption(fn, "frameDuration", options.frameDuration, 120);
  const resolution = positiveIntOption(fn, "resolution", options.resolution, 60);
  const grid = toGrid(fn, options.surface, resolution, options.bounds);
  const entries = namedEntries<PathSource>(fn, "paths", options.paths);
  const paths = entries.map(([name, source]) => ({ name, p: pathPoints(fn, `paths.${name}`, source) }));
  const steps = Math.max(...paths.map(({ p }) => p.x.length));

  const data: Trace[] = [contourTrace(grid, false), ...minimaTrace(options.surface)];
  const first = data.length;
  const traceIndices = paths.map((_, k) => first + k);
  paths.forEach(({ name, p }, k) => {
    const color = colorFor(name, k);
    data.push({
      type: "scatter", mode: "lines+markers", name,
      ...prefix(p, 0),
      line: { color, width: 2 },
      marker: { color, size: 5 },
    });
  });

  const frames: Frame[] = [];
  for (let k = 0; k < frameCount; k++) {
    const step = frameStep(k, frameCount, steps);
    frames.push({ name: `step ${step}`, traces: traceIndices, data: paths.map(({ p }) => prefix(p, step)) });
  }
  // redraw: true, because a transition without redraw wipes the contour (the one trace frames leave out)
  const play = { frame: { duration, redraw: true }, transition: { duration: 0 }, fromcurrent: true, mode: "immediate" };
  const [xt, yt] = options.axisTitles ?? ["w", "b"];
  return {
    data,
    frames,
    layout: baseLayout(options.title, {
      height: 520,
      margin: { l: 60, r: 20, t: options.title ? 50 : 20, b: 110 },
      xaxis: { title: { text: xt }, range: [grid.x[0], grid.x[grid.x.length - 1]] },
      yaxis: { title: { text: yt }, range: [grid.y[0], grid.y[grid.y.length - 1]] },
      legend: { orientation: "h", y: 1.08 },
      updatemenus: [{
        type: "buttons", showactive: false, direction: "left", x: 0, y: -0.12, xanchor: "left", yanchor: "top",
        buttons: [
          { label: "\u25B6 Play", method: "animate", args: [null, play] },
          { label: "\u275A\u275A Pause", method: "animate", args: [[null], { frame: { duration: 0, redraw: true }, mode: "immediate" }] },
        ],
      }],
      sliders: [{
        active: 0, x: 0.25, len: 0.75, y: -0.1, yanchor: "top", currentvalue: { prefix: "step ", xanchor: "right" },
        steps: frames.map((f) => ({
          label: f.name.replace("step ", ""),
          method: "animate",
          args: [[f.name], { frame: { duration: 0, redraw: true }, mode: "immediate", transition: { duration: 0 } }],
        })),
      }],
    }),
  };
}
