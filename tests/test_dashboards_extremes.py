"""Every dashboard at both ends: each control at its minimum and maximum, every option of every
dropdown, every button pressed (issue: classroom mode). Asserted each time: no exception (a
button's callback errors are only logged by ipywidgets, so the log is checked too), no
warning, a new picture, and a divergence, if any, said in the figure."""

from __future__ import annotations

import logging
import warnings
from collections import Counter

import ipywidgets as widgets
import ipywidgets.widgets.widget as widget_module
import numpy as np
import pytest
from ipywidgets.widgets.widget_link import Link
from matplotlib.text import Text

from chapter5.widgets import DASHBOARDS

# start states in which every control matters (lambda only acts with regularization on; XOR
# caps the RBF explorer's centres at its 4 samples; from w = 0 the perceptron's eta only
# rescales the weights)
START = {"bp_playground": {"regularization": True},
         "perceptron_replay": {"w1": 0.5, "w2": -0.3, "theta": 0.2, "step": 6},
         "rbf_explorer": {"dataset": "moons", "n_centers": 12}}


def extreme_values(control) -> list:
    """The values to visit: both ends of a slider, every option of a dropdown, both states of a
    checkbox, starting with those that differ from the current value."""
    if isinstance(control, widgets.Dropdown):
        values = [o[1] if isinstance(o, tuple) else o for o in control.options]
    elif isinstance(control, widgets.Checkbox | widgets.ToggleButton):
        values = [True, False]
    elif isinstance(control, widgets.FloatLogSlider):
        values = [control.base ** control.min, control.base ** control.max]
    elif isinstance(control, widgets.IntSlider | widgets.FloatSlider):
        values = [control.min, control.max]
    else:
        raise TypeError(f"no extremes for {type(control).__name__}")
    values = [v for v in values if v != control.value] + [control.value]
    return values


def figure_text(dashboard) -> str:
    return " ".join(t.get_text() for t in dashboard.view.fig.findobj(Text)).lower()


def clickables_of(dashboard) -> list:
    """Every button-like widget shown by the dashboard that is not one of its controls (those
    are moved by test_every_control_at_both_ends): found by walking the widget tree, so a
    button is found wherever the builder put it, whatever its description or icon."""
    found, seen, controls = [], set(), {id(c) for c in dashboard.controls.values()}
    todo = [dashboard]
    while todo:
        w = todo.pop(0)
        if id(w) in seen:
            continue
        seen.add(id(w))
        if isinstance(w, CLICKABLE) and id(w) not in controls:
            found.append(w)
        todo += list(getattr(w, "children", ()) or ())
    return found


CLICKABLE = (widgets.Button, widgets.ToggleButton, widgets.ToggleButtons, widgets.Play)

# what each dashboard offers besides its controls (every one also has the "settings as code"
# toggle): buttons and Play widgets, counted so that a lost or an unchecked one shows
EXPECTED_CLICKABLES = {
    "activation_explorer": {}, "art_replay": {"Play": 1, "ToggleButton": 1},
    "bp_playground": {"Button": 3, "Play": 1}, "bp_xor_trainer": {},
    "cascade_growth": {"Play": 1, "ToggleButton": 1},
    "descent_explorer": {"Button": 4, "Play": 1},
    "elman_explorer": {"Play": 1}, "mazur_stepper": {"Button": 2},
    "neuron_explorer": {"Button": 3}, "perceptron_replay": {"Button": 3, "Play": 1},
    "rbf_explorer": {}, "rbm_explorer": {"Play": 1}, "som_explorer": {"Play": 1},
    "xor_network_explorer": {},
}


def jslinked_control(dashboard, play):
    """The dashboard control a Play drives in the browser (through ``widgets.jslink``)."""
    for link in list(widget_module._instances.values()):
        if isinstance(link, Link) and link.source[0] is play:
            for key, control in dashboard.controls.items():
                if link.target[0] is control and link.target[1] == "value":
                    return key, control
    raise AssertionError(f"{dashboard.name}: a Play drives no control")


class Problems(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.records = []

    def emit(self, record):
        self.records.append(record)


@pytest.fixture
def problems():
    handler = Problems()
    root = logging.getLogger()
    root.addHandler(handler)
    yield handler.records
    root.removeHandler(handler)


def check_change(dashboard, change, what, problems):
    before = dashboard.image.value
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        change()
    assert not caught, f"{what}: warnings {[str(w.message) for w in caught]}"
    assert not problems, f"{what}: logged {[r.getMessage() for r in problems]}"
    assert dashboard.image.value, f"{what}: no picture"
    result = dashboard.result
    if isinstance(result, dict) and result.get("diverged"):
        assert "diverg" in figure_text(dashboard), f"{what}: diverged but the figure is silent"
    return dashboard.image.value != before


@pytest.mark.slow  # make test only: a sweep over every dashboard
@pytest.mark.parametrize("name", sorted(DASHBOARDS))
def test_every_control_at_both_ends(name, problems):
    dashboard = DASHBOARDS[name](**START.get(name, {}))
    for key, control in dashboard.controls.items():
        changed = []
        for value in extreme_values(control):
            if value == control.value:
                continue

            def change(value=value, control=control):
                control.value = value

            changed.append(check_change(dashboard, change, f"{name}.{key} = {value!r}",
                                        problems))
        assert any(changed), f"{name}.{key}: no extreme value changed the picture"


def test_every_dashboard_is_listed_for_its_buttons():
    assert set(EXPECTED_CLICKABLES) == set(DASHBOARDS)


@pytest.mark.slow  # make test only: a sweep over every dashboard
@pytest.mark.parametrize("name", sorted(DASHBOARDS))
def test_every_button_works(name, problems):
    """Each button changes the picture (a button that leaves it as it is, e.g. "back" at step
    0, is pressed again after each of the others); each Play drives a control through a range
    inside the control's, and that control's end of the range changes the picture; the
    "settings as code" toggle shows the call and hides it again, and a Play's "slow" toggle
    slows it and gives its pace back, both leaving the picture unchanged."""
    dashboard = DASHBOARDS[name](**START.get(name, {}))
    clickables = clickables_of(dashboard)
    assert dashboard.code_button in clickables
    kinds = Counter(type(w).__name__ for w in clickables if w is not dashboard.code_button)
    assert dict(kinds) == EXPECTED_CLICKABLES[name]
    buttons = [w for w in clickables if isinstance(w, widgets.Button)]
    for widget in clickables:
        what = f"{name}: {type(widget).__name__} {widget.description!r}"
        if widget is dashboard.code_button:
            picture = dashboard.image.value
            for shown in (True, False):
                widget.value = shown
                assert (dashboard.code_view.layout.display != "none") is shown, what
            widget.value = True
            assert dashboard.code_view.value.count(f"{name}(") == 1, what
            assert dashboard.image.value == picture, f"{what} changed the picture"
            widget.value = False
        elif isinstance(widget, widgets.Button):
            if check_change(dashboard, widget.click, what, problems):
                continue
            changed = False
            for other in (b for b in buttons if b is not widget):
                check_change(dashboard, other.click, f"{name}: {other.description!r}", problems)
                if check_change(dashboard, widget.click, what, problems):
                    changed = True
                    break
            assert changed, f"{what}: no click changed the picture"
        elif isinstance(widget, widgets.Play):
            key, control = jslinked_control(dashboard, widget)
            assert control.min <= widget.min < widget.max <= control.max, (
                f"{what} runs over {widget.min}..{widget.max}, {key} over "
                f"{control.min}..{control.max}")
            end = widget.max if control.value != widget.max else widget.min

            def play_to(end=end, control=control):
                control.value = end  # what the Play does in the browser

            assert check_change(dashboard, play_to, f"{what} -> {key}={end}", problems), (
                f"{what}: playing {key} to {end} left the picture as it was")
        elif isinstance(widget, widgets.ToggleButton):  # Play's "slow" toggle
            picture, interval = dashboard.image.value, dashboard.play.interval
            for down in (True, False):
                widget.value = down
                assert (dashboard.play.interval > interval) is down, f"{what}: Play's pace"
            assert dashboard.image.value == picture, f"{what} changed the picture"
        else:
            pytest.fail(f"{what}: no check written for this kind of button")


@pytest.mark.slow  # make test only: a sweep over every dashboard
@pytest.mark.parametrize("name", sorted(DASHBOARDS))
def test_hide_any_control_and_rebuild_from_the_code(name):
    dashboard = DASHBOARDS[name]()
    keys = list(dashboard.controls)
    dashboard.hide(keys[0])
    assert dashboard.controls[keys[0]].layout.display == "none"
    assert all(dashboard.controls[k].layout.display != "none" for k in keys[1:])
    assert dashboard.code().endswith(f".hide({keys[0]!r})")
    rebuilt = eval(dashboard.code(), dict(DASHBOARDS))
    assert rebuilt.values == dashboard.values and rebuilt.hidden == (keys[0],)
    assert rebuilt.image.value == dashboard.image.value
    dashboard.only(keys[-1])
    assert [k for k in keys if dashboard.controls[k].layout.display != "none"] == [keys[-1]]
    for extra in dashboard.companions.get(keys[-1], []):
        assert extra.layout.display != "none"
    dashboard.show()
    assert dashboard.hidden == () and "hide" not in dashboard.code()
    dashboard.code_button.value = True
    assert dashboard.code_view.layout.display != "none"
    assert np.char.find(dashboard.code_view.value, name) >= 0
    with pytest.raises(ValueError, match="unknown control"):
        dashboard.hide("no_such_control")


def test_the_log_check_catches_a_failing_button_callback(problems):
    """ipywidgets swallows exceptions in button callbacks: make sure this file would see one."""
    button = widgets.Button()

    def fail(_b):
        raise RuntimeError("boom")

    button.on_click(fail)
    button.click()
    assert any("boom" in (r.getMessage() + str(r.exc_info)) for r in problems)


def test_the_code_of_a_classroom_setting_rebuilds_it():
    d = DASHBOARDS["descent_explorer"](surface="bowl", eta=0.5).only("step")
    assert d.code() == ("descent_explorer(surface='bowl', x0=-2.2, y0=-1.6, eta=0.5, "
                        "momentum=0.0, step=200).only('step')")
    assert d.play.layout.display != "none"  # the step's play button stays
    assert all(b.layout.display == "none" for b in d.buttons.values())  # start presets go
    assert eval(d.code(), dict(DASHBOARDS)).hidden == d.hidden
    d.code_button.value = True
    d.set(step=5)
    assert "step=5" in d.code_view.value
