"""Dashboard for notebook 5.5.6: an RBM trained by CD-k on bars and stripes, scrubbed by epoch."""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from ..i18n import tr
from ..networks.boltzmann import RBM, bars_and_stripes
from ..plots.boltzmann import RBMView
from ._base import Dashboard
from ._controls import Controls, Spec
from ._live import Live, ReplayPictures, prepare_when_idle

__all__ = ["RBM_EPOCHS", "rbm_explorer"]

RBM_EPOCHS = 400
RBM_INIT_SCALE = 0.1
RBM_SAMPLE_STEPS = 200
PLAY_INTERVAL = 50
"""Milliseconds between Play's steps (5 epochs each): 20 steps a second, so that the browser
shows at least 15 pictures a second (at 60 ms it showed 13.7: Play's timer slips while the
page receives and decodes a 100 KB picture). A replayed epoch draws in ~17 ms in the kernel."""
LIVE_LL_EVERY = 5
"""While a run trains live, the training thread computes the exact mean ln P(v) every this
many epochs for the growing curve (every epoch would make training up to twice as long)."""
DEFAULT_RUN = {"eta": 1.0, "k": 1, "n_hidden": 8, "seed": 0}
"""The run drawn faintly behind every other, so that a change can be compared with it."""


_STYLE = {"description_width": "7em"}
RBM_CONTROLS = Controls(
    Spec("eta", "log", 1.0, lo=-1.5, hi=0.5, step=0.25, label="η", readout_format=".3g",
         doc="Learning rate η of (5.24).", tooltip="learning rate η of (5.24): retrains"),
    Spec("k", "int", 1, lo=1, hi=10, label="CD-k steps k",
         doc="Gibbs steps per update (CD-k).",
         tooltip="Gibbs steps per update (CD-k): retrains"),
    Spec("n_hidden", "int", 8, lo=1, hi=16, label="hidden q", doc="Hidden units q.",
         tooltip="hidden units q: retrains"),
    Spec("seed", "int", 0, lo=0, hi=9, label="seed",
         doc="Initial weights, mini-batch order and the Gibbs draws.",
         tooltip="the initial weights, the mini-batch order and the Gibbs draws: retrains"),
    Spec("epoch", "int", RBM_EPOCHS, lo=0, hi=RBM_EPOCHS, label="epoch", continuous=True,
         width="620px", doc="The epoch shown (0: before training; every epoch is recorded).",
         tooltip="the epoch shown (0: before training): replays the recorded run"),
)


@RBM_CONTROLS.builder
def rbm_explorer(eta: float, k: int, n_hidden: int, seed: int, epoch: int) -> Dashboard:
    """Train an RBM on the 14 bars-and-stripes patterns (3 x 3) once, then scrub its epochs.

    Changing η, k, the number of hidden units or the seed retrains (400 epochs of CD-k, each
    one update (5.24) averaged over all 14 patterns, initial weights N(0, 0.1²), every epoch
    recorded); the epoch slider replays the recorded parameters (in a live notebook a change
    from the browser shows the training as it goes, ending on the picture a direct build
    draws). Top: the exact mean
    log-likelihood of the 14 patterns per epoch, and each hidden unit's filter w[:, j];
    bottom: the patterns, their reconstructions, and 14 samples from the model (200 steps of
    Gibbs sampling from random states, seeded). The default run (:data:`DEFAULT_RUN`) stays
    drawn faintly behind the log-likelihood curve, for comparison.

    Parameters
    ----------
    {controls}
    """
    controls = RBM_CONTROLS.widgets(locals(), style=_STYLE, width="330px")
    play = widgets.Play(value=epoch, min=0, max=RBM_EPOCHS, step=5, interval=PLAY_INTERVAL,
                        description=tr("play"))
    widgets.jslink((play, "value"), (controls["epoch"], "value"))
    X = bars_and_stripes(3)
    d = DEFAULT_RUN
    view = RBMView(comparison_label=tr("faint: default run (η = {eta:g}, CD-{k}, q = {q}, "
                                       "seed {seed})").format(eta=d["eta"], k=d["k"],
                                                              q=d["n_hidden"], seed=d["seed"]))
    state: dict = {}

    def run_key(values) -> tuple:
        return tuple(values[k] for k in ("eta", "k", "n_hidden", "seed"))

    def machine(eta, k, n_hidden, seed, n_epochs=RBM_EPOCHS) -> RBM:
        return RBM(X.shape[1], n_hidden, k=k, eta=eta, n_epochs=n_epochs, batch_size=len(X),
                   init_scale=RBM_INIT_SCALE, random_state=seed)

    def train(values, callback=None) -> RBM:
        """Train one run (in the live runner's thread when ``callback`` is given: then the
        exact ln P(v) is also computed every few epochs, for the frames' curve)."""
        key = run_key(values)
        relay = None
        if callback is not None:
            curve: list = []  # (epoch, mean ln P(v)), read by the frames
            state["live_log"] = (key, curve)
            probe = machine(*key, n_epochs=0)

            def relay(info):
                if info.epoch % LIVE_LL_EVERY == 0 or info.epoch == info.max_epochs:
                    p = RBM.split_parameters(info.params, X.shape[1], key[2])
                    probe.w_, probe.theta_v_, probe.theta_h_ = p["w"], p["theta_v"], p["theta_h"]
                    probe.n_features_in_ = X.shape[1]
                    curve.append((info.epoch, probe.log_likelihood(X)))
                return callback(info)

        return machine(*key).fit(X, callback=relay)

    def store(values, rbm: RBM) -> None:
        """Keep a run (called only for a run other than the one kept): once the dashboard is
        built, its Play positions are prepared in idle time instead of the last run's."""
        state.update(key=run_key(values), rbm=rbm, drawn=None)
        if "warm_up" in state:
            state["warm_up"].extend(play_frames(state["key"]), replace=True)

    default_key = run_key(DEFAULT_RUN)
    default = train(DEFAULT_RUN)
    store(DEFAULT_RUN, default)
    view.set_comparison(default)

    def cached(key) -> bool:
        return key in (state.get("key"), default_key)

    def preview(values, snap):
        """A frame of a live training: the machine now, its ln P(v) curve growing."""
        key = run_key(values)
        if snap is None:  # the start: the initial weights, before the first epoch
            model = machine(*key, n_epochs=0).fit(X)
            state["live"] = {"key": key, "first": float(model.history_.log_likelihood[0])}
            curve, epoch = [], 0
        else:
            p = RBM.split_parameters(snap.params, X.shape[1], key[2])
            model = machine(*key, n_epochs=0)
            model.w_, model.theta_v_, model.theta_h_ = p["w"], p["theta_v"], p["theta_h"]
            model.n_features_in_ = X.shape[1]
            log_key, log = state.get("live_log", (None, []))
            curve = [c for c in (list(log) if log_key == key else []) if c[0] < snap.epoch]
            epoch = snap.epoch
            curve.append((epoch, model.log_likelihood(X)))
        epochs = [0, *(e for e, _ in curve)]
        ll = [state["live"]["first"], *(v for _, v in curve)]
        state["drawn"] = None  # the next render draws its run again
        info = view.show_live(model, X, epochs, ll, RBM_EPOCHS,
                              tr("training: epoch {epoch} of {n}").format(epoch=epoch,
                                                                         n=RBM_EPOCHS)
                              + tr(", mean ln P(v) = {ll:.3f}").format(ll=ll[-1]),
                              n_steps=RBM_SAMPLE_STEPS, random_state=values["seed"])
        readout.value = readout_text(info, len(X), X.shape[1])
        dashboard.follow("epoch", epoch)  # the slider follows the training
        return {"rbm": None, "training": True, **info}

    def render(eta, k, n_hidden, seed, epoch):
        key = (eta, k, n_hidden, seed)
        if state.get("key") != key:
            store(locals(), default if key == default_key else train(locals()))
        if state.get("drawn") != key:
            view.set_run(state["rbm"], X)  # the settings are on the sliders: a short title
            state["drawn"] = key
        rbm = state["rbm"]
        info = view.show(epoch, n_steps=RBM_SAMPLE_STEPS, random_state=seed)
        readout.value = readout_text(info, len(X), X.shape[1])
        return {"rbm": rbm, **info}

    readout = widgets.HTML(layout=widgets.Layout(margin="0 0 0 1em"))

    def layout(image):
        c = controls
        return [widgets.HBox([widgets.VBox([c["eta"], c["k"]]),
                              widgets.VBox([c["n_hidden"], c["seed"]])]),
                widgets.HBox([play, c["epoch"]]), readout, image]

    live = Live(key=run_key, cached=cached, train=train, store=store, preview=preview)
    dashboard = Dashboard("rbm_explorer", controls, view, render, layout_children=layout,
                          css_class="chapter5-rbm", live=live)
    dashboard.play = play
    dashboard.readout = readout

    def prepare_play_frame(key, epoch):
        """In the kernel's idle time: draw and keep run ``key``'s picture at ``epoch`` (a
        Play position), then show the current epoch again (its picture is kept too), so that
        nothing shown changes. Nothing if the student has moved on to another run."""
        def job():
            values = dashboard.values
            # (no training runs: idle_wait waits for its end)
            if state.get("key") != key or state.get("drawn") != key or run_key(values) != key:
                return
            view.show(epoch, n_steps=RBM_SAMPLE_STEPS, random_state=key[3])
            view.encode()
            view.show(values["epoch"], n_steps=RBM_SAMPLE_STEPS, random_state=key[3])
            view.encode()
        return job

    def play_frames(key):
        """Every position of a Play (0, 5, ..., 400) of run ``key``: once they are kept,
        Play sends them without drawing (the first Play as fast as a replay)."""
        return [prepare_play_frame(key, e) for e in range(0, RBM_EPOCHS + 1, play.step)]

    ReplayPictures(view, play, controls["epoch"],
                   lambda e: view.show(e, n_steps=RBM_SAMPLE_STEPS, random_state=state["key"][3]),
                   lambda: (state["key"] if state["key"] == state["drawn"] == run_key(
                       dashboard.values) and not dashboard.live.busy else None))
    dashboard.warm_up = state["warm_up"] = prepare_when_idle(dashboard, play_frames(default_key))
    return dashboard


def readout_text(info: dict, m: int, d: int) -> str:
    """One line of HTML with the shown epoch's numbers (the figure keeps only the first)."""
    return tr("epoch {epoch}: mean ln P(v) = {ll:.3f} (uniform {uniform:.3f}, best possible "
              "{best:.3f}) &middot; P(the {m} patterns) = {mass:.0%} &middot; reconstruction "
              "error {error:.2g} &middot; {valid} of {m} samples are patterns ({steps} Gibbs "
              "steps)").format(
        epoch=info["epoch"], ll=info["log_likelihood"], uniform=-d * np.log(2),
        best=-np.log(m), m=m, mass=info["mass"], error=info["reconstruction_error"],
        valid=info["valid_samples"], steps=RBM_SAMPLE_STEPS)
