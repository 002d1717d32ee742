#!/usr/bin/python3
"""Independent reference trajectories for the adaptive-lr optimizers and schedules.

Writes two JSON files into test/fixtures/:

* optimizer-trajectories.json: every optimizer in both flavors, trained on the sigmoid neuron
  f = 1/(1+exp(-(w x + b))), loss = sum 0.5 (f - y)^2, params [w, b], on two datasets embedded in
  the file (toy2 and a 40-point sparse set), in mode "batch" (one update per epoch, gradient summed
  over the points in dataset order) and mode "sgd" (one update per point, dataset order).
    - flavor "torch": torch.optim itself (float64 tensors, gradients by autograd).
    - flavor "lecture": the slides' update rules, written below in NumPy, independently of src/.
* schedules.json: learning rates of torch.optim.lr_scheduler schedulers at steps 0..N, with the
  matching adaptive-lr schedule options.

Run with Debian's python (it has torch and numpy):  /usr/bin/python3 scripts/make-fixtures.py
(or `npm run fixtures`). The output is deterministic; re-running it must leave git clean.

torch version note: Debian 12 ships torch 1.13. For every optimizer used here its arithmetic equals
torch 2.x except NAdam, whose 1.13 single-tensor code computes mu_product_next = mu_product * mu *
mu_next (mu counted twice); pytorch PR #92699 (torch >= 2.0) fixed it to mu_product * mu_next.
We patch that single line into torch's own function (see `patch_torch_nadam`) so the "torch"
flavor is the arithmetic of current torch.optim. Other 2.x differences are rounding-level only
(Adam/NAdam use exp_avg.lerp_ instead of mul_().add_()).
"""
import inspect
import json
import warnings
import math
import os
import sys

import numpy as np
import torch

torch.set_default_dtype(torch.float64)
# SequentialLR steps its children with an explicit epoch, which torch 1.13 warns about (harmless here)
warnings.filterwarnings("ignore", message="The epoch parameter")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, "test", "fixtures")

NADAM_BUGGY_LINE = "mu_product_next = mu_product * mu * mu_next"
NADAM_FIXED_LINE = "mu_product_next = mu_product * mu_next"


def patch_torch_nadam():
    """Give torch < 2.0's NAdam the torch >= 2.0 mu_product_next (pytorch PR #92699).

    Returns a description of what was done (stored in the fixture file)."""
    import torch.optim.nadam as nadam_module

    source = inspect.getsource(nadam_module._single_tensor_nadam)
    if NADAM_BUGGY_LINE not in source:
        return "none needed: torch.optim.nadam already uses mu_product_next = mu_product * mu_next"
    fixed = source.replace(NADAM_BUGGY_LINE, NADAM_FIXED_LINE)
    namespace = dict(vars(nadam_module))
    exec(compile(fixed, nadam_module.__file__, "exec"), namespace)
    nadam_module._single_tensor_nadam = namespace["_single_tensor_nadam"]
    return ("torch.optim.nadam._single_tensor_nadam: '%s' replaced by '%s' (torch >= 2.0 arithmetic, "
            "pytorch PR #92699)" % (NADAM_BUGGY_LINE, NADAM_FIXED_LINE))


# ----------------------------------------------------------------------------------------------
# Datasets
# ----------------------------------------------------------------------------------------------

def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def make_datasets():
    rng = np.random.default_rng(20240601)
    n = 40
    x = rng.uniform(0.0, 5.0, size=n)
    zero = rng.permutation(n)[: int(round(0.8 * n))]
    x[zero] = 0.0
    y = np.clip(sigmoid(0.8 * x - 0.9) + rng.normal(0.0, 0.05, size=n), 0.0, 1.0)
    return {
        "toy2": {"x": [0.5, 2.5], "y": [0.2, 0.9]},
        "sparse40": {
            "x": [float(v) for v in x],
            "y": [float(v) for v in y],
            "note": "numpy default_rng(20240601): x ~ U[0,5], 32 of 40 set to 0, "
                    "y = clip(sigmoid(0.8 x - 0.9) + N(0, 0.05), 0, 1)",
        },
    }


# ----------------------------------------------------------------------------------------------
# Model (NumPy, used by the lecture flavor and for every recorded loss)
# ----------------------------------------------------------------------------------------------

def loss_np(p, x, y):
    f = sigmoid(p[0] * x + p[1])
    return float(np.sum(0.5 * (f - y) ** 2))


def grad_np(p, x, y):
    """Summed gradient of sum 0.5 (f - y)^2 over the given points: [sum d x, sum d], d = (f-y) f (1-f)."""
    f = sigmoid(p[0] * x + p[1])
    d = (f - y) * f * (1.0 - f)
    return np.array([float(np.sum(d * x)), float(np.sum(d))])


def batches(n, mode):
    """Index lists of the points used by each update of one epoch."""
    if mode == "batch":
        return [np.arange(n)]
    if mode == "sgd":
        return [np.array([i]) for i in range(n)]
    if isinstance(mode, dict):
        size = mode["batchSize"]
        return [np.arange(start, min(start + size, n)) for start in range(0, n, size)]
    raise ValueError(mode)


# ----------------------------------------------------------------------------------------------
# Lecture flavor: the slides' rules, t = 1 on the first update, every state vector starts at 0
# ----------------------------------------------------------------------------------------------

class Lecture:
    """One optimizer of the slides. `look_ahead` gives where the gradient is evaluated."""

    def __init__(self, name, h, etas=None):
        self.name, self.h, self.t = name, h, 0
        self.etas = etas  # learning rate of update t is etas[t - 1] (a schedule); else h["eta"]
        self.s = {k: np.zeros(2) for k in ("u", "v", "m", "vhat")}

    def eta(self, t):
        return self.etas[t - 1] if self.etas is not None else self.h.get("eta", 1.0)

    def look_ahead(self, w):
        if self.name == "nag":  # with the rate of the coming update t + 1
            return w - self.eta(self.t + 1) * self.h["beta"] * self.s["u"]
        return w.copy()

    def step(self, g, w):
        h, s, name = self.h, self.s, self.name
        self.t += 1
        t = self.t
        eta = self.eta(t)
        eps = h.get("eps", 0.0)
        if name == "gd":
            return w - eta * g
        if name in ("momentum", "nag"):
            s["u"] = h["beta"] * s["u"] + g
            return w - eta * s["u"]
        if name == "adagrad":
            s["v"] = s["v"] + g * g
            if h.get("epsInsideSqrt"):
                return w - eta * g / np.sqrt(s["v"] + eps)
            return w - eta * g / (np.sqrt(s["v"]) + eps)
        if name == "rmsprop":
            s["v"] = h["beta"] * s["v"] + (1 - h["beta"]) * g * g
            if h.get("epsInsideSqrt"):
                return w - eta * g / np.sqrt(s["v"] + eps)
            return w - eta * g / (np.sqrt(s["v"]) + eps)
        if name == "adadelta":
            b = h["beta"]
            s["v"] = b * s["v"] + (1 - b) * g * g
            delta = np.sqrt(s["u"] + eps) / np.sqrt(s["v"] + eps) * g
            s["u"] = b * s["u"] + (1 - b) * delta * delta
            return w - eta * delta
        if name == "maxprop":
            s["v"] = np.maximum(h["beta"] * s["v"], np.abs(g))
            return w - eta * g / (s["v"] + eps)
        b1, b2 = h["beta1"], h["beta2"]
        s["m"] = b1 * s["m"] + (1 - b1) * g
        if name == "adamax":
            mh = s["m"] / (1 - b1 ** t)
            s["v"] = np.maximum(b2 * s["v"], np.abs(g))
            return w - eta * mh / (s["v"] + eps)
        s["v"] = b2 * s["v"] + (1 - b2) * g * g
        mh = s["m"] / (1 - b1 ** t)
        vh = s["v"] / (1 - b2 ** t)
        if name == "adam":
            if h.get("biasCorrection", True) is False:
                return w - eta * s["m"] / (np.sqrt(s["v"]) + eps)
            return w - eta * mh / (np.sqrt(vh) + eps)
        if name == "nadam":
            return w - eta / (np.sqrt(vh) + eps) * (b1 * mh + (1 - b1) * g / (1 - b1 ** t))
        if name == "amsgrad":
            s["vhat"] = np.maximum(s["vhat"], s["v"])
            return w - eta * s["m"] / (np.sqrt(s["vhat"]) + eps)
        if name == "adamw":
            return w - eta * (mh / (np.sqrt(vh) + eps) + h["weightDecay"] * w)
        if name == "radam":
            rho_inf = 2 / (1 - b2) - 1
            rho_t = rho_inf - 2 * t * b2 ** t / (1 - b2 ** t)
            if rho_t > 5:
                r = math.sqrt((rho_t - 4) * (rho_t - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho_t))
                return w - eta * r * mh / (np.sqrt(vh) + eps)
            return w - eta * mh
        raise ValueError(name)


def run_lecture(name, hyper, data, mode, epochs, init, schedule=None):
    x, y = np.array(data["x"]), np.array(data["y"])
    etas = None
    if schedule is not None:
        steps = epochs * len(batches(len(x), mode))
        etas = torch_lrs(schedule["make"], schedule["lr"], steps)
    opt = Lecture(name, hyper, etas)
    w = np.array(init, dtype=float)
    params, losses = [list(map(float, w))], [loss_np(w, x, y)]
    for _ in range(epochs):
        for idx in batches(len(x), mode):
            g = grad_np(opt.look_ahead(w), x[idx], y[idx])
            w = opt.step(g, w)
            params.append([float(w[0]), float(w[1])])
            losses.append(loss_np(w, x, y))
    return params, losses


# ----------------------------------------------------------------------------------------------
# Torch flavor: torch.optim, autograd gradients
# ----------------------------------------------------------------------------------------------

def torch_optimizer(name, h, param):
    o = torch.optim
    ps = [param]
    if name == "gd":
        return o.SGD(ps, lr=h["eta"])
    if name == "momentum":
        return o.SGD(ps, lr=h["eta"], momentum=h["beta"])
    if name == "nag":
        return o.SGD(ps, lr=h["eta"], momentum=h["beta"], nesterov=True)
    if name == "adagrad":
        return o.Adagrad(ps, lr=h["eta"], eps=h["eps"], foreach=False)
    if name == "rmsprop":
        return o.RMSprop(ps, lr=h["eta"], alpha=h["beta"], eps=h["eps"], foreach=False)
    if name == "adadelta":
        return o.Adadelta(ps, lr=h.get("eta", 1.0), rho=h["beta"], eps=h["eps"], foreach=False)
    betas = (h.get("beta1"), h.get("beta2"))
    if name == "adam":
        return o.Adam(ps, lr=h["eta"], betas=betas, eps=h["eps"], foreach=False)
    if name == "maxprop":
        return o.Adamax(ps, lr=h["eta"], betas=(0.0, h["beta"]), eps=h["eps"], foreach=False)
    if name == "adamax":
        return o.Adamax(ps, lr=h["eta"], betas=betas, eps=h["eps"], foreach=False)
    if name == "nadam":
        return o.NAdam(ps, lr=h["eta"], betas=betas, eps=h["eps"], momentum_decay=h.get("momentumDecay", 0.004),
                       foreach=False)
    if name == "amsgrad":
        return o.Adam(ps, lr=h["eta"], betas=betas, eps=h["eps"], amsgrad=True, foreach=False)
    if name == "adamw":
        return o.AdamW(ps, lr=h["eta"], betas=betas, eps=h["eps"], weight_decay=h["weightDecay"], foreach=False)
    if name == "radam":
        return o.RAdam(ps, lr=h["eta"], betas=betas, eps=h["eps"], foreach=False)
    raise ValueError(name)


def run_torch(name, hyper, data, mode, epochs, init, schedule=None):
    x_all, y_all = torch.tensor(data["x"]), torch.tensor(data["y"])
    p = torch.tensor(init, requires_grad=True)
    opt = torch_optimizer(name, dict(hyper, eta=schedule["lr"]) if schedule else hyper, p)
    sched = schedule["make"](opt) if schedule else None
    xn, yn = np.array(data["x"]), np.array(data["y"])
    params, losses = [[float(v) for v in p.detach()]], [loss_np(p.detach().numpy(), xn, yn)]
    for _ in range(epochs):
        for idx in batches(len(xn), mode):
            ix = torch.tensor(idx)
            opt.zero_grad()
            f = torch.sigmoid(p[0] * x_all[ix] + p[1])
            loss = (0.5 * (f - y_all[ix]) ** 2).sum()
            loss.backward()
            opt.step()
            if sched is not None:
                sched.step()
            w = p.detach().numpy().copy()
            params.append([float(w[0]), float(w[1])])
            losses.append(loss_np(w, xn, yn))
    return params, losses


# ----------------------------------------------------------------------------------------------
# Cases
# ----------------------------------------------------------------------------------------------

BASE = {
    "gd": {"eta": 0.1},
    "momentum": {"eta": 0.1, "beta": 0.9},
    "nag": {"eta": 0.1, "beta": 0.9},
    "adagrad": {"eta": 0.1, "eps": 1e-8},
    "rmsprop": {"eta": 0.1, "beta": 0.9, "eps": 1e-8},
    "adadelta": {"eta": 1.0, "beta": 0.9, "eps": 1e-6},
    "adam": {"eta": 0.1, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8},
    "maxprop": {"eta": 0.1, "beta": 0.9, "eps": 1e-8},
    "adamax": {"eta": 0.1, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8},
    "nadam": {"eta": 0.1, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8},
    "amsgrad": {"eta": 0.1, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8},
    "adamw": {"eta": 0.1, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weightDecay": 0.1},
    "radam": {"eta": 0.1, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8},
}
# torch-only hyperparameters (momentumDecay has no lecture meaning: the slides' NAdam has no mu schedule)
TORCH_EXTRA = {"nadam": {"momentumDecay": 0.004}}

# (dataset, mode, epochs, init) run for every optimizer and both flavors
RUNS = [
    ("toy2", "batch", 30, [-2.0, -2.0]),
    ("toy2", "batch", 30, [-4.0, 4.0]),
    ("toy2", "sgd", 15, [-2.0, -2.0]),
    ("sparse40", "batch", 30, [-2.0, -2.0]),
    ("sparse40", "sgd", 5, [-2.0, -2.0]),
]
VARIANT_RUNS = [("toy2", "batch", 30, [-2.0, -2.0]), ("sparse40", "sgd", 5, [-2.0, -2.0])]
# (optimizer, hyper, flavors)
VARIANTS = [
    ("gd", {"eta": 0.5}, ["lecture", "torch"]),
    ("momentum", {"eta": 0.05, "beta": 0.5}, ["lecture", "torch"]),
    ("nag", {"eta": 0.05, "beta": 0.5}, ["lecture", "torch"]),
    ("adagrad", {"eta": 0.1, "eps": 1e-8, "epsInsideSqrt": True}, ["lecture"]),
    ("adagrad", {"eta": 0.5, "eps": 1e-10}, ["lecture", "torch"]),
    ("rmsprop", {"eta": 0.1, "beta": 0.9, "eps": 1e-8, "epsInsideSqrt": True}, ["lecture"]),
    ("rmsprop", {"eta": 0.01, "beta": 0.99, "eps": 1e-8}, ["lecture", "torch"]),
    ("adadelta", {"eta": 1.0, "beta": 0.95, "eps": 1e-6}, ["lecture", "torch"]),
    ("adadelta", {"eta": 0.5, "beta": 0.9, "eps": 1e-4}, ["lecture", "torch"]),
    ("adam", {"eta": 0.1, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "biasCorrection": False}, ["lecture"]),
    ("adam", {"eta": 0.05, "beta1": 0.8, "beta2": 0.99, "eps": 1e-6}, ["lecture", "torch"]),
    ("maxprop", {"eta": 0.05, "beta": 0.99, "eps": 1e-8}, ["lecture", "torch"]),
    ("adamax", {"eta": 0.05, "beta1": 0.8, "beta2": 0.99, "eps": 1e-8}, ["lecture", "torch"]),
    ("nadam", {"eta": 0.05, "beta1": 0.8, "beta2": 0.99, "eps": 1e-8}, ["lecture"]),
    ("nadam", {"eta": 0.05, "beta1": 0.8, "beta2": 0.99, "eps": 1e-8, "momentumDecay": 0.01}, ["torch"]),
    ("amsgrad", {"eta": 0.05, "beta1": 0.8, "beta2": 0.99, "eps": 1e-8}, ["lecture", "torch"]),
    ("adamw", {"eta": 0.05, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weightDecay": 0.5}, ["lecture", "torch"]),
    ("radam", {"eta": 0.05, "beta1": 0.9, "beta2": 0.9, "eps": 1e-8}, ["lecture", "torch"]),
]


# Mini-batches in dataset order (no shuffling): every optimizer, both flavors
MINIBATCH_RUN = ("sparse40", {"batchSize": 8}, 6, [-2.0, -2.0])

# A schedule as eta: torch steps its scheduler after every optimizer.step(); update t uses eta(t - 1).
# (optimizer, hyper without eta, schedule spec, run)
SCHEDULED = [
    ("gd", {}, "exp", ("toy2", "batch", 30, [-2.0, -2.0])),
    ("nag", {"beta": 0.9}, "exp", ("toy2", "batch", 30, [-2.0, -2.0])),
    ("nag", {"beta": 0.9}, "cos", ("sparse40", "sgd", 2, [-2.0, -2.0])),
    ("rmsprop", {"beta": 0.9, "eps": 1e-8}, "cos", ("sparse40", "sgd", 2, [-2.0, -2.0])),
    ("adadelta", {"beta": 0.9, "eps": 1e-6}, "exp1", ("toy2", "batch", 30, [-2.0, -2.0])),
    ("adam", {"beta1": 0.9, "beta2": 0.999, "eps": 1e-8}, "cos", ("sparse40", "sgd", 2, [-2.0, -2.0])),
    ("adamw", {"beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weightDecay": 0.1}, "exp", ("toy2", "batch", 30, [-2.0, -2.0])),
    ("radam", {"beta1": 0.9, "beta2": 0.999, "eps": 1e-8}, "cyc", ("sparse40", "sgd", 2, [-2.0, -2.0])),
]


def schedule_spec(key):
    S = torch.optim.lr_scheduler
    specs = {
        "exp": {"schedule": "exponentialDecay", "options": {"eta": 0.1, "gamma": 0.95}, "lr": 0.1,
                "torch": "ExponentialLR(lr=0.1, gamma=0.95)", "make": lambda o: S.ExponentialLR(o, gamma=0.95)},
        "exp1": {"schedule": "exponentialDecay", "options": {"eta": 1.0, "gamma": 0.9}, "lr": 1.0,
                 "torch": "ExponentialLR(lr=1.0, gamma=0.9)", "make": lambda o: S.ExponentialLR(o, gamma=0.9)},
        "cos": {"schedule": "cosineAnnealing", "options": {"etaMax": 0.1, "etaMin": 0.01, "T": 80}, "lr": 0.1,
                "torch": "CosineAnnealingLR(lr=0.1, T_max=80, eta_min=0.01)",
                "make": lambda o: S.CosineAnnealingLR(o, T_max=80, eta_min=0.01)},
        "cyc": {"schedule": "cyclic", "options": {"etaMin": 0.01, "etaMax": 0.1, "stepSize": 10, "mode": "triangular"},
                "lr": 0.01, "torch": "CyclicLR(base_lr=0.01, max_lr=0.1, step_size_up=10, cycle_momentum=False)",
                "make": lambda o: S.CyclicLR(o, base_lr=0.01, max_lr=0.1, step_size_up=10, cycle_momentum=False)},
    }
    return specs[key]


def mode_name(mode):
    return "mb%d" % mode["batchSize"] if isinstance(mode, dict) else mode


def case_id(name, flavor, dataset, mode, init, tag):
    return "%s/%s%s/%s/%s/init(%g,%g)" % (name, flavor, tag, dataset, mode_name(mode), init[0], init[1])


def build_cases(datasets):
    cases = []

    def add(name, hyper, flavor, dataset, mode, epochs, init, tag, schedule=None):
        runner = run_torch if flavor == "torch" else run_lecture
        params, losses = runner(name, hyper, datasets[dataset], mode, epochs, init, schedule)
        if not all(math.isfinite(v) for v in losses):
            raise RuntimeError("non-finite loss in " + case_id(name, flavor, dataset, mode, init, tag))
        case = {
            "id": case_id(name, flavor, dataset, mode, init, tag),
            "optimizer": name, "hyper": hyper, "flavor": flavor, "dataset": dataset, "mode": mode,
            "epochs": epochs, "init": init, "params": params, "loss": losses,
        }
        if schedule is not None:
            case["etaSchedule"] = {k: schedule[k] for k in ("schedule", "options", "torch")}
        cases.append(case)

    for name, base in BASE.items():
        for flavor in ("lecture", "torch"):
            hyper = dict(base, **(TORCH_EXTRA.get(name, {}) if flavor == "torch" else {}))
            for dataset, mode, epochs, init in RUNS:
                add(name, hyper, flavor, dataset, mode, epochs, init, "")
    counters = {}
    for name, hyper, flavors in VARIANTS:
        counters[name] = counters.get(name, 0) + 1
        tag = "#v%d" % counters[name]
        for flavor in flavors:
            for dataset, mode, epochs, init in VARIANT_RUNS:
                add(name, dict(hyper), flavor, dataset, mode, epochs, init, tag)
    for name, base in BASE.items():
        for flavor in ("lecture", "torch"):
            hyper = dict(base, **(TORCH_EXTRA.get(name, {}) if flavor == "torch" else {}))
            dataset, mode, epochs, init = MINIBATCH_RUN
            add(name, hyper, flavor, dataset, mode, epochs, init, "")
    for name, hyper, key, (dataset, mode, epochs, init) in SCHEDULED:
        spec = schedule_spec(key)
        for flavor in ("lecture", "torch"):
            add(name, dict(hyper), flavor, dataset, mode, epochs, init, "@" + spec["schedule"], spec)
    return cases


# ----------------------------------------------------------------------------------------------
# Schedules: torch.optim.lr_scheduler -> adaptive-lr schedules
# ----------------------------------------------------------------------------------------------

def torch_lrs(make_scheduler, lr, steps):
    """lr at steps 0..steps-1: read before the k-th scheduler.step(), as a training loop sees it."""
    p = torch.zeros(1, requires_grad=True)
    opt = torch.optim.SGD([p], lr=lr)
    sched = make_scheduler(opt)
    out = []
    for _ in range(steps):
        out.append(float(opt.param_groups[0]["lr"]))
        opt.step()
        sched.step()
    return out


def build_schedules():
    S = torch.optim.lr_scheduler
    cases = []

    def add(sid, schedule, options, torch_desc, lr, make, steps):
        cases.append({"id": sid, "schedule": schedule, "options": options, "torch": torch_desc,
                      "lr": torch_lrs(make, lr, steps)})

    add("stepDecay", "stepDecay", {"eta": 0.1, "stepSize": 7, "gamma": 0.5},
        "StepLR(lr=0.1, step_size=7, gamma=0.5)", 0.1, lambda o: S.StepLR(o, step_size=7, gamma=0.5), 40)
    add("exponentialDecay", "exponentialDecay", {"eta": 0.3, "gamma": 0.9},
        "ExponentialLR(lr=0.3, gamma=0.9)", 0.3, lambda o: S.ExponentialLR(o, gamma=0.9), 60)
    add("cosineAnnealing", "cosineAnnealing", {"etaMax": 1.0, "etaMin": 0.1, "T": 50},
        "CosineAnnealingLR(lr=1.0, T_max=50, eta_min=0.1)", 1.0,
        lambda o: S.CosineAnnealingLR(o, T_max=50, eta_min=0.1), 51)
    add("cosineAnnealing-T20-beyondT", "cosineAnnealing", {"etaMax": 0.05, "etaMin": 0.0, "T": 20},
        "CosineAnnealingLR(lr=0.05, T_max=20, eta_min=0), steps 0..2.5 T_max (torch keeps following the cosine)",
        0.05, lambda o: S.CosineAnnealingLR(o, T_max=20, eta_min=0.0), 51)
    add("cosineWarmRestarts-T0=10-Tmult=1", "cosineWarmRestarts", {"etaMax": 1.0, "etaMin": 0.1, "T0": 10, "Tmult": 1},
        "CosineAnnealingWarmRestarts(lr=1.0, T_0=10, T_mult=1, eta_min=0.1)", 1.0,
        lambda o: S.CosineAnnealingWarmRestarts(o, T_0=10, T_mult=1, eta_min=0.1), 45)
    add("cosineWarmRestarts-T0=5-Tmult=2", "cosineWarmRestarts", {"etaMax": 0.5, "etaMin": 0.01, "T0": 5, "Tmult": 2},
        "CosineAnnealingWarmRestarts(lr=0.5, T_0=5, T_mult=2, eta_min=0.01)", 0.5,
        lambda o: S.CosineAnnealingWarmRestarts(o, T_0=5, T_mult=2, eta_min=0.01), 80)
    for mode, gamma in (("triangular", None), ("triangular2", None), ("exp_range", 0.99)):
        options = {"etaMin": 0.01, "etaMax": 0.1, "stepSize": 20, "mode": mode}
        kwargs = dict(base_lr=0.01, max_lr=0.1, step_size_up=20, mode=mode, cycle_momentum=False)
        if gamma is not None:
            options["gamma"] = gamma
            kwargs["gamma"] = gamma
        add("cyclic-" + mode, "cyclic", options,
            "CyclicLR(base_lr=0.01, max_lr=0.1, step_size_up=20, mode=%r%s, cycle_momentum=False)"
            % (mode, ", gamma=%r" % gamma if gamma is not None else ""),
            0.01, lambda o, kw=kwargs: S.CyclicLR(o, **kw), 130)
    add("linearWarmup", "linearWarmup", {"eta": 0.1, "warmupSteps": 10, "startFactor": 0.1},
        "LinearLR(lr=0.1, start_factor=0.1, end_factor=1.0, total_iters=10)", 0.1,
        lambda o: S.LinearLR(o, start_factor=0.1, end_factor=1.0, total_iters=10), 25)
    add("linearWarmup-start0.25", "linearWarmup", {"eta": 0.4, "warmupSteps": 4, "startFactor": 0.25},
        "LinearLR(lr=0.4, start_factor=0.25, end_factor=1.0, total_iters=4)", 0.4,
        lambda o: S.LinearLR(o, start_factor=0.25, end_factor=1.0, total_iters=4), 12)
    add("sequential-warmup-cosine", "sequential",
        {"schedules": [{"schedule": "linearWarmup", "options": {"eta": 0.1, "warmupSteps": 5, "startFactor": 0.1}},
                       {"schedule": "cosineAnnealing", "options": {"etaMax": 0.1, "etaMin": 0.01, "T": 20}}],
         "milestones": [5]},
        "SequentialLR([LinearLR(lr=0.1, start_factor=0.1, total_iters=5), CosineAnnealingLR(T_max=20, eta_min=0.01)], "
        "milestones=[5])", 0.1,
        lambda o: S.SequentialLR(o, [S.LinearLR(o, start_factor=0.1, total_iters=5),
                                     S.CosineAnnealingLR(o, T_max=20, eta_min=0.01)], milestones=[5]), 40)
    add("sequential-step-exp", "sequential",
        {"schedules": [{"schedule": "stepDecay", "options": {"eta": 0.2, "stepSize": 3, "gamma": 0.5}},
                       {"schedule": "exponentialDecay", "options": {"eta": 0.2, "gamma": 0.9}}],
         "milestones": [10]},
        "SequentialLR([StepLR(lr=0.2, step_size=3, gamma=0.5), ExponentialLR(gamma=0.9)], milestones=[10])", 0.2,
        lambda o: S.SequentialLR(o, [S.StepLR(o, step_size=3, gamma=0.5), S.ExponentialLR(o, gamma=0.9)],
                                 milestones=[10]), 30)
    metrics = [1.0, 0.9, 0.85, 0.85, 0.8501, 0.86, 0.8499, 0.85, 0.9, 0.95, 0.7, 0.7, 0.7, 0.7, 0.7,
               0.69999, 0.7, 0.71, 0.72, 0.73, 0.6, 0.61, 0.62, 0.63, 0.64, 0.65, 0.66, 0.67, 0.68, 0.69]
    for sid, options, kwargs in (
        ("reduceOnPlateau", {"eta": 0.1, "factor": 0.5, "patience": 2, "threshold": 1e-4, "minLr": 0.01},
         dict(mode="min", factor=0.5, patience=2, threshold=1e-4, threshold_mode="rel", min_lr=0.01)),
        ("reduceOnPlateau-cooldown", {"eta": 0.1, "factor": 0.3, "patience": 1, "threshold": 0.01, "minLr": 0,
                                      "cooldown": 2},
         dict(mode="min", factor=0.3, patience=1, threshold=0.01, threshold_mode="rel", min_lr=0, cooldown=2)),
    ):
        p = torch.zeros(1, requires_grad=True)
        opt = torch.optim.SGD([p], lr=options["eta"])
        sched = S.ReduceLROnPlateau(opt, **kwargs)
        lrs = [float(opt.param_groups[0]["lr"])]
        for metric in metrics:
            sched.step(metric)
            lrs.append(float(opt.param_groups[0]["lr"]))
        cases.append({"id": sid, "schedule": "reduceOnPlateau", "options": options,
                      "torch": "ReduceLROnPlateau(%s)" % ", ".join("%s=%r" % kv for kv in kwargs.items()),
                      "metrics": metrics,
                      "lr": lrs,
                      "note": "lr[0] = eta; lr[k] = rate after observe(metrics[k-1])"})
    return cases


def version_of(module):
    return getattr(module, "__version__", "unknown")


def dump(path, obj):
    with open(path, "w") as fh:
        json.dump(obj, fh, separators=(",", ":"))
        fh.write("\n")
    return os.path.getsize(path)


def main():
    os.makedirs(OUT_DIR, exist_ok=True)
    patch_note = patch_torch_nadam()
    datasets = make_datasets()
    common = {
        "generator": "scripts/make-fixtures.py",
        "torch": version_of(torch),
        "numpy": version_of(np),
        "python": sys.version.split()[0],
    }
    trajectories = dict(common)
    trajectories.update({
        "torchPatches": [patch_note],
        "model": "sigmoid neuron f = 1/(1+exp(-(w x + b))), loss = sum 0.5 (f-y)^2, params [w, b]",
        "modes": {"batch": "one update per epoch, gradient summed over all points in dataset order",
                  "sgd": "one update per point, dataset order",
                  "{batchSize: k}": "consecutive chunks of k points in dataset order (no shuffling), gradient summed"},
        "etaSchedule": "cases with etaSchedule have no hyper.eta: update t uses schedule(t - 1); torch steps the "
                       "lr_scheduler after every optimizer.step()",
        "datasets": datasets,
        "cases": build_cases(datasets),
    })
    schedules = dict(common)
    schedules.update({
        "convention": "lr[k] = learning rate used by update k+1 (step k, 0-based): read from the optimizer "
                      "before the k-th scheduler.step(); reduceOnPlateau cases: see their note",
        "skipped": [
            "constant: torch.optim ConstantLR is a different schedule (factor until total_iters); a constant is trivial",
            "inverseTime: no torch.optim scheduler (would need LambdaLR with our own formula)",
            "transformerWarmup: no torch.optim scheduler (LambdaLR only)",
            "cosineWarmRestarts({T}) (the slides' t % (T+1) form): not torch's parameterisation; "
            "the {T0, Tmult} form is checked",
        ],
        "cases": build_schedules(),
    })
    size1 = dump(os.path.join(OUT_DIR, "optimizer-trajectories.json"), trajectories)
    size2 = dump(os.path.join(OUT_DIR, "schedules.json"), schedules)
    print("torch %s numpy %s; %s" % (common["torch"], common["numpy"], patch_note))
    print("optimizer-trajectories.json: %d cases, %d bytes" % (len(trajectories["cases"]), size1))
    print("schedules.json: %d cases, %d bytes" % (len(schedules["cases"]), size2))


if __name__ == "__main__":
    main()
