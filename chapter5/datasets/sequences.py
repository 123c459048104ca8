"""The sequences of Elman (1990) "Finding Structure in Time" (§5.5.5), and yardsticks for them.

Temporal XOR and the letter task (ba/dii/guuu), letters as one-hot rows, the (input, next
element) pairs a network predicting the next element trains on, and two ways to read its
errors: the mean error at each position of a cycle, and the error of the best lookup table
that sees only the last few elements. :mod:`chapter5.networks.elman` re-exports every name.
"""

from __future__ import annotations

import numpy as np

from .._validation import as_float_array, check_random_state, check_scalar

__all__ = [
    "ELMAN_SYLLABLES",
    "LETTERS",
    "error_by_position",
    "letter_sequence",
    "lookup_table_errors",
    "next_step_pairs",
    "one_hot",
    "temporal_xor",
]

ELMAN_SYLLABLES = {"b": "ba", "d": "dii", "g": "guuu"}
"""Elman's (1990) letter task: each consonant is followed by a fixed run of one vowel."""

LETTERS = "bdgaiu"
"""The alphabet of :func:`letter_sequence`, in the order of :func:`one_hot`'s columns."""


def temporal_xor(n_triplets, random_state=None) -> np.ndarray:
    """Elman's temporal XOR stream: two random bits, then their XOR, repeated.

    Parameters
    ----------
    n_triplets : int >= 1
        The stream has ``3 * n_triplets`` bits (Elman used 1000 triplets, 3000 bits).
    random_state : None, int or numpy.random.Generator

    Returns
    -------
    numpy.ndarray of int, shape (3 * n_triplets,)
        ``s[3k + 2] == s[3k] ^ s[3k + 1]``: every third bit (0-based positions 2, 5, 8, ...)
        is predictable from the two before it; the others are fair coin flips.

    Examples
    --------
    >>> s = temporal_xor(4, random_state=0)
    >>> s.reshape(-1, 3).tolist()
    [[1, 1, 0], [1, 0, 1], [0, 0, 0], [0, 0, 0]]
    >>> bool(np.all(s[2::3] == s[0::3] ^ s[1::3]))
    True
    """
    n = check_scalar(n_triplets, "n_triplets", integer=True, min_value=1)
    rng = check_random_state(random_state)
    pairs = rng.integers(0, 2, size=(n, 2))
    return np.column_stack([pairs, pairs[:, 0] ^ pairs[:, 1]]).ravel()


def letter_sequence(n_syllables, random_state=None) -> str:
    """Elman's letter task: random consonants b, d, g, each followed by its vowels (ba/dii/guuu).

    Which consonant comes next is a fair three-way draw, so it cannot be predicted; the vowels
    after it, and *that* a consonant follows the last vowel, can.

    Examples
    --------
    >>> letter_sequence(5, random_state=1)
    'diidiiguuuguuuba'
    """
    n = check_scalar(n_syllables, "n_syllables", integer=True, min_value=1)
    rng = check_random_state(random_state)
    consonants = rng.choice(list(ELMAN_SYLLABLES), size=n)
    return "".join(ELMAN_SYLLABLES[c] for c in consonants)


def one_hot(text, alphabet: str = LETTERS) -> np.ndarray:
    """Letters as one-hot rows, shape (len(text), len(alphabet)).

    Examples
    --------
    >>> one_hot("ba").tolist()
    [[1.0, 0.0, 0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 1.0, 0.0, 0.0]]
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a string of letters; got {type(text).__name__}")
    if not isinstance(alphabet, str) or len(set(alphabet)) != len(alphabet) or not alphabet:
        raise ValueError(f"alphabet must be a string of distinct letters; got {alphabet!r}")
    unknown = sorted(set(text) - set(alphabet))
    if unknown:
        raise ValueError(f"text has letters outside the alphabet {alphabet!r}: {unknown}")
    out = np.zeros((len(text), len(alphabet)))
    out[np.arange(len(text)), [alphabet.index(c) for c in text]] = 1.0
    return out


def next_step_pairs(sequence, n_streams=None) -> tuple[np.ndarray, np.ndarray]:
    """Inputs and targets for predicting the next element: ``x(t) = s(t)``, ``y(t) = s(t + 1)``.

    Parameters
    ----------
    sequence : array_like, shape (T,) or (T, d)
    n_streams : int, optional
        Cut the T - 1 pairs into this many consecutive stretches of equal length L (a
        remainder is dropped) and return them side by side, shape (n_streams, L, d): a network
        then trains on all stretches at once, which is much faster than one long loop. None:
        one sequence, shape (T - 1, d).

    Examples
    --------
    >>> X, Y = next_step_pairs([0, 1, 1, 0])
    >>> X[:, 0].tolist(), Y[:, 0].tolist()
    ([0.0, 1.0, 1.0], [1.0, 1.0, 0.0])
    >>> next_step_pairs(np.arange(10), n_streams=2)[0].shape
    (2, 4, 1)
    """
    s = as_float_array(sequence, "sequence", ndim=(1, 2), allow_nan=False)
    s = s[:, None] if s.ndim == 1 else s
    if len(s) < 2:
        raise ValueError(f"sequence must have at least 2 elements; got {len(s)}")
    X, Y = s[:-1], s[1:]
    if n_streams is None:
        return X, Y
    n = check_scalar(n_streams, "n_streams", integer=True, min_value=1, max_value=len(X))
    L = len(X) // n
    return X[:n * L].reshape(n, L, -1), Y[:n * L].reshape(n, L, -1)


def error_by_position(errors, period: int = 3, first: int = 1) -> np.ndarray:
    """Mean error at each position of a repeating cycle (e.g. the triplets of temporal XOR).

    Parameters
    ----------
    errors : array_like, shape (..., T)
        Per-step errors along one stream (leading axes, e.g. snapshots, are kept);
        ``errors[..., k]`` is the error on stream element ``k + first``.
    period : int, default 3
    first : int, default 1
        The stream index of the first target: 1 for :func:`next_step_pairs` (the first target
        is the stream's second element).

    Returns
    -------
    numpy.ndarray, shape (..., period)
        Entry p is the mean error on the elements at 0-based position p of the cycle; for
        temporal XOR, position 2 is the predictable bit.

    Examples
    --------
    >>> error_by_position([0.2, 0.0, 0.3, 0.25, 0.1, 0.2])   # targets at positions 1, 2, 0, ...
    array([0.25 , 0.225, 0.05 ])
    """
    e = as_float_array(errors, "errors", allow_nan=False)
    if e.ndim == 0 or e.shape[-1] == 0:
        raise ValueError(f"errors must have at least one step on its last axis; got shape "
                         f"{e.shape}")
    period = check_scalar(period, "period", integer=True, min_value=1)
    first = check_scalar(first, "first", integer=True, min_value=0)
    pos = (np.arange(e.shape[-1]) + first) % period
    if len(np.unique(pos)) < period:
        raise ValueError(f"errors must cover every position of the period ({period}); got "
                         f"{e.shape[-1]} step(s)")
    return np.stack([e[..., pos == p].mean(axis=-1) for p in range(period)], axis=-1)


def lookup_table_errors(sequence, n_last: int = 2, period=None) -> np.ndarray:
    """Squared errors of the best next-element predictor that sees only a short window.

    The predictor is a lookup table: for every context (the last ``n_last`` elements, plus the
    position ``(t + 1) % period`` in the cycle when ``period`` is given) it outputs the mean of
    the elements that follow that context in ``sequence`` itself, which is the prediction with
    the least squared error. Its **mean** error over the sequence is a floor for any predictor
    that uses the same information, a yardstick for what an Elman network has learned. Its
    error at one position of a cycle is not: without ``period`` the table does not know the
    position, and a predictor that sees the same elements may lower the error at one position
    (e.g. the XOR bit) by raising it at others.

    Parameters
    ----------
    sequence : array_like, shape (T,) or (T, d)
    n_last : int >= 0, default 2
        How many of the latest elements the table sees (0: none, it predicts the mean).
    period : int, optional
        Also tell the table where in a cycle of this length the target sits.

    Returns
    -------
    numpy.ndarray, shape (T - 1,)
        ``(ŷ(t) − s(t + 1))²`` summed over the d features, aligned with :func:`next_step_pairs`
        (the first ``n_last - 1`` steps see a shorter context).

    Examples
    --------
    >>> s = temporal_xor(3000, random_state=0)
    >>> error_by_position(lookup_table_errors(s, 2)).round(2)      # 5/18, 5/18, 1/9
    array([0.28, 0.28, 0.11])
    >>> error_by_position(lookup_table_errors(s, 2, period=3)).round(2)
    array([0.25, 0.25, 0.  ])
    """
    s = as_float_array(sequence, "sequence", ndim=(1, 2), allow_nan=False)
    s = s[:, None] if s.ndim == 1 else s
    if len(s) < 2:
        raise ValueError(f"sequence must have at least 2 elements; got {len(s)}")
    n_last = check_scalar(n_last, "n_last", integer=True, min_value=0)
    if period is not None:
        period = check_scalar(period, "period", integer=True, min_value=1)
    keys = []
    for t in range(len(s) - 1):
        recent = s[max(0, t + 1 - n_last):t + 1].tobytes() if n_last else b""
        keys.append((recent, min(t + 1, n_last), None if period is None else (t + 1) % period))
    targets = s[1:]
    groups: dict = {}
    for k, key in enumerate(keys):
        groups.setdefault(key, []).append(k)
    y_hat = np.empty_like(targets)
    for rows in groups.values():
        y_hat[rows] = targets[rows].mean(axis=0)
    return np.sum((y_hat - targets) ** 2, axis=1)
