"""§5.5.2 Adaptive resonance theory (적응 공명 이론): ART1 and Fuzzy ART (Carpenter & Grossberg).

A comparison layer receives the input; a recognition layer of category neurons competes for
it. The winner is checked against the **vigilance** ρ: if the input matches the winner's
prototype well enough, the two *resonate* and the prototype learns; otherwise the winner is
*reset* and the next best tries. If no category resonates, a new category neuron is created.
So ART can learn new things (plasticity) without overwriting what it knows (stability): the
stability-plasticity dilemma, answered by growing.

With fuzzy AND (element-wise minimum) and the L1 norm |.|:

    choice   T_j = |I ^ w_j| / (alpha + |w_j|)
    match    |I ^ w_j| / |I| >= rho
    learning w_j <- beta (I ^ w_j) + (1 - beta) w_j

For binary inputs and beta = 1 this is ART1; Fuzzy ART takes inputs in [0, 1] and uses
complement coding I = (a, 1 - a), which keeps |I| constant and lets categories be boxes.
"""

from __future__ import annotations

import numpy as np

from .._estimator import Estimator
from .._validation import as_float_array, check_option, check_samples, check_scalar
from ..training import History

__all__ = ["ART", "art_run"]


class ARTHistory(list, History):
    """One record per presented sample (a dict: ``category``, ``new``, ``resets``).

    A list as before; the package's :class:`~chapter5.training.History` interface reads it as
    a log of presentations: ``steps`` 1..n (``unit = "presentation"``), ``snapshot(i)`` the
    record of presentation ``i`` (ART keeps no weights per presentation).
    """

    unit = "presentation"

    @property
    def steps(self) -> np.ndarray:
        return np.arange(1, len(self) + 1)

    def snapshot(self, i: int) -> dict:
        return dict(self[i])


class ART(Estimator):
    """ART1 (binary inputs) or Fuzzy ART (inputs in [0, 1]), learning online.

    Parameters
    ----------
    kind : {"fuzzy", "art1"}, default "fuzzy"
    rho : float in [0, 1], default 0.75
        Vigilance: higher means finer categories.
    alpha : float > 0, default 0.001
        Choice parameter (breaks ties towards smaller categories).
    beta : float in (0, 1], default 1.0
        Learning rate (1 = fast learning, required by ART1).
    search : bool, default True
        True (Carpenter & Grossberg): a reset winner is switched off and the next best
        category tries, until one resonates or none is left. False (the watermelon book's
        short description): only the winner is tested; if it does not match, a new category
        is created at once. Without search a sample may start a new category although an
        older one would have matched it, so there are more categories.

    Attributes
    ----------
    weights_ : ndarray (n_categories, d or 2d)
        Category prototypes; for Fuzzy ART the first half is the box's lower corner u and the
        complement of the second half its upper corner v.
    history_ : ARTHistory (a list of dict)
        One record per presented sample: category, whether it was new, how many resets.

    Notes
    -----
    ART learns online, so ``fit`` on a fitted network goes on learning from what it knows (as
    ``partial_fit`` does): a fresh start is ``clone(art)`` in scikit-learn or a new ``ART``.
    It is a clusterer with no ``labels_`` (a sample's category can change as later samples
    are learnt): ``predict`` gives the categories for the current prototypes.
    """

    def _adjust_tags(self, tags):
        tags.input_tags.positive_only = True  # inputs in [0, 1]
        return tags

    def __init__(self, kind="fuzzy", rho=0.75, alpha=0.001, beta=1.0, search=True):
        self.kind = kind
        self.rho = rho
        self.alpha = alpha
        self.beta = beta
        self.search = search

    def _params(self):
        kind = check_option(self.kind, "kind", ("fuzzy", "art1"))
        rho = check_scalar(self.rho, "rho", min_value=0.0, max_value=1.0)
        alpha = check_scalar(self.alpha, "alpha", min_value=0.0, include_min=False)
        beta = check_scalar(self.beta, "beta", min_value=0.0, include_min=False, max_value=1.0)
        if kind == "art1" and beta != 1.0:
            raise ValueError("beta must be 1 for ART1 (fast learning); use kind='fuzzy'")
        if not isinstance(self.search, bool | np.bool_):
            raise TypeError(f"search must be True or False; got {self.search!r}")
        return kind, rho, alpha, beta

    def _code(self, x, kind):
        x = as_float_array(x, "x", ndim=1, allow_nan=False)
        if kind == "art1":
            if not np.all(np.isin(x, (0.0, 1.0))):
                raise ValueError("x must be binary (0/1) for ART1")
            if not x.any():
                raise ValueError("x must have at least one 1 for ART1 (|I| > 0)")
            return x
        if np.any((x < 0) | (x > 1)):
            raise ValueError("x must lie in [0, 1] for Fuzzy ART (scale the data first)")
        return np.concatenate([x, 1.0 - x])  # complement coding

    def partial_fit(self, x) -> int:
        """Present one sample, learn, and return its category (new ones are appended)."""
        kind, rho, alpha, beta = self._params()
        code = self._code(x, kind)
        if not hasattr(self, "weights_"):
            self.weights_ = np.empty((0, code.size))
            self.history_ = ARTHistory()
            self.n_features_in_ = code.size // (2 if kind == "fuzzy" else 1)
        if self.weights_.shape[1] != code.size:
            d = self.weights_.shape[1] // (2 if kind == "fuzzy" else 1)
            raise ValueError(f"x must have {d} features, as before; got {len(np.atleast_1d(x))}")
        W = self.weights_
        overlap = np.minimum(code[None, :], W).sum(axis=1)
        choice = overlap / (alpha + W.sum(axis=1))
        resets = 0
        order = np.argsort(-choice, kind="stable")
        for j in order if self.search else order[:1]:  # without search: the winner only
            if overlap[j] / code.sum() >= rho:  # resonance
                W[j] = beta * np.minimum(code, W[j]) + (1 - beta) * W[j]
                self.history_.append({"category": int(j), "new": False, "resets": resets})
                return int(j)
            resets += 1
        self.weights_ = np.vstack([W, code])  # no category resonates: a new one
        j = len(self.weights_) - 1
        self.history_.append({"category": j, "new": True, "resets": resets})
        return j

    def fit(self, X, y=None, n_epochs: int = 1) -> ART:
        """Present the rows of X in order, ``n_epochs`` times (y is ignored: unsupervised)."""
        self._params()  # every argument is checked, whatever X holds
        X = check_samples(as_float_array(X, "X", ndim=2, allow_nan=False))
        n_epochs = check_scalar(n_epochs, "n_epochs", integer=True, min_value=1)
        for _ in range(n_epochs):
            for x in X:
                self.partial_fit(x)
        return self

    def predict(self, X) -> np.ndarray:
        """The resonating category of each row without learning (-1 if none resonates)."""
        if not hasattr(self, "weights_"):
            raise RuntimeError("this ART network has no categories yet; call fit first")
        kind, rho, alpha, _ = self._params()
        X = as_float_array(X, "X", ndim=2, allow_nan=False)
        out = []
        for x in X:
            code = self._code(x, kind)
            overlap = np.minimum(code[None, :], self.weights_).sum(axis=1)
            choice = overlap / (alpha + self.weights_.sum(axis=1))
            order = np.argsort(-choice, kind="stable")
            ok = [j for j in (order if self.search else order[:1])
                  if overlap[j] / code.sum() >= rho]
            out.append(int(ok[0]) if ok else -1)
        return np.array(out)

    @property
    def n_categories_(self) -> int:
        return 0 if not hasattr(self, "weights_") else len(self.weights_)

    def boxes(self) -> np.ndarray:
        """Fuzzy ART categories as boxes: (n_categories, 2, d) lower and upper corners."""
        if check_option(self.kind, "kind", ("fuzzy", "art1")) != "fuzzy":
            raise ValueError("boxes exist for Fuzzy ART only")
        d = self.weights_.shape[1] // 2
        return np.stack([self.weights_[:, :d], 1.0 - self.weights_[:, d:]], axis=1)


def art_run(X, rho: float, beta: float) -> dict:
    """Present the rows of X one by one to a fresh Fuzzy ART and record every step (online
    learning, one pass, as :meth:`ART.partial_fit` runs it), so a replay can show any step.

    Parameters
    ----------
    X : array_like, shape (m, d), values in [0, 1]
        The samples, in the order they are presented.
    rho : float in [0, 1]
        Vigilance.
    beta : float in (0, 1]
        Learning rate.

    Returns
    -------
    dict
        ``"art"``: the trained :class:`ART`; ``"weights"``: m + 1 arrays, the prototypes
        before any sample and after each one (shape (categories, 2d)); ``"categories"``: the
        category each sample joined; ``"counts"``: the number of categories after each
        sample; ``"resets"``: the resets before each sample resonated or started a category;
        ``"new"``: whether each sample started a new category. The last four have shape (m,).

    Examples
    --------
    >>> run = art_run([[0.1, 0.1], [0.12, 0.1], [0.9, 0.9]], rho=0.9, beta=1.0)
    >>> run["categories"].tolist(), run["counts"].tolist(), run["new"].tolist()
    ([0, 0, 1], [1, 1, 2], [True, False, True])
    >>> len(run["weights"]), run["weights"][0].shape
    (4, (0, 4))
    """
    art = ART(kind="fuzzy", rho=rho, beta=beta)
    art._params()  # rho and beta are checked before any sample
    X = check_samples(as_float_array(X, "X", ndim=2, allow_nan=False))
    weights, categories = [np.empty((0, 2 * X.shape[1]))], []
    for x in X:
        categories.append(art.partial_fit(x))
        weights.append(art.weights_.copy())
    return {"art": art, "weights": weights, "categories": np.array(categories),
            "counts": np.array([len(w) for w in weights[1:]]),
            "resets": np.array([h["resets"] for h in art.history_]),
            "new": np.array([h["new"] for h in art.history_])}
