"""§5.5.6 Boltzmann machines (볼츠만 머신) and restricted Boltzmann machines, Eqs. (5.20)-(5.24).

A Boltzmann machine is an energy-based network of n binary units, state s in {0, 1}^n. The
book's energy (5.20) and the Boltzmann distribution (5.21) are

    E(s) = - sum_{i=1}^{n-1} sum_{j=i+1}^{n} w_ij s_i s_j - sum_{i=1}^{n} theta_i s_i   (5.20)
    P(s) = exp(-E(s)) / sum_t exp(-E(t))                                                 (5.21)

Sign convention: we keep the book's "- theta_i s_i" term, so a unit's conditional probability
of being on is P(s_i = 1 | rest) = sigma(sum_j w_ij s_j + theta_i): here theta_i is ADDED,
like a bias, unlike the threshold of the M-P neuron y = f(sum_i w_i x_i - theta) (§5.1,
Fig. 5.1; the book does not number that formula), which is subtracted (theta = -b there).

A restricted Boltzmann machine (RBM) keeps only the connections between a visible layer v
(d units) and a hidden layer h (q units), so the energy is E(v, h) = -v^T W h - theta_v^T v -
theta_h^T h and each layer is conditionally independent given the other:

    P(v | h) = prod_{i=1}^{d} P(v_i | h)                                                 (5.22)
    P(h | v) = prod_{j=1}^{q} P(h_j | v)                                                 (5.23)

trained by contrastive divergence (CD-k): from a training sample v, sample h ~ P(h | v), then
v' ~ P(v | h) and h' from v' (k times), and move the weights by

    Delta w = eta (v h^T - v' h'^T)                                                      (5.24)

For a handful of units everything is computed exactly by enumerating the 2^n states: the
partition function, P(s), the exact log-likelihood (through the free energy, summing over the
smaller layer), so the notebooks can check Gibbs sampling and CD against the truth.
"""

from __future__ import annotations

import functools
import itertools
from typing import NamedTuple

import numpy as np

from .._estimator import Estimator, TransformerMixin
from .._validation import (
    as_float_array,
    check_option,
    check_random_state,
    check_samples,
    check_scalar,
)
from ..activations import sigmoid_kernel
from ..training import EpochInfo, History

__all__ = [
    "RBM",
    "BoltzmannMachine",
    "RBMHistory",
    "all_states",
    "bars_and_stripes",
    "empirical_distribution",
    "state_index",
    "total_variation",
]

MAX_ENUMERATE = 16
"""Largest number of units enumerated exactly (2^16 = 65 536 states)."""

HISTORY_MAX_STATES = 2 ** 12
"""``RBM.fit`` records the exact log-likelihood per epoch when 2^min(d, q) is at most this."""


def _softplus(x):
    """log(1 + e^x) without overflow."""
    return np.logaddexp(0.0, x)


def _logsumexp(a, axis=None):
    a = np.asarray(a, dtype=float)
    top = np.max(a, axis=axis, keepdims=True)
    out = np.log(np.sum(np.exp(a - top), axis=axis, keepdims=True)) + top
    return np.squeeze(out, axis=axis) if axis is not None else float(out.ravel()[0])


def _check_binary(X, name: str, n: int | None = None, what: str = "units") -> np.ndarray:
    """A 2-D 0/1 float array (a single state may be given as 1-D); columns must be n."""
    X = as_float_array(X, name, ndim=(1, 2), allow_nan=False)
    if X.ndim == 1:
        X = X[None, :]
    if n is not None and X.shape[1] != n:
        columns = "1 column" if n == 1 else f"{n} columns"
        raise ValueError(f"{name} must have {columns} (one per {what}); got {X.shape[1]}")
    if not np.all((X == 0.0) | (X == 1.0)):
        bad = X[(X != 0.0) & (X != 1.0)][0]
        raise ValueError(f"{name} must contain only 0s and 1s (binary unit states); got {bad:g}")
    return X


def all_states(n: int) -> np.ndarray:
    """Every state of n binary units, shape (2^n, n), in binary order (s_1 is the leading bit).

    Row k is k written in binary, so ``state_index(all_states(n))`` is ``0, 1, ..., 2^n - 1``.

    Examples
    --------
    >>> all_states(2)
    array([[0., 0.],
           [0., 1.],
           [1., 0.],
           [1., 1.]])
    """
    n = check_scalar(n, "n", integer=True, min_value=1, max_value=MAX_ENUMERATE)
    return _states(n).copy()


@functools.lru_cache(maxsize=MAX_ENUMERATE)
def _states(n: int) -> np.ndarray:
    """Cached, read-only :func:`all_states` for the exact computations."""
    S = np.array(list(itertools.product((0.0, 1.0), repeat=n)))
    S.flags.writeable = False
    return S


def state_index(S) -> np.ndarray:
    """The row of :func:`all_states` that each binary state is: sum_i s_i 2^(n-i), shape (m,).

    Examples
    --------
    >>> state_index([[0, 0, 1], [1, 1, 0]]).tolist()
    [1, 6]
    """
    S = _check_binary(S, "S")
    if S.shape[1] > 62:
        raise ValueError(f"S must have at most 62 columns to be indexed; got {S.shape[1]}")
    weights = 2 ** np.arange(S.shape[1] - 1, -1, -1, dtype=np.int64)
    return S.astype(np.int64) @ weights


def empirical_distribution(S, n: int | None = None) -> np.ndarray:
    """The share of the rows of S in each of the 2^n states, shape (2^n,), ordered like
    :func:`all_states` (n defaults to S's number of columns)."""
    S = _check_binary(S, "S", n)
    counts = np.bincount(state_index(S), minlength=2 ** S.shape[1])
    return counts / len(S)


def total_variation(p, q) -> float:
    """Total-variation distance (1/2) sum_s |p(s) - q(s)| between two distributions, in [0, 1].

    Examples
    --------
    >>> total_variation([0.5, 0.5], [1.0, 0.0])
    0.5
    """
    p = as_float_array(p, "p", ndim=1, allow_nan=False)
    q = as_float_array(q, "q", ndim=1, allow_nan=False)
    if p.shape != q.shape:
        raise ValueError(f"q must have the same length as p ({len(p)}); got {len(q)}")
    return float(0.5 * np.abs(p - q).sum())


def bars_and_stripes(n: int = 3) -> np.ndarray:
    """MacKay's bars-and-stripes patterns on an n x n grid, shape (2^(n+1) - 2, n * n).

    A pattern is a set of full rows (stripes) or a set of full columns (bars), flattened row by
    row; the blank and the full grid are both, so they appear once: 14 patterns for n = 3.
    First the 2^n stripe patterns, then the 2^n - 2 bar patterns with neither blank nor full.

    Examples
    --------
    >>> X = bars_and_stripes(3)
    >>> X.shape
    (14, 9)
    >>> X[1].reshape(3, 3)      # the bottom stripe
    array([[0., 0., 0.],
           [0., 0., 0.],
           [1., 1., 1.]])
    """
    n = check_scalar(n, "n", integer=True, min_value=1, max_value=8)
    lines = all_states(n)
    stripes = [np.repeat(r[:, None], n, axis=1).ravel() for r in lines]
    bars = [np.repeat(c[None, :], n, axis=0).ravel() for c in lines[1:-1]]
    return np.array(stripes + bars)


class BoltzmannMachine:
    """A Boltzmann machine on n binary units s_i in {0, 1} with given parameters (5.20)-(5.21).

    Parameters
    ----------
    w : array_like of shape (n, n)
        Connection weights w_ij: symmetric (w_ij = w_ji) with a zero diagonal.
    theta : array_like of shape (n,)
        θ_i, entering the energy as ``- θ_i s_i`` exactly as in the book's (5.20), so it acts
        like a bias: P(s_i = 1 | rest) = σ(Σ_j w_ij s_j + θ_i).

    Notes
    -----
    With a symmetric, zero-diagonal W, Σ_{i<j} w_ij s_i s_j = s^T W s / 2, which is how
    :meth:`energy` evaluates (5.20). Exact quantities enumerate all 2^n states (n <= 16).

    Examples
    --------
    >>> bm = BoltzmannMachine([[0, 2], [2, 0]], [-1, -1])
    >>> bm.energy([[0, 0], [1, 0], [1, 1]]).tolist()
    [0.0, 1.0, 0.0]
    >>> bm.distribution().round(4).tolist()      # P(00), P(01), P(10), P(11)
    [0.3655, 0.1345, 0.1345, 0.3655]
    """

    def __init__(self, w, theta):
        w = as_float_array(w, "w", ndim=2, allow_nan=False)
        if w.shape[0] != w.shape[1] or w.shape[0] == 0:
            raise ValueError(f"w must be a square (n, n) matrix; got shape {w.shape}")
        if not np.allclose(w, w.T, rtol=0.0, atol=1e-12):
            raise ValueError("w must be symmetric (w_ij = w_ji): a Boltzmann machine's "
                             "connections have one weight each")
        if np.any(np.diag(w) != 0.0):
            raise ValueError("w must have a zero diagonal (no unit is connected to itself)")
        theta = as_float_array(theta, "theta", ndim=1, allow_nan=False)
        if theta.shape != (w.shape[0],):
            raise ValueError(f"theta must have {w.shape[0]} entries (one per unit); got "
                             f"shape {theta.shape}")
        self.w = w
        self.theta = theta

    @property
    def n(self) -> int:
        """The number of units."""
        return int(self.theta.size)

    def energy(self, S) -> np.ndarray:
        """E(s) (5.20) for each row of S (m, n), shape (m,)."""
        S = _check_binary(S, "S", self.n)
        return 0.0 - (0.5 * np.einsum("mi,ij,mj->m", S, self.w, S) + S @ self.theta)

    def states(self) -> np.ndarray:
        """All 2^n states, shape (2^n, n), in the order of :meth:`distribution`."""
        return all_states(self.n)

    def log_partition(self) -> float:
        """log Z = log Σ_t e^{-E(t)}, the denominator of (5.21), by enumeration."""
        return _logsumexp(-self.energy(self.states()))

    def distribution(self) -> np.ndarray:
        """P(s) (5.21) for every state of :meth:`states`, shape (2^n,); sums to 1."""
        neg_e = -self.energy(self.states())
        p = np.exp(neg_e - neg_e.max())
        return p / p.sum()

    def conditional(self, S, i: int) -> np.ndarray:
        """P(s_i = 1 | the other units of each row of S) = σ(Σ_{j≠i} w_ij s_j + θ_i), (m,)."""
        S = _check_binary(S, "S", self.n)
        i = check_scalar(i, "i", integer=True, min_value=0, max_value=self.n - 1)
        return sigmoid_kernel(S @ self.w[:, i] + self.theta[i])  # w_ii = 0: s_i itself drops out

    def gibbs(self, n_sweeps: int, n_chains: int = 1, s0=None, random_state=None,
              return_path: bool = False) -> np.ndarray:
        """Gibbs sampling: ``n_chains`` independent chains, each sweep updating unit 1 .. n in
        turn from P(s_i = 1 | rest).

        Parameters
        ----------
        n_sweeps : int >= 0
        n_chains : int >= 1
        s0 : array_like of shape (n,) or (n_chains, n), optional
            Starting states (default: uniformly random).
        random_state : None, int or numpy.random.Generator
        return_path : bool, default False
            If True, return the states after every sweep, shape (n_sweeps + 1, n_chains, n),
            the start included; otherwise the final states, shape (n_chains, n).
        """
        n_sweeps = check_scalar(n_sweeps, "n_sweeps", integer=True, min_value=0)
        n_chains = check_scalar(n_chains, "n_chains", integer=True, min_value=1)
        rng = check_random_state(random_state)
        if s0 is None:
            S = (rng.random((n_chains, self.n)) < 0.5).astype(float)
        else:
            S = _check_binary(s0, "s0", self.n)
            if len(S) not in (1, n_chains):
                raise ValueError(f"s0 must have 1 or n_chains = {n_chains} rows; got {len(S)}")
            S = np.repeat(S, n_chains, axis=0) if len(S) == 1 else S.copy()
        path = [S.copy()] if return_path else None
        for _ in range(n_sweeps):
            u = rng.random((n_chains, self.n))
            for i in range(self.n):
                p = sigmoid_kernel(S @ self.w[:, i] + self.theta[i])
                S[:, i] = u[:, i] < p
            if return_path:
                path.append(S.copy())
        return np.array(path) if return_path else S

    def sample_exact(self, n_samples: int, random_state=None) -> np.ndarray:
        """Independent draws from P(s) (5.21) by enumeration, shape (n_samples, n)."""
        n_samples = check_scalar(n_samples, "n_samples", integer=True, min_value=1)
        rng = check_random_state(random_state)
        return self.states()[rng.choice(2 ** self.n, size=n_samples, p=self.distribution())]


def _history_scores(W, tv, th, X, exact: bool):
    """Exact mean log-likelihood (or None) and reconstruction error of X for a stack of T
    snapshots W (T, d, q), θ_v (T, d), θ_h (T, q), in batched matrix products (the same
    formulas as :meth:`RBM.log_likelihood` and :meth:`RBM.reconstruction_error`)."""
    Wt = W.transpose(0, 2, 1)
    ph = sigmoid_kernel(X @ W + th[:, None, :])                     # P(h = 1 | x), (T, m, q)
    recon = sigmoid_kernel(ph @ Wt + tv[:, None, :])                # P(v' = 1 | P(h)), (T, m, d)
    err = ((recon - X[None]) ** 2).mean(axis=(1, 2))
    if not exact:
        return None, err

    def neg_free_energy(V, A, b, c):  # -F for every row of V and every snapshot: (T, m)
        return (b @ V.T) + _softplus(V @ A + c[:, None, :]).sum(axis=2)

    d, q = W.shape[1:]
    if d <= q:
        neg_f = neg_free_energy(_states(d), W, tv, th)
    else:  # the hidden layer's free energy: e^{-F(h)} = sum_v e^{-E(v, h)}
        neg_f = neg_free_energy(_states(q), Wt, th, tv)
    return neg_free_energy(X, W, tv, th).mean(axis=1) - _logsumexp(neg_f, axis=1), err


class RBMHistory(History):
    """What :meth:`RBM.fit` recorded: parameters (and scores) after each recorded epoch.

    The package's :class:`~chapter5.training.History` interface: ``steps`` (= ``epochs``),
    ``locate(epoch)`` (also ``index(epoch)``), ``snapshot(i)`` (``w``, ``theta_v``,
    ``theta_h``).

    Attributes
    ----------
    epochs : (T,) int
        The epochs recorded, 0 (before training) first.
    w : (T, d, q), theta_v : (T, d), theta_h : (T, q)
    log_likelihood : (T,) or None
        Exact mean log P(v) of the training set (None when the model is too large).
    reconstruction_error : (T,)
        Mean squared difference between the training set and its mean-field reconstruction.
    """

    def __init__(self, epochs, w, theta_v, theta_h, log_likelihood, reconstruction_error):
        self.epochs = np.asarray(epochs)
        self.w = np.asarray(w)
        self.theta_v = np.asarray(theta_v)
        self.theta_h = np.asarray(theta_h)
        self.log_likelihood = None if log_likelihood is None else np.asarray(log_likelihood)
        self.reconstruction_error = np.asarray(reconstruction_error)

    @property
    def steps(self) -> np.ndarray:
        return self.epochs

    def index(self, epoch: int) -> int:
        """The last recorded snapshot at or before ``epoch`` (:meth:`locate`)."""
        return self.locate(epoch)

    def snapshot(self, i: int) -> dict:
        """Snapshot ``i``'s parameters by name (copies)."""
        return {"w": self.w[i].copy(), "theta_v": self.theta_v[i].copy(),
                "theta_h": self.theta_h[i].copy()}

    def __repr__(self) -> str:
        return (f"RBMHistory({len(self)} snapshots, epochs {self.epochs[0]}..{self.epochs[-1]}, "
                f"d = {self.w.shape[1]}, q = {self.w.shape[2]})")


class _RBMParams(NamedTuple):
    """:class:`RBM`'s constructor arguments after checking (see its Parameters)."""

    d: int          # n_visible
    q: int          # n_hidden
    k: int          # Gibbs steps per CD update
    eta: float
    epochs: int     # n_epochs
    batch: int      # batch_size
    stats: str      # statistics
    scale: float    # init_scale
    every: int      # record_every


class RBM(TransformerMixin, Estimator):
    """A restricted Boltzmann machine with binary units, trained by contrastive divergence.

    Parameters
    ----------
    n_visible : int
        d, the number of visible units v_i (the data's columns).
    n_hidden : int
        q, the number of hidden units h_j.
    k : int, default 1
        Gibbs steps per CD update (CD-k; the book describes CD-1).
    eta : float, default 0.1
        Learning rate η of (5.24).
    n_epochs : int, default 100
    batch_size : int, default 10
        Samples per update; the update is (5.24) averaged over the batch.
    statistics : {"probabilities", "samples"}, default "probabilities"
        What stands for h and h' in (5.24). "samples": the sampled binary states, literally
        as the book writes it; "probabilities": P(h_j = 1 | v) and P(h_j = 1 | v'), which have
        the same expectation and less noise (Hinton 2010, §3). The chain itself always samples.
    init_scale : float, default 0.01
        Initial weights ~ N(0, init_scale²); thresholds start at 0.
    record_every : int, default 1
        Keep a snapshot every this many epochs (and the last) in ``history_``.
    random_state : None, int or numpy.random.Generator

    Attributes
    ----------
    w_ : (d, q)
        w_[i, j] is the weight between v_i and h_j.
    theta_v_ : (d,), theta_h_ : (q,)
        θ of the visible and hidden units, in the book's sign of (5.20) (they act as biases).
    history_ : RBMHistory
    log_likelihood_curve_ : (T,) or None
        Exact mean log-likelihood of the training set at each recorded epoch, when
        2^min(d, q) <= 4096 (else None).
    n_epochs_ : int
        Epochs trained (``n_epochs`` unless a callback stopped training earlier).
    stop_reason_ : {"max_epochs", "callback"}
        Why training stopped.

    Notes
    -----
    The RBM is the Boltzmann machine (5.20) on the d + q units (v, h) with no visible-visible
    and no hidden-hidden weights (:meth:`as_boltzmann_machine`), so
    E(v, h) = -Σ_ij v_i w_ij h_j - Σ_i θ_v,i v_i - Σ_j θ_h,j h_j, and (5.22)-(5.23) hold with
    P(v_i = 1 | h) = σ(Σ_j w_ij h_j + θ_v,i) and P(h_j = 1 | v) = σ(Σ_i v_i w_ij + θ_h,j).
    The thresholds are updated like the weights: Δθ_v = η(v - v'), Δθ_h = η(h - h').

    Examples
    --------
    >>> X = bars_and_stripes(3)
    >>> rbm = RBM(9, 8, eta=1.0, n_epochs=400, batch_size=14, init_scale=0.1, random_state=0)
    >>> ll = rbm.fit(X).log_likelihood_curve_
    >>> print(f"mean log P(v): {ll[0]:.2f} before, {ll[-1]:.2f} after 400 epochs of CD-1")
    mean log P(v): -6.28 before, -3.68 after 400 epochs of CD-1
    """

    def __init__(self, n_visible, n_hidden, k=1, eta=0.1, n_epochs=100, batch_size=10,
                 statistics="probabilities", init_scale=0.01, record_every=1,
                 random_state=None):
        self.n_visible = n_visible
        self.n_hidden = n_hidden
        self.k = k
        self.eta = eta
        self.n_epochs = n_epochs
        self.batch_size = batch_size
        self.statistics = statistics
        self.init_scale = init_scale
        self.record_every = record_every
        self.random_state = random_state

    # ---------------------------------------------------------------- training

    def _check_params(self) -> _RBMParams:
        """The constructor arguments, checked, as one named record."""
        d = check_scalar(self.n_visible, "n_visible", integer=True, min_value=1)
        q = check_scalar(self.n_hidden, "n_hidden", integer=True, min_value=1)
        k = check_scalar(self.k, "k", integer=True, min_value=1)
        eta = check_scalar(self.eta, "eta", min_value=0.0, include_min=False)
        epochs = check_scalar(self.n_epochs, "n_epochs", integer=True, min_value=0)
        batch = check_scalar(self.batch_size, "batch_size", integer=True, min_value=1)
        stats = check_option(self.statistics, "statistics", ("probabilities", "samples"))
        scale = check_scalar(self.init_scale, "init_scale", min_value=0.0)
        every = check_scalar(self.record_every, "record_every", integer=True, min_value=1)
        return _RBMParams(d=d, q=q, k=k, eta=eta, epochs=epochs, batch=batch, stats=stats,
                          scale=scale, every=every)

    def _adjust_tags(self, tags):
        tags.input_tags.positive_only = True  # binary inputs
        return tags

    def fit(self, X, y=None, callback=None) -> RBM:
        """Train on binary samples X (m, d) with CD-k, mini-batches in a new order each epoch
        (y is ignored: unsupervised); return self.

        Parameters
        ----------
        X : array_like (m, d) of 0/1
        y : ignored
        callback : callable, optional
            Called after every epoch as ``callback(info)`` with a
            :class:`~chapter5.training.EpochInfo`, as the BP and Elman networks' ``fit`` call
            theirs: ``epoch`` (epochs done), ``loss`` (the reconstruction error of X after that
            epoch, the quantity ``history_.reconstruction_error`` records), ``eta``,
            ``params`` (a read-only flat vector: w (d, q) row by row, then θ_v, then θ_h) and
            ``max_epochs``. Returning True stops training after that epoch
            (``stop_reason_`` is then "callback" and ``history_`` ends with that epoch).
            Without a callback nothing extra is computed; with one that never stops, the
            trained parameters are the same.
        """
        p = self._check_params()
        d, q = p.d, p.q
        X = check_samples(_check_binary(X, "X", d, "visible unit"))
        if callback is not None and not callable(callback):
            raise TypeError(f"callback must be callable or None; got {type(callback).__name__}")
        rng = check_random_state(self.random_state)
        self.w_ = rng.normal(0.0, p.scale, size=(d, q)) if p.scale > 0 else np.zeros((d, q))
        self.theta_v_ = np.zeros(d)
        self.theta_h_ = np.zeros(q)
        self.n_features_in_ = d
        exact = 2 ** min(d, q) <= HISTORY_MAX_STATES
        snaps = {"epochs": [0], "w": [self.w_.copy()], "theta_v": [self.theta_v_.copy()],
                 "theta_h": [self.theta_h_.copy()]}
        m = len(X)
        self.stop_reason_ = "max_epochs"
        done = 0
        for epoch in range(1, p.epochs + 1):
            order = rng.permutation(m)
            for start in range(0, m, p.batch):
                V = X[order[start:start + p.batch]]
                step = self._cd(V, p.k, p.stats, rng)
                self.w_ += p.eta * step["dw"]
                self.theta_v_ += p.eta * step["dtheta_v"]
                self.theta_h_ += p.eta * step["dtheta_h"]
            done = epoch
            stop = callback is not None and self._report(callback, epoch, p, X)
            if stop:
                self.stop_reason_ = "callback"
            if epoch % p.every == 0 or epoch == p.epochs or stop:
                snaps["epochs"].append(epoch)
                snaps["w"].append(self.w_.copy())
                snaps["theta_v"].append(self.theta_v_.copy())
                snaps["theta_h"].append(self.theta_h_.copy())
            if stop:
                break
        self.n_epochs_ = done
        W, tv, th = (np.array(snaps[key]) for key in ("w", "theta_v", "theta_h"))
        chunks = [_history_scores(W[i:i + 64], tv[i:i + 64], th[i:i + 64], X, exact)
                  for i in range(0, len(W), 64)]  # 64 snapshots at a time stay in cache
        ll = np.concatenate([c[0] for c in chunks]) if exact else None
        err = np.concatenate([c[1] for c in chunks])
        self.history_ = RBMHistory(snaps["epochs"], W, tv, th, ll, err)
        self.log_likelihood_curve_ = self.history_.log_likelihood
        return self

    def _report(self, callback, epoch: int, p: _RBMParams, X) -> bool:
        """Call ``callback`` with the epoch's :class:`~chapter5.training.EpochInfo`; True:
        stop. Reads the parameters only (the trained numbers do not depend on it)."""
        err = _history_scores(self.w_[None], self.theta_v_[None], self.theta_h_[None], X,
                              False)[1][0]
        params = np.concatenate([self.w_.ravel(), self.theta_v_, self.theta_h_])
        params.flags.writeable = False
        return bool(callback(EpochInfo(epoch, float(err), None, p.eta, params, p.epochs)))

    @staticmethod
    def split_parameters(params, n_visible: int, n_hidden: int) -> dict:
        """``{"w", "theta_v", "theta_h"}`` (copies) from the flat vector a ``fit`` callback
        sees (w (d, q) row by row, then θ_v (d), then θ_h (q)).

        >>> RBM.split_parameters(np.arange(8.0), 2, 2)["theta_h"]
        array([6., 7.])
        """
        d = check_scalar(n_visible, "n_visible", integer=True, min_value=1)
        q = check_scalar(n_hidden, "n_hidden", integer=True, min_value=1)
        flat = as_float_array(params, "params", ndim=1)
        if flat.size != d * q + d + q:
            raise ValueError(f"params must have d*q + d + q = {d * q + d + q} entries for "
                             f"d = {d}, q = {q}; got {flat.size}")
        return {"w": flat[:d * q].reshape(d, q).copy(), "theta_v": flat[d * q:d * q + d].copy(),
                "theta_h": flat[d * q + d:].copy()}

    def _cd(self, V, k, stats, rng) -> dict:
        """One CD-k estimate on the batch V: the chain and (5.24) without η, batch-averaged.

        A unit with input a is switched on with probability σ(a); we draw it as a > L with L
        logistic (the logit of a uniform number: P(L < a) = σ(a)), which saves computing σ
        for the states that are only sampled.
        """
        W, tv, th = self.w_, self.theta_v_, self.theta_h_
        a0 = V @ W + th
        ph0 = sigmoid_kernel(a0)                                           # P(h_j = 1 | v), (5.23)
        h = h0 = (a0 > rng.logistic(size=a0.shape)).astype(float)    # h ~ P(h | v)
        for _ in range(k):
            b = h @ W.T + tv                                         # P(v_i = 1 | h) = σ(b)
            vk = (b > rng.logistic(size=b.shape)).astype(float)      # v' ~ P(v | h), (5.22)
            ak = vk @ W + th
            h = (ak > rng.logistic(size=ak.shape)).astype(float)     # h' ~ P(h | v')
        hk, phk = h, sigmoid_kernel(ak)
        pos, neg = (h0, hk) if stats == "samples" else (ph0, phk)
        m = len(V)
        return {"v": V, "h": h0, "v_k": vk, "h_k": hk, "ph": ph0, "ph_k": phk,
                "dw": (V.T @ pos - vk.T @ neg) / m,                   # v h^T - v' h'^T, (5.24)
                "dtheta_v": (V - vk).sum(axis=0) / m,
                "dtheta_h": (pos - neg).sum(axis=0) / m}

    def contrastive_divergence(self, V, random_state=None) -> dict:
        """One CD-k step on the batch V without changing the model: the chain and the update.

        Returns a dict with the chain ``v, h, v_k, h_k`` (sampled states), ``ph, ph_k``
        (P(h = 1 | v), P(h = 1 | v_k)) and the updates (5.24) ``dw`` (d, q), ``dtheta_v`` (d,),
        ``dtheta_h`` (q,), each multiplied by η and averaged over the batch.
        """
        self._check_fitted()
        p = self._check_params()
        V = _check_binary(V, "V", self.w_.shape[0], "visible unit")
        out = self._cd(V, p.k, p.stats, check_random_state(random_state))
        for key in ("dw", "dtheta_v", "dtheta_h"):
            out[key] = p.eta * out[key]
        return out

    # ---------------------------------------------------------------- the model

    def _check_fitted(self):
        if not hasattr(self, "w_"):
            raise RuntimeError("this RBM is not fitted yet; call fit(X) first")

    def _v(self, V, name="V"):
        self._check_fitted()
        return _check_binary(V, name, self.w_.shape[0], "visible unit")

    def _h(self, H, name="H"):
        self._check_fitted()
        return _check_binary(H, name, self.w_.shape[1], "hidden unit")

    def prob_h(self, V) -> np.ndarray:
        """P(h_j = 1 | v) = σ(Σ_i v_i w_ij + θ_h,j), the factors of (5.23); shape (m, q)."""
        return sigmoid_kernel(self._v(V) @ self.w_ + self.theta_h_)

    def prob_v(self, H) -> np.ndarray:
        """P(v_i = 1 | h) = σ(Σ_j w_ij h_j + θ_v,i), the factors of (5.22); shape (m, d)."""
        return sigmoid_kernel(self._h(H) @ self.w_.T + self.theta_v_)

    def p_h_given_v(self, H, V) -> np.ndarray:
        """P(h | v) (5.23) = Π_j P(h_j | v) for each pair of rows of H and V, shape (m,)."""
        H = self._h(H)
        p = self.prob_h(V)
        return np.prod(np.where(H == 1.0, p, 1.0 - p), axis=1)

    def p_v_given_h(self, V, H) -> np.ndarray:
        """P(v | h) (5.22) = Π_i P(v_i | h) for each pair of rows of V and H, shape (m,)."""
        V = self._v(V)
        p = self.prob_v(H)
        return np.prod(np.where(V == 1.0, p, 1.0 - p), axis=1)

    def energy(self, V, H) -> np.ndarray:
        """E(v, h) = -v^T W h - θ_v^T v - θ_h^T h, (5.20) for the RBM's connections; (m,)."""
        V, H = self._v(V), self._h(H)
        return 0.0 - (np.einsum("mi,ij,mj->m", V, self.w_, H) + V @ self.theta_v_
                      + H @ self.theta_h_)

    def free_energy(self, V) -> np.ndarray:
        """F(v) = -θ_v^T v - Σ_j log(1 + e^{θ_h,j + Σ_i v_i w_ij}), so that e^{-F(v)} =
        Σ_h e^{-E(v, h)}; shape (m,)."""
        return self._free_energy(self._v(V))

    def _free_energy(self, V):
        return -V @ self.theta_v_ - _softplus(V @ self.w_ + self.theta_h_).sum(axis=1)

    def _free_energy_h(self, H):
        """The hidden layer's free energy: e^{-F(h)} = Σ_v e^{-E(v, h)}."""
        return -H @ self.theta_h_ - _softplus(H @ self.w_.T + self.theta_v_).sum(axis=1)

    def log_partition(self, over: str = "auto") -> float:
        """log Z = log Σ_{v,h} e^{-E(v, h)}, summing out the larger layer in closed form and
        enumerating the smaller one (``over``: "auto", "visible" or "hidden")."""
        self._check_fitted()
        d, q = self.w_.shape
        over = check_option(over, "over", ("auto", "visible", "hidden"))
        n = {"auto": min(d, q), "visible": d, "hidden": q}[over]
        if n > MAX_ENUMERATE:
            raise ValueError(f"over: enumerating {n} units (2^{n} states) is too many; at most "
                             f"{MAX_ENUMERATE}")
        return self._log_partition(over)

    def _log_partition(self, over="auto"):
        d, q = self.w_.shape
        if over == "auto":
            over = "visible" if d <= q else "hidden"
        F = (self._free_energy(_states(d)) if over == "visible"
             else self._free_energy_h(_states(q)))
        return _logsumexp(-F)

    def probability(self, V) -> np.ndarray:
        """The exact P(v) = e^{-F(v)} / Z of each row of V, shape (m,)."""
        return np.exp(-self.free_energy(V) - self.log_partition())

    def log_likelihood(self, X) -> float:
        """Exact mean log P(v) over the rows of X: mean(-F(v)) - log Z."""
        return float(np.mean(-self.free_energy(X)) - self.log_partition())

    def distribution(self) -> np.ndarray:
        """P(v) over all 2^d visible states (order of :func:`all_states`), exactly."""
        self._check_fitted()
        d = self.w_.shape[0]
        if d > MAX_ENUMERATE:
            raise ValueError(f"n_visible: 2^{d} visible states are too many to list; at most "
                             f"{MAX_ENUMERATE} units")
        log_p = -self._free_energy(_states(d)) - self.log_partition()
        return np.exp(log_p)

    def exact_gradient(self, X) -> dict:
        """∂/∂(w, θ_v, θ_h) of the mean log-likelihood: ⟨v h^T⟩_data - ⟨v h^T⟩_model, with
        h replaced by P(h = 1 | v); model expectations by enumerating the visible layer."""
        V = self._v(X, "X")
        ph = self.prob_h(V)
        Sv = _states(self.w_.shape[0])
        pv = self.distribution()
        phs = self.prob_h(Sv)
        return {"w": V.T @ ph / len(V) - (Sv * pv[:, None]).T @ phs,
                "theta_v": V.mean(axis=0) - pv @ Sv,
                "theta_h": ph.mean(axis=0) - pv @ phs}

    def reconstruct(self, V) -> np.ndarray:
        """Mean-field reconstruction P(v' = 1 | h = P(h = 1 | v)), shape (m, d), in [0, 1]."""
        return self._reconstruct(self._v(V))

    def _reconstruct(self, V):
        ph = sigmoid_kernel(V @ self.w_ + self.theta_h_)
        return sigmoid_kernel(ph @ self.w_.T + self.theta_v_)

    def reconstruction_error(self, X) -> float:
        """Mean squared difference between X and :meth:`reconstruct` (X)."""
        X = self._v(X, "X")
        return float(np.mean((X - self._reconstruct(X)) ** 2))

    def transform(self, V) -> np.ndarray:
        """The hidden features P(h = 1 | v), shape (m, q)."""
        return self.prob_h(V)

    def sample(self, n_samples: int, n_steps: int = 200, v0=None, random_state=None,
               return_probabilities: bool = False) -> np.ndarray:
        """Draw visible states by block Gibbs sampling, h ~ P(h | v) then v ~ P(v | h).

        ``n_samples`` independent chains start at ``v0`` (one state or one per chain; default
        uniformly random) and run ``n_steps`` alternating steps; returns their final visible
        states (m, d), or with ``return_probabilities`` the last P(v = 1 | h) instead.
        """
        self._check_fitted()
        n_samples = check_scalar(n_samples, "n_samples", integer=True, min_value=1)
        n_steps = check_scalar(n_steps, "n_steps", integer=True, min_value=1)
        rng = check_random_state(random_state)
        d = self.w_.shape[0]
        if v0 is None:
            V = (rng.random((n_samples, d)) < 0.5).astype(float)
        else:
            V = self._v(v0, "v0")
            if len(V) not in (1, n_samples):
                raise ValueError(f"v0 must have 1 or n_samples = {n_samples} rows; got "
                                 f"{len(V)}")
            V = np.repeat(V, n_samples, axis=0) if len(V) == 1 else V
        for _ in range(n_steps):
            a = V @ self.w_ + self.theta_h_
            H = (a > rng.logistic(size=a.shape)).astype(float)       # h ~ P(h | v)
            b = H @ self.w_.T + self.theta_v_
            V = (b > rng.logistic(size=b.shape)).astype(float)       # v ~ P(v | h)
        pv = sigmoid_kernel(b)
        return pv if return_probabilities else V

    def as_boltzmann_machine(self) -> BoltzmannMachine:
        """The same model as a :class:`BoltzmannMachine` on d + q units, state s = (v, h)."""
        self._check_fitted()
        d, q = self.w_.shape
        W = np.zeros((d + q, d + q))
        W[:d, d:] = self.w_
        W[d:, :d] = self.w_.T
        return BoltzmannMachine(W, np.concatenate([self.theta_v_, self.theta_h_]))

    def at_epoch(self, epoch: int) -> RBM:
        """A copy of this RBM with the parameters recorded at ``epoch`` (the last snapshot at
        or before it), for replaying training without training again."""
        self._check_fitted()
        epoch = check_scalar(epoch, "epoch", integer=True, min_value=0)
        i = self.history_.index(epoch)
        snap = RBM(**{k: getattr(self, k) for k in (
            "n_visible", "n_hidden", "k", "eta", "n_epochs", "batch_size", "statistics",
            "init_scale", "record_every", "random_state")})
        snap.w_ = self.history_.w[i].copy()
        snap.theta_v_ = self.history_.theta_v[i].copy()
        snap.theta_h_ = self.history_.theta_h[i].copy()
        return snap
