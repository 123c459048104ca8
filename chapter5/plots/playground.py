"""The Playground-style view: decision regions, hidden-unit maps, the network, and the curves."""

from __future__ import annotations

import contextlib
from collections import OrderedDict

import numpy as np
from matplotlib import colormaps
from matplotlib.image import AxesImage
from PIL import Image

from ..backprop import forward
from ..i18n import tr
from ._style import COLORS, FigureView, plane_grid, rgb_image
from .backprop import plain_log_ticks
from .diagrams import NEGATIVE, POSITIVE, draw_network
from .perceptron import CLASS_STYLE

__all__ = ["PlaygroundView"]

MAX_UNITS_SHOWN = 8


@contextlib.contextmanager
def _no_data_limits(ax):
    """While ``draw_network`` adds its nodes and edges, skip matplotlib's data-limit update
    per artist (for a circle, the Bézier extrema of its path: ~1-2 ms each, half the cost of
    a new architecture): ``draw_network`` sets the axes' limits itself, so the picture is the
    same."""
    ax._update_patch_limits = ax._update_line_limits = lambda artist: None
    try:
        yield
    finally:
        del ax._update_patch_limits, ax._update_line_limits


def _paste(pixels, image, height) -> None:
    """Draw ``image`` (RGB bytes filling its axes, ``origin="lower"``) into the canvas'
    ``pixels`` as Pillow resizes it, bilinearly: for live frames only, ~10x faster than
    matplotlib's resampling, within a few levels of 255 of it (tested)."""
    x0, y0, x1, y1 = image.axes.bbox.extents
    c0, c1 = round(x0), round(x1)
    r0, r1 = height - round(y1), height - round(y0)
    data = np.ascontiguousarray(np.asarray(image.get_array())[::-1])
    resized = Image.fromarray(data).resize((c1 - c0, r1 - r0), Image.BILINEAR)
    pixels[r0:r1, c0:c1] = np.asarray(resized.convert("RGBA"))  # whole rows: a fast copy


class PlaygroundView(FigureView):
    """Four panels for a 2-input BP network replayed from its history.

    ``set_run(...)`` loads a trained network (data, curves, architecture); ``show(i)`` draws
    snapshot ``i``: the output over the plane, each first-layer hidden unit's output, the
    network's weights (edge width ∝ |w|, colour and dash by sign) and the epoch marker.

    Frames of a live training (``set_run(..., planned=...)``) are drawn on one background per
    data extent that holds neither the network nor the choice of hidden-unit panels: the
    nodes are drawn on it and unused panels blanked, so a new architecture costs no full
    redraw (~20 ms instead of ~200 ms). A trained run is drawn as any view is (its own
    background), so the final picture does not depend on how it was reached.
    """

    figsize = (12.5, 7.6)
    resolution = 81
    max_frames = 64  # kept pictures: one run's replay (61 epochs), ~8 MB (~13 at scale 1.4)

    def _build(self):
        fig = self.fig
        gs = fig.add_gridspec(2, 4, height_ratios=[1.15, 1])
        self.ax = fig.add_subplot(gs[0, 0:2])
        units = gs[0, 2:4].subgridspec(2, 4)
        self.unit_axes = [fig.add_subplot(units[r, c]) for r in range(2) for c in range(4)]
        self.ax_net = fig.add_subplot(gs[1, 0:2])
        self.ax_loss = fig.add_subplot(gs[1, 2:4])
        self._cmap = colormaps["PuOr"]
        blank = np.zeros((self.resolution, self.resolution, 4), np.uint8)
        self.region = self.ax.imshow(blank, origin="lower", aspect="auto",
                                     interpolation="bilinear", zorder=0)
        self.train_pts = {c: self.ax.plot([], [], ls="none", marker=s["marker"],
                                          color=s["color"], mec="black", ms=6,
                                          label=tr("{label} (training)").format(
                                              label=tr(s["label"])), zorder=3)[0]
                          for c, s in CLASS_STYLE.items()}
        self.val_pts = {c: self.ax.plot([], [], ls="none", marker=s["marker"], mfc="none",
                                        mec=s["color"], mew=1.6, ms=7,
                                        label=tr("{label} (validation)").format(
                                            label=tr(s["label"])), zorder=3)[0]
                        for c, s in CLASS_STYLE.items()}
        # laid out with the widest tick labels the data sets use, so none is cut off later
        self.ax.set(xlabel="$x_1$", ylabel="$x_2$", xlim=(-1.6, 1.6), ylim=(-1.6, 1.6))
        self.ax.set_title(tr("network output ŷ (orange 0 … purple 1)"), fontsize=11.5)
        self.ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, fontsize=9,
                       frameon=False)
        self.unit_images = []
        for k, ax in enumerate(self.unit_axes):
            self.unit_images.append(ax.imshow(blank, origin="lower", aspect="auto",
                                              interpolation="bilinear"))
            ax.set_xticks([])
            ax.set_yticks([])
            ax.set_title(tr("hidden $b_{{{k}}}$").format(k=k + 1, sub="₁₂₃₄₅₆₇₈₉"[k]),
                         fontsize=10, pad=2)
        a = self.ax_loss
        (self.train_line,) = a.plot([], [], color=COLORS["blue"], label=tr("training E"))
        (self.val_line,) = a.plot([], [], color=COLORS["vermillion"], ls="--",
                                  label=tr("validation E"))
        self.now = a.axvline(0, color=COLORS["grey"], lw=2)
        a.set(yscale="log", xlabel=tr("epoch"), ylabel=tr("error E"), xlim=(0, 1),
              ylim=(1e-3, 1))
        plain_log_ticks(a.yaxis)
        self.acc_ax = a.twinx()
        (self.train_acc,) = self.acc_ax.plot([], [], color=COLORS["blue"], lw=1.2, alpha=0.6,
                                             label=tr("training accuracy"))
        (self.val_acc,) = self.acc_ax.plot([], [], color=COLORS["vermillion"], lw=1.2,
                                           alpha=0.6, ls=":", label=tr("validation accuracy"))
        self.acc_ax.set(ylim=(0, 1.02), ylabel=tr("accuracy"))
        a.legend(handles=[self.train_line, self.val_line, self.train_acc, self.val_acc],
                 loc="lower left", fontsize=8.5, ncol=2)
        self.status = self.fig.suptitle(" ", fontsize=12, x=0.01, ha="left")
        self.ax_net.set_axis_off()
        self.edges: list = []
        self.nodes: list = []  # the network's nodes and captions (static within a run)
        # architecture -> (edges, nodes, limits): each network is drawn once, then hidden
        # and shown again (hidden artists draw nothing: the picture is the same)
        self._networks: dict = {}
        self._arch = None
        self.extent = None
        self._live = False
        self._live_backgrounds: dict = {}  # ("live", extent, planned) -> background
        self._frames: OrderedDict = OrderedDict()  # (run, epoch, status) -> encoded picture
        self._frame_key = None
        self._pending = None  # the last show(...), not drawn yet (its picture is kept)
        self._panel_boxes: list = []
        self.animated = [self.region, *self.train_pts.values(), *self.val_pts.values(),
                         *self.unit_images, self.train_line, self.val_line, self.train_acc,
                         self.val_acc, self.now, self.status]

    def set_run(self, X_tr, y_tr, X_va, y_va, extent, curves: dict, shapes, activation, key,
                planned=None):
        """Load a training run. ``curves``: epochs, train/val loss and accuracy per snapshot.

        ``planned``: a run still training (live): the curves so far, drawn on the axes of the
        planned number of epochs and the default error range, on the live background (see
        the class docstring), so frames need no new background."""
        self._apply_show()
        self._frame_key = None
        extent = tuple(extent)
        if extent != self.extent:
            self.extent = extent
            self._grid = plane_grid(extent, self.resolution)
            for im in [self.region, *self.unit_images]:
                im.set_extent(extent)
            self.ax.set(xlim=extent[:2], ylim=extent[2:])
        for c in (0, 1):
            self.train_pts[c].set_data(X_tr[y_tr == c, 0], X_tr[y_tr == c, 1])
            self.val_pts[c].set_data(X_va[y_va == c, 0], X_va[y_va == c, 1])
        ep = curves["epochs"]
        self.curves = curves
        self.train_line.set_data(np.maximum(ep, 1), curves["train_loss"])
        self.val_line.set_data(np.maximum(ep, 1), curves["val_loss"])
        self.train_acc.set_data(np.maximum(ep, 1), curves["train_acc"])
        self.val_acc.set_data(np.maximum(ep, 1), curves["val_acc"])
        if planned is None:
            finite = np.concatenate([curves["train_loss"], curves["val_loss"]])
            finite = finite[np.isfinite(finite) & (finite > 0)]
            lo = 10.0 ** np.floor(np.log10(max(finite.min(), 1e-6))) if finite.size else 1e-3
            self.ax_loss.set_xlim(0, max(ep[-1], 1) * 1.02)
            self.ax_loss.set_ylim(lo, 1.0)
        else:
            self._live_limits(planned)
        self.activation = activation
        arch = tuple(shapes)
        if self._arch != arch:  # another architecture: show its network
            self._show_network(arch, shapes)
        for k, ax in enumerate(self.unit_axes):
            # FigureView.render skips the animated artists of a hidden axes
            ax.set_visible(k < min(shapes[0][1], MAX_UNITS_SHOWN))
        if self._live != (planned is not None):
            self._live = planned is not None
            for im in [self.region, *self.unit_images]:
                # live frames interpolate without matplotlib's resampling filter: ~30 % less
                # time for the images, pixels within one level of 255 of the filtered ones
                im.set_resample(not self._live)
        self.background_key = ("live", extent, planned) if self._live else (key, arch)

    def _network(self, arch, shapes):
        """The network of an architecture, ``(edges, nodes, xlim, ylim)``: drawn (hidden) the
        first time it is asked for, kept for the next time."""
        if arch not in self._networks:
            sizes = [shapes[0][0]] + [s[1] for s in shapes]
            names = ["x", *(f"h{k + 1}" for k in range(len(sizes) - 2)), "ŷ"]
            limits = self.ax_net.get_xlim(), self.ax_net.get_ylim()
            with _no_data_limits(self.ax_net):
                parts = draw_network(self.ax_net, sizes, layer_names=names)
            nodes = sorted([*(c for layer in parts["nodes"] for c in layer), *parts["texts"]],
                           key=lambda a: a.get_zorder())
            for artist in [*parts["edges"], *nodes]:
                artist.set_visible(False)
            for e in parts["edges"]:
                e.set_animated(True)
            self._networks[arch] = (parts["edges"], nodes, self.ax_net.get_xlim(),
                                    self.ax_net.get_ylim())
            self.ax_net.set(xlim=limits[0], ylim=limits[1])  # as shown until now
        return self._networks[arch]

    def _show_network(self, arch, shapes) -> None:
        for artist in [*self.edges, *self.nodes]:  # the last one, hidden (and not animated:
            artist.set_visible(False)  # draw_artist would draw it over the new one anyway)
        gone = set(map(id, self.edges))
        self.animated = [a for a in self.animated if id(a) not in gone]
        self.edges, self.nodes, xlim, ylim = self._network(arch, shapes)
        for artist in [*self.edges, *self.nodes]:
            artist.set_visible(True)
        self.ax_net.set(xlim=xlim, ylim=ylim)
        self.animated += self.edges
        self._arch = arch

    # -- live frames -------------------------------------------------------------------------
    def _live_limits(self, planned) -> None:
        self.ax_loss.set_xlim(0, max(planned, 1) * 1.02)
        self.ax_loss.set_ylim(1e-3, 1.0)

    def prepare_live(self, planned, extents=(), architectures=()) -> bool:
        """Prepare the first frame of a live training now, while the dashboard is idle: the
        live background of a data extent (a full draw, ~150 ms) or the network of an
        architecture, one of them per call, so that a student's change waits for at most
        one. Nothing shown changes.

        Parameters
        ----------
        planned : int
            The epochs a training plans (the loss axis of the live frames).
        extents : sequence of (x1_min, x1_max, x2_min, x2_max), optional
            The data extents (default: the current one).
        architectures : sequence of lists of (int, int), optional
            Networks as lists of weight shapes, as ``set_run`` takes them.

        Returns
        -------
        bool
            Whether something was prepared (call again for the next one).
        """
        for extent in [tuple(e) for e in extents] or [self.extent]:
            key = ("live", extent, planned)
            if extent is None or key in self._live_backgrounds:
                continue
            limits = (self.ax.get_xlim(), self.ax.get_ylim(), self.ax_loss.get_xlim(),
                      self.ax_loss.get_ylim())
            self.ax.set(xlim=extent[:2], ylim=extent[2:])
            self._live_limits(planned)
            try:
                self._live_background(key)
            finally:
                self.ax.set(xlim=limits[0], ylim=limits[1])
                self.ax_loss.set(xlim=limits[2], ylim=limits[3])
            return True
        for shapes in architectures:
            arch = tuple(map(tuple, shapes))
            if arch not in self._networks:
                self._network(arch, shapes)
                return True
        return False

    def invalidate(self) -> None:
        super().invalidate()
        self._live_backgrounds.clear()
        self._frames.clear()

    def _live_background(self, key):
        """A full draw without the network and with every hidden-unit panel (empty), kept
        under ``key``; notes where each panel is, to blank the unused ones."""
        canvas = self.fig.canvas
        shown = [ax.get_visible() for ax in self.unit_axes]
        images = [a for a in self.animated if isinstance(a, AxesImage) and a.get_visible()]
        try:
            for ax in self.unit_axes:
                ax.set_visible(True)
            for image in images:  # as FigureView.render: animated images stay out
                image.set_visible(False)
            self.ax_net.set_visible(False)
            canvas.draw()
            renderer = canvas.get_renderer()
            height = canvas.get_width_height()[1]
            self._panel_boxes = []
            for ax in self.unit_axes:  # the panel with its title, in buffer rows and columns,
                bb = ax.get_tightbbox(renderer)  # 2 px more for antialiasing (8 px between)
                self._panel_boxes.append((max(int(height - bb.y1) - 2, 0),
                                          int(np.ceil(height - bb.y0)) + 2,
                                          max(int(bb.x0) - 2, 0), int(np.ceil(bb.x1)) + 2))
        finally:
            self.ax_net.set_visible(True)
            for image in images:
                image.set_visible(True)
            for ax, visible in zip(self.unit_axes, shown, strict=True):
                ax.set_visible(visible)
        # kept apart from the trained runs' backgrounds (at most one per data extent), so
        # that those do not push it out
        self._live_backgrounds[key] = background = canvas.copy_from_bbox(self.fig.bbox)
        return background

    def render(self) -> None:
        """As :meth:`FigureView.render`; a live frame is drawn on the live background: unused
        panels blanked, then the network's nodes, then the moving artists."""
        self._apply_show()
        if not self._live:
            super().render()
            return
        canvas = self.fig.canvas
        background = self._live_backgrounds.get(self.background_key)
        if background is None:
            background = self._live_background(self.background_key)
        canvas.restore_region(background)
        self.ax_net.apply_aspect()  # (the one axes whose box follows its limits)
        pixels = np.asarray(canvas.buffer_rgba())
        white = (np.asarray(self.fig.get_facecolor()) * 255).round().astype(np.uint8)
        for ax, (r0, r1, c0, c1) in zip(self.unit_axes, self._panel_boxes, strict=True):
            if not ax.get_visible():
                pixels[r0:r1, c0:c1] = white
        for artist in self.nodes:
            self.fig.draw_artist(artist)
        height = canvas.get_width_height()[1]
        for artist in sorted(self.animated, key=lambda a: a.get_zorder()):
            if artist.get_visible() and (artist.axes is None or artist.axes.get_visible()):
                if isinstance(artist, AxesImage):
                    _paste(pixels, artist, height)
                else:
                    self.fig.draw_artist(artist)

    def show(self, weights, thresholds, epoch: int, status: str) -> None:
        """Draw the network ``(weights, thresholds)`` at ``epoch`` with ``status`` above.

        A trained run's picture at an epoch is kept once encoded (:meth:`encode`), so a
        replay (Play, scrubbing) sends it again without drawing; the artists are then only
        brought up to date when something draws (lazily)."""
        self._pending = (weights, thresholds, epoch, status)
        self._frame_key = None if self._live else (self.background_key, int(epoch), status)
        if self._frame_key not in self._frames:
            self._apply_show()

    def has_frame(self, epoch: int, status: str) -> bool:
        """Whether the picture of the loaded run at ``epoch`` with ``status`` is kept."""
        return (self.background_key, int(epoch), status) in self._frames

    def encode(self) -> bytes:
        """As :meth:`FigureView.encode`; a trained run's frame comes from the kept ones (the
        same bytes: the picture depends on the run, the epoch and the status only)."""
        key = self._frame_key
        if key is not None and key in self._frames:
            self._frames.move_to_end(key)
            return self._frames[key]
        data = super().encode()
        if key is not None:
            self._frames[key] = data
            while len(self._frames) > self.max_frames:
                self._frames.popitem(last=False)
        return data

    def _rgb(self):
        self._apply_show()
        return super()._rgb()

    def _apply_show(self) -> None:
        if self._pending is None:
            return
        weights, thresholds, epoch, status = self._pending
        self._pending = None
        fp = forward(self._grid, weights, thresholds, self.activation)
        r = self.resolution
        self.region.set_data(rgb_image(self._cmap, 0.12 + 0.76 * fp.y_hat[:, 0].reshape(r, r)))
        hidden = fp.outputs[1]
        lo, hi = hidden.min(), hidden.max()
        span = (hi - lo) or 1.0
        for k, image in enumerate(self.unit_images):
            if k < hidden.shape[1]:
                image.set_data(rgb_image(self._cmap, 0.12 + 0.76 * ((hidden[:, k] - lo) / span)
                                         .reshape(r, r)))
        w_max = max(float(np.max(np.abs(W))) for W in weights) or 1.0
        values = np.concatenate([W.ravel() for W in weights])
        for edge, w in zip(self.edges, values, strict=True):
            edge.set_linewidth(0.4 + 4.0 * abs(w) / w_max)
            edge.set_color(POSITIVE if w >= 0 else NEGATIVE)
            edge.set_linestyle("-" if w >= 0 else "--")
        self.now.set_xdata([max(epoch, 1)] * 2)
        self.status.set_text(status)
