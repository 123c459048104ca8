"""Every dashboard at both ends: each control at its minimum and maximum, every option of every
dropdown, every button pressed (issue: classroom mode). Asserted each time: no exception (a
button's callback errors are only logged by ipywidgets, so the log is checked too), no
warning, a new picture, and a divergence, if any, said in the figure."""

from __future__ import annotations

import logging
import warnings

import ipywidgets as widgets
import numpy as np
import pytest
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


def buttons_of(dashboard) -> list:
    found = []
    for group in (getattr(dashboard, "buttons", {}), dashboard.companions):
        items = group.values() if isinstance(group, dict) else group
        for item in items:
            for w in item if isinstance(item, list) else [item]:
                if isinstance(w, widgets.Button) and w not in found:
                    found.append(w)
    return found


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


@pytest.mark.parametrize("name", sorted(DASHBOARDS))
def test_every_button_works(name, problems):
    dashboard = DASHBOARDS[name]()
    for button in buttons_of(dashboard):
        check_change(dashboard, button.click, f"{name}: button {button.description!r}",
                     problems)


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
