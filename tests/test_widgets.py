"""Dashboards driven programmatically: every change must change the picture or the result."""

import itertools

import numpy as np
import pytest

from chapter5.activations import ACTIVATIONS
from chapter5.widgets import Dashboard, activation_explorer, neuron_explorer


@pytest.fixture
def explorer():
    return neuron_explorer()


def test_default_state_is_the_books_and_neuron(explorer):
    assert explorer.result["gate"] == "AND"
    np.testing.assert_array_equal(explorer.result["y"], [0, 0, 0, 1])
    assert explorer.image.format == "jpeg" and explorer.image.value[:3] == b"\xff\xd8\xff"
    assert repr(explorer) == "neuron_explorer(w1=1.0, w2=1.0, theta=2.0, activation='step')"


def test_moving_a_slider_changes_picture_and_result(explorer):
    before_png, renders = explorer.image.value, explorer.n_renders
    explorer.controls["theta"].value = 0.5
    assert explorer.n_renders == renders + 1
    assert explorer.image.value != before_png
    assert explorer.result["gate"] == "OR"
    assert "computes <b>OR</b>" in explorer.children[0].children[0].children[-1].value


@pytest.mark.parametrize("name", ["w1", "w2", "theta"])
def test_every_slider_at_its_minimum_and_maximum_renders(explorer, name):
    slider = explorer.controls[name]
    seen = {explorer.image.value}
    for value in (slider.min, slider.max):
        slider.value = value
        assert explorer.values[name] == value
        seen.add(explorer.image.value)
    assert len(seen) == 3, f"{name} at min and max must each give a new picture"


@pytest.mark.slow  # make test only: 162 renders
def test_all_corners_of_the_slider_box_with_every_activation(explorer):
    lo, hi = explorer.controls["w1"].min, explorer.controls["w1"].max
    pictures = set()
    for (w1, w2, theta), act in itertools.product(
            itertools.product((lo, 0.0, hi), repeat=3), ACTIVATIONS):
        explorer.set(w1=w1, w2=w2, theta=theta, activation=act)
        assert np.all(np.isfinite(explorer.result["y"]))
        pictures.add(explorer.image.value)
    assert len(pictures) > 100


def test_zero_weights_draw_no_line_but_still_render(explorer):
    explorer.set(w1=0.0, w2=0.0, theta=-1.0)
    view = explorer.view
    assert len(view.line.get_xdata()) == 0 and not view.arrow.get_visible()
    assert explorer.result["gate"] == "constant 1"
    assert "w = 0" in view.title.get_text()


@pytest.mark.parametrize(("button", "gate"), [("and", "AND"), ("or", "OR"), ("not", "NOT x1")])
def test_preset_buttons_load_the_books_weights_in_one_redraw(button, gate):
    d = neuron_explorer(w1=-2.0, w2=0.5, theta=1.0, activation="sigmoid")
    renders = d.n_renders
    d.buttons[button].click()
    assert d.n_renders == renders + 1, "a preset must redraw once, not once per slider"
    assert d.result["gate"] == gate
    assert d.values["activation"] == "step"


def test_repr_rebuilds_the_same_state_and_the_same_picture(explorer):
    explorer.set(w1=-0.6, w2=0.0, theta=-0.5)
    rebuilt = eval(repr(explorer), {"neuron_explorer": neuron_explorer})
    assert rebuilt.values == explorer.values
    assert rebuilt.image.value == explorer.image.value, "same state must give identical bytes"


def test_graded_activation_reports_no_gate(explorer):
    explorer.controls["activation"].value = "sigmoid"
    assert explorer.result["gate"] is None
    assert np.all((explorer.result["y"] > 0) & (explorer.result["y"] < 1))


def test_builder_rejects_values_outside_the_sliders():
    with pytest.raises(ValueError, match=r"w1 must be <= 3.0; got 10.0"):
        neuron_explorer(w1=10.0)
    with pytest.raises(ValueError, match="unknown activation"):
        neuron_explorer(activation="softmax")


def test_set_rejects_unknown_controls(explorer):
    with pytest.raises(ValueError, match=r"unknown control\(s\) \['eta'\]"):
        explorer.set(eta=0.1)


def test_activation_explorer_every_option_changes_the_picture():
    d = activation_explorer("step")
    assert isinstance(d, Dashboard)
    pictures = {d.image.value}
    for name in ACTIVATIONS:
        d.controls["activation"].value = name
        assert d.result == {"activation": name}
        assert d.view.activation == name
        pictures.add(d.image.value)
    assert len(pictures) == len(ACTIVATIONS)
    assert repr(d) == "activation_explorer(activation='linear')"


def test_builders_return_widgets_without_displaying_them(capsys):
    d = neuron_explorer()
    assert capsys.readouterr().out == ""
    assert "chapter5-neuron-explorer" in d._dom_classes


@pytest.mark.parametrize("before", [a for a in ACTIVATIONS if a != "linear"])
def test_switching_to_linear_gives_the_picture_of_a_linear_neuron_built_as_such(before):
    """Issue 14: linear's colour-bar range (-5, 5) equals the layout-time range, so a neuron
    built as linear kept the layout ticks while one switched to linear got new ones."""
    fresh = neuron_explorer(activation="linear")
    d = neuron_explorer(activation=before)
    d.controls["activation"].value = "linear"
    assert d.image.value == fresh.image.value
