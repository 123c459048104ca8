"""Network diagrams: layers of nodes joined by weighted connections (for §5.1-5.3)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np
from matplotlib.patches import Circle

from .._validation import check_scalar
from ._style import COLORS

__all__ = ["draw_network"]

_LAYER_COLORS = (COLORS["sky"], COLORS["yellow"], COLORS["orange"])


def draw_network(ax, layer_sizes: Sequence[int], layer_names: Sequence[str] | None = None,
                 node_labels: Sequence[Sequence[str]] | None = None) -> dict:
    """A fully connected feedforward network: each node linked to every node of the next layer.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    layer_sizes : sequence of int
        Nodes per layer, input layer first, e.g. ``(3, 4, 2)``.
    layer_names : sequence of str, optional
        A caption under each layer (default: input / hidden / output).
    node_labels : sequence of sequences of str, optional
        Text inside the nodes, per layer (mathtext allowed, e.g. ``"$x_1$"``).

    Returns
    -------
    dict
        ``{"nodes": [[Circle, ...], ...], "edges": [Line2D, ...], "texts": [Text, ...]}``
    """
    sizes = [check_scalar(s, "layer_sizes[i]", integer=True, min_value=1, max_value=12)
             for s in layer_sizes]
    if len(sizes) < 2:
        raise ValueError(f"layer_sizes must name at least 2 layers; got {len(sizes)}")
    n = len(sizes)
    if layer_names is None:
        layer_names = ["input layer"] + ["hidden layer"] * (n - 2) + ["output layer"]
    xs = np.linspace(0.0, 2.2 * (n - 1), n)
    top = max(sizes)
    # each layer centred vertically; node 1 on top
    pos = [np.column_stack([np.full(s, x), np.arange(s)[::-1] - (s - 1) / 2])
           for s, x in zip(sizes, xs, strict=True)]
    out = {"nodes": [], "edges": [], "texts": []}
    for a, b in itertools.pairwise(pos):
        for pa in a:
            for pb in b:
                out["edges"] += ax.plot([pa[0], pb[0]], [pa[1], pb[1]], color=COLORS["grey"],
                                        lw=1.0, zorder=1)
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
        out["nodes"].append(layer)
        out["texts"].append(ax.text(xs[k], -(top - 1) / 2 - 0.9, layer_names[k], ha="center",
                                    va="top", fontsize=11))
    ax.set(xlim=(xs[0] - 0.8, xs[-1] + 0.8), ylim=(-(top - 1) / 2 - 1.6, (top - 1) / 2 + 0.7),
           aspect="equal")
    ax.set_axis_off()
    return out
