"""Self-checks of notebook 5.2-perceptron-and-multilayer-networks: the perceptron's update
count and an XOR network of step units.
"""

from __future__ import annotations

import numpy as np

from .._validation import _describe, as_float_array
from ..datasets import logic_gate
from ..i18n import tr
from ..neuron import feedforward
from ..perceptron import Perceptron
from ._feedback import Feedback, _fmt, _not_answered


def check_update_count(gate: str, eta: float, w_init, answer) -> Feedback:
    """How many updates does the perceptron make on ``gate`` before an error-free epoch?

    The samples are presented in the order (0,0), (0,1), (1,0), (1,1), every epoch.
    """
    if answer is None:
        return _not_answered()
    if isinstance(answer, bool) or not isinstance(answer, int | np.integer):
        raise TypeError(f"answer must be a whole number of updates; got {_describe(answer)}")
    p = Perceptron(eta=eta, max_epochs=1000, w_init=w_init).fit(*logic_gate(gate))
    if not p.converged_:
        return Feedback(False, tr("This run never converges, so no count is right: which gate "
                                  "is it?"))
    if answer == p.n_updates_:
        return Feedback(True, tr("{answer} updates, spread over {n} epochs with errors and one "
                                 "clean epoch.").format(answer=answer, n=p.n_epochs_ - 1))
    first = int(p.errors_[0])
    return Feedback(False, tr("Not {answer}. Check your first epoch: it has {first} update{s}; "
                              "carry on from the weights it leaves.").format(
        answer=answer, first=first, s="s" if first != 1 else ""))


def check_xor_network(v, gamma, w, theta) -> Feedback:
    """Is the single-hidden-layer step network (v, γ, w, θ) an XOR network?

    v : (2, q) input-to-hidden weights v_ih; gamma : (q,) hidden thresholds γ_h;
    w : (q,) or (q, 1) hidden-to-output weights w_h; theta : the output threshold θ.
    """
    if any(a is None for a in (v, gamma, w, theta)):
        return _not_answered()
    v = as_float_array(v, "v", ndim=2, allow_nan=False)
    gamma = as_float_array(gamma, "gamma", ndim=1, allow_nan=False)
    w = as_float_array(w, "w", ndim=(1, 2), allow_nan=False).reshape(-1, 1)
    theta = as_float_array(np.atleast_1d(theta), "theta", ndim=1, allow_nan=False)
    if v.shape[0] != 2 or v.shape[1] != gamma.shape[0] or w.shape[0] != v.shape[1]:
        return Feedback(False, tr("Shapes must fit: v is (2, q), gamma (q,), w (q,); got "
                                  "{v}, {gamma}, {w}.").format(v=v.shape, gamma=gamma.shape,
                                                              w=w.shape[:1]))
    X, target = logic_gate("xor")
    outs = feedforward(X, [v, w], [gamma, theta], activation="step")
    y = outs[-1][:, 0]
    wrong = np.flatnonzero(y != target)
    if wrong.size == 0:
        return Feedback(True, tr("Your {q} hidden unit(s) make XOR linearly separable.").format(
            q=v.shape[1]))
    k = wrong[0]
    return Feedback(False, tr("x = {x} gives y = {y:g}, XOR needs {target}; its hidden "
                              "representation is {h}.").format(x=_fmt(X[k]), y=y[k],
                                                               target=target[k],
                                                               h=_fmt(outs[1][k])))
