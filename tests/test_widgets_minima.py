"""§5.4 descent explorer and the local-minimum self-check."""

import numpy as np
import pytest

from chapter5.exercises import check_local_minimum
from chapter5.minima import SURFACES
from chapter5.widgets import descent_explorer
from chapter5.widgets.minima import PRESETS


@pytest.fixture
def explorer():
    return descent_explorer()


def test_scrubbing_replays_the_path_without_recomputing(explorer):
    path = explorer.result["path"]
    pictures = set()
    for k in (0, 10, 50, 200):
        explorer.controls["step"].value = k
        assert explorer.result["path"] is path and explorer.result["step"] == k
        np.testing.assert_allclose(explorer.result["point"], path.points[k])
        pictures.add(explorer.image.value)
    assert len(pictures) == 4


def test_default_start_ends_in_the_local_minimum(explorer):
    local = SURFACES["two_valleys"].minima[1]
    np.testing.assert_allclose(explorer.result["point"], local[0], atol=1e-3)


@pytest.mark.parametrize("name", list(PRESETS))
def test_presets_recompute_in_one_render(explorer, name):
    explorer.set(x0=0.5, y0=0.5)  # somewhere no preset starts
    renders = explorer.n_renders
    explorer.buttons[name].click()
    assert explorer.n_renders == renders + 1
    assert (explorer.values["x0"], explorer.values["y0"]) == PRESETS[name]


@pytest.mark.slow  # make test only: every control at both ends
@pytest.mark.parametrize(("name", "values"), [
    ("surface", ("rastrigin", "bowl", "two_valleys")), ("x0", (-3.0, 3.0)), ("y0", (3.0, -3.0)),
    ("eta", (10 ** -3, 10 ** 0.5)), ("momentum", (0.95, 0.0)),
])
def test_every_control_at_its_extremes(explorer, name, values):
    for value in values:
        before = explorer.image.value
        explorer.controls[name].value = value
        assert explorer.image.value != before
        assert np.isfinite(explorer.result["E"])


def test_a_too_large_eta_diverges_on_the_bowl_and_says_so(explorer):
    explorer.set(surface="bowl", x0=2.0, y0=2.0, eta=10 ** 0.5)
    assert explorer.result["diverged"]
    assert "DIVERGED" in explorer.view.status.get_text()


def test_repr_rebuilds_the_explorer(explorer):
    explorer.set(eta=0.5, momentum=0.5, step=40)
    rebuilt = eval(repr(explorer), {"descent_explorer": descent_explorer})
    assert rebuilt.values == explorer.values and rebuilt.image.value == explorer.image.value


def test_check_local_minimum():
    s = SURFACES["two_valleys"]
    assert check_local_minimum("two_valleys", s.global_minimum[0], expect="global")
    assert not check_local_minimum("two_valleys", s.global_minimum[0], expect="local")
    local = check_local_minimum("two_valleys", s.minima[1][0] + 0.01)
    assert local and "local minimum" in local.message
    assert not check_local_minimum("two_valleys", s.minima[1][0], expect="global")
    slope = check_local_minimum("two_valleys", [0.0, 0.0])
    assert not slope and "gradient" in slope.message
    assert "still None" in repr(check_local_minimum("two_valleys", None))
    with pytest.raises(ValueError, match="point must have 2"):
        check_local_minimum("two_valleys", [1.0])


@pytest.mark.parametrize("other", ["rastrigin", "bowl"])
def test_coming_back_to_a_surface_gives_the_picture_of_a_fresh_explorer(other):
    """Issue 14: the 3-D axes' z range was the union of every surface shown so far, and on a
    cached background the path was projected with the last drawn surface's z range."""
    fresh = descent_explorer(eta=0.2)
    d = descent_explorer(eta=0.2)
    d.controls["surface"].value = other
    d.controls["surface"].value = "two_valleys"
    assert d.view.ax3.get_zlim() == fresh.view.ax3.get_zlim()
    assert d.image.value == fresh.image.value
