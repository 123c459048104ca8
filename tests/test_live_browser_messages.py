"""What the browser sends decides whether a change goes live (issue 17): a slider sends its
``value``, a dropdown or toggle buttons send their ``index``; both are changes from the
browser, so both retrain live when an event loop runs."""

from __future__ import annotations

import asyncio
import time

from live_support import in_thread as _in_thread

from chapter5.widgets import bp_xor_trainer, elman_explorer


def _went_live_after(build, name, state):
    async def scenario():
        d = build()
        d.controls[name].set_state(state)  # as ipywidgets applies a browser message
        live = d.live.busy
        deadline = time.monotonic() + 60
        while d.live.busy:
            assert time.monotonic() < deadline
            await asyncio.sleep(0.01)
        return live, d

    return _in_thread(lambda: asyncio.run(scenario()))


def test_a_dropdown_sends_its_index_and_goes_live():
    live, d = _went_live_after(bp_xor_trainer, "mode", {"index": 1})
    assert live, "a dropdown change from the browser trained synchronously"
    assert d.values["mode"] == "accumulated"
    assert d.image.value == bp_xor_trainer(mode="accumulated").image.value


def test_a_bool_dropdown_goes_live_too():
    live, d = _went_live_after(elman_explorer, "bptt", {"index": 1})
    assert live and d.values["bptt"] is False
