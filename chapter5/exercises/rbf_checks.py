"""Self-check of notebook 5.5.1-rbf-network: exercise 5.7, XOR with Gaussian units."""

from __future__ import annotations

import numpy as np

from .._validation import as_float_array
from ..datasets import logic_gate
from ..i18n import tr
from ..networks.rbf import RBFNetwork
from ._feedback import Feedback, _fmt, _not_answered


def check_rbf_xor(centers, beta, w, bias=0.0) -> Feedback:
    """Exercise 5.7: does the RBF network φ(x) = Σ_i w_i exp(-β_i |x - c_i|²) + bias compute
    XOR, reading φ(x) >= 0.5 as 1 (Eqs. (5.18)-(5.19))?

    centers : (q, 2) centres c_i; beta : a number or (q,) widths β_i; w : (q,) output
    weights; bias : the constant output term (0 in the book's (5.18)).

    Examples
    --------
    >>> check_rbf_xor([[0, 0], [1, 1]], 1.0, [1.0, 1.0], 0.0)
    ✗ Not yet. x = (0, 0) gives φ(x) = 1.135, read as 1; XOR needs 0.
    """
    if any(a is None for a in (centers, beta, w, bias)):
        return _not_answered()
    C = as_float_array(centers, "centers", ndim=2, allow_nan=False)
    if C.shape[1] != 2:
        raise ValueError(f"centers must have 2 columns (one centre per row); got {C.shape}")
    q = len(C)
    b = as_float_array(beta, "beta", ndim=(0, 1), allow_nan=False)
    b = np.full(q, float(b)) if b.ndim == 0 else b
    w = as_float_array(w, "w", ndim=1, allow_nan=False)
    if b.shape != (q,) or w.shape != (q,):
        raise ValueError(f"beta and w must have one value per centre ({q}); got beta "
                         f"{b.shape} and w {w.shape}")
    if np.any(b <= 0):
        raise ValueError(f"beta must be positive; got {b.tolist()}")
    X, target = logic_gate("xor")
    net = RBFNetwork(q, centers=C, beta=b)
    net.centers_, net.beta_, net.w_, net.bias_ = C, b, w, float(bias)
    phi = net.decision_function(X)
    y = (phi >= 0.5).astype(int)
    wrong = np.flatnonzero(y != target)
    if wrong.size == 0:
        return Feedback(True, tr("Your {q} Gaussian unit(s) compute XOR on all 4 "
                                 "inputs.").format(q=q))
    k = wrong[0]
    return Feedback(False, tr("x = {x} gives φ(x) = {phi:.4g}, read as {y}; XOR needs "
                              "{target}.").format(x=_fmt(X[k]), phi=phi[k], y=y[k],
                                                  target=target[k]))
