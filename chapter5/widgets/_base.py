"""The one pattern every dashboard follows: controls -> core -> view -> picture in an Image widget.

A builder makes its controls and a :class:`~chapter5.plots.FigureView`, then wraps them in a
:class:`Dashboard`. The dashboard wires every control to one ``render`` function, keeps the last
result where tests can read it (``dashboard.result``, ``dashboard.image.value``) and prints as
the Python call that rebuilds it in its current state.
"""

from __future__ import annotations

import contextlib
import html
import math
from collections.abc import Callable, Mapping

import ipywidgets as widgets

from ..i18n import tr
from ..plots._style import display_scale
from ._live import Live, LiveRunner, running_loop

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


# CSS zoom on every row but the picture (already drawn at a larger dpi)
_PROJECTOR_CSS = ("<style>.chapter5-projector > :not(.widget-image) {{ zoom: {zoom}; }}"
                  "</style>")


def _copy_layout(layout: widgets.Layout) -> widgets.Layout:
    return widgets.Layout(**{k: getattr(layout, k) for k in layout.keys
                             if not k.startswith("_") and getattr(layout, k) is not None})


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
        Owns the figure; its ``encode()`` (JPEG by default: fast to encode and to decode in
        the browser) becomes ``self.image.value``.
    render : callable
        ``render(**values)`` updates ``view`` (and any side widgets) and returns the result.
    layout_children : list of widgets
        What is shown, in order. Defaults to the controls followed by the image.
    css_class : str, optional
        Added to the box, so browser tests can find this dashboard on a page.

    Attributes
    ----------
    image : ipywidgets.Image
        The picture; its ``value`` holds the current encoded bytes (``image.format``, JPEG
        unless the view asks for PNG).
    result : object
        What ``render`` returned last time.
    n_renders : int
        How many times the picture was recomputed (batched changes count once).
    companions : dict of str to list of widgets
        Widgets that belong to a control and are hidden with it (a step slider's play
        button).
    code_button, code_view : ipywidgets.ToggleButton, ipywidgets.HTML
        "Settings as code": when toggled, shows :meth:`code`, kept up to date.
    """

    def __init__(self, name: str, controls: Mapping[str, widgets.ValueWidget], view,
                 render: Callable, layout_children: list | None = None,
                 css_class: str | None = None, image_width: str | None = None,
                 companions: Mapping[str, list] | None = None, live: Live | None = None):
        self.name = name
        self.live = None if live is None else LiveRunner(self, live)
        self._quiet = 0
        self.controls = dict(controls)
        self.view = view
        self._render = render
        self._held = 0
        self._dirty = False
        self._hidden: list[str] = []
        self.companions = {k: list(v) for k, v in (companions or {}).items()}
        seen: set = set()
        members = [*self.controls.values(), *(x for v in self.companions.values() for x in v)]
        for w in {id(w): w for w in members}.values():
            if id(w.layout) in seen:  # builders share one Layout between controls: split it,
                w.layout = _copy_layout(w.layout)  # so that hiding one hides only that one
            seen.add(id(w.layout))
        self.n_renders = 0
        self.result = None
        self.image = widgets.Image(format=getattr(view, "image_format", "jpeg"),
                                   layout=widgets.Layout(width=image_width or "auto"))
        # "settings as code": a toggle that shows the call rebuilding this very state
        self.code_button = widgets.ToggleButton(
            value=False, description=tr("settings as code"), icon="code",
            tooltip=tr("show the Python call that rebuilds this dashboard as it is now"),
            layout=widgets.Layout(width="auto"))
        self.code_view = widgets.HTML(layout=widgets.Layout(display="none"))
        self.code_view.add_class("chapter5-code")
        self.code_button.observe(self._show_code, names="value")
        children = ([*self.controls.values(), self.image]
                    if layout_children is None else layout_children(self.image))
        children = [*children, widgets.HBox([self.code_button, self.code_view])]
        scale = display_scale()
        if scale != 1.0:  # projector mode: the controls grow with the figure
            children = [widgets.HTML(_PROJECTOR_CSS.format(zoom=scale)), *children]
        super().__init__(children=children)
        if scale != 1.0:
            self.add_class("chapter5-projector")
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
        self._show_code()

    def _on_change(self, change=None) -> None:
        if self._quiet:  # the dashboard moving its own control (a slider following training)
            return
        if self._held:
            self._dirty = True
            return
        if self.live is not None and self._went_live(change):
            return
        self.refresh()

    def _went_live(self, change) -> bool:
        """Route a change to live training (see :mod:`._live`); False: render as usual."""
        values = self.values
        owner, name = (change["owner"], change["name"]) if change else (None, None)
        run = self.live.run  # (None once the last frame of a training is drawn)
        if run is not None:
            # controls the training moved itself (the epoch slider following it) stand where
            # the student left them, unless this very change is the student moving them
            changed = next((k for k, c in self.controls.items() if c is owner), None)
            for k in self.live.followed:
                if k != changed:
                    values[k] = run.values[k]
        key = self.live.live.key(values)
        if run is not None and run.key == key:
            run.values = values  # e.g. the epoch slider moved during training: shown at the end
            return True
        # a message from the browser is applied under a property lock: a slider sends
        # "value", a dropdown or toggle buttons send "index" (and value follows from it)
        lock = getattr(owner, "_property_lock", {}) if owner is not None else {}
        from_browser = name in lock or "index" in lock
        loop = running_loop() if from_browser else None
        if loop is not None and not self.live.live.cached(key):
            self.live.start(values, loop)
            return True
        self.live.cancel()
        return False

    @contextlib.contextmanager
    def quietly(self):
        """Move controls without re-rendering (a slider following a live training)."""
        self._quiet += 1
        try:
            yield self
        finally:
            self._quiet -= 1

    def follow(self, name: str, value) -> None:
        """During a live training, move control ``name`` to ``value`` without rendering (the
        epoch slider following the training); it returns to the student's value at the end."""
        self.live.followed.add(name)
        with self.quietly():
            self.controls[name].value = value

    def finish_live(self, values: Mapping) -> None:
        """A live training ended: put the controls where the student left them and render
        the final picture, exactly as a synchronous change would have."""
        with self.quietly():
            for k, v in values.items():
                if self.controls[k].value != v:
                    self.controls[k].value = v
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

    def _check_names(self, names) -> list[str]:
        unknown = sorted(set(names) - set(self.controls))
        if unknown:
            raise ValueError(f"unknown control(s) {unknown}; this dashboard has "
                             f"{sorted(self.controls)}")
        return list(names)

    def _apply_visibility(self) -> None:
        hidden = set(self._hidden)
        for name, control in self.controls.items():
            control.layout.display = "none" if name in hidden else None
        for name, extras in self.companions.items():  # e.g. the play button of "step"
            for w in extras:
                w.layout.display = "none" if name in hidden else None
        self._show_code()

    def hide(self, *names: str) -> Dashboard:
        """Hide controls (classroom mode): their values stay as they are, only the others
        can be moved. ``dashboard.hide("eta", "momentum")`` leaves the rest; returns self, so
        ``descent_explorer(eta=0.5).hide("eta")`` is one expression."""
        for name in self._check_names(names):
            if name not in self._hidden:
                self._hidden.append(name)
        self._apply_visibility()
        return self

    def only(self, *names: str) -> Dashboard:
        """Hide every control but ``names`` (e.g. ``only("epoch")``); returns self."""
        keep = set(self._check_names(names))
        self._hidden = [k for k in self.controls if k not in keep]
        self._apply_visibility()
        return self

    def show(self, *names: str) -> Dashboard:
        """Show hidden controls again (all of them when no name is given); returns self."""
        names = self._check_names(names) if names else list(self.controls)
        self._hidden = [k for k in self._hidden if k not in names]
        self._apply_visibility()
        return self

    @property
    def hidden(self) -> tuple[str, ...]:
        """The names of the hidden controls, in the order they were hidden."""
        return tuple(self._hidden)

    def code(self) -> str:
        """The one Python call that rebuilds this dashboard in its current state, hidden
        controls included, e.g. ``descent_explorer(surface='bowl', ...).hide('eta')``."""
        args = ", ".join(f"{k}={_fmt_value(c.value, c)}" for k, c in self.controls.items())
        call = f"{self.name}({args})"
        shown = [k for k in self.controls if k not in self._hidden]
        if shown and len(shown) < len(self._hidden):
            call += f".only({', '.join(map(repr, shown))})"
        elif self._hidden:
            call += f".hide({', '.join(map(repr, self._hidden))})"
        return call

    def _show_code(self, _change=None) -> None:
        if self.code_button.value:
            self.code_view.value = f"<code>{html.escape(self.code())}</code>"
            self.code_view.layout.display = None
        else:
            self.code_view.layout.display = "none"

    def __repr__(self) -> str:
        return self.code()
