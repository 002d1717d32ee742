/**
 * The import specifiers a cell of the browser kernel may use, all served by the library's one
 * browser bundle (dist/browser/adaptive-lr.min.js, global `adaptiveLr`): the package root and its
 * `lessons` / `check` subpaths (also under dist/, as the exercises notebook writes them).
 */
export function moduleTable(library: Record<string, unknown>): Record<string, unknown> {
  return {
    "adaptive-lr": library,
    "adaptive-lr/lessons": library.lessons,
    "adaptive-lr/dist/lessons": library.lessons,
    "adaptive-lr/check": library.check,
    "adaptive-lr/dist/check": library.check,
  };
}
