"""Logic gates and Boolean functions of two inputs (§5.1-5.2): truth tables as ``(X, y)``."""

from __future__ import annotations

import itertools

import numpy as np

from .._validation import as_float_array, check_option, check_scalar
from ._labels import tr

__all__ = ["BOOLEAN_FUNCTIONS", "GATES", "binary_inputs", "logic_gate", "name_boolean_function"]


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
    (0, 0, 0, 0): tr("constant 0"),
    (0, 0, 0, 1): tr("AND"),
    (0, 0, 1, 0): tr("x1 AND NOT x2"),
    (0, 0, 1, 1): tr("x1"),
    (0, 1, 0, 0): tr("NOT x1 AND x2"),
    (0, 1, 0, 1): tr("x2"),
    (0, 1, 1, 0): tr("XOR"),
    (0, 1, 1, 1): tr("OR"),
    (1, 0, 0, 0): tr("NOR"),
    (1, 0, 0, 1): tr("XNOR"),
    (1, 0, 1, 0): tr("NOT x2"),
    (1, 0, 1, 1): tr("x1 OR NOT x2"),
    (1, 1, 0, 0): tr("NOT x1"),
    (1, 1, 0, 1): tr("NOT x1 OR x2"),
    (1, 1, 1, 0): tr("NAND"),
    (1, 1, 1, 1): tr("constant 1"),
}
"""All 16 Boolean functions of two inputs, keyed by their outputs on (0,0), (0,1), (1,0), (1,1).
Fourteen of them are linearly separable; XOR and XNOR are the two a single neuron cannot make.
The names are English (and keys of :func:`~chapter5.neuron.realizable_functions`); a display
translates one with ``chapter5.i18n.tr(name)``."""


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
