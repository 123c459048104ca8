"""§5.3 Error backpropagation (오차 역전파) in the book's notation.

A network with inputs x_i (i = 1..d), one hidden layer of q units and l output units (Fig. 5.7):

    alpha_h = sum_i v_ih x_i,     b_h = f(alpha_h - gamma_h)       hidden input and output
    beta_j  = sum_h w_hj b_h,     y_hat_j = f(beta_j - theta_j)     output input and output
    (the book numbers only y_hat_j = f(beta_j - theta_j), as (5.3); alpha_h, b_h and beta_j are
    defined in its text)
    E_k = 1/2 sum_j (y_hat_j - y_j)^2                                error on sample k    (5.4)

Gradient descent on E_k gives, with the sigmoid's f' = f(1 - f) (5.9),

    g_j = y_hat_j (1 - y_hat_j) (y_j - y_hat_j)                                          (5.10)
    e_h = b_h (1 - b_h) sum_j w_hj g_j                                                    (5.15)
    Delta w_hj = eta g_j b_h (5.11),  Delta theta_j = -eta g_j (5.12),
    Delta v_ih = eta e_h x_i (5.13),  Delta gamma_h = -eta e_h (5.14).

g and e are the seed notes' stored "delta" values: g_j = -dE_k/d(beta_j - theta_j) and
e_h = -dE_k/d(alpha_h - gamma_h). For deeper networks the same step repeats layer by layer, from
the output layer down to the first hidden layer (the generalized rule):
delta_k = f'(net_k) * (delta_{k+1} @ W_{k+1}^T).

Code conventions: samples are rows (``X`` is (m, d)), so a layer computes ``out @ W``; weights
of layer k have shape (units below, units of k), so ``weights[0][i, h]`` is v_ih and
``weights[1][h, j]`` is w_hj; thresholds are subtracted (θ = -bias for biased examples).
The building blocks below are written for reading; :class:`BPNetwork` trains with equivalent,
faster loops (``chapter5._bp_fast``) that tests hold to these blocks.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np

from . import _bp_fast
from ._estimator import Estimator, label_accuracy, label_targets
from ._validation import (
    as_float_array,
    check_option,
    check_random_state,
    check_samples,
    check_scalar,
)
from .activations import get_activation, sigmoid
from .metrics import labels_from_outputs
from .training import History, TrainConfig

__all__ = [
    "BPHistory",
    "BPNetwork",
    "ForwardPass",
    "backward",
    "error",
    "error_surface",
    "forward",
    "gradient_check",
    "gradients",
    "hidden_term",
    "output_term",
    "parameter_updates",
    "regularized_error",
    "regularized_gradients",
    "training_regime",
]

HIDDEN_ACTIVATIONS = ("sigmoid", "tanh", "relu", "linear")
MODES = ("standard", "accumulated", "minibatch")
SCHEDULES = ("constant", "decay", "bold-driver")
INITS = ("uniform", "symmetric")
_BINARY = np.array([0, 1])  # each output unit's labels, for targets in [0, 1]


# --------------------------------------------------------------------------------------------
# Building blocks: one equation each
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ForwardPass:
    """Every intermediate of a forward pass, layer by layer (layer 0 is the input).

    Attributes
    ----------
    inputs : list of ndarray (m, n_k)
        The weighted sums without threshold: alpha_h for the hidden layer, beta_j for the
        output layer (the book's α, β).
    nets : list of ndarray (m, n_k)
        ``inputs - threshold`` (the seed notes' "net"), what the activation is applied to.
    outputs : list of ndarray
        ``outputs[0]`` is X; then b_h for each hidden layer, y_hat last (the seed's "out").
    """

    inputs: list
    nets: list
    outputs: list

    @property
    def y_hat(self) -> np.ndarray:
        return self.outputs[-1]


def _check_params(weights, thresholds):
    if not isinstance(weights, list | tuple) or not isinstance(thresholds, list | tuple):
        raise TypeError("weights and thresholds must be lists of arrays, one per layer")
    if len(weights) == 0 or len(weights) != len(thresholds):
        raise ValueError(f"weights and thresholds must have the same, non-zero number of layers;"
                         f" got {len(weights)} and {len(thresholds)}")
    Ws, ts = [], []
    for k, (W, t) in enumerate(zip(weights, thresholds, strict=True)):
        W = as_float_array(W, f"weights[{k}]", ndim=2, allow_nan=False)
        t = as_float_array(t, f"thresholds[{k}]", ndim=(0, 1), allow_nan=False)
        t = np.full(W.shape[1], float(t)) if t.ndim == 0 else t  # one shared value (Mazur)
        if t.shape != (W.shape[1],):
            raise ValueError(f"thresholds[{k}] must have one value per unit of layer {k + 1} "
                             f"({W.shape[1]}); got shape {t.shape}")
        if Ws and W.shape[0] != Ws[-1].shape[1]:
            raise ValueError(f"weights[{k}] must have {Ws[-1].shape[1]} rows (the units of the "
                             f"layer below); got shape {W.shape}")
        Ws.append(W)
        ts.append(t)
    return Ws, ts


def _check_X(X, d: int, name: str = "X") -> np.ndarray:
    X = as_float_array(X, name, ndim=(1, 2), allow_nan=False)
    X = X[np.newaxis, :] if X.ndim == 1 else X
    if X.shape[1] != d:
        raise ValueError(f"{name} must have {d} columns (one per input unit); got shape "
                         f"{X.shape}")
    return X


def _check_Y(Y, m: int, n_out: int | None, name: str = "Y") -> np.ndarray:
    Y = as_float_array(Y, name, ndim=(1, 2), allow_nan=False)
    Y = Y[:, np.newaxis] if Y.ndim == 1 else Y  # (m,) -> one output unit
    if Y.shape[0] != m:
        raise ValueError(f"{name} must have one row per sample ({m}); got shape {Y.shape}")
    if n_out is not None and Y.shape[1] != n_out:
        raise ValueError(f"{name} must have {n_out} column(s), one per output unit; got "
                         f"shape {Y.shape}")
    if np.any((Y < 0) | (Y > 1)):
        raise ValueError(f"{name} must lie in [0, 1]: the output units are sigmoids; got "
                         f"values from {Y.min():g} to {Y.max():g}")
    return Y


def forward(X, weights, thresholds, activation="sigmoid") -> ForwardPass:
    """Forward pass (alpha_h, b_h, beta_j and y_hat_j (5.3)): every layer's input, net, output.

    Parameters
    ----------
    X : array_like (m, d) or (d,)
    weights : list of arrays
        ``weights[k]`` has shape (units of layer k, units of layer k + 1): [V, W] for one
        hidden layer, with ``V[i, h]`` = v_ih and ``W[h, j]`` = w_hj.
    thresholds : list of arrays
        [gamma, theta] for one hidden layer; a number is shared by the layer's units.
    activation : str, default "sigmoid"
        Activation of the hidden layers; the output layer is always the sigmoid.

    Examples
    --------
    >>> fp = forward([[1.0, 0.0]], [np.eye(2), np.ones((2, 1))], [[0.0, 0.0], [1.0]])
    >>> fp.nets[1].round(4).tolist()   # beta - theta = b_1 + b_2 - 1
    [[0.2311]]
    """
    Ws, ts = _check_params(weights, thresholds)
    X = _check_X(X, Ws[0].shape[0])
    act = get_activation(activation)
    inputs, nets, outputs = [], [], [X]
    for k, (W, t) in enumerate(zip(Ws, ts, strict=True)):
        a = outputs[-1] @ W  # row vectors: (m, n_below) @ (n_below, n_k)
        net = a - t
        out = sigmoid(net) if k == len(Ws) - 1 else act.f(net)
        inputs.append(a)
        nets.append(net)
        outputs.append(np.asarray(out))
    return ForwardPass(inputs, nets, outputs)


def error(X, Y, weights, thresholds, activation="sigmoid") -> float:
    """Accumulated error E = (1/m) sum_k E_k, E_k = 1/2 sum_j (y_hat_j - y_j)^2 (5.4), (5.16)."""
    fp = forward(X, weights, thresholds, activation)
    Y = _check_Y(Y, len(fp.y_hat), fp.y_hat.shape[1])
    return float(0.5 * np.sum((fp.y_hat - Y) ** 2) / len(Y))


def output_term(y_hat, y) -> np.ndarray:
    """g_j = y_hat_j (1 - y_hat_j) (y_j - y_hat_j), Eq. (5.10): minus dE_k/d(beta_j - theta_j).

    Examples
    --------
    >>> round(float(output_term(0.75136507, 0.01)), 9)   # Mazur's o1: minus his delta_o1
    -0.138498562
    """
    y_hat = as_float_array(y_hat, "y_hat")
    y = as_float_array(y, "y")
    return y_hat * (1.0 - y_hat) * (y - y_hat)


def hidden_term(b, delta_above, w, activation="sigmoid", net=None) -> np.ndarray:
    """e_h = f'(net_h) sum_j w_hj g_j; for the sigmoid b_h (1 - b_h) sum_j w_hj g_j (5.15).

    Parameters
    ----------
    b : array (m, q) or (q,)
        The hidden outputs b_h.
    delta_above : array (m, l) or (l,)
        The layer above's terms (g_j for the output layer).
    w : array (q, l)
        Weights from this layer to the one above (w_hj), *before* they are updated.
    activation : str, default "sigmoid"
        For the sigmoid the derivative is read off b (5.9); others need ``net``.
    net : array like b, optional
        alpha_h - gamma_h, for activations whose derivative is not a function of the output.
    """
    b = as_float_array(b, "b")
    back = as_float_array(delta_above, "delta_above") @ as_float_array(w, "w").T
    act = get_activation(activation)
    if act.name == "sigmoid":
        slope = b * (1.0 - b)
    elif act.name == "tanh":
        slope = 1.0 - b * b
    else:
        if net is None:
            raise ValueError(f"net is needed for the derivative of {act.name!r}")
        slope = np.asarray(act.df(net))
    return slope * back


def backward(fp: ForwardPass, Y, weights, activation="sigmoid") -> list[np.ndarray]:
    """All the deltas, output layer first down to the first hidden layer (the seed's pseudocode).

    Returns a list aligned with the layers: ``deltas[-1]`` is g (5.10), ``deltas[-2]`` is e
    (5.15), ... each of shape (m, n_k).
    """
    Y = _check_Y(Y, len(fp.y_hat), fp.y_hat.shape[1])
    deltas = [None] * len(weights)
    deltas[-1] = output_term(fp.y_hat, Y)
    for k in range(len(weights) - 2, -1, -1):  # for i = output layer - 1 down to layer 1
        deltas[k] = hidden_term(fp.outputs[k + 1], deltas[k + 1], weights[k + 1], activation,
                                net=fp.nets[k])
    return deltas


def parameter_updates(fp: ForwardPass, deltas, eta) -> tuple[list, list]:
    """Delta w_hj = eta g_j b_h (5.11), Delta theta_j = -eta g_j (5.12), Delta v_ih = eta e_h x_i
    (5.13), Delta gamma_h = -eta e_h (5.14), for every layer; averaged over the batch rows.

    Returns ``(dW, dT)``: lists of the weight and threshold changes, one per layer.
    """
    eta = check_scalar(eta, "eta", min_value=0.0, include_min=False)
    m = len(fp.y_hat)
    dW = [eta * fp.outputs[k].T @ d / m for k, d in enumerate(deltas)]
    dT = [-eta * d.sum(axis=0) / m for d in deltas]
    return dW, dT


def gradients(X, Y, weights, thresholds, activation="sigmoid") -> tuple[list, list]:
    """Gradient of E = (1/m) sum_k E_k with respect to every weight and threshold.

    Minus the updates of :func:`parameter_updates` divided by eta:
    dE/dw_hj = -mean_k g_j b_h, dE/dtheta_j = mean_k g_j, and so on down the layers.
    """
    fp = forward(X, weights, thresholds, activation)
    Ws, _ = _check_params(weights, thresholds)
    deltas = backward(fp, Y, Ws, activation)
    m = len(fp.y_hat)
    dW = [-(fp.outputs[k].T @ d) / m for k, d in enumerate(deltas)]
    dT = [d.sum(axis=0) / m for d in deltas]
    return dW, dT


def regularized_error(X, Y, weights, thresholds, lam, activation="sigmoid") -> float:
    """E = λ (1/m) Σ_k E_k + (1 − λ) Σ_i w_i², Eq. (5.17); the sum covers every connection
    weight and threshold.

    Parameters
    ----------
    lam : float in (0, 1]
        λ trades the empirical error against the size of the weights; λ = 1 is plain (5.16).
    """
    lam = check_scalar(lam, "lam", min_value=0.0, max_value=1.0, include_min=False)
    Ws, ts = _check_params(weights, thresholds)
    penalty = sum(float(np.sum(W * W)) + float(np.sum(t * t)) for W, t in zip(Ws, ts,
                                                                                strict=True))
    return lam * error(X, Y, Ws, ts, activation) + (1.0 - lam) * penalty


def regularized_gradients(X, Y, weights, thresholds, lam,
                          activation="sigmoid") -> tuple[list, list]:
    """Gradient of (5.17): λ ∂E/∂w + 2 (1 − λ) w for every weight and threshold."""
    lam = check_scalar(lam, "lam", min_value=0.0, max_value=1.0, include_min=False)
    Ws, ts = _check_params(weights, thresholds)
    dW, dT = gradients(X, Y, Ws, ts, activation)
    return ([lam * d + 2.0 * (1.0 - lam) * W for d, W in zip(dW, Ws, strict=True)],
            [lam * d + 2.0 * (1.0 - lam) * t for d, t in zip(dT, ts, strict=True)])


def training_regime(loss_curve, diverged: bool = False) -> str:
    """Name how a training run went, from its error per epoch (exercise 5.4's regimes).

    With E_1 the first value of ``loss_curve`` and E_T the last, the first rule that applies
    gives the name:

    1. "diverged": ``diverged`` is True (the weights blew up);
    2. "oscillating": in the second half of the curve, E rose from one epoch to the next in
       more than 10 % of the epochs;
    3. "stuck": E_T > 0.9 E_1 (E fell by less than 10 %, or rose: typically saturated
       sigmoids after a too large η);
    4. "slow": 0.2 E_1 < E_T <= 0.9 E_1 (it fell, but not to 20 % of its start);
    5. "good": E_T <= 0.2 E_1.

    Rule 2 judges the path of E and rules 3-5 where it ended, so an oscillating run also has
    an end: ``training_regime([E_1, E_T])`` names it (two values have no second half to
    oscillate in). A run that zigzags down to a tiny E is both "oscillating" and "good".

    Examples
    --------
    >>> training_regime([0.3, 0.1, 0.01, 0.005])
    'good'
    >>> training_regime([0.3, 0.29, 0.29, 0.28])
    'stuck'
    """
    if diverged:
        return "diverged"
    loss = as_float_array(loss_curve, "loss_curve", ndim=1)
    loss = loss[np.isfinite(loss)]
    if loss.size < 2:
        raise ValueError("loss_curve must hold at least 2 finite values")
    late = np.diff(loss[loss.size // 2:])
    if late.size and np.mean(late > 0) > 0.1:
        return "oscillating"
    if loss[-1] > 0.9 * loss[0]:
        return "stuck"
    if loss[-1] > 0.2 * loss[0]:
        return "slow"
    return "good"


def gradient_check(X, Y, weights, thresholds, activation="sigmoid", eps=1e-6,
                   lam=1.0) -> dict:
    """Compare :func:`gradients` with central finite differences of E (5.16), parameter by
    parameter; with ``lam < 1`` the regularized error (5.17) and its gradient.

    Returns
    -------
    dict
        ``analytic`` and ``numeric`` (flat vectors in the order of the layers: each layer's
        weights row by row, then its thresholds) and ``relative_error``
        = |analytic - numeric| / (|analytic| + |numeric|) (Euclidean norms).

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> Ws, ts = [rng.normal(size=(3, 4)), rng.normal(size=(4, 2))], [rng.normal(size=4),
    ...                                                                rng.normal(size=2)]
    >>> X, Y = rng.normal(size=(5, 3)), rng.uniform(size=(5, 2))
    >>> gradient_check(X, Y, Ws, ts)["relative_error"] < 1e-7
    True
    """
    Ws, ts = _check_params(weights, thresholds)
    eps = check_scalar(eps, "eps", min_value=0.0, include_min=False)
    dW, dT = regularized_gradients(X, Y, Ws, ts, lam, activation)
    analytic = np.concatenate([np.concatenate([w.ravel(), t]) for w, t in zip(dW, dT,
                                                                              strict=True)])
    params = [p for W, t in zip(Ws, ts, strict=True) for p in (W, t)]
    numeric = []
    for p in params:
        for idx in np.ndindex(p.shape):
            old = p[idx]
            p[idx] = old + eps
            up = regularized_error(X, Y, Ws, ts, lam, activation)
            p[idx] = old - eps
            down = regularized_error(X, Y, Ws, ts, lam, activation)
            p[idx] = old
            numeric.append((up - down) / (2 * eps))
    numeric = np.array(numeric)
    denom = np.linalg.norm(analytic) + np.linalg.norm(numeric)
    rel = float(np.linalg.norm(analytic - numeric) / denom) if denom > 0 else 0.0
    return {"analytic": analytic, "numeric": numeric, "relative_error": rel}


def error_surface(X, Y, weights, thresholds, first, second, values1, values2,
                  activation="sigmoid") -> np.ndarray:
    """E (5.16) as a function of two parameters, the others held fixed (the seed's picture).

    The whole grid is computed in one vectorized forward pass: every parameter is a number
    or, for the two that vary, an array over the grid, and each layer's sums broadcast.

    Parameters
    ----------
    X : array_like (m, d)
    Y : array_like (m, l) or (m,)
    weights, thresholds : lists of arrays
        As for :func:`forward`: ``[V, W]`` and ``[gamma, theta]`` for one hidden layer.
    first, second : tuple (layer, row, column)
        Which parameters vary, e.g. ``(1, 0, 0)`` for w_11 of a single-hidden-layer network;
        ``row`` = the number of inputs of the layer names that layer's threshold of unit
        ``column`` (``(1, q, 0)`` is theta_1).
    values1, values2 : 1-D arrays
        The values they take.
    activation : str, default "sigmoid"
        Activation of the hidden layers, as for :func:`forward`.

    Returns
    -------
    ndarray (len(values2), len(values1))
        ``E[i, j]`` at ``first = values1[j]``, ``second = values2[i]`` (ready for contour).

    Notes
    -----
    The values equal :func:`error` point by point up to rounding (a few units in the last
    place: the sums run in another order). A 200 x 200 grid of the 2-2-1 XOR network takes
    2-4 ms (``benchmarks/latency.py``), against seconds for a loop over :func:`error`.

    Examples
    --------
    >>> X, Y = [[0.0, 1.0], [1.0, 1.0]], [1.0, 0.0]
    >>> E = error_surface(X, Y, [np.ones((2, 1))], [[0.5]], (0, 0, 0), (0, 2, 0),
    ...                   [-1.0, 0.0, 1.0], [0.0, 0.5])
    >>> E.shape, bool(np.isclose(E[1, 2], error(X, Y, [[[1.0], [1.0]]], [[0.5]])))
    ((2, 3), True)
    """
    Ws, ts = _check_params(weights, thresholds)
    X = _check_X(X, Ws[0].shape[0])
    Y = _check_Y(Y, len(X), Ws[-1].shape[1])
    v1 = as_float_array(values1, "values1", ndim=1, allow_nan=False)
    v2 = as_float_array(values2, "values2", ndim=1, allow_nan=False)
    act = get_activation(activation)
    # every parameter as a number, the two that vary as grids (len(v2), len(v1))
    params = [[[float(w) for w in row] for row in W] + [[float(t) for t in T]]
              for W, T in zip(Ws, ts, strict=True)]
    grids = np.meshgrid(v1, v2)
    for name, (k, i, j), grid in (("first", first, grids[0]), ("second", second, grids[1])):
        if not (0 <= k < len(Ws) and 0 <= i <= Ws[k].shape[0] and 0 <= j < Ws[k].shape[1]):
            raise ValueError(f"{name} = {(k, i, j)} is not a parameter of this network (a "
                             f"weight (layer, row, column), or (layer, n_in, column) for a "
                             f"threshold)")
        params[k][i][j] = grid
    total = 0.0
    with np.errstate(over="ignore"):     # e^{-net} = inf gives the sigmoid's 0, rightly
        for x, y in zip(X, Y, strict=True):  # a sample at a time: the grids stay in cache
            below = list(x)                  # each unit's output: a number or a grid
            for k, P in enumerate(params):
                n_in = len(P) - 1
                name = "sigmoid" if k == len(params) - 1 else act.name
                outs = []
                for j in range(len(P[n_in])):
                    net = below[0] * P[0][j]
                    for i in range(1, n_in):
                        net = net + below[i] * P[i][j]
                    net = np.array(net - P[n_in][j])   # beta_j - theta_j (5.3), a new array
                    # f(net) in place: the fast path's kernel (the sigmoid as 1 / (1 + e^{-x}))
                    _bp_fast._activate(name, net, net)
                    outs.append(net)
                below = outs
            for y_hat, y_j in zip(below, y, strict=True):  # E_k (5.4), summed over k
                total = total + (y_hat - y_j) ** 2
    return np.broadcast_to(0.5 * total / len(X), grids[0].shape).astype(float)  # E (5.16)


# --------------------------------------------------------------------------------------------
# The estimator
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class BPHistory(History):
    """Parameter snapshots recorded during training, for replay without retraining.

    ``epochs[i]`` (also ``steps[i]``, the :class:`~chapter5.training.History` interface) is
    the number of epochs completed when snapshot ``i`` was taken (0 = the initial
    parameters); ``params[i]`` is the flat parameter vector (see :meth:`BPNetwork.unflatten`).
    """

    epochs: np.ndarray
    params: np.ndarray
    shapes: tuple

    @property
    def steps(self) -> np.ndarray:
        return self.epochs

    def parameters(self, i: int) -> tuple[list, list]:
        """``(weights, thresholds)`` of snapshot ``i``."""
        i = check_scalar(i, "i", integer=True, min_value=-len(self), max_value=len(self) - 1)
        return _bp_fast.unflatten(self.params[i], self.shapes)

    def snapshot(self, i: int) -> dict:
        """Snapshot ``i`` by name: ``weights`` and ``thresholds``, lists over the layers."""
        Ws, ts = self.parameters(i)
        return {"weights": Ws, "thresholds": ts}


class BPNetwork(Estimator):
    """A feedforward network of sigmoid units trained by error backpropagation (§5.3).

    Parameters
    ----------
    hidden : tuple of int, default (2,)
        Units per hidden layer, e.g. ``(q,)`` for the book's single hidden layer.
    eta : float, default 0.1
        Learning rate η > 0; the book takes η in (0, 1), often 0.1.
    mode : {"standard", "accumulated", "minibatch"}, default "standard"
        Standard BP updates after every sample (Fig. 5.8); accumulated BP updates once per
        epoch with the gradient of the accumulated error E (5.16); "minibatch" updates after
        every ``batch_size`` samples (shuffled each epoch if ``shuffle``).
    activation : str, default "sigmoid"
        Hidden-layer activation: "sigmoid" (the book), "tanh", "relu" or "linear". The output
        layer is always the sigmoid.
    max_epochs : int, default 1000
    tol : float, default 0.0
        Stop once the epoch's accumulated error falls below ``tol``.
    init : {"uniform", "symmetric"}, default "uniform"
        "uniform": weights and thresholds uniform in (0, 1), as in the book's algorithm
        (Fig. 5.8); "symmetric": uniform in (-0.5, 0.5), small values of both signs.
    shuffle : bool, default False
        Standard BP only: present the samples in a new random order each epoch.
    train_thresholds : bool, default True
        False freezes every threshold (as in Mazur's worked example script).
    batch_size : int, default 32
        Samples per update in "minibatch" mode.
    lam : float in (0, 1], default 1.0
        λ of the regularized error (5.17), E = λ (1/m) Σ E_k + (1 − λ) Σ w²; 1 = none.
    momentum : float in [0, 1), default 0.0
        Each step adds ``momentum`` times the previous step.
    lr_schedule : {"constant", "decay", "bold-driver"}, default "constant"
        "decay": η / (1 + lr_decay · epoch); "bold-driver": after each epoch η grows by 5 %
        if the error fell and halves if it rose (adaptive learning rate, exercise 5.6).
    lr_decay : float, default 0.01
    early_stopping : bool, default False
        With validation data passed to ``fit``: stop once the validation error has not
        improved for ``patience`` epochs, and keep the weights with the smallest one.
    patience : int, default 50
    record_every : int or None, default None
        Keep a parameter snapshot every this many epochs (and the last one) in ``history_``;
        None keeps about 1000 snapshots (every ``max(1, max_epochs // 1000)`` epochs).
    random_state : None, int or numpy.random.Generator

    Attributes
    ----------
    classes_ : ndarray
        The class labels. Targets in [0, 1] (the book's 0/1 labels, or one column per output
        unit) are learnt as they are and give ``[0, 1]``, each output unit's labels. Any other
        1-D labels (strings, 1/2/3, ...) are sorted into ``classes_``: two classes train one
        output unit (target 1 for ``classes_[1]``), k > 2 classes train k units on one-hot
        targets and ``predict`` takes the largest output.
    weights_, thresholds_ : lists of ndarray
        Per layer; for one hidden layer also ``v_`` (d, q), ``gamma_`` (q,), ``w_`` (q, l),
        ``theta_`` (l,) in the book's names.
    loss_curve_ : ndarray (n_epochs_,)
        The accumulated error E (5.16) met in each epoch: for standard BP the mean of E_k
        over the epoch's samples, each taken just before its update; for accumulated BP the
        E of the parameters the epoch starts from.
    n_epochs_, n_updates_ : int
    converged_ : bool
        True if ``loss_curve_`` fell below ``tol``.
    diverged_ : bool, diverged_at_ : int or None
        True if the parameters blew up, by the package's one rule
        (:func:`chapter5.training.has_diverged`: E or a parameter not finite, or the
        parameters' norm reaches 10**6), with the epoch (0-based) after which it was seen (the
        check runs after every epoch, in every mode); training stops there and undoes that
        epoch: the parameters kept are those ``max_epochs=diverged_at_`` would give. That
        epoch is the last entry of ``loss_curve_``; ``history_`` ends with the kept parameters
        (labelled ``diverged_at_``).
    stop_reason_ : {"max_epochs", "tol", "early_stopping", "diverged", "callback"}
        Why training stopped.
    history_ : BPHistory
    val_loss_curve_ : ndarray or None
        Validation error E per epoch, when validation data were given.
    best_epoch_ : int or None
        With early stopping: the epoch whose weights were kept (smallest validation error).
    eta_curve_ : ndarray
        The learning rate used in each epoch (with the options of the general loop).

    Notes
    -----
    Eqs. (5.3)-(5.16); the algorithm of Fig. 5.8 (standard BP) and its accumulated variant.

    Examples
    --------
    >>> from chapter5.datasets import logic_gate
    >>> X, y = logic_gate("xor")
    >>> net = BPNetwork(hidden=(3,), eta=0.5, max_epochs=5000, random_state=0).fit(X, y)
    >>> net.predict(X).tolist()
    [0, 1, 1, 0]
    """

    def __init__(self, hidden=(2,), eta=0.1, mode="standard", activation="sigmoid",
                 max_epochs=1000, tol=0.0, init="uniform", shuffle=False,
                 train_thresholds=True, batch_size=32, lam=1.0, momentum=0.0,
                 lr_schedule="constant", lr_decay=0.01, early_stopping=False, patience=50,
                 record_every=None, random_state=None):
        self.hidden = hidden
        self.eta = eta
        self.mode = mode
        self.activation = activation
        self.max_epochs = max_epochs
        self.tol = tol
        self.init = init
        self.shuffle = shuffle
        self.train_thresholds = train_thresholds
        self.batch_size = batch_size
        self.lam = lam
        self.momentum = momentum
        self.lr_schedule = lr_schedule
        self.lr_decay = lr_decay
        self.early_stopping = early_stopping
        self.patience = patience
        self.record_every = record_every
        self.random_state = random_state

    _estimator_type = "classifier"
    _multi_output = True  # Y (m, l): one column per output unit

    # ---- construction ---------------------------------------------------------------------

    @classmethod
    def from_parameters(cls, weights, thresholds, eta=0.1, train_thresholds=True,
                        **kwargs) -> BPNetwork:
        """A network that starts from given parameters, one array per layer.

        ``weights=[V, W]`` with V (d, q) and W (q, l); ``thresholds=[gamma, theta]`` (a number
        is shared by the layer's units). ``fit`` then trains from these values, and ``step``
        and ``predict`` work at once.
        """
        Ws, ts = _check_params(weights, thresholds)
        net = cls(hidden=tuple(W.shape[1] for W in Ws[:-1]), eta=eta,
                  train_thresholds=train_thresholds, **kwargs)
        net._initial = (Ws, ts)
        net._set_parameters(Ws, ts)
        return net

    def _validate(self):
        hidden = self.hidden
        if isinstance(hidden, int | np.integer):
            hidden = (hidden,)
        if not isinstance(hidden, tuple | list) or len(hidden) == 0:
            raise ValueError(f"hidden must be a non-empty tuple of layer sizes, e.g. (4,); got "
                             f"{self.hidden!r}")
        hidden = tuple(check_scalar(q, "hidden[i]", integer=True, min_value=1) for q in hidden)
        check_scalar(self.eta, "eta", min_value=0.0, include_min=False)
        check_option(self.mode, "mode", MODES)
        act = get_activation(self.activation).name
        if act not in HIDDEN_ACTIVATIONS:
            raise ValueError(f"activation must be one of {HIDDEN_ACTIVATIONS} for BP (step and "
                             f"sign have no useful derivative); got {act!r}")
        check_scalar(self.max_epochs, "max_epochs", integer=True, min_value=1)
        check_scalar(self.tol, "tol", min_value=0.0)
        check_option(self.init, "init", INITS)
        if self.record_every is not None:
            check_scalar(self.record_every, "record_every", integer=True, min_value=1)
        check_scalar(self.batch_size, "batch_size", integer=True, min_value=1)
        check_scalar(self.lam, "lam", min_value=0.0, max_value=1.0, include_min=False)
        check_scalar(self.momentum, "momentum", min_value=0.0, max_value=1.0,
                     include_max=False)
        check_option(self.lr_schedule, "lr_schedule", SCHEDULES)
        check_scalar(self.lr_decay, "lr_decay", min_value=0.0)
        check_scalar(self.patience, "patience", integer=True, min_value=1)
        for flag in ("shuffle", "train_thresholds", "early_stopping"):
            if not isinstance(getattr(self, flag), bool | np.bool_):
                raise TypeError(f"{flag} must be True or False; got {getattr(self, flag)!r}")
        return hidden, act

    def initial_parameters(self, n_features: int, n_outputs: int = 1) -> tuple[list, list]:
        """``(weights, thresholds)`` that :meth:`fit` would start from on data with this many
        features and outputs (the same draws from ``random_state``), without training."""
        hidden, _ = self._validate()
        n_features = check_scalar(n_features, "n_features", integer=True, min_value=1)
        n_outputs = check_scalar(n_outputs, "n_outputs", integer=True, min_value=1)
        return self._init_parameters(n_features, n_outputs, hidden,
                                     check_random_state(self.random_state))

    def _init_parameters(self, d: int, n_out: int, hidden, rng) -> tuple[list, list]:
        if getattr(self, "_initial", None) is not None:
            Ws, ts = self._initial
            if Ws[0].shape[0] != d or Ws[-1].shape[1] != n_out:
                raise ValueError(f"the given parameters are for {Ws[0].shape[0]} inputs and "
                                 f"{Ws[-1].shape[1]} outputs; the data have {d} and {n_out}")
            return [W.copy() for W in Ws], [t.copy() for t in ts]
        sizes = (d, *hidden, n_out)
        lo, hi = (0.0, 1.0) if self.init == "uniform" else (-0.5, 0.5)
        Ws, ts = [], []
        for a, b in itertools.pairwise(sizes):
            Ws.append(rng.uniform(lo, hi, size=(a, b)))
            ts.append(rng.uniform(lo, hi, size=b))
        return Ws, ts

    def _set_parameters(self, Ws, ts):
        self.weights_ = [np.array(W, dtype=float) for W in Ws]
        self.thresholds_ = [np.array(t, dtype=float) for t in ts]
        self.n_features_in_ = self.weights_[0].shape[0]
        self.n_outputs_ = self.weights_[-1].shape[1]
        self.n_updates_ = getattr(self, "n_updates_", 0)

    # ---- training -------------------------------------------------------------------------

    def fit(self, X, Y, X_val=None, Y_val=None, callback=None) -> BPNetwork:
        """Train on ``X`` (m, d) with targets ``Y`` (m,) or (m, l) in [0, 1]; return self.

        ``X_val, Y_val`` (optional) are evaluated after every epoch (``val_loss_curve_``) and
        drive early stopping when ``early_stopping=True``. ``callback(info)`` (optional) is
        called after every epoch with a :class:`chapter5.training.EpochInfo`; returning True
        stops training there (``stop_reason_ == "callback"``).
        """
        hidden, act = self._validate()
        X = check_samples(as_float_array(X, "X", ndim=2, allow_nan=False))
        Y, classes, coded = label_targets(Y, "Y")
        Y = _check_Y(Y, len(X), None)
        if (X_val is None) != (Y_val is None):
            raise ValueError("give both X_val and Y_val, or neither")
        if X_val is not None:
            X_val = check_samples(_check_X(X_val, X.shape[1], "X_val"), "X_val")
            if coded:
                Y_val = label_targets(Y_val, "Y_val", classes)[0]
            Y_val = _check_Y(Y_val, len(X_val), Y.shape[1], "Y_val")
        elif self.early_stopping:
            raise ValueError("early_stopping=True needs validation data: fit(X, Y, X_val, "
                             "Y_val)")
        rng = check_random_state(self.random_state)
        Ws, ts = self._init_parameters(X.shape[1], Y.shape[1], hidden, rng)
        mode = self.mode.strip().lower()
        schedule = self.lr_schedule.strip().lower()
        record_every = (max(1, int(self.max_epochs) // 1000) if self.record_every is None
                        else int(self.record_every))
        config = TrainConfig(
            eta=float(self.eta), mode=mode, activation=act, max_epochs=int(self.max_epochs),
            tol=float(self.tol), shuffle=bool(self.shuffle),
            train_thresholds=bool(self.train_thresholds), record_every=record_every,
            lam=float(self.lam), batch_size=int(self.batch_size),
            momentum=float(self.momentum), schedule=schedule, decay=float(self.lr_decay),
            patience=int(self.patience) if self.early_stopping else None, callback=callback)
        result = _bp_fast.train(X, Y, Ws, ts, config, rng, X_val, Y_val)
        self.classes_ = classes
        self._coded = coded
        self.val_loss_curve_ = result.val_loss
        self.best_epoch_ = result.best_epoch
        self.eta_curve_ = result.eta
        self.n_updates_ = 0
        self._set_parameters(*_bp_fast.unflatten(result.params, result.shapes))
        self.loss_curve_ = result.loss
        self.n_epochs_ = len(result.loss)
        self.n_updates_ = result.n_updates
        self.converged_ = bool(self.tol > 0 and len(result.loss) and result.loss[-1] < self.tol)
        self.diverged_ = result.diverged_at is not None
        self.diverged_at_ = result.diverged_at
        self.stop_reason_ = result.stop_reason
        self.history_ = BPHistory(result.history_epochs, result.history_params, result.shapes)
        return self

    def step(self, x, y) -> float:
        """One standard-BP update (Fig. 5.8, lines 4-7) on one sample; return E_k before it.

        Uses the building blocks in order: forward pass, g (5.10), e (5.15) with the weights as
        they were *before* this update, then the updates (5.11)-(5.14).
        """
        self._check_initialized()
        fp = forward(x, self.weights_, self.thresholds_, self._act())
        y = _check_Y(np.atleast_1d(np.asarray(y, dtype=float)).reshape(1, -1), 1,
                     self.n_outputs_, "y")
        E_k = 0.5 * float(np.sum((fp.y_hat - y) ** 2))
        deltas = backward(fp, y, self.weights_, self._act())
        dW, dT = parameter_updates(fp, deltas, self.eta)
        for k in range(len(self.weights_)):
            self.weights_[k] += dW[k]
            if self.train_thresholds:
                self.thresholds_[k] += dT[k]
        self.n_updates_ += 1
        return E_k

    # ---- prediction -----------------------------------------------------------------------

    def _act(self) -> str:
        return get_activation(self.activation).name

    def _check_initialized(self):
        if not hasattr(self, "weights_"):
            raise RuntimeError("this BPNetwork has no parameters yet; call fit(X, Y) or build "
                               "it with BPNetwork.from_parameters(...)")

    def forward(self, X) -> ForwardPass:
        """Every intermediate (α, b, β, y_hat per layer) for the current parameters."""
        self._check_initialized()
        return forward(X, self.weights_, self.thresholds_, self._act())

    def predict_proba(self, X) -> np.ndarray:
        """The output units' values y_hat, shape (m, l)."""
        return self.forward(X).y_hat

    def predict(self, X) -> np.ndarray:
        """Labels: y_hat >= 0.5, as ints; shape (m,) for one output unit, else (m, l). For
        labels coded through ``classes_``: ``classes_[y_hat >= 0.5]`` for two classes, the
        class of the largest output for more."""
        y_hat = self.predict_proba(X)
        if getattr(self, "_coded", False) and len(self.classes_) > 2:
            return self.classes_[np.argmax(y_hat, axis=1)]
        out = (y_hat >= 0.5).astype(int)
        return getattr(self, "classes_", _BINARY)[out[:, 0]] if out.shape[1] == 1 else out

    def score(self, X, Y) -> float:
        """Accuracy of :meth:`predict` (all outputs of a sample must be right)."""
        if getattr(self, "_coded", False):
            return label_accuracy(Y, self.predict(X), "Y")
        X = as_float_array(X, "X", ndim=2, allow_nan=False)
        Y = _check_Y(Y, len(X), self.n_outputs_)
        pred = self.predict(X).reshape(len(X), -1)
        return float(np.mean(np.all(pred == (Y >= 0.5), axis=1)))

    def evaluate_history(self, X, Y) -> dict:
        """Error E (5.16) and accuracy of every recorded snapshot on (X, Y), without retraining.

        Returns ``{"epochs", "loss", "accuracy"}`` arrays, one entry per snapshot: accuracy
        next to loss for training, validation or test data.
        """
        self._check_initialized()
        X = as_float_array(X, "X", ndim=2, allow_nan=False)
        Y = _check_Y(Y, len(X), self.n_outputs_)
        h = self.history_
        loss, acc = np.empty(len(h)), np.empty(len(h))
        truth = labels_from_outputs(Y)
        for i in range(len(h)):
            y_hat = forward(X, *h.parameters(i), self._act()).y_hat
            loss[i] = 0.5 * np.sum((y_hat - Y) ** 2) / len(X)
            acc[i] = np.mean(labels_from_outputs(y_hat) == truth)
        return {"epochs": h.epochs.copy(), "loss": loss, "accuracy": acc}

    def error(self, X, Y) -> float:
        """The accumulated error E (5.16) of the current parameters on (X, Y)."""
        self._check_initialized()
        return error(X, Y, self.weights_, self.thresholds_, self._act())

    def gradients(self, X, Y) -> tuple[list, list]:
        """dE/dW and dE/dθ per layer for the current parameters (see :func:`gradients`)."""
        self._check_initialized()
        return gradients(X, Y, self.weights_, self.thresholds_, self._act())

    # ---- the book's names for a single hidden layer --------------------------------------

    def _single(self, k: int, kind: str):
        self._check_initialized()
        if len(self.weights_) != 2:
            raise AttributeError("v_, gamma_, w_, theta_ name the parameters of a single "
                                 "hidden layer; use weights_ and thresholds_ for "
                                 f"{len(self.weights_) - 1} hidden layers")
        return (self.weights_ if kind == "w" else self.thresholds_)[k]

    v_ = property(lambda self: self._single(0, "w"), doc="v_ih, shape (d, q)")
    gamma_ = property(lambda self: self._single(0, "t"), doc="γ_h, shape (q,)")
    w_ = property(lambda self: self._single(1, "w"), doc="w_hj, shape (q, l)")
    theta_ = property(lambda self: self._single(1, "t"), doc="θ_j, shape (l,)")

    def __repr__(self) -> str:
        return (f"BPNetwork(hidden={self.hidden!r}, eta={self.eta!r}, mode={self.mode!r}, "
                f"activation={self.activation!r})")

