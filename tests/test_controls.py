"""Declarative controls (issue 15 §3): every dashboard's checks, widgets, signature and
documented ranges come from one table of specs, and they agree."""

import inspect

import ipywidgets as widgets
import pytest

from chapter5 import i18n
from chapter5.widgets import DASHBOARDS
from chapter5.widgets._controls import Controls, Spec

BUILDERS = sorted(DASHBOARDS)


def test_spec_checks_name_the_argument_and_the_range():
    s = Spec("eta", "log", 1.0, lo=-2, hi=1.5, step=0.25, label="η")
    assert s.check(0.5) == 0.5
    with pytest.raises(ValueError, match="eta"):
        s.check(100.0)
    with pytest.raises(TypeError, match="eta"):
        s.check("fast")
    c = Spec("mode", "choice", "a", options=(("first", "a"), ("second", "b")))
    assert c.check("B") == "b" and c.values == ("a", "b")
    with pytest.raises(ValueError, match="mode"):
        c.check("c")
    n = Spec("n", "int", 100, lo=100, hi=5000, step=100, strict_step=True)
    assert n.check(300) == 300
    with pytest.raises(ValueError, match="multiple of 100"):
        n.check(350)
    with pytest.raises(TypeError, match="flag"):
        Spec("flag", "bool", True).check(1)
    t = Spec("n", "int", 100, lo=50, hi=5000, step=100, strict_step=True)
    with pytest.raises(ValueError, match="50 plus a multiple of 100"):
        t.check(120)
    a = Spec("f", "choice", "sigmoid", options=("sigmoid", "tanh"),
             coerce=lambda v: getattr(v, "name", v))
    assert a.check(type("Act", (), {"name": "tanh"})()) == "tanh"


def test_widget_kinds():
    b = Spec("rule", "bool", True, options=(("BPTT", True), ("Elman", False)), label="rule")
    w = b.widget(False, style={"description_width": "5em"})
    assert isinstance(w, widgets.Dropdown) and w.options == (("BPTT", True), ("Elman", False))
    with pytest.raises(TypeError):
        b.check("yes")
    box = Spec("on", "bool", False).widget(True, style={"description_width": "5em"})
    assert isinstance(box, widgets.Checkbox) and box.style.description_width == ""
    step = Spec("step", "int", 0, lo=0, hi=None, continuous=True)
    assert step.widget(3, hi=7).max == 7
    assert Controls(step).widgets({"step": 2}, hi={"step": 9})["step"].max == 9


def test_a_table_refuses_bad_specs():
    with pytest.raises(ValueError, match="kind"):
        Spec("x", "slider", 0)
    with pytest.raises(ValueError, match="duplicate"):
        Controls(Spec("x", "int", 0, lo=0, hi=1), Spec("x", "int", 0, lo=0, hi=1))
    with pytest.raises(ValueError, match="x"):  # a default outside its own range
        Controls(Spec("x", "int", 5, lo=0, hi=1))


def test_the_builder_decorator_gives_defaults_checks_and_docs():
    table = Controls(Spec("q", "int", 3, lo=1, hi=8, label="hidden q", doc="Hidden units."),
                     Spec("f", "choice", "tanh", options=("sigmoid", "tanh")))

    @table.builder
    def build(q, f, *, extra=None):
        """Build.

        Parameters
        ----------
        {controls}
        """
        return q, f, extra

    assert build() == (3, "tanh", None)
    assert build(2, "SIGMOID", extra=1) == (2, "sigmoid", 1)
    with pytest.raises(ValueError, match="q"):
        build(q=9)
    sig = inspect.signature(build)
    assert [p.default for p in sig.parameters.values()][:2] == [3, "tanh"]
    assert "q : int, default 3\n" in build.__doc__ and "1 to 8" in build.__doc__
    assert "{controls}" not in build.__doc__


def _converted():
    return [n for n in BUILDERS if isinstance(getattr(DASHBOARDS[n], "controls", None),
                                              Controls)]


def test_every_dashboard_has_a_control_table():
    assert _converted() == BUILDERS


@pytest.mark.parametrize("name", BUILDERS)
def test_widgets_signature_and_docs_follow_the_table(name):
    builder = DASHBOARDS[name]
    table = getattr(builder, "controls", None)
    if not isinstance(table, Controls):
        pytest.skip(f"{name} has no control table yet")
    sig = inspect.signature(builder)
    d = builder()
    for spec in table:
        assert sig.parameters[spec.name].default == spec.default, spec.name
        assert f"{spec.name} : " in builder.__doc__, spec.name
        w = d.controls[spec.name]
        if spec.kind in ("int", "float", "log"):
            assert (w.min, w.step if spec.step is not None else None) == (
                spec.lo, spec.step), spec.name
            if spec.hi is not None:  # a replay slider may span only the run's length
                assert w.max == spec.hi or (spec.continuous and w.max < spec.hi), spec.name
            assert w.continuous_update == spec.continuous, spec.name
        if spec.kind == "log":
            assert isinstance(w, widgets.FloatLogSlider) and w.base == spec.base
        if spec.kind == "choice":
            assert tuple(v for _, v in w.options) == spec.values, spec.name
        assert w.description == (spec.label or spec.name)
        if spec.tooltip:
            assert w.tooltip == spec.tooltip
    # out of range: one clear error naming the argument
    for spec in table:
        bad = {"int": 10**9, "float": 1e9, "log": 1e30, "choice": "no such option",
               "bool": "yes"}[spec.kind]
        if spec.kind in ("int", "float", "log") and spec.hi is None:
            bad = -1e9 if spec.kind != "int" else -10**9
        with pytest.raises((ValueError, TypeError), match=spec.name):
            builder(**{spec.name: bad})


def test_labels_are_translation_keys(monkeypatch):
    """A label's English text is its key: a table that fills it changes the control."""
    spec = Spec("seed", "int", 0, lo=0, hi=9, label="seed", tooltip="the random start")
    monkeypatch.setitem(i18n.strings("ko"), "seed", "시드")
    try:
        i18n.set_language("ko")
        w = spec.widget(0)
    finally:
        i18n.set_language(None)
    assert w.description == "시드" and w.tooltip == "the random start"
    assert spec.widget(0).description == "seed"
