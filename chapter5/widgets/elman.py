"""Dashboard for notebook 5.5.5: an Elman network learning temporal XOR, scrubbed by epoch."""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from ..i18n import tr
from ..networks.elman import (
    ElmanNetwork,
    error_by_position,
    lookup_table_errors,
    next_step_pairs,
    temporal_xor,
)
from ..plots.elman import ElmanView
from ._base import Dashboard
from ._controls import Controls, Spec

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
                        interval=80, description=tr("play"))
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

    def train(key):
        if key not in runs:
            n_hidden, eta, bptt, seed = key
            net = ElmanNetwork(n_hidden, eta=eta, n_epochs=s["n_epochs"], window=s["window"],
                               bptt=bptt, momentum=s["momentum"], record_every=RECORD_EVERY,
                               random_state=seed).fit(X, Y)
            replay = net.evaluate_history(X_test, Y_test)
            if len(runs) >= _CACHE:
                runs.pop(next(iter(runs)))
            runs[key] = {"net": net, "epochs": replay["epochs"], "loss": replay["loss"],
                         "errors": error_by_position(replay["squared_errors"])}
        return runs[key]

    default = train(tuple(DEFAULT_RUN.values()))
    view.set_comparison(default["epochs"], default["errors"])

    def render(n_hidden, eta, bptt, seed, epoch):
        key = (n_hidden, eta, bool(bptt), seed)
        run = train(key)
        rule = "BPTT" if bptt else tr("Elman's 1990 rule (no BPTT)")
        title = tr("{rule}, q = {q} hidden units, η = {eta:.3g}, seed {seed}").format(
            rule=rule, q=n_hidden, eta=eta, seed=seed)
        if run["net"].diverged_:
            title += tr(": DIVERGED at epoch {epoch}, the last finite weights").format(
                epoch=run["net"].n_epochs_)
        view.set_training(run["epochs"], run["errors"], key, title)
        i = int(np.searchsorted(run["epochs"], epoch, side="right") - 1)
        # the mean of the three bars, not E (which carries the 1/2 of E(t) = ½ (ŷ - y)²):
        # a table of the last two bits is a floor only for this mean, not bit by bit
        mean = float(run["errors"][i].mean())
        # short: every character of an animated text costs ~0.15 ms to draw
        info = view.show(i, tr("epoch {epoch}: mean of the 3 bits {mean:.3f} "
                               "(2-bit table {table:.3f})").format(
            epoch=int(run["epochs"][i]), mean=mean, table=table.mean()))
        return {"net": run["net"], "E": float(run["loss"][i]), "mean_error": mean,
                "history_errors": run["errors"], **info}

    def layout(image):
        c = controls
        return [widgets.HBox([widgets.VBox([c["n_hidden"], c["eta"]]),
                              widgets.VBox([c["bptt"], c["seed"]])]),
                widgets.HBox([play, c["epoch"]]), image]

    dashboard = Dashboard("elman_explorer", controls, view, render, layout_children=layout,
                          css_class="chapter5-elman", companions={"epoch": [play]})
    dashboard.play = play
    return dashboard
