"""The training spine (issue 15 §1): one epoch monitor behind every BP loop and the Elman
network, one divergence rule (BP, Elman, minima), one history interface, and a per-epoch
callback that can stop training."""

import warnings

import numpy as np
import pytest
from numpy.testing import assert_array_equal

from chapter5 import _bp_fast, minima, training
from chapter5.backprop import BPNetwork
from chapter5.datasets import watermelon_3_0
from chapter5.networks.elman import ElmanNetwork, next_step_pairs, temporal_xor
from chapter5.training import EpochMonitor, History, has_diverged

# every loop of _bp_fast, with the BPNetwork options that take it
LOOPS = {
    "_standard_generated": {},
    "_standard_numpy": {"hidden": (300,)},
    "_accumulated": {"mode": "accumulated"},
    "train_general": {"mode": "minibatch", "batch_size": 4},
    "train_general-momentum": {"momentum": 0.5},
    "train_general-bold-driver": {"mode": "accumulated", "lr_schedule": "bold-driver"},
}


def _fit(loop, monkeypatch, **options):
    taken = []
    name = loop.split("-")[0]
    real = getattr(_bp_fast, name)

    def spy(*args, **kwargs):
        taken.append(name)
        return real(*args, **kwargs)

    monkeypatch.setattr(_bp_fast, name, spy)
    wm = watermelon_3_0()
    callback = options.pop("callback", None)
    net = BPNetwork(**{"hidden": (4,), "eta": 0.5, "random_state": 0, **LOOPS[loop], **options})
    net.fit(wm.X, wm.y, callback=callback)
    assert taken == [name]
    return net


def test_the_divergence_rule():
    assert not has_diverged(np.array([3.0, 4.0]), 1.0)
    assert has_diverged(np.array([6e5, 8e5]))          # norm exactly 1e6
    assert not has_diverged(np.array([6e5, 7.9e5]))
    assert has_diverged(np.array([np.inf, 0.0])) and has_diverged(np.array([np.nan]))
    assert has_diverged(np.zeros(3), float("nan"))


def test_monitor_history_schedule_and_divergence():
    p = np.zeros(2)
    mon = EpochMonitor(p, max_epochs=10, record_every=3, eta=1.0, schedule="bold-driver")
    for ep, loss in enumerate([4.0, 3.0, 3.5, 2.0]):
        assert mon.rate(ep) == pytest.approx([1.0, 1.05, 1.1025, 0.55125][ep])
        p += 1.0
        assert not mon.end_epoch(ep, loss)
    p[0] = 2e6  # the fifth epoch blows up: counted, undone
    mon.rate(4)
    assert mon.end_epoch(4, 1.0)
    mon.finish()
    assert mon.diverged_at == 4 and mon.stop_reason == "diverged"
    assert_array_equal(p, [4.0, 4.0])
    epochs, snaps = mon.history
    assert_array_equal(epochs, [0, 3, 4])
    assert_array_equal(snaps[-1], [4.0, 4.0])
    assert_array_equal(mon.loss_curve, [4.0, 3.0, 3.5, 2.0, 1.0])
    assert len(mon.eta_curve) == 5


def test_monitor_early_stopping_keeps_the_best():
    p = np.zeros(1)
    vals = iter([3.0, 1.0, 2.0, 2.5, 0.5])
    mon = EpochMonitor(p, max_epochs=5, validate=lambda: next(vals), patience=2)
    stops = []
    for ep in range(5):
        p[0] = ep + 1
        stops.append(mon.end_epoch(ep, 1.0))
        if stops[-1]:
            break
    mon.finish()
    assert stops == [False, False, False, True] and mon.stop_reason == "early_stopping"
    assert mon.best_epoch == 2 and p[0] == 2.0


@pytest.mark.parametrize("loop", list(LOOPS))
def test_every_loop_calls_the_monitor_and_the_callback_can_stop_it(loop, monkeypatch):
    seen = []

    def callback(info):
        assert not info.params.flags.writeable
        seen.append((info.epoch, info.loss, info.params.copy(), info.eta))
        return info.epoch == 23

    net = _fit(loop, monkeypatch, max_epochs=100, record_every=5, callback=callback)
    assert [s[0] for s in seen] == list(range(1, 24))
    assert net.stop_reason_ == "callback" and net.n_epochs_ == 23
    assert_array_equal(net.loss_curve_, [s[1] for s in seen])
    assert_array_equal(net.eta_curve_, [s[3] for s in seen])
    # record_every = 5: snapshots at 0, 5, ..., 20 and the state reached, 23
    assert_array_equal(net.history_.epochs, [0, 5, 10, 15, 20, 23])
    for i, ep in enumerate(net.history_.epochs[1:], start=1):
        assert_array_equal(net.history_.params[i], seen[ep - 1][2])
    # stopping by callback after k epochs is training for k epochs
    ref = _fit(loop, monkeypatch, max_epochs=23, record_every=5)
    assert ref.stop_reason_ == "max_epochs"
    for a, b in zip(net.weights_ + net.thresholds_, ref.weights_ + ref.thresholds_,
                    strict=True):
        assert_array_equal(a, b)
    assert_array_equal(net.loss_curve_, ref.loss_curve_)


def test_tol_and_max_epochs_reasons(monkeypatch):
    net = _fit("_standard_generated", monkeypatch, max_epochs=50)
    assert net.stop_reason_ == "max_epochs"
    tol = float(net.loss_curve_[30])
    net = _fit("_standard_generated", monkeypatch, max_epochs=5000, tol=tol)
    assert net.stop_reason_ == "tol" and net.loss_curve_[-1] < tol
    assert np.all(net.loss_curve_[:-1] >= tol)


def test_elman_uses_the_monitor_and_the_rule():
    X, Y = next_step_pairs(temporal_xor(60, random_state=0), n_streams=4)
    seen = []
    net = ElmanNetwork(3, eta=1.0, n_epochs=40, record_every=4, random_state=0).fit(
        X, Y, callback=lambda info: seen.append(info.epoch) or info.epoch == 10)
    assert seen == list(range(1, 11)) and net.stop_reason_ == "callback"
    assert_array_equal(net.history_.epochs, [0, 4, 8, 10])
    with np.errstate(all="raise"), warnings.catch_warnings():
        warnings.simplefilter("error")
        big = ElmanNetwork(3, eta=3.5e6, momentum=0.9, window=3, n_epochs=40, record_every=4,
                           random_state=0).fit(X, Y)
    k = big.diverged_at_
    assert big.diverged_ and k is not None and len(big.loss_curve_) == k + 1
    flat = np.concatenate([getattr(big, f"{n}_").ravel() for n in ("v", "u", "gamma", "w",
                                                                   "theta")])
    assert not has_diverged(flat)
    ref = ElmanNetwork(3, eta=3.5e6, momentum=0.9, window=3, n_epochs=k, record_every=4,
                       random_state=0).fit(X, Y)
    assert not ref.diverged_
    for name in ("v", "u", "gamma", "w", "theta"):
        assert_array_equal(getattr(big, f"{name}_"), getattr(ref, f"{name}_"))
    assert big.history_.epochs[-1] == k


def test_minima_uses_the_rule():
    path = minima.gradient_descent(minima.SURFACES["bowl"], [1.0, 1.0], eta=50.0, n_iter=200)
    assert path.diverged
    assert not has_diverged(path.points[-1], path.values[-1])
    batch = minima.gradient_descent_batch(minima.SURFACES["bowl"], [[1.0, 1.0]], eta=50.0,
                                          n_iter=200)[0]
    assert batch.diverged and len(batch.points) == len(path.points)
    assert training.DIVERGENCE_NORM == 1e6


def _every_history():
    from chapter5.networks.art import ART
    from chapter5.networks.boltzmann import RBM
    from chapter5.networks.cascade import CascadeCorrelation
    from chapter5.networks.som import SOM
    from chapter5.perceptron import Perceptron

    wm = watermelon_3_0()
    X, Y = next_step_pairs(temporal_xor(30, random_state=0), n_streams=2)
    V = (np.random.default_rng(0).random((20, 4)) < 0.5).astype(float)
    return {
        "BPNetwork": BPNetwork(hidden=(3,), max_epochs=30, record_every=10,
                               random_state=0).fit(wm.X, wm.y).history_,
        "ElmanNetwork": ElmanNetwork(2, n_epochs=20, record_every=10,
                                     random_state=0).fit(X, Y).history_,
        "Perceptron": Perceptron(max_epochs=5).fit(wm.X, wm.y).history_,
        "RBM": RBM(4, 2, n_epochs=20, record_every=10, random_state=0).fit(V).history_,
        "SOM": SOM(2, 2, n_epochs=3, random_state=0).fit(wm.X).history_,
        "CascadeCorrelation": CascadeCorrelation(max_hidden=2, random_state=0).fit(
            wm.X, wm.y).history_,
        "ART": ART(rho=0.7).fit(wm.X / wm.X.max()).history_,
    }


def test_every_model_history_shares_one_interface():
    for name, h in _every_history().items():
        assert isinstance(h, History), name
        steps = np.asarray(h.steps)
        assert steps.ndim == 1 and len(steps) >= 2 and np.all(np.diff(steps) > 0), name
        assert h.unit in ("epoch", "update", "presentation", "hidden unit"), name
        last = len(steps) - 1
        assert h.locate(steps[-1] + 100) == last and h.locate(steps[0] - 5) == 0, name
        assert h.locate(steps[1]) == 1, name
        snap = h.snapshot(last)
        assert isinstance(snap, dict) and snap, name
        if name != "Perceptron":
            assert len(h) == len(steps), name
        else:
            assert len(h) == len(steps) - 1  # a log of presentations
