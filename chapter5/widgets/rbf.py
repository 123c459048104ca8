"""Dashboard for notebook 5.5.1: an RBF network fitted in two steps, refitted on every change."""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from .._validation import check_option, check_scalar
from ..datasets import RBF_DATASETS, rbf_data
from ..metrics import accuracy
from ..networks import RBFNetwork
from ..plots.rbf import RBFView
from ._base import Dashboard

__all__ = ["RBF_DATASETS", "rbf_data", "rbf_explorer"]

MAX_CENTERS = 40


def rbf_explorer(dataset: str = "xor", n_centers: int = 4, centers: str = "kmeans",
                 beta: float = 1.0, solver: str = "lstsq", seed: int = 0) -> Dashboard:
    """Fit an RBF network (5.18)-(5.19) and show φ(x), its centres and their widths.

    Step 1 chooses the centres (k-means or random samples, through ``seed``); step 2 fits the
    output weights by least squares ("lstsq") or fits w, the bias and every β_i by gradient
    descent ("bp", 500 epochs, η = 0.5). Every control refits (a few ms); the title gives the
    training error and accuracy.

    Parameters
    ----------
    dataset : {"xor", "watermelon 3.0α", "moons", "circles"}
    n_centers : int, 1 to 40 (at most the number of samples: 4 for XOR)
    centers : {"kmeans", "random"}
    beta : float
        10**-1.5 to 10**2 on a log slider: the width parameter of every unit at the start.
    solver : {"lstsq", "bp"}
    seed : int, 0 to 20
    """
    dataset = check_option(dataset, "dataset", RBF_DATASETS)
    n_centers = check_scalar(n_centers, "n_centers", integer=True, min_value=1,
                             max_value=MAX_CENTERS)
    centers = check_option(centers, "centers", ("kmeans", "random"))
    beta = check_scalar(beta, "beta", min_value=10 ** -1.5, max_value=100.0)
    solver = check_option(solver, "solver", ("lstsq", "bp"))
    seed = check_scalar(seed, "seed", integer=True, min_value=0, max_value=20)
    st = {"description_width": "7em"}
    lay = widgets.Layout(width="340px")
    controls = {
        "dataset": widgets.Dropdown(options=list(RBF_DATASETS), value=dataset,
                                    description="data set", style=st, layout=lay),
        "n_centers": widgets.IntSlider(value=n_centers, min=1, max=MAX_CENTERS,
                                       description="centres q", continuous_update=False,
                                       style=st, layout=lay),
        "centers": widgets.Dropdown(options=["kmeans", "random"], value=centers,
                                    description="centre method", style=st, layout=lay),
        "beta": widgets.FloatLogSlider(value=beta, base=10, min=-1.5, max=2, step=0.125,
                                       description="β", readout_format=".3g",
                                       continuous_update=False, style=st, layout=lay),
        "solver": widgets.Dropdown(options=["lstsq", "bp"], value=solver,
                                   description="output fit", style=st, layout=lay),
        "seed": widgets.IntSlider(value=seed, min=0, max=20, description="seed",
                                  continuous_update=False, style=st, layout=lay),
    }
    view = RBFView()

    def render(dataset, n_centers, centers, beta, solver, seed):
        X, y, extent = rbf_data(dataset)
        q = min(n_centers, len(X))
        net = RBFNetwork(q, centers=centers, beta=beta, solver=solver, eta=0.5,
                         max_epochs=500, random_state=seed).fit(X, y)
        phi_train = net.decision_function(X)
        mse = float(np.mean((phi_train - y) ** 2))
        acc = accuracy(y, net.predict(X))
        w_lim = float(np.clip(np.abs(net.w_).max() * 1.15, 1.0, 64.0))
        w_lim = float(2.0 ** np.ceil(np.log2(w_lim)))  # few distinct axis ranges to cache
        view.set_frame(extent, w_lim, dataset)
        clamp = f" (q = {q}: one centre per sample at most)" if q < n_centers else ""
        beta_text = (f"β = {beta:.3g}" if solver == "lstsq" else
                     f"β from {beta:.3g} to {net.beta_.min():.3g}…{net.beta_.max():.3g}")
        status = (f"{dataset}: q = {q} {centers} centres{clamp}, {beta_text}, {solver}: "
                  f"training MSE {mse:.4f}, accuracy {acc:.0%}")
        w_max = float(np.abs(net.w_).max())
        if w_max > w_lim:  # huge cancelling weights: wide bumps solved by least squares
            status += f"\nlargest |w_i| = {w_max:.3g}: bars cut at ±{w_lim:g}"
        view.show(net, X, y, status)
        return {"net": net, "mse": mse, "accuracy": acc, "q": q}

    def layout(image):
        c = controls
        return [widgets.HBox([widgets.VBox([c["dataset"], c["n_centers"], c["centers"]]),
                              widgets.VBox([c["beta"], c["solver"], c["seed"]])]), image]

    return Dashboard("rbf_explorer", controls, view, render, layout_children=layout,
                     css_class="chapter5-rbf")
