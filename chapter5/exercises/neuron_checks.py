"""Self-checks of notebook 5.1-neuron-model: a gate as one M-P neuron, exercises 5.1 and 5.2."""

from __future__ import annotations

import numpy as np

from .._validation import _describe, as_float_array
from ..activations import get_activation
from ..datasets import logic_gate
from ..i18n import tr
from ..neuron import MPNeuron, collapse_linear_layers, feedforward
from ._feedback import Feedback, _fmt, _not_answered


def check_gate_neuron(gate: str, w, theta, activation="step") -> Feedback:
    """Does the neuron ``y = f(w . x - theta)`` compute ``gate`` on every binary input?

    Parameters
    ----------
    gate : {"and", "or", "nand", "nor", "xor", "not"}
    w : array_like of shape (2,) (or (1,) for "not"), or None if not answered yet
    theta : float or None
    activation : {"step", "sign"}, default "step"
        For "sign", outputs -1/+1 are read as 0/1.

    Examples
    --------
    >>> check_gate_neuron("or", [1, 1], 0.5)
    ✓ Correct. Your neuron computes OR on all 4 inputs.
    """
    if w is None or theta is None:
        return _not_answered()
    X, target = logic_gate(gate)
    act = get_activation(activation)
    if not act.binary:
        raise ValueError(f"activation must be a hard limit ('step' or 'sign') so the output is "
                         f"a gate's 0/1; got {act.name!r}")
    w = as_float_array(w, "w", ndim=1, allow_nan=False)
    if w.shape != (X.shape[1],):
        raise ValueError(f"w must have {X.shape[1]} weight(s) for the {gate.upper()} gate; "
                         f"got shape {w.shape}")
    y = np.asarray(MPNeuron(w, theta, act.name).predict(X))
    if act.name == "sign":
        y = (y + 1.0) / 2.0
    wrong = np.flatnonzero(y != target)
    if wrong.size == 0:
        return Feedback(True, tr("Your neuron computes {gate} on all {n} inputs.").format(
            gate=gate.upper(), n=len(X)))
    k = wrong[0]
    hint = ""
    if gate.lower() == "xor":
        hint = " " + tr("(Keep trying a few, then ask: which straight line would put (0,1) "
                        "and (1,0) on one side and (0,0), (1,1) on the other?)")
    return Feedback(False, tr("{n_wrong} of {n} inputs are wrong; e.g. x = {x} gives y = {y:g}, "
                              "but {gate} needs {target}.").format(
        n_wrong=len(wrong), n=len(X), x=_fmt(X[k]), y=y[k], gate=gate.upper(),
        target=target[k]) + hint)


def check_collapsed_layers(weights, thetas, W, theta) -> Feedback:
    """Exercise 5.1: is ``(W, theta)`` the single linear layer equal to the given linear stack?

    Compared on a fixed set of probe inputs, so any correct form of the answer is accepted
    (for a single output, a flat ``W`` and a scalar ``theta`` are read as a column and a
    one-element array).
    """
    if W is None or theta is None:
        return _not_answered()
    W_true, theta_true = collapse_linear_layers(weights, thetas)
    W = as_float_array(W, "W", ndim=(1, 2), allow_nan=False)
    if W.ndim == 1 and W_true.shape[1] == 1:   # one output: accept [5, -1] for [[5], [-1]]
        W = W[:, np.newaxis]
    theta = as_float_array(np.atleast_1d(theta), "theta", ndim=1, allow_nan=False)
    if W.shape != W_true.shape or theta.shape != theta_true.shape:
        return Feedback(False, tr("Shapes: W should be {W_shape} and theta {theta_shape}; got "
                                  "{W_got} and {theta_got}.").format(
            W_shape=W_true.shape, theta_shape=theta_true.shape, W_got=W.shape,
            theta_got=theta.shape))
    probes = np.vstack([np.zeros(W.shape[0]), np.eye(W.shape[0]), np.ones(W.shape[0])])
    deep = feedforward(probes, list(weights), list(thetas), activation="linear")[-1]
    mine = probes @ W - theta
    if np.allclose(mine, deep, rtol=1e-9, atol=1e-9):
        return Feedback(True, tr("One linear layer reproduces the whole stack: depth added "
                                 "nothing."))
    if not np.allclose(mine[0], deep[0]):
        return Feedback(False, tr("At x = 0 your layer gives a different output: check theta "
                                  "(how do the lower layers' thresholds pass through W?)."))
    return Feedback(False, tr("Your theta is right at x = 0, but W gives different outputs on "
                              "the unit inputs: check the order of the matrix product."))


def check_logistic_threshold(b, theta) -> Feedback:
    """Exercise 5.2: which threshold makes a sigmoid neuron equal logistic regression (bias b)?"""
    if theta is None:
        return _not_answered()
    if isinstance(theta, str) or not np.isscalar(theta):
        raise TypeError(f"theta must be a number; got {_describe(theta)}")
    w = np.array([1.0, -2.0])
    probe = np.array([[0.0, 0.0], [1.0, 0.5], [-1.0, 2.0]])
    lr = MPNeuron.from_logistic_regression(w, b).predict(probe)
    mine = MPNeuron(w, float(theta), "sigmoid").predict(probe)
    if np.allclose(lr, mine, rtol=1e-12, atol=1e-12):
        return Feedback(True, tr("Same outputs on every input: the sigmoid neuron is logistic "
                                 "regression."))
    if float(theta) > -float(b):
        text = tr("At x = 0 logistic regression gives {lr:.4f} but your neuron gives {mine:.4f}: "
                  "theta is too large.")
    else:
        text = tr("At x = 0 logistic regression gives {lr:.4f} but your neuron gives {mine:.4f}: "
                  "theta is too small.")
    return Feedback(False, text.format(lr=lr[0], mine=mine[0]))
