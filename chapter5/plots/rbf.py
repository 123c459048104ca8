"""Figures for §5.5.1 RBF networks: Gaussian bumps over the plane, the fitted surface φ(x)."""

from __future__ import annotations

import contourpy  # matplotlib's own contouring library
import numpy as np
from matplotlib import colormaps
from matplotlib.collections import LineCollection
from matplotlib.ticker import FormatStrFormatter
from matplotlib.transforms import Bbox

from ..i18n import tr
from ._style import COLORS, FigureView, grid_axes, plane_grid, rgb_image
from .perceptron import CLASS_STYLE

__all__ = ["RBFView", "half_height_radius", "plot_bumps", "plot_rbf_1d", "plot_rbf_surface"]

_CIRCLE = np.column_stack([np.cos(np.linspace(0, 2 * np.pi, 61)),
                           np.sin(np.linspace(0, 2 * np.pi, 61))])
# centres: a white cross ringed in vermillion, under the samples (zorder 3.5 < 4), so that a
# centre placed on a sample leaves the sample visible
CENTRE_STYLE = {"marker": "P", "ls": "none", "color": "white", "mec": COLORS["vermillion"],
                "mew": 2.2, "ms": 17, "label": "centre $c_i$", "zorder": 3.5}
SURFACE_CMAP = "PuOr"  # orange (φ = 0) ... purple (φ = 1): the class colours' neighbourhood


def _centre_style() -> dict:
    """:data:`CENTRE_STYLE` with its legend label in the current language."""
    return {**CENTRE_STYLE, "label": tr("centre $c_i$")}


def half_height_radius(beta) -> np.ndarray:
    """The distance at which ρ = exp(-β r²) falls to 1/2: r = sqrt(ln 2 / β)."""
    return np.sqrt(np.log(2.0) / np.asarray(beta, dtype=float))


def _circles(centres, radii):
    """Outlines of circles as one polyline per circle (for a LineCollection)."""
    return [c + r * _CIRCLE for c, r in zip(centres, radii, strict=True)]


def plot_points(ax, X, y, ms=8):
    """The two classes with the book's class markers. Returns the artists."""
    artists = []
    for cls, style in CLASS_STYLE.items():
        artists += ax.plot(X[y == cls, 0], X[y == cls, 1], ls="none", marker=style["marker"],
                           color=style["color"], mec="black", ms=ms, label=tr(style["label"]),
                           zorder=4)
    return artists


def plot_rbf_1d(ax, betas=(0.5, 2.0, 8.0), r_max: float = 3.0):
    """ρ(x, c) = exp(-β‖x - c‖²) against the distance for a few β (5.19). Returns artists."""
    r = np.linspace(-r_max, r_max, 301)
    artists = []
    for beta, color in zip(betas, (COLORS["blue"], COLORS["orange"], COLORS["green"],
                                   COLORS["purple"]), strict=False):
        artists += ax.plot(r, np.exp(-beta * r ** 2), color=color, label=f"β = {beta:g}")
    artists.append(ax.axhline(0.5, color=COLORS["grey"], lw=1, ls=":"))
    ax.set(xlabel=tr("x − c (distance from the centre)"), ylabel="ρ(x, c)",
           title=tr("Gaussian radial basis function (5.19)"), ylim=(0, 1.05))
    ax.legend()
    return artists


def plot_bumps(ax, net, extent, resolution: int = 150, X=None, y=None):
    """Each hidden unit's ρ(x, c_i) over the plane: the sum of the bumps as an image, each
    bump's half-height circle and its centre, labelled with its output weight w_i."""
    grid = plane_grid(extent, resolution)
    H = net.hidden(grid)
    artists = [ax.imshow(H.max(axis=1).reshape(resolution, resolution), origin="lower",
                         extent=extent, cmap="Greys", vmin=0, vmax=1, aspect="auto",
                         alpha=0.55)]
    lines = LineCollection(_circles(net.centers_, half_height_radius(net.beta_)),
                           colors=COLORS["vermillion"], linewidths=1.6,
                           label=tr("ρ = 1/2 circle of each unit"))
    artists.append(ax.add_collection(lines))
    artists += ax.plot(net.centers_[:, 0], net.centers_[:, 1], **_centre_style())
    for c, w in zip(net.centers_, net.w_, strict=True):
        artists.append(ax.annotate(f"w = {w:+.2f}", c, xytext=(8, 8),
                                   textcoords="offset points", fontsize=10,
                                   bbox={"boxstyle": "round,pad=0.15", "fc": "white",
                                         "ec": "none", "alpha": 0.8}))
    if X is not None:
        artists += plot_points(ax, X, y)
    ax.set(xlim=extent[:2], ylim=extent[2:], xlabel="$x_1$", ylabel="$x_2$",
           title=tr("hidden layer: max over units of ρ(x, $c_i$)"))
    return artists


def plot_rbf_surface(ax, net, extent, resolution: int = 150, X=None, y=None,
                     show_centers: bool | None = None, colorbar: bool = True):
    """The network's output φ(x) (5.18) over the plane with its φ = 0.5 decision line.

    The centres are drawn when ``show_centers`` (default: when there are at most 40); the
    colour scale runs from φ = -0.25 to 1.25 (beyond: the end colours), with a colourbar."""
    grid = plane_grid(extent, resolution)
    phi = net.decision_function(grid).reshape(resolution, resolution)
    g1, g2 = grid_axes(extent, resolution)
    image = ax.imshow(np.clip(phi, -0.25, 1.25), origin="lower", extent=extent,
                      cmap=SURFACE_CMAP, vmin=-0.25, vmax=1.25, aspect="auto")
    artists = [image]
    if colorbar:
        artists.append(ax.figure.colorbar(image, ax=ax, shrink=0.8, label="φ(x)",
                                          ticks=[0, 0.5, 1], extend="both"))
    if phi.min() < 0.5 < phi.max():
        artists.append(ax.contour(g1, g2, phi, levels=[0.5], colors="black", linewidths=2))
    if len(net.centers_) <= 40 if show_centers is None else show_centers:
        artists += ax.plot(net.centers_[:, 0], net.centers_[:, 1], **_centre_style())
    if X is not None:
        artists += plot_points(ax, X, y)
    ax.set(xlim=extent[:2], ylim=extent[2:], xlabel="$x_1$", ylabel="$x_2$",
           title=tr("output φ(x) (5.18); black line: φ = 0.5"))
    return artists


class RBFView(FigureView):
    """Left: φ(x) over the plane, the data, the centres and their half-height circles, the
    decision line φ = 0.5. Right: the output weights w_i, one bar per hidden unit.
    ``show(...)`` redraws everything that depends on the fitted network."""

    figsize = (11.5, 5.2)
    resolution = 120
    max_unit_labels = 12
    _MARGIN = 3  # pixels kept free on each side of the split between the two panels

    def _build(self):
        gs = self.fig.add_gridspec(1, 2, width_ratios=[1.35, 1])
        self.ax = self.fig.add_subplot(gs[0])
        self.ax_w = self.fig.add_subplot(gs[1])
        self._cmap = colormaps[SURFACE_CMAP]
        blank = np.zeros((self.resolution, self.resolution, 4), np.uint8)
        self.surface = self.ax.imshow(blank, origin="lower", aspect="auto",
                                      interpolation="bilinear", zorder=0)
        (self.boundary,) = self.ax.plot([], [], color="black", lw=2.2,
                                        label=tr("decision line φ = 0.5"), zorder=2)
        self.points = {c: self.ax.plot([], [], ls="none", marker=s["marker"], color=s["color"],
                                       mec="black", ms=8, label=tr(s["label"]), zorder=4)[0]
                       for c, s in CLASS_STYLE.items()}
        self.widths = LineCollection([], colors=COLORS["vermillion"], linewidths=1.4,
                                     zorder=3, label=tr("ρ = 1/2 circle"))
        self.ax.add_collection(self.widths)
        (self.centres,) = self.ax.plot([], [], **_centre_style())
        # one tick format for every data set, laid out once with the widest labels
        for axis in (self.ax.xaxis, self.ax.yaxis):
            axis.set_major_formatter(FormatStrFormatter("%.1f"))
        self.ax.set(xlabel="$x_1$", ylabel="$x_2$", xlim=(-2.6, 2.6), ylim=(-2.6, 2.6),
                    aspect="equal")  # every data set's frame is square: circles stay round
        self.ax.set_title(tr("output φ(x) (orange 0 … purple 1)"), fontsize=12)
        self.ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=3, fontsize=9.5,
                       frameon=False)
        a = self.ax_w
        # Unit i's bar stands at x = (i - 1/2) / q on a fixed 0...1 axis, so that q does not
        # change the panel's frame (a new frame costs a ~130 ms full redraw); the unit numbers
        # are a few labels redrawn with the bars, in place of ticks.
        self.bars = LineCollection([], colors=COLORS["blue"], linewidths=6)
        a.add_collection(self.bars)
        a.set_xticks([])
        a.axhline(0, color="black", lw=0.8)
        (self.bias_line,) = a.plot([0.0, 1.0], [np.nan, np.nan], color=COLORS["orange"], lw=2,
                                   ls="--", label=tr("output bias"))
        a.yaxis.set_major_formatter(FormatStrFormatter("%.1f"))
        a.set(ylabel=tr("output weight $w_i$"), xlim=(0.0, 1.0), ylim=(-64, 64))
        a.set_xlabel(tr("hidden unit i"), labelpad=18)  # room for the unit numbers
        under = a.get_xaxis_transform()  # x in data, y in axes coordinates
        self.unit_labels = [a.text(0.0, -0.015, "", transform=under, ha="center", va="top",
                                   fontsize=11) for _ in range(self.max_unit_labels)]
        a.set_title(tr("output weights (least squares or descent)"), fontsize=12)
        # below the panel, as on the left: the bias line (redrawn on top of the cached
        # background) must never cross the legend
        a.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), fontsize=9.5, frameon=False)
        self.status = self.fig.suptitle(" ", fontsize=12.5, x=0.01, ha="left")
        # the weights panel's frame (its ranges follow q and |w|) is part of the cached
        # background: only the bars and the bias line are redrawn on every change
        self.animated = [self.surface, self.boundary, *self.points.values(), self.widths,
                         self.centres, self.bars, self.bias_line, *self.unit_labels,
                         self.status]
        # the frame in two halves (see render): the left one per data set, the right one per
        # weights range, cut at the column _split between the two panels
        self._split = None
        self._halves: tuple[dict, dict] = ({}, {})

    def set_frame(self, extent, w_lim: float, key) -> None:
        """The frame for a data set (``key``) and the weights panel's range ±``w_lim``.
        A frame is drawn in full once per data set and once per ``w_lim`` (see
        :meth:`render`) and then kept, so changing β, q, the seed or the solver only redraws
        what moved."""
        self.extent = extent
        self.surface.set_extent(extent)
        self.ax.set(xlim=extent[:2], ylim=extent[2:])
        self.ax_w.set_ylim(-w_lim, w_lim)
        if self.background_key is None or key != self.background_key[0]:
            self.grid = plane_grid(extent, self.resolution)
        self.background_key = (key, w_lim)

    def render(self) -> None:
        """As :meth:`FigureView.render`, but a frame never drawn before is put together from
        two kept halves when it can be: the left panel's (which depends on the data set
        only) and the weights panel's (on ``w_lim`` only). The two panels' drawings lie
        apart, so the halves give the very pixels a full draw gives (the tests compare
        them), and a change of β that changes ``w_lim`` costs no ~100-200 ms full redraw.
        """
        key = self.background_key
        if key is None or key in self._backgrounds:
            super().render()
            return
        left, right = self._halves[0].get(key[0]), self._halves[1].get(key[1])
        if left is None or right is None:
            super().render()  # a full draw, kept as key's background ...
            self._keep_halves(key)  # ... and cut in two for the frames to come
            return
        canvas = self.fig.canvas
        canvas.restore_region(left)
        canvas.restore_region(right)
        if len(self._backgrounds) >= self.max_backgrounds:  # forget the oldest
            self._backgrounds.pop(next(iter(self._backgrounds)))
        self._backgrounds[key] = canvas.copy_from_bbox(self.fig.bbox)
        super().render()

    def invalidate(self) -> None:
        """Forget every kept frame, halves included: the next :meth:`render` draws it all."""
        super().invalidate()
        self._split = None
        self._halves = ({}, {})

    def _keep_halves(self, key) -> None:
        """Cut the kept frame of ``key`` in two at the column between the panels' drawings
        (found the first time); a frame whose drawings reach the cut is not kept in halves."""
        canvas = self.fig.canvas
        renderer = canvas.get_renderer()
        right_of_left = self.ax.get_tightbbox(renderer).x1
        left_of_right = self.ax_w.get_tightbbox(renderer).x0
        if self._split is None:
            self._split = int((right_of_left + left_of_right) / 2)
        split = self._split
        if not right_of_left + self._MARGIN <= split <= left_of_right - self._MARGIN:
            return
        width, height = canvas.get_width_height()
        canvas.restore_region(self._backgrounds[key])  # the frame alone ...
        self._halves[0].setdefault(key[0], canvas.copy_from_bbox(
            Bbox([[0, 0], [split, height]])))
        self._halves[1].setdefault(key[1], canvas.copy_from_bbox(
            Bbox([[split, 0], [width, height]])))
        super().render()  # ... then the moving parts on it again

    def prepare_frame(self, extent, w_lim: float, key) -> bool:
        """Draw and keep the frame of another (data set, w_lim) without changing the picture
        shown, so that switching to it later costs no full redraw (the dashboard calls this
        while the kernel is idle). False if it was kept already, or if nothing is shown yet."""
        if self.background_key is None or (key, w_lim) in self._backgrounds:
            return False
        shown = (self.extent, self.ax_w.get_ylim()[1], self.background_key[0])
        self.set_frame(extent, w_lim, key)
        self.render()  # the full draw, kept as this frame's background
        self.set_frame(*shown)
        return True

    @staticmethod
    def unit_positions(q: int) -> np.ndarray:
        """Where unit i = 1 … q stands on the weights panel's 0…1 axis."""
        return (np.arange(q) + 0.5) / q

    @staticmethod
    def labelled_units(q: int) -> list[int]:
        """The unit numbers written under the bars: all up to 10, else 1, every 5th and q
        (which replaces a 5th closer than three units, so no two labels collide)."""
        if q <= 10:
            return list(range(1, q + 1))
        numbers = [1, *range(5, q + 1, 5)]
        if numbers[-1] != q:
            if q - numbers[-1] < 3:
                numbers[-1] = q
            else:
                numbers.append(q)
        return numbers

    def show(self, net, X, y, status: str) -> np.ndarray:
        """Draw the fitted ``net``; returns φ on the plotting grid (for tests)."""
        r = self.resolution
        phi = net.decision_function(self.grid).reshape(r, r)
        self.surface.set_data(rgb_image(self._cmap, np.clip((phi + 0.25) / 1.5, 0, 1)))
        self.boundary.set_data(*self._level_line(phi, 0.5))
        for c in (0, 1):
            self.points[c].set_data(X[y == c, 0], X[y == c, 1])
        self.widths.set_segments(_circles(net.centers_, half_height_radius(net.beta_)))
        self.centres.set_data(net.centers_[:, 0], net.centers_[:, 1])
        lo, hi = self.ax_w.get_ylim()
        w = np.clip(net.w_, lo, hi)  # a bar beyond the axis is drawn to its edge
        x = self.unit_positions(len(w))
        self.bars.set_segments([[(xi, 0), (xi, v)] for xi, v in zip(x, w, strict=True)])
        self.bars.set_linewidths(max(1.5, min(24.0, 220.0 / max(len(w), 1))))
        self.bias_line.set_ydata([net.bias_] * 2)
        numbers = self.labelled_units(len(w))
        for k, label in enumerate(self.unit_labels):
            label.set_visible(k < len(numbers))
            if k < len(numbers):
                label.set_text(str(numbers[k]))
                label.set_x(x[numbers[k] - 1])
        self.status.set_text(status)
        return phi

    def _level_line(self, Z, level):
        """The φ = level contour as one NaN-separated polyline (cheap to redraw)."""
        gen = contourpy.contour_generator(self.grid[: self.resolution, 0],
                                          self.grid[:: self.resolution, 1], Z)
        lines = gen.lines(level)
        if not lines:
            return [], []
        pts = np.concatenate([np.vstack([seg, [np.nan, np.nan]]) for seg in lines])
        return pts[:, 0], pts[:, 1]
