"""Issue 17 for the SOM, RBF, perceptron-replay and descent dashboards: in a kernel (an event
loop running), a change from the browser shows its first new picture within 100 ms, the SOM
trains live and ends on the synchronous picture, and every frame a change needs that a full
redraw would make slow (another data set, another surface, another run length) is drawn in
advance while the kernel is idle, giving the same pictures as a direct build.

Only the SOM trains long enough to need the live machinery (a worker thread); the RBF fits
(<= ~40 ms), the perceptron (~1 ms) and gradient descent (a few ms) answer synchronously,
so their tests need no live machinery, only the frames prepared in idle time.
"""

from __future__ import annotations

import asyncio
import statistics
import time

import numpy as np
import pytest
from live_support import prepare_at_once
from live_support import run_live as _run
from mpl_toolkits.mplot3d.art3d import Poly3DCollection

import chapter5.widgets.rbf as widgets_rbf
from chapter5.datasets import rbf_data
from chapter5.minima import SURFACES
from chapter5.plots import minima as plots_minima
from chapter5.plots.rbf import RBFView
from chapter5.widgets import descent_explorer, perceptron_replay, rbf_explorer, som_explorer

BUDGET = 0.1  # seconds: the first-picture budget (median)


@pytest.fixture(autouse=True)
def _prepare_at_once(monkeypatch):
    prepare_at_once(monkeypatch)


def _browser_sets(dashboard, name, value):
    """What ipywidgets does with a message from the browser (a menu sends its index)."""
    control = dashboard.controls[name]
    if "index" in control.keys:
        control.set_state({"index": list(control._options_values).index(value)})
    else:
        control.set_state({"value": value})


async def _settled(dashboard, timeout=30.0):
    """Wait until the idle-time preparation is done and no live training runs."""
    deadline = time.monotonic() + timeout
    while not dashboard.warm_up.done or (dashboard.live is not None and dashboard.live.busy):
        assert time.monotonic() < deadline, "the dashboard did not settle"
        await asyncio.sleep(0.01)
    assert not dashboard.warm_up.errors


async def _first_pictures(dashboard, name, values):
    """Seconds from each browser change to its first new picture (set synchronously)."""
    times = []
    for value in values:
        await _settled(dashboard)
        before = dashboard.image.value
        t0 = time.perf_counter()
        _browser_sets(dashboard, name, value)
        times.append(time.perf_counter() - t0)
        assert dashboard.image.value != before, f"{name}={value!r} changed no picture"
    await _settled(dashboard)
    return times


# (builder, [(control, three values not seen before, three more for a retry), ...]): the
# last change of each ends on a frame prepared in idle time, which the final comparison with a
# direct build checks; the β values need other weights ranges (RBF frames put together from
# two halves)
CASES = {
    "som_explorer": (som_explorer, [
        ("seed", (3, 5, 7), (9, 11, 13)),
        ("data", ("moons", "watermelon 3.0α", "circles"), ("square", "moons", "circles"))]),
    "rbf_explorer": (rbf_explorer, [
        ("beta", (10 ** -0.75, 10 ** -0.5, 10 ** 0.25), (10 ** -0.375, 10 ** 0.5, 10 ** -0.75)),
        ("dataset", ("moons", "circles", "watermelon 3.0α"), ("xor", "moons", "circles"))]),
    "perceptron_replay": (perceptron_replay, [
        ("w1", (0.3, -0.4, 0.6), (0.1, -0.2, 0.4)),
        ("dataset", ("xor", "wide", "nor"), ("and", "narrow", "or"))]),
    "descent_explorer": (descent_explorer, [
        ("x0", (-1.5, 0.5, 1.0), (-1.0, 0.0, 1.5)),
        ("surface", ("rastrigin", "bowl", "two_valleys"), ("bowl", "rastrigin", "bowl"))]),
}


# each dashboard at one scale (the table in the report has all at both): the two with the
# largest full draws (the RBF's two panels, the 3-D surface) at projector scale, twice the pixels
SCALES = {"som_explorer": "1.0", "rbf_explorer": "1.4", "perceptron_replay": "1.0",
          "descent_explorer": "1.4"}


@pytest.mark.parametrize(("name", "scale"), SCALES.items())
def test_first_pictures_within_100_ms_replay_at_15_fps_and_no_path_dependence(name, scale,
                                                                              monkeypatch):
    monkeypatch.setenv("CHAPTER5_SCALE", scale)
    build, changes = CASES[name]
    # (the three weights ranges the β values below need, not all seven: a shorter test)
    monkeypatch.setattr(widgets_rbf, "W_LIMS", (1.0, 8.0, 32.0))

    async def scenario():
        d = build()
        medians = {}
        for control, values, retry in changes:
            times = await _first_pictures(d, control, values)
            if statistics.median(times) >= BUDGET:  # one generous retry: a loaded machine
                times = await _first_pictures(d, control, retry)
            medians[control] = statistics.median(times)
        if "step" in d.controls:  # Play: 15 frames a second, and a replay frame keeps up
            slider = d.controls["step"]
            assert d.play.interval <= 55
            for k in (1, 2, 3):
                t0 = time.perf_counter()
                _browser_sets(d, "step", k)
                medians.setdefault("replay", []).append(time.perf_counter() - t0)
            medians["replay"] = statistics.median(medians["replay"])
            slider.value = slider.max
        return d, medians

    d, medians = _run(scenario)
    slow = {k: f"{1e3 * t:.0f} ms" for k, t in medians.items()
            if t >= (0.066 if k == "replay" else BUDGET)}
    assert not slow, f"{name}: slower than the budget (median): {slow}"
    direct = build(**d.values)
    assert d.image.value == direct.image.value, "the picture depends on the path taken"


def test_the_som_trains_live_the_newest_change_wins_and_ends_on_the_synchronous_picture():
    async def scenario():
        d = som_explorer(step=20)
        await _settled(d)
        train = d.live.live.train  # a map trains in ~30 ms: slowed to ~250 ms to see it stream

        def slowly(values, callback):
            return train(values, lambda info: time.sleep(0.005) or callback(info))

        d.live.live.train = slowly
        pictures, steps = [], []
        d.image.observe(lambda ch: pictures.append(ch["new"]), names="value")
        d.controls["step"].observe(lambda ch: steps.append(ch["new"]), names="value")
        _browser_sets(d, "seed", 4)
        assert d.live.busy and len(pictures) == 1, "a first picture at once, training runs"
        assert "t = 0 of 2000 updates:  η(t) = 0.5," in d.status.value
        await asyncio.sleep(0.03)
        _browser_sets(d, "eta", 0.25)  # a second change while the first trains
        # the same starting map (η does not draw it), the new η(0) at once
        assert d.live.busy and "t = 0 of 2000 updates:  η(t) = 0.25," in d.status.value
        await _settled(d)
        n_end = len(pictures)
        await asyncio.sleep(0.2)  # nothing stale may arrive after the end
        return d, pictures, steps, n_end

    d, pictures, steps, n_end = _run(scenario)
    assert len(pictures) == n_end >= 3, "frames streamed in while the map trained"
    assert steps[0] == 0 and any(0 < k < 50 for k in steps) and d.values["step"] == 20, \
        "the replay slider followed the training, then came back"
    direct = som_explorer(step=20, seed=4, eta=0.25)
    assert d.values == direct.values and d.result["t"] == direct.result["t"] == 800
    assert d.image.value == direct.image.value == pictures[-1]
    assert d.status.value == direct.status.value
    np.testing.assert_array_equal(d.result["som"].weights_, direct.result["som"].weights_)


def test_without_a_loop_nothing_is_prepared_and_changes_stay_synchronous():
    d = som_explorer(n_iterations=500)
    assert d.warm_up.done and d.warm_up.n_done == 0
    assert list(d.view._backgrounds) == ["square"]
    _browser_sets(d, "seed", 2)  # no event loop: trained and drawn at once
    assert not d.live.busy and d.result["som"].random_state == 2


def test_the_fast_surface_projection_draws_matplotlibs_picture():
    """The descent explorer's 3-D surface sorted with numpy (plots.minima._SurfacePolygons)
    against matplotlib's own Poly3DCollection.do_3d_projection (Rastrigin's surface: the most
ties in depth)."""
    view = plots_minima.DescentView()
    view.set_surface(SURFACES["rastrigin"])
    (polygons,) = view.ax3.collections
    assert type(polygons) is plots_minima._SurfacePolygons
    fast = view.png()
    polygons.__class__ = Poly3DCollection
    view.invalidate()
    assert view.png() == fast


def test_an_rbf_frame_put_together_from_two_halves_is_the_full_draw(monkeypatch):
    """RBFView keeps each frame in two halves (data set | weights range): a pair never drawn
    is put together from them, pixel for pixel the frame a full draw gives."""
    view = RBFView()
    canvas = view.fig.canvas
    for name, w_lim in (("xor", 1.0), ("moons", 32.0)):  # drawn in full: four halves
        view.set_frame(rbf_data(name)[2], w_lim, name)
        view.render()
    view.set_frame(rbf_data("xor")[2], 32.0, "xor")
    full_draws = []
    monkeypatch.setattr(canvas, "draw", lambda: full_draws.append(1))
    view.render()
    assert not full_draws and ("xor", 32.0) in view._backgrounds, "put together, not drawn"
    composed = bytes(canvas.buffer_rgba())
    monkeypatch.undo()
    view.invalidate()  # halves too: a full draw
    view.render()
    assert bytes(canvas.buffer_rgba()) == composed
