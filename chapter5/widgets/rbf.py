"""Dashboard for notebook 5.5.1: an RBF network fitted in two steps, refitted on every change."""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from ..datasets import RBF_DATASETS, rbf_data
from ..i18n import tr
from ..metrics import accuracy
from ..networks import RBFNetwork
from ..plots.rbf import RBFView
from ._base import Dashboard
from ._controls import Controls, Spec
from ._live import prepare_when_idle

__all__ = ["RBF_DATASETS", "rbf_data", "rbf_explorer"]

MAX_CENTERS = 40

W_LIMS = tuple(2.0 ** k for k in range(7))
"""The weights panel's ranges ±w_lim (see :func:`_weights_range`)."""


def _weights_range(net) -> float:
    """The weights panel's range ±w_lim for a fitted network: 1.15 max |w_i|, between 1 and
    64, rounded up to a power of two (few distinct ranges, so few frames to draw and keep)."""
    w_lim = float(np.clip(np.abs(net.w_).max() * 1.15, 1.0, 64.0))
    return float(2.0 ** np.ceil(np.log2(w_lim)))


_STYLE = {"description_width": "7em"}
RBF_CONTROLS = Controls(
    Spec("dataset", "choice", "xor", options=RBF_DATASETS, label="data set",
         doc="The training data: XOR's 4 points, watermelon 3.0α (standardized), or 150 "
             "noisy points of two moons or two circles.",
         tooltip="the training data: refits"),
    Spec("n_centers", "int", 4, lo=1, hi=MAX_CENTERS, label="centres q",
         doc="The number of hidden units q (centres), at most the number of samples (4 for "
             "XOR): a larger q is clamped to one centre per sample.",
         tooltip="the number of centres q (hidden units): refits"),
    Spec("centers", "choice", "kmeans", options=("kmeans", "random"), label="centre method",
         doc="Step 1: the centres are k-means centroids or randomly chosen samples.",
         tooltip="step 1: k-means centroids or random samples as centres: refits"),
    Spec("beta", "log", 1.0, lo=-1.5, hi=2.0, step=0.125, label="β", readout_format=".3g",
         doc="The width parameter of every unit at the start.",
         tooltip="the width parameter β of every unit (at the start): refits"),
    Spec("solver", "choice", "lstsq", options=("lstsq", "bp"), label="output fit",
         doc="Step 2: least squares for the output weights (\"lstsq\"), or gradient descent "
             "on w, the bias and every β_i (\"bp\", 500 epochs, η = 0.5).",
         tooltip="step 2: least squares (lstsq) or gradient descent on w, bias and β (bp): "
                 "refits"),
    Spec("seed", "int", 0, lo=0, hi=20, label="seed",
         doc="The random choice of centres (k-means' starting samples, or the random "
             "samples).",
         tooltip="the random choice of centres: refits"),
)


@RBF_CONTROLS.builder
def rbf_explorer(dataset: str, n_centers: int, centers: str, beta: float, solver: str,
                 seed: int) -> Dashboard:
    """Fit an RBF network (5.18)-(5.19) and show φ(x), its centres and their widths.

    Step 1 chooses the centres (k-means or random samples, through ``seed``); step 2 fits the
    output weights by least squares ("lstsq") or fits w, the bias and every β_i by gradient
    descent ("bp", 500 epochs, η = 0.5). Every control refits (a few ms); the title gives the
    training error and accuracy. In a live kernel a frame for each data set and each range of
    the weights panel is drawn in advance while the kernel is idle, so that switching the
    data set, or a β that rescales the weights, is as quick as any other change.

    Parameters
    ----------
    {controls}
    """
    controls = RBF_CONTROLS.widgets(locals(), style=_STYLE, width="340px")
    view = RBFView()

    def fit(dataset, n_centers, centers, beta, solver, seed):
        X, y, extent = rbf_data(dataset)
        q = min(n_centers, len(X))
        net = RBFNetwork(q, centers=centers, beta=beta, solver=solver, eta=0.5,
                         max_epochs=500, random_state=seed).fit(X, y)
        return net, X, y, extent, q

    def render(dataset, n_centers, centers, beta, solver, seed):
        net, X, y, extent, q = fit(dataset, n_centers, centers, beta, solver, seed)
        phi_train = net.decision_function(X)
        mse = float(np.mean((phi_train - y) ** 2))
        acc = accuracy(y, net.predict(X))
        w_lim = _weights_range(net)
        view.set_frame(extent, w_lim, dataset)
        # the data set's name (RBF_DATASETS), translated where it is shown
        clamp = (" " + tr("(q = {q}: one centre per sample at most)").format(q=q)
                 if q < n_centers else "")
        centres = (tr("q = {q} kmeans centres") if centers == "kmeans" else
                   tr("q = {q} random centres")).format(q=q)
        beta_text = (f"β = {beta:.3g}" if solver == "lstsq" else
                     tr("β from {beta:.3g} to {lo:.3g}…{hi:.3g}").format(
                         beta=beta, lo=net.beta_.min(), hi=net.beta_.max()))
        status = tr("{dataset}: {centres}{clamp}, {beta}, {solver}: training MSE {mse:.4f}, "
                    "accuracy {acc:.0%}").format(
            dataset=tr(dataset), centres=centres, clamp=clamp, beta=beta_text,
            solver=tr("lstsq") if solver == "lstsq" else tr("bp"), mse=mse, acc=acc)
        w_max = float(np.abs(net.w_).max())
        if w_max > w_lim:  # huge cancelling weights: wide bumps solved by least squares
            status += "\n" + tr("largest |w_i| = {w_max:.3g}: bars cut at ±{w_lim:g}").format(
                w_max=w_max, w_lim=w_lim)
        view.show(net, X, y, status)
        return {"net": net, "mse": mse, "accuracy": acc, "q": q}

    def prepare(dataset=None, w_lim=None):
        """Draw in advance the frame of ``dataset`` (default: the one shown) with the weights
        range ``w_lim`` (default: the one the other settings, as they are now, give)."""
        values = dashboard.values
        if dataset is not None:
            values["dataset"] = dataset
        if w_lim is None:
            w_lim = _weights_range(fit(**values)[0])
        view.prepare_frame(rbf_data(values["dataset"])[2], w_lim, values["dataset"])

    def layout(image):
        c = controls
        return [widgets.HBox([widgets.VBox([c["dataset"], c["n_centers"], c["centers"]]),
                              widgets.VBox([c["beta"], c["solver"], c["seed"]])]), image]

    dashboard = Dashboard("rbf_explorer", controls, view, render, layout_children=layout,
                          css_class="chapter5-rbf")
    # in idle time, a frame for each data set and each weights range (~100-200 ms of full
    # drawing each): any pair is then put together from their halves (RBFView.render)
    dashboard.warm_up = prepare_when_idle(dashboard, [
        *[(lambda name=name: prepare(name)) for name in RBF_DATASETS],
        *[(lambda w=w: prepare(w_lim=w)) for w in W_LIMS]])
    return dashboard
