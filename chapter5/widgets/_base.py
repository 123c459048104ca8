"""The one pattern every dashboard follows: controls -> core -> view -> PNG in an Image widget.

A builder makes its controls and a :class:`~chapter5.plots.FigureView`, then wraps them in a
:class:`Dashboard`. The dashboard wires every control to one ``render`` function, keeps the last
result where tests can read it (``dashboard.result``, ``dashboard.image.value``) and prints as
the Python call that rebuilds it in its current state.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable, Mapping

import ipywidgets as widgets

__all__ = ["Dashboard"]


def _fmt_value(v, control=None) -> str:
    """A short literal that rebuilds ``v`` exactly: 0.3 rather than 0.30000000000000004 (the
    slider snaps it back to the same value), and ``10 ** 0.5`` for a log slider's 3.1622...."""
    if not isinstance(v, float):
        return repr(v)
    short = round(v, 6)
    if short == v or not isinstance(control, widgets.FloatLogSlider):
        return repr(short)
    exponent = round(math.log(v, control.base), 6)
    if control.base ** exponent == v:
        return f"{control.base:g} ** {exponent!r}"
    return repr(v)


class Dashboard(widgets.VBox):
    """A VBox that owns its controls, its view and its picture.

    Parameters
    ----------
    name : str
        The builder's name; ``repr(dashboard)`` is ``name(control=value, ...)``, a call that
        rebuilds the dashboard in its current state.
    controls : mapping of str to ipywidgets.ValueWidget
        Keyword name -> control; every ``value`` change re-renders (unless held).
    view : chapter5.plots.FigureView
        Owns the figure; its ``encode()`` (PNG, or JPEG for large pictorial views) becomes
        ``self.image.value``.
    render : callable
        ``render(**values)`` updates ``view`` (and any side widgets) and returns the result.
    layout_children : list of widgets
        What is shown, in order. Defaults to the controls followed by the image.
    css_class : str, optional
        Added to the box, so browser tests can find this dashboard on a page.

    Attributes
    ----------
    image : ipywidgets.Image
        The picture; its ``value`` is the current PNG (JPEG for the playground).
    result : object
        What ``render`` returned last time.
    n_renders : int
        How many times the picture was recomputed (batched changes count once).
    """

    def __init__(self, name: str, controls: Mapping[str, widgets.ValueWidget], view,
                 render: Callable, layout_children: list | None = None,
                 css_class: str | None = None, image_width: str | None = None):
        self.name = name
        self.controls = dict(controls)
        self.view = view
        self._render = render
        self._held = 0
        self._dirty = False
        self.n_renders = 0
        self.result = None
        self.image = widgets.Image(format=getattr(view, "image_format", "png"),
                                   layout=widgets.Layout(width=image_width or "auto"))
        children = ([*self.controls.values(), self.image]
                    if layout_children is None else layout_children(self.image))
        super().__init__(children=children)
        if css_class:
            self.add_class(css_class)
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        self.refresh()

    @property
    def values(self) -> dict:
        """The controls' current values by keyword name."""
        return {k: c.value for k, c in self.controls.items()}

    def refresh(self) -> None:
        """Recompute the result, redraw the figure and replace the picture.

        ``render`` may itself adjust a control (e.g. a step slider's range after retraining,
        which can clamp its value); such changes are collected and rendered once more.
        """
        self._held += 1
        try:
            self.result = self._render(**self.values)
        finally:
            self._held -= 1
        if self._dirty:
            self._dirty = False
            self.result = self._render(**self.values)
        self.image.value = self.view.encode()
        self.n_renders += 1
        self._dirty = False

    def _on_change(self, _change=None) -> None:
        if self._held:
            self._dirty = True
        else:
            self.refresh()

    @contextlib.contextmanager
    def hold(self):
        """Batch several control changes into one redraw (used by preset buttons)."""
        self._held += 1
        try:
            yield self
        finally:
            self._held -= 1
            if not self._held and self._dirty:
                self.refresh()

    def set(self, **values) -> Dashboard:
        """Set several controls at once, redrawing once; unknown names raise ValueError."""
        unknown = sorted(set(values) - set(self.controls))
        if unknown:
            raise ValueError(f"unknown control(s) {unknown}; this dashboard has "
                             f"{sorted(self.controls)}")
        with self.hold():
            for k, v in values.items():
                self.controls[k].value = v
        return self

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={_fmt_value(c.value, c)}" for k, c in self.controls.items())
        return f"{self.name}({args})"
