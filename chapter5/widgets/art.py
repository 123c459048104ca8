"""Dashboard for notebook 5.5.2: Fuzzy ART learning online, replayed sample by sample."""

from __future__ import annotations

import ipywidgets as widgets

from .._validation import check_scalar
from ..datasets import ART_DATASETS, art_data
from ..i18n import tr
from ..networks.art import art_run
from ..plots.art import ARTView
from ._base import Dashboard
from ._controls import Controls, Spec
from ._live import PLAY_INTERVAL, ReplayPictures, prepare_when_idle, slow_play

__all__ = ["ART_DATASETS", "art_data", "art_replay", "art_run"]

SLOW_PLAY_INTERVAL = 250
"""Milliseconds between Play's steps with "slow" down: 4 samples a second, slow enough to
read each sample's status line (resonance, reset, new category) as it comes."""

_STYLE = {"description_width": "6em"}
ART_CONTROLS = Controls(
    Spec("dataset", "choice", "a new cluster arrives", options=ART_DATASETS, label="data",
         doc="The 60 samples in the order they are presented (:func:`art_data`): three "
             "interleaved clusters; two clusters, then a third far away (stability and "
             "plasticity); or uniform points.",
         tooltip="the samples and their order: retrains"),
    Spec("rho", "float", 0.75, lo=0.0, hi=1.0, step=0.05, label="vigilance ρ",
         readout_format=".2f",
         doc="Vigilance: the share of the input a category must match to resonate.",
         tooltip="vigilance ρ, the share of the input a category must match: retrains"),
    Spec("beta", "float", 1.0, lo=0.05, hi=1.0, step=0.05, label="rate β",
         readout_format=".2f",
         doc="Learning rate (1 = fast learning: the box grows just enough to hold the "
             "sample).",
         tooltip="learning rate β (1: the box grows just enough to hold the sample): "
                 "retrains"),
    # hi=None: the slider's maximum is the data set's number of samples, set at render time
    Spec("step", "int", 60, lo=0, hi=None, label="sample", continuous=True, width="560px",
         doc="How many samples have been presented, at most the data set's number of "
             "samples (60).",
         tooltip="how many samples have been presented: replays the recorded run"),
)


@ART_CONTROLS.builder
def art_replay(dataset: str, rho: float, beta: float, step: int) -> Dashboard:
    """Replay Fuzzy ART's online learning: which category each sample joins, when a reset
    happens, when a new category neuron is created.

    Changing ρ or β reruns the whole presentation (milliseconds); ``step`` scrubs it. Play
    steps about 15 samples a second, one every 0.25 s with the *slow* toggle (``.slow``) down;
    each step's picture is kept (drawn ahead while the kernel is idle), so Play sends it at once.

    Parameters
    ----------
    {controls}
    """
    n = len(art_data(dataset))
    step = check_scalar(step, "step", integer=True, min_value=0, max_value=n)
    controls = ART_CONTROLS.widgets(locals(), style=_STYLE, width="330px", hi={"step": n})
    play = widgets.Play(value=step, min=0, max=n, interval=PLAY_INTERVAL,
                        description=tr("play"))
    slow = slow_play(play, SLOW_PLAY_INTERVAL,
                     tr("Play one sample every {s} s (slow motion)").format(
                         s=SLOW_PLAY_INTERVAL / 1000))
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
            if "warm_up" in state:  # Play's pictures of the new run, drawn while idle
                state["warm_up"].extend(pictures.jobs())
        return show(step, rho, beta)

    def show(step, rho, beta):
        """Draw the run loaded after ``step`` samples; what it shows."""
        run, X = state["run"], art_data(state["key"][0])
        k = min(step, len(X))
        weights = run["weights"][k]
        if k == 0:
            status = tr("ρ = {rho:.2f}, β = {beta:.2f}: no sample yet, no category").format(
                rho=rho, beta=beta)
        else:
            j, r = int(run["categories"][k - 1]), int(run["resets"][k - 1])
            if run["new"][k - 1]:
                what = (tr("creates NEW category {j}") if not r else
                        tr("creates NEW category {j} ({r} reset, none resonated)") if r == 1
                        else tr("creates NEW category {j} ({r} resets, none resonated)"))
            else:
                what = (tr("resonates with category {j} at once") if not r else
                        tr("resonates with category {j} after {r} reset") if r == 1
                        else tr("resonates with category {j} after {r} resets"))
            status = (tr("ρ = {rho:.2f}, β = {beta:.2f}: sample {k} of {n} {what}; {c} category")
                      if len(weights) == 1 else
                      tr("ρ = {rho:.2f}, β = {beta:.2f}: sample {k} of {n} {what}; "
                         "{c} categories")).format(
                rho=rho, beta=beta, k=k, n=len(X), what=what.format(j=j + 1, r=r),
                c=len(weights))
        view.show(k, weights, run["categories"], status)
        return {"step": k, "n_categories": len(weights), "weights": weights, "run": run}

    def layout(image):
        c = controls
        return [widgets.HBox([widgets.VBox([c["dataset"], c["rho"]]),
                              widgets.VBox([c["beta"]])]),
                widgets.HBox([play, slow, c["step"]]), image]

    dashboard = Dashboard("art_replay", controls, view, render, layout_children=layout,
                          css_class="chapter5-art", companions={"step": [play, slow]})
    pictures = ReplayPictures(view, play, controls["step"],
                              lambda k: show(k, *state["key"][1:]), lambda: state["key"])
    dashboard.warm_up = state["warm_up"] = prepare_when_idle(dashboard, pictures.jobs())
    dashboard.play, dashboard.slow = play, slow
    return dashboard
