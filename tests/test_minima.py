"""§5.4 error surfaces and the strategies against local minima."""

import warnings

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

from chapter5.backprop import error, error_surface
from chapter5.datasets import logic_gate
from chapter5.minima import (
    SURFACES,
    NetworkObjective,
    compare_strategies,
    critical_point,
    genetic_algorithm,
    gradient_descent,
    gradient_descent_batch,
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


def _surface_by_loop(X, Y, weights, thresholds, first, second, v1, v2, activation="sigmoid"):
    """The surface point by point with backprop.error (the definition, slowly)."""
    E = np.empty((len(v2), len(v1)))
    for a, y2 in enumerate(v2):
        for b, y1 in enumerate(v1):
            Ws, ts = [W.copy() for W in weights], [t.copy() for t in thresholds]
            for (k, i, j), value in ((first, y1), (second, y2)):
                if i == Ws[k].shape[0]:
                    ts[k][j] = value
                else:
                    Ws[k][i, j] = value
            E[a, b] = error(X, Y, Ws, ts, activation)
    return E


@pytest.mark.parametrize("first, second", [((1, 0, 0), (0, 1, 1)),   # weights of two layers
                                           ((1, 2, 0), (0, 2, 0)),   # two thresholds
                                           ((0, 0, 0), (0, 1, 0))])  # the same unit twice
def test_error_surface_equals_error_point_by_point(first, second):
    v1, v2 = np.linspace(-6, 6, 13), np.linspace(-4, 4, 9)
    X, y = logic_gate("xor")
    fast = error_surface(X, y, [XOR_V, XOR_W], XOR_T, first, second, v1, v2)
    slow = _surface_by_loop(X, y, [XOR_V, XOR_W], XOR_T, first, second, v1, v2)
    assert fast.shape == (9, 13)
    assert_allclose(fast, slow, rtol=1e-12)
    # xor_surface is the same function with the XOR data as default
    assert_array_equal(xor_surface(first, second, v1, v2, [XOR_V, XOR_W], XOR_T), fast)


def test_error_surface_of_a_deeper_tanh_network_with_two_outputs():
    rng = np.random.default_rng(0)
    Ws = [rng.normal(size=(3, 4)), rng.normal(size=(4, 2)), rng.normal(size=(2, 2))]
    ts = [rng.normal(size=4), rng.normal(size=2), rng.normal(size=2)]
    X, Y = rng.normal(size=(5, 3)), rng.uniform(size=(5, 2))
    v = np.linspace(-3, 3, 7)
    fast = error_surface(X, Y, Ws, ts, (0, 2, 3), (2, 2, 1), v, v[:4], activation="tanh")
    slow = _surface_by_loop(X, Y, Ws, ts, (0, 2, 3), (2, 2, 1), v, v[:4], activation="tanh")
    assert_allclose(fast, slow, rtol=1e-12)


def test_error_surface_checks_its_parameters():
    v = np.linspace(-1, 1, 3)
    X, y = logic_gate("xor")
    with pytest.raises(ValueError, match="second = .* is not a parameter"):
        error_surface(X, y, [XOR_V, XOR_W], XOR_T, (1, 0, 0), (1, 5, 0), v, v)
    with pytest.raises(ValueError, match="first = .* is not a parameter"):
        xor_surface((2, 0, 0), (0, 1, 1), v, v, [XOR_V, XOR_W], XOR_T)
    with pytest.raises(ValueError, match="values1"):
        error_surface(X, y, [XOR_V, XOR_W], XOR_T, (1, 0, 0), (1, 1, 0), [[1.0]], v)
    with pytest.raises(ValueError, match="Y must have 1 column"):
        error_surface(X, np.ones((4, 2)), [XOR_V, XOR_W], XOR_T, (1, 0, 0), (1, 1, 0), v, v)


def test_error_surface_is_finite_where_the_sigmoid_saturates():
    X, y = logic_gate("xor")
    v = np.array([-1e4, 0.0, 1e4])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        E = error_surface(X, y, [XOR_V, XOR_W], XOR_T, (1, 0, 0), (1, 1, 0), v, v)
    assert np.all(np.isfinite(E)) and E[0, 0] == pytest.approx(0.25)


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


# -- long runs from several starts at once, critical points, the XOR trap (notebook 5.4) -------

def _xor_output_weights(V=XOR_V, thresholds=XOR_T, free=((1, 0, 0), (1, 1, 0))):
    X, y = logic_gate("xor")
    return NetworkObjective(X, y, [V, np.zeros((2, 1))], thresholds, free=list(free))


@pytest.mark.parametrize("free", [[(1, 0, 0), (1, 1, 0)], [(0, 0, 0), (1, 2, 0)],
                                  [(0, 2, 1), (0, 1, 0), (1, 1, 0)]])
@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
def test_batch_f_and_grad_equal_the_pointwise_ones(free, activation):
    X, y = logic_gate("xor")
    obj = NetworkObjective(X, y, [XOR_V * 0.3, XOR_W * 0.3], XOR_T, free=free,
                           activation=activation)
    P = np.random.default_rng(0).uniform(-4, 4, size=(3, 2, len(free)))
    assert obj.batch_f(P).shape == (3, 2) and obj.batch_grad(P).shape == P.shape
    for p, value, g in zip(P.reshape(-1, len(free)), obj.batch_f(P).ravel(),
                           obj.batch_grad(P).reshape(-1, len(free)), strict=True):
        assert_allclose(value, obj.f(p), rtol=1e-12)
        assert_allclose(g, obj.grad(p), rtol=1e-9, atol=1e-15)


def test_gradient_descent_batch_equals_one_run_per_start():
    obj = _xor_output_weights()
    starts = [(-6.0, 6.0), (0.0, 0.0), (1.5, -2.0)]
    batch = gradient_descent_batch(obj, starts, eta=2.0, n_iter=300, momentum=0.5)
    for x0, path in zip(starts, batch, strict=True):
        one = gradient_descent(obj, x0, eta=2.0, n_iter=300, momentum=0.5)
        assert_allclose(path.points, one.points, rtol=1e-10, atol=1e-12)
        assert_allclose(path.values, one.values, rtol=1e-10)
        assert path.evaluations == one.evaluations and path.method == "momentum"
    # a Surface, and a run that diverges stops where gradient_descent stops
    bowl = SURFACES["bowl"]
    runs = gradient_descent_batch(bowl, [[1.0, 1.0], [2.0, 0.5]], eta=0.6, n_iter=500)
    one = gradient_descent(bowl, [1.0, 1.0], eta=0.6, n_iter=500)
    assert runs[0].diverged and one.diverged and len(runs[0].points) == len(one.points)
    assert_allclose(runs[0].points, one.points)
    with pytest.raises(ValueError, match="starts must have 2 coordinate"):
        gradient_descent_batch(bowl, [[1.0, 2.0, 3.0]])


def test_critical_point_tells_minima_from_saddles():
    s = SURFACES["two_valleys"]
    for x, value, _ in s.minima:
        point, v, eig = critical_point(s, x + 0.05)
        assert_allclose(point, x, atol=1e-8) and np.all(eig > 0)
        assert_allclose(v, value)
    with pytest.raises(ValueError, match="found no point with zero gradient"):
        critical_point(_xor_output_weights(), [-6.0, 6.0], max_iter=1)


def test_xor_output_weights_plateau_and_trap():
    """The claims of notebook 5.4, section 4: from (-6, -6) a plateau that 20,000 steps leave
    for the global valley; from (-6, 6) and (6, -6) descent moves away from it, over no
    minimum, towards E = 0.125 at infinity; a saddle point is the pass over the ridge."""
    obj = _xor_output_weights()
    runs = gradient_descent_batch(obj, [(-6.0, -6.0), (-6.0, 6.0), (6.0, -6.0)], eta=2.0,
                                  n_iter=20_000)
    plateau, trapped, mirror = runs
    assert plateau.values[150] > 0.25 and plateau.values[-1] < 0.0076
    assert_allclose(plateau.final, [5.6416, 5.6416], atol=1e-3)
    assert 0.125 < trapped.values[-1] < 0.1259 and trapped.final[0] < -11
    assert np.all(np.diff(trapped.points[:, 0]) < 0), "w11 falls all the way"
    assert_allclose(mirror.final, trapped.final[::-1], atol=1e-9)
    saddle, value, eig = critical_point(obj, [-4.7, 6.3])
    assert_allclose(saddle, [-4.677, 6.343], atol=1e-3)
    assert eig[0] < 0 < eig[1] and value > obj.f([-6.0, 6.0])
    ridge = obj.batch_f(np.column_stack([np.linspace(-6, -4, 201), np.full(201, 6.0)]))
    assert 0 < np.argmax(ridge) < 200, "E along w21 = 6 rises from w11 = -6, then falls"


def test_sgd_can_leave_a_local_minimum_that_gradient_descent_cannot():
    X, y = logic_gate("xor")
    obj = NetworkObjective(X, y, [np.array([[1.4, -3.1], [2.0, 4.6]]), np.array([[-4.6], [-7.4]])],
                           [np.array([1.2, 5.1]), np.array([-2.0])], free=[(0, 0, 0), (1, 2, 0)])
    local, E_local, eig = critical_point(obj, [4.0, -6.0])
    best, E_best, _ = critical_point(obj, [-1.3, -0.5])
    assert np.all(eig > 0) and E_best < E_local - 0.05
    assert_allclose(gradient_descent(obj, local, eta=5.0, n_iter=50).final, local, atol=1e-9)
    sgd = [stochastic_gradient_descent(obj, local, eta=5.0, n_iter=400, random_state=seed)
           for seed in (0, 3)]
    settled = gradient_descent_batch(obj, [p.final for p in sgd], eta=2.0, n_iter=3000)
    assert_allclose([p.values[-1] for p in settled], [E_best, E_local], atol=1e-4)


def test_check_local_minimum_names_the_valid_surfaces():
    from chapter5.exercises import check_local_minimum

    s = SURFACES["two_valleys"]
    assert check_local_minimum("two_valleys", s.minima[1][0] + 0.01)
    with pytest.raises(ValueError, match="valid surfaces are"):
        check_local_minimum("two_valley", [0.0, 0.0])


@pytest.mark.parametrize("surface", ["two_valleys", "rastrigin"])
def test_compare_strategies_batched_runs_equal_one_run_per_start(surface):
    """compare_strategies runs the descents of all starts at once; the table is the one of
    one gradient_descent / random_restarts per start, from the same starts and seeds."""
    from chapter5.minima import (
        SURFACES,
        _random_point,
        compare_strategies,
        gradient_descent,
        random_restarts,
    )

    s = SURFACES[surface]
    table = compare_strategies(surface, n_starts=7, random_state=3,
                               strategies=("gradient descent", "momentum", "random restarts"))
    rng = np.random.default_rng(3)
    starts = [_random_point(s.bounds, rng) for _ in range(7)]
    seeds = rng.integers(2 ** 31, size=7)
    one_by_one = {
        "gradient descent": [gradient_descent(s, x0, eta=s.eta, n_iter=200) for x0 in starts],
        "momentum": [gradient_descent(s, x0, eta=s.eta, n_iter=200, momentum=0.8)
                     for x0 in starts],
        "random restarts": [random_restarts(s, n_starts=5, eta=s.eta, n_iter=80,
                                            random_state=int(k)) for k in seeds],
    }
    for name, paths in one_by_one.items():
        finals = np.array([p.values[-1] for p in paths])
        np.testing.assert_allclose(table[name]["mean_final_E"], finals.mean(), rtol=1e-12)
        assert table[name]["success_rate"] == np.mean(finals <= s.global_minimum[1] + 0.05)
        assert table[name]["mean_evaluations"] == np.mean([p.evaluations for p in paths])
