"""§5.4 Global and local minima (글로벌 미니멈과 로컬 미니멈): error surfaces and the strategies
that try to escape local minima.

A point w* is a **local minimum** if some ε > 0 exists such that E(w*) <= E(w) for every w with
|w - w*| <= ε; the **global minimum** is the smallest of them all. Gradient descent stops where
the gradient is zero, which may be any local minimum. The book lists heuristics that give a
chance (no guarantee) of finding a better one: several random starts, simulated annealing
(Aarts & Korst 1989), stochastic gradient descent and genetic algorithms (Goldberg 1989).
Each optimizer here records its whole path.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from ._validation import as_float_array, check_option, check_random_state, check_scalar
from .activations import get_activation, sigmoid_kernel
from .backprop import _check_params, error_surface, forward, gradients, output_term
from .i18n import tr
from .training import DIVERGENCE_NORM, has_diverged

__all__ = [
    "SURFACES",
    "NetworkObjective",
    "Path",
    "Surface",
    "compare_strategies",
    "critical_point",
    "genetic_algorithm",
    "gradient_descent",
    "gradient_descent_batch",
    "random_restarts",
    "simulated_annealing",
    "stochastic_gradient_descent",
    "xor_surface",
]


# --------------------------------------------------------------------------------------------
# Test surfaces with known minima
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Surface:
    """A smooth function with several local minima and one global minimum.

    ``f`` and ``grad`` work on points of shape (..., d) (vectorized over any leading axes);
    ``minima`` lists ``(point, value, "global" | "local")``, refined by Newton's method.
    """

    name: str
    f: Callable
    grad: Callable
    bounds: tuple
    minima: tuple = field(default=())
    description: str = ""
    eta: float = 0.05          # a learning rate that descends smoothly here
    temperature: float = 1.0   # a starting temperature for annealing, on this surface's scale

    @property
    def dim(self) -> int:
        return len(self.bounds)

    @property
    def global_minimum(self):
        return next(m for m in self.minima if m[2] == "global")

    def grid(self, n: int = 200):
        """``(axes, values)`` over the bounds: for d = 2, values[i, j] = f(x_j, y_i)."""
        axes = [np.linspace(lo, hi, n) for lo, hi in self.bounds]
        mesh = np.stack(np.meshgrid(*axes), axis=-1) if self.dim > 1 else axes[0][:, None]
        return axes, self.f(mesh)


def _hessian(grad, x, h=1e-5):
    x = np.asarray(x, dtype=float)
    H = np.empty((x.size, x.size))
    for i in range(x.size):
        e = np.zeros_like(x)
        e[i] = h
        H[:, i] = (grad(x + e) - grad(x - e)) / (2 * h)
    return (H + H.T) / 2


def _find_minima(f, grad, bounds, n=161):
    """Local minima by grid search and Newton refinement, sorted by value; the smallest is
    marked global."""
    axes = [np.linspace(lo, hi, n) for lo, hi in bounds]
    mesh = np.stack(np.meshgrid(*axes, indexing="ij"), axis=-1)
    vals = f(mesh)
    d = len(bounds)
    padded = np.pad(vals, 1, constant_values=np.inf)
    is_min = np.ones(vals.shape, dtype=bool)
    for shift in np.ndindex(*(3,) * d):  # strictly below all 3^d - 1 grid neighbours
        if all(s == 1 for s in shift):
            continue
        window = tuple(slice(s, s + n) for s in shift)
        is_min &= vals < padded[window]
    found = []
    for x in mesh[is_min]:
        for _ in range(50):
            step = np.linalg.solve(_hessian(grad, x), grad(x))
            x = x - step
            if np.linalg.norm(step) < 1e-13:
                break
        if all(np.linalg.norm(x - y) > 1e-6 for y, _ in found):
            found.append((x, float(f(x))))
    found.sort(key=lambda m: m[1])
    return tuple((x, v, "global" if k == 0 else "local") for k, (x, v) in enumerate(found))


def critical_point(objective, x0, max_iter=50, tol=1e-12):
    """The point near ``x0`` where the gradient is zero, by Newton's method on the gradient,
    and what kind of point it is.

    A local minimum has only positive Hessian eigenvalues, a saddle point (the lowest pass
    over a ridge between two valleys) has both signs, a local maximum only negative ones.

    Parameters
    ----------
    objective : Surface or NetworkObjective
    x0 : array_like (d,)
        A start close to the point (Newton's method finds the critical point nearby; a start
        far from any may not converge).

    Returns
    -------
    point : ndarray (d,)
    value : float
        E at the point.
    eigenvalues : ndarray (d,)
        Of the Hessian there (by central differences of the gradient), ascending.

    Examples
    --------
    >>> s = SURFACES["two_valleys"]
    >>> point, value, eig = critical_point(s, [1.3, 1.0])
    >>> bool(np.allclose(point, s.global_minimum[0])), bool(np.all(eig > 0))
    (True, True)
    """
    max_iter = check_scalar(max_iter, "max_iter", integer=True, min_value=1)
    x = _start(x0, _dim(objective))
    for _ in range(max_iter):
        step = np.linalg.solve(_hessian(objective.grad, x, 1e-4), objective.grad(x))
        x = x - step
        if np.linalg.norm(step) < tol:
            break
    g = np.asarray(objective.grad(x), dtype=float)
    if not np.all(np.isfinite(x)) or np.linalg.norm(g) > 1e-8:
        raise ValueError(f"Newton's method from {np.asarray(x0).tolist()} found no point with "
                         f"zero gradient (|gradient| = {np.linalg.norm(g):.3g} at the end); "
                         "start closer to one")
    return x, float(objective.f(x)), np.linalg.eigvalsh(_hessian(objective.grad, x, 1e-4))


def _bumpy_1d_f(X):
    x = np.asarray(X, dtype=float)[..., 0]
    return 0.1 * x ** 2 + np.sin(2 * x) + 0.3 * np.sin(5 * x)


def _bumpy_1d_grad(X):
    x = np.asarray(X, dtype=float)[..., 0]
    return (0.2 * x + 2 * np.cos(2 * x) + 1.5 * np.cos(5 * x))[..., None]


# two valleys of different depth and a gentle bowl: like the book's Fig. 5.10
_VALLEYS = ((1.4, 1.0, 1.3, 0.6), (-1.4, -1.0, 0.9, 0.8))  # (x, y, depth, width)


def _two_valleys_f(P):
    P = np.asarray(P, dtype=float)
    x, y = P[..., 0], P[..., 1]
    out = 0.05 * (x ** 2 + y ** 2)
    for cx, cy, depth, width in _VALLEYS:
        out = out - depth * np.exp(-((x - cx) ** 2 + (y - cy) ** 2) / width)
    return out


def _two_valleys_grad(P):
    P = np.asarray(P, dtype=float)
    x, y = P[..., 0], P[..., 1]
    gx, gy = 0.1 * x, 0.1 * y
    for cx, cy, depth, width in _VALLEYS:
        e = depth * np.exp(-((x - cx) ** 2 + (y - cy) ** 2) / width)
        gx = gx + 2 * (x - cx) / width * e
        gy = gy + 2 * (y - cy) / width * e
    return np.stack([gx, gy], axis=-1)


def _rastrigin_f(P):
    P = np.asarray(P, dtype=float)
    return 10 * P.shape[-1] + np.sum(P ** 2 - 10 * np.cos(2 * np.pi * P), axis=-1)


def _rastrigin_grad(P):
    P = np.asarray(P, dtype=float)
    return 2 * P + 20 * np.pi * np.sin(2 * np.pi * P)


def _bowl_f(P):
    P = np.asarray(P, dtype=float)
    return 0.5 * (P[..., 0] ** 2 + 4 * P[..., 1] ** 2)


def _bowl_grad(P):
    P = np.asarray(P, dtype=float)
    return np.stack([P[..., 0], 4 * P[..., 1]], axis=-1)


def _make_surfaces():
    specs = (
        ("bumpy_1d", _bumpy_1d_f, _bumpy_1d_grad, ((-4.0, 4.0),),
         "0.1 x^2 + sin 2x + 0.3 sin 5x: a 1-D curve with several valleys", 0.05, 1.0),
        ("two_valleys", _two_valleys_f, _two_valleys_grad, ((-3.0, 3.0), (-3.0, 3.0)),
         "a shallow bowl with a deep valley (global) and a shallower one (local), like "
         "Fig. 5.10", 0.05, 1.0),
        ("rastrigin", _rastrigin_f, _rastrigin_grad, ((-2.5, 2.5), (-2.5, 2.5)),
         "Rastrigin's function: a grid of local minima around the global one at 0",
         0.002, 10.0),
        ("bowl", _bowl_f, _bowl_grad, ((-3.0, 3.0), (-3.0, 3.0)),
         "a convex bowl: one minimum, which every method should find", 0.1, 1.0),
    )
    out = {}
    for name, f, g, bounds, text, eta, temperature in specs:
        out[name] = Surface(name, f, g, bounds, _find_minima(f, g, bounds), text, eta,
                            temperature)
    return out


SURFACES: dict[str, Surface] = _make_surfaces()
"""Test surfaces by name: "bumpy_1d", "two_valleys", "rastrigin", "bowl"."""


# --------------------------------------------------------------------------------------------
# The real error surface of a small network
# --------------------------------------------------------------------------------------------

def xor_surface(first, second, values1, values2, weights, thresholds, X=None, Y=None):
    """E (5.16) of a network on XOR over a grid of two of its parameters:
    :func:`chapter5.backprop.error_surface` with the XOR truth table as the default data.

    Parameters
    ----------
    first, second : tuple (layer, row, column)
        The parameters that vary; ``(layer, n_in, j)`` (row = number of inputs of the layer)
        names layer ``layer``'s threshold of unit j.
    values1, values2 : 1-D arrays
    weights, thresholds : the other parameters, ``[V, W]`` and ``[gamma, theta]``.
    X, Y : the data (default: the XOR truth table).

    Returns
    -------
    ndarray (len(values2), len(values1))

    Examples
    --------
    >>> V, W = np.array([[5.0, -5.0], [-5.0, 5.0]]), np.array([[5.0], [5.0]])
    >>> E = xor_surface((1, 0, 0), (1, 1, 0), [5.0, -5.0], [5.0], [V, W], [[2.5, 2.5], [2.5]])
    >>> E.round(3).tolist()     # (w11, w21) = (5, 5) solves XOR; (-5, 5) gets one input wrong
    [[0.008, 0.128]]
    """
    if X is None:
        from .datasets import logic_gate

        X, Y = logic_gate("xor")
    return error_surface(X, Y, weights, thresholds, first, second, values1, values2)


class NetworkObjective:
    """E (5.16) of a network as a function of a few chosen parameters, the rest fixed.

    ``f(p)``, ``grad(p)`` and, for stochastic gradient descent, ``sample_grad(p, k)`` (the
    gradient of E_k alone). ``free`` lists the parameters as ``(layer, row, column)`` with
    ``row = n_in`` for a threshold.
    """

    def __init__(self, X, Y, weights, thresholds, free: Sequence, activation="sigmoid"):
        self.weights, self.thresholds = _check_params(weights, thresholds)
        self.X = as_float_array(X, "X", ndim=2, allow_nan=False)
        self.Y = as_float_array(Y, "Y", ndim=(1, 2), allow_nan=False).reshape(len(self.X), -1)
        self.free = [tuple(p) for p in free]
        self.activation = activation
        for k, i, j in self.free:
            if not (0 <= k < len(self.weights) and 0 <= i <= self.weights[k].shape[0]
                    and 0 <= j < self.weights[k].shape[1]):
                raise ValueError(f"{(k, i, j)} is not a parameter of this network")
        self.bounds = ((-8.0, 8.0),) * len(self.free)

    def _set(self, p):
        Ws = [W.copy() for W in self.weights]
        ts = [t.copy() for t in self.thresholds]
        for (k, i, j), value in zip(self.free, np.asarray(p, dtype=float), strict=True):
            if i == Ws[k].shape[0]:
                ts[k][j] = value
            else:
                Ws[k][i, j] = value
        return Ws, ts

    def _pick(self, dW, dT):
        return np.array([dT[k][j] if i == dW[k].shape[0] else dW[k][i, j]
                         for k, i, j in self.free])

    def f(self, p):
        p = np.asarray(p, dtype=float)
        if p.ndim > 1:
            return np.apply_along_axis(self.f, -1, p)
        Ws, ts = self._set(p)
        y_hat = forward(self.X, Ws, ts, self.activation).y_hat
        return float(0.5 * np.sum((y_hat - self.Y) ** 2) / len(self.X))

    def grad(self, p):
        Ws, ts = self._set(p)
        return self._pick(*gradients(self.X, self.Y, Ws, ts, self.activation))

    def sample_grad(self, p, k: int):
        Ws, ts = self._set(p)
        return self._pick(*gradients(self.X[k:k + 1], self.Y[k:k + 1], Ws, ts,
                                     self.activation))

    @property
    def n_samples(self) -> int:
        return len(self.X)

    # -- many parameter points at once (for long runs from several starts) --------------------

    def _value_and_grad(self, flat):
        """E (5.16) and its gradient at the points ``flat`` (n, len(free)) in one vectorized
        forward and backward pass (g (5.10) and e (5.15) on a batch of parameter points)."""
        n, m = len(flat), len(self.X)
        Ws = [np.repeat(W[None], n, axis=0) for W in self.weights]    # (n, rows, columns)
        ts = [np.repeat(t[None, None], n, axis=0) for t in self.thresholds]  # (n, 1, units)
        for c, (k, i, j) in enumerate(self.free):
            if i == self.weights[k].shape[0]:
                ts[k][:, 0, j] = flat[:, c]
            else:
                Ws[k][:, i, j] = flat[:, c]
        act = self.__dict__.get("_act")
        if act is None or act.name != self.activation:
            act = self._act = get_activation(self.activation)
        outputs, nets = [self.X], []   # (m, d) @ (n, d, q) broadcasts to (n, m, q)
        for k, (W, t) in enumerate(zip(Ws, ts, strict=True)):
            net = outputs[-1] @ W - t
            nets.append(net)
            if k == len(Ws) - 1 or act.name == "sigmoid":
                out = sigmoid_kernel(net)   # the sigmoid as one tanh, no overflow
            else:
                out = np.asarray(act.f(net))
            outputs.append(out)
        y_hat = outputs[-1]
        E = 0.5 * np.sum((y_hat - self.Y) ** 2, axis=(1, 2)) / m
        deltas = [None] * len(Ws)
        deltas[-1] = output_term(y_hat, self.Y)                # g_j (5.10)
        for k in range(len(Ws) - 2, -1, -1):                    # e_h (5.15), layer by layer
            b = outputs[k + 1]
            if act.name == "sigmoid":
                slope = b * (1.0 - b)
            elif act.name == "tanh":
                slope = 1.0 - b * b
            else:
                slope = np.asarray(act.df(nets[k]))
            deltas[k] = slope * (deltas[k + 1] @ np.swapaxes(Ws[k + 1], 1, 2))
        G = np.empty_like(flat)
        for c, (k, i, j) in enumerate(self.free):
            if i == self.weights[k].shape[0]:   # dE/dtheta_j = mean_k g_j
                G[:, c] = deltas[k][:, :, j].sum(axis=1) / m
            else:                               # dE/dw_hj = -mean_k g_j b_h
                G[:, c] = -np.sum(outputs[k][..., i] * deltas[k][:, :, j], axis=1) / m
        return E, G

    def batch_f(self, P):
        """E (5.16) at many points: ``P`` (..., len(free)) -> (...), in one vectorized pass;
        the values of :meth:`f` point by point (up to rounding)."""
        P = np.asarray(P, dtype=float)
        return self._value_and_grad(P.reshape(-1, P.shape[-1]))[0].reshape(P.shape[:-1])

    def batch_grad(self, P):
        """The gradient of E at many points: ``P`` (..., len(free)) -> the same shape; the
        values of :meth:`grad` point by point (up to rounding)."""
        P = np.asarray(P, dtype=float)
        return self._value_and_grad(P.reshape(-1, P.shape[-1]))[1].reshape(P.shape)


# --------------------------------------------------------------------------------------------
# Optimizers that record their paths
# --------------------------------------------------------------------------------------------

@dataclass
class Path:
    """The whole run of an optimizer.

    ``points`` (T + 1, d) and ``values`` (T + 1,) include the start; ``steps`` (T,) the length
    of each move; ``accepted`` (T,) whether a proposal was taken (always True for gradient
    methods); ``evaluations`` counts function and gradient evaluations; ``extra`` holds
    method-specific records (temperature, population, ...).
    """

    method: str
    points: np.ndarray
    values: np.ndarray
    steps: np.ndarray
    accepted: np.ndarray
    evaluations: int
    diverged: bool = False
    extra: dict = field(default_factory=dict)

    @property
    def final(self) -> np.ndarray:
        return self.points[-1]

    @property
    def best(self) -> tuple[np.ndarray, float]:
        k = int(np.nanargmin(self.values))
        return self.points[k], float(self.values[k])


def _start(x0, dim, name="x0"):
    x0 = as_float_array(x0, name, ndim=(0, 1), allow_nan=False).reshape(-1)
    if x0.size != dim:
        raise ValueError(f"{name} must have {dim} coordinate(s); got {x0.size}")
    return x0


def _dim(objective):
    return len(objective.bounds)




def gradient_descent(objective, x0, eta=0.1, n_iter=100, momentum=0.0) -> Path:
    """w <- w - eta grad E(w) (with momentum: v <- momentum v - eta grad E, w <- w + v).

    Stops early, with ``diverged=True``, by the package's one divergence rule
    (:func:`chapter5.training.has_diverged`: E or w not finite, or |w| >= 10**6); the step
    that blew up is not kept. A too large eta makes the path oscillate and then blow up.
    """
    eta = check_scalar(eta, "eta", min_value=0.0, include_min=False)
    n_iter = check_scalar(n_iter, "n_iter", integer=True, min_value=1)
    momentum = check_scalar(momentum, "momentum", min_value=0.0, max_value=1.0,
                            include_max=False)
    x = _start(x0, _dim(objective))
    points, values = [x.copy()], [float(objective.f(x))]
    v = np.zeros_like(x)
    diverged = False
    with np.errstate(all="ignore"):
        for _ in range(n_iter):
            v = momentum * v - eta * np.asarray(objective.grad(x), dtype=float).reshape(-1)
            x = x + v
            fx = float(objective.f(x))
            if has_diverged(x, fx):
                diverged = True
                break
            points.append(x.copy())
            values.append(fx)
    P = np.array(points)
    return Path("momentum" if momentum else "gradient descent", P, np.array(values),
                np.linalg.norm(np.diff(P, axis=0), axis=1), np.ones(len(P) - 1, bool),
                2 * len(P) - 1, diverged)


def gradient_descent_batch(objective, starts, eta=0.1, n_iter=100, momentum=0.0) -> list:
    """:func:`gradient_descent` from several starts at once, all moved in one vectorized step.

    The same runs as calling :func:`gradient_descent` once per start (equal up to rounding),
    but fast enough for tens of thousands of steps: the objective's ``batch_f`` and
    ``batch_grad`` (a :class:`NetworkObjective`) or its vectorized ``f`` and ``grad`` (a
    :class:`Surface`) evaluate every start in one pass. A run that diverges stops there.

    Parameters
    ----------
    objective : Surface or NetworkObjective
    starts : array_like (n, d)
    eta, n_iter, momentum : as in :func:`gradient_descent`

    Returns
    -------
    list of Path, one per start
    """
    eta = check_scalar(eta, "eta", min_value=0.0, include_min=False)
    n_iter = check_scalar(n_iter, "n_iter", integer=True, min_value=1)
    momentum = check_scalar(momentum, "momentum", min_value=0.0, max_value=1.0,
                            include_max=False)
    d = _dim(objective)
    X = as_float_array(starts, "starts", ndim=(1, 2), allow_nan=False)
    if X.ndim == 1:  # one start of d coordinates, or (d = 1) one coordinate per start
        X = X[None, :] if X.size == d else X[:, None]
    if X.shape[1] != d:
        raise ValueError(f"starts must have {d} coordinate(s) each; got shape {X.shape}")
    n = len(X)
    if hasattr(objective, "_value_and_grad"):  # one forward-backward pass per step
        def value_and_grad(P):
            return objective._value_and_grad(P)
    else:
        def value_and_grad(P):
            return (np.asarray(objective.f(P), dtype=float).reshape(n),
                    np.asarray(objective.grad(P), dtype=float).reshape(n, d))
    points = np.empty((n_iter + 1, n, d))
    values = np.empty((n_iter + 1, n))
    points[0] = X
    values[0], g = value_and_grad(X)
    length = np.full(n, n_iter + 1)        # points recorded per run
    alive = np.ones(n, dtype=bool)
    v = np.zeros_like(X)
    x = X.copy()
    with np.errstate(all="ignore"):
        for t in range(1, n_iter + 1):
            v = momentum * v - eta * g
            x_new = x + v
            fx, g = value_and_grad(x_new)   # E here, and the gradient for the next step
            # has_diverged, row by row: |w|^2 < limit is False for inf and nan too
            bad = alive & ~((np.einsum("ij,ij->i", x_new, x_new) < DIVERGENCE_NORM ** 2)
                            & np.isfinite(fx))
            length[bad] = t
            alive &= ~bad
            x = np.where(alive[:, None], x_new, x)   # a diverged run stays where it was
            points[t], values[t] = x, np.where(alive, fx, values[t - 1])
            if not alive.any():
                break
    method = "momentum" if momentum else "gradient descent"
    paths = []
    for r in range(n):
        P = points[:length[r], r].copy()
        paths.append(Path(method, P, values[:length[r], r].copy(),
                          np.linalg.norm(np.diff(P, axis=0), axis=1),
                          np.ones(len(P) - 1, bool), 2 * len(P) - 1, bool(not alive[r])))
    return paths


def stochastic_gradient_descent(objective: NetworkObjective, x0, eta=0.5, n_iter=400,
                                random_state=None) -> Path:
    """Each step follows the gradient of ONE randomly drawn sample's error E_k: the noise of
    the sampling can carry the path out of a shallow local minimum."""
    eta = check_scalar(eta, "eta", min_value=0.0, include_min=False)
    n_iter = check_scalar(n_iter, "n_iter", integer=True, min_value=1)
    rng = check_random_state(random_state)
    x = _start(x0, _dim(objective))
    points, values, picks = [x.copy()], [objective.f(x)], []
    for _ in range(n_iter):
        k = int(rng.integers(objective.n_samples))
        x = x - eta * objective.sample_grad(x, k)
        points.append(x.copy())
        values.append(objective.f(x))
        picks.append(k)
    P = np.array(points)
    return Path("SGD", P, np.array(values), np.linalg.norm(np.diff(P, axis=0), axis=1),
                np.ones(len(P) - 1, bool), 2 * len(P) - 1, extra={"samples": np.array(picks)})


def simulated_annealing(objective, x0, n_iter=500, T0=1.0, cooling=0.99, step=0.3,
                        random_state=None) -> Path:
    """Propose x' = x + N(0, step^2); accept if E falls, else with probability
    exp(-(E(x') - E(x)) / T), with T = T0 cooling^t.

    Accepting worse points lets the path climb out of a local minimum early on (high T); as T
    falls it settles. It can also leave the global minimum (the book's margin note).
    """
    n_iter = check_scalar(n_iter, "n_iter", integer=True, min_value=1)
    T0 = check_scalar(T0, "T0", min_value=0.0, include_min=False)
    cooling = check_scalar(cooling, "cooling", min_value=0.0, max_value=1.0,
                           include_min=False)
    step = check_scalar(step, "step", min_value=0.0, include_min=False)
    rng = check_random_state(random_state)
    x = _start(x0, _dim(objective))
    fx = float(objective.f(x))
    points, values, accepted, temps, probs = [x.copy()], [fx], [], [], []
    T = T0
    for _ in range(n_iter):
        cand = x + rng.normal(scale=step, size=x.shape)
        fc = float(objective.f(cand))
        p = 1.0 if fc <= fx else float(np.exp(-(fc - fx) / T))
        take = bool(fc <= fx or rng.random() < p)
        if take:
            x, fx = cand, fc
        points.append(x.copy())
        values.append(fx)
        accepted.append(take)
        temps.append(T)
        probs.append(p)
        T *= cooling
    P = np.array(points)
    return Path("simulated annealing", P, np.array(values),
                np.linalg.norm(np.diff(P, axis=0), axis=1), np.array(accepted), len(P),
                extra={"temperature": np.array(temps), "acceptance_probability":
                       np.array(probs)})


def _random_point(bounds, rng):
    lo, hi = np.array(bounds, dtype=float).T
    return rng.uniform(lo, hi)


def random_restarts(objective, n_starts=10, eta=0.1, n_iter=100, random_state=None) -> Path:
    """Gradient descent from ``n_starts`` random points in the bounds; keep the best run.

    ``extra["runs"]`` holds every run's path.
    """
    n_starts = check_scalar(n_starts, "n_starts", integer=True, min_value=1)
    rng = check_random_state(random_state)
    runs = [gradient_descent(objective, _random_point(objective.bounds, rng), eta, n_iter)
            for _ in range(n_starts)]
    best = min(runs, key=lambda r: r.values[-1] if not r.diverged else np.inf)
    return Path("random restarts", best.points, best.values, best.steps, best.accepted,
                sum(r.evaluations for r in runs), best.diverged, extra={"runs": runs})


def _random_restarts_batch(objective, seeds, n_starts, eta, n_iter) -> list:
    """:func:`random_restarts` once per seed in ``seeds`` (the same random starts), with every
    descent of every seed run at once by :func:`gradient_descent_batch`."""
    starts = []
    for s in seeds:
        rng = check_random_state(int(s))
        starts += [_random_point(objective.bounds, rng) for _ in range(n_starts)]
    runs = gradient_descent_batch(objective, np.array(starts), eta, n_iter)
    out = []
    for k in range(len(seeds)):
        group = runs[k * n_starts:(k + 1) * n_starts]
        best = min(group, key=lambda r: r.values[-1] if not r.diverged else np.inf)
        out.append(Path("random restarts", best.points, best.values, best.steps,
                        best.accepted, sum(r.evaluations for r in group), best.diverged,
                        extra={"runs": group}))
    return out


def _rows_f(objective, P) -> np.ndarray:
    """E at every row of ``P``: one vectorized call for a :class:`Surface` (its functions
    take any leading shape), else one call per row."""
    if isinstance(objective, Surface):
        return np.asarray(objective.f(P), dtype=float)
    return np.array([objective.f(p) for p in P])


def _tournament(rng, pop_size, fit) -> int:
    """Two individuals drawn at random; the fitter one (lower E; the first drawn on a tie).
    ``fit``: the population's E values as a list (Python floats compare faster than numpy's
    scalars, with the same outcome)."""
    i, j = rng.integers(pop_size, size=2).tolist()
    return j if fit[j] < fit[i] else i


def genetic_algorithm(objective, pop_size=30, n_gen=40, mutation=0.3, crossover=0.7,
                      random_state=None) -> Path:
    """A population of points evolves: tournament selection, blend crossover, Gaussian
    mutation, and the best point always survives (elitism). The path follows the best
    point of each generation; ``extra["populations"]`` holds every generation."""
    pop_size = check_scalar(pop_size, "pop_size", integer=True, min_value=2)
    n_gen = check_scalar(n_gen, "n_gen", integer=True, min_value=1)
    mutation = check_scalar(mutation, "mutation", min_value=0.0)
    crossover = check_scalar(crossover, "crossover", min_value=0.0, max_value=1.0)
    rng = check_random_state(random_state)
    lo, hi = np.array(objective.bounds, dtype=float).T
    pop = rng.uniform(lo, hi, size=(pop_size, lo.size))
    fit = _rows_f(objective, pop)
    best_pts, best_vals, pops = [pop[np.argmin(fit)].copy()], [float(fit.min())], [pop.copy()]
    evaluations = pop_size
    for _ in range(n_gen):
        children = [pop[np.argmin(fit)].copy()]  # elitism
        fit_list = fit.tolist()
        while len(children) < pop_size:
            a = _tournament(rng, pop_size, fit_list)
            b = _tournament(rng, pop_size, fit_list)
            child = pop[a]
            if rng.random() < crossover:
                t = rng.random(lo.size)
                child = t * pop[a] + (1 - t) * pop[b]
            # np.clip's value, without its per-call overhead (this loop runs ~40 000 times in
            # notebook 5.4's comparison)
            child = np.minimum(np.maximum(child + rng.normal(scale=mutation, size=lo.size), lo),
                               hi)
            children.append(child)
        pop = np.array(children)
        fit = _rows_f(objective, pop)
        evaluations += pop_size
        best_pts.append(pop[np.argmin(fit)].copy())
        best_vals.append(float(fit.min()))
        pops.append(pop.copy())
    P = np.array(best_pts)
    return Path("genetic algorithm", P, np.array(best_vals),
                np.linalg.norm(np.diff(P, axis=0), axis=1), np.ones(len(P) - 1, bool),
                evaluations, extra={"populations": np.array(pops)})


# --------------------------------------------------------------------------------------------
# Comparing strategies
# --------------------------------------------------------------------------------------------

STRATEGIES = ("gradient descent", "momentum", "simulated annealing", "random restarts",
              "genetic algorithm")


def compare_strategies(surface, n_starts=100, strategies=STRATEGIES, tol=0.05,
                       random_state=0) -> dict:
    """Run each strategy from the same ``n_starts`` random starts on a :class:`Surface`.

    Success = the final point's E within ``tol`` of the global minimum's. Returns
    ``{name: {"success_rate", "mean_final_E", "mean_evaluations"}}``; print it with
    :func:`format_comparison`.
    """
    if isinstance(surface, str):
        surface = SURFACES[check_option(surface, "surface", SURFACES)]
    n_starts = check_scalar(n_starts, "n_starts", integer=True, min_value=1)
    for s in strategies:
        check_option(s, "strategy", STRATEGIES)
    rng = check_random_state(random_state)
    starts = [_random_point(surface.bounds, rng) for _ in range(n_starts)]
    seeds = rng.integers(2 ** 31, size=n_starts)
    target = surface.global_minimum[1]
    eta, T0 = surface.eta, surface.temperature
    runners = {
        "gradient descent": lambda x0, s: gradient_descent(surface, x0, eta=eta, n_iter=200),
        "momentum": lambda x0, s: gradient_descent(surface, x0, eta=eta, n_iter=200,
                                                   momentum=0.8),
        "simulated annealing": lambda x0, s: simulated_annealing(
            surface, x0, n_iter=400, T0=T0, cooling=0.99, step=0.4, random_state=s),
        "random restarts": lambda x0, s: random_restarts(surface, n_starts=5, eta=eta,
                                                         n_iter=80, random_state=s),
        "genetic algorithm": lambda x0, s: genetic_algorithm(surface, pop_size=20, n_gen=20,
                                                             random_state=s),
    }
    # the descents from every start in one vectorized run (gradient_descent_batch): the same
    # paths as one gradient_descent per start, up to rounding, in a twentieth of the time
    batched = {
        "gradient descent": lambda: gradient_descent_batch(surface, starts, eta=eta, n_iter=200),
        "momentum": lambda: gradient_descent_batch(surface, starts, eta=eta, n_iter=200,
                                                   momentum=0.8),
        "random restarts": lambda: _random_restarts_batch(surface, seeds, n_starts=5,
                                                          eta=eta, n_iter=80),
    }
    table = {}
    for name in strategies:
        if name in batched:
            paths = batched[name]()
        else:
            paths = [runners[name](x0, int(s)) for x0, s in zip(starts, seeds, strict=True)]
        finals = np.array([path.values[-1] for path in paths])
        evals = [path.evaluations for path in paths]
        table[name] = {"success_rate": float(np.mean(finals <= target + tol)),
                       "mean_final_E": float(np.mean(finals)),
                       "mean_evaluations": float(np.mean(evals))}
    return table


def _pad(text: str, width: int, align: str = "<") -> str:
    """``text`` aligned in ``width`` columns of a monospace font, where a wide character
    (Hangul) takes two: ``f"{text:<{width}}"`` for English text."""
    wide = sum(unicodedata.east_asian_width(ch) in "WF" for ch in text)
    return f"{text:{align}{max(width - wide, 0)}}"


def format_comparison(table: dict) -> str:
    """The result of :func:`compare_strategies` as an aligned text table (in the language
    of the moment, :func:`chapter5.i18n.tr`)."""
    names = {"gradient descent": tr("gradient descent", context="comparison"),
             "momentum": tr("momentum", context="comparison"),
             "simulated annealing": tr("simulated annealing", context="comparison"),
             "random restarts": tr("random restarts", context="comparison"),
             "genetic algorithm": tr("genetic algorithm", context="comparison")}
    lines = [f"{_pad(tr('strategy', context='comparison'), 20)} "
             f"{_pad(tr('reached global', context='comparison'), 14, '>')} "
             f"{_pad(tr('mean final E', context='comparison'), 13, '>')} "
             f"{_pad(tr('evaluations', context='comparison'), 12, '>')}"]
    for name, r in table.items():
        lines.append(f"{_pad(names.get(name, name), 20)} {r['success_rate']:>13.0%} "
                     f"{r['mean_final_E']:>13.4f} {r['mean_evaluations']:>12.0f}")
    return "\n".join(lines)
