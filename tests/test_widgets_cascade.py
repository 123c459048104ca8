"""§5.5.4 cascade-growth dashboard and the cascade figures."""

import warnings

import numpy as np
import pytest
from matplotlib.figure import Figure
from numpy.testing import assert_allclose, assert_array_equal

from chapter5.networks.cascade import CascadeCorrelation, two_spirals
from chapter5.plots.cascade import (
    REGION_LEVELS,
    CascadeDiagram,
    CascadeView,
    add_region_key,
    draw_cascade,
    plot_decision_regions,
    plot_output_regions,
    plot_stage_accuracy,
    plot_training_curve,
    plot_unit_output,
    region_rgba,
)
from chapter5.widgets.cascade import MAX_HIDDEN, cascade_data, cascade_growth


@pytest.fixture(scope="module")
def spirals_net():
    X, y = two_spirals()
    return CascadeCorrelation(max_hidden=25, random_state=0).fit(X, y)


@pytest.fixture(scope="module")
def shared():
    return cascade_growth()


@pytest.fixture
def growth(shared):
    """One dashboard for the module (each build trains and draws everything once); every test
    starts from the default state, which its run cache brings back without retraining."""
    shared.set(dataset="two_spirals", noise=0.0, n_candidates=8, seed=0, units=MAX_HIDDEN)
    return shared


def test_default_grows_the_two_spirals_and_shows_the_last_stage(growth):
    net = growth.result["net"]
    assert net.converged_ and net.n_hidden_ == 11
    assert growth.values["units"] == 11 == growth.controls["units"].max == growth.play.max
    assert growth.result["train_accuracy"] == 1.0 and growth.result["n_hidden"] == 11
    assert growth.result["test_accuracy"] > 0.9, "the points between the training points"
    assert "chapter5-cascade" in growth._dom_classes
    assert growth.image.value[:2] == b"\xff\xd8"  # JPEG: a picture of heat maps
    assert repr(growth) == ("cascade_growth(dataset='two_spirals', noise=0.0, n_candidates=8, "
                            "seed=0, units=11)")
    assert growth.companions == {"units": [growth.play, growth.slow]}


def test_scrubbing_replays_the_stages_without_retraining(growth):
    net = growth.result["net"]
    pictures, epochs = set(), []
    for k in range(net.n_hidden_ + 1):
        growth.controls["units"].value = k
        assert growth.result["net"] is net and growth.result["n_hidden"] == k
        assert growth.result["train_accuracy"] == net.history_[k].accuracy
        assert len(growth.view.diagram.nodes.get_offsets()) == k, "one node per unit"
        pictures.add(growth.image.value)
        epochs.append(growth.result["epochs"])
    assert len(pictures) == net.n_hidden_ + 1
    assert epochs[-1] == net.n_epochs_ and np.all(np.diff(epochs) > 0)
    assert "11 of 11 hidden units" in growth.view.status.get_text()
    assert growth.view.region_title.get_text().startswith("two spirals:")


@pytest.mark.slow  # make test only: every control at both ends
@pytest.mark.parametrize(("name", "values"), [
    ("dataset", ("circles", "moons", "xor", "two_spirals")),
    ("n_candidates", (1, 16)),
    ("seed", (9, 0)),
])
def test_every_retraining_control_at_its_extremes(growth, name, values):
    for value in values:
        before, net = growth.image.value, growth.result["net"]
        growth.controls[name].value = value
        assert growth.image.value != before and growth.result["net"] is not net
        assert 0 <= growth.result["n_hidden"] <= MAX_HIDDEN
        assert growth.values["units"] == growth.result["net"].n_hidden_, "shows the grown net"


@pytest.mark.parametrize("dataset", ["two_spirals", "circles"])
def test_noise_matters_at_both_ends(growth, dataset):
    d = growth.set(dataset=dataset, noise=0.25)
    for value in (0.0, 0.5):
        before, net = d.image.value, d.result["net"]
        d.controls["noise"].value = value
        assert d.image.value != before and d.result["net"] is not net
        assert d.result["test_accuracy"] is not None
    assert d.result["net"].history_[0].accuracy < 0.8, "a line separates neither set"
    X, y, Xt, yt = cascade_data(dataset, noise=0.5, seed=0)
    X0, y0, Xt0, yt0 = cascade_data(dataset, noise=0.0, seed=0)
    if dataset == "two_spirals":  # the same points, moved by N(0, 0.5^2) noise
        assert_array_equal(y, y0)
        assert 0.4 < np.std(X - X0) < 0.6 and 0.4 < np.std(Xt - Xt0) < 0.6


def test_try_this_answers_hold(growth):
    # the notebook's "What you should see" under the dashboard
    growth.controls["n_candidates"].value = 1  # 3: a lone candidate needs more units
    one = growth.result["net"]
    assert (one.n_hidden_, one.converged_) == (21, True) and 3350 < one.n_epochs_ < 3450
    growth.controls["n_candidates"].value = 16
    assert growth.result["net"].n_hidden_ == 11
    growth.set(n_candidates=8, dataset="circles", noise=0.3)  # 4: the data of section 6
    test = growth.view.test_acc
    assert int(np.argmax(test)) == 3 and round(test[3], 2) == 0.84 and round(test[-1], 2) == 0.73
    assert growth.view.train_acc[-1] == 1.0
    growth.set(noise=0.0)
    test = growth.view.test_acc
    assert growth.result["net"].n_hidden_ == 2 and np.all(np.diff(test) > 0), "nothing to overfit"
    growth.set(dataset="two_spirals", noise=0.2)  # 5
    net = growth.result["net"]
    train, test = growth.view.train_acc, growth.view.test_acc
    assert net.n_hidden_ == 17 and round(test[-1], 2) == 0.85
    assert train[-1] - test[-1] > train[5] - test[5], "the gap widens"


def test_try_this_seeds_0_to_9_need_11_to_20_units():
    X, y, _, _ = cascade_data("two_spirals")
    units = [CascadeCorrelation(max_hidden=MAX_HIDDEN, random_state=seed).fit(X, y)
             for seed in range(10)]
    assert all(net.converged_ for net in units)
    assert min(n.n_hidden_ for n in units) == 11 and max(n.n_hidden_ for n in units) == 20


def test_going_back_to_an_earlier_run_reuses_it(growth):
    first = growth.result["net"]
    growth.controls["seed"].value = 2
    growth.controls["seed"].value = 0
    assert growth.result["net"] is first
    assert "kept from before" in growth.progress.value


def test_units_beyond_the_run_are_clamped():
    d = cascade_growth(dataset="xor", noise=0.0, units=MAX_HIDDEN)
    net = d.result["net"]
    assert d.values["units"] == net.n_hidden_ == d.controls["units"].max < MAX_HIDDEN


def test_repr_rebuilds_the_dashboard_without_displaying_it(growth, capsys):
    growth.set(units=4, n_candidates=4)
    rebuilt = eval(repr(growth), {"cascade_growth": cascade_growth})
    assert capsys.readouterr().out == "", "a builder returns its widget, never displays it"
    assert rebuilt.values == growth.values
    assert rebuilt.image.value == growth.image.value


def test_builder_and_data_reject_bad_values():
    with pytest.raises(ValueError, match="^unknown dataset 'spiral'"):
        cascade_growth(dataset="spiral")
    with pytest.raises(ValueError, match="^n_candidates must be <= 16"):
        cascade_growth(n_candidates=17)
    with pytest.raises(ValueError, match="^units must be <= 25"):
        cascade_growth(units=26)
    with pytest.raises(ValueError, match="^noise must be <= 0.5"):
        cascade_data("moons", noise=0.6)
    X, y, Xt, yt = cascade_data("two_spirals")
    assert X.shape == (194, 2) and Xt.shape == (192, 2)
    assert not np.any(np.all(np.isclose(Xt[:, None], X[None]), axis=2)), "held out: new points"


# --- the figures ---------------------------------------------------------------------------


def test_static_figures_draw_every_stage(spirals_net):
    X, y = two_spirals()
    fig = Figure(figsize=(12, 8))
    axes = fig.subplots(2, 3)
    arts = plot_decision_regions(axes[0, 0], spirals_net, X, y, n_hidden=4)
    assert "4 hidden units" in axes[0, 0].get_title()
    assert len(arts) >= 4
    diagram = draw_cascade(axes[0, 1], spirals_net)
    assert len(diagram.nodes.get_offsets()) == 11
    n_frozen = sum(2 + 1 + j for j in range(11))  # x1, x2, threshold and earlier units
    assert len(diagram.frozen.get_offsets()) == n_frozen
    assert len(diagram.trained.get_offsets()) == 2 + 11 + 1
    plot_training_curve(axes[0, 2], spirals_net, n_hidden=5)
    assert axes[0, 2].get_yscale() == "log"
    plot_stage_accuracy(axes[1, 0], spirals_net, X, y, n_hidden=3)
    line = axes[1, 0].get_lines()[0]
    np.testing.assert_allclose(line.get_ydata(), spirals_net.stage_scores(X, y))
    b = spirals_net.hidden_outputs(X)[:, 0]
    im = plot_unit_output(axes[1, 1], np.tile(b[:10], (10, 1)), (0, 1, 0, 1), title="b1")
    assert im.get_clim() == (-0.5, 0.5)
    fig.savefig(__import__("io").BytesIO(), format="png")
    with pytest.raises(TypeError, match="^net must be a CascadeCorrelation"):
        draw_cascade(axes[1, 2], object())
    with pytest.raises(ValueError, match="^n_hidden must be <= 11"):
        plot_decision_regions(axes[1, 2], spirals_net, X, y, n_hidden=12)


def test_regions_come_in_bands_with_a_key(spirals_net):
    y_hat = np.array([0.0, 0.05, 0.099, 0.1, 0.49, 0.5, 0.51, 0.8, 0.95, 1.0])
    rgba = region_rgba(y_hat)
    assert rgba.shape == (10, 4) and rgba.dtype == np.uint8
    assert_array_equal(rgba[0], rgba[2]) and not np.array_equal(rgba[2], rgba[3])
    assert not np.array_equal(rgba[4], rgba[5]), "0.5, the boundary, is a band edge"
    assert len({tuple(c) for c in rgba}) == len(REGION_LEVELS) - 1
    X, y = two_spirals()
    fig = Figure(figsize=(10, 4), layout="constrained")
    axes = fig.subplots(1, 2)
    bands, boundary, *points = plot_decision_regions(axes[0], spirals_net, X, y, legend=False)
    assert list(bands.levels) == list(REGION_LEVELS) and len(points) == 2
    # the same colours as the dashboard's image (contourf takes floats, the image bytes)
    assert_allclose(bands.get_facecolor() * 255, region_rgba(
        (np.array(REGION_LEVELS[:-1]) + np.array(REGION_LEVELS[1:])) / 2), atol=0.6)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # one class everywhere: no boundary, and no warning
        _, nothing = plot_output_regions(axes[1], np.full((20, 20), 0.2), (0, 1, 0, 1))
    assert len(nothing.get_xdata()) == 0
    plot_output_regions(axes[1], np.linspace(0, 1, 400).reshape(20, 20), (0, 1, 0, 1))
    cbar, legend = add_region_key(fig, bands, axes, held_out=True)
    labels = [t.get_text() for t in legend.get_texts()]
    assert labels == ["y = 1 (training)", "y = 0 (training)", "y = 1 (held-out)",
                      "y = 0 (held-out)", "ŷ = 0.5 (decision boundary)"]
    assert cbar.ax.get_ylabel() == "network output ŷ"
    fig.savefig(__import__("io").BytesIO(), format="png")


def _overlaps(a, b) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


@pytest.mark.parametrize("capacity", [3, 11, 25])
def test_diagram_markers_fit_their_grid_and_labels_clear_the_title(capacity):
    view = CascadeView()  # the dashboard's layout: the tightest place the diagram is drawn
    X, y = two_spirals()
    net = CascadeCorrelation(max_hidden=capacity, n_candidates=1, random_state=0).fit(X, y)
    view.set_run(net, X, y, key="t")
    view.show(net.n_hidden_)
    diagram, ax = view.diagram, view.ax_net
    view.png()
    # the side of the largest marker (sqrt of its area in points^2) is at most one grid step
    px_per_unit = min(ax.transData.transform((1, 0))[0] - ax.transData.transform((0, 0))[0],
                      ax.transData.transform((0, 0))[1] - ax.transData.transform((0, -1))[1])
    step_pt = px_per_unit * 72 / view.fig.dpi
    for coll in (diagram.frozen, diagram.trained, diagram.nodes, diagram.out_nodes):
        assert np.sqrt(coll.get_sizes().max()) <= step_pt, "markers would overlap"
    renderer = view.fig.canvas.get_renderer()
    title = ax.title.get_window_extent(renderer)
    for text in diagram.out_labels + diagram.unit_labels[:net.n_hidden_] + diagram.texts:
        assert not _overlaps(text.get_window_extent(renderer), title)
    handles = [t.get_text() for t in diagram.legend.get_texts()]
    assert {"frozen weight", "trained weight", "w > 0", "w < 0"} == set(handles)


def test_several_outputs_label_each_output():
    fig = Figure(figsize=(5, 5))
    diagram = CascadeDiagram(fig.add_subplot(), n_inputs=4, capacity=3, n_outputs=3)
    assert [t.get_text() for t in diagram.out_labels] == ["ŷ₁", "ŷ₂", "ŷ₃"]


def test_static_copy_is_a_small_palette_png(spirals_net):
    X, y = two_spirals()
    view = CascadeView()
    view.set_run(spirals_net, X, y, key="spirals")
    view.show(6)
    static = view._repr_png_()
    assert static[:8] == b"\x89PNG\r\n\x1a\n"
    import io

    from PIL import Image
    assert Image.open(io.BytesIO(static)).mode == "P"
    assert len(static) < len(view.png()) / 2


def test_view_frames_differ_and_stay_in_the_stage_range(spirals_net):
    X, y = two_spirals()
    view = CascadeView()
    view.set_run(spirals_net, X, y, key="spirals")
    assert not view.acc_test.get_visible()
    frames = set()
    for k in (-3, 0, 6, 11, 40):
        info = view.show(k)
        assert info["n_hidden"] == int(np.clip(k, 0, 11)) and info["test_accuracy"] is None
        frames.add(view.png())
    assert len(frames) == 3


def test_stage_0_after_a_later_stage_gives_the_picture_of_a_fresh_dashboard():
    """Issue 14: matplotlib draws animated images in a full draw, so the cached background
    kept the newest unit's map and showed it through stage 0's empty panel."""
    d = cascade_growth(dataset="xor", noise=0.2)
    d.controls["units"].value = 0
    assert d.image.value == cascade_growth(dataset="xor", noise=0.2, units=0).image.value
