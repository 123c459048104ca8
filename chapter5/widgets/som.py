"""Dashboard for notebook 5.5.3: a SOM unfolding over 2-D data, trained once, replayed."""

from __future__ import annotations

import ipywidgets as widgets

from .._validation import check_option, check_scalar
from ..datasets import SOM_DATASETS, som_data
from ..networks.som import SOM
from ..plots.som import SOMView
from ._base import Dashboard

__all__ = ["SOM_DATASETS", "SOM_DECAY", "som_data", "som_explorer"]

N_SNAPSHOTS = 50
SOM_DECAY = 3.0
"""eta(t) = eta exp(-3 t / T) and sigma(t) likewise (never below 0.5): the explorer's schedule."""


def som_explorer(data: str = "square", rows: int = 8, cols: int = 8,
                 topology: str = "rectangular", sigma: float = 3.0, eta: float = 0.5,
                 n_iterations: int = 2000, seed: int = 0, step: int = N_SNAPSHOTS
                 ) -> Dashboard:
    """Train a SOM on 2-D data once per setting, then scrub through its 50 snapshots.

    Left: the map as a net in the input space (each neuron at its weights, lines between grid
    neighbours) over the data; middle: the U-matrix; right: the quantization error over the
    updates; above the picture, t, η(t), σ(t) and both errors of the snapshot shown. The
    start is uniform in the data's box (so the net starts tangled); η(t) and σ(t) shrink as
    exp(-3 t / T). Every control but ``step`` retrains; ``step`` (and Play) only indexes the
    recorded history.

    Parameters
    ----------
    data : {"square", "circles", "moons", "watermelon 3.0α"}
    rows : int, 1 to 15
    cols : int, 2 to 15
    topology : {"rectangular", "hexagonal"}
    sigma : float, 0.5 to 8 in steps of 0.5
        σ(0), the starting neighbourhood radius in grid units.
    eta : float
        η(0), 2**-7 to 1 on a log slider (base 2).
    n_iterations : int, 100 to 5000, a multiple of 100
        T, the number of single-sample updates.
    seed : int, 0 to 20
        The initial weights and the sample order.
    step : int, 0 to 50
        The snapshot shown: after step * T / 50 updates.
    """
    data = check_option(data, "data", SOM_DATASETS)
    rows = check_scalar(rows, "rows", integer=True, min_value=1, max_value=15)
    cols = check_scalar(cols, "cols", integer=True, min_value=2, max_value=15)
    topology = check_option(topology, "topology", ("rectangular", "hexagonal"))
    sigma = check_scalar(sigma, "sigma", min_value=0.5, max_value=8.0)
    eta = check_scalar(eta, "eta", min_value=2.0 ** -7, max_value=1.0)
    n_iterations = check_scalar(n_iterations, "n_iterations", integer=True, min_value=100,
                                max_value=5000)
    if n_iterations % 100:
        raise ValueError(f"n_iterations must be a multiple of 100 (the slider's step); got "
                         f"{n_iterations}")
    seed = check_scalar(seed, "seed", integer=True, min_value=0, max_value=20)
    step = check_scalar(step, "step", integer=True, min_value=0, max_value=N_SNAPSHOTS)
    st = {"description_width": "6em"}
    lay = widgets.Layout(width="320px")

    def slider(cls, value, lo, hi, description, **kw):
        return cls(value=value, min=lo, max=hi, description=description,
                   continuous_update=False, style=st, layout=lay, **kw)

    controls = {
        "data": widgets.Dropdown(options=list(SOM_DATASETS), value=data, description="data",
                                 style=st, layout=lay),
        "rows": slider(widgets.IntSlider, rows, 1, 15, "rows"),
        "cols": slider(widgets.IntSlider, cols, 2, 15, "columns"),
        "topology": widgets.Dropdown(options=["rectangular", "hexagonal"], value=topology,
                                     description="topology", style=st, layout=lay),
        "sigma": slider(widgets.FloatSlider, sigma, 0.5, 8.0, "σ₀", step=0.5,
                        readout_format=".1f"),
        "eta": slider(widgets.FloatLogSlider, eta, -7, 0, "η₀", base=2, step=0.5,
                      readout_format=".3g"),
        "n_iterations": slider(widgets.IntSlider, n_iterations, 100, 5000, "iterations T",
                               step=100),
        "seed": slider(widgets.IntSlider, seed, 0, 20, "seed"),
        "step": widgets.IntSlider(value=step, min=0, max=N_SNAPSHOTS, description="replay",
                                  style=st, layout=widgets.Layout(width="560px")),
    }
    play = widgets.Play(value=step, min=0, max=N_SNAPSHOTS, interval=120, description="play")
    link = widgets.jslink((play, "value"), (controls["step"], "value"))  # in the browser
    view = SOMView()
    status = widgets.HTML()
    state: dict = {}

    def render(data, rows, cols, topology, sigma, eta, n_iterations, seed, step):
        key = (data, rows, cols, topology, sigma, eta, n_iterations, seed)
        if state.get("key") != key:
            X = som_data(data)
            som = SOM(rows, cols, sigma=sigma, eta=eta, decay=SOM_DECAY, topology=topology,
                      n_iterations=n_iterations, record_every=n_iterations // N_SNAPSHOTS,
                      random_state=seed).fit(X)
            view.set_training(som, X, data)
            state.update(key=key, som=som)
        result = {"som": state["som"], **view.show(step)}
        status.value = f"<span style='font-size: 1.15em'>{result['status']}</span>"
        return result

    def layout(image):
        c = controls
        return [widgets.HBox([widgets.VBox([c["data"], c["rows"], c["cols"]]),
                              widgets.VBox([c["topology"], c["sigma"], c["eta"]]),
                              widgets.VBox([c["n_iterations"], c["seed"]])]),
                widgets.HBox([play, c["step"]]), status, image]

    dashboard = Dashboard("som_explorer", controls, view, render, layout_children=layout,
                          css_class="chapter5-som", companions={"step": [play]})
    dashboard.play, dashboard.play_link, dashboard.status = play, link, status
    return dashboard
