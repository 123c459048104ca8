"""§5.2 The perceptron (퍼셉트론): the learning rule (5.1)-(5.2), recorded so it can be replayed.

A perceptron is two layers of neurons: the input layer only passes x on, the output layer is one
M-P neuron with the step activation, ``y_hat = step(sum_i w_i x_i - theta)``. The book treats the
threshold as the weight of a *dummy input* fixed at -1, so one rule learns both:

    w_i <- w_i + Delta w_i,    Delta w_i = eta (y - y_hat) x_i            (5.1), (5.2)

applied to the augmented sample ``(x_1, ..., x_d, -1)`` and weights ``(w_1, ..., w_d, theta)``.
If the sample is classified correctly, y - y_hat = 0 and nothing changes; otherwise the weights
move a fraction eta of the way that would fix this sample (the learning rate keeps what earlier
samples taught instead of jumping to fit the last one).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._estimator import Estimator, encode_labels, label_accuracy
from ._validation import as_float_array, check_random_state, check_samples, check_scalar
from .datasets import linearly_separable
from .training import History

_ROUNDING = 1e-12  # relative size of floating-point error treated as zero in step(net)
_BINARY = np.array([0, 1])  # the book's labels, for weights set without fit

__all__ = ["Perceptron", "PerceptronHistory", "augment", "novikoff_bound", "novikoff_experiment"]


def augment(X: np.ndarray) -> np.ndarray:
    """Append the dummy input -1 to every sample: ``(m, d) -> (m, d + 1)``.

    With weights ``(w_1, ..., w_d, theta)`` the augmented dot product is ``w . x - theta``.
    (The book writes x as a column vector; here samples are the rows of X.)
    """
    return np.column_stack([X, -np.ones(len(X))])


def _check_Xy(X, y) -> tuple[np.ndarray, np.ndarray]:
    X = check_samples(as_float_array(X, "X", ndim=2, allow_nan=False))
    y = as_float_array(y, "y", ndim=1, allow_nan=False)
    if len(y) != len(X):
        raise ValueError(f"y must have one label per row of X ({len(X)}); got {len(y)}")
    if not np.all(np.isin(y, (0.0, 1.0))):
        bad = np.unique(y[~np.isin(y, (0.0, 1.0))])[:5]
        raise ValueError(f"y must contain only the labels 0 and 1; got {bad.tolist()}")
    return X, y.astype(int)


@dataclass(frozen=True)
class PerceptronHistory(History):
    """Every sample presentation of a training run, column by column (T presentations).

    The package's :class:`~chapter5.training.History` interface: ``steps`` is 0..T
    (presentations done, ``unit = "presentation"``), ``snapshot(t)`` the state after ``t``
    presentations; ``len(history)`` is T, the presentations logged (one fewer than the
    snapshots, the first being the initial state).

    Attributes
    ----------
    epoch, index : int arrays of shape (T,)
        Epoch (0-based) and which sample (row of X) was presented.
    x : array of shape (T, d)
        The sample presented.
    y, y_hat : int arrays of shape (T,)
        Its label and the perceptron's output *before* the update.
    w : array of shape (T, d), theta : array of shape (T,)
        Weights and threshold *after* the presentation.
    updated : bool array of shape (T,)
        Whether the presentation changed the weights (y_hat != y).
    w_init : array of shape (d,), theta_init : float
        The state before the first presentation.
    """

    epoch: np.ndarray
    index: np.ndarray
    x: np.ndarray
    y: np.ndarray
    y_hat: np.ndarray
    w: np.ndarray
    theta: np.ndarray
    updated: np.ndarray
    w_init: np.ndarray
    theta_init: float

    unit = "presentation"

    def __len__(self) -> int:
        return len(self.epoch)

    @property
    def steps(self) -> np.ndarray:
        return np.arange(len(self) + 1)

    def snapshot(self, t: int) -> dict:
        """``{"w": ..., "theta": ...}`` after ``t`` presentations (the interface's name)."""
        w, theta = self.state(t)
        return {"w": w, "theta": theta}

    def state(self, t: int) -> tuple[np.ndarray, float]:
        """Weights and threshold after ``t`` presentations (``t = 0``: the initial state)."""
        t = check_scalar(t, "t", integer=True, min_value=0, max_value=len(self))
        if t == 0:
            return self.w_init.copy(), float(self.theta_init)
        return self.w[t - 1].copy(), float(self.theta[t - 1])


class Perceptron(Estimator):
    """The perceptron of §5.2, trained sample by sample with the rule (5.1)-(5.2).

    Parameters
    ----------
    eta : float, default 0.1
        Learning rate (학습률) η > 0.
    max_epochs : int, default 100
        Passes over the data before giving up.
    w_init : None, float or array_like of shape (d + 1,)
        Initial ``(w_1, ..., w_d, theta)``: the threshold is the last entry, the weight of the
        dummy input -1. A number fills every entry (``w_init=0`` starts from zero). None draws
        each entry uniformly from [-0.5, 0.5] through ``random_state``.
    shuffle : bool, default False
        Present the samples in a new random order each epoch (drawn through ``random_state``).
    random_state : None, int or numpy.random.Generator

    Attributes
    ----------
    classes_ : ndarray of shape (2,)
        The two class labels; the output 1 (``w . x - theta >= 0``) is ``classes_[1]``. The
        book's labels 0/1 give ``[0, 1]`` and are learnt as they are; any other two labels
        (strings, -1/+1, ...) are coded 0/1 in the order of ``classes_``.
    n_features_in_ : int
        d, the number of features seen by ``fit``.
    w_ : ndarray of shape (d,)
        Learned weights.
    theta_ : float
        Learned threshold.
    converged_ : bool
        True if an epoch without a single error was reached.
    n_epochs_ : int
        Epochs run.
    n_updates_ : int
        Presentations that changed the weights (the mistakes counted by Novikoff's theorem).
    errors_ : ndarray of shape (n_epochs_,)
        Misclassified samples in each epoch (as met during the epoch).
    cycle_ : dict or None
        If the weights at the start of an epoch equal those at the start of an earlier epoch
        (possible only when the data are not linearly separable, e.g. XOR), training stops:
        ``{"first_epoch": e0, "repeat_epoch": e1, "period": e1 - e0}``. Only checked when
        ``shuffle=False`` (with shuffling the order, not just the weights, decides the future).
    history_ : PerceptronHistory
        One record per presentation, for replay.

    Notes
    -----
    Implements (5.1)-(5.2) with the dummy-input trick of §5.2. On linearly separable data the
    rule stops after at most (R/γ)² updates from ``w_init=0`` (Novikoff 1962, see
    :func:`novikoff_bound`); on XOR it never stops (Minsky & Papert 1969).

    Examples
    --------
    >>> from chapter5.datasets import logic_gate
    >>> X, y = logic_gate("and")
    >>> p = Perceptron(eta=0.1, w_init=0).fit(X, y)
    >>> p.converged_, p.predict(X).tolist()
    (True, [0, 0, 0, 1])
    >>> Perceptron(eta=0.1, w_init=0).fit(*logic_gate("xor")).converged_
    False
    """

    _estimator_type = "classifier"

    def _adjust_tags(self, tags):
        tags.classifier_tags.multi_class = False  # one output unit: two classes
        return tags

    def __init__(self, eta=0.1, max_epochs=100, w_init=None, shuffle=False, random_state=None):
        self.eta = eta
        self.max_epochs = max_epochs
        self.w_init = w_init
        self.shuffle = shuffle
        self.random_state = random_state

    def _initial_weights(self, d: int, rng: np.random.Generator) -> np.ndarray:
        if self.w_init is None:
            return rng.uniform(-0.5, 0.5, size=d + 1)
        w0 = as_float_array(self.w_init, "w_init", ndim=(0, 1), allow_nan=False)
        if w0.ndim == 0:
            return np.full(d + 1, float(w0))
        if w0.shape != (d + 1,):
            raise ValueError(f"w_init must hold d + 1 = {d + 1} numbers (w_1..w_{d}, theta); "
                             f"got shape {w0.shape}")
        return w0

    def fit(self, X, y) -> Perceptron:
        """Train on ``X`` (m, d) with labels ``y`` (m,) of two classes (the book's 0/1, or any
        two labels: see ``classes_``); return self."""
        eta = check_scalar(self.eta, "eta", min_value=0.0, include_min=False)
        max_epochs = check_scalar(self.max_epochs, "max_epochs", integer=True, min_value=1)
        if not isinstance(self.shuffle, bool | np.bool_):
            raise TypeError(f"shuffle must be True or False; got {self.shuffle!r}")
        classes, codes = encode_labels(y)
        if len(classes) > 2:
            raise ValueError(f"y must hold at most two classes (the perceptron has one output "
                             f"unit). Only binary classification is supported; got "
                             f"{len(classes)} classes: {classes[:5].tolist()}")
        X, y = _check_Xy(X, codes)
        rng = check_random_state(self.random_state)
        m, d = X.shape
        Xa = augment(X)
        wa = self._initial_weights(d, rng)  # (w_1..w_d, theta)
        w0 = wa.copy()

        T = m * max_epochs
        rec_index = np.empty(T, dtype=int)
        rec_yhat = np.empty(T, dtype=int)
        rec_w = np.empty((T, d + 1))
        errors = []
        seen: dict[bytes, int] = {}
        cycle = None
        converged = False
        t = 0
        for epoch in range(max_epochs):
            if not self.shuffle:
                # the state is w0 + eta * (integer combination of samples): key it exactly
                key = np.round((wa - w0) / eta, 6).tobytes()
                if key in seen:
                    cycle = {"first_epoch": seen[key], "repeat_epoch": epoch,
                             "period": epoch - seen[key]}
                    break
                seen[key] = epoch
            order = rng.permutation(m) if self.shuffle else range(m)
            n_err = 0
            for k in order:
                xk = Xa[k]
                net = xk @ wa
                # step(w . x - theta) with step(0) = 1. A net input that is 0 in exact
                # arithmetic can come out as -2e-17 (0.1 + 0.1 - 0.2 in floating point), so
                # "0" means "0 up to rounding of the terms summed".
                y_hat = 1 if net >= -_ROUNDING * (np.abs(xk) @ np.abs(wa)) else 0
                if y_hat != y[k]:
                    wa = wa + eta * (y[k] - y_hat) * xk  # (5.1)-(5.2), threshold included
                    n_err += 1
                rec_index[t], rec_yhat[t], rec_w[t] = k, y_hat, wa
                t += 1
            errors.append(n_err)
            if n_err == 0:
                converged = True
                break

        index = rec_index[:t]
        self.history_ = PerceptronHistory(
            epoch=np.repeat(np.arange(len(errors)), m), index=index, x=X[index].copy(),
            y=y[index].copy(), y_hat=rec_yhat[:t].copy(), w=rec_w[:t, :d].copy(),
            theta=rec_w[:t, d].copy(), updated=rec_yhat[:t] != y[index],
            w_init=w0[:d].copy(), theta_init=float(w0[d]))
        self.classes_ = classes
        self.n_features_in_ = d
        self.w_ = wa[:d].copy()
        self.theta_ = float(wa[d])
        self.converged_ = converged
        self.n_epochs_ = len(errors)
        self.errors_ = np.array(errors, dtype=int)
        self.n_updates_ = int(self.errors_.sum())
        self.cycle_ = cycle
        return self

    def _check_fitted(self, X):
        if not hasattr(self, "w_"):
            raise RuntimeError("this Perceptron is not fitted yet; call fit(X, y) first")
        X = as_float_array(X, "X", ndim=2, allow_nan=False)
        if X.shape[1] != len(self.w_):
            raise ValueError(f"X must have {len(self.w_)} features, as in fit; got {X.shape[1]}")
        return X

    def decision_function(self, X) -> np.ndarray:
        """``w . x - theta`` for each row of X (>= 0 means class 1)."""
        X = self._check_fitted(X)
        return X @ self.w_ - self.theta_

    def predict(self, X) -> np.ndarray:
        """Class labels ``classes_[step(w . x - theta)]`` (0 up to rounding counts as 0): 0 or
        1 for the book's labels."""
        X = self._check_fitted(X)
        Xa, wa = augment(X), np.append(self.w_, self.theta_)
        out = (Xa @ wa >= -_ROUNDING * (np.abs(Xa) @ np.abs(wa))).astype(int)
        return getattr(self, "classes_", _BINARY)[out]

    def score(self, X, y) -> float:
        """Accuracy on ``(X, y)``: the share of rows whose label :meth:`predict` gets right."""
        return label_accuracy(y, self.predict(X))

    def __repr__(self) -> str:
        return (f"Perceptron(eta={self.eta!r}, max_epochs={self.max_epochs!r}, "
                f"w_init={self.w_init!r}, shuffle={self.shuffle!r}, "
                f"random_state={self.random_state!r})")


def novikoff_bound(X, y, w, theta) -> dict:
    """Novikoff's bound on the perceptron's number of updates, from a separating (w, θ).

    In the augmented space (samples ``(x, -1)``, weights ``(w, theta)``), let u be the unit
    vector along ``(w, theta)``, the margin γ = min_k s_k u . x_k (s_k = +1 for class 1, -1 for
    class 0) and the radius R = max_k |x_k|. If γ > 0, the perceptron started from zero makes at
    most (R/γ)² updates, whatever η > 0 (Novikoff 1962).

    Parameters
    ----------
    X : array_like (m, d)
    y : array_like (m,), labels in {0, 1}
    w : array_like (d,), theta : float
        Any separating hyperplane ``w . x = theta``; a larger margin gives a tighter bound.

    Returns
    -------
    dict
        ``{"bound": (R/gamma)**2, "R": R, "gamma": gamma}``.

    Raises
    ------
    ValueError
        If ``(w, theta)`` does not separate the data (γ <= 0).

    Examples
    --------
    >>> from chapter5.datasets import logic_gate
    >>> round(novikoff_bound(*logic_gate("and"), w=[1, 1], theta=1.5)["bound"], 6)
    51.0
    """
    X, y = _check_Xy(X, y)
    w = as_float_array(w, "w", ndim=1, allow_nan=False)
    if w.shape != (X.shape[1],):
        raise ValueError(f"w must have {X.shape[1]} entries (one per feature); got {w.shape}")
    u = np.append(w, check_scalar(theta, "theta"))
    norm = np.linalg.norm(u)
    if norm == 0:
        raise ValueError("(w, theta) must not be all zeros")
    Xa = augment(X)
    s = 2 * y - 1
    gamma = float(np.min(s * (Xa @ u)) / norm)
    if gamma <= 0:
        raise ValueError(f"(w, theta) does not separate the data: margin {gamma:.3g} <= 0")
    R = float(np.max(np.linalg.norm(Xa, axis=1)))
    return {"bound": (R / gamma) ** 2, "R": R, "gamma": gamma}


def novikoff_experiment(n_sets: int = 200, n_points: int = 40, margins=(0.01, 0.25),
                        eta: float = 0.1, random_state=0) -> dict[str, np.ndarray]:
    """Train the perceptron from zero on many random separable sets; count updates vs the bound.

    Each set has ``n_points`` points in the unit square, separated by a random line through a
    random point near the centre, with a margin drawn uniformly from ``margins``. The bound is
    computed from that generating line (any separating line gives a valid bound).

    Returns
    -------
    dict of arrays of shape (n_sets,)
        ``updates`` (the perceptron's n_updates_), ``bound`` ((R/γ)²), ``gamma``, ``R``,
        ``converged`` and ``epochs``.

    Examples
    --------
    >>> r = novikoff_experiment(n_sets=5, random_state=1)
    >>> bool(r["converged"].all() and (r["updates"] <= r["bound"]).all())
    True
    """
    n_sets = check_scalar(n_sets, "n_sets", integer=True, min_value=1)
    lo, hi = (check_scalar(m, "margins[i]", min_value=0.0, max_value=0.4) for m in margins)
    if lo > hi:
        raise ValueError(f"margins must be (low, high) with low <= high; got {margins}")
    rng = check_random_state(random_state)
    keys = ("updates", "bound", "gamma", "R", "converged", "epochs")
    out = {k: [] for k in keys}
    for _ in range(n_sets):
        w = rng.normal(size=2)
        theta = float(w @ rng.uniform(0.35, 0.65, size=2))
        X, y = linearly_separable(n_points, rng.uniform(lo, hi), w, theta, random_state=rng)
        p = Perceptron(eta=eta, max_epochs=100_000, w_init=0.0).fit(X, y)
        b = novikoff_bound(X, y, w, theta)
        for k, v in zip(keys, (p.n_updates_, b["bound"], b["gamma"], b["R"], p.converged_,
                               p.n_epochs_), strict=True):
            out[k].append(v)
    return {k: np.array(v) for k, v in out.items()}
