"""Self-check helpers for the notebooks' exercises.

Each ``check_*`` function returns a :class:`Feedback`: it says whether an answer is right and, if
not, *where* it goes wrong (which input, which quantity), never what the answer is. Solutions live
in collapsible cells of the notebooks, not here.
"""

from __future__ import annotations

import numpy as np

from ._validation import _describe, as_float_array
from .activations import get_activation
from .backprop import forward, gradient_check, output_term
from .datasets import logic_gate
from .neuron import MPNeuron, collapse_linear_layers, feedforward
from .perceptron import Perceptron

__all__ = [
    "Feedback",
    "cascade_overfitting_data",
    "check_art_categories",
    "check_bmu",
    "check_bp_regimes",
    "check_cascade_units",
    "check_collapsed_layers",
    "check_correlation_gradient",
    "check_delta_v",
    "check_elman_gradient",
    "check_gate_neuron",
    "check_local_minimum",
    "check_logistic_threshold",
    "check_max_log_likelihood",
    "check_rbf_xor",
    "check_som_update",
    "check_state_probability",
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

    Compared on a fixed set of probe inputs, so any correct form of the answer is accepted
    (for a single output, a flat ``W`` and a scalar ``theta`` are read as a column and a
    one-element array).
    """
    if W is None or theta is None:
        return _NOT_ANSWERED
    W_true, theta_true = collapse_linear_layers(weights, thetas)
    W = as_float_array(W, "W", ndim=(1, 2), allow_nan=False)
    if W.ndim == 1 and W_true.shape[1] == 1:   # one output: accept [5, -1] for [[5], [-1]]
        W = W[:, np.newaxis]
    theta = as_float_array(np.atleast_1d(theta), "theta", ndim=1, allow_nan=False)
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
    minus eta times the central finite-difference gradient of E_k (not with the package's own
    backprop) on random networks.
    """
    if delta_v is None:
        return _NOT_ANSWERED
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
            return Feedback(False, f"Your Δv has shape {got.shape}; it needs one entry per "
                                   f"(input i, hidden unit h): {want.shape}.")
        # the finite difference is good to ~1e-10; a wrong formula is off by far more
        if not np.allclose(got, want, rtol=1e-6, atol=1e-9):
            ratio = got / np.where(want == 0, np.nan, want)
            hint = (" It is off by a constant factor: check eta and signs." if
                    np.nanstd(ratio) < 1e-4 else " Which term of e_h is missing?")
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
    from ._validation import check_option
    from .minima import SURFACES  # lazy: the surfaces locate their minima on import

    s = SURFACES[check_option(surface, "surface", SURFACES)] if isinstance(surface, str) \
        else surface
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
    """How many categories does Fuzzy ART (β = 1, with search) create on a replay's data set at
    vigilance ``rho``? Compares ``n_categories`` with the model's count, saying only "more" or
    "fewer".

    dataset : one of :data:`chapter5.datasets.ART_SEQUENCES`, presented once in its fixed
    order; rho : the vigilance ρ in [0, 1]; n_categories : the answer, a whole number.

    Examples
    --------
    >>> check_art_categories("three clusters", 0.75, 3)
    ✓ Correct. ρ = 0.75 gives 3 categories on 'three clusters'.
    """
    if n_categories is None:
        return _NOT_ANSWERED
    from .datasets import art_sequence
    from .networks.art import ART

    if isinstance(n_categories, bool) or not isinstance(n_categories, (int, np.integer)):
        raise TypeError(f"n_categories must be a whole number; got {_describe(n_categories)}")
    if n_categories < 1:
        raise ValueError(f"n_categories must be at least 1 (the first sample always makes a "
                         f"category); got {n_categories}")
    X = art_sequence(dataset)
    true = ART(rho=rho).fit(X).n_categories_
    if n_categories == true:
        return Feedback(True, f"ρ = {rho:g} gives {true} categories on '{dataset}'.")
    return Feedback(False, f"ART creates {'more' if true > n_categories else 'fewer'} than "
                           f"{n_categories} categories at ρ = {rho:g}. Replay it step by step.")



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
    import numbers

    from ._validation import check_option
    from .networks.elman import worked_example

    if value is None:
        return _NOT_ANSWERED
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
        return Feedback(True, f"Your {symbol} matches BPTT (and finite differences).")
    if near(v, -want):
        return Feedback(False, "Right size, wrong sign: g_j and e_h point downhill (they are "
                               "minus derivatives), so the gradient carries the opposite sign "
                               "of the update Δ = η g b or η e x.")
    if not near(one_step, want) and near(v, one_step):
        return Feedback(False, "This is the gradient of Elman's original one-step rule: the "
                               "error that reaches b_h(t) from later steps through the context "
                               "weights (the Σ u e(t+1) term of e_h(t)) is missing.")
    if not near(one_step, want) and near(v, -one_step):
        return Feedback(False, "Two things: the sign (g and e are minus derivatives), and the "
                               "error coming back from later steps through the context.")
    if near(v, want / T):
        return Feedback(False, f"You averaged over the {T} steps; here E is the sum "
                               "E(1) + E(2) + E(3).")
    transposed = float(_elman_gradients_with_u_transposed(net, x, y)[parameter][at])
    if not near(transposed, want) and (near(v, transposed) or near(v, -transposed)):
        sign = "" if near(v, transposed) else " Then check the sign (g and e are minus " \
                                               "derivatives)."
        return Feedback(False, "Almost: the error from later steps is there, but it comes back "
                               "through the wrong entries of u. Check which index of u the "
                               "error comes back through: b_h(t) reaches hidden unit h'' at "
                               "step t + 1 through u_hh'' (context unit h is the FIRST index), "
                               "so e_h(t) sums u_hh'' e_h''(t+1) over the SECOND index. In "
                               "numpy, with u_[h', h]: u_ @ e or u_.T @ e?" + sign)
    full = T * net.gradients(x, y)[parameter]
    for other in np.ndindex(full.shape):
        if other != at and not near(float(full[other]), want) and near(v, float(full[other])):
            name = f"{_ELMAN_SYMBOLS[parameter]}_{''.join(str(i + 1) for i in other)}"
            where = (" (u_h'h: the first subscript is the context unit h', the second the "
                     "hidden unit h)" if parameter == "u" else "")
            return Feedback(False, f"That is the right method for another entry, ∂E/∂{name}, "
                                   f"not {symbol}: check the subscripts{where}; the book's "
                                   "start at 1, numpy's at 0.")
    return Feedback(False, "Not this value. Start at the last step: g(3) and e_h(3) have no "
                           "later error to add; then walk back to t = 2 and t = 1, adding each "
                           "step's share.")


# --- §5.5.3 self-organizing maps ---------------------------------------------------------------

def _grid_cell(answer, rows: int, cols: int,
               name: str = "answer") -> tuple[tuple[int, int], Feedback | None]:
    """``answer`` as a (row, col) pair of whole numbers (TypeError otherwise), with a
    :class:`Feedback` when it is no cell of the rows x cols grid (None when it is one)."""
    if (isinstance(answer, str) or not hasattr(answer, "__len__") or len(answer) != 2
            or not all(isinstance(a, int | np.integer) and not isinstance(a, bool)
                       for a in answer)):
        raise TypeError(f"{name} must be a (row, col) pair of whole numbers; got "
                        f"{_describe(answer)}")
    r, c = int(answer[0]), int(answer[1])
    if 0 <= r < rows and 0 <= c < cols:
        return (r, c), None
    return (r, c), Feedback(False, f"({r}, {c}) is not a unit of this {rows} x {cols} map: "
                                   f"rows are numbered 0 to {rows - 1} and columns 0 to "
                                   f"{cols - 1} (counted from 0, as in Python).")


def check_bmu(W, x, answer) -> Feedback:
    """§5.5.3: is ``answer`` = (row, col) the best-matching unit of ``x`` on the map ``W``?

    ``W`` is (rows, cols, d), the weights w_u of each neuron; ``x`` is (d,).

    Examples
    --------
    >>> W = np.array([[[0.0, 0.0], [1.0, 0.0]], [[0.0, 1.0], [1.0, 1.0]]])
    >>> check_bmu(W, [0.9, 0.2], (0, 1))
    ✓ Correct. Unit (0, 1) is the closest: |x - w| = 0.2236.
    """
    if answer is None:
        return _NOT_ANSWERED
    W = as_float_array(W, "W", ndim=3, allow_nan=False)
    x = as_float_array(x, "x", ndim=1, allow_nan=False)
    if x.shape != (W.shape[2],):
        raise ValueError(f"x must have {W.shape[2]} entries; got {x.shape[0]}")
    if isinstance(answer, int | np.integer) and not isinstance(answer, bool):
        return Feedback(False, "Give the unit as a (row, col) pair, not one number: unit "
                               "u = row * cols + col is (u // cols, u % cols).")
    (r, c), outside = _grid_cell(answer, W.shape[0], W.shape[1])
    if outside is not None:
        return outside
    dist = np.linalg.norm(W - x, axis=2)
    if np.isclose(dist[r, c], dist.min(), rtol=1e-12, atol=1e-12):
        return Feedback(True, f"Unit ({r}, {c}) is the closest: |x - w| = {dist[r, c]:.4f}.")
    return Feedback(False, f"Unit ({r}, {c}) is at distance {dist[r, c]:.4f} from x, but "
                           "another unit is closer: compare |x - w_u| for every unit "
                           "(the distance in the input space, not on the grid).")


def check_som_update(W, x, eta, sigma, W_new, topology: str = "rectangular") -> Feedback:
    """§5.5.3: are ``W_new`` the weights after one SOM step on ``x`` (learning rate ``eta``,
    Gaussian neighbourhood of radius ``sigma`` on the grid)?

    ``W`` and ``W_new`` are (rows, cols, d); entries within 5e-4 count (hand-rounded values).
    The feedback names the first thing that is off (the winner, the direction, the learning
    rate, the neighbourhood factor and how its grid distance was measured), not the numbers.

    Examples
    --------
    >>> W = np.array([[[0.0], [1.0], [2.0]]])
    >>> check_som_update(W, [0.8], 0.5, 1.0, W)
    ✗ Not yet. Nothing moved: every unit moves by η h_u (x - w_u), and h_u > 0.
    """
    if W_new is None:
        return _NOT_ANSWERED
    from .networks.som import grid_positions, som_step  # the one-step rule of the package

    W = as_float_array(W, "W", ndim=3, allow_nan=False)
    want, bmu, _ = som_step(W, x, eta, sigma, topology)
    mine = as_float_array(W_new, "W_new", allow_nan=False)
    if mine.size != want.size:
        return Feedback(False, f"W_new needs one weight vector per unit, shape {want.shape}; "
                               f"got shape {mine.shape}.")
    mine = mine.reshape(want.shape)
    if np.allclose(mine, want, rtol=0, atol=5e-4):
        return Feedback(True, f"The winner {bmu} moved by η = {eta:g} of its way to x, every "
                              "other unit by η h_u, less the farther it is on the grid.")
    rows, cols, d = W.shape
    x = as_float_array(x, "x", ndim=1, allow_nan=False)
    flat = W.reshape(-1, d)
    grid = grid_positions(rows, cols, topology)
    d2 = ((grid[:, None, :] - grid[None, :, :]) ** 2).sum(axis=2)

    def step(hu):
        return (flat + eta * hu[:, None] * (x - flat)).reshape(W.shape)

    def same(a):
        return np.allclose(mine, a, rtol=0, atol=5e-4)

    if same(W):
        return Feedback(False, "Nothing moved: every unit moves by η h_u (x - w_u), and "
                               "h_u > 0.")
    if same(2 * W - want):
        return Feedback(False, "Your units moved away from x: the update adds "
                               "η h_u (x - w_u), a step towards the sample.")
    if same(step(np.ones(len(flat)))):
        return Feedback(False, "Every unit moved by the same share of its way to x: the "
                               "neighbourhood factor h_u is missing.")
    u = bmu[0] * cols + bmu[1]
    if same(step(np.eye(len(flat))[u])):
        return Feedback(False, "Only the winner moved: its grid neighbours move too, by "
                               "η h_u (x - w_u) with h_u = exp(-d_grid^2 / (2 σ^2)).")
    if eta != 1 and same(step(np.exp(-d2[u] / (2 * sigma ** 2)) / eta)):
        return Feedback(False, "Your steps are h_u (x - w_u): the learning rate η is "
                               "missing.")
    # h_u measured in the input space instead of on the grid: from the winner's weights, or
    # from the sample
    for dist2 in (((flat - flat[u]) ** 2).sum(axis=1), ((flat - x) ** 2).sum(axis=1)):
        if not np.allclose(dist2, d2[u]) and same(step(np.exp(-dist2 / (2 * sigma ** 2)))):
            return Feedback(False, "Your h_u uses distances in the input space (between "
                                   "weight vectors or to x). The neighbourhood is measured "
                                   "on the grid: |r_u - r_u*|, from the units' row and "
                                   "column positions.")
    if topology.strip().lower() == "rectangular":
        steps = np.abs(grid - grid[u]).sum(axis=1)  # |Δrow| + |Δcol|
        if not np.allclose(steps ** 2, d2[u]) and same(step(np.exp(-steps ** 2 /
                                                                    (2 * sigma ** 2)))):
            return Feedback(False, "You counted the grid distance in steps along rows and "
                                   "columns; h_u uses the straight-line distance on the grid, "
                                   "|r_u - r_u*|^2 = Δrow^2 + Δcol^2.")
    gap = np.sqrt(d2[u])
    if not np.allclose(gap, d2[u]) and same(step(np.exp(-gap / (2 * sigma ** 2)))):
        return Feedback(False, "In h_u = exp(-|r_u - r_u*|^2 / (2 σ^2)) the grid distance is "
                               "squared.")
    if same(step(np.exp(-d2[u] / sigma ** 2))):
        return Feedback(False, "Your neighbours moved a little too little: check the 2 in "
                               "2 σ^2.")
    for v in range(len(flat)):
        if v != u and same(step(np.exp(-d2[v] / (2 * sigma ** 2)))):
            return Feedback(False, f"Your update is centred on unit {divmod(v, cols)}: is "
                                   "that the unit closest to x?")
    off = np.argwhere(~np.isclose(mine, want, rtol=0, atol=5e-4).all(axis=2))[0]
    r, c = int(off[0]), int(off[1])
    g = gap[r * cols + c]
    units = "grid unit" if np.isclose(g, 1) else "grid units"
    return Feedback(False, f"Unit ({r}, {c}) is off (it is {g:.3g} {units} from the winner): "
                           "recompute its h_u and its step.")


# --- §5.5.4 cascade-correlation ------------------------------------------------------------

def check_correlation_gradient(grad_S) -> Feedback:
    """§5.5.4: is ``grad_S(V, f_prime, I, E)`` the gradient dS/dw of Fahlman's correlation
    S = sum_o |sum_p (V_p - V_bar)(E_{p,o} - E_bar_o)| for one candidate unit?

    ``V`` (m,) the candidate's outputs, ``f_prime`` (m,) its slopes f'_p, ``I`` (m, p) what it
    sees (the inputs, the installed units and the dummy input -1), ``E`` (m, l) the residual
    errors; the function must return the (p,) vector dS/dw_i. It is compared with the
    package's gradient (itself held to finite differences) on random candidates.
    """
    if grad_S is None:
        return _NOT_ANSWERED
    if not callable(grad_S):
        raise TypeError(f"grad_S must be a function; got {_describe(grad_S)}")
    from .networks.cascade import candidate_gradient, symmetric_sigmoid

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
            return Feedback(False, f"Your gradient has shape {got.shape}; it needs one entry "
                                   f"per incoming weight: {want.shape}.")
        if np.allclose(got, want, rtol=1e-8, atol=1e-12):
            continue
        Ec = E - E.mean(axis=0)
        sigma = np.sign(V @ Ec)
        sigma_raw = np.sign(V @ E)  # the sign of the uncentred sum: a slip
        centred = "Are the errors centred (E_p,o minus their mean Ē_o)?"
        slips = [
            ("Each output o enters with the sign σ_o of its correlation; is it there?",
             inputs.T @ ((Ec @ np.ones(n_out)) * f_prime)),
            (centred, inputs.T @ ((E @ sigma) * f_prime)),
            (centred, inputs.T @ ((E @ sigma_raw) * f_prime)),
            ("σ_o is the sign of the correlation itself, the sum over p of (V_p − V̄)(E_p,o − "
             "Ē_o); is that what yours takes the sign of?",
             inputs.T @ ((Ec @ sigma_raw) * f_prime)),
            ("Is the slope f'_p of the candidate's activation in the sum?",
             inputs.T @ (Ec @ sigma)),
        ]
        for hint, slip in slips:
            if np.allclose(got, slip, rtol=1e-8, atol=1e-12):
                return Feedback(False, f"On a random candidate ({m} samples, {n_out} outputs) "
                                       f"your gradient differs from dS/dw. {hint}")
        ratio = got / np.where(want == 0, np.nan, want)
        if np.allclose(got, 0.0):
            hint = " Yours is zero everywhere."
        elif np.nanstd(ratio) < 1e-6 and np.isclose(np.nanmean(ratio), -1.0):
            hint = (" It has the opposite sign: S is to be increased, and dS/dw points the way "
                    "it grows.")
        elif np.nanstd(ratio) < 1e-6:
            hint = " It is off by a constant factor."
        else:
            hint = " Check each factor of the sum over p and o."

        return Feedback(False, f"On a random candidate ({m} samples, {n_out} outputs) your "
                               f"gradient differs from dS/dw.{hint}")
    return Feedback(True, "Your dS/dw matches the gradient of Fahlman's S on 5 random "
                          "candidates.")


def cascade_overfitting_data() -> tuple:
    """The noisy circles of notebook 5.5.4: ``(X, y, X_val, y_val, X_test, y_test)``, 80
    training, 200 validation and 1000 test points of ``toy_2d("circles", noise=0.3)``."""
    from .datasets import toy_2d

    return (*toy_2d("circles", n=80, noise=0.3, random_state=0),
            *toy_2d("circles", n=200, noise=0.3, random_state=20_000),
            *toy_2d("circles", n=1000, noise=0.3, random_state=10_000))


def check_cascade_units(n_hidden) -> Feedback:
    """§5.5.4: is ``n_hidden`` the number of hidden units the *validation* data choose for
    ``CascadeCorrelation(max_hidden=25, random_state=0)`` on :func:`cascade_overfitting_data`
    (the best validation accuracy, or at most one validation point below it)? Reports the test
    accuracy it gives."""
    if n_hidden is None:
        return _NOT_ANSWERED
    from ._validation import check_scalar
    from .networks.cascade import CascadeCorrelation

    X, y, X_val, y_val, X_test, y_test = cascade_overfitting_data()
    net = CascadeCorrelation(max_hidden=25, random_state=0).fit(X, y)
    k = check_scalar(n_hidden, "n_hidden", integer=True, min_value=0)
    if k > net.n_hidden_:
        return Feedback(False, f"The network stops growing at {net.n_hidden_} units (every "
                               f"training point right); pick a stage from 0 to {net.n_hidden_}.")
    val = net.stage_scores(X_val, y_val)
    test = net.stage_scores(X_test, y_test)
    right = np.rint(val * len(y_val)).astype(int)  # validation points right, per stage
    units = f"{k} unit{'' if k == 1 else 's'}"
    if right[k] >= right.max() - 1:  # ties, or one point (0.5 %) short: equally supported
        how = ("the best of all stages" if right[k] == right.max() else
               "one validation point short of the best, as good a choice")
        return Feedback(True, f"With {units} the validation accuracy is {val[k]:.1%}, {how}; "
                              f"on the test data that gives {test[k]:.1%}, against "
                              f"{test[-1]:.1%} for the fully grown network of "
                              f"{net.n_hidden_} units.")
    better = "fewer" if np.argmax(val) < k else "more"
    return Feedback(False, f"With {units} the validation accuracy is {val[k]:.1%}; a stage "
                           f"with {better} units does better on the validation data.")


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
    from .networks.boltzmann import BoltzmannMachine, state_index

    if p is None:
        return _NOT_ANSWERED
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
        return Feedback(True, f"P(s = {_fmt(s)}) is right: e^(-E(s)) over the sum of "
                              f"e^(-E(t)) for all {n_states} states.")
    E = bm.energy(bm.states())
    if near(np.exp(-E[k])):
        return Feedback(False, f"That is e^(-E(s)) alone: divide by Σ_t e^(-E(t)) over all "
                               f"{n_states} states (5.21).")
    if not 0.0 <= p <= 1.0:
        return Feedback(False, "A probability lies between 0 and 1: did you divide by the "
                               "sum over all states (5.21)?")
    if near(BoltzmannMachine(bm.w, -bm.theta).distribution()[k]):
        return Feedback(False, "Check the sign of θ: (5.20) has - θ_i s_i, so a positive θ_i "
                               "lowers the energy of s_i = 1.")
    if near(BoltzmannMachine(-bm.w, bm.theta).distribution()[k]):
        return Feedback(False, "Check the sign of the pair term: (5.20) has - w_ij s_i s_j.")
    if near(BoltzmannMachine(2 * bm.w, bm.theta).distribution()[k]):
        return Feedback(False, "Each pair counts once in (5.20): the double sum runs over "
                               "i < j only.")
    flipped = np.exp(E - E.max())
    if near(flipped[k] / flipped.sum()):
        return Feedback(False, "P(s) is proportional to e^(-E(s)): the lower the energy, the "
                               "more likely the state.")
    if _rounded_too_far(p, bm.distribution()[k]):
        return Feedback(False, "Close: give three decimals. Your value agrees with P(s) only "
                               "to fewer digits, so the method looks right; keep the "
                               "unrounded e^(-E) values until the last step.")
    return Feedback(False, f"That is not P(s) for this machine. Compute E(t) (5.20) for all "
                           f"{n_states} states, then e^(-E(s)) / Σ_t e^(-E(t)) (5.21).")


def check_max_log_likelihood(X, value) -> Feedback:
    """§5.5.6: is ``value`` the largest mean log-likelihood (1/m) Σ_k ln P(x_k) that ANY
    distribution P over binary vectors can give the rows of X?

    Examples
    --------
    >>> check_max_log_likelihood([[0, 1], [1, 0]], 0.0)
    ✗ Not yet. P cannot give every pattern probability 1: its probabilities sum to 1.
    """
    if value is None:
        return _NOT_ANSWERED
    X = as_float_array(X, "X", ndim=2, allow_nan=False)
    value = float(as_float_array(value, "value", ndim=0, allow_nan=False))
    _, counts = np.unique(X, axis=0, return_counts=True)
    share = counts / counts.sum()
    best = float(np.sum(share * np.log(share)))  # the training set's own distribution

    def near(v):
        return bool(np.isclose(value, v, rtol=1e-3, atol=1e-3))

    if near(best):
        return Feedback(True, "No distribution does better than the training set's own "
                              "(Gibbs' inequality); an RBM can only approach it.")
    if value > 0:
        return Feedback(False, "A probability is at most 1, so its logarithm is never "
                               "positive.")
    if near(0.0):
        return Feedback(False, "P cannot give every pattern probability 1: its probabilities "
                               "sum to 1.")
    if near(-X.shape[1] * np.log(2)):
        return Feedback(False, f"That is the uniform distribution over all 2^{X.shape[1]} "
                               "states. A model may put all its mass on the training "
                               "patterns instead.")
    if near(best / np.log(2)) or near(best / np.log(10)):
        return Feedback(False, "Right idea, wrong logarithm: the log-likelihood uses the "
                               "natural log, ln.")
    if len(X) > 1 and np.isclose(value, len(X) * best, rtol=5e-3, atol=0.0):
        return Feedback(False, f"That is the sum over the {len(X)} patterns; the question asks "
                               "for the mean, (1/m) Σ_k ln P(x_k), not the sum.")
    if _rounded_too_far(value, best):
        return Feedback(False, "Close: give three decimals. Your value agrees with the best "
                               "only to fewer digits, so the idea looks right.")
    if value > best:
        return Feedback(False, "Too high: no distribution reaches that. How much probability "
                               "can each pattern get if they share a total of 1?")
    return Feedback(False, "A model can do better than that. Which distribution over binary "
                           "vectors makes (1/m) Σ ln P(x_k) as large as possible?")


# --- §5.3 BP in practice: learning-rate regimes (book exercise 5.4) ----------------------------

_REGIMES = ("good", "slow", "stuck", "oscillating", "diverged")
# what each name means, as training_regime judges it (E_1: the error of the first epoch)
_REGIME_RULE = {
    "diverged": "the weights blew up (BPNetwork's diverged_)",
    "oscillating": "E rose from one epoch to the next in more than 10 % of the epochs of the "
                   "second half",
    "stuck": "E ended above 90 % of E_1 (it fell by less than 10 %)",
    "slow": "E ended between 20 % and 90 % of E_1",
    "good": "E ended at or below 20 % of E_1",
}


def _bp_regime(eta: float, mode: str) -> tuple[str, ...]:
    """The regime names that describe the run of the learning-rate sweep of notebook
    5.3-bp-in-practice at ``eta`` (a 2-5-1 sigmoid network on watermelon 3.0α, initial weights
    from seed 0, 2000 epochs): first the one :func:`~chapter5.backprop.training_regime` names;
    for an "oscillating" run also where its error ended ("good", "slow" or "stuck"), since
    "oscillating" describes the path of E and the others where it ends, and both are true."""
    from .backprop import BPNetwork, training_regime
    from .datasets import watermelon_3_0_alpha

    X, y = watermelon_3_0_alpha()
    net = BPNetwork(hidden=(5,), eta=eta, mode=mode, max_epochs=2000, random_state=0).fit(X, y)
    name = training_regime(net.loss_curve_, net.diverged_)
    if name != "oscillating":
        return (name,)
    # A curve of two values, the first and the last E, has no second half to oscillate in:
    # training_regime then judges only where E ended, by its cut-offs of 90 % and 20 %.
    return (name, training_regime([net.loss_curve_[0], net.loss_curve_[-1]]))


def check_bp_regimes(predictions, mode: str = "accumulated") -> Feedback:
    """Book exercise 5.4: which regime does BP in ``mode`` show at each learning rate η?

    ``predictions`` maps learning rates η to a regime name, as
    :func:`chapter5.backprop.training_regime` defines them, in the sweep of notebook
    5.3-bp-in-practice: a 2-5-1 sigmoid network on watermelon 3.0α, initial weights from
    seed 0, 2000 epochs. With E_1 the error of the first epoch: "diverged" (the weights blew
    up), "oscillating" (E rose in more than 10 % of the epochs of the second half), else by
    where E ended: "stuck" (above 90 % of E_1), "slow" (between 20 % and 90 %) or "good" (at
    most 20 %). "oscillating" describes the path and the last three where E ends, so for a run
    that oscillated both "oscillating" and its end ("good", "slow" or "stuck") are accepted.
    Every run is trained here (about 0.2 s each), so any η > 0 may be asked about; a
    prediction left as None is skipped. A wrong one is named by its η, with a hint that points
    the right way, never with the right regime.

    Examples
    --------
    >>> check_bp_regimes({0.01: "slow", 1e8: "diverged"}).ok
    True
    >>> feedback = check_bp_regimes({1.0: "good"})
    >>> bool(feedback), "standard BP" in feedback.message
    (False, True)
    """
    from collections.abc import Mapping

    from ._validation import check_option, check_scalar

    mode = check_option(mode, "mode", ("standard", "accumulated"))
    if not isinstance(predictions, Mapping):
        raise TypeError(f"predictions must be a dict that maps learning rates to regime names, "
                        f"e.g. {{0.1: 'slow'}}; got {_describe(predictions)}")
    if not 1 <= len(predictions) <= 20:
        raise ValueError(f"predictions must hold 1 to 20 learning rates (each is a training "
                         f"run); got {len(predictions)}")
    valid = ", ".join(repr(r) for r in _REGIMES)
    answered = {}
    for key, regime in predictions.items():
        eta = check_scalar(key, "each learning rate (key) of predictions", min_value=0.0,
                           include_min=False)
        if regime is None:
            continue
        if not isinstance(regime, str):
            raise TypeError(f"predictions[{eta:g}] must be a regime name, one of {valid}; got "
                            f"{_describe(regime)}")
        if regime.strip().lower() not in _REGIMES:
            raise ValueError(f"predictions[{eta:g}] must be one of {valid}; got {regime!r}")
        answered[eta] = regime.strip().lower()
    if not answered:
        return _NOT_ANSWERED
    truth = {eta: _bp_regime(eta, mode) for eta in sorted(answered)}
    wrong = [eta for eta in truth if answered[eta] not in truth[eta]]
    n_open = len(predictions) - len(answered)
    if not wrong:
        if n_open:
            return Feedback(False, f"The {len(answered)} you filled in are right; {n_open} "
                                   f"{'is' if n_open == 1 else 'are'} still None: fill "
                                   f"{'it' if n_open == 1 else 'them'} in too.")
        listing = ", ".join(f"{' and '.join(truth[eta])} at η = {eta:g}" for eta in truth)
        both = [eta for eta in truth if len(truth[eta]) == 2]
        note = (f" At η = {', '.join(f'{eta:g}' for eta in both)} both names are right: E "
                "rose in many epochs of the second half (the path oscillated), and where it "
                "ended gives the second name." if both else "")
        return Feedback(True, f"{mode.capitalize()} BP on watermelon 3.0α: {listing}.{note}")
    eta = wrong[0]
    guess, names = answered[eta], truth[eta]
    end = names[-1]  # where E ended ("good", "slow", "stuck"), or "diverged"
    other = "standard" if mode == "accumulated" else "accumulated"
    rank = {"stuck": 0, "slow": 1, "good": 2}  # how far E falls in 2000 epochs
    if end == "diverged":
        hint = ("How large is the very first update at this η? See how BPNetwork reports "
                "weights that blow up.")
    elif guess == "diverged":
        hint = "The weights stay finite for all 2000 epochs."
    elif guess == "oscillating":
        hint = ("In the second half of training E rises in at most 10 % of the epochs; "
                f"'oscillating' means {_REGIME_RULE['oscillating']}.")
    elif guess in _bp_regime(eta, other):
        hint = (f"'{guess}' is what {other} BP does at η = {eta:g}. " +
                ("One accumulated update follows the average gradient of all 17 melons, once "
                 "per epoch, where standard BP makes 17 updates: per epoch, accumulated BP "
                 "moves the weights less far, as standard BP would with a smaller η."
                 if mode == "accumulated" else
                 "A standard update follows one melon's gradient, 17 times per epoch, where "
                 "accumulated BP makes one update along their average: per epoch, standard BP "
                 "moves the weights further, as accumulated BP would with a larger η."))
    else:
        way = "further" if rank[end] > rank[guess] else "less far"
        hint = (f"Compare E after 2000 epochs with E_1, the error of the first epoch: it "
                f"falls {way} than '{guess}' means ({_REGIME_RULE[guess]}).")
        if names[0] == "oscillating":
            hint += " And look at the second half of its error curve: does E only fall?"
    many = f"{len(wrong)} of your {len(answered)} predictions are" if len(wrong) > 1 else (
        f"1 of your {len(answered)} predictions is" if len(answered) > 1 else "Your prediction is")
    return Feedback(False, f"{many} wrong: at η = {eta:g}, {mode} BP is not '{guess}'. {hint}")
