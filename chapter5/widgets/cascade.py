"""Dashboard for notebook 5.5.4: a cascade-correlation network growing unit by unit."""

from __future__ import annotations

import time

import ipywidgets as widgets

from ..datasets import CASCADE_DATASETS, cascade_data
from ..i18n import tr
from ..networks.cascade import CascadeCorrelation
from ..plots.cascade import CascadeView
from ._base import Dashboard
from ._controls import Controls, Spec

__all__ = ["CASCADE_DATASETS", "cascade_data", "cascade_growth"]

MAX_HIDDEN = 25
EXTENTS = {"two_spirals": (-7.2, 7.2, -7.2, 7.2), "toy": (-2.0, 2.0, -2.0, 2.0)}
MAX_RUNS_KEPT = 8


_STYLE = {"description_width": "7em"}
CASCADE_CONTROLS = Controls(
    Spec("dataset", "choice", "two_spirals", options=tuple(CASCADE_DATASETS), label="data",
         doc="Two spirals: Lang & Witbrock's 194 points. The others: 80 points of "
             ":func:`chapter5.datasets.toy_2d` (see :func:`cascade_data`).",
         tooltip="the data set: retrains"),
    Spec("noise", "float", 0.0, lo=0.0, hi=0.5, step=0.05, label="noise", readout_format=".2f",
         doc="Gaussian noise on the coordinates, in the data's units (0: the classic two "
             "spirals).",
         tooltip="Gaussian noise on the points' coordinates: retrains"),
    Spec("n_candidates", "int", 8, lo=1, hi=16, label="candidates",
         doc="Candidate pool size.",
         tooltip="candidate units trained side by side before one is installed: retrains"),
    Spec("seed", "int", 0, lo=0, hi=9, label="seed",
         doc="Initial weights and the noise (for toy sets, the sample).",
         tooltip="the initial weights and the noise: retrains"),
    Spec("units", "int", MAX_HIDDEN, lo=0, hi=MAX_HIDDEN, label="hidden units", continuous=True,
         width="520px",
         doc="The stage shown: the network after this many hidden units (clamped to the units "
             "the run installed; the slider then spans the run's stages). Each retraining "
             "then jumps to the run's last stage.",
         tooltip="the stage shown: replays the recorded growth"),
)


@CASCADE_CONTROLS.builder
def cascade_growth(dataset: str, noise: float, n_candidates: int, seed: int,
                   units: int) -> Dashboard:
    """Grow a cascade-correlation network once, then replay it unit by unit.

    The data set, noise, pool size and seed retrain (up to 25 hidden units, until every
    training point is right); ``units`` (with Play) only picks the stage shown: the output over
    the plane, the newest unit's output, the network diagram (squares frozen, crosses trained),
    E over the epochs, and training against held-out accuracy per number of units.

    Parameters
    ----------
    {controls}
    """
    controls = CASCADE_CONTROLS.widgets(locals(), style=_STYLE, width="320px")
    play = widgets.Play(value=units, min=0, max=MAX_HIDDEN, interval=700,
                        description=tr("play"))
    widgets.jslink((play, "value"), (controls["units"], "value"))
    progress = widgets.HTML(layout=widgets.Layout(width="420px"))
    view = CascadeView()
    state: dict = {}

    def render(dataset, noise, n_candidates, seed, units):
        spirals = dataset == "two_spirals"
        key = (dataset, noise, n_candidates, seed)
        if state.get("key") != key:
            runs = state.setdefault("runs", {})  # a few recent runs: going back is instant
            data = cascade_data(dataset, noise, seed)
            if key in runs:  # least recently used runs are dropped first
                net, note = runs.pop(key), tr("(kept from before)")
                runs[key] = net
            else:
                progress.value = tr("⏳ <b>growing</b> the network…")
                started = time.perf_counter()
                net = CascadeCorrelation(max_hidden=MAX_HIDDEN, n_candidates=n_candidates,
                                         random_state=seed).fit(data[0], data[1])
                note = tr("in {seconds:.2f} s").format(seconds=time.perf_counter() - started)
                runs[key] = net
                if len(runs) > MAX_RUNS_KEPT:
                    runs.pop(next(iter(runs)))
            # the data set's name (CASCADE_DATASETS), translated where it is shown
            label = ((tr("two spirals") if spirals else tr(dataset))
                     + (tr(", noise {noise:.2f}").format(noise=noise) if noise else ""))
            view.set_run(net, *data, extent=EXTENTS["two_spirals" if spirals else "toy"],
                         key=key, label=label)
            state.update(key=key, net=net)
            grew = tr("grew {units} units, {epochs} epochs {note}").format(
                units=net.n_hidden_, epochs=net.n_epochs_, note=note)
            progress.value = grew + ("" if net.converged_ else tr("; unit limit reached"))
            # the slider spans this run's stages. A new run shows its grown network (the
            # first one shows the stage asked for); the dashboard renders once more for that
            play.max = net.n_hidden_
            controls["units"].max = net.n_hidden_
            if state.pop("shown_once", False):
                controls["units"].value = net.n_hidden_
            state["shown_once"] = True
        net = state["net"]
        info = view.show(min(units, net.n_hidden_))
        return {"net": net, **info}

    def layout(image):
        c = controls
        return [widgets.HBox([widgets.VBox([c["dataset"], c["noise"]]),
                              widgets.VBox([c["n_candidates"], c["seed"]])]),
                widgets.HBox([play, c["units"], progress]), image]

    dashboard = Dashboard("cascade_growth", controls, view, render, layout_children=layout,
                          css_class="chapter5-cascade", companions={"units": [play]})
    dashboard.play = play
    dashboard.progress = progress
    return dashboard
