"""Figures for §5.5.6: a Boltzmann machine's energies and distribution over all its states,
Gibbs sampling converging to it, and an RBM's training replayed (log-likelihood, filters,
reconstructions and samples as small images).

Small binary images (3 x 3 bars and stripes, 3 x 3 filters) are tiled into one mosaic array
with a one-pixel gap, so a whole panel is a single ``imshow`` that a view updates with
``set_data`` (one artist instead of dozens of axes).
"""

from __future__ import annotations

import numpy as np
from matplotlib import colormaps

from ..i18n import tr
from ..networks.boltzmann import RBM, BoltzmannMachine, total_variation
from ._style import COLORS, FigureView

__all__ = [
    "PATTERN_CMAP",
    "WEIGHT_CMAP",
    "RBMView",
    "mosaic",
    "plot_energies",
    "plot_filters",
    "plot_log_likelihood",
    "plot_patterns",
    "plot_state_distribution",
    "plot_tv_curve",
    "state_labels",
]

PATTERN_CMAP = colormaps["Greys"].with_extremes(bad=COLORS["grey"])
"""Unit states and probabilities: 0 white, 1 black; the gaps between tiles mid grey."""
WEIGHT_CMAP = colormaps["PuOr_r"].with_extremes(bad="white")
"""Signed weights: orange positive, purple negative (ColorBrewer PuOr, colour-blind safe)."""
# a number as Unicode sub- and superscripts, for translations that cannot use mathtext (it
# draws every character of a text with math in its own fonts, which have no Hangul)
_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
_SUP = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def state_labels(n: int) -> list[str]:
    """Bit strings "00..0" to "11..1" for the 2^n states, in the order of ``all_states``."""
    return [format(k, f"0{n}b") for k in range(2 ** n)]


def _check_machine(bm):
    if not isinstance(bm, BoltzmannMachine):
        raise TypeError(f"bm must be a chapter5.networks.boltzmann.BoltzmannMachine; got "
                        f"{type(bm).__name__}")


def _state_axis(ax, n):
    ax.set_xticks(np.arange(2 ** n), state_labels(n), rotation=90, family="monospace",
                  fontsize=10 if n <= 4 else 8)
    ax.set_xlim(-0.7, 2 ** n - 0.3)
    ax.set_xlabel(tr("state s = ($s_1$ … $s_{n}$)").format(n=n, n_sub=str(n).translate(_SUB)))


def plot_energies(ax, bm):
    """E(s) (5.20) of every state as bars. Returns the bar container."""
    _check_machine(bm)
    E = bm.energy(bm.states())
    bars = ax.bar(np.arange(len(E)), E, color=COLORS["vermillion"], width=0.7)
    ax.axhline(0.0, color=COLORS["grey"], lw=0.8)
    _state_axis(ax, bm.n)
    ax.set_ylabel(tr("energy E(s)"))
    ax.set_title(tr("Energy (5.20) of every state"))
    return bars


def plot_state_distribution(ax, bm, empirical=None, label: str | None = None):
    """P(s) (5.21) of every state as bars, optionally with an empirical distribution (e.g.
    Gibbs samples' shares) as markers, labelled ``label`` (by default "empirical"). Returns
    the artists made."""
    _check_machine(bm)
    label = tr("empirical") if label is None else label
    P = bm.distribution()
    x = np.arange(len(P))
    artists = [ax.bar(x, P, color=COLORS["blue"], width=0.7, label=tr("exact P(s) (5.21)"))]
    if empirical is not None:
        q = np.asarray(empirical, dtype=float)
        if q.shape != P.shape:
            raise ValueError(f"empirical must have {len(P)} entries (one per state); got "
                             f"shape {q.shape}")
        artists += ax.plot(x, q, ls="none", marker="D", ms=7, color=COLORS["orange"],
                           mec="black", label=label)
        ax.legend(loc="upper left")
    _state_axis(ax, bm.n)
    ax.set_ylabel(tr("probability P(s)"))
    ax.set_ylim(0, 1.15 * max(P.max(), 0 if empirical is None else np.max(empirical)))
    ax.set_title(tr("Boltzmann distribution (5.21)"))
    return artists


def plot_tv_curve(ax, bm, path, floor: float | None = None):
    """Total-variation distance between the chains' states after each sweep and P(s).

    ``path`` is :meth:`BoltzmannMachine.gibbs` (..., return_path=True), shape
    (sweeps + 1, chains, n). ``floor``: the distance expected from that many exact samples
    (sampling noise), drawn as a dashed line. Returns (artists, tv values)."""
    _check_machine(bm)
    path = np.asarray(path)
    P = bm.distribution()
    idx = path.astype(np.int64) @ (2 ** np.arange(bm.n - 1, -1, -1))
    tv = np.array([total_variation(np.bincount(i, minlength=len(P)) / len(i), P)
                   for i in idx])
    artists = ax.plot(np.arange(len(tv)), tv, "o-", ms=4, color=COLORS["blue"],
                      label=tr("{n} Gibbs chains").format(n=path.shape[1]))
    if floor is not None:
        artists.append(ax.axhline(floor, ls="--", color=COLORS["grey"],
                                  label=tr("{n} exact samples (noise level)").format(
                                      n=path.shape[1])))
    ax.set(xlabel=tr("sweeps t"), ylabel=tr("TV(empirical, P)"),
           ylim=(0, 1.05 * max(tv.max(), 0.05)), title=tr("Gibbs sampling converges to P(s)"))
    ax.legend()
    return artists, tv


def mosaic(V, shape: tuple[int, int], ncols: int, fill=np.nan) -> np.ndarray:
    """Tile the rows of V (m, h * w), each an h x w image, into one array with ``ncols`` tiles
    per row and one pixel of ``fill`` around every tile (m padded to whole rows)."""
    V = np.asarray(V, dtype=float)
    h, w = shape
    if V.ndim != 2 or V.shape[1] != h * w:
        raise ValueError(f"V must have shape (m, {h * w}) for {h} x {w} images; got {V.shape}")
    m = len(V)
    ncols = max(1, min(int(ncols), m))
    nrows = -(-m // ncols)
    out = np.full((nrows * (h + 1) + 1, ncols * (w + 1) + 1), fill)
    for k in range(m):
        r, c = divmod(k, ncols)
        out[1 + r * (h + 1):1 + r * (h + 1) + h, 1 + c * (w + 1):1 + c * (w + 1) + w] = \
            V[k].reshape(h, w)
    return out


def _image_axes(ax):
    ax.set_xticks([])
    ax.set_yticks([])
    for side in ax.spines.values():
        side.set_visible(False)


def plot_patterns(ax, V, shape=(3, 3), ncols: int = 7, title: str | None = None):
    """Binary patterns (or probabilities in [0, 1]) as small images: 1 black, 0 white."""
    im = ax.imshow(mosaic(V, shape, ncols), cmap=PATTERN_CMAP, vmin=0, vmax=1,
                   interpolation="nearest")
    _image_axes(ax)
    if title:
        ax.set_title(title)
    return im


def plot_filters(ax, w, shape=(3, 3), ncols: int | None = None, vmax: float | None = None,
                 title: str | None = None, colorbar: bool = True):
    """Each hidden unit's weights to the visible units, w[:, j], as an image (a "filter").

    ``w`` is an RBM's (d, q) weights; colours are symmetric around 0 (orange positive,
    purple negative); ``title`` defaults to "learned filters $w_{\\cdot j}$". Returns the
    artists made."""
    title = tr("learned filters $w_{\\cdot j}$") if title is None else title
    w = np.asarray(w, dtype=float)
    q = w.shape[1]
    ncols = ncols or int(np.ceil(np.sqrt(q)))
    vmax = vmax or max(float(np.abs(w).max()), 1e-9)
    im = ax.imshow(mosaic(w.T, shape, ncols), cmap=WEIGHT_CMAP, vmin=-vmax, vmax=vmax,
                   interpolation="nearest")
    _image_axes(ax)
    ax.set_title(title)
    artists = [im]
    if colorbar:
        artists.append(ax.figure.colorbar(im, ax=ax, shrink=0.8, label=tr("weight $w_{ij}$")))
    return artists


def plot_log_likelihood(ax, rbm, n_patterns: int | None = None, label: str | None = None,
                        color=None, reference: bool = True):
    """The exact mean log-likelihood of the training set per recorded epoch. With
    ``reference``, also the uniform model's level (-d ln 2) and, given ``n_patterns`` distinct
    training patterns, the best any model can do (-ln m). Returns the artists made."""
    if not isinstance(rbm, RBM) or not hasattr(rbm, "history_"):
        raise TypeError("rbm must be a fitted chapter5.networks.boltzmann.RBM")
    h = rbm.history_
    if h.log_likelihood is None:
        raise ValueError("rbm has no exact log-likelihood history (too many units to "
                         "enumerate)")
    d = h.w.shape[1]
    artists = ax.plot(h.epochs, h.log_likelihood, color=color or COLORS["blue"],
                      label=label or f"CD-{rbm.k}, q = {h.w.shape[2]}")
    if reference:
        artists.append(ax.axhline(-d * np.log(2), ls=":", color=COLORS["grey"],
                                  label=tr("uniform over $2^{{{d}}}$ states").format(
                                      d=d, d_sup=str(d).translate(_SUP))))
        if n_patterns:
            artists.append(ax.axhline(-np.log(n_patterns), ls="--", color=COLORS["green"],
                                      label=tr("best possible: −ln {m}").format(m=n_patterns)))
    ax.set(xlabel=tr("epoch"), ylabel=tr("mean ln P(v)"))
    return artists


class RBMView(FigureView):
    """An RBM's training on small binary images, replayed epoch by epoch.

    Top: the exact log-likelihood curve of the run with the shown epoch marked, and the
    filters w[:, j]; bottom: the training patterns, their mean-field reconstructions, and
    samples drawn from the model by Gibbs sampling. ``set_run`` loads a training run, ``show``
    draws one of its epochs.

    Everything that changes from run to run (the curve, the filters, the title) is animated
    and the axes ranges are fixed, so a new run costs no full redraw: the log-likelihood axis
    spans ``ll_range`` (a run that falls below it says so), the filters' colours span
    ±``w_max`` (stronger weights saturate, the colour bar's arrows), and the filter panel has
    room for ``max_filters`` tiles. ``set_comparison`` draws one fixed run's curve faintly
    behind (named by ``comparison_label``), something to compare every other run with.
    """

    figsize = (11.0, 6.9)
    ll_range = (-11.0, -0.4)  # room below -10: where the η = 3.16, q = 8 runs dip
    w_max = 8.0
    max_filters = 16
    max_kept = 96
    """Pictures kept (~0.1 MB each at scale 1): every position of a Play over 400 epochs in
    steps of 5 (81), so a replay sends them without drawing (~25 ms a frame otherwise, which
    held Play at ~13 pictures a second in the browser)."""

    def __init__(self, comparison_label: str | None = None):
        self.comparison_label = comparison_label
        super().__init__()

    def _build(self):
        gs = self.fig.add_gridspec(2, 3, height_ratios=(1.0, 1.15))
        self.ax_ll = self.fig.add_subplot(gs[0, :2])
        self.ax_w = self.fig.add_subplot(gs[0, 2])
        self.ax_data = self.fig.add_subplot(gs[1, 0])
        self.ax_rec = self.fig.add_subplot(gs[1, 1])
        self.ax_smp = self.fig.add_subplot(gs[1, 2])
        ax = self.ax_ll
        (self.curve,) = ax.plot([], [], color=COLORS["blue"], label=tr("exact mean ln P(v)"),
                                zorder=2.2)
        (self.comparison,) = ax.plot([], [], color=COLORS["blue"], lw=4.0, alpha=0.25,
                                     solid_capstyle="butt", zorder=2.1,
                                     label=self.comparison_label or "_comparison")
        self.uniform = ax.axhline(np.nan, ls=":", color=COLORS["grey"], label=tr("uniform"))
        self.best = ax.axhline(np.nan, ls="--", color=COLORS["green"],
                               label=tr("best possible"))
        (self.marker,) = ax.plot([], [], "o", ms=10, color=COLORS["vermillion"], mec="black",
                                 label=tr("shown epoch"))
        self.below = ax.text(0.99, 0.02, "", transform=ax.transAxes, ha="right", va="bottom",
                             fontsize=10, color=COLORS["vermillion"])
        ax.set(xlabel=tr("epoch"), ylabel=tr("mean ln P(v)"), ylim=self.ll_range,
               title=tr("exact log-likelihood of the training patterns"))
        cols = int(np.ceil(np.sqrt(self.max_filters)))
        blank = np.full((cols * 4 + 1, cols * 4 + 1), np.nan)
        self.im_w = self.ax_w.imshow(blank, cmap=WEIGHT_CMAP, vmin=-self.w_max,
                                     vmax=self.w_max, interpolation="nearest")
        self.fig.colorbar(self.im_w, ax=self.ax_w, shrink=0.85, extend="both",
                          label=tr("weight $w_{ij}$"))
        self.ax_w.set_title(tr("filters $w_{\\cdot j}$ (one per hidden unit)"))
        blank = np.full((4 * 4 + 1, 4 * 4 + 1), np.nan)
        self.im_data = self.ax_data.imshow(blank, cmap=PATTERN_CMAP, vmin=0, vmax=1,
                                           interpolation="nearest")
        self.ax_data.set_title(tr("training patterns v"))
        self.im_rec = self.ax_rec.imshow(blank, cmap=PATTERN_CMAP, vmin=0, vmax=1,
                                         interpolation="nearest")
        self.ax_rec.set_title(tr("reconstructions P(v′ = 1 | h)"))  # h = P(h = 1 | v)
        self.im_smp = self.ax_smp.imshow(blank, cmap=PATTERN_CMAP, vmin=0, vmax=1,
                                         interpolation="nearest")
        self.ax_smp.set_title(tr("samples from the model"))
        for image_ax in (self.ax_w, self.ax_data, self.ax_rec, self.ax_smp):
            _image_axes(image_ax)
        self.status = self.fig.suptitle(" ", fontsize=12, x=0.01, ha="left")
        self.animated = [self.curve, self.marker, self.below, self.im_w, self.im_rec,
                         self.im_smp, self.status]
        self.run = None
        self._samples: dict = {}  # (epoch, n_steps, seed) -> the loaded run's samples

    def _fit_image(self, im, ax, tiles):
        im.set_data(tiles)
        extent = (-0.5, tiles.shape[1] - 0.5, tiles.shape[0] - 0.5, -0.5)
        if im.get_extent() != list(extent):
            im.set_extent(extent)
            ax.set(xlim=extent[:2], ylim=extent[2:])
            return True
        return False

    def set_run(self, rbm: RBM, X, shape=(3, 3), ncols: int = 4, label: str = "",
                planned: int | None = None) -> None:
        """Load a fitted RBM's recorded run on the training patterns X (each a ``shape``
        image). Only a new X, shape or epoch range redraws the static parts.

        ``planned``: the run is still training (a live frame) and will last this many epochs:
        the epoch axis is that long already, so the growing curve needs no new background."""
        h = rbm.history_
        if h.log_likelihood is None:
            raise ValueError("rbm has no exact log-likelihood history (too many units to "
                             "enumerate)")
        q = h.w.shape[2]
        if q > self.max_filters:
            raise ValueError(f"rbm has {q} hidden units; this view shows at most "
                             f"{self.max_filters} filters")
        self._set_patterns(X, shape, ncols, int(h.epochs[-1]) if planned is None else planned)
        if rbm is not self.run:
            self._samples.clear()
        self.run, self.label = rbm, label
        self.set_curve(h.epochs, h.log_likelihood)

    def _set_patterns(self, X, shape, ncols: int, length: int) -> None:
        """The static part: patterns, axes' ranges and legend for runs of ``length`` epochs."""
        self.X = np.asarray(X, dtype=float)
        self.shape, self.ncols = shape, ncols
        m, d = len(np.unique(self.X, axis=0)), self.X.shape[1]
        static = (self.X.tobytes(), shape, ncols, int(length))
        if static != self.background_key:
            self.uniform.set_ydata([-d * np.log(2)] * 2)
            self.uniform.set_label(tr("uniform over $2^{{{d}}}$ states").format(
                d=d, d_sup=str(d).translate(_SUP)))
            self.best.set_ydata([-np.log(m)] * 2)
            self.best.set_label(tr("best possible: −ln {m}").format(m=m))
            self.ax_ll.set_xlim(-0.02 * length, 1.02 * length + 1e-9)
            self.ax_ll.legend(loc="upper left", ncol=2, fontsize=9.5, handlelength=1.8,
                              columnspacing=1.2, borderaxespad=0.2)
            tiles = mosaic(self.X, shape, ncols)
            for im, ax in ((self.im_data, self.ax_data), (self.im_rec, self.ax_rec),
                           (self.im_smp, self.ax_smp)):
                self._fit_image(im, ax, tiles)
            cols = int(np.ceil(np.sqrt(self.max_filters)))
            self._fit_image(self.im_w, self.ax_w,
                            mosaic(np.full((self.max_filters, d), np.nan), shape, cols))
            self.background_key = static

    def set_curve(self, epochs, log_likelihood) -> None:
        """The run's log-likelihood curve (animated), with a note where it falls below the
        axis."""
        ll = np.asarray(log_likelihood, dtype=float)
        self.curve.set_data(epochs, ll)
        low = float(ll.min())
        self.below.set_visible(low < self.ll_range[0])
        self.below.set_text(tr("↓ falls to {low:.2f} at epoch {epoch} (below the axis)").format(
            low=low, epoch=int(np.asarray(epochs)[np.argmin(ll)])))

    def set_comparison(self, rbm: RBM) -> None:
        """Draw a fitted RBM's log-likelihood curve faintly behind every run's. It is part of
        the static background, so set it once, before the first :meth:`render`."""
        h = rbm.history_
        if h.log_likelihood is None:
            raise ValueError("rbm has no exact log-likelihood history (too many units to "
                             "enumerate)")
        self.comparison.set_data(h.epochs, h.log_likelihood)
        self.invalidate()

    def show(self, epoch: int, n_steps: int = 200, random_state=0) -> dict:
        """Draw the loaded run at ``epoch``: marker, filters, reconstructions and samples."""
        rbm, h = self.run, self.run.history_
        i = h.index(epoch)
        ll = float(h.log_likelihood[i])
        prefix = f"{self.label}, " if self.label else ""
        epoch = int(h.epochs[i])
        # a seeded draw from a recorded epoch is the same every time: kept (6 ms of Gibbs
        # sampling a frame), with the run's X it was drawn for
        seeded = isinstance(random_state, (int, np.integer))
        key = (epoch, n_steps, int(random_state), self.X.tobytes()) if seeded else None
        kept = self._samples.get(key)
        info = self.show_model(rbm.at_epoch(epoch), epoch, ll,
                               prefix + tr("epoch {epoch}: mean ln P(v) = {ll:.3f}").format(
                                   epoch=epoch, ll=ll), n_steps, random_state,
                               samples=None if kept is None else kept.copy())
        if key is not None and kept is None:
            self._samples[key] = info["samples"].copy()
        return info

    def show_live(self, model: RBM, X, epochs, log_likelihood, planned: int, status: str,
                  n_steps: int = 200, random_state=0, shape=(3, 3), ncols: int = 4) -> dict:
        """A frame of a run still training (live): ``model`` now, after ``epochs[-1]`` of
        ``planned`` epochs, its log-likelihood curve so far and a status line (the epoch axis
        is the planned one, so no new background is drawn)."""
        self._set_patterns(X, shape, ncols, planned)
        self.set_curve(epochs, log_likelihood)
        return self.show_model(model, int(epochs[-1]), float(log_likelihood[-1]), status,
                               n_steps, random_state)

    def show_model(self, model: RBM, epoch: int, ll: float, status: str, n_steps: int = 200,
                   random_state=0, samples=None) -> dict:
        """Draw ``model`` as the state at ``epoch`` (its mean ln P(v) ``ll``): marker,
        filters, reconstructions and samples, with ``status`` above (``samples``: the draw
        of ``model.sample(len(X), n_steps, random_state=random_state)``, if made already)."""
        self.marker.set_data([epoch], [np.clip(ll, *self.ll_range)])
        filters = np.full((self.max_filters, self.X.shape[1]), np.nan)
        filters[:model.w_.shape[1]] = model.w_.T
        self.im_w.set_data(mosaic(filters, self.shape, int(np.ceil(np.sqrt(self.max_filters)))))
        recon = model.reconstruct(self.X)
        self.im_rec.set_data(mosaic(recon, self.shape, self.ncols))
        if samples is None:
            samples = model.sample(len(self.X), n_steps=n_steps, random_state=random_state)
        self.im_smp.set_data(mosaic(samples, self.shape, self.ncols))
        patterns = {tuple(v) for v in self.X}
        valid = sum(tuple(v) in patterns for v in samples)
        mass = float(model.probability(np.unique(self.X, axis=0)).sum())
        err = model.reconstruction_error(self.X)
        # one short animated text: drawing text is the slowest part of a frame here, so the
        # details go to the caller's readout
        self.status.set_text(status)
        return {"epoch": int(epoch), "log_likelihood": float(ll), "mass": mass,
                "reconstruction_error": err, "valid_samples": valid, "samples": samples,
                "model": model}
