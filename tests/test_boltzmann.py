"""§5.5.6 Boltzmann machines (5.20)-(5.21) and RBMs (5.22)-(5.24), checked by enumeration."""

import itertools
import warnings

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

from chapter5.networks.boltzmann import (
    RBM,
    BoltzmannMachine,
    all_states,
    bars_and_stripes,
    empirical_distribution,
    state_index,
    total_variation,
)

# A 4-unit machine with couplings of both signs; its smallest state probability is 0.0069,
# so 4000 samples give every state an expected count above 27 (chi-square is valid).
W4 = np.array([[0.0, 1.5, -1.0, 0.5],
               [1.5, 0.0, 0.8, -1.2],
               [-1.0, 0.8, 0.0, 1.0],
               [0.5, -1.2, 1.0, 0.0]])
THETA4 = np.array([-0.5, 0.3, -0.2, 0.1])

CHI2_15_999 = 37.697
"""The 0.999 quantile of the chi-square distribution with 15 degrees of freedom (16 states):
a correct sampler exceeds it with probability 0.1 %. Tabulated value (e.g. NIST/SEMATECH
e-Handbook, Table 1.3.6.7.4), since scipy is not a dependency."""


def chi_square(counts, p):
    expected = p * counts.sum()
    return float(((counts - expected) ** 2 / expected).sum())


def random_rbm(d, q, seed, scale=1.0):
    """An RBM with given random parameters (fit for zero epochs, then overwritten)."""
    rng = np.random.default_rng(seed)
    rbm = RBM(d, q, n_epochs=0, random_state=0).fit(np.zeros((1, d)))
    rbm.w_ = rng.normal(0, scale, (d, q))
    rbm.theta_v_ = rng.normal(0, scale, d)
    rbm.theta_h_ = rng.normal(0, scale, q)
    return rbm


# ------------------------------------------------------------------ (5.20), (5.21)

def test_eq5_20_energy_by_hand_and_by_the_books_double_sum():
    w = np.array([[0.0, 1.0, -2.0], [1.0, 0.0, 0.5], [-2.0, 0.5, 0.0]])
    theta = np.array([0.5, -1.0, 0.25])
    bm = BoltzmannMachine(w, theta)
    # s = (1, 0, 1): only w_13 and theta_1, theta_3 count: E = -(-2) - (0.5 + 0.25) = 1.25
    assert_allclose(bm.energy([1, 0, 1]), [1.25], err_msg="E(s) (5.20) by hand")
    S = all_states(3)
    book = [-sum(w[i, j] * s[i] * s[j] for i in range(2) for j in range(i + 1, 3))
            - sum(theta[i] * s[i] for i in range(3)) for s in S]
    assert_allclose(bm.energy(S), book, rtol=1e-14,
                    err_msg="E(s) (5.20): -sum_{i<j} w_ij s_i s_j - sum_i theta_i s_i")


def test_eq5_21_distribution_sums_to_one_and_follows_the_energy():
    bm = BoltzmannMachine(W4, THETA4)
    P = bm.distribution()
    assert P.shape == (16,) and np.all(P > 0)
    assert_allclose(P.sum(), 1.0, rtol=1e-14, err_msg="P(s) (5.21) sums to 1")
    E = bm.energy(bm.states())
    assert_allclose(P[:, None] / P[None, :], np.exp(E[None, :] - E[:, None]), rtol=1e-12,
                    err_msg="P(s)/P(t) = exp(E(t) - E(s)) (5.21)")
    assert_allclose(np.log(P), -E - bm.log_partition(), rtol=1e-12)
    assert int(np.argmax(P)) == int(np.argmin(E)), "the most likely state has the least energy"


def test_theta_enters_as_in_the_book_a_positive_theta_favours_on():
    bm = BoltzmannMachine(np.zeros((1, 1)), [2.0])
    assert_allclose(bm.distribution(), [1 / (1 + np.e ** 2), 1 / (1 + np.e ** -2)],
                    err_msg="E(s) = -theta s: P(s = 1) = sigma(theta)")


def test_conditional_of_one_unit_equals_the_enumerated_joint():
    bm = BoltzmannMachine(W4, THETA4)
    S, P = bm.states(), bm.distribution()
    for i in range(4):
        on = S[:, i] == 1
        partner = state_index(np.where(on[:, None], S - np.eye(4)[i], S + np.eye(4)[i]))
        from_joint = np.where(on, P, P[partner]) / (P + P[partner])  # P(s_i = 1 | rest)
        assert_allclose(bm.conditional(S, i), from_joint, rtol=1e-12,
                        err_msg=f"P(s_{i + 1} = 1 | rest) = sigma(sum_j w_ij s_j + theta_i)")


def _sweep_kernel(bm):
    """The exact transition matrix of one Gibbs sweep (units 1 .. n in turn), 2^n x 2^n."""
    S = bm.states()
    T = np.eye(len(S))
    for i in range(bm.n):
        Ti = np.zeros_like(T)
        p_on = bm.conditional(S, i)
        on, off = S.copy(), S.copy()
        on[:, i], off[:, i] = 1, 0
        Ti[np.arange(len(S)), state_index(on)] += p_on
        Ti[np.arange(len(S)), state_index(off)] += 1 - p_on
        T = T @ Ti
    return T


def test_gibbs_sampling_histogram_matches_the_exact_distribution():
    bm = BoltzmannMachine(W4, THETA4)
    P = bm.distribution()
    # burn-in justified exactly: from the uniform start, 30 sweeps leave a TV below 1e-6
    start = np.full(16, 1 / 16)
    assert total_variation(start @ np.linalg.matrix_power(_sweep_kernel(bm), 30), P) < 1e-6
    assert_allclose(P @ _sweep_kernel(bm), P, atol=1e-14, err_msg="P is stationary")
    S = bm.gibbs(30, n_chains=4000, random_state=0)   # 4000 independent chains
    counts = np.bincount(state_index(S), minlength=16)
    assert chi_square(counts, P) < CHI2_15_999, "Gibbs histogram differs from (5.21)"
    assert total_variation(counts / 4000, P) < 0.05
    # the same test rejects a sampler of the wrong distribution (theta with the wrong sign)
    wrong = BoltzmannMachine(W4, -THETA4).distribution()
    assert chi_square(counts, wrong) > 10 * CHI2_15_999


def test_gibbs_path_and_start_and_seed():
    bm = BoltzmannMachine(W4, THETA4)
    path = bm.gibbs(5, n_chains=3, s0=[1, 1, 1, 1], random_state=1, return_path=True)
    assert path.shape == (6, 3, 4)
    assert_array_equal(path[0], np.ones((3, 4)))
    assert_array_equal(path[-1], bm.gibbs(5, n_chains=3, s0=[1, 1, 1, 1], random_state=1))
    assert set(np.unique(path)) <= {0.0, 1.0}
    exact = bm.sample_exact(4000, random_state=0)
    counts = np.bincount(state_index(exact), minlength=16)
    assert chi_square(counts, bm.distribution()) < CHI2_15_999


def test_boltzmann_machine_rejects_bad_parameters():
    with pytest.raises(ValueError, match="^w must be symmetric"):
        BoltzmannMachine([[0, 1], [2, 0]], [0, 0])
    with pytest.raises(ValueError, match="^w must have a zero diagonal"):
        BoltzmannMachine([[1, 0], [0, 0]], [0, 0])
    with pytest.raises(ValueError, match="^w must be a square"):
        BoltzmannMachine(np.zeros((2, 3)), [0, 0])
    with pytest.raises(ValueError, match="^theta must have 2 entries"):
        BoltzmannMachine(np.zeros((2, 2)), [0, 0, 0])
    bm = BoltzmannMachine(np.zeros((2, 2)), [0, 0])
    with pytest.raises(ValueError, match="^S must contain only 0s and 1s"):
        bm.energy([[0, 0.5]])
    with pytest.raises(ValueError, match="^S must have 2 columns"):
        bm.energy([[0, 1, 1]])
    with pytest.raises(ValueError, match="^s0 must have 1 or n_chains"):
        bm.gibbs(1, n_chains=3, s0=np.zeros((2, 2)))
    with pytest.raises(TypeError, match="^n_sweeps must be an integer"):
        bm.gibbs(1.5)


def test_state_helpers():
    S = all_states(3)
    assert_array_equal(state_index(S), np.arange(8))
    assert_allclose(empirical_distribution([[0, 1], [0, 1], [1, 1], [0, 0]]),
                    [0.25, 0.5, 0.0, 0.25])
    assert total_variation([0.2, 0.8], [0.2, 0.8]) == 0.0
    assert total_variation([1, 0], [0, 1]) == 1.0
    with pytest.raises(ValueError, match="^q must have the same length"):
        total_variation([1, 0], [0.5, 0.25, 0.25])


def test_bars_and_stripes():
    X = bars_and_stripes(3)
    assert X.shape == (14, 9) and len(np.unique(X, axis=0)) == 14
    for x in X.reshape(-1, 3, 3):
        rows_const = np.all(x == x[:, :1], axis=1).all()
        cols_const = np.all(x == x[:1, :], axis=0).all()
        assert rows_const or cols_const, "every pattern is stripes or bars"
    assert len(np.unique(bars_and_stripes(4), axis=0)) == 30 == 2 * 2 ** 4 - 2
    with pytest.raises(ValueError, match="^n must be >= 1"):
        bars_and_stripes(0)


# ------------------------------------------------------------------ RBM: (5.22), (5.23)

def test_eq5_22_eq5_23_conditionals_factorize_checked_on_the_enumerated_joint():
    d, q = 3, 2
    rbm = random_rbm(d, q, seed=0)
    bm = rbm.as_boltzmann_machine()
    joint = bm.distribution().reshape(2 ** d, 2 ** q)   # s = (v, h): v leads, h trails
    V, H = all_states(d), all_states(q)
    p_v_given_h = joint / joint.sum(axis=0, keepdims=True)   # [v, h]
    p_h_given_v = joint / joint.sum(axis=1, keepdims=True)
    vv, hh = np.repeat(V, len(H), axis=0), np.tile(H, (len(V), 1))  # all (v, h) pairs
    assert_allclose(rbm.p_v_given_h(vv, hh), p_v_given_h.ravel(), rtol=1e-12,
                    err_msg="P(v|h) = prod_i P(v_i|h) (5.22)")
    assert_allclose(rbm.p_h_given_v(hh, vv), p_h_given_v.ravel(), rtol=1e-12,
                    err_msg="P(h|v) = prod_j P(h_j|v) (5.23)")
    # the factors themselves: P(v_i = 1 | h) from the joint, one unit at a time
    pv = rbm.prob_v(H)
    for i in range(d):
        marg = sum(p_v_given_h[k] for k in range(2 ** d) if V[k, i] == 1)
        assert_allclose(pv[:, i], marg, rtol=1e-12, err_msg=f"P(v_{i + 1} = 1 | h)")
    assert_allclose(rbm.energy(vv, hh), bm.energy(np.hstack([vv, hh])), rtol=1e-12,
                    err_msg="the RBM's energy is (5.20) without v-v and h-h weights")


def test_free_energy_partition_function_and_exact_log_likelihood():
    for d, q in ((3, 4), (4, 2)):
        rbm = random_rbm(d, q, seed=d)
        bm = rbm.as_boltzmann_machine()
        V, H = all_states(d), all_states(q)
        summed = np.array([np.exp(-rbm.energy(np.repeat(v[None], len(H), 0), H)).sum()
                           for v in V])
        assert_allclose(np.exp(-rbm.free_energy(V)), summed, rtol=1e-12,
                        err_msg="exp(-F(v)) = sum_h exp(-E(v, h))")
        logZ = bm.log_partition()
        for over in ("visible", "hidden", "auto"):
            assert_allclose(rbm.log_partition(over), logZ, rtol=1e-12, err_msg=over)
        marginal = bm.distribution().reshape(2 ** d, 2 ** q).sum(axis=1)
        assert_allclose(rbm.distribution(), marginal, rtol=1e-12)
        X = V[[0, 3, 5]]
        assert_allclose(rbm.log_likelihood(X), np.log(marginal[[0, 3, 5]]).mean(), rtol=1e-12)
        assert_allclose(rbm.probability(X), marginal[[0, 3, 5]], rtol=1e-12)


def test_exact_gradient_against_central_finite_differences():
    rbm = random_rbm(3, 2, seed=4, scale=0.7)
    X = all_states(3)[[1, 2, 6, 7, 7]]
    g = rbm.exact_gradient(X)
    eps = 1e-6
    for name in ("w_", "theta_v_", "theta_h_"):
        param = getattr(rbm, name)
        fd = np.zeros_like(param)
        for idx in np.ndindex(param.shape):
            old = param[idx]
            param[idx] = old + eps
            up = rbm.log_likelihood(X)
            param[idx] = old - eps
            down = rbm.log_likelihood(X)
            param[idx] = old
            fd[idx] = (up - down) / (2 * eps)
        assert_allclose(g[name[:-1]], fd, atol=1e-8,
                        err_msg=f"d mean log P(v) / d {name[:-1]}")


# ------------------------------------------------------------------ CD-k, (5.24)

def test_eq5_24_update_by_hand_on_a_deterministic_chain():
    # huge weights make every conditional 0 or 1 (within 2e-9): v = (1, 0) -> h = 1 ->
    # v' = (0, 1) -> h' = 0, so (5.24) gives dw = eta (v h^T - v' h'^T) = eta [[1], [0]]
    rbm = RBM(2, 1, k=1, eta=0.5, statistics="samples", n_epochs=0).fit([[1, 0]])
    rbm.w_ = np.array([[40.0], [-40.0]])
    rbm.theta_h_ = np.array([-20.0])
    rbm.theta_v_ = np.array([-60.0, 60.0])
    step = rbm.contrastive_divergence([[1, 0]], random_state=0)
    assert_array_equal(step["h"], [[1]])
    assert_array_equal(step["v_k"], [[0, 1]])
    assert_array_equal(step["h_k"], [[0]])
    assert_allclose(step["dw"], [[0.5], [0.0]], err_msg="dw = eta (v h^T - v' h'^T) (5.24)")
    assert_allclose(step["dtheta_v"], [0.5, -0.5], err_msg="dtheta_v = eta (v - v')")
    assert_allclose(step["dtheta_h"], [0.5], err_msg="dtheta_h = eta (h - h')")
    rbm.statistics = "probabilities"  # P(h = 1 | v) instead of h: the same up to 2e-9
    assert_allclose(rbm.contrastive_divergence([[1, 0]], random_state=0)["dw"],
                    [[0.5], [0.0]], atol=1e-8)


@pytest.mark.parametrize("statistics", ["samples", "probabilities"])
def test_eq5_24_batch_update_is_the_mean_of_the_chains_terms(statistics):
    rbm = random_rbm(4, 3, seed=1)
    rbm.statistics, rbm.eta, rbm.k = statistics, 0.3, 2
    V = all_states(4)[[3, 5, 9, 14]]
    s = rbm.contrastive_divergence(V, random_state=2)
    h, hk = (s["h"], s["h_k"]) if statistics == "samples" else (s["ph"], s["ph_k"])
    expected = sum(np.outer(V[m], h[m]) - np.outer(s["v_k"][m], hk[m]) for m in range(4)) / 4
    assert_allclose(s["dw"], 0.3 * expected, rtol=1e-12)
    assert_allclose(s["ph"], rbm.prob_h(V))
    assert_allclose(s["ph_k"], rbm.prob_h(s["v_k"]))


def test_cd_with_a_long_chain_estimates_the_exact_gradient():
    # CD-k's chain starts at the data; run long enough it forgets the start and the update's
    # mean is the log-likelihood gradient. Averaged over 4000 copies of the data set.
    rbm = random_rbm(3, 2, seed=4, scale=0.7)
    rbm.eta, rbm.k = 1.0, 20
    X = all_states(3)[[1, 2, 6, 7, 7]]
    s = rbm.contrastive_divergence(np.tile(X, (4000, 1)), random_state=0)
    g = rbm.exact_gradient(X)
    assert_allclose(s["dw"], g["w"], atol=0.02, err_msg="CD-20 ~ exact gradient (w)")
    assert_allclose(s["dtheta_v"], g["theta_v"], atol=0.02)
    assert_allclose(s["dtheta_h"], g["theta_h"], atol=0.02)


def test_cd1_raises_the_exact_log_likelihood_on_bars_and_stripes():
    X = bars_and_stripes(3)
    rbm = RBM(9, 8, k=1, eta=1.0, n_epochs=400, batch_size=14, init_scale=0.1,
              random_state=0).fit(X)
    ll = rbm.log_likelihood_curve_
    assert ll.shape == (401,)
    assert_allclose(ll[-1], rbm.log_likelihood(X), rtol=1e-12)
    assert ll[0] < -6.0, "a near-uniform start: about -9 ln 2"
    assert ll[-1] > ll[0] + 2.0, "CD-1 raises the exact mean log-likelihood"
    assert ll[-1] < -np.log(14), "no model beats the empirical distribution"
    first, last = rbm.at_epoch(0), rbm
    assert last.probability(X).sum() > 0.4 > 0.05 > first.probability(X).sum()
    assert rbm.history_.reconstruction_error[-1] < rbm.history_.reconstruction_error[0] / 10


def test_rbm_samples_follow_its_exact_distribution():
    rbm = random_rbm(4, 3, seed=5)
    V = rbm.sample(4000, n_steps=50, random_state=0)
    counts = np.bincount(state_index(V), minlength=16)
    assert chi_square(counts, rbm.distribution()) < CHI2_15_999
    P = rbm.sample(3, n_steps=1, v0=[1, 0, 1, 0], random_state=0, return_probabilities=True)
    assert P.shape == (3, 4) and np.all((P > 0) & (P < 1))


def test_history_replays_training():
    X = bars_and_stripes(3)
    rbm = RBM(9, 4, n_epochs=10, batch_size=7, record_every=3, random_state=1).fit(X)
    h = rbm.history_
    assert_array_equal(h.epochs, [0, 3, 6, 9, 10])
    assert h.w.shape == (5, 9, 4) and h.theta_v.shape == (5, 9) and h.theta_h.shape == (5, 4)
    assert_allclose(h.w[-1], rbm.w_)
    snap = rbm.at_epoch(7)          # the last snapshot at or before epoch 7: epoch 6
    assert_allclose(snap.w_, h.w[2])
    assert_allclose(snap.log_likelihood(X), h.log_likelihood[2], rtol=1e-12)
    assert "5 snapshots" in repr(h)


def test_reconstruct_and_transform_shapes():
    rbm = random_rbm(4, 3, seed=2)
    V = all_states(4)
    R = rbm.reconstruct(V)
    assert R.shape == (16, 4) and np.all((R > 0) & (R < 1))
    mean_h = 1 / (1 + np.exp(-(V @ rbm.w_ + rbm.theta_h_)))
    assert_allclose(R, 1 / (1 + np.exp(-(mean_h @ rbm.w_.T + rbm.theta_v_))), rtol=1e-12,
                    err_msg="mean-field reconstruction sigma(W sigma(W^T v + theta_h) + theta_v)")
    assert rbm.transform(V).shape == (16, 3)


def test_big_models_skip_the_exact_history_and_refuse_enumeration():
    X = (np.random.default_rng(0).random((4, 20)) < 0.5).astype(float)
    rbm = RBM(20, 20, n_epochs=1, random_state=0).fit(X)
    assert rbm.log_likelihood_curve_ is None and rbm.history_.log_likelihood is None
    with pytest.raises(ValueError, match="^over: enumerating 20 units"):
        rbm.log_partition()
    with pytest.raises(ValueError, match="^n_visible: 2\\^20"):
        rbm.distribution()


# ------------------------------------------------------------------ common model checks

@pytest.fixture
def bas():
    return bars_and_stripes(3)


def test_fit_returns_self_and_no_state_before_fit(bas):
    rbm = RBM(9, 3, n_epochs=2, random_state=0)
    assert not [k for k in vars(rbm) if k.endswith("_")]
    assert rbm.fit(bas) is rbm
    assert {"w_", "theta_v_", "theta_h_", "history_", "log_likelihood_curve_"} <= set(vars(rbm))


@pytest.mark.parametrize("statistics", ["probabilities", "samples"])
def test_same_seed_same_result(bas, statistics):
    a = RBM(9, 3, k=2, n_epochs=5, statistics=statistics, random_state=3).fit(bas)
    b = RBM(9, 3, k=2, n_epochs=5, statistics=statistics, random_state=3).fit(bas)
    c = RBM(9, 3, k=2, n_epochs=5, statistics=statistics, random_state=4).fit(bas)
    assert_array_equal(a.w_, b.w_)
    assert_array_equal(a.log_likelihood_curve_, b.log_likelihood_curve_)
    assert_array_equal(a.sample(5, random_state=1), b.sample(5, random_state=1))
    assert not np.array_equal(a.w_, c.w_)


def test_inputs_not_mutated(bas):
    X0 = bas.copy()
    rbm = RBM(9, 3, n_epochs=3, random_state=0).fit(bas)
    rbm.reconstruct(bas), rbm.log_likelihood(bas), rbm.sample(2, v0=bas[:2], random_state=0)
    assert_array_equal(bas, X0)
    w0, theta0 = W4.copy(), THETA4.copy()
    BoltzmannMachine(W4, THETA4).gibbs(3, n_chains=2, random_state=0)
    assert_array_equal(W4, w0)
    assert_array_equal(THETA4, theta0)


@pytest.mark.parametrize(("X", "exc", "message"), [
    ("not an array", TypeError, "X must be numeric"),
    ([[0, 1, np.nan] * 3], ValueError, "X must contain only finite"),
    ([[0, 1] * 4], ValueError, "X must have 9 columns"),
    ([[0, 1, 2] * 3], ValueError, "X must contain only 0s and 1s"),
    ([[[0] * 9]], ValueError, "X must be 1-D or 2-D"),
    (np.empty((0, 9)), ValueError, "X must contain at least one sample; got 0 rows"),
])
def test_bad_input_raises_a_clear_error(X, exc, message):
    with pytest.raises(exc, match=f"^{message}"), warnings.catch_warnings():
        warnings.simplefilter("error")  # a clear error, not numpy's "Mean of empty slice"
        RBM(9, 3, n_epochs=1).fit(X)


@pytest.mark.parametrize(("kwargs", "exc", "message"), [
    ({"n_hidden": 0}, ValueError, "n_hidden must be >= 1"),
    ({"n_visible": 2.5}, TypeError, "n_visible must be an integer"),
    ({"k": 0}, ValueError, "k must be >= 1"),
    ({"eta": -0.1}, ValueError, "eta must be > 0.0"),
    ({"batch_size": 0}, ValueError, "batch_size must be >= 1"),
    ({"statistics": "mean"}, ValueError, "unknown statistics 'mean'"),
    ({"random_state": "seed"}, TypeError, "random_state must be None"),
])
def test_bad_settings_raise_a_clear_error(bas, kwargs, exc, message):
    params = {"n_visible": 9, "n_hidden": 3, "n_epochs": 1, **kwargs}
    with pytest.raises(exc, match=f"^{message}"):
        RBM(**params).fit(bas)


def test_unfitted_and_wrong_shapes():
    with pytest.raises(RuntimeError, match="not fitted"):
        RBM(3, 2).prob_h([[0, 1, 0]])
    rbm = random_rbm(3, 2, seed=0)
    with pytest.raises(ValueError, match="^V must have 3 columns"):
        rbm.prob_h([[0, 1]])
    with pytest.raises(ValueError, match="^H must have 2 columns"):
        rbm.prob_v([[0, 1, 1]])
    with pytest.raises(ValueError, match="^unknown over 'both'"):
        rbm.log_partition("both")


def test_all_states_is_binary_counting():
    S = all_states(4)
    assert_array_equal(S, np.array(list(itertools.product([0, 1], repeat=4))))
    S[0, 0] = 1  # a copy: the cache behind it is untouched
    assert all_states(4)[0, 0] == 0


# ------------------------------------------------------------------ exercise self-checks

def test_check_state_probability_names_the_mistake_without_the_answer():
    from chapter5.exercises import check_state_probability as check
    w, theta = [[0, 1], [1, 0]], [0.5, -0.8]
    P = BoltzmannMachine(w, theta).distribution()
    right = check(w, theta, [1, 1], P[3])
    assert right and f"{P[3]:.3f}" not in right.message
    E = BoltzmannMachine(w, theta).energy([1, 1])[0]
    assert "e^(-E(s)) alone" in check(w, theta, [1, 1], np.exp(-E)).message
    assert "sign of θ" in check(w, theta, [1, 1],
                                BoltzmannMachine(w, [-0.5, 0.8]).distribution()[3]).message
    assert "i < j only" in check(w, theta, [1, 1],
                                 BoltzmannMachine(np.multiply(w, 2), theta).distribution()[3]).message
    wrong = check(w, theta, [1, 1], 0.3)
    assert not wrong and f"{P[3]:.2f}" not in wrong.message
    assert not check(w, theta, [1, 1], 1.5)
    # exact 0.39394: a correct answer rounded to two decimals is told to give three
    close = check(w, theta, [1, 1], round(P[3], 2))
    assert not close and "three decimals" in close.message and f"{P[3]:.3f}" not in repr(close)
    assert "three decimals" not in check(w, theta, [1, 1], 0.3).message
    assert "still None" in repr(check(w, theta, [1, 1], None))
    with pytest.raises(ValueError, match="^state must be 2 values"):
        check(w, theta, [1, 2], 0.3)


def test_check_max_log_likelihood():
    from chapter5.exercises import check_max_log_likelihood as check
    X = bars_and_stripes(3)
    assert check(X, -np.log(14))
    assert "uniform" in check(X, -9 * np.log(2)).message
    assert "natural log" in check(X, -np.log2(14)).message
    assert "natural log" in check(X, round(-np.log10(14), 3)).message       # -1.146
    for total in (-14 * np.log(14), -36.9):                                  # the sum, not mean
        assert "the mean" in check(X, total).message and "not the sum" in check(X, total).message
    assert "three decimals" in check(X, -2.66).message
    assert "never positive" in check(X, 0.3).message
    assert "Too high" in check(X, -2.0).message
    assert not check(X, -3.5)
    # with repeated patterns the best is minus the entropy of the training set's distribution
    assert check([[0, 1], [0, 1], [1, 0]], (2 / 3) * np.log(2 / 3) + (1 / 3) * np.log(1 / 3))


def test_rbm_checked_parameters_are_a_named_record():
    p = RBM(6, 3, k=2, eta=0.5, n_epochs=7, batch_size=4, statistics="samples",
            init_scale=0.2, record_every=3)._check_params()
    assert p._asdict() == {"d": 6, "q": 3, "k": 2, "eta": 0.5, "epochs": 7, "batch": 4,
                           "stats": "samples", "scale": 0.2, "every": 3}
    with pytest.raises(ValueError, match="statistics"):
        RBM(6, 3, statistics="mean")._check_params()


# ------------------------------------------------------------------ the per-epoch callback

def test_rbm_callback_sees_every_epoch_and_changes_nothing():
    X = bars_and_stripes(3)
    kwargs = {"eta": 1.0, "n_epochs": 30, "batch_size": 5, "init_scale": 0.1,
              "random_state": 3}
    plain = RBM(9, 4, **kwargs).fit(X)
    seen = []
    watched = RBM(9, 4, **kwargs).fit(X, callback=lambda info: seen.append(info) and False)
    assert_array_equal(watched.w_, plain.w_, err_msg="a callback changes no trained number")
    assert_array_equal(watched.history_.log_likelihood, plain.history_.log_likelihood)
    assert (watched.stop_reason_, watched.n_epochs_) == ("max_epochs", 30)
    assert [info.epoch for info in seen] == list(range(1, 31))
    assert {(info.max_epochs, info.eta, info.val_loss) for info in seen} == {(30, 1.0, None)}
    # loss: the reconstruction error the history records; params: w, theta_v, theta_h
    assert_allclose([info.loss for info in seen], plain.history_.reconstruction_error[1:],
                    rtol=1e-12, err_msg="EpochInfo.loss is the reconstruction error")
    last = RBM.split_parameters(seen[-1].params, 9, 4)
    for name, value in plain.history_.snapshot(-1).items():
        assert_array_equal(last[name], value, err_msg=name)
    assert not seen[-1].params.flags.writeable


def test_rbm_callback_stops_training_as_if_it_had_been_shorter():
    X = bars_and_stripes(3)
    kwargs = {"eta": 1.0, "batch_size": 14, "record_every": 5, "random_state": 0}
    stopped = RBM(9, 3, n_epochs=100, **kwargs).fit(X, callback=lambda info: info.epoch == 23)
    short = RBM(9, 3, n_epochs=23, **kwargs).fit(X)
    assert (stopped.stop_reason_, stopped.n_epochs_) == ("callback", 23)
    assert stopped.history_.epochs.tolist() == short.history_.epochs.tolist() == [
        0, 5, 10, 15, 20, 23]
    assert_array_equal(stopped.w_, short.w_)
    assert_array_equal(stopped.history_.log_likelihood, short.history_.log_likelihood)


def test_rbm_callback_and_split_parameters_check_their_arguments():
    X = bars_and_stripes(3)
    with pytest.raises(TypeError, match="^callback must be callable"):
        RBM(9, 3, n_epochs=2).fit(X, callback=3)
    with pytest.raises(ValueError, match=r"^params must have d\*q \+ d \+ q = 11 entries "
                                         r"for d = 3, q = 2; got 12"):
        RBM.split_parameters(np.zeros(12), 3, 2)
