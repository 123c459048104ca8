"""Figures for §5.5.5: the Elman network, unrolled in time, and its temporal-XOR errors."""

from __future__ import annotations

import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch

from .._validation import as_float_array, check_scalar
from ..i18n import tr
from ._style import COLORS, FigureView

__all__ = [
    "POSITION_LABELS",
    "ElmanView",
    "draw_elman_network",
    "draw_unrolled",
    "plot_error_by_position",
    "plot_error_cycle",
    "plot_letter_errors",
]

POSITION_LABELS = ("bit 1\n(random)", "bit 2\n(random)", "bit 3\n(XOR)")
_POSITION_COLORS = (COLORS["blue"], COLORS["sky"], COLORS["vermillion"])


def _position_labels() -> tuple[str, str, str]:
    """:data:`POSITION_LABELS` in the current language."""
    return tr("bit 1\n(random)"), tr("bit 2\n(random)"), tr("bit 3\n(XOR)")

CHANCE = 0.25  # (0.5 - y)^2 for a bit y: the error of always answering 0.5
_REFERENCE_STYLES = (  # the yardsticks over the bars: distinct in colour, dash and marker
    {"color": "black", "ls": ":", "lw": 2.2},
    {"color": COLORS["green"], "ls": "-", "lw": 2.2, "marker": "D", "ms": 7, "mec": "black"},
)


# --------------------------------------------------------------------------------------------
# Diagrams
# --------------------------------------------------------------------------------------------

def _arrow(ax, start, end, color="black", ls="-", rad=0.0, lw=1.8, label=None, label_at=0.5,
           offset=(0.0, 0.0), fontsize=12):
    arrow = FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=16, color=color,
                            lw=lw, ls=ls, connectionstyle=f"arc3,rad={rad}", zorder=1,
                            shrinkA=2, shrinkB=2)
    ax.add_patch(arrow)
    out = [arrow]
    if label is not None:
        p = np.asarray(start) + label_at * (np.asarray(end) - np.asarray(start)) + offset
        out.append(ax.text(p[0], p[1], label, color=color, fontsize=fontsize, ha="center",
                           va="center", zorder=4,
                           bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none"}))
    return out


def _layer(ax, center, n_units, color, caption, width=None, caption_side="left"):
    """A rounded box with ``n_units`` circles in a row and a caption beside it."""
    width = width or max(1.6, 0.75 * n_units + 0.5)
    x0, y0 = center[0] - width / 2, center[1] - 0.45
    box = FancyBboxPatch((x0, y0), width, 0.9, boxstyle="round,pad=0.05,rounding_size=0.2",
                         fc="white", ec=COLORS["grey"], lw=1.2, zorder=1.5)
    ax.add_patch(box)
    xs = center[0] + 0.75 * (np.arange(n_units) - (n_units - 1) / 2)
    units = [Circle((x, center[1]), 0.26, fc=color, ec="black", lw=1.2, zorder=2) for x in xs]
    for c in units:
        ax.add_patch(c)
    if caption_side == "left":
        text = ax.text(x0 - 0.2, center[1], caption, ha="right", va="center", fontsize=12)
    else:
        text = ax.text(x0 + width + 0.2, center[1], caption, ha="left", va="center",
                       fontsize=12)
    return {"box": box, "units": units, "caption": text,
            "top": (center[0], y0 + 0.95), "bottom": (center[0], y0 - 0.05),
            "left": (x0 - 0.05, center[1]), "right": (x0 + width + 0.05, center[1])}


def draw_elman_network(ax, n_inputs: int = 2, n_hidden: int = 3, n_outputs: int = 2) -> dict:
    """Schematic Elman network: input, hidden, output and context layers with the copy-back.

    The context units (one per hidden unit) hold the hidden outputs of the previous step and
    feed them back through the weights u; the copy itself (dashed) has fixed weight 1.

    Returns
    -------
    dict
        ``{"layers": {name: parts}, "arrows": [...]}`` with the drawn artists.
    """
    n_inputs = check_scalar(n_inputs, "n_inputs", integer=True, min_value=1, max_value=6)
    n_hidden = check_scalar(n_hidden, "n_hidden", integer=True, min_value=1, max_value=6)
    n_outputs = check_scalar(n_outputs, "n_outputs", integer=True, min_value=1, max_value=6)
    layers = {
        "input": _layer(ax, (0.0, 0.0), n_inputs, COLORS["sky"], tr("input\n$x_i(t)$")),
        "context": _layer(ax, (4.2, 0.0), n_hidden, COLORS["green"],
                          tr("context\n$c_h(t) = b_h(t-1)$"), caption_side="right"),
        "hidden": _layer(ax, (2.1, 2.4), n_hidden, COLORS["yellow"],
                         tr("hidden\n$b_h(t)$, thresholds $\\gamma_h$")),
        "output": _layer(ax, (2.1, 4.8), n_outputs, COLORS["orange"],
                         tr("output\n$\\hat{y}_j(t)$, thresholds $\\theta_j$")),
    }
    L = layers
    arrows = []
    arrows += _arrow(ax, L["input"]["top"], (1.5, L["hidden"]["bottom"][1]), label="$v_{ih}$")
    arrows += _arrow(ax, L["context"]["top"], (2.7, L["hidden"]["bottom"][1]),
                     label="$u_{h'h}$")
    arrows += _arrow(ax, L["hidden"]["top"], L["output"]["bottom"], label="$w_{hj}$")
    arrows += _arrow(ax, L["hidden"]["right"], (L["context"]["right"][0] + 0.2, 0.5),
                     color=COLORS["green"], ls="--", rad=-0.45,
                     label=tr("copy after each step\n(weight 1, not learned)"), label_at=0.55,
                     offset=(1.25, 0.45), fontsize=10.5)
    ax.set_xlim(-3.6, 8.6)
    ax.set_ylim(-0.9, 5.6)
    ax.set_aspect("equal")
    ax.axis("off")
    return {"layers": layers, "arrows": arrows}


def draw_unrolled(ax, n_steps: int = 3, backward: bool = True) -> dict:
    """The Elman network unrolled in time: one copy of the network per step, sharing v, u, w.

    Forward connections are black; with ``backward`` the error terms of BPTT are drawn in
    vermillion (dashed): g(t) from each output down to b(t), and e(t + 1) from each step back
    to the one before, through u.
    """
    n_steps = check_scalar(n_steps, "n_steps", integer=True, min_value=1, max_value=5)
    dx = 2.6
    texts, arrows, nodes = [], [], []

    def node(x, y, label, color):
        box = FancyBboxPatch((x - 0.55, y - 0.32), 1.1, 0.64,
                             boxstyle="round,pad=0.04,rounding_size=0.15", fc=color,
                             ec="black", lw=1.2, zorder=2)
        ax.add_patch(box)
        nodes.append(box)
        texts.append(ax.text(x, y, label, ha="center", va="center", fontsize=12, zorder=3))

    node(0.0, 1.6, "$b(0)$", COLORS["green"])
    texts.append(ax.text(0.0, 0.95, tr("given (0.5)"), ha="center", va="top", fontsize=10,
                         color=COLORS["grey"]))
    red = COLORS["vermillion"]
    for t in range(1, n_steps + 1):
        x = dx * t
        node(x, 0.0, f"$x({t})$", COLORS["sky"])
        node(x, 1.6, f"$b({t})$", COLORS["yellow"])
        node(x, 3.2, f"$\\hat{{y}}({t})$", COLORS["orange"])
        texts.append(ax.text(x, 4.15, f"$E({t})$", ha="center", va="center", fontsize=12))
        arrows += _arrow(ax, (x, 0.34), (x, 1.26), label="$v$", offset=(-0.32, 0.0))
        arrows += _arrow(ax, (x, 1.94), (x, 2.86), label="$w$", offset=(-0.32, 0.0))
        arrows += _arrow(ax, (x, 3.54), (x, 3.95), lw=1.0)
        arrows += _arrow(ax, (x - dx + 0.58, 1.7), (x - 0.58, 1.7), label="$u$",
                         offset=(0.0, 0.3))
        if backward:
            arrows += _arrow(ax, (x + 0.2, 2.86), (x + 0.2, 1.94), color=red, ls="--",
                             label=f"$g({t})$", offset=(0.45, 0.0), fontsize=11)
            if t > 1:
                arrows += _arrow(ax, (x - 0.58, 1.45), (x - dx + 0.58, 1.45), color=red,
                                 ls="--", label=f"$e({t})$", offset=(0.0, -0.33), fontsize=11)
    ax.set_xlim(-0.9, dx * n_steps + 0.9)
    ax.set_ylim(-0.6, 4.6)
    ax.set_aspect("equal")
    ax.axis("off")
    return {"nodes": nodes, "texts": texts, "arrows": arrows}


# --------------------------------------------------------------------------------------------
# Temporal XOR and letters
# --------------------------------------------------------------------------------------------

def plot_error_by_position(ax, errors, references: dict | None = None, title: str | None = None,
                           ylim: float = 0.45) -> dict:
    """Bars of the mean squared error at the three positions of the temporal-XOR triplets.

    Parameters
    ----------
    errors : array_like, shape (3,)
        Mean (ŷ − y)² on bits 1, 2 (random) and 3 (the XOR), e.g. from
        :func:`chapter5.networks.elman.error_by_position`.
    references : dict of str to array_like (3,), optional
        Yardsticks drawn as short segments over the bars, at most two: the first (e.g. the best
        lookup table of the last two bits) black and dotted, the second (e.g. the table that
        also knows the phase) solid green with a diamond at each bar's centre, so that it stays
        visible where it lies on the chance line or on the axis (at 0).
    """
    e = as_float_array(errors, "errors", ndim=1, allow_nan=False)
    if e.shape != (3,):
        raise ValueError(f"errors must have 3 entries (one per triplet position); got {e.shape}")
    bars = ax.bar(range(3), e, width=0.6, color=_POSITION_COLORS, edgecolor="black", zorder=2)
    # the values sit in a row at a fixed height, above every bar and yardstick
    values = [ax.text(k, 0.92 * ylim, f"{v:.3f}", ha="center", va="bottom", fontsize=11.5,
                      fontweight="bold", color=c)
              for k, (v, c) in enumerate(zip(e, _POSITION_COLORS, strict=True))]
    chance = ax.axhline(CHANCE, color=COLORS["grey"], lw=1.5, ls="--", zorder=1,
                        label=tr("chance ({p:g}): always answering 0.5").format(p=CHANCE))
    refs = []
    if len(references or {}) > len(_REFERENCE_STYLES):
        raise ValueError(f"references: at most {len(_REFERENCE_STYLES)} yardsticks; got "
                         f"{len(references)}")
    for (name, ref), style in zip((references or {}).items(), _REFERENCE_STYLES, strict=False):
        r = as_float_array(ref, f"references[{name!r}]", ndim=1, allow_nan=False)
        if r.shape != (3,):
            raise ValueError(f"references[{name!r}] must have 3 entries; got {r.shape}")
        # one artist per yardstick: three segments (with their centres) split by NaN gaps
        xs = np.ravel([[k - 0.38, k, k + 0.38, np.nan] for k in range(3)])
        ys = np.ravel([[v, v, v, np.nan] for v in r])
        refs += ax.plot(xs, ys, zorder=3, label=name, clip_on=False,
                        markevery=[1, 5, 9], **style)  # markers (if any) at the bars' centres
    ax.set_xticks(range(3), _position_labels())
    ax.set(xlabel=tr("the predicted bit's place in its triplet"),
           ylabel=tr("mean squared error $(\\hat{y}-y)^2$"), ylim=(0, ylim), xlim=(-0.6, 2.6))
    if title:
        ax.set_title(title)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.3), ncol=2, fontsize=9.5,
              frameon=False)
    return {"bars": list(bars), "values": values, "chance": chance, "references": refs}


def plot_error_cycle(ax, errors, n_steps: int = 12, first: int = 1, label=None,
                     color=None) -> list:
    """The squared error over ``n_steps`` consecutive bits, averaged over the stream (every
    stretch of ``n_steps`` bits that starts at a triplet's first bit), as in Elman's (1990)
    temporal-XOR figure (which shows the root of it).

    ``errors[k]`` is the error on stream element ``k + first`` (1 for ``next_step_pairs``).
    """
    e = as_float_array(errors, "errors", ndim=1, allow_nan=False)
    n_steps = check_scalar(n_steps, "n_steps", integer=True, min_value=3)
    first = check_scalar(first, "first", integer=True, min_value=0)
    slot = (np.arange(len(e)) + first) % n_steps
    if len(np.unique(slot)) < n_steps:
        raise ValueError(f"errors must cover all {n_steps} steps of the cycle; got {len(e)}")
    mean = np.array([e[slot == s].mean() for s in range(n_steps)])
    x = np.arange(1, n_steps + 1)
    artists = ax.plot(x, mean, "o-", color=color or COLORS["blue"], label=label)
    xor = x[(x % 3) == 0]
    ax.set_xticks(x)
    for tick in ax.get_xticklabels():
        if int(tick.get_text() or 0) in xor:
            tick.set_color(COLORS["vermillion"])
            tick.set_fontweight("bold")
    ax.set(xlabel=tr("bit in the stream (every 3rd, in bold, is the XOR of the two before)"),
           ylabel=tr("mean squared error $(\\hat{y}-y)^2$"))
    return artists


def plot_letter_errors(ax, text: str, errors, start: int = 0, n: int = 30) -> list:
    """The squared error of next-letter prediction along a stretch of Elman's letter stream.

    ``errors[k]`` is the error on predicting ``text[k + 1]``; the x axis is labelled with those
    target letters; consonant targets are marked in vermillion, vowel targets in blue.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a string; got {type(text).__name__}")
    e = as_float_array(errors, "errors", ndim=1, allow_nan=False)
    if len(e) != len(text) - 1:
        raise ValueError(f"errors must have len(text) - 1 = {len(text) - 1} entries; got "
                         f"{len(e)}")
    start = check_scalar(start, "start", integer=True, min_value=0, max_value=len(e) - 1)
    n = check_scalar(n, "n", integer=True, min_value=1)
    stop = min(start + n, len(e))
    k = np.arange(start, stop)
    targets = [text[i + 1] for i in k]
    consonant = np.array([c in "bdg" for c in targets])
    artists = ax.plot(k, e[k], "-", color=COLORS["grey"], lw=1.2)
    artists += ax.plot(k[consonant], e[k][consonant], "s", color=COLORS["vermillion"], ms=8,
                       mec="black", label=tr("next letter is a consonant"))
    artists += ax.plot(k[~consonant], e[k][~consonant], "o", color=COLORS["blue"], ms=7,
                       mec="black", label=tr("next letter is a vowel"))
    ax.set_xticks(k, targets)
    ax.set(xlabel=tr("the letter to predict"),
           ylabel=tr("squared error $\\sum_j(\\hat{y}_j-y_j)^2$"),
           xlim=(start - 0.7, stop - 0.3))
    ax.legend(loc="upper right", fontsize=9.5, ncol=2)
    return artists


# --------------------------------------------------------------------------------------------
# The dashboard's view
# --------------------------------------------------------------------------------------------

class ElmanView(FigureView):
    """Temporal XOR during training: left, the error by triplet position at one epoch (bars);
    right, the three positions' errors over all epochs with a marker at that epoch.

    ``references`` (name -> 3 values, at most two) are drawn once over the bars, like
    :func:`plot_error_by_position`'s. ``set_comparison(epochs, errors, label)`` draws a fixed
    run faintly behind the curves (the dashboard's default run, something to compare with);
    ``set_training(epochs, errors, key, title, planned)`` draws the curves of one training run
    (``planned``: a run still training, drawn on the axes of its planned length);
    ``show(i, status)`` moves bars, values and marker to snapshot ``i``.

    The curves and the title are animated: the static background depends only on the axes'
    ranges (the run's length and its largest error), so a new run, or a frame of a run still
    training, reuses a cached background instead of a full redraw (~170 ms).
    """

    figsize = (11.5, 4.9)
    max_kept = 112  # a run's pictures (101 snapshots): Play and scrubbing send them again
    max_epochs = 400  # the x range the frozen layout is made for (longer runs still fit)

    def __init__(self, references: dict | None = None, comparison_label: str | None = None):
        self.references = dict(references or {})
        self.comparison_label = comparison_label
        super().__init__()

    def _build(self):
        # a wider margin: constrained layout cuts the hat of the rotated "ŷ" at the left edge
        self.fig.get_layout_engine().set(w_pad=0.12)
        self.ax_bar = self.fig.add_subplot(1, 2, 1)
        self.ax_curve = self.fig.add_subplot(1, 2, 2)
        parts = plot_error_by_position(self.ax_bar, np.zeros(3), self.references)
        self.bars, self.values = parts["bars"], parts["values"]
        self.curves = [self.ax_curve.plot([], [], color=c, label=lab.replace("\n", " "),
                                          zorder=2.2)[0]
                       for c, lab in zip(_POSITION_COLORS, _position_labels(), strict=True)]
        # a fixed run drawn faintly behind (set_comparison), so "compare" has a baseline
        self.comparison = [self.ax_curve.plot([], [], color=c, lw=4.0, alpha=0.3,
                                              solid_capstyle="butt", zorder=2.1)[0]
                           for c in _POSITION_COLORS]
        self.ax_curve.axhline(CHANCE, color=COLORS["grey"], lw=1.5, ls="--", zorder=1)
        # over the curves (zorder 2.2) and the left spine (2.5), animated as well
        self.marker = self.ax_curve.axvline(0, color="black", lw=1.2, zorder=2.6)
        self.dots = [self.ax_curve.plot([], [], "o", color=c, mec="black", ms=8, zorder=2.6)[0]
                     for c in _POSITION_COLORS]
        self.ax_curve.set(xlabel=tr("epoch"), ylabel=tr("mean squared error $(\\hat{y}-y)^2$"),
                          xlim=(0, 1.04 * self.max_epochs), ylim=(0, 0.45))
        handles = list(self.curves)
        if self.comparison_label:
            handles.append(Line2D([], [], color=COLORS["grey"], lw=4.0, alpha=0.3,
                                  solid_capstyle="butt", label=self.comparison_label))
        self.ax_curve.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.3),
                             ncol=2, fontsize=9.5, frameon=False)
        self.title = self.fig.suptitle(" ", fontsize=12.5)
        self.ax_curve.set_title(tr("error by position while training"))
        self.status = self.ax_bar.text(0.0, 1.0, " ", transform=self.ax_bar.transAxes,
                                       ha="left", va="bottom", fontsize=11)
        self.ax_bar.set_title(" ")  # the status takes the bar chart's title line
        # the yardsticks are animated too, only so that they are drawn over the bars; the
        # curves and the title change with the run (animated: a new run needs no full draw),
        # and the left spine, which the curves start on, is drawn over them as in a full draw
        self.animated = [*self.bars, *parts["references"], *self.values, *self.curves,
                         self.ax_curve.spines["left"], self.marker, *self.dots, self.status,
                         self.title]
        self.epochs = np.zeros(1)
        self.errors = np.zeros((1, 3))

    def set_comparison(self, epochs, errors) -> None:
        """A fixed run drawn faintly behind every run's curves (named in the legend by
        ``comparison_label``): ``errors`` (S, 3) at ``epochs`` (S,). It is part of the static
        background, so set it once, before the first :meth:`render`."""
        epochs, errors = np.asarray(epochs), np.asarray(errors)
        for line, e in zip(self.comparison, errors.T, strict=True):
            line.set_data(epochs, e)
        self.invalidate()

    def set_training(self, epochs, errors, key=None, title: str = " ",
                     planned: int | None = None) -> None:
        """The curves of one run: ``errors`` (S, 3) at ``epochs`` (S,); ``title`` names it.

        ``planned``: the run is still training (a live frame) and will last this many epochs:
        its axes are those of that length and of the default error range (a larger error is
        cut at the top), so the growing curves need no new background. ``key`` is not used
        any more (the background depends on the axes' ranges only); it stays for callers."""
        self.epochs = np.asarray(epochs)
        self.errors = np.asarray(errors)
        for c, e in zip(self.curves, self.errors.T, strict=True):
            c.set_data(self.epochs, e)
        if planned is None:
            top = max(0.45, 1.1 * float(self.errors.max()))
            length = max(1, self.epochs[-1])
        else:
            top, length = 0.45, max(1, planned)
        self.ax_curve.set(xlim=(0, 1.04 * length), ylim=(0, top))
        self.ax_bar.set_ylim(0, top)
        self.title.set_text(title)
        self.background_key = (float(length), top)
        # what the curves and the title draw: part of what show() drew (FigureView.shown)
        self._curves = (title, self.epochs.tobytes(), self.errors.tobytes())

    def show(self, i: int, status: str) -> dict:
        i = int(np.clip(i, 0, len(self.epochs) - 1))
        e = self.errors[i]
        top = self.ax_bar.get_ylim()[1]
        for bar, text, v in zip(self.bars, self.values, e, strict=True):
            bar.set_height(v)
            text.set_y(0.92 * top)  # the row stays above the bars when the y range grows
            text.set_text(f"{v:.3f}")
        epoch = self.epochs[i]
        self.marker.set_xdata([epoch, epoch])
        for dot, v in zip(self.dots, e, strict=True):
            dot.set_data([epoch], [v])
        self.status.set_text(status)
        self.shown = (self._curves, i, status)
        return {"epoch": int(epoch), "errors_by_position": e.copy()}
