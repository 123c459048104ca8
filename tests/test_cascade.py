"""§5.5.4 cascade-correlation (Fahlman & Lebiere 1990) and the two-spirals benchmark."""

import itertools

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

from chapter5.datasets import iris, linearly_separable, logic_gate, toy_2d, watermelon_3_0_alpha
from chapter5.networks.cascade import (
    CascadeCorrelation,
    _output_gradient,
    _Rprop,
    candidate_correlation,
    candidate_gradient,
    symmetric_sigmoid,
    two_spirals,
)

# --- the two-spirals data (Lang & Witbrock 1988) -------------------------------------------


def test_two_spirals_is_lang_and_witbrocks_construction():
    X, y = two_spirals()
    assert X.shape == (194, 2) and y.tolist() == [1] * 97 + [0] * 97
    for i in (0, 1, 17, 96):
        angle, r = i * np.pi / 16, 6.5 * (104 - i) / 104
        assert_allclose(X[i], [r * np.sin(angle), r * np.cos(angle)], rtol=0, atol=1e-12,
                        err_msg=f"point {i}: angle i pi/16, radius 6.5 (104 - i)/104")
    assert_array_equal(X[97:], -X[:97], err_msg="the second spiral is the first, negated")
    radius = np.linalg.norm(X[:97], axis=1)
    assert radius[0] == 6.5 and np.all(np.diff(radius) < 0), "spiralling inwards"
    assert np.isclose(96 * np.pi / 16 / (2 * np.pi), 3.0), "three full turns"


def test_two_spirals_density_2_interleaves_the_classic_points():
    X1, _ = two_spirals()
    X2, y2 = two_spirals(density=2)
    assert X2.shape == (386, 2) and y2.sum() == 193
    assert_allclose(X2[:193][::2], X1[:97], atol=1e-12)
    with pytest.raises(ValueError, match="^density must be >= 1"):
        two_spirals(density=0)


# --- units and the candidate objective ----------------------------------------------------


def test_symmetric_sigmoid_is_the_shifted_logistic_and_its_slope():
    s = np.linspace(-8, 8, 33)
    f = symmetric_sigmoid(s)
    assert_allclose(f, 1 / (1 + np.exp(-s)) - 0.5, atol=1e-15)
    h = 1e-6
    numeric = (symmetric_sigmoid(s + h) - symmetric_sigmoid(s - h)) / (2 * h)
    assert_allclose(0.25 - f * f, numeric, atol=1e-9, err_msg="f' = 1/4 - f^2")
    assert np.all(np.isfinite(symmetric_sigmoid([-1e4, 1e4])))


def test_candidate_correlation_by_hand():
    # V = (1, 2, 3), V_bar = 2; E = (0, 0, 3) and (1, 0, -1): E_bar = (1, 0)
    # output 1: (-1)(-1) + 0(-1) + (1)(2) = 3; output 2: (-1)(1) + 0 + (1)(-1) = -2 -> |.| = 2
    V = np.array([1.0, 2.0, 3.0])
    E = np.array([[0.0, 1.0], [0.0, 0.0], [3.0, -1.0]])
    assert_allclose(candidate_correlation(V, E), [5.0], err_msg="S = sum_o |cov-sum|")
    # a candidate that does not vary, or an error it cannot see, correlates with nothing
    assert_allclose(candidate_correlation(np.ones(3), E), [0.0])
    # S ignores the sign: -V correlates just as much
    assert_allclose(candidate_correlation(np.column_stack([V, -V]), E), [5.0, 5.0])


def _numeric_gradient(inputs, W, E, h=1e-6):
    out = np.empty_like(W)
    for idx in np.ndindex(W.shape):
        up, down = W.copy(), W.copy()
        up[idx] += h
        down[idx] -= h
        F = np.column_stack([inputs, -np.ones(len(inputs))])
        s_up = candidate_correlation(symmetric_sigmoid(F @ up), E)
        s_down = candidate_correlation(symmetric_sigmoid(F @ down), E)
        out[idx] = (s_up[idx[1]] - s_down[idx[1]]) / (2 * h)
    return out


@pytest.mark.parametrize("n_out", [1, 3])
def test_candidate_gradient_matches_finite_differences(n_out):
    rng = np.random.default_rng(7)
    inputs = rng.normal(size=(25, 4))  # x and earlier hidden units
    W = rng.normal(size=(5, 6))  # 6 candidates, 4 weights and a threshold each
    E = rng.normal(size=(25, n_out))
    S, grad = candidate_gradient(inputs, W, E)
    assert_allclose(S, candidate_correlation(
        symmetric_sigmoid(np.column_stack([inputs, -np.ones(25)]) @ W), E), rtol=1e-12)
    numeric = _numeric_gradient(inputs, W, E)
    rel = np.linalg.norm(grad - numeric) / np.linalg.norm(numeric)
    assert rel < 1e-7, f"dS/dw (Fahlman & Lebiere Eq. 2) off by {rel:.2e}"
    S1, g1 = candidate_gradient(inputs, W[:, 0], E)  # one candidate: a vector in and out
    assert g1.shape == (5,) and np.isclose(S1[0], S[0])
    assert_allclose(g1, grad[:, 0])


def test_candidate_gradient_checks_its_arguments():
    with pytest.raises(ValueError, match=r"^weights must have 3 rows"):
        candidate_gradient(np.ones((4, 2)), np.ones(2), np.ones(4))
    with pytest.raises(ValueError, match=r"^E must have one row per sample"):
        candidate_gradient(np.ones((4, 2)), np.ones(3), np.ones(5))
    with pytest.raises(ValueError, match=r"^V must have one row per sample"):
        candidate_correlation(np.ones(3), np.ones(4))


def test_output_gradient_without_offset_is_dE_dW_of_eq_5_16():
    rng = np.random.default_rng(3)
    F = np.column_stack([rng.normal(size=(12, 3)), -np.ones(12)])
    W, Y = rng.normal(size=(4, 2)), rng.uniform(size=(12, 2))

    def E(W):
        return 0.5 * np.sum((1 / (1 + np.exp(-(F @ W))) - Y) ** 2) / len(F)

    Y_hat = 1 / (1 + np.exp(-(F @ W)))
    grad = _output_gradient(F, Y_hat, Y_hat - Y, offset=0.0)
    numeric = np.empty_like(W)
    for idx in np.ndindex(W.shape):
        up, down = W.copy(), W.copy()
        up[idx] += 1e-6
        down[idx] -= 1e-6
        numeric[idx] = (E(up) - E(down)) / 2e-6
    assert_allclose(grad, numeric, rtol=1e-6, atol=1e-10, err_msg="dE/dw, E of (5.16)")
    # the offset adds offset * F^T R / m: same sign where the slope term vanishes
    shifted = _output_gradient(F, Y_hat, Y_hat - Y, offset=0.1)
    assert_allclose(shifted - grad, 0.1 * F.T @ (Y_hat - Y) / len(F))


def test_rprop_grows_while_the_sign_holds_and_halves_and_skips_when_it_flips():
    rp = _Rprop((2,), 0.1)
    assert_allclose(rp.delta(np.array([2.0, -3.0])), [0.1, -0.1])  # first step: the sign only
    assert_allclose(rp.delta(np.array([5.0, -0.01])), [0.12, -0.12])  # same sign: x 1.2
    assert_allclose(rp.delta(np.array([-1.0, -1.0])), [0.0, -0.144])  # flip: halve, skip
    assert_allclose(rp.step, [0.06, 0.144])
    assert_allclose(rp.delta(np.array([-1.0, 1.0])), [-0.06, 0.0])  # after a skip: plain step


# --- the growing network --------------------------------------------------------------------


class _Spy(CascadeCorrelation):
    """Records what every output-training phase saw (the hidden units' outputs)."""

    def _train_outputs(self, F, W, Y, opt, report=None):
        self.seen = [*getattr(self, "seen", []), F.copy()]
        return super()._train_outputs(F, W, Y, opt, report)


def test_installed_units_stay_frozen_bitwise_through_later_stages():
    X, y = two_spirals()
    net = _Spy(max_hidden=6, target_accuracy=1.0, random_state=0).fit(X, y)
    assert net.n_hidden_ == 6 and len(net.seen) == 7
    d = 2
    for j in range(6):
        first = net.seen[j + 1][:, d + 1 + j]  # unit j+1's outputs when it was installed
        for later in net.seen[j + 2:]:
            assert_array_equal(later[:, d + 1 + j], first,
                               err_msg=f"unit {j + 1}'s outputs changed in a later stage")
        stage = net.history_[j + 1]
        assert_array_equal(stage.unit_v, net.hidden_v_[j], err_msg="input weights moved")
        assert stage.unit_gamma == net.hidden_gamma_[j]
        assert stage.unit_v.shape == (d + j,), "unit j+1 sees x and units 1 .. j"
    assert not net._units[0].flags.writeable, "installed weights are read-only"
    with pytest.raises(ValueError, match="read-only"):
        net._units[0][0] = 1.0


def test_two_spirals_solved_within_budget_from_fixed_seeds():
    # Fahlman & Lebiere: 12-19 units (mean 15.2), about 1700 epochs with quickprop; here
    # (Rprop, pool of 8) seeds 0-29 need 11-20 units and 1853-2917 epochs
    X, y = two_spirals()
    for seed, units in ((0, 11), (1, 16)):
        net = CascadeCorrelation(max_hidden=25, random_state=seed).fit(X, y)
        assert net.converged_ and net.score(X, y) == 1.0
        assert net.n_hidden_ == units and net.n_epochs_ <= 3000
        assert net.n_epochs_ == sum(s.epochs for s in net.history_)
        assert net.n_epochs_ == net.output_epochs_ + net.candidate_epochs_


def test_each_stage_starts_where_the_last_one_ended():
    # a new unit's output weight starts at 0: the network's function is unchanged until the
    # output training moves it, so each stage's E curve starts at the previous stage's end
    X, y = two_spirals()
    net = CascadeCorrelation(max_hidden=5, random_state=2).fit(X, y)
    for before, after in itertools.pairwise(net.history_):
        assert after.loss_curve[0] == pytest.approx(before.E, rel=1e-12)
        assert after.E <= before.E
        assert after.correlation == pytest.approx(after.pool_correlations.max())
        assert after.correlation_curve[-1] == pytest.approx(after.correlation)
        assert len(after.correlation_curve) == after.candidate_epochs + 1
    assert_allclose(net.loss_curve_, np.concatenate([s.loss_curve for s in net.history_]))


def test_linearly_separable_data_need_no_hidden_unit_but_xor_needs_one():
    X, y = linearly_separable(40, margin=0.05, random_state=0)
    net = CascadeCorrelation(random_state=0).fit(X, y)
    assert net.n_hidden_ == 0 and net.score(X, y) == 1.0
    Xx, yx = logic_gate("xor")
    stage0 = CascadeCorrelation(max_hidden=0, random_state=0).fit(Xx, yx)
    assert stage0.score(Xx, yx) <= 0.75, "no single layer computes XOR (§5.2)"
    grown = CascadeCorrelation(max_hidden=3, random_state=0).fit(Xx, yx)
    assert grown.n_hidden_ >= 1 and grown.score(Xx, yx) == 1.0


def test_replaying_stages_matches_the_recorded_history():
    X, y = two_spirals()
    net = CascadeCorrelation(max_hidden=8, random_state=3).fit(X, y)
    staged = net.staged_decision_function(X)
    scores = net.stage_scores(X, y)
    assert staged.shape == (9, 194)
    for k, st in enumerate(net.history_):
        assert_allclose(staged[k], net.decision_function(X, n_hidden=k), rtol=1e-12)
        assert scores[k] == net.score(X, y, n_hidden=k) == st.accuracy
    assert_array_equal(net.predict(X), net.predict(X, n_hidden=8))
    assert net.hidden_outputs(X, n_hidden=3).shape == (194, 3)
    assert np.all(np.abs(net.hidden_outputs(X)) <= 0.5), "the symmetric sigmoid's range"


def test_overfits_small_noisy_data():
    # the book: cascade-correlation can overfit on small data. 80 noisy points: the network
    # grows until it fits every one, while accuracy on fresh points falls after a few units
    X, y = toy_2d("circles", n=80, noise=0.3, random_state=0)
    X_test, y_test = toy_2d("circles", n=1000, noise=0.3, random_state=10_000)
    net = CascadeCorrelation(max_hidden=25, random_state=0).fit(X, y)
    train, test = net.stage_scores(X, y), net.stage_scores(X_test, y_test)
    assert train[-1] == 1.0 and net.n_hidden_ >= 5
    best = int(np.argmax(test))
    assert best < net.n_hidden_ and test[best] - test[-1] > 0.05


def test_notebook_exercise_3_the_prime_offset_matters():
    # the notebook's solution: with the exact gradient (prime_offset=0) seeds 2 and 4 stall at
    # 99 % with all 40 units (outputs trained for the minimum 12 epochs, S about 1, E frozen);
    # seed 0 still gets there, with 18 units instead of 11
    X, y = two_spirals()
    net = CascadeCorrelation(max_hidden=40, prime_offset=0.0, random_state=0).fit(X, y)
    assert net.converged_ and net.n_hidden_ == 18
    for seed in (2, 4):
        net = CascadeCorrelation(max_hidden=40, prime_offset=0.0, random_state=seed).fit(X, y)
        assert not net.converged_ and net.n_hidden_ == 40
        assert net.score(X, y) == pytest.approx(0.99, abs=0.005)
        last = net.history_[-3:]
        assert all(st.output_epochs == 12 for st in last), "the minimum: patience"
        assert all(0.8 < st.correlation < 1.3 for st in last), "S stays around 1"
        assert last[-1].E == pytest.approx(last[0].E, rel=1e-3), "E does not move"


def test_notebook_exercise_4_watermelon_needs_one_unit_and_overfits():
    # the solution: one unit fits all 17 melons (seeds 0-4); leave-one-out, standardised with
    # the 16 training melons, gets 13 or 14 of 17 right (seeds 0-2)
    X, y = watermelon_3_0_alpha()
    Z = (X - X.mean(0)) / X.std(0)
    for seed in range(5):
        net = CascadeCorrelation(random_state=seed).fit(Z, y)
        assert net.n_hidden_ == 1 and net.score(Z, y) == 1.0
    for seed in range(3):
        right = 0
        for i in range(len(X)):
            keep = np.arange(len(X)) != i
            mu, sd = X[keep].mean(0), X[keep].std(0)
            net = CascadeCorrelation(random_state=seed).fit((X[keep] - mu) / sd, y[keep])
            right += int(net.predict((X[i:i + 1] - mu) / sd)[0] == y[i])
        assert right in (13, 14), f"seed {seed}: {right} of 17"


def test_several_output_units():
    d = iris()
    X = (d.X - d.X.mean(0)) / d.X.std(0)
    net = CascadeCorrelation(max_hidden=3, target_accuracy=0.97, random_state=0)
    net.fit(X, d.one_hot())
    assert net.w_.shape == (4 + net.n_hidden_, 3) and net.theta_.shape == (3,)
    assert net.decision_function(X).shape == (150, 3)
    assert net.score(X, d.one_hot()) >= 0.95


# --- the common model checks (tests/test_common.py) ----------------------------------------


@pytest.fixture
def data():
    return linearly_separable(20, margin=0.05, random_state=0)


def test_fit_returns_self_and_no_state_before_fit(data):
    model = CascadeCorrelation(max_hidden=2, random_state=0)
    assert not [k for k in vars(model) if k.endswith("_")]
    assert model.fit(*data) is model
    assert {"history_", "w_", "theta_", "hidden_v_", "n_hidden_"} <= set(vars(model))


def test_same_seed_same_result():
    X, y = toy_2d("moons", n=60, noise=0.2, random_state=0)
    a = CascadeCorrelation(max_hidden=4, random_state=5).fit(X, y)
    b = CascadeCorrelation(max_hidden=4, random_state=5).fit(X, y)
    assert_array_equal(a.decision_function(X), b.decision_function(X))
    assert_array_equal(a.loss_curve_, b.loss_curve_)
    assert a.n_epochs_ == b.n_epochs_
    c = CascadeCorrelation(max_hidden=4, random_state=6).fit(X, y)
    assert not np.array_equal(a.loss_curve_, c.loss_curve_), "the seed must matter"


def test_inputs_not_mutated(data):
    X, y = data
    X0, y0 = X.copy(), y.copy()
    net = CascadeCorrelation(max_hidden=2, random_state=0).fit(X, y)
    net.predict(X)
    net.stage_scores(X, y)
    assert_array_equal(X, X0)
    assert_array_equal(y, y0)


@pytest.mark.parametrize(("X", "y", "exc"), [
    ("not an array", [0, 1], TypeError),
    ([[0.0, 1.0], [1.0, np.nan]], [0, 1], ValueError),
    ([[0.0, 1.0], [1.0, 0.0]], [0, 1, 1], ValueError),
])
def test_bad_input_raises_a_clear_error(X, y, exc):
    with pytest.raises(exc, match=r"^(X|y) "):
        CascadeCorrelation(random_state=0).fit(X, y)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"max_hidden": -1}, "^max_hidden must be >= 0"),
    ({"max_hidden": 2.5}, "^max_hidden must be an integer"),
    ({"n_candidates": 0}, "^n_candidates must be >= 1"),
    ({"target_accuracy": 0.0}, "^target_accuracy must be > 0.0"),
    ({"patience": 0}, "^patience must be >= 1"),
    ({"weight_range": -1.0}, "^weight_range must be > 0.0"),
    ({"prime_offset": 2.0}, "^prime_offset must be <= 1.0"),
    ({"random_state": "seed"}, "^random_state must be None"),
])
def test_bad_parameters_name_themselves(data, kwargs, message):
    with pytest.raises((ValueError, TypeError), match=message):
        CascadeCorrelation(**kwargs).fit(*data)


def test_use_before_fit_and_wrong_shapes(data):
    with pytest.raises(RuntimeError, match="not fitted"):
        CascadeCorrelation().predict(data[0])
    net = CascadeCorrelation(max_hidden=1, random_state=0).fit(*data)
    with pytest.raises(ValueError, match="^X must have 2 columns"):
        net.predict(np.ones((3, 3)))
    with pytest.raises(ValueError, match=f"^n_hidden must be <= {net.n_hidden_}"):
        net.predict(data[0], n_hidden=net.n_hidden_ + 1)
    with pytest.raises(ValueError, match="^X must have at least 2 samples"):
        CascadeCorrelation().fit([[0.0, 1.0]], [1])


# --- the notebook's self-checks ------------------------------------------------------------


def test_check_correlation_gradient_accepts_the_gradient_and_names_slips():
    from chapter5.exercises import check_correlation_gradient

    def right(V, f_prime, inputs, E):
        Ec = E - E.mean(axis=0)
        return inputs.T @ ((Ec @ np.sign(V @ Ec)) * f_prime)

    def no_centring(V, f_prime, inputs, E):
        Ec = E - E.mean(axis=0)
        return inputs.T @ ((E @ np.sign(V @ Ec)) * f_prime)

    def no_sign(V, f_prime, inputs, E):
        return inputs.T @ ((E - E.mean(axis=0)).sum(axis=1) * f_prime)

    def sigma_of_uncentred_sum(V, f_prime, inputs, E):  # the sign of sum_p V_p E_p,o
        Ec = E - E.mean(axis=0)
        return inputs.T @ ((Ec @ np.sign(V @ E)) * f_prime)

    def centred_nowhere(V, f_prime, inputs, E):
        return inputs.T @ ((E @ np.sign(V @ E)) * f_prime)

    def no_slope(V, f_prime, inputs, E):
        Ec = E - E.mean(axis=0)
        return inputs.T @ (Ec @ np.sign(V @ Ec))

    def with_V_bar(V, f_prime, inputs, E):  # also right: the V_bar term is zero
        Ec = E - E.mean(axis=0)
        return inputs.T @ ((Ec @ np.sign((V - V.mean()) @ Ec)) * f_prime)

    assert check_correlation_gradient(right)
    assert check_correlation_gradient(with_V_bar)
    assert check_correlation_gradient(lambda *a: list(right(*a))), "any array-like"
    assert "centred" in check_correlation_gradient(no_centring).message
    assert "centred" in check_correlation_gradient(centred_nowhere).message
    assert "σ_o" in check_correlation_gradient(no_sign).message
    wrong_sigma = check_correlation_gradient(sigma_of_uncentred_sum)
    assert not wrong_sigma and "(V_p − V̄)(E_p,o − Ē_o)" in wrong_sigma.message
    assert "slope f'_p" in check_correlation_gradient(no_slope).message
    assert "constant factor" in check_correlation_gradient(
        lambda *a: 2 * right(*a)).message
    assert "opposite sign" in check_correlation_gradient(lambda *a: -right(*a)).message
    assert "shape" in check_correlation_gradient(lambda *a: np.zeros(7)).message
    assert "still None" in repr(check_correlation_gradient(None))
    with pytest.raises(TypeError, match="^grad_S must be a function"):
        check_correlation_gradient(3)


def test_check_cascade_units_wants_the_validation_choice():
    from chapter5.exercises import cascade_overfitting_data, check_cascade_units

    X, y, X_val, y_val, *_ = cascade_overfitting_data()
    net = CascadeCorrelation(max_hidden=25, random_state=0).fit(X, y)
    val = net.stage_scores(X_val, y_val)
    best = int(np.argmax(val))
    ok = check_cascade_units(best)
    assert ok and "test data" in ok.message and "the best of all stages" in ok.message
    # the notebook's solution: 2 units are best, 3 one validation point (of 200) behind
    assert best == 2 and round((val[2] - val[3]) * len(y_val)) == 1
    three = check_cascade_units(3)
    assert three and "one validation point short" in three.message
    assert not check_cascade_units(4), "two points short: the validation data prefer fewer"
    assert "fewer units" in check_cascade_units(4).message
    assert "With 1 unit the" in check_cascade_units(1).message
    assert not check_cascade_units(net.n_hidden_), "the fully grown network overfits"
    assert "stops growing" in check_cascade_units(net.n_hidden_ + 1).message
    with pytest.raises(ValueError, match="^n_hidden must be >= 0"):
        check_cascade_units(-1)


# ---- the callback (a live dashboard draws the network as it grows) -------------------------

def _small_run(**kwargs):
    """Noisy circles that three hidden units solve (six would be the unit limit)."""
    X, y = toy_2d("circles", n=60, noise=0.3, random_state=3)
    return X, y, CascadeCorrelation(max_hidden=6, random_state=4, **kwargs)


def test_callback_sees_every_output_epoch_and_changes_nothing():
    X, y, model = _small_run()
    plain = model.fit(X, y)
    seen = []
    watched = _small_run()[2].fit(X, y, callback=lambda info: seen.append(info) and False)
    assert plain.n_hidden_ >= 2, "a run with several stages"
    assert_array_equal(watched.loss_curve_, plain.loss_curve_)
    assert_array_equal(watched.w_, plain.w_)
    assert watched.stop_reason_ == plain.stop_reason_ == "converged"
    # one call per E of the error curve, in order, with the units installed so far
    assert_array_equal([info.loss for info in seen], plain.loss_curve_)
    t, calls = 0, iter(seen)
    for k, st in enumerate(plain.history_):
        t += st.candidate_epochs
        for j in range(len(st.loss_curve)):
            info = next(calls)
            assert (info.epoch, info.n_hidden) == (t + j, k), "x = epochs so far, k units"
            assert len(info.stages) == k and all(  # the stages completed so far
                a is b for a, b in zip(info.stages, watched.history_, strict=False))
        t += st.output_epochs
        # the last call of a stage sees the stage's network, in the fitted layout
        p = CascadeCorrelation.unpack_parameters(info.params, 2)
        assert_array_equal(p["w"], st.w)
        assert_array_equal(p["theta"], st.theta)
        for v, v_fit in zip(p["hidden_v"], plain.hidden_v_, strict=False):
            assert_array_equal(v, v_fit)
        assert_array_equal(p["hidden_gamma"], plain.hidden_gamma_[:k])
    assert t == plain.n_epochs_ and next(calls, None) is None
    limit = 7 * 400 + 6 * 400  # every stage at its epoch limits
    assert {(i.max_epochs, i.eta, i.val_loss) for i in seen} == {(limit, 0.05, None)}
    assert not seen[-1].params.flags.writeable


def test_callback_stops_growing_where_it_says():
    X, y, model = _small_run()
    full = model.fit(X, y)
    n = len(full.history_[0].loss_curve) + 5  # 5 epochs into the first unit's stage
    calls = []
    stopped = _small_run()[2].fit(X, y, callback=lambda info: calls.append(info) or
                                len(calls) == n)
    assert (stopped.stop_reason_, stopped.converged_, stopped.n_hidden_) == ("callback", False,
                                                                            1)
    assert_array_equal(stopped.loss_curve_, full.loss_curve_[:n])
    last = stopped.history_[-1]
    assert last.output_epochs == 4 and last.E == full.loss_curve_[n - 1]
    p = CascadeCorrelation.unpack_parameters(calls[-1].params, 2)
    assert_array_equal(stopped.w_, p["w"])
    assert_array_equal(stopped.hidden_v_[0], full.hidden_v_[0], err_msg="unit 1 as installed")
    first = _small_run()[2].fit(X, y, callback=lambda info: True)  # before any update
    assert (first.n_hidden_, first.n_epochs_, len(first.loss_curve_)) == (0, 0, 1)


def test_callback_and_unpack_check_their_arguments():
    X, y, model = _small_run()
    with pytest.raises(TypeError, match="^callback must be callable"):
        model.fit(X, y, callback="print")
    with pytest.raises(ValueError, match="^params has 5 entries: not a network of 2 inputs"):
        CascadeCorrelation.unpack_parameters(np.zeros(5), 2)
    p = CascadeCorrelation.unpack_parameters(np.arange(11.0), 2, 2)  # one unit, 2 outputs
    assert p["w"].tolist() == [[3.0, 4.0], [5.0, 6.0], [9.0, 10.0]]
    assert p["theta"].tolist() == [7.0, 8.0] and p["hidden_gamma"].tolist() == [2.0]
