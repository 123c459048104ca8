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

While the kernel is idle, a dashboard's ``warm`` (optional) prepares, a little at a time,
what a first frame would otherwise draw (a background, a network), so that the first
picture after a change stays within ~100 ms; :func:`prepare_when_idle` does the same for
dashboards that render synchronously. Both ask :func:`idle_wait` when the kernel is idle: no
cell has run for half a second (a Run All, nbval or Voila executing the notebook is not idle),
the dashboard's controls are still and nothing trains.

Why a thread and the event loop: the training loops are synchronous numpy / generated Python,
so they cannot yield to the loop themselves; in a thread they leave the kernel free to receive
the next slider message (the thread gives the interpreter lock up every few milliseconds),
while every widget update stays on the kernel's own thread and loop, where ipywidgets expects
it. JupyterLab, Notebook 7 and Voila all run ipykernel's asyncio loop.

Where no loop runs (nbclient executing a cell, nbval, plain Python, the tests) and for every
change made by code rather than by the browser, nothing of this happens: the dashboard trains
and renders synchronously, exactly as before, so committed notebook outputs do not change.

Play (a replay of a recorded run) must show 15 pictures a second; the browser asks for the
next step only once the kernel has answered the last, so a replay frame must cost little.
Replay views keep their pictures (``FigureView.max_kept``); :class:`ReplayPictures` draws
them while the kernel is idle and the next one while Play runs; :func:`slow_play` gives a
Play a slower pace on demand.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import ipywidgets as widgets

from ..i18n import tr

__all__ = [
    "PLAY_INTERVAL",
    "IdleWork",
    "Live",
    "ReplayPictures",
    "Snapshot",
    "prepare_when_idle",
    "slow_play",
]

FRAME_SECONDS = 0.07
"""Time from one streamed frame's start to the next one's (14 frames per second while a
frame takes less than that to draw; the drawing time is part of it, not added to it). The
browser sees fewer: a frame also waits for the training's next epoch, and the page decodes
it (at 80 ms, 9.5-10 pictures a second reached Voila at projector scale)."""

MIN_GAP_SECONDS = 0.025
"""The least time between two frames, for the training (which waits while a frame is drawn)
and the kernel's other messages. The gap is also at least half the time the last frame took
to draw: a costly frame (a large network at projector scale) lowers the frame rate rather
than slowing the training more than threefold."""

YIELD_SECONDS = 0.005
YIELD_PAUSE_SECONDS = 0.0003
"""The training thread pauses ``YIELD_PAUSE_SECONDS`` every ``YIELD_SECONDS`` (at an epoch's
end). Without it the kernel's thread can wait for the interpreter for a whole training
(measured with ``BPNetwork.fit`` in a thread: a 30 ms ``sleep`` of the main thread lasted the
whole 1 s training, while the generated epoch function alone lets it in every 5 ms). The
training must let the interpreter lock go and take it back at once, which wakes the waiting
thread without handing it the lock and so restarts its wait. A pause hands the lock over;
it costs the training a few per cent."""

WARM_SECONDS = 0.5
"""Delay after building a dashboard in a running kernel (or after a live training) before
``Live.warm`` runs (the cell that built it has finished by then)."""

WARM_STEP_SECONDS = 0.02
"""Delay between two calls of ``Live.warm`` (messages from the browser go first)."""


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
    warm : callable, optional
        ``warm() -> bool``, on the kernel's thread, half a second after the dashboard is
        built in a running kernel and after each live training, if nothing trains then:
        prepare what a first frame needs (e.g. draw the live background, the next
        architecture's network), so that the first change is as quick as the next ones. It
        must change nothing shown. A true result asks for another call (soon, if still
        idle): prepare a little at a time, so that a change never waits long behind it. Not
        called without an event loop.
    """

    key: Callable
    cached: Callable
    train: Callable
    store: Callable
    preview: Callable
    warm: Callable | None = None


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
    # closed while a frame is drawn: the training waits, so the frame does not fight the
    # training thread for the interpreter (a frame costs ~20 ms then, not ~80); the training
    # closes it itself when it hands a snapshot and waits right there
    gate: threading.Event = field(default_factory=threading.Event)
    # wakes the drawing task (set from the training thread through the loop)
    ready: asyncio.Event | None = None
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


# --------------------------------------------------------------------------------------------
# When is the kernel idle? (both kinds of preparation ask)
# --------------------------------------------------------------------------------------------

class _Cells:
    """Whether a notebook cell runs in this kernel, and since when none has (IPython's
    ``pre_run_cell`` / ``post_run_cell`` events; registered once, on first use)."""

    registered = False
    running = False
    ended = float("-inf")

    @classmethod
    def register(cls) -> None:
        if cls.registered:
            return
        cls.registered = True
        try:
            from IPython import get_ipython
        except ImportError:  # pragma: no cover - ipywidgets brings IPython
            return
        shell = get_ipython()
        if shell is None:
            return

        def started(*_):
            cls.running = True

        def ended(*_):
            cls.running, cls.ended = False, time.monotonic()

        shell.events.register("pre_run_cell", started)
        shell.events.register("post_run_cell", ended)
        # a dashboard built by a cell: that cell runs now (its pre_run_cell has passed)
        header = (getattr(shell, "parent_header", None) or {}).get("header", {})
        cls.running = header.get("msg_type") == "execute_request"


def idle_wait(dashboard, last_change: float) -> float:
    """Seconds to wait before preparing anything for ``dashboard``: 0 when the kernel is idle.

    Idle means: no cell has run for :data:`IDLE_QUIET` seconds (a "Run All", nbclient, nbval
    or Voila executing the notebook sends one cell after the other: preparing then would only
    slow them down, and there may be no one to prepare for), the dashboard's controls have
    been still as long (``last_change``, ``time.monotonic()``), and no live training runs.
    """
    now = time.monotonic()
    if _Cells.running or (dashboard.live is not None and dashboard.live.busy):
        return IDLE_QUIET
    return max(IDLE_QUIET - (now - _Cells.ended), IDLE_QUIET - (now - last_change), 0.0)


class LiveRunner:
    """One dashboard's live trainings: at most one runs; a new one cancels it."""

    def __init__(self, dashboard, live: Live):
        self.dashboard = dashboard
        self.live = live
        self.run: _Run | None = None
        self.loop = None
        self.followed: set[str] = set()  # controls the frames move (see Dashboard.follow)
        self.last_change = time.monotonic()
        loop = running_loop() if live.warm is not None else None
        if loop is not None:
            _Cells.register()
            loop.call_later(WARM_SECONDS, self._warm)

    def _warm(self) -> None:
        loop = asyncio.get_running_loop()
        if self.run is not None:  # a training runs; it calls _warm again when it ends
            return
        wait = idle_wait(self.dashboard, self.last_change)
        if wait > 0:
            loop.call_later(wait, self._warm)
        elif self.live.warm():  # nothing trains, no frame waits: prepare a little, then more
            loop.call_later(WARM_STEP_SECONDS, self._warm)

    # -- public state, for tests -----------------------------------------------------------
    @property
    def busy(self) -> bool:
        """A training is running or its last frame is not drawn yet."""
        return self.run is not None

    def cancel(self) -> None:
        """Stop the running training (a change went back to a setting already trained, which
        renders at once): the controls its frames moved (the epoch slider) go back to where
        the student left them, so that the picture is the one a direct build gives."""
        run, self.run = self.run, None
        if run is None:
            return
        run.cancelled = True
        run.gate.set()  # a waiting training must see the cancellation
        d = self.dashboard
        with d.quietly():
            for k in self.followed:
                if d.controls[k].value != run.values[k]:
                    d.controls[k].value = run.values[k]

    def start(self, values: dict, loop) -> None:
        """Cancel any running training, draw the first frame now, train in a thread."""
        self.last_change = time.monotonic()
        old = self.run
        if old is not None:  # cancelled; it waits at its next epoch while the first frame is
            old.cancelled = True  # drawn (not competing for the interpreter), then stops
            old.gate.clear()
        run = _Run(dict(values), self.live.key(values))
        self.run, self.loop = run, loop
        d = self.dashboard
        drawn = loop.time()
        try:
            d.result = self.live.preview(run.values, None)
            d.image.value = d.view.encode()
        finally:
            if old is not None:
                old.gate.set()
        drawing = loop.time() - drawn  # the first picture's: the frames' pace counts it

        run.gate.set()

        def wake():  # the drawing task, now (not at its next poll: the training thread
            ready = run.ready  # would hold the interpreter meanwhile)
            if ready is not None and not run.cancelled:
                try:
                    loop.call_soon_threadsafe(ready.set)
                except RuntimeError:  # the loop is closed (a test ended)
                    pass

        yielded = [time.perf_counter()]

        def callback(info) -> bool:
            run.gate.wait()
            if run.cancelled:
                return True
            run.losses.append(info.loss)
            now = time.perf_counter()
            if now - yielded[0] > YIELD_SECONDS:  # the kernel's thread gets the interpreter
                time.sleep(YIELD_PAUSE_SECONDS)
                yielded[0] = time.perf_counter()
            if run.want:  # the drawing task asked for a frame: hand it a copy and wait here,
                run.want = False  # leaving the interpreter to the frame, until it is drawn
                run.gate.clear()
                run.latest = Snapshot(info.epoch, info.max_epochs, list(run.losses),
                                      info.params.copy())
                wake()
                run.gate.wait()
                return run.cancelled
            return False

        def work():
            try:
                run.model = self.live.train(run.values, callback)
            except BaseException as exc:  # shown by the task, on the kernel's thread
                run.error = exc
            finally:
                run.done = True
                wake()

        threading.Thread(target=work, name="chapter5-live-training", daemon=True).start()
        loop.create_task(self._stream(run, drawing))

    async def _stream(self, run: _Run, drawing: float) -> None:
        """Draw the frames of ``run`` as they come (``drawing``: how long the first picture
        took to draw, just now)."""
        d = self.dashboard
        loop = asyncio.get_running_loop()
        # frames follow each other FRAME_SECONDS apart from start to start, the first picture
        # among them (it started `drawing` ago): the second picture came ~30 ms late before
        last = loop.time() - drawing
        while True:
            delay = max(FRAME_SECONDS - (loop.time() - last), MIN_GAP_SECONDS, drawing / 2)
            run.ready = asyncio.Event()  # (set when the training ends: the final picture then)
            if not run.done:
                with contextlib.suppress(asyncio.TimeoutError):
                    await asyncio.wait_for(run.ready.wait(), delay)
            if run.cancelled:
                return  # a newer change owns the picture now
            if run.done:
                break
            last = loop.time()
            if run.latest is None:
                run.ready = asyncio.Event()
                run.want = True  # the training hands a copy at its next epoch ...
                with contextlib.suppress(asyncio.TimeoutError):
                    await asyncio.wait_for(run.ready.wait(), 0.5)
            snap, run.latest = run.latest, None
            if snap is None or run.cancelled:
                continue
            run.gate.clear()  # ... and waits while the frame is drawn
            started = loop.time()
            try:
                d.result = self.live.preview(run.values, snap)
                d.image.value = d.view.encode()
                run.frames += 1
            finally:
                run.gate.set()
                drawing = loop.time() - started
        if run.cancelled:
            return
        self.run = None
        if run.error is not None:
            raise run.error
        if run.model is not None and not getattr(run.model, "stop_reason_", "") == "callback":
            self.live.store(run.values, run.model)
        d.finish_live(run.values)
        if self.live.warm is not None:  # ready for the next change
            loop.call_later(WARM_SECONDS, self._warm)


# --------------------------------------------------------------------------------------------
# Idle preparation: pictures drawn in advance while the kernel waits
# --------------------------------------------------------------------------------------------

PLAY_INTERVAL = 55
"""Milliseconds between two steps of a replay's Play button: at least 15 pictures a second in
the browser (issue 17). Play's timer is the browser's, and it slips while the page receives
and decodes a picture: at 66 ms (15.2 steps a second) Voila showed 14.2-14.7 pictures a second.
A replay frame (only the step changes) is drawn in ~6-17 ms here, so the kernel keeps up."""


def slow_play(play, interval: int, tooltip: str) -> widgets.ToggleButton:
    """A "slow" toggle for a Play button: Play steps every ``interval`` ms while it is down,
    every :data:`PLAY_INTERVAL` otherwise (15 pictures a second). For replays whose steps a
    class may want to follow one by one (ART's samples, cascade-correlation's units); the
    slider's arrow keys and the step buttons still go one step at a time."""
    toggle = widgets.ToggleButton(value=False, description=tr("slow"), icon="hourglass-half",
                                  tooltip=tooltip, layout=widgets.Layout(width="90px"))

    def paced(change):
        play.interval = interval if change["new"] else PLAY_INTERVAL

    toggle.observe(paced, names="value")
    return toggle


class ReplayPictures:
    """A replay's pictures drawn before they are asked for, so that Play sends kept pictures
    (~1 ms each) instead of drawing them (~10-40 ms at projector scale, which held Play under
    15 pictures a second), for a view that keeps its pictures (``max_kept`` and
    ``FigureView.shown``).

    :meth:`jobs` are the pictures of every Play position of the run shown, for
    :func:`prepare_when_idle` (the kernel's idle time); while a browser's Play runs, the next
    step's picture is drawn as soon as a step has been answered, in the time the browser takes
    to ask for it (a round trip, ~50 ms): Play keeps its rate through a run that idle time has
    not drawn yet (a picture of ~30 ms plus the round trip would allow ~12).

    Parameters
    ----------
    view : FigureView
    play : ipywidgets.Play
        The Play button; its min, max and step are the positions.
    control : ipywidgets widget
        The slider Play moves.
    show : callable
        ``show(k)`` shows position ``k`` of the run shown in ``view``.
    run : callable
        ``run()`` names the run shown (hashable), or None while none is (a live training's
        frames): a picture is drawn only for the run it was asked for. After drawing, the
        position shown (``control.value``) is shown again, so that nothing shown changes.
    """

    def __init__(self, view, play, control, show: Callable, run: Callable):
        self.view, self.play, self.control, self.show, self.run = view, play, control, show, run
        control.observe(self._stepped, names="value")

    def jobs(self) -> list[Callable]:
        """One job per Play position of the run shown (at most as many as the view keeps)."""
        run = self.run()
        p = self.play
        positions = range(p.min, p.max + 1, p.step)[:max(self.view.max_kept - 1, 0)]
        return [lambda k=k: self._keep(k, run) for k in positions]

    def _keep(self, k, run) -> None:
        if run is not None and self.run() == run:
            self.show(k)
            self.view.encode()  # kept by the view
            self.show(self.control.value)

    def _stepped(self, _change) -> None:
        # Play's `playing` is set by the browser only: not when a notebook cell moves the slider
        if self.play.playing:
            loop = running_loop()
            if loop is not None:
                loop.call_soon(self._ahead)  # after this step's picture and status have gone out

    def _ahead(self) -> None:
        k = self.control.value + self.play.step
        if self.play.playing and k <= self.play.max:
            self._keep(k, self.run())


IDLE_DELAY = 1.0
"""Seconds after a dashboard is built before it prepares pictures in the kernel's idle time."""
IDLE_QUIET = 0.5
"""A preparation waits until the dashboard's controls have been still for this long."""


class IdleWork:
    """What :func:`prepare_when_idle` still has to do, for tests and benchmarks.

    Attributes
    ----------
    pending : list of callables
        The jobs not run yet (empty: done, or nothing to do without an event loop).
    n_done : int
        Jobs run so far.
    errors : list of Exception
        What a job raised (the rest is dropped then: a picture is drawn when it is asked for).
    """

    def __init__(self, jobs: Iterable[Callable]):
        self.pending = list(jobs)
        self.n_done = 0
        self.errors: list[Exception] = []
        self.last_change = time.monotonic()
        self._schedule = None  # set by prepare_when_idle when there is an event loop

    def extend(self, jobs: Iterable[Callable], replace: bool = False) -> None:
        """More jobs for the idle time to come (``replace``: instead of those still pending),
        e.g. the pictures of a run just trained. Without an event loop, nothing."""
        if self._schedule is None:
            return
        if replace:
            self.pending.clear()
        self.pending.extend(jobs)
        if self.pending:
            self._schedule(IDLE_QUIET)

    @property
    def done(self) -> bool:
        return not self.pending


def prepare_when_idle(dashboard, jobs: Iterable[Callable],
                      delay: float | None = None) -> IdleWork:
    """Run ``jobs`` one at a time while the kernel is idle: each draws and keeps the static
    frame of a state the dashboard has not shown yet (another data set, another surface).

    Why: a control that changes what a figure's axes show (their ranges, a data set's points,
    a surface) needs a full matplotlib draw of the figure, ~100-250 ms on 2 cores, too slow
    for the first picture of a change (issue 17: 100 ms). Drawn in advance, the frame is a
    kept background (:class:`~chapter5.plots.FigureView`), and the change only draws what
    moves. The pictures are the same either way: a frame drawn in advance is the frame the
    change would draw.

    Only with a running event loop (a kernel): the first job starts ``delay`` seconds
    (default :data:`IDLE_DELAY`) after the build, each further one on a later turn of the
    loop, and never while a control moved in the last :data:`IDLE_QUIET` seconds or a live
    training runs. A job changes nothing shown (neither the picture nor ``result``), so in a
    kernel that nbclient or nbval drives, where it may run between two cells, the outputs
    stay the same. Without a loop (plain Python, the tests) nothing is prepared.
    """
    work = IdleWork(jobs)
    loop = running_loop()
    if loop is None:
        work.pending.clear()
        return work

    def moved(_change=None):
        work.last_change = time.monotonic()

    for control in dashboard.controls.values():
        control.observe(moved, names="value")
    _Cells.register()

    scheduled = False

    def schedule(after: float) -> None:  # one step waits at a time
        nonlocal scheduled
        if not scheduled:
            scheduled = True
            loop.call_later(after, step)

    def step():
        nonlocal scheduled
        scheduled = False
        if not work.pending:
            return
        wait = idle_wait(dashboard, work.last_change)
        if wait > 0:
            schedule(max(wait, 0.05))  # the room, and the notebook, come first
            return
        job = work.pending.pop(0)
        try:
            job()
        except Exception as exc:  # kept for tests; the change will draw it when it comes
            work.errors.append(exc)
            work.pending.clear()
            return
        work.n_done += 1
        if work.pending:
            schedule(0.02)  # messages that came in are handled first

    work._schedule = schedule
    schedule(IDLE_DELAY if delay is None else delay)
    return work
