"""Figures for §5.4: error surfaces as contours and in 3-D, with descent paths."""

from __future__ import annotations

import numpy as np
from matplotlib.collections import PolyCollection
from mpl_toolkits.mplot3d.art3d import Poly3DCollection

from ..i18n import tr
from ..minima import Surface
from ._style import COLORS, FigureView

__all__ = ["DescentView", "plot_paths", "plot_surface_1d"]


class _SurfacePolygons(Poly3DCollection):
    """The polygons of ``plot_surface``, put in depth order with one numpy call each.

    matplotlib's :meth:`Poly3DCollection.do_3d_projection` sorts the polygons in a Python
    loop that builds a (masked, in 3.10) array per polygon: for the 44 x 44 quadrilaterals of
    the descent explorer's surface that took ~160-250 ms of a ~250-400 ms redraw, which is
    what made switching the surface freeze the picture. This does the same on the whole
    array: the same projection, the same depth of each polygon (the mean of its vertices'
    depths, summed in the same order), the same stable far-to-near order and the same
    closed paths, so the picture is byte for byte the one matplotlib draws
    (``tests/test_live_others.py`` compares them). Anything it was not written for (clipping
    to the axes, path codes, another depth rule, polygons of different lengths, depths that
    are not finite) goes to matplotlib's own method.
    """

    def do_3d_projection(self):
        slices = getattr(self, "_segslices", None)
        vec = getattr(self, "_vec", None)
        if (not slices or vec is None or getattr(self, "_axlim_clip", False)
                or getattr(self, "_codes3d", None) is not None
                or getattr(self, "_sort_zpos", None) is not None
                or getattr(self, "_zsortfunc", None) is not np.average
                or np.ma.isMA(vec) or vec.shape[0] != 4):
            return super().do_3d_projection()
        n, k = len(slices), slices[0].stop - slices[0].start
        if vec.shape[1] != n * k or any(sl.stop - sl.start != k for sl in slices):
            return super().do_3d_projection()
        M = self.axes.M
        vecw = np.dot(M, vec)  # as mpl_toolkits.mplot3d.proj3d._proj_transform_vec
        w = vecw[3]
        txs, tys, tzs = vecw[0] / w, vecw[1] / w, vecw[2] / w
        zs = tzs.reshape(n, k)
        depth = zs[:, 0].copy()
        for j in range(1, k):  # left to right, as numpy sums a short row
            depth += zs[:, j]
        depth /= k
        if not np.all(np.isfinite(depth)):
            return super().do_3d_projection()
        if self._A is not None:  # colours follow the polygons into the new order
            self.update_scalarmappable()
            if self._face_is_mapped:
                self._facecolor3d = self._facecolors
            if self._edge_is_mapped:
                self._edgecolor3d = self._edgecolors
        cface, cedge = self._facecolor3d, self._edgecolor3d
        if len(cface) != n:
            cface = cface.repeat(n, axis=0)
        if len(cedge) != n:
            cedge = cface if len(cedge) == 0 else cedge.repeat(n, axis=0)
        order = np.argsort(-depth, kind="stable")  # far first; ties keep their order
        xy = np.stack([txs.reshape(n, k), tys.reshape(n, k)], axis=-1)[order]
        self._facecolors2d = cface[order]
        self._edgecolors2d = cedge[order]
        PolyCollection.set_verts(self, xy, self._closed)
        if len(self._edgecolor3d) != len(cface):
            self._edgecolors2d = self._edgecolor3d
        return np.min(tzs)


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
        self._kept: dict = {}  # surface name -> (its static artists, the 3-D data limits)
        # the 3-D axes' data limits before any surface: each surface's z range starts from
        # them, not from the union with every surface shown before
        self._limits3 = (self.ax3.xy_dataLim.frozen(), self.ax3.zz_dataLim.frozen())

    def set_surface(self, surface: Surface) -> None:
        """Show ``surface``: its contours, its 3-D surface, the axes' ranges. The static
        artists of a surface shown before are kept (hidden while another is shown) with the
        3-D axes' data limits they made, so coming back to it (or to a frame drawn for it in
        advance) costs no new contouring."""
        if self.surface is surface:
            return
        if self.surface is not None:
            for artist in self._kept[self.surface.name][0]:
                artist.set_visible(False)
        self.surface = surface
        kept = self._kept.get(surface.name)
        if kept is None:
            (x, y), Z = surface.grid(120)
            filled = self.ax.contourf(x, y, Z, levels=25, cmap="cividis")
            lines = self.ax.contour(x, y, Z, levels=25, colors="white", linewidths=0.3)
            (xs, ys), Zs = surface.grid(45)
            X, Y = np.meshgrid(xs, ys)
            # (copies: Bbox.set shares the points array, which the next surface updates in
            # place)
            self.ax3.xy_dataLim.set(self._limits3[0].frozen())
            self.ax3.zz_dataLim.set(self._limits3[1].frozen())
            polygons = self.ax3.plot_surface(X, Y, Zs, cmap="cividis", linewidth=0,
                                             antialiased=False, alpha=0.85)
            if type(polygons) is Poly3DCollection:  # the same polygons, sorted faster
                polygons.__class__ = _SurfacePolygons
            self._kept[surface.name] = ([filled, lines, polygons],
                                        (self.ax3.xy_dataLim.frozen(),
                                         self.ax3.zz_dataLim.frozen()))
        else:  # as plot_surface left them: the same z range
            for artist in kept[0]:
                artist.set_visible(True)
            self.ax3.xy_dataLim.set(kept[1][0].frozen())
            self.ax3.zz_dataLim.set(kept[1][1].frozen())
            self.ax3.autoscale_view()
        g = surface.global_minimum[0]
        self.goal.set_data([g[0]], [g[1]])
        self.ax.set(xlim=surface.bounds[0], ylim=surface.bounds[1], xlabel="$w_1$",
                    ylabel="$w_2$")
        self.ax3.set(xlabel="$w_1$", ylabel="$w_2$", zlabel="E")
        self.ax3.set_xlim(*surface.bounds[0])
        self.ax3.set_ylim(*surface.bounds[1])
        self.background_key = surface.name

    def prepare_surface(self, surface: Surface) -> bool:
        """Draw and keep the static frame of another surface (contours, 3-D surface, axes)
        without changing the picture shown, so that switching to it later costs no full
        redraw (the dashboard calls this while the kernel is idle). False if it was kept
        already, or if no surface is shown yet."""
        shown = self.surface
        if shown is None or surface.name in self._backgrounds:
            return False
        self.set_surface(surface)
        self.render()  # the full draw, kept as this surface's background
        self.set_surface(shown)
        return True

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

