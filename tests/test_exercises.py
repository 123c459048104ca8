"""Self-check helpers: right answers pass, wrong ones say where, none reveals the answer."""

import numpy as np
import pytest

from chapter5.exercises import (
    Feedback,
    check_collapsed_layers,
    check_gate_neuron,
    check_logistic_threshold,
)


def test_unanswered_exercise_says_so():
    for fb in (check_gate_neuron("nand", None, None), check_logistic_threshold(0.5, None),
               check_collapsed_layers([np.eye(2)], [np.zeros(2)], None, None)):
        assert not fb and "still None" in repr(fb)


@pytest.mark.parametrize(
    ("gate", "w", "theta"),
    [("nand", [-1, -1], -1.5), ("nor", [-1, -1], -0.5), ("and", [1, 1], 2), ("or", [1, 1], 0.5),
     ("not", [-1], -0.5)],
)
def test_correct_gate_neurons_pass(gate, w, theta):
    fb = check_gate_neuron(gate, w, theta)
    assert fb.ok and repr(fb).startswith("✓")


def test_wrong_gate_neuron_names_the_failing_input_not_the_answer():
    fb = check_gate_neuron("nand", [-1, -1], -2)  # fires on (1, 1): net = 0
    assert not fb
    assert "x = (1, 1) gives y = 1, but NAND needs 0" in fb.message


def test_xor_can_never_pass():
    rng = np.random.default_rng(0)
    for _ in range(200):
        w, theta = rng.uniform(-3, 3, size=2), rng.uniform(-3, 3)
        assert not check_gate_neuron("xor", w, theta)


def test_sign_activation_is_read_as_zero_one():
    assert check_gate_neuron("or", [1, 1], 0.5, activation="sign")
    with pytest.raises(ValueError, match="hard limit"):
        check_gate_neuron("or", [1, 1], 0.5, activation="sigmoid")


def test_wrong_shape_is_reported():
    with pytest.raises(ValueError, match="w must have 2 weight"):
        check_gate_neuron("and", [1, 1, 1], 2)


def test_collapsed_layers_check():
    W1, t1 = np.array([[1.0, 2.0], [0.0, -1.0]]), np.array([1.0, 0.0])
    W2, t2 = np.array([[3.0], [1.0]]), np.array([2.0])
    assert check_collapsed_layers([W1, W2], [t1, t2], [[5.0], [-1.0]], [5.0])
    wrong_theta = check_collapsed_layers([W1, W2], [t1, t2], [[5.0], [-1.0]], [3.0])
    assert not wrong_theta and "theta" in wrong_theta.message
    wrong_order = check_collapsed_layers([W1, W2], [t1, t2], [[3.0], [-1.0]], [5.0])
    assert not wrong_order and "order of the matrix product" in wrong_order.message
    shape = check_collapsed_layers([W1, W2], [t1, t2], [[5.0, -1.0]], [5.0])
    assert not shape and "Shapes" in shape.message
    # one output: a flat W and a scalar theta are the same answer written more simply
    assert check_collapsed_layers([W1, W2], [t1, t2], [5.0, -1.0], 5.0)
    assert not check_collapsed_layers([W1, W2], [t1, t2], [5.0, -1.0], 3.0)


def test_logistic_threshold_check():
    assert check_logistic_threshold(0.5, -0.5)
    fb = check_logistic_threshold(0.5, 0.5)
    assert not fb and "too large" in fb.message and "-0.5" not in fb.message
    with pytest.raises(TypeError, match="theta must be a number"):
        check_logistic_threshold(0.5, "-0.5")


def test_feedback_is_truthy_and_prints_its_message():
    assert bool(Feedback(True, "x")) and repr(Feedback(False, "y")) == "✗ Not yet. y"
