"""§5.4 error surfaces and the strategies against local minima."""

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

from chapter5.backprop import error_surface
from chapter5.datasets import logic_gate
from chapter5.minima import (
    SURFACES,
    NetworkObjective,
    compare_strategies,
    genetic_algorithm,
    gradient_descent,
    random_restarts,
    simulated_annealing,
    stochastic_gradient_descent,
    xor_surface,
)

XOR_V = np.array([[5.0, -5.0], [-5.0, 5.0]])
XOR_W = np.array([[5.0], [5.0]])
XOR_T = [np.array([2.5, 2.5]), np.array([2.5])]


@pytest.mark.parametrize("name", list(SURFACES))
def test_known_minima_have_zero_gradient_and_positive_curvature(name):
    s = SURFACES[name]
    assert sum(m[2] == "global" for m in s.minima) == 1
    values = [m[1] for m in s.minima]
    assert values == sorted(values) and s.global_minimum[1] == values[0]
    for x, value, _ in s.minima:
        assert_allclose(s.grad(x), 0.0, atol=1e-8, err_msg=f"{name}: gradient at a minimum")
        h = 1e-4
        H = np.array([[(s.f(x + h * (np.eye(s.dim)[i] + np.eye(s.dim)[j]))
                        - s.f(x + h * np.eye(s.dim)[i]) - s.f(x + h * np.eye(s.dim)[j])
                        + s.f(x)) / h ** 2 for j in range(s.dim)] for i in range(s.dim)])
        assert np.all(np.linalg.eigvalsh((H + H.T) / 2) > 0), f"{name}: not a minimum at {x}"
        assert_allclose(s.f(x), value)


@pytest.mark.parametrize("name", list(SURFACES))
def test_surface_gradients_against_finite_differences(name):
    s = SURFACES[name]
    rng = np.random.default_rng(0)
    lo, hi = np.array(s.bounds).T
    for _ in range(5):
        x = rng.uniform(lo, hi)
        fd = [(s.f(x + 1e-6 * e) - s.f(x - 1e-6 * e)) / 2e-6 for e in np.eye(s.dim)]
        assert_allclose(s.grad(x), fd, rtol=1e-5, atol=1e-7)


def test_multi_minimum_surfaces_have_local_minima():
    assert len(SURFACES["two_valleys"].minima) == 2
    assert len(SURFACES["bumpy_1d"].minima) >= 3
    assert len(SURFACES["bowl"].minima) == 1


def test_xor_surface_is_vectorized_and_equals_a_naive_loop():
    v1, v2 = np.linspace(-6, 6, 13), np.linspace(-4, 4, 9)
    fast = xor_surface((1, 0, 0), (0, 1, 1), v1, v2, [XOR_V, XOR_W], XOR_T)
    X, y = logic_gate("xor")
    slow = error_surface(X, y, [XOR_V, XOR_W], XOR_T, (1, 0, 0), (0, 1, 1), v1, v2)
    assert_allclose(fast, slow, rtol=1e-12)
    thresholds = xor_surface((1, 2, 0), (0, 2, 0), v1, v2, [XOR_V, XOR_W], XOR_T)
    assert thresholds.shape == (9, 13)
    with pytest.raises(ValueError, match="is not a parameter"):
        xor_surface((1, 5, 0), (0, 1, 1), v1, v2, [XOR_V, XOR_W], XOR_T)


@pytest.mark.parametrize("method", ["gd", "momentum", "sa", "restarts", "ga"])
def test_every_optimizer_reduces_E_on_a_convex_bowl(method):
    bowl = SURFACES["bowl"]
    x0 = np.array([2.5, -2.0])
    path = {
        "gd": lambda: gradient_descent(bowl, x0, eta=0.1, n_iter=100),
        "momentum": lambda: gradient_descent(bowl, x0, eta=0.05, n_iter=100, momentum=0.7),
        "sa": lambda: simulated_annealing(bowl, x0, n_iter=300, random_state=0),
        "restarts": lambda: random_restarts(bowl, n_starts=3, random_state=0),
        "ga": lambda: genetic_algorithm(bowl, random_state=0),
    }[method]()
    assert path.values[-1] < 0.05 * bowl.f(x0) + 0.05
    assert path.points.shape[1] == 2 and len(path.values) == len(path.points)


def test_restarts_and_annealing_find_the_global_minimum_more_often_than_plain_gd():
    table = compare_strategies("two_valleys", n_starts=100, random_state=1,
                               strategies=("gradient descent", "simulated annealing",
                                           "random restarts"))
    gd = table["gradient descent"]["success_rate"]
    assert table["random restarts"]["success_rate"] > gd
    assert table["simulated annealing"]["success_rate"] > gd
    assert table["random restarts"]["mean_evaluations"] > table["gradient descent"][
        "mean_evaluations"]


def test_gd_on_two_valleys_stops_in_the_local_minimum_from_its_side():
    s = SURFACES["two_valleys"]
    local = s.minima[1][0]
    path = gradient_descent(s, local + 0.3, eta=0.1, n_iter=300)
    assert_allclose(path.final, local, atol=1e-3)
    assert path.values[-1] > s.global_minimum[1] + 0.2


def test_a_too_large_learning_rate_oscillates_then_diverges():
    bowl = SURFACES["bowl"]
    path = gradient_descent(bowl, [1.0, 1.0], eta=0.6, n_iter=500)
    assert path.diverged and len(path.points) < 501
    signs = np.sign(path.points[:, 1])
    assert np.all(signs[1:] == -signs[:-1]), "the y coordinate flips sign every step"


def test_sgd_on_the_xor_network_uses_sampled_gradients():
    X, y = logic_gate("xor")
    obj = NetworkObjective(X, y, [XOR_V * 0.2, XOR_W * 0.2], [t * 0.2 for t in XOR_T],
                           free=[(1, 0, 0), (1, 1, 0)])
    path = stochastic_gradient_descent(obj, [0.0, 0.0], eta=2.0, n_iter=200, random_state=3)
    assert path.values[-1] < path.values[0]
    assert set(path.extra["samples"].tolist()) == {0, 1, 2, 3}
    full = np.mean([obj.sample_grad([0.3, -0.2], k) for k in range(4)], axis=0)
    assert_allclose(full, obj.grad([0.3, -0.2]), rtol=1e-12)


def test_annealing_records_temperature_and_acceptance():
    s = SURFACES["two_valleys"]
    path = simulated_annealing(s, [-1.3, -1.0], n_iter=200, T0=2.0, cooling=0.98,
                               random_state=0)
    assert_allclose(path.extra["temperature"], 2.0 * 0.98 ** np.arange(200))
    worse = (path.extra["acceptance_probability"] < 1) & path.accepted
    assert worse.any(), "early on, some worse points are accepted"


def test_same_seed_same_path_and_bad_inputs():
    s = SURFACES["rastrigin"]
    a = simulated_annealing(s, [1.0, 1.0], random_state=5)
    b = simulated_annealing(s, [1.0, 1.0], random_state=5)
    assert_array_equal(a.points, b.points)
    g1, g2 = genetic_algorithm(s, random_state=2), genetic_algorithm(s, random_state=2)
    assert_array_equal(g1.points, g2.points)
    with pytest.raises(ValueError, match="x0 must have 2 coordinate"):
        gradient_descent(s, [1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="eta must be > 0"):
        gradient_descent(s, [1.0, 1.0], eta=0)
    with pytest.raises(ValueError, match="unknown strategy 'newton'"):
        compare_strategies(s, n_starts=2, strategies=("newton",))
