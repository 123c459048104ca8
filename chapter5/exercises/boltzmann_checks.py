"""Self-checks of notebook 5.5.6-boltzmann-machine: a state's probability (5.20)-(5.21) and
the best mean log-likelihood any distribution can reach.
"""

from __future__ import annotations

import numpy as np

from .._validation import as_float_array
from ..i18n import tr
from ..networks.boltzmann import BoltzmannMachine, state_index
from ._feedback import Feedback, _fmt, _not_answered


def _rounded_too_far(value, exact) -> bool:
    """``value`` is ``exact`` rounded to two decimals, or within 1 % of it."""
    value, exact = float(value), float(exact)
    return bool(np.isclose(value, round(exact, 2), rtol=0.0, atol=1e-9)
                or np.isclose(value, exact, rtol=0.01, atol=0.0))


def check_state_probability(w, theta, state, p) -> Feedback:
    """§5.5.6: is ``p`` the probability P(s) (5.21) of ``state`` in the Boltzmann machine
    with weights ``w`` and thresholds ``theta`` (energy (5.20), the book's signs)?

    Says which step went wrong (normalisation, a sign, a double-counted pair) without giving
    the value.

    Examples
    --------
    >>> feedback = check_state_probability([[0, 1], [1, 0]], [0, 0], [1, 1], 0.5)
    >>> bool(feedback), "all 4 states" in feedback.message
    (False, True)
    """
    if p is None:
        return _not_answered()
    bm = BoltzmannMachine(w, theta)
    s = as_float_array(state, "state", ndim=1, allow_nan=False)
    if s.shape != (bm.n,) or not np.all((s == 0) | (s == 1)):
        raise ValueError(f"state must be {bm.n} values, each 0 or 1; got {_fmt(s)}")
    p = float(as_float_array(p, "p", ndim=0, allow_nan=False))
    k = int(state_index(s[None, :])[0])
    n_states = 2 ** bm.n

    def near(value):
        return bool(np.isclose(p, value, rtol=2e-3, atol=5e-4))

    if near(bm.distribution()[k]):
        return Feedback(True, tr("P(s = {s}) is right: e^(-E(s)) over the sum of e^(-E(t)) for "
                                 "all {n} states.").format(s=_fmt(s), n=n_states))
    E = bm.energy(bm.states())
    if near(np.exp(-E[k])):
        return Feedback(False, tr("That is e^(-E(s)) alone: divide by Σ_t e^(-E(t)) over all "
                                  "{n} states (5.21).").format(n=n_states))
    if not 0.0 <= p <= 1.0:
        return Feedback(False, tr("A probability lies between 0 and 1: did you divide by the "
                                  "sum over all states (5.21)?"))
    if near(BoltzmannMachine(bm.w, -bm.theta).distribution()[k]):
        return Feedback(False, tr("Check the sign of θ: (5.20) has - θ_i s_i, so a positive "
                                  "θ_i lowers the energy of s_i = 1."))
    if near(BoltzmannMachine(-bm.w, bm.theta).distribution()[k]):
        return Feedback(False, tr("Check the sign of the pair term: (5.20) has "
                                  "- w_ij s_i s_j."))
    if near(BoltzmannMachine(2 * bm.w, bm.theta).distribution()[k]):
        return Feedback(False, tr("Each pair counts once in (5.20): the double sum runs over "
                                  "i < j only."))
    flipped = np.exp(E - E.max())
    if near(flipped[k] / flipped.sum()):
        return Feedback(False, tr("P(s) is proportional to e^(-E(s)): the lower the energy, "
                                  "the more likely the state."))
    if _rounded_too_far(p, bm.distribution()[k]):
        return Feedback(False, tr("Close: give three decimals. Your value agrees with P(s) "
                                  "only to fewer digits, so the method looks right; keep the "
                                  "unrounded e^(-E) values until the last step."))
    return Feedback(False, tr("That is not P(s) for this machine. Compute E(t) (5.20) for all "
                              "{n} states, then e^(-E(s)) / Σ_t e^(-E(t)) (5.21).").format(
        n=n_states))


def check_max_log_likelihood(X, value) -> Feedback:
    """§5.5.6: is ``value`` the largest mean log-likelihood (1/m) Σ_k ln P(x_k) that ANY
    distribution P over binary vectors can give the rows of X?

    Examples
    --------
    >>> check_max_log_likelihood([[0, 1], [1, 0]], 0.0)
    ✗ Not yet. P cannot give every pattern probability 1: its probabilities sum to 1.
    """
    if value is None:
        return _not_answered()
    X = as_float_array(X, "X", ndim=2, allow_nan=False)
    value = float(as_float_array(value, "value", ndim=0, allow_nan=False))
    _, counts = np.unique(X, axis=0, return_counts=True)
    share = counts / counts.sum()
    best = float(np.sum(share * np.log(share)))  # the training set's own distribution

    def near(v):
        return bool(np.isclose(value, v, rtol=1e-3, atol=1e-3))

    if near(best):
        return Feedback(True, tr("No distribution does better than the training set's own "
                                 "(Gibbs' inequality); an RBM can only approach it."))
    if value > 0:
        return Feedback(False, tr("A probability is at most 1, so its logarithm is never "
                                  "positive."))
    if near(0.0):
        return Feedback(False, tr("P cannot give every pattern probability 1: its "
                                  "probabilities sum to 1."))
    if near(-X.shape[1] * np.log(2)):
        return Feedback(False, tr("That is the uniform distribution over all 2^{d} states. A "
                                  "model may put all its mass on the training patterns "
                                  "instead.").format(d=X.shape[1]))
    if near(best / np.log(2)) or near(best / np.log(10)):
        return Feedback(False, tr("Right idea, wrong logarithm: the log-likelihood uses the "
                                  "natural log, ln."))
    if len(X) > 1 and np.isclose(value, len(X) * best, rtol=5e-3, atol=0.0):
        return Feedback(False, tr("That is the sum over the {m} patterns; the question asks "
                                  "for the mean, (1/m) Σ_k ln P(x_k), not the sum.").format(
            m=len(X)))
    if _rounded_too_far(value, best):
        return Feedback(False, tr("Close: give three decimals. Your value agrees with the best "
                                  "only to fewer digits, so the idea looks right."))
    if value > best:
        return Feedback(False, tr("Too high: no distribution reaches that. How much "
                                  "probability can each pattern get if they share a total of "
                                  "1?"))
    return Feedback(False, tr("A model can do better than that. Which distribution over binary "
                              "vectors makes (1/m) Σ ln P(x_k) as large as possible?"))
