"""The Playground-style dashboard and the BP-in-practice helpers."""

import numpy as np
import pytest
from live_support import run_live

from chapter5.backprop import BPNetwork, training_regime
from chapter5.datasets import watermelon_3_0_alpha
from chapter5.widgets import bp_playground
from chapter5.widgets.playground import PLAYGROUND_DATASETS, playground_data


@pytest.fixture(scope="module")
def playground():
    return bp_playground(dataset="circles", units=4)


def test_default_playground_learns_circles_and_scrubs_without_retraining(playground):
    assert playground.result["train_accuracy"] > 0.95
    net = playground.result["net"]
    pictures = set()
    for epoch in (0, 50, 150, 300):
        playground.controls["epoch"].value = epoch
        assert playground.result["net"] is net and playground.result["epoch"] == epoch
        pictures.add(playground.image.value)
    assert len(pictures) == 4
    assert playground.progress.value.startswith("trained 300 epochs in")


@pytest.mark.parametrize("dataset", PLAYGROUND_DATASETS)
def test_every_dataset_trains(playground, dataset):
    if playground.controls["dataset"].value == dataset:  # (the order xdist chose)
        playground.controls["dataset"].value = next(d for d in PLAYGROUND_DATASETS
                                                    if d != dataset)
    before = playground.result["net"]
    playground.controls["dataset"].value = dataset
    assert playground.result["net"] is not before
    assert playground.controls["noise"].disabled == (dataset == "watermelon")
    assert 0.0 <= playground.result["val_accuracy"] <= 1.0


@pytest.mark.slow  # make test only: retrains on every move
@pytest.mark.parametrize(("name", "values"), [
    ("noise", (0.5, 0.0)), ("layers", (3, 1)), ("units", (1, 8)), ("eta", (10 ** 1.5, 10 ** -2)),
    ("activation", ("relu", "sigmoid")), ("mode", ("accumulated", "standard")),
    ("seed", (9, 0)),
])
def test_every_control_at_its_extremes(name, values):
    d = bp_playground(dataset="xor", units=3)
    for value in values:
        before = d.image.value
        d.controls[name].value = value
        assert d.image.value != before
        assert np.isfinite(d.result["net"].loss_curve_[:-1]).all()


def test_lambda_is_disabled_unless_regularizing_and_early_stopping_keeps_best():
    d = bp_playground(dataset="moons", noise=0.3, units=8, eta=10 ** 0.5)
    assert d.controls["lam"].disabled
    d.controls["regularization"].value = True
    assert not d.controls["lam"].disabled
    w_reg = sum(np.sum(w ** 2) for w in d.result["net"].weights_)
    d.controls["lam"].value = 0.9
    assert sum(np.sum(w ** 2) for w in d.result["net"].weights_) < w_reg
    d.controls["early_stopping"].value = True
    net = d.result["net"]
    assert net.best_epoch_ is not None and net.best_epoch_ <= net.n_epochs_


def test_repr_rebuilds_the_playground():
    d = bp_playground(dataset="spiral", layers=2, units=5, epoch=120)
    rebuilt = eval(repr(d), {"bp_playground": bp_playground})
    assert rebuilt.values == d.values and rebuilt.image.value == d.image.value


def test_playground_data_split_and_checks():
    X_tr, y_tr, X_va, y_va, extent = playground_data("moons", 0.1, 3)
    assert len(X_tr) == 140 and len(X_va) == 60
    X_tr2, *_ = playground_data("moons", 0.1, 3)
    np.testing.assert_array_equal(X_tr, X_tr2)
    with pytest.raises(ValueError, match="unknown dataset"):
        bp_playground(dataset="iris")
    with pytest.raises(TypeError, match="regularization must be True or False"):
        bp_playground(regularization="yes")


def test_training_regimes_of_the_eta_sweep():
    X, y = watermelon_3_0_alpha()
    names = {eta: training_regime(n.loss_curve_, n.diverged_) for eta, n in (
        (eta, BPNetwork(hidden=(5,), eta=eta, max_epochs=2000, random_state=0).fit(X, y))
        for eta in (0.01, 1.0, 100.0, 1e8))}
    assert names == {0.01: "slow", 1.0: "good", 100.0: "stuck", 1e8: "diverged"}
    assert training_regime([0.3, 0.2, 0.25, 0.15, 0.22, 0.1, 0.2]) == "oscillating"
    with pytest.raises(ValueError, match="at least 2 finite"):
        training_regime([0.1])


def test_a_narrower_network_gives_the_picture_of_a_fresh_playground():
    """Issue 14: the old network's edges stayed in the animated list (drawn over the new
    network), and hidden panels still drew the earlier units' maps."""
    d = bp_playground(dataset="moons", units=4, epoch=100)
    d.controls["units"].value = 1
    assert d.image.value == bp_playground(dataset="moons", units=1, epoch=100).image.value


def test_the_playgrounds_warm_up_ends_with_every_replay_picture_kept():
    """In idle time the playground draws ahead its replay's pictures until all are kept, and
    then stops: a warm-up that never ends (a picture kept evicting another, as when
    FigureView's own keeping shared PlaygroundView._frames) keeps a core busy for ever."""
    async def scenario():
        d = bp_playground()
        steps = 0
        while d.live.live.warm():
            steps += 1
            assert steps < 500, "the warm-up does not end"
        return d, steps

    d, steps = run_live(scenario())
    assert steps > 0 and not d.live.live.warm()
    assert d.view.max_kept == 0 and not d.view._kept  # it keeps pictures its own way
    assert len(d.view._frames) <= d.view.max_frames
