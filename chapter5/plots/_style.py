"""Shared look of every figure: colour-blind-safe colours, projector-sized fonts, fast PNGs."""

from __future__ import annotations

import functools
import importlib.util
import io
import os
import types
from pathlib import Path

import matplotlib as mpl
import numpy as np
from cycler import cycler
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.image import AxesImage
from matplotlib.lines import Line2D
from matplotlib.text import Text
from PIL import Image

from ..i18n import language

__all__ = ["CLASSROOM_RC", "COLORS", "FigureView", "classroom_rc", "display_scale", "figure_png",
           "grid_axes", "plane_grid", "use_classroom_style"]

# Okabe & Ito (2008), "Color Universal Design": distinguishable under the common colour
# vision deficiencies and in greyscale print.
COLORS = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
    "grey": "#777777",
}

CLASSROOM_RC = {
    "font.size": 12,
    "axes.titlesize": 13,
    "axes.labelsize": 13,
    "xtick.labelsize": 11,
    "ytick.labelsize": 11,
    "legend.fontsize": 10.5,
    "legend.framealpha": 0.9,
    "lines.linewidth": 2.2,
    "axes.prop_cycle": cycler(color=[COLORS[k] for k in
                                     ("blue", "orange", "green", "vermillion", "sky", "purple")]),
    "axes.spines.top": False,
    "axes.spines.right": False,
    "image.cmap": "cividis",  # perceptually uniform and colour-blind safe
    "figure.dpi": 96,
    "savefig.dpi": 96,
}
"""rcParams for figures read by a whole room: large text, Okabe-Ito colours, cividis maps."""


SCALE_VARIABLE = "CHAPTER5_SCALE"
"""Environment variable for projector mode: ``CHAPTER5_SCALE=1.4`` draws every figure 1.4x
larger (text, lines and markers together, so nothing moves or overlaps) and zooms the
dashboards' controls as much. ``make present`` sets it for Voila."""


def display_scale() -> float:
    """The projector scale from ``$CHAPTER5_SCALE`` (1.0 when unset), between 0.5 and 3."""
    raw = os.environ.get(SCALE_VARIABLE, "").strip()
    if not raw:
        return 1.0
    try:
        scale = float(raw)
    except ValueError:
        raise ValueError(f"{SCALE_VARIABLE} must be a number such as 1.4; got {raw!r}") from None
    if not 0.5 <= scale <= 3.0:
        raise ValueError(f"{SCALE_VARIABLE} must be between 0.5 and 3; got {scale:g}")
    return scale


HANGUL_FONT = "NanumGothic"
"""The Hangul font of the Korean edition: NanumGothic (SIL Open Font License 1.1), as the
``koreanize-matplotlib`` package ships it (the ``lab`` extra installs it with pip)."""


@functools.lru_cache(maxsize=1)
def hangul_font_path() -> Path:
    """Where NanumGothic.ttf is, found in the ``koreanize-matplotlib`` package *without*
    importing it (its import would change matplotlib's settings for every figure, English
    ones too, and it needs ``distutils``, gone since Python 3.12)."""
    spec = importlib.util.find_spec("koreanize_matplotlib")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("Korean figures need the Hangul font of the 'koreanize-matplotlib' "
                           "package: pip install -e '.[lab]' (or pip install "
                           "koreanize-matplotlib)")
    path = Path(next(iter(spec.submodule_search_locations))) / "fonts" / "NanumGothic.ttf"
    if not path.is_file():
        raise RuntimeError(f"koreanize-matplotlib is installed but {path} is missing")
    return path


@functools.lru_cache(maxsize=1)
def _register_hangul_font() -> str:
    from matplotlib import font_manager

    font_manager.fontManager.addfont(str(hangul_font_path()))
    return HANGUL_FONT


def language_rc() -> dict:
    """The rcParams of the current language: none in English (every English picture stays as
    it was); in Korean, DejaVu Sans first and NanumGothic behind it, so Latin, Greek and
    mathematical text keep the English glyphs and Hangul comes from NanumGothic (matplotlib
    falls back glyph by glyph)."""
    if language() != "ko":
        return {}
    return {"font.family": ["DejaVu Sans", _register_hangul_font()]}


def classroom_rc() -> dict:
    """:data:`CLASSROOM_RC` at the current :func:`display_scale` (a larger dpi), with the
    current language's font (:func:`language_rc`)."""
    rc = dict(CLASSROOM_RC)
    rc["figure.dpi"] = rc["savefig.dpi"] = round(CLASSROOM_RC["figure.dpi"] * display_scale())
    rc.update(language_rc())
    return rc


def use_classroom_style() -> None:
    """Apply :data:`CLASSROOM_RC` to pyplot figures made from now on (call once per notebook);
    in projector mode (``$CHAPTER5_SCALE``) the figures are drawn larger."""
    mpl.rcParams.update(classroom_rc())


def rgb_image(cmap, values):
    """``cmap(values)`` as opaque RGB bytes, shape (..., 3), for an image a view redraws on
    every change: matplotlib resamples RGB ~40 % faster than RGBA, with the same pixels."""
    return cmap(values, bytes=True)[..., :3]


def grid_axes(extent, resolution) -> tuple[np.ndarray, np.ndarray]:
    """The evenly spaced coordinates ``(g1, g2)`` of a plotting grid over the input plane.

    Parameters
    ----------
    extent : (x1_min, x1_max, x2_min, x2_max) or (lo, hi)
        The rectangle to cover; two numbers mean the square ``(lo, hi, lo, hi)``.
    resolution : int or (int, int)
        Points per axis: one number for both, or ``(n1, n2)``.

    Returns
    -------
    g1 : ndarray (n1,)
    g2 : ndarray (n2,)

    Examples
    --------
    >>> g1, g2 = grid_axes((0.0, 1.0, -1.0, 1.0), (3, 5))
    >>> g1.tolist(), g2.tolist()
    ([0.0, 0.5, 1.0], [-1.0, -0.5, 0.0, 0.5, 1.0])
    """
    extent = tuple(extent)
    if len(extent) == 2:
        extent = extent * 2
    if len(extent) != 4:
        raise ValueError(f"extent must be (lo, hi) or (x1_min, x1_max, x2_min, x2_max); got "
                         f"{len(extent)} numbers")
    n1, n2 = (resolution, resolution) if np.ndim(resolution) == 0 else resolution
    return np.linspace(extent[0], extent[1], n1), np.linspace(extent[2], extent[3], n2)


def plane_grid(extent, resolution) -> np.ndarray:
    """Every point of the plotting grid of :func:`grid_axes` as a row, shape (n1 * n2, 2).

    Row ``i * n1 + j`` is ``(g1[j], g2[i])``, so ``f(plane_grid(...)).reshape(n2, n1)`` is an
    image with x1 along the columns (for ``imshow(origin="lower")`` and ``contour``).

    Examples
    --------
    >>> plane_grid((0.0, 1.0), 2).tolist()
    [[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]
    """
    g1, g2 = grid_axes(extent, resolution)
    return np.stack(np.meshgrid(g1, g2), axis=-1).reshape(-1, 2)


def figure_png(fig: Figure) -> bytes:
    """Render ``fig`` to PNG bytes (low zlib effort: ~3x faster to encode, files ~1.5x larger)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=fig.dpi, metadata={"Software": None},
                pil_kwargs={"compress_level": 1})
    return buf.getvalue()


_UNLOCALIZED = {"render", "png", "encode", "invalidate", "frame_state"}


def _localized(fn, forgets_shown=False):
    @functools.wraps(fn)
    def run(*args, **kwargs):
        if forgets_shown and args:  # (see FigureView.shown)
            args[0].shown = None
        rc = language_rc()
        if not rc:
            return fn(*args, **kwargs)
        with mpl.rc_context(rc):
            return fn(*args, **kwargs)

    run._localized = True
    return run


class FigureView:
    """Base for the views behind widgets: owns one :class:`~matplotlib.figure.Figure`.

    Subclasses draw everything once in ``_build`` (called inside the classroom style) and list
    the artists that change in ``self.animated``; ``update`` only moves those. :meth:`png` then
    blits: the static part (axes, ticks, colourbar, legend) is rendered once and kept as a
    background, and only the animated artists are drawn on top of it.

    When a static part changes with the state (a colourbar's range, an axis' limits), the
    subclass sets ``self.background_key`` to a value that identifies that static state; one
    background is kept per key, so returning to an earlier state (e.g. switching back to the
    sigmoid) costs no full redraw. :meth:`invalidate` forgets them all.

    Measured here (2 cores): a full Agg draw of the neuron plane is ~37 ms, the blitted redraw
    ~15 ms, PNG encoding ~6 ms.
    """

    figsize = (6.4, 4.8)
    max_backgrounds = 8  # each is one RGBA copy of the figure (~1 MB)
    max_kept = 0
    """Encoded pictures :meth:`encode` keeps (0: none), each under the static state
    (``background_key``) and :meth:`frame_state`: a state shown again (Play replaying a
    recorded run, a slider scrubbed back) is then sent without being drawn or encoded again.
    A view opts in by setting this; the picture is the same either way, since the key holds
    everything its animated artists draw. (The playground's view keeps its pictures its own
    way, ``PlaygroundView.max_frames``: keyed by run and epoch, its artists brought up to date
    only when something draws.)"""
    shown = None
    """What ``show`` drew last, as a hashable value, in a view whose ``show`` can say it
    exactly (a replay view: the step shown of the run loaded, whose loading forgets the kept
    pictures). Any other public method of the view forgets it (it may change what the
    animated artists draw), and so does :meth:`invalidate`. While it is set,
    :meth:`frame_state` gives it instead of reading the artists (which it cannot do for
    patches and collections)."""

    def __init_subclass__(cls, **kwargs):
        """Text a view creates after ``_build`` (in ``update``, ``show``, ``set_run``...)
        takes its font when it is created: run every public method of a view in the current
        language's font (nothing at all changes in English)."""
        super().__init_subclass__(**kwargs)
        for name, fn in list(vars(cls).items()):
            # plain methods only (not static or class methods, nor properties)
            if (name.startswith("_") or not isinstance(fn, types.FunctionType)
                    or name in _UNLOCALIZED or getattr(fn, "_localized", False)):
                continue
            setattr(cls, name, _localized(fn, forgets_shown=name != "show"))

    def __init__(self) -> None:
        self.animated: list = []
        self.background_key = None
        self._backgrounds: dict = {}
        self._kept: dict = {}
        with mpl.rc_context({**CLASSROOM_RC, **language_rc()}):
            self.fig = Figure(figsize=self.figsize, dpi=classroom_rc()["figure.dpi"],
                              layout="constrained")
            FigureCanvasAgg(self.fig)
            self._build()
        for artist in self.animated:
            artist.set_animated(True)
        self.fig.canvas.draw()  # place everything once ...
        self.fig.set_layout_engine("none")  # ... and keep it there

    def _build(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def _sync_static(self) -> None:
        """Bring static artists in line with ``background_key`` before a full draw.

        Subclasses whose static parts are costly to update (a colourbar) do it here, so that
        switching back to a cached state costs nothing."""

    def _sync_geometry(self) -> None:
        """Place the axes as a full draw would, for the animated artists drawn on a cached
        background: an axes with an equal aspect takes its box from its current limits, and a
        3-D axes projects with the current limits, both only when the axes is drawn. Without
        this, the animated artists would follow the last fully drawn state (another data set's
        aspect, another surface's z range), not the current one."""
        renderer = self.fig.canvas.get_renderer()
        for ax in self.fig.axes:
            locator = ax.get_axes_locator()
            ax.apply_aspect(locator(ax, renderer) if locator else None)
            if hasattr(ax, "get_proj"):  # mpl_toolkits.mplot3d's Axes3D
                ax.M = ax.get_proj()
                ax.invM = np.linalg.inv(ax.M)

    def invalidate(self) -> None:
        """Forget every cached background; the next :meth:`render` draws the whole figure."""
        self._backgrounds.clear()
        self._kept.clear()
        self.shown = None

    def frame_state(self):
        """What the animated artists draw, as a hashable value (the key of :meth:`encode`'s
        kept pictures, with ``background_key``), or None where it cannot say (then nothing is
        kept). Covers lines (data, style), images (data, extent, colour range) and texts
        (string, position, colour); any other artist makes it None. A view that says what
        its ``show`` drew (:attr:`shown`) gives that instead."""
        if self.shown is not None:
            return ("shown", self.shown)
        state = []
        for a in self.animated:
            common = (type(a).__name__, a.get_visible(), a.get_alpha(), a.get_zorder())
            if isinstance(a, Line2D):
                xy = np.asarray(a.get_xydata(), dtype=float)
                state.append((*common, xy.shape, xy.tobytes(), str(a.get_color()),
                              a.get_linewidth(), a.get_linestyle(), a.get_marker(),
                              a.get_markersize()))
            elif isinstance(a, AxesImage):
                data = a.get_array()
                if data is None:
                    return None
                state.append((*common, data.shape, str(data.dtype),
                              np.ma.getdata(data).tobytes(), np.ma.getmaskarray(data).tobytes(),
                              tuple(a.get_extent()), a.norm.vmin, a.norm.vmax,
                              a.get_cmap().name))
            elif isinstance(a, Text):
                state.append((*common, a.get_text(), a.get_position(), str(a.get_color())))
            else:
                return None
        return tuple(state)

    def render(self) -> None:
        """Bring the figure's pixel buffer up to date (full draw only for a new static state)."""
        canvas = self.fig.canvas
        background = self._backgrounds.get(self.background_key)
        if background is None:
            self._sync_static()
            # matplotlib's full draw skips animated artists, except images (Axes.draw keeps
            # AxesImage): hide them, or the cached background would keep the current image and
            # show it through a later transparent one (a state that depends on the path taken)
            images = [a for a in self.animated if isinstance(a, AxesImage) and a.get_visible()]
            for image in images:
                image.set_visible(False)
            try:
                canvas.draw()  # draws every artist that is not animated
            finally:
                for image in images:
                    image.set_visible(True)
            if len(self._backgrounds) >= self.max_backgrounds:  # forget the oldest
                self._backgrounds.pop(next(iter(self._backgrounds)))
            self._backgrounds[self.background_key] = canvas.copy_from_bbox(self.fig.bbox)
        else:
            canvas.restore_region(background)
            self._sync_geometry()
        # in zorder, as matplotlib draws (a stable sort keeps the list order for equal ones)
        # draw_artist draws an artist whatever its axes' state: skip those of a hidden axes
        # (a panel hidden since a wider state would otherwise still show its old contents)
        for artist in sorted(self.animated, key=lambda a: a.get_zorder()):
            if artist.get_visible() and (artist.axes is None or artist.axes.get_visible()):
                self.fig.draw_artist(artist)

    image_format = "jpeg"
    """What :meth:`encode` produces for a dashboard's Image widget. JPEG: a 1100 x 500 px
    picture encodes in ~2-4 ms against ~12-35 ms as PNG, and the browser decodes it faster,
    which is what keeps a slider under 100 ms in the page. Quality 90 with 4:2:0 chroma
    subsampling: side by side with 4:4:4 no difference shows at projector size, and a
    1200 x 710 px heat map decodes in Chromium in ~15 ms instead of ~23 ms. ``"png"`` is still
    accepted, and :meth:`png` (the notebook's static copy, tests) stays lossless."""

    def _rgb(self):
        self.render()
        canvas = self.fig.canvas
        return Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba(),
                                "raw", "RGBA", 0, 1).convert("RGB")

    def png(self) -> bytes:
        """The current picture as PNG bytes."""
        buf = io.BytesIO()
        self._rgb().save(buf, format="png", compress_level=1)  # low zlib effort: ~3x faster
        return buf.getvalue()

    def encode(self) -> bytes:
        """The current picture in :attr:`image_format`, for the widget's Image (kept, and
        given again for the same state, where the view keeps pictures: :attr:`max_kept`)."""
        key = None
        if self.max_kept:
            state = self.frame_state()
            if state is not None:
                key = (self.background_key, self.image_format, state)
                kept = self._kept.pop(key, None)
                if kept is not None:
                    self._kept[key] = kept  # the most recently used goes last
                    return kept
        if self.image_format == "png":
            data = self.png()
        else:
            buf = io.BytesIO()
            self._rgb().save(buf, format="jpeg", quality=90, subsampling=2)
            data = buf.getvalue()
        if key is not None:
            self._kept[key] = data
            while len(self._kept) > self.max_kept:  # forget the least recently used
                self._kept.pop(next(iter(self._kept)))
        return data

    def _repr_png_(self) -> bytes:
        return self.png()

    def __repr__(self) -> str:
        w, h = self.fig.canvas.get_width_height()
        return f"<{type(self).__name__}: {w}x{h} px figure>"
