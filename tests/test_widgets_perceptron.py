"""§5.2 dashboards: the replay trains once and scrubs; the XOR explorer breaks and mends."""

import numpy as np
import pytest

from chapter5.widgets import perceptron_replay, xor_network_explorer
from chapter5.widgets.perceptron import REPLAY_DATASETS, describe_outcome, replay_data


@pytest.fixture
def replay():
    return perceptron_replay(w1=0.5, w2=-0.3, theta=0.2)


def test_scrubbing_changes_the_picture_without_retraining(replay):
    model = replay.result["model"]
    pictures = {replay.image.value}
    for t in range(1, replay.controls["step"].max + 1):
        replay.controls["step"].value = t
        assert replay.result["model"] is model, "scrubbing must not retrain"
        assert replay.result["info"]["t"] == t
        pictures.add(replay.image.value)
    assert len(pictures) == replay.controls["step"].max + 1


def test_shown_state_is_the_recorded_history(replay):
    replay.controls["step"].value = 3
    info, h = replay.result["info"], replay.result["model"].history_
    np.testing.assert_allclose(info["w"], h.w[2])
    assert info["theta"] == h.theta[2]
    np.testing.assert_allclose(info["delta"], 0.1 * (h.y[2] - h.y_hat[2]) * np.append(h.x[2], -1))


@pytest.mark.slow  # make test only: every control at both ends
@pytest.mark.parametrize("name", ["eta", "w1", "w2", "theta"])
def test_structural_controls_retrain_at_both_ends(replay, name):
    replay.controls["step"].value = 5
    control = replay.controls[name]
    for value in (control.min if name != "eta" else 10 ** control.min,
                  control.max if name != "eta" else 10 ** control.max):
        before = replay.result["model"]
        control.value = value
        assert replay.result["model"] is not before
        assert 0 <= replay.values["step"] <= replay.controls["step"].max
        assert replay.image.value[:3] == b"\xff\xd8\xff"  # a JPEG


@pytest.mark.parametrize("dataset", list(REPLAY_DATASETS))
def test_every_dataset_trains_and_the_step_range_follows(replay, dataset):
    replay.controls["step"].value = replay.controls["step"].max
    replay.controls["dataset"].value = dataset
    model = replay.result["model"]
    assert replay.controls["step"].max == len(model.history_) == replay.play.max
    assert replay.values["step"] <= len(model.history_)
    X, y = replay_data(dataset)
    if dataset == "xor":
        assert not model.converged_ and model.cycle_ is not None
        assert "never converges" in describe_outcome(model)
    else:
        assert model.converged_ and "converged" in describe_outcome(model)
        assert model.score(X, y) == 1.0


def test_step_buttons(replay):
    replay.buttons["forward"].click()
    assert replay.values["step"] == 1
    replay.buttons["back"].click()
    replay.buttons["back"].click()
    assert replay.values["step"] == 0
    replay.buttons["epoch"].click()
    assert replay.values["step"] == 4  # AND: 4 samples per epoch
    replay.controls["step"].value = replay.controls["step"].max
    replay.buttons["forward"].click()
    assert replay.values["step"] == replay.controls["step"].max


def test_repr_rebuilds_the_same_picture(replay):
    replay.set(dataset="narrow", eta=1.0, step=9)
    rebuilt = eval(repr(replay), {"perceptron_replay": perceptron_replay})
    assert rebuilt.values == replay.values
    assert rebuilt.image.value == replay.image.value


def test_builder_checks_its_arguments():
    with pytest.raises(ValueError, match="unknown dataset 'iris'"):
        perceptron_replay(dataset="iris")
    with pytest.raises(ValueError, match="eta must be >= 0.001"):
        perceptron_replay(eta=0.0)
    with pytest.raises(ValueError, match="w1 must be <= 1.0"):
        perceptron_replay(w1=3.0)


def test_xor_explorer_default_is_the_books_solution_and_breaks():
    d = xor_network_explorer()
    assert d.result["is_xor"]
    np.testing.assert_array_equal(d.result["hidden"], [[0, 0], [0, 1], [1, 0], [0, 0]])
    before = d.image.value
    d.controls["gamma1"].value = -1.0
    assert not d.result["is_xor"] and d.image.value != before
    assert "does <b>not</b> compute XOR" in d.children[2].value


@pytest.mark.parametrize("name", ["gamma1", "gamma2", "theta"])
def test_xor_explorer_every_slider_at_both_ends(name):
    d = xor_network_explorer()
    seen = {d.image.value}
    for value in (d.controls[name].min, d.controls[name].max):
        d.controls[name].value = value
        seen.add(d.image.value)
        assert d.result["y"].shape == (4,)
    assert len(seen) == 3
