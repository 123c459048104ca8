"""§5.5.5 Elman networks (엘만 네트워크), Elman (1990) "Finding Structure in Time".

A recurrent network: besides the inputs x_i(t), the hidden layer reads q **context units**
that hold a copy of its own outputs from the previous time step, c_h(t) = b_h(t - 1). In the
book's notation (d inputs, q hidden units, l outputs; u_{h'h} joins context unit h' to hidden
unit h, with 0-based indices in the code: ``u[h', h]``):

    alpha_h(t) = sum_i v_ih x_i(t) + sum_h' u_h'h b_h'(t - 1)
    b_h(t) = f(alpha_h(t) - gamma_h),     with b_h(0) = context_init (Elman: 0.5)
    beta_j(t) = sum_h w_hj b_h(t),        y_hat_j(t) = f(beta_j(t) - theta_j)
    E(t) = 1/2 sum_j (y_hat_j(t) - y_j(t))^2

with the sigmoid f. **Backpropagation through time** (BPTT) unrolls the loop into a deep
feedforward network with shared weights and runs the book's BP on it (exercise 5.9):

    g_j(t) = y_hat_j(t) (1 - y_hat_j(t)) (y_j(t) - y_hat_j(t))                       as (5.10)
    e_h(t) = b_h(t) (1 - b_h(t)) [ sum_j w_hj g_j(t) + sum_h'' u_hh'' e_h''(t + 1) ]  (5.15) + time
    e_h(T + 1) = 0
    dE/dw_hj = -sum_t g_j(t) b_h(t),        dE/dtheta_j = sum_t g_j(t)
    dE/dv_ih = -sum_t e_h(t) x_i(t),        dE/dgamma_h = sum_t e_h(t)
    dE/du_h'h = -sum_t e_h(t) b_h'(t - 1)

The second term of e_h(t) carries the error of later steps back through the context weights.
Elman's own 1990 rule drops it (the context is treated as one more input; ``bptt=False``), so
what the hidden units store for later steps gets no credit: it can still be learned as a side
effect, but slowly (on temporal XOR, in our runs, 400 epochs of it stay at the level of a table
of the last two bits, while BPTT learns the phase of the triplets). The book says only that
such networks are trained with a generalised BP algorithm (Pineda 1987); BPTT is its usual
form for a network run over a sequence.

Code conventions: sequences are ``(m, T, d)`` arrays (m sequences of T steps, d inputs); the
error the code reports and differentiates is the **mean** of E(t) over the m * T steps, so that
eta need not shrink as sequences grow (exercise 5.9 and the notebook use the plain sum over t).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np

from .._estimator import Estimator
from .._validation import as_float_array, check_random_state, check_scalar
from ..activations import sigmoid_kernel
from ..datasets.sequences import (  # re-exported: the data of §5.5.5 live in datasets
    ELMAN_SYLLABLES,
    LETTERS,
    error_by_position,
    letter_sequence,
    lookup_table_errors,
    next_step_pairs,
    one_hot,
    temporal_xor,
)
from ..training import EpochMonitor, History

__all__ = [
    "ELMAN_SYLLABLES",
    "LETTERS",
    "PARAMETERS",
    "ElmanHistory",
    "ElmanNetwork",
    "error_by_position",
    "letter_sequence",
    "lookup_table_errors",
    "next_step_pairs",
    "one_hot",
    "temporal_xor",
    "worked_example",
]

PARAMETERS = ("v", "u", "gamma", "w", "theta")
"""The parameter groups in the book's names, in the order used by flat vectors."""


# --------------------------------------------------------------------------------------------
# Forward pass and BPTT on stacked parameters
# --------------------------------------------------------------------------------------------

# the sigmoid of the training loops (one tanh, no overflow): its home is activations
_sigmoid = sigmoid_kernel


def _forward(X, P, context):
    """Hidden outputs B (S, m, T, q) and outputs Y_hat (S, m, T, l) for S parameter sets.

    ``P`` maps each name of :data:`PARAMETERS` to an array with a leading axis of S sets;
    ``context`` is b(0), shape (S, m, q).
    """
    S, m, T = P["v"].shape[0], X.shape[0], X.shape[1]
    q = P["v"].shape[2]
    # the input part of alpha for every step at once; the recurrent part step by step
    A_in = np.matmul(X[None], P["v"][:, None]) - P["gamma"][:, None, None, :]  # (S, m, T, q)
    B = np.empty((S, m, T, q))
    b = context
    u = P["u"]
    for t in range(T):
        b = _sigmoid(A_in[:, :, t] + np.matmul(b, u))
        B[:, :, t] = b
    Y_hat = _sigmoid(np.matmul(B, P["w"][:, None]) - P["theta"][:, None, None, :])
    return B, Y_hat


def _bptt(X, Y, P, context, B, Y_hat, through_context=True):
    """Gradients of E = mean over the m * T steps of E(t), for one parameter set (S = 1).

    Returns ``(grads, g, e)`` with the book's output and hidden terms g (m, T, l) and
    e (m, T, q). ``through_context=False`` drops the error that reaches b(t) from later steps
    through u (Elman's original rule).
    """
    m, T = X.shape[:2]
    v, u, w = P["v"][0], P["u"][0], P["w"][0]
    b_all, y_hat = B[0], Y_hat[0]
    g = y_hat * (1.0 - y_hat) * (Y - y_hat)                       # (5.10), every step
    from_output = np.matmul(g, w.T)                               # sum_j w_hj g_j(t)
    slope = b_all * (1.0 - b_all)                                 # f'(alpha - gamma)
    e = np.empty_like(b_all)
    later = np.zeros((m, v.shape[1]))                             # e(T + 1) = 0
    for t in range(T - 1, -1, -1):
        if through_context:
            e[:, t] = slope[:, t] * (from_output[:, t] + later @ u.T)
        else:
            e[:, t] = slope[:, t] * from_output[:, t]
        later = e[:, t]
    prev = np.concatenate([context[0][:, None, :], b_all[:, :-1]], axis=1)  # b(t - 1)
    n = m * T
    grads = {
        "v": -np.einsum("mti,mth->ih", X, e) / n,
        "u": -np.einsum("mtk,mth->kh", prev, e) / n,
        "gamma": e.sum(axis=(0, 1)) / n,
        "w": -np.einsum("mth,mtj->hj", b_all, g) / n,
        "theta": g.sum(axis=(0, 1)) / n,
    }
    return grads, g, e


def _dot3(A, M):
    """``A @ M`` for a 3-D A and a 2-D M, as one 2-D product (np.dot on 3-D is ~5x slower)."""
    return np.dot(A.reshape(-1, A.shape[-1]), M).reshape(*A.shape[:-1], M.shape[1])


def _window_updates(X, Y, P, D, b0, through_context=True):
    """The training loop's version of ``_forward`` + ``_bptt`` for one parameter set.

    Time-major arrays: X (T, m, d), Y (T, m, l), b0 (m, q). Writes into ``D`` (arrays shaped
    like ``P``) the book's update directions summed over the window's steps and sequences,
    Δ/η: Σ e_h x_i (5.13), Σ e_h b_h'(t-1), -Σ e_h (5.14), Σ g_j b_h (5.11), -Σ g_j (5.12),
    i.e. minus the gradient of the *sum* of E(t). Returns ``(sum of E(t), b(T))``.

    Same numbers as the readable functions above (a test holds them equal), 1.5-2x faster
    (measured on 100 sequences x 15 steps, q = 8; numpy's per-call overhead dominates such
    small arrays): it iterates on h = tanh((alpha - gamma) / 2), since sigmoid(a) =
    (1 + tanh(a / 2)) / 2, which needs three numpy calls per step instead of five, and works
    in place with ``np.dot(..., out=...)``.
    """
    T, m, _ = X.shape
    v, u, gamma, w, theta = (P[k] for k in PARAMETERS)
    # with b = (1 + h) / 2:  (alpha - gamma) / 2 = x v / 2 - gamma / 2 + colsum(u) / 4 + h u / 4
    Z = _dot3(X, 0.5 * v)
    Z += 0.25 * u.sum(axis=0) - 0.5 * gamma                        # (T, m, q)
    U = 0.25 * u
    H = np.empty_like(Z)
    h = 2.0 * b0 - 1.0
    for t in range(T):
        Ht = H[t]
        np.dot(h, U, out=Ht)
        Ht += Z[t]
        np.tanh(Ht, out=Ht)
        h = Ht
    B = H + 1.0
    B *= 0.5                                                       # b(t)
    Y_hat = _sigmoid(_dot3(B, w) - theta)
    diff = Y_hat - Y
    loss = 0.5 * float(np.vdot(diff, diff))
    g = (Y_hat - 1.0) * Y_hat
    g *= diff                                                      # (5.10): ŷ(1 - ŷ)(y - ŷ)
    F = _dot3(g, w.T)                                              # sum_j w_hj g_j(t)
    slope = H * H
    slope -= 1.0
    slope *= -0.25                                                 # b (1 - b) = (1 - h^2) / 4
    if through_context:
        e = np.empty_like(B)
        uT = np.ascontiguousarray(u.T)
        later = np.zeros_like(b0)                                  # e(T + 1) = 0
        for t in range(T - 1, -1, -1):
            et = e[t]
            np.dot(later, uT, out=et)
            et += F[t]
            et *= slope[t]
            later = et
    else:
        e = slope * F
    n = T * m
    q, d, n_out = B.shape[2], X.shape[2], Y.shape[2]
    Bf, ef, gf = B.reshape(n, q), e.reshape(n, q), g.reshape(n, n_out)
    np.dot(X.reshape(n, d).T, ef, out=D["v"])
    np.dot(b0.T, ef[:m], out=D["u"])                               # b(0) feeds step 1 ...
    D["u"] += np.dot(Bf[:-m].T, ef[m:])                            # ... b(t - 1) step t
    np.sum(ef, axis=0, out=D["gamma"])
    D["gamma"] *= -1.0
    np.dot(Bf.T, gf, out=D["w"])
    np.sum(gf, axis=0, out=D["theta"])
    D["theta"] *= -1.0
    return loss, B[-1]


def _as_sequences(value, name, width=None) -> tuple[np.ndarray, int]:
    """(m, T, k) float array from (T,), (T, k) or (m, T, k); also the caller's ndim."""
    arr = as_float_array(value, name, ndim=(1, 2, 3), allow_nan=False)
    ndim = arr.ndim
    if ndim == 1:
        arr = arr[None, :, None]
    elif ndim == 2:
        arr = arr[None]
    if arr.shape[1] == 0 or arr.shape[0] == 0:
        raise ValueError(f"{name} must contain at least one time step; got shape {arr.shape}")
    if arr.shape[2] == 0:
        raise ValueError(f"{name} must have at least one feature per step; got 0 (shape "
                         f"{np.shape(value)})")
    if width is not None and arr.shape[2] != width:
        raise ValueError(f"{name} must have {width} feature(s) per step (the last axis); got "
                         f"{arr.shape[2]}")
    return arr, ndim


def _check_targets(Y, X3, n_out=None) -> np.ndarray:
    Y3, _ = _as_sequences(Y, "Y", n_out)
    if Y3.shape[:2] != X3.shape[:2]:
        raise ValueError(f"Y must have one target per step of X: (sequences, steps) = "
                         f"{X3.shape[:2]}; got {Y3.shape[:2]}")
    if Y3.min() < 0 or Y3.max() > 1:
        raise ValueError(f"Y must lie in [0, 1] (the outputs are sigmoid units); got values "
                         f"from {Y3.min():g} to {Y3.max():g}")
    return Y3


@dataclass(frozen=True)
class ElmanHistory(History):
    """Parameter snapshots recorded during training, for replay without retraining.

    ``epochs[i]`` (also ``steps[i]``, the :class:`~chapter5.training.History` interface) is
    the number of epochs completed at snapshot i (0 = the initial parameters);
    ``params[name]`` stacks that parameter over the snapshots (leading axis).
    """

    epochs: np.ndarray
    params: dict

    @property
    def steps(self) -> np.ndarray:
        return self.epochs

    def snapshot(self, i: int) -> dict:
        """Snapshot ``i``'s parameters by name (copies); the same as :meth:`parameters`."""
        return self.parameters(i)

    def parameters(self, i: int) -> dict:
        """The parameters of snapshot ``i`` by name (copies)."""
        i = check_scalar(i, "i", integer=True, min_value=-len(self), max_value=len(self) - 1)
        return {k: p[i].copy() for k, p in self.params.items()}


# --------------------------------------------------------------------------------------------
# The estimator
# --------------------------------------------------------------------------------------------

class ElmanNetwork(Estimator):
    """An Elman network: sigmoid hidden units that also read their own previous outputs.

    Parameters
    ----------
    n_hidden : int, default 2
        q, the number of hidden units (and of context units).
    eta : float, default 0.5
        Learning rate η > 0.
    n_epochs : int, default 100
        Passes over the training sequences.
    window : int or None, default None
        Truncated BPTT: each epoch walks through the sequences in consecutive windows of this
        many steps, updating the parameters after each window; the error is propagated back
        through time within the window only, while the context (the hidden state) is carried
        on into the next window (Williams & Peng's BPTT(h; h)). None: **full BPTT**, the whole
        sequence is one window and the parameters change once per epoch.
    bptt : bool, default True
        False: Elman's (1990) original rule, which treats the context units as ordinary inputs
        and does not propagate the error back through them (BPTT truncated to one step).
    momentum : float in [0, 1), default 0.0
        Each update adds ``momentum`` times the previous one.
    context_init : float in [0, 1], default 0.5
        b_h(0), the context units' value before the first step (Elman used 0.5).
    init_range : float > 0, default 1.0
        Initial weights and thresholds are uniform in (-init_range, init_range).
    record_every : int or None, default None
        Keep a parameter snapshot every this many epochs (and the last one) in ``history_``;
        None keeps about 200.
    random_state : None, int or numpy.random.Generator

    Attributes
    ----------
    v_ (d, q), u_ (q, q), gamma_ (q,), w_ (q, l), theta_ (l,) : ndarray
        v_ih, u_{h'h} (context unit h' to hidden unit h), γ_h, w_hj, θ_j.
    loss_curve_ : ndarray (n_epochs_,)
        Per epoch, the mean of E(t) over every step met, each window's steps taken with the
        parameters just before that window's update.
    history_ : ElmanHistory
    n_epochs_, n_updates_ : int
    diverged_ : bool, diverged_at_ : int or None
        Whether the parameters blew up, by the package's one rule
        (:func:`chapter5.training.has_diverged`: E or a parameter not finite, or the norm of
        the parameters reaches 10**6), and the epoch (0-based) after which it was seen. That
        epoch is counted in ``loss_curve_`` but undone: the parameters kept are those after
        the epochs before it, and ``history_`` ends with them.
    stop_reason_ : {"max_epochs", "diverged", "callback"}

    Notes
    -----
    The forward pass is (5.3) with the context term added to α_h; the updates are the BP
    updates (5.11)-(5.14) summed over time, with e_h extended by the error that comes back from
    later steps through u (exercise 5.9). See the module docstring.

    scikit-learn: ``get_params``, ``set_params`` and ``clone`` work as for any estimator, but the
    rows of X are the time steps of a sequence, not independent samples, so splitting them
    into cross-validation folds would cut the sequences: split sequences, not rows.

    Examples
    --------
    >>> bits = temporal_xor(300, random_state=0)
    >>> X, Y = next_step_pairs(bits, n_streams=10)
    >>> net = ElmanNetwork(4, eta=2.0, n_epochs=50, window=12, random_state=0).fit(X, Y)
    >>> bool(net.loss_curve_[-1] < net.loss_curve_[0])
    True
    """

    def __init__(self, n_hidden=2, eta=0.5, n_epochs=100, window=None, bptt=True,
                 momentum=0.0, context_init=0.5, init_range=1.0, record_every=None,
                 random_state=None):
        self.n_hidden = n_hidden
        self.eta = eta
        self.n_epochs = n_epochs
        self.window = window
        self.bptt = bptt
        self.momentum = momentum
        self.context_init = context_init
        self.init_range = init_range
        self.record_every = record_every
        self.random_state = random_state

    def _adjust_tags(self, tags):
        tags.target_tags.required = True  # fit(X, Y): a target for every step
        return tags

    # ---- construction ---------------------------------------------------------------------

    @classmethod
    def from_parameters(cls, v, u, gamma, w, theta, **kwargs) -> ElmanNetwork:
        """A network with the given parameters (book names), ready to predict or to train.

        ``fit`` starts from these values instead of random ones.

        Examples
        --------
        >>> net = ElmanNetwork.from_parameters([[1.0]], [[0.0]], [0.0], [[2.0]], [1.0])
        >>> net.predict_proba([1.0, 0.0])[:, 0].round(3).tolist()   # one input, two steps
        [0.614, 0.5]
        """
        P = cls._check_parameters(v, u, gamma, w, theta)
        net = cls(n_hidden=P["v"].shape[1], **kwargs)
        net._initial = P
        net._set_parameters(P)
        return net

    @staticmethod
    def _check_parameters(v, u, gamma, w, theta) -> dict:
        v = as_float_array(v, "v", ndim=2, allow_nan=False)
        q = v.shape[1]
        u = as_float_array(u, "u", ndim=2, allow_nan=False)
        gamma = as_float_array(gamma, "gamma", ndim=1, allow_nan=False)
        w = as_float_array(w, "w", ndim=2, allow_nan=False)
        theta = as_float_array(theta, "theta", ndim=1, allow_nan=False)
        for name, arr, shape in (("u", u, (q, q)), ("gamma", gamma, (q,)),
                                 ("w", w, (q, w.shape[1])), ("theta", theta, (w.shape[1],))):
            if arr.shape != shape:
                raise ValueError(f"{name} must have shape {shape} to match v {v.shape}; got "
                                 f"{arr.shape}")
        return {"v": v, "u": u, "gamma": gamma, "w": w, "theta": theta}

    def _set_parameters(self, P: dict) -> None:
        for k in PARAMETERS:
            setattr(self, f"{k}_", np.array(P[k], dtype=float))
        self.n_features_in_ = self.v_.shape[0]
        self.n_outputs_ = self.w_.shape[1]

    def _validate(self) -> dict:
        s = {
            "q": check_scalar(self.n_hidden, "n_hidden", integer=True, min_value=1),
            "eta": check_scalar(self.eta, "eta", min_value=0.0, include_min=False),
            "epochs": check_scalar(self.n_epochs, "n_epochs", integer=True, min_value=1),
            "window": (None if self.window is None else
                       check_scalar(self.window, "window", integer=True, min_value=1)),
            "momentum": check_scalar(self.momentum, "momentum", min_value=0.0, max_value=1.0,
                                     include_max=False),
            "c0": check_scalar(self.context_init, "context_init", min_value=0.0,
                               max_value=1.0),
            "init_range": check_scalar(self.init_range, "init_range", min_value=0.0,
                                       include_min=False),
            "record_every": (None if self.record_every is None else
                             check_scalar(self.record_every, "record_every", integer=True,
                                          min_value=1)),
        }
        if not isinstance(self.bptt, bool | np.bool_):
            raise TypeError(f"bptt must be True or False; got {self.bptt!r}")
        return s

    # ---- training -------------------------------------------------------------------------

    def initial_parameters(self, n_features: int, n_outputs: int = 1) -> dict:
        """The parameters :meth:`fit` would start from on data with this many inputs and
        outputs (the same draws from ``random_state``), by name, without training.

        >>> net = ElmanNetwork(3, random_state=0)
        >>> P = net.initial_parameters(1)
        >>> bool(np.all(P["u"] == net.fit(np.zeros(4), np.zeros(4)).history_.params["u"][0]))
        True
        """
        s = self._validate()
        d = check_scalar(n_features, "n_features", integer=True, min_value=1)
        n_out = check_scalar(n_outputs, "n_outputs", integer=True, min_value=1)
        return self._init_parameters(d, n_out, s, check_random_state(self.random_state))

    def _init_parameters(self, d: int, n_out: int, s: dict, rng) -> dict:
        initial = getattr(self, "_initial", None)
        if initial is not None:
            if initial["v"].shape[0] != d or initial["w"].shape[1] != n_out:
                raise ValueError(f"the given parameters are for {initial['v'].shape[0]} inputs "
                                 f"and {initial['w'].shape[1]} outputs; the data have {d} and "
                                 f"{n_out}")
            return {k: initial[k].copy() for k in PARAMETERS}
        q, r = s["q"], s["init_range"]
        return {k: rng.uniform(-r, r, size=shape) for k, shape in
                {"v": (d, q), "u": (q, q), "gamma": (q,), "w": (q, n_out),
                 "theta": (n_out,)}.items()}

    def fit(self, X, Y, callback=None) -> ElmanNetwork:
        """Train by gradient descent with BPTT; return self.

        After every epoch the package's :class:`~chapter5.training.EpochMonitor` records the
        error, checks divergence, keeps the history and calls ``callback(info)`` (optional,
        a :class:`~chapter5.training.EpochInfo`; returning True stops training there).

        Parameters
        ----------
        X : array_like, shape (T,), (T, d) or (m, T, d)
            One sequence of T steps (scalar inputs or d inputs per step), or m sequences of
            equal length, trained side by side.
        Y : array_like, shape (T,), (T, l) or (m, T, l), values in [0, 1]
            The target y(t) for every step.
        """
        s = self._validate()
        X3, _ = _as_sequences(X, "X")
        Y3 = _check_targets(Y, X3)
        m, T, d = X3.shape
        n_out = Y3.shape[2]
        P = self._init_parameters(d, n_out, s, check_random_state(self.random_state))
        # every parameter is a view into one flat vector, so an update is three numpy calls
        shapes = {k: P[k].shape for k in PARAMETERS}
        bounds = dict(zip(PARAMETERS, itertools.pairwise(np.cumsum([0] + [
            P[k].size for k in PARAMETERS])), strict=True))

        def views(vec):
            return {k: vec[a:b].reshape(shapes[k]) for k, (a, b) in bounds.items()}

        flat = np.concatenate([P[k].ravel() for k in PARAMETERS])
        directions = np.empty_like(flat)
        P, D = views(flat), views(directions)
        window = T if s["window"] is None else min(s["window"], T)
        every = (max(1, s["epochs"] // 200) if s["record_every"] is None
                 else s["record_every"])
        eta, mom = s["eta"], s["momentum"]
        Xt = np.ascontiguousarray(X3.transpose(1, 0, 2))  # time-major for the loop
        Yt = np.ascontiguousarray(Y3.transpose(1, 0, 2))
        step = np.zeros_like(flat)
        monitor = EpochMonitor(flat, max_epochs=s["epochs"], record_every=every, eta=eta,
                               callback=callback)
        n_updates = 0
        for epoch in range(s["epochs"]):
            context = np.full((m, shapes["v"][1]), s["c0"])
            total = 0.0
            for start in range(0, T, window):
                Xw, Yw = Xt[start:start + window], Yt[start:start + window]
                loss, context = _window_updates(Xw, Yw, P, D, context, bool(self.bptt))
                total += loss
                step *= mom
                step += (eta / (len(Xw) * m)) * directions  # -η ∂E/∂p, E the window's mean
                flat += step
                n_updates += 1
            if monitor.end_epoch(epoch, total / (m * T)):
                break  # diverged (the epoch undone) or stopped by the callback
        monitor.finish()
        self._set_parameters(P)
        self.loss_curve_ = monitor.loss_curve
        self.n_epochs_ = len(self.loss_curve_)
        self.n_updates_ = n_updates
        self.diverged_ = monitor.diverged_at is not None
        self.diverged_at_ = monitor.diverged_at
        self.stop_reason_ = monitor.stop_reason
        snap_epochs, stacked = monitor.history
        self.history_ = ElmanHistory(snap_epochs, {
            k: stacked[:, a:b].reshape(len(stacked), *shapes[k])
            for k, (a, b) in bounds.items()})
        return self

    # ---- prediction and analysis ----------------------------------------------------------

    def _check_fitted(self):
        if not hasattr(self, "v_"):
            raise RuntimeError("this ElmanNetwork has no parameters yet; call fit(X, Y) or "
                               "build it with ElmanNetwork.from_parameters(...)")

    def _params(self) -> dict:
        return {k: getattr(self, f"{k}_")[None] for k in PARAMETERS}

    def _context(self, S, m):
        c0 = check_scalar(self.context_init, "context_init", min_value=0.0, max_value=1.0)
        return np.full((S, m, self.v_.shape[1]), c0)

    def forward(self, X) -> tuple[np.ndarray, np.ndarray]:
        """Hidden outputs b(t) and outputs ŷ(t) for every step, from b(0) = context_init.

        Returns ``(B, Y_hat)`` in the layout of X: (T, q) and (T, l) for one sequence,
        (m, T, q) and (m, T, l) for m sequences.
        """
        self._check_fitted()
        X3, ndim = _as_sequences(X, "X", self.n_features_in_)
        B, Y_hat = _forward(X3, self._params(), self._context(1, len(X3)))
        return (B[0, 0], Y_hat[0, 0]) if ndim < 3 else (B[0], Y_hat[0])

    def predict_proba(self, X) -> np.ndarray:
        """The outputs ŷ(t): (T, l) for one sequence, (m, T, l) for m sequences."""
        return self.forward(X)[1]

    def predict(self, X) -> np.ndarray:
        """ŷ(t) >= 0.5 as ints; the last axis is dropped when there is one output unit."""
        out = (self.predict_proba(X) >= 0.5).astype(int)
        return out[..., 0] if out.shape[-1] == 1 else out

    def error(self, X, Y) -> float:
        """E: the mean over all m * T steps of E(t) = ½ Σ_j (ŷ_j(t) − y_j(t))²."""
        self._check_fitted()
        X3, _ = _as_sequences(X, "X", self.n_features_in_)
        Y3 = _check_targets(Y, X3, self.n_outputs_)
        _, Y_hat = _forward(X3, self._params(), self._context(1, len(X3)))
        return 0.5 * float(np.sum((Y_hat[0] - Y3) ** 2)) / (X3.shape[0] * X3.shape[1])

    def squared_errors(self, X, Y) -> np.ndarray:
        """(ŷ(t) − y(t))² summed over the outputs, per step: shape (T,) or (m, T)."""
        self._check_fitted()
        X3, ndim = _as_sequences(X, "X", self.n_features_in_)
        Y3 = _check_targets(Y, X3, self.n_outputs_)
        _, Y_hat = _forward(X3, self._params(), self._context(1, len(X3)))
        err = np.sum((Y_hat[0] - Y3) ** 2, axis=-1)
        return err[0] if ndim < 3 else err

    def gradients(self, X, Y, bptt=None) -> dict:
        """∂E/∂v, ∂E/∂u, ∂E/∂γ, ∂E/∂w, ∂E/∂θ of :meth:`error` by BPTT over whole sequences.

        ``bptt`` (default: the model's setting) False gives Elman's one-step rule, which
        misses the error coming back from later steps through the context.
        """
        self._check_fitted()
        through = self.bptt if bptt is None else bptt
        if not isinstance(through, bool | np.bool_):
            raise TypeError(f"bptt must be True, False or None; got {bptt!r}")
        X3, _ = _as_sequences(X, "X", self.n_features_in_)
        Y3 = _check_targets(Y, X3, self.n_outputs_)
        P, c = self._params(), self._context(1, len(X3))
        B, Y_hat = _forward(X3, P, c)
        return _bptt(X3, Y3, P, c, B, Y_hat, bool(through))[0]

    def terms(self, X, Y) -> dict:
        """The book's per-step quantities of one BPTT pass (for reading the derivation).

        Returns ``{"b", "y_hat", "g", "e"}`` in the layout of X: b(t) (…, T, q),
        ŷ(t) (…, T, l), g_j(t) (…, T, l) and e_h(t) (…, T, q) with the future term.
        """
        self._check_fitted()
        X3, ndim = _as_sequences(X, "X", self.n_features_in_)
        Y3 = _check_targets(Y, X3, self.n_outputs_)
        P, c = self._params(), self._context(1, len(X3))
        B, Y_hat = _forward(X3, P, c)
        _, g, e = _bptt(X3, Y3, P, c, B, Y_hat, True)
        out = {"b": B[0], "y_hat": Y_hat[0], "g": g, "e": e}
        return {k: (a[0] if ndim < 3 else a) for k, a in out.items()}

    def numerical_gradients(self, X, Y, eps: float = 1e-6) -> dict:
        """Central finite differences (E(p + ε) − E(p − ε)) / 2ε of :meth:`error`, entry by
        entry, for every parameter group (to check :meth:`gradients`)."""
        self._check_fitted()
        eps = check_scalar(eps, "eps", min_value=0.0, include_min=False)
        out = {}
        for k in PARAMETERS:
            p = getattr(self, f"{k}_")
            grad = np.empty_like(p)
            for idx in np.ndindex(p.shape):
                old = p[idx]
                p[idx] = old + eps
                up = self.error(X, Y)
                p[idx] = old - eps
                down = self.error(X, Y)
                p[idx] = old
                grad[idx] = (up - down) / (2 * eps)
            out[k] = grad
        return out

    def evaluate_history(self, X, Y) -> dict:
        """Replay every snapshot of ``history_`` on (X, Y) in one vectorized pass.

        Returns ``{"epochs" (S,), "loss" (S,), "squared_errors" (S, T) or (S, m, T)}``:
        E per snapshot and (ŷ(t) − y(t))² summed over outputs, per step.
        """
        self._check_fitted()
        X3, ndim = _as_sequences(X, "X", self.n_features_in_)
        Y3 = _check_targets(Y, X3, self.n_outputs_)
        h = self.history_
        _, Y_hat = _forward(X3, h.params, self._context(len(h), len(X3)))
        sq = np.sum((Y_hat - Y3[None]) ** 2, axis=-1)  # (S, m, T)
        loss = 0.5 * sq.mean(axis=(1, 2))
        return {"epochs": h.epochs.copy(), "loss": loss,
                "squared_errors": sq[:, 0] if ndim < 3 else sq}

    def __repr__(self) -> str:
        return (f"ElmanNetwork(n_hidden={self.n_hidden!r}, eta={self.eta!r}, "
                f"n_epochs={self.n_epochs!r}, window={self.window!r}, bptt={self.bptt!r})")


def worked_example() -> tuple[ElmanNetwork, np.ndarray, np.ndarray]:
    """A fixed 1-2-1 Elman network and a 3-step sequence, for working BPTT by hand.

    Returns ``(net, x, y)``: x = (1, 0, 1), targets y = (0, 1, 1), each of shape (3,);
    the parameters are round numbers (see ``net.v_``, ``net.u_`` ...).

    Examples
    --------
    >>> net, x, y = worked_example()
    >>> net.u_.tolist()
    [[0.5, -1.0], [1.0, 0.5]]
    """
    net = ElmanNetwork.from_parameters(
        v=[[1.0, -1.0]], u=[[0.5, -1.0], [1.0, 0.5]], gamma=[0.5, -0.5], w=[[1.5], [-2.0]],
        theta=[0.25], context_init=0.5)
    return net, np.array([1.0, 0.0, 1.0]), np.array([0.0, 1.0, 1.0])
