"""A TensorFlow-Playground-style dashboard for BP, built from the package."""

from __future__ import annotations

import time

import ipywidgets as widgets
import numpy as np

from .._bp_fast import unflatten
from ..backprop import BPNetwork
from ..datasets import PLAYGROUND_DATASETS, playground_data
from ..i18n import tr
from ..metrics import labels_from_outputs
from ..plots.playground import PlaygroundView
from ._base import Dashboard
from ._controls import Controls, Spec
from ._live import PLAY_INTERVAL, Live, ReplayPictures

__all__ = ["PLAYGROUND_DATASETS", "bp_playground", "playground_data"]

EPOCHS = 300
RECORD_EVERY = 5


def _shapes(layers: int, units: int) -> list[tuple[int, int]]:
    """The weight matrices' shapes of the 2-input, 1-output network."""
    return [(2, units)] + [(units, units)] * (layers - 1) + [(units, 1)]


def _curves(net, X_tr, y_tr, X_va, y_va):
    tr = net.evaluate_history(X_tr, y_tr)
    va = net.evaluate_history(X_va, y_va)
    return {"epochs": tr["epochs"], "train_loss": tr["loss"], "val_loss": va["loss"],
            "train_acc": tr["accuracy"], "val_acc": va["accuracy"]}


_STYLE = {"description_width": "6.5em"}
PLAYGROUND_CONTROLS = Controls(
    Spec("dataset", "choice", "circles", options=PLAYGROUND_DATASETS, label="data",
         doc="200 toy points split 70/30 into training and validation data, or watermelon "
             "3.0α with the book's split.",
         tooltip="the data set: retrains"),
    Spec("noise", "float", 0.1, lo=0.0, hi=0.5, step=0.05, label="noise",
         doc="The toy data's noise (disabled for watermelon 3.0α, which has none).",
         tooltip="noise added to the toy data: retrains"),
    Spec("layers", "int", 1, lo=1, hi=3, label="hidden layers",
         doc="Hidden layers, each with ``units`` units.",
         tooltip="the number of hidden layers: retrains"),
    Spec("units", "int", 4, lo=1, hi=8, label="units / layer",
         doc="Units in each hidden layer.",
         tooltip="units in each hidden layer: retrains"),
    Spec("activation", "choice", "tanh", options=("sigmoid", "tanh", "relu"),
         label="hidden f", doc="The hidden units' activation; the output unit is a sigmoid.",
         tooltip="the hidden units' activation: retrains"),
    Spec("eta", "log", 0.3, lo=-2, hi=1.5, step=0.125, label="η", readout_format=".3g",
         doc="The learning rate.", tooltip="learning rate η: retrains"),
    Spec("mode", "choice", "standard", options=("standard", "accumulated"), label="BP",
         doc="Standard BP (one update per sample) or accumulated BP (one per epoch, (5.16)).",
         tooltip="standard or accumulated BP: retrains"),
    Spec("regularization", "bool", False, label="regularization (5.17)",
         extra={"indent": False},
         doc="Minimize the regularized error (5.17), λ·E + (1 − λ)·Σw², instead of E.",
         tooltip="weight decay, eq. (5.17), with λ below: retrains"),
    Spec("lam", "float", 0.99, lo=0.9, hi=0.9999, step=0.0001, label="λ",
         readout_format=".4f",
         doc="λ of (5.17), the weight of the error against the weights' size (disabled "
             "while regularization is off).",
         tooltip="λ of (5.17): smaller shrinks the weights more; retrains"),
    Spec("early_stopping", "bool", False, label="early stopping (patience 30)",
         extra={"indent": False},
         doc="Stop once the validation error has not improved for 30 epochs; keep the best "
             "weights.",
         tooltip="stop when the validation error stops falling, keep the best weights: "
                 "retrains"),
    Spec("seed", "int", 0, lo=0, hi=9, label="seed",
         doc="The data split (and noise) and the initial weights.",
         tooltip="the random data split, noise and initial weights: retrains"),
    Spec("epoch", "int", EPOCHS, lo=0, hi=EPOCHS, step=RECORD_EVERY, label="epoch",
         continuous=True, width="560px",
         doc=f"The epoch shown; snapshots are kept every {RECORD_EVERY} epochs, so it is "
             f"rounded down to a multiple of {RECORD_EVERY}.",
         tooltip="the epoch shown: replays the recorded run"),
)


@PLAYGROUND_CONTROLS.builder
def bp_playground(dataset: str, noise: float, layers: int, units: int, activation: str,
                  eta: float, mode: str, regularization: bool, lam: float,
                  early_stopping: bool, seed: int, epoch: int) -> Dashboard:
    """Train a BP network on a 2-D data set once, then replay it (Play, step, scrub).

    Every control but ``epoch`` retrains (300 epochs, a snapshot every 5). λ is disabled while
    regularization is off, and the noise while the data are watermelon 3.0α (which has none).

    Parameters
    ----------
    {controls}
    """
    epoch -= epoch % RECORD_EVERY
    controls = PLAYGROUND_CONTROLS.widgets(locals(), style=_STYLE, width="300px")
    play = widgets.Play(value=controls["epoch"].value, min=0, max=EPOCHS, step=RECORD_EVERY,
                        interval=PLAY_INTERVAL, description=tr("play"))
    widgets.jslink((play, "value"), (controls["epoch"], "value"))
    view = PlaygroundView()
    progress = widgets.HTML(layout=widgets.Layout(width="330px"))
    state: dict = {}

    def run_key(v):
        return (v["dataset"], v["noise"] if v["dataset"] != "watermelon" else None, v["layers"],
                v["units"], v["activation"], v["eta"], v["mode"],
                v["lam"] if v["regularization"] else None, v["early_stopping"], v["seed"])

    def train(v, callback=None):
        X_tr, y_tr, X_va, y_va, _ = playground_data(v["dataset"], v["noise"], v["seed"])
        net = BPNetwork(hidden=(v["units"],) * v["layers"], eta=v["eta"], mode=v["mode"],
                        activation=v["activation"], lam=v["lam"] if v["regularization"] else 1.0,
                        early_stopping=v["early_stopping"], patience=30, max_epochs=EPOCHS,
                        record_every=RECORD_EVERY, init="symmetric", random_state=v["seed"])
        # validation data go to fit only for early stopping (the curves below are computed
        # from the history), so plain runs keep the fast training loops
        return net.fit(X_tr, y_tr, *((X_va, y_va) if v["early_stopping"] else ()),
                       callback=callback)

    def store(v, net, seconds=None):
        X_tr, y_tr, X_va, y_va, extent = playground_data(v["dataset"], v["noise"], v["seed"])
        if seconds is None:
            seconds = time.perf_counter() - state.pop("live_started", time.perf_counter())
        state.update(key=run_key(v), net=net, curves=_curves(net, X_tr, y_tr, X_va, y_va),
                     data=(X_tr, y_tr, X_va, y_va), extent=extent, activation=v["activation"],
                     progress=tr("trained {n} epochs in {seconds:.2f} s; scrub or press "
                                 "play").format(n=net.n_epochs_, seconds=seconds))
        load()

    def load():
        """Put the stored run in the view (again after frames of a cancelled live training,
        when a change returns to the stored setting)."""
        view.set_run(*state["data"], state["extent"], state["curves"],
                     [W.shape for W in state["net"].weights_], state["activation"],
                     state["key"])
        progress.value = state["progress"]
        state["loaded"] = True

    def preview(v, snap):
        """A frame of a live training: the network so far, its curves growing."""
        key = run_key(v)
        state["loaded"] = False  # the view shows this training now, not the stored run
        X_tr, y_tr, X_va, y_va, extent = playground_data(v["dataset"], v["noise"], v["seed"])
        if snap is None:  # the start: the initial weights
            Ws, ts = BPNetwork(hidden=(v["units"],) * v["layers"], init="symmetric",
                               random_state=v["seed"]).initial_parameters(2)
            state["live"] = {"key": key, "epochs": [], "curves": []}
            state["live_started"] = time.perf_counter()
            epoch = 0
        else:
            Ws, ts = unflatten(snap.params, _shapes(v["layers"], v["units"]))
            epoch = snap.epoch
        probe = BPNetwork.from_parameters(Ws, ts, activation=v["activation"])
        live = state["live"]
        live["epochs"].append(epoch)
        live["curves"].append((probe.error(X_tr, y_tr), probe.error(X_va, y_va),
                               probe.score(X_tr, y_tr), probe.score(X_va, y_va)))
        c = np.array(live["curves"])
        curves = {"epochs": np.array(live["epochs"]), "train_loss": c[:, 0],
                  "val_loss": c[:, 1], "train_acc": c[:, 2], "val_acc": c[:, 3]}
        view.set_run(X_tr, y_tr, X_va, y_va, extent, curves, [W.shape for W in Ws],
                     v["activation"], key, planned=EPOCHS)
        status = tr("training: epoch {epoch} of {n}").format(epoch=epoch, n=EPOCHS)
        view.show(Ws, ts, epoch, status)
        progress.value = tr("⏳ <b>training</b>: epoch {epoch} of {n}").format(epoch=epoch,
                                                                               n=EPOCHS)
        dashboard.follow("epoch", epoch - epoch % RECORD_EVERY)  # the slider follows
        return {"epoch": epoch, "training": True}

    def render(dataset, noise, layers, units, activation, eta, mode, regularization, lam,
               early_stopping, seed, epoch):
        controls["lam"].disabled = not regularization  # shown, but visibly not in use
        controls["noise"].disabled = dataset == "watermelon"
        v = locals()
        if state.get("key") != run_key(v):
            # widget state goes to the browser at once, so the room sees that it is training
            progress.value = tr("⏳ <b>training</b> 300 epochs…")
            started = time.perf_counter()
            store(v, train(v), seconds=time.perf_counter() - started)
        elif not state["loaded"]:
            load()
        net, curves = state["net"], state["curves"]
        i, shown, status = frame(epoch)
        view.show(*net.history_.parameters(i), shown, status)
        X_tr, y_tr, _, _ = state["data"]
        return {"net": net, "epoch": shown, "train_accuracy": float(curves["train_acc"][i]),
                "val_accuracy": float(curves["val_acc"][i]),
                "predictions": labels_from_outputs(net.predict_proba(X_tr))}

    def frame(epoch):
        """(snapshot index, epoch shown, status line) of the stored run at ``epoch``."""
        net, curves = state["net"], state["curves"]
        i = net.history_.locate(epoch)  # the last snapshot at or before the epoch asked for
        shown = int(net.history_.epochs[i])
        status = tr("epoch {epoch}: training E {train_E:.3f}, accuracy {train_acc:.2f}; "
                    "validation E {val_E:.3f}, accuracy {val_acc:.2f}").format(
            epoch=shown, train_E=curves["train_loss"][i], train_acc=curves["train_acc"][i],
            val_E=curves["val_loss"][i], val_acc=curves["val_acc"][i])
        if net.diverged_:
            status += tr("  (diverged at epoch {epoch})").format(epoch=net.diverged_at_ + 1)
        if net.best_epoch_ is not None:
            status += tr("  (early stopping kept epoch {epoch})").format(epoch=net.best_epoch_)
        return i, shown, status

    def draw_ahead():
        """One picture of the replay not drawn yet, drawn now and kept (while idle), so that
        Play runs at its full rate from the first time; False when all are kept."""
        if not state.get("loaded"):
            return False  # frames of a live training are shown
        for epoch in range(0, EPOCHS + 1, RECORD_EVERY):
            i, shown, status = frame(epoch)
            if not view.has_frame(shown, status):
                view.show(*state["net"].history_.parameters(i), shown, status)
                view.encode()
                i, shown, status = frame(controls["epoch"].value)  # back to the epoch shown
                view.show(*state["net"].history_.parameters(i), shown, status)
                return True
        return False

    def show_epoch(epoch):
        """Show the stored run at ``epoch`` (lazily: drawn when encoded, if not kept)."""
        i, shown, status = frame(epoch)
        view.show(*state["net"].history_.parameters(i), shown, status)

    def reset(_b):
        controls["epoch"].value = 0

    def nudge(step):
        def click(_b):
            s = controls["epoch"]
            s.value = int(np.clip(s.value + step, 0, s.max))
        return click

    # pictures as Font Awesome icons: U+23EE (the old "⏮ reset") is in none of Debian's
    # default fonts, so Chromium drew a missing-glyph box
    buttons = {"reset": widgets.Button(description=tr("reset"), icon="fast-backward",
                                       tooltip=tr("back to epoch 0"),
                                       layout=widgets.Layout(width="90px")),
               "back": widgets.Button(description=tr("back"), icon="step-backward",
                                      tooltip=tr("{n} epochs back").format(n=RECORD_EVERY),
                                      layout=widgets.Layout(width="80px")),
               "forward": widgets.Button(description=tr("next"), icon="step-forward",
                                         tooltip=tr("{n} epochs on").format(n=RECORD_EVERY),
                                         layout=widgets.Layout(width="80px"))}
    buttons["reset"].on_click(reset)
    buttons["back"].on_click(nudge(-RECORD_EVERY))
    buttons["forward"].on_click(nudge(RECORD_EVERY))

    def layout(image):
        c = controls
        return [widgets.HBox([
                    widgets.VBox([c["dataset"], c["noise"], c["seed"], c["mode"]]),
                    widgets.VBox([c["layers"], c["units"], c["activation"], c["eta"]]),
                    widgets.VBox([c["regularization"], c["lam"], c["early_stopping"]])]),
                widgets.HBox([play, buttons["reset"], buttons["back"], buttons["forward"],
                              c["epoch"], progress]),
                image]

    extents: list = []  # of the data sets, found when first needed

    def warm():
        """While idle, one piece of what a change would otherwise draw: the live background
        of each data extent, the networks one step of a slider away, the replay's pictures."""
        if not extents:
            extents.extend({playground_data(name, 0.0, 0)[4] for name in PLAYGROUND_DATASETS})
        v, c = dashboard.values, controls
        near = [(v["layers"] + dl, v["units"] + du)
                for dl, du in ((1, 0), (-1, 0), (0, 1), (0, -1))]
        return view.prepare_live(EPOCHS, extents=sorted(extents), architectures=[
            _shapes(n, u) for n, u in near
            if c["layers"].min <= n <= c["layers"].max and c["units"].min <= u <= c["units"].max]
        ) or draw_ahead()

    live = Live(key=run_key, cached=lambda key: state.get("key") == key, train=train,
                store=store, preview=preview, warm=warm)
    dashboard = Dashboard("bp_playground", controls, view, render, layout_children=layout,
                          css_class="chapter5-playground",
                          companions={"epoch": [play, *buttons.values()]}, live=live)
    ReplayPictures(view, play, controls["epoch"], show_epoch,
                   lambda: state["key"] if state["loaded"] else None)
    dashboard.play = play
    dashboard.buttons = buttons
    dashboard.progress = progress
    return dashboard
