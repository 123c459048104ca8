"""§5.5.4 Cascade-correlation (캐스케이드 상관), Fahlman & Lebiere (1990).

A *constructive* network: it starts with no hidden unit, the inputs wired straight to the
outputs, and grows one hidden unit at a time. Each stage

1. trains the output weights (a single layer: no hidden unit changes);
2. trains a pool of candidate units, each seeing the inputs and every installed hidden unit, to
   maximise the magnitude of the correlation between its output V_p and the residual error
   E_{p,o} = y_hat_{p,o} - y_{p,o} the network still makes:

       S = sum_o | sum_p (V_p - V_bar) (E_{p,o} - E_bar_o) |                      (Fahlman's S)

   (a covariance summed over the samples, not normalised: "correlation" loosely);

3. installs the best candidate with its input weights **frozen** for good, connects it to the
   outputs, and goes back to 1,

until the training error (or accuracy) target or the unit limit is reached. Because each new
unit also sees all the earlier ones, the hidden units form a *cascade*: unit k is a layer of
its own, fed by the inputs and units 1 .. k-1.

Freezing is the point of the method: in backpropagation every hidden unit chases an error signal
that keeps changing while all the other units change too (the "moving target" problem); here a
unit is trained once, against a fixed residual, and never moves again, so the features already
learned cannot be disturbed and each stage trains a single layer of weights.

Code conventions: samples are rows; thresholds are subtracted, f(sum_i w_i x_i - theta), and
stored with the weights as the weight of a dummy input -1 (the book's trick of §5.2).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .._estimator import Estimator, label_accuracy, label_targets
from .._validation import as_float_array, check_random_state, check_samples, check_scalar
from ..activations import sigmoid_kernel
from ..training import EpochInfo, History

__all__ = [
    "CascadeCorrelation",
    "CascadeEpochInfo",
    "CascadeStage",
    "candidate_correlation",
    "candidate_gradient",
    "symmetric_sigmoid",
    "two_spirals",
]

# Rprop (Riedmiller & Braun 1993, the iRprop- variant of Igel & Huesken 2000) constants
RPROP_UP, RPROP_DOWN = 1.2, 0.5
RPROP_MIN, RPROP_MAX = 1e-6, 50.0


def two_spirals(density: int = 1, radius: float = 6.5) -> tuple[np.ndarray, np.ndarray]:
    """The two-spirals problem of Lang & Witbrock (1988): two interlocked spirals in the plane.

    Point i of the first spiral (i = 0 .. 96 density) has angle i pi / (16 density) and radius
    ``radius`` (104 density - i) / (104 density); the second spiral is its negation (every
    point reflected through the origin). Each spiral turns three times around the origin.

    Parameters
    ----------
    density : int, default 1
        1 gives the classic 194 points (97 per spiral); 2 adds a point between every two
        neighbours along each spiral (angle i pi / (16 density)); the odd-numbered points
        are then a natural held-out set.
    radius : float, default 6.5
        Radius of the outermost points.

    Returns
    -------
    X : ndarray (2 (96 density + 1), 2)
        The first spiral's points (i = 0, 1, ...), then the second's.
    y : int ndarray
        1 for the first spiral, 0 for the second.

    References
    ----------
    K. J. Lang and M. J. Witbrock, "Learning to Tell Two Spirals Apart", in Proceedings of the
    1988 Connectionist Models Summer School, Morgan Kaufmann, 1988, pp. 52-59.

    Examples
    --------
    >>> X, y = two_spirals()
    >>> X.shape, int(y.sum())
    ((194, 2), 97)
    >>> X[0].tolist(), X[97].tolist()        # i = 0: angle 0, radius 6.5, and its negation
    ([0.0, 6.5], [-0.0, -6.5])
    """
    density = check_scalar(density, "density", integer=True, min_value=1, max_value=64)
    radius = check_scalar(radius, "radius", min_value=0.0, include_min=False)
    i = np.arange(96 * density + 1)
    angle = i * np.pi / (16.0 * density)
    r = radius * (104 * density - i) / (104.0 * density)
    # x = r sin(angle), y = r cos(angle): point 0 at the top, (0, 6.5)
    first = np.column_stack([r * np.sin(angle), r * np.cos(angle)])
    X = np.vstack([first, -first])
    y = np.concatenate([np.ones(len(i), dtype=int), np.zeros(len(i), dtype=int)])
    return X, y


def symmetric_sigmoid(s):
    """The symmetric sigmoid f(s) = 1 / (1 + e^{-s}) - 1/2 = tanh(s / 2) / 2, in (-1/2, 1/2).

    Its slope is f'(s) = 1/4 - f(s)^2 (the sigmoid's f(1 - f), shifted). Fahlman & Lebiere's
    paper names tanh (range -1 .. 1); this halved form is the "symmetric sigmoid" of Fahlman's
    own cascade-correlation code, and it keeps the book's logistic sigmoid in view.

    Examples
    --------
    >>> float(symmetric_sigmoid(0.0)), round(float(symmetric_sigmoid(50.0)), 6)
    (0.0, 0.5)
    """
    return 0.5 * np.tanh(0.5 * np.asarray(s, dtype=float))


def candidate_correlation(V, E) -> np.ndarray:
    """Fahlman's S for each candidate: S = sum_o | sum_p (V_p - V_bar)(E_{p,o} - E_bar_o) |.

    Parameters
    ----------
    V : array (m,) or (m, C)
        Candidate outputs V_p for the m training samples (one column per candidate).
    E : array (m,) or (m, l)
        Residual errors E_{p,o} = y_hat_{p,o} - y_{p,o} of the l output units.

    Returns
    -------
    ndarray (C,)
        S of every candidate (a 1-element array for one candidate).

    Examples
    --------
    >>> candidate_correlation([1.0, -1.0, 0.0], [0.5, -0.5, 0.0]).tolist()
    [1.0]
    """
    V = as_float_array(V, "V", ndim=(1, 2), allow_nan=False)
    E = as_float_array(E, "E", ndim=(1, 2), allow_nan=False)
    V = V[:, None] if V.ndim == 1 else V
    E = E[:, None] if E.ndim == 1 else E
    if len(V) != len(E):
        raise ValueError(f"V must have one row per sample of E ({len(E)}); got {len(V)}")
    corr = (V - V.mean(axis=0)).T @ (E - E.mean(axis=0))  # (C, l)
    return np.abs(corr).sum(axis=1)


def _pool_gradient(F, W, Ec):
    """S (C,) and dS/dW (p, C) of a candidate pool: inputs F (m, p), weights W (p, C),
    centred residuals Ec (m, l). Returns (S, grad, V)."""
    V = symmetric_sigmoid(F @ W)  # (m, C)
    corr = (V - V.mean(axis=0)).T @ Ec  # (C, l)
    # sum_p (V_p - V_bar)(E_p - E_bar) = sum_p V_p (E_p - E_bar) since sum_p (E_p - E_bar) = 0,
    # so dS/dw_i = sum_{p,o} sigma_o (E_{p,o} - E_bar_o) f'_p I_{p,i}, sigma_o = sign(corr_o)
    delta = (Ec @ np.sign(corr).T) * (0.25 - V * V)  # (m, C): f' = 1/4 - f^2
    return np.abs(corr).sum(axis=1), F.T @ delta, V


def candidate_gradient(inputs, weights, E) -> tuple[np.ndarray, np.ndarray]:
    """S and dS/dw for candidate units f(sum_i w_i I_i - theta) (Fahlman & Lebiere 1990).

    Parameters
    ----------
    inputs : array (m, p)
        What a candidate sees: the inputs x and the installed hidden units' outputs.
    weights : array (p + 1,) or (p + 1, C)
        Per candidate, the p input weights followed by its threshold (weight of the dummy
        input -1).
    E : array (m,) or (m, l)
        Residual errors of the output units.

    Returns
    -------
    S : ndarray (C,)
    grad : ndarray, the shape of ``weights``
        dS/dw = sum_{p,o} sigma_o (E_{p,o} - E_bar_o) f'_p I_{p,i}, with sigma_o the sign of
        the correlation with output o (exact: the V_bar term drops out since the centred
        errors sum to 0).

    Examples
    --------
    >>> S, g = candidate_gradient([[0.0], [1.0]], [1.0, 0.0], [-0.5, 0.5])
    >>> S.round(4).tolist(), g.round(4).tolist()  # V = f(0), f(1) = 0, 0.2311; f' = 1/4, 0.1966
    ([0.1155], [0.0983, 0.0267])
    """
    inputs = as_float_array(inputs, "inputs", ndim=2, allow_nan=False)
    W = as_float_array(weights, "weights", ndim=(1, 2), allow_nan=False)
    E = as_float_array(E, "E", ndim=(1, 2), allow_nan=False)
    one = W.ndim == 1
    W = W[:, None] if one else W
    E = E[:, None] if E.ndim == 1 else E
    if W.shape[0] != inputs.shape[1] + 1:
        raise ValueError(f"weights must have {inputs.shape[1] + 1} rows (one per input and "
                         f"the threshold); got shape {W.shape}")
    if len(E) != len(inputs):
        raise ValueError(f"E must have one row per sample of inputs ({len(inputs)}); got "
                         f"{len(E)}")
    F = np.column_stack([inputs, -np.ones(len(inputs))])
    S, grad, _ = _pool_gradient(F, W, E - E.mean(axis=0))
    return S, (grad[:, 0] if one else grad)


def _output_gradient(F, Y_hat, R, offset=0.0):
    """dE/dW of E = 1/(2m) sum (y_hat - y)^2 (5.16) for output weights W (p, l) over inputs
    F (m, p), with Fahlman's "sigmoid prime offset" added to the slope y_hat (1 - y_hat) (5.9):
    an output saturated at the wrong value still pulls. ``offset=0`` is the exact gradient."""
    # minus g_j (5.10) (home: backprop.output_term) with the offset added to its slope
    # y_hat (1 - y_hat); R is y_hat - y, so this is dE/dW, not -dE/dW
    return F.T @ (R * (Y_hat * (1.0 - Y_hat) + offset)) / len(F)


class _Rprop:
    """iRprop-: per-weight step sizes that grow by 1.2 while the gradient keeps its sign and
    halve when it flips (then that weight skips one step); only the gradient's sign is used."""

    def __init__(self, shape, step0):
        self.step = np.full(shape, step0)
        self.prev = np.zeros(shape)

    def delta(self, grad):
        same = grad * self.prev
        self.step = np.where(same > 0, np.minimum(self.step * RPROP_UP, RPROP_MAX),
                             np.where(same < 0, np.maximum(self.step * RPROP_DOWN, RPROP_MIN),
                                      self.step))
        grad = np.where(same < 0, 0.0, grad)
        self.prev = grad
        return np.sign(grad) * self.step


@dataclass(frozen=True)
class CascadeStage:
    """One stage of a cascade-correlation run: the network with ``n_hidden`` installed units.

    Attributes
    ----------
    n_hidden : int
        Hidden units installed (0 for the first stage: inputs straight to the outputs).
    w : ndarray (d + n_hidden, l)
        Output weights after this stage's output training, over [x_1 .. x_d, b_1 .. b_k].
    theta : ndarray (l,)
        Output thresholds.
    unit_v : ndarray (d + n_hidden - 1,) or None
        Input weights of the unit installed at this stage (frozen from then on), over
        [x_1 .. x_d, b_1 .. b_{k-1}]; None at stage 0.
    unit_gamma : float or None
        Its threshold.
    E : float
        Training error E = 1/(2m) sum_p sum_o (y_hat - y)^2 after the output training.
    accuracy : float
        Training accuracy after the output training.
    output_epochs, candidate_epochs : int
        Epochs of output training, and of candidate training before this stage's unit.
    correlation : float or None
        S of the installed unit; ``pool_correlations`` holds every candidate's final S.
    loss_curve : ndarray
        E per output-training epoch of this stage.
    correlation_curve : ndarray or None
        The pool's best S per candidate-training epoch.
    """

    n_hidden: int
    w: np.ndarray
    theta: np.ndarray
    unit_v: np.ndarray | None
    unit_gamma: float | None
    E: float
    accuracy: float
    output_epochs: int
    candidate_epochs: int
    correlation: float | None
    pool_correlations: np.ndarray | None
    loss_curve: np.ndarray
    correlation_curve: np.ndarray | None

    @property
    def epochs(self) -> int:
        """Output plus candidate epochs of this stage."""
        return self.output_epochs + self.candidate_epochs


class CascadeHistory(list, History):
    """The stages of a run, ``history[k]`` the network with k hidden units (a list as before).

    The package's :class:`~chapter5.training.History` interface: ``steps`` 0..K (hidden units
    installed, ``unit = "hidden unit"``), ``snapshot(k)`` stage k's parameters by name.
    """

    unit = "hidden unit"

    @property
    def steps(self) -> np.ndarray:
        return np.array([st.n_hidden for st in self], dtype=int)

    def snapshot(self, i: int) -> dict:
        st = self[i]
        return {"w": st.w.copy(), "theta": st.theta.copy(),
                "unit_v": None if st.unit_v is None else st.unit_v.copy(),
                "unit_gamma": st.unit_gamma}


@dataclass(frozen=True)
class CascadeEpochInfo(EpochInfo):
    """What :meth:`CascadeCorrelation.fit`'s callback sees after every output-training epoch.

    The fields of :class:`~chapter5.training.EpochInfo`, read for a growing network:
    ``epoch`` is the epochs run so far, output and candidate (the x of this E in the error
    curve: 0 at the first call, before any update); ``loss`` that epoch's training E;
    ``val_loss`` None; ``eta`` Rprop's initial step ``step0`` (Rprop has no learning rate);
    ``params`` the network now, a read-only flat vector (see
    :meth:`CascadeCorrelation.unpack_parameters`); ``max_epochs`` the most the run can take
    (every stage at its epoch limits). Besides: ``n_hidden``, the units installed, and
    ``stages``, the :class:`CascadeStage` records of the stages completed so far (stages
    0 .. n_hidden - 1).
    """

    n_hidden: int = 0
    stages: tuple = ()


class CascadeCorrelation(Estimator):
    """Cascade-correlation learning (Fahlman & Lebiere 1990): a network that grows its own hidden
    units, one at a time, each frozen once installed.

    Parameters
    ----------
    max_hidden : int, default 20
        The unit limit: at most this many hidden units are installed.
    n_candidates : int, default 8
        Size of the candidate pool trained (in parallel, from different random weights) before
        each installation; the one with the largest S is installed.
    target_accuracy : float in (0, 1], default 1.0
        Stop (and stop each output training) once the training accuracy reaches this.
    tol : float, default 0.0
        Also stop once the training error E falls to ``tol`` or below.
    max_output_epochs, max_candidate_epochs : int, default 400
        Epoch limits of each output-training and candidate-training phase.
    patience : int, default 12
        A phase also ends when its objective (E falling, or the pool's best S rising) has not
        improved by ``min_improvement`` (relative) over the last ``patience`` epochs.
    min_improvement : float, default 0.01
    weight_range : float, default 1.0
        Initial weights (output weights at the start, and every candidate's) are uniform in
        (-weight_range, weight_range).
    step0 : float, default 0.05
        Rprop's initial step size.
    prime_offset : float, default 0.1
        Added to the output sigmoid's slope y(1 - y) in the output gradient (Fahlman's
        "sigmoid prime offset"): without it an output saturated at the wrong value hardly
        pulls, and the residual the candidates correlate with is not what output training can
        use. 0 gives the exact gradient of E.
    random_state : None, int or numpy.random.Generator

    Attributes
    ----------
    hidden_v_ : list of ndarray
        ``hidden_v_[k]`` (d + k,): frozen input weights of hidden unit k + 1 over
        [x_1 .. x_d, b_1 .. b_k].
    hidden_gamma_ : ndarray (n_hidden_,)
        Their thresholds γ_k.
    w_ : ndarray (d + n_hidden_, l), theta_ : ndarray (l,)
        Output weights over [x_1 .. x_d, b_1 .. b_K] and output thresholds (the last stage).
    history_ : CascadeHistory (a list of CascadeStage)
        ``history_[k]`` is the network with k hidden units: replay any stage with
        ``predict(X, n_hidden=k)`` without retraining.
    n_hidden_ : int
    output_epochs_, candidate_epochs_, n_epochs_ : int
        Epochs spent training outputs, candidates, and both (each is one pass over the data;
        the candidate pool counts once per pass, as in the paper).
    loss_curve_ : ndarray
        E per output-training epoch, all stages in order.
    classes_ : ndarray
        The class labels: ``[0, 1]`` (each output unit's) for targets in [0, 1], learnt as
        they are; any other 1-D labels are sorted into ``classes_`` and coded (two classes:
        one output unit, 1 for ``classes_[1]``; k > 2: k one-hot output units, and
        ``predict`` takes the largest output).
    converged_ : bool
        True if the accuracy or error target was met (False: stopped at ``max_hidden``, or
        by the callback).
    stop_reason_ : {"converged", "max_hidden", "callback"}
        Why growing stopped.

    Notes
    -----
    Units: hidden units use the symmetric sigmoid f(s) = 1/(1 + e^{-s}) - 1/2; the
    output units are the book's sigmoid (5.3) with targets in [0, 1] and the error E of (5.16).
    Every unit computes f(sum_i w_i I_i - threshold). Both phases are full-batch and use
    **Rprop** (iRprop-: only the sign of each partial derivative is used, with a per-weight
    step that grows by 1.2 while the sign holds and halves when it flips), not Fahlman's
    quickprop: simpler to read and indifferent to the scale of S, for about 30 % more epochs
    on the two spirals (below).
    Installed units are read-only arrays; a new unit's output weights start at 0, so each
    stage starts from the function the previous stage ended with.

    On the two spirals (:func:`two_spirals`), seeds 0-29 all reach 100 % training accuracy
    with 11-20 hidden units (mean 13.8) and 1853-2917 epochs (mean 2210); Fahlman & Lebiere
    report 12-19 units (mean 15.2) and about 1700 epochs with quickprop
    (``benchmarks/cascade_two_spirals.py``).

    References
    ----------
    S. E. Fahlman and C. Lebiere, "The Cascade-Correlation Learning Architecture", in Advances
    in Neural Information Processing Systems 2, 1990, pp. 524-532 (the book cites the
    technical report of the same title, CMU-CS-90-100, Carnegie Mellon University, 1990).

    Examples
    --------
    >>> from chapter5.datasets import logic_gate
    >>> X, y = logic_gate("xor")
    >>> net = CascadeCorrelation(max_hidden=4, random_state=0).fit(X, y)
    >>> net.predict(X).tolist(), net.n_hidden_
    ([0, 1, 1, 0], 1)
    """

    def __init__(self, max_hidden=20, n_candidates=8, target_accuracy=1.0, tol=0.0,
                 max_output_epochs=400, max_candidate_epochs=400, patience=12,
                 min_improvement=0.01, weight_range=1.0, step0=0.05, prime_offset=0.1,
                 random_state=None):
        self.max_hidden = max_hidden
        self.n_candidates = n_candidates
        self.target_accuracy = target_accuracy
        self.tol = tol
        self.max_output_epochs = max_output_epochs
        self.max_candidate_epochs = max_candidate_epochs
        self.patience = patience
        self.min_improvement = min_improvement
        self.weight_range = weight_range
        self.step0 = step0
        self.prime_offset = prime_offset
        self.random_state = random_state

    # ---- checks ---------------------------------------------------------------------------

    _estimator_type = "classifier"
    _multi_output = True  # y (m, l): one column per output unit

    def _validate(self) -> dict:
        return {
            "max_hidden": check_scalar(self.max_hidden, "max_hidden", integer=True,
                                       min_value=0, max_value=500),
            "n_candidates": check_scalar(self.n_candidates, "n_candidates", integer=True,
                                         min_value=1, max_value=1000),
            "target_accuracy": check_scalar(self.target_accuracy, "target_accuracy",
                                            min_value=0.0, max_value=1.0, include_min=False),
            "tol": check_scalar(self.tol, "tol", min_value=0.0),
            "max_output_epochs": check_scalar(self.max_output_epochs, "max_output_epochs",
                                              integer=True, min_value=1),
            "max_candidate_epochs": check_scalar(self.max_candidate_epochs,
                                                 "max_candidate_epochs", integer=True,
                                                 min_value=1),
            "patience": check_scalar(self.patience, "patience", integer=True, min_value=1),
            "min_improvement": check_scalar(self.min_improvement, "min_improvement",
                                            min_value=0.0, max_value=1.0),
            "weight_range": check_scalar(self.weight_range, "weight_range", min_value=0.0,
                                         include_min=False),
            "step0": check_scalar(self.step0, "step0", min_value=RPROP_MIN,
                                  max_value=RPROP_MAX),
            "prime_offset": check_scalar(self.prime_offset, "prime_offset", min_value=0.0,
                                         max_value=1.0),
        }

    @staticmethod
    def _check_y(y, m: int) -> np.ndarray:
        Y = as_float_array(y, "y", ndim=(1, 2), allow_nan=False)
        Y = Y[:, None] if Y.ndim == 1 else Y
        if len(Y) != m:
            raise ValueError(f"y must have one row per sample of X ({m}); got {len(Y)}")
        if np.any((Y < 0) | (Y > 1)):
            raise ValueError(f"y must lie in [0, 1] (labels 0/1, or one column per output "
                             f"unit): the outputs are sigmoids; got values from {Y.min():g} "
                             f"to {Y.max():g}")
        return Y

    @staticmethod
    def _accuracy(Y_hat, Y) -> float:
        return float(np.mean(np.all((Y_hat >= 0.5) == (Y >= 0.5), axis=1)))

    # ---- training -------------------------------------------------------------------------

    def _train_outputs(self, F, W, Y, opt, report=None):
        """Rprop on the output weights W (p, l) for inputs F (m, p); W is changed in place.

        ``report(epoch, E, W)``, if given, is called after every epoch's E (before the
        update); True stops the phase there. Returns ``(losses, R, accuracy, stopped)``."""
        m = len(F)
        rp = _Rprop(W.shape, opt["step0"])
        losses = []
        patience, gain = opt["patience"], opt["min_improvement"]
        stopped = False
        for epoch in range(opt["max_output_epochs"] + 1):
            Y_hat = sigmoid_kernel(F @ W)
            R = Y_hat - Y
            E = 0.5 * float(np.sum(R * R)) / m
            losses.append(E)
            if report is not None and report(epoch, E, W):
                stopped = True
                break
            if (self._accuracy(Y_hat, Y) >= opt["target_accuracy"] or E <= opt["tol"]
                    or epoch == opt["max_output_epochs"]):
                break
            if epoch >= patience and E > (1.0 - gain) * losses[epoch - patience]:
                break
            W -= rp.delta(_output_gradient(F, Y_hat, R, opt["prime_offset"]))
        return np.array(losses), R, self._accuracy(Y_hat, Y), stopped

    def _train_candidates(self, F, R, rng, opt):
        """Rprop ascent on S for a pool of candidates over inputs F (m, p)."""
        p, C = F.shape[1], opt["n_candidates"]
        a = opt["weight_range"]
        Wc = rng.uniform(-a, a, size=(p, C))
        Ec = R - R.mean(axis=0)
        rp = _Rprop(Wc.shape, opt["step0"])
        best = []
        patience, gain = opt["patience"], opt["min_improvement"]
        for epoch in range(opt["max_candidate_epochs"] + 1):
            S, grad, _ = _pool_gradient(F, Wc, Ec)
            best.append(float(S.max()))
            if epoch == opt["max_candidate_epochs"]:
                break
            if epoch >= patience and best[-1] < (1.0 + gain) * best[epoch - patience]:
                break
            Wc += rp.delta(grad)  # ascent: S is maximised
        k = int(np.argmax(S))
        return Wc[:, k].copy(), S, np.array(best)

    def fit(self, X, y, callback=None) -> CascadeCorrelation:
        """Grow the network on ``X`` (m, d) with targets ``y`` (m,) or (m, l) in [0, 1].

        ``callback(info)``, optional, is called after every output-training epoch's E (the
        first time before any update), with a :class:`CascadeEpochInfo`: the epochs so far,
        E, the network as it stands (``params``), the units installed and the stages
        completed. Returning True stops growing there: the stage under way is recorded as
        it stands (``stop_reason_ = "callback"``, ``converged_`` False). A callback that
        never stops changes no trained number.
        """
        opt = self._validate()
        if callback is not None and not callable(callback):
            raise TypeError(f"callback must be callable or None; got {type(callback).__name__}")
        X = check_samples(as_float_array(X, "X", ndim=2, allow_nan=False))
        if len(X) < 2:
            raise ValueError(f"X must have at least 2 samples (rows); got {len(X)}")
        y, classes, coded = label_targets(y, "y")
        Y = self._check_y(y, len(X))
        rng = check_random_state(self.random_state)
        self.classes_ = classes
        self._coded = coded
        m, d = X.shape
        # internal layout: F = [x_1 .. x_d, -1, b_1 .. b_K]; weight vectors follow it, so the
        # entry at index d is the threshold (weight of the dummy input -1)
        F = np.empty((m, d + 1 + opt["max_hidden"]))
        F[:, :d] = X
        F[:, d] = -1.0
        a = opt["weight_range"]
        W = rng.uniform(-a, a, size=(d + 1, Y.shape[1]))
        units, stages, curves = [], [], []
        unit, S_pool, S_curve, cand_epochs = None, None, None, 0
        limit = ((opt["max_hidden"] + 1) * opt["max_output_epochs"]
                 + opt["max_hidden"] * opt["max_candidate_epochs"])
        stopped = False
        while True:
            k = len(units)
            report = None
            if callback is not None:
                start = sum(st.epochs for st in stages) + cand_epochs
                installed = np.concatenate([np.zeros(0), *units])
                done = tuple(stages)

                def report(epoch, E, W, start=start, installed=installed, k=k, done=done):
                    params = np.concatenate([installed, W.ravel()])
                    params.flags.writeable = False
                    return bool(callback(CascadeEpochInfo(
                        start + epoch, E, None, opt["step0"], params, limit, k, done)))

            loss, R, acc, stopped = self._train_outputs(F[:, :d + 1 + k], W, Y, opt, report)
            curves.append(loss)
            stages.append(CascadeStage(
                n_hidden=k, w=np.delete(W, d, axis=0), theta=W[d].copy(),
                unit_v=None if unit is None else np.delete(unit, d),
                unit_gamma=None if unit is None else float(unit[d]),
                E=float(loss[-1]), accuracy=acc, output_epochs=len(loss) - 1,
                candidate_epochs=cand_epochs,
                correlation=None if S_pool is None else float(S_pool.max()),
                pool_correlations=S_pool, loss_curve=loss, correlation_curve=S_curve))
            done = not stopped and (acc >= opt["target_accuracy"] or loss[-1] <= opt["tol"])
            if done or stopped or k == opt["max_hidden"]:
                break
            Fk = F[:, :d + 1 + k]
            unit, S_pool, S_curve = self._train_candidates(Fk, R, rng, opt)
            cand_epochs = len(S_curve) - 1
            unit.setflags(write=False)  # frozen: installed weights never change again
            F[:, d + 1 + k] = symmetric_sigmoid(Fk @ unit)
            units.append(unit)
            W = np.vstack([W, np.zeros((1, W.shape[1]))])  # the new unit's output weights
        self._units = units
        self.hidden_v_ = [np.delete(u, d) for u in units]
        self.hidden_gamma_ = np.array([u[d] for u in units])
        self.w_ = stages[-1].w.copy()
        self.theta_ = stages[-1].theta.copy()
        self.history_ = CascadeHistory(stages)
        self.n_features_in_ = d
        self.n_outputs_ = Y.shape[1]
        self.n_hidden_ = len(units)
        self.output_epochs_ = int(sum(s.output_epochs for s in stages))
        self.candidate_epochs_ = int(sum(s.candidate_epochs for s in stages))
        self.n_epochs_ = self.output_epochs_ + self.candidate_epochs_
        self.loss_curve_ = np.concatenate(curves)
        self.converged_ = bool(done)
        self.stop_reason_ = ("callback" if stopped else "converged" if done
                             else "max_hidden")
        return self

    @staticmethod
    def unpack_parameters(params, n_features: int, n_outputs: int = 1) -> dict:
        """The network a ``fit`` callback saw, from its flat ``params``.

        The flat layout follows the inputs each weight vector reads, [x_1 .. x_d, −1,
        b_1 .. b_{j−1}] (the threshold is the weight of the dummy input −1): the installed
        units' input weights in order (unit j has d + j entries), then the output weights
        (d + 1 + k, l) row by row. Returns ``{"hidden_v": [v_1 .. v_k], "hidden_gamma" (k,),
        "w" (d + k, l), "theta" (l,)}`` in the layout of :attr:`hidden_v_`,
        :attr:`hidden_gamma_`, :attr:`w_` and :attr:`theta_`.

        >>> p = CascadeCorrelation.unpack_parameters(np.arange(7.0), n_features=2)
        >>> p["hidden_v"][0].tolist(), p["hidden_gamma"].tolist(), p["w"].ravel().tolist()
        ([0.0, 1.0], [2.0], [3.0, 4.0, 6.0])
        """
        d = check_scalar(n_features, "n_features", integer=True, min_value=1)
        n_out = check_scalar(n_outputs, "n_outputs", integer=True, min_value=1)
        flat = as_float_array(params, "params", ndim=1)
        k, used = 0, 0
        while used + (d + 1 + k) * n_out < flat.size:
            used += d + 1 + k
            k += 1
        if used + (d + 1 + k) * n_out != flat.size:
            raise ValueError(f"params has {flat.size} entries: not a network of {d} inputs "
                             f"and {n_out} outputs with whole units")
        units, at = [], 0
        for j in range(k):
            units.append(flat[at:at + d + 1 + j])
            at += d + 1 + j
        W = flat[at:].reshape(d + 1 + k, n_out)
        return {"hidden_v": [np.delete(u, d) for u in units],
                "hidden_gamma": np.array([u[d] for u in units]),
                "w": np.delete(W, d, axis=0), "theta": W[d].copy()}

    # ---- using the network ----------------------------------------------------------------

    def _check_X(self, X, n_hidden):
        if not hasattr(self, "history_"):
            raise RuntimeError("this CascadeCorrelation is not fitted yet; call fit(X, y) first")
        X = as_float_array(X, "X", ndim=2, allow_nan=False)
        if X.shape[1] != self.n_features_in_:
            raise ValueError(f"X must have {self.n_features_in_} columns; got {X.shape[1]}")
        if n_hidden is None:
            return X, self.n_hidden_
        k = check_scalar(n_hidden, "n_hidden", integer=True, min_value=0,
                         max_value=self.n_hidden_)
        return X, k

    def _features(self, X, k):
        d = self.n_features_in_
        F = np.empty((len(X), d + 1 + k))
        F[:, :d] = X
        F[:, d] = -1.0
        for j in range(k):
            F[:, d + 1 + j] = symmetric_sigmoid(F[:, :d + 1 + j] @ self._units[j])
        return F

    def hidden_outputs(self, X, n_hidden=None) -> np.ndarray:
        """Outputs b_1 .. b_k of the first ``n_hidden`` hidden units (default: all), (m, k)."""
        X, k = self._check_X(X, n_hidden)
        return self._features(X, k)[:, self.n_features_in_ + 1:]

    def decision_function(self, X, n_hidden=None) -> np.ndarray:
        """Output values y_hat of the network at stage ``n_hidden`` (default: the last):
        shape (m,) for one output unit, else (m, l)."""
        X, k = self._check_X(X, n_hidden)
        st = self.history_[k]
        F = self._features(X, k)
        d = self.n_features_in_
        Y_hat = sigmoid_kernel(np.delete(F, d, axis=1) @ st.w - st.theta)
        return Y_hat[:, 0] if Y_hat.shape[1] == 1 else Y_hat

    def _labels(self, Y_hat):
        """Output values -> labels: y_hat >= 0.5 per unit, through ``classes_`` if coded."""
        if getattr(self, "_coded", False):
            if len(self.classes_) > 2:
                return self.classes_[np.argmax(Y_hat, axis=-1)]
            return self.classes_[(Y_hat >= 0.5).astype(int)]
        return (Y_hat >= 0.5).astype(int)

    def predict(self, X, n_hidden=None) -> np.ndarray:
        """Labels y_hat >= 0.5 (per output unit) at stage ``n_hidden``; for labels coded
        through ``classes_``, those labels (the largest output's for k > 2 classes)."""
        return self._labels(self.decision_function(X, n_hidden))

    def score(self, X, y, n_hidden=None) -> float:
        """Accuracy at stage ``n_hidden`` (every output of a sample must be right)."""
        if getattr(self, "_coded", False):
            return label_accuracy(y, self.predict(X, n_hidden))
        X, _ = self._check_X(X, n_hidden)
        Y = self._check_y(y, len(X))
        Y_hat = self.decision_function(X, n_hidden).reshape(len(X), -1)
        return self._accuracy(Y_hat, Y)

    def staged_decision_function(self, X) -> np.ndarray:
        """y_hat of every stage 0 .. n_hidden_ at once (the hidden units are computed once),
        shape (n_hidden_ + 1, m) for one output unit, else (n_hidden_ + 1, m, l)."""
        X, K = self._check_X(X, None)
        F = self._features(X, K)
        d = self.n_features_in_
        G = np.delete(F, d, axis=1)  # [x, b_1 .. b_K]
        out = np.empty((K + 1, len(X), self.n_outputs_))
        for k, st in enumerate(self.history_):
            out[k] = sigmoid_kernel(G[:, :d + k] @ st.w - st.theta)
        return out[:, :, 0] if self.n_outputs_ == 1 else out

    def stage_scores(self, X, y) -> np.ndarray:
        """Accuracy on (X, y) of every stage 0 .. n_hidden_ (train vs held-out as units grow)."""
        X, _ = self._check_X(X, None)
        if getattr(self, "_coded", False):
            return np.array([label_accuracy(y, self._labels(Y_hat))
                             for Y_hat in self.staged_decision_function(X)])
        Y = self._check_y(y, len(X))
        staged = self.staged_decision_function(X).reshape(self.n_hidden_ + 1, len(X), -1)
        return np.array([self._accuracy(Y_hat, Y) for Y_hat in staged])

    def __repr__(self) -> str:
        return (f"CascadeCorrelation(max_hidden={self.max_hidden!r}, "
                f"n_candidates={self.n_candidates!r})")
