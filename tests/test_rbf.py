"""§5.5.1 RBF networks (5.18)-(5.19) and k-means."""

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

from chapter5.datasets import logic_gate, toy_2d
from chapter5.networks import RBFNetwork, kmeans


def test_eq5_19_gaussian_units_by_hand():
    net = RBFNetwork(2, centers=np.array([[0.0, 0.0], [1.0, 1.0]]), beta=[1.0, 2.0])
    net.fit(np.array([[0.0, 0.0], [1.0, 1.0], [1.0, 0.0]]), [0.0, 1.0, 1.0])
    H = net.hidden(np.array([[1.0, 0.0]]))
    assert_allclose(H, [[np.exp(-1.0), np.exp(-2.0)]], rtol=1e-15)


def test_ex5_7_rbf_network_solves_xor():
    X, y = logic_gate("xor")
    for centers in (X, "kmeans"):
        net = RBFNetwork(4, centers=centers, beta=1.0, random_state=0).fit(X, y)
        assert_array_equal(net.predict(X), y)
        assert_allclose(net.decision_function(X), y, atol=1e-10)  # 4 centres + bias interpolate


def test_kmeans_by_hand_and_seeded():
    X = np.array([[0.0, 0.0], [0.0, 1.0], [10.0, 0.0], [10.0, 1.0]])
    C, labels = kmeans(X, 2, random_state=3)
    assert sorted(map(tuple, C.round(6).tolist())) == [(0.0, 0.5), (10.0, 0.5)]
    assert labels[0] == labels[1] != labels[2] == labels[3]
    X2, _ = toy_2d("moons", n=60, random_state=0)
    a, b = kmeans(X2, 5, random_state=7), kmeans(X2, 5, random_state=7)
    assert_array_equal(a[0], b[0])


def test_bp_solver_gradients_against_finite_differences_and_descent():
    X, y = toy_2d("circles", n=40, noise=0.05, random_state=1)
    net = RBFNetwork(6, beta=2.0, solver="lstsq", random_state=0).fit(X, y)
    g = net.gradients(X, y)

    def E(w=None, bias=None, beta=None):
        w = net.w_ if w is None else w
        b = net.bias_ if bias is None else bias
        H = net.hidden(X, beta=net.beta_ if beta is None else beta)
        r = H @ w + b - y
        return 0.5 * r @ r / len(y)

    h = 1e-6
    for i in range(6):
        e = np.eye(6)[i] * h
        assert_allclose((E(w=net.w_ + e) - E(w=net.w_ - e)) / (2 * h), g["w"][i], atol=1e-8)
        assert_allclose((E(beta=net.beta_ + e) - E(beta=net.beta_ - e)) / (2 * h),
                        g["beta"][i], atol=1e-8)
    assert_allclose((E(bias=net.bias_ + h) - E(bias=net.bias_ - h)) / (2 * h), g["bias"],
                    atol=1e-8)
    bp = RBFNetwork(6, beta=2.0, solver="bp", eta=0.5, max_epochs=300, random_state=0).fit(X, y)
    assert bp.loss_curve_[-1] <= bp.loss_curve_[0]


def test_bad_inputs_are_named():
    X, y = logic_gate("xor")
    with pytest.raises(ValueError, match="unknown centers 'grid'"):
        RBFNetwork(2, centers="grid").fit(X, y)
    with pytest.raises(ValueError, match="n_centers must be <= 4"):
        RBFNetwork(9).fit(X, y)
    with pytest.raises(ValueError, match="beta must be a positive number"):
        RBFNetwork(2, beta=-1.0).fit(X, y)
    with pytest.raises(ValueError, match=r"centers must have shape"):
        RBFNetwork(2, centers=np.ones((3, 2))).fit(X, y)
    with pytest.raises(RuntimeError, match="not fitted"):
        RBFNetwork(2).predict(X)


def test_eq5_19_design_matrix_against_a_naive_loop():
    X, y = toy_2d("moons", n=30, noise=0.2, random_state=2)
    net = RBFNetwork(5, beta=np.array([0.5, 1.0, 2.0, 4.0, 8.0]), random_state=1).fit(X, y)
    naive = np.empty((len(X), 5))
    for k, x in enumerate(X):
        for i, (c, b) in enumerate(zip(net.centers_, net.beta_, strict=True)):
            naive[k, i] = np.exp(-b * sum((xj - cj) ** 2 for xj, cj in zip(x, c, strict=True)))
    assert_allclose(net.hidden(X), naive, rtol=1e-12, err_msg="rho(x, c_i) of (5.19)")
    phi = [sum(w * h for w, h in zip(net.w_, row, strict=True)) + net.bias_ for row in naive]
    assert_allclose(net.decision_function(X), phi, rtol=1e-10, err_msg="phi(x) of (5.18)")


def test_ex5_7_xor_with_exact_least_squares_and_no_bias():
    X, y = logic_gate("xor")
    net = RBFNetwork(4, centers=X, beta=1.0, bias=False).fit(X, y)
    assert_allclose(net.decision_function(X), y, atol=1e-6, err_msg="phi(x) on XOR")


def test_ex5_7_two_centres_make_xor_linearly_separable_in_the_hidden_space():
    X, y = logic_gate("xor")
    net = RBFNetwork(2, centers=[[0.0, 0.0], [1.0, 1.0]], beta=1.0).fit(X, y)
    assert_array_equal(net.predict(X), y)  # rho_1 + rho_2 is large for 00 and 11 only


def test_kmeans_converges_to_a_fixed_point():
    X, _ = toy_2d("circles", n=80, noise=0.1, random_state=4)
    C, labels = kmeans(X, 6, random_state=0)
    nearest = np.argmin(((X[:, None, :] - C[None]) ** 2).sum(axis=2), axis=1)
    assert_array_equal(labels, nearest)  # every sample sits with its nearest centre ...
    for j in range(6):                    # ... and every centre is its samples' mean
        assert_allclose(C[j], X[labels == j].mean(axis=0), rtol=1e-12)


def test_rbf_network_does_not_mutate_inputs_and_is_seeded():
    X, y = toy_2d("moons", n=40, noise=0.2, random_state=0)
    X0, y0 = X.copy(), y.copy()
    a = RBFNetwork(6, centers="random", random_state=3).fit(X, y)
    b = RBFNetwork(6, centers="random", random_state=3).fit(X, y)
    assert_array_equal(X, X0)
    assert_array_equal(y, y0)
    assert_array_equal(a.centers_, b.centers_)
    assert_array_equal(a.decision_function(X), b.decision_function(X))
    assert not [k for k in vars(RBFNetwork(3)) if k.endswith("_")]
    with pytest.raises(TypeError, match="^X "):
        RBFNetwork(2).fit("not an array", [0, 1])
    with pytest.raises(ValueError, match="^y must have one value per row"):
        RBFNetwork(2).fit(X, y[:-1])


def test_bp_solver_never_raises_the_error_where_a_fixed_step_diverged():
    """Moons with q = 20, beta = 1 and eta = 0.5: a fixed step blew beta up to 1e13; the
    bold-driver step only ever accepts steps that lower E."""
    X, y = toy_2d("moons", n=150, noise=0.25, random_state=0)
    ls = RBFNetwork(20, beta=1.0, random_state=0).fit(X, y)
    bp = RBFNetwork(20, beta=1.0, solver="bp", eta=0.5, max_epochs=500, random_state=0).fit(X, y)
    assert np.all(np.diff(bp.loss_curve_) <= 0), "E never rises"
    E_ls = 0.5 * np.mean((ls.decision_function(X) - y) ** 2)
    assert_allclose(bp.loss_curve_[0], E_ls, rtol=1e-12)
    assert bp.loss_curve_[-1] < E_ls and np.all(bp.beta_ < 100)
    assert len(bp.eta_curve_) == len(bp.loss_curve_) - 1


@pytest.mark.parametrize("solver", ["lstsq", "bp"])
@pytest.mark.parametrize(("kwargs", "exc", "message"), [
    ({"eta": -1.0}, ValueError, "eta must be > 0.0; got -1.0"),
    ({"eta": 0.0}, ValueError, "eta must be > 0.0; got 0.0"),
    ({"eta": np.nan}, ValueError, "eta must be finite; got nan"),
    ({"eta": np.inf}, ValueError, "eta must be finite; got inf"),
    ({"eta": "0.1"}, TypeError, "eta must be a real number; got '0.1'"),
    ({"max_epochs": -3}, ValueError, "max_epochs must be >= 1; got -3"),
    ({"max_epochs": 0}, ValueError, "max_epochs must be >= 1; got 0"),
    ({"max_epochs": 2.5}, TypeError, "max_epochs must be an integer; got 2.5"),
    ({"bias": "yes"}, TypeError, "bias must be True or False; got 'yes'"),
    ({"bias": 1}, TypeError, "bias must be True or False; got 1"),
    ({"n_centers": 0}, ValueError, "n_centers must be >= 1; got 0"),
    ({"n_centers": 2.0}, TypeError, "n_centers must be an integer"),
    ({"beta": np.nan}, ValueError, "beta must contain only finite"),
    ({"beta": [1.0, 2.0, 3.0]}, ValueError, "beta must be a positive number or 2"),
    ({"centers": "grid"}, ValueError, "unknown centers 'grid'"),
    ({"random_state": -1}, ValueError, "random_state must be a non-negative integer"),
])
def test_every_setting_is_checked_at_fit_whatever_the_solver(solver, kwargs, exc, message):
    """eta and max_epochs serve only the "bp" solver, but a wrong value is wrong all the same
    (as in scikit-learn, fit checks every argument)."""
    X, y = logic_gate("xor")
    params = {"n_centers": 2, "solver": solver, "random_state": 0, **kwargs}
    with pytest.raises(exc, match=f"^{message}"):
        RBFNetwork(**params).fit(X, y)
    RBFNetwork(2, solver=solver, random_state=0).fit(X, y)  # the other settings are fine


@pytest.mark.parametrize(("X", "message"), [
    (np.empty((0, 2)), r"X must contain at least one sample; got 0 rows \(shape \(0, 2\)\)"),
    (np.empty((4, 0)), r"X must have at least one feature; got 0 columns \(shape \(4, 0\)\)"),
])
def test_empty_data_is_refused_by_name(X, message):
    with pytest.raises(ValueError, match=f"^{message}"):
        RBFNetwork(1).fit(X, np.zeros(len(X)))
