"""Input checks shared by every public entry point.

Each helper raises ``TypeError`` (wrong kind of thing) or ``ValueError`` (right kind, wrong
value or shape) with a message that names the argument, says what was expected and shows what
came, so a student sees "w must have 2 entries" rather than a numpy broadcasting traceback.
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable
from typing import Any

import numpy as np

__all__ = [
    "as_float_array",
    "check_bool",
    "check_option",
    "check_random_state",
    "check_samples",
    "check_scalar",
]


def _describe(value: Any) -> str:
    """A short description of ``value`` for error messages."""
    if isinstance(value, np.ndarray):
        return f"an array of dtype {value.dtype} and shape {value.shape}"
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{text} ({type(value).__name__})"


def as_float_array(
    value: Any,
    name: str,
    *,
    ndim: int | Iterable[int] | None = None,
    allow_nan: bool = True,
) -> np.ndarray:
    """Convert ``value`` to a float array, or raise a clear error naming ``name``.

    Parameters
    ----------
    value : array_like
        Numbers (bools count as 0/1). Strings, objects and complex numbers are refused.
    name : str
        The argument's name, used in the error message.
    ndim : int or iterable of int, optional
        Accepted numbers of dimensions, e.g. ``(1, 2)`` for one sample or a batch.
    allow_nan : bool, default True
        If False, NaN or infinite entries raise ``ValueError``.

    Returns
    -------
    numpy.ndarray
        A new float64 array (the caller's array is never modified through it).
    """
    if isinstance(value, str | bytes):
        raise TypeError(f"{name} must be numeric (a number or an array of numbers); got "
                        f"{_describe(value)}")
    try:
        arr = np.asarray(value)
    except (TypeError, ValueError) as exc:  # ragged lists and the like
        raise ValueError(f"{name} must be a rectangular array of numbers; got "
                         f"{_describe(value)}") from exc
    if arr.dtype.kind not in "biuf":
        if arr.dtype.kind == "O":
            try:
                arr = arr.astype(float)
            except (TypeError, ValueError) as exc:
                raise TypeError(f"{name} must be numeric (a number or an array of numbers); "
                                f"got {_describe(value)}") from exc
        else:
            raise TypeError(f"{name} must be numeric (a number or an array of numbers); got "
                            f"{_describe(value)}")
    arr = np.array(arr, dtype=float, copy=True)
    if ndim is not None:
        allowed = (ndim,) if isinstance(ndim, int) else tuple(ndim)
        if arr.ndim not in allowed:
            want = " or ".join(f"{n}-D" for n in allowed)
            raise ValueError(f"{name} must be {want}; got shape {arr.shape}")
    if not allow_nan and not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must contain only finite numbers (no NaN or inf)")
    return arr


def check_scalar(
    value: Any,
    name: str,
    *,
    integer: bool = False,
    min_value: float | None = None,
    max_value: float | None = None,
    include_min: bool = True,
    include_max: bool = True,
) -> float | int:
    """Check a single real number (or integer) and its range; return it as float or int."""
    kind = "an integer" if integer else "a real number"
    wanted = numbers.Integral if integer else numbers.Real
    if isinstance(value, bool | np.bool_) or not isinstance(value, wanted):
        raise TypeError(f"{name} must be {kind}; got {_describe(value)}")
    value = int(value) if integer else float(value)
    if not np.isfinite(value):
        raise ValueError(f"{name} must be finite; got {value}")
    if min_value is not None and (value < min_value or (not include_min and value == min_value)):
        op = ">=" if include_min else ">"
        raise ValueError(f"{name} must be {op} {min_value}; got {value}")
    if max_value is not None and (value > max_value or (not include_max and value == max_value)):
        op = "<=" if include_max else "<"
        raise ValueError(f"{name} must be {op} {max_value}; got {value}")
    return value


def check_bool(value: Any, name: str) -> bool:
    """Check a flag: True or False (numpy's bools too); return it as a Python bool."""
    if not isinstance(value, bool | np.bool_):
        raise TypeError(f"{name} must be True or False; got {_describe(value)}")
    return bool(value)


def check_samples(X: np.ndarray, name: str = "X") -> np.ndarray:
    """Refuse training data without a sample (no rows) or without a feature (no columns).

    ``X`` is an array already checked by :func:`as_float_array`: its first axis holds the
    samples, its last one (for 2-D or more) the features.
    """
    if X.ndim == 0 or X.shape[0] == 0:
        raise ValueError(f"{name} must contain at least one sample; got 0 rows (shape "
                         f"{X.shape})")
    if X.ndim > 1 and X.shape[-1] == 0:
        raise ValueError(f"{name} must have at least one feature; got 0 columns (shape "
                         f"{X.shape})")
    return X


def check_option(value: Any, name: str, options: Iterable[str]) -> str:
    """Check that ``value`` is one of ``options`` (case-insensitive); return it lower-cased."""
    options = list(options)
    valid = ", ".join(repr(o) for o in options)
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a string, one of {valid}; got {_describe(value)}")
    key = value.strip().lower()
    if key not in options:
        raise ValueError(f"unknown {name} {value!r}; valid {name}s are {valid}")
    return key


def check_random_state(random_state: Any) -> np.random.Generator:
    """Turn ``random_state`` (None, int or ``numpy.random.Generator``) into a Generator.

    An int seeds a fresh ``numpy.random.default_rng``; a Generator is used as given (so a caller
    can share one stream across calls); None draws fresh OS entropy (not reproducible).
    """
    if random_state is None:
        return np.random.default_rng()
    if isinstance(random_state, np.random.Generator):
        return random_state
    if isinstance(random_state, numbers.Integral) and not isinstance(random_state, bool):
        if random_state < 0:
            raise ValueError(f"random_state must be a non-negative integer; got {random_state}")
        return np.random.default_rng(int(random_state))
    raise TypeError("random_state must be None, a non-negative int or a numpy.random.Generator; "
                    f"got {_describe(random_state)}")
