"""Dashboards for notebook 5.1: the activation gallery and the neuron explorer."""

from __future__ import annotations

import html

import ipywidgets as widgets

from .._validation import check_scalar
from ..activations import ACTIVATIONS, get_activation
from ..neuron import PRESETS
from ..plots.neuron import ActivationView, NeuronPlaneView
from ._base import Dashboard

__all__ = ["activation_explorer", "neuron_explorer"]

SLIDER_RANGE = (-3.0, 3.0)
SLIDER_STEP = 0.1


def activation_explorer(activation: str = "sigmoid") -> Dashboard:
    """Pick an activation from a dropdown; see f(x) and f'(x) side by side.

    Parameters
    ----------
    activation : str, default "sigmoid"
        Initial choice, a name from :data:`chapter5.activations.ACTIVATIONS`.

    Returns
    -------
    Dashboard
        ``.view`` is the :class:`~chapter5.plots.ActivationView`, ``.image.value`` the picture.
    """
    name = get_activation(activation).name
    dropdown = widgets.Dropdown(options=list(ACTIVATIONS), value=name, description="f")
    view = ActivationView(name)
    note = widgets.HTML()

    def render(activation):
        view.update(activation)
        act = get_activation(activation)
        kind = "two values only (hard limit)" if act.binary else "a continuous range"
        note.value = (f"<b>{act.name}</b> ({html.escape(act.korean)}): outputs {kind}; "
                      f"f(0) = {float(act.f(0.0)):g}, f'(0) = {float(act.df(0.0)):g}.")
        return {"activation": act.name}

    return Dashboard("activation_explorer", {"activation": dropdown}, view, render,
                     layout_children=lambda image: [dropdown, note, image],
                     css_class="chapter5-activation-explorer")


def _truth_table_html(result) -> str:
    neuron = result["neuron"]
    nets = neuron.net(result["X"])
    rows = "".join(
        f"<tr><td>{x[0]:g}</td><td>{x[1]:g}</td><td>{n:+.2f}</td><td><b>{y:.3g}</b></td></tr>"
        for x, n, y in zip(result["X"], nets, result["y"], strict=True))
    gate = result["gate"]
    verdict = (f"This neuron computes <b>{gate}</b>." if gate else
               "Graded outputs: threshold them at the middle of the range to read a gate.")
    return ("<style>.chapter5-truth td, .chapter5-truth th {padding: 2px 10px;}</style>"
            "<table class='chapter5-truth' style='border-collapse:collapse;text-align:center;"
            "font-size:15px'><tr><th>x₁</th><th>x₂</th><th>net = w·x − θ</th><th>y</th></tr>"
            f"{rows}</table><p style='font-size:15px'>{verdict}</p>")


def neuron_explorer(w1: float = 1.0, w2: float = 1.0, theta: float = 2.0,
                    activation: str = "step") -> Dashboard:
    """Sliders for w1, w2 and θ and an activation dropdown drive a two-input M-P neuron.

    The picture shows y = f(w1 x1 + w2 x2 - θ) over the input plane as a heatmap, the decision
    line w1 x1 + w2 x2 = θ with its normal vector w, and the four binary inputs with their
    outputs; beside it, the truth table and the name of the gate computed. Buttons load the
    book's AND, OR and NOT presets (one redraw each).

    Parameters
    ----------
    w1, w2, theta : float
        Initial values, in [-3, 3] (the sliders' range, step 0.1).
    activation : str, default "step"

    Returns
    -------
    Dashboard
        ``.result`` holds ``X``, ``y``, ``gate`` and the ``neuron``; ``.image.value`` the picture.
    """
    lo, hi = SLIDER_RANGE
    values = {k: check_scalar(v, k, min_value=lo, max_value=hi)
              for k, v in (("w1", w1), ("w2", w2), ("theta", theta))}
    activation = get_activation(activation).name
    style = {"description_width": "2.2em"}
    sliders = {
        k: widgets.FloatSlider(value=v, min=lo, max=hi, step=SLIDER_STEP, description=label,
                               readout_format=".1f", style=style,
                               layout=widgets.Layout(width="300px"))
        for (k, v), label in zip(values.items(), ("w₁", "w₂", "θ"), strict=True)
    }
    dropdown = widgets.Dropdown(options=list(ACTIVATIONS), value=activation, description="f",
                                style=style, layout=widgets.Layout(width="300px"))
    controls = {**sliders, "activation": dropdown}
    view = NeuronPlaneView(values["w1"], values["w2"], values["theta"], activation)
    table = widgets.HTML()

    def render(w1, w2, theta, activation):
        result = view.update(w1, w2, theta, activation)
        table.value = _truth_table_html(result)
        return result

    buttons = []
    for key, label in (("and", "AND"), ("or", "OR"), ("not", "NOT x₁")):
        button = widgets.Button(description=label, tooltip=f"the book's {label} neuron",
                                layout=widgets.Layout(width="92px"))
        buttons.append((key, button))

    def layout(image):
        side = widgets.VBox([*controls.values(),
                             widgets.HBox([b for _, b in buttons]), table],
                            layout=widgets.Layout(width="320px"))
        return [widgets.HBox([side, image])]

    dashboard = Dashboard("neuron_explorer", controls, view, render, layout_children=layout,
                          css_class="chapter5-neuron-explorer")
    for key, button in buttons:
        preset = PRESETS[key]

        def load(_button, preset=preset):
            dashboard.set(w1=preset["w"][0], w2=preset["w"][1], theta=preset["theta"],
                          activation="step")

        button.on_click(load)
    dashboard.buttons = dict(buttons)
    return dashboard
