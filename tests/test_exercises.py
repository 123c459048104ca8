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


def test_eq5_13_delta_v_check_against_finite_differences():
    """check_delta_v: (5.13) with e_h of (5.15) passes; each typical slip fails with a hint."""
    from chapter5.exercises import check_delta_v

    def right(eta, x, b, w, g):           # (5.15) e_h = b_h (1 - b_h) sum_j w_hj g_j; (5.13)
        return eta * np.outer(x, b * (1 - b) * (w @ g))

    def no_derivative(eta, x, b, w, g):   # forgot f'(alpha_h - gamma_h) = b_h (1 - b_h)
        return eta * np.outer(x, w @ g)

    def wrong_sign(eta, x, b, w, g):
        return -right(eta, x, b, w, g)

    def transposed(eta, x, b, w, g):
        return right(eta, x, b, w, g).T

    fb = check_delta_v(right)
    assert fb.ok and "5 random networks" in fb.message
    missing = check_delta_v(no_derivative)
    assert not missing.ok and "Which term of e_h is missing?" in missing.message
    sign = check_delta_v(wrong_sign)
    assert not sign.ok and "constant factor" in sign.message
    shape = check_delta_v(transposed)
    assert not shape.ok and "shape" in shape.message
    assert not check_delta_v(None).ok
    with pytest.raises(TypeError, match="delta_v must be a function"):
        check_delta_v(0.5)
