"""Dashboard for notebook 5.5.3: a SOM unfolding over 2-D data, trained once, replayed."""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from ..datasets import SOM_DATASETS, som_data
from ..i18n import tr
from ..networks.som import SIGMA_MIN, SOM, decay_schedule
from ..plots.som import SOMView
from ._base import Dashboard
from ._controls import Controls, Spec
from ._live import PLAY_INTERVAL, Live, ReplayPictures, prepare_when_idle

__all__ = ["SOM_DATASETS", "SOM_DECAY", "som_data", "som_explorer"]

N_SNAPSHOTS = 50
SOM_DECAY = 3.0
"""eta(t) = eta exp(-3 t / T) and sigma(t) likewise (never below 0.5): the explorer's schedule."""


_STYLE = {"description_width": "6em"}
SOM_CONTROLS = Controls(
    Spec("data", "choice", "square", options=SOM_DATASETS, label="data",
         doc="The 2-D data (:func:`som_data`, fixed): 400 points uniform in the unit square, "
             "two noisy circles or moons, or watermelon 3.0α standardized.",
         tooltip="the 2-D data the map learns: retrains"),
    Spec("rows", "int", 8, lo=1, hi=15, label="rows", doc="The map's rows of neurons.",
         tooltip="the map's rows of neurons: retrains"),
    Spec("cols", "int", 8, lo=2, hi=15, label="columns", doc="The map's columns of neurons.",
         tooltip="the map's columns of neurons: retrains"),
    Spec("topology", "choice", "rectangular", options=("rectangular", "hexagonal"),
         label="topology",
         doc="The grid: 4 neighbours per neuron (rectangular) or 6 (hexagonal).",
         tooltip="the grid of neurons, rectangular or hexagonal: retrains"),
    Spec("sigma", "float", 3.0, lo=0.5, hi=8.0, step=0.5, label="σ₀", readout_format=".1f",
         doc="σ(0), the starting neighbourhood radius in grid units.",
         tooltip="σ(0), the starting neighbourhood radius in grid units: retrains"),
    Spec("eta", "log", 0.5, lo=-7, hi=0.0, step=0.5, base=2, label="η₀",
         readout_format=".3g", doc="η(0), the starting learning rate.",
         tooltip="η(0), the starting learning rate: retrains"),
    Spec("n_iterations", "int", 2000, lo=100, hi=5000, step=100, strict_step=True,
         label="iterations T",
         doc="T, the number of single-sample updates; a multiple of 100.",
         tooltip="T, the number of single-sample updates: retrains"),
    Spec("seed", "int", 0, lo=0, hi=20, label="seed",
         doc="The initial weights and the sample order.",
         tooltip="the initial weights and the sample order: retrains"),
    Spec("step", "int", N_SNAPSHOTS, lo=0, hi=N_SNAPSHOTS, label="replay", continuous=True,
         width="560px", doc=f"The snapshot shown: after step * T / {N_SNAPSHOTS} updates.",
         tooltip=f"the snapshot shown, after step * T / {N_SNAPSHOTS} updates: replays the "
                 f"recorded run"),
)


@SOM_CONTROLS.builder
def som_explorer(data: str, rows: int, cols: int, topology: str, sigma: float, eta: float,
                 n_iterations: int, seed: int, step: int) -> Dashboard:
    """Train a SOM on 2-D data once per setting, then scrub through its 50 snapshots.

    Left: the map as a net in the input space (each neuron at its weights, lines between grid
    neighbours) over the data; middle: the U-matrix; right: the quantization error over the
    updates; above the picture, t, η(t), σ(t) and both errors of the snapshot shown. The
    start is uniform in the data's box (so the net starts tangled); η(t) and σ(t) shrink as
    exp(-3 t / T). Every control but ``step`` retrains; ``step`` (and Play) only indexes the
    recorded history. Moved in the browser, a retraining control trains live: the first
    picture (the new starting weights) comes at once, the map unfolds while it trains and the
    replay slider follows it; the last picture is the one a direct build gives.

    Parameters
    ----------
    {controls}
    """
    controls = SOM_CONTROLS.widgets(locals(), style=_STYLE, width="320px")
    play = widgets.Play(value=step, min=0, max=N_SNAPSHOTS, interval=PLAY_INTERVAL,
                        description=tr("play"))
    link = widgets.jslink((play, "value"), (controls["step"], "value"))  # in the browser
    view = SOMView()
    status = widgets.HTML()
    state: dict = {}

    def run_key(v):
        return tuple(v[k] for k in ("data", "rows", "cols", "topology", "sigma", "eta",
                                    "n_iterations", "seed"))

    def untrained(v) -> SOM:
        return SOM(v["rows"], v["cols"], sigma=v["sigma"], eta=v["eta"], decay=SOM_DECAY,
                   topology=v["topology"], n_iterations=v["n_iterations"],
                   record_every=v["n_iterations"] // N_SNAPSHOTS, random_state=v["seed"])

    def train(v, callback=None):
        return untrained(v).fit(som_data(v["data"]), callback=callback)

    def store(v, som):
        view.set_training(som, som_data(v["data"]), v["data"])
        state.update(key=run_key(v), som=som)
        if "warm_up" in state:  # Play's pictures of the new map, drawn while idle
            state["warm_up"].extend(pictures.jobs())

    def show_status(text):
        status.value = f"<span style='font-size: 1.15em'>{text}</span>"

    def preview(v, snap):
        """A frame of a live training: the map so far, its quantization error growing."""
        X = som_data(v["data"])
        T = v["n_iterations"]
        som = untrained(v)
        if snap is None:  # the start: the initial weights, before the first update
            now = som.with_weights(som.initial_weights(X))
            state["live"] = (run_key(v), now.quantization_error(X))
            steps, errors = [0], [state["live"][1]]
        else:
            now = som.with_weights(snap.params.reshape(v["rows"], v["cols"], -1))
            every = T // N_SNAPSHOTS
            steps = [0, *np.minimum(every * np.arange(1, len(snap.losses) + 1), T)]
            errors = [state["live"][1], *snap.losses]
        i = min(steps[-1], T - 1)  # the rates of the last update, as the replay shows them
        text = tr("⏳ <b>training</b>: t = {t} of {T} updates:  η(t) = {eta:.3g},  "
                  "σ(t) = {sigma:.2f},  quantization error {qe:.4f}").format(
            t=steps[-1], T=T, eta=decay_schedule(v["eta"], T, SOM_DECAY)[i],
            sigma=max(decay_schedule(v["sigma"], T, SOM_DECAY)[i], SIGMA_MIN), qe=errors[-1])
        result = view.show_progress(now, X, v["data"], steps, errors, T, text)
        show_status(text)
        dashboard.follow("step", len(steps) - 1)  # the replay slider follows the training
        return {**result, "training": True}

    def render(data, rows, cols, topology, sigma, eta, n_iterations, seed, step):
        v = locals()
        if state.get("key") != run_key(v):
            store(v, train(v))
        view.set_training(state["som"], som_data(data), data)  # (after a live frame)
        result = {"som": state["som"], **view.show(step)}
        show_status(result["status"])
        return result

    def layout(image):
        c = controls
        return [widgets.HBox([widgets.VBox([c["data"], c["rows"], c["cols"]]),
                              widgets.VBox([c["topology"], c["sigma"], c["eta"]]),
                              widgets.VBox([c["n_iterations"], c["seed"]])]),
                widgets.HBox([play, c["step"]]), status, image]

    live = Live(key=run_key, cached=lambda key: state.get("key") == key, train=train,
                store=store, preview=preview)
    dashboard = Dashboard("som_explorer", controls, view, render, layout_children=layout,
                          css_class="chapter5-som", companions={"step": [play]}, live=live)
    dashboard.play, dashboard.play_link, dashboard.status = play, link, status
    # the map loaded in the view (none while a live training's frames are shown)
    pictures = ReplayPictures(view, play, controls["step"], view.show,
                              lambda: state["key"] if view.som is state["som"] else None)
    dashboard.warm_up = state["warm_up"] = prepare_when_idle(dashboard, [
        *pictures.jobs(),
        *((lambda name=name: view.prepare_data(som_data(name), name))
          for name in SOM_DATASETS)])
    return dashboard
