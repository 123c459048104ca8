"""Dashboard for notebook 5.5.2: Fuzzy ART learning online, replayed sample by sample."""

from __future__ import annotations

import ipywidgets as widgets

from .._validation import check_option, check_scalar
from ..datasets import ART_DATASETS, art_data
from ..networks.art import art_run
from ..plots.art import ARTView
from ._base import Dashboard

__all__ = ["ART_DATASETS", "art_data", "art_replay", "art_run"]

def art_replay(dataset: str = "a new cluster arrives", rho: float = 0.75, beta: float = 1.0,
               step: int = 60) -> Dashboard:
    """Replay Fuzzy ART's online learning: which category each sample joins, when a reset
    happens, when a new category neuron is created.

    Changing ρ or β reruns the whole presentation (milliseconds); ``step`` scrubs it.

    Parameters
    ----------
    dataset : {"three clusters", "a new cluster arrives", "uniform"}
    rho : float in [0, 1], step 0.05
        Vigilance: the share of the input a category must match to resonate.
    beta : float in [0.05, 1], step 0.05
        Learning rate (1 = fast learning: the box grows just enough to hold the sample).
    step : int, 0 to the number of samples
        How many samples have been presented.
    """
    dataset = check_option(dataset, "dataset", ART_DATASETS)
    rho = check_scalar(rho, "rho", min_value=0.0, max_value=1.0)
    beta = check_scalar(beta, "beta", min_value=0.05, max_value=1.0)
    n = len(art_data(dataset))
    step = check_scalar(step, "step", integer=True, min_value=0, max_value=n)
    st = {"description_width": "6em"}
    lay = widgets.Layout(width="330px")
    controls = {
        "dataset": widgets.Dropdown(options=list(ART_DATASETS), value=dataset,
                                    description="data", style=st, layout=lay),
        "rho": widgets.FloatSlider(value=rho, min=0.0, max=1.0, step=0.05,
                                   description="vigilance ρ", readout_format=".2f",
                                   continuous_update=False, style=st, layout=lay),
        "beta": widgets.FloatSlider(value=beta, min=0.05, max=1.0, step=0.05,
                                    description="rate β", readout_format=".2f",
                                    continuous_update=False, style=st, layout=lay),
        "step": widgets.IntSlider(value=step, min=0, max=n, description="sample",
                                  style=st, layout=widgets.Layout(width="560px")),
    }
    play = widgets.Play(value=step, min=0, max=n, interval=250, description="play")
    widgets.jslink((play, "value"), (controls["step"], "value"))
    view = ARTView()
    state: dict = {}

    def render(dataset, rho, beta, step):
        X = art_data(dataset)
        key = (dataset, rho, beta)
        if state.get("key") != key:
            run = art_run(X, rho, beta)
            state.update(key=key, run=run)
            view.set_run(X, run["counts"], run["resets"], dataset)
            for c in (controls["step"], play):
                c.max = len(X)
        run = state["run"]
        k = min(step, len(X))
        weights = run["weights"][k]
        if k == 0:
            status = f"ρ = {rho:.2f}, β = {beta:.2f}: no sample yet, no category"
        else:
            j, r = int(run["categories"][k - 1]), int(run["resets"][k - 1])
            tried = f" after {r} reset{'s' * (r != 1)}" if r else " at once"
            what = (f"creates NEW category {j + 1}"
                    + (f" ({r} reset{'s' * (r != 1)}, none resonated)" if r else "")
                    if run["new"][k - 1] else f"resonates with category {j + 1}{tried}")
            status = (f"ρ = {rho:.2f}, β = {beta:.2f}: sample {k} of {len(X)} {what}; "
                      f"{len(weights)} categor{'y' if len(weights) == 1 else 'ies'}")
        view.show(k, weights, run["categories"], status)
        return {"step": k, "n_categories": len(weights), "weights": weights, "run": run}

    def layout(image):
        c = controls
        return [widgets.HBox([widgets.VBox([c["dataset"], c["rho"]]),
                              widgets.VBox([c["beta"]])]),
                widgets.HBox([play, c["step"]]), image]

    dashboard = Dashboard("art_replay", controls, view, render, layout_children=layout,
                          css_class="chapter5-art", companions={"step": [play]})
    dashboard.play = play
    return dashboard
