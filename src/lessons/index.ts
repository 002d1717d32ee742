/**
 * Small computations the lecture notebooks show (tables, estimates, worked numbers), kept here so
 * the notebooks stay short and every number they print has a test. One file per topic.
 */
export {};
export * as adam from "./adam";
export * as lpNorms from "./lpNorms";
export * as nadam from "./nadam";
export * as amsgradAdamw from "./amsgradAdamw";
export * as whichOptimizer from "./whichOptimizer";
export * as schedules from "./schedules";
export * as rmsprop from "./rmsprop";
export * as adadelta from "./adadelta";
