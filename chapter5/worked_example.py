"""Matt Mazur's "A Step by Step Backpropagation Example" (2015), number by number, in the book's
notation: the seed notes' net/out walk-through of §5.3.

A 2-2-2 sigmoid network: inputs i1 = 0.05, i2 = 0.10; weights w1..w4 (input -> hidden) 0.15,
0.20, 0.25, 0.30 and w5..w8 (hidden -> output) 0.40, 0.45, 0.50, 0.55; a bias of 0.35 shared by
both hidden units and 0.60 shared by both outputs; targets 0.01, 0.99; learning rate 0.5.

Mazur *adds* biases; the book *subtracts* thresholds, so here gamma_h = -0.35 and
theta_j = -0.60 (θ = -b). His weights map to the book's as

    w1 = v_11 (i1 -> h1), w2 = v_21 (i2 -> h1), w3 = v_12 (i1 -> h2), w4 = v_22 (i2 -> h2),
    w5 = w_11 (h1 -> o1), w6 = w_21 (h2 -> o1), w7 = w_12 (h1 -> o2), w8 = w_22 (h2 -> o2),

and his delta_o = dE/dnet_o is minus the book's g_j (5.10).

The order of the updates: the book computes every g_j (5.10) and e_h (5.15) from the old
weights, then applies (5.11)-(5.14). Mazur's post describes the same order, and so does his
script from its second commit (15 March 2015) on; his first published script (14 March 2015)
updated the output weights w_hj before computing the hidden deltas, so its hidden-layer numbers
differ slightly (``variant="updated-weights"`` below reproduces it).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import numpy as np

from ._validation import check_option, check_scalar
from .backprop import BPNetwork, backward, forward, output_term, parameter_updates
from .i18n import tr

__all__ = ["MAZUR", "Trace", "TraceRow", "mazur_network", "mazur_outputs_after", "mazur_trace"]

MAZUR = {
    "x": np.array([0.05, 0.10]),
    "y": np.array([0.01, 0.99]),
    # V[i, h] = v_ih: column h holds hidden unit h's input weights (w1, w2 | w3, w4)
    "V": np.array([[0.15, 0.25], [0.20, 0.30]]),
    # W[h, j] = w_hj: column j holds output unit j's input weights (w5, w6 | w7, w8)
    "W": np.array([[0.40, 0.50], [0.45, 0.55]]),
    "gamma": np.array([-0.35, -0.35]),  # theta = -bias: Mazur's b1 = 0.35
    "theta": np.array([-0.60, -0.60]),  # and b2 = 0.60
    "eta": 0.5,
}
"""The published starting point, in the book's symbols."""

# Mazur's weight names -> (layer, row, column) in [V, W]
MAZUR_NAMES = {"w1": (0, 0, 0), "w2": (0, 1, 0), "w3": (0, 0, 1), "w4": (0, 1, 1),
               "w5": (1, 0, 0), "w6": (1, 1, 0), "w7": (1, 0, 1), "w8": (1, 1, 1)}


def mazur_network(train_thresholds: bool = False, **kwargs) -> BPNetwork:
    """The worked example's network; thresholds frozen by default, as in Mazur's script."""
    return BPNetwork.from_parameters([MAZUR["V"], MAZUR["W"]],
                                     [MAZUR["gamma"], MAZUR["theta"]], eta=MAZUR["eta"],
                                     train_thresholds=train_thresholds, **kwargs)


@dataclass(frozen=True)
class TraceRow:
    stage: str
    name: str       # Mazur's name, e.g. "out_h1", "dE/dw5", "w5+"
    symbol: str     # the book's symbol, e.g. "b_1", "g_1", "w_11"
    value: float
    equation: str   # e.g. "(5.3)"; "def." for a definition the book does not number


class Trace(list):
    """The rows of a worked-example trace; prints as a table, ``trace["out_o1"]`` reads one."""

    def __getitem__(self, key):
        if isinstance(key, str):
            for row in self:
                if row.name == key:
                    return row.value
            raise KeyError(f"no quantity {key!r} in the trace")
        return super().__getitem__(key)

    def stage(self, stage: str) -> Trace:
        return Trace(r for r in self if r.stage == stage)

    def __repr__(self) -> str:
        """The table, its words in the language of the moment (:func:`chapter5.i18n.tr`)."""
        stages = _stage_names()
        lines = [f"{_pad(tr('stage', context='worked example'), 16)} "
                 f"{_pad(tr('Mazur', context='worked example'), 17)} "
                 f"{_pad(tr('book', context='worked example'), 14)} "
                 f"{_pad(tr('value', context='worked example'), 13, '>')}  "
                 f"{tr('eq.', context='worked example')}"]
        for r in self:
            equation = tr("def.", context="worked example") if r.equation == "def." else \
                r.equation
            lines.append(f"{_pad(stages.get(r.stage, r.stage), 16)} {r.name:<17} "
                         f"{r.symbol:<14} {r.value:>13.9f}  {equation}")
        return "\n".join(lines)


def _stage_names() -> dict:
    """The trace's stage names (English keys) as a table shows them."""
    return {"forward": tr("forward", context="worked example"),
            "error": tr("error", context="worked example"),
            "output deltas": tr("output deltas", context="worked example"),
            "output gradients": tr("output gradients", context="worked example"),
            "output updates": tr("output updates", context="worked example"),
            "hidden deltas": tr("hidden deltas", context="worked example"),
            "hidden gradients": tr("hidden gradients", context="worked example"),
            "hidden updates": tr("hidden updates", context="worked example"),
            "threshold updates": tr("threshold updates", context="worked example"),
            "after": tr("after", context="worked example")}


def _pad(text: str, width: int, align: str = "<") -> str:
    """``text`` aligned in ``width`` columns of a monospace font, where a wide character
    (Hangul) takes two: ``f"{text:<{width}}"`` for English text."""
    wide = sum(unicodedata.east_asian_width(ch) in "WF" for ch in text)
    return f"{text:{align}{max(width - wide, 0)}}"


def _step_updated_weights(Ws, ts, x, y, eta, train_thresholds):
    """The order of Mazur's first published script (14 March 2015): the hidden deltas read the
    output weights *after* their update (not the book's order)."""
    fp = forward(x, Ws, ts)
    g = output_term(fp.y_hat, y[np.newaxis, :])
    Ws[1] = Ws[1] + eta * fp.outputs[1].T @ g
    b = fp.outputs[1]
    e = b * (1 - b) * (g @ Ws[1].T)
    Ws[0] = Ws[0] + eta * fp.outputs[0].T @ e
    if train_thresholds:
        ts[1] = ts[1] - eta * g.sum(axis=0)
        ts[0] = ts[0] - eta * e.sum(axis=0)


def mazur_outputs_after(n_updates: int, variant: str = "book",
                        train_thresholds: bool = False) -> dict:
    """E and the outputs after ``n_updates`` updates on the single training sample.

    Parameters
    ----------
    variant : {"book", "updated-weights"}
        "book": e_h (5.15) uses w_hj as they were before the update (the book, Mazur's text);
        "updated-weights": e_h uses the already-updated w_hj (the order of Mazur's first
        published script, 14 March 2015).
    """
    n_updates = check_scalar(n_updates, "n_updates", integer=True, min_value=0)
    variant = check_option(variant, "variant", ("book", "updated-weights"))
    x, y = MAZUR["x"], MAZUR["y"]
    if variant == "book":
        net = mazur_network(train_thresholds, max_epochs=max(n_updates, 1), record_every=10**9)
        if n_updates:
            net.fit(x[np.newaxis, :], y[np.newaxis, :])
        Ws, ts = net.weights_, net.thresholds_
    else:
        Ws = [MAZUR["V"].copy(), MAZUR["W"].copy()]
        ts = [MAZUR["gamma"].copy(), MAZUR["theta"].copy()]
        for _ in range(n_updates):
            _step_updated_weights(Ws, ts, x, y, MAZUR["eta"], train_thresholds)
    fp = forward(x, Ws, ts)
    E = 0.5 * float(np.sum((fp.y_hat[0] - y) ** 2))
    return {"E": E, "y_hat": fp.y_hat[0].copy(), "weights": Ws, "thresholds": ts}


def mazur_trace(train_thresholds: bool = False) -> Trace:
    """Every quantity of one update of the worked example: nets, outs, errors, deltas, gradients
    and updated weights, with Mazur's names and the book's symbols.

    Examples
    --------
    >>> t = mazur_trace()
    >>> round(t["out_o1"], 9), round(t["E_total"], 9), round(t["w5+"], 8)
    (0.75136507, 0.298371109, 0.35891648)
    """
    x, y, eta = MAZUR["x"], MAZUR["y"], MAZUR["eta"]
    Ws = [MAZUR["V"].copy(), MAZUR["W"].copy()]
    ts = [MAZUR["gamma"].copy(), MAZUR["theta"].copy()]
    fp = forward(x, Ws, ts)
    rows = Trace()

    def add(stage, name, symbol, value, eq):
        rows.append(TraceRow(stage, name, symbol, float(value), eq))

    b, yh = fp.outputs[1][0], fp.y_hat[0]
    for h in range(2):
        # alpha_h and b_h = f(alpha_h - gamma_h) are defined in the book's text, unnumbered
        add("forward", f"net_h{h + 1}", f"α_{h + 1}-γ_{h + 1}", fp.nets[0][0, h], "def.")
        add("forward", f"out_h{h + 1}", f"b_{h + 1}", b[h], "def.")
    for j in range(2):
        add("forward", f"net_o{j + 1}", f"β_{j + 1}-θ_{j + 1}", fp.nets[1][0, j], "(5.3)")
        add("forward", f"out_o{j + 1}", f"ŷ_{j + 1}", yh[j], "(5.3)")
    E_j = 0.5 * (yh - y) ** 2
    for j in range(2):
        add("error", f"E_o{j + 1}", f"½(ŷ_{j + 1}-y_{j + 1})²", E_j[j], "(5.4)")
    add("error", "E_total", "E_k", E_j.sum(), "(5.4)")

    deltas = backward(fp, y[np.newaxis, :], Ws)
    g, e = deltas[1][0], deltas[0][0]
    for j in range(2):
        add("output deltas", f"dE/dout_o{j + 1}", f"ŷ_{j + 1}-y_{j + 1}", yh[j] - y[j], "(5.4)")
        add("output deltas", f"dout_o{j + 1}/dnet", f"ŷ_{j + 1}(1-ŷ_{j + 1})",
            yh[j] * (1 - yh[j]), "(5.9)")
        add("output deltas", f"delta_o{j + 1}", f"-g_{j + 1}", -g[j], "(5.10)")
    dW, dT = parameter_updates(fp, deltas, eta)
    for n in ("w5", "w6", "w7", "w8"):
        _, h, j = MAZUR_NAMES[n]
        add("output gradients", f"dE/d{n}", f"-g_{j + 1} b_{h + 1}", -g[j] * b[h], "(5.11)")
    for n in ("w5", "w6", "w7", "w8"):
        _, h, j = MAZUR_NAMES[n]
        add("output updates", f"{n}+", f"w_{h + 1}{j + 1}+Δ", Ws[1][h, j] + dW[1][h, j],
            "(5.11)")
    for h in range(2):
        add("hidden deltas", f"dE/dout_h{h + 1}", f"-Σ_j w_{h + 1}j g_j",
            -(Ws[1][h] @ g), "(5.15)")
        add("hidden deltas", f"delta_h{h + 1}", f"-e_{h + 1}", -e[h], "(5.15)")
    for n in ("w1", "w2", "w3", "w4"):
        _, i, h = MAZUR_NAMES[n]
        add("hidden gradients", f"dE/d{n}", f"-e_{h + 1} x_{i + 1}", -e[h] * x[i], "(5.13)")
    for n in ("w1", "w2", "w3", "w4"):
        _, i, h = MAZUR_NAMES[n]
        add("hidden updates", f"{n}+", f"v_{i + 1}{h + 1}+Δ", Ws[0][i, h] + dW[0][i, h],
            "(5.13)")
    if train_thresholds:
        for h in range(2):
            add("threshold updates", f"gamma{h + 1}+", f"γ_{h + 1}+Δ", ts[0][h] + dT[0][h],
                "(5.14)")
        for j in range(2):
            add("threshold updates", f"theta{j + 1}+", f"θ_{j + 1}+Δ", ts[1][j] + dT[1][j],
                "(5.12)")
    after = mazur_outputs_after(1, "book", train_thresholds)
    add("after", "E_total+", "E_k", after["E"], "(5.4)")
    variant = mazur_outputs_after(1, "updated-weights", train_thresholds)
    add("after", "E_total+ (script)", "E_k", variant["E"], "(5.4)")
    return rows
