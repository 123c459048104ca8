"""Plot functions draw on the ax they get and return artists; views draw what they claim."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest

from chapter5.plots import (
    ActivationView,
    NeuronPlaneView,
    activation_gallery,
    draw_mp_neuron,
    draw_network,
    plot_activation,
)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_plot_activation_returns_its_artists_with_the_jump_dots():
    fig, ax = plt.subplots()
    artists = plot_activation(ax, "step")
    assert len(artists) == 3  # the curve, the filled dot at (0, 1), the open dot at (0, 0)
    assert artists[1].get_xydata().tolist() == [[0.0, 1.0]]
    assert artists[2].get_xydata().tolist() == [[0.0, 0.0]]
    x, y = artists[0].get_data()
    assert np.isnan(y).sum() == 1, "the jump is broken, not drawn as a vertical line"
    assert len(plot_activation(ax, "sigmoid", derivative=True)) == 1


def test_gallery_needs_six_axes_and_labels_every_one():
    fig, axes = plt.subplots(2, 3)
    out = activation_gallery(axes)
    assert list(out) == ["step", "sign", "sigmoid", "tanh", "relu", "linear"]
    for ax in axes.ravel():
        assert ax.get_title() and ax.get_xlabel() == "x"
    assert [t.get_text() for t in axes[0, 0].get_legend().get_texts()] == ["f(x)", "f'(x)"]
    with pytest.raises(ValueError, match="at least 6 axes"):
        activation_gallery(plt.subplots(1, 2)[1])


def test_neuron_plane_line_is_w_dot_x_equals_theta_and_w_points_to_firing_side():
    view = NeuronPlaneView(w1=1.5, w2=-0.7, theta=0.3, activation="step")
    w, theta = np.array([1.5, -0.7]), 0.3
    xs, ys = view.line.get_data()
    np.testing.assert_allclose(np.column_stack([xs, ys]) @ w, theta, atol=1e-12)
    tail, head = (np.asarray(p) for p in view.arrow._posA_posB)
    direction = head - tail
    np.testing.assert_allclose(direction / np.linalg.norm(direction), w / np.linalg.norm(w))
    assert view.neuron.predict(head) == 1.0
    assert view.ax.get_xlabel() == "$x_1$" and view.ax.get_ylabel() == "$x_2$"
    assert view.ax.get_legend() is not None


def test_neuron_plane_heatmap_matches_the_neuron():
    view = NeuronPlaneView(w1=1.0, w2=1.0, theta=0.5, activation="sigmoid")
    rgba = view.image.get_array()
    assert rgba.shape == (view.resolution, view.resolution, 3)  # opaque RGB: faster to resample
    # bottom-left pixel is x = (-0.5, -0.5), top-right is (1.5, 1.5): darker to brighter
    assert rgba[0, 0, :3].sum() < rgba[-1, -1, :3].sum()


def test_view_png_is_deterministic_and_changes_with_state():
    a, b = NeuronPlaneView(), NeuronPlaneView()
    assert a.png() == b.png()
    a.update(1.0, 1.0, 0.5, "step")
    assert a.png() != b.png()
    assert repr(a) == "<NeuronPlaneView: 595x480 px figure>"


def test_widget_picture_is_a_faithful_jpeg_of_the_figure():
    """Dashboards ship JPEG (fast to encode and decode); it must be the same picture as the
    lossless PNG: same size, and close pixel for pixel (quality 90)."""
    import io

    from PIL import Image

    view = NeuronPlaneView(1.0, 1.0, 0.5, "sigmoid")
    assert view.image_format == "jpeg"
    jpeg, png = view.encode(), view.png()
    assert jpeg[:3] == b"\xff\xd8\xff" and png[:8] == b"\x89PNG\r\n\x1a\n"
    a = np.asarray(Image.open(io.BytesIO(jpeg)).convert("RGB"), dtype=float)
    b = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=float)
    assert a.shape == b.shape == (480, 595, 3)
    assert np.abs(a - b).mean() < 2.0  # out of 255
    view.image_format = "png"
    assert view.encode() == png


def test_activation_view_switches_and_relabels():
    view = ActivationView("relu")
    first = view.png()
    view.update("sigmoid")
    assert "(5.9)" in view.title_df.get_text()
    assert view.png() != first


def test_diagrams_return_their_parts():
    fig, ax = plt.subplots()
    parts = draw_network(ax, (2, 3, 1))
    assert [len(layer) for layer in parts["nodes"]] == [2, 3, 1]
    assert len(parts["edges"]) == 2 * 3 + 3 * 1
    with pytest.raises(ValueError, match="at least 2 layers"):
        draw_network(ax, (3,))
    fig, ax = plt.subplots()
    parts = draw_mp_neuron(ax, n_inputs=3)
    assert len(parts["inputs"]) == 3


@pytest.mark.parametrize("via", ["relu", "sign", "linear"])
def test_cached_backgrounds_give_the_same_picture_as_a_fresh_view(via):
    view = NeuronPlaneView(0.4, -1.2, 0.3, "sigmoid")
    view.png()
    view.update(0.4, -1.2, 0.3, via)
    assert view.png() != NeuronPlaneView(0.4, -1.2, 0.3, "sigmoid").png()
    view.update(0.4, -1.2, 0.3, "sigmoid")
    assert view.png() == NeuronPlaneView(0.4, -1.2, 0.3, "sigmoid").png()
    act = ActivationView("tanh")
    act.update("step")
    act.update("tanh")
    assert act.png() == ActivationView("tanh").png()


def test_network_diagram_encodes_weights_and_thresholds():
    from chapter5.plots.diagrams import NEGATIVE, POSITIVE

    fig, ax = plt.subplots()
    v = np.array([[1.0, -1.0], [-1.0, 1.0]])
    w = np.array([[2.0], [0.5]])
    parts = draw_network(ax, weights=[v, w], thresholds=[[0.5, 0.5], [0.5]], show_values=True)
    edges = parts["edges"]
    assert len(edges) == 6
    assert edges[0].get_color() == POSITIVE and edges[1].get_color() == NEGATIVE
    assert edges[1].get_linestyle() == "--"
    widths = [e.get_linewidth() for e in edges[4:]]
    assert widths[0] > widths[1], "width grows with |w|"
    texts = [t.get_text() for t in parts["texts"]]
    assert texts.count("γ=0.5") == 2 and "θ=0.5" in texts and "-1" in texts
    with pytest.raises(ValueError, match="disagree"):
        draw_network(ax, layer_sizes=(2, 3, 1), weights=[v, w])


def test_replay_view_draws_the_presented_sample_and_the_rule():
    from chapter5.datasets import logic_gate
    from chapter5.perceptron import Perceptron
    from chapter5.plots.perceptron import PerceptronReplayView

    X, y = logic_gate("and")
    p = Perceptron(eta=0.1, w_init=0).fit(X, y)
    view = PerceptronReplayView()
    view.set_run(X, y, p.history_, p.errors_, "converged", "and")
    info = view.show(1, 0.1)
    assert view.current.get_xydata().tolist() == [[0.0, 0.0]]
    assert "Δ(w, θ) = η(y−ŷ)(x, −1) = (0, 0, 0.1)" in view.title.get_text()
    assert info["updated"] and info["epoch"] == 1
    view.show(0, 0.1)
    assert len(view.current.get_xdata()) == 0


def test_novikoff_plot_labels():
    from chapter5.plots.perceptron import plot_novikoff

    fig, ax = plt.subplots()
    artists = plot_novikoff(ax, [3, 10], [20, 50])
    assert len(artists) == 2 and ax.get_xscale() == "log"
    assert "bound" in ax.get_xlabel() and ax.get_legend() is not None


def test_practice_plots():
    from chapter5.backprop import BPNetwork
    from chapter5.datasets import logic_gate
    from chapter5.plots.practice import (
        plot_confusion,
        plot_decision_regions,
        plot_eta_sweep,
        plot_train_val,
    )

    X, y = logic_gate("xor")
    nets = {eta: BPNetwork(hidden=(2,), eta=eta, max_epochs=200, random_state=0).fit(X, y)
            for eta in (0.5, 1e8)}
    fig, axes = plt.subplots(2, 2)
    regimes = plot_eta_sweep(axes[0, 0], nets)
    assert regimes[1e8] == "diverged"
    texts = [t.get_text() for t in axes[0, 0].get_legend().get_texts()]
    assert any("diverged" in t for t in texts)
    artists = plot_train_val(axes[0, 1], nets[0.5].loss_curve_, nets[0.5].loss_curve_ * 2,
                             best_epoch=50, stopped_at=80)
    assert len(artists) == 4 and axes[0, 1].get_yscale() == "log"
    image, *points = plot_decision_regions(axes[1, 0], nets[0.5], X, y)
    assert image.get_array().shape == (121, 121) and len(points) == 2
    plot_confusion(axes[1, 1], np.array([[3, 1], [0, 4]]), ["a", "b"])
    assert [t.get_text() for t in axes[1, 1].texts] == ["3", "1", "0", "4"]


def test_plane_grid_is_the_one_plotting_grid_of_the_views():
    from chapter5.plots._style import grid_axes, plane_grid

    g1, g2 = grid_axes((0.0, 2.0, -1.0, 1.0), (5, 3))
    assert g1.tolist() == [0.0, 0.5, 1.0, 1.5, 2.0] and g2.tolist() == [-1.0, 0.0, 1.0]
    G = plane_grid((0.0, 2.0, -1.0, 1.0), (5, 3))
    assert G.shape == (15, 2)
    # row i * n1 + j is (g1[j], g2[i]): f(G).reshape(n2, n1) has x1 along the columns
    np.testing.assert_array_equal(G.reshape(3, 5, 2)[1, 3], [1.5, 0.0])
    np.testing.assert_array_equal(plane_grid((-0.5, 1.5), 4),
                                  plane_grid((-0.5, 1.5, -0.5, 1.5), (4, 4)))
    with pytest.raises(ValueError, match="extent must be"):
        plane_grid((0.0, 1.0, 2.0), 3)
    view = NeuronPlaneView()  # a view's grid is this one
    np.testing.assert_array_equal(view._grid, plane_grid(view.extent, view.resolution))
