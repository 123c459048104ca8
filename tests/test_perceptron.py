"""§5.2 perceptron: the rule (5.1)-(5.2), convergence (Novikoff), XOR's cycle, the estimator API."""

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

from chapter5.datasets import linearly_separable, logic_gate
from chapter5.perceptron import Perceptron, augment, novikoff_bound, novikoff_experiment

SEPARABLE_GATES = ["and", "or", "nand", "nor", "not"]


def test_eq5_2_one_hand_worked_update():
    # w = (0.2, -0.4), theta = 0.1, x = (1, 2), y = 1, eta = 0.5
    # net = 0.2 - 0.8 - 0.1 = -0.7 < 0 -> y_hat = 0; Delta = 0.5 * (1 - 0) * (1, 2, -1)
    p = Perceptron(eta=0.5, max_epochs=1, w_init=[0.2, -0.4, 0.1]).fit([[1.0, 2.0]], [1])
    h = p.history_
    assert h.y_hat[0] == 0 and h.updated[0]
    assert_allclose(h.w[0], [0.7, 0.6], err_msg="(5.2): w_i += eta (y - y_hat) x_i")
    assert_allclose(h.theta[0], -0.4, err_msg="threshold = weight of the dummy input -1")


def test_eq5_1_first_steps_on_and_from_zero_by_hand():
    X, y = logic_gate("and")
    h = Perceptron(eta=0.1, w_init=0).fit(X, y).history_
    # (0,0), y=0: net = 0 -> step(0) = 1 -> wrong; theta += 0.1 (dummy input -1, y - y_hat = -1)
    assert (h.y_hat[0], h.updated[0]) == (1, True)
    assert_allclose(h.theta[0], 0.1)
    assert_allclose(h.w[0], [0.0, 0.0])
    # (0,1), y=0: net = -0.1 -> 0, correct, nothing changes
    assert (h.y_hat[1], h.updated[1]) == (0, False)
    assert_allclose(h.w[1], h.w[0])


def test_history_replays_the_rule_exactly():
    X, y = linearly_separable(40, margin=0.03, random_state=3)
    p = Perceptron(eta=0.3, random_state=0).fit(X, y)
    h = p.history_
    w, theta = h.state(0)
    for t in range(len(h)):
        delta = p.eta * (h.y[t] - h.y_hat[t]) * np.append(h.x[t], -1.0)
        assert h.y_hat[t] == int(h.x[t] @ w - theta >= 0)
        w, theta = w + delta[:2], theta + delta[2]
        assert_allclose(h.w[t], w, atol=1e-12)
        assert_allclose(h.theta[t], theta, atol=1e-12)
        assert h.updated[t] == (h.y[t] != h.y_hat[t])
    assert_allclose(h.state(len(h))[0], p.w_)
    assert np.sum(h.updated) == p.n_updates_ == p.errors_.sum()


@pytest.mark.parametrize("gate", SEPARABLE_GATES)
@pytest.mark.parametrize("start", ["zero", *range(10)])
def test_sec5_2_perceptron_learns_and_or_nand_nor_not(gate, start):
    X, y = logic_gate(gate)
    kwargs = {"w_init": 0.0} if start == "zero" else {"random_state": start}
    p = Perceptron(eta=0.1, max_epochs=1000, **kwargs).fit(X, y)
    assert p.converged_ and p.cycle_ is None
    assert_array_equal(p.predict(X), y)
    assert p.errors_[-1] == 0 and np.all(p.errors_[:-1] > 0)
    assert p.score(X, y) == 1.0


@pytest.mark.parametrize("gate", ["and", "or"])
def test_converges_with_shuffling_too(gate):
    X, y = logic_gate(gate)
    p = Perceptron(eta=0.2, shuffle=True, random_state=4).fit(X, y)
    assert p.converged_
    assert sorted(set(p.history_.index[:4].tolist())) == [0, 1, 2, 3]


@pytest.mark.parametrize("start", ["zero", *range(20)])
def test_sec5_2_perceptron_cannot_learn_xor_and_its_cycle_is_found(start):
    X, y = logic_gate("xor")
    kwargs = {"w_init": 0.0} if start == "zero" else {"random_state": start}
    p = Perceptron(eta=0.1, max_epochs=500, **kwargs).fit(X, y)
    assert not p.converged_
    assert p.cycle_ is not None, "the repeating weight sequence must be detected"
    c = p.cycle_
    assert c["period"] >= 1 and c["repeat_epoch"] == p.n_epochs_
    h = p.history_
    start_of = lambda e: h.state(e * len(X))  # noqa: E731
    assert_allclose(start_of(c["first_epoch"])[0], start_of(c["repeat_epoch"])[0], atol=1e-9)
    assert p.score(X, y) < 1.0


def test_xor_with_shuffle_runs_to_max_epochs_without_claiming_a_cycle():
    p = Perceptron(eta=0.1, max_epochs=30, shuffle=True, random_state=0).fit(*logic_gate("xor"))
    assert not p.converged_ and p.cycle_ is None and p.n_epochs_ == 30


def test_novikoff_bound_hand_worked_on_and():
    # u = (1, 1, 1.5), |u| = sqrt(4.25); margin 0.5/|u|; R = |(1, 1, -1)| = sqrt(3)
    b = novikoff_bound(*logic_gate("and"), w=[1, 1], theta=1.5)
    assert_allclose(b["gamma"], 0.5 / np.sqrt(4.25))
    assert_allclose(b["R"], np.sqrt(3))
    assert_allclose(b["bound"], 3 * 4.25 / 0.25)


def test_novikoff_bound_holds_on_250_random_separable_sets():
    r = novikoff_experiment(n_sets=250, n_points=40, random_state=2024)
    assert r["converged"].all()
    assert np.all(r["updates"] <= r["bound"]), "Novikoff: updates <= (R/gamma)^2"
    assert np.all(r["updates"] > 0)


@pytest.mark.parametrize("seed", range(5))
def test_from_zero_eta_only_rescales_the_weights(seed):
    # with w_init = 0 every weight vector is eta times the eta = 1 one: same updates, same line
    X, y = linearly_separable(30, margin=0.05, random_state=seed)
    runs = [Perceptron(eta=eta, w_init=0).fit(X, y) for eta in (0.01, 1.0, 7.0)]
    assert len({r.n_updates_ for r in runs}) == 1
    for r, eta in zip(runs, (0.01, 1.0, 7.0), strict=True):
        assert_allclose(np.append(r.w_, r.theta_) / eta,
                        np.append(runs[1].w_, runs[1].theta_), rtol=1e-9, atol=1e-12)


def test_novikoff_bound_rejects_a_non_separating_line():
    with pytest.raises(ValueError, match="does not separate"):
        novikoff_bound(*logic_gate("and"), w=[1, 1], theta=0.5)
    with pytest.raises(ValueError, match="w must have 2 entries"):
        novikoff_bound(*logic_gate("and"), w=[1, 1, 1], theta=0.5)


def test_same_seed_same_history_different_seed_different_start():
    X, y = linearly_separable(30, margin=0.02, random_state=0)
    a = Perceptron(shuffle=True, random_state=11).fit(X, y).history_
    b = Perceptron(shuffle=True, random_state=11).fit(X, y).history_
    c = Perceptron(shuffle=True, random_state=12).fit(X, y).history_
    for field in ("index", "y_hat", "w", "theta", "updated"):
        assert_array_equal(getattr(a, field), getattr(b, field))
    assert not np.array_equal(a.w_init, c.w_init)


def test_fit_returns_self_and_sets_no_state_before_fit():
    p = Perceptron()
    assert not [k for k in vars(p) if k.endswith("_")]
    assert p.fit(*logic_gate("or")) is p
    with pytest.raises(RuntimeError, match="not fitted"):
        Perceptron().predict([[0, 1]])


def test_inputs_are_not_mutated():
    X, y = logic_gate("nand")
    w0 = np.array([0.3, -0.2, 0.1])
    copies = X.copy(), y.copy(), w0.copy()
    p = Perceptron(w_init=w0).fit(X, y)
    for a, b in zip((X, y, w0), copies, strict=True):
        assert_array_equal(a, b)
    assert_array_equal(p.history_.w_init, w0[:2])


def test_decision_function_and_augmented_layout():
    X, y = logic_gate("or")
    p = Perceptron(w_init=0).fit(X, y)
    assert_allclose(p.decision_function(X), augment(X) @ np.append(p.w_, p.theta_))
    assert_array_equal(p.predict(X), (p.decision_function(X) >= 0).astype(int))
    assert_array_equal(augment(np.ones((2, 3)))[:, -1], [-1, -1])


@pytest.mark.parametrize(
    ("kwargs", "X", "y", "exc", "pattern"),
    [
        ({}, [[0, 0], [1, 1], [2, 2]], [0, 1, 2], ValueError, "^y must hold at most two classes"),
        ({}, [[0, 0], [1, 1]], [0, 1, 1], ValueError, r"y must have one label per row of X \(2\); got 3"),
        ({}, [0, 1], [0, 1], ValueError, "X must be 2-D"),
        ({}, [[0, np.nan], [1, 1]], [0, 1], ValueError, "X must contain only finite"),
        ({}, [["a", "b"]], [0], TypeError, "X must be numeric"),
        ({"eta": 0.0}, [[0, 0]], [0], ValueError, "eta must be > 0"),
        ({"eta": -1}, [[0, 0]], [0], ValueError, "eta must be > 0"),
        ({"max_epochs": 0}, [[0, 0]], [0], ValueError, "max_epochs must be >= 1"),
        ({"max_epochs": 2.5}, [[0, 0]], [0], TypeError, "max_epochs must be an integer"),
        ({"w_init": [1, 2]}, [[0, 0]], [0], ValueError, r"w_init must hold d \+ 1 = 3 numbers"),
        ({"shuffle": "yes"}, [[0, 0]], [0], TypeError, "shuffle must be True or False"),
        ({"random_state": "x"}, [[0, 0]], [0], TypeError, "random_state must be None"),
    ],
)
def test_bad_input_raises_clear_errors(kwargs, X, y, exc, pattern):
    with pytest.raises(exc, match=pattern):
        Perceptron(**kwargs).fit(X, y)


@pytest.mark.parametrize("labels", [[0, 2], [-1, 1], ["no", "yes"]])
def test_any_two_labels_are_coded_through_classes_(labels):
    """scikit-learn's protocol: two labels of any kind; the first class plays the book's 0."""
    X = [[0.0, 0.0], [1.0, 1.0]]
    p = Perceptron(random_state=0).fit(X, labels)
    assert list(p.classes_) == sorted(labels)
    assert list(p.predict(X)) == labels and p.score(X, labels) == 1.0


def test_predict_checks_the_number_of_features():
    p = Perceptron(w_init=0).fit(*logic_gate("and"))
    with pytest.raises(ValueError, match="X must have 2 features, as in fit; got 3"):
        p.predict(np.ones((1, 3)))


def test_eq5_2_and_from_zero_takes_11_updates_for_every_eta():
    # worked in exact fractions: errors per epoch 2, 3, 3, 2, 1, 0 and final
    # (w, theta) = eta * (2, 1, 3), whatever eta: 0.1 + 0.1 - 0.2 rounding must not change it
    X, y = logic_gate("and")
    for eta in (0.1, 0.3, 1.0, 10 ** -0.75, 7.0):
        p = Perceptron(eta=eta, w_init=0).fit(X, y)
        assert p.errors_.tolist() == [2, 3, 3, 2, 1, 0], eta
        assert_allclose(np.append(p.w_, p.theta_) / eta, [2, 1, 3], rtol=1e-12)
        assert_array_equal(p.predict(X), y)
