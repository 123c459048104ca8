"""Figures for BP in practice: training vs validation, learning-rate regimes, decision regions,
confusion matrices."""

from __future__ import annotations

import numpy as np
from matplotlib import colormaps

from ..backprop import BPNetwork, training_regime
from ..i18n import tr
from ._style import COLORS, plane_grid
from .perceptron import CLASS_STYLE

__all__ = ["plot_confusion", "plot_decision_regions", "plot_eta_sweep", "plot_train_val"]

_REGIME_COLOR = {"good": COLORS["green"], "slow": COLORS["sky"], "stuck": COLORS["orange"],
                 "oscillating": COLORS["purple"], "diverged": COLORS["vermillion"]}
# a regime is shown as tr(regime, context="regime"): the keys "regime|good", "regime|slow",
# "regime|stuck", "regime|oscillating" and "regime|diverged" (Korean in
# chapter5/i18n/ko/figures_5_1_to_5_4.py)


def plot_train_val(ax, train, val=None, best_epoch=None, stopped_at=None, ylabel=None):
    """Training (and validation) error per epoch, log scale; mark the kept and the last epoch.

    ``ylabel`` defaults to "error E" (in the current language). Returns the artists.
    """
    train = np.asarray(train, dtype=float)
    epochs = np.arange(1, len(train) + 1)
    artists = ax.plot(epochs, train, color=COLORS["blue"], label=tr("training", context="curve"))
    if val is not None:
        val = np.asarray(val, dtype=float)
        artists += ax.plot(np.arange(1, len(val) + 1), val, color=COLORS["vermillion"],
                           ls="--", label=tr("validation", context="curve"))
    if best_epoch is not None:
        artists.append(ax.axvline(best_epoch, color=COLORS["green"], lw=2,
                                  label=tr("weights kept (epoch {epoch})").format(
                                      epoch=best_epoch)))
    if stopped_at is not None:
        artists.append(ax.axvline(stopped_at, color=COLORS["grey"], lw=1.5, ls=":",
                                  label=tr("stopped (epoch {epoch})").format(epoch=stopped_at)))
    ax.set(yscale="log", xlabel=tr("epoch"), ylabel=tr("error E") if ylabel is None else ylabel)
    ax.legend()
    return artists


def plot_eta_sweep(ax, runs: dict):
    """Error per epoch for several learning rates, each labelled with its regime.

    ``runs`` maps η to a fitted :class:`~chapter5.backprop.BPNetwork`. A run that diverged is
    drawn up to the epoch where it blew up, ending in a cross. Returns ``{eta: regime}``.
    """
    regimes = {}
    cmap = colormaps["viridis"]
    for k, (eta, net) in enumerate(sorted(runs.items())):
        regime = training_regime(net.loss_curve_, net.diverged_)
        regimes[eta] = regime
        loss = np.asarray(net.loss_curve_, dtype=float)
        finite = np.isfinite(loss)
        epochs = np.arange(1, len(loss) + 1)
        color = cmap(k / max(len(runs) - 1, 1))
        ax.plot(epochs[finite], loss[finite], color=color,
                label=f"η = {eta:g}: {tr(regime, context='regime')}")
        if net.diverged_:
            ax.plot([max(net.diverged_at_, 1)], [loss[finite][-1] if finite.any() else 1.0],
                    "X", ms=14, color=_REGIME_COLOR["diverged"], mec="black")
    ax.set(xscale="log", yscale="log", xlabel=tr("epoch"), ylabel=tr("error E (5.16)"))
    ax.legend(fontsize=9.5, loc="lower left")
    return regimes


def plot_decision_regions(ax, net: BPNetwork, X, y, extent=None, resolution=121,
                          title=None):
    """The network's output over the plane (orange 0 ... purple 1) with the labelled points.

    Returns the artists (image, points).
    """
    X = np.asarray(X, dtype=float)
    if extent is None:
        lo, hi = X.min(axis=0), X.max(axis=0)
        pad = 0.1 * (hi - lo)
        extent = (lo[0] - pad[0], hi[0] + pad[0], lo[1] - pad[1], hi[1] + pad[1])
    G = plane_grid(extent, resolution)
    yhat = net.predict_proba(G)[:, 0].reshape(resolution, resolution)
    image = ax.imshow(yhat, origin="lower", extent=extent, aspect="auto", cmap="PuOr",
                      vmin=-0.15, vmax=1.15, interpolation="bilinear")
    artists = [image]
    for c, style in CLASS_STYLE.items():
        sel = np.asarray(y) == c
        artists += ax.plot(X[sel, 0], X[sel, 1], ls="none", marker=style["marker"],
                           color=style["color"], mec="black", ms=8, label=tr(style["label"]))
    if title:
        ax.set_title(title, fontsize=11.5)
    return artists


def plot_confusion(ax, C, labels):
    """A confusion matrix with its counts written in the cells. Returns the image."""
    C = np.asarray(C)
    image = ax.imshow(C, cmap="cividis")
    for i in range(C.shape[0]):
        for j in range(C.shape[1]):
            ax.text(j, i, str(C[i, j]), ha="center", va="center", fontsize=13,
                    color="black" if C[i, j] > C.max() / 2 else "white")
    ax.set(xticks=range(len(labels)), yticks=range(len(labels)), xticklabels=labels,
           yticklabels=labels, xlabel=tr("predicted class"), ylabel=tr("true class"))
    return image
