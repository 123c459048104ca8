"""Activation functions (활성화 함수) of §5.1 and their derivatives, with a registry by name.

The M-P neuron outputs ``y = f(sum_i w_i x_i - theta)``; ``f`` is one of the functions here.
Every function accepts a number or an array (any shape) and returns float64 of the same shape.

========== ============================== ============== =====================================
name       f(x)                           range          use in the book
========== ============================== ============== =====================================
step       1 if x >= 0 else 0             {0, 1}         the ideal activation, Fig. 5.2(a)
                                                         (the book writes it sgn)
sign       +1 if x >= 0 else -1           {-1, +1}       hard limit, for decisions
sigmoid    1 / (1 + exp(-x))              (0, 1)         Fig. 5.2(b); BP networks, (5.9)
tanh       tanh(x)                        (-1, 1)        a zero-centred sigmoid
relu       max(0, x)                      [0, inf)       the deep-learning default (§5.6)
linear     x                              (-inf, inf)    linear approximation; ex. 5.1
========== ============================== ============== =====================================

Names: the book's Fig. 5.2(a) calls the {0, 1} step ``sgn``; here it is ``step`` (written
epsilon(x) in the notebooks) and ``sign`` is the -1/+1 function that other texts call sgn.

Conventions at the kink: ``step(0) = 1`` and ``sign(0) = +1`` (so the book's AND neuron with
w = (1, 1), theta = 2 fires on (1, 1)); the derivatives of step and sign are 0 everywhere (their
true derivative at 0 is not a function), and ``relu'(0) = 0``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ._validation import as_float_array, check_option

__all__ = [
    "ACTIVATIONS",
    "Activation",
    "d_linear",
    "d_relu",
    "d_sigmoid",
    "d_sign",
    "d_step",
    "d_tanh",
    "get_activation",
    "linear",
    "logit",
    "relu",
    "sigmoid",
    "sigmoid_kernel",
    "sign",
    "step",
    "tanh",
]


def _out(x: np.ndarray):
    """Return a Python float for 0-d input, else the array (so ``sigmoid(0.0)`` prints 0.5)."""
    return float(x) if x.ndim == 0 else x


def step(x):
    """Unit step (계단 함수): 1 where x >= 0, else 0 (the book's sgn, Fig. 5.2a).

    Parameters
    ----------
    x : float or array_like
        The neuron's total input minus its threshold, ``sum_i w_i x_i - theta``.

    Returns
    -------
    float or numpy.ndarray
        0.0 or 1.0, element-wise.

    Examples
    --------
    >>> step([-1.0, 0.0, 2.5])
    array([0., 1., 1.])
    """
    x = as_float_array(x, "x")
    return _out(np.where(x >= 0, 1.0, 0.0))


def d_step(x):
    """Derivative of :func:`step`: 0 everywhere (the jump at 0 has no finite slope).

    So gradient descent on the squared error cannot train step units, which is why §5.3 swaps
    the step for the sigmoid. The perceptron rule (5.2) never uses this derivative: it is
    (sub)gradient descent on the perceptron criterion, the sum of ``|sum_i w_i x_i - theta|``
    over the misclassified samples.

    Examples
    --------
    >>> d_step([-1.0, 0.0, 1.0])
    array([0., 0., 0.])
    """
    x = as_float_array(x, "x")
    return _out(np.zeros_like(x))


def sign(x):
    """Sign function (부호 함수): +1 where x >= 0, else -1; equal to ``2 * step(x) - 1``.

    Examples
    --------
    >>> sign([-2.0, 0.0, 3.0])
    array([-1.,  1.,  1.])
    """
    x = as_float_array(x, "x")
    return _out(np.where(x >= 0, 1.0, -1.0))


def d_sign(x):
    """Derivative of :func:`sign`: 0 everywhere (as for the step).

    Examples
    --------
    >>> d_sign(1.0)
    0.0
    """
    x = as_float_array(x, "x")
    return _out(np.zeros_like(x))


def sigmoid(x):
    """Logistic sigmoid (시그모이드 함수) ``1 / (1 + exp(-x))`` (Fig. 5.2b), computed stably.

    Parameters
    ----------
    x : float or array_like

    Returns
    -------
    float or numpy.ndarray
        Values in [0, 1]; no overflow warning for any finite input (e.g. -1e4 gives 0.0).

    Notes
    -----
    ``exp`` is only ever taken of ``-|x|`` (never of a large positive number):
    for x >= 0, 1 / (1 + e^{-x}); for x < 0, e^{x} / (1 + e^{x}), the same value rewritten.

    Examples
    --------
    >>> sigmoid(0.0)
    0.5
    >>> sigmoid([-1e4, 1e4])
    array([0., 1.])
    """
    x = as_float_array(x, "x")
    with np.errstate(under="ignore", over="ignore"):
        z = np.exp(-np.abs(x))
        out = np.where(x >= 0, 1.0 / (1.0 + z), z / (1.0 + z))
    return _out(out)


def sigmoid_kernel(x):
    """The logistic sigmoid as one ufunc, ``(1 + tanh(x / 2)) / 2``, with no argument checks.

    The same function as :func:`sigmoid` to within 2^-52 (absolute: for x below about -37
    the sum 1 + tanh cancels to 0 where :func:`sigmoid` still gives e^x), written as one
    ``tanh`` so it never overflows: the home of the sigmoid inside the networks' training
    loops (Boltzmann machines, cascade-correlation, the Elman network,
    :class:`~chapter5.minima.NetworkObjective`),
    which call it on arrays many times.

    Parameters
    ----------
    x : numpy.ndarray or float

    Returns
    -------
    numpy.ndarray or float
        Values in [0, 1], same shape as ``x``.

    Notes
    -----
    sigma(x) = 1 / (1 + e^{-x}) = (1 + tanh(x / 2)) / 2. The BP network's :func:`sigmoid`
    keeps its ``exp(-|x|)`` form: changing either would change the last bits of every trained
    network, and so the notebooks' numbers.

    Examples
    --------
    >>> float(sigmoid_kernel(0.0)), float(sigmoid_kernel(-1e4)), float(sigmoid_kernel(1e4))
    (0.5, 0.0, 1.0)
    >>> bool(abs(sigmoid_kernel(1.5) - sigmoid(1.5)) < 1e-15)
    True
    """
    return 0.5 * (1.0 + np.tanh(0.5 * x))


def d_sigmoid(x):
    """Derivative of :func:`sigmoid` via the book's identity f'(x) = f(x) (1 - f(x)), Eq. (5.9).

    Notes
    -----
    Eq. (5.9) is what makes backpropagation cheap: the derivative is read off the output the
    forward pass already computed; §5.3's g_j (5.10) and e_h (5.15) both use it.

    Examples
    --------
    >>> d_sigmoid(0.0)
    0.25
    """
    f = np.asarray(sigmoid(x))
    return _out(f * (1.0 - f))


def logit(y):
    """Log-odds ``ln(y / (1 - y))``, the inverse of :func:`sigmoid` (Chapter 3's (3.19)).

    For a sigmoid neuron, ``logit(y) = sum_i w_i x_i - theta``: its log-odds are linear in x,
    which is exactly logistic regression (exercise 5.2).

    Parameters
    ----------
    y : float or array_like
        Values in [0, 1]; 0 and 1 give -inf and +inf.

    Examples
    --------
    >>> logit(0.5)
    0.0
    >>> round(logit(sigmoid(2.0)), 12)
    2.0
    """
    y = as_float_array(y, "y")
    if np.any((y < 0) | (y > 1)):
        raise ValueError("y must lie in [0, 1] (a probability or a sigmoid output)")
    with np.errstate(divide="ignore"):
        return _out(np.log(y) - np.log1p(-y))


def tanh(x):
    """Hyperbolic tangent ``tanh(x) = 2 sigmoid(2x) - 1``, a zero-centred sigmoid in (-1, 1).

    Examples
    --------
    >>> tanh(0.0)
    0.0
    """
    x = as_float_array(x, "x")
    return _out(np.tanh(x))


def d_tanh(x):
    """Derivative of :func:`tanh`: ``1 - tanh(x)**2``.

    Examples
    --------
    >>> d_tanh(0.0)
    1.0
    """
    t = np.asarray(tanh(x))
    return _out(1.0 - t * t)


def relu(x):
    """Rectified linear unit ``max(0, x)``.

    Examples
    --------
    >>> relu([-1.0, 2.0])
    array([0., 2.])
    """
    x = as_float_array(x, "x")
    return _out(np.maximum(x, 0.0))


def d_relu(x):
    """Derivative of :func:`relu`: 1 where x > 0, else 0 (``relu'(0) = 0`` by convention).

    Examples
    --------
    >>> d_relu([-1.0, 0.0, 2.0])
    array([0., 0., 1.])
    """
    x = as_float_array(x, "x")
    return _out(np.where(x > 0, 1.0, 0.0))


def linear(x):
    """Identity ``f(x) = x`` (선형 함수): the neuron outputs its weighted input itself.

    Examples
    --------
    >>> linear(-2.5)
    -2.5
    """
    x = as_float_array(x, "x")
    return _out(x)


def d_linear(x):
    """Derivative of :func:`linear`: 1 everywhere.

    Examples
    --------
    >>> d_linear([3.0, -3.0])
    array([1., 1.])
    """
    x = as_float_array(x, "x")
    return _out(np.ones_like(x))


@dataclass(frozen=True)
class Activation:
    """One entry of the registry: the function, its derivative and how to draw it.

    Attributes
    ----------
    name : str
        Registry key, e.g. ``"sigmoid"``.
    f, df : callable
        The function and its derivative (element-wise, array in, array out).
    formula : str
        The formula as matplotlib mathtext, for titles and legends.
    y_range : tuple of float
        A y-range that shows the whole function over x in [-5, 5] (used for fixed colour scales).
    binary : bool
        True for hard-limit functions whose output is one of two values (step, sign).
    korean : str
        The Korean term, for markdown (never drawn: the default font has no Hangul).
    """

    name: str
    f: Callable
    df: Callable
    formula: str
    y_range: tuple[float, float]
    binary: bool
    korean: str

    def __call__(self, x):
        return self.f(x)


ACTIVATIONS: dict[str, Activation] = {
    a.name: a
    for a in (
        Activation("step", step, d_step, r"$\varepsilon(x)=1$ if $x\geq 0$ else $0$",
                   (0.0, 1.0), True, "계단 함수"),
        Activation("sign", sign, d_sign, r"$\mathrm{sgn}(x)=+1$ if $x\geq 0$ else $-1$",
                   (-1.0, 1.0), True, "부호 함수"),
        Activation("sigmoid", sigmoid, d_sigmoid, r"$\sigma(x)=1/(1+e^{-x})$",
                   (0.0, 1.0), False, "시그모이드 함수"),
        Activation("tanh", tanh, d_tanh, r"$\tanh(x)$", (-1.0, 1.0), False,
                   "하이퍼볼릭 탄젠트"),
        Activation("relu", relu, d_relu, r"$\max(0, x)$", (0.0, 5.0), False, "ReLU"),
        Activation("linear", linear, d_linear, r"$f(x)=x$", (-5.0, 5.0), False, "선형 함수"),
    )
}
"""The registry: activation name -> :class:`Activation`. Iteration order is the book's order."""


def get_activation(name) -> Activation:
    """Look an activation up by name (case-insensitive), or pass an :class:`Activation` through.

    Raises
    ------
    TypeError
        If ``name`` is neither a string nor an :class:`Activation`.
    ValueError
        If no activation has that name; the message lists the valid names.

    Examples
    --------
    >>> get_activation("Sigmoid").name
    'sigmoid'
    """
    if isinstance(name, Activation):
        return name
    return ACTIVATIONS[check_option(name, "activation", ACTIVATIONS)]
