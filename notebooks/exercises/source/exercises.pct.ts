// %% [markdown]
// # Exercises: adaptive learning rates and schedules
//
// Implement the update rules of the lecture yourself. Each exercise is one **answer cell** (it
// defines one function with a fixed name and signature) followed by a **check cell** that runs
// your function against the course library on small visible cases and prints `PASS`/`FAIL`, the
// first step that goes wrong and, for classic mistakes, a hint.
//
// Rules of the game:
// - Write your code **only in the answer cells** (they are tagged `answer:<exercise>`; the grader
//   finds them by that tag, so you may add, move or delete other cells, but keep the tags and the
//   function names).
// - Each answer cell must be **self-contained**: the grader runs every answer cell on its own, so
//   define helpers inside the cell and do not `import` anything there.
// - Do not mutate the arguments; return new arrays.
// - The grader runs the same checks plus **hidden cases** (other data, starting points and
//   hyperparameters), with a time limit.
//
// Every optimizer exercise trains the lecture's sigmoid neuron, parameters `params = [w, b]`.
// Your step function receives the **batch**: `batch.size` points and `batch.gradient(i)`, the
// gradient `[dw_i, db_i]` of point `i`'s loss at the current parameters. The batch gradient is
// the **sum** over the points, as in the lecture's code (`dw += grad_w(w, b, x, y)`).
// The state has the names the library uses (`v`, `u`, `m`, `vHat`, `t`); you get the previous state
// and return the new one. `t` counts the updates already done: it is 0 before the first update.

// %%
import { check } from "adaptive-lr/check";
import type { Batch, StepResult, AdagradState, AdagradHyper, RmspropState, RmspropHyper, AdadeltaState, AdadeltaHyper } from "adaptive-lr/check";
import type { AdamState, AdamaxState, NadamState, AmsgradState, AdamHyper, CyclicHyper, CosineHyper } from "adaptive-lr/check";

// %% [markdown]
// ## Exercise 1: AdaGrad
//
// $$v_t = v_{t-1} + (\nabla w_t)^2 \qquad w_{t+1} = w_t - \frac{\eta}{\sqrt{v_t} + \epsilon}\,\nabla w_t$$
//
// (and the same for `b`). As in the lecture's code, `eps` is added **outside** the square root.

// %% tags=["answer:adagrad"]
function adagradStep(params: number[], batch: Batch, state: AdagradState, hp: AdagradHyper): StepResult<AdagradState> {
  // BEGIN SOLUTION
  const grad = params.map(() => 0);
  for (let i = 0; i < batch.size; i++) batch.gradient(i).forEach((g, j) => (grad[j] += g));
  const v = state.v.map((vj, j) => vj + grad[j] ** 2);
  const next = params.map((w, j) => w - (hp.eta / (Math.sqrt(v[j]) + hp.eps)) * grad[j]);
  return { params: next, state: { v } };
  // END SOLUTION
}

// %%
check.adagrad(adagradStep);

// %% [markdown]
// ## Exercise 2 (explain): AdaGrad's effective learning rate
//
// On the lecture's sparse data (`datasets.sparse()`), batch AdaGrad starts at $(w, b) = (-2, -2)$
// with $\eta = 0.1$ and $\epsilon = 10^{-8}$. The cell below prints the batch gradient there.
// What is the **effective learning rate of `b`** in the first update, $\eta / (\sqrt{v_1} + \epsilon)$?
// Answer with a number (3 significant digits are enough), and think about why it is so much
// smaller than the rate of `w`.

// %%
import { datasets, models } from "adaptive-lr";
const sparseData = datasets.sparse();
const grad0 = new Float64Array(2);
sparseData.x.forEach((_, i) => models.sigmoidNeuron.addPointGradient([-2, -2], sparseData, i, grad0));
console.log(`batch gradient at (-2, -2): dw = ${grad0[0].toFixed(4)}, db = ${grad0[1].toFixed(4)}`);

// %% tags=["answer:explain"]
// BEGIN SOLUTION
// After one step v_b = db^2 = 9.1846^2, so the rate is 0.1 / (sqrt(v_b) + 1e-8) = 0.1 / 9.1846.
const effectiveLrB: number = 0.1 / (Math.sqrt(9.1846 ** 2) + 1e-8);
// STUB: const effectiveLrB: number = NaN; // replace NaN by your answer
// END SOLUTION

// %%
check.explain(effectiveLrB);

// %% [markdown]
// ## Exercise 3: RMSProp
//
// $$v_t = \beta v_{t-1} + (1 - \beta)(\nabla w_t)^2 \qquad w_{t+1} = w_t - \frac{\eta}{\sqrt{v_t} + \epsilon}\,\nabla w_t$$

// %% tags=["answer:rmsprop"]
function rmspropStep(params: number[], batch: Batch, state: RmspropState, hp: RmspropHyper): StepResult<RmspropState> {
  // BEGIN SOLUTION
  const grad = params.map(() => 0);
  for (let i = 0; i < batch.size; i++) batch.gradient(i).forEach((g, j) => (grad[j] += g));
  const v = state.v.map((vj, j) => hp.beta * vj + (1 - hp.beta) * grad[j] ** 2);
  const next = params.map((w, j) => w - (hp.eta / (Math.sqrt(v[j]) + hp.eps)) * grad[j]);
  return { params: next, state: { v } };
  // END SOLUTION
}

// %%
check.rmsprop(rmspropStep);

// %% [markdown]
// ## Exercise 4: AdaDelta
//
// $$v_t = \beta v_{t-1} + (1-\beta)(\nabla w_t)^2 \qquad
//   \Delta w_t = -\frac{\sqrt{u_{t-1} + \epsilon}}{\sqrt{v_t + \epsilon}}\,\nabla w_t \qquad
//   w_{t+1} = w_t + \Delta w_t \qquad u_t = \beta u_{t-1} + (1-\beta)(\Delta w_t)^2$$
//
// There is no learning rate; `u` from the previous step is used before it is updated.

// %% tags=["answer:adadelta"]
function adadeltaStep(params: number[], batch: Batch, state: AdadeltaState, hp: AdadeltaHyper): StepResult<AdadeltaState> {
  // BEGIN SOLUTION
  const grad = params.map(() => 0);
  for (let i = 0; i < batch.size; i++) batch.gradient(i).forEach((g, j) => (grad[j] += g));
  const v = state.v.map((vj, j) => hp.beta * vj + (1 - hp.beta) * grad[j] ** 2);
  const delta = grad.map((g, j) => -(Math.sqrt(state.u[j] + hp.eps) / Math.sqrt(v[j] + hp.eps)) * g);
  const u = state.u.map((uj, j) => hp.beta * uj + (1 - hp.beta) * delta[j] ** 2);
  return { params: params.map((w, j) => w + delta[j]), state: { v, u } };
  // END SOLUTION
}

// %%
check.adadelta(adadeltaStep);

// %% [markdown]
// ## Exercise 5: Adam, with bias correction
//
// $$m_t = \beta_1 m_{t-1} + (1-\beta_1)\nabla w_t \qquad v_t = \beta_2 v_{t-1} + (1-\beta_2)(\nabla w_t)^2$$
// $$\hat m_t = \frac{m_t}{1-\beta_1^t} \qquad \hat v_t = \frac{v_t}{1-\beta_2^t} \qquad
//   w_{t+1} = w_t - \frac{\eta}{\sqrt{\hat v_t} + \epsilon}\,\hat m_t$$
//
// `t` is 1 on the first update: `state.t` is the number of updates done **before** this one.

// %% tags=["answer:adam"]
function adamStep(params: number[], batch: Batch, state: AdamState, hp: AdamHyper): StepResult<AdamState> {
  // BEGIN SOLUTION
  const grad = params.map(() => 0);
  for (let i = 0; i < batch.size; i++) batch.gradient(i).forEach((g, j) => (grad[j] += g));
  const t = state.t + 1;
  const m = state.m.map((mj, j) => hp.beta1 * mj + (1 - hp.beta1) * grad[j]);
  const v = state.v.map((vj, j) => hp.beta2 * vj + (1 - hp.beta2) * grad[j] ** 2);
  const next = params.map((w, j) => {
    const mHat = m[j] / (1 - hp.beta1 ** t);
    const vHat = v[j] / (1 - hp.beta2 ** t);
    return w - (hp.eta / (Math.sqrt(vHat) + hp.eps)) * mHat;
  });
  return { params: next, state: { t, m, v } };
  // END SOLUTION
}

// %%
check.adam(adamStep);

// %% [markdown]
// ## Exercise 6: AdaMax
//
// $$m_t, \hat m_t \text{ as in Adam} \qquad v_t = \max(\beta_2 v_{t-1}, |\nabla w_t|) \qquad
//   w_{t+1} = w_t - \frac{\eta}{v_t + \epsilon}\,\hat m_t$$
//
// The max is not biased towards 0, so `v` needs no bias correction.

// %% tags=["answer:adamax"]
function adamaxStep(params: number[], batch: Batch, state: AdamaxState, hp: AdamHyper): StepResult<AdamaxState> {
  // BEGIN SOLUTION
  const grad = params.map(() => 0);
  for (let i = 0; i < batch.size; i++) batch.gradient(i).forEach((g, j) => (grad[j] += g));
  const t = state.t + 1;
  const m = state.m.map((mj, j) => hp.beta1 * mj + (1 - hp.beta1) * grad[j]);
  const v = state.v.map((vj, j) => Math.max(hp.beta2 * vj, Math.abs(grad[j])));
  const next = params.map((w, j) => w - (hp.eta / (v[j] + hp.eps)) * (m[j] / (1 - hp.beta1 ** t)));
  return { params: next, state: { t, m, v } };
  // END SOLUTION
}

// %%
check.adamax(adamaxStep);

// %% [markdown]
// ## Exercise 7: NAdam
//
// With $m_t, v_t, \hat m_t, \hat v_t$ as in Adam:
// $$w_{t+1} = w_t - \frac{\eta}{\sqrt{\hat v_t} + \epsilon}\left(\beta_1 \hat m_t + \frac{(1-\beta_1)\nabla w_t}{1-\beta_1^t}\right)$$

// %% tags=["answer:nadam"]
function nadamStep(params: number[], batch: Batch, state: NadamState, hp: AdamHyper): StepResult<NadamState> {
  // BEGIN SOLUTION
  const grad = params.map(() => 0);
  for (let i = 0; i < batch.size; i++) batch.gradient(i).forEach((g, j) => (grad[j] += g));
  const t = state.t + 1;
  const m = state.m.map((mj, j) => hp.beta1 * mj + (1 - hp.beta1) * grad[j]);
  const v = state.v.map((vj, j) => hp.beta2 * vj + (1 - hp.beta2) * grad[j] ** 2);
  const next = params.map((w, j) => {
    const mHat = m[j] / (1 - hp.beta1 ** t);
    const vHat = v[j] / (1 - hp.beta2 ** t);
    const lookAhead = hp.beta1 * mHat + ((1 - hp.beta1) * grad[j]) / (1 - hp.beta1 ** t);
    return w - (hp.eta / (Math.sqrt(vHat) + hp.eps)) * lookAhead;
  });
  return { params: next, state: { t, m, v } };
  // END SOLUTION
}

// %%
check.nadam(nadamStep);

// %% [markdown]
// ## Exercise 8: AMSGrad
//
// $$m_t = \beta_1 m_{t-1} + (1-\beta_1)\nabla w_t \qquad v_t = \beta_2 v_{t-1} + (1-\beta_2)(\nabla w_t)^2 \qquad
//   \hat v_t = \max(\hat v_{t-1}, v_t) \qquad w_{t+1} = w_t - \frac{\eta}{\sqrt{\hat v_t} + \epsilon}\,m_t$$
//
// No bias correction in AMSGrad.

// %% tags=["answer:amsgrad"]
function amsgradStep(params: number[], batch: Batch, state: AmsgradState, hp: AdamHyper): StepResult<AmsgradState> {
  // BEGIN SOLUTION
  const grad = params.map(() => 0);
  for (let i = 0; i < batch.size; i++) batch.gradient(i).forEach((g, j) => (grad[j] += g));
  const m = state.m.map((mj, j) => hp.beta1 * mj + (1 - hp.beta1) * grad[j]);
  const v = state.v.map((vj, j) => hp.beta2 * vj + (1 - hp.beta2) * grad[j] ** 2);
  const vHat = state.vHat.map((h, j) => Math.max(h, v[j]));
  const next = params.map((w, j) => w - (hp.eta / (Math.sqrt(vHat[j]) + hp.eps)) * m[j]);
  return { params: next, state: { m, v, vHat } };
  // END SOLUTION
}

// %%
check.amsgrad(amsgradStep);

// %% [markdown]
// ## Exercise 9: cyclic (triangular) learning rate
//
// $$\eta_t = \eta_{min} + (\eta_{max} - \eta_{min})\cdot\max\left(0,\ 1 - \left|\frac{t}{\mu} - 2\left\lfloor 1 + \frac{t}{2\mu}\right\rfloor + 1\right|\right)$$
//
// `step` is $t$, 0-based (step 0 is the first update); `hp.stepSize` is $\mu$, half a cycle.

// %% tags=["answer:cyclic"]
function cyclicLr(step: number, hp: CyclicHyper): number {
  // BEGIN SOLUTION
  const cycle = Math.floor(1 + step / (2 * hp.stepSize));
  const x = Math.abs(step / hp.stepSize - 2 * cycle + 1);
  return hp.etaMin + (hp.etaMax - hp.etaMin) * Math.max(0, 1 - x);
  // END SOLUTION
}

// %%
check.cyclic(cyclicLr);

// %% [markdown]
// ## Exercise 10: cosine annealing with warm restarts
//
// The lecture's form, with restart interval $T$:
// $$\eta_t = \eta_{min} + \frac{\eta_{max} - \eta_{min}}{2}\left(1 + \cos\left(\pi\,\frac{t \bmod (T+1)}{T}\right)\right)$$

// %% tags=["answer:cosine"]
function cosineRestartLr(step: number, hp: CosineHyper): number {
  // BEGIN SOLUTION
  const position = step % (hp.T + 1);
  return hp.etaMin + ((hp.etaMax - hp.etaMin) / 2) * (1 + Math.cos((Math.PI * position) / hp.T));
  // END SOLUTION
}

// %%
check.cosine(cosineRestartLr);

// %% [markdown]
// ## Done?
//
// Save the notebook and hand it in as it is. The grader runs `npx adaptive-lr grade <your notebook>`:
// it reruns these checks, adds hidden cases and gives partial credit per case.
