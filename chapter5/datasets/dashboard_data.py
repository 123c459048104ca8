"""The data behind the dashboards, one builder per dashboard, with the names its menu offers.

Each builder checks its name against the dashboard's options (a ValueError names the argument
the dashboard passes it under) and returns the same arrays every time (fixed seeds). The
builders that take only a name are cached and return read-only arrays: a dashboard reads them
on every redraw. :mod:`chapter5.widgets` re-exports each builder from its dashboard's module.
"""

from __future__ import annotations

import functools

import numpy as np

from .._validation import check_option, check_random_state, check_scalar
from ..networks.cascade import two_spirals
from ._labels import tr
from .logic import logic_gate
from .points import ART_SEQUENCES, TOY_SETS, art_sequence, linearly_separable, toy_2d
from .tables import watermelon_3_0, watermelon_3_0_alpha

__all__ = [
    "ART_DATASETS",
    "CASCADE_DATASETS",
    "PLAYGROUND_DATASETS",
    "RBF_DATASETS",
    "REPLAY_DATASETS",
    "SOM_DATASETS",
    "art_data",
    "cascade_data",
    "playground_data",
    "rbf_data",
    "replay_data",
    "som_data",
]


# --- 5.2 perceptron replay ---------------------------------------------------------------------

REPLAY_DATASETS = {
    "and": tr("AND"),
    "or": tr("OR"),
    "nand": tr("NAND"),
    "nor": tr("NOR"),
    "xor": tr("XOR (not separable)"),
    "wide": tr("30 points, wide margin"),
    "narrow": tr("30 points, narrow margin"),
}
"""Data sets the replay offers: value -> label shown in the dropdown (English; the dropdown
translates it). The names of every table here are marked ``tr("...")`` (see
:mod:`chapter5.datasets._labels`) and have a Korean entry in the catalog."""


def replay_data(name: str) -> tuple[np.ndarray, np.ndarray]:
    """The (X, y) behind a :data:`REPLAY_DATASETS` entry (fixed seeds: the same every time).

    Examples
    --------
    >>> X, y = replay_data("wide")
    >>> X.shape, sorted(set(y.tolist()))
    ((30, 2), [0, 1])
    """
    name = check_option(name, "dataset", REPLAY_DATASETS)
    if name == "wide":
        return linearly_separable(30, margin=0.15, random_state=1)
    if name == "narrow":
        return linearly_separable(30, margin=0.01, w=(1.0, -1.3), theta=-0.15, random_state=2)
    return logic_gate(name)


# --- 5.3 BP playground ---------------------------------------------------------------------------

PLAYGROUND_DATASETS = (*TOY_SETS, tr("watermelon"))
N_POINTS = 200


def playground_data(dataset: str, noise: float, seed: int):
    """(X_train, y_train, X_val, y_val, extent): 200 toy points split 70/30 by ``seed``, or
    watermelon 3.0α with the book's split (the noise does not apply to it).

    Examples
    --------
    >>> [len(a) for a in playground_data("moons", 0.1, 0)[:4]]
    [140, 140, 60, 60]
    """
    dataset = check_option(dataset, "dataset", PLAYGROUND_DATASETS)
    if dataset == "watermelon":
        X, y = watermelon_3_0_alpha()
        wm = watermelon_3_0()
        return (X[wm.train], y[wm.train], X[wm.validation], y[wm.validation],
                (0.15, 0.85, -0.05, 0.55))
    X, y = toy_2d(dataset, n=N_POINTS, noise=noise, random_state=seed)
    order = check_random_state(seed).permutation(len(X))
    cut = int(0.7 * len(X))
    train, val = order[:cut], order[cut:]
    return X[train], y[train], X[val], y[val], (-1.6, 1.6, -1.6, 1.6)


# --- 5.5.1 RBF explorer --------------------------------------------------------------------------

RBF_DATASETS = (tr("xor"), tr("watermelon 3.0α"), tr("moons"), tr("circles"))


@functools.cache
def rbf_data(name: str) -> tuple[np.ndarray, np.ndarray, tuple]:
    """``(X, y, extent)`` for the explorer. Watermelon 3.0α is standardized (z-scores per
    column) so that one β range suits every set; the toy sets are noisy on purpose.

    Examples
    --------
    >>> X, y, extent = rbf_data("moons")
    >>> X.shape, X.flags.writeable
    ((150, 2), False)
    """
    name = check_option(name, "dataset", RBF_DATASETS)
    if name == "xor":
        X, y = logic_gate("xor")
        X = X.astype(float)
        extent = (-0.6, 1.6, -0.6, 1.6)
    elif name == "watermelon 3.0α":
        X, y = watermelon_3_0_alpha()
        X = (X - X.mean(axis=0)) / X.std(axis=0)
        extent = (-2.4, 2.4, -2.4, 2.4)
    else:
        X, y = toy_2d(name, n=150, noise=0.25 if name == "moons" else 0.15, random_state=0)
        extent = (-2.0, 2.0, -2.0, 2.0)
    X.setflags(write=False)
    y.setflags(write=False)
    return X, y, extent


# --- 5.5.2 ART replay ----------------------------------------------------------------------------

ART_DATASETS = ART_SEQUENCES  # "three clusters", "a new cluster arrives", "uniform"


@functools.cache
def art_data(name: str) -> np.ndarray:
    """:func:`chapter5.datasets.art_sequence`, computed once and read-only.

    Examples
    --------
    >>> art_data("uniform").flags.writeable
    False
    """
    X = art_sequence(check_option(name, "dataset", ART_DATASETS))
    X.setflags(write=False)
    return X


# --- 5.5.3 SOM explorer --------------------------------------------------------------------------

SOM_DATASETS = (tr("square"), tr("circles"), tr("moons"), tr("watermelon 3.0α"))


@functools.cache
def som_data(name: str) -> np.ndarray:
    """The explorer's 2-D data (fixed, seed 0): 400 points uniform in the unit square, two
    noisy circles or moons, or watermelon 3.0α standardized (z-scores per column).

    Examples
    --------
    >>> som_data("square").shape
    (400, 2)
    """
    name = check_option(name, "data", SOM_DATASETS)
    if name == "square":
        X = np.random.default_rng(0).uniform(0.0, 1.0, size=(400, 2))
    elif name == "watermelon 3.0α":
        X, _ = watermelon_3_0_alpha()
        X = (X - X.mean(axis=0)) / X.std(axis=0)
    else:
        X, _ = toy_2d(name, n=400, noise=0.06, random_state=0)
    X.setflags(write=False)
    return X


# --- 5.5.4 cascade-correlation growth ------------------------------------------------------------

CASCADE_DATASETS = (tr("two_spirals"), tr("circles"), tr("moons"), tr("xor"))
N_TRAIN, N_HELD_OUT = 80, 1000  # toy sets: small training data, a large held-out set


def cascade_data(dataset: str, noise: float = 0.0, seed: int = 0):
    """``(X, y, X_test, y_test)`` for the dashboard.

    "two_spirals": Lang & Witbrock's 194 points for training and, held out, the 192 points
    halfway between them along the spirals (density 2, odd points). Toy sets: 80 training
    points of :func:`chapter5.datasets.toy_2d` and 1000 held-out points from the same
    distribution. ``noise`` is the standard deviation of Gaussian noise on each coordinate, in
    the data's units (the toy sets span about -1.2 .. 1.2; neighbouring arms of the two spirals
    are 1 apart); training and held-out points get independent noise (seeds ``seed`` and
    ``10_000 + seed``).

    Examples
    --------
    >>> [len(a) for a in cascade_data("two_spirals")]
    [194, 194, 192, 192]
    """
    dataset = check_option(dataset, "dataset", CASCADE_DATASETS)
    noise = check_scalar(noise, "noise", min_value=0.0, max_value=0.5)
    seed = check_scalar(seed, "seed", integer=True, min_value=0)
    if dataset == "two_spirals":
        X, y = two_spirals()
        X2, y2 = two_spirals(density=2)
        n = len(X2) // 2  # 193 points per spiral; the odd ones lie between the classic ones
        odd = np.r_[1:n:2, n + 1:2 * n:2]
        X_test, y_test = X2[odd], y2[odd]
        if noise:
            X = X + np.random.default_rng(seed).normal(scale=noise, size=X.shape)
            X_test = X_test + np.random.default_rng(10_000 + seed).normal(scale=noise,
                                                                           size=X_test.shape)
        return X, y, X_test, y_test
    X, y = toy_2d(dataset, n=N_TRAIN, noise=noise, random_state=seed)
    X_test, y_test = toy_2d(dataset, n=N_HELD_OUT, noise=noise, random_state=10_000 + seed)
    return X, y, X_test, y_test
