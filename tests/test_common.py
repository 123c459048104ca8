"""Properties every trainable model shares (design note §5): fit returns self, no fitted state
before fit, same seed -> identical result, inputs never mutated, bad input -> clear error."""

import numpy as np
import pytest

from chapter5.backprop import BPNetwork
from chapter5.datasets import linearly_separable
from chapter5.networks import CascadeCorrelation, ElmanNetwork, RBFNetwork
from chapter5.perceptron import Perceptron

MODELS = {
    "perceptron": lambda seed: Perceptron(eta=0.2, max_epochs=20, shuffle=True,
                                          random_state=seed),
    "bp-standard": lambda seed: BPNetwork(hidden=(3,), max_epochs=30, shuffle=True,
                                          random_state=seed),
    "bp-accumulated": lambda seed: BPNetwork(hidden=(3,), mode="accumulated", max_epochs=30,
                                             random_state=seed),
    "bp-deep": lambda seed: BPNetwork(hidden=(3, 2), activation="tanh", max_epochs=30,
                                      random_state=seed),
    "bp-minibatch": lambda seed: BPNetwork(hidden=(3,), mode="minibatch", batch_size=4,
                                           shuffle=True, momentum=0.5, lam=0.99,
                                           lr_schedule="bold-driver", max_epochs=30,
                                           random_state=seed),
    "rbf": lambda seed: RBFNetwork(4, centers="random", random_state=seed),
    "elman": lambda seed: ElmanNetwork(3, n_epochs=30, window=5, random_state=seed),
    "cascade": lambda seed: CascadeCorrelation(max_hidden=3, random_state=seed),
}

# the RBF network (5.18) approximates a real function: any real y is a valid target
REAL_TARGETS = {"rbf"}  # (checked with 2 centres: these X have 2 rows)


@pytest.fixture
def data():
    return linearly_separable(20, margin=0.05, random_state=0)


@pytest.mark.parametrize("name", MODELS)
def test_fit_returns_self_and_no_state_before_fit(name, data):
    model = MODELS[name](0)
    assert not [k for k in vars(model) if k.endswith("_")]
    assert model.fit(*data) is model
    assert [k for k in vars(model) if k.endswith("_")]


@pytest.mark.parametrize("name", MODELS)
def test_same_seed_same_result(name, data):
    a, b = MODELS[name](3).fit(*data), MODELS[name](3).fit(*data)
    X = data[0]
    np.testing.assert_array_equal(a.predict(X), b.predict(X))
    np.testing.assert_array_equal(a.decision_function(X) if hasattr(a, "decision_function")
                                  else a.predict_proba(X),
                                  b.decision_function(X) if hasattr(b, "decision_function")
                                  else b.predict_proba(X))


@pytest.mark.parametrize("name", MODELS)
def test_inputs_not_mutated(name, data):
    X, y = data
    X0, y0 = X.copy(), y.copy()
    MODELS[name](0).fit(X, y).predict(X)
    np.testing.assert_array_equal(X, X0)
    np.testing.assert_array_equal(y, y0)


@pytest.mark.parametrize("name", MODELS)
@pytest.mark.parametrize(("X", "y", "exc"), [
    ("not an array", [0, 1], TypeError),
    ([[0.0, 1.0], [1.0, np.nan]], [0, 1], ValueError),
    ([[0.0, 1.0], [1.0, 0.0]], [0, 1, 1], ValueError),
    ([[0.0, 1.0], [1.0, 0.0]], [0, 3], ValueError),
])
def test_bad_input_raises_a_clear_error(name, X, y, exc):
    if name in REAL_TARGETS and y == [0, 3]:
        RBFNetwork(2).fit(X, y)  # any real target is valid for them
        return
    with pytest.raises(exc, match=r"^(X|y|Y) "):
        MODELS[name](0).fit(X, y)
