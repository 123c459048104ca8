"""Dashboard for notebook 5.5.6: an RBM trained by CD-k on bars and stripes, scrubbed by epoch."""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from ..i18n import tr
from ..networks.boltzmann import RBM, bars_and_stripes
from ..plots.boltzmann import RBMView
from ._base import Dashboard
from ._controls import Controls, Spec

__all__ = ["RBM_EPOCHS", "rbm_explorer"]

RBM_EPOCHS = 400
RBM_INIT_SCALE = 0.1
RBM_SAMPLE_STEPS = 200
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
    recorded); the epoch slider replays the recorded parameters. Top: the exact mean
    log-likelihood of the 14 patterns per epoch, and each hidden unit's filter w[:, j];
    bottom: the patterns, their reconstructions, and 14 samples from the model (200 steps of
    Gibbs sampling from random states, seeded). The default run (:data:`DEFAULT_RUN`) stays
    drawn faintly behind the log-likelihood curve, for comparison.

    Parameters
    ----------
    {controls}
    """
    controls = RBM_CONTROLS.widgets(locals(), style=_STYLE, width="330px")
    play = widgets.Play(value=epoch, min=0, max=RBM_EPOCHS, step=5, interval=100,
                        description=tr("play"))
    widgets.jslink((play, "value"), (controls["epoch"], "value"))
    X = bars_and_stripes(3)
    d = DEFAULT_RUN
    view = RBMView(comparison_label=tr("faint: default run (η = {eta:g}, CD-{k}, q = {q}, "
                                       "seed {seed})").format(eta=d["eta"], k=d["k"],
                                                              q=d["n_hidden"], seed=d["seed"]))
    state: dict = {}

    def train(eta, k, n_hidden, seed):
        return RBM(X.shape[1], n_hidden, k=k, eta=eta, n_epochs=RBM_EPOCHS, batch_size=len(X),
                   init_scale=RBM_INIT_SCALE, random_state=seed).fit(X)

    default = train(**DEFAULT_RUN)
    view.set_comparison(default)

    def render(eta, k, n_hidden, seed, epoch):
        key = (eta, k, n_hidden, seed)
        if state.get("key") != key:
            same = key == tuple(DEFAULT_RUN.values())
            rbm = default if same else train(eta, k, n_hidden, seed)
            state.update(key=key, rbm=rbm)
            view.set_run(rbm, X)  # the settings are on the sliders: a short title draws fast
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

    dashboard = Dashboard("rbm_explorer", controls, view, render, layout_children=layout,
                          css_class="chapter5-rbm")
    dashboard.play = play
    dashboard.readout = readout
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
