"""Declarative controls: each dashboard's controls written once, as a table of specs.

A dashboard lists its controls as :class:`Spec` rows in a :class:`Controls` table. From that
one table come

* the argument checks of the builder (``ValueError``/``TypeError`` naming the argument and
  the range, from :mod:`chapter5._validation`),
* the widgets (slider, log slider, dropdown or checkbox, with the range, step and default),
* the documented range: the builder's docstring line ``{controls}`` becomes a numpydoc
  Parameters list, so ``help(bp_xor_trainer)`` shows what the slider allows,
* the builder's signature with its defaults (``inspect.signature`` and ``help`` read it).

Labels, tooltips and option labels are English text that is also the key of the translation
tables (:func:`chapter5.i18n.tr`): a Korean table fills them, the specs do not change.

Example (the builder's own parameters carry no defaults; the table has them)::

    CONTROLS = Controls(
        Spec("eta", "log", 0.0, lo=-2, hi=1.5, step=0.25, label="η",
             tooltip="learning rate η", doc="The learning rate."),
        Spec("seed", "int", 0, lo=0, hi=9, label="seed"),
    )

    @CONTROLS.builder
    def my_dashboard(eta, seed):
        \"\"\"What it shows.

        Parameters
        ----------
        {controls}
        \"\"\"
        controls = CONTROLS.widgets(locals())
        ...
"""

from __future__ import annotations

import functools
import inspect
import textwrap
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import ipywidgets as widgets

from .._validation import check_bool, check_option, check_scalar
from ..i18n import tr

__all__ = ["Controls", "Spec"]

KINDS = ("int", "float", "log", "choice", "bool")


@dataclass(frozen=True)
class Spec:
    """One control: what it sets, its range, its default and its words.

    Parameters
    ----------
    name : str
        The builder's keyword argument (and the key of ``dashboard.controls``).
    kind : {"int", "float", "log", "choice", "bool"}
        Integer slider, float slider, log slider (``lo``, ``hi`` and ``step`` are exponents
        of ``base``), dropdown, or checkbox.
    default
        The value when the argument is not given.
    lo, hi : float, optional
        The range, both ends included (exponents for "log"). ``hi=None``: no upper bound
        to check (the builder sets the slider's maximum, e.g. from the run's length).
    step : float, optional
        The slider's step (an exponent step for "log"); ints default to 1.
    strict_step : bool, default False
        Refuse values off the step grid (``lo + k * step``) instead of letting the slider snap.
    base : float, default 10
        The base of a log slider.
    options : tuple
        For "choice": the values, or ``(label, value)`` pairs (labels are translated). For
        "bool": ``((label, True), (label, False))`` shows a dropdown of two labelled rules
        instead of a checkbox.
    coerce : callable, optional
        Applied to a value before it is checked (e.g. an ``Activation`` object to its name).
    label, tooltip : str
        English text shown on the control and on hover; also the translation key.
    doc : str
        Prose for the documented range (after the generated first line).
    readout_format : str, optional
    continuous : bool, default False
        ``continuous_update``: True only for controls that replay (scrub) recorded results.
    width : str, optional
        The CSS width of the control ("330px").
    extra : mapping
        Further keyword arguments for the widget (``indent=False`` for a checkbox).
    """

    name: str
    kind: str
    default: Any
    lo: float | None = None
    hi: float | None = None
    step: float | None = None
    strict_step: bool = False
    base: float = 10
    options: tuple = ()
    label: str = ""
    tooltip: str = ""
    doc: str = ""
    readout_format: str | None = None
    continuous: bool = False
    width: str | None = None
    extra: Mapping = field(default_factory=dict)
    coerce: Callable | None = None

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"Spec {self.name!r}: kind must be one of {KINDS}; got "
                             f"{self.kind!r}")
        if self.kind == "choice" and not self.options:
            raise ValueError(f"Spec {self.name!r}: a choice needs options")
        if self.kind == "bool" and self.options and set(self.values) != {True, False}:
            raise ValueError(f"Spec {self.name!r}: a bool's options are (label, True) and "
                             f"(label, False)")
        if self.kind in ("int", "float", "log") and self.lo is None:
            raise ValueError(f"Spec {self.name!r}: a {self.kind} control needs lo")

    # ---------------------------------------------------------------- options
    @property
    def values(self) -> tuple:
        """The option values of a choice (without their labels)."""
        return tuple(o[1] if isinstance(o, tuple) else o for o in self.options)

    def _option_pairs(self) -> list:
        return [(tr(o[0]), o[1]) if isinstance(o, tuple) else (tr(o), o) for o in self.options]

    # ---------------------------------------------------------------- validation
    @property
    def bounds(self) -> tuple:
        """The range as values (a log slider's exponents turned into values)."""
        if self.kind == "log":
            return self.base ** self.lo, self.base ** self.hi
        return self.lo, self.hi

    def check(self, value):
        """``value`` checked against this control's kind and range (clear errors)."""
        if self.coerce is not None:
            value = self.coerce(value)
        if self.kind == "choice":
            if all(isinstance(v, str) for v in self.values):
                return check_option(value, self.name, self.values)
            if value not in self.values:
                raise ValueError(f"unknown {self.name} {value!r}; valid values are "
                                 f"{list(self.values)}")
            return value
        if self.kind == "bool":
            return check_bool(value, self.name)
        lo, hi = self.bounds
        value = check_scalar(value, self.name, integer=self.kind == "int", min_value=lo,
                             max_value=hi)
        if self.strict_step and self.step and self.kind != "log":
            k = (value - self.lo) / self.step
            if abs(k - round(k)) > 1e-9:
                grid = (f"a multiple of {_num(self.step)}" if self.lo % self.step == 0 else
                        f"{_num(self.lo)} plus a multiple of {_num(self.step)}")
                raise ValueError(f"{self.name} must be {grid} (the slider's step); got "
                                 f"{value}")
        return value

    # ---------------------------------------------------------------- documentation
    def describe(self) -> str:
        """The numpydoc entry: ``name : type, default ...`` and the range, then ``doc``."""
        if self.kind == "choice":
            head = f"{self.name} : {{{', '.join(repr(v) for v in self.values)}}}"
        else:
            typ = {"int": "int", "float": "float", "log": "float", "bool": "bool"}[self.kind]
            head = f"{self.name} : {typ}"
        head += f", default {self.default!r}"
        lines = [head]
        if self.kind == "log":
            rng = (f"{_num(self.base)}**{_num(self.lo)} to {_num(self.base)}**{_num(self.hi)}"
                   f" on a log slider")
            if self.step:
                rng += f" (exponent step {_num(self.step)})"
        elif self.kind in ("int", "float"):
            rng = (f"{_num(self.lo)} or more" if self.hi is None
                   else f"{_num(self.lo)} to {_num(self.hi)}")
            if self.step and not (self.kind == "int" and self.step == 1):
                rng += f" in steps of {_num(self.step)}"
        else:
            rng = ""
        if self.label:
            rng = f"{rng}; the control \"{self.label}\"" if rng else f"The control \"{self.label}\""
        body = [f"{rng}." if rng else ""] + ([self.doc] if self.doc else [])
        text = " ".join(b for b in body if b)
        if text:
            lines += ["    " + ln for ln in textwrap.wrap(text, 88)]
        return "\n".join(lines)

    # ---------------------------------------------------------------- widget
    def widget(self, value, *, style=None, width=None, hi=None) -> widgets.ValueWidget:
        """The control, set to ``value``, labelled in the current language.

        ``hi`` sets the slider's maximum where the table has none (``hi=None``: a range that
        depends on another argument or on the run). A checkbox takes no description style
        (its label sits right of the box)."""
        kw: dict = {"description": tr(self.label or self.name)}
        if self.tooltip:
            kw["tooltip"] = tr(self.tooltip)
        if style is not None and not (self.kind == "bool" and not self.options):
            kw["style"] = style
        w = self.width or width
        if w is not None:
            kw["layout"] = widgets.Layout(width=w)
        if self.readout_format is not None:
            kw["readout_format"] = self.readout_format
        if self.kind in ("int", "float", "log"):
            kw["continuous_update"] = self.continuous
            kw["min"] = self.lo
            top = self.hi if hi is None else hi
            if top is not None:  # (ipywidgets would quietly take 100 for None)
                kw["max"] = top
            if self.step is not None:
                kw["step"] = self.step
        kw.update(self.extra)
        if self.kind == "int":
            return widgets.IntSlider(value=value, **kw)
        if self.kind == "float":
            return widgets.FloatSlider(value=value, **kw)
        if self.kind == "log":
            return widgets.FloatLogSlider(value=value, base=self.base, **kw)
        if self.kind == "choice" or self.options:
            return widgets.Dropdown(options=self._option_pairs(), value=value, **kw)
        return widgets.Checkbox(value=value, **kw)


def _num(v) -> str:
    """A range end as written in the docs: 0.5, 8, 1e-06."""
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e6:
        return str(int(v))
    return f"{v:g}" if isinstance(v, float) else str(v)


class Controls:
    """A dashboard's table of :class:`Spec` rows (in the builder's argument order)."""

    def __init__(self, *specs: Spec):
        names = [s.name for s in specs]
        if len(set(names)) != len(names):
            raise ValueError(f"duplicate control names in {names}")
        self.specs = {s.name: s for s in specs}
        for s in specs:  # the defaults must pass their own checks
            s.check(s.default)

    def __iter__(self):
        return iter(self.specs.values())

    def __getitem__(self, name: str) -> Spec:
        return self.specs[name]

    def __len__(self) -> int:
        return len(self.specs)

    @property
    def defaults(self) -> dict:
        return {k: s.default for k, s in self.specs.items()}

    def check(self, values: Mapping) -> dict:
        """Every control's value checked (the table's names only, in its order)."""
        return {k: s.check(values[k]) for k, s in self.specs.items()}

    def doc(self, indent: str = "    ") -> str:
        """The numpydoc Parameters entries of every control."""
        return textwrap.indent("\n".join(s.describe() for s in self), indent).lstrip()

    def widgets(self, values: Mapping, *, style=None, width=None, only=None,
                hi: Mapping | None = None) -> dict:
        """name -> widget for every control (or those in ``only``), set to ``values``, in
        the table's order; ``hi`` gives the maximum of sliders whose spec has none."""
        names = self.specs if only is None else only
        hi = hi or {}
        return {k: self.specs[k].widget(values[k], style=style, width=width, hi=hi.get(k))
                for k in names}

    def builder(self, func):
        """Decorate a dashboard builder: defaults, checks, signature and docs from the table.

        The wrapped function receives every control's value checked, by keyword; it may
        take further keyword-only arguments of its own (not controls), passed through.
        """
        own = inspect.signature(func)
        missing = [k for k in self.specs if k not in own.parameters]
        if missing:
            raise TypeError(f"{func.__name__} lacks parameters for the controls {missing}")
        params = []
        for p in own.parameters.values():
            if p.name in self.specs:
                p = p.replace(kind=inspect.Parameter.POSITIONAL_OR_KEYWORD,
                              default=self.specs[p.name].default)
            params.append(p)
        sig = own.replace(parameters=params)

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            bound = sig.bind(*args, **kwargs)
            bound.apply_defaults()
            values = dict(bound.arguments)
            values.update(self.check(values))
            return func(**values)

        wrapper.__signature__ = sig
        if func.__doc__ and "{controls}" in func.__doc__:
            wrapper.__doc__ = func.__doc__.replace("{controls}", self.doc())
        wrapper.controls = self
        return wrapper
