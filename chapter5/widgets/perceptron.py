"""Dashboards for notebook 5.2: the perceptron training replay and the XOR network explorer."""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from .._validation import check_option, check_scalar
from ..datasets import REPLAY_DATASETS, replay_data
from ..perceptron import Perceptron
from ..plots.perceptron import PerceptronReplayView, XorNetworkView
from ._base import Dashboard

__all__ = ["REPLAY_DATASETS", "perceptron_replay", "xor_network_explorer"]

REPLAY_MAX_EPOCHS = 50
INIT_RANGE = (-1.0, 1.0)


def describe_outcome(p: Perceptron) -> str:
    """One or two lines on how a training run ended (1-based epochs, as a class counts)."""
    if p.converged_:
        return (f"converged: epoch {p.n_epochs_} had no error\n"
                f"{p.n_updates_} updates in all")
    if p.cycle_ is not None:
        c = p.cycle_
        return (f"never converges: the weights at the start\nof epoch {c['repeat_epoch'] + 1} "
                f"repeat those of epoch {c['first_epoch'] + 1}")
    return f"no error-free epoch\nwithin {p.n_epochs_} epochs"


def perceptron_replay(dataset: str = "and", eta: float = 0.1, w1: float = 0.0, w2: float = 0.0,
                      theta: float = 0.0, step: int = 0) -> Dashboard:
    """Train a perceptron once, then replay it sample by sample.

    Changing the data set, η or the initial weights retrains (``continuous_update=False``);
    the step slider, the Play button and the step buttons only index the recorded history, so
    scrubbing answers at once. The picture shows the data, the region each side of the decision
    line predicts, the sample being presented and its update Δ(w, θ) = η(y − ŷ)(x, −1), and the
    errors per epoch.

    Parameters
    ----------
    dataset : str, default "and"
        A key of :data:`REPLAY_DATASETS`.
    eta : float, default 0.1
        Learning rate, 10**-3 to 10 on a log slider.
    w1, w2, theta : float, default 0
        Initial weights and threshold, in [-1, 1].
    step : int, default 0
        Presentations to replay (clamped to the run's length).

    Returns
    -------
    Dashboard
        ``.result`` holds the fitted ``model`` and the shown state ``info``; ``.view`` is a
        :class:`~chapter5.plots.perceptron.PerceptronReplayView`.
    """
    dataset = check_option(dataset, "dataset", REPLAY_DATASETS)
    eta = check_scalar(eta, "eta", min_value=1e-3, max_value=10.0)
    lo, hi = INIT_RANGE
    init = {k: check_scalar(v, k, min_value=lo, max_value=hi)
            for k, v in (("w1", w1), ("w2", w2), ("theta", theta))}
    step = check_scalar(step, "step", integer=True, min_value=0)
    style = {"description_width": "5em"}
    wide = widgets.Layout(width="330px")
    controls = {
        "dataset": widgets.Dropdown(options=[(label, key) for key, label in
                                             REPLAY_DATASETS.items()],
                                    value=dataset, description="data", style=style,
                                    layout=wide),
        "eta": widgets.FloatLogSlider(value=eta, base=10, min=-3, max=1, step=0.25,
                                      description="η", readout_format=".3g", style=style,
                                      continuous_update=False, layout=wide),
        **{k: widgets.FloatSlider(value=v, min=lo, max=hi, step=0.1, description=label,
                                  readout_format=".1f", style=style, continuous_update=False,
                                  layout=wide)
           for (k, v), label in zip(init.items(), ("initial w₁", "initial w₂", "initial θ"),
                                    strict=True)},
        "step": widgets.IntSlider(value=0, min=0, max=1, description="step", style=style,
                                  layout=widgets.Layout(width="520px")),
    }
    play = widgets.Play(value=0, min=0, max=1, interval=350, description="play")
    widgets.jslink((play, "value"), (controls["step"], "value"))
    view = PerceptronReplayView()
    state: dict = {}

    def render(dataset, eta, w1, w2, theta, step):
        key = (dataset, eta, w1, w2, theta)
        if state.get("key") != key:  # a structural change: train once, replay many times
            X, y = replay_data(dataset)
            model = Perceptron(eta=eta, max_epochs=REPLAY_MAX_EPOCHS,
                               w_init=(w1, w2, theta)).fit(X, y)
            view.set_run(X, y, model.history_, model.errors_, describe_outcome(model), dataset)
            state.update(key=key, model=model)
            n = len(model.history_)
            controls["step"].max = n  # may clamp the step: Dashboard renders again then
            play.max = n
        model = state["model"]
        info = view.show(min(step, len(model.history_)), eta)
        return {"model": model, "info": info}

    def nudge(delta=None, to_epoch_end=False):
        def click(_button):
            s = controls["step"]
            model = state["model"]
            if to_epoch_end:  # jump to the end of the current epoch (or the next one)
                m = int(np.max(model.history_.index)) + 1
                s.value = min(s.max, (s.value // m + 1) * m)
            else:
                s.value = int(np.clip(s.value + delta, 0, s.max))
        return click

    buttons = []
    # pictures as Font Awesome icons, not as characters a font may lack (U+25B6 ...)
    for label, icon, tip, handler in (
            ("back", "step-backward", "one step back", nudge(-1)),
            ("next", "step-forward", "one step forward", nudge(+1)),
            ("epoch", "fast-forward", "to the end of the epoch", nudge(to_epoch_end=True))):
        b = widgets.Button(description=label, icon=icon, tooltip=tip,
                           layout=widgets.Layout(width="90px"))
        b.on_click(handler)
        buttons.append(b)

    def layout(image):
        c = controls
        return [widgets.HBox([widgets.VBox([c["dataset"], c["eta"]]),
                              widgets.VBox([c["w1"], c["w2"], c["theta"]])]),
                widgets.HBox([play, c["step"], *buttons]),
                image]

    dashboard = Dashboard("perceptron_replay", controls, view, render, layout_children=layout,
                          css_class="chapter5-perceptron-replay",
                          companions={"step": [play, *buttons]})
    if step:
        controls["step"].value = min(step, controls["step"].max)
    dashboard.play = play
    dashboard.buttons = {"back": buttons[0], "forward": buttons[1], "epoch": buttons[2]}
    return dashboard


def _hidden_table_html(result) -> str:
    rows = "".join(
        f"<tr><td>({x[0]:g}, {x[1]:g})</td><td>{h[0]:g}</td><td>{h[1]:g}</td>"
        f"<td><b>{y}</b></td><td>{t}</td></tr>"
        for x, h, y, t in zip(result["X"], result["hidden"], result["y"], (0, 1, 1, 0),
                              strict=True))
    verdict = ("computes <b>XOR</b>" if result["is_xor"] else
               "<span style='color:#D55E00'>does <b>not</b> compute XOR</span>")
    return ("<style>.chapter5-truth td, .chapter5-truth th {padding: 2px 10px;}</style>"
            "<table class='chapter5-truth' style='text-align:center;font-size:15px'>"
            "<tr><th>x</th><th>h₁</th><th>h₂</th><th>y</th><th>XOR</th></tr>"
            f"{rows}</table><p style='font-size:15px'>The network {verdict}.</p>")


def xor_network_explorer(gamma1: float = 0.5, gamma2: float = 0.5,
                         theta: float = 0.5) -> Dashboard:
    """The book's two-layer XOR network (Fig. 5.5) with sliders on its thresholds.

    h1 = ε(x1 − x2 − γ1), h2 = ε(x2 − x1 − γ2), y = ε(h1 + h2 − θ). The picture shows the two
    hidden lines and the output over the input plane, and where the four inputs land in the
    hidden space (h1, h2), where one line separates them; the table checks the truth table.

    Parameters
    ----------
    gamma1, gamma2, theta : float, default 0.5
        Thresholds, in [-1, 2] (step 0.1); the book's values are 0.5.
    """
    vals = {k: check_scalar(v, k, min_value=-1.0, max_value=2.0)
            for k, v in (("gamma1", gamma1), ("gamma2", gamma2), ("theta", theta))}
    style = {"description_width": "2.5em"}
    controls = {k: widgets.FloatSlider(value=v, min=-1.0, max=2.0, step=0.1, description=lab,
                                       readout_format=".1f", style=style,
                                       layout=widgets.Layout(width="300px"))
                for (k, v), lab in zip(vals.items(), ("γ₁", "γ₂", "θ"), strict=True)}
    view = XorNetworkView()
    table = widgets.HTML()

    def render(gamma1, gamma2, theta):
        result = view.update(gamma1, gamma2, theta)
        table.value = _hidden_table_html(result)
        return result

    def layout(image):
        return [widgets.HBox([*controls.values()]), image, table]  # the figure is wide

    return Dashboard("xor_network_explorer", controls, view, render, layout_children=layout,
                     css_class="chapter5-xor-network")
