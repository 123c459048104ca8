"""The training spine: what happens after every epoch, whichever loop ran it.

Every iterative trainer in the package (the four BP loops of :mod:`chapter5._bp_fast`, the
Elman network's BPTT, gradient descent in :mod:`chapter5.minima`) runs its epochs (or steps)
its own fast way, then hands the result to one :class:`EpochMonitor`, which owns

* the error curve (one E per epoch),
* **divergence** (:func:`has_diverged`, the one rule below),
* the learning-rate schedule (constant, 1/t decay, bold driver),
* validation error and early stopping,
* the recorded history (a snapshot every ``record_every`` epochs, and the last state),
* the stopping rule ``E < tol``,
* an optional per-epoch ``callback(info)`` that may stop training (a live dashboard draws
  from it; returning True stops).

The divergence rule, shared by every trainer
--------------------------------------------
After an epoch (or a step), training has **diverged** when its error E is not finite, or when
the parameters are not finite or their Euclidean norm reaches ``DIVERGENCE_NORM`` (10**6):
weights that large saturate every sigmoid, so nothing sensible can follow. That epoch is
counted (its E is the last entry of the error curve, which is how a student sees the blow-up),
but its update is undone: the parameters kept are those after the epochs before it, exactly
what training for that many epochs would have returned. ``diverged_at`` is the 0-based index
of that epoch, and the history ends with a snapshot of the kept parameters.

The history interface, shared by every model's ``history_``
-----------------------------------------------------------
:class:`History`: ``steps`` (the progress at each snapshot, ``steps[0] = 0`` before training,
in the units named by ``unit``: "epoch", "update", "presentation", "hidden unit"; the
perceptron's and ART's are logs of presentations, ART's without a state before them),
``locate(at)`` (the last snapshot at or before progress ``at``) and ``snapshot(i)`` (snapshot
``i``'s named parameters, as copies). Each model keeps its own richer fields besides
(``BPHistory.params``, ``RBMHistory.log_likelihood``, ...). ``len(history)`` is the number of
snapshots, except for the perceptron's, a log of its presentations (one fewer).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

__all__ = ["DIVERGENCE_NORM", "SCHEDULES", "EpochInfo", "EpochMonitor", "History",
           "TrainConfig", "has_diverged"]

DIVERGENCE_NORM = 1e6
"""Parameters whose Euclidean norm reaches this have blown up (see the module's rule)."""
_DIVERGENCE_SQNORM = DIVERGENCE_NORM ** 2

SCHEDULES = ("constant", "decay", "bold-driver")


def has_diverged(params: np.ndarray, loss: float = 0.0) -> bool:
    """The divergence rule: E not finite, or ``params`` (flat) not finite or of norm >= 10**6.

    >>> has_diverged(np.array([3.0, 4.0]), 0.5)
    False
    >>> has_diverged(np.array([1e6, 0.0])), has_diverged(np.array([np.nan])), has_diverged(
    ...     np.zeros(2), float("inf"))
    (True, True, True)
    """
    # |p|^2 < limit is False for inf and nan too; the comparison order keeps it one test
    return not (float(np.dot(params, params)) < _DIVERGENCE_SQNORM) or not math.isfinite(loss)


@dataclass(frozen=True)
class TrainConfig:
    """How to train: the settings every BP loop reads (one object instead of 21 arguments).

    See :class:`chapter5.backprop.BPNetwork` for each setting's meaning; ``patience=None``
    means no early stopping, ``callback`` is the per-epoch hook of :class:`EpochMonitor`.
    """

    eta: float
    mode: str = "standard"
    activation: str = "sigmoid"
    max_epochs: int = 1000
    tol: float = 0.0
    shuffle: bool = True
    train_thresholds: bool = True
    record_every: int = 1
    lam: float = 1.0
    batch_size: int = 32
    momentum: float = 0.0
    schedule: str = "constant"
    decay: float = 0.0
    patience: int | None = None
    callback: Callable | None = None


@dataclass(frozen=True)
class EpochInfo:
    """What the per-epoch callback sees after each epoch.

    ``epoch`` counts the epochs done (1 after the first); ``loss`` is that epoch's E;
    ``val_loss`` the validation E (None without validation data); ``eta`` the learning rate
    the epoch used; ``params`` the parameters now (a read-only view: copy to keep them);
    ``max_epochs`` the planned length (for a progress bar).
    """

    epoch: int
    loss: float
    val_loss: float | None
    eta: float
    params: np.ndarray
    max_epochs: int


class EpochMonitor:
    """The bookkeeping after every epoch (see the module docstring): call :meth:`rate`
    before an epoch (with a schedule) and :meth:`end_epoch` after it.

    Parameters
    ----------
    params : ndarray
        The flat parameter vector the loop updates in place (restored on divergence).
    max_epochs, record_every, tol : int, int, float
    eta, schedule, decay : float, str, float
        The learning rate and its rule: "constant"; "decay", η_t = η / (1 + decay t);
        "bold-driver", ×1.05 after an epoch whose E fell, ×0.5 after one whose E rose.
    validate : callable, optional
        ``validate() -> float``: the validation E of the current parameters.
    patience : int, optional
        Early stopping: stop once this many epochs pass without a new smallest validation E,
        and keep the parameters of the smallest one (None: never stop, keep the last).
    callback : callable, optional
        ``callback(EpochInfo) -> bool | None``; True stops training after this epoch.
    """

    def __init__(self, params: np.ndarray, *, max_epochs: int, record_every: int = 1,
                 tol: float = 0.0, eta: float = 0.1, schedule: str = "constant",
                 decay: float = 0.0, validate: Callable | None = None,
                 patience: int | None = None, callback: Callable | None = None):
        self.params = params
        self.max_epochs = int(max_epochs)
        self.every = int(record_every)
        self.tol = tol
        self.eta0, self.schedule, self.decay = eta, schedule, decay
        self._eta = eta
        self.validate, self.patience, self.callback = validate, patience, callback
        self.loss = np.empty(self.max_epochs)
        self.epochs_done = 0
        self.diverged_at: int | None = None
        self.stop_reason = "max_epochs"
        self._last_good = params.copy()
        n = self.max_epochs // self.every + 2
        self._snap_epochs = np.empty(n, dtype=int)
        self._snaps = np.empty((n, params.size))
        self._n_snaps = 0
        self._etas: list[float] = []
        self.val_loss: list[float] = []
        self._best = (np.inf, 0, None)
        self.best_epoch: int | None = None  # early stopping's choice, set by finish()
        self._prev_loss = np.inf
        self._snapshot(0)

    # ---- during training -------------------------------------------------------------------
    def _snapshot(self, epoch: int) -> None:
        self._snap_epochs[self._n_snaps] = epoch
        self._snaps[self._n_snaps] = self.params
        self._n_snaps += 1

    def rate(self, ep: int) -> float:
        """The learning rate of epoch ``ep`` (0-based) under the schedule (recorded)."""
        if self.schedule == "decay":
            self._eta = self.eta0 / (1.0 + self.decay * ep)
        self._etas.append(self._eta)
        return self._eta

    def end_epoch(self, ep: int, loss: float) -> bool:
        """Record epoch ``ep`` (0-based) whose E was ``loss``; True: stop training now.

        The order: the error curve; divergence (undo the epoch, stop); the schedule; the
        history; validation and early stopping; ``E < tol``; the callback.
        """
        self.loss[ep] = loss
        self.epochs_done = ep + 1
        p = self.params
        if has_diverged(p, loss):
            p[:] = self._last_good
            self.diverged_at = ep
            self.stop_reason = "diverged"
            return True
        self._last_good[:] = p
        if self.schedule == "bold-driver":  # grow while E falls, halve when it rises
            self._eta = self._eta * 1.05 if loss < self._prev_loss else self._eta * 0.5
            self._prev_loss = loss
        if (ep + 1) % self.every == 0:
            self._snapshot(ep + 1)
        val = None
        stop = False
        if self.validate is not None:
            val = self.validate()
            self.val_loss.append(val)
            if val < self._best[0]:
                self._best = (val, ep + 1, p.copy())
            elif self.patience is not None and ep + 1 - self._best[1] >= self.patience:
                self.stop_reason, stop = "early_stopping", True
        if not stop and loss < self.tol:
            self.stop_reason, stop = "tol", True
        if self.callback is not None:
            view = p.view()
            view.flags.writeable = False
            info = EpochInfo(ep + 1, float(loss), val, self._etas[-1] if self._etas
                             else self.eta0, view, self.max_epochs)
            if self.callback(info) and not stop:
                self.stop_reason, stop = "callback", True
        return stop

    # ---- after training --------------------------------------------------------------------
    def finish(self) -> None:
        """Close the history with the state training reached, then apply early stopping."""
        reached = self.epochs_done if self.diverged_at is None else self.diverged_at
        if self._snap_epochs[self._n_snaps - 1] != reached:
            self._snapshot(reached)
        if self.patience is not None and self._best[2] is not None:
            self.params[:] = self._best[2]
            self.best_epoch = self._best[1]

    @property
    def loss_curve(self) -> np.ndarray:
        return self.loss[:self.epochs_done].copy()

    @property
    def history(self) -> tuple[np.ndarray, np.ndarray]:
        """(epochs, params) of the snapshots taken."""
        return (self._snap_epochs[:self._n_snaps].copy(), self._snaps[:self._n_snaps].copy())

    @property
    def eta_curve(self) -> np.ndarray:
        """η per epoch run (constant: η repeated)."""
        if not self._etas:
            return np.full(self.epochs_done, float(self.eta0))
        return np.array(self._etas[:self.epochs_done])


class History:
    """The interface every model's ``history_`` follows (see the module docstring).

    Subclasses set ``steps`` (int array, one entry per snapshot, in increasing order) and
    ``unit`` and implement :meth:`snapshot`.
    """

    unit = "epoch"
    steps: np.ndarray

    def __len__(self) -> int:
        return len(self.steps)

    def locate(self, at: int) -> int:
        """The last snapshot taken at or before progress ``at`` (0 for anything earlier)."""
        return max(0, int(np.searchsorted(self.steps, at, side="right") - 1))

    def snapshot(self, i: int) -> dict:
        """Snapshot ``i``'s parameters by name (copies)."""
        raise NotImplementedError
