"""The lecture-flavour update rules, written once for the Python baselines of `npm run bench`.

Each rule is a function of ONE element (grad g, state s, param p, learning rate lr, update count t,
elementwise ops): with math's scalar ops it is the lecture's plain-Python update, looped over the
parameters by `make_rule`; with NumPy's array ops (`make_numpy_rule`) the same expression updates the
whole vector at once. The arithmetic mirrors the kit's lecture flavour (src/optimizers/*.ts) so the
runner can check that both sides reached the same parameters. Hyperparameters come from the kit's
`optimizer.hyper` (defaults already filled in), exported by the runner.
"""
import math


class ScalarOps:
    sqrt = staticmethod(math.sqrt)
    maximum = staticmethod(max)
    abs = staticmethod(abs)


def _adam_moments(g, s, b1, b2):
    m = b1 * s["m"] + (1 - b1) * g
    v = b2 * s["v"] + (1 - b2) * (g * g)
    return m, v


def _denom(v, eps, inside, ops):
    return ops.sqrt(v + eps) if inside else ops.sqrt(v) + eps


def rule_steps(name, h):
    """(state keys, step(g, s, p, lr, t, ops) -> (new p, new s), look-ahead or None)."""
    if name == "gd":
        return [], lambda g, s, p, lr, t, ops: (p - lr * g, s), None
    if name in ("momentum", "nag"):
        beta = h["beta"]

        def step(g, s, p, lr, t, ops):
            u = beta * s["u"] + g
            return p - lr * u, {"u": u}
        look = (lambda s, p, lr: p - lr * beta * s["u"]) if name == "nag" else None
        return ["u"], step, look
    if name in ("adagrad", "rmsprop"):
        eps, inside = h["eps"], h.get("epsInsideSqrt", False)
        beta = h.get("beta")

        def step(g, s, p, lr, t, ops):
            v = s["v"] + g * g if name == "adagrad" else beta * s["v"] + (1 - beta) * (g * g)
            return p - lr * (g / _denom(v, eps, inside, ops)), {"v": v}
        return ["v"], step, None
    if name == "adadelta":
        beta, eps = h["beta"], h["eps"]

        def step(g, s, p, lr, t, ops):
            v = beta * s["v"] + (1 - beta) * (g * g)
            delta = ops.sqrt(s["u"] + eps) / ops.sqrt(v + eps) * g
            u = beta * s["u"] + (1 - beta) * (delta * delta)
            return p - lr * delta, {"v": v, "u": u}
        return ["v", "u"], step, None
    if name in ("adam", "adamw"):
        b1, b2, eps = h["beta1"], h["beta2"], h["eps"]
        corrected = h.get("biasCorrection", True)
        decay = h.get("weightDecay", 0.0) if name == "adamw" else 0.0

        def step(g, s, p, lr, t, ops):
            if name == "adamw":
                p = p - lr * decay * p
            m, v = _adam_moments(g, s, b1, b2)
            m_hat = m / (1 - b1 ** t) if corrected else m
            v_hat = v / (1 - b2 ** t) if corrected else v
            return p - lr * (m_hat / (ops.sqrt(v_hat) + eps)), {"m": m, "v": v}
        return ["m", "v"], step, None
    if name == "maxprop":
        beta, eps = h["beta"], h["eps"]

        def step(g, s, p, lr, t, ops):
            v = ops.maximum(beta * s["v"], ops.abs(g))
            return p - lr * (g / (v + eps)), {"v": v}
        return ["v"], step, None
    if name == "adamax":
        b1, b2, eps = h["beta1"], h["beta2"], h["eps"]

        def step(g, s, p, lr, t, ops):
            m = b1 * s["m"] + (1 - b1) * g
            v = ops.maximum(b2 * s["v"], ops.abs(g))
            return p - lr * ((m / (1 - b1 ** t)) / (v + eps)), {"m": m, "v": v}
        return ["m", "v"], step, None
    if name == "nadam":
        b1, b2, eps = h["beta1"], h["beta2"], h["eps"]

        def step(g, s, p, lr, t, ops):
            m, v = _adam_moments(g, s, b1, b2)
            bc1 = 1 - b1 ** t
            denom = ops.sqrt(v / (1 - b2 ** t)) + eps
            return p - (lr / denom) * (b1 * (m / bc1) + ((1 - b1) * g) / bc1), {"m": m, "v": v}
        return ["m", "v"], step, None
    if name == "amsgrad":
        b1, b2, eps = h["beta1"], h["beta2"], h["eps"]

        def step(g, s, p, lr, t, ops):
            m, v = _adam_moments(g, s, b1, b2)
            v_hat = ops.maximum(s["vHat"], v)
            return p - lr * (m / (ops.sqrt(v_hat) + eps)), {"m": m, "v": v, "vHat": v_hat}
        return ["m", "v", "vHat"], step, None
    if name == "radam":
        b1, b2, eps = h["beta1"], h["beta2"], h["eps"]
        rho_inf = 2 / (1 - b2) - 1

        def step(g, s, p, lr, t, ops):
            m, v = _adam_moments(g, s, b1, b2)
            m_hat = m / (1 - b1 ** t)
            bc2 = 1 - b2 ** t
            rho_t = rho_inf - (2 * t * b2 ** t) / bc2
            if rho_t > 5:
                r = math.sqrt(((rho_t - 4) * (rho_t - 2) * rho_inf) / ((rho_inf - 4) * (rho_inf - 2) * rho_t))
                rate = (lr * r) / (ops.sqrt(v / bc2) + eps)
            else:
                rate = lr
            return p - m_hat * rate, {"m": m, "v": v}
        return ["m", "v"], step, None
    raise ValueError("update_rules: no baseline for optimizer %r" % name)


def _check_flavor(name, h):
    if h.get("flavor", "lecture") != "lecture":
        raise ValueError("update_rules: only the lecture flavour is benchmarked, got %r for %s" % (h.get("flavor"), name))
    if not isinstance(h.get("eta", 1), (int, float)):
        raise ValueError("update_rules: eta must be a number for %s" % name)


class Rule:
    """Plain Python: parameters and state are lists, updated one element at a time."""

    def __init__(self, name, h):
        _check_flavor(name, h)
        self.eta = h.get("eta", 1.0)
        self.keys, self.step, self.look = rule_steps(name, h)

    def init(self, n):
        state = {k: [0.0] * n for k in self.keys}
        state["t"] = 0
        return state

    def gradient_point(self, params, state):
        if self.look is None:
            return params
        return [self.look({"u": state["u"][i]}, params[i], self.eta) for i in range(len(params))]

    def update(self, grad, state, params):
        t = state["t"] + 1
        new = [0.0] * len(params)
        keys, step, lr = self.keys, self.step, self.eta
        for i in range(len(params)):
            new[i], s = step(grad[i], {k: state[k][i] for k in keys}, params[i], lr, t, ScalarOps)
            for k in keys:
                state[k][i] = s[k]
        state["t"] = t
        return new


def make_rule(name, h):
    return Rule(name, h)


def make_numpy_rule(name, h):
    """The same rule on NumPy vectors: one array expression per update."""
    import numpy as np

    class NumpyOps:
        sqrt = staticmethod(np.sqrt)
        maximum = staticmethod(np.maximum)
        abs = staticmethod(np.abs)

    class NumpyRule(Rule):
        def init(self, n):
            state = {k: np.zeros(n) for k in self.keys}
            state["t"] = 0
            return state

        def gradient_point(self, params, state):
            return params if self.look is None else self.look(state, params, self.eta)

        def update(self, grad, state, params):
            t = state["t"] + 1
            new, s = self.step(grad, state, params, self.eta, t, NumpyOps)
            state.update(s)
            state["t"] = t
            return new

    return NumpyRule(name, h)
