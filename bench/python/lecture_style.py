"""The benchmark workloads written the way the lecture writes them: plain Python, loops over points.

Baseline for `npm run bench` (see bench/README section in LATEST.md). Every function does the same
work as the kit's call it is compared with, on the same data (read from the JSON the runner
exports), and returns numbers the runner checks against the kit's (final params, last loss).

Differences from the slides' code, on purpose:
- the batch gradient is SUMMED over points (`dw += ...`; some slides overwrite it with `dw = ...`);
- the sigmoid uses math.exp, not np.exp on Python floats (np.exp on a scalar is several times
  slower, so this baseline is the faster of the two and the ratios are conservative);
- the update rules follow the kit's lecture flavour exactly (eps outside the square root unless
  the kit's hyperparameters say otherwise; t = update count for the bias corrections).
"""
import math

from update_rules import make_rule


def sigmoid(z):
    try:
        return 1.0 / (1.0 + math.exp(-z))
    except OverflowError:  # exp(-z) too large: the neuron is fully off
        return 0.0


# ---- the sigmoid neuron, as on the slides --------------------------------------------------------

def f(w, b, x):
    return sigmoid(w * x + b)


def grad_w(w, b, x, y):
    fx = f(w, b, x)
    return (fx - y) * fx * (1 - fx) * x


def grad_b(w, b, x, y):
    fx = f(w, b, x)
    return (fx - y) * fx * (1 - fx)


def error(w, b, X, Y):
    err = 0.0
    for x, y in zip(X, Y):
        r = f(w, b, x) - y
        err += 0.5 * r * r
    return err


def summary(history, losses, check_step):
    """Same shape as the kit's summary (bench/workloads.js): compared part and reported part."""
    return {"check": {"early": list(history[check_step]), "records": len(losses)},
            "final": {"params": list(history[-1]), "loss": losses[-1]}}


def train_neuron(rule, init, X, Y, epochs, per_point, check_step):
    """Batch (per_point False: one update per epoch, gradient summed over all points) or SGD
    (per_point True: one update per point, in dataset order). Records w, b and the full-data loss
    after every update, as the kit's trajectory does."""
    w, b = float(init[0]), float(init[1])
    state = rule.init(2)
    ws, bs, losses = [w], [b], [error(w, b, X, Y)]
    for epoch in range(epochs):
        if per_point:
            for x, y in zip(X, Y):
                gw, gb = rule.gradient_point([w, b], state)
                dw = grad_w(gw, gb, x, y)
                db = grad_b(gw, gb, x, y)
                w, b = rule.update([dw, db], state, [w, b])
                ws.append(w)
                bs.append(b)
                losses.append(error(w, b, X, Y))
        else:
            gw, gb = rule.gradient_point([w, b], state)
            dw, db = 0.0, 0.0
            for x, y in zip(X, Y):
                dw += grad_w(gw, gb, x, y)
                db += grad_b(gw, gb, x, y)
            w, b = rule.update([dw, db], state, [w, b])
            ws.append(w)
            bs.append(b)
            losses.append(error(w, b, X, Y))
    return summary([[p, q] for p, q in zip(ws, bs)], losses, check_step)


def workload_a(data):
    """(a) every lecture optimizer, batch epochs on the sparse data."""
    X, Y = data["sparse"]["x"], data["sparse"]["y"]
    spec = data["a"]
    out = {}
    for opt in spec["optimizers"]:
        out[opt["name"]] = train_neuron(make_rule(opt["name"], opt["hyper"]), spec["init"], X, Y,
                                        spec["epochs"], per_point=False, check_step=data["checkStep"])
    return out


def workload_b(data):
    """(b) Adam, one update per point (SGD), dataset order."""
    X, Y = data["sparse"]["x"], data["sparse"]["y"]
    spec = data["b"]
    rule = make_rule("adam", spec["hyper"])
    return {"adam": train_neuron(rule, spec["init"], X, Y, spec["epochs"], per_point=True, check_step=data["checkStep"])}


def workload_c(data):
    """(c) the loss surface on a (w, b) grid: one error() call per grid point."""
    X, Y = data["sparse"]["x"], data["sparse"]["y"]
    ws, bs = data["c"]["ws"], data["c"]["bs"]
    Z = []
    for b in bs:
        Z.append([error(w, b, X, Y) for w in ws])
    checksum = 0.0
    for row in Z:
        for v in row:
            checksum += v
    return {"check": {"checksum": checksum, "corner": Z[0][0], "rows": len(Z), "cols": len(Z[0])}}


# ---- logistic regression on the sparse many-feature data (CSR) -----------------------------------

def softplus(z):
    return z + math.log1p(math.exp(-z)) if z > 0 else math.log1p(math.exp(z))


def logistic_train(rule, d, epochs, check_step):
    n, features = d["n"], d["features"]
    indptr, indices, values, Y = d["indptr"], d["indices"], d["values"], d["y"]
    params = [0.0] * (features + 1)
    state = rule.init(features + 1)

    def loss(p):
        total = 0.0
        for i in range(n):
            z = p[features]
            for k in range(indptr[i], indptr[i + 1]):
                z += p[indices[k]] * values[k]
            total += softplus(z) - Y[i] * z
        return total

    history, losses = [params], [loss(params)]
    for epoch in range(epochs):
        p = rule.gradient_point(params, state)
        grad = [0.0] * (features + 1)
        for i in range(n):
            z = p[features]
            for k in range(indptr[i], indptr[i + 1]):
                z += p[indices[k]] * values[k]
            r = sigmoid(z) - Y[i]
            for k in range(indptr[i], indptr[i + 1]):
                grad[indices[k]] += r * values[k]
            grad[features] += r
        params = rule.update(grad, state, params)
        history.append(params)
        losses.append(loss(params))
    return summary(history, losses, check_step)


def workload_d(data):
    """(d) AdaGrad and Adam, batch epochs of the summed log-loss on the 1,000-feature data."""
    spec = data["d"]
    out = {}
    for opt in spec["optimizers"]:
        out[opt["name"]] = logistic_train(make_rule(opt["name"], opt["hyper"]), data["logistic"], spec["epochs"], data["checkStep"])
    return out


WORKLOADS = {"a": workload_a, "b": workload_b, "c": workload_c, "d": workload_d}
