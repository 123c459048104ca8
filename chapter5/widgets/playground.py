"""A TensorFlow-Playground-style dashboard for BP, built from the package."""

from __future__ import annotations

import time

import ipywidgets as widgets
import numpy as np

from .._validation import check_option, check_scalar
from ..backprop import BPNetwork
from ..datasets import PLAYGROUND_DATASETS, playground_data
from ..metrics import labels_from_outputs
from ..plots.playground import PlaygroundView
from ._base import Dashboard

__all__ = ["PLAYGROUND_DATASETS", "bp_playground", "playground_data"]

EPOCHS = 300
RECORD_EVERY = 5


def _curves(net, X_tr, y_tr, X_va, y_va):
    tr = net.evaluate_history(X_tr, y_tr)
    va = net.evaluate_history(X_va, y_va)
    return {"epochs": tr["epochs"], "train_loss": tr["loss"], "val_loss": va["loss"],
            "train_acc": tr["accuracy"], "val_acc": va["accuracy"]}


def bp_playground(dataset: str = "circles", noise: float = 0.1, layers: int = 1,
                  units: int = 4, activation: str = "tanh", eta: float = 0.3,
                  mode: str = "standard", regularization: bool = False, lam: float = 0.99,
                  early_stopping: bool = False, seed: int = 0, epoch: int = EPOCHS
                  ) -> Dashboard:
    """Train a BP network on a 2-D data set once, then replay it (Play, step, scrub).

    Every control but ``epoch`` retrains (300 epochs, a snapshot every 5). λ is disabled while
    regularization is off, and the noise while the data are watermelon 3.0α (which has none).

    Parameters
    ----------
    dataset : {"xor", "circles", "moons", "spiral", "watermelon"}
    noise : float in [0, 0.5]
    layers : int, 1 to 3
        Hidden layers, each with ``units`` units (1 to 8).
    activation : {"sigmoid", "tanh", "relu"}
        Hidden units; the output unit is a sigmoid.
    eta : float
        10**-2 to 10**1.5, log slider.
    mode : {"standard", "accumulated"}
    regularization : bool, lam : float in [0.9, 0.9999]
        Eq. (5.17) when on.
    early_stopping : bool
        Stop once the validation error has not improved for 30 epochs; keep the best weights.
    seed : int, 0 to 9
        Data split (and noise) and initial weights.
    epoch : int
        The epoch shown (multiple of 5).
    """
    dataset = check_option(dataset, "dataset", PLAYGROUND_DATASETS)
    noise = check_scalar(noise, "noise", min_value=0.0, max_value=0.5)
    layers = check_scalar(layers, "layers", integer=True, min_value=1, max_value=3)
    units = check_scalar(units, "units", integer=True, min_value=1, max_value=8)
    activation = check_option(activation, "activation", ("sigmoid", "tanh", "relu"))
    eta = check_scalar(eta, "eta", min_value=10 ** -2, max_value=10 ** 1.5)
    mode = check_option(mode, "mode", ("standard", "accumulated"))
    lam = check_scalar(lam, "lam", min_value=0.9, max_value=0.9999)
    seed = check_scalar(seed, "seed", integer=True, min_value=0, max_value=9)
    epoch = check_scalar(epoch, "epoch", integer=True, min_value=0, max_value=EPOCHS)
    for name, flag in (("regularization", regularization), ("early_stopping", early_stopping)):
        if not isinstance(flag, bool):
            raise TypeError(f"{name} must be True or False; got {flag!r}")
    st = {"description_width": "6.5em"}
    lay = widgets.Layout(width="300px")
    controls = {
        "dataset": widgets.Dropdown(options=list(PLAYGROUND_DATASETS), value=dataset,
                                    description="data", style=st, layout=lay),
        "noise": widgets.FloatSlider(value=noise, min=0.0, max=0.5, step=0.05,
                                     description="noise", continuous_update=False, style=st,
                                     layout=lay),
        "layers": widgets.IntSlider(value=layers, min=1, max=3, description="hidden layers",
                                    continuous_update=False, style=st, layout=lay),
        "units": widgets.IntSlider(value=units, min=1, max=8, description="units / layer",
                                   continuous_update=False, style=st, layout=lay),
        "activation": widgets.Dropdown(options=["sigmoid", "tanh", "relu"], value=activation,
                                       description="hidden f", style=st, layout=lay),
        "eta": widgets.FloatLogSlider(value=eta, base=10, min=-2, max=1.5, step=0.125,
                                      description="η", readout_format=".3g",
                                      continuous_update=False, style=st, layout=lay),
        "mode": widgets.Dropdown(options=["standard", "accumulated"], value=mode,
                                 description="BP", style=st, layout=lay),
        "regularization": widgets.Checkbox(value=regularization,
                                           description="regularization (5.17)", indent=False,
                                           layout=lay),
        "lam": widgets.FloatSlider(value=lam, min=0.9, max=0.9999, step=0.0001,
                                   readout_format=".4f", description="λ",
                                   continuous_update=False, style=st, layout=lay),
        "early_stopping": widgets.Checkbox(value=early_stopping, indent=False,
                                           description="early stopping (patience 30)",
                                           layout=lay),
        "seed": widgets.IntSlider(value=seed, min=0, max=9, description="seed",
                                  continuous_update=False, style=st, layout=lay),
        "epoch": widgets.IntSlider(value=epoch - epoch % RECORD_EVERY, min=0, max=EPOCHS,
                                   step=RECORD_EVERY, description="epoch", style=st,
                                   layout=widgets.Layout(width="560px")),
    }
    play = widgets.Play(value=controls["epoch"].value, min=0, max=EPOCHS, step=RECORD_EVERY,
                        interval=150, description="play")
    widgets.jslink((play, "value"), (controls["epoch"], "value"))
    view = PlaygroundView()
    progress = widgets.HTML(layout=widgets.Layout(width="330px"))
    state: dict = {}

    def render(dataset, noise, layers, units, activation, eta, mode, regularization, lam,
               early_stopping, seed, epoch):
        controls["lam"].disabled = not regularization  # shown, but visibly not in use
        controls["noise"].disabled = dataset == "watermelon"
        key = (dataset, noise if dataset != "watermelon" else None, layers, units, activation,
               eta, mode, lam if regularization else None, early_stopping, seed)
        if state.get("key") != key:
            # widget state goes to the browser at once, so the room sees that it is training
            progress.value = "⏳ <b>training</b> 300 epochs…"
            started = time.perf_counter()
            X_tr, y_tr, X_va, y_va, extent = playground_data(dataset, noise, seed)
            net = BPNetwork(hidden=(units,) * layers, eta=eta, mode=mode,
                            activation=activation, lam=lam if regularization else 1.0,
                            early_stopping=early_stopping, patience=30, max_epochs=EPOCHS,
                            record_every=RECORD_EVERY, init="symmetric", random_state=seed)
            # validation data go to fit only for early stopping (the curves below are
            # computed from the history), so plain runs keep the fast training loops
            net.fit(X_tr, y_tr, *((X_va, y_va) if early_stopping else ()))
            curves = _curves(net, X_tr, y_tr, X_va, y_va)
            shapes = [W.shape for W in net.weights_]
            view.set_run(X_tr, y_tr, X_va, y_va, extent, curves, shapes, activation, key)
            state.update(key=key, net=net, curves=curves, data=(X_tr, y_tr, X_va, y_va))
            progress.value = (f"trained {net.n_epochs_} epochs in "
                              f"{time.perf_counter() - started:.2f} s; scrub or press play")
        net, curves = state["net"], state["curves"]
        h = net.history_
        i = int(np.searchsorted(h.epochs, min(epoch, h.epochs[-1]), side="right") - 1)
        Ws, ts = h.parameters(i)
        shown = int(h.epochs[i])
        status = (f"epoch {shown}: training E {curves['train_loss'][i]:.3f}, accuracy "
                  f"{curves['train_acc'][i]:.2f}; validation E {curves['val_loss'][i]:.3f}, "
                  f"accuracy {curves['val_acc'][i]:.2f}")
        if net.diverged_:
            status += f"  (diverged at epoch {net.diverged_at_ + 1})"
        if net.best_epoch_ is not None:
            status += f"  (early stopping kept epoch {net.best_epoch_})"
        view.show(Ws, ts, shown, status)
        X_tr, y_tr, _, _ = state["data"]
        return {"net": net, "epoch": shown, "train_accuracy": float(curves["train_acc"][i]),
                "val_accuracy": float(curves["val_acc"][i]),
                "predictions": labels_from_outputs(net.predict_proba(X_tr))}

    def reset(_b):
        controls["epoch"].value = 0

    def nudge(step):
        def click(_b):
            s = controls["epoch"]
            s.value = int(np.clip(s.value + step, 0, s.max))
        return click

    # pictures as Font Awesome icons: U+23EE (the old "⏮ reset") is in none of Debian's
    # default fonts, so Chromium drew a missing-glyph box
    buttons = {"reset": widgets.Button(description="reset", icon="fast-backward",
                                       tooltip="back to epoch 0",
                                       layout=widgets.Layout(width="90px")),
               "back": widgets.Button(description="back", icon="step-backward",
                                      tooltip=f"{RECORD_EVERY} epochs back",
                                      layout=widgets.Layout(width="80px")),
               "forward": widgets.Button(description="next", icon="step-forward",
                                         tooltip=f"{RECORD_EVERY} epochs on",
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

    dashboard = Dashboard("bp_playground", controls, view, render, layout_children=layout,
                          css_class="chapter5-playground",
                          companions={"epoch": [play, *buttons.values()]})
    dashboard.play = play
    dashboard.buttons = buttons
    dashboard.progress = progress
    return dashboard
