"""§5.5.5 Elman explorer: train once per setting, scrub the recorded epochs."""

import numpy as np
import pytest

from chapter5.networks.elman import error_by_position
from chapter5.widgets.elman import N_EPOCHS, RECORD_EVERY, elman_explorer

DEFAULTS = {"n_hidden": 8, "eta": 4.0, "bptt": True, "seed": 0, "epoch": N_EPOCHS}


@pytest.fixture(scope="module")
def shared():
    # one dashboard for the module: its cache of training runs keeps the tests fast
    return elman_explorer()


@pytest.fixture
def explorer(shared):
    shared.set(**DEFAULTS)
    return shared


def test_default_run_shows_the_period_3_pattern_emerge(explorer):
    errors = explorer.result["errors_by_position"]
    assert errors[2] < 0.05 and np.all(errors[:2] > 0.2), errors
    explorer.controls["epoch"].value = 0
    start = explorer.result["errors_by_position"]
    assert np.ptp(start) < 0.05, f"before training no bit is special: {start}"
    assert repr(explorer) == ("elman_explorer(n_hidden=8, eta=4.0, bptt=True, seed=0, "
                              "epoch=0)")
    assert "chapter5-elman" in explorer._dom_classes


def test_the_readout_is_the_mean_of_the_bars_and_the_default_run_stays_as_a_baseline(explorer):
    """E carries the ½ of E(t) = ½(ŷ - y)²: the line above the bars shows the mean of the
    three bars instead, next to the two-bit table's mean (a floor only for that mean)."""
    res = explorer.result
    mean = res["errors_by_position"].mean()
    assert res["mean_error"] == pytest.approx(mean)
    assert res["E"] == pytest.approx(mean / 2, rel=0.02), "E = ½ mean (ŷ - y)²"
    status = explorer.view.status.get_text()
    assert f"{mean:.3f}" in status and "2-bit table 0.224" in status
    view = explorer.view
    default = res["history_errors"]
    explorer.controls["bptt"].value = False
    assert not np.array_equal(explorer.result["history_errors"], default)
    baseline = np.column_stack([line.get_ydata() for line in view.comparison])
    np.testing.assert_array_equal(baseline, default, err_msg="the faint curves: default run")
    legend = [t.get_text() for t in view.ax_curve.get_legend().get_texts()]
    assert any("default run" in t for t in legend), legend


def test_the_yardsticks_are_visible_and_labelled(explorer):
    view = explorer.view
    legend = [t.get_text() for t in view.ax_bar.get_legend().get_texts()]
    assert "chance (0.25): always answering 0.5" in legend
    assert {"best table of the last 2 bits", "best table knowing the phase"} <= set(legend)
    lines = {line.get_label(): line for line in view.ax_bar.get_lines()}
    two_bit, phase = lines["best table of the last 2 bits"], lines["best table knowing the phase"]
    assert phase.get_marker() == "D" and not phase.get_clip_on(), "its 0 on the XOR bit shows"
    assert phase.get_color() not in (two_bit.get_color(), view.ax_bar.lines[0].get_color())
    assert all(line in view.animated for line in (two_bit, phase)), "drawn over the bars"


def test_scrubbing_replays_the_history_without_retraining(explorer):
    net = explorer.result["net"]
    history = explorer.result["history_errors"]
    pictures = set()
    renders = explorer.n_renders
    for k, epoch in enumerate((0, 100, 200, N_EPOCHS)):
        explorer.controls["epoch"].value = epoch
        assert explorer.result["net"] is net, "the epoch slider must not retrain"
        assert explorer.result["epoch"] == epoch
        i = epoch // RECORD_EVERY
        np.testing.assert_array_equal(explorer.result["errors_by_position"], history[i])
        pictures.add(explorer.image.value)
        assert explorer.n_renders == renders + k + 1
    assert len(pictures) == 4
    replay = net.evaluate_history(*_test_stream())
    np.testing.assert_allclose(history, error_by_position(replay["squared_errors"]))


def _test_stream():
    from chapter5.networks.elman import next_step_pairs, temporal_xor
    return next_step_pairs(temporal_xor(300, random_state=1))


@pytest.mark.slow  # make test only: every control at both ends
@pytest.mark.parametrize(("name", "values"), [
    ("n_hidden", (1, 10)), ("eta", (2 ** -2, 2 ** 5)), ("bptt", (False, True)),
    ("seed", (9, 0)), ("epoch", (0, N_EPOCHS)),
])
def test_every_control_at_its_extremes_changes_the_picture(explorer, name, values):
    control = explorer.controls[name]
    if name == "eta":  # a log slider's min and max are exponents
        assert (control.base ** control.min, control.base ** control.max) == values
    elif name != "bptt":
        assert (control.min, control.max) == (min(values), max(values))
    for value in values:
        before, renders = explorer.image.value, explorer.n_renders
        control.value = value
        assert explorer.values[name] == value
        assert explorer.n_renders == renders + 1, "one change, one render"
        assert explorer.image.value != before
        assert np.all(np.isfinite(explorer.result["errors_by_position"]))
        assert np.isfinite(explorer.result["E"])


def test_retraining_controls_wait_for_release_and_eta_is_logarithmic(explorer):
    c = explorer.controls
    assert not c["n_hidden"].continuous_update and not c["eta"].continuous_update
    assert not c["seed"].continuous_update
    assert type(c["eta"]).__name__ == "FloatLogSlider"
    grid = c["eta"].base ** np.arange(c["eta"].min, c["eta"].max + 1e-9, c["eta"].step)
    assert np.any(np.isclose(grid, DEFAULTS["eta"])), "the default sits on the slider grid"
    assert explorer.play.max == N_EPOCHS and explorer.play.step == RECORD_EVERY
    assert explorer.companions["epoch"] == [explorer.play], "Play hides with the epoch slider"


def test_elmans_rule_learns_less_than_bptt(explorer):
    with_bptt = explorer.result["errors_by_position"][2]
    explorer.controls["bptt"].value = False
    without = explorer.result["errors_by_position"][2]
    assert without > 0.07 > 0.05 > with_bptt
    assert "no BPTT" in explorer.view.title.get_text()


def test_repr_rebuilds_the_explorer(explorer):
    explorer.set(n_hidden=1, epoch=200)
    rebuilt = eval(repr(explorer), {"elman_explorer": elman_explorer})
    assert rebuilt.values == explorer.values
    assert rebuilt.image.value == explorer.image.value


@pytest.mark.parametrize(("kwargs", "exc", "match"), [
    ({"n_hidden": 11}, ValueError, "n_hidden must be <= 10"),
    ({"eta": 100.0}, ValueError, "eta must be <= 32"),
    ({"bptt": "yes"}, TypeError, "bptt must be True or False"),
    ({"seed": 10}, ValueError, "seed must be <= 9"),
    ({"epoch": N_EPOCHS + 1}, ValueError, f"epoch must be <= {N_EPOCHS}"),
])
def test_builder_rejects_values_outside_the_controls(kwargs, exc, match):
    with pytest.raises(exc, match="^" + match):
        elman_explorer(**kwargs)
