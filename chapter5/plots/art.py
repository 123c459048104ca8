"""Figures for §5.5.2 ART: Fuzzy ART's categories as boxes, granularity against vigilance ρ."""

from __future__ import annotations

import numpy as np
from matplotlib.collections import PolyCollection
from matplotlib.colors import to_rgba
from matplotlib.ticker import MaxNLocator

from ..i18n import tr
from ._style import COLORS, FigureView

__all__ = ["CATEGORY_COLORS", "ARTView", "box_polygons", "plot_boxes", "plot_categories_vs_rho"]

CATEGORY_COLORS = [COLORS[k] for k in ("blue", "orange", "green", "vermillion", "sky",
                                       "purple", "black")]
"""Category j is drawn in ``CATEGORY_COLORS[j % 7]`` (Okabe-Ito; they repeat after seven)."""


def box_polygons(weights) -> list:
    """Fuzzy ART weights (n, 4) -> the category boxes as closed rectangles in the plane.

    With complement coding, w_j = (u_j, 1 - v_j): u_j is the lower-left corner of the box
    and v_j its upper-right corner (a single sample's box is a point)."""
    W = np.asarray(weights, dtype=float)
    lo, hi = W[:, :2], 1.0 - W[:, 2:]
    return [np.array([[a[0], a[1]], [b[0], a[1]], [b[0], b[1]], [a[0], b[1]]])
            for a, b in zip(lo, hi, strict=True)]


def _colors(n, alpha=1.0):
    return np.array([to_rgba(CATEGORY_COLORS[j % len(CATEGORY_COLORS)], alpha)
                     for j in range(n)]).reshape(-1, 4)


def plot_boxes(ax, art, X, labels=None, title=None, numbers: bool | None = None):
    """The categories of a fitted Fuzzy ART as boxes, and the samples coloured by category.

    Colours repeat after seven categories, so each box is numbered (by default when there
    are at most 30); a box that is still a single sample is drawn as a square marker."""
    polys = box_polygons(art.weights_)
    n = len(polys)
    boxes = PolyCollection(polys, facecolors=_colors(n, 0.18), edgecolors=_colors(n),
                           linewidths=2.2, closed=True)
    artists = [ax.add_collection(boxes)]
    labels = art.predict(X) if labels is None else np.asarray(labels)
    artists.append(ax.scatter(X[:, 0], X[:, 1], s=28, c=_colors(n)[labels % n],
                              edgecolors="black", linewidths=0.5, zorder=3))
    lo = np.array([p[0] for p in polys])
    hi = np.array([p[2] for p in polys])
    point = np.all(np.isclose(lo, hi), axis=1)
    if point.any():
        artists.append(ax.scatter(lo[point, 0], lo[point, 1], s=110, marker="s",
                                  facecolors="none", edgecolors=_colors(n)[point],
                                  linewidths=2.2, zorder=2))
    if n <= 30 if numbers is None else numbers:
        for j, (a, b) in enumerate(zip(lo, hi, strict=True)):
            artists.append(ax.annotate(str(j + 1), (a[0], b[1]), xytext=(-3, 3),
                                       textcoords="offset points", ha="right", va="bottom",
                                       fontsize=9, color=CATEGORY_COLORS[j % 7],
                                       fontweight="bold"))
    ax.set(xlim=(-0.02, 1.02), ylim=(-0.02, 1.02), aspect="equal", xlabel="$x_1$",
           ylabel="$x_2$",
           title=title or tr("ρ = {rho:g}: {n} categories").format(rho=art.rho,
                                                                       n=art.n_categories_))
    return artists


def plot_categories_vs_rho(ax, rhos, counts, label=None, **style):
    """How many categories a fixed order of samples creates, against the vigilance ρ."""
    artists = ax.plot(rhos, counts, drawstyle="steps-post", label=label, **style)
    ax.set(xlabel=tr("vigilance ρ"), ylabel=tr("number of categories"),
           title=tr("vigilance sets the granularity"), xlim=(0, 1))
    return artists


class ARTView(FigureView):
    """A Fuzzy ART run replayed sample by sample.

    Left: the unit square with every sample (grey until presented, then in its category's
    colour), the sample being presented (ringed) and the category boxes after it was learned.
    Right: the number of categories against the samples presented, and the resets per sample.
    """

    figsize = (11.5, 5.4)
    max_kept = 64  # a run's pictures (60 samples): Play and scrubbing send them again

    def _build(self):
        gs = self.fig.add_gridspec(1, 2, width_ratios=[1.05, 1])
        self.ax = self.fig.add_subplot(gs[0])
        self.ax_n = self.fig.add_subplot(gs[1])
        ax = self.ax
        self.boxes = PolyCollection([], closed=True, linewidths=2.2, zorder=1)
        ax.add_collection(self.boxes)
        self.samples = ax.scatter(np.zeros(1), np.zeros(1), s=30, edgecolors="black",
                                  linewidths=0.5, zorder=3)
        (self.current,) = ax.plot([], [], "o", ms=20, mfc="none", mec=COLORS["vermillion"],
                                  mew=3, zorder=4, label=tr("sample being presented"))
        (self.grey,) = ax.plot([], [], "o", ms=5, color="#BBBBBB", zorder=2,
                               label=tr("not yet presented"))
        (self.winner,) = ax.plot([], [], "-", color="black", lw=3.2, zorder=2.5,
                                 label=tr("its category's box"))
        ax.set(xlim=(-0.02, 1.02), ylim=(-0.02, 1.02), aspect="equal", xlabel="$x_1$",
               ylabel="$x_2$")
        ax.set_title(tr("Fuzzy ART categories (boxes) in input space"), fontsize=12)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=3, fontsize=9.5,
                  frameon=False, markerscale=0.6)
        a = self.ax_n
        (self.n_all,) = a.plot([], [], drawstyle="steps-post", color="#BBBBBB", lw=2,
                               label=tr("whole run"))
        (self.n_now,) = a.plot([], [], drawstyle="steps-post", color=COLORS["blue"], lw=2.6,
                               label=tr("categories so far"))
        self.resets = a.vlines([], [], [], color=COLORS["orange"], lw=2,
                               label=tr("resets (failed match tests) of the sample"))
        self.now = a.axvline(0, color=COLORS["vermillion"], lw=1.5, ls=":")
        a.yaxis.set_major_locator(MaxNLocator(integer=True))
        a.set(xlabel=tr("samples presented"), ylabel=tr("count"), xlim=(0, 100), ylim=(0, 10))
        a.set_title(tr("new categories appear when nothing resonates"), fontsize=12)
        a.legend(loc="upper left", fontsize=9.5)
        self.status = self.fig.suptitle(" ", fontsize=12.5, x=0.01, ha="left")
        self.animated = [self.boxes, self.samples, self.grey, self.winner, self.current,
                         self.n_now, self.resets, self.now, self.status]

    def set_run(self, X, counts, resets, key) -> None:
        """Load a run: samples (n, 2), categories after each sample, resets per sample."""
        n = len(X)
        self.X = X
        steps = np.arange(1, n + 1)
        self.counts, self.resets_per = np.asarray(counts), np.asarray(resets)
        self.n_all.set_data(np.r_[0, steps], np.r_[0, counts])
        top = max(int(self.counts.max()), int(self.resets_per.max()), 1)
        top = int(2 ** np.ceil(np.log2(top + 1)))  # few distinct ranges, cached backgrounds
        self.ax_n.set_xlim(0, n + 0.5)
        self.ax_n.set_ylim(0, top * 1.05)
        # scrubbing keeps it (only blits); the whole run's curve is static too, so it is part
        # of the key (a run with the same data and range but other counts draws anew)
        self.background_key = (key, n, top, self.counts.tobytes())
        self._kept.clear()  # the pictures kept are the run's steps (see show)

    def show(self, k: int, weights, categories, status: str) -> None:
        """Draw the state after the first ``k`` samples (k = 0: before any)."""
        X = self.X
        seen = X[:k]
        n_cat = len(weights)
        colours = _colors(max(n_cat, 1))
        self.boxes.set_verts(box_polygons(weights) if n_cat else [])
        self.boxes.set_facecolors(_colors(n_cat, 0.16) if n_cat else [])
        self.boxes.set_edgecolors(colours[:n_cat])
        if k:
            self.samples.set_offsets(seen)
            self.samples.set_facecolors(colours[np.asarray(categories[:k]) % len(colours)])
            self.samples.set_visible(True)
            self.current.set_data([X[k - 1, 0]], [X[k - 1, 1]])
            poly = box_polygons(weights[categories[k - 1]][None, :])[0]
            closed = np.vstack([poly, poly[:1]])
            self.winner.set_data(closed[:, 0], closed[:, 1])
        else:
            self.samples.set_visible(False)
            self.current.set_data([], [])
            self.winner.set_data([], [])
        self.grey.set_data(X[k:, 0], X[k:, 1])
        steps = np.arange(0, k + 1)
        self.n_now.set_data(steps, np.r_[0, self.counts[:k]])
        # a third of a sample to the right, so a bar never hides a step of the count
        self.resets.set_segments([[(i + 1.33, 0), (i + 1.33, r)]
                                  for i, r in enumerate(self.resets_per[:k]) if r])
        self.now.set_xdata([k, k])
        self.status.set_text(status)
        self.shown = (int(k), status)  # the picture of this step of the run loaded
