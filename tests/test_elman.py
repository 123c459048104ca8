"""§5.5.5 Elman networks: data, the forward pass by hand, BPTT against finite differences
(exercise 5.9), the temporal-XOR result of Elman (1990), the letter task, and the common
model checks."""

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

from chapter5.exercises import check_elman_gradient
from chapter5.networks.elman import (
    ELMAN_SYLLABLES,
    PARAMETERS,
    ElmanNetwork,
    _bptt,
    _forward,
    error_by_position,
    letter_sequence,
    lookup_table_errors,
    next_step_pairs,
    one_hot,
    temporal_xor,
    worked_example,
)


def sigma(a):
    return 1.0 / (1.0 + np.exp(-a))


def random_network(rng, d=2, q=3, n_out=2, scale=1.0, **kwargs):
    return ElmanNetwork.from_parameters(
        rng.normal(scale=scale, size=(d, q)), rng.normal(scale=scale, size=(q, q)),
        rng.normal(scale=scale, size=q), rng.normal(scale=scale, size=(q, n_out)),
        rng.normal(scale=scale, size=n_out), **kwargs)


def central_differences(error, params, eps=1e-6):
    """Finite differences written out here, independent of the model's own helper."""
    out = {}
    for name, p in params.items():
        grad = np.zeros_like(p)
        for idx in np.ndindex(p.shape):
            old = p[idx]
            p[idx] = old + eps
            up = error()
            p[idx] = old - eps
            down = error()
            p[idx] = old
            grad[idx] = (up - down) / (2 * eps)
        out[name] = grad
    return out


def params_of(net):
    return {k: getattr(net, f"{k}_") for k in PARAMETERS}


# ---- data -------------------------------------------------------------------------------------

def test_temporal_xor_every_third_bit_is_the_xor_of_the_two_before():
    s = temporal_xor(2000, random_state=3)
    assert s.shape == (6000,) and set(np.unique(s)) == {0, 1}
    assert_array_equal(s[2::3], s[0::3] ^ s[1::3])
    assert abs(s[0::3].mean() - 0.5) < 0.05 and abs(s[1::3].mean() - 0.5) < 0.05
    assert_array_equal(s, temporal_xor(2000, random_state=3))
    assert not np.array_equal(s, temporal_xor(2000, random_state=4))


def test_letter_sequence_is_made_of_elmans_syllables():
    text = letter_sequence(300, random_state=0)
    syllables, k = [], 0
    while k < len(text):
        s = ELMAN_SYLLABLES[text[k]]
        assert text[k:k + len(s)] == s, f"bad syllable at {k}"
        syllables.append(text[k])
        k += len(s)
    assert len(syllables) == 300
    counts = np.array([syllables.count(c) for c in "bdg"])
    assert np.all(np.abs(counts / 300 - 1 / 3) < 0.08), "consonants are a fair 3-way draw"
    X = one_hot(text)
    assert X.shape == (len(text), 6) and np.all(X.sum(axis=1) == 1)


def test_next_step_pairs_targets_are_the_next_element():
    X, Y = next_step_pairs([[1, 0], [0, 1], [1, 1]])
    assert_array_equal(X, [[1, 0], [0, 1]])
    assert_array_equal(Y, [[0, 1], [1, 1]])
    X, Y = next_step_pairs(np.arange(11), n_streams=3)  # 10 pairs -> 3 stretches of 3
    assert X.shape == Y.shape == (3, 3, 1)
    assert_array_equal(X[1, :, 0], [3, 4, 5])
    assert_array_equal(Y[1, :, 0], [4, 5, 6])


def test_error_by_position_groups_by_the_targets_place_in_the_triplet():
    errors = np.arange(9.0)  # targets 1..9: positions 1, 2, 0, 1, 2, 0, ...
    assert_allclose(error_by_position(errors), [(2 + 5 + 8) / 3, (0 + 3 + 6) / 3,
                                                (1 + 4 + 7) / 3])
    assert error_by_position(np.ones((4, 9))).shape == (4, 3)
    with pytest.raises(ValueError, match="errors must cover every position"):
        error_by_position([1.0, 2.0])


def test_lookup_tables_give_the_analytic_floors():
    """Knowing the last two bits, the best guess of the next bit is right 2/3 of the time on
    average: errors 5/18, 5/18, 1/9 by position; knowing the phase too: 1/4, 1/4, 0."""
    s = temporal_xor(6000, random_state=0)
    assert_allclose(error_by_position(lookup_table_errors(s, 2)), [5 / 18, 5 / 18, 1 / 9],
                    atol=0.01)
    assert_allclose(error_by_position(lookup_table_errors(s, 2, period=3)), [0.25, 0.25, 0.0],
                    atol=0.01)
    assert_allclose(error_by_position(lookup_table_errors(s, 0)), [0.25] * 3, atol=0.01)


# ---- the forward pass, by hand --------------------------------------------------------------

def test_sec5_5_5_forward_pass_of_the_worked_example_by_hand():
    net, x, y = worked_example()
    B, Y_hat = net.forward(x)
    # t = 1, x = 1, context b(0) = (0.5, 0.5):
    #   alpha_1 = 1*1 + 0.5*0.5 + 0.5*1 = 1.75,  b_1 = f(1.75 - 0.5)
    #   alpha_2 = 1*(-1) + 0.5*(-1) + 0.5*0.5 = -1.25,  b_2 = f(-1.25 + 0.5)
    b1 = np.array([sigma(1.25), sigma(-0.75)])
    assert_allclose(B[0], b1, err_msg="b_h(1) = f(sum_i v_ih x_i + sum_h' u_h'h c_h' - γ_h)")
    y1 = sigma(1.5 * b1[0] - 2.0 * b1[1] - 0.25)
    assert_allclose(Y_hat[0, 0], y1, err_msg="ŷ(1) = f(sum_h w_hj b_h - θ_j)")
    # t = 2, x = 0: only the context feeds the hidden layer
    b2 = sigma(np.array([0.5 * b1[0] + 1.0 * b1[1] - 0.5, -1.0 * b1[0] + 0.5 * b1[1] + 0.5]))
    assert_allclose(B[1], b2, err_msg="b(2) reads b(1) through u")
    E = 0.5 * np.sum((Y_hat[:, 0] - y) ** 2) / 3
    assert_allclose(net.error(x, y), E, err_msg="E: the mean of E(t) over the steps")


# ---- BPTT (exercise 5.9) --------------------------------------------------------------------

@pytest.mark.parametrize(("shape", "seed"), [((1, 4, 1, 2, 1), 0), ((3, 5, 2, 3, 2), 1),
                                             ((2, 7, 3, 4, 3), 2)])
def test_ex5_9_bptt_gradients_match_central_differences(shape, seed):
    m, T, d, q, n_out = shape
    rng = np.random.default_rng(seed)
    net = random_network(rng, d, q, n_out, context_init=0.3)
    X, Y = rng.normal(size=(m, T, d)), rng.uniform(size=(m, T, n_out))
    analytic = net.gradients(X, Y)
    numeric = central_differences(lambda: net.error(X, Y), params_of(net))
    for k in PARAMETERS:
        assert_allclose(analytic[k], numeric[k], rtol=1e-6, atol=1e-9,
                        err_msg=f"∂E/∂{k}: BPTT vs central differences")
        assert np.any(np.abs(analytic[k]) > 1e-4), f"∂E/∂{k} is trivially zero"
    helper = net.numerical_gradients(X, Y)
    for k in PARAMETERS:
        assert_allclose(helper[k], numeric[k], rtol=1e-6, atol=1e-10)


def test_ex5_9_the_one_step_rule_is_the_gradient_with_the_context_held_fixed():
    """Elman's original rule (bptt=False) is the exact gradient of the error when each
    step's context b(t - 1) is treated as a given input, not as a function of the weights."""
    rng = np.random.default_rng(5)
    net = random_network(rng, 2, 3, 2)
    X, Y = rng.normal(size=(2, 6, 2)), rng.uniform(size=(2, 6, 2))
    B, _ = net.forward(X)
    context = np.concatenate([np.full((2, 1, 3), 0.5), B[:, :-1]], axis=1)  # frozen

    def frozen_error():
        b = sigma(X @ net.v_ + context @ net.u_ - net.gamma_)
        y_hat = sigma(b @ net.w_ - net.theta_)
        return 0.5 * np.sum((y_hat - Y) ** 2) / (2 * 6)

    numeric = central_differences(frozen_error, params_of(net))
    one_step = net.gradients(X, Y, bptt=False)
    full = net.gradients(X, Y)
    for k in PARAMETERS:
        assert_allclose(one_step[k], numeric[k], rtol=1e-6, atol=1e-9, err_msg=k)
    for k in ("w", "theta"):
        assert_allclose(one_step[k], full[k], err_msg=f"{k} never sees the future term")
    for k in ("v", "u", "gamma"):
        assert not np.allclose(one_step[k], full[k]), f"{k}: the future term matters"


def test_ex5_9_without_recurrent_weights_the_future_term_vanishes():
    rng = np.random.default_rng(6)
    net = random_network(rng, 2, 3, 1)
    net.u_[:] = 0.0
    X, Y = rng.normal(size=(2, 5, 2)), rng.uniform(size=(2, 5, 1))
    full, one_step = net.gradients(X, Y), net.gradients(X, Y, bptt=False)
    for k in PARAMETERS:
        assert_allclose(full[k], one_step[k], atol=1e-15, err_msg=k)


def test_terms_are_the_books_g_and_e_extended_over_time():
    net, x, y = worked_example()
    t = net.terms(x, y)
    y_hat, b, g, e = t["y_hat"][:, 0], t["b"], t["g"][:, 0], t["e"]
    assert_allclose(g, y_hat * (1 - y_hat) * (y - y_hat), err_msg="g_j(t) (5.10)")
    assert_allclose(e[2], b[2] * (1 - b[2]) * net.w_[:, 0] * g[2],
                    err_msg="e_h(T): no later error")
    assert_allclose(e[1], b[1] * (1 - b[1]) * (net.w_[:, 0] * g[1] + net.u_ @ e[2]),
                    err_msg="e_h(t) = f'(.) [sum_j w_hj g_j(t) + sum_h'' u_hh'' e_h''(t+1)]")
    grad = net.gradients(x, y)
    prev = np.vstack([np.full(2, 0.5), b[:-1]])
    assert_allclose(grad["u"], -(prev.T @ e) / 3, err_msg="∂E/∂u_h'h = -Σ_t e_h(t) b_h'(t-1)")


# ---- training ----------------------------------------------------------------------------

def test_full_bptt_epoch_is_one_gradient_step_and_truncation_carries_the_context():
    rng = np.random.default_rng(7)
    X, Y = rng.normal(size=(3, 8, 2)), rng.uniform(size=(3, 8, 1))
    start = random_network(rng, 2, 3, 1)
    p0 = {k: v.copy() for k, v in params_of(start).items()}
    eta = 0.7
    full = ElmanNetwork.from_parameters(*p0.values(), eta=eta, n_epochs=1).fit(X, Y)
    grads = start.gradients(X, Y)
    for k in PARAMETERS:
        assert_allclose(getattr(full, f"{k}_"), p0[k] - eta * grads[k], rtol=1e-12,
                        err_msg=f"full BPTT: {k} <- {k} - η ∂E/∂{k}")
    assert full.n_updates_ == 1
    # truncated: two windows of 4 steps; the second starts from the first window's b(4)
    trunc = ElmanNetwork.from_parameters(*p0.values(), eta=eta, n_epochs=1, window=4).fit(X, Y)
    assert trunc.n_updates_ == 2
    P = {k: v[None].copy() for k, v in p0.items()}
    c = np.full((1, 3, 3), 0.5)
    for w in range(2):
        Xw, Yw = X[:, 4 * w:4 * w + 4], Y[:, 4 * w:4 * w + 4]
        B, Y_hat = _forward(Xw, P, c)
        g = _bptt(Xw, Yw, P, c, B, Y_hat)[0]
        for k in PARAMETERS:
            P[k] = P[k] - eta * g[k][None]
        c = B[:, :, -1]
    for k in PARAMETERS:
        assert_allclose(getattr(trunc, f"{k}_"), P[k][0], rtol=1e-12, err_msg=k)


def test_history_replays_the_training_run():
    X, Y = next_step_pairs(temporal_xor(60, random_state=0), n_streams=4)
    net = ElmanNetwork(3, eta=2.0, n_epochs=20, window=10, record_every=5,
                       random_state=0).fit(X, Y)
    assert_array_equal(net.history_.epochs, [0, 5, 10, 15, 20])
    last = net.history_.parameters(-1)
    for k in PARAMETERS:
        assert_array_equal(last[k], getattr(net, f"{k}_"))
    Xt, Yt = next_step_pairs(temporal_xor(30, random_state=1))
    replay = net.evaluate_history(Xt, Yt)
    assert replay["squared_errors"].shape == (5, 89)
    assert_allclose(replay["squared_errors"][-1], net.squared_errors(Xt, Yt), rtol=1e-12)
    assert_allclose(replay["loss"][-1], net.error(Xt, Yt), rtol=1e-12)
    assert net.loss_curve_.shape == (20,) and net.loss_curve_[-1] < net.loss_curve_[0]


def test_temporal_xor_error_is_low_on_the_predictable_bit_only():
    """Elman (1990): after training, the error cycles with period 3; it is low where
    the bit is the XOR of the two before and near chance (0.25) on the random bits."""
    X, Y = next_step_pairs(temporal_xor(1000, random_state=0), n_streams=100)
    net = ElmanNetwork(8, eta=4.0, n_epochs=400, window=15, momentum=0.9,
                       random_state=0).fit(X, Y)
    Xt, Yt = next_step_pairs(temporal_xor(300, random_state=1))
    by_pos = error_by_position(net.squared_errors(Xt, Yt))
    assert by_pos[2] < 0.05, f"predictable bit: {by_pos}"
    assert np.all((by_pos[:2] > 0.2) & (by_pos[:2] < 0.32)), f"random bits: {by_pos}"
    table = error_by_position(lookup_table_errors(temporal_xor(300, random_state=1), 2))
    assert by_pos.mean() < table.mean() - 0.02, "below the two-bit floor: it found the phase"


def test_elmans_one_step_rule_stays_at_the_two_bit_heuristic():
    """Same run without BPTT (seed 0, 400 epochs): averaged over the three bits, it does about
    as well as a table of the last two bits (the table is a floor for that mean only), not
    the phase. Bit by bit it trades: a little below the table on the XOR bit, above on bit 2."""
    X, Y = next_step_pairs(temporal_xor(1000, random_state=0), n_streams=100)
    net = ElmanNetwork(8, eta=4.0, n_epochs=400, window=15, momentum=0.9, bptt=False,
                       random_state=0).fit(X, Y)
    test = temporal_xor(300, random_state=1)
    by_pos = error_by_position(net.squared_errors(*next_step_pairs(test)))
    table = error_by_position(lookup_table_errors(test, 2))
    assert 0.07 < by_pos[2] < 0.15 and np.all(by_pos[:2] > 0.25), by_pos
    assert abs(by_pos.mean() - table.mean()) < 0.01, (by_pos, table)
    assert by_pos[2] < table[2] and by_pos[1] > table[1], "a trade between the bits"


def test_letter_task_vowels_are_predictable_consonants_are_not():
    X, Y = next_step_pairs(one_hot(letter_sequence(1000, random_state=0)), n_streams=100)
    net = ElmanNetwork(8, eta=2.0, n_epochs=300, window=15, momentum=0.5,
                       random_state=0).fit(X, Y)
    test = letter_sequence(200, random_state=1)
    err = net.squared_errors(*next_step_pairs(one_hot(test)))
    consonant = np.isin(list(test[1:]), list("bdg"))
    assert err[~consonant].mean() < 0.03
    assert abs(err[consonant].mean() - 2 / 3) < 0.05, "a consonant is a 1-in-3 guess: 6/9"
    after = {p: net.predict_proba(one_hot("ba" + p))[-1] for p in ("d", "di", "guu", "dii")}
    assert after["d"][4] > 0.9 and after["di"][4] > 0.9 and after["guu"][5] > 0.9
    assert_allclose(after["dii"][:3], [1 / 3] * 3, atol=0.12,
                    err_msg="after a syllable: each consonant about 1/3")


def test_a_huge_learning_rate_is_reported_as_divergence():
    X, Y = next_step_pairs(temporal_xor(30, random_state=0), n_streams=2)
    net = ElmanNetwork(3, eta=1e9, n_epochs=5, random_state=0).fit(X, Y)
    assert net.diverged_ and net.n_epochs_ < 5
    assert all(np.all(np.isfinite(getattr(net, f"{k}_"))) for k in PARAMETERS)


# ---- common model checks ------------------------------------------------------------------

@pytest.fixture
def seq():
    X, Y = next_step_pairs(temporal_xor(20, random_state=0), n_streams=3)
    return X, Y


def test_fit_returns_self_and_no_state_before_fit(seq):
    net = ElmanNetwork(3, n_epochs=3, random_state=0)
    assert not [k for k in vars(net) if k.endswith("_")]
    assert net.fit(*seq) is net
    assert {"v_", "u_", "gamma_", "w_", "theta_", "loss_curve_", "history_"} <= set(vars(net))
    with pytest.raises(RuntimeError, match="no parameters yet"):
        ElmanNetwork().predict(seq[0])


def test_same_seed_same_result_and_inputs_not_mutated(seq):
    X, Y = seq
    X0, Y0 = X.copy(), Y.copy()
    a = ElmanNetwork(3, n_epochs=5, window=4, random_state=2).fit(X, Y)
    b = ElmanNetwork(3, n_epochs=5, window=4, random_state=2).fit(X, Y)
    assert_array_equal(a.predict_proba(X), b.predict_proba(X))
    assert_array_equal(a.loss_curve_, b.loss_curve_)
    c = ElmanNetwork(3, n_epochs=5, window=4, random_state=3).fit(X, Y)
    assert not np.array_equal(a.predict_proba(X), c.predict_proba(X))
    a.gradients(X, Y)
    a.evaluate_history(X, Y)
    assert_array_equal(X, X0)
    assert_array_equal(Y, Y0)


def test_layouts_one_sequence_or_many():
    net, x, y = worked_example()
    assert net.predict_proba(x).shape == (3, 1) and net.predict(x).shape == (3,)
    assert net.predict_proba(x[None, :, None]).shape == (1, 3, 1)
    assert_allclose(net.predict_proba(x)[:, 0], net.predict_proba(x[None, :, None])[0, :, 0])
    assert net.squared_errors(x, y).shape == (3,)


@pytest.mark.parametrize(("X", "Y", "exc", "match"), [
    ("not an array", [0, 1], TypeError, "X must be numeric"),
    ([0.0, np.nan], [0, 1], ValueError, "X must contain only finite"),
    (np.zeros((2, 3, 1)), np.zeros((2, 4, 1)), ValueError, "Y must have one target per step"),
    ([0.0, 1.0], [0.0, 3.0], ValueError, r"Y must lie in \[0, 1\]"),
    (np.zeros((2, 2, 2, 2)), [0, 1], ValueError, "X must be 1-D or 2-D or 3-D"),
    (np.zeros((0, 2)), [], ValueError, "X must contain at least one time step"),
])
def test_bad_data_raise_errors_naming_the_argument(X, Y, exc, match):
    with pytest.raises(exc, match="^" + match):
        ElmanNetwork(2, n_epochs=1, random_state=0).fit(X, Y)


@pytest.mark.parametrize(("kwargs", "exc", "match"), [
    ({"n_hidden": 0}, ValueError, "n_hidden must be >= 1"),
    ({"n_hidden": 2.5}, TypeError, "n_hidden must be an integer"),
    ({"eta": 0.0}, ValueError, "eta must be > 0.0"),
    ({"n_epochs": 0}, ValueError, "n_epochs must be >= 1"),
    ({"window": 0}, ValueError, "window must be >= 1"),
    ({"bptt": "yes"}, TypeError, "bptt must be True or False"),
    ({"momentum": 1.0}, ValueError, "momentum must be < 1.0"),
    ({"context_init": 2.0}, ValueError, "context_init must be <= 1.0"),
    ({"init_range": -1.0}, ValueError, "init_range must be > 0.0"),
    ({"random_state": "a"}, TypeError, "random_state must be"),
])
def test_bad_settings_raise_errors_naming_the_argument(seq, kwargs, exc, match):
    with pytest.raises(exc, match="^" + match):
        ElmanNetwork(**{"n_hidden": 2, "n_epochs": 1, **kwargs}).fit(*seq)


def test_predicting_with_the_wrong_width_and_bad_parameters():
    net, x, y = worked_example()
    with pytest.raises(ValueError, match="X must have 1 feature"):
        net.predict(np.ones((3, 2)))
    with pytest.raises(ValueError, match="u must have shape"):
        ElmanNetwork.from_parameters([[1.0, 2.0]], [[1.0]], [0.0, 0.0], [[1.0], [1.0]], [0.0])
    with pytest.raises(ValueError, match="the given parameters are for 1 inputs"):
        net.fit(np.ones((3, 2)), y)


# ---- the self-check of exercise 5.9 -----------------------------------------------------------

def test_check_elman_gradient_judges_without_revealing():
    net, x, y = worked_example()
    full, one_step = net.gradients(x, y), net.gradients(x, y, bptt=False)
    answer = 3 * full["u"][0, 0]  # E is the sum over the 3 steps in the exercise
    ok = check_elman_gradient(round(answer, 5))
    assert ok and "matches" in ok.message
    assert f"{answer:.3f}" not in repr(ok) and f"{answer:.2f}" not in repr(ok)
    assert "sign" in check_elman_gradient(-answer).message
    assert "one-step" in check_elman_gradient(3 * one_step["u"][0, 0]).message
    assert "averaged" in check_elman_gradient(answer / 3).message
    # the likeliest slip: the future term sent back through u^T instead of u (-0.02682)
    B, Y_hat = net.forward(x)
    g = Y_hat[:, 0] * (1 - Y_hat[:, 0]) * (y - Y_hat[:, 0])
    e = np.zeros((4, 2))
    for t in (2, 1, 0):
        e[t] = B[t] * (1 - B[t]) * (net.w_[:, 0] * g[t] + net.u_.T @ e[t + 1])
    slip = -(np.vstack([[0.5, 0.5], B[:-1]]).T @ e[:3])[0, 0]
    assert abs(slip - answer) > 0.02, "the slip must give a different number"
    for value in (slip, round(slip, 5)):
        hint = check_elman_gradient(value)
        assert not hint and "which index of u the error comes back through" in hint.message
        assert f"{answer:.3f}" not in hint.message
    assert "sign" in check_elman_gradient(-slip).message
    # the right method for the wrong entry: u_21 instead of u_11 (subscripts swapped)
    swapped = check_elman_gradient(3 * full["u"][1, 0])
    assert not swapped and "∂E/∂u_21" in swapped.message and "subscripts" in swapped.message
    assert "∂E/∂v_12" in check_elman_gradient(3 * full["v"][0, 1], "v", (1, 1)).message
    wrong = check_elman_gradient(answer + 0.05)
    assert not wrong and f"{answer:.3f}" not in wrong.message
    assert check_elman_gradient(3 * full["gamma"][1], "gamma", 2)
    assert check_elman_gradient(3 * full["w"][1, 0], "w", (2, 1))
    assert "still None" in repr(check_elman_gradient(None))
    with pytest.raises(ValueError, match="^index must be 2"):
        check_elman_gradient(0.1, "u", (3, 1))
    with pytest.raises(ValueError, match="^unknown parameter"):
        check_elman_gradient(0.1, "q")
    with pytest.raises(TypeError, match="^value must be a number"):
        check_elman_gradient("0.1")
