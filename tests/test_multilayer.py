"""§5.2 multilayer networks of threshold units: the book's Fig. 5.5 XOR network."""

import numpy as np
import pytest
from numpy.testing import assert_array_equal

from chapter5.datasets import logic_gate
from chapter5.multilayer import ThresholdNetwork
from chapter5.perceptron import Perceptron


def test_fig5_5_network_computes_xor():
    X, y = logic_gate("xor")
    net = ThresholdNetwork.xor_fig_5_5()
    assert_array_equal(net.predict(X), y)
    assert net.layer_sizes == (2, 2, 1)


def test_fig5_5_hidden_units_by_hand():
    # h1 = e(x1 - x2 - 0.5) fires only on (1, 0); h2 = e(x2 - x1 - 0.5) only on (0, 1)
    X, _ = logic_gate("xor")
    H = ThresholdNetwork.xor_fig_5_5().hidden(X)
    assert_array_equal(H, [[0, 0], [0, 1], [1, 0], [0, 0]])


def test_sec5_2_hidden_layer_makes_xor_linearly_separable():
    X, y = logic_gate("xor")
    H = ThresholdNetwork.xor_fig_5_5().hidden(X)
    p = Perceptron(eta=0.1, w_init=0).fit(H, y)
    assert p.converged_, "in the hidden space one line separates XOR"
    assert not Perceptron(eta=0.1, w_init=0).fit(X, y).converged_


@pytest.mark.parametrize(("gamma", "theta"), [((-0.5, 0.5), 0.5), ((0.5, 0.5), 2.5),
                                              ((1.5, 0.5), 0.5)])
def test_moving_thresholds_breaks_the_solution(gamma, theta):
    X, y = logic_gate("xor")
    assert not np.array_equal(ThresholdNetwork.xor_fig_5_5(gamma, theta).predict(X), y)


def test_single_hidden_layer_uses_the_books_symbols():
    v = np.array([[1.0, -1.0], [1.0, -1.0]])  # OR and NAND hidden units
    net = ThresholdNetwork.single_hidden_layer(v, gamma=[0.5, -1.5], w=[[1.0], [1.0]],
                                               theta=[1.5])
    X, y = logic_gate("xor")
    assert_array_equal(net.predict(X), y)
    assert "2-2-1" in repr(net)


def test_errors_are_clear():
    net = ThresholdNetwork.xor_fig_5_5()
    with pytest.raises(ValueError, match="layer must be a hidden layer, 1 to 1; got 2"):
        net.hidden([[0, 0]], layer=2)
    with pytest.raises(ValueError, match=r"weights\[1\] must have 2 rows"):
        ThresholdNetwork([np.ones((2, 2)), np.ones((3, 1))], [np.zeros(2), np.zeros(1)])
    with pytest.raises(ValueError, match=r"X must have 2 feature\(s\)"):
        net.predict([[0, 0, 0]])
