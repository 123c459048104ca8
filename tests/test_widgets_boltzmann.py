"""§5.5.6 RBM explorer: train once per (η, k, q, seed), scrub the recorded epochs."""

import asyncio
import time

import numpy as np
import pytest
from live_support import prepare_at_once, run_live

from chapter5.networks.boltzmann import bars_and_stripes
from chapter5.widgets.boltzmann import RBM_EPOCHS, rbm_explorer


@pytest.fixture(scope="module")
def explorer():
    return rbm_explorer()


def test_default_run_learns_and_scrubbing_replays_without_retraining(explorer):
    explorer.controls["epoch"].value = RBM_EPOCHS
    rbm = explorer.result["rbm"]
    late = explorer.result["log_likelihood"]
    assert late > -4.0 and late == pytest.approx(rbm.log_likelihood_curve_[-1])
    pictures = set()
    for epoch in (0, 50, 200, RBM_EPOCHS):
        explorer.controls["epoch"].value = epoch
        assert explorer.result["rbm"] is rbm and explorer.result["epoch"] == epoch
        assert explorer.result["log_likelihood"] == rbm.log_likelihood_curve_[epoch]
        pictures.add(explorer.image.value)
    assert len(pictures) == 4
    explorer.controls["epoch"].value = 0
    early = explorer.result
    assert early["log_likelihood"] < late - 2
    assert early["mass"] < 0.05, "before training the 14 patterns carry ~14/512 of P(v)"
    explorer.controls["epoch"].value = RBM_EPOCHS
    assert explorer.result["mass"] > 0.4
    assert explorer.result["reconstruction_error"] < early["reconstruction_error"]


def test_the_picture_shows_the_scrubbed_epoch(explorer):
    explorer.controls["epoch"].value = 120
    view, res = explorer.view, explorer.result
    assert view.marker.get_xdata()[0] == 120
    assert view.marker.get_ydata()[0] == pytest.approx(res["log_likelihood"])
    assert "epoch 120" in view.status.get_text()
    shown = view.im_w.get_array()
    tile = np.asarray(shown[1:4, 1:4]).ravel()          # the first filter, w[:, 0]
    np.testing.assert_allclose(tile, res["model"].w_[:, 0])
    assert f"{res['valid_samples']} of 14 samples" in explorer.readout.value
    assert f"{res['mass']:.0%}" in explorer.readout.value
    X = bars_and_stripes(3)
    patterns = {tuple(x) for x in X}
    assert res["valid_samples"] == sum(tuple(s) in patterns for s in res["samples"])


@pytest.mark.slow  # make test only: every control at both ends
@pytest.mark.parametrize(("name", "values"), [
    ("eta", (10 ** -1.5, 10 ** 0.5)), ("k", (10, 1)), ("n_hidden", (1, 16)), ("seed", (9, 0)),
])
def test_every_retraining_control_at_its_extremes(explorer, name, values):
    for value in values:
        before_rbm, before_png = explorer.result["rbm"], explorer.image.value
        explorer.controls[name].value = value
        res = explorer.result
        assert res["rbm"] is not before_rbm and explorer.image.value != before_png
        assert getattr(res["rbm"], {"seed": "random_state", "n_hidden": "n_hidden"}.get(
            name, name)) == value
        assert np.isfinite(res["rbm"].log_likelihood_curve_).all()
        assert explorer.image.value[:2] == b"\xff\xd8"  # a JPEG (the view is mostly pictures)
    explorer.set(eta=1.0, k=1, n_hidden=8, seed=0)


def test_epoch_at_its_extremes(explorer):
    for value in (0, RBM_EPOCHS, 0):
        before = explorer.image.value
        explorer.controls["epoch"].value = value
        assert explorer.result["epoch"] == value and explorer.image.value != before


def test_hidden_units_change_the_number_of_filters(explorer):
    explorer.set(n_hidden=16, epoch=RBM_EPOCHS)
    assert explorer.result["model"].w_.shape == (9, 16)
    assert explorer.view.im_w.get_array().shape == (17, 17)   # 4 x 4 tiles of 3 x 3
    explorer.set(n_hidden=8)


def test_repr_rebuilds_the_explorer(explorer):
    explorer.set(eta=10 ** -0.5, k=3, n_hidden=5, seed=2, epoch=150)
    rebuilt = eval(repr(explorer), {"rbm_explorer": rbm_explorer})
    assert rebuilt.values == explorer.values
    assert rebuilt.image.value == explorer.image.value
    assert "chapter5-rbm" in rebuilt._dom_classes


@pytest.mark.parametrize(("kwargs", "exc", "message"), [
    ({"eta": 5.0}, ValueError, "eta must be <= 3.16"),
    ({"k": 0}, ValueError, "k must be >= 1"),
    ({"n_hidden": 17}, ValueError, "n_hidden must be <= 16"),
    ({"seed": 1.5}, TypeError, "seed must be an integer"),
    ({"epoch": RBM_EPOCHS + 1}, ValueError, "epoch must be <= 400"),
])
def test_bad_arguments(kwargs, exc, message):
    with pytest.raises(exc, match=f"^{message}"):
        rbm_explorer(**kwargs)


def test_a_run_that_falls_off_the_axis_says_so_and_runs_share_one_background(explorer):
    bottom = explorer.view.ll_range[0]
    explorer.set(eta=10 ** 0.5, k=1, n_hidden=8, seed=0)
    ll = explorer.result["rbm"].log_likelihood_curve_
    assert -10.5 < ll.min() < -10, "seed 0 with η = 3.16 dips just below -10 ..."
    assert bottom < ll.min() and not explorer.view.below.get_visible(), "... and is shown"
    explorer.set(n_hidden=16)
    ll = explorer.result["rbm"].log_likelihood_curve_
    assert ll.min() < bottom, "with 16 hidden units it falls far below the axis"
    assert explorer.view.below.get_visible()
    assert f"{ll.min():.2f} at epoch {int(np.argmin(ll))}" in explorer.view.below.get_text()
    explorer.set(eta=1.0, n_hidden=8)
    assert not explorer.view.below.get_visible()
    assert len(explorer.view._backgrounds) == 1, "a new run redraws only the animated parts"


def test_the_default_run_stays_drawn_faintly_for_comparison(explorer):
    explorer.set(eta=1.0, k=1, n_hidden=8, seed=0)
    default = explorer.result["rbm"].log_likelihood_curve_
    explorer.set(k=10)
    assert not np.array_equal(explorer.result["rbm"].log_likelihood_curve_, default)
    np.testing.assert_array_equal(explorer.view.comparison.get_ydata(), default)
    assert "default run" in explorer.view.comparison.get_label()
    assert explorer.view.comparison not in explorer.view.animated, "static: drawn once"
    assert "ln P(v)" in explorer.readout.value and "ln P(v)" in explorer.view.status.get_text()
    explorer.set(k=1)


def test_the_readout_error_is_the_core_reconstruction_error(explorer):
    X = bars_and_stripes(3)
    for epoch in (0, 120):
        explorer.controls["epoch"].value = epoch
        res, h = explorer.result, explorer.result["rbm"].history_
        assert res["reconstruction_error"] == res["model"].reconstruction_error(X)
        assert res["reconstruction_error"] == pytest.approx(
            h.reconstruction_error[h.index(epoch)], rel=1e-12)


def test_a_kept_picture_is_the_picture_drawn_afresh():
    """Play and the epoch slider send a state shown before from the view's kept pictures
    (RBMView.max_kept), without drawing: the bytes are those of a view that keeps none."""
    keeping, fresh = rbm_explorer(), rbm_explorer()
    fresh.view.max_kept = 0
    fresh.view._kept.clear()  # (the build kept its first picture)
    epochs = (0, 5, 200, RBM_EPOCHS, 5, 0, 200)
    shown = []
    for epoch in epochs:
        keeping.controls["epoch"].value = epoch
        fresh.controls["epoch"].value = epoch
        assert keeping.image.value == fresh.image.value, epoch
        assert keeping.result["valid_samples"] == fresh.result["valid_samples"]
        shown.append(keeping.image.value)
    assert shown[4] == shown[1] and shown[5] == shown[0] and shown[6] == shown[2]
    assert len(keeping.view._kept) == 4 and not fresh.view._kept
    # kept again: the same object, not drawn (the cache answered)
    keeping.view.render = None  # a draw would fail now
    keeping.controls["epoch"].value = 5
    assert keeping.image.value == shown[1]


def test_a_state_the_key_cannot_describe_keeps_no_picture(explorer):
    from matplotlib.patches import Circle

    view = explorer.view
    assert view.frame_state() is not None
    view.animated.append(Circle((0, 0), 1))
    try:
        assert view.frame_state() is None
    finally:
        view.animated.pop()
    other = explorer.view.frame_state()
    explorer.view.status.set_text("another status")
    assert explorer.view.frame_state() != other
    explorer.view.invalidate()
    assert not explorer.view._kept


def test_after_a_retraining_the_rbm_prepares_the_new_runs_play_positions(monkeypatch):
    """A run trained from the browser gets its Play positions prepared too, once idle."""
    prepare_at_once(monkeypatch)

    async def scenario():
        d = rbm_explorer()
        d.controls["seed"].set_state({"value": 3})  # as a message from the browser
        deadline = time.monotonic() + 60
        while not d.warm_up.done or d.live.busy:
            assert time.monotonic() < deadline, "the new run's Play positions were not prepared"
            await asyncio.sleep(0.01)
        picture = d.image.value
        kept = dict(d.view._kept)
        return d, picture, kept

    d, picture, kept = run_live(scenario)
    assert not d.warm_up.errors and d.values["seed"] == 3
    assert picture == rbm_explorer(seed=3).image.value, "preparing changed the picture"
    direct = rbm_explorer(seed=3, epoch=5)
    assert direct.image.value in kept.values(), "epoch 5 of the new run was not kept"
