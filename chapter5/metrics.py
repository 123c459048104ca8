"""Accuracy and confusion matrices, so every trained classifier reports more than its loss."""

from __future__ import annotations

import numpy as np

from ._validation import as_float_array, check_scalar

__all__ = ["accuracy", "confusion_matrix", "labels_from_outputs"]


def labels_from_outputs(outputs) -> np.ndarray:
    """Class labels from network outputs: ``y_hat >= 0.5`` for one output unit, else the unit
    with the largest output (one unit per class).

    Examples
    --------
    >>> labels_from_outputs([[0.2], [0.7]]).tolist()
    [0, 1]
    >>> labels_from_outputs([[0.1, 0.8, 0.3]]).tolist()
    [1]
    """
    out = as_float_array(outputs, "outputs", ndim=(1, 2))
    if out.ndim == 1 or out.shape[1] == 1:
        return (out.reshape(-1) >= 0.5).astype(int)
    return np.argmax(out, axis=1)


def _labels(y, name) -> np.ndarray:
    y = as_float_array(y, name, ndim=(1, 2), allow_nan=False)
    if y.ndim == 2:
        y = labels_from_outputs(y)
    if np.any(y != np.round(y)) or np.any(y < 0):
        raise ValueError(f"{name} must hold class labels 0, 1, 2, ...; got {np.unique(y)[:5]}")
    return y.astype(int)


def accuracy(y_true, y_pred) -> float:
    """Fraction of samples whose predicted class is right (labels, or outputs per class).

    Examples
    --------
    >>> accuracy([0, 1, 1, 0], [0, 1, 0, 0])
    0.75
    """
    t, p = _labels(y_true, "y_true"), _labels(y_pred, "y_pred")
    if t.shape != p.shape:
        raise ValueError(f"y_true and y_pred must have the same length; got {len(t)} and "
                         f"{len(p)}")
    return float(np.mean(t == p))


def confusion_matrix(y_true, y_pred, n_classes: int | None = None) -> np.ndarray:
    """``C[i, j]`` = number of samples of class i predicted as class j.

    Examples
    --------
    >>> confusion_matrix([0, 1, 1, 2], [0, 1, 2, 2]).tolist()
    [[1, 0, 0], [0, 1, 1], [0, 0, 1]]
    """
    t, p = _labels(y_true, "y_true"), _labels(y_pred, "y_pred")
    if t.shape != p.shape:
        raise ValueError(f"y_true and y_pred must have the same length; got {len(t)} and "
                         f"{len(p)}")
    k = int(max(t.max(initial=0), p.max(initial=0))) + 1
    if n_classes is not None:
        k_given = check_scalar(n_classes, "n_classes", integer=True, min_value=1)
        if k_given < k:
            raise ValueError(f"n_classes must be at least {k} for these labels; got {k_given}")
        k = k_given
    C = np.zeros((k, k), dtype=int)
    np.add.at(C, (t, p), 1)
    return C
