export type { Model, Surface } from "./types";
export { sigmoidNeuron, sigmoid } from "./sigmoidNeuron";
export { surfaces, saddle, bowl, valley, rosenbrock, rotated } from "./surfaces";
export { logistic } from "./logistic";
