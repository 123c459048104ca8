"""Self-check of notebook 5.3-backpropagation: exercise 5.3, the update Δv_ih of Eq. (5.13)."""

from __future__ import annotations

import numpy as np

from .._validation import _describe
from ..backprop import forward, gradient_check, output_term
from ..i18n import tr
from ._feedback import Feedback, _not_answered


def check_delta_v(delta_v) -> Feedback:
    """Exercise 5.3: is ``delta_v(eta, x, b, w, g)`` the update Δv_ih of Eq. (5.13)?

    ``x`` (d,), ``b`` (q,) hidden outputs, ``w`` (q, l) hidden-to-output weights, ``g`` (l,)
    output terms; the function must return the (d, q) array of Δv_ih. It is compared with
    minus eta times the central finite-difference gradient of E_k (not with the package's own
    backprop) on random networks.
    """
    if delta_v is None:
        return _not_answered()
    if not callable(delta_v):
        raise TypeError(f"delta_v must be a function; got {_describe(delta_v)}")
    rng = np.random.default_rng(53)
    for trial in range(5):
        d, q, n_out = rng.integers(1, 4, size=3)
        q = max(q, 2)  # with one hidden unit a missing factor of e_h would look like a constant
        V, W = rng.normal(size=(d, q)), rng.normal(size=(q, n_out))
        gamma, theta = rng.normal(size=q), rng.normal(size=n_out)
        x, y, eta = rng.normal(size=d), rng.uniform(size=n_out), 0.1 + trial / 10
        fp = forward(x, [V, W], [gamma, theta])
        b, g = fp.outputs[1][0], output_term(fp.y_hat[0], y)
        numeric = gradient_check(x[np.newaxis], y[np.newaxis], [V, W], [gamma, theta],
                                 eps=1e-5)["numeric"]
        want = -eta * numeric[:d * q].reshape(d, q)  # V's entries come first, row by row
        got = np.asarray(delta_v(eta, x.copy(), b.copy(), W.copy(), g.copy()), dtype=float)
        if got.shape != want.shape:
            return Feedback(False, tr("Your Δv has shape {got}; it needs one entry per "
                                      "(input i, hidden unit h): {want}.").format(
                got=got.shape, want=want.shape))
        # the finite difference is good to ~1e-10; a wrong formula is off by far more
        if not np.allclose(got, want, rtol=1e-6, atol=1e-9):
            ratio = got / np.where(want == 0, np.nan, want)
            hint = (tr("It is off by a constant factor: check eta and signs.") if
                    np.nanstd(ratio) < 1e-4 else tr("Which term of e_h is missing?"))
            return Feedback(False, tr("On a random {d}-{q}-{l} network your Δv differs from "
                                      "-η ∂E_k/∂v.").format(d=d, q=q, l=n_out) + " " + hint)
    return Feedback(True, tr("Your Δv_ih = η e_h x_i matches -η ∂E_k/∂v_ih on 5 random "
                             "networks."))
