"""Dashboard for notebook 5.4: a descent path on an error surface, scrubbed step by step."""

from __future__ import annotations

import ipywidgets as widgets

from ..i18n import tr
from ..minima import SURFACES, gradient_descent
from ..plots.minima import DescentView
from ._base import Dashboard
from ._controls import Controls, Spec
from ._live import PLAY_INTERVAL, prepare_when_idle

__all__ = ["DESCENT_SURFACES", "descent_explorer"]

DESCENT_SURFACES = ("two_valleys", "rastrigin", "bowl")
N_STEPS = 200
PRESETS = {"near the local minimum": (-2.2, -1.6), "between the valleys": (0.0, 0.0),
           "far corner": (-2.8, 2.8), "near the global minimum": (2.2, 1.8)}
# the preset names are English keys, shown as tr(name) on the buttons (their Korean is in
# chapter5/i18n/ko/figures_5_1_to_5_4.py); dashboard.buttons stays keyed by the English name


_STYLE = {"description_width": "6em"}
DESCENT_CONTROLS = Controls(
    Spec("surface", "choice", "two_valleys", options=DESCENT_SURFACES, label="surface",
         doc="The error surface: two valleys (a local and a global minimum), Rastrigin's "
             "many local minima, or a bowl with a single minimum.",
         tooltip="the error surface: recomputes the path"),
    Spec("x0", "float", -2.2, lo=-3.0, hi=3.0, step=0.1, label="start w₁", readout_format=".1f",
         doc="The start's first coordinate; buttons load a few presets.",
         tooltip="where descent starts, w₁: recomputes the path"),
    Spec("y0", "float", -1.6, lo=-3.0, hi=3.0, step=0.1, label="start w₂", readout_format=".1f",
         doc="The start's second coordinate.",
         tooltip="where descent starts, w₂: recomputes the path"),
    Spec("eta", "log", 0.1, lo=-3, hi=0.5, step=0.125, label="η", readout_format=".3g",
         doc="The learning rate: too large a one oscillates across the valley, then diverges.",
         tooltip="learning rate η: recomputes the path"),
    Spec("momentum", "float", 0.0, lo=0.0, hi=0.95, step=0.05, label="momentum",
         readout_format=".2f",
         doc="The fraction of the previous step added to each step; it can carry the path "
             "out of a shallow local minimum.",
         tooltip="momentum: the share of the last step kept; recomputes the path"),
    Spec("step", "int", N_STEPS, lo=0, hi=N_STEPS, label="step", continuous=True,
         width="560px", doc=f"The step of the {N_STEPS}-step path shown.",
         tooltip="the descent step shown: replays the computed path"),
)


@DESCENT_CONTROLS.builder
def descent_explorer(surface: str, x0: float, y0: float, eta: float, momentum: float,
                     step: int) -> Dashboard:
    """Gradient descent (with momentum) on a 2-D surface, computed once, scrubbed by ``step``.

    Changing the surface, the start, η or the momentum recomputes the 200-step path (a few
    ms); the step slider only indexes it. Left: contours with the path; right: the surface in
    3-D. A too large η oscillates across the valley and then diverges, which the title says.
    In a live kernel the other surfaces are drawn in advance while the kernel is idle, so
    switching the surface is as quick as the rest.

    Parameters
    ----------
    {controls}
    """
    controls = DESCENT_CONTROLS.widgets(locals(), style=_STYLE, width="320px")
    controls["step"].description = tr("step", context="slider")  # "step" alone: the function
    play = widgets.Play(value=step, min=0, max=N_STEPS, interval=PLAY_INTERVAL,
                        description=tr("play"))
    widgets.jslink((play, "value"), (controls["step"], "value"))
    view = DescentView()
    state: dict = {}

    def render(surface, x0, y0, eta, momentum, step):
        key = (surface, x0, y0, eta, momentum)
        if state.get("key") != key:
            s = SURFACES[surface]
            view.set_surface(s)
            path = gradient_descent(s, [x0, y0], eta=eta, n_iter=N_STEPS, momentum=momentum)
            state.update(key=key, path=path)
        path = state["path"]
        label = f"η = {eta:.3g}" + (tr(", momentum {m:.2f}").format(m=momentum) if momentum
                                    else "")
        info = view.show(path, step, label)
        return {"path": path, **info}

    buttons = {}
    for name, (px, py) in PRESETS.items():
        b = widgets.Button(description=tr(name), layout=widgets.Layout(width="180px"))

        def load(_b, px=px, py=py):
            dashboard.set(x0=px, y0=py)

        b.on_click(load)
        buttons[name] = b

    def layout(image):
        c = controls
        return [widgets.HBox([widgets.VBox([c["surface"], c["x0"], c["y0"]]),
                              widgets.VBox([c["eta"], c["momentum"]])]),
                widgets.HBox(list(buttons.values())),
                widgets.HBox([play, c["step"]]), image]

    dashboard = Dashboard("descent_explorer", controls, view, render, layout_children=layout,
                          css_class="chapter5-descent",
                          companions={"step": [play], "x0": list(buttons.values()),
                                      "y0": list(buttons.values())})
    dashboard.buttons = buttons
    dashboard.play = play
    # the other surfaces' frames (a 3-D surface takes ~100 ms to draw) in idle time
    dashboard.warm_up = prepare_when_idle(dashboard, [
        (lambda name=name: view.prepare_surface(SURFACES[name])) for name in DESCENT_SURFACES])
    return dashboard
