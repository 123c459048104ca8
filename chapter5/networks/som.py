"""§5.5.3 Self-organizing maps (자기 조직화 지도), Kohonen 1982.

A SOM is a grid of neurons, each with a weight vector in the input space. For every sample the
**best-matching unit** (BMU), the neuron whose weights are closest, wins; it and its neighbours
on the grid move towards the sample:

    w_u <- w_u + eta(t) h(u, bmu, t) (x - w_u),   h = exp(-d_grid(u, bmu)^2 / (2 sigma(t)^2))

with the learning rate and the radius decaying over time. Neighbouring neurons thus learn
similar weights: the map keeps the topology of the data (close inputs -> close neurons).
"""

from __future__ import annotations

import numpy as np

from .._validation import as_float_array, check_option, check_random_state, check_scalar

__all__ = ["SOM"]


class SOM:
    """A rows x cols self-organizing map.

    Parameters
    ----------
    rows, cols : int
    sigma : float, default None
        Starting neighbourhood radius in grid units (None: max(rows, cols) / 2).
    eta : float, default 0.5
        Starting learning rate.
    decay : float, default 1.0
        eta(t) = eta exp(-decay t / T) and sigma(t) = sigma exp(-decay t / T) over T steps
        (sigma never below 0.5).
    topology : {"rectangular", "hexagonal"}
        Grid geometry for the distances between neurons.
    n_epochs : int, default 20
    record_every : int, default 1
        Keep the weights every this many epochs in ``history_`` (for replay).
    random_state : None, int or numpy.random.Generator

    Attributes
    ----------
    weights_ (rows, cols, d), grid_ (rows * cols, 2) neuron coordinates,
    history_ (snapshots, rows, cols, d), quantization_errors_ (per epoch)

    Examples
    --------
    >>> X = np.linspace(0, 1, 50)[:, None]
    >>> som = SOM(1, 5, n_epochs=30, random_state=0).fit(X)
    >>> w = som.weights_[0, :, 0]
    >>> bool(np.all(np.diff(w) > 0) or np.all(np.diff(w) < 0))   # ordered along the line
    True
    """

    def __init__(self, rows, cols, sigma=None, eta=0.5, decay=1.0, topology="rectangular",
                 n_epochs=20, record_every=1, random_state=None):
        self.rows = rows
        self.cols = cols
        self.sigma = sigma
        self.eta = eta
        self.decay = decay
        self.topology = topology
        self.n_epochs = n_epochs
        self.record_every = record_every
        self.random_state = random_state

    def _grid(self):
        topology = check_option(self.topology, "topology", ("rectangular", "hexagonal"))
        r, c = np.meshgrid(np.arange(self.rows), np.arange(self.cols), indexing="ij")
        x, y = c.astype(float), r.astype(float)
        if topology == "hexagonal":  # odd rows shifted by half a unit, rows sqrt(3)/2 apart
            x = x + 0.5 * (r % 2)
            y = y * np.sqrt(3) / 2
        return np.column_stack([x.ravel(), y.ravel()])

    def fit(self, X) -> SOM:
        """Train on X (m, d): samples in a new random order each epoch."""
        X = as_float_array(X, "X", ndim=2, allow_nan=False)
        rows = check_scalar(self.rows, "rows", integer=True, min_value=1)
        cols = check_scalar(self.cols, "cols", integer=True, min_value=1)
        eta0 = check_scalar(self.eta, "eta", min_value=0.0, include_min=False, max_value=1.0)
        sigma0 = (max(rows, cols) / 2 if self.sigma is None
                  else check_scalar(self.sigma, "sigma", min_value=0.0, include_min=False))
        decay = check_scalar(self.decay, "decay", min_value=0.0)
        epochs = check_scalar(self.n_epochs, "n_epochs", integer=True, min_value=1)
        every = check_scalar(self.record_every, "record_every", integer=True, min_value=1)
        rng = check_random_state(self.random_state)
        self.grid_ = self._grid()
        grid_d2 = ((self.grid_[:, None, :] - self.grid_[None, :, :]) ** 2).sum(axis=2)
        W = rng.uniform(X.min(axis=0), X.max(axis=0), size=(rows * cols, X.shape[1]))
        T = epochs * len(X)
        t = 0
        history, qe = [W.reshape(rows, cols, -1).copy()], []
        for epoch in range(epochs):
            for k in rng.permutation(len(X)):
                x = X[k]
                bmu = int(np.argmin(((W - x) ** 2).sum(axis=1)))
                frac = np.exp(-decay * t / T)
                sigma = max(sigma0 * frac, 0.5)
                h = np.exp(-grid_d2[bmu] / (2 * sigma ** 2))
                W += (eta0 * frac * h)[:, None] * (x - W)
                t += 1
            self.weights_ = W.reshape(rows, cols, -1)
            qe.append(self.quantization_error(X))
            if (epoch + 1) % every == 0 or epoch == epochs - 1:
                history.append(self.weights_.copy())
        self.weights_ = W.reshape(rows, cols, -1).copy()
        self.history_ = np.array(history)
        self.quantization_errors_ = np.array(qe)
        return self

    def _check(self, X):
        if not hasattr(self, "weights_"):
            raise RuntimeError("this SOM is not fitted yet; call fit(X) first")
        X = as_float_array(X, "X", ndim=2, allow_nan=False)
        if X.shape[1] != self.weights_.shape[2]:
            raise ValueError(f"X must have {self.weights_.shape[2]} columns; got {X.shape[1]}")
        return X

    def _distances(self, X):
        W = self.weights_.reshape(-1, self.weights_.shape[2])
        return ((X[:, None, :] - W[None, :, :]) ** 2).sum(axis=2)

    def bmu(self, X) -> np.ndarray:
        """Index (row * cols + col) of each sample's best-matching unit."""
        return np.argmin(self._distances(self._check(X)), axis=1)

    def quantization_error(self, X) -> float:
        """Mean distance from each sample to its BMU's weights."""
        return float(np.mean(np.sqrt(self._distances(self._check(X)).min(axis=1))))

    def topographic_error(self, X) -> float:
        """Share of samples whose two best units are not neighbours on the grid."""
        d = self._distances(self._check(X))
        best2 = np.argsort(d, axis=1)[:, :2]
        gap = np.linalg.norm(self.grid_[best2[:, 0]] - self.grid_[best2[:, 1]], axis=1)
        return float(np.mean(gap > 1.01))

    def hit_map(self, X) -> np.ndarray:
        """How many samples each neuron wins, shape (rows, cols)."""
        counts = np.bincount(self.bmu(X), minlength=self.rows * self.cols)
        return counts.reshape(self.rows, self.cols)

    def u_matrix(self) -> np.ndarray:
        """Mean distance from each neuron's weights to its grid neighbours' (rows, cols)."""
        if not hasattr(self, "weights_"):
            raise RuntimeError("this SOM is not fitted yet; call fit(X) first")
        W = self.weights_.reshape(-1, self.weights_.shape[2])
        near = np.linalg.norm(self.grid_[:, None, :] - self.grid_[None, :, :], axis=2)
        near = (near > 0) & (near < 1.01)
        dist = np.linalg.norm(W[:, None, :] - W[None, :, :], axis=2)
        return (np.where(near, dist, 0).sum(axis=1) / near.sum(axis=1)).reshape(
            self.rows, self.cols)

    def component_planes(self) -> np.ndarray:
        """The weights one input dimension at a time, shape (d, rows, cols)."""
        if not hasattr(self, "weights_"):
            raise RuntimeError("this SOM is not fitted yet; call fit(X) first")
        return np.moveaxis(self.weights_, 2, 0).copy()
