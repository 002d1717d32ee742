"""The benchmark workloads vectorised with NumPy (Debian's python3-numpy): no Python loop over points.

Same data, same work and same records as lecture_style.py (the full-data loss after every update);
the loops over points (and, for the surface, over one grid axis) become array expressions, and what
natural vectorised code shares is shared (in batch training the sigmoid / margins at the new params
serve both the recorded loss and the next gradient).
"""
import numpy as np

from update_rules import make_numpy_rule


def sigmoid(z):
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-z))


def summary(history, losses, records, check_step):
    return {"check": {"early": history[check_step].tolist(), "records": int(records)},
            "final": {"params": history[records - 1].tolist(), "loss": float(losses[records - 1])}}


def train_neuron(rule, init, X, Y, epochs, per_point, check_step):
    p = np.array(init, dtype=float)
    state = rule.init(2)

    def loss(q):
        r = sigmoid(q[0] * X + q[1]) - Y
        return 0.5 * np.dot(r, r)

    n = len(X)
    total = epochs * (n if per_point else 1)
    params = np.empty((total + 1, 2))
    losses = np.empty(total + 1)
    params[0], losses[0] = p, loss(p)
    k = 0
    f_at = None
    for epoch in range(epochs):
        if per_point:
            for i in range(n):
                q = rule.gradient_point(p, state)
                fx = sigmoid(q[0] * X[i] + q[1])
                common = (fx - Y[i]) * fx * (1 - fx)
                p = rule.update(np.array([common * X[i], common]), state, p)
                k += 1
                params[k], losses[k] = p, loss(p)
        else:
            # The sigmoid at p serves the recorded loss and the next gradient (unless the optimizer
            # looks ahead, as lecture NAG does): natural vectorised code computes it once.
            if rule.look is None and f_at is not None:
                fx = f_at
            else:
                q = rule.gradient_point(p, state)
                fx = sigmoid(q[0] * X + q[1])
            common = (fx - Y) * fx * (1 - fx)
            p = rule.update(np.array([np.dot(common, X), common.sum()]), state, p)
            k += 1
            f_at = sigmoid(p[0] * X + p[1])
            r = f_at - Y
            params[k], losses[k] = p, 0.5 * np.dot(r, r)
    return summary(params, losses, k + 1, check_step)


def _points(data):
    return np.array(data["sparse"]["x"], dtype=float), np.array(data["sparse"]["y"], dtype=float)


def workload_a(data):
    X, Y = _points(data)
    spec = data["a"]
    return {opt["name"]: train_neuron(make_numpy_rule(opt["name"], opt["hyper"]), spec["init"], X, Y,
                                      spec["epochs"], per_point=False, check_step=data["checkStep"])
            for opt in spec["optimizers"]}


def workload_b(data):
    X, Y = _points(data)
    spec = data["b"]
    return {"adam": train_neuron(make_numpy_rule("adam", spec["hyper"]), spec["init"], X, Y,
                                 spec["epochs"], per_point=True, check_step=data["checkStep"])}


def workload_c(data):
    """One (len(ws) x n) block per b, 200 x 500 doubles, computed in place in one preallocated
    buffer (fresh 800 KB temporaries per operation cost more in page faults than in arithmetic;
    broadcasting the whole 200 x 200 x 500 cube at once needs ~0.5 GB and is slower still)."""
    X, Y = _points(data)
    ws = np.array(data["c"]["ws"], dtype=float)
    bs = np.array(data["c"]["bs"], dtype=float)
    Z = np.empty((len(bs), len(ws)))
    wx = ws[:, None] * X[None, :]
    buf = np.empty_like(wx)
    with np.errstate(over="ignore"):
        for j, b in enumerate(bs):
            np.add(wx, b, out=buf)
            np.negative(buf, out=buf)
            np.exp(buf, out=buf)
            buf += 1.0
            np.divide(1.0, buf, out=buf)  # the sigmoid
            buf -= Y
            Z[j] = 0.5 * np.einsum("ij,ij->i", buf, buf)
    return {"check": {"checksum": float(Z.sum()), "corner": float(Z[0, 0]), "rows": Z.shape[0], "cols": Z.shape[1]}}


def softplus(z):
    return np.logaddexp(0.0, z)


def logistic_train(rule, d, epochs, check_step):
    n, features = d["n"], d["features"]
    indptr = np.array(d["indptr"], dtype=np.int64)
    indices = np.array(d["indices"], dtype=np.int64)
    values = np.array(d["values"], dtype=float)
    Y = np.array(d["y"], dtype=float)
    rows = np.repeat(np.arange(n), np.diff(indptr))
    tmp = np.empty(len(values))  # reused: fresh 345 KB temporaries cost page faults

    def margins(p):
        np.take(p, indices, out=tmp)
        np.multiply(tmp, values, out=tmp)
        return np.bincount(rows, weights=tmp, minlength=n) + p[features]

    def loss(z):
        return float(np.sum(softplus(z) - Y * z))

    p = np.zeros(features + 1)
    state = rule.init(features + 1)
    history = np.empty((epochs + 1, features + 1))
    losses = np.empty(epochs + 1)
    z = margins(p)  # the margins at p serve the recorded loss and the next gradient
    history[0], losses[0] = p, loss(z)
    for epoch in range(epochs):
        if rule.look is not None:
            z = margins(rule.gradient_point(p, state))
        r = sigmoid(z) - Y
        grad = np.empty(features + 1)
        np.take(r, rows, out=tmp)
        np.multiply(tmp, values, out=tmp)
        grad[:features] = np.bincount(indices, weights=tmp, minlength=features)
        grad[features] = r.sum()
        p = rule.update(grad, state, p)
        z = margins(p)
        history[epoch + 1], losses[epoch + 1] = p, loss(z)
    return summary(history, losses, epochs + 1, check_step)


def workload_d(data):
    spec = data["d"]
    return {opt["name"]: logistic_train(make_numpy_rule(opt["name"], opt["hyper"]), data["logistic"], spec["epochs"], data["checkStep"])
            for opt in spec["optimizers"]}


WORKLOADS = {"a": workload_a, "b": workload_b, "c": workload_c, "d": workload_d}
