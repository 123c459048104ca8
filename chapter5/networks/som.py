"""§5.5.3 Self-organizing maps (자기 조직화 지도), Kohonen 1982.

A SOM is a grid of neurons, each with a weight vector w_u in the input space. The book (§5.5.3,
Fig. 5.11) describes the training in words and gives no numbered equation; the usual form is:
for a sample x, the **best-matching unit** (BMU), the neuron whose weights are closest, wins

    u* = argmin_u |x - w_u|

and it and its grid neighbours move towards the sample,

    w_u <- w_u + eta(t) h_u(t) (x - w_u),   h_u(t) = exp(-|r_u - r_u*|^2 / (2 sigma(t)^2)),

where r_u is neuron u's position on the grid (not in the input space), and the learning rate
eta(t) and the radius sigma(t) shrink over time. Neighbouring neurons thus learn similar weights:
the map keeps the topology of the data (close inputs -> close neurons).

Two schedules for eta(t) and sigma(t) over T updates, p0 the starting value and ``decay`` the
rate:

    "exponential"  p(t) = p0 exp(-decay t / T)
    "asymptotic"   p(t) = p0 / (1 + decay t / T)   (MiniSom's default with decay = 2)

sigma(t) never goes below 0.5 grid units (:data:`SIGMA_MIN`), so the neighbours of the winner
keep learning a little until the end.

Conventions: the map has ``rows x cols`` neurons, numbered row by row (unit u = row * cols +
col); ``weights_[row, col]`` is w_u. Neighbours on the grid are the neurons at grid distance 1:
4 on a rectangular grid, 6 on a hexagonal one (odd rows shifted right by half a unit).
"""

from __future__ import annotations

import copy

import numpy as np

from .._estimator import Estimator, TransformerMixin
from .._validation import (
    _describe,
    as_float_array,
    check_option,
    check_random_state,
    check_scalar,
)
from ..training import EpochInfo, History

__all__ = ["SCHEDULES", "SIGMA_MIN", "SOM", "decay_schedule", "grid_positions",
           "neighbourhood", "som_step"]

SCHEDULES = ("exponential", "asymptotic")
TOPOLOGIES = ("rectangular", "hexagonal")
INITS = ("random", "sample")
SIGMA_MIN = 0.5
"""The smallest neighbourhood radius sigma(t) used in training, in grid units."""
_NEAR = 1.01  # grid distance up to which two neurons are neighbours (they are 1 apart)


def grid_positions(rows: int, cols: int, topology: str = "rectangular") -> np.ndarray:
    """Positions r_u of the ``rows x cols`` neurons on the grid, shape (rows * cols, 2).

    Column ``x`` then row ``y``; on a hexagonal grid odd rows are shifted right by 1/2 and rows
    are sqrt(3)/2 apart, so each inner neuron has 6 neighbours at distance 1.

    Examples
    --------
    >>> grid_positions(2, 3).tolist()
    [[0.0, 0.0], [1.0, 0.0], [2.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, 1.0]]
    """
    rows = check_scalar(rows, "rows", integer=True, min_value=1)
    cols = check_scalar(cols, "cols", integer=True, min_value=1)
    topology = check_option(topology, "topology", TOPOLOGIES)
    r, c = np.meshgrid(np.arange(rows), np.arange(cols), indexing="ij")
    x, y = c.astype(float), r.astype(float)
    if topology == "hexagonal":
        x = x + 0.5 * (r % 2)
        y = y * np.sqrt(3) / 2
    return np.column_stack([x.ravel(), y.ravel()])


def neighbourhood(grid, bmu: int, sigma: float) -> np.ndarray:
    """The Gaussian neighbourhood h_u = exp(-|r_u - r_bmu|^2 / (2 sigma^2)) of every neuron.

    Parameters
    ----------
    grid : array (n_units, 2)
        Neuron positions r_u (see :func:`grid_positions`).
    bmu : int
        The winner u*.
    sigma : float > 0
        The radius, in grid units.

    Examples
    --------
    >>> neighbourhood(grid_positions(1, 3), 0, 1.0).round(4).tolist()   # exp(0), exp(-1/2), exp(-2)
    [1.0, 0.6065, 0.1353]
    """
    grid = as_float_array(grid, "grid", ndim=2, allow_nan=False)
    bmu = check_scalar(bmu, "bmu", integer=True, min_value=0, max_value=len(grid) - 1)
    sigma = check_scalar(sigma, "sigma", min_value=0.0, include_min=False)
    d2 = ((grid - grid[bmu]) ** 2).sum(axis=1)
    return np.exp(-d2 / (2 * sigma ** 2))


def som_step(W, x, eta: float, sigma: float, topology: str = "rectangular"):
    """One SOM update for one sample: ``(new weights, bmu (row, col), h)``.

    Finds the BMU u* = argmin_u |x - w_u| and moves every neuron by
    eta h_u (x - w_u); ``W`` itself is not changed.

    Parameters
    ----------
    W : array (rows, cols, d)
        The weights w_u.
    x : array (d,)
        The sample.
    eta : float in (0, 1]
        The learning rate eta(t) of this step.
    sigma : float > 0
        The neighbourhood radius sigma(t) of this step, in grid units.
    topology : {"rectangular", "hexagonal"}
        The grid geometry (see :func:`grid_positions`).

    Returns
    -------
    W_new : ndarray (rows, cols, d)
    bmu : tuple (row, col)
    h : ndarray (rows, cols), the neighbourhood factors

    Notes
    -----
    The book's §5.5.3 describes this step in words and numbers no equation; the formulas are
    those of the module notes (Kohonen's algorithm with a Gaussian neighbourhood).

    Examples
    --------
    >>> W = np.array([[[0.0], [1.0], [2.0]]])            # a 1 x 3 chain on a line
    >>> W_new, bmu, h = som_step(W, [0.8], eta=0.5, sigma=1.0)
    >>> bmu, W_new[0, :, 0].round(4).tolist()
    ((0, 1), [0.2426, 0.9, 1.6361])
    """
    W = as_float_array(W, "W", ndim=3, allow_nan=False)
    rows, cols, d = W.shape
    x = as_float_array(x, "x", ndim=1, allow_nan=False)
    if x.shape != (d,):
        raise ValueError(f"x must have {d} entries (one per input dimension of W); got "
                         f"{x.shape[0]}")
    eta = check_scalar(eta, "eta", min_value=0.0, include_min=False, max_value=1.0)
    flat = W.reshape(-1, d)
    bmu = int(np.argmin(((flat - x) ** 2).sum(axis=1)))
    h = neighbourhood(grid_positions(rows, cols, topology), bmu, sigma)
    W_new = flat + (eta * h)[:, None] * (x - flat)
    return W_new.reshape(rows, cols, d), divmod(bmu, cols), h.reshape(rows, cols)


def decay_schedule(p0: float, T: int, decay: float = 1.0,
                   schedule: str = "exponential") -> np.ndarray:
    """p(t) for t = 0 .. T-1: ``p0 exp(-decay t / T)`` or ``p0 / (1 + decay t / T)``.

    Parameters
    ----------
    p0 : float > 0
        The starting value: eta(0) or sigma(0).
    T : int >= 1
        The number of updates.
    decay : float >= 0
        The rate; 0 keeps p(t) = p0.
    schedule : {"exponential", "asymptotic"}

    Examples
    --------
    >>> decay_schedule(0.5, 4, decay=2.0, schedule="asymptotic").tolist()
    [0.5, 0.3333333333333333, 0.25, 0.2]
    """
    p0 = check_scalar(p0, "p0", min_value=0.0, include_min=False)
    T = check_scalar(T, "T", integer=True, min_value=1)
    decay = check_scalar(decay, "decay", min_value=0.0)
    schedule = check_option(schedule, "schedule", SCHEDULES)
    t = np.arange(T)
    if schedule == "exponential":
        return p0 * np.exp(-decay * t / T)
    return p0 / (1 + decay * t / T)  # written as MiniSom writes it: t / (T / 2) for decay 2


class SOMHistory(History):
    """The map's weights at the start and after every ``record_every`` epochs or iterations.

    ``weights`` has shape (n_snapshots, rows, cols, d); ``steps`` the updates done at each
    snapshot (0 first, T last; ``unit = "update"``). Indexing and ``np.asarray`` give the
    weights as before (``history_[k]`` is the map after ``steps[k]`` updates); the package's
    :class:`~chapter5.training.History` interface adds ``locate(t)`` and ``snapshot(k)``.
    """

    unit = "update"

    def __init__(self, steps, weights):
        self.steps = np.asarray(steps)
        self.weights = np.asarray(weights)

    def __getitem__(self, k):
        return self.weights[k]

    def __array__(self, dtype=None, copy=None):
        return self.weights if dtype is None else self.weights.astype(dtype)

    @property
    def shape(self) -> tuple:
        return self.weights.shape

    def snapshot(self, i: int) -> dict:
        """``{"weights": (rows, cols, d)}`` of snapshot ``i`` (a copy)."""
        return {"weights": self.weights[i].copy()}

    def __repr__(self) -> str:
        return f"SOMHistory({len(self)} snapshots, updates {self.steps[0]}..{self.steps[-1]})"


class SOM(TransformerMixin, Estimator):
    """A rows x cols self-organizing map, trained one sample at a time.

    Parameters
    ----------
    rows, cols : int
        The grid; at least two neurons in all.
    sigma : float, default None
        Starting neighbourhood radius sigma(0) in grid units (None: max(rows, cols) / 2).
    eta : float in (0, 1], default 0.5
        Starting learning rate eta(0).
    decay : float >= 0, default 1.0
        How fast eta(t) and sigma(t) shrink (see ``schedule``); 0 keeps them constant.
    topology : {"rectangular", "hexagonal"}, default "rectangular"
        Grid geometry for the distances between neurons.
    n_epochs : int, default 20
        Passes over the data (T = n_epochs * m updates), used when ``n_iterations`` is None.
    record_every : int, optional
        Keep the weights in ``history_`` every this many epochs (iterations when
        ``n_iterations`` is set), plus at the start and the end. None: every epoch, or every
        max(1, T // 50) iterations (50 snapshots after the start when 50 divides T).
    random_state : None, int or numpy.random.Generator
        Draws the initial weights and the sample order.
    schedule : {"exponential", "asymptotic"}, default "exponential"
        p(t) = p0 exp(-decay t / T) or p0 / (1 + decay t / T), over T updates (module notes).
        Keyword only, like the three below.
    n_iterations : int, optional
        T single-sample updates instead of epochs. The samples are drawn as MiniSom's
        ``train_random`` draws them: each sample T/m times (as evenly as possible), in a
        random order.
    shuffle : bool, default True
        Present the samples in a random order (per epoch, or over all T iterations); False:
        in the order of X, cyclically.
    init : {"random", "sample"} or array (rows, cols, d), default "random"
        Starting weights: uniform in the bounding box of the data, randomly drawn samples
        (with replacement, as MiniSom's ``random_weights_init``), or the given array.

    Attributes
    ----------
    weights_ : ndarray (rows, cols, d)
    grid_ : ndarray (rows * cols, 2)
        Neuron positions r_u on the grid.
    edges_ : int ndarray (n_edges, 2)
        Pairs of neighbouring neurons (u < v), for U-matrices and for drawing the map.
    history_ : SOMHistory
        The weights at the start and after every ``record_every`` epochs or iterations;
        ``history_[k]`` (rows, cols, d), ``history_.shape`` (n_snapshots, rows, cols, d).
    history_steps_ : int ndarray (n_snapshots,)
        The number of updates done at each snapshot (0 first, T last): ``history_.steps``.
    quantization_errors_ : ndarray (n_snapshots,)
        The quantization error on the training data at each snapshot.
    eta_schedule_, sigma_schedule_ : ndarray (T,)
        eta(t) and sigma(t) as used at each update.
    n_iter_ : int
        T, the number of updates done (fewer if a callback stopped training).
    stop_reason_ : {"max_epochs", "n_iterations", "callback"}
        Why training stopped: all the planned updates were done (counted in epochs or in
        iterations), or ``fit``'s callback asked to stop.

    Notes
    -----
    Kohonen (1982); the book's §5.5.3 describes the training in words and numbers no equation.
    One update is :func:`som_step` (the formulas are in the module notes). With
    ``schedule="asymptotic"``, ``decay=2``, ``init="sample"`` and ``n_iterations`` this is
    the algorithm of MiniSom's ``train_random`` with a Gaussian neighbourhood (as long as
    sigma(t) stays above :data:`SIGMA_MIN`). Topographic error and U-matrix use the 4 (or 6)
    nearest neighbours; MiniSom counts diagonal neighbours on a rectangular grid too.

    Examples
    --------
    >>> X = np.linspace(0, 1, 50)[:, None]
    >>> som = SOM(1, 5, n_epochs=30, random_state=0).fit(X)
    >>> w = som.weights_[0, :, 0]
    >>> bool(np.all(np.diff(w) > 0) or np.all(np.diff(w) < 0))   # ordered along the line
    True
    """

    def __init__(self, rows, cols, sigma=None, eta=0.5, decay=1.0, topology="rectangular",
                 n_epochs=20, record_every=None, random_state=None, *, schedule="exponential",
                 n_iterations=None, shuffle=True, init="random"):
        # the first nine in their original order; the later additions by keyword only
        self.rows = rows
        self.cols = cols
        self.sigma = sigma
        self.eta = eta
        self.decay = decay
        self.topology = topology
        self.n_epochs = n_epochs
        self.record_every = record_every
        self.random_state = random_state
        self.schedule = schedule
        self.n_iterations = n_iterations
        self.shuffle = shuffle
        self.init = init

    # -- training -----------------------------------------------------------------------------

    def _initial_weights(self, X, n_units, rng):
        if isinstance(self.init, str):
            how = check_option(self.init, "init", INITS)
            if how == "sample":
                return X[rng.integers(len(X), size=n_units)].copy()
            return rng.uniform(X.min(axis=0), X.max(axis=0), size=(n_units, X.shape[1]))
        W = as_float_array(self.init, "init", ndim=3, allow_nan=False)
        want = (self.rows, self.cols, X.shape[1])
        if W.shape != want:
            raise ValueError(f"init must be 'random', 'sample' or weights of shape (rows, cols, "
                             f"d) = {want}; got shape {W.shape}")
        return W.reshape(n_units, -1)

    def _order(self, m, rng):
        """The index of the sample presented at each update t = 0 .. T-1."""
        if self.n_iterations is not None:
            T = check_scalar(self.n_iterations, "n_iterations", integer=True, min_value=1)
            order = np.arange(T) % m  # each sample T/m times, as MiniSom's train_random
            if self.shuffle:
                rng.shuffle(order)
            return order
        epochs = check_scalar(self.n_epochs, "n_epochs", integer=True, min_value=1)
        return np.concatenate([rng.permutation(m) if self.shuffle else np.arange(m)
                               for _ in range(epochs)])

    def _validate(self, X):
        """Check X and every setting; return what training needs."""
        X = as_float_array(X, "X", ndim=2, allow_nan=False)
        if len(X) == 0 or X.shape[1] == 0:
            raise ValueError(f"X must have at least one row and one column; got shape {X.shape}")
        rows = check_scalar(self.rows, "rows", integer=True, min_value=1)
        cols = check_scalar(self.cols, "cols", integer=True, min_value=1)
        if rows * cols < 2:
            raise ValueError(f"rows * cols must be at least 2 (a map needs neighbours); got "
                             f"{rows} x {cols}")
        eta0 = check_scalar(self.eta, "eta", min_value=0.0, include_min=False, max_value=1.0)
        sigma0 = (max(rows, cols) / 2 if self.sigma is None
                  else check_scalar(self.sigma, "sigma", min_value=0.0, include_min=False))
        decay = check_scalar(self.decay, "decay", min_value=0.0)
        schedule = check_option(self.schedule, "schedule", SCHEDULES)
        if not isinstance(self.shuffle, bool | np.bool_):
            raise TypeError(f"shuffle must be True or False; got {_describe(self.shuffle)}")
        if self.record_every is not None:
            check_scalar(self.record_every, "record_every", integer=True, min_value=1)
        check_scalar(self.n_epochs, "n_epochs", integer=True, min_value=1)  # even if unused
        return X, rows, cols, eta0, sigma0, decay, schedule

    def _layout(self, rows: int, cols: int) -> np.ndarray:
        """Set ``grid_`` and ``edges_``; return the squared grid distances (n_units, n_units)."""
        grid = grid_positions(rows, cols, self.topology)
        self.grid_ = grid
        grid_d2 = ((grid[:, None, :] - grid[None, :, :]) ** 2).sum(axis=2)
        u, v = np.nonzero(np.triu((grid_d2 > 0) & (grid_d2 < _NEAR ** 2)))
        self.edges_ = np.column_stack([u, v])
        return grid_d2

    def initial_weights(self, X) -> np.ndarray:
        """The weights (rows, cols, d) that :meth:`fit` would start from on X: the same draws
        from ``random_state``, without training (e.g. the first picture of a live training).

        Examples
        --------
        >>> X = np.random.default_rng(0).random((20, 2))
        >>> som = SOM(2, 3, n_epochs=1, random_state=1)
        >>> bool(np.array_equal(som.initial_weights(X), som.fit(X).history_[0]))
        True
        """
        X, rows, cols, *_ = self._validate(X)
        rng = check_random_state(self.random_state)
        return self._initial_weights(X, rows * cols, rng).reshape(rows, cols, -1)

    def with_weights(self, W) -> SOM:
        """A copy of this map's settings holding the weights ``W`` (rows, cols, d): its grid
        is laid out, so :meth:`bmu`, :meth:`u_matrix`, :meth:`topographic_error` ... work,
        but it has no history (a map in the middle of its training, for a picture).

        Examples
        --------
        >>> som = SOM(1, 3).with_weights([[[0.0], [1.0], [3.0]]])
        >>> som.u_matrix().tolist()
        [[1.0, 1.5, 2.0]]
        """
        rows = check_scalar(self.rows, "rows", integer=True, min_value=1)
        cols = check_scalar(self.cols, "cols", integer=True, min_value=1)
        W = as_float_array(W, "W", ndim=3, allow_nan=False)
        if W.shape[:2] != (rows, cols):
            raise ValueError(f"W must have shape (rows, cols, d) = ({rows}, {cols}, d); got "
                             f"{W.shape}")
        other = copy.copy(self)
        for name in ("history_", "history_steps_", "quantization_errors_", "n_iter_",
                     "eta_schedule_", "sigma_schedule_", "stop_reason_"):
            other.__dict__.pop(name, None)
        other._layout(rows, cols)
        other.weights_ = W.copy()
        other.n_features_in_ = W.shape[2]
        return other

    def fit(self, X, y=None, callback=None) -> SOM:
        """Train on X (m, d), one sample per update (y is ignored: unsupervised); returns
        self.

        ``callback(info)`` (optional) is called at every snapshot of the history (every
        ``record_every`` epochs or iterations, and after the last update) with a
        :class:`~chapter5.training.EpochInfo` in which ``epoch`` is the number of updates
        done, ``max_epochs`` is T, ``loss`` the quantization error on X, ``eta`` the rate
        of the last update and ``params`` the weights (n_units, d, read-only); returning
        True stops training there (``stop_reason_ == "callback"``; the map and its history
        end at that update). Without a callback, or one that never stops, the result is the
        same.
        """
        X, rows, cols, eta0, sigma0, decay, schedule = self._validate(X)
        if callback is not None and not callable(callback):
            raise TypeError(f"callback must be callable or None; got {_describe(callback)}")
        rng = check_random_state(self.random_state)
        m = len(X)
        W = self._initial_weights(X, rows * cols, rng)
        order = self._order(m, rng)
        T = len(order)
        if self.record_every is None:
            every = m if self.n_iterations is None else max(1, T // 50)
        else:
            every = self.record_every * (m if self.n_iterations is None else 1)

        grid_d2 = self._layout(rows, cols)
        self.eta_schedule_ = decay_schedule(eta0, T, decay, schedule)
        self.sigma_schedule_ = np.maximum(decay_schedule(sigma0, T, decay, schedule), SIGMA_MIN)

        # The loop below is the update rule of the module notes, written to allocate nothing
        # per step: D = W - x is reused for both the BMU search and the update
        # (w_u + eta h_u (x - w_u) = w_u - eta h_u D_u), and -1 / (2 sigma(t)^2) is precomputed.
        # The weights are kept transposed, one input dimension per row (d, n_units), so that
        # |x - w_u|^2 adds d contiguous rows: ~4x faster than summing n_units rows of length d.
        coef = (-0.5 / self.sigma_schedule_ ** 2).tolist()
        etas = self.eta_schedule_.tolist()
        WT = np.ascontiguousarray(W.T)
        DT, D2T = np.empty_like(WT), np.empty_like(WT)
        d2, h = np.empty(len(W)), np.empty(len(W))
        add_reduce = np.add.reduce  # (ndarray.sum adds a Python wrapper: ~1 us a call)
        samples = X[order][:, :, None]  # each sample as a (d, 1) column
        snapshots, steps = [W.copy()], [0]
        self.stop_reason_ = "max_epochs" if self.n_iterations is None else "n_iterations"
        for t, (x, eta_t, c_t) in enumerate(zip(samples, etas, coef, strict=True), start=1):
            np.subtract(WT, x, out=DT)
            np.multiply(DT, DT, out=D2T)
            add_reduce(D2T, axis=0, out=d2)  # |x - w_u|^2
            np.multiply(grid_d2[d2.argmin()], c_t, out=h)
            np.exp(h, out=h)  # h_u(t)
            h *= eta_t
            DT *= h
            WT -= DT
            if t % every == 0 or t == T:
                snapshots.append(WT.T.copy())
                steps.append(t)
                if callback is not None and self._report(callback, X, snapshots[-1], t, T,
                                                         eta_t) and t < T:
                    self.stop_reason_ = "callback"
                    break
        self.n_iter_ = steps[-1]
        self.n_features_in_ = X.shape[1]
        self.weights_ = snapshots[-1].reshape(rows, cols, -1).copy()
        self.history_ = SOMHistory(steps, np.array(snapshots).reshape(len(snapshots), rows,
                                                                      cols, -1))
        self.history_steps_ = self.history_.steps
        self.quantization_errors_ = _quantization_errors(X, snapshots)
        return self

    @staticmethod
    def _report(callback, X, W, t: int, T: int, eta_t: float) -> bool:
        """Call ``callback`` with the snapshot just taken; True: it asks to stop."""
        view = W.view()
        view.flags.writeable = False
        info = EpochInfo(t, float(_quantization_errors(X, [W])[0]), None, eta_t, view, T)
        return bool(callback(info))

    # -- using a trained map ------------------------------------------------------------------

    def _check(self, X):
        if not hasattr(self, "weights_"):
            raise RuntimeError("this SOM is not fitted yet; call fit(X) first")
        X = as_float_array(X, "X", ndim=2, allow_nan=False)
        if X.shape[1] != self.weights_.shape[2]:
            raise ValueError(f"X must have {self.weights_.shape[2]} columns; got {X.shape[1]}")
        return X

    def _flat(self):
        return self.weights_.reshape(-1, self.weights_.shape[2])

    def transform(self, X) -> np.ndarray:
        """|x - w_u| for every sample and neuron, shape (m, rows * cols)."""
        return np.sqrt(_squared_distances(self._check(X), self._flat()))

    def bmu(self, X) -> np.ndarray:
        """Index u* = row * cols + col of each sample's best-matching unit, shape (m,)."""
        return np.argmin(self.transform(X), axis=1)

    predict = bmu

    def quantization_error(self, X) -> float:
        """Mean distance |x - w_u*| from each sample to its BMU's weights."""
        return float(np.mean(self.transform(X).min(axis=1)))

    def topographic_error(self, X) -> float:
        """Share of samples whose best and second-best units are not grid neighbours.

        The topographic error of Kiviluoto (1996): 0 when the map keeps the topology."""
        best2 = np.argsort(self.transform(X), axis=1, kind="stable")[:, :2]
        gap = np.linalg.norm(self.grid_[best2[:, 0]] - self.grid_[best2[:, 1]], axis=1)
        return float(np.mean(gap > _NEAR))

    def hit_map(self, X) -> np.ndarray:
        """How many samples each neuron wins, shape (rows, cols)."""
        counts = np.bincount(self.bmu(X), minlength=self.rows * self.cols)
        return counts.reshape(self.rows, self.cols)

    def u_matrix(self) -> np.ndarray:
        """Mean distance |w_u - w_v| from each neuron to its grid neighbours v, (rows, cols).

        The U-matrix of Ultsch and Siemon (1990). High values are borders between groups of
        similar neurons (clusters in the data)."""
        if not hasattr(self, "weights_"):
            raise RuntimeError("this SOM is not fitted yet; call fit(X) first")
        u, v = self.edges_.T
        W = self._flat()
        length = np.linalg.norm(W[u] - W[v], axis=1)
        n = len(W)
        total = np.bincount(u, length, n) + np.bincount(v, length, n)
        count = np.bincount(u, minlength=n) + np.bincount(v, minlength=n)
        return (total / count).reshape(self.rows, self.cols)

    def component_planes(self) -> np.ndarray:
        """The weights one input dimension at a time, shape (d, rows, cols)."""
        if not hasattr(self, "weights_"):
            raise RuntimeError("this SOM is not fitted yet; call fit(X) first")
        return np.moveaxis(self.weights_, 2, 0).copy()

    def snapshot(self, k: int) -> SOM:
        """The map as it was at ``history_[k]`` (after ``history_steps_[k]`` updates).

        A copy sharing everything but the weights, so every method (BMUs, errors, U-matrix)
        works on it. Examples: ``som.snapshot(0).u_matrix()`` is the U-matrix before training.
        """
        if not hasattr(self, "history_"):
            raise RuntimeError("this SOM is not fitted yet; call fit(X) first")
        n = len(self.history_)
        k = check_scalar(k, "k", integer=True, min_value=-n, max_value=n - 1)
        other = copy.copy(self)
        other.weights_ = self.history_[k].copy()
        return other


def _squared_distances(X, W) -> np.ndarray:
    """|x - w_u|^2 for every row of X (m, d) and W (n, d), shape (m, n).

    Summed one input dimension at a time: exact differences (no |x|^2 - 2 x.w + |w|^2
    cancellation) and no (m, n, d) temporary, ~10x faster than broadcasting for small d."""
    d2 = (X[:, :1] - W[:, 0]) ** 2
    for k in range(1, X.shape[1]):
        d2 += (X[:, k:k + 1] - W[:, k]) ** 2
    return d2


def _quantization_errors(X, snapshots) -> np.ndarray:
    """The quantization error of each snapshot (n, d) of the weights on X (m, d).

    Uses min_u |x - w_u|^2 = |x|^2 + min_u (|w_u|^2 - 2 x.w_u): one matrix product and one
    pass per snapshot (4x faster than exact differences; the rounding, ~1e-16 |x|^2, is far
    below what the history is read for). Clipped at 0 before the square root."""
    x2 = (X ** 2).sum(axis=1)
    out = np.empty(len(snapshots))
    for k, W in enumerate(snapshots):
        part = (W ** 2).sum(axis=1) - 2 * (X @ W.T)
        out[k] = np.mean(np.sqrt(np.maximum(x2 + part.min(axis=1), 0.0)))
    return out
