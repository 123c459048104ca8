"""Live retraining: a control that retrains never freezes the room (issue 17).

When a student moves a control that retrains a model (η, hidden units, seed ...) in a live
notebook, :class:`Dashboard` does not train in the kernel's message handler. Instead:

1. a first picture at once: the dashboard's ``preview(values, None)`` draws the new setting's
   starting state (e.g. the initial weights) with a status line "training ...";
2. the model trains in a **worker thread** through the package's per-epoch callback
   (:class:`chapter5.training.EpochMonitor`); every frame (10 per second) the callback hands
   a copy of the current state to the kernel's **asyncio event loop**, where a task draws it
   (``preview(values, snapshot)``): the loss curve grows, the regions and weights move, the
   status line says how far training is;
3. when training ends, the result is stored (``store``) and the dashboard renders as it always
   did: the final picture is exactly the synchronous one;
4. a new change cancels the running training at its next epoch (the callback returns True)
   and starts the new one: the newest change wins, no stale frame follows, nothing queues.

Why a thread and the event loop: the training loops are synchronous numpy / generated Python,
so they cannot yield to the loop themselves; in a thread they leave the kernel free to receive
the next slider message (the thread gives the interpreter lock up every few milliseconds),
while every widget update stays on the kernel's own thread and loop, where ipywidgets expects
it. JupyterLab, Notebook 7 and Voila all run ipykernel's asyncio loop.

Where no loop runs (nbclient executing a cell, nbval, plain Python, the tests) and for every
change made by code rather than by the browser, nothing of this happens: the dashboard trains
and renders synchronously, exactly as before, so committed notebook outputs do not change.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

__all__ = ["Live", "Snapshot"]

FRAME_SECONDS = 0.08
"""Time between streamed frames (12.5 per second, so at least 10 with drawing time)."""


@dataclass
class Snapshot:
    """The training state handed to ``preview``: epochs done, the planned number, the error
    per epoch so far, and a copy of the parameters (flat, as the callback saw them)."""

    epoch: int
    max_epochs: int
    losses: list
    params: object


@dataclass
class Live:
    """How a dashboard trains live (see the module docstring).

    Parameters
    ----------
    key : callable
        ``key(values) -> hashable``: what identifies a training (the controls that retrain).
    cached : callable
        ``cached(key) -> bool``: is that training's result kept already (no training needed)?
    train : callable
        ``train(values, callback) -> model``, run in the worker thread: it must only compute
        (no widget, no figure) and pass ``callback`` on to ``fit``.
    store : callable
        ``store(values, model)``, on the kernel's thread: keep the finished model, so that the
        dashboard's ``render`` finds it instead of training again.
    preview : callable
        ``preview(values, snapshot) -> result`` on the kernel's thread: draw a frame of the
        running training (``snapshot`` None: the start, before the first epoch).
    """

    key: Callable
    cached: Callable
    train: Callable
    store: Callable
    preview: Callable


@dataclass
class _Run:
    values: dict
    key: object = None
    cancelled: bool = False
    done: bool = False
    error: BaseException | None = None
    model: object = None
    losses: list = field(default_factory=list)
    latest: Snapshot | None = None
    want: bool = False
    # closed while a frame is drawn: the training waits at its next epoch, so the frame does
    # not fight the training thread for the interpreter (a frame costs ~20 ms then, not ~80)
    gate: threading.Event = field(default_factory=threading.Event)
    frames: int = 0
    started: float = field(default_factory=time.perf_counter)


def running_loop():
    """The running asyncio loop of this thread (the kernel's), or None."""
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        pass
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - ipywidgets brings IPython
        return None
    shell = get_ipython()
    kernel = getattr(shell, "kernel", None)
    loop = getattr(getattr(kernel, "io_loop", None), "asyncio_loop", None)
    return loop if loop is not None and loop.is_running() else None


class LiveRunner:
    """One dashboard's live trainings: at most one runs; a new one cancels it."""

    def __init__(self, dashboard, live: Live):
        self.dashboard = dashboard
        self.live = live
        self.run: _Run | None = None
        self.loop = None
        self.followed: set[str] = set()  # controls the frames move (see Dashboard.follow)

    # -- public state, for tests -----------------------------------------------------------
    @property
    def busy(self) -> bool:
        """A training is running or its last frame is not drawn yet."""
        return self.run is not None

    def cancel(self) -> None:
        if self.run is not None:
            self.run.cancelled = True
            self.run.gate.set()  # a waiting training must see the cancellation
            self.run = None

    def start(self, values: dict, loop) -> None:
        """Cancel any running training, draw the first frame now, train in a thread."""
        self.cancel()
        run = _Run(dict(values), self.live.key(values))
        self.run, self.loop = run, loop
        d = self.dashboard
        d.result = self.live.preview(run.values, None)
        d.image.value = d.view.encode()

        run.gate.set()

        def callback(info) -> bool:
            run.gate.wait()
            if run.cancelled:
                return True
            run.losses.append(info.loss)
            if run.want:  # the drawing task asked for a frame: hand it a copy
                run.want = False
                run.latest = Snapshot(info.epoch, info.max_epochs, list(run.losses),
                                      info.params.copy())
            return False

        def work():
            try:
                run.model = self.live.train(run.values, callback)
            except BaseException as exc:  # shown by the task, on the kernel's thread
                run.error = exc
            finally:
                run.done = True

        threading.Thread(target=work, name="chapter5-live-training", daemon=True).start()
        loop.create_task(self._stream(run))

    async def _stream(self, run: _Run) -> None:
        d = self.dashboard
        while True:
            await asyncio.sleep(FRAME_SECONDS)
            if run.cancelled:
                return  # a newer change owns the picture now
            if run.done:
                break
            run.want = True  # the training hands a copy at its next epoch ...
            for _ in range(50):
                await asyncio.sleep(0.002)
                if run.latest is not None or run.done or run.cancelled:
                    break
            snap, run.latest = run.latest, None
            if snap is None or run.cancelled:
                continue
            run.gate.clear()  # ... and waits while the frame is drawn
            try:
                d.result = self.live.preview(run.values, snap)
                d.image.value = d.view.encode()
                run.frames += 1
            finally:
                run.gate.set()
        if run.cancelled:
            return
        self.run = None
        if run.error is not None:
            raise run.error
        if run.model is not None and not getattr(run.model, "stop_reason_", "") == "callback":
            self.live.store(run.values, run.model)
        d.finish_live(run.values)
