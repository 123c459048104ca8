"""Dashboard for notebook 5.5.5: an Elman network learning temporal XOR, scrubbed by epoch."""

from __future__ import annotations

import time
from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np

from ..i18n import tr
from ..networks.elman import (
    PARAMETERS,
    ElmanHistory,
    ElmanNetwork,
    error_by_position,
    lookup_table_errors,
    next_step_pairs,
    temporal_xor,
)
from ..plots.elman import ElmanView
from ._base import Dashboard
from ._controls import Controls, Spec
from ._live import Live, ReplayPictures, prepare_when_idle

__all__ = ["ELMAN_SETTINGS", "elman_explorer"]

ELMAN_SETTINGS = {
    "n_epochs": 400,       # per training run (1-2 s for 8 hidden units on 2 shared cores)
    "record_every": 4,     # the epoch slider's grid
    "window": 15,          # truncated BPTT window (steps)
    "momentum": 0.9,
    "n_triplets": 1000,    # Elman's 3000-bit training stream (data seed 0) ...
    "n_streams": 100,      # ... cut into 100 stretches of 29 steps, trained side by side
    "test_triplets": 300,  # a fresh stream (data seed 1) on which the errors are measured
}
"""Fixed settings of :func:`elman_explorer` (the controls change the rest)."""

N_EPOCHS = ELMAN_SETTINGS["n_epochs"]
RECORD_EVERY = ELMAN_SETTINGS["record_every"]
DEFAULT_RUN = {"n_hidden": 8, "eta": 4.0, "bptt": True, "seed": 0}
"""The run drawn faintly behind every other, so that a change can be compared with it."""
_CACHE = 6  # training runs kept per dashboard, so going back to a setting is instant
PLAY_INTERVAL = 60
"""Milliseconds between Play's steps: 16.7 pictures a second (a replayed epoch draws in
~10-25 ms in the kernel)."""
LIVE_EVERY = 0.06
"""While a run trains live, its recorded snapshots are measured on the test stream at most
this often (seconds), several at once, in the training thread (one pass over the 900 steps
costs about as much for one snapshot as for ten)."""


@dataclass
class _Trained:
    """A finished run: the network and its recorded snapshots measured on the test stream."""

    net: ElmanNetwork
    epochs: np.ndarray
    loss: np.ndarray
    errors: np.ndarray

    @property
    def stop_reason_(self) -> str:  # what the live runner asks (a cancelled run is not kept)
        return self.net.stop_reason_


def _snapshot_errors(flats, n_hidden: int, X_test, Y_test) -> np.ndarray:
    """Error by triplet position (S, 3) on the test stream of S flat parameter vectors (the
    layout of :data:`~chapter5.networks.elman.PARAMETERS`, one input and one output)."""
    q = n_hidden
    shapes = {"v": (1, q), "u": (q, q), "gamma": (q,), "w": (q, 1), "theta": (1,)}
    stacked = np.asarray(flats, dtype=float).reshape(len(flats), -1)
    params, at = {}, 0
    for k in PARAMETERS:
        size = int(np.prod(shapes[k]))
        params[k] = stacked[:, at:at + size].reshape(len(stacked), *shapes[k])
        at += size
    probe = ElmanNetwork.from_parameters(*(params[k][0] for k in PARAMETERS))
    probe.history_ = ElmanHistory(np.zeros(len(stacked), dtype=int), params)
    return error_by_position(probe.evaluate_history(X_test, Y_test)["squared_errors"])


_STYLE = {"description_width": "8em"}
_BPTT_OPTIONS = (("BPTT (through the context)", True), ("Elman 1990 (copy-back only)", False))
ELMAN_CONTROLS = Controls(
    Spec("n_hidden", "int", 8, lo=1, hi=10, label="hidden units q",
         doc="The hidden (and context) units q.",
         tooltip="hidden units q (as many context units): retrains"),
    Spec("eta", "log", 4.0, lo=-2, hi=5, step=0.5, base=2, label="learning rate η",
         readout_format=".3g", doc="The learning rate η.",
         tooltip="learning rate η: retrains"),
    Spec("bptt", "bool", True, label="training", options=_BPTT_OPTIONS,
         doc="True: BPTT (the error flows back through the context); False: Elman's 1990 "
             "rule (the context is only copied back, no error flows through it).",
         tooltip="BPTT, or Elman's 1990 rule (the context is only copied back): retrains"),
    Spec("seed", "int", 0, lo=0, hi=9, label="seed",
         doc="The initial weights' seed (the data stay the same).",
         tooltip="the initial weights (the data stay the same): retrains"),
    Spec("epoch", "int", N_EPOCHS, lo=0, hi=N_EPOCHS, step=RECORD_EVERY, label="epoch",
         continuous=True, width="620px",
         doc=f"The epoch shown; snapshots are kept every {RECORD_EVERY} epochs, so it is "
             f"rounded down to a multiple of {RECORD_EVERY}.",
         tooltip="the epoch shown: replays the recorded run"),
)


@ELMAN_CONTROLS.builder
def elman_explorer(n_hidden: int, eta: float, bptt: bool, seed: int,
                   epoch: int) -> Dashboard:
    """An Elman network trained on temporal XOR, replayed epoch by epoch.

    Changing the hidden units, η, the training rule or the seed trains a new network (400
    epochs of truncated BPTT, windows of 15 steps, momentum 0.9, on Elman's 3000-bit stream);
    the epoch slider and Play only replay the recorded snapshots, measured on a fresh stream.
    In a live notebook a change from the browser trains while the picture follows it (the
    curves grow, the epoch slider moves); the last picture is the one a direct build draws.
    Left: the mean squared error on each bit of the triplets at that epoch, against chance
    (0.25) and the best lookup tables (of the last two bits; of the phase), with the mean over
    the three bits (and the two-bit table's) in the line above; right: the same three errors
    over all epochs, with the default run (:data:`DEFAULT_RUN`) drawn faintly behind for
    comparison.

    Parameters
    ----------
    {controls}
    """
    s = ELMAN_SETTINGS
    epoch -= epoch % RECORD_EVERY  # snapped to the snapshot grid, not refused
    controls = ELMAN_CONTROLS.widgets(locals(), style=_STYLE, width="360px")
    play = widgets.Play(value=controls["epoch"].value, min=0, max=N_EPOCHS, step=RECORD_EVERY,
                        interval=PLAY_INTERVAL, description=tr("play"))
    widgets.jslink((play, "value"), (controls["epoch"], "value"))

    X, Y = next_step_pairs(temporal_xor(s["n_triplets"], random_state=0),
                           n_streams=s["n_streams"])
    test = temporal_xor(s["test_triplets"], random_state=1)
    X_test, Y_test = next_step_pairs(test)
    table = error_by_position(lookup_table_errors(test, 2))
    view = ElmanView({
        tr("best table of the last 2 bits"): table,
        tr("best table knowing the phase"): error_by_position(lookup_table_errors(test, 2, 3)),
    }, comparison_label=tr("faint: the default run"))  # DEFAULT_RUN; the notebook says which
    runs: dict = {}
    state: dict = {}

    def run_key(values) -> tuple:
        return (values["n_hidden"], values["eta"], bool(values["bptt"]), values["seed"])

    def network(key) -> ElmanNetwork:
        n_hidden, eta, bptt, seed = key
        return ElmanNetwork(n_hidden, eta=eta, n_epochs=s["n_epochs"], window=s["window"],
                            bptt=bptt, momentum=s["momentum"], record_every=RECORD_EVERY,
                            random_state=seed)

    def train(values, callback=None) -> _Trained:
        """Train one run (in the live runner's thread when ``callback`` is given: then the
        snapshots are also measured as they come, for the frames)."""
        key = run_key(values)
        relay = None
        if callback is not None:
            measured: list = []  # (epoch, errors by position), read by the frames
            state["live_log"] = (key, measured)
            pending: list = []
            last = [time.perf_counter()]
            started = state.get("starts", 0)

            def relay(info):
                if state.get("starts", 0) != started:  # a newer run started: this one is
                    return callback(info)              # cancelled, measure nothing more
                if info.epoch % RECORD_EVERY == 0:
                    pending.append((info.epoch, info.params.copy()))
                now = time.perf_counter()
                if pending and (now - last[0] >= LIVE_EVERY or len(pending) >= 25):
                    errors = _snapshot_errors([p for _, p in pending], key[0], X_test, Y_test)
                    measured.extend(zip([e for e, _ in pending], errors, strict=True))
                    pending.clear()
                    last[0] = time.perf_counter()
                return callback(info)

        net = network(key).fit(X, Y, callback=relay)
        if net.stop_reason_ == "callback":  # cancelled: not kept, so not measured
            return _Trained(net, np.zeros(0, dtype=int), np.zeros(0), np.zeros((0, 3)))
        replay = net.evaluate_history(X_test, Y_test)
        return _Trained(net, replay["epochs"], replay["loss"],
                        error_by_position(replay["squared_errors"]))

    def store(values, run: _Trained) -> None:
        key = run_key(values)
        if key not in runs and len(runs) >= _CACHE:
            runs.pop(next(iter(runs)))
        runs[key] = run

    def trained(key) -> _Trained:
        if key not in runs:
            values = dict(zip(("n_hidden", "eta", "bptt", "seed"), key, strict=True))
            store(values, train(values))
        return runs[key]

    default = trained(tuple(DEFAULT_RUN.values()))
    view.set_comparison(default.epochs, default.errors)

    def title(n_hidden, eta, bptt, seed) -> str:
        rule = "BPTT" if bptt else tr("Elman's 1990 rule (no BPTT)")
        return tr("{rule}, q = {q} hidden units, η = {eta:.3g}, seed {seed}").format(
            rule=rule, q=n_hidden, eta=eta, seed=seed)

    def preview(values, snap):
        """A frame of a live training: the curves measured so far, the bars at the last."""
        key = run_key(values)
        if snap is None:  # the start: the initial weights, before the first epoch
            state["starts"] = state.get("starts", 0) + 1  # (a running training stops)
            first = state.setdefault("initial", {})  # the start of (q, seed): kept
            if key[::3] not in first:
                P = network(key).initial_parameters(1, 1)
                flat = np.concatenate([P[k].ravel() for k in PARAMETERS])
                first[key[::3]] = _snapshot_errors([flat], key[0], X_test, Y_test)[0]
            state["live"] = {"key": key, "first": first[key[::3]]}
            measured, epoch, losses = [], 0, []
        else:
            log_key, log = state.get("live_log", (None, []))
            measured = list(log) if log_key == key else []
            epoch, losses = snap.epoch, snap.losses
        epochs = [0, *(e for e, _ in measured)]
        errors = np.array([state["live"]["first"], *(err for _, err in measured)])
        view.set_training(epochs, errors, title=title(*key), planned=s["n_epochs"])
        status = tr("training: epoch {epoch} of {n}").format(epoch=epoch, n=s["n_epochs"])
        if losses:
            status += tr(", E = {E:.2e}").format(E=losses[-1])
        info = view.show(len(epochs) - 1, status)
        dashboard.follow("epoch", epochs[-1])  # the slider follows the measured snapshots
        return {"net": None, "E": float(losses[-1]) if losses else None,
                "mean_error": float(errors[-1].mean()), "history_errors": errors,
                "training": True, **info}

    def render(n_hidden, eta, bptt, seed, epoch):
        key = (n_hidden, eta, bool(bptt), seed)
        trained(key)
        if state.get("replayed") != key:  # Play's pictures of this run, drawn while idle
            state["replayed"] = key
            if "warm_up" in state:
                state["warm_up"].extend(pictures.jobs(), replace=True)
        return show_epoch(key, epoch)

    def show_epoch(key, epoch):
        """Show the stored run ``key`` at ``epoch``; what render returns."""
        run = runs[key]
        heading = title(*key)
        if run.net.diverged_:
            heading += tr(": DIVERGED at epoch {epoch}, the last finite weights").format(
                epoch=run.net.n_epochs_)
        view.set_training(run.epochs, run.errors, key, heading)
        i = int(np.searchsorted(run.epochs, epoch, side="right") - 1)
        # the mean of the three bars, not E (which carries the 1/2 of E(t) = ½ (ŷ - y)²):
        # a table of the last two bits is a floor only for this mean, not bit by bit
        mean = float(run.errors[i].mean())
        # short: every character of an animated text costs ~0.15 ms to draw
        info = view.show(i, tr("epoch {epoch}: mean of the 3 bits {mean:.3f} "
                               "(2-bit table {table:.3f})").format(
            epoch=int(run.epochs[i]), mean=mean, table=table.mean()))
        return {"net": run.net, "E": float(run.loss[i]), "mean_error": mean,
                "history_errors": run.errors, **info}

    def layout(image):
        c = controls
        return [widgets.HBox([widgets.VBox([c["n_hidden"], c["eta"]]),
                              widgets.VBox([c["bptt"], c["seed"]])]),
                widgets.HBox([play, c["epoch"]]), image]

    live = Live(key=run_key, cached=lambda key: key in runs, train=train, store=store,
                preview=preview)
    dashboard = Dashboard("elman_explorer", controls, view, render, layout_children=layout,
                          css_class="chapter5-elman", companions={"epoch": [play]}, live=live)

    def shown_run():
        """The stored run the sliders name (none while a live training's frames are shown)."""
        key = run_key(dashboard.values)
        return key if key in runs and not dashboard.live.busy else None

    pictures = ReplayPictures(view, play, controls["epoch"],
                              lambda e: show_epoch(run_key(dashboard.values), e), shown_run)
    dashboard.warm_up = state["warm_up"] = prepare_when_idle(dashboard, pictures.jobs())
    dashboard.play = play
    return dashboard
