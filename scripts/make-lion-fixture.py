#!/usr/bin/python3
"""Independent reference trajectories for optimizers.lion (Chen et al. 2023, Algorithm 2), in NumPy.

torch.optim has no Lion (Debian's torch 1.13 and current torch alike), so the reference is the
paper's pseudo-code written below independently of src/:

    c = beta1 * m + (1 - beta1) * g
    w = w - eta * (sign(c) + lambda * w)
    m = beta2 * m + (1 - beta2) * g

on the sigmoid neuron f = 1/(1+exp(-(w x + b))), loss = sum 0.5 (f - y)^2, with the datasets of
test/fixtures/optimizer-trajectories.json (toy2, sparse40), modes "batch", "sgd" and mini-batches of
8 in dataset order. Writes test/fixtures/lion-trajectories.json in the same case format.
Run: /usr/bin/python3 scripts/make-lion-fixture.py (needs Debian's python3-numpy). Deterministic.
"""
import json
import os

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "test", "fixtures")


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def point_grad(params, x, y):
    f = sigmoid(params[0] * x + params[1])
    common = (f - y) * f * (1 - f)
    return np.array([common * x, common])


def loss(params, xs, ys):
    return float(sum(0.5 * (sigmoid(params[0] * x + params[1]) - y) ** 2 for x, y in zip(xs, ys)))


def batches(mode, n):
    if mode == "batch":
        return [list(range(n))]
    if mode == "sgd":
        return [[i] for i in range(n)]
    size = mode["batchSize"]
    return [list(range(i, min(i + size, n))) for i in range(0, n, size)]


def lion_run(xs, ys, init, hyper, mode, epochs):
    eta, beta1, beta2, lam = hyper["eta"], hyper["beta1"], hyper["beta2"], hyper["weightDecay"]
    w = np.array(init, dtype=np.float64)
    m = np.zeros(2)
    params, losses = [list(w)], [loss(w, xs, ys)]
    for _ in range(epochs):
        for batch in batches(mode, len(xs)):
            g = np.zeros(2)
            for i in batch:
                g = g + point_grad(w, xs[i], ys[i])
            c = beta1 * m + (1 - beta1) * g
            w = w - eta * (np.sign(c) + lam * w)
            m = beta2 * m + (1 - beta2) * g
            params.append([float(w[0]), float(w[1])])
            losses.append(loss(w, xs, ys))
    return params, losses


def main():
    with open(os.path.join(FIXTURES, "optimizer-trajectories.json")) as f:
        datasets = json.load(f)["datasets"]
    cases = []
    settings = [
        ({"eta": 0.05, "beta1": 0.9, "beta2": 0.99, "weightDecay": 0.0}, [-2.0, -2.0]),
        ({"eta": 0.02, "beta1": 0.95, "beta2": 0.98, "weightDecay": 0.1}, [-4.0, 4.0]),
    ]
    for dataset in ("toy2", "sparse40"):
        xs, ys = datasets[dataset]["x"], datasets[dataset]["y"]
        for mode, epochs in (("batch", 30), ("sgd", 5), ({"batchSize": 8}, 6)):
            for hyper, init in settings:
                params, losses = lion_run(xs, ys, init, hyper, mode, epochs)
                mode_name = mode if isinstance(mode, str) else "mb%d" % mode["batchSize"]
                cases.append({
                    "id": "lion/lecture/%s/%s/init(%g,%g)/wd%g" % (dataset, mode_name, init[0], init[1], hyper["weightDecay"]),
                    "optimizer": "lion", "hyper": hyper, "flavor": "lecture", "dataset": dataset,
                    "mode": mode, "epochs": epochs, "init": init, "params": params, "loss": losses,
                })
    out = {"generator": "scripts/make-lion-fixture.py (NumPy, Chen et al. 2023 Algorithm 2)",
           "numpy": np.__version__, "cases": cases}
    with open(os.path.join(FIXTURES, "lion-trajectories.json"), "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print("wrote %d Lion cases" % len(cases))


if __name__ == "__main__":
    main()
