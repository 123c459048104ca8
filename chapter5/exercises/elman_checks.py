"""Self-check of notebook 5.5.5-elman-network: exercise 5.9, one gradient of the worked Elman
example by BPTT.
"""

from __future__ import annotations

import numbers

import numpy as np

from .._validation import _describe, check_option
from ..i18n import tr
from ..networks.elman import worked_example
from ._feedback import Feedback, _not_answered

_ELMAN_SYMBOLS = {"v": "v", "u": "u", "gamma": "γ", "w": "w", "theta": "θ"}


def _elman_gradients_with_u_transposed(net, x, y) -> dict:
    """The likeliest slip in exercise 5.9: BPTT with the error sent back through u^T, i.e.
    e_h(t) = f'(.) [Σ_j w_hj g_j(t) + Σ_h'' u_h''h e_h''(t+1)]; gradients of the SUM of E(t)."""
    B, Y_hat = net.forward(x)                                # (T, q), (T, l)
    X = np.asarray(x, dtype=float).reshape(len(B), -1)       # (T, d)
    Y = np.asarray(y, dtype=float).reshape(Y_hat.shape)
    g = Y_hat * (1.0 - Y_hat) * (Y - Y_hat)
    e = np.zeros((len(B) + 1, B.shape[1]))                   # e(T + 1) = 0
    for t in range(len(B) - 1, -1, -1):
        e[t] = B[t] * (1.0 - B[t]) * (net.w_ @ g[t] + net.u_.T @ e[t + 1])
    e = e[:-1]
    prev = np.vstack([np.full(B.shape[1], float(net.context_init)), B[:-1]])  # b(t - 1)
    return {"v": -(X.T @ e), "u": -(prev.T @ e), "gamma": e.sum(axis=0),
            "w": -(B.T @ g), "theta": g.sum(axis=0)}


def check_elman_gradient(value, parameter: str = "u", index=(1, 1)) -> Feedback:
    """Exercise 5.9: is ``value`` the entry ∂E/∂(parameter)[index] of the worked Elman example?

    The network and the sequence are :func:`chapter5.networks.elman.worked_example` (a 1-2-1
    network, x = (1, 0, 1), y = (0, 1, 1), b(0) = 0.5), and E = E(1) + E(2) + E(3) is the
    *sum* of the three steps' errors E(t) = ½ (ŷ(t) − y(t))². ``index`` uses the book's
    1-based subscripts: ``("u", (1, 2))`` is ∂E/∂u_12 (context unit 1 to hidden unit 2),
    ``("gamma", (2,))`` is ∂E/∂γ_2. The value is compared with BPTT (itself held to central
    finite differences by the tests) and is never shown.

    Examples
    --------
    >>> feedback = check_elman_gradient(0.1, "theta", (1,))   # ∂E/∂θ_1: not 0.1
    >>> bool(feedback)
    False
    """
    if value is None:
        return _not_answered()
    if isinstance(value, bool | np.bool_) or not isinstance(value, numbers.Real):
        raise TypeError(f"value must be a number (your ∂E/∂…); got {_describe(value)}")
    parameter = check_option(parameter, "parameter", tuple(_ELMAN_SYMBOLS))
    net, x, y = worked_example()
    shape = getattr(net, f"{parameter}_").shape
    index = (index,) if isinstance(index, numbers.Integral) else tuple(index)
    fits = len(index) == len(shape) and all(
        isinstance(i, numbers.Integral) and 1 <= i <= n for i, n in zip(index, shape,
                                                                        strict=True))
    if not fits:
        raise ValueError(f"index must be {len(shape)} book subscript(s) (1-based) within "
                         f"{tuple(shape)} for {parameter}; got {index!r}")
    at = tuple(int(i) - 1 for i in index)
    symbol = f"∂E/∂{_ELMAN_SYMBOLS[parameter]}_{''.join(str(int(i)) for i in index)}"
    T = len(x)
    want = T * float(net.gradients(x, y)[parameter][at])        # E is the sum over t
    one_step = T * float(net.gradients(x, y, bptt=False)[parameter][at])
    v = float(value)

    def near(a, b):
        return bool(np.isclose(a, b, rtol=2e-3, atol=1e-6))

    if near(v, want):
        return Feedback(True, tr("Your {symbol} matches BPTT (and finite differences).").format(
            symbol=symbol))
    if near(v, -want):
        return Feedback(False, tr("Right size, wrong sign: g_j and e_h point downhill (they are "
                                  "minus derivatives), so the gradient carries the opposite "
                                  "sign of the update Δ = η g b or η e x."))
    if not near(one_step, want) and near(v, one_step):
        return Feedback(False, tr("This is the gradient of Elman's original one-step rule: the "
                                  "error that reaches b_h(t) from later steps through the "
                                  "context weights (the Σ u e(t+1) term of e_h(t)) is "
                                  "missing."))
    if not near(one_step, want) and near(v, -one_step):
        return Feedback(False, tr("Two things: the sign (g and e are minus derivatives), and "
                                  "the error coming back from later steps through the "
                                  "context."))
    if near(v, want / T):
        return Feedback(False, tr("You averaged over the {T} steps; here E is the sum "
                                  "E(1) + E(2) + E(3).").format(T=T))
    transposed = float(_elman_gradients_with_u_transposed(net, x, y)[parameter][at])
    if not near(transposed, want) and (near(v, transposed) or near(v, -transposed)):
        sign = "" if near(v, transposed) else " " + tr("Then check the sign (g and e are minus "
                                                       "derivatives).")
        return Feedback(False, tr("Almost: the error from later steps is there, but it comes "
                                  "back through the wrong entries of u. Check which index of u "
                                  "the error comes back through: b_h(t) reaches hidden unit "
                                  "h'' at step t + 1 through u_hh'' (context unit h is the "
                                  "FIRST index), so e_h(t) sums u_hh'' e_h''(t+1) over the "
                                  "SECOND index. In numpy, with u_[h', h]: u_ @ e or "
                                  "u_.T @ e?") + sign)
    full = T * net.gradients(x, y)[parameter]
    for other in np.ndindex(full.shape):
        if other != at and not near(float(full[other]), want) and near(v, float(full[other])):
            name = f"{_ELMAN_SYMBOLS[parameter]}_{''.join(str(i + 1) for i in other)}"
            text = (tr("That is the right method for another entry, ∂E/∂{name}, not {symbol}: "
                       "check the subscripts (u_h'h: the first subscript is the context unit "
                       "h', the second the hidden unit h); the book's start at 1, numpy's at "
                       "0.") if parameter == "u" else
                    tr("That is the right method for another entry, ∂E/∂{name}, not {symbol}: "
                       "check the subscripts; the book's start at 1, numpy's at 0."))
            return Feedback(False, text.format(name=name, symbol=symbol))
    return Feedback(False, tr("Not this value. Start at the last step: g(3) and e_h(3) have no "
                              "later error to add; then walk back to t = 2 and t = 1, adding "
                              "each step's share."))
