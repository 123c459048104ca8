"""Self-check helpers for the notebooks' exercises.

Each ``check_*`` function returns a :class:`Feedback`: it says whether an answer is right and, if
not, *where* it goes wrong (which input, which quantity), never what the answer is. Solutions live
in collapsible cells of the notebooks, not here.
"""

from __future__ import annotations

import numpy as np

from ._validation import _describe, as_float_array
from .activations import get_activation
from .backprop import forward, gradients, output_term
from .datasets import logic_gate
from .neuron import MPNeuron, collapse_linear_layers, feedforward
from .perceptron import Perceptron

__all__ = [
    "Feedback",
    "check_art_categories",
    "check_collapsed_layers",
    "check_delta_v",
    "check_gate_neuron",
    "check_local_minimum",
    "check_logistic_threshold",
    "check_rbf_xor",
    "check_update_count",
    "check_xor_network",
]


class Feedback:
    """The result of a self-check: ``ok`` and a one-line ``message``; prints as the message."""

    def __init__(self, ok: bool, message: str):
        self.ok = bool(ok)
        self.message = message

    def __bool__(self) -> bool:
        return self.ok

    def __repr__(self) -> str:
        return ("✓ Correct. " if self.ok else "✗ Not yet. ") + self.message


_NOT_ANSWERED = Feedback(False, "Fill in your answer above (it is still None), then run this "
                                "cell again.")


def _fmt(x) -> str:
    return "(" + ", ".join(f"{v:g}" for v in np.atleast_1d(x)) + ")"


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
        return _NOT_ANSWERED
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
        return Feedback(True, f"Your neuron computes {gate.upper()} on all {len(X)} inputs.")
    k = wrong[0]
    hint = ""
    if gate.lower() == "xor":
        hint = (" (Keep trying a few, then ask: which straight line would put (0,1) and (1,0) "
                "on one side and (0,0), (1,1) on the other?)")
    return Feedback(False, f"{len(wrong)} of {len(X)} inputs are wrong; e.g. x = {_fmt(X[k])} "
                           f"gives y = {y[k]:g}, but {gate.upper()} needs {target[k]}.{hint}")


def check_collapsed_layers(weights, thetas, W, theta) -> Feedback:
    """Exercise 5.1: is ``(W, theta)`` the single linear layer equal to the given linear stack?

    Compared on a fixed set of probe inputs, so any correct form of the answer is accepted.
    """
    if W is None or theta is None:
        return _NOT_ANSWERED
    W_true, theta_true = collapse_linear_layers(weights, thetas)
    W = as_float_array(W, "W", ndim=2, allow_nan=False)
    theta = as_float_array(theta, "theta", ndim=1, allow_nan=False)
    if W.shape != W_true.shape or theta.shape != theta_true.shape:
        return Feedback(False, f"Shapes: W should be {W_true.shape} and theta "
                               f"{theta_true.shape}; got {W.shape} and {theta.shape}.")
    probes = np.vstack([np.zeros(W.shape[0]), np.eye(W.shape[0]), np.ones(W.shape[0])])
    deep = feedforward(probes, list(weights), list(thetas), activation="linear")[-1]
    mine = probes @ W - theta
    if np.allclose(mine, deep, rtol=1e-9, atol=1e-9):
        return Feedback(True, "One linear layer reproduces the whole stack: depth added nothing.")
    if not np.allclose(mine[0], deep[0]):
        return Feedback(False, "At x = 0 your layer gives a different output: check theta "
                               "(how do the lower layers' thresholds pass through W?).")
    return Feedback(False, "Your theta is right at x = 0, but W gives different outputs on the "
                           "unit inputs: check the order of the matrix product.")


def check_logistic_threshold(b, theta) -> Feedback:
    """Exercise 5.2: which threshold makes a sigmoid neuron equal logistic regression (bias b)?"""
    if theta is None:
        return _NOT_ANSWERED
    if isinstance(theta, str) or not np.isscalar(theta):
        raise TypeError(f"theta must be a number; got {_describe(theta)}")
    w = np.array([1.0, -2.0])
    probe = np.array([[0.0, 0.0], [1.0, 0.5], [-1.0, 2.0]])
    lr = MPNeuron.from_logistic_regression(w, b).predict(probe)
    mine = MPNeuron(w, float(theta), "sigmoid").predict(probe)
    if np.allclose(lr, mine, rtol=1e-12, atol=1e-12):
        return Feedback(True, "Same outputs on every input: the sigmoid neuron is logistic "
                              "regression.")
    side = "too large" if float(theta) > -float(b) else "too small"
    return Feedback(False, f"At x = 0 logistic regression gives {lr[0]:.4f} but your neuron "
                           f"gives {mine[0]:.4f}: theta is {side}.")


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


def check_delta_v(delta_v) -> Feedback:
    """Exercise 5.3: is ``delta_v(eta, x, b, w, g)`` the update Δv_ih of Eq. (5.13)?

    ``x`` (d,), ``b`` (q,) hidden outputs, ``w`` (q, l) hidden-to-output weights, ``g`` (l,)
    output terms; the function must return the (d, q) array of Δv_ih. It is compared with
    minus eta times the finite-difference gradient of E_k on random networks.
    """
    if delta_v is None:
        return _NOT_ANSWERED
    if not callable(delta_v):
        raise TypeError(f"delta_v must be a function; got {_describe(delta_v)}")
    rng = np.random.default_rng(53)
    for trial in range(5):
        d, q, n_out = rng.integers(1, 4, size=3)
        V, W = rng.normal(size=(d, q)), rng.normal(size=(q, n_out))
        gamma, theta = rng.normal(size=q), rng.normal(size=n_out)
        x, y, eta = rng.normal(size=d), rng.uniform(size=n_out), 0.1 + trial / 10
        fp = forward(x, [V, W], [gamma, theta])
        b, g = fp.outputs[1][0], output_term(fp.y_hat[0], y)
        want = -eta * gradients(x[np.newaxis], y[np.newaxis], [V, W], [gamma, theta])[0][0]
        got = np.asarray(delta_v(eta, x.copy(), b.copy(), W.copy(), g.copy()), dtype=float)
        if got.shape != want.shape:
            return Feedback(False, f"Your Δv has shape {got.shape}; it needs one entry per "
                                   f"(input i, hidden unit h): {want.shape}.")
        if not np.allclose(got, want, rtol=1e-8, atol=1e-12):
            ratio = got / np.where(want == 0, np.nan, want)
            hint = (" It is off by a constant factor: check eta and signs." if
                    np.nanstd(ratio) < 1e-6 else " Which term of e_h is missing?")
            return Feedback(False, f"On a random {d}-{q}-{n_out} network your Δv differs from "
                                   f"-η ∂E_k/∂v.{hint}")
    return Feedback(True, "Your Δv_ih = η e_h x_i matches -η ∂E_k/∂v_ih on 5 random networks.")


def check_local_minimum(surface, point, expect: str = "local") -> Feedback:
    """Is ``point`` (close to) a minimum of a :class:`chapter5.minima.Surface` of the kind the
    exercise asks for (``expect``: "local", "global" or "any")? Judged by where the surface's
    minima are (gradient 0, positive curvature)."""
    if point is None:
        return _NOT_ANSWERED
    if expect not in ("local", "global", "any"):
        raise ValueError(f"expect must be 'local', 'global' or 'any'; got {expect!r}")
    from .minima import SURFACES  # lazy: the surfaces locate their minima on import

    s = SURFACES[surface] if isinstance(surface, str) else surface
    p = as_float_array(point, "point", ndim=(0, 1), allow_nan=False).reshape(-1)
    if p.size != s.dim:
        raise ValueError(f"point must have {s.dim} coordinate(s); got {p.size}")
    nearest = min(s.minima, key=lambda m: np.linalg.norm(m[0] - p))
    if np.linalg.norm(nearest[0] - p) > 0.05:
        slope = np.linalg.norm(s.grad(p))
        return Feedback(False, f"The gradient there has length {slope:.3g}, not 0: E still "
                               "falls in some direction.")
    if nearest[2] == "global":
        return Feedback(expect in ("global", "any"),
                        "That is the global minimum." + (" The exercise asks for a local one "
                                                         "that is not global." if
                                                         expect == "local" else ""))
    gap = nearest[1] - s.global_minimum[1]
    return Feedback(expect in ("local", "any"),
                    f"That is a local minimum: the gradient is 0, but E is {gap:.3g} higher "
                    "than at the global one.")


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
        return _NOT_ANSWERED
    from .networks.rbf import RBFNetwork  # core, numpy only

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
        return Feedback(True, f"Your {q} Gaussian unit(s) compute XOR on all 4 inputs.")
    k = wrong[0]
    return Feedback(False, f"x = {_fmt(X[k])} gives φ(x) = {phi[k]:.4g}, read as {y[k]}; "
                           f"XOR needs {target[k]}.")


def check_art_categories(dataset: str, rho: float, n_categories) -> Feedback:
    """How many categories does Fuzzy ART (β = 1) create on a replay's data set at vigilance
    ``rho``? Compares ``n_categories`` with the model's count, saying only higher or lower."""
    if n_categories is None:
        return _NOT_ANSWERED
    from .datasets import art_sequence
    from .networks.art import ART

    if isinstance(n_categories, bool) or not isinstance(n_categories, (int, np.integer)):
        raise TypeError(f"n_categories must be a whole number; got {_describe(n_categories)}")
    X = art_sequence(dataset)
    true = ART(rho=rho).fit(X).n_categories_
    if n_categories == true:
        return Feedback(True, f"ρ = {rho:g} gives {true} categories on '{dataset}'.")
    return Feedback(False, f"ART creates {'more' if true > n_categories else 'fewer'} than "
                           f"{n_categories} categories at ρ = {rho:g}. Replay it step by step.")
