"""Figures for §5.5.3: a SOM's grid in the input space, and maps drawn on the grid itself
(U-matrix, hit map, component planes, colours), with a view for the SOM explorer.

Maps are drawn cell by cell (squares, or hexagons on a hexagonal grid) at the neurons' grid
positions, row 0 on top as in a matrix, so the same function serves every topology.
"""

from __future__ import annotations

import numpy as np
from matplotlib import colormaps
from matplotlib.cm import ScalarMappable
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.colors import Normalize
from matplotlib.patheffects import withStroke
from matplotlib.ticker import StrMethodFormatter

from ..i18n import tr
from ..networks.som import SOM
from ._style import COLORS, FigureView

__all__ = [
    "SOMView",
    "plot_component_planes",
    "plot_grid_in_input_space",
    "plot_hit_map",
    "plot_map",
    "plot_quantization_curve",
    "plot_rgb_map",
    "plot_u_matrix",
    "plot_unfolding",
]

CLASS_STYLES = ({"marker": "s", "color": COLORS["vermillion"]},
                {"marker": "o", "color": COLORS["sky"]},
                {"marker": "^", "color": COLORS["orange"]},
                {"marker": "D", "color": COLORS["purple"]})
"""Marker and colour per class label 0, 1, 2, 3 on maps (visible on cividis)."""


def _check_fitted(som) -> None:
    if not isinstance(som, SOM):
        raise TypeError(f"som must be a fitted chapter5.networks.som.SOM; got "
                        f"{type(som).__name__}")
    if not hasattr(som, "weights_"):
        raise RuntimeError("this SOM is not fitted yet; call fit(X) first")


def _cell_vertices(som) -> np.ndarray:
    """One polygon per neuron around its grid position: unit squares or hexagons."""
    if som.topology.strip().lower() == "hexagonal":  # pointy-top, 1 wide: they tile the grid
        angles = np.deg2rad(90 + 60 * np.arange(6))
        shape = np.column_stack([np.cos(angles), np.sin(angles)]) / np.sqrt(3)
    else:
        shape = np.array([[-0.5, -0.5], [0.5, -0.5], [0.5, 0.5], [-0.5, 0.5]])
    return som.grid_[:, None, :] + shape[None, :, :]


def _frame_map(ax, som) -> None:
    g = som.grid_
    pad = 0.65
    ax.set(xlim=(g[:, 0].min() - pad, g[:, 0].max() + pad),
           ylim=(g[:, 1].max() + pad, g[:, 1].min() - pad),  # row 0 on top
           xlabel=tr("map column"), ylabel=tr("map row"), aspect="equal")
    every = 1 if max(som.rows, som.cols) <= 10 else 2  # keep the labels apart
    ax.set_xticks(np.arange(0, som.cols, every))
    step = g[som.cols, 1] if som.rows > 1 else 1.0
    rows = np.arange(0, som.rows, every)
    ax.set_yticks(rows * step, [str(r) for r in rows])
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def plot_map(ax, som, values=None, cmap="cividis", norm=None, facecolors=None,
             edgecolor="white"):
    """Cells coloured by ``values`` (rows, cols), or painted with ``facecolors``
    (rows, cols, 3); returns the :class:`~matplotlib.collections.PolyCollection`."""
    _check_fitted(som)
    cells = PolyCollection(_cell_vertices(som), edgecolors=edgecolor, linewidths=0.6)
    if facecolors is not None:
        cells.set_facecolor(np.clip(np.asarray(facecolors, dtype=float).reshape(-1, 3), 0, 1))
    else:
        values = np.asarray(values, dtype=float).reshape(-1)
        if values.size != som.rows * som.cols:
            raise ValueError(f"values must have one entry per neuron ({som.rows} x "
                             f"{som.cols}); got {values.size}")
        cells.set_array(values)
        cells.set_cmap(cmap)
        cells.set_norm(norm or Normalize(values.min(), values.max()))
    ax.add_collection(cells)
    _frame_map(ax, som)
    return cells


def _mark_classes(ax, som, X, y, class_names):
    """Per neuron, one marker per class it wins (side by side), the count written if > 1."""
    y = np.asarray(y).astype(int)
    bmu = som.bmu(X)
    classes = np.unique(y)
    offsets = (np.arange(len(classes)) - (len(classes) - 1) / 2) * 0.36
    artists = []
    for k, off in zip(classes, offsets, strict=True):
        counts = np.bincount(bmu[y == k], minlength=som.rows * som.cols)
        units = np.flatnonzero(counts)
        style = CLASS_STYLES[k % len(CLASS_STYLES)]
        name = class_names[k] if class_names is not None else tr("class {k}").format(k=k)
        pos = som.grid_[units] + [off, 0.0]
        artists += ax.plot(pos[:, 0], pos[:, 1], ls="none", ms=9, mec="white", mew=1.2,
                           label=name, **style)
        for (px, py), c in zip(pos, counts[units], strict=True):
            if c > 1:
                artists.append(ax.text(px, py + 0.33, f"×{c}", ha="center", va="center",
                                       fontsize=8.5, color="white", fontweight="bold",
                                       path_effects=[withStroke(linewidth=2.2,
                                                                foreground="black")]))
    return artists


def plot_u_matrix(ax, som, X=None, y=None, class_names=None, colorbar=True):
    """The U-matrix (mean distance to grid neighbours): bright cells are borders between
    groups of similar neurons. With ``X`` and ``y``, each class's samples are marked on
    their BMUs. Returns the artists made."""
    cells = plot_map(ax, som, som.u_matrix())
    artists = [cells]
    if colorbar:
        artists.append(ax.figure.colorbar(cells, ax=ax, shrink=0.85,
                                          label=tr("U: mean |w_u - w_v| to neighbours")))
    if X is not None and y is not None:
        artists += _mark_classes(ax, som, X, y, class_names)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=4, fontsize=9.5,
                  frameon=False)
    ax.set_title(tr("U-matrix"))
    return artists


def plot_hit_map(ax, som, X, colorbar=False):
    """How many samples each neuron wins, written in its cell. Returns the artists made."""
    hits = som.hit_map(X)
    cells = plot_map(ax, som, hits, cmap="Greys", norm=Normalize(0, max(hits.max(), 1)))
    artists = [cells]
    for (px, py), h in zip(som.grid_, hits.ravel(), strict=True):
        artists.append(ax.text(px, py, str(h), ha="center", va="center", fontsize=10,
                               color="white" if h > 0.6 * hits.max() else "black"))
    if colorbar:
        artists.append(ax.figure.colorbar(cells, ax=ax, shrink=0.85, label=tr("samples won")))
    ax.set_title(tr("Hit map (samples per neuron)"))
    return artists


def plot_component_planes(axes, som, feature_names=None):
    """One map per input dimension: the weight w_u[i] of every neuron. Returns the artists."""
    planes = som.component_planes()
    axes = np.atleast_1d(axes).ravel()
    if len(axes) < len(planes):
        raise ValueError(f"axes must hold at least {len(planes)} axes (one per input "
                         f"dimension); got {len(axes)}")
    names = feature_names or [f"x{i + 1}" for i in range(len(planes))]
    artists = []
    for ax, plane, name in zip(axes, planes, names, strict=False):
        cells = plot_map(ax, som, plane)
        artists += [cells, ax.figure.colorbar(cells, ax=ax, shrink=0.85, label=f"w[{name}]")]
        ax.set_title(tr("Component plane: {name}").format(name=name))
    return artists


def plot_rgb_map(ax, som, snapshot: int = -1):
    """Weights of a map trained on colours (d = 3, in [0, 1]) painted as the colours."""
    _check_fitted(som)
    W = som.history_[snapshot]
    if W.shape[2] != 3:
        raise ValueError(f"som must have 3 input dimensions (R, G, B) to paint; got "
                         f"{W.shape[2]}")
    cells = plot_map(ax, som, facecolors=W, edgecolor="none")
    ax.set_title(f"t = {som.history_steps_[snapshot]}")
    return [cells]


def _grid_segments(som, W) -> np.ndarray:
    u, v = som.edges_.T
    return np.stack([W[u], W[v]], axis=1)


def plot_grid_in_input_space(ax, som, X=None, snapshot: int = -1, color=None, y=None,
                             class_names=None):
    """The map as a net in a 2-D input space: each neuron at its weights w_u, lines between
    grid neighbours, over the data. With ``y``, each class of ``X`` gets its own marker
    (as on :func:`plot_u_matrix`), drawn above a grey net. Returns the artists made."""
    _check_fitted(som)
    W = som.history_[snapshot].reshape(-1, som.weights_.shape[2])
    if W.shape[1] != 2:
        raise ValueError(f"som must have 2 input dimensions to draw in the plane; got "
                         f"{W.shape[1]}")
    # grey under class markers (the first class is vermillion), vermillion over plain data
    color = color or COLORS["grey" if y is not None else "vermillion"]
    artists = []
    if X is not None and y is None:
        artists.append(ax.scatter(X[:, 0], X[:, 1], s=8, color=COLORS["sky"], alpha=0.6,
                                  label=tr("data x"), zorder=1))
    lines = LineCollection(_grid_segments(som, W), colors=color, linewidths=1.2, zorder=2)
    ax.add_collection(lines)
    artists.append(lines)
    artists += ax.plot(W[:, 0], W[:, 1], "o", ms=3.5, color=color, zorder=3,
                       label=tr("neuron weights w_u"))
    if X is not None and y is not None:
        X, y = np.asarray(X, dtype=float), np.asarray(y).astype(int)
        if len(y) != len(X):
            raise ValueError(f"y must have one label per row of X ({len(X)}); got {len(y)}")
        for k in np.unique(y):
            name = class_names[k] if class_names is not None else tr("class {k}").format(k=k)
            artists += ax.plot(X[y == k, 0], X[y == k, 1], ls="none", ms=8, mec="white",
                               mew=1.0, zorder=4, label=name,
                               **CLASS_STYLES[k % len(CLASS_STYLES)])
    ax.set(xlabel="$x_1$", ylabel="$x_2$", aspect="equal")
    return artists


def plot_unfolding(axes, som, X, snapshots):
    """The net in the plane at several snapshots (indices into ``history_``), left to right."""
    axes = np.atleast_1d(axes).ravel()
    artists = []
    for ax, k in zip(axes, snapshots, strict=True):
        artists += plot_grid_in_input_space(ax, som, X, snapshot=k)
        ax.set_title(f"t = {som.history_steps_[k]}")
    return artists


def plot_quantization_curve(ax, som, label=None, **kw):
    """The quantization error at each snapshot against the number of updates t (``label``:
    the curve's legend label, by default "quantization error")."""
    _check_fitted(som)
    label = tr("quantization error") if label is None else label
    artists = ax.plot(som.history_steps_, som.quantization_errors_, "-", label=label, **kw)
    ax.set(xlabel=tr("update t"), ylabel=tr("quantization error"), ylim=(0, None))
    return artists


class SOMView(FigureView):
    """Left: the net over the data in the plane; middle: the U-matrix; right: the
    quantization error over the updates, with the current snapshot marked.

    ``set_training(som, X, name)`` takes a newly trained map; ``show(k)`` draws snapshot k;
    ``show_progress(...)`` draws a map still training (the frames of a live training), and
    ``prepare_data(X, name)`` draws another data set's frame in advance.
    Only what depends on the data set is static (axes, ticks, colourbar, legend); the net,
    the U-matrix cells and the error curve are redrawn on every change, so retraining costs
    no full draw unless the data set changes. For that the U-matrix has no ticks (its
    limits follow the grid), the error curve runs over t / T, and the U-matrix is shown
    relative to its own maximum (as MiniSom's ``distance_map``), so one colourbar serves
    every snapshot. The status line (t, η(t), σ(t), the errors) is returned by ``show`` for
    the dashboard to print above the picture: drawn in the figure, its glyphs took 3/4 of the
    time of a redraw.
    """

    figsize = (12.0, 4.4)
    max_kept = 64  # a map's pictures (51 snapshots): Play and scrubbing send them again

    def _build(self):
        gs = self.fig.add_gridspec(1, 3, width_ratios=(1.25, 1.0, 1.05))
        self.ax_in = self.fig.add_subplot(gs[0])
        self.ax_u = self.fig.add_subplot(gs[1])
        self.ax_qe = self.fig.add_subplot(gs[2])
        color = COLORS["vermillion"]
        self.data = self.ax_in.scatter([], [], s=8, color=COLORS["sky"], alpha=0.7,
                                       label=tr("data x"), zorder=1)
        self.lines = LineCollection([], colors=color, linewidths=1.1, zorder=2)
        self.ax_in.add_collection(self.lines)
        (self.nodes,) = self.ax_in.plot([], [], "o", ms=3.2, color=color, zorder=3,
                                        label=tr("weights w_u (grid lines join neighbours)"))
        self.ax_in.set(xlabel="$x_1$", ylabel="$x_2$", title=tr("The map in the input space"))
        self.ax_in.legend(loc="upper center", bbox_to_anchor=(0.5, -0.15), ncol=1,
                          fontsize=9.5, frameon=False)
        self.u_norm = Normalize(0.0, 1.0)
        self.fig.colorbar(ScalarMappable(self.u_norm, colormaps["cividis"]), ax=self.ax_u,
                          shrink=0.8, label=tr("U / max U (1 = strongest border)"))
        self.cells = None
        (self.qe_line,) = self.ax_qe.plot([], [], "-", color=COLORS["blue"],
                                          label=tr("this training"))
        (self.qe_one,) = self.ax_qe.plot([], [], "--", color=COLORS["grey"], lw=1.4,
                                         label=tr("all neurons at the mean"))
        self.qe_now = self.ax_qe.axvline(0.0, color=COLORS["vermillion"], lw=1.2)
        (self.qe_dot,) = self.ax_qe.plot([], [], "o", color=COLORS["vermillion"], mec="black",
                                         ms=8, label=tr("current snapshot"))
        self.ax_qe.set(xlabel=tr("t / T (share of the updates done)"),
                       ylabel=tr("quantization error"), title=tr("Quantization error"),
                       xlim=(-0.03, 1.03), ylim=(0, 0.4))
        self.qe_one.set_data([0.0, 1.0], [np.nan, np.nan])
        self.ax_u.set(xticks=[], yticks=[], xlabel=tr("map column →"), ylabel=tr("← map row"),
                      title=tr("U-matrix"))
        for spine in self.ax_u.spines.values():
            spine.set_visible(False)
        self.ax_qe.yaxis.set_major_formatter(StrMethodFormatter("{x:.2f}"))  # fixed widths:
        self.ax_qe.legend(loc="upper right", fontsize=9)  # the layout is fixed after _build
        self.animated = [self.lines, self.nodes, self.qe_line, self.qe_now, self.qe_dot]
        self.som = self.X = None
        self._grid = None

    def _set_data(self, X) -> None:
        self.X = X
        self.data.set_offsets(X)
        lo, hi = X.min(axis=0), X.max(axis=0)  # the net stays in this box: every update
        pad = 0.06 * (hi - lo).max()  # moves a neuron part of the way towards a sample
        self.ax_in.set(xlim=(lo[0] - pad, hi[0] + pad), ylim=(lo[1] - pad, hi[1] + pad),
                       aspect="equal")
        one = float(np.mean(np.linalg.norm(X - X.mean(axis=0), axis=1)))
        self.qe_one.set_ydata([one, one])
        self.ax_qe.set_ylim(0, 1.5 * one)

    def _fit_grid(self, g) -> None:
        """Limits that show the whole grid with equal x and y scales in the fixed box."""
        box = self.ax_u.get_position()
        width, height = box.width * self.figsize[0], box.height * self.figsize[1]
        lo, hi = g.min(axis=0) - 0.65, g.max(axis=0) + 0.65
        centre, size = (lo + hi) / 2, hi - lo
        scale = max(size[0] / width, size[1] / height)
        half = np.array([width, height]) * scale / 2
        self.ax_u.set_xlim(centre[0] - half[0], centre[0] + half[0])
        self.ax_u.set_ylim(centre[1] + half[1], centre[1] - half[1])  # row 0 on top

    def _prepare(self, som, X, data_name: str) -> None:
        """The data set's frame and the map's grid of U-matrix cells (only what changed)."""
        if self.X is None or not np.array_equal(self.X, X):
            self._set_data(np.asarray(X, dtype=float))
        grid = (som.rows, som.cols, som.topology)
        if grid != self._grid:
            if self.cells is not None:
                self.cells.remove()
            self.cells = PolyCollection(_cell_vertices(som), edgecolors="white",
                                        linewidths=0.5, cmap="cividis", norm=self.u_norm,
                                        animated=True)
            self.ax_u.add_collection(self.cells)
            self._fit_grid(som.grid_)
            self.animated = [self.lines, self.nodes, self.cells, self.qe_line, self.qe_now,
                             self.qe_dot]
            self._grid = grid
        self.background_key = data_name

    def set_training(self, som, X, data_name: str) -> None:
        """A newly trained map on the data set ``data_name`` (X: its samples, (m, 2))."""
        if self.som is som:
            return
        self._prepare(som, X, data_name)
        self.som = som
        self._kept.clear()  # the pictures kept are this map's snapshots (see show)
        self.qe_line.set_data(som.history_steps_ / som.n_iter_, som.quantization_errors_)

    def prepare_data(self, X, data_name: str) -> bool:
        """Draw and keep the frame of another data set (its axes and points) without
        changing the picture shown, so that switching to it later costs no full redraw
        (the dashboard calls this while the kernel is idle). False if it was kept already."""
        if data_name in self._backgrounds or self.X is None:
            return False
        shown, key = self.X, self.background_key
        self._set_data(np.asarray(X, dtype=float))
        self.background_key = data_name
        self.render()  # the full draw, kept as this data set's background
        self._set_data(shown)
        self.background_key = key
        return True

    def show_progress(self, som, X, data_name: str, steps, errors, n_updates: int,
                      status: str) -> dict:
        """Draw a map still training: ``som`` holds its current weights (for example
        :meth:`SOM.with_weights <chapter5.networks.som.SOM.with_weights>`), ``steps`` and
        ``errors`` the quantization error so far at those updates, of ``n_updates`` (T);
        ``status`` is returned for the line above the picture."""
        self._prepare(som, X, data_name)
        self.som = None  # the next trained map is drawn in full, even the one shown before
        W = som.weights_.reshape(-1, 2)
        self.lines.set_segments(_grid_segments(som, W))
        self.nodes.set_data(W[:, 0], W[:, 1])
        U = som.u_matrix()
        self.cells.set_array(U.ravel() / U.max())
        x = np.asarray(steps, dtype=float) / n_updates
        errors = np.asarray(errors, dtype=float)
        self.qe_line.set_data(x, errors)
        self.qe_now.set_xdata([x[-1]] * 2)
        self.qe_dot.set_data([x[-1]], [errors[-1]])
        return {"t": int(steps[-1]), "weights": som.weights_, "u_matrix": U,
                "quantization_error": float(errors[-1]), "status": status}

    def show(self, k: int) -> dict:
        """Draw snapshot k (clipped to the history); return what it shows."""
        som = self.som
        k = int(np.clip(k, 0, len(som.history_) - 1))
        snap = som.snapshot(k)
        W = snap.weights_.reshape(-1, 2)
        self.lines.set_segments(_grid_segments(som, W))
        self.nodes.set_data(W[:, 0], W[:, 1])
        U = snap.u_matrix()
        self.cells.set_array(U.ravel() / U.max())
        t = int(som.history_steps_[k])
        qe = float(som.quantization_errors_[k])
        te = snap.topographic_error(self.X)
        self.qe_now.set_xdata([t / som.n_iter_] * 2)
        self.qe_dot.set_data([t / som.n_iter_], [qe])
        i = min(t, som.n_iter_ - 1)
        self.shown = k  # the picture of this snapshot of the map loaded
        status = tr("t = {t} of {T} updates:  η(t) = {eta:.3g},  σ(t) = {sigma:.2f},  "
                    "quantization error {qe:.4f},  topographic error {te:.3f}").format(
            t=t, T=som.n_iter_, eta=som.eta_schedule_[i], sigma=som.sigma_schedule_[i], qe=qe,
            te=te)
        return {"snapshot": k, "t": t, "weights": snap.weights_, "u_matrix": U,
                "quantization_error": qe, "topographic_error": te, "status": status}
