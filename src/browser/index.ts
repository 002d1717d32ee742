/**
 * Entry point of the browser build (`npm run build:browser` -> dist/browser/adaptive-lr.min.js, an
 * IIFE that sets `globalThis.adaptiveLr`). Same library as the package root, with the browser's
 * `show()` instead of tslab's; nothing here may use Node APIs (the build fails if it does).
 * `lessons` and `check` are included (~100 KB minified in all) so the in-browser kernel of the
 * JupyterLite site (lite/) serves `adaptive-lr/lessons` and `adaptive-lr/check` from this one bundle.
 */
export * as datasets from "../datasets";
export * as models from "../models";
export * as optimizers from "../optimizers";
export * as schedules from "../schedules";
export * as transforms from "../transforms";
export { train } from "../train";
export { lineSearch, logSearch, logGrid } from "../search";
export { randomSource } from "../rng";
export * as charts from "../charts";
export * as explore from "../explore";
export { show } from "./display";
export * as lessons from "../lessons";
export * as check from "../check";
