"""§5.5.3 SOM explorer: trained once per setting, scrubbed through its history; every control
changes the picture; the SOM self-checks."""

import numpy as np
import pytest

from chapter5.exercises import check_bmu, check_som_update
from chapter5.networks.som import grid_positions, neighbourhood, som_step
from chapter5.widgets.som import N_SNAPSHOTS, SOM_DATASETS, som_data, som_explorer


@pytest.fixture(scope="module")
def explorer():
    return som_explorer()


def test_default_state_is_a_trained_8x8_map_on_the_square(explorer):
    r = explorer.result
    som = r["som"]
    assert (som.rows, som.cols, som.n_iter_) == (8, 8, 2000)
    assert r["snapshot"] == N_SNAPSHOTS and r["t"] == 2000
    np.testing.assert_array_equal(r["weights"], som.weights_)
    assert r["quantization_error"] == pytest.approx(som.quantization_error(som_data("square")))
    assert r["quantization_error"] < 0.06 and r["topographic_error"] < 0.1
    assert explorer.image.format == "jpeg" and explorer.image.value[:3] == b"\xff\xd8\xff"
    assert "chapter5-som" in explorer._dom_classes
    assert repr(explorer) == ("som_explorer(data='square', rows=8, cols=8, "
                              "topology='rectangular', sigma=3.0, eta=0.5, n_iterations=2000, "
                              "seed=0, step=50)")


def test_scrubbing_replays_the_history_without_retraining(explorer):
    som = explorer.result["som"]
    pictures = set()
    for k in (0, 1, 10, 25, 50):
        explorer.controls["step"].value = k
        r = explorer.result
        assert r["som"] is som, "the replay must not retrain"
        assert r["t"] == k * 2000 // N_SNAPSHOTS == som.history_steps_[k]
        np.testing.assert_array_equal(r["weights"], som.history_[k])
        assert r["quantization_error"] == som.quantization_errors_[k]
        pictures.add(explorer.image.value)
    assert len(pictures) == 5
    assert f"quantization error {som.quantization_errors_[-1]:.4f}" in explorer.status.value
    assert explorer.status.value.count("t = 2000 of 2000 updates") == 1
    np.testing.assert_array_equal(explorer.view.nodes.get_xdata(), som.weights_[..., 0].ravel())


def test_play_is_linked_to_the_replay_slider_in_the_browser(explorer):
    play, link = explorer.play, explorer.play_link
    assert (play.min, play.max) == (0, N_SNAPSHOTS)
    assert link.source == (play, "value") and link.target == (explorer.controls["step"], "value")


@pytest.fixture(scope="module")
def small():
    """One explorer for the extremes below, which run in order, each from where the last
    left it (every value differs from the one before, so every change must show)."""
    return som_explorer(n_iterations=500)


@pytest.mark.slow  # make test only: every control at both ends
@pytest.mark.parametrize(("name", "values"), [
    ("data", ("circles", "moons", "watermelon 3.0α", "square")),
    ("rows", (1, 15)),
    ("cols", (2, 15)),
    ("topology", ("hexagonal", "rectangular")),
    ("sigma", (0.5, 8.0)),
    ("eta", (2.0 ** -7, 1.0)),
    ("seed", (20, 0)),
    ("step", (0, 50)),
    ("n_iterations", (5000, 100)),
])
def test_every_control_at_its_extremes_changes_the_picture(small, name, values):
    for value in values:
        before, som = small.image.value, small.result["som"]
        small.controls[name].value = value
        assert small.image.value != before, f"{name} = {value!r} left the picture unchanged"
        assert np.isfinite(small.result["quantization_error"])
        assert np.isfinite(small.result["topographic_error"])
        if name != "step":
            assert small.result["som"] is not som, f"{name} must retrain"
        else:
            assert small.result["som"] is som, "the replay must not retrain"
    som = small.result["som"]
    assert (som.rows, som.cols, som.topology, som.sigma, som.eta, som.n_iterations,
            som.random_state) == tuple(small.values[k] for k in (
                "rows", "cols", "topology", "sigma", "eta", "n_iterations", "seed"))


def test_retraining_follows_the_controls_and_the_hexagonal_map_draws_hexagons():
    d = som_explorer(data="watermelon 3.0α", rows=5, cols=5, topology="hexagonal",
                     sigma=2.5, eta=0.5, n_iterations=2000, seed=0)
    som = d.result["som"]
    assert som.weights_.shape == (5, 5, 2) and som.topology == "hexagonal"
    assert d.view.cells.get_paths()[0].vertices.shape[0] >= 6
    assert len(d.view.lines.get_segments()) == len(som.edges_)
    assert d.result["quantization_error"] < som.quantization_errors_[0]


def test_the_status_line_keeps_three_digits_of_a_tiny_learning_rate():
    d = som_explorer(eta=2.0 ** -7, n_iterations=100)
    eta_end = d.result["som"].eta_schedule_[-1]  # 2^-7 exp(-3 * 99 / 100) ~ 0.00040
    assert f"η(t) = {eta_end:.3g}," in d.result["status"] and "η(t) = 0.000," not in d.status.value


def test_the_u_matrix_panel_is_relative_to_its_maximum(explorer):
    explorer.controls["step"].value = 30
    cells = np.asarray(explorer.view.cells.get_array())
    assert cells.max() == pytest.approx(1.0)
    np.testing.assert_allclose(cells * explorer.result["u_matrix"].max(),
                               explorer.result["u_matrix"].ravel())


def test_repr_rebuilds_the_explorer(explorer):
    explorer.set(rows=6, sigma=2.0, eta=2.0 ** -2, step=40)
    rebuilt = eval(repr(explorer), {"som_explorer": som_explorer})
    assert rebuilt.values == explorer.values
    assert rebuilt.image.value == explorer.image.value


@pytest.mark.parametrize(("kwargs", "exc", "message"), [
    ({"data": "spiral"}, ValueError, "unknown data 'spiral'"),
    ({"rows": 0}, ValueError, "rows must be >= 1"),
    ({"cols": 16}, ValueError, "cols must be <= 15"),
    ({"sigma": 0.1}, ValueError, "sigma must be >= 0.5"),
    ({"eta": 2.0}, ValueError, "eta must be <= 1.0"),
    ({"n_iterations": 150}, ValueError, "n_iterations must be a multiple of 100"),
    ({"seed": 1.5}, TypeError, "seed must be an integer"),
    ({"step": 51}, ValueError, "step must be <= 50"),
])
def test_bad_arguments_name_the_argument(kwargs, exc, message):
    with pytest.raises(exc, match=f"^{message}"):
        som_explorer(**kwargs)


def test_every_data_set_is_2d_and_fixed():
    for name in SOM_DATASETS:
        X = som_data(name)
        assert X.ndim == 2 and X.shape[1] == 2 and not X.flags.writeable
        assert som_data(name) is X


# --- the self-checks -------------------------------------------------------------------------

# the notebook's exercise map: not yet ordered, so distances on the grid and in the input space
# differ (unit (0, 1) sits at (2, 1), unit (1, 2) at (1, 0)), and each slip below is visible
W = np.array([[[0.0, 0.0], [2.0, 1.0], [2.0, 0.0]], [[0.0, 1.0], [1.0, 1.0], [1.0, 0.0]]])
X_SAMPLE = np.array([1.8, 0.9])


def test_check_bmu():
    assert check_bmu(W, X_SAMPLE, (0, 1))
    assert check_bmu(W, X_SAMPLE, [np.int64(0), np.int64(1)])
    for wrong_cell in ((1, 1), (1, 2), (0, 2)):
        wrong = check_bmu(W, X_SAMPLE, wrong_cell)
        assert not wrong and "another unit is closer" in wrong.message
        assert "(0, 1)" not in wrong.message, "feedback must not reveal the answer"
    assert "still None" in repr(check_bmu(W, X_SAMPLE, None))
    outside = check_bmu(W, X_SAMPLE, (2, 3))  # counted from 1, as in the book's figures
    assert not outside and "counted from 0" in outside.message
    flat = check_bmu(W, X_SAMPLE, 1)  # the flat unit number SOM.bmu returns
    assert not flat and "(row, col) pair" in flat.message
    with pytest.raises(TypeError, match="^answer must be a \\(row, col\\) pair"):
        check_bmu(W, X_SAMPLE, (1.0, 2))


def test_check_som_update_diagnoses_the_usual_slips():
    eta, sigma = 0.5, 1.0
    right, bmu, h = som_step(W, X_SAMPLE, eta, sigma)
    assert bmu == (0, 1)
    ok = check_som_update(W, X_SAMPLE, eta, sigma, right.round(4))
    assert ok and "(0, 1)" in ok.message
    flat = W.reshape(-1, 2)
    grid = grid_positions(2, 3)

    def step(hu, rate=eta):
        return (flat + rate * np.asarray(hu)[:, None] * (X_SAMPLE - flat)).reshape(W.shape)

    def gauss(dist2):
        return np.exp(-dist2 / (2 * sigma ** 2))

    grid_d2 = ((grid - grid[1]) ** 2).sum(axis=1)
    cases = {
        "Nothing moved": W,
        "moved away": 2 * W - right,
        "h_u is missing": step(np.ones(6)),
        "Only the winner moved": step(np.eye(6)[1]),
        "learning rate η is missing": step(h.ravel(), rate=1.0),
        "distances in the input space": step(gauss(((flat - flat[1]) ** 2).sum(axis=1))),
        "measured on the grid": step(gauss(((flat - X_SAMPLE) ** 2).sum(axis=1))),
        "steps along rows and columns": step(gauss(np.abs(grid - grid[1]).sum(axis=1) ** 2)),
        "is squared": step(gauss(np.sqrt(grid_d2))),
        "2 σ^2": som_step(W, X_SAMPLE, eta, sigma / np.sqrt(2))[0],
        "centred on unit (1, 1)": step(neighbourhood(grid, 4, sigma)),
    }
    for phrase, answer in cases.items():
        fb = check_som_update(W, X_SAMPLE, eta, sigma, answer)
        assert not fb and phrase in fb.message, (phrase, fb.message)
        assert "0.5459" not in fb.message and "(0, 1)" not in fb.message
    off = right.copy()
    off[1, 0] += 0.01
    fb = check_som_update(W, X_SAMPLE, eta, sigma, off)
    assert not fb and "Unit (1, 0) is off (it is 1.41 grid units" in fb.message
    assert "shape (2, 3, 2)" in check_som_update(W, X_SAMPLE, eta, sigma, np.zeros(4)).message


def test_check_som_update_on_a_hexagonal_grid():
    right = som_step(W, X_SAMPLE, 0.5, 1.0, topology="hexagonal")[0]
    assert check_som_update(W, X_SAMPLE, 0.5, 1.0, right, topology="hexagonal")
    square = som_step(W, X_SAMPLE, 0.5, 1.0)[0]
    assert not check_som_update(W, X_SAMPLE, 0.5, 1.0, square, topology="hexagonal")


# --- the static figures ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def melon_map():
    from chapter5.datasets import watermelon_3_0_alpha
    from chapter5.networks.som import SOM

    X, y = watermelon_3_0_alpha()
    Z = (X - X.mean(0)) / X.std(0)
    return SOM(5, 5, sigma=2.5, decay=3.0, n_iterations=500, random_state=0).fit(Z), Z, y


def _axes(n=1):
    from matplotlib.figure import Figure

    fig = Figure()
    return fig.subplots(1, n) if n > 1 else fig.add_subplot()


def test_u_matrix_marks_each_class_on_its_bmus(melon_map):
    from chapter5.plots.som import plot_u_matrix

    som, Z, y = melon_map
    ax = _axes()
    plot_u_matrix(ax, som, Z, y, class_names=("bad", "good"))
    np.testing.assert_allclose(ax.collections[0].get_array(), som.u_matrix().ravel())
    bmu = som.bmu(Z)
    for line, k in zip(ax.get_lines(), (0, 1), strict=True):
        assert line.get_label() == ("bad", "good")[k]
        assert len(line.get_xdata()) == len(set(bmu[y == k].tolist()))
    shared = sum(int(t.get_text()[1:]) for t in ax.texts)
    assert shared == sum(c for c in np.bincount(bmu * 2 + y) if c > 1)


def test_hit_map_writes_the_counts_and_planes_need_enough_axes(melon_map):
    from chapter5.plots.som import plot_component_planes, plot_hit_map

    som, Z, _ = melon_map
    ax = _axes()
    plot_hit_map(ax, som, Z)
    assert sum(int(t.get_text()) for t in ax.texts) == len(Z)
    with pytest.raises(ValueError, match="^axes must hold at least 2 axes"):
        plot_component_planes([_axes()], som)


def test_the_net_in_the_plane_marks_each_class_above_a_grey_net(melon_map):
    from chapter5.plots._style import COLORS
    from chapter5.plots.som import CLASS_STYLES, plot_grid_in_input_space

    som, Z, y = melon_map
    ax = _axes()
    plot_grid_in_input_space(ax, som, Z, y=y, class_names=("bad", "good"))
    net, bad, good = ax.get_lines()
    assert (bad.get_label(), good.get_label()) == ("bad", "good")
    np.testing.assert_array_equal(good.get_xdata(), Z[y == 1, 0])
    assert bad.get_color() == CLASS_STYLES[0]["color"] != net.get_color() == COLORS["grey"]
    assert min(bad.get_zorder(), good.get_zorder()) > ax.collections[0].get_zorder()
    assert len(ax.collections) == 1, "no unlabelled scatter of the data under the classes"


def test_the_net_in_the_plane_and_the_colour_map(melon_map):
    from chapter5.networks.som import SOM
    from chapter5.plots.som import plot_grid_in_input_space, plot_map, plot_rgb_map

    som, Z, _ = melon_map
    ax = _axes()
    plot_grid_in_input_space(ax, som, Z, snapshot=0)
    assert len(ax.collections[1].get_segments()) == len(som.edges_)
    np.testing.assert_array_equal(ax.get_lines()[0].get_xdata(), som.history_[0, ..., 0].ravel())
    with pytest.raises(ValueError, match="^som must have 3 input dimensions"):
        plot_rgb_map(_axes(), som)
    colours = np.random.default_rng(0).uniform(size=(30, 3))
    rgb = SOM(3, 3, topology="hexagonal", n_epochs=2, random_state=0).fit(colours)
    cells = plot_rgb_map(_axes(), rgb)[0]
    np.testing.assert_allclose(cells.get_facecolors()[:, :3], rgb.weights_.reshape(-1, 3))
    assert len(cells.get_paths()[0].vertices) >= 6, "hexagonal cells"
    with pytest.raises(ValueError, match="^som must have 2 input dimensions"):
        plot_grid_in_input_space(_axes(), rgb)
    with pytest.raises(ValueError, match="^y must have one label per row of X"):
        plot_grid_in_input_space(_axes(), som, Z, y=np.zeros(3))
    with pytest.raises(TypeError, match="^som must be a fitted"):
        plot_map(_axes(), "not a map", np.zeros(4))
    with pytest.raises(ValueError, match="^values must have one entry per neuron"):
        plot_map(_axes(), rgb, np.zeros(4))


def test_coming_back_to_a_data_set_gives_the_picture_of_a_fresh_explorer():
    """Issue 14: an equal-aspect axes takes its box from its limits only when drawn, so on a
    cached background the net was drawn in the box of the data set shown before."""
    d = som_explorer(data="moons", rows=4, cols=4, n_iterations=400)
    d.controls["data"].value = "watermelon 3.0α"
    d.controls["data"].value = "moons"
    fresh = som_explorer(data="moons", rows=4, cols=4, n_iterations=400)
    assert d.image.value == fresh.image.value
