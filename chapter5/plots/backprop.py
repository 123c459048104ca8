"""Figures for §5.3: the worked example step by step, and BP training replayed."""

from __future__ import annotations

import numpy as np
from matplotlib import colormaps
from matplotlib.ticker import LogFormatterSciNotation

from ..backprop import forward
from ..i18n import language, tr
from ..worked_example import MAZUR, MAZUR_NAMES, mazur_outputs_after, mazur_trace
from ._style import COLORS, FigureView, plane_grid, rgb_image
from .diagrams import draw_network
from .perceptron import CLASS_STYLE, EXTENT

__all__ = ["MAZUR_STAGES", "BPTrainingView", "MazurStepView", "plot_loss_curves"]

MAZUR_STAGES = (
    "start: the published weights",
    "1 forward pass: hidden layer, b_h = f(α_h − γ_h)",
    "2 forward pass: output layer and error E_k (5.3), (5.4)",
    "3 output terms g_j = ŷ_j(1 − ŷ_j)(y_j − ŷ_j) (5.10)",
    "4 update w_hj += η g_j b_h (5.11)",
    "5 hidden terms e_h = b_h(1 − b_h) Σ_j w_hj g_j (5.15), old w",
    "6 update v_ih += η e_h x_i (5.13)",
    "7 forward pass with the new weights: E_k fell",
)
"""The stages of one standard-BP update of the worked example, one per click (English keys,
translated where shown: tr(MAZUR_STAGES[stage]); their Korean is in
chapter5/i18n/ko/figures_5_1_to_5_4.py)."""


class _PlainLogFormatter(LogFormatterSciNotation):
    """A log axis' usual labels (10⁻², 2×10⁻¹) written without the ``\\mathdefault{}`` wrapper
    and ``\\times`` command, which draw the same: their text then holds no Latin words."""

    def __call__(self, x, pos=None):
        label = super().__call__(x, pos)
        if label.startswith("$\\mathdefault{") and label.endswith("}$"):
            label = "$" + label[len("$\\mathdefault{"):-2] + "$"
        return label.replace("\\times", "\\:×\\:")  # \\: keeps \\times's spaces


def plain_log_ticks(axis) -> None:
    """In Korean mode, label a log-scaled ``axis`` (``ax.yaxis``) with
    :class:`_PlainLogFormatter`; English figures keep matplotlib's formatters."""
    if language() != "en":
        axis.set_major_formatter(_PlainLogFormatter())
        axis.set_minor_formatter(_PlainLogFormatter(labelOnlyBase=False))


class MazurStepView(FigureView):
    """The 2-2-2 network with the worked example's values on its nodes and edges, by stage."""

    figsize = (9.5, 5.2)

    def _build(self):
        ax = self.ax = self.fig.add_subplot()
        self.trace = mazur_trace()
        parts = draw_network(ax, weights=[MAZUR["V"], MAZUR["W"]],
                             node_labels=[["$i_1$", "$i_2$"], ["$h_1$", "$h_2$"],
                                          ["$o_1$", "$o_2$"]],
                             layer_names=[tr("inputs x"), tr("hidden b (γ = −0.35)"),
                                          tr("outputs ŷ (θ = −0.60)")])
        self.centres = [[c.center for c in layer] for layer in parts["nodes"]]
        ax.set_xlim(-1.6, 6.6)
        box = {"boxstyle": "round,pad=0.25", "fc": "white", "ec": "0.6", "alpha": 0.95}
        self.node_text = [[ax.text(x + (0.42 if k < 2 else 0.45), y + 0.32, "", fontsize=10.5,
                                   va="bottom", ha="left" if k == 2 else "center", bbox=box,
                                   zorder=6)
                           for x, y in layer] for k, layer in enumerate(self.centres)]
        for (x, y), v in zip(self.centres[0], MAZUR["x"], strict=True):
            ax.text(x - 0.45, y, f"{v:g}", ha="right", va="center", fontsize=12)
        # the target beside its output node (in English just below its centre, where the
        # three-line box of the node below touches it; Hangul is taller: centred, clear of it)
        dy, va = (-0.12, "top") if language() == "en" else (0.0, "center")
        for (x, y), v in zip(self.centres[2], MAZUR["y"], strict=True):
            ax.text(x + 0.45, y + dy, tr("target {v:g}").format(v=v), ha="left", va=va,
                    fontsize=10.5, color=COLORS["grey"])
        self.edge_text = {}
        for name, (layer, i, j) in MAZUR_NAMES.items():
            (x0, y0), (x1, y1) = self.centres[layer][i], self.centres[layer + 1][j]
            t = 0.3 if layer == 0 else 0.68
            self.edge_text[name] = ax.text(x0 + t * (x1 - x0), y0 + t * (y1 - y0), "",
                                           ha="center", va="center", fontsize=10, zorder=5,
                                           bbox={"boxstyle": "round,pad=0.15", "fc": "white",
                                                 "ec": "none"})
        self.title = self.fig.suptitle(" ", fontsize=12.5, x=0.02, ha="left")
        self.animated = [*(t for layer in self.node_text for t in layer),
                         *self.edge_text.values(), self.title]

    def update(self, stage: int) -> dict:
        trace = self.trace
        net_out = tr("net {net:.4f}\nout {out:.6f}")
        out_only = tr("out {out:.6f}")
        for layer in self.node_text:
            for t in layer:
                t.set_text("")
        new_out = stage >= 4 and stage != 5  # stage 5 computes e_h from the OLD w_hj
        new_hid = stage >= 6
        for name, text in self.edge_text.items():
            layer = MAZUR_NAMES[name][0]
            changed = (layer == 1 and new_out) or (layer == 0 and new_hid)
            value = trace[f"{name}+"] if changed else MAZUR["VW"[layer]][MAZUR_NAMES[name][1:]]
            text.set_text(f"{name} = {value:.4f}" if changed else f"{name} = {value:g}")
            text.set_color(COLORS["vermillion"] if changed else "black")
            text.set_fontweight("bold" if changed else "normal")
        hid, out = self.node_text[1], self.node_text[2]
        if stage in (1, 2):
            for h in range(2):
                hid[h].set_text(net_out.format(net=trace[f"net_h{h + 1}"],
                                               out=trace[f"out_h{h + 1}"]))
        if stage == 2:
            for j in range(2):
                out[j].set_text(net_out.format(net=trace[f"net_o{j + 1}"],
                                               out=trace[f"out_o{j + 1}"])
                                + f"\nE {trace[f'E_o{j + 1}']:.6f}")
        if stage in (3, 4, 5, 6):
            for j in range(2):
                out[j].set_text(f"g {-trace[f'delta_o{j + 1}']:+.6f}")
        if stage in (5, 6):
            for h in range(2):
                hid[h].set_text(f"e {-trace[f'delta_h{h + 1}']:+.6f}")
        if stage == 7:
            after = mazur_outputs_after(1)
            for j in range(2):
                out[j].set_text(out_only.format(out=after["y_hat"][j]))
            b = forward(MAZUR["x"], after["weights"], after["thresholds"]).outputs[1][0]
            for h in range(2):
                hid[h].set_text(out_only.format(out=b[h]))
        E = {2: trace["E_total"], 7: trace["E_total+"]}.get(stage)
        title = tr(MAZUR_STAGES[stage]) + (f":  E = {E:.9f}" if E is not None else "")
        self.title.set_text(title)
        return {"stage": stage, "title": title}


class BPTrainingView(FigureView):
    """Decision regions of a 2-input BP network (left) and its error per epoch (right)."""

    figsize = (10.5, 4.6)
    resolution = 101

    def _build(self):
        self.ax, self.ax_loss = self.fig.subplots(1, 2, width_ratios=[1, 1.15])
        ax = self.ax
        self._grid = plane_grid(EXTENT, self.resolution)
        self._cmap = colormaps["PuOr"]  # orange (class 0) to purple (class 1): CVD-safe
        self.region = ax.imshow(np.zeros((self.resolution, self.resolution, 4), np.uint8),
                                origin="lower", extent=(*EXTENT, *EXTENT), aspect="equal",
                                interpolation="bilinear", zorder=0)
        self.points = {c: ax.plot([], [], ls="none", ms=11, mec="black", mew=1.3,
                                  marker=s["marker"], color=s["color"], label=tr(s["label"]),
                                  zorder=4)[0] for c, s in CLASS_STYLE.items()}
        ax.set(xlim=EXTENT, ylim=EXTENT, xlabel="$x_1$", ylabel="$x_2$", xticks=[0, 0.5, 1],
               yticks=[0, 0.5, 1])
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2, fontsize=10,
                  frameon=False)
        ax.set_title(tr("network output ŷ (orange 0 … purple 1)"), fontsize=11.5)
        a2 = self.ax_loss
        (self.loss_line,) = a2.plot([], [], color=COLORS["blue"], lw=2, label=tr("E per epoch"))
        self.now = a2.axvline(0, color=COLORS["vermillion"], lw=2, label=tr("shown epoch"))
        a2.set(yscale="log", xlabel=tr("epoch"), ylabel=tr("accumulated error E (5.16)"),
               xlim=(0, 1), ylim=(1e-4, 1.0))
        plain_log_ticks(a2.yaxis)
        a2.legend(loc="upper right", fontsize=10)
        self.status = a2.text(0.03, 0.04, "", transform=a2.transAxes, fontsize=10.5,
                              va="bottom", bbox={"boxstyle": "round", "fc": "white",
                                                 "ec": "0.6"})
        self.title = self.fig.suptitle(" ", fontsize=12, x=0.02, ha="left")
        self.animated = [self.region, *self.points.values(), self.loss_line, self.now,
                         self.status, self.title]

    def set_run(self, X, y, loss, key, planned=None) -> None:
        """Load a training run: data points and the loss curve (static per run).

        ``planned``: a run still training (live), drawn on the axes of its planned length and
        the default error range, so that the growing curve needs no new background."""
        for c in (0, 1):
            self.points[c].set_data(X[y == c, 0], X[y == c, 1])
        loss = np.asarray(loss, dtype=float)
        epochs = np.arange(1, len(loss) + 1)
        finite = loss[np.isfinite(loss) & (loss > 0)]
        # the axes (static background) change only with the decade of the smallest error, so
        # most retrainings reuse a cached background; the curve itself is animated
        if planned is not None:
            lo, length = 1e-4, planned
            # the newest again: the trained runs' backgrounds must not push it out
            live = self._backgrounds.pop((lo, length), None)
            if live is not None:
                self._backgrounds[(lo, length)] = live
        else:
            lo = 10.0 ** np.floor(np.log10(max(finite.min(), 1e-8))) if finite.size else 1e-3
            length = len(loss)
        self.loss_line.set_data(epochs, np.maximum(loss, lo))
        self._set_limits(lo, length)

    def _set_limits(self, lo, length) -> None:
        self.ax_loss.set_xlim(0, max(length, 1) * 1.03)
        self.ax_loss.set_ylim(lo, 1.0)
        self.background_key = (lo, length)

    def prepare_live(self, planned) -> bool:
        """Draw the background of a live training of ``planned`` epochs now (a full draw), so
        that its first frame need not: called once the dashboard is idle. Nothing shown
        changes. Returns False (nothing more to prepare)."""
        if self.background_key is None or (1e-4, planned) in self._backgrounds:
            return False
        lo, length = self.background_key
        self._set_limits(1e-4, planned)
        try:
            self.render()
        finally:
            self._set_limits(lo, length)
        return False

    def show(self, weights, thresholds, activation, epoch: int, status: str, title: str):
        yhat = forward(self._grid, weights, thresholds, activation).y_hat[:, 0]
        self.region.set_data(rgb_image(self._cmap, 0.12 + 0.76 * yhat.reshape(self.resolution,
                                                                             self.resolution)))
        self.now.set_xdata([epoch, epoch])
        self.status.set_text(status)
        self.title.set_text(title)


def plot_loss_curves(ax, curves: dict, ylabel=None):
    """Several loss curves on a log scale; ``curves`` maps a label to a 1-D array. Returns
    the lines. ``ylabel`` defaults to "error E" (in the current language)."""
    lines = []
    colors = [COLORS[k] for k in ("blue", "vermillion", "green", "purple", "orange")]
    styles = ["-", "--", "-.", ":", "-"]
    for (label, values), c, ls in zip(curves.items(), colors, styles, strict=False):
        values = np.asarray(values)
        lines += ax.plot(np.arange(1, len(values) + 1), values, color=c, ls=ls, label=label)
    ax.set(yscale="log", xlabel=tr("update"), ylabel=tr("error E") if ylabel is None else ylabel)
    ax.legend()
    return lines
