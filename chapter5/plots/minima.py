"""Figures for §5.4: error surfaces as contours and in 3-D, with descent paths."""

from __future__ import annotations

import numpy as np

from ..i18n import tr
from ..minima import Surface
from ._style import COLORS, FigureView

__all__ = ["DescentView", "plot_paths", "plot_surface_1d"]


def plot_surface_1d(ax, surface: Surface, n: int = 400):
    """A 1-D surface with its minima marked (global: star, local: circles). Returns artists."""
    (lo, hi), = surface.bounds
    x = np.linspace(lo, hi, n)
    artists = ax.plot(x, surface.f(x[:, None]), color=COLORS["blue"], label="E(w)")
    labelled = set()
    for point, value, kind in surface.minima:
        style = ({"marker": "*", "color": COLORS["vermillion"], "ms": 16} if kind == "global"
                 else {"marker": "o", "color": COLORS["orange"], "ms": 9})
        name = tr("global minimum") if kind == "global" else tr("local minimum")
        artists += ax.plot(point, value, ls="none", mec="black", **style,
                           label=None if kind in labelled else name)
        labelled.add(kind)
    ax.set(xlabel="w", ylabel="E(w)")
    ax.legend()
    return artists


def plot_paths(ax, surface: Surface, paths: dict, levels: int = 25):
    """Contours of a 2-D surface with several optimizers' paths and their end points."""
    (x, y), Z = surface.grid(160)
    artists = [ax.contourf(x, y, Z, levels=levels, cmap="cividis"),
               ax.contour(x, y, Z, levels=levels, colors="white", linewidths=0.3)]
    colors = [COLORS[k] for k in ("vermillion", "sky", "green", "purple", "orange")]
    for (name, path), c in zip(paths.items(), colors, strict=False):
        P = path.points
        artists += ax.plot(P[:, 0], P[:, 1], "-", color=c, lw=1.6, label=name)
        artists += ax.plot(P[-1, 0], P[-1, 1], "o", color=c, mec="black", ms=8)
    g = surface.global_minimum[0]
    artists += ax.plot(g[0], g[1], "*", color="white", mec="black", ms=16,
                       label=tr("global minimum"))
    ax.set(xlim=surface.bounds[0], ylim=surface.bounds[1], xlabel="$w_1$", ylabel="$w_2$",
           aspect="equal")
    ax.legend(fontsize=9, loc="upper left")
    return artists


class DescentView(FigureView):
    """A 2-D surface as contours (left) and in 3-D (right), with a descent path scrubbed step by
    step. ``set_surface`` draws the static parts; ``show(path, k)`` draws the first k steps."""

    figsize = (11.5, 5.0)

    def _build(self):
        self.ax = self.fig.add_subplot(1, 2, 1)
        self.ax3 = self.fig.add_subplot(1, 2, 2, projection="3d")
        (self.path_line,) = self.ax.plot([], [], "-", color=COLORS["vermillion"], lw=2,
                                         marker="o", ms=3, label=tr("descent path"))
        (self.start,) = self.ax.plot([], [], "s", color="white", mec="black", ms=9,
                                     label=tr("start"))
        (self.now,) = self.ax.plot([], [], "o", color=COLORS["vermillion"], mec="black",
                                   ms=11, label=tr("current point"))
        (self.goal,) = self.ax.plot([], [], "*", color="white", mec="black", ms=16,
                                    label=tr("global minimum"))
        self.ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13), ncol=4, fontsize=9,
                       frameon=False)
        (self.path3,) = self.ax3.plot([], [], [], "-", color=COLORS["vermillion"], lw=2)
        self.status = self.fig.suptitle(" ", fontsize=12, x=0.02, ha="left")
        self.animated = [self.path_line, self.start, self.now, self.status, self.path3]
        self.surface = None
        # the 3-D axes' data limits before any surface: each surface's z range starts from
        # them, not from the union with every surface shown before
        self._limits3 = (self.ax3.xy_dataLim.frozen(), self.ax3.zz_dataLim.frozen())

    def set_surface(self, surface: Surface) -> None:
        if self.surface is surface:
            return
        self.surface = surface
        for coll in list(self.ax.collections) + list(self.ax3.collections):
            coll.remove()
        (x, y), Z = surface.grid(120)
        self.ax.contourf(x, y, Z, levels=25, cmap="cividis")
        self.ax.contour(x, y, Z, levels=25, colors="white", linewidths=0.3)
        g = surface.global_minimum[0]
        self.goal.set_data([g[0]], [g[1]])
        self.ax.set(xlim=surface.bounds[0], ylim=surface.bounds[1], xlabel="$w_1$",
                    ylabel="$w_2$")
        (xs, ys), Zs = surface.grid(45)
        X, Y = np.meshgrid(xs, ys)
        # (copies: Bbox.set shares the points array, which the next surface updates in place)
        self.ax3.xy_dataLim.set(self._limits3[0].frozen())
        self.ax3.zz_dataLim.set(self._limits3[1].frozen())
        self.ax3.plot_surface(X, Y, Zs, cmap="cividis", linewidth=0, antialiased=False,
                              alpha=0.85)
        self.ax3.set(xlabel="$w_1$", ylabel="$w_2$", zlabel="E")
        self.ax3.set_xlim(*surface.bounds[0])
        self.ax3.set_ylim(*surface.bounds[1])
        self.background_key = surface.name

    def show(self, path, k: int, label: str) -> dict:
        k = int(np.clip(k, 0, len(path.points) - 1))
        P = path.points[:k + 1]
        lo = np.array(self.surface.bounds)[:, 0]
        hi = np.array(self.surface.bounds)[:, 1]
        inside = np.all((P >= lo) & (P <= hi), axis=1)
        self.path_line.set_data(P[:, 0], P[:, 1])
        self.start.set_data([P[0, 0]], [P[0, 1]])
        self.now.set_data([P[-1, 0]], [P[-1, 1]])
        Q = P[inside]
        self.path3.set_data_3d(Q[:, 0], Q[:, 1], path.values[:k + 1][inside])
        E = float(path.values[k])
        text = tr("{label}: step {k} of {n}, E = {E:.4f}").format(
            label=label, k=k, n=len(path.points) - 1, E=E)
        if not inside[-1]:
            text += tr("  (the point has left the plot)")
        if path.diverged and k == len(path.points) - 1:
            text += tr("  DIVERGED: the steps grew without bound")
        self.status.set_text(text)
        return {"step": k, "E": E, "point": P[-1].copy(), "diverged": path.diverged}

