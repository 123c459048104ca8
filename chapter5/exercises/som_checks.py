"""Self-checks of notebook 5.5.3-som: a best-matching unit and one SOM step by hand."""

from __future__ import annotations

import numpy as np

from .._validation import _describe, as_float_array
from ..i18n import tr
from ..networks.som import grid_positions, som_step  # the one-step rule of the package
from ._feedback import Feedback, _not_answered


def _grid_cell(answer, rows: int, cols: int,
               name: str = "answer") -> tuple[tuple[int, int], Feedback | None]:
    """``answer`` as a (row, col) pair of whole numbers (TypeError otherwise), with a
    :class:`Feedback` when it is no cell of the rows x cols grid (None when it is one)."""
    if (isinstance(answer, str) or not hasattr(answer, "__len__") or len(answer) != 2
            or not all(isinstance(a, int | np.integer) and not isinstance(a, bool)
                       for a in answer)):
        raise TypeError(f"{name} must be a (row, col) pair of whole numbers; got "
                        f"{_describe(answer)}")
    r, c = int(answer[0]), int(answer[1])
    if 0 <= r < rows and 0 <= c < cols:
        return (r, c), None
    return (r, c), Feedback(False, tr("({r}, {c}) is not a unit of this {rows} x {cols} map: "
                                      "rows are numbered 0 to {last_row} and columns 0 to "
                                      "{last_col} (counted from 0, as in Python).").format(
        r=r, c=c, rows=rows, cols=cols, last_row=rows - 1, last_col=cols - 1))


def check_bmu(W, x, answer) -> Feedback:
    """§5.5.3: is ``answer`` = (row, col) the best-matching unit of ``x`` on the map ``W``?

    ``W`` is (rows, cols, d), the weights w_u of each neuron; ``x`` is (d,).

    Examples
    --------
    >>> W = np.array([[[0.0, 0.0], [1.0, 0.0]], [[0.0, 1.0], [1.0, 1.0]]])
    >>> check_bmu(W, [0.9, 0.2], (0, 1))
    ✓ Correct. Unit (0, 1) is the closest: |x - w| = 0.2236.
    """
    if answer is None:
        return _not_answered()
    W = as_float_array(W, "W", ndim=3, allow_nan=False)
    x = as_float_array(x, "x", ndim=1, allow_nan=False)
    if x.shape != (W.shape[2],):
        raise ValueError(f"x must have {W.shape[2]} entries; got {x.shape[0]}")
    if isinstance(answer, int | np.integer) and not isinstance(answer, bool):
        return Feedback(False, tr("Give the unit as a (row, col) pair, not one number: unit "
                                  "u = row * cols + col is (u // cols, u % cols)."))
    (r, c), outside = _grid_cell(answer, W.shape[0], W.shape[1])
    if outside is not None:
        return outside
    dist = np.linalg.norm(W - x, axis=2)
    if np.isclose(dist[r, c], dist.min(), rtol=1e-12, atol=1e-12):
        return Feedback(True, tr("Unit ({r}, {c}) is the closest: |x - w| = {dist:.4f}.").format(
            r=r, c=c, dist=dist[r, c]))
    return Feedback(False, tr("Unit ({r}, {c}) is at distance {dist:.4f} from x, but another "
                              "unit is closer: compare |x - w_u| for every unit (the distance "
                              "in the input space, not on the grid).").format(
        r=r, c=c, dist=dist[r, c]))


def check_som_update(W, x, eta, sigma, W_new, topology: str = "rectangular") -> Feedback:
    """§5.5.3: are ``W_new`` the weights after one SOM step on ``x`` (learning rate ``eta``,
    Gaussian neighbourhood of radius ``sigma`` on the grid)?

    ``W`` and ``W_new`` are (rows, cols, d); entries within 5e-4 count (hand-rounded values).
    The feedback names the first thing that is off (the winner, the direction, the learning
    rate, the neighbourhood factor and how its grid distance was measured), not the numbers.

    Examples
    --------
    >>> W = np.array([[[0.0], [1.0], [2.0]]])
    >>> check_som_update(W, [0.8], 0.5, 1.0, W)
    ✗ Not yet. Nothing moved: every unit moves by η h_u (x - w_u), and h_u > 0.
    """
    if W_new is None:
        return _not_answered()
    W = as_float_array(W, "W", ndim=3, allow_nan=False)
    want, bmu, _ = som_step(W, x, eta, sigma, topology)
    mine = as_float_array(W_new, "W_new", allow_nan=False)
    if mine.size != want.size:
        return Feedback(False, tr("W_new needs one weight vector per unit, shape {want}; got "
                                  "shape {got}.").format(want=want.shape, got=mine.shape))
    mine = mine.reshape(want.shape)
    if np.allclose(mine, want, rtol=0, atol=5e-4):
        return Feedback(True, tr("The winner {bmu} moved by η = {eta:g} of its way to x, every "
                                 "other unit by η h_u, less the farther it is on the "
                                 "grid.").format(bmu=bmu, eta=eta))
    rows, cols, d = W.shape
    x = as_float_array(x, "x", ndim=1, allow_nan=False)
    flat = W.reshape(-1, d)
    grid = grid_positions(rows, cols, topology)
    d2 = ((grid[:, None, :] - grid[None, :, :]) ** 2).sum(axis=2)

    def step(hu):
        return (flat + eta * hu[:, None] * (x - flat)).reshape(W.shape)

    def same(a):
        return np.allclose(mine, a, rtol=0, atol=5e-4)

    if same(W):
        return Feedback(False, tr("Nothing moved: every unit moves by η h_u (x - w_u), and "
                                  "h_u > 0."))
    if same(2 * W - want):
        return Feedback(False, tr("Your units moved away from x: the update adds "
                                  "η h_u (x - w_u), a step towards the sample."))
    if same(step(np.ones(len(flat)))):
        return Feedback(False, tr("Every unit moved by the same share of its way to x: the "
                                  "neighbourhood factor h_u is missing."))
    u = bmu[0] * cols + bmu[1]
    if same(step(np.eye(len(flat))[u])):
        return Feedback(False, tr("Only the winner moved: its grid neighbours move too, by "
                                  "η h_u (x - w_u) with h_u = exp(-d_grid^2 / (2 σ^2))."))
    if eta != 1 and same(step(np.exp(-d2[u] / (2 * sigma ** 2)) / eta)):
        return Feedback(False, tr("Your steps are h_u (x - w_u): the learning rate η is "
                                  "missing."))
    # h_u measured in the input space instead of on the grid: from the winner's weights, or
    # from the sample
    for dist2 in (((flat - flat[u]) ** 2).sum(axis=1), ((flat - x) ** 2).sum(axis=1)):
        if not np.allclose(dist2, d2[u]) and same(step(np.exp(-dist2 / (2 * sigma ** 2)))):
            return Feedback(False, tr("Your h_u uses distances in the input space (between "
                                      "weight vectors or to x). The neighbourhood is measured "
                                      "on the grid: |r_u - r_u*|, from the units' row and "
                                      "column positions."))
    if topology.strip().lower() == "rectangular":
        steps = np.abs(grid - grid[u]).sum(axis=1)  # |Δrow| + |Δcol|
        if not np.allclose(steps ** 2, d2[u]) and same(step(np.exp(-steps ** 2 /
                                                                    (2 * sigma ** 2)))):
            return Feedback(False, tr("You counted the grid distance in steps along rows and "
                                      "columns; h_u uses the straight-line distance on the "
                                      "grid, |r_u - r_u*|^2 = Δrow^2 + Δcol^2."))
    gap = np.sqrt(d2[u])
    if not np.allclose(gap, d2[u]) and same(step(np.exp(-gap / (2 * sigma ** 2)))):
        return Feedback(False, tr("In h_u = exp(-|r_u - r_u*|^2 / (2 σ^2)) the grid distance "
                                  "is squared."))
    if same(step(np.exp(-d2[u] / sigma ** 2))):
        return Feedback(False, tr("Your neighbours moved a little too little: check the 2 in "
                                  "2 σ^2."))
    for v in range(len(flat)):
        if v != u and same(step(np.exp(-d2[v] / (2 * sigma ** 2)))):
            return Feedback(False, tr("Your update is centred on unit {unit}: is that the unit "
                                      "closest to x?").format(unit=divmod(v, cols)))
    off = np.argwhere(~np.isclose(mine, want, rtol=0, atol=5e-4).all(axis=2))[0]
    r, c = int(off[0]), int(off[1])
    g = gap[r * cols + c]
    text = (tr("Unit ({r}, {c}) is off (it is {g:.3g} grid unit from the winner): recompute "
               "its h_u and its step.") if np.isclose(g, 1) else
            tr("Unit ({r}, {c}) is off (it is {g:.3g} grid units from the winner): recompute "
               "its h_u and its step."))
    return Feedback(False, text.format(r=r, c=c, g=g))
