"""§5.1 M-P neuron: y = f(sum_i w_i x_i - theta), the book's gates, ex. 5.1 and ex. 5.2."""

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

from chapter5 import activations
from chapter5.datasets import logic_gate
from chapter5.neuron import (
    PRESETS,
    MPNeuron,
    collapse_linear_layers,
    feedforward,
    realizable_functions,
)


def test_sec5_1_hand_worked_neuron():
    # 0.5*1 - 1*1 + 2*0.5 = 0.5; minus theta = 1 gives net = -0.5
    n = MPNeuron([0.5, -1.0, 2.0], theta=1.0)
    assert n.net([1.0, 1.0, 0.5]) == pytest.approx(-0.5)
    assert n.predict([1.0, 1.0, 0.5]) == 0.0
    s = MPNeuron([0.5, -1.0, 2.0], theta=1.0, activation="sigmoid")
    assert s.predict([1.0, 1.0, 0.5]) == pytest.approx(1 / (1 + np.exp(0.5)))


@pytest.mark.parametrize("gate", ["and", "or"])
def test_sec5_2_book_presets_compute_their_gates(gate):
    X, y = logic_gate(gate)
    n = MPNeuron.from_preset(gate)
    assert_array_equal(n.predict(X), y, err_msg=f"the book's {gate.upper()} neuron")
    assert n.implements() == gate.upper()


def test_sec5_2_book_not_preset_computes_not_x1_and_ignores_x2():
    X1, y1 = logic_gate("not")
    n = MPNeuron.from_preset("not")
    assert_array_equal(n.predict(np.column_stack([X1[:, 0], np.zeros(2)])), y1)
    assert_array_equal(n.predict(np.column_stack([X1[:, 0], np.ones(2)])), y1)
    assert n.implements() == "NOT x1"
    assert PRESETS["not"] == {"w": (-0.6, 0.0), "theta": -0.5}


def test_single_sample_gives_float_and_batch_gives_vector():
    n = MPNeuron.from_preset("and")
    assert isinstance(n.predict([1, 1]), float)
    assert n.predict(np.ones((5, 2))).shape == (5,)
    assert_array_equal(n(np.ones((2, 2))), [1.0, 1.0])


def test_threshold_is_minus_bias():
    rng = np.random.default_rng(0)
    w, b = rng.normal(size=3), 0.7
    X = rng.normal(size=(10, 3))
    n = MPNeuron(w, theta=-b, activation="linear")
    assert_allclose(n.predict(X), X @ w + b, rtol=1e-14)


def test_ex5_2_sigmoid_neuron_equals_logistic_regression():
    w, b = np.array([2.0, -1.0]), 0.5
    n = MPNeuron.from_logistic_regression(w, b)
    assert n.theta == -0.5 and n.activation == "sigmoid"
    X = np.random.default_rng(1).normal(size=(20, 2))
    assert_allclose(n.predict(X), 1 / (1 + np.exp(-(X @ w + b))), rtol=1e-12)
    assert_allclose(activations.logit(n.predict(X)), n.net(X), atol=1e-9,
                    err_msg="the log-odds of a sigmoid neuron are its net input")


def test_ex5_1_linear_layers_collapse_to_one_hand_worked():
    W1, t1 = np.array([[1.0, 2.0], [0.0, -1.0]]), np.array([1.0, 0.0])
    W2, t2 = np.array([[3.0], [1.0]]), np.array([2.0])
    W, theta = collapse_linear_layers([W1, W2], [t1, t2])
    assert_allclose(W, [[5.0], [-1.0]])
    assert_allclose(theta, [5.0])


@pytest.mark.parametrize("seed", range(5))
def test_ex5_1_random_deep_linear_network_is_one_layer(seed):
    rng = np.random.default_rng(seed)
    sizes = [3, 5, 4, 2, 2]
    Ws = [rng.normal(size=(a, b)) for a, b in zip(sizes[:-1], sizes[1:], strict=True)]
    ts = [rng.normal(size=b) for b in sizes[1:]]
    X = rng.normal(size=(50, 3))
    W, theta = collapse_linear_layers(Ws, ts)
    assert_allclose(feedforward(X, Ws, ts, "linear")[-1], X @ W - theta, rtol=1e-10, atol=1e-12)


def test_feedforward_nonlinear_does_not_collapse():
    # the step network of Fig. 5.5 computes XOR, which no single layer can
    X, y = logic_gate("xor")
    Ws = [np.array([[1.0, -1.0], [-1.0, 1.0]]), np.array([[1.0], [1.0]])]
    ts = [np.array([0.5, 0.5]), np.array([0.5])]
    out = feedforward(X, Ws, ts, "step")
    assert_array_equal(out[-1][:, 0], y)
    assert len(out) == 3 and out[1].shape == (4, 2)


def test_sec5_2_a_single_neuron_never_computes_xor_or_xnor():
    counts = realizable_functions()
    assert counts["XOR"] == 0 and counts["XNOR"] == 0
    assert sum(c > 0 for c in counts.values()) == 14
    assert sum(counts.values()) == 61 ** 3


def test_implements_is_none_for_graded_outputs_and_requires_two_inputs():
    assert MPNeuron([1, 1], 0.5, "sigmoid").implements() is None
    assert MPNeuron([1, 1], 0.5, "sign").implements() == "OR"
    with pytest.raises(ValueError, match="2 inputs"):
        MPNeuron([1, 1, 1], 0.5).implements()


def test_inputs_are_not_mutated():
    w = np.array([1.0, 2.0])
    X = np.array([[1.0, 0.0], [0.0, 1.0]])
    w0, X0 = w.copy(), X.copy()
    n = MPNeuron(w, 0.5)
    n.predict(X)
    w[0] = 99.0
    assert_array_equal(X, X0)
    assert n.w[0] == 1.0, "the neuron must keep its own copy of w"
    assert_array_equal(w0, [1.0, 2.0])


@pytest.mark.parametrize(
    ("kwargs", "exc", "pattern"),
    [
        ({"w": [1, 1], "theta": 0.5, "activation": "softmax"}, ValueError, "unknown activation"),
        ({"w": [], "theta": 0.5}, ValueError, "w must have at least one weight"),
        ({"w": [[1, 1]], "theta": 0.5}, ValueError, "w must be 1-D"),
        ({"w": ["a", "b"], "theta": 0.5}, TypeError, "w must be numeric"),
        ({"w": [1, np.nan], "theta": 0.5}, ValueError, "w must contain only finite"),
        ({"w": [1, 1], "theta": "2"}, TypeError, "theta must be a real number"),
        ({"w": [1, 1], "theta": np.inf}, ValueError, "theta must be finite"),
    ],
)
def test_bad_construction_raises_clear_errors(kwargs, exc, pattern):
    with pytest.raises(exc, match=pattern):
        MPNeuron(**kwargs)


@pytest.mark.parametrize(
    ("X", "exc", "pattern"),
    [
        ([1.0, 2.0, 3.0], ValueError, r"X must have 2 feature\(s\) per sample.*got shape \(3,\)"),
        (np.ones((4, 3)), ValueError, r"X must have 2 feature\(s\).*got shape \(4, 3\)"),
        (np.ones((2, 2, 2)), ValueError, "X must be 1-D or 2-D"),
        ([["a", "b"]], TypeError, "X must be numeric"),
        ([[1.0, np.nan]], ValueError, "X must contain only finite"),
    ],
)
def test_bad_samples_raise_clear_errors(X, exc, pattern):
    with pytest.raises(exc, match=pattern):
        MPNeuron.from_preset("and").predict(X)


def test_unknown_preset_lists_valid_ones():
    with pytest.raises(ValueError, match="unknown preset 'xor'.*'and', 'or', 'not'"):
        MPNeuron.from_preset("xor")


def test_layer_shape_mismatch_is_named():
    with pytest.raises(ValueError, match=r"weights\[1\] must have 3 rows"):
        feedforward(np.ones((1, 2)), [np.ones((2, 3)), np.ones((2, 1))],
                    [np.zeros(3), np.zeros(1)])
    with pytest.raises(ValueError, match=r"thetas\[0\] must have one threshold per unit"):
        collapse_linear_layers([np.ones((2, 3))], [np.zeros(2)])
