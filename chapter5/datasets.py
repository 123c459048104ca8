"""Small data sets the chapter uses, generated or shipped inside the package (no downloads).

The logic gates of §5.1-5.2 (truth tables as ``(X, y)``) with a name for every Boolean function
of two inputs, linearly separable point sets, and the book's watermelon data sets 3.0 and 3.0α
(read from ``chapter5/data/watermelon_3_0.csv``, UTF-8, Chinese as in the book).
"""

from __future__ import annotations

import csv
import io
import itertools
from dataclasses import dataclass
from importlib import resources

import numpy as np

from ._validation import as_float_array, check_option, check_random_state, check_scalar

__all__ = [
    "ART_SEQUENCES",
    "BOOLEAN_FUNCTIONS",
    "GATES",
    "art_sequence",
    "bars_and_stripes",
    "binary_inputs",
    "blobs_2d",
    "breast_cancer",
    "iris",
    "letter_sequence",
    "linearly_separable",
    "logic_gate",
    "name_boolean_function",
    "temporal_xor",
    "toy_2d",
    "two_spirals",
    "watermelon_3_0",
    "watermelon_3_0_alpha",
]


def binary_inputs(d: int = 2) -> np.ndarray:
    """All ``2**d`` binary input vectors in counting order, shape ``(2**d, d)``.

    Examples
    --------
    >>> binary_inputs(2)
    array([[0., 0.],
           [0., 1.],
           [1., 0.],
           [1., 1.]])
    """
    d = check_scalar(d, "d", integer=True, min_value=1, max_value=16)
    return np.array(list(itertools.product((0.0, 1.0), repeat=d)))


# Outputs on the inputs (0,0), (0,1), (1,0), (1,1), in that order.
GATES: dict[str, tuple[int, ...]] = {
    "and": (0, 0, 0, 1),
    "or": (0, 1, 1, 1),
    "nand": (1, 1, 1, 0),
    "nor": (1, 0, 0, 0),
    "xor": (0, 1, 1, 0),
    "not": (1, 0),  # one input: NOT x on x = 0, 1
}
"""Truth tables of the named gates: outputs in the order of :func:`binary_inputs`."""

BOOLEAN_FUNCTIONS: dict[tuple[int, int, int, int], str] = {
    (0, 0, 0, 0): "constant 0",
    (0, 0, 0, 1): "AND",
    (0, 0, 1, 0): "x1 AND NOT x2",
    (0, 0, 1, 1): "x1",
    (0, 1, 0, 0): "NOT x1 AND x2",
    (0, 1, 0, 1): "x2",
    (0, 1, 1, 0): "XOR",
    (0, 1, 1, 1): "OR",
    (1, 0, 0, 0): "NOR",
    (1, 0, 0, 1): "XNOR",
    (1, 0, 1, 0): "NOT x2",
    (1, 0, 1, 1): "x1 OR NOT x2",
    (1, 1, 0, 0): "NOT x1",
    (1, 1, 0, 1): "NOT x1 OR x2",
    (1, 1, 1, 0): "NAND",
    (1, 1, 1, 1): "constant 1",
}
"""All 16 Boolean functions of two inputs, keyed by their outputs on (0,0), (0,1), (1,0), (1,1).
Fourteen of them are linearly separable; XOR and XNOR are the two a single neuron cannot make."""


def logic_gate(name: str) -> tuple[np.ndarray, np.ndarray]:
    """Truth table of a logic gate as a tiny data set ``(X, y)``.

    Parameters
    ----------
    name : {"and", "or", "nand", "nor", "xor", "not"}
        Case-insensitive.

    Returns
    -------
    X : numpy.ndarray of shape (4, 2), or (2, 1) for "not"
        The binary inputs, in counting order.
    y : numpy.ndarray of int, shape (4,) or (2,)
        Labels in {0, 1}.

    Examples
    --------
    >>> X, y = logic_gate("and")
    >>> y
    array([0, 0, 0, 1])
    """
    key = check_option(name, "gate", GATES)
    y = np.array(GATES[key], dtype=int)
    return binary_inputs(1 if key == "not" else 2), y


def name_boolean_function(y) -> str:
    """Name the Boolean function of two inputs whose outputs on the four binary inputs are ``y``.

    Parameters
    ----------
    y : array_like of shape (4,)
        Outputs on (0,0), (0,1), (1,0), (1,1); each must be 0 or 1 (or -1/+1, read as 0/1).

    Examples
    --------
    >>> name_boolean_function([0, 1, 1, 1])
    'OR'
    >>> name_boolean_function([-1, 1, 1, -1])
    'XOR'
    """
    y = as_float_array(y, "y", ndim=1, allow_nan=False)
    if y.shape != (4,):
        raise ValueError(f"y must hold the outputs on the 4 binary inputs; got shape {y.shape}")
    if np.all(np.isin(y, (-1.0, 1.0))) and np.any(y == -1.0):
        y = (y + 1.0) / 2.0
    if not np.all(np.isin(y, (0.0, 1.0))):
        raise ValueError(f"y must contain only 0/1 (or -1/+1) outputs; got {y.tolist()}")
    return BOOLEAN_FUNCTIONS[tuple(int(v) for v in y)]


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


# --- Watermelon data set 3.0 (the book's Table 4.3) and 3.0alpha (Table 4.5) -----------------

WATERMELON_ATTRIBUTES = (
    # (Chinese column, English name, Korean name, English values by Chinese value)
    ("色泽", "colour", "색깔", {"青绿": "green", "乌黑": "dark", "浅白": "light"}),
    ("根蒂", "root", "꼭지", {"蜷缩": "curled", "稍蜷": "slightly curled", "硬挺": "stiff"}),
    ("敲声", "sound", "소리", {"浊响": "dull", "沉闷": "muffled", "清脆": "crisp"}),
    ("纹理", "texture", "무늬", {"清晰": "clear", "稍糊": "slightly blurry", "模糊": "blurry"}),
    ("脐部", "navel", "배꼽", {"凹陷": "sunken", "稍凹": "slightly sunken", "平坦": "flat"}),
    ("触感", "touch", "촉감", {"硬滑": "hard-smooth", "软粘": "soft-sticky"}),
)
"""The six categorical attributes, in table order, with their values in the book's order."""

WATERMELON_CONTINUOUS = (("密度", "density", "밀도"), ("含糖率", "sugar", "당도"))
WATERMELON_TRAIN = (1, 2, 3, 6, 7, 10, 14, 15, 16, 17)
"""Melon ids of the book's training set (§4.3); the other seven are the validation set."""
WATERMELON_VALIDATION = (4, 5, 8, 9, 11, 12, 13)


@dataclass(frozen=True)
class Watermelon:
    """Watermelon data set 3.0, read from the CSV shipped in ``chapter5/data`` (UTF-8).

    Attributes
    ----------
    ids : int array (17,)
        The book's melon numbers 1-17 (rows 1-8 are good melons).
    raw : dict of str -> tuple
        Every column as printed in the book (Chinese headers and values; numbers as floats).
    X : ndarray (17, 19)
        One-hot encoding of the six categorical attributes (3+3+3+3+3+2 = 17 columns, in the
        order of :data:`WATERMELON_ATTRIBUTES`) followed by density and sugar content.
    y : int array (17,)
        1 for a good melon (好瓜 = 是), else 0.
    feature_names : tuple of str
        English names of the 19 columns of X, e.g. ``"colour=green"``.
    train, validation : int arrays
        Row indices (0-based) of the book's split: ids 1,2,3,6,7,10,14,15,16,17 / 4,5,8,9,11,12,13.
    """

    ids: np.ndarray
    raw: dict
    X: np.ndarray
    y: np.ndarray
    feature_names: tuple
    train: np.ndarray
    validation: np.ndarray

    def english(self, column: str) -> tuple:
        """A categorical column's values in English, e.g. ``english("colour")``."""
        for zh, en, ko, values in WATERMELON_ATTRIBUTES:
            if column in (zh, en, ko):
                return tuple(values[v] for v in self.raw[zh])
        valid = ", ".join(repr(a[1]) for a in WATERMELON_ATTRIBUTES)
        raise ValueError(f"unknown column {column!r}; categorical columns are {valid}")


def watermelon_3_0() -> Watermelon:
    """The book's watermelon data set 3.0 (Table 4.3): 17 melons, 6 categorical + 2 numeric.

    Examples
    --------
    >>> wm = watermelon_3_0()
    >>> wm.X.shape, int(wm.y.sum()), wm.feature_names[0], wm.feature_names[-1]
    ((17, 19), 8, 'colour=green', 'sugar')
    >>> wm.english("colour")[:3]
    ('green', 'dark', 'dark')
    """
    text = (resources.files("chapter5") / "data" / "watermelon_3_0.csv").read_text("utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    header, body = rows[0], rows[1:]
    cols = {name: [r[k] for r in body] for k, name in enumerate(header)}
    raw = {"编号": tuple(int(v) for v in cols["编号"])}
    blocks, names = [], []
    for zh, en, _ko, values in WATERMELON_ATTRIBUTES:
        raw[zh] = tuple(cols[zh])
        for value_zh, value_en in values.items():
            blocks.append([1.0 if v == value_zh else 0.0 for v in cols[zh]])
            names.append(f"{en}={value_en}")
    for zh, en, _ko in WATERMELON_CONTINUOUS:
        raw[zh] = tuple(float(v) for v in cols[zh])
        blocks.append(list(raw[zh]))
        names.append(en)
    raw["好瓜"] = tuple(cols["好瓜"])
    ids = np.array(raw["编号"])
    index = {i: k for k, i in enumerate(ids)}
    return Watermelon(
        ids=ids, raw=raw, X=np.array(blocks).T, y=np.array([v == "是" for v in raw["好瓜"]],
                                                            dtype=int),
        feature_names=tuple(names),
        train=np.array([index[i] for i in WATERMELON_TRAIN]),
        validation=np.array([index[i] for i in WATERMELON_VALIDATION]))


def watermelon_3_0_alpha() -> tuple[np.ndarray, np.ndarray]:
    """Watermelon data set 3.0α (Table 4.5): density and sugar content of the 17 melons.

    Returns
    -------
    X : ndarray (17, 2)
        Columns: density (密度), sugar content (含糖率).
    y : int ndarray (17,)
        1 for a good melon.

    Examples
    --------
    >>> X, y = watermelon_3_0_alpha()
    >>> X[0].tolist(), int(y[0])
    ([0.697, 0.46], 1)
    """
    wm = watermelon_3_0()
    return wm.X[:, -2:].copy(), wm.y.copy()


# --- Toy 2-D classification sets (as in TensorFlow Playground) --------------------------------

TOY_SETS = ("xor", "circles", "moons", "spiral")


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


ART_SEQUENCES = ("three clusters", "a new cluster arrives", "uniform")


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


# --- Two small public data sets (UCI, CC BY 4.0; see chapter5/data/README.md) ----------------

@dataclass(frozen=True)
class TableData:
    """A shipped classification table: ``X`` (m, d), integer labels ``y``, and their names."""

    X: np.ndarray
    y: np.ndarray
    feature_names: tuple
    target_names: tuple

    def one_hot(self) -> np.ndarray:
        """Targets as an (m, classes) 0/1 matrix, for one sigmoid output unit per class."""
        return np.eye(len(self.target_names))[self.y]


def _read_table(filename: str, target_names: tuple) -> TableData:
    text = (resources.files("chapter5") / "data" / filename).read_text("utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    header, body = rows[0], rows[1:]
    index = {name: k for k, name in enumerate(target_names)}
    X = np.array([[float(v) for v in r[:-1]] for r in body])
    y = np.array([index[r[-1]] for r in body], dtype=int)
    return TableData(X, y, tuple(header[:-1]), target_names)


def iris() -> TableData:
    """Fisher's Iris data: 150 flowers, 4 measurements (cm), 3 species (labels 0, 1, 2).

    Examples
    --------
    >>> d = iris()
    >>> d.X.shape, d.target_names, np.bincount(d.y).tolist()
    ((150, 4), ('setosa', 'versicolor', 'virginica'), [50, 50, 50])
    """
    return _read_table("iris.csv", ("setosa", "versicolor", "virginica"))


def breast_cancer() -> TableData:
    """Breast Cancer Wisconsin (Diagnostic): 569 tumours, 30 features; 0 malignant, 1 benign.

    Examples
    --------
    >>> d = breast_cancer()
    >>> d.X.shape, np.bincount(d.y).tolist()
    ((569, 30), [212, 357])
    """
    return _read_table("breast_cancer_wisconsin.csv", ("malignant", "benign"))


# --- Sequences and binary patterns of §5.5, generated where their networks live ----------------
# (re-exported here so every data set of the chapter is in one place)
from .networks.boltzmann import bars_and_stripes  # noqa: E402
from .networks.cascade import two_spirals  # noqa: E402
from .networks.elman import letter_sequence, temporal_xor  # noqa: E402
