/**
 * Composable gradient transformations (after optax) and `chain`, which turns a list of them into
 * an optimizer. The lecture's 13 rules stay written out in src/optimizers (their exact operation
 * order matters); chains are for anything beyond them (Lion, clipping, decoupled decay on any rule).
 */
export type { GradientTransformation, TransformState, TransformStep } from "./types";
export { chain } from "./chain";
export type { ChainState, ChainHyper } from "./chain";
export { scaleByAdam } from "./scaleByAdam";
export type { ScaleByAdamOptions } from "./scaleByAdam";
export { scaleByRms } from "./scaleByRms";
export type { ScaleByRmsOptions } from "./scaleByRms";
export { scaleBySignMomentum } from "./scaleBySignMomentum";
export type { ScaleBySignMomentumOptions } from "./scaleBySignMomentum";
export { addDecayedWeights } from "./addDecayedWeights";
export { clipByGlobalNorm } from "./clipByGlobalNorm";
export { scaleByLearningRate } from "./scaleByLearningRate";
