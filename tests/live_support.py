"""What the live-retraining tests share (issue 17): a scenario run in a thread of its own,
with its own event loop as a kernel has, and waiting for a live training to end."""

from __future__ import annotations

import asyncio
import threading
import time
import warnings


def in_thread(fn):
    """Run ``fn()`` in a fresh thread and return its result (or raise its exception): the
    test's own event loop (or none) then cannot meet one another test left running in this
    thread (Playwright's sync API in the browser tests keeps one)."""
    out: dict = {}

    def target():
        try:
            out["value"] = fn()
        except BaseException as exc:  # re-raised in the test's thread
            out["error"] = exc

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    if "error" in out:
        raise out["error"]
    return out["value"]


def run_live(scenario):
    """``asyncio.run`` the coroutine ``scenario`` (or ``scenario()`` if it is a coroutine
    function) in a fresh thread, every warning an error: none may escape a live training."""
    def run():
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            return asyncio.run(scenario() if callable(scenario) else scenario)

    return in_thread(run)


def prepare_at_once(monkeypatch):
    """Idle-time preparation starts at once and does not wait for the controls to rest (in
    class it waits a second after the build and half a second after a change)."""
    import chapter5.widgets._live as widgets_live

    monkeypatch.setattr(widgets_live, "IDLE_DELAY", 0.0)
    monkeypatch.setattr(widgets_live, "IDLE_QUIET", 0.0)


async def until_idle(dashboard, timeout=60.0, poll=0.01):
    """Wait until the dashboard's live training (if any) has drawn its last frame."""
    deadline = time.monotonic() + timeout
    while dashboard.live.busy:
        assert time.monotonic() < deadline, "the live training did not finish"
        await asyncio.sleep(poll)
