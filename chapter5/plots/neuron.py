"""Figures for §5.1: activation functions, the M-P neuron diagram and a neuron's input plane."""

from __future__ import annotations

import numpy as np
from matplotlib import colormaps
from matplotlib.cm import ScalarMappable
from matplotlib.colors import Normalize
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch
from matplotlib.ticker import StrMethodFormatter

from ..activations import ACTIVATIONS, get_activation
from ..datasets import binary_inputs
from ..i18n import tr
from ..neuron import MPNeuron
from ._style import COLORS, FigureView, plane_grid, rgb_image

__all__ = [
    "ActivationView",
    "NeuronPlaneView",
    "activation_curve",
    "activation_gallery",
    "draw_mp_neuron",
    "plot_activation",
]

X_RANGE = (-5.0, 5.0)

# Keys translated at display time (their Korean is in chapter5/i18n/ko/figures_5_1_to_5_4.py):
# each activation's name (tr(name): "step", "sign", "sigmoid", "tanh", "relu", "linear"; and
# tr(name, context="formula"), the symbol written in y = f(...)), each activation's
# ``formula`` (tr(act.formula)), and the Boolean function names of
# chapter5.datasets.BOOLEAN_FUNCTIONS that a neuron can compute ("constant 0", "constant 1").


def activation_curve(activation, derivative: bool = False, x=None):
    """Points to draw ``f`` (or ``f'``): ``(x, y, dots)``, with a NaN break at jumps.

    ``dots`` is ``(closed, open)``: for step and sign, the value taken at 0 (filled dot) and the
    value approached from the left (open dot); ``None`` for continuous functions.
    """
    act = get_activation(activation)
    x = np.linspace(*X_RANGE, 1001) if x is None else np.asarray(x, dtype=float)
    y = np.asarray((act.df if derivative else act.f)(x), dtype=float)
    jumps = np.flatnonzero(np.abs(np.diff(y)) > 0.5 * (np.ptp(y) or 1.0))
    x = np.insert(x, jumps + 1, np.nan)
    y = np.insert(y, jumps + 1, np.nan)
    dots = None
    if act.binary and not derivative:
        dots = ((0.0, float(act.f(0.0))), (0.0, float(act.f(-1e-9))))
    return x, y, dots


def plot_activation(ax, activation, derivative: bool = False, color=None, label=None, **kw):
    """Draw an activation function (or its derivative) on ``ax``; return the artists made.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    activation : str
        A name from :data:`chapter5.activations.ACTIVATIONS`.
    derivative : bool, default False
        Draw f' instead of f (dashed).
    """
    act = get_activation(activation)
    color = color or (COLORS["orange"] if derivative else COLORS["blue"])
    if label is None:
        f = tr(act.name, context="formula")  # sigmoid(x) in English, σ(x) in Korean
        label = f"{f}'(x)" if derivative else f"{f}(x)"
    x, y, dots = activation_curve(act, derivative)
    artists = ax.plot(x, y, color=color, label=label, ls="--" if derivative else "-", **kw)
    if dots is not None:
        (xc, yc), (xo, yo) = dots
        artists += ax.plot([xc], [yc], "o", color=color, ms=7, label="_closed")
        artists += ax.plot([xo], [yo], "o", mfc="white", mec=color, ms=7, mew=1.8,
                           label="_open")
    return artists


def activation_gallery(axes, derivatives: bool = True) -> dict:
    """The six activations on a grid of axes (one per function), f solid and f' dashed.

    Parameters
    ----------
    axes : array of matplotlib.axes.Axes
        At least six axes (e.g. from ``plt.subplots(2, 3)``).

    Returns
    -------
    dict
        activation name -> list of artists.
    """
    axes = np.ravel(axes)
    if axes.size < len(ACTIVATIONS):
        raise ValueError(f"axes must hold at least {len(ACTIVATIONS)} axes; got {axes.size}")
    out = {}
    for ax, (name, act) in zip(axes, ACTIVATIONS.items(), strict=False):
        artists = plot_activation(ax, name, label="f(x)")
        if derivatives:
            artists += plot_activation(ax, name, derivative=True, label="f'(x)")
        ax.axhline(0, color=COLORS["grey"], lw=0.8, zorder=0)
        ax.axvline(0, color=COLORS["grey"], lw=0.8, zorder=0)
        lo, hi = act.y_range
        pad = 0.12 * (hi - lo)
        ax.set(xlim=X_RANGE, ylim=(lo - pad, hi + pad), xlabel="x")
        ax.set_title(f"{tr(name)}: {tr(act.formula)}", fontsize=11)
        out[name] = artists
    first = out[next(iter(ACTIVATIONS))]
    handles = [a for a in first if a.get_label() in ("f(x)", "f'(x)")]  # the curves, not the dots
    axes[0].legend(handles=handles, loc="upper left")
    return out


class ActivationView(FigureView):
    """One activation: f(x) on the left, f'(x) on the right. ``update(activation)`` redraws."""

    figsize = (8.0, 3.4)

    def __init__(self, activation="sigmoid"):
        self.activation = get_activation(activation).name
        super().__init__()
        self.update(self.activation)

    def _build(self):
        self.ax_f, self.ax_df = self.fig.subplots(1, 2)
        self.lines = {}
        for ax, deriv in ((self.ax_f, False), (self.ax_df, True)):
            color = COLORS["orange"] if deriv else COLORS["blue"]
            (line,) = ax.plot([], [], color=color, ls="--" if deriv else "-")
            (closed,) = ax.plot([], [], "o", color=color, ms=7)
            (opened,) = ax.plot([], [], "o", mfc="white", mec=color, ms=7, mew=1.8)
            self.lines[deriv] = (line, closed, opened)
            ax.axhline(0, color=COLORS["grey"], lw=0.8, zorder=0)
            ax.axvline(0, color=COLORS["grey"], lw=0.8, zorder=0)
            ax.set(xlim=X_RANGE, xlabel=tr("x (net input)"))
        self.ax_f.set_ylabel("f(x)")
        self.ax_df.set_ylabel("f'(x)")
        self.title_f = self.ax_f.set_title(" ")
        self.title_df = self.ax_df.set_title(" ")
        self.animated = [*self.lines[False], *self.lines[True], self.title_f, self.title_df]

    def update(self, activation):
        """Show ``activation`` (a registry name)."""
        act = get_activation(activation)
        self.activation = act.name
        for deriv, ax in ((False, self.ax_f), (True, self.ax_df)):
            x, y, dots = activation_curve(act, deriv)
            line, closed, opened = self.lines[deriv]
            line.set_data(x, y)
            closed.set_data(*([[d] for d in dots[0]] if dots else ([], [])))
            opened.set_data(*([[d] for d in dots[1]] if dots else ([], [])))
            lo, hi = np.nanmin(y), np.nanmax(y)
            if deriv:
                lo, hi = min(lo, 0.0), max(hi, 1.0)
            else:
                lo, hi = act.y_range
            pad = 0.12 * (hi - lo)
            ax.set_ylim(lo - pad, hi + pad)
        self.background_key = act.name  # the y ticks are static: one background per activation
        self.title_f.set_text(f"{tr(act.name)}: {tr(act.formula)}")
        flat = tr("= 0 (no slope to follow)")
        deriv_note = {"sigmoid": "= f(x)(1 - f(x))   (5.9)", "tanh": "= 1 - f(x)^2",
                      "step": flat, "sign": flat}
        self.title_df.set_text(tr("derivative {note}").format(
            note=deriv_note.get(act.name, "")).strip())
        return self


def draw_mp_neuron(ax, n_inputs: int = 3, activation_label: str = "f") -> dict:
    """The M-P neuron of Fig. 5.1 as a diagram: inputs, weights, sum, threshold, f, output.

    Returns a dict of the artists (patches and texts) by role.
    """
    ax.set_axis_off()
    ax.set(xlim=(0, 10), ylim=(0, 6), aspect="equal")
    out = {"inputs": [], "arrows": [], "texts": []}
    ys = np.linspace(5.0, 1.0, n_inputs)
    labels = [f"$x_{{{i + 1}}}$" for i in range(n_inputs - 1)] + ["$x_n$"]
    weights = [f"$w_{{{i + 1}}}$" for i in range(n_inputs - 1)] + ["$w_n$"]
    centre = (5.0, 3.0)
    body = Circle(centre, 1.0, fc=COLORS["sky"], ec="black", lw=1.5, alpha=0.9)
    ax.add_patch(body)
    out["texts"].append(ax.text(*centre, r"$\Sigma\, w_i x_i - \theta$", ha="center",
                                va="center", fontsize=12))
    for y, lab, wl in zip(ys, labels, weights, strict=True):
        c = Circle((1.0, y), 0.42, fc="white", ec="black", lw=1.3)
        ax.add_patch(c)
        out["inputs"].append(c)
        out["texts"].append(ax.text(1.0, y, lab, ha="center", va="center", fontsize=13))
        arr = FancyArrowPatch((1.45, y), (4.05, 3.0 + 0.35 * (y - 3.0)), arrowstyle="-|>",
                              mutation_scale=14, lw=1.4, color="black")
        ax.add_patch(arr)
        out["arrows"].append(arr)
        out["texts"].append(ax.text(2.6, y + 0.05 * (3 - y) + 0.28, wl, fontsize=12,
                                    color=COLORS["vermillion"]))
    if n_inputs > 2:
        out["texts"].append(ax.text(1.0, (ys[-2] + ys[-1]) / 2, r"$\vdots$", ha="center",
                                    va="center", fontsize=14))
    thr = FancyArrowPatch((5.0, 0.3), (5.0, 1.95), arrowstyle="-|>", mutation_scale=14, lw=1.4)
    ax.add_patch(thr)
    out["texts"].append(ax.text(5.25, 0.45, tr(r"threshold $\theta$"), fontsize=12))
    box = FancyBboxPatch((6.9, 2.45), 1.1, 1.1, boxstyle="round,pad=0.05", fc=COLORS["yellow"],
                         ec="black", lw=1.3)
    ax.add_patch(box)
    out["texts"].append(ax.text(7.45, 3.0, f"${activation_label}$", ha="center", va="center",
                                fontsize=15))
    for a, b in (((6.02, 3.0), (6.88, 3.0)), ((8.05, 3.0), (9.4, 3.0))):
        arr = FancyArrowPatch(a, b, arrowstyle="-|>", mutation_scale=14, lw=1.4)
        ax.add_patch(arr)
        out["arrows"].append(arr)
    out["texts"].append(ax.text(9.55, 3.0, "$y$", va="center", fontsize=15))
    out["texts"].append(ax.text(7.45, 4.0, tr("activation"), ha="center", fontsize=11))
    return out


def _fmt(v: float) -> str:
    return f"{v:+.2f}".replace("+", "+ ").replace("-", "− ")


class NeuronPlaneView(FigureView):
    """A two-input neuron's output over the input plane, its decision line and the 4 binary inputs.

    ``update(w1, w2, theta, activation)`` recolours the heatmap (``set_data``), moves the line
    ``w1 x1 + w2 x2 = theta`` and the normal vector ``w``, and relabels the four inputs.
    """

    figsize = (6.2, 5.0)
    extent = (-0.5, 1.5)
    resolution = 161

    def __init__(self, w1=1.0, w2=1.0, theta=2.0, activation="step"):
        self._grid = plane_grid(self.extent, self.resolution)
        self._points = binary_inputs(2)
        super().__init__()
        self.update(w1, w2, theta, activation)

    def _build(self):
        ax = self.ax = self.fig.add_subplot()
        lo, hi = self.extent
        self._cmap = colormaps["cividis"]
        # The heatmap is coloured here (RGBA bytes) rather than by imshow's norm: ~4x faster to
        # draw. The colourbar reads a separate ScalarMappable that carries the norm; it is laid
        # out with the widest labels ("-5.0") so that no later range overflows the frame.
        self.image = ax.imshow(np.zeros((self.resolution, self.resolution, 4), np.uint8),
                               origin="lower", extent=(lo, hi, lo, hi), interpolation="nearest",
                               aspect="equal")
        self._scale = ScalarMappable(norm=Normalize(-5, 5), cmap=self._cmap)
        # the range the colourbar shows is not known yet: the ticks above are for the layout
        # only, so the first _sync_static sets them even for linear's (-5, 5) (else a linear
        # neuron built as such would keep them, and one switched to linear would not)
        self._scale_range = None
        self.colorbar = self.fig.colorbar(self._scale, ax=ax, shrink=0.85, pad=0.03)
        self.colorbar.ax.set_title("y", fontsize=13)
        self._colorbar_ticks([-3.75, 0.0, 3.75])
        (self.line,) = ax.plot([], [], color=COLORS["vermillion"], lw=3,
                               label=tr(r"decision line $w_1x_1 + w_2x_2 = \theta$"))
        self.arrow = FancyArrowPatch((0, 0), (0, 0), arrowstyle="-|>", mutation_scale=18,
                                     lw=2.2, color=COLORS["vermillion"])
        ax.add_patch(self.arrow)
        self.arrow_label = ax.text(0, 0, "w", color=COLORS["vermillion"], fontsize=14,
                                   fontweight="bold", ha="center", va="center")
        # a white ring around each input keeps it visible on either colour of the heatmap
        self.rings = ax.scatter(self._points[:, 0], self._points[:, 1], s=520, c="white",
                                linewidths=0, zorder=4)
        self.dots = ax.scatter(self._points[:, 0], self._points[:, 1], s=250, c=np.zeros(4),
                               cmap="cividis", norm=Normalize(0, 1), edgecolors="black",
                               linewidths=1.8, zorder=5)
        # labels up and to the left: the normal vector w is drawn up and to the right of
        # the line, so for the book's gates the two do not collide
        self.labels = [ax.text(x - 0.09, y + 0.1, "", fontsize=12, zorder=6, ha="right",
                               bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "0.5"})
                       for x, y in self._points]
        ax.set(xlim=self.extent, ylim=self.extent, xlabel="$x_1$", ylabel="$x_2$",
               xticks=[0, 1], yticks=[0, 1])
        # below the axes, so the heatmap never covers it and it stays in the static background
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13), fontsize=11, frameon=False)
        self.title = ax.set_title(" \n ", fontsize=12.5)
        self.animated = [self.image, self.line, self.arrow, self.arrow_label, self.rings, self.dots,
                         *self.labels, self.title]

    def _sync_static(self):
        if self._scale_range != self.background_key:  # only before a full draw
            lo, hi = self._scale_range = self.background_key
            self._scale.set_norm(Normalize(lo, hi))  # resets the colourbar's ticks: set again
            self._colorbar_ticks(np.linspace(lo, hi, 5))

    def _colorbar_ticks(self, ticks):
        self.colorbar.set_ticks(ticks)
        self.colorbar.ax.yaxis.set_major_formatter(StrMethodFormatter("{x:g}"))

    def update(self, w1, w2, theta, activation):
        """Redraw for ``y = activation(w1 x1 + w2 x2 - theta)``; return its truth table."""
        neuron = MPNeuron((w1, w2), theta, activation)
        act = get_activation(neuron.activation)
        lo, hi = act.y_range
        norm = Normalize(lo, hi)
        y_grid = norm(np.clip(neuron.predict(self._grid), lo, hi))
        self.image.set_data(rgb_image(self._cmap,
                                      y_grid.reshape(self.resolution, self.resolution)))
        self.background_key = act.y_range  # the colourbar's range: see _sync_static
        y_pts = np.asarray(neuron.predict(self._points))
        self.dots.set_norm(norm)
        self.dots.set_array(np.clip(y_pts, lo, hi))
        for text, y in zip(self.labels, y_pts, strict=True):
            text.set_text(f"y={y:g}" if act.binary else f"{y:.2f}")

        w = neuron.w
        norm2 = float(w @ w)
        if norm2 < 1e-12:  # no line: the output is f(-theta) everywhere
            self.line.set_data([], [])
            self.arrow.set_visible(False)
            self.arrow_label.set_visible(False)
        else:
            c = np.array([0.5, 0.5])
            p = c - (c @ w - neuron.theta) / norm2 * w  # point of the line nearest the centre
            u = w / np.sqrt(norm2)
            d = np.array([-u[1], u[0]])
            ends = np.array([p - 5 * d, p + 5 * d])  # long enough to cross the view; clipped
            self.line.set_data(ends[:, 0], ends[:, 1])
            self.arrow.set_positions(tuple(p), tuple(p + 0.35 * u))
            self.arrow_label.set_position(tuple(p + 0.47 * u))
            self.arrow.set_visible(True)
            self.arrow_label.set_visible(True)

        gate = neuron.implements()
        what = (tr("computes {gate}").format(gate=tr(gate)) if gate else
                tr("output is graded, not 0/1"))
        if norm2 < 1e-12:
            what = tr("w = 0: the same output everywhere")
        f = tr(act.name, context="formula")
        self.title.set_text(f"y = {f}({w[0]:.2f} x₁ {_fmt(w[1])} x₂ {_fmt(-neuron.theta)})"
                            f"\n{what}")
        self.neuron = neuron
        return {"X": self._points, "y": y_pts, "gate": gate, "neuron": neuron}
