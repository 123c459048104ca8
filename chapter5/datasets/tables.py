"""Tables shipped in ``chapter5/data`` (UTF-8, no downloads): the book's watermelon data sets 3.0
and 3.0α (Chinese as in the book), and two small public UCI sets, Iris and Breast Cancer
Wisconsin (CC BY 4.0; see ``chapter5/data/README.md``)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from importlib import resources

import numpy as np

__all__ = ["WATERMELON_ATTRIBUTES", "WATERMELON_CONTINUOUS", "WATERMELON_TRAIN",
           "WATERMELON_VALIDATION", "TableData", "Watermelon", "breast_cancer", "iris",
           "watermelon_3_0", "watermelon_3_0_alpha"]


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
