"""Self-checks of notebook 5.2-perceptron-and-multilayer-networks: the perceptron's update
count and an XOR network of step units.
"""

from __future__ import annotations

import numpy as np

from .._validation import _describe, as_float_array
from ..datasets import logic_gate
from ..neuron import feedforward
from ..perceptron import Perceptron
from ._feedback import _NOT_ANSWERED, Feedback, _fmt


def check_update_count(gate: str, eta: float, w_init, answer) -> Feedback:
    """How many updates does the perceptron make on ``gate`` before an error-free epoch?

    The samples are presented in the order (0,0), (0,1), (1,0), (1,1), every epoch.
    """
    if answer is None:
        return _NOT_ANSWERED
    if isinstance(answer, bool) or not isinstance(answer, int | np.integer):
        raise TypeError(f"answer must be a whole number of updates; got {_describe(answer)}")
    p = Perceptron(eta=eta, max_epochs=1000, w_init=w_init).fit(*logic_gate(gate))
    if not p.converged_:
        return Feedback(False, "This run never converges, so no count is right: which gate is "
                               "it?")
    if answer == p.n_updates_:
        return Feedback(True, f"{answer} updates, spread over {p.n_epochs_ - 1} epochs with "
                              "errors and one clean epoch.")
    first = int(p.errors_[0])
    return Feedback(False, f"Not {answer}. Check your first epoch: it has {first} update"
                           f"{'s' if first != 1 else ''}; carry on from the weights it leaves.")


def check_xor_network(v, gamma, w, theta) -> Feedback:
    """Is the single-hidden-layer step network (v, γ, w, θ) an XOR network?

    v : (2, q) input-to-hidden weights v_ih; gamma : (q,) hidden thresholds γ_h;
    w : (q,) or (q, 1) hidden-to-output weights w_h; theta : the output threshold θ.
    """
    if any(a is None for a in (v, gamma, w, theta)):
        return _NOT_ANSWERED
    v = as_float_array(v, "v", ndim=2, allow_nan=False)
    gamma = as_float_array(gamma, "gamma", ndim=1, allow_nan=False)
    w = as_float_array(w, "w", ndim=(1, 2), allow_nan=False).reshape(-1, 1)
    theta = as_float_array(np.atleast_1d(theta), "theta", ndim=1, allow_nan=False)
    if v.shape[0] != 2 or v.shape[1] != gamma.shape[0] or w.shape[0] != v.shape[1]:
        return Feedback(False, f"Shapes must fit: v is (2, q), gamma (q,), w (q,); got "
                               f"{v.shape}, {gamma.shape}, {w.shape[:1]}.")
    X, target = logic_gate("xor")
    outs = feedforward(X, [v, w], [gamma, theta], activation="step")
    y = outs[-1][:, 0]
    wrong = np.flatnonzero(y != target)
    if wrong.size == 0:
        return Feedback(True, f"Your {v.shape[1]} hidden unit(s) make XOR linearly separable.")
    k = wrong[0]
    return Feedback(False, f"x = {_fmt(X[k])} gives y = {y[k]:g}, XOR needs {target[k]}; its "
                           f"hidden representation is {_fmt(outs[1][k])}.")
