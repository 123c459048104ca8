"""The Playground-style view: decision regions, hidden-unit maps, the network, and the curves."""

from __future__ import annotations

import numpy as np
from matplotlib import colormaps

from ..backprop import forward
from ..i18n import tr
from ._style import COLORS, FigureView, plane_grid, rgb_image
from .backprop import plain_log_ticks
from .diagrams import NEGATIVE, POSITIVE, draw_network
from .perceptron import CLASS_STYLE

__all__ = ["PlaygroundView"]

MAX_UNITS_SHOWN = 8


class PlaygroundView(FigureView):
    """Four panels for a 2-input BP network replayed from its history.

    ``set_run(...)`` loads a trained network (data, curves, architecture); ``show(i)`` draws
    snapshot ``i``: the output over the plane, each first-layer hidden unit's output, the
    network's weights (edge width ∝ |w|, colour and dash by sign) and the epoch marker.
    """

    figsize = (12.5, 7.6)
    resolution = 81

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
        self.animated = [self.region, *self.train_pts.values(), *self.val_pts.values(),
                         *self.unit_images, self.train_line, self.val_line, self.train_acc,
                         self.val_acc, self.now, self.status]

    def set_run(self, X_tr, y_tr, X_va, y_va, extent, curves: dict, shapes, activation, key,
                planned=None):
        """Load a training run. ``curves``: epochs, train/val loss and accuracy per snapshot.

        ``planned``: a run still training (live): the curves so far, drawn on the axes of the
        planned number of epochs and the default error range, so frames need no new
        background."""
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
        finite = np.concatenate([curves["train_loss"], curves["val_loss"]])
        finite = finite[np.isfinite(finite) & (finite > 0)]
        lo = 10.0 ** np.floor(np.log10(max(finite.min(), 1e-6))) if finite.size else 1e-3
        if planned is not None:
            lo = 1e-3
        self.ax_loss.set_xlim(0, max(ep[-1] if planned is None else planned, 1) * 1.02)
        self.ax_loss.set_ylim(lo, 1.0)
        self.activation = activation
        arch = tuple(shapes)
        if getattr(self, "_arch", None) != arch:  # a new architecture: draw the network
            self._arch = arch
            old_edges = self.edges  # removed from the axes AND from the animated list, where
            for artist in [*old_edges, *self.ax_net.patches, *self.ax_net.texts]:
                artist.remove()  # draw_artist would still draw them over the new network
            self.animated = [a for a in self.animated if a not in old_edges]
            sizes = [shapes[0][0]] + [s[1] for s in shapes]
            names = ["x", *(f"h{k + 1}" for k in range(len(sizes) - 2)), "ŷ"]
            parts = draw_network(self.ax_net, sizes, layer_names=names)
            self.edges = parts["edges"]
            for e in self.edges:
                e.set_animated(True)
            self.animated += self.edges
        for k, ax in enumerate(self.unit_axes):
            # FigureView.render skips the animated artists of a hidden axes
            ax.set_visible(k < min(shapes[0][1], MAX_UNITS_SHOWN))
        self.background_key = (key, arch)

    def show(self, weights, thresholds, epoch: int, status: str) -> None:
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
