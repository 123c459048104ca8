"""Figures for §5.5.4 cascade-correlation: the growing network, its decision regions, its
hidden units' outputs, and its error and accuracy as units are added."""

from __future__ import annotations

import io

import numpy as np
from matplotlib import colormaps
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import Formatter, MaxNLocator
from matplotlib.transforms import offset_copy
from PIL import Image

from .._validation import as_float_array, check_scalar
from ..activations import sigmoid_kernel
from ..i18n import language, tr
from ..networks.cascade import CascadeCorrelation, symmetric_sigmoid
from ._style import COLORS, FigureView, grid_axes, plane_grid
from .diagrams import NEGATIVE, POSITIVE
from .perceptron import CLASS_STYLE

__all__ = [
    "REGION_LEVELS",
    "CascadeDiagram",
    "CascadeView",
    "add_region_key",
    "draw_cascade",
    "plot_decision_regions",
    "plot_output_regions",
    "plot_stage_accuracy",
    "plot_training_curve",
    "plot_unit_output",
    "region_rgba",
]

_REGION_CMAP = colormaps["PuOr"]
REGION_LEVELS = (0.0, 0.1, 0.3, 0.5, 0.7, 0.9, 1.0)
"""Bands of the output ŷ in the region maps: 0.5 is the decision boundary; the outer bands
(below 0.1, above 0.9) are where the network is sure. Flat bands read like a contour map and
keep the PNGs small (a smooth gradient over every pixel does not compress)."""
_BAND_RGBA = _REGION_CMAP(0.12 + 0.76 * (np.asarray(REGION_LEVELS[:-1])
                                         + np.asarray(REGION_LEVELS[1:])) / 2, bytes=True)
_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")  # plain-text subscripts draw ~5x faster
# than mathtext, which matters for labels redrawn on every frame
_UNIT_CMAP = colormaps["cividis"]
FROZEN_MARKER, TRAINED_MARKER = "s", "X"
STAGE_LINE = {"color": COLORS["black"], "lw": 1.3, "ls": ":"}  # "the stage shown", everywhere
_SUP = str.maketrans("0123456789-−", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁻")


class _UnicodeLogFormatter(Formatter):
    """A log axis' tick labels (``inner``'s) as plain Unicode text, "10⁻²" for matplotlib's
    mathtext "$\\mathdefault{10^{-2}}$": the Korean edition's dashboards show no mathtext
    commands (the pictures look the same)."""

    def __init__(self, inner):
        self.inner = inner

    def set_axis(self, axis):
        super().set_axis(axis)
        self.inner.set_axis(axis)

    def set_locs(self, locs):
        self.inner.set_locs(locs)

    def __call__(self, x, pos=None):
        text = self.inner(x, pos)
        if not (text.startswith("$") and text.endswith("$")):
            return text
        body = text.strip("$").replace("\\mathdefault{", "", 1)[:-1].replace("\\times", "×")
        if "^{" in body:
            base, exponent = body.split("^{", 1)
            body = base + exponent.rstrip("}").translate(_SUP)
        return body.replace("{", "").replace("}", "")


def _plain_log_ticks(axis) -> None:
    """In Korean, a log axis' labels as plain text (:class:`_UnicodeLogFormatter`)."""
    if language() == "ko":
        axis.set_major_formatter(_UnicodeLogFormatter(axis.get_major_formatter()))
        axis.set_minor_formatter(_UnicodeLogFormatter(axis.get_minor_formatter()))


def _check_net(net) -> CascadeCorrelation:
    if not isinstance(net, CascadeCorrelation):
        raise TypeError(f"net must be a CascadeCorrelation; got {type(net).__name__}")
    if not hasattr(net, "history_"):
        raise ValueError("net must be fitted first: call net.fit(X, y)")
    return net


def _stage(net, n_hidden) -> int:
    if n_hidden is None:
        return net.n_hidden_
    return check_scalar(n_hidden, "n_hidden", integer=True, min_value=0, max_value=net.n_hidden_)


def region_rgba(y_hat) -> np.ndarray:
    """Network outputs in [0, 1] -> RGBA bytes, one flat colour per band of
    :data:`REGION_LEVELS` (orange 0 ... purple 1, the playground's map): the colours of
    :func:`plot_output_regions`, for views that draw the map as an image."""
    band = np.searchsorted(REGION_LEVELS[1:-1], np.clip(y_hat, 0.0, 1.0), side="right")
    return _BAND_RGBA[band]


def _extent(X, pad=0.1):
    lo, hi = X.min(axis=0), X.max(axis=0)
    span = np.maximum(hi - lo, 1e-9)
    lo, hi = lo - pad * span, hi + pad * span
    return (float(lo[0]), float(hi[0]), float(lo[1]), float(hi[1]))


def _class_style(c, held_out=False, ms=6) -> dict:
    s = CLASS_STYLE[c]
    style = ({"mfc": "none", "mec": s["color"], "mew": 1.4} if held_out
             else {"color": s["color"], "mec": "black"})
    label = tr("y = {c} (held-out)") if held_out else tr("y = {c} (training)")
    return {"ls": "none", "marker": s["marker"], "ms": ms, **style, "label": label.format(c=c)}


def _scatter_classes(ax, X, y, held_out=False, ms=6):
    artists = []
    for c in CLASS_STYLE:
        pts = X[y == c]
        artists += ax.plot(pts[:, 0], pts[:, 1], zorder=3, **_class_style(c, held_out, ms))
    return artists


def plot_output_regions(ax, y_hat, extent):
    """A map of a network's output ``y_hat`` (r, r), on an evenly spaced grid over ``extent``,
    in the bands of :data:`REGION_LEVELS` (orange 0 ... purple 1), with the decision boundary
    ŷ = 0.5 as a black line. Works for any network; returns ``[bands, boundary]`` (pass the
    bands to :func:`add_region_key` for a colour key)."""
    y_hat = as_float_array(y_hat, "y_hat", ndim=2)
    g1, g2 = grid_axes(extent, (y_hat.shape[1], y_hat.shape[0]))
    bands = ax.contourf(g1, g2, np.clip(y_hat, 0.0, 1.0), levels=REGION_LEVELS,
                        colors=_BAND_RGBA / 255.0, zorder=0)
    if y_hat.min() < 0.5 < y_hat.max():
        boundary = ax.contour(g1, g2, y_hat, levels=[0.5], colors="black", linewidths=1.2)
    else:  # one class everywhere in view: no boundary to draw (and no contour warning)
        (boundary,) = ax.plot([], [], color="black", lw=1.2)
    ax.set(xlim=extent[:2], ylim=extent[2:], xlabel="$x_1$", ylabel="$x_2$")
    return [bands, boundary]


def add_region_key(fig, bands, ax, held_out=False, ms=6):
    """The key of a region map: a colour bar of ŷ next to ``ax`` (an Axes or a list of them)
    and, below the figure, a legend of the markers (training filled; held-out hollow if
    ``held_out``) and of the decision boundary. Returns ``(colorbar, legend)``."""
    cbar = fig.colorbar(bands, ax=ax, ticks=REGION_LEVELS, shrink=0.9, pad=0.02, aspect=30)
    cbar.set_label(tr("network output ŷ"))
    handles = [Line2D([], [], **_class_style(c, False, ms)) for c in CLASS_STYLE]
    if held_out:
        handles += [Line2D([], [], **_class_style(c, True, ms)) for c in CLASS_STYLE]
    handles.append(Line2D([], [], color="black", lw=1.2, label=tr("ŷ = 0.5 (decision boundary)")))
    legend = fig.legend(handles=handles, loc="outside lower center", ncol=len(handles),
                        frameon=False, fontsize=10, handletextpad=0.3, columnspacing=1.2)
    return cbar, legend


def plot_decision_regions(ax, net, X, y, n_hidden=None, X_test=None, y_test=None,
                          extent=None, resolution=121, legend=True, ms=6):
    """The network's output ŷ over the plane at stage ``n_hidden`` (default: the last), in the
    bands of :func:`plot_output_regions`, with the training points (filled) and optional
    held-out points (hollow). Returns the artists, the bands first.

    Parameters
    ----------
    ax : matplotlib Axes
    net : fitted CascadeCorrelation with 2 inputs and 1 output
    X, y : the training data, (m, 2) and (m,) labels 0/1
    n_hidden : int, optional
    X_test, y_test : optional held-out data
    extent : (x1_min, x1_max, x2_min, x2_max), optional; default: the data's, padded 10 %
    legend : bool
        A legend of the markers under the axes (for a figure of several panels use
        :func:`add_region_key` once instead).
    ms : float
        Marker size of the training points (held-out points are 2 smaller).
    """
    net = _check_net(net)
    k = _stage(net, n_hidden)
    X = as_float_array(X, "X", ndim=2, allow_nan=False)
    y = np.asarray(y)
    if X.shape[1] != 2 or net.n_outputs_ != 1:
        raise ValueError(f"X must have 2 columns (a plane) and net 1 output; got {X.shape[1]} "
                         f"columns and {net.n_outputs_} outputs")
    extent = _extent(X) if extent is None else tuple(float(v) for v in extent)
    r = check_scalar(resolution, "resolution", integer=True, min_value=10, max_value=600)
    y_hat = net.decision_function(plane_grid(extent, r), n_hidden=k).reshape(r, r)
    artists = plot_output_regions(ax, y_hat, extent)
    artists += _scatter_classes(ax, X, y, ms=ms)
    if X_test is not None:
        artists += _scatter_classes(ax, as_float_array(X_test, "X_test", ndim=2),
                                    np.asarray(y_test), held_out=True, ms=max(ms - 2, 2))
    ax.set_title((tr("{k} hidden unit: training accuracy {acc:.0%}") if k == 1 else
                  tr("{k} hidden units: training accuracy {acc:.0%}")).format(
                      k=k, acc=net.history_[k].accuracy), fontsize=11)
    if legend:
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2, fontsize=9,
                  frameon=False)
    return artists


def plot_unit_output(ax, values, extent, title=None, vmin=-0.5, vmax=0.5):
    """A map of one unit's output over the plane: ``values`` is (r, r) on an evenly spaced
    grid over ``extent`` (the symmetric sigmoid's range -1/2 .. 1/2 by default)."""
    values = as_float_array(values, "values", ndim=2)
    im = ax.imshow(values, origin="lower", extent=extent, aspect="auto", cmap=_UNIT_CMAP,
                   vmin=vmin, vmax=vmax, interpolation="bilinear")
    ax.set(xlabel="$x_1$", ylabel="$x_2$")
    if title:
        ax.set_title(title, fontsize=11)
    return im


def plot_training_curve(ax, net, n_hidden=None):
    """E (5.16) per epoch, output-training phases as a line and candidate-training phases as
    shaded gaps, with a dot where each unit was installed; the stages after ``n_hidden`` grey.
    The x axis counts every epoch (output and candidate). Returns the artists."""
    net = _check_net(net)
    k = _stage(net, n_hidden)
    artists, t = [], 0
    for st in net.history_:
        if st.candidate_epochs:
            span = ax.axvspan(t, t + st.candidate_epochs, color=COLORS["grey"], alpha=0.15,
                              lw=0,
                              label=tr("candidate training") if st.n_hidden == 1 else None)
            artists.append(span)
            t += st.candidate_epochs
        e = t + np.arange(len(st.loss_curve))
        color = COLORS["blue"] if st.n_hidden <= k else COLORS["grey"]
        artists += ax.plot(e, st.loss_curve, color=color, lw=1.8,
                           label=tr("output training") if st.n_hidden == 0 else None)
        artists += ax.plot(e[-1], st.loss_curve[-1], "o", color=color, ms=4)
        t += st.output_epochs
    ax.set(yscale="log", xlabel=tr("epoch (output + candidate training)"),
           ylabel=tr("training error E"))
    ax.legend(loc="upper right", fontsize=9)
    return artists


def plot_stage_accuracy(ax, net, X, y, X_test=None, y_test=None, n_hidden=None,
                        test_label=None):
    """Accuracy against the number of hidden units: training (and held-out) data; a vertical
    line marks stage ``n_hidden`` if given (``test_label``: the held-out curve's legend label,
    by default "held-out"). Returns the artists."""
    net = _check_net(net)
    test_label = tr("held-out") if test_label is None else test_label
    units = np.arange(net.n_hidden_ + 1)
    artists = ax.plot(units, net.stage_scores(X, y), "o-", color=COLORS["blue"], ms=4,
                      label=tr("training", context="curve"))
    if X_test is not None:
        artists += ax.plot(units, net.stage_scores(X_test, y_test), "s--",
                           color=COLORS["vermillion"], ms=4, label=test_label)
    if n_hidden is not None:
        artists.append(ax.axvline(_stage(net, n_hidden), **STAGE_LINE))
    ax.set(xlabel=tr("hidden units k"), ylabel=tr("accuracy"), ylim=(0.4, 1.02),
           xlim=(-0.5, max(net.n_hidden_, 1) + 0.5))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(loc="lower right", fontsize=9)
    return artists


class CascadeDiagram:
    """Fahlman & Lebiere's Fig. 1 on an Axes: inputs as horizontal lines (x_1 .. x_d and the
    dummy input -1 that carries the thresholds), each hidden unit a vertical line summing every
    line above it, whose output becomes a new horizontal line; the output unit(s) at the right.
    At each crossing a connection: a square if frozen (a hidden unit's input weight), an X if
    still trained (an output weight); area ∝ |w|, blue positive, vermillion negative (the
    legend says so).

    Made once for up to ``capacity`` hidden units; :meth:`show` redraws it for a stage (the
    artists are updated in place, so a view can animate them). Markers, nodes and labels are
    sized to the grid the Axes leaves for each crossing, so they never overlap, however many
    units there are.
    """

    MAX_SIDE = 15.0  # points: the side of the largest marker (weights, nodes) at full size

    def __init__(self, ax, n_inputs: int, capacity: int, n_outputs: int = 1):
        self.ax = ax
        self.d = check_scalar(n_inputs, "n_inputs", integer=True, min_value=1, max_value=10)
        self.K = check_scalar(capacity, "capacity", integer=True, min_value=0, max_value=60)
        self.l = check_scalar(n_outputs, "n_outputs", integer=True, min_value=1, max_value=5)
        self.out_x = self.K + 1.0 + 0.8 * np.arange(self.l)
        rows = self.d + 1 + self.K
        xlim, ylim = (-1.3, self.out_x[-1] + 1.1), (-rows - 1.9, 1.6)
        # points per grid step (one row, one unit column), from the Axes' size on the figure
        box = ax.get_position()
        w_in, h_in = ax.figure.get_size_inches()
        step = min(box.width * w_in * 72 / (xlim[1] - xlim[0]),
                   box.height * h_in * 72 / (ylim[1] - ylim[0]))
        self.size_scale = min(1.0, 0.85 * step / self.MAX_SIDE) ** 2  # marker areas scale
        fs = float(np.clip(0.8 * step, 7.0, 11.0))
        self.lines = LineCollection([], colors=COLORS["black"], linewidths=1.0, zorder=1)
        ax.add_collection(self.lines)
        self.frozen = ax.scatter([], [], marker=FROZEN_MARKER, edgecolors="black",
                                 linewidths=0.5, zorder=3)
        self.trained = ax.scatter([], [], marker=TRAINED_MARKER, edgecolors="black",
                                  linewidths=0.5, zorder=3)
        self.nodes = ax.scatter([], [], s=150 * self.size_scale, marker="o",
                                facecolors=COLORS["yellow"], edgecolors="black",
                                linewidths=1.2, zorder=4)
        # plain italic text with Unicode subscripts, like the mathtext x_1 of the other
        # figures but ~5x faster to draw (the unit labels are redrawn on every frame)
        names = [f"x{i + 1}".translate(_SUB) for i in range(self.d)]
        self.texts = [ax.text(-0.35, -r, t, ha="right", va="center", fontsize=fs,
                              style="italic") for r, t in enumerate(names)]
        self.texts.append(ax.text(-0.35, -self.d, "−1", ha="right", va="center", fontsize=fs))
        # labels sit beside their node, clear of it: its radius plus 2 points
        left = offset_copy(ax.transData, fig=ax.figure, units="points",
                           x=-(np.sqrt(150 * self.size_scale) / 2 + 2))
        self.unit_labels = [ax.text(k + 1, -(self.d + 1 + k), f"b{k + 1}".translate(_SUB),
                                    ha="right", va="center", fontsize=fs, style="italic",
                                    transform=left)
                            for k in range(self.K)]
        # one output's name right of its node (above, it would run into the title); several
        # outputs stand 0.8 apart, so theirs go above, with room made for them
        if self.l == 1:
            right = offset_copy(ax.transData, fig=ax.figure, units="points",
                                x=np.sqrt(220 * self.size_scale) / 2 + 2)
            self.out_labels = [ax.text(self.out_x[0], 0.9, "ŷ", ha="left", va="center",
                                       fontsize=fs + 1, style="italic", transform=right)]
        else:
            ylim = (ylim[0], 2.4)
            self.out_labels = [ax.text(x, 1.4, f"ŷ{j + 1}".translate(_SUB), ha="center",
                                       va="bottom", fontsize=fs, style="italic")
                               for j, x in enumerate(self.out_x)]
        self.out_nodes = ax.scatter(self.out_x, np.full(self.l, 0.9), s=220 * self.size_scale,
                                    marker="o", facecolors=COLORS["orange"], edgecolors="black",
                                    linewidths=1.2, zorder=4)
        ax.set(xlim=xlim, ylim=ylim)
        ax.set_axis_off()
        key = {"ls": "none", "mec": "black", "mew": 0.5}
        self.legend = ax.legend(
            handles=[Line2D([], [], marker=FROZEN_MARKER, mfc="white", ms=8,
                            label=tr("frozen weight"), **key),
                     Line2D([], [], marker="s", mfc=POSITIVE, ms=8, label="w > 0", **key),
                     Line2D([], [], marker=TRAINED_MARKER, mfc="white", ms=9,
                            label=tr("trained weight"), **key),
                     Line2D([], [], marker="s", mfc=NEGATIVE, ms=8, label="w < 0", **key)],
            loc="lower center", bbox_to_anchor=(0.5, 0.0), ncol=2, fontsize=9,
            frameon=False, title=tr("area ∝ |w|"), title_fontsize=9)
        self.animated = [self.lines, self.frozen, self.trained, self.nodes, *self.unit_labels]

    def show(self, hidden_units, w, theta, k: int) -> None:
        """Stage k: ``hidden_units[j]`` = (v over [x, b_1 .. b_j], γ) of unit j + 1,
        ``w`` (d + k, l) output weights over [x, b_1 .. b_k], ``theta`` (l,)."""
        d, top = self.d, 0.9
        row = lambda r: -float(r)  # noqa: E731 - row 0 (x_1) at the top
        segs = [[(0.0, row(r)), (self.out_x[-1], row(r))] for r in range(d + 1)]
        frozen, fw, trained, tw, nodes = [], [], [], [], []
        for j in range(k):
            v, gamma = hidden_units[j]
            col, r_out = j + 1.0, d + 1 + j
            segs.append([(col, row(0)), (col, row(r_out))])  # sums the lines above it
            segs.append([(col, row(r_out)), (self.out_x[-1], row(r_out))])  # its output
            nodes.append((col, row(r_out)))
            srcs = list(range(d)) + [d + 1 + i for i in range(j)]
            for src, wv in zip(srcs, v, strict=True):
                frozen.append((col, row(src)))
                fw.append(wv)
            frozen.append((col, row(d)))
            fw.append(gamma)
        for o, x in enumerate(self.out_x):
            segs.append([(x, top), (x, row(d + k))])
            srcs = list(range(d)) + [d + 1 + i for i in range(k)]
            for src, wv in zip(srcs, w[:, o], strict=True):
                trained.append((x, row(src)))
                tw.append(wv)
            trained.append((x, row(d)))
            tw.append(theta[o])
        self.lines.set_segments(segs)
        for coll, pts, ws, base in ((self.frozen, frozen, fw, 110.0),
                                    (self.trained, trained, tw, 150.0)):
            ws = np.asarray(ws, dtype=float)
            # area ∝ |w|, relative to the 90th percentile of this kind (one huge weight would
            # otherwise shrink all others to dots); larger ones are capped at 1.4 times that
            scale = float(np.percentile(np.abs(ws), 90)) if ws.size else 1.0
            coll.set_offsets(np.array(pts).reshape(-1, 2))
            coll.set_sizes(self.size_scale
                           * (10.0 + base * np.minimum(np.abs(ws) / (scale or 1.0), 1.4)))
            coll.set_facecolors([POSITIVE if x >= 0 else NEGATIVE for x in ws])
        self.nodes.set_offsets(np.array(nodes).reshape(-1, 2))
        for j, t in enumerate(self.unit_labels):
            t.set_visible(j < k)


def _stage_params(net, k):
    units = [(v, g) for v, g in zip(net.hidden_v_, net.hidden_gamma_, strict=True)]
    st = net.history_[k]
    return units, st.w, st.theta


def draw_cascade(ax, net, n_hidden=None) -> CascadeDiagram:
    """Draw a fitted network at stage ``n_hidden`` (default: the last) as in Fahlman &
    Lebiere's Fig. 1 (see :class:`CascadeDiagram`); returns the diagram."""
    net = _check_net(net)
    k = _stage(net, n_hidden)
    diagram = CascadeDiagram(ax, net.n_features_in_, k, net.n_outputs_)
    diagram.show(*_stage_params(net, k), k)
    ax.set_title((tr("cascade with {k} hidden unit") if k == 1 else
                  tr("cascade with {k} hidden units")).format(k=k))
    return diagram


class CascadeView(FigureView):
    """The growing network, scrubbed stage by stage: decision regions, the newest unit's output,
    the diagram, E over the epochs and the accuracy per number of units.

    ``set_run(net, X, y, X_test, y_test, extent, key)`` precomputes every stage's pictures (the
    hidden units are frozen, so stage k's picture never changes); ``show(k)`` only swaps them
    in. Everything that depends on the run is animated (the data's name over the plane too);
    the static part depends only on the plane's extent and on rounded-up sizes (units to a
    multiple of 5, epochs to a multiple of 500, the error's decade), so most new runs reuse a
    cached background instead of a full redraw.

    A run still growing (a live dashboard) is drawn by ``set_live(X, y, X_test, y_test,
    extent, label)`` once, then ``show_live(...)`` per frame, from the network as it stands:
    its units' outputs are computed once each (they are frozen). Its static part is laid out
    for ``live_capacity`` units and ``live_epochs`` epochs (more only if the run goes beyond),
    with E drawn down to 10^``live_decade`` (lower values at that floor), so that a whole run
    streams on one background, which :meth:`prepare_live` can draw ahead of time.
    """

    figsize = (12.5, 7.4)
    resolution = 101
    max_test_points = 200  # held-out points drawn (all of them count in the accuracy)
    live_capacity = 25
    live_epochs = 5000
    live_decade = -3
    max_kept = 32  # a run's stages (at most 26): Play and scrubbing send them again

    def _build(self):
        fig = self.fig
        # a fixed layout (measured once with constrained layout): skips the layout pass, which
        # costs as much as a full draw, every time a dashboard is built
        fig.set_layout_engine("none")
        # ... and with nothing to place, the base class's first full draw (made to place
        # everything) is wasted: hide the figure until set_run loads a run (~0.3 s a dashboard)
        fig.set_visible(False)
        gs = fig.add_gridspec(2, 3, width_ratios=[1.15, 1, 1.15], height_ratios=[1.25, 1],
                              left=0.06, right=0.99, top=0.9, bottom=0.07, wspace=0.32,
                              hspace=0.42)
        self.ax = fig.add_subplot(gs[0, 0])
        self.ax_unit = fig.add_subplot(gs[0, 1])
        self.ax_net = fig.add_subplot(gs[:, 2])
        self.ax_loss = fig.add_subplot(gs[1, 0])
        self.ax_acc = fig.add_subplot(gs[1, 1])
        blank = np.zeros((2, 2, 4), np.uint8)
        self.region = self.ax.imshow(blank, origin="lower", aspect="auto",
                                     interpolation="bilinear", zorder=0)
        self.train_pts = {c: self.ax.plot([], [], ls="none", marker=s["marker"], ms=5,
                                          color=s["color"], mec="black", zorder=3,
                                          label=tr("y = {c} (training)").format(c=c))[0]
                          for c, s in CLASS_STYLE.items()}
        self.test_pts = {c: self.ax.plot([], [], ls="none", marker=s["marker"], ms=4,
                                         mfc="none", mec=s["color"], mew=1.2, alpha=0.7,
                                         zorder=2,
                                         label=tr("y = {c} (held-out)").format(c=c))[0]
                         for c, s in CLASS_STYLE.items()}
        self.ax.set(xlabel="$x_1$", ylabel="$x_2$", xlim=(-7.5, 7.5), ylim=(-7.5, 7.5))
        self.region_title = self.ax.set_title(" ", fontsize=11)
        self.ax.legend(handles=[self.train_pts[1], self.test_pts[1], self.train_pts[0],
                                self.test_pts[0]], loc="upper center",
                       bbox_to_anchor=(0.5, -0.13), ncol=2, fontsize=9, frameon=False)
        self.unit = self.ax_unit.imshow(np.zeros((2, 2)), origin="lower", aspect="auto",
                                        cmap=_UNIT_CMAP, vmin=-0.5, vmax=0.5,
                                        interpolation="bilinear")
        cbar = self.fig.colorbar(self.unit, ax=self.ax_unit, shrink=0.8, pad=0.02,
                                 ticks=[-0.5, 0.0, 0.5])
        cbar.ax.set_yticklabels(["−½", "0", "+½"])
        cbar.set_label(tr("its output b"), labelpad=-2)
        self.ax_unit.set(xlabel="$x_1$", xlim=(-7.5, 7.5), ylim=(-7.5, 7.5))
        self.ax_unit.tick_params(labelleft=False)  # same plane as the left panel
        # static titles: text is the costliest thing to redraw per frame (~0.2 ms a glyph)
        self.ax_unit.set_title(tr("newest unit's output (frozen)"), fontsize=11)
        self.unit_note = self.ax_unit.text(
            0.5, 0.5, tr("no hidden unit yet:\nŷ = f(w·x − θ), so the\nboundary ŷ = 0.5 is a line"),
            transform=self.ax_unit.transAxes, ha="center", va="center", fontsize=11,
            bbox={"fc": "white", "ec": "none"})
        a = self.ax_loss
        self.spans = PolyCollection([], facecolors=COLORS["grey"], alpha=0.15, lw=0,
                                    transform=a.get_xaxis_transform(), zorder=0)
        a.add_collection(self.spans, autolim=False)
        (self.loss_rest,) = a.plot([], [], color=COLORS["grey"], lw=1.2, alpha=0.6,
                                   label=tr("later stages"))
        (self.loss_line,) = a.plot([], [], color=COLORS["blue"], lw=1.6,
                                   label=tr("output training"))
        self.loss_now = a.axvline(0, **STAGE_LINE)
        a.set(yscale="log", xlabel=tr("epoch (output + candidate)"), ylabel=tr("training error E"),
              xlim=(0, 1), ylim=(1e-3, 1))
        _plain_log_ticks(a.yaxis)
        a.legend(handles=[self.loss_line, self.loss_rest,
                          Patch(color=COLORS["grey"], alpha=0.15,
                                label=tr("candidate training"))],
                 loc="lower left", fontsize=8.5)
        (self.acc_train,) = self.ax_acc.plot([], [], "o-", color=COLORS["blue"], ms=3.5,
                                             label=tr("training", context="curve"))
        (self.acc_test,) = self.ax_acc.plot([], [], "s--", color=COLORS["vermillion"],
                                            ms=3.5, label=tr("held-out"))
        self.acc_now = self.ax_acc.axvline(0, **STAGE_LINE)
        self.ax_acc.set(xlabel=tr("hidden units k"), ylabel=tr("accuracy"), ylim=(0.4, 1.03),
                        xlim=(-0.5, 10.5))
        self.ax_acc.xaxis.set_major_locator(MaxNLocator(integer=True))
        self.ax_acc.legend(loc="lower right", fontsize=8.5)
        self.status = self.fig.suptitle(" ", fontsize=12, x=0.01, ha="left")
        self.ax_net.set_axis_off()
        self.ax_net.set_title(tr("the network (Fahlman & Lebiere's Fig. 1)"), fontsize=11)
        self.diagram = None
        self._base_animated = [
            self.region, *self.test_pts.values(), *self.train_pts.values(), self.unit,
            self.unit_note, self.spans, self.loss_rest, self.loss_line,
            self.loss_now, self.acc_train, self.acc_test, self.acc_now, self.status,
            self.region_title]  # the data's name: a new data set needs no full draw
        self.animated = list(self._base_animated)
        self._layout = None  # (extent, diagram shape, t_max, decade): the static part
        self._live: dict | None = None

    def set_run(self, net, X, y, X_test=None, y_test=None, extent=None, key=None,
                label="") -> None:
        """Load a fitted 2-input, 1-output network and its data; precompute every stage.

        ``key`` names the run (a new key with the same rounded sizes and ``label``, the data's
        name shown in the title, reuses the background).
        """
        net = _check_net(net)
        self.net = net
        self.fig.set_visible(True)
        if extent is None:
            extent = _extent(np.vstack([X] if X_test is None else [X, X_test]), 0.06)
        extent = tuple(float(v) for v in extent)
        r = self.resolution
        grid = plane_grid(extent, r)
        K = net.n_hidden_
        staged = net.staged_decision_function(grid)
        # opaque RGB, as rgb_image makes: resamples ~40 % faster than RGBA
        self.regions = [region_rgba(s.reshape(r, r))[..., :3] for s in staged]
        H = net.hidden_outputs(grid)
        self.unit_maps = [H[:, j].reshape(r, r) for j in range(K)]
        self._set_points(X, y, X_test, y_test)
        # the error curve: x = cumulative epochs; candidate phases are shaded gaps
        xs, ys, spans, self.stage_end = [], [], [], []
        t = 0
        for st in net.history_:
            if st.candidate_epochs:
                spans.append([(t, 0), (t + st.candidate_epochs, 0),
                              (t + st.candidate_epochs, 1), (t, 1)])
            t += st.candidate_epochs
            xs += [t + np.arange(len(st.loss_curve)), [np.nan]]
            ys += [st.loss_curve, [np.nan]]
            t += st.output_epochs
            self.stage_end.append(t)
        self.spans.set_verts(spans)
        self.curve_x, self.curve_y = np.concatenate(xs), np.concatenate(ys)
        self.loss_rest.set_data(self.curve_x, self.curve_y)
        finite = self.curve_y[np.isfinite(self.curve_y)]
        decade = int(np.floor(np.log10(max(float(finite.min()), 1e-6))))
        t_max = 500 * max(1, -(-t // 500))
        cap = 5 * max(1, -(-K // 5))
        units = np.arange(K + 1)
        self.train_acc = net.stage_scores(X, y)
        self.acc_train.set_data(units, self.train_acc)
        self.test_acc = None if X_test is None else net.stage_scores(X_test, y_test)
        self.acc_test.set_data(units, [] if X_test is None else self.test_acc)
        self.acc_test.set_visible(X_test is not None)
        # the diagram, laid out for `cap` units (redrawn only when that changes)
        self._place(extent, net.n_features_in_, cap, net.n_outputs_, t_max, decade)
        self.region_title.set_text((f"{label}: " if label else "")
                                   + tr("output ŷ (orange 0 … purple 1)"))
        self.run_key = key
        self._kept.clear()  # the pictures kept are the run's stages (see show)

    def _set_points(self, X, y, X_test, y_test) -> None:
        for c in (0, 1):
            self.train_pts[c].set_data(X[y == c, 0], X[y == c, 1])
            if X_test is None:
                self.test_pts[c].set_data([], [])
            else:
                step = -(-len(X_test) // self.max_test_points)  # evenly thinned
                Xs, ys = X_test[::step], y_test[::step]
                self.test_pts[c].set_data(Xs[ys == c, 0], Xs[ys == c, 1])

    def _place(self, extent, d: int, cap: int, n_out: int, t_max: int, decade: int) -> None:
        """The static part: the plane's extent, the diagram laid out for ``cap`` units, the
        error axis up to ``t_max`` epochs and down to 10^decade; it names the background."""
        for im in (self.region, self.unit):
            im.set_extent(extent)
        self.ax_loss.set(xlim=(0, t_max * 1.02), ylim=(10.0 ** decade, 0.5))
        self.ax_acc.set_xlim(-0.5, cap + 0.5)
        for a in (self.ax, self.ax_unit):
            a.set(xlim=extent[:2], ylim=extent[2:])
        shape = (d, cap, n_out)
        if self.diagram is None or self._diagram_shape != shape:
            for artist in [*self.ax_net.collections, *self.ax_net.texts]:
                artist.remove()
            if self.ax_net.get_legend() is not None:
                self.ax_net.get_legend().remove()
            self.diagram = CascadeDiagram(self.ax_net, *shape)
            self._diagram_shape = shape
            for artist in self.diagram.animated:
                artist.set_animated(True)
            self.animated = self._base_animated + self.diagram.animated
        self._layout = (extent, shape, t_max, decade)
        self.background_key = self._layout

    # ---- a run still growing (live) ------------------------------------------------------

    def set_live(self, X, y, X_test=None, y_test=None, extent=None, label="") -> None:
        """Start drawing a run that is still growing on 2-input data (X, y) and optional
        held-out data: the points and the title now, the network with :meth:`show_live`."""
        X = as_float_array(X, "X", ndim=2, allow_nan=False)
        if X.shape[1] != 2:
            raise ValueError(f"X must have 2 columns (the plane); got {X.shape[1]}")
        self.fig.set_visible(True)
        if extent is None:
            extent = _extent(np.vstack([X] if X_test is None else [X, X_test]), 0.06)
        extent = tuple(float(v) for v in extent)
        self._set_points(X, y, X_test, y_test)
        self.region_title.set_text((f"{label}: " if label else "")
                                   + tr("output ŷ (orange 0 … purple 1)"))
        sets = [plane_grid(extent, self.resolution), X]
        if X_test is not None:
            sets.append(np.asarray(X_test, dtype=float))
        features = []
        for P in sets:  # [x, b_1 .. b_k]: one column per unit, filled as units come
            G = np.empty((len(P), 2 + 32))
            G[:, :2] = P
            features.append(G)
        self._live = {"extent": extent, "features": features, "units": 0,
                      "y": np.asarray(y, dtype=float),
                      "y_test": None if y_test is None else np.asarray(y_test, dtype=float),
                      "test_acc": {}}

    def _live_layout(self, extent, k: int = 0, epochs: float = 0.0) -> tuple:
        """The arguments of :meth:`_place` for a growing run (see the class docstring)."""
        cap = max(self.live_capacity, 5 * -(-k // 5))
        t_max = max(self.live_epochs, 500 * -(-int(epochs) // 500))
        return extent, 2, cap, 1, t_max, self.live_decade

    def prepare_live(self, extents) -> None:
        """Draw the static part of a growing run for each plane extent in ``extents`` ahead
        of time (a full draw, ~0.3 s each), so that the first live frame only blits. The
        picture shown does not change; the next :meth:`show` or :meth:`show_live` redraws."""
        before = self._layout
        visible = self.fig.get_visible()
        self.fig.set_visible(True)
        try:
            for extent in extents:
                self._place(*self._live_layout(tuple(float(v) for v in extent)))
                if self.background_key not in self._backgrounds:
                    self.render()
        finally:
            self.fig.set_visible(visible)
            if before is not None:
                extent, (d, cap, n_out), t_max, decade = before
                self._place(extent, d, cap, n_out, t_max, decade)
                if getattr(self, "_diagram_args", None) is not None:
                    self.diagram.show(*self._diagram_args)  # the new one shows the same

    def _show_diagram(self, *args) -> None:
        self._diagram_args = args  # what prepare_live shows again after laying it out anew
        self.diagram.show(*args)

    def render(self) -> None:
        """:meth:`FigureView.render`, keeping the backgrounds used last (the growing runs'
        among them) when older ones are forgotten."""
        super().render()
        background = self._backgrounds.pop(self.background_key, None)
        if background is not None:
            self._backgrounds[self.background_key] = background

    def _live_features(self, units) -> list:
        live, d = self._live, 2
        for j in range(live["units"], len(units)):
            v, gamma = units[j]
            for i, G in enumerate(live["features"]):
                if G.shape[1] < d + j + 1:  # room for more units
                    G = np.hstack([G, np.empty((len(G), G.shape[1]))])
                    live["features"][i] = G
                G[:, d + j] = symmetric_sigmoid(G[:, :d + j] @ v - gamma)
        live["units"] = len(units)
        return live["features"]

    def show_live(self, units, w, theta, stages, xs, losses, status: str) -> dict:
        """A frame of a run still growing: ``units`` the installed units [(v, γ), ...] (the
        layout of :attr:`CascadeCorrelation.hidden_v_` and ``hidden_gamma_``), ``w`` (2 + k,
        1), ``theta`` (1,) the output weights now, ``stages`` the :class:`CascadeStage`
        records completed so far, ``xs`` and ``losses`` the E curve so far (x = epochs,
        output and candidate) and ``status`` the line above. Returns what it shows."""
        if self._live is None:
            raise RuntimeError("call set_live(...) before show_live(...)")
        live, d, k, r = self._live, 2, len(units), self.resolution
        w = np.asarray(w, dtype=float).reshape(d + k, 1)
        theta = np.asarray(theta, dtype=float).reshape(1)
        stages = list(stages)[:k]
        features = self._live_features(units)
        grid, train = features[0], features[1]
        xs = np.asarray(xs, dtype=float)
        losses = np.asarray(losses, dtype=float)[:len(xs)]
        xs = xs[:len(losses)]
        now = float(xs[-1]) if xs.size else 0.0
        self._place(*self._live_layout(live["extent"], k, now))
        y_hat = sigmoid_kernel(grid[:, :d + k] @ w - theta)[:, 0]
        self.region.set_data(region_rgba(y_hat.reshape(r, r))[..., :3])
        if k:
            self.unit.set_data(grid[:, d + k - 1].reshape(r, r))
        else:
            self.unit.set_data(np.full((2, 2), np.nan))
        self.unit_note.set_visible(k == 0)
        # the curve so far, broken between stages, the candidate phases shaded
        lengths = np.cumsum([len(st.loss_curve) for st in stages], dtype=int)
        inner = [int(n) for n in lengths if 0 < n < len(xs)]
        floor = 10.0 ** self._layout[3]
        self.loss_line.set_data(np.insert(xs, inner, np.nan),
                                np.maximum(np.insert(losses, inner, np.nan), floor))
        self.loss_rest.set_data([], [])
        spans, t = [], 0
        for st in stages:
            if st.candidate_epochs:
                spans.append([(t, 0), (t + st.candidate_epochs, 0),
                              (t + st.candidate_epochs, 1), (t, 1)])
            t += st.epochs
        first = int(lengths[-1]) if len(lengths) else 0
        if first < len(xs) and xs[first] > t:  # the candidates of the stage under way
            spans.append([(t, 0), (xs[first], 0), (xs[first], 1), (t, 1)])
        self.spans.set_verts(spans)
        self.loss_now.set_xdata([now, now])
        # accuracy per number of units: the stages done, and the network now
        correct = lambda Y_hat, y: float(np.mean((Y_hat >= 0.5) == (y >= 0.5)))  # noqa: E731
        acc = [st.accuracy for st in stages]
        acc.append(correct(sigmoid_kernel(train[:, :d + k] @ w - theta)[:, 0], live["y"]))
        self.acc_train.set_data(np.arange(k + 1), acc)
        test_acc = None
        if live["y_test"] is not None:
            held, cache = features[2], live["test_acc"]
            for i, st in enumerate(stages):
                if i not in cache:
                    cache[i] = correct(sigmoid_kernel(held[:, :d + i] @ st.w - st.theta)[:, 0],
                                       live["y_test"])
            test_acc = [cache[i] for i in range(len(stages))]
            test_acc.append(correct(sigmoid_kernel(held[:, :d + k] @ w - theta)[:, 0],
                                    live["y_test"]))
            self.acc_test.set_data(np.arange(k + 1), test_acc)
        else:
            self.acc_test.set_data([], [])
        self.acc_test.set_visible(test_acc is not None)
        self.acc_now.set_xdata([k, k])
        self._show_diagram(units, w, theta, k)
        self.status.set_text(status)
        return {"n_hidden": k, "epochs": int(now), "train_accuracy": acc[-1],
                "test_accuracy": None if test_acc is None else test_acc[-1],
                "E": float(losses[-1]) if losses.size else None, "correlation": None}

    def _repr_png_(self) -> bytes:
        """The picture for a notebook's static copy: a 256-colour palette PNG (the view is
        mostly flat bands, lines and text, which lose nothing visible), ~3x smaller than
        :meth:`png`, so the committed notebook stays light (quantising takes ~25 ms)."""
        buf = io.BytesIO()
        self._rgb().quantize(256, method=Image.Quantize.FASTOCTREE,
                             dither=Image.Dither.NONE).save(buf, format="png")
        return buf.getvalue()

    def show(self, k: int) -> dict:
        """Draw stage k (0 .. n_hidden_); return what it shows."""
        net = self.net
        k = int(np.clip(k, 0, net.n_hidden_))
        st = net.history_[k]
        self.region.set_data(self.regions[k])
        if k:
            self.unit.set_data(self.unit_maps[k - 1])
        else:
            self.unit.set_data(np.full((2, 2), np.nan))
        self.unit_note.set_visible(k == 0)
        upto = self.stage_end[k]
        keep = self.curve_x <= upto
        self.loss_line.set_data(self.curve_x[keep], self.curve_y[keep])
        self.loss_now.set_xdata([upto, upto])
        self.acc_now.set_xdata([k, k])
        self._show_diagram(*_stage_params(net, k), k)
        epochs = sum(s.epochs for s in net.history_[:k + 1])
        test = ("" if self.test_acc is None else
                tr(", {acc:.0%} held-out").format(acc=self.test_acc[k]))
        self.status.set_text(tr("{k} of {n} hidden units, {epochs} epochs: accuracy {acc:.0%} "
                                "training{test}").format(k=k, n=net.n_hidden_, epochs=epochs,
                                                         acc=st.accuracy, test=test))
        self.shown = k  # the picture of this stage of the run loaded
        return {"n_hidden": k, "epochs": epochs, "train_accuracy": float(self.train_acc[k]),
                "test_accuracy": None if self.test_acc is None else float(self.test_acc[k]),
                "E": st.E, "correlation": st.correlation}
