"""Network diagrams: layers of nodes joined by weighted connections (for §5.1-5.5)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Circle

from .._validation import as_float_array, check_scalar
from ..i18n import tr
from ._style import COLORS

__all__ = ["draw_network"]

_LAYER_COLORS = (COLORS["sky"], COLORS["yellow"], COLORS["orange"])
POSITIVE, NEGATIVE = COLORS["blue"], COLORS["vermillion"]


def _layer_sizes(layer_sizes, weights) -> list[int]:
    if weights is not None:
        Ws = [as_float_array(W, f"weights[{k}]", ndim=2, allow_nan=False)
              for k, W in enumerate(weights)]
        sizes = [Ws[0].shape[0]] + [W.shape[1] for W in Ws]
        for k in range(1, len(Ws)):
            if Ws[k].shape[0] != Ws[k - 1].shape[1]:
                raise ValueError(f"weights[{k}] must have {Ws[k - 1].shape[1]} rows; got "
                                 f"{Ws[k].shape[0]}")
        if layer_sizes is not None and list(layer_sizes) != sizes:
            raise ValueError(f"layer_sizes {list(layer_sizes)} disagree with the weights' "
                             f"shapes {sizes}")
        return sizes
    if layer_sizes is None:
        raise ValueError("give layer_sizes or weights")
    return [check_scalar(s, "layer_sizes[i]", integer=True, min_value=1, max_value=12)
            for s in layer_sizes]


def draw_network(ax, layer_sizes: Sequence[int] | None = None, weights: Sequence | None = None,
                 thresholds: Sequence | None = None, node_labels=None, layer_names=None,
                 show_values: bool = False, threshold_symbols: Sequence[str] | None = None
                 ) -> dict:
    """A fully connected feedforward network: each node linked to every node of the next layer.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    layer_sizes : sequence of int, optional
        Nodes per layer, input layer first, e.g. ``(3, 4, 2)``. Taken from ``weights`` if given.
    weights : list of arrays, optional
        ``weights[k][i, h]`` connects node i of layer k to node h of layer k + 1. Edge width is
        proportional to |w|; colour and line style give the sign (blue solid = positive,
        vermillion dashed = negative: distinguishable without colour too).
    thresholds : list of arrays, optional
        One array per non-input layer; drawn under each node (``θ = ...``).
    node_labels : list of lists of str, optional
        Text inside the nodes, per layer (mathtext allowed, e.g. ``"$x_1$"``).
    layer_names : list of str, optional
        A caption under each layer (default: input / hidden / output layer).
    show_values : bool, default False
        Write each weight on its edge.
    threshold_symbols : list of str, optional
        The symbol per non-input layer for the threshold labels (default γ for hidden layers
        and θ for the output layer, as in the book).

    Returns
    -------
    dict
        ``{"nodes": [[Circle, ...], ...], "edges": [Line2D, ...], "texts": [Text, ...]}``;
        ``edges`` follow the order of the weight matrices, row-major.
    """
    sizes = _layer_sizes(layer_sizes, weights)
    if len(sizes) < 2:
        raise ValueError(f"layer_sizes must name at least 2 layers; got {len(sizes)}")
    n = len(sizes)
    if layer_names is None:
        layer_names = [tr("input layer")] + [tr("hidden layer")] * (n - 2) + [tr("output layer")]
    if threshold_symbols is None:
        threshold_symbols = ["γ"] * (n - 2) + ["θ"]
    xs = np.linspace(0.0, 2.4 * (n - 1), n)
    top = max(sizes)
    # each layer centred vertically; node 1 on top
    pos = [np.column_stack([np.full(s, x), np.arange(s)[::-1] - (s - 1) / 2.0])
           for s, x in zip(sizes, xs, strict=True)]
    out = {"nodes": [], "edges": [], "texts": []}
    w_max = max((np.max(np.abs(W)) for W in weights), default=1.0) if weights else 1.0
    w_max = w_max or 1.0
    for k, (a, b) in enumerate(itertools.pairwise(pos)):
        W = None if weights is None else np.asarray(weights[k], dtype=float)
        for i, pa in enumerate(a):
            for h, pb in enumerate(b):
                if W is None:
                    style = {"color": COLORS["grey"], "lw": 1.0}
                else:
                    wv = W[i, h]
                    style = {"color": POSITIVE if wv >= 0 else NEGATIVE,
                             "ls": "-" if wv >= 0 else "--",
                             "lw": 0.6 + 3.4 * abs(wv) / w_max,
                             "alpha": 1.0 if wv != 0 else 0.25}
                line = Line2D([pa[0], pb[0]], [pa[1], pb[1]], zorder=1, **style)
                ax.add_line(line)
                out["edges"].append(line)
                if show_values and W is not None:
                    p = pa + 0.3 * (pb - pa)  # near the source: labels of one node fan out
                    out["texts"].append(ax.text(
                        p[0], p[1], f"{W[i, h]:g}", ha="center", va="center", fontsize=10,
                        zorder=4, bbox={"boxstyle": "round,pad=0.15", "fc": "white",
                                        "ec": "none", "alpha": 0.9}))
    for k, p in enumerate(pos):
        color = _LAYER_COLORS[0 if k == 0 else 2 if k == n - 1 else 1]
        layer = []
        for j, (x, y) in enumerate(p):
            c = Circle((x, y), 0.32, fc=color, ec="black", lw=1.3, zorder=2)
            ax.add_patch(c)
            layer.append(c)
            if node_labels is not None:
                out["texts"].append(ax.text(x, y, node_labels[k][j], ha="center", va="center",
                                            fontsize=11, zorder=3))
            if thresholds is not None and k > 0:
                t = np.atleast_1d(np.asarray(thresholds[k - 1], dtype=float))[j]
                out["texts"].append(ax.text(x, y - 0.42, f"{threshold_symbols[k - 1]}={t:g}",
                                            ha="center", va="top", fontsize=10, zorder=3))
        out["nodes"].append(layer)
        out["texts"].append(ax.text(xs[k], -(top - 1) / 2 - 1.0, layer_names[k], ha="center",
                                    va="top", fontsize=11))
    ax.set(xlim=(xs[0] - 0.8, xs[-1] + 0.8), ylim=(-(top - 1) / 2 - 1.7, (top - 1) / 2 + 0.7),
           aspect="equal")
    ax.set_axis_off()
    return out
