"""Self-checks of notebook 5.5.4-cascade-correlation: the gradient of Fahlman's correlation S
and the number of hidden units the validation data choose.
"""

from __future__ import annotations

import numpy as np

from .._validation import _describe, check_scalar
from ..datasets import toy_2d
from ..i18n import tr
from ..networks.cascade import CascadeCorrelation, candidate_gradient, symmetric_sigmoid
from ._feedback import Feedback, _not_answered


def check_correlation_gradient(grad_S) -> Feedback:
    """§5.5.4: is ``grad_S(V, f_prime, I, E)`` the gradient dS/dw of Fahlman's correlation
    S = sum_o |sum_p (V_p - V_bar)(E_{p,o} - E_bar_o)| for one candidate unit?

    ``V`` (m,) the candidate's outputs, ``f_prime`` (m,) its slopes f'_p, ``I`` (m, p) what it
    sees (the inputs, the installed units and the dummy input -1), ``E`` (m, l) the residual
    errors; the function must return the (p,) vector dS/dw_i. It is compared with the
    package's gradient (itself held to finite differences) on random candidates.
    """
    if grad_S is None:
        return _not_answered()
    if not callable(grad_S):
        raise TypeError(f"grad_S must be a function; got {_describe(grad_S)}")
    rng = np.random.default_rng(554)
    for trial in range(5):
        m, p, n_out = 20 + trial, int(rng.integers(2, 5)), int(rng.integers(1, 4))
        X = rng.normal(size=(m, p - 1))
        inputs = np.column_stack([X, -np.ones(m)])
        w = rng.normal(size=p)
        if trial == 1:
            w[-1] = -1.0  # a threshold that makes V mostly positive (V_bar well away from 0)
        V = symmetric_sigmoid(inputs @ w)
        Ec0 = rng.normal(size=(m, n_out))
        Ec0 -= Ec0.mean(axis=0)
        # errors with a mean; in trial 1 a mean that flips the sign of the *uncentred* sum
        # sum_p V_p E_p,o, so that a sigma_o taken from it is caught
        E = Ec0 + (-2.0 * (V @ Ec0) / V.sum() if trial == 1 else rng.normal(size=n_out))
        f_prime = 0.25 - V * V
        want = candidate_gradient(X, w, E)[1]
        got = np.asarray(grad_S(V.copy(), f_prime.copy(), inputs.copy(), E.copy()),
                         dtype=float)
        if got.shape != want.shape:
            return Feedback(False, tr("Your gradient has shape {got}; it needs one entry per "
                                      "incoming weight: {want}.").format(got=got.shape,
                                                                         want=want.shape))
        if np.allclose(got, want, rtol=1e-8, atol=1e-12):
            continue
        Ec = E - E.mean(axis=0)
        sigma = np.sign(V @ Ec)
        sigma_raw = np.sign(V @ E)  # the sign of the uncentred sum: a slip
        differs = tr("On a random candidate ({m} samples, {l} outputs) your gradient differs "
                     "from dS/dw.").format(m=m, l=n_out)
        centred = tr("Are the errors centred (E_p,o minus their mean Ē_o)?")
        slips = [
            (tr("Each output o enters with the sign σ_o of its correlation; is it there?"),
             inputs.T @ ((Ec @ np.ones(n_out)) * f_prime)),
            (centred, inputs.T @ ((E @ sigma) * f_prime)),
            (centred, inputs.T @ ((E @ sigma_raw) * f_prime)),
            (tr("σ_o is the sign of the correlation itself, the sum over p of (V_p − V̄)(E_p,o − "
                "Ē_o); is that what yours takes the sign of?"),
             inputs.T @ ((Ec @ sigma_raw) * f_prime)),
            (tr("Is the slope f'_p of the candidate's activation in the sum?"),
             inputs.T @ (Ec @ sigma)),
        ]
        for hint, slip in slips:
            if np.allclose(got, slip, rtol=1e-8, atol=1e-12):
                return Feedback(False, f"{differs} {hint}")
        ratio = got / np.where(want == 0, np.nan, want)
        if np.allclose(got, 0.0):
            hint = tr("Yours is zero everywhere.")
        elif np.nanstd(ratio) < 1e-6 and np.isclose(np.nanmean(ratio), -1.0):
            hint = tr("It has the opposite sign: S is to be increased, and dS/dw points the way "
                      "it grows.")
        elif np.nanstd(ratio) < 1e-6:
            hint = tr("It is off by a constant factor.")
        else:
            hint = tr("Check each factor of the sum over p and o.")

        return Feedback(False, f"{differs} {hint}")
    return Feedback(True, tr("Your dS/dw matches the gradient of Fahlman's S on 5 random "
                             "candidates."))


def cascade_overfitting_data() -> tuple:
    """The noisy circles of notebook 5.5.4: ``(X, y, X_val, y_val, X_test, y_test)``, 80
    training, 200 validation and 1000 test points of ``toy_2d("circles", noise=0.3)``."""
    return (*toy_2d("circles", n=80, noise=0.3, random_state=0),
            *toy_2d("circles", n=200, noise=0.3, random_state=20_000),
            *toy_2d("circles", n=1000, noise=0.3, random_state=10_000))


def check_cascade_units(n_hidden) -> Feedback:
    """§5.5.4: is ``n_hidden`` the number of hidden units the *validation* data choose for
    ``CascadeCorrelation(max_hidden=25, random_state=0)`` on :func:`cascade_overfitting_data`
    (the best validation accuracy, or at most one validation point below it)? Reports the test
    accuracy it gives."""
    if n_hidden is None:
        return _not_answered()
    X, y, X_val, y_val, X_test, y_test = cascade_overfitting_data()
    net = CascadeCorrelation(max_hidden=25, random_state=0).fit(X, y)
    k = check_scalar(n_hidden, "n_hidden", integer=True, min_value=0)
    if k > net.n_hidden_:
        return Feedback(False, tr("The network stops growing at {n} units (every training "
                                  "point right); pick a stage from 0 to {n}.").format(
            n=net.n_hidden_))
    val = net.stage_scores(X_val, y_val)
    test = net.stage_scores(X_test, y_test)
    right = np.rint(val * len(y_val)).astype(int)  # validation points right, per stage
    units = (tr("{k} unit") if k == 1 else tr("{k} units")).format(k=k)
    if right[k] >= right.max() - 1:  # ties, or one point (0.5 %) short: equally supported
        how = (tr("the best of all stages") if right[k] == right.max() else
               tr("one validation point short of the best, as good a choice"))
        return Feedback(True, tr("With {units} the validation accuracy is {val:.1%}, {how}; on "
                                 "the test data that gives {test:.1%}, against {test_all:.1%} "
                                 "for the fully grown network of {n} units.").format(
            units=units, val=val[k], how=how, test=test[k], test_all=test[-1],
            n=net.n_hidden_))
    text = (tr("With {units} the validation accuracy is {val:.1%}; a stage with fewer units "
               "does better on the validation data.") if np.argmax(val) < k else
            tr("With {units} the validation accuracy is {val:.1%}; a stage with more units "
               "does better on the validation data."))
    return Feedback(False, text.format(units=units, val=val[k]))
