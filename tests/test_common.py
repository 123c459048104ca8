"""Properties every trainable model shares (design note §5): fit returns self, no fitted state
before fit, same seed -> identical result, inputs never mutated, bad input -> clear error."""

import warnings

import numpy as np
import pytest

from chapter5.backprop import BPNetwork
from chapter5.datasets import linearly_separable
from chapter5.networks import ART, RBM, SOM, CascadeCorrelation, ElmanNetwork, RBFNetwork
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
# classifiers code any labels through classes_ (scikit-learn's protocol): 0 and 3 are two classes
CODED_LABELS = {"perceptron", "bp-standard", "bp-accumulated", "bp-deep", "bp-minibatch",
                "cascade"}


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
    if name in CODED_LABELS and y == [0, 3]:
        model = MODELS[name](0).fit(X, y)
        assert model.classes_.tolist() == [0, 3]
        assert set(model.predict(X).tolist()) <= {0, 3}
        return
    with pytest.raises(exc, match=r"^(X|y|Y) "):
        MODELS[name](0).fit(X, y)


# every model's fit, on a data matrix X of any shape (targets made to match; the unsupervised
# models take X alone; the Elman network reads X (T, d) as one sequence of T steps)
def _supervised(make):
    return lambda X: make(0).fit(X, np.zeros(len(X)))


FITS = {
    **{name: _supervised(make) for name, make in MODELS.items()},
    "art": lambda X: ART().fit(X),
    "som": lambda X: SOM(2, 2, random_state=0).fit(X),
    "rbm": lambda X: RBM(X.shape[1] or 1, 2, n_epochs=1, random_state=0).fit(X),
}


@pytest.mark.parametrize("name", FITS)
@pytest.mark.parametrize(("shape", "message"), [
    ((0, 2), r"X must (contain at least one (sample|time step)|have at least one row)"),
    # (the RBM sizes its visible layer by n_visible >= 1, so it names the mismatch)
    ((4, 0), r"X must have (at least one (feature|row and one column)|1 column )"),
], ids=["no rows", "no columns"])
def test_fit_refuses_empty_data_naming_X(name, shape, message):
    """No rows or no columns: a ValueError that names X, and no numpy warning on the way."""
    with pytest.raises(ValueError, match=f"^{message}"), warnings.catch_warnings():
        warnings.simplefilter("error")
        FITS[name](np.empty(shape))


def test_the_empty_data_test_covers_every_model_class():
    import chapter5.networks as networks

    fitted = {type(MODELS[name](0)) for name in MODELS} | {ART, SOM, RBM}
    trainable = {getattr(networks, n) for n in networks.__all__
                 if isinstance(getattr(networks, n), type) and hasattr(getattr(networks, n), "fit")}
    assert trainable <= fitted


@pytest.mark.parametrize(("make", "fit_args", "exc", "message"), [
    # settings that the chosen option does not use are checked all the same (scikit-learn)
    (lambda: RBFNetwork(2, eta=-1.0), "xy", ValueError, "eta must be > 0.0"),
    (lambda: RBFNetwork(2, eta=float("nan")), "xy", ValueError, "eta must be finite"),
    (lambda: RBFNetwork(2, max_epochs=-3), "xy", ValueError, "max_epochs must be >= 1"),
    (lambda: SOM(2, 2, n_iterations=10, n_epochs=-3), "x", ValueError, "n_epochs must be >= 1"),
    (lambda: ART(rho=-0.5), "x", ValueError, "rho must be >= 0.0"),
])
def test_unused_settings_are_checked_at_fit(make, fit_args, exc, message, data):
    X, y = data
    X01 = (X - X.min(axis=0)) / (X.max(axis=0) - X.min(axis=0))  # ART wants [0, 1]
    with pytest.raises(exc, match=f"^{message}"):
        make().fit(*((X01,) if fit_args == "x" else (X, y)))
