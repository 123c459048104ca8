"""Point sets in the plane: linearly separable sets (§5.2), toy 2-D classification sets (as in
TensorFlow Playground), Gaussian blobs, and the sample orders of the ART replay (§5.5.2)."""

from __future__ import annotations

import numpy as np

from .._validation import as_float_array, check_option, check_random_state, check_scalar
from ._labels import tr

__all__ = ["ART_SEQUENCES", "TOY_SETS", "art_sequence", "blobs_2d", "linearly_separable", "toy_2d"]


def linearly_separable(n: int = 30, margin: float = 0.1, w=(1.0, 0.6), theta: float = 0.8,
                       random_state=0) -> tuple[np.ndarray, np.ndarray]:
    """``n`` points in the unit square, labelled by the side of the line ``w . x = theta``.

    Every point lies at least ``margin`` from the line, so the set is linearly separable with
    margin >= ``margin`` (Novikoff's bound applies); both classes are present.

    Parameters
    ----------
    n : int, default 30
    margin : float, default 0.1
        Minimum distance of each point from the line, in [0, 0.4].
    w : array_like of shape (2,), theta : float
        The separating line; label 1 where ``w . x >= theta``.
    random_state : None, int or numpy.random.Generator, default 0

    Returns
    -------
    X : ndarray (n, 2), y : int ndarray (n,)

    Examples
    --------
    >>> X, y = linearly_separable(10, margin=0.05)
    >>> X.shape, sorted(set(y.tolist()))
    ((10, 2), [0, 1])
    """
    n = check_scalar(n, "n", integer=True, min_value=2, max_value=100_000)
    margin = check_scalar(margin, "margin", min_value=0.0, max_value=0.4)
    w = as_float_array(w, "w", ndim=1, allow_nan=False)
    if w.shape != (2,) or not np.any(w):
        raise ValueError(f"w must be a non-zero vector of 2 numbers; got {w.tolist()}")
    theta = check_scalar(theta, "theta")
    rng = check_random_state(random_state)
    unit = w / np.linalg.norm(w)
    t = theta / np.linalg.norm(w)
    X = np.empty((0, 2))
    for _ in range(1000):
        cand = rng.uniform(0.0, 1.0, size=(4 * n, 2))
        X = np.vstack([X, cand[np.abs(cand @ unit - t) >= margin]])
        y = (X @ unit >= t).astype(int)
        if len(X) >= n and 0 < y[:n].sum() < n:
            return X[:n], y[:n]
    raise ValueError(f"could not place {n} points of both classes at distance >= {margin} "
                     f"from the line {w.tolist()} . x = {theta} inside the unit square")


# --- Toy 2-D classification sets (as in TensorFlow Playground) --------------------------------

TOY_SETS = (tr("xor"), tr("circles"), tr("moons"), tr("spiral"))  # display: i18n.tr(name)


def toy_2d(name: str, n: int = 200, noise: float = 0.1,
           random_state=0) -> tuple[np.ndarray, np.ndarray]:
    """A two-class toy set in the plane: "xor", "circles", "moons" or "spiral".

    Parameters
    ----------
    name : {"xor", "circles", "moons", "spiral"}
    n : int, default 200
        Number of points (split as evenly as possible between the classes).
    noise : float, default 0.1
        Standard deviation of the Gaussian noise added to each coordinate, in [0, 1].
    random_state : None, int or numpy.random.Generator, default 0

    Returns
    -------
    X : ndarray (n, 2), roughly within [-1.5, 1.5]^2
    y : int ndarray (n,), labels in {0, 1}

    Examples
    --------
    >>> X, y = toy_2d("moons", n=10, noise=0.0)
    >>> X.shape, sorted(set(y.tolist()))
    ((10, 2), [0, 1])
    """
    name = check_option(name, "name", TOY_SETS)
    n = check_scalar(n, "n", integer=True, min_value=4, max_value=100_000)
    noise = check_scalar(noise, "noise", min_value=0.0, max_value=1.0)
    rng = check_random_state(random_state)
    n1 = n // 2
    n0 = n - n1
    y = np.concatenate([np.zeros(n0, dtype=int), np.ones(n1, dtype=int)])
    if name == "xor":
        X = rng.uniform(-1.0, 1.0, size=(n, 2))
        y = (X[:, 0] * X[:, 1] < 0).astype(int)  # class 1 in the 2nd and 4th quadrants
    elif name == "circles":
        r = np.concatenate([rng.uniform(0.0, 0.5, n0), rng.uniform(0.8, 1.2, n1)])
        a = rng.uniform(0.0, 2 * np.pi, n)
        X = np.column_stack([r * np.cos(a), r * np.sin(a)])
    elif name == "moons":
        t0, t1 = rng.uniform(0.0, np.pi, n0), rng.uniform(0.0, np.pi, n1)
        X = np.vstack([np.column_stack([np.cos(t0), np.sin(t0)]),
                       np.column_stack([1.0 - np.cos(t1), 0.5 - np.sin(t1)])])
        X = (X - [0.5, 0.25]) / 1.2
    else:  # two interleaved spirals, 1.25 turns each
        t = np.concatenate([rng.uniform(0.0, 1.0, n0), rng.uniform(0.0, 1.0, n1)])
        angle = t * 2.5 * np.pi + np.where(y == 1, np.pi, 0.0)
        X = np.column_stack([t * np.cos(angle), t * np.sin(angle)]) * 1.2
    X = X + rng.normal(scale=noise, size=X.shape)
    return X, y


def blobs_2d(centres=((0.2, 0.25), (0.75, 0.3), (0.45, 0.8)), n: int = 25,
             spread: float = 0.05, random_state=0) -> tuple[np.ndarray, np.ndarray]:
    """Gaussian clusters in the unit square, one after another (for ART's online replays).

    Parameters
    ----------
    centres : sequence of (x1, x2) pairs in [0, 1]
    n : int, default 25
        Points per cluster.
    spread : float, default 0.05
        Standard deviation of each cluster; points are clipped to [0, 1].
    random_state : None, int or numpy.random.Generator, default 0

    Returns
    -------
    X : ndarray (n * len(centres), 2) in [0, 1]^2, cluster by cluster (not shuffled)
    cluster : int ndarray, the index of each point's cluster

    Examples
    --------
    >>> X, c = blobs_2d(n=2)
    >>> X.shape, c.tolist()
    ((6, 2), [0, 0, 1, 1, 2, 2])
    """
    C = as_float_array(centres, "centres", ndim=2, allow_nan=False)
    if C.shape[1] != 2 or np.any((C < 0) | (C > 1)):
        raise ValueError(f"centres must be (x1, x2) pairs in [0, 1]; got {C.tolist()}")
    n = check_scalar(n, "n", integer=True, min_value=1, max_value=10_000)
    spread = check_scalar(spread, "spread", min_value=0.0, max_value=1.0)
    rng = check_random_state(random_state)
    X = np.vstack([c + rng.normal(scale=spread, size=(n, 2)) for c in C])
    return np.clip(X, 0.0, 1.0), np.repeat(np.arange(len(C)), n)


ART_SEQUENCES = (tr("three clusters"), tr("a new cluster arrives"), tr("uniform"))


def art_sequence(name: str) -> np.ndarray:
    """The samples of an ART replay, in the order they are presented (60 points in [0, 1]^2).

    "three clusters": the three clusters of :func:`blobs_2d` interleaved in a random order;
    "a new cluster arrives": two clusters (40 points, interleaved), then a third, far away
    (20 points), as in the stability-plasticity demonstration; "uniform": uniform points.

    Examples
    --------
    >>> art_sequence("a new cluster arrives").shape
    (60, 2)
    """
    name = check_option(name, "name", ART_SEQUENCES)
    rng = np.random.default_rng(5)
    if name == "uniform":
        return rng.uniform(0.0, 1.0, size=(60, 2))
    if name == "three clusters":
        X, _ = blobs_2d(n=20, spread=0.06, random_state=rng)
        return X[rng.permutation(len(X))]
    old, _ = blobs_2d(((0.2, 0.25), (0.75, 0.3)), n=20, spread=0.06, random_state=rng)
    new, _ = blobs_2d(((0.5, 0.82),), n=20, spread=0.06, random_state=rng)
    return np.vstack([old[rng.permutation(len(old))], new])
