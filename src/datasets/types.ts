/** A one-feature dataset for the sigmoid neuron: x[i] is the input of point i, y[i] its target in [0, 1]. */
export interface PointData {
  x: number[];
  y: number[];
}
