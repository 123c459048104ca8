"""Dashboard for notebook 5.4: a descent path on an error surface, scrubbed step by step."""

from __future__ import annotations

import ipywidgets as widgets

from .._validation import check_option, check_scalar
from ..minima import SURFACES, gradient_descent
from ..plots.minima import DescentView
from ._base import Dashboard

__all__ = ["DESCENT_SURFACES", "descent_explorer"]

DESCENT_SURFACES = ("two_valleys", "rastrigin", "bowl")
N_STEPS = 200
PRESETS = {"near the local minimum": (-2.2, -1.6), "between the valleys": (0.0, 0.0),
           "far corner": (-2.8, 2.8), "near the global minimum": (2.2, 1.8)}


def descent_explorer(surface: str = "two_valleys", x0: float = -2.2, y0: float = -1.6,
                     eta: float = 0.1, momentum: float = 0.0, step: int = N_STEPS
                     ) -> Dashboard:
    """Gradient descent (with momentum) on a 2-D surface, computed once, scrubbed by ``step``.

    Changing the surface, the start, η or the momentum recomputes the 200-step path; the step
    slider only indexes it. Left: contours with the path; right: the surface in 3-D. A too
    large η oscillates across the valley and then diverges, which the title says.

    Parameters
    ----------
    surface : {"two_valleys", "rastrigin", "bowl"}
    x0, y0 : float in [-3, 3]
        The start; buttons load a few presets.
    eta : float
        10**-3 to 10**0.5 on a log slider.
    momentum : float in [0, 0.95]
    step : int, 0 to 200
    """
    surface = check_option(surface, "surface", DESCENT_SURFACES)
    x0 = check_scalar(x0, "x0", min_value=-3.0, max_value=3.0)
    y0 = check_scalar(y0, "y0", min_value=-3.0, max_value=3.0)
    eta = check_scalar(eta, "eta", min_value=10 ** -3, max_value=10 ** 0.5)
    momentum = check_scalar(momentum, "momentum", min_value=0.0, max_value=0.95)
    step = check_scalar(step, "step", integer=True, min_value=0, max_value=N_STEPS)
    st = {"description_width": "6em"}
    lay = widgets.Layout(width="320px")
    controls = {
        "surface": widgets.Dropdown(options=list(DESCENT_SURFACES), value=surface,
                                    description="surface", style=st, layout=lay),
        "x0": widgets.FloatSlider(value=x0, min=-3, max=3, step=0.1, description="start w₁",
                                  readout_format=".1f", continuous_update=False, style=st,
                                  layout=lay),
        "y0": widgets.FloatSlider(value=y0, min=-3, max=3, step=0.1, description="start w₂",
                                  readout_format=".1f", continuous_update=False, style=st,
                                  layout=lay),
        "eta": widgets.FloatLogSlider(value=eta, base=10, min=-3, max=0.5, step=0.125,
                                      description="η", readout_format=".3g",
                                      continuous_update=False, style=st, layout=lay),
        "momentum": widgets.FloatSlider(value=momentum, min=0, max=0.95, step=0.05,
                                        description="momentum", readout_format=".2f",
                                        continuous_update=False, style=st, layout=lay),
        "step": widgets.IntSlider(value=step, min=0, max=N_STEPS, description="step",
                                  style=st, layout=widgets.Layout(width="560px")),
    }
    play = widgets.Play(value=step, min=0, max=N_STEPS, interval=80, description="play")
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
        label = f"η = {eta:.3g}" + (f", momentum {momentum:.2f}" if momentum else "")
        info = view.show(path, step, label)
        return {"path": path, **info}

    buttons = {}
    for name, (px, py) in PRESETS.items():
        b = widgets.Button(description=name, layout=widgets.Layout(width="180px"))

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
    return dashboard



