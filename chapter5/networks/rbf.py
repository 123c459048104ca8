"""§5.5.1 RBF networks (방사 기저 함수 신경망), Eqs. (5.18)-(5.19).

A single hidden layer of radial basis functions and a linear output:

    phi(x) = sum_{i=1}^{q} w_i rho(x, c_i)                       (5.18)
    rho(x, c_i) = exp(-beta_i |x - c_i|^2)                       (5.19)

trained in two steps, as the book describes: first choose the centres c_i (random sampling or
clustering, here k-means), then fit the weights w_i (least squares, optionally with a bias),
or w_i and beta_i together by gradient descent on the squared error.
"""

from __future__ import annotations

import numpy as np

from .._estimator import Estimator, label_accuracy, label_targets
from .._validation import (
    as_float_array,
    check_bool,
    check_option,
    check_random_state,
    check_samples,
    check_scalar,
)

__all__ = ["RBFNetwork", "kmeans"]


def _sq_dists(X, C) -> np.ndarray:
    """|x_k - c_i|^2 for every sample and centre, shape (m, q): one column of X at a time,
    which avoids an (m, q, d) temporary (about 5x faster on a 200 x 200 plotting grid)."""
    d2 = np.zeros((len(X), len(C)))
    for j in range(X.shape[1]):
        d2 += (X[:, j, None] - C[None, :, j]) ** 2
    return d2


def _rho(d2, beta) -> np.ndarray:
    """ρ(x_k, c_i) = exp(-β_i |x_k - c_i|²) (5.19) from the squared distances d2 (m, q)."""
    return np.exp(-beta[None, :] * d2)


def kmeans(X, k: int, n_iter: int = 100, random_state=None) -> tuple[np.ndarray, np.ndarray]:
    """Lloyd's k-means: ``(centres (k, d), labels (m,))``.

    Starts from k distinct samples drawn through ``random_state``; alternates assigning each
    sample to its nearest centre and moving each centre to the mean of its samples, until the
    labels stop changing (an empty cluster keeps its centre).

    Examples
    --------
    >>> C, labels = kmeans([[0.0], [0.1], [5.0], [5.2]], 2, random_state=0)
    >>> sorted(np.round(C[:, 0], 2).tolist())
    [0.05, 5.1]
    """
    X = as_float_array(X, "X", ndim=2, allow_nan=False)
    k = check_scalar(k, "k", integer=True, min_value=1, max_value=len(X))
    n_iter = check_scalar(n_iter, "n_iter", integer=True, min_value=1)
    rng = check_random_state(random_state)
    centres = X[rng.choice(len(X), size=k, replace=False)].copy()
    labels = np.full(len(X), -1)
    for _ in range(n_iter):
        new = np.argmin(_sq_dists(X, centres), axis=1)
        if np.array_equal(new, labels):
            break
        labels = new
        for j in range(k):
            if np.any(labels == j):
                centres[j] = X[labels == j].mean(axis=0)
    return centres, labels


class RBFNetwork(Estimator):
    """An RBF network (5.18) with Gaussian units (5.19), trained in two steps.

    Parameters
    ----------
    n_centers : int
        q, the number of hidden units.
    centers : {"kmeans", "random"} or array of shape (q, d), default "kmeans"
    beta : float or array of shape (q,), default 1.0
        Width parameters β_i (larger = narrower bumps).
    solver : {"lstsq", "bp"}, default "lstsq"
        "lstsq": least-squares output weights (with a bias if ``bias``); "bp": then gradient
        descent on E = 1/(2m) Σ (φ(x_k) - y_k)² (half the mean squared error) over w, the
        bias and β, from the least-squares weights, with the bold-driver step.
    bias : bool, default True
        Add a constant output term (not in (5.18); it lets the output shift freely).
    eta, max_epochs : gradient-descent settings for ``solver="bp"`` (η > 0, an integer >= 1;
        checked by ``fit`` whatever the solver, as every argument is).
    random_state : None, int or numpy.random.Generator

    Attributes
    ----------
    centers_ (q, d), beta_ (q,), w_ (q,), bias_ (float); for solver "bp": loss_curve_ (E
    after each accepted step, never rising) and eta_curve_ (the step sizes used);
    n_features_in_ (d); classes_: ``[0, 1]`` for targets y that are numbers in [0, 1] (the
    book's 0/1 labels) or real numbers not all whole (a function to approximate), which are
    fitted as they are; any other two labels (strings, 1/2, -1/+1, ...) are sorted into
    ``classes_`` and fitted as 0/1 (1 for ``classes_[1]``), and ``predict`` returns them.

    Examples
    --------
    >>> from chapter5.datasets import logic_gate
    >>> X, y = logic_gate("xor")
    >>> net = RBFNetwork(4, centers=X, beta=1.0).fit(X, y)
    >>> net.predict(X).tolist()
    [0, 1, 1, 0]
    """

    def __init__(self, n_centers, centers="kmeans", beta=1.0, solver="lstsq", bias=True,
                 eta=0.1, max_epochs=1000, random_state=None):
        self.n_centers = n_centers
        self.centers = centers
        self.beta = beta
        self.solver = solver
        self.bias = bias
        self.eta = eta
        self.max_epochs = max_epochs
        self.random_state = random_state

    _estimator_type = "classifier"

    def _adjust_tags(self, tags):
        tags.classifier_tags.multi_class = False  # one output unit: two classes
        return tags

    def _choose_centers(self, X, q, rng):
        if isinstance(self.centers, str):
            how = check_option(self.centers, "centers", ("kmeans", "random"))
            if how == "random":
                return X[rng.choice(len(X), size=q, replace=False)].copy()
            return kmeans(X, q, random_state=rng)[0]
        C = as_float_array(self.centers, "centers", ndim=2, allow_nan=False)
        if C.shape != (q, X.shape[1]):
            raise ValueError(f"centers must have shape (n_centers, d) = {(q, X.shape[1])}; "
                             f"got {C.shape}")
        return C

    def hidden(self, X, centers=None, beta=None) -> np.ndarray:
        """ρ(x, c_i) = exp(-β_i |x - c_i|²) for every sample and centre, shape (m, q) (5.19)."""
        C = self.centers_ if centers is None else centers
        b = self.beta_ if beta is None else beta
        X = as_float_array(X, "X", ndim=2, allow_nan=False)
        if X.shape[1] != C.shape[1]:
            raise ValueError(f"X must have {C.shape[1]} columns; got {X.shape[1]}")
        return _rho(_sq_dists(X, C), b)

    def fit(self, X, y) -> RBFNetwork:
        """Choose the centres, then fit the output (and, with "bp", the widths)."""
        X = check_samples(as_float_array(X, "X", ndim=2, allow_nan=False))
        y, classes, coded = label_targets(y, "y", real_targets=True)
        if len(classes) > 2:
            raise ValueError(f"y must hold at most two classes (the network has one output "
                             f"unit). Only binary classification is supported; got "
                             f"{len(classes)} classes: {classes[:5].tolist()}")
        y = as_float_array(y, "y", ndim=1, allow_nan=False)
        if len(y) != len(X):
            raise ValueError(f"y must have one value per row of X ({len(X)}); got {len(y)}")
        q = check_scalar(self.n_centers, "n_centers", integer=True, min_value=1,
                         max_value=len(X))
        solver = check_option(self.solver, "solver", ("lstsq", "bp"))
        beta = as_float_array(self.beta, "beta", ndim=(0, 1), allow_nan=False)
        beta = np.full(q, float(beta)) if beta.ndim == 0 else beta
        if beta.shape != (q,) or np.any(beta <= 0):
            raise ValueError(f"beta must be a positive number or {q} positive numbers; got "
                             f"{self.beta!r}")
        bias = check_bool(self.bias, "bias")
        eta = check_scalar(self.eta, "eta", min_value=0.0, include_min=False)
        epochs = check_scalar(self.max_epochs, "max_epochs", integer=True, min_value=1)
        rng = check_random_state(self.random_state)
        self.classes_ = classes
        self._coded = coded
        self.n_features_in_ = X.shape[1]
        self.centers_ = self._choose_centers(X, q, rng)
        self.beta_ = beta.copy()
        H = self.hidden(X)
        A = np.column_stack([H, np.ones(len(X))]) if bias else H
        coef, *_ = np.linalg.lstsq(A, y, rcond=None)
        self.w_ = coef[:q].copy()
        self.bias_ = float(coef[q]) if bias else 0.0
        self.loss_curve_ = self.eta_curve_ = None
        if solver == "bp":
            self._descend(X, y, eta, epochs)
        return self

    def _descend(self, X, y, eta, epochs):
        """Gradient descent on w, the bias and β with the "bold driver" step (§5.3): a step
        that raises E is undone and η halved; an accepted step grows η by 5 %. A fixed η
        that suits w is often far too large for β (whose gradient grows with |w|), so the
        plain rule can diverge; this one never raises E."""
        m = len(X)
        d2 = _sq_dists(X, self.centers_)

        def error(w, bias, beta):
            H = _rho(d2, beta)
            r = H @ w + bias - y  # residuals
            return 0.5 * float(r @ r) / m, H, r

        E, H, r = error(self.w_, self.bias_, self.beta_)
        losses, etas = [E], []
        for _ in range(epochs - 1):
            grad_w = H.T @ r / m
            grad_b = r.mean() if self.bias else 0.0
            grad_beta = -self.w_ * ((H * d2).T @ r) / m  # d rho / d beta = -|x - c|^2 rho
            while True:
                w = self.w_ - eta * grad_w
                bias = self.bias_ - eta * grad_b
                beta = np.maximum(self.beta_ - eta * grad_beta, 1e-6)
                E_new, H_new, r_new = error(w, bias, beta)
                if E_new <= E or eta < 1e-12:
                    break
                eta *= 0.5  # overshot: undo, halve the step
            if E_new > E:  # no step lowers E any more: a minimum, to working precision
                break
            self.w_, self.bias_, self.beta_ = w, bias, beta
            E, H, r = E_new, H_new, r_new
            losses.append(E)
            etas.append(eta)
            eta *= 1.05
        self.loss_curve_ = np.array(losses)
        self.eta_curve_ = np.array(etas)

    def gradients(self, X, y) -> dict:
        """dE/dw, dE/d(bias), dE/dβ of E = 1/(2m) Σ_k (φ(x_k) - y_k)², for checks."""
        H = self.hidden(X)
        d2 = _sq_dists(np.asarray(X, dtype=float), self.centers_)
        r = H @ self.w_ + self.bias_ - np.asarray(y, dtype=float)
        m = len(r)
        return {"w": H.T @ r / m, "bias": float(r.mean()),
                "beta": -self.w_ * ((H * d2).T @ r) / m}

    def decision_function(self, X) -> np.ndarray:
        """φ(x) (5.18), plus the bias."""
        if not hasattr(self, "w_"):
            raise RuntimeError("this RBFNetwork is not fitted yet; call fit(X, y) first")
        return self.hidden(X) @ self.w_ + self.bias_

    def predict(self, X) -> np.ndarray:
        """Labels: φ(x) >= 0.5 (1, or ``classes_[1]``)."""
        out = (self.decision_function(X) >= 0.5).astype(int)
        return self.classes_[out] if hasattr(self, "classes_") else out

    def score(self, X, y) -> float:
        """Accuracy of :meth:`predict`; for targets in [0, 1], against the labels y >= 0.5."""
        y_pred = self.predict(X)
        if getattr(self, "_coded", False):
            return label_accuracy(y, y_pred)
        y = as_float_array(y, "y", ndim=1, allow_nan=False)
        return label_accuracy((y >= 0.5).astype(int), y_pred)
