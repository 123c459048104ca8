"""§5.3 error backpropagation: every equation by name, Mazur's worked example, gradient checks,
the fast training paths held to the readable building blocks, and the estimator API."""

import itertools
import warnings

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

from chapter5 import _bp_fast, training
from chapter5.activations import sigmoid
from chapter5.backprop import (
    BPNetwork,
    backward,
    error,
    forward,
    gradient_check,
    gradients,
    hidden_term,
    output_term,
    parameter_updates,
)
from chapter5.datasets import logic_gate, watermelon_3_0, watermelon_3_0_alpha
from chapter5.worked_example import MAZUR, mazur_network, mazur_outputs_after, mazur_trace


def random_net(rng, sizes, scale=1.0):
    Ws = [rng.normal(scale=scale, size=(a, b)) for a, b in itertools.pairwise(sizes)]
    ts = [rng.normal(scale=scale, size=b) for b in sizes[1:]]
    return Ws, ts


# ---- the equations, by name -----------------------------------------------------------------

def test_eq5_3_forward_pass_by_hand():
    V = np.array([[1.0, -1.0], [0.5, 2.0]])
    W = np.array([[1.0], [-2.0]])
    gamma, theta = np.array([0.2, -0.1]), np.array([0.3])
    x = np.array([1.0, 2.0])
    fp = forward(x, [V, W], [gamma, theta])
    alpha = np.array([1 + 1.0, -1 + 4.0])              # alpha_h = sum_i v_ih x_i
    b = sigmoid(alpha - gamma)                          # b_h = f(alpha_h - gamma_h)
    beta = b @ W[:, 0]                                  # beta_j = sum_h w_hj b_h
    assert_allclose(fp.inputs[0][0], alpha, err_msg="alpha_h (5.3)")
    assert_allclose(fp.outputs[1][0], b, err_msg="b_h (5.3)")
    assert_allclose(fp.inputs[1][0, 0], beta, err_msg="beta_j (5.3)")
    assert_allclose(fp.y_hat[0, 0], sigmoid(beta - 0.3), err_msg="y_hat_j = f(beta_j - theta_j)")


def test_eq5_4_error_is_half_the_squared_distance():
    Ws, ts = random_net(np.random.default_rng(0), (3, 4, 2))
    X = np.array([[0.1, 0.2, 0.3]])
    y = np.array([[0.0, 1.0]])
    fp = forward(X, Ws, ts)
    assert_allclose(error(X, y, Ws, ts), 0.5 * np.sum((fp.y_hat - y) ** 2), rtol=1e-15)


def test_eq5_16_accumulated_error_is_the_mean_of_E_k():
    rng = np.random.default_rng(1)
    Ws, ts = random_net(rng, (2, 3, 1))
    X, Y = rng.normal(size=(7, 2)), rng.uniform(size=(7, 1))
    E_k = [error(X[k:k + 1], Y[k:k + 1], Ws, ts) for k in range(7)]
    assert_allclose(error(X, Y, Ws, ts), np.mean(E_k), rtol=1e-14)


def test_eq5_10_output_term_is_minus_dE_dnet():
    y_hat, y = np.array([0.3, 0.8]), np.array([1.0, 0.0])
    g = output_term(y_hat, y)
    assert_allclose(g, y_hat * (1 - y_hat) * (y - y_hat), rtol=1e-15)
    # finite difference of E_k in the output's net input
    net = np.log(y_hat / (1 - y_hat))
    h = 1e-6
    for j in range(2):
        up, down = net.copy(), net.copy()
        up[j] += h
        down[j] -= h
        E = lambda n: 0.5 * np.sum((sigmoid(n) - y) ** 2)  # noqa: E731
        assert_allclose(-(E(up) - E(down)) / (2 * h), g[j], rtol=1e-7, err_msg="g_j (5.10)")


def test_eq5_9_and_eq5_15_hidden_term():
    rng = np.random.default_rng(2)
    b, w, g = rng.uniform(size=3), rng.normal(size=(3, 2)), rng.normal(size=2)
    assert_allclose(hidden_term(b, g, w), b * (1 - b) * (w @ g), rtol=1e-15,
                    err_msg="e_h = b_h (1 - b_h) sum_j w_hj g_j (5.15)")
    net = rng.normal(size=3)
    assert_allclose(hidden_term(np.tanh(net), g, w, "tanh"), (1 - np.tanh(net) ** 2) * (w @ g))
    assert_allclose(hidden_term(np.maximum(net, 0), g, w, "relu", net=net), (net > 0) * (w @ g))
    with pytest.raises(ValueError, match="net is needed"):
        hidden_term(b, g, w, "relu")


@pytest.mark.parametrize("eq", ["5.11", "5.12", "5.13", "5.14"])
def test_eq5_11_to_5_14_updates(eq):
    rng = np.random.default_rng(3)
    Ws, ts = random_net(rng, (2, 3, 2))
    x, y, eta = rng.normal(size=(1, 2)), rng.uniform(size=(1, 2)), 0.7
    fp = forward(x, Ws, ts)
    g = output_term(fp.y_hat, y)[0]
    b = fp.outputs[1][0]
    e = b * (1 - b) * (Ws[1] @ g)
    dW, dT = parameter_updates(fp, backward(fp, y, Ws), eta)
    expected = {"5.11": (dW[1], eta * np.outer(b, g)), "5.12": (dT[1], -eta * g),
                "5.13": (dW[0], eta * np.outer(x[0], e)), "5.14": (dT[0], -eta * e)}[eq]
    assert_allclose(*expected, rtol=1e-13, err_msg=f"({eq})")


def test_gradients_are_minus_updates_over_eta():
    rng = np.random.default_rng(4)
    Ws, ts = random_net(rng, (3, 4, 3, 2))
    X, Y = rng.normal(size=(6, 3)), rng.uniform(size=(6, 2))
    dW, dT = gradients(X, Y, Ws, ts)
    uW, uT = parameter_updates(forward(X, Ws, ts), backward(forward(X, Ws, ts), Y, Ws), 0.25)
    for a, b in zip(dW + dT, uW + uT, strict=True):
        assert_allclose(a, -b / 0.25, rtol=1e-13)


@pytest.mark.parametrize("case", range(54))
def test_gradient_check_on_random_architectures(case):
    rng = np.random.default_rng(100 + case)
    depth = 1 + case % 3
    sizes = (int(rng.integers(1, 5)), *rng.integers(1, 6, size=depth).tolist(),
             int(rng.integers(1, 4)))
    activation = ("sigmoid", "tanh", "linear")[case % 3 if case % 6 < 3 else 0]
    # weights of order 1/2 keep the sigmoids out of saturation, where every gradient is ~0 and
    # a relative error says nothing
    Ws, ts = random_net(rng, sizes, scale=0.5)
    X = rng.normal(size=(int(rng.integers(1, 6)), sizes[0]))
    Y = rng.uniform(size=(len(X), sizes[-1]))
    r = gradient_check(X, Y, Ws, ts, activation)
    assert r["relative_error"] < 1e-6, f"{sizes} {activation}: {r['relative_error']:.2e}"


# ---- Mazur's worked example -----------------------------------------------------------------

MAZUR_ONE_STEP = {
    "out_h1": 0.593269992, "out_h2": 0.596884378, "out_o1": 0.75136507, "out_o2": 0.772928465,
    "E_total": 0.298371109, "dE/dw5": 0.082167041,
    "w5+": 0.35891648, "w6+": 0.408666186, "w7+": 0.511301270, "w8+": 0.561370121,
    "w1+": 0.149780716, "w2+": 0.19956143, "w3+": 0.24975114, "w4+": 0.29950229,
    "E_total+": 0.291027774, "E_total+ (script)": 0.291027924,
}


@pytest.mark.parametrize(("name", "published"), MAZUR_ONE_STEP.items())
def test_mazur_worked_example_every_published_value(name, published):
    # equal to every digit Mazur printed (9 significant digits, or 8 where he printed 8)
    decimals = len(repr(published).split(".")[1])
    assert_allclose(mazur_trace()[name], published, rtol=0, atol=0.5 * 10.0 ** -decimals,
                    err_msg=f"Mazur's {name}")


def test_mazur_step_method_matches_the_trace():
    net = mazur_network()
    E_before = net.step(MAZUR["x"], MAZUR["y"])
    t = mazur_trace()
    assert_allclose(E_before, t["E_total"], rtol=1e-12)
    assert_allclose(net.w_, [[t["w5+"], t["w7+"]], [t["w6+"], t["w8+"]]], rtol=1e-12)
    assert_allclose(net.v_, [[t["w1+"], t["w3+"]], [t["w2+"], t["w4+"]]], rtol=1e-12)
    assert_array_equal(net.gamma_, MAZUR["gamma"]), "thresholds frozen, as in Mazur's script"
    assert net.n_updates_ == 1


def test_mazur_10000_updates():
    book = mazur_outputs_after(10_000)
    assert_allclose(book["E"], 0.0000351019, rtol=1e-5)
    assert_allclose(mazur_outputs_after(9_999)["E"], 0.0000351085, rtol=1e-5)
    script = mazur_outputs_after(10_000, "updated-weights")
    assert_allclose(script["y_hat"], [0.015912196, 0.984065734], rtol=1e-5)


def test_mazur_with_thresholds_trained_learns_faster():
    frozen, trained = mazur_outputs_after(1_000), mazur_outputs_after(1_000, train_thresholds=True)
    assert trained["E"] < frozen["E"]
    assert not np.allclose(trained["thresholds"][0], MAZUR["gamma"])


# ---- the fast paths equal the building blocks ----------------------------------------------

def reference_standard(X, Y, Ws, ts, eta, epochs, activation="sigmoid", train_thresholds=True):
    net = BPNetwork.from_parameters(Ws, ts, eta=eta, activation=activation,
                                    train_thresholds=train_thresholds)
    for _ in range(epochs):
        for x, y in zip(X, Y, strict=True):
            net.step(x, y)
    return net.weights_, net.thresholds_


@pytest.mark.parametrize(("sizes", "activation", "frozen"), [
    ((2, 3, 1), "sigmoid", False),
    ((3, 4, 2), "sigmoid", True),
    ((2, 3, 1), "tanh", False),
    ((2, 4, 1), "relu", True),
    ((3, 2, 2), "linear", False),
    ((2, 3, 2, 1), "sigmoid", False),
    ((2, 3, 2, 1), "tanh", True),
    ((2, 3, 2, 2), "relu", False),
    ((2, 2, 3, 2, 1), "tanh", False),
])
@pytest.mark.parametrize("generated", [True, False])
def test_standard_training_paths_equal_repeated_step(sizes, activation, frozen, generated,
                                                     monkeypatch):
    if not generated:  # force the per-sample numpy loop (used above 2000 parameters)
        monkeypatch.setattr(_bp_fast, "FAST_MAX_PARAMS", 0)
    rng = np.random.default_rng(7)
    Ws, ts = random_net(rng, sizes)
    X, Y = rng.normal(size=(5, sizes[0])), rng.uniform(size=(5, sizes[-1]))
    net = BPNetwork.from_parameters(Ws, ts, eta=0.3, activation=activation, max_epochs=20,
                                    train_thresholds=not frozen).fit(X, Y)
    ref_W, ref_t = reference_standard(X, Y, Ws, ts, 0.3, 20, activation, not frozen)
    for a, b in zip(net.weights_ + net.thresholds_, ref_W + ref_t, strict=True):
        assert_allclose(a, b, rtol=1e-10, atol=1e-12)
    assert net.n_updates_ == 100


@pytest.mark.parametrize(("sizes", "activation"), [((2, 3, 1), "sigmoid"),
                                                   ((3, 4, 3, 2), "tanh"),
                                                   ((2, 5, 1), "relu")])
def test_accumulated_training_equals_gradient_descent_on_E(sizes, activation):
    rng = np.random.default_rng(8)
    Ws, ts = random_net(rng, sizes)
    X, Y = rng.normal(size=(6, sizes[0])), rng.uniform(size=(6, sizes[-1]))
    net = BPNetwork.from_parameters(Ws, ts, eta=0.4, mode="accumulated", activation=activation,
                                    max_epochs=15).fit(X, Y)
    W, t = [w.copy() for w in Ws], [v.copy() for v in ts]
    losses = []
    for _ in range(15):
        losses.append(error(X, Y, W, t, activation))
        dW, dT = gradients(X, Y, W, t, activation)
        W = [w - 0.4 * d for w, d in zip(W, dW, strict=True)]
        t = [v - 0.4 * d for v, d in zip(t, dT, strict=True)]
    for a, b in zip(net.weights_ + net.thresholds_, W + t, strict=True):
        assert_allclose(a, b, rtol=1e-10, atol=1e-12)
    assert_allclose(net.loss_curve_, losses, rtol=1e-10)
    assert net.n_updates_ == 15


def test_generated_code_is_readable_and_cached():
    run = _bp_fast.standard_epoch_function(2, 2, 1)
    assert "e0 = b0 * (1.0 - b0) * (w0_0 * g0)" in run.source
    assert _bp_fast.standard_epoch_function(2, 2, 1) is run


# ---- the estimator --------------------------------------------------------------------------

def test_standard_bp_learns_xor_below_0_01():
    X, y = logic_gate("xor")
    net = BPNetwork(hidden=(2,), eta=1.0, max_epochs=5000, random_state=0).fit(X, y)
    assert net.error(X, y) < 0.01
    assert_array_equal(net.predict(X), y)
    assert net.loss_curve_[-1] < net.loss_curve_[0]


def test_accumulated_bp_learns_watermelon_alpha_training_set():
    X, y = watermelon_3_0_alpha()
    net = BPNetwork(hidden=(4,), eta=2.0, mode="accumulated", max_epochs=3000,
                    random_state=1).fit(X, y)
    assert net.loss_curve_[-1] < 0.9 * net.loss_curve_[0]
    assert np.all(np.diff(net.loss_curve_) < 1e-12), "small-step gradient descent: E never rises"
    assert net.n_updates_ == net.n_epochs_ == 3000


def test_tol_stops_training_and_sets_converged():
    X, y = logic_gate("or")
    net = BPNetwork(hidden=(2,), eta=2.0, tol=0.05, max_epochs=10_000, random_state=0).fit(X, y)
    assert net.converged_ and net.loss_curve_[-1] < 0.05 and net.n_epochs_ < 10_000


def test_same_seed_same_parameters_and_history():
    X, y = logic_gate("xor")
    a = BPNetwork(hidden=(3,), max_epochs=50, random_state=5, shuffle=True).fit(X, y)
    b = BPNetwork(hidden=(3,), max_epochs=50, random_state=5, shuffle=True).fit(X, y)
    c = BPNetwork(hidden=(3,), max_epochs=50, random_state=6, shuffle=True).fit(X, y)
    assert_array_equal(a.history_.params, b.history_.params)
    assert not np.array_equal(a.history_.params, c.history_.params)


def test_history_replays_and_records_every_k_epochs():
    X, y = logic_gate("xor")
    net = BPNetwork(hidden=(2,), max_epochs=95, record_every=10, random_state=0).fit(X, y)
    assert net.history_.epochs.tolist() == [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95]
    Ws, ts = net.history_.parameters(-1)
    for a, b in zip(Ws + ts, net.weights_ + net.thresholds_, strict=True):
        assert_array_equal(a, b)
    W0, _ = net.history_.parameters(0)
    assert np.all((W0[0] > 0) & (W0[0] < 1)), "book's init: uniform in (0, 1)"


def test_divergence_is_reported_not_nan():
    wm = watermelon_3_0()
    X, y = wm.X, wm.y
    for mode in ("standard", "accumulated"):
        net = BPNetwork(hidden=(4,), eta=1e8, mode=mode, max_epochs=500, random_state=0)
        with np.errstate(all="raise"):  # no floating-point warning escapes either
            net.fit(X, y)
        assert net.diverged_ and net.diverged_at_ == 0
        assert all(np.all(np.isfinite(w)) for w in net.weights_ + net.thresholds_)
        W0, t0 = net.history_.parameters(0)
        assert_array_equal(net.weights_[0], W0[0]), "the last finite parameters are kept"
        assert np.all(np.isfinite(net.predict_proba(X)))


# ---- divergence: one rule for every training loop --------------------------------------------

# (5.17) with lam = 0.5 shrinks every parameter by (1 - 2 eta (1 - lam)) = 1 - eta before each
# step: for eta > 2 that factor is below -1, so the parameters grow geometrically and blow up
# after some epochs (sigmoid saturation stops plain BP from ever blowing up but for an absurd
# eta, which blows up at epoch 0 in every loop alike). Each case names the loop it must take.
_DIVERGING = {  # id: (loop in _bp_fast, BPNetwork options, validation data?)
    "standard": ("_standard_generated", {"eta": 2.1}, False),
    "standard-record_every=5": ("_standard_generated", {"eta": 2.1, "record_every": 5}, False),
    "standard-validation": ("_standard_generated", {"eta": 2.1}, True),
    "standard-early-stopping": ("_standard_generated",
                                {"eta": 2.1, "early_stopping": True, "patience": 1000}, True),
    "standard-numpy": ("_standard_numpy", {"eta": 2.1, "hidden": (300,)}, False),
    "standard-numpy-record_every=4": ("_standard_numpy",
                                      {"eta": 2.1, "hidden": (300,), "record_every": 4}, False),
    "accumulated": ("_accumulated", {"eta": 2.6, "mode": "accumulated"}, False),
    "accumulated-record_every=7": ("_accumulated",
                                   {"eta": 2.6, "mode": "accumulated", "record_every": 7}, False),
    "minibatch": ("train_general", {"eta": 2.3, "mode": "minibatch", "batch_size": 4}, False),
    "minibatch-record_every=4": ("train_general", {"eta": 2.3, "mode": "minibatch",
                                                   "batch_size": 4, "record_every": 4}, False),
    "momentum": ("train_general", {"eta": 2.6, "momentum": 0.2}, False),
    "lr-decay": ("train_general", {"eta": 2.3, "lr_schedule": "decay", "lr_decay": 0.001},
                 False),
    "bold-driver": ("train_general", {"eta": 2.4, "lr_schedule": "bold-driver"}, False),
    "accumulated-validation": ("train_general", {"eta": 2.6, "mode": "accumulated"}, True),
    "standard-numpy-validation": ("train_general", {"eta": 2.1, "hidden": (300,)}, True),
    "minibatch-early-stopping": ("train_general",
                                 {"eta": 2.3, "mode": "minibatch", "batch_size": 4,
                                  "early_stopping": True, "patience": 1000}, True),
}


def _fit_watching(monkeypatch, loop, X, y, val, **options):
    """Fit with the errors raised, the loops counted; return the net and the loops taken."""
    taken = []

    def spy(name, real):
        def run(*args, **kwargs):
            taken.append(name)
            return real(*args, **kwargs)
        return run

    for name in ("_standard_generated", "_standard_numpy", "_accumulated", "train_general"):
        monkeypatch.setattr(_bp_fast, name, spy(name, getattr(_bp_fast, name)))
    options = {"hidden": (4,), "lam": 0.5, "max_epochs": 300, "shuffle": True,
               "random_state": 0, **options}
    net = BPNetwork(**options)
    with np.errstate(all="raise"), warnings.catch_warnings():
        warnings.simplefilter("error")  # no floating-point warning escapes
        net.fit(X, y, *((X, y) if val else ()))
    return net, taken


@pytest.mark.parametrize("case", list(_DIVERGING))
def test_divergence_follows_one_rule_in_every_loop(case, monkeypatch):
    """The rule (BPNetwork, ``diverged_at_``): after each epoch the parameters are checked;
    the first epoch k that leaves them non-finite or |p| >= 1e6 is ``diverged_at_``; it is
    counted (``loss_curve_`` has k + 1 entries) but its update is undone, so the model is the
    one that k epochs of training give (the last finite state), with early stopping's choice
    among those epochs. Checked against a second run of exactly k epochs."""
    loop, options, val = _DIVERGING[case]
    wm = watermelon_3_0()
    net, taken = _fit_watching(monkeypatch, loop, wm.X, wm.y, val, **options)
    assert taken == [loop], f"{case} took {taken}, not {loop}"
    assert net.diverged_ is True
    k = net.diverged_at_
    assert k is not None and 1 <= k < 300, f"{case}: choose an eta that diverges later ({k})"
    assert net.n_epochs_ == len(net.loss_curve_) == k + 1
    params = net.weights_ + net.thresholds_
    assert all(np.all(np.isfinite(p)) for p in params)
    assert sum(float(np.sum(p * p)) for p in params) < training.DIVERGENCE_NORM ** 2
    with np.errstate(over="raise", invalid="raise", divide="raise"), warnings.catch_warnings():
        warnings.simplefilter("error")  # (underflow, ignored by numpy's defaults, may happen)
        assert np.all(np.isfinite(net.predict_proba(wm.X)))
    # the kept parameters are those of k epochs of training, and the history agrees
    ref, _ = _fit_watching(monkeypatch, loop, wm.X, wm.y, val, **{**options, "max_epochs": k})
    assert not ref.diverged_
    for a, b in zip(params, ref.weights_ + ref.thresholds_, strict=True):
        assert_array_equal(a, b)
    assert_array_equal(net.loss_curve_[:k], ref.loss_curve_)
    assert net.best_epoch_ == ref.best_epoch_
    if val:
        assert_array_equal(net.val_loss_curve_[:k], ref.val_loss_curve_)
    assert len(net.eta_curve_) == k + 1
    assert net.history_.epochs[-1] == k, "the last snapshot is the state kept, after k epochs"
    W, t = net.history_.parameters(-1)
    if not options.get("early_stopping"):
        for a, b in zip(W + t, params, strict=True):
            assert_array_equal(a, b)


def test_single_hidden_layer_names_and_deeper_nets():
    X, y = logic_gate("and")
    net = BPNetwork(hidden=(3,), max_epochs=5, random_state=0).fit(X, y)
    assert net.v_.shape == (2, 3) and net.gamma_.shape == (3,)
    assert net.w_.shape == (3, 1) and net.theta_.shape == (1,)
    deep = BPNetwork(hidden=(3, 2), max_epochs=5, random_state=0).fit(X, y)
    with pytest.raises(AttributeError, match="single hidden layer"):
        _ = deep.v_
    assert [w.shape for w in deep.weights_] == [(2, 3), (3, 2), (2, 1)]


def test_watermelon_one_hot_network_and_multi_output():
    wm = watermelon_3_0()
    Y = np.column_stack([wm.y, 1 - wm.y])
    net = BPNetwork(hidden=(5,), eta=0.5, max_epochs=200, random_state=0).fit(wm.X, Y)
    assert net.predict_proba(wm.X).shape == (17, 2)
    assert net.predict(wm.X).shape == (17, 2)
    assert 0.0 <= net.score(wm.X, Y) <= 1.0


def test_fit_returns_self_no_state_before_fit_and_inputs_untouched():
    X, y = logic_gate("xor")
    X0, y0 = X.copy(), y.copy()
    net = BPNetwork(max_epochs=3)
    assert not [k for k in vars(net) if k.endswith("_")]
    assert net.fit(X, y) is net
    assert_array_equal(X, X0) and assert_array_equal(y, y0)
    V, W = MAZUR["V"].copy(), MAZUR["W"].copy()
    mazur_network().step(MAZUR["x"], MAZUR["y"])
    assert_array_equal(V, MAZUR["V"]) and assert_array_equal(W, MAZUR["W"])
    with pytest.raises(RuntimeError, match="no parameters yet"):
        BPNetwork().predict(X)


@pytest.mark.parametrize(
    ("kwargs", "X", "Y", "exc", "pattern"),
    [
        ({}, [[0, 0], [1, 1]], [[0], [2]], ValueError, r"Y must lie in \[0, 1\]"),
        ({}, [[0, 0], [1, 1]], [0, 1, 1], ValueError, r"Y must have one row per sample \(2\)"),
        ({}, [0, 1], [0, 1], ValueError, "X must be 2-D"),
        ({}, [[0, np.nan]], [0], ValueError, "X must contain only finite"),
        ({"eta": 0}, [[0, 0]], [0], ValueError, "eta must be > 0"),
        ({"mode": "batch"}, [[0, 0]], [0], ValueError, "unknown mode 'batch'; valid modes are"),
        ({"activation": "step"}, [[0, 0]], [0], ValueError, "step and sign have no useful"),
        ({"hidden": ()}, [[0, 0]], [0], ValueError, "hidden must be a non-empty tuple"),
        ({"hidden": (0,)}, [[0, 0]], [0], ValueError, "hidden"),
        ({"init": "zeros"}, [[0, 0]], [0], ValueError, "unknown init 'zeros'"),
        ({"max_epochs": 0}, [[0, 0]], [0], ValueError, "max_epochs must be >= 1"),
        ({"shuffle": 1}, [[0, 0]], [0], TypeError, "shuffle must be True or False"),
    ],
)
def test_bad_input_raises_clear_errors(kwargs, X, Y, exc, pattern):
    with pytest.raises(exc, match=pattern):
        BPNetwork(**kwargs).fit(X, Y)


def test_from_parameters_checks_shapes():
    with pytest.raises(ValueError, match=r"weights\[1\] must have 2 rows"):
        BPNetwork.from_parameters([np.ones((2, 2)), np.ones((3, 1))], [0.0, 0.0])
    with pytest.raises(ValueError, match=r"thresholds\[0\] must have one value per unit"):
        BPNetwork.from_parameters([np.ones((2, 2)), np.ones((2, 1))], [[0.0, 0.0, 0.0], 0.0])
    net = mazur_network()
    with pytest.raises(ValueError, match="the given parameters are for 2 inputs"):
        net.fit(np.ones((3, 3)), np.ones((3, 2)) / 2)


@pytest.mark.parametrize("lam", [1.0, 0.9, 0.5, 0.01])
def test_eq5_17_regularized_gradient_against_finite_differences(lam):
    from chapter5.backprop import regularized_error, regularized_gradients

    rng = np.random.default_rng(17)
    Ws, ts = random_net(rng, (3, 4, 2), scale=0.5)
    X, Y = rng.normal(size=(6, 3)), rng.uniform(size=(6, 2))
    assert gradient_check(X, Y, Ws, ts, lam=lam)["relative_error"] < 1e-7, "(5.17)"
    # by hand: the penalty's gradient is 2 (1 - lam) w on every weight and threshold
    dW, dT = regularized_gradients(X, Y, Ws, ts, lam)
    gW, gT = gradients(X, Y, Ws, ts)
    assert_allclose(dW[0], lam * gW[0] + 2 * (1 - lam) * Ws[0], rtol=1e-12)
    assert_allclose(dT[1], lam * gT[1] + 2 * (1 - lam) * ts[1], rtol=1e-12)
    penalty = sum(np.sum(w ** 2) for w in Ws + ts)
    assert_allclose(regularized_error(X, Y, Ws, ts, lam),
                    lam * error(X, Y, Ws, ts) + (1 - lam) * penalty, rtol=1e-12)
    with pytest.raises(ValueError, match="lam must be > 0.0"):
        regularized_error(X, Y, Ws, ts, 0.0)


# ---- the general loop: mini-batches, (5.17), momentum, learning-rate rules, early stopping ----

def _data(seed=9, m=12, sizes=(3, 4, 2)):
    rng = np.random.default_rng(seed)
    Ws, ts = random_net(rng, sizes, scale=0.5)
    return Ws, ts, rng.normal(size=(m, sizes[0])), rng.uniform(size=(m, sizes[-1]))


@pytest.mark.parametrize(("batch", "mode"), [(1, "standard"), (12, "accumulated")])
def test_minibatch_reduces_to_standard_and_accumulated(batch, mode):
    Ws, ts, X, Y = _data()
    general = BPNetwork.from_parameters(Ws, ts, eta=0.3, mode="minibatch", batch_size=batch,
                                        max_epochs=25).fit(X, Y)
    fast = BPNetwork.from_parameters(Ws, ts, eta=0.3, mode=mode, max_epochs=25).fit(X, Y)
    for a, b in zip(general.weights_ + general.thresholds_, fast.weights_ + fast.thresholds_,
                    strict=True):
        assert_allclose(a, b, rtol=1e-10, atol=1e-12)
    assert_allclose(general.loss_curve_, fast.loss_curve_, rtol=1e-10)
    assert general.n_updates_ == fast.n_updates_


@pytest.mark.parametrize(("lam", "momentum"), [(0.8, 0.0), (1.0, 0.9), (0.5, 0.5)])
def test_eq5_17_and_momentum_steps_by_hand(lam, momentum):
    from chapter5.backprop import regularized_gradients

    Ws, ts, X, Y = _data(10)
    net = BPNetwork.from_parameters(Ws, ts, eta=0.2, mode="accumulated", lam=lam,
                                    momentum=momentum, max_epochs=8).fit(X, Y)
    W, t = [w.copy() for w in Ws], [v.copy() for v in ts]
    vW, vt = [np.zeros_like(w) for w in W], [np.zeros_like(v) for v in t]
    for _ in range(8):
        dW, dT = regularized_gradients(X, Y, W, t, lam)
        vW = [momentum * v - 0.2 * d for v, d in zip(vW, dW, strict=True)]
        vt = [momentum * v - 0.2 * d for v, d in zip(vt, dT, strict=True)]
        W = [w + v for w, v in zip(W, vW, strict=True)]
        t = [a + v for a, v in zip(t, vt, strict=True)]
    for a, b in zip(net.weights_ + net.thresholds_, W + t, strict=True):
        assert_allclose(a, b, rtol=1e-10, atol=1e-12)


def test_regularization_shrinks_the_weights():
    X, y = watermelon_3_0_alpha()
    norms = []
    for lam in (1.0, 0.99, 0.9):
        net = BPNetwork(hidden=(5,), eta=1.0, mode="accumulated", lam=lam, max_epochs=2000,
                        random_state=0).fit(X, y)
        norms.append(sum(np.sum(w ** 2) for w in net.weights_ + net.thresholds_))
    assert norms[0] > norms[1] > norms[2]


def test_early_stopping_keeps_the_best_validation_weights():
    wm = watermelon_3_0()
    tr, va = wm.train, wm.validation
    net = BPNetwork(hidden=(5,), eta=2.0, mode="accumulated", early_stopping=True,
                    patience=100, max_epochs=5000, record_every=1, random_state=0)
    net.fit(wm.X[tr], wm.y[tr], wm.X[va], wm.y[va])
    best = int(np.argmin(net.val_loss_curve_)) + 1
    assert net.best_epoch_ == best
    assert net.n_epochs_ == best + 100 or net.n_epochs_ == 5000
    assert_allclose(net.error(wm.X[va], wm.y[va]), net.val_loss_curve_.min(), rtol=1e-10)
    W_best, _ = net.history_.parameters(int(np.flatnonzero(net.history_.epochs == best)[0]))
    assert_allclose(net.weights_[0], W_best[0])
    # the history ends with the state training reached when it stopped, not the kept one
    assert net.history_.epochs[-1] == net.n_epochs_
    W_last, _ = net.history_.parameters(-1)
    assert not np.allclose(W_last[0], W_best[0])


@pytest.mark.parametrize("hidden", [(5,), (6, 4)])
def test_standard_bp_with_validation_takes_the_fast_loop_and_agrees_with_the_general_one(
        hidden):
    """Standard BP with early stopping runs in the generated per-sample loop; mini-batches of
    one sample through the general loop are the same algorithm: same curves, same stop, same
    kept weights (up to rounding)."""
    wm = watermelon_3_0()
    tr, va = wm.train, wm.validation
    nets = {}
    for mode in ("standard", "minibatch"):
        nets[mode] = BPNetwork(hidden=hidden, eta=0.5, mode=mode, batch_size=1,
                               early_stopping=True, patience=40, max_epochs=3000,
                               record_every=1, random_state=3).fit(
            wm.X[tr], wm.y[tr], wm.X[va], wm.y[va])
    fast, general = nets["standard"], nets["minibatch"]
    assert fast.best_epoch_ == general.best_epoch_ and fast.n_epochs_ == general.n_epochs_
    assert fast.n_epochs_ == fast.best_epoch_ + 40 < 3000  # patience ran out
    assert_allclose(fast.val_loss_curve_, general.val_loss_curve_, rtol=1e-9, atol=1e-12)
    assert_allclose(fast.loss_curve_, general.loss_curve_, rtol=1e-9, atol=1e-12)
    for a, b in zip(fast.weights_ + fast.thresholds_, general.weights_ + general.thresholds_,
                    strict=True):
        assert_allclose(a, b, rtol=1e-9, atol=1e-12)
    assert_allclose(fast.error(wm.X[va], wm.y[va]), fast.val_loss_curve_.min(), rtol=1e-10)
    assert fast.n_updates_ == fast.n_epochs_ * len(tr)
    np.testing.assert_array_equal(fast.history_.epochs, general.history_.epochs)


def test_learning_rate_schedules():
    Ws, ts, X, Y = _data(11)
    decay = BPNetwork.from_parameters(Ws, ts, eta=0.5, lr_schedule="decay", lr_decay=0.1,
                                      max_epochs=6).fit(X, Y)
    assert_allclose(decay.eta_curve_, 0.5 / (1 + 0.1 * np.arange(6)))
    bold = BPNetwork.from_parameters(Ws, ts, eta=0.5, mode="accumulated",
                                     lr_schedule="bold-driver", max_epochs=30).fit(X, Y)
    falls = np.diff(bold.loss_curve_) < 0
    ratio = bold.eta_curve_[2:] / bold.eta_curve_[1:-1]
    assert_allclose(ratio, np.where(falls[:-1], 1.05, 0.5))


def test_frozen_thresholds_in_the_general_loop():
    Ws, ts, X, Y = _data(12)
    net = BPNetwork.from_parameters(Ws, ts, eta=0.5, mode="minibatch", batch_size=5,
                                    momentum=0.5, train_thresholds=False,
                                    max_epochs=10).fit(X, Y)
    for a, b in zip(net.thresholds_, ts, strict=True):
        assert_array_equal(a, b)


@pytest.mark.parametrize(("kwargs", "exc", "pattern"), [
    ({"lam": 0.0}, ValueError, "lam must be > 0.0"),
    ({"momentum": 1.0}, ValueError, "momentum must be < 1.0"),
    ({"lr_schedule": "adam"}, ValueError, "unknown lr_schedule 'adam'"),
    ({"batch_size": 0}, ValueError, "batch_size must be >= 1"),
    ({"early_stopping": True}, ValueError, "early_stopping=True needs validation data"),
])
def test_general_options_are_checked(kwargs, exc, pattern):
    X, y = logic_gate("xor")
    with pytest.raises(exc, match=pattern):
        BPNetwork(**kwargs).fit(X, y)


def test_validation_data_are_checked():
    X, y = logic_gate("xor")
    with pytest.raises(ValueError, match="give both X_val and Y_val"):
        BPNetwork().fit(X, y, X_val=X)
    with pytest.raises(ValueError, match="X_val must have 2 columns"):
        BPNetwork().fit(X, y, np.ones((2, 3)), np.ones(2))


@pytest.mark.parametrize(("sizes", "activation", "frozen"), [
    ((2, 3, 1), "sigmoid", False),
    ((2, 3, 2), "tanh", True),
    ((2, 3, 2, 1), "sigmoid", False),
    ((2, 3, 2, 2), "relu", True),
])
@pytest.mark.parametrize("generated", [True, False])
def test_eq5_17_standard_fast_paths_equal_regularized_per_sample_steps(sizes, activation,
                                                                         frozen, generated,
                                                                         monkeypatch):
    from chapter5.backprop import regularized_gradients

    if not generated:
        monkeypatch.setattr(_bp_fast, "FAST_MAX_PARAMS", 0)

    rng = np.random.default_rng(21)
    Ws, ts = random_net(rng, sizes, scale=0.5)
    X, Y = rng.normal(size=(5, sizes[0])), rng.uniform(size=(5, sizes[-1]))
    lam, eta = 0.95, 0.3
    net = BPNetwork.from_parameters(Ws, ts, eta=eta, lam=lam, activation=activation,
                                    train_thresholds=not frozen, max_epochs=6).fit(X, Y)
    W, t = [w.copy() for w in Ws], [v.copy() for v in ts]
    for _ in range(6):
        for x, y in zip(X, Y, strict=True):
            dW, dT = regularized_gradients(x[None], y[None], W, t, lam, activation)
            W = [w - eta * d for w, d in zip(W, dW, strict=True)]
            if not frozen:
                t = [a - eta * d for a, d in zip(t, dT, strict=True)]
    for a, b in zip(net.weights_ + net.thresholds_, W + t, strict=True):
        assert_allclose(a, b, rtol=1e-10, atol=1e-12)


def test_adaptive_rules_table_conclusions_hold_on_every_processor():
    """BP in practice, section 4 (its table is not compared by nbval: the bold driver's final E
    depends on last-bit rounding): the bold driver reaches E < 0.02 first and the constant rate
    never does, on the three data sets, with the notebook's settings."""
    from chapter5.datasets import breast_cancer, iris, watermelon_3_0

    def standardize(X):
        return (X - X.mean(axis=0)) / X.std(axis=0)

    ir, bc, wm = iris(), breast_cancer(), watermelon_3_0()
    sets = {"iris": (standardize(ir.X), ir.one_hot(), 5),
            "breast cancer": (standardize(bc.X), bc.y, 10),
            "watermelon 3.0": (standardize(wm.X), wm.y, 10)}
    for name, (X, Y, q) in sets.items():
        first = {}
        for rule, options in {"constant": {}, "bold driver": {"lr_schedule": "bold-driver"},
                              "momentum": {"momentum": 0.9}}.items():
            net = BPNetwork(hidden=(q,), eta=0.5, mode="accumulated", max_epochs=500,
                            random_state=0, **options).fit(X, Y)
            below = np.flatnonzero(net.loss_curve_ < 0.02)
            first[rule] = below[0] + 1 if below.size else None
        assert first["constant"] is None, name
        assert first["bold driver"] < first["momentum"], (name, first)


@pytest.mark.parametrize(("args", "message"), [
    ((np.empty((4, 0)), [0, 1, 1, 0]), r"X must have at least one feature; got 0 columns"),
    ((np.empty((0, 2)), []), r"X must contain at least one sample; got 0 rows"),
    ((np.eye(2), [0, 1], np.empty((0, 2)), []),
     r"X_val must contain at least one sample; got 0 rows"),
])
def test_empty_data_is_refused_by_name(args, message):
    """(0 columns used to reach the code generator, 0 validation rows a division by zero)"""
    with pytest.raises(ValueError, match=f"^{message}"):
        BPNetwork(max_epochs=2).fit(*args)
