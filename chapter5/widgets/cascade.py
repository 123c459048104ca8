"""Dashboard for notebook 5.5.4: a cascade-correlation network growing unit by unit."""

from __future__ import annotations

import time

import ipywidgets as widgets

from ..datasets import CASCADE_DATASETS, cascade_data
from ..i18n import tr
from ..networks.cascade import CascadeCorrelation
from ..plots.cascade import CascadeView
from ._base import Dashboard
from ._controls import Controls, Spec
from ._live import PLAY_INTERVAL, Live, ReplayPictures, prepare_when_idle, slow_play

__all__ = ["CASCADE_DATASETS", "cascade_data", "cascade_growth"]

MAX_HIDDEN = 25
EXTENTS = {"two_spirals": (-7.2, 7.2, -7.2, 7.2), "toy": (-2.0, 2.0, -2.0, 2.0)}
MAX_RUNS_KEPT = 8
SLOW_PLAY_INTERVAL = 700
"""Milliseconds between Play's steps with "slow" down: one installed unit every 0.7 s, a
pace to follow the growth unit by unit (a run has 10-25 stages, which Play otherwise shows
at 15 a second: the whole growth in 1-2 s). A stage's picture takes ~30-40 ms to draw at
projector scale, so the stages are drawn and kept while the kernel is idle."""


_STYLE = {"description_width": "7em"}
CASCADE_CONTROLS = Controls(
    Spec("dataset", "choice", "two_spirals", options=tuple(CASCADE_DATASETS), label="data",
         doc="Two spirals: Lang & Witbrock's 194 points. The others: 80 points of "
             ":func:`chapter5.datasets.toy_2d` (see :func:`cascade_data`).",
         tooltip="the data set: retrains"),
    Spec("noise", "float", 0.0, lo=0.0, hi=0.5, step=0.05, label="noise", readout_format=".2f",
         doc="Gaussian noise on the coordinates, in the data's units (0: the classic two "
             "spirals).",
         tooltip="Gaussian noise on the points' coordinates: retrains"),
    Spec("n_candidates", "int", 8, lo=1, hi=16, label="candidates",
         doc="Candidate pool size.",
         tooltip="candidate units trained side by side before one is installed: retrains"),
    Spec("seed", "int", 0, lo=0, hi=9, label="seed",
         doc="Initial weights and the noise (for toy sets, the sample).",
         tooltip="the initial weights and the noise: retrains"),
    Spec("units", "int", MAX_HIDDEN, lo=0, hi=MAX_HIDDEN, label="hidden units", continuous=True,
         width="520px",
         doc="The stage shown: the network after this many hidden units (clamped to the units "
             "the run installed; the slider then spans the run's stages). Each retraining "
             "then jumps to the run's last stage.",
         tooltip="the stage shown: replays the recorded growth"),
)


@CASCADE_CONTROLS.builder
def cascade_growth(dataset: str, noise: float, n_candidates: int, seed: int,
                   units: int) -> Dashboard:
    """Grow a cascade-correlation network once, then replay it unit by unit.

    The data set, noise, pool size and seed retrain (up to 25 hidden units, until every
    training point is right); ``units`` (with Play) only picks the stage shown: the output over
    the plane, the newest unit's output, the network diagram (squares frozen, crosses trained),
    E over the epochs, and training against held-out accuracy per number of units. Play shows
    about 15 stages a second, one every 0.7 s with the *slow* toggle (``.slow``) down. In a live
    notebook a change from the browser shows the network as it grows (units installed so far,
    the error curve), ending on the picture a direct build draws.

    Parameters
    ----------
    {controls}
    """
    controls = CASCADE_CONTROLS.widgets(locals(), style=_STYLE, width="320px")
    play = widgets.Play(value=units, min=0, max=MAX_HIDDEN, interval=PLAY_INTERVAL,
                        description=tr("play"))
    slow = slow_play(play, SLOW_PLAY_INTERVAL,
                     tr("Play one unit every {s} s (slow motion)").format(
                         s=SLOW_PLAY_INTERVAL / 1000))
    widgets.jslink((play, "value"), (controls["units"], "value"))
    progress = widgets.HTML(layout=widgets.Layout(width="420px"))
    view = CascadeView()
    state: dict = {}
    runs: dict = {}  # a few recent runs: going back is instant
    fresh: dict = {}  # how long the runs trained live took, for the progress line

    def run_key(values) -> tuple:
        return tuple(values[k] for k in ("dataset", "noise", "n_candidates", "seed"))

    def label_of(dataset, noise) -> str:
        # the data set's name (CASCADE_DATASETS), translated where it is shown
        return ((tr("two spirals") if dataset == "two_spirals" else tr(dataset))
                + (tr(", noise {noise:.2f}").format(noise=noise) if noise else ""))

    def grower(key) -> CascadeCorrelation:
        return CascadeCorrelation(max_hidden=MAX_HIDDEN, n_candidates=key[2],
                                  random_state=key[3])

    def train(values, callback=None) -> CascadeCorrelation:
        """Grow one run (in the live runner's thread when ``callback`` is given: then the
        stages and the x of every E are kept too, for the frames)."""
        key = run_key(values)
        X, y = cascade_data(*key[:2], key[3])[:2]
        relay = None
        if callback is not None:
            log = {"xs": [], "stages": ()}
            state["live_log"] = (key, log)

            def relay(info):
                log["xs"].append(info.epoch)
                log["stages"] = info.stages
                return callback(info)

        started = time.perf_counter()
        net = grower(key).fit(X, y, callback=relay)
        fresh[key] = time.perf_counter() - started
        return net

    def store(values, net) -> None:
        key = run_key(values)
        runs.pop(key, None)
        runs[key] = net
        if len(runs) > MAX_RUNS_KEPT:  # least recently used runs are dropped first
            runs.pop(next(iter(runs)))

    def preview(values, snap):
        """A frame of a live run: the network grown so far, its error curve growing."""
        key = run_key(values)
        data = cascade_data(*key[:2], key[3])
        if snap is None:  # the start: no hidden unit, the initial output weights
            start = grower(key).fit(*data[:2], callback=lambda info: True)
            units, w, theta = [], start.w_, start.theta_
            stages, xs, losses = (), [0], start.loss_curve_
            view.set_live(*data, extent=EXTENTS["two_spirals" if key[0] == "two_spirals"
                                               else "toy"], label=label_of(*key[:2]))
            progress.value = tr("⏳ <b>growing</b> the network…")
            with dashboard.quietly():  # room for the units still to come
                controls["units"].max = play.max = MAX_HIDDEN
        else:
            p = CascadeCorrelation.unpack_parameters(snap.params, 2, 1)
            units = list(zip(p["hidden_v"], p["hidden_gamma"], strict=True))
            w, theta = p["w"], p["theta"]
            log_key, log = state.get("live_log", (None, {"xs": [], "stages": ()}))
            if log_key != key:
                log = {"xs": [], "stages": ()}
            stages, losses = log["stages"][:len(units)], snap.losses
            xs = log["xs"][:len(losses)]
            losses = losses[:len(xs)]
        state["drawn"] = None  # the next render draws its run again
        k = len(units)
        status = tr("growing: {k} hidden units so far, {epochs} epochs").format(
            k=k, epochs=xs[-1] if len(xs) else 0)
        info = view.show_live(units, w, theta, stages, xs, losses, status)
        dashboard.follow("units", k)  # the slider follows the growth
        return {"net": None, "training": True, **info}

    def render(dataset, noise, n_candidates, seed, units):
        spirals = dataset == "two_spirals"
        key = (dataset, noise, n_candidates, seed)
        new_run = state.get("key") != key
        if new_run:
            if key in runs:
                net = runs.pop(key)
                runs[key] = net
                seconds = fresh.pop(key, None)
                note = (tr("(kept from before)") if seconds is None
                        else tr("in {seconds:.2f} s").format(seconds=seconds))
            else:
                progress.value = tr("⏳ <b>growing</b> the network…")
                net = train(locals())
                note = tr("in {seconds:.2f} s").format(seconds=fresh.pop(key))
                store(locals(), net)
            state.update(key=key, net=net, note=note)
        net = state["net"]
        if state.get("drawn") != key:
            view.set_run(net, *cascade_data(dataset, noise, seed),
                         extent=EXTENTS["two_spirals" if spirals else "toy"], key=key,
                         label=label_of(dataset, noise))
            state["drawn"] = key
            grew = tr("grew {units} units, {epochs} epochs {note}").format(
                units=net.n_hidden_, epochs=net.n_epochs_, note=state["note"])
            progress.value = grew + ("" if net.converged_ else tr("; unit limit reached"))
            # the slider spans this run's stages. A new run shows its grown network (the
            # first one shows the stage asked for); the dashboard renders once more for that
            play.max = net.n_hidden_
            controls["units"].max = net.n_hidden_
            if "warm_up" in state:  # Play's pictures of this run, drawn while idle
                state["warm_up"].extend(pictures.jobs(), replace=True)
        if new_run:
            if state.pop("shown_once", False):
                controls["units"].value = net.n_hidden_
            state["shown_once"] = True
        info = view.show(min(units, net.n_hidden_))
        return {"net": net, **info}

    def layout(image):
        c = controls
        return [widgets.HBox([widgets.VBox([c["dataset"], c["noise"]]),
                              widgets.VBox([c["n_candidates"], c["seed"]])]),
                widgets.HBox([play, slow, c["units"], progress]), image]

    live = Live(key=run_key, cached=lambda key: key in runs, train=train, store=store,
                preview=preview, warm=lambda: view.prepare_live(EXTENTS.values()))
    dashboard = Dashboard("cascade_growth", controls, view, render, layout_children=layout,
                          css_class="chapter5-cascade", companions={"units": [play, slow]},
                          live=live)
    # the run drawn in the view (none while a live training's frames are shown)
    pictures = ReplayPictures(view, play, controls["units"], view.show,
                              lambda: state["drawn"])
    dashboard.warm_up = state["warm_up"] = prepare_when_idle(dashboard, pictures.jobs())
    dashboard.play, dashboard.slow = play, slow
    dashboard.progress = progress
    return dashboard
