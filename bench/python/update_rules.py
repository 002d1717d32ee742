"""The lecture-flavour update rules, written once for the Python baselines of `npm run bench`.

Each rule is written once as the update of element i (grad g, state vectors s, param p, learning
rate lr, update count t, elementwise ops): with math's scalar ops and an int i it is the lecture's
plain-Python update, looped over the parameters by `make_rule`; with NumPy's array ops and
i = slice(None) (`make_numpy_rule`) the same expression updates the whole vector in place. The arithmetic mirrors the kit's lecture flavour (src/optimizers/*.ts) so the
runner can check that both sides reached the same parameters. Hyperparameters come from the kit's
`optimizer.hyper` (defaults already filled in), exported by the runner.
"""
import math


class ScalarOps:
    sqrt = staticmethod(math.sqrt)
    maximum = staticmethod(max)
    abs = staticmethod(abs)


def _denom(v, eps, inside, ops):
    return ops.sqrt(v + eps) if inside else ops.sqrt(v) + eps


def rule_steps(name, h):
    """(state keys, step(g, s, p, lr, t, ops, i) -> new p, look-ahead or None).

    `s` maps each state key to the state vector; a step reads and writes element `i` of it
    (an int for plain Python lists, slice(None) for whole NumPy arrays, updated in place)."""
    if name == "gd":
        return [], lambda g, s, p, lr, t, ops, i: p - lr * g, None
    if name in ("momentum", "nag"):
        beta = h["beta"]

        def step(g, s, p, lr, t, ops, i):
            u = s["u"][i] = beta * s["u"][i] + g
            return p - lr * u
        look = (lambda s, p, lr, i: p - lr * beta * s["u"][i]) if name == "nag" else None
        return ["u"], step, look
    if name in ("adagrad", "rmsprop"):
        eps, inside = h["eps"], h.get("epsInsideSqrt", False)
        beta = h.get("beta")

        def step(g, s, p, lr, t, ops, i):
            v = s["v"][i] = s["v"][i] + g * g if name == "adagrad" else beta * s["v"][i] + (1 - beta) * (g * g)
            return p - lr * (g / _denom(v, eps, inside, ops))
        return ["v"], step, None
    if name == "adadelta":
        beta, eps = h["beta"], h["eps"]

        def step(g, s, p, lr, t, ops, i):
            v = s["v"][i] = beta * s["v"][i] + (1 - beta) * (g * g)
            delta = ops.sqrt(s["u"][i] + eps) / ops.sqrt(v + eps) * g
            s["u"][i] = beta * s["u"][i] + (1 - beta) * (delta * delta)
            return p - lr * delta
        return ["v", "u"], step, None
    if name in ("adam", "adamw"):
        b1, b2, eps = h["beta1"], h["beta2"], h["eps"]
        corrected = h.get("biasCorrection", True)
        decay = h.get("weightDecay", 0.0) if name == "adamw" else 0.0

        def step(g, s, p, lr, t, ops, i):
            if name == "adamw":
                p = p - lr * decay * p
            m = s["m"][i] = b1 * s["m"][i] + (1 - b1) * g
            v = s["v"][i] = b2 * s["v"][i] + (1 - b2) * (g * g)
            m_hat = m / (1 - b1 ** t) if corrected else m
            v_hat = v / (1 - b2 ** t) if corrected else v
            return p - lr * (m_hat / (ops.sqrt(v_hat) + eps))
        return ["m", "v"], step, None
    if name == "maxprop":
        beta, eps = h["beta"], h["eps"]

        def step(g, s, p, lr, t, ops, i):
            v = s["v"][i] = ops.maximum(beta * s["v"][i], ops.abs(g))
            return p - lr * (g / (v + eps))
        return ["v"], step, None
    if name == "adamax":
        b1, b2, eps = h["beta1"], h["beta2"], h["eps"]

        def step(g, s, p, lr, t, ops, i):
            m = s["m"][i] = b1 * s["m"][i] + (1 - b1) * g
            v = s["v"][i] = ops.maximum(b2 * s["v"][i], ops.abs(g))
            return p - lr * ((m / (1 - b1 ** t)) / (v + eps))
        return ["m", "v"], step, None
    if name == "nadam":
        b1, b2, eps = h["beta1"], h["beta2"], h["eps"]

        def step(g, s, p, lr, t, ops, i):
            m = s["m"][i] = b1 * s["m"][i] + (1 - b1) * g
            v = s["v"][i] = b2 * s["v"][i] + (1 - b2) * (g * g)
            bc1 = 1 - b1 ** t
            denom = ops.sqrt(v / (1 - b2 ** t)) + eps
            return p - (lr / denom) * (b1 * (m / bc1) + ((1 - b1) * g) / bc1)
        return ["m", "v"], step, None
    if name == "amsgrad":
        b1, b2, eps = h["beta1"], h["beta2"], h["eps"]

        def step(g, s, p, lr, t, ops, i):
            m = s["m"][i] = b1 * s["m"][i] + (1 - b1) * g
            v = s["v"][i] = b2 * s["v"][i] + (1 - b2) * (g * g)
            v_hat = s["vHat"][i] = ops.maximum(s["vHat"][i], v)
            return p - lr * (m / (ops.sqrt(v_hat) + eps))
        return ["m", "v", "vHat"], step, None
    if name == "radam":
        b1, b2, eps = h["beta1"], h["beta2"], h["eps"]
        rho_inf = 2 / (1 - b2) - 1

        def step(g, s, p, lr, t, ops, i):
            m = s["m"][i] = b1 * s["m"][i] + (1 - b1) * g
            v = s["v"][i] = b2 * s["v"][i] + (1 - b2) * (g * g)
            m_hat = m / (1 - b1 ** t)
            bc2 = 1 - b2 ** t
            rho_t = rho_inf - (2 * t * b2 ** t) / bc2
            if rho_t > 5:
                r = math.sqrt(((rho_t - 4) * (rho_t - 2) * rho_inf) / ((rho_inf - 4) * (rho_inf - 2) * rho_t))
                rate = (lr * r) / (ops.sqrt(v / bc2) + eps)
            else:
                rate = lr
            return p - m_hat * rate
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
        return [self.look(state, params[i], self.eta, i) for i in range(len(params))]

    def update(self, grad, state, params):
        t = state["t"] + 1
        step, lr = self.step, self.eta
        new = [step(grad[i], state, params[i], lr, t, ScalarOps, i) for i in range(len(params))]
        state["t"] = t
        return new


def make_rule(name, h):
    return Rule(name, h)


def make_numpy_rule(name, h):
    """The same rule on NumPy vectors: one array expression per update."""
    import numpy as np

    ALL = slice(None)  # a step's `i`: the whole vector, state updated in place

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
            return params if self.look is None else self.look(state, params, self.eta, ALL)

        def update(self, grad, state, params):
            t = state["t"] + 1
            new = self.step(grad, state, params, self.eta, t, NumpyOps, ALL)
            state["t"] = t
            return new

    return NumpyRule(name, h)
