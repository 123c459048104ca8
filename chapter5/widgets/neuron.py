"""Dashboards for notebook 5.1: the activation gallery and the neuron explorer."""

from __future__ import annotations

import html

import ipywidgets as widgets

from ..activations import ACTIVATIONS, Activation, get_activation
from ..i18n import tr
from ..neuron import PRESETS
from ..plots.neuron import ActivationView, NeuronPlaneView
from ._base import Dashboard
from ._controls import Controls, Spec

__all__ = ["activation_explorer", "neuron_explorer"]

SLIDER_RANGE = (-3.0, 3.0)
SLIDER_STEP = 0.1


def _activation_name(value):
    """An :class:`Activation` is taken by its name, as
    :func:`~chapter5.activations.get_activation` does."""
    return value.name if isinstance(value, Activation) else value


ACTIVATION_CONTROLS = Controls(
    Spec("activation", "choice", "sigmoid", options=tuple(ACTIVATIONS), label="f",
         coerce=_activation_name,
                    doc="The activation shown, a name from "
                        ":data:`chapter5.activations.ACTIVATIONS`.",
                    tooltip="the activation function f: its graph and its derivative"),
)


@ACTIVATION_CONTROLS.builder
def activation_explorer(activation: str) -> Dashboard:
    """Pick an activation from a dropdown; see f(x) and f'(x) side by side.

    Parameters
    ----------
    {controls}

    Returns
    -------
    Dashboard
        ``.view`` is the :class:`~chapter5.plots.ActivationView`, ``.image.value`` the picture.
    """
    controls = ACTIVATION_CONTROLS.widgets(locals())
    view = ActivationView(activation)
    note = widgets.HTML()

    def render(activation):
        view.update(activation)
        act = get_activation(activation)
        kind = tr("two values only (hard limit)") if act.binary else tr("a continuous range")
        # the Korean term only in the Korean edition (English mode shows no Hangul)
        note.value = tr("<b>{name}</b>: outputs {kind}; f(0) = {f0:g}, "
                        "f'(0) = {df0:g}.").format(
            name=act.name, korean=html.escape(act.korean), kind=kind, f0=float(act.f(0.0)),
            df0=float(act.df(0.0)))
        return {"activation": act.name}

    return Dashboard("activation_explorer", controls, view, render,
                     layout_children=lambda image: [controls["activation"], note, image],
                     css_class="chapter5-activation-explorer")


# cell padding inline, not in a <style> element: its CSS would be text beside the table
_PAD = " style='padding:2px 10px'"


def _truth_table_html(result) -> str:
    neuron = result["neuron"]
    nets = neuron.net(result["X"])
    rows = "".join(
        f"<tr><td{_PAD}>{x[0]:g}</td><td{_PAD}>{x[1]:g}</td><td{_PAD}>{n:+.2f}</td>"
        f"<td{_PAD}><b>{y:.3g}</b></td></tr>"
        for x, n, y in zip(result["X"], nets, result["y"], strict=True))
    gate = result["gate"]
    verdict = (tr("This neuron computes <b>{gate}</b>.").format(gate=tr(gate)) if gate else
               tr("Graded outputs: threshold them at the middle of the range to read a gate."))
    return ("<table class='chapter5-truth' style='border-collapse:collapse;text-align:center;"
            f"font-size:15px'><tr><th{_PAD}>x₁</th><th{_PAD}>x₂</th>"
            f"<th{_PAD}>{tr('net = w·x − θ')}</th><th{_PAD}>y</th></tr>"
            f"{rows}</table><p style='font-size:15px'>{verdict}</p>")


_NEURON_STYLE = {"description_width": "2.2em"}
_LO, _HI = SLIDER_RANGE
NEURON_CONTROLS = Controls(
    Spec("w1", "float", 1.0, lo=_LO, hi=_HI, step=SLIDER_STEP, label="w₁",
         readout_format=".1f", continuous=True, doc="The weight of input x₁.",
         tooltip="the weight w₁ of input x₁"),
    Spec("w2", "float", 1.0, lo=_LO, hi=_HI, step=SLIDER_STEP, label="w₂",
         readout_format=".1f", continuous=True, doc="The weight of input x₂.",
         tooltip="the weight w₂ of input x₂"),
    Spec("theta", "float", 2.0, lo=_LO, hi=_HI, step=SLIDER_STEP, label="θ",
         readout_format=".1f", continuous=True,
         doc="The threshold: the neuron computes y = f(w₁x₁ + w₂x₂ − θ).",
         tooltip="the threshold θ, subtracted from w·x"),
    Spec("activation", "choice", "step", options=tuple(ACTIVATIONS), label="f",
         coerce=_activation_name,
                    doc="The activation f, a name from "
                        ":data:`chapter5.activations.ACTIVATIONS`; the step (ε) of the "
                        "M-P neuron gives binary outputs, the others graded ones.",
                    tooltip="the activation f applied to net = w·x − θ"),
)


@NEURON_CONTROLS.builder
def neuron_explorer(w1: float, w2: float, theta: float, activation: str) -> Dashboard:
    """Sliders for w1, w2 and θ and an activation dropdown drive a two-input M-P neuron.

    The picture shows y = f(w1 x1 + w2 x2 - θ) over the input plane as a heatmap, the decision
    line w1 x1 + w2 x2 = θ with its normal vector w, and the four binary inputs with their
    outputs; beside it, the truth table and the name of the gate computed. Buttons load the
    book's AND, OR and NOT presets (one redraw each).

    Parameters
    ----------
    {controls}

    Returns
    -------
    Dashboard
        ``.result`` holds ``X``, ``y``, ``gate`` and the ``neuron``; ``.image.value`` the picture.
    """
    controls = NEURON_CONTROLS.widgets(locals(), style=_NEURON_STYLE, width="300px")
    view = NeuronPlaneView(w1, w2, theta, activation)
    table = widgets.HTML()

    def render(w1, w2, theta, activation):
        result = view.update(w1, w2, theta, activation)
        table.value = _truth_table_html(result)
        return result

    buttons = []
    for key, label in (("and", "AND"), ("or", "OR"), ("not", "NOT x₁")):
        button = widgets.Button(description=label,
                                tooltip=tr("the book's {label} neuron").format(label=label),
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
