"""Live retraining (issue 17): with an event loop running (as in a kernel), a control moved in
the browser retrains in a worker thread while frames stream in; the newest change wins; the
final picture is the synchronous one; changes made by code stay synchronous."""

from __future__ import annotations

import asyncio
import statistics
import time

import numpy as np
import pytest
from live_support import in_thread as _in_thread
from live_support import run_live as _run
from live_support import until_idle as _until_idle

from chapter5.plots._style import FigureView
from chapter5.widgets import bp_playground, bp_xor_trainer
from chapter5.widgets._live import WARM_SECONDS


def _browser_sets(dashboard, name, value):
    """What ipywidgets does with a message from the browser: set_state under a property lock."""
    dashboard.controls[name].set_state({"value": value})


@pytest.mark.parametrize(("build", "changes"), [
    (bp_xor_trainer, [("eta", 2.0), ("seed", 3)]),
    (bp_playground, [("units", 6), ("eta", 0.1)]),
    # back to the trained setting while another one trains: its stored run, not the frame
    (bp_xor_trainer, [("hidden", 5), ("hidden", 2)]),
    (bp_playground, [("units", 5), ("units", 4)]),
])
def test_the_newest_change_wins_and_ends_on_the_synchronous_picture(build, changes):
    async def scenario():
        d = build()
        pictures = []
        d.image.observe(lambda ch: pictures.append(ch["new"]), names="value")
        for name, value in changes:  # two changes in quick succession, as a drag
            shown = len(pictures)
            _browser_sets(d, name, value)
            # a first picture at once: the new training's start (which may look as the last
            # one's start: η is not drawn in the playground), or the stored setting's picture
            assert ((d.live.busy and d.result == {"epoch": 0, "training": True})
                    or len(pictures) > shown), "a first picture at once"
            await asyncio.sleep(0.03)
        await _until_idle(d)
        await asyncio.sleep(0.2)  # nothing stale may arrive after the end
        return d, pictures

    d, pictures = _run(scenario())
    direct = build(**{name: value for name, value in changes})
    assert d.values == direct.values
    assert d.image.value == direct.image.value == pictures[-1]
    assert d.result["epoch"] == direct.result["epoch"]


def test_a_change_made_by_code_stays_synchronous_even_with_a_loop():
    async def scenario():
        d = bp_xor_trainer()
        d.controls["eta"].value = 0.5  # a notebook cell, not the browser
        assert not d.live.busy and d.result["net"].eta == 0.5
        return d

    d = _run(scenario())
    assert d.image.value == bp_xor_trainer(eta=0.5).image.value


def test_without_a_loop_the_browser_path_is_synchronous_too():
    def scenario():
        d = bp_xor_trainer()
        _browser_sets(d, "seed", 2)
        return d

    d = _in_thread(scenario)
    assert not d.live.busy and d.image.value == bp_xor_trainer(seed=2).image.value


def test_the_first_picture_arrives_within_100_ms_in_the_kernel():
    async def scenario():
        d = bp_xor_trainer()
        times = []
        for value in (0.5, 2.0, 0.25):
            await _until_idle(d)
            before = d.image.value
            t0 = time.perf_counter()
            _browser_sets(d, "eta", value)
            assert d.image.value != before
            times.append(time.perf_counter() - t0)
        await _until_idle(d)
        return times

    times = _run(scenario())
    assert statistics.median(times) < 0.1, f"first pictures after {times} s"


def test_the_epoch_slider_follows_and_returns_to_the_students_value():
    async def scenario():
        d = bp_playground(epoch=150)
        seen = []
        d.controls["epoch"].observe(lambda ch: seen.append(ch["new"]), names="value")
        _browser_sets(d, "units", 5)
        await _until_idle(d)
        return d, seen

    d, seen = _run(scenario())
    assert d.values["epoch"] == 150 and d.result["epoch"] == 150
    assert seen and seen[0] == 0, "the slider followed the training from epoch 0"


def _first_pictures(build, changes):
    """Seconds from each browser change to its first new picture, on a dashboard built in a
    running loop and left idle long enough for its warm-up (as a dashboard in class is);
    the changes follow each other as in a drag, each cancelling the training before it."""
    async def scenario():
        d = build()
        await asyncio.sleep(WARM_SECONDS + 0.15)
        shown = []  # when each picture went to the browser
        d.image.observe(lambda _: shown.append(time.perf_counter()), names="value")
        times = []
        for name, value in changes:
            n = len(shown)
            t0 = time.perf_counter()
            _browser_sets(d, name, value)
            assert d.live.busy and len(shown) > n, "a first picture at once"
            times.append(shown[n] - t0)
            await asyncio.sleep(0.05)
        d.live.cancel()  # the last training is not needed
        return d, times

    return _run(scenario())


@pytest.mark.parametrize(("control", "values", "scale"), [
    ("units", (5, 7, 3), "1.0"),
    ("layers", (2, 3, 2), "1.4"),  # projector scale: twice the pixels
])
def test_the_playgrounds_first_picture_after_a_new_architecture_within_100_ms(
        monkeypatch, control, values, scale):
    monkeypatch.setenv("CHAPTER5_SCALE", scale)
    changes = [(control, v) for v in values]
    for _attempt in range(2):  # one retry: the machine may be busy with other tests
        d, times = _first_pictures(bp_playground, changes)
        if statistics.median(times) < 0.1:
            break
    assert statistics.median(times) < 0.1, f"first pictures after {times} s"
    assert d.values[control] == values[-1]


def test_a_playground_frame_is_the_picture_a_full_draw_of_it_gives():
    """Live frames are drawn on a background without the network and with all eight unit
    panels, their images resized by Pillow (see PlaygroundView): with the unused panels
    blanked and the nodes drawn on top, they must give the pixels of a full draw of the same
    state (the images within a few levels of 255)."""
    d = bp_playground()
    view, preview, values = d.view, d.live.live.preview, dict(d.values)

    def full_draw():
        kept = dict(view._backgrounds)
        view.invalidate()
        FigureView.render(view)  # no background: everything drawn
        pixels = np.asarray(view.fig.canvas.buffer_rgba()).copy()
        view._backgrounds.clear()
        view._backgrounds.update(kept)
        return pixels

    for units, layers in ((3, 1), (8, 2), (1, 3)):
        preview({**values, "units": units, "layers": layers}, None)
        view.render()
        live = np.asarray(view.fig.canvas.buffer_rgba()).astype(int)
        np.testing.assert_allclose(live, full_draw(), atol=6, rtol=0,
                                   err_msg=f"live frame of {layers} x {units} units")


def test_frames_follow_the_first_picture_at_the_frame_pace_from_its_start(monkeypatch):
    """FRAME_SECONDS runs from one picture's start to the next one's, the first picture's
    included: a first picture that took long to draw is followed by the second one sooner,
    not FRAME_SECONDS after it was drawn (the second picture came ~30 ms late in class)."""
    import chapter5.widgets._live as widgets_live

    pace, slow = 0.5, 0.3  # a long pace and a slow first picture, to tell both rules apart
    monkeypatch.setattr(widgets_live, "FRAME_SECONDS", pace)

    async def scenario():
        d = bp_playground(layers=3, units=8)
        await asyncio.sleep(WARM_SECONDS + 0.5)  # the live background is drawn meanwhile
        preview = d.live.live.preview

        def slow_first(values, snap):
            if snap is None:
                time.sleep(slow)
            return preview(values, snap)

        d.live.live.preview = slow_first
        shown = []
        d.image.observe(lambda _: shown.append(time.perf_counter()), names="value")
        t0 = time.perf_counter()
        _browser_sets(d, "eta", 0.1)  # (the same network: its training code is ready)
        await asyncio.sleep(1.2)
        d.live.cancel()
        return [t - t0 for t in shown]

    # from its start: ~pace + a snapshot and a frame; from its end it would be > slow + pace
    limit = pace + slow / 2 + 0.06
    for _attempt in range(2):  # one retry: the machine may be busy with other tests
        shown = _run(scenario)
        if len(shown) >= 2 and shown[1] < limit:
            break
    assert len(shown) >= 2, "the training streamed no frame"
    assert pace <= shown[1] < limit, f"second picture {shown[1]:.3f} s after the change"
