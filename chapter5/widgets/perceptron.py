"""Dashboards for notebook 5.2: the perceptron training replay and the XOR network explorer."""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from ..datasets import REPLAY_DATASETS, replay_data
from ..i18n import tr
from ..perceptron import Perceptron
from ..plots.perceptron import PerceptronReplayView, XorNetworkView
from ._base import Dashboard
from ._controls import Controls, Spec
from ._live import PLAY_INTERVAL, ReplayPictures, prepare_when_idle

__all__ = ["REPLAY_DATASETS", "perceptron_replay", "xor_network_explorer"]

REPLAY_MAX_EPOCHS = 50
INIT_RANGE = (-1.0, 1.0)


def describe_outcome(p: Perceptron) -> str:
    """One or two lines on how a training run ended (1-based epochs, as a class counts)."""
    if p.converged_:
        return tr("converged: epoch {epoch} had no error\n{updates} updates in all").format(
            epoch=p.n_epochs_, updates=p.n_updates_)
    if p.cycle_ is not None:
        c = p.cycle_
        return tr("never converges: the weights at the start\nof epoch {repeat} repeat those "
                  "of epoch {first}").format(repeat=c["repeat_epoch"] + 1,
                                             first=c["first_epoch"] + 1)
    return tr("no error-free epoch\nwithin {n} epochs").format(n=p.n_epochs_)


_REPLAY_STYLE = {"description_width": "5em"}
_INIT_LO, _INIT_HI = INIT_RANGE
REPLAY_CONTROLS = Controls(
    Spec("dataset", "choice", "and",
         options=tuple((label, key) for key, label in REPLAY_DATASETS.items()), label="data",
         doc="A key of :data:`REPLAY_DATASETS`: a logic gate, or 30 points with a wide or a "
             "narrow margin.",
         tooltip="the training data: retrains"),
    Spec("eta", "log", 0.1, lo=-3, hi=1.0, step=0.25, label="η", readout_format=".3g",
         doc="The learning rate η of the update Δ(w, θ) = η(y − ŷ)(x, −1).",
         tooltip="learning rate η: retrains"),
    Spec("w1", "float", 0.0, lo=_INIT_LO, hi=_INIT_HI, step=0.1, label="initial w₁",
         readout_format=".1f", doc="The weight w₁ before training.",
         tooltip="the weight w₁ before training: retrains"),
    Spec("w2", "float", 0.0, lo=_INIT_LO, hi=_INIT_HI, step=0.1, label="initial w₂",
         readout_format=".1f", doc="The weight w₂ before training.",
         tooltip="the weight w₂ before training: retrains"),
    Spec("theta", "float", 0.0, lo=_INIT_LO, hi=_INIT_HI, step=0.1, label="initial θ",
         readout_format=".1f", doc="The threshold θ before training.",
         tooltip="the threshold θ before training: retrains"),
    Spec("step", "int", 0, lo=0, hi=None, label="step", continuous=True, width="520px",
         doc="Presentations to replay; the slider's maximum is the run's length, a larger "
             "value is clamped to it.",
         tooltip="samples presented so far: replays the recorded run"),
)


@REPLAY_CONTROLS.builder
def perceptron_replay(dataset: str, eta: float, w1: float, w2: float, theta: float,
                      step: int) -> Dashboard:
    """Train a perceptron once, then replay it sample by sample.

    Changing the data set, η or the initial weights retrains (``continuous_update=False``,
    ~1 ms); the step slider, the Play button (15 steps a second) and the step buttons only
    index the recorded history, so scrubbing answers at once. The picture shows the data, the
    region each side of the decision line predicts, the sample being presented and its update
    Δ(w, θ) = η(y − ŷ)(x, −1), and the errors per epoch. In a live kernel the error panel's
    frames for every run length are drawn in advance while the kernel is idle.

    Parameters
    ----------
    {controls}

    Returns
    -------
    Dashboard
        ``.result`` holds the fitted ``model`` and the shown state ``info``; ``.view`` is a
        :class:`~chapter5.plots.perceptron.PerceptronReplayView`.
    """
    # the step slider starts at 0 (its maximum, the run's length, is set by the first
    # render); the requested step is set after that render, clamped to the run
    values = {**locals(), "step": 0}
    controls = REPLAY_CONTROLS.widgets(values, style=_REPLAY_STYLE, width="330px")
    controls["step"].description = tr("step", context="slider")  # "step" alone: the function
    play = widgets.Play(value=0, min=0, max=1, interval=PLAY_INTERVAL, description=tr("play"))
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
            if "warm_up" in state:  # Play's pictures of the new run, drawn while idle
                state["warm_up"].extend(pictures.jobs())
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
            (tr("back"), "step-backward", tr("one step back"), nudge(-1)),
            (tr("next"), "step-forward", tr("one step forward"), nudge(+1)),
            (tr("epoch"), "fast-forward", tr("to the end of the epoch"),
             nudge(to_epoch_end=True))):
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
    # every frame a run can need (its length and the number of samples set the error
    # panel's ranges; ~50-130 ms of full drawing each) in idle time
    sizes = sorted({len(replay_data(name)[0]) for name in REPLAY_DATASETS})
    lengths = sorted({view.epochs_shown(n) for n in range(1, REPLAY_MAX_EPOCHS + 1)})
    pictures = ReplayPictures(view, play, controls["step"],
                              lambda t: view.show(t, state["key"][1]), lambda: state["key"])
    dashboard.warm_up = state["warm_up"] = prepare_when_idle(dashboard, [
        *pictures.jobs(),
        *((lambda n=n, m=m: view.prepare_frame(n, m)) for m in sizes for n in lengths)])
    dashboard.play = play
    dashboard.buttons = {"back": buttons[0], "forward": buttons[1], "epoch": buttons[2]}
    return dashboard


def _hidden_table_html(result) -> str:
    pad = " style='padding:2px 10px'"  # inline: a <style> element's CSS would be text
    rows = "".join(
        f"<tr><td{pad}>({x[0]:g}, {x[1]:g})</td><td{pad}>{h[0]:g}</td><td{pad}>{h[1]:g}</td>"
        f"<td{pad}><b>{y}</b></td><td{pad}>{t}</td></tr>"
        for x, h, y, t in zip(result["X"], result["hidden"], result["y"], (0, 1, 1, 0),
                              strict=True))
    verdict = (tr("computes <b>XOR</b>") if result["is_xor"] else
               "<span style='color:#D55E00'>" + tr("does <b>not</b> compute XOR") + "</span>")
    sentence = tr("The network {verdict}.").format(verdict=verdict)
    return ("<table class='chapter5-truth' style='text-align:center;font-size:15px'>"
            f"<tr><th{pad}>x</th><th{pad}>h₁</th><th{pad}>h₂</th><th{pad}>y</th>"
            f"<th{pad}>XOR</th></tr>"
            f"{rows}</table><p style='font-size:15px'>{sentence}</p>")


_XOR_STYLE = {"description_width": "2.5em"}
XOR_NETWORK_CONTROLS = Controls(
    Spec("gamma1", "float", 0.5, lo=-1.0, hi=2.0, step=0.1, label="γ₁", readout_format=".1f",
         continuous=True, doc="The threshold of hidden unit h₁ = ε(x₁ − x₂ − γ₁); the book's "
                              "value is 0.5.",
         tooltip="threshold γ₁ of hidden unit h₁ = ε(x₁ − x₂ − γ₁)"),
    Spec("gamma2", "float", 0.5, lo=-1.0, hi=2.0, step=0.1, label="γ₂", readout_format=".1f",
         continuous=True, doc="The threshold of hidden unit h₂ = ε(x₂ − x₁ − γ₂); the book's "
                              "value is 0.5.",
         tooltip="threshold γ₂ of hidden unit h₂ = ε(x₂ − x₁ − γ₂)"),
    Spec("theta", "float", 0.5, lo=-1.0, hi=2.0, step=0.1, label="θ", readout_format=".1f",
         continuous=True, doc="The threshold of the output unit y = ε(h₁ + h₂ − θ); the "
                              "book's value is 0.5.",
         tooltip="threshold θ of the output unit y = ε(h₁ + h₂ − θ)"),
)


@XOR_NETWORK_CONTROLS.builder
def xor_network_explorer(gamma1: float, gamma2: float, theta: float) -> Dashboard:
    """The book's two-layer XOR network (Fig. 5.5) with sliders on its thresholds.

    h1 = ε(x1 − x2 − γ1), h2 = ε(x2 − x1 − γ2), y = ε(h1 + h2 − θ). The picture shows the two
    hidden lines and the output over the input plane, and where the four inputs land in the
    hidden space (h1, h2), where one line separates them; the table checks the truth table.

    Parameters
    ----------
    {controls}
    """
    controls = XOR_NETWORK_CONTROLS.widgets(locals(), style=_XOR_STYLE, width="300px")
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
