"""§5.5.1-5.5.2 dashboards: the RBF explorer refits on every change; the ART replay scrubs."""

import numpy as np
import pytest

from chapter5.datasets import logic_gate
from chapter5.networks import ART
from chapter5.widgets.art import ART_DATASETS, art_data, art_replay, art_run
from chapter5.widgets.rbf import RBF_DATASETS, rbf_data, rbf_explorer


@pytest.fixture
def rbf():
    return rbf_explorer()


def test_rbf_explorer_default_solves_xor_exactly(rbf):
    assert rbf.result["accuracy"] == 1.0 and rbf.result["mse"] < 1e-12
    X, y = logic_gate("xor")
    np.testing.assert_allclose(rbf.result["net"].decision_function(X), y, atol=1e-6)


@pytest.mark.slow  # make test only: every control at both ends
@pytest.mark.parametrize(("name", "values"), [
    ("dataset", (*RBF_DATASETS[1:], RBF_DATASETS[0])), ("n_centers", (1, 40)),
    ("centers", ("random", "kmeans")), ("beta", (10 ** -1.5, 100.0)),
    ("solver", ("bp", "lstsq")), ("seed", (20, 0)),
])
def test_rbf_every_control_at_its_extremes(rbf, name, values):
    rbf.set(dataset="moons", n_centers=8)
    for value in values:
        before = rbf.image.value
        rbf.controls[name].value = value
        assert rbf.image.value != before, (name, value)
        assert np.isfinite(rbf.result["mse"])


def test_rbf_clamps_the_number_of_centres_to_the_samples_and_says_so(rbf):
    rbf.set(dataset="xor", n_centers=40)
    assert rbf.result["q"] == 4 and "one centre per sample" in rbf.view.status.get_text()


def test_rbf_one_centre_underfits_many_centres_fit_the_moons(rbf):
    rbf.set(dataset="moons", n_centers=1, beta=1.0)
    one = rbf.result["accuracy"]
    rbf.set(n_centers=20)
    assert one < 0.85 < rbf.result["accuracy"]


def test_rbf_weights_panel_one_bar_per_unit_and_q_keeps_the_cached_frame():
    """Bar i stands at (i - 1/2) / q; unit numbers label the bars; changing q (or β) reuses
    the cached background (no full redraw), and the picture is the one a fresh build draws."""
    from chapter5.plots.rbf import RBFView

    d = rbf_explorer(dataset="moons", n_centers=12, beta=10 ** 1.25)
    view = d.view
    segs = view.bars.get_segments()
    assert len(segs) == 12
    np.testing.assert_allclose([s[0, 0] for s in segs], (np.arange(12) + 0.5) / 12)
    np.testing.assert_allclose([s[1, 1] for s in segs],
                               np.clip(d.result["net"].w_, *view.ax_w.get_ylim()))
    shown = [t.get_text() for t in view.unit_labels if t.get_visible()]
    assert shown == ["1", "5", "12"]
    key = view.background_key
    d.set(n_centers=13)
    assert view.background_key == key and len(view._backgrounds) == 1
    assert [t.get_text() for t in view.unit_labels if t.get_visible()] == ["1", "5", "10", "13"]
    fresh = rbf_explorer(dataset="moons", n_centers=13, beta=10 ** 1.25)
    assert view.png() == fresh.view.png()
    for q in range(1, 41):
        numbers = RBFView.labelled_units(q)
        assert numbers[0] == 1 and numbers[-1] == q and numbers == sorted(set(numbers))
        assert min(np.diff(numbers), default=3) >= (1 if q <= 10 else 3)


def test_rbf_data_is_read_only_and_watermelon_is_standardized():
    X, _, _ = rbf_data("watermelon 3.0α")
    np.testing.assert_allclose(X.mean(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(X.std(axis=0), 1)
    with pytest.raises(ValueError, match="read-only"):
        X[0, 0] = 1.0


def test_rbf_repr_rebuilds_the_explorer(rbf):
    rbf.set(dataset="circles", n_centers=9, beta=10 ** 0.5, seed=3)
    rebuilt = eval(repr(rbf), {"rbf_explorer": rbf_explorer})
    assert rebuilt.values == rbf.values and rebuilt.image.value == rbf.image.value


def test_rbf_bad_arguments_are_named():
    with pytest.raises(ValueError, match="unknown dataset"):
        rbf_explorer(dataset="spiral")
    with pytest.raises(ValueError, match="beta must be"):
        rbf_explorer(beta=1e3)


@pytest.fixture
def art():
    return art_replay()


def test_art_replay_matches_the_model_trained_online(art):
    X = art_data("a new cluster arrives")
    model = ART(rho=0.75).fit(X)
    assert art.result["n_categories"] == model.n_categories_
    np.testing.assert_array_equal(art.result["weights"], model.weights_)


def test_art_scrubbing_replays_without_retraining(art):
    run = art.result["run"]
    pictures = set()
    for k in (0, 1, 20, 40, 41, 60):
        art.controls["step"].value = k
        assert art.result["run"] is run and art.result["step"] == k
        assert art.result["n_categories"] == (run["counts"][k - 1] if k else 0)
        pictures.add(art.image.value)
    assert len(pictures) == 6


def test_art_stability_plasticity_new_cluster_new_category_old_boxes_kept(art):
    run = art.result["run"]
    before = run["weights"][40]  # after the two old clusters
    after = run["weights"][60]
    assert len(after) > len(before)
    np.testing.assert_array_equal(after[: len(before)], before)
    assert run["new"][40], "the first sample of the far cluster makes a new category"


@pytest.mark.slow  # make test only: every control at both ends
@pytest.mark.parametrize(("name", "values"), [
    ("dataset", (*ART_DATASETS, "a new cluster arrives")), ("rho", (0.0, 1.0)),
    ("beta", (0.05, 1.0)), ("step", (0, 60)),
])
def test_art_every_control_at_its_extremes(art, name, values):
    art.set(rho=0.6, step=30)
    for value in values:
        before = art.image.value
        art.controls[name].value = value
        assert art.image.value != before, (name, value)
    if name == "rho":
        assert art.result["n_categories"] == 30  # rho = 1: every distinct sample its own


def test_art_run_records_every_sample():
    X = art_data("uniform")
    run = art_run(X, 0.8, 1.0)
    assert len(run["weights"]) == len(X) + 1 and len(run["weights"][0]) == 0
    assert np.all(np.diff(run["counts"]) >= 0)
    assert run["new"].sum() == run["counts"][-1]


def test_art_repr_rebuilds_the_replay(art):
    art.set(dataset="three clusters", rho=0.85, beta=0.5, step=17)
    rebuilt = eval(repr(art), {"art_replay": art_replay})
    assert rebuilt.values == art.values and rebuilt.image.value == art.image.value


def test_art_whole_run_curve_follows_rho_on_a_cached_background():
    """Issue 14: the whole run's category count (static) was cached per data set only, so
    another vigilance with the same range kept the earlier run's grey curve."""
    d = art_replay(rho=0.5, beta=1.0)
    d.set(rho=0.65, beta=0.05)
    assert d.image.value == art_replay(rho=0.65, beta=0.05).image.value
