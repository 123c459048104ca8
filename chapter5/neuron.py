"""§5.1 The M-P neuron (뉴런 모델): ``y = f(sum_i w_i x_i - theta)``.

McCulloch and Pitts' neuron (1943) receives inputs ``x_i`` through connections with weights
``w_i`` (가중치), compares the total input with its threshold ``theta`` (임계값) and passes the
difference through an activation function ``f`` (활성화 함수).

Code conventions (they hold in every module of the package):

* A sample is a row: one sample is ``x`` of shape ``(d,)``, a batch is ``X`` of shape
  ``(m, d)``, so the weighted sum of a batch is ``X @ w`` (the book writes column vectors).
* The threshold is *subtracted*, as in the book: ``net = X @ w - theta``. The seed notes and
  most software add a bias ``b`` instead; the two are the same neuron with ``theta = -b``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ._validation import as_float_array, check_option, check_scalar
from .activations import get_activation
from .datasets import BOOLEAN_FUNCTIONS, binary_inputs, name_boolean_function

__all__ = [
    "PRESETS",
    "MPNeuron",
    "collapse_linear_layers",
    "feedforward",
    "realizable_functions",
]

PRESETS: dict[str, dict] = {
    "and": {"w": (1.0, 1.0), "theta": 2.0},
    "or": {"w": (1.0, 1.0), "theta": 0.5},
    "not": {"w": (-0.6, 0.0), "theta": -0.5},  # NOT x1; x2 is ignored (its weight is 0)
}
"""The book's hand-set weights (§5.2): AND, OR, and NOT x1, each with the step activation."""


def _check_samples(X, d: int, name: str = "X") -> tuple[np.ndarray, bool]:
    """Return ``X`` as a 2-D float array of shape (m, d) and whether it was a single sample."""
    X = as_float_array(X, name, ndim=(1, 2), allow_nan=False)
    single = X.ndim == 1
    if single:
        X = X[np.newaxis, :]
    if X.shape[1] != d:
        shape = f"({d},) for one sample or (m, {d}) for m samples"
        raise ValueError(f"{name} must have {d} feature(s) per sample, shape {shape}; "
                         f"got shape {X.shape[1:] if single else X.shape}")
    return X, single


class MPNeuron:
    """An M-P neuron with fixed weights: ``y = f(sum_i w_i x_i - theta)`` (Fig. 5.1).

    Parameters
    ----------
    w : array_like of shape (d,)
        Connection weights w_i, one per input.
    theta : float
        Threshold θ; subtracted from the weighted sum (θ = -b for a bias b).
    activation : str, default "step"
        A name from :data:`chapter5.activations.ACTIVATIONS`.

    Attributes
    ----------
    n_inputs : int
        d, the number of inputs.

    Notes
    -----
    The book's Fig. 5.1 model. With the step activation the neuron splits the input space by the
    hyperplane ``w . x = theta``: it outputs 1 on the side ``w`` points to (and on the plane).

    Examples
    --------
    >>> and_gate = MPNeuron.from_preset("and")
    >>> and_gate.predict([[0, 0], [0, 1], [1, 0], [1, 1]])
    array([0., 0., 0., 1.])
    >>> MPNeuron([1, 1], theta=0.5).implements()
    'OR'
    """

    def __init__(self, w, theta, activation="step"):
        w = as_float_array(w, "w", ndim=1, allow_nan=False)
        if w.size == 0:
            raise ValueError("w must have at least one weight; got an empty array")
        self.w = w
        self.theta = check_scalar(theta, "theta")
        self.activation = get_activation(activation).name

    @classmethod
    def from_preset(cls, name: str, activation="step") -> MPNeuron:
        """The book's AND, OR or NOT x1 neuron (see :data:`PRESETS`)."""
        p = PRESETS[check_option(name, "preset", PRESETS)]
        return cls(p["w"], p["theta"], activation)

    @classmethod
    def from_logistic_regression(cls, w, b) -> MPNeuron:
        """The sigmoid neuron equal to logistic regression ``1 / (1 + exp(-(w . x + b)))`` (3.18).

        Exercise 5.2: a neuron with the sigmoid activation *is* logistic regression; the bias
        ``b`` of Chapter 3 is minus the threshold, so ``theta = -b``.
        """
        return cls(w, -check_scalar(b, "b"), "sigmoid")

    @property
    def n_inputs(self) -> int:
        return int(self.w.size)

    def net(self, X):
        """Total input minus threshold, ``sum_i w_i x_i - theta`` (the seed notes' "net").

        Parameters
        ----------
        X : array_like of shape (d,) or (m, d)

        Returns
        -------
        float or numpy.ndarray of shape (m,)
        """
        X, single = _check_samples(X, self.n_inputs)
        net = X @ self.w - self.theta
        return float(net[0]) if single else net

    def predict(self, X):
        """Output ``y = f(net)`` for one sample (returns a float) or a batch (returns (m,))."""
        return get_activation(self.activation).f(self.net(X))

    __call__ = predict

    def truth_table(self) -> tuple[np.ndarray, np.ndarray]:
        """Outputs on every binary input: ``(X, y)`` with X of shape (2**d, d)."""
        X = binary_inputs(self.n_inputs)
        return X, np.asarray(self.predict(X))

    def implements(self) -> str | None:
        """Name the logic function a two-input hard-limit neuron computes, e.g. ``'AND'``.

        Returns None when the activation is not a hard limit (step or sign), since a sigmoid
        neuron's outputs are not 0/1; read its truth table instead.
        """
        if self.n_inputs != 2:
            raise ValueError(f"implements() names functions of 2 inputs; this neuron has "
                             f"{self.n_inputs}")
        if not get_activation(self.activation).binary:
            return None
        return name_boolean_function(self.truth_table()[1])

    def __repr__(self) -> str:
        w = ", ".join(f"{v:g}" for v in self.w)
        return f"MPNeuron(w=({w}), theta={self.theta:g}, activation={self.activation!r})"


def _check_layers(weights: Sequence, thetas: Sequence) -> tuple[list, list]:
    if not isinstance(weights, list | tuple) or not isinstance(thetas, list | tuple):
        raise TypeError("weights and thetas must be lists of arrays, one per layer")
    if len(weights) == 0 or len(weights) != len(thetas):
        raise ValueError(f"weights and thetas must have the same, non-zero number of layers; "
                         f"got {len(weights)} and {len(thetas)}")
    Ws = [as_float_array(W, f"weights[{k}]", ndim=2, allow_nan=False)
          for k, W in enumerate(weights)]
    ts = [as_float_array(t, f"thetas[{k}]", ndim=1, allow_nan=False)
          for k, t in enumerate(thetas)]
    for k, (W, t) in enumerate(zip(Ws, ts, strict=True)):
        if t.shape[0] != W.shape[1]:
            raise ValueError(f"thetas[{k}] must have one threshold per unit of layer {k} "
                             f"({W.shape[1]}); got {t.shape[0]}")
        if k and W.shape[0] != Ws[k - 1].shape[1]:
            raise ValueError(f"weights[{k}] must have {Ws[k - 1].shape[1]} rows (the units of "
                             f"layer {k - 1}); got shape {W.shape}")
    return Ws, ts


def feedforward(X, weights: Sequence, thetas: Sequence, activation="step") -> list[np.ndarray]:
    """Pass a batch through layers of M-P neurons; return every layer's output.

    Parameters
    ----------
    X : array_like of shape (m, d)
    weights : list of arrays
        ``weights[k]`` has shape (units in layer k-1, units in layer k); ``weights[k][i, h]``
        connects unit i of the layer below to unit h (the book's v_ih, w_hj).
    thetas : list of arrays
        ``thetas[k]`` has one threshold per unit of layer k.
    activation : str, default "step"
        Used by every layer.

    Returns
    -------
    list of numpy.ndarray
        ``[X, out_1, ..., out_L]``: the input and each layer's output (the seed notes' "out").

    Examples
    --------
    >>> import numpy as np
    >>> outs = feedforward([[1.0, 1.0]], [np.eye(2)], [np.array([0.5, 1.5])])
    >>> outs[-1]
    array([[1., 0.]])
    """
    Ws, ts = _check_layers(weights, thetas)
    X, _ = _check_samples(X, Ws[0].shape[0])
    f = get_activation(activation).f
    outs = [X]
    for W, t in zip(Ws, ts, strict=True):
        outs.append(np.asarray(f(outs[-1] @ W - t)))  # row vectors: out @ W, not W^T x
    return outs


def collapse_linear_layers(weights: Sequence, thetas: Sequence) -> tuple[np.ndarray, np.ndarray]:
    """The single linear layer equal to a stack of linear layers (exercise 5.1).

    With ``f(x) = x``, layer k computes ``out_k = out_{k-1} @ W_k - theta_k``. Composing them
    gives ``X @ (W_1 ... W_L) - theta`` with
    ``theta = theta_1 W_2...W_L + theta_2 W_3...W_L + ... + theta_L``: one layer, so depth adds
    nothing a linear activation could not do alone.

    Returns
    -------
    W : numpy.ndarray of shape (d, n_out)
    theta : numpy.ndarray of shape (n_out,)

    Examples
    --------
    >>> import numpy as np
    >>> W, theta = collapse_linear_layers([np.array([[2.0]]), np.array([[3.0]])],
    ...                                   [np.array([1.0]), np.array([0.5])])
    >>> W, theta
    (array([[6.]]), array([3.5]))
    """
    Ws, ts = _check_layers(weights, thetas)
    W, theta = Ws[0], ts[0]
    for Wk, tk in zip(Ws[1:], ts[1:], strict=True):
        W, theta = W @ Wk, theta @ Wk + tk
    return W, theta


def realizable_functions(values=None) -> dict[str, int]:
    """Which Boolean functions of two inputs a single step neuron can compute, by brute force.

    Tries every neuron ``step(w1 x1 + w2 x2 - theta)`` with w1, w2, theta taken from ``values``
    and counts, for each of the 16 functions, how many of those neurons compute it.

    Parameters
    ----------
    values : array_like, optional
        Grid for each of w1, w2 and theta; default -3 to 3 in steps of 0.1 (the sliders' grid).

    Returns
    -------
    dict
        Function name -> number of grid neurons that compute it, for all 16 functions
        (0 for those no neuron on the grid computes: XOR and XNOR, which are not linearly
        separable).

    Examples
    --------
    >>> counts = realizable_functions([-1.0, -0.5, 0.0, 0.5, 1.0])
    >>> counts["XOR"], counts["AND"] > 0
    (0, True)
    """
    values = (np.round(np.arange(-3.0, 3.05, 0.1), 10) if values is None
              else as_float_array(values, "values", ndim=1, allow_nan=False))
    w1, w2, theta = (a.ravel() for a in np.meshgrid(values, values, values, indexing="ij"))
    X = binary_inputs(2)
    y = (np.outer(X[:, 0], w1) + np.outer(X[:, 1], w2) - theta >= 0).astype(int)  # (4, N)
    codes = y[0] * 8 + y[1] * 4 + y[2] * 2 + y[3]
    counts = np.bincount(codes, minlength=16)
    return {BOOLEAN_FUNCTIONS[tuple(int(b) for b in np.binary_repr(c, 4))]: int(counts[c])
            for c in range(16)}
