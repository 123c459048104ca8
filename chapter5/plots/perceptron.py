"""Figures for §5.2: replaying perceptron training, Novikoff's bound, the XOR network."""

from __future__ import annotations

import numpy as np
from matplotlib.patches import FancyArrowPatch

from ..datasets import binary_inputs
from ..i18n import tr
from ..multilayer import ThresholdNetwork
from ._style import COLORS, FigureView, plane_grid

__all__ = ["PerceptronReplayView", "XorNetworkView", "plot_novikoff"]

EXTENT = (-0.5, 1.5)
CLASS_STYLE = {  # marker shape and colour both carry the class (readable without colour)
    1: {"marker": "o", "color": COLORS["blue"], "label": "class y = 1"},
    0: {"marker": "s", "color": COLORS["orange"], "label": "class y = 0"},
}
# the labels are English keys, translated where a legend shows them: tr(style["label"]) (their
# Korean, "class y = 1" and "class y = 0", is in chapter5/i18n/ko/figures_5_1_to_5_4.py)
# light tints of the two class colours for the region each side of the line predicts
_REGION_RGBA = np.array([[250, 225, 170, 255], [190, 215, 240, 255]], dtype=np.uint8)


def _line_through_view(w, theta, centre=(0.5, 0.5), half_length=5.0):
    """End points of the line ``w . x = theta`` (long enough to cross the view), and the point
    of it nearest ``centre``; None if w = 0."""
    w = np.asarray(w, dtype=float)
    n2 = float(w @ w)
    if n2 < 1e-12:
        return None
    c = np.asarray(centre, dtype=float)
    p = c - (c @ w - theta) / n2 * w
    d = np.array([-w[1], w[0]]) / np.sqrt(n2)
    return np.array([p - half_length * d, p + half_length * d]), p, w / np.sqrt(n2)


def _fmt_vec(v) -> str:
    return "(" + ", ".join(f"{x + 0.0:.3g}" for x in np.atleast_1d(v)) + ")"  # no "-0"


class _PlaneMixin:
    """A region shading (imshow of RGBA bytes), the decision line and its normal vector."""

    resolution = 121

    def _build_plane(self, ax):
        self._grid = plane_grid(EXTENT, self.resolution)
        self.region = ax.imshow(np.zeros((self.resolution, self.resolution, 4), np.uint8),
                                origin="lower", extent=(*EXTENT, *EXTENT),
                                interpolation="nearest", aspect="equal", zorder=0)
        (self.line,) = ax.plot([], [], color=COLORS["black"], lw=2.5, zorder=3,
                               label=tr(r"decision line $w \cdot x = \theta$"))
        self.arrow = FancyArrowPatch((0, 0), (0, 0), arrowstyle="-|>", mutation_scale=16,
                                     lw=2, color=COLORS["black"], zorder=3)
        ax.add_patch(self.arrow)
        ax.set(xlim=EXTENT, ylim=EXTENT, xlabel="$x_1$", ylabel="$x_2$",
               xticks=[0, 0.5, 1], yticks=[0, 0.5, 1])
        self.offview = ax.text(0.5, 0.03, "", transform=ax.transAxes, ha="center", va="bottom",
                               fontsize=10.5, zorder=6,
                               bbox={"boxstyle": "round", "fc": "white", "ec": "0.6"})
        return [self.region, self.line, self.arrow, self.offview]

    def _update_plane(self, w, theta, predict_grid, draw_line=True):
        y = predict_grid(self._grid).reshape(self.resolution, self.resolution)
        self.region.set_data(_REGION_RGBA[y.astype(int)])
        geo = _line_through_view(w, theta) if draw_line else None
        corners = np.array([[EXTENT[0], EXTENT[0]], [EXTENT[0], EXTENT[1]],
                            [EXTENT[1], EXTENT[0]], [EXTENT[1], EXTENT[1]]])
        side = corners @ np.asarray(w, dtype=float) - theta >= 0
        outside = draw_line and (geo is None or side.all() or not side.any())
        self.offview.set_text(tr("the decision line lies outside this view") if outside else "")
        self.offview.set_visible(bool(outside))
        if geo is None:
            self.line.set_data([], [])
            self.arrow.set_visible(False)
        else:
            ends, p, u = geo
            self.line.set_data(ends[:, 0], ends[:, 1])
            self.arrow.set_positions(tuple(p), tuple(p + 0.3 * u))
            self.arrow.set_visible(True)


class PerceptronReplayView(_PlaneMixin, FigureView):
    """Training replay: data and decision line (left), errors per epoch (right).

    ``set_run(X, y, history, errors, outcome)`` loads a training run (once per training);
    ``show(t)`` draws the state after ``t`` presentations, with the presentation ``t`` itself
    highlighted and its update Δw = η(y - ŷ)x̃ written out.
    """

    figsize = (10.5, 4.8)
    max_kept = 128  # the pictures of the run's first steps: Play and scrubbing send them again

    def _build(self):
        self.ax, self.ax_err = self.fig.subplots(1, 2, width_ratios=[1.25, 1])
        ax = self.ax
        plane = self._build_plane(ax)
        self.points = {}
        for cls, style in CLASS_STYLE.items():
            (self.points[cls],) = ax.plot([], [], ls="none", ms=10, mec="black", mew=1.2,
                                          marker=style["marker"], color=style["color"],
                                          label=tr(style["label"]), zorder=4)
        (self.current,) = ax.plot([], [], "o", ms=24, mfc="none", mec=COLORS["vermillion"],
                                  mew=3, zorder=5, label=tr("sample being presented"))
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2, fontsize=10,
                  frameon=False, markerscale=0.6)
        # two lines across the top: the presentation and its update, then the weights
        self.title = self.fig.suptitle(" \n ", fontsize=12, x=0.01, ha="left")

        ax2 = self.ax_err
        (self.err_line,) = ax2.plot([], [], "o-", color=COLORS["blue"], ms=5)
        self.err_now = ax2.axvline(0, color=COLORS["vermillion"], lw=2,
                                   label=tr("current epoch"))
        ax2.set(xlabel=tr("epoch"), ylabel=tr("errors in the epoch (0 = converged)"))
        ax2.legend(loc="upper left", fontsize=10)
        # how the run ended, above the axes (inside, it would cover points and the legend)
        self.outcome = ax2.set_title(" \n ", fontsize=11, loc="right")
        # everything over the (animated) shading must be animated too, in drawing order
        self.animated = [*plane, *self.points.values(), self.current, self.err_line,
                         self.err_now, self.title, self.outcome]

    @staticmethod
    def epochs_shown(n_epochs: int) -> int:
        """The error panel's last epoch for a run of ``n_epochs``: 5, 10, 20, 50, 100 ..."""
        return next(v for v in (5, 10, 20, 50, 100, 200, 500, 10**9) if v >= n_epochs)

    def _frame(self, n_epochs: int, n_samples: int) -> None:
        """The error panel's ranges: the only part of the frame that depends on the run."""
        xmax = self.epochs_shown(n_epochs)
        self.ax_err.set_xlim(0.5, xmax + 0.5)
        self.ax_err.set_ylim(-0.3, n_samples + 0.3)
        self.background_key = (xmax, n_samples)

    def set_run(self, X, y, history, errors, outcome: str, key=None) -> None:
        """Load a training run: the data (drawn on every change) and its recorded history.

        ``key`` names the data set; the kept frame does not depend on it (only on the run's
        length and the number of samples), so data sets with the same frame share it."""
        for cls in (0, 1):
            self.points[cls].set_data(X[y == cls, 0], X[y == cls, 1])
        self.history = history
        self.errors = np.asarray(errors)
        n_ep = len(self.errors)
        self._frame(n_ep, len(X))
        self.err_line.set_data(np.arange(1, n_ep + 1), self.errors)
        self.outcome.set_text(outcome)
        self._kept.clear()  # the pictures kept are the run's steps (see show)

    def prepare_frame(self, n_epochs: int, n_samples: int) -> bool:
        """Draw and keep the frame of a run of ``n_epochs`` on ``n_samples`` samples without
        changing the picture shown, so that a change leading to it costs no full redraw (the
        dashboard calls this while the kernel is idle). False if it was kept already, or if
        no run is shown yet."""
        if self.background_key is None:
            return False
        key = (self.epochs_shown(n_epochs), n_samples)
        if key in self._backgrounds:
            return False
        shown = self.background_key
        self._frame(n_epochs, n_samples)
        self.render()  # the full draw, kept as this frame's background
        self._frame(*shown)
        return True

    def show(self, t: int, eta: float):
        """Draw the state after ``t`` presentations; return a dict describing it."""
        h = self.history
        w, theta = h.state(t)
        self._update_plane(w, theta, lambda G: (G @ w - theta >= 0))
        if t == 0:
            self.current.set_data([], [])
            text = tr("start (step 0 of {n}): w = {w}, θ = {theta:.3g}\n"
                      "press play or move the step slider").format(
                n=len(h), w=_fmt_vec(w), theta=theta + 0.0)
            epoch = 0
            info = {"t": 0, "w": w, "theta": theta}
        else:
            k = t - 1
            x, yk, yh, epoch = h.x[k], int(h.y[k]), int(h.y_hat[k]), int(h.epoch[k]) + 1
            self.current.set_data([x[0]], [x[1]])
            delta = eta * (yk - yh) * np.append(x, -1.0)
            if h.updated[k]:
                change = (f"ŷ={yh} ≠ y={yk}: Δ(w, θ) = η(y−ŷ)(x, −1) = {_fmt_vec(delta)}")
            else:
                change = tr("ŷ = y = {y}: correct, no change").format(y=yk)
            text = tr("epoch {epoch}, step {t} of {n}: x = {x}, {change}\n"
                      "now w = {w}, θ = {theta:.3g}").format(
                epoch=epoch, t=t, n=len(h), x=_fmt_vec(x), change=change, w=_fmt_vec(w),
                theta=theta + 0.0)
            info = {"t": t, "w": w, "theta": theta, "x": x, "y": yk, "y_hat": yh,
                    "delta": delta, "updated": bool(h.updated[k]), "epoch": epoch}
        self.title.set_text(text)
        self.err_now.set_xdata([max(epoch, 0.5)] * 2)
        self.shown = (int(t), float(eta))  # the picture of this step of the run loaded
        return info


def plot_novikoff(ax, updates, bounds, **kw):
    """Scatter each run's number of updates against its Novikoff bound (log-log), with y = x.

    Every point must lie on or below the line: the bound is a guarantee, usually a loose one.
    Returns the artists.
    """
    updates = np.asarray(updates, dtype=float)
    bounds = np.asarray(bounds, dtype=float)
    pts = ax.scatter(bounds, np.maximum(updates, 0.8), s=22, color=COLORS["blue"], alpha=0.7,
                     edgecolors="none", label=tr("one random separable set"), **kw)
    lo, hi = 1.0, max(bounds.max(), updates.max()) * 1.5
    (diag,) = ax.plot([lo, hi], [lo, hi], color=COLORS["vermillion"], lw=2,
                      label=tr(r"bound: updates $= (R/\gamma)^2$"))
    ax.set(xscale="log", yscale="log", xlim=(lo, hi), ylim=(0.7, hi),
           xlabel=tr(r"Novikoff bound $(R/\gamma)^2$"), ylabel=tr("updates made (from w = 0)"))
    ax.legend(loc="upper left")
    return [pts, diag]


class XorNetworkView(_PlaneMixin, FigureView):
    """The Fig. 5.5 network: input space with the hidden units' lines (left), hidden space
    (right). ``update(gamma1, gamma2, theta)`` moves the thresholds."""

    figsize = (10.5, 4.9)

    def _build(self):
        self.ax, self.ax_h = self.fig.subplots(1, 2)
        ax = self.ax
        plane = self._build_plane(ax)  # (its line stays empty: y has no single line here)
        self.line.set_label("_nolegend_")
        (self.h1,) = ax.plot([], [], color=COLORS["green"], lw=2.5,
                             label=tr(r"$h_1$: $x_1 - x_2 = \gamma_1$"))
        (self.h2,) = ax.plot([], [], color=COLORS["purple"], lw=2.5, ls="--",
                             label=tr(r"$h_2$: $x_2 - x_1 = \gamma_2$"))
        X = binary_inputs(2)
        self._X = X
        self.in_labels = [ax.text(x - 0.08, y + 0.1, "", ha="right", fontsize=11, zorder=6,
                                  bbox={"boxstyle": "round,pad=0.2", "fc": "white",
                                        "ec": "0.5"}) for x, y in X]
        xor = np.array([0, 1, 1, 0])
        self.in_pts = [ax.plot(X[xor == c, 0], X[xor == c, 1], ls="none", ms=11, mec="black",
                               mew=1.2, marker=CLASS_STYLE[c]["marker"],
                               color=CLASS_STYLE[c]["color"], zorder=5)[0] for c in (0, 1)]
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2, fontsize=10,
                  frameon=False)
        ax.set_title(tr("input space: shading = network output y"), fontsize=11.5)

        axh = self.ax_h
        axh.set(xlim=EXTENT, ylim=EXTENT, xlabel="$h_1$", ylabel="$h_2$", aspect="equal",
                xticks=[0, 1], yticks=[0, 1])
        axh.set_title(tr("hidden space: where each input lands"), fontsize=11.5)
        (self.out_line,) = axh.plot([], [], color=COLORS["black"], lw=2.5,
                                    label=tr(r"output line $h_1 + h_2 = \theta$"))
        self.hidden_pts = {cls: axh.plot([], [], ls="none", ms=13, mec="black", mew=1.2,
                                         marker=s["marker"], color=s["color"],
                                         label=f"XOR = {cls}")[0]
                           for cls, s in CLASS_STYLE.items()}
        self.h_labels = [axh.text(0, 0, "", fontsize=10.5, zorder=6, ha="left",
                                  bbox={"boxstyle": "round,pad=0.2", "fc": "white",
                                        "ec": "0.5"}) for _ in range(4)]
        axh.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2, fontsize=10,
                   frameon=False)
        self.verdict = self.fig.suptitle(" ", fontsize=12.5)
        self.animated = [*plane, self.h1, self.h2, *self.in_pts, *self.in_labels, self.out_line,
                         *self.hidden_pts.values(), *self.h_labels, self.verdict]

    def update(self, gamma1=0.5, gamma2=0.5, theta=0.5) -> dict:
        net = ThresholdNetwork.xor_fig_5_5(gamma=(gamma1, gamma2), theta=theta)
        self._update_plane((1.0, 1.0), theta, net.predict, draw_line=False)  # shading only
        for line, w, g in ((self.h1, (1.0, -1.0), gamma1), (self.h2, (-1.0, 1.0), gamma2)):
            ends, _, _ = _line_through_view(w, g)
            line.set_data(ends[:, 0], ends[:, 1])
        X = self._X
        H = net.hidden(X)
        y = net.predict(X)
        target = np.array([0, 1, 1, 0])
        for text, yi in zip(self.in_labels, y, strict=True):
            text.set_text(f"y={yi}")
        for cls in (0, 1):
            sel = target == cls
            self.hidden_pts[cls].set_data(H[sel, 0], H[sel, 1])
        # group the inputs that land on the same hidden point into one label
        groups: dict[tuple, list[str]] = {}
        for x, h in zip(X, H, strict=True):
            groups.setdefault(tuple(h), []).append(f"({x[0]:g},{x[1]:g})")
        for text in self.h_labels:
            text.set_text("")
        for text, (h, names) in zip(self.h_labels, sorted(groups.items()), strict=False):
            text.set_position((h[0] + 0.08, h[1] + 0.1))
            text.set_text(" ".join(names))
        ends, _, _ = _line_through_view((1.0, 1.0), theta)
        self.out_line.set_data(ends[:, 0], ends[:, 1])
        ok = bool(np.array_equal(y, target))
        self.verdict.set_text(tr("the network computes XOR") if ok else
                              tr("not XOR any more: outputs {y} on (0,0), (0,1), (1,0), "
                                 "(1,1)").format(y=y.tolist()))
        self.verdict.set_color("black" if ok else COLORS["vermillion"])
        return {"X": X, "hidden": H, "y": y, "is_xor": ok, "network": net}

