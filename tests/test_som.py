"""§5.5.3 self-organizing maps: the update rule by hand, the quality measures on planted maps,
the fast training loop against the one-step reference, and MiniSom as an outside reference."""

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

from chapter5.datasets import iris, watermelon_3_0_alpha
from chapter5.networks.som import (
    SIGMA_MIN,
    SOM,
    decay_schedule,
    grid_positions,
    neighbourhood,
    som_step,
)

minisom = pytest.importorskip("minisom")


def _fitted(rows, cols, weights, topology="rectangular"):
    """A SOM whose weights are planted after a (throw-away) fit on the same dimensions."""
    W = np.asarray(weights, dtype=float)
    som = SOM(rows, cols, topology=topology, n_iterations=1, random_state=0).fit(
        W.reshape(-1, W.shape[-1]))
    som.weights_ = W.reshape(rows, cols, -1).copy()
    return som


# --- the update rule -------------------------------------------------------------------------

def test_sec5_5_3_one_step_by_hand():
    # chain w = (0, 1, 2), x = 0.8: the BMU is unit 1 (|0.8 - 1| = 0.2); with sigma = 1 its
    # neighbours get h = exp(-1/2) and move eta h (x - w) = 0.5 * 0.6065 * (0.8, -1.2)
    W = np.array([[[0.0], [1.0], [2.0]]])
    W_new, bmu, h = som_step(W, [0.8], eta=0.5, sigma=1.0)
    assert bmu == (0, 1)
    e = np.exp(-0.5)
    assert_allclose(h, [[e, 1.0, e]], err_msg="Gaussian neighbourhood h_u")
    assert_allclose(W_new[0, :, 0], [0.5 * e * 0.8, 1.0 - 0.5 * 0.2, 2.0 - 0.5 * e * 1.2],
                    err_msg="w_u <- w_u + eta h_u (x - w_u)")
    assert_array_equal(W, [[[0.0], [1.0], [2.0]]]), "som_step must not change W"


def test_neighbourhood_is_a_gaussian_of_the_grid_distance():
    g = grid_positions(3, 3)
    h = neighbourhood(g, 4, sigma=2.0)  # the centre of a 3 x 3 grid
    d2 = np.array([2, 1, 2, 1, 0, 1, 2, 1, 2], dtype=float)
    assert_allclose(h, np.exp(-d2 / 8.0), err_msg="h = exp(-d^2 / (2 sigma^2))")


def test_planted_weights_give_known_bmus():
    # a 2 x 3 map whose units sit at the corners and edge midpoints of [0, 2] x [0, 1]
    planted = [[[0, 0], [1, 0], [2, 0]], [[0, 1], [1, 1], [2, 1]]]
    som = _fitted(2, 3, planted)
    X = np.array([[0.1, 0.1], [1.9, 0.2], [1.1, 0.9], [0.2, 0.7], [1.6, 0.8]])
    assert_array_equal(som.bmu(X), [0, 2, 4, 3, 5])
    assert_array_equal(som.hit_map(X), [[1, 0, 1], [1, 1, 1]])
    W_new, bmu, _ = som_step(np.array(planted, float), [1.1, 0.9], eta=0.1, sigma=1.0)
    assert bmu == (1, 1)


def test_bmu_is_the_nearest_neuron_and_predict_is_the_bmu():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(30, 3))
    som = SOM(3, 4, n_epochs=2, random_state=0).fit(X)
    W = som.weights_.reshape(-1, 3)
    expected = [int(np.argmin(np.linalg.norm(W - x, axis=1))) for x in X]
    assert_array_equal(som.bmu(X), expected)
    assert_array_equal(som.predict(X), expected)
    assert_allclose(som.transform(X), np.linalg.norm(X[:, None] - W[None], axis=2))


def test_decay_schedules():
    T = 10
    exp = decay_schedule(0.5, T, decay=1.0, schedule="exponential")
    assert_allclose(exp, 0.5 * np.exp(-np.arange(T) / T), err_msg="eta(t) = eta exp(-t/T)")
    # MiniSom's asymptotic_decay: p / (1 + t / (T / 2))
    asym = decay_schedule(3.0, T, decay=2.0, schedule="asymptotic")
    assert_allclose(asym, [3.0 / (1 + t / (T / 2)) for t in range(T)], rtol=0, atol=0)
    assert_array_equal(decay_schedule(0.3, 5, decay=0.0), np.full(5, 0.3))
    som = SOM(2, 2, sigma=1.0, decay=10.0, n_epochs=3, random_state=0).fit(np.eye(2))
    assert som.sigma_schedule_.min() == SIGMA_MIN and som.sigma_schedule_[0] == 1.0
    assert_allclose(som.eta_schedule_, decay_schedule(0.5, som.n_iter_, 10.0))


def test_the_fast_training_loop_is_the_one_step_rule():
    rng = np.random.default_rng(1)
    X = rng.uniform(size=(7, 2))
    W0 = rng.uniform(size=(3, 4, 2))
    for topology in ("rectangular", "hexagonal"):
        som = SOM(3, 4, sigma=2.0, eta=0.4, decay=1.5, topology=topology, n_iterations=20,
                  shuffle=False, init=W0).fit(X)
        W = W0.copy()
        for t in range(20):
            W, _, _ = som_step(W, X[t % 7], som.eta_schedule_[t], som.sigma_schedule_[t],
                               topology=topology)
        assert_allclose(som.weights_, W, rtol=1e-12, atol=1e-14,
                        err_msg=f"{topology}: fit = 20 single steps of the update rule")


# --- quality measures on planted maps --------------------------------------------------------

def test_u_matrix_by_hand_and_on_a_hexagonal_grid():
    som = _fitted(1, 3, [[[0.0], [1.0], [3.0]]])
    assert_allclose(som.u_matrix(), [[1.0, 1.5, 2.0]], err_msg="mean distance to neighbours")
    hexa = _fitted(3, 3, np.arange(9.0).reshape(3, 3, 1), topology="hexagonal")
    u, v = hexa.edges_.T
    assert np.sum((u == 4) | (v == 4)) == 6, "an inner hexagonal neuron has 6 neighbours"
    assert np.sum((u == 4) | (v == 4)) == 6
    rect = _fitted(3, 3, np.arange(9.0).reshape(3, 3, 1))
    assert len(rect.edges_) == 12 and len(hexa.edges_) == 16


def test_topographic_error_counts_samples_whose_two_best_units_are_not_neighbours():
    line = np.array([[0.0], [1.0], [2.0], [3.0]])
    ordered = _fitted(1, 4, line.reshape(1, 4, 1))
    X = np.array([[0.4], [1.4], [2.6]])
    assert ordered.topographic_error(X) == 0.0
    folded = _fitted(1, 4, np.array([0.0, 2.0, 1.0, 3.0]).reshape(1, 4, 1))
    # 0.4: best 0, second 2 (grid gap 2); 1.4: best 2, second 1 (neighbours); 2.6: best 3,
    # second 1 (gap 2)
    assert folded.topographic_error(X) == pytest.approx(2 / 3)


def test_training_lowers_the_quantization_error_and_records_history():
    d = iris()
    X = (d.X - d.X.mean(0)) / d.X.std(0)
    som = SOM(5, 5, n_epochs=15, random_state=0).fit(X)
    qe = som.quantization_errors_
    assert qe[-1] < 0.5 * qe[0], "quantization error falls during training"
    assert qe[-1] < qe[len(qe) // 2]
    assert_allclose(qe[-1], som.quantization_error(X), err_msg="last snapshot = final map")
    assert som.history_.shape == (16, 5, 5, 4) and som.n_iter_ == 15 * 150
    assert_array_equal(som.history_steps_, np.arange(16) * 150)
    assert_array_equal(som.history_[-1], som.weights_)
    assert som.hit_map(X).sum() == 150
    assert som.u_matrix().shape == (5, 5) and som.component_planes().shape == (4, 5, 5)
    first = som.snapshot(0)
    assert_array_equal(first.weights_, som.history_[0])
    assert first.quantization_error(X) == pytest.approx(qe[0])
    assert first.u_matrix().mean() > som.u_matrix().mean(), "the map contracts and orders"


def test_iterations_mode_records_fifty_snapshots_or_every_record_every():
    X = np.random.default_rng(0).uniform(size=(40, 2))
    som = SOM(4, 4, n_iterations=1000, random_state=0).fit(X)
    assert som.n_iter_ == 1000 and len(som.eta_schedule_) == 1000
    assert_array_equal(som.history_steps_, np.arange(51) * 20)
    som = SOM(4, 4, n_iterations=110, record_every=25, random_state=0).fit(X)
    assert_array_equal(som.history_steps_, [0, 25, 50, 75, 100, 110])
    assert len(som.quantization_errors_) == len(som.history_) == 6
    som = SOM(4, 4, n_epochs=5, record_every=2, random_state=0).fit(X)
    assert_array_equal(som.history_steps_, [0, 80, 160, 200])


def test_fit_callback_sees_every_snapshot_and_changes_nothing():
    X = np.random.default_rng(1).uniform(size=(40, 2))
    kw = {"sigma": 2.0, "eta": 0.4, "decay": 3.0, "n_iterations": 450, "record_every": 100,
          "random_state": 3}
    plain = SOM(4, 5, **kw).fit(X)
    seen = []
    som = SOM(4, 5, **kw).fit(X, callback=lambda info: seen.append(
        (info.epoch, info.loss, info.eta, info.max_epochs, info.params.copy(),
         info.params.flags.writeable)))
    assert som.stop_reason_ == plain.stop_reason_ == "n_iterations" and som.n_iter_ == 450
    for name in ("weights_", "quantization_errors_", "history_steps_", "eta_schedule_"):
        assert_array_equal(getattr(som, name), getattr(plain, name), err_msg=name)
    assert [s[0] for s in seen] == [100, 200, 300, 400, 450] == list(som.history_steps_[1:])
    assert_array_equal([s[1] for s in seen], som.quantization_errors_[1:],
                       err_msg="loss: the quantization error of each snapshot")
    assert [s[2] for s in seen] == [som.eta_schedule_[t - 1] for t in (100, 200, 300, 400, 450)]
    assert {s[3] for s in seen} == {450} and not any(s[5] for s in seen)
    for (t, *_rest), k in zip(seen, range(1, 6), strict=True):
        assert_array_equal(_rest[3], som.history_[k].reshape(-1, 2), err_msg=f"t = {t}")
    assert SOM(2, 2, n_epochs=2, random_state=0).fit(X).stop_reason_ == "max_epochs"


def test_fit_callback_stops_training_at_a_snapshot():
    X = np.random.default_rng(2).uniform(size=(30, 2))
    full = SOM(3, 3, n_iterations=600, random_state=4).fit(X)
    som = SOM(3, 3, n_iterations=600, random_state=4).fit(
        X, callback=lambda info: info.epoch >= 240)
    assert som.stop_reason_ == "callback" and som.n_iter_ == 240
    assert_array_equal(som.history_steps_, full.history_steps_[:21])
    assert_array_equal(np.asarray(som.history_), np.asarray(full.history_)[:21])
    assert_array_equal(som.weights_, full.history_[20])
    assert_array_equal(som.quantization_errors_, full.quantization_errors_[:21])
    last = SOM(3, 3, n_iterations=600, random_state=4).fit(X, callback=lambda info: True)
    assert last.n_iter_ == 12, "stops at the first snapshot (every T // 50 = 12 updates)"
    with pytest.raises(TypeError, match="^callback must be callable or None"):
        SOM(3, 3).fit(X, callback=3)


def test_initial_weights_and_a_map_with_given_weights():
    X = np.random.default_rng(5).uniform(size=(25, 3))
    som = SOM(3, 4, topology="hexagonal", n_epochs=2, random_state=6)
    W0 = som.initial_weights(X)
    fitted = som.fit(X)
    assert_array_equal(W0, fitted.history_[0], err_msg="the same draws as fit")
    now = SOM(3, 4, topology="hexagonal").with_weights(fitted.history_[1])
    snap = fitted.snapshot(1)
    assert not hasattr(now, "history_")
    assert_array_equal(now.u_matrix(), snap.u_matrix())
    assert_array_equal(now.bmu(X), snap.bmu(X))
    assert now.topographic_error(X) == snap.topographic_error(X)
    assert not hasattr(fitted.with_weights(W0), "quantization_errors_")
    with pytest.raises(ValueError, match=r"^W must have shape \(rows, cols, d\) = \(3, 4, d\)"):
        som.with_weights(np.zeros((4, 3, 3)))


def test_a_1d_map_orders_itself_along_a_line():
    X = np.linspace(0, 1, 60)[:, None]
    som = SOM(1, 6, n_epochs=40, random_state=1).fit(X)
    w = som.weights_[0, :, 0]
    assert np.all(np.diff(w) > 0) or np.all(np.diff(w) < 0), "neighbours learn neighbours"
    assert som.topographic_error(X) == 0.0


def test_exercise_5_8_watermelon_map_keeps_its_neighbours():
    X, y = watermelon_3_0_alpha()
    Z = (X - X.mean(0)) / X.std(0)
    som = SOM(5, 5, sigma=2.5, decay=3.0, n_iterations=2000, random_state=0).fit(Z)
    assert som.quantization_error(Z) < 0.4 * som.quantization_errors_[0]
    assert som.topographic_error(Z) <= 3 / 17
    assert som.hit_map(Z).sum() == 17


def test_init_sample_starts_from_training_samples():
    X = np.random.default_rng(2).normal(size=(12, 3))
    som = SOM(2, 3, init="sample", n_epochs=1, random_state=0).fit(X)
    start = som.history_[0].reshape(-1, 3)
    assert all(any(np.array_equal(w, x) for x in X) for w in start)
    box = SOM(2, 3, init="random", n_epochs=1, random_state=0).fit(X).history_[0]
    assert np.all((box >= X.min(0)) & (box <= X.max(0)))


# --- the common model checks (as tests/test_common.py, for an unsupervised model) ------------

def test_fit_returns_self_and_no_state_before_fit():
    som = SOM(2, 3, random_state=0)
    assert not [k for k in vars(som) if k.endswith("_")]
    assert som.fit(np.eye(3)) is som
    assert {"weights_", "history_", "quantization_errors_", "grid_", "edges_"} <= set(vars(som))


def test_same_seed_same_map_and_other_seed_other_map():
    X = np.random.default_rng(1).normal(size=(20, 2))
    for kw in ({}, {"n_iterations": 300, "init": "sample"}):
        a = SOM(3, 3, random_state=4, **kw).fit(X)
        b = SOM(3, 3, random_state=4, **kw).fit(X)
        c = SOM(3, 3, random_state=5, **kw).fit(X)
        assert_array_equal(a.history_, b.history_)
        assert_array_equal(a.quantization_errors_, b.quantization_errors_)
        assert not np.array_equal(a.weights_, c.weights_)
    rng = np.random.default_rng(7)
    assert_array_equal(SOM(3, 3, random_state=np.random.default_rng(7)).fit(X).weights_,
                       SOM(3, 3, random_state=rng).fit(X).weights_)


def test_inputs_not_mutated():
    X = np.random.default_rng(1).normal(size=(20, 2))
    W0 = np.random.default_rng(2).normal(size=(2, 2, 2))
    X0, W00 = X.copy(), W0.copy()
    som = SOM(2, 2, init=W0, n_epochs=3).fit(X)
    som.bmu(X), som.topographic_error(X), som.snapshot(0)
    assert_array_equal(X, X0)
    assert_array_equal(W0, W00)
    assert_array_equal(som.history_[0], W00)


@pytest.mark.parametrize(("kwargs", "X", "exc", "message"), [
    ({}, "not an array", TypeError, "X must be numeric"),
    ({}, [[0.0, 1.0], [1.0, np.nan]], ValueError, "X must contain only finite"),
    ({}, [0.0, 1.0, 2.0], ValueError, "X must be 2-D"),
    ({}, np.empty((0, 2)), ValueError, "X must have at least one row"),
    ({"rows": 0}, None, ValueError, "rows must be >= 1"),
    ({"cols": 2.5}, None, TypeError, "cols must be an integer"),
    ({"rows": 1, "cols": 1}, None, ValueError, "rows \\* cols must be at least 2"),
    ({"eta": 2.0}, None, ValueError, "eta must be <= 1.0"),
    ({"sigma": 0.0}, None, ValueError, "sigma must be > 0.0"),
    ({"decay": -1.0}, None, ValueError, "decay must be >= 0.0"),
    ({"schedule": "linear"}, None, ValueError, "unknown schedule 'linear'"),
    ({"topology": "torus"}, None, ValueError, "unknown topology 'torus'"),
    ({"n_epochs": 0}, None, ValueError, "n_epochs must be >= 1"),
    ({"n_iterations": 0}, None, ValueError, "n_iterations must be >= 1"),
    ({"shuffle": "yes"}, None, TypeError, "shuffle must be True or False"),
    ({"init": "pca"}, None, ValueError, "unknown init 'pca'"),
    ({"init": np.zeros((2, 2, 3))}, None, ValueError, "init must be .* \\(2, 2, 2\\)"),
    ({"record_every": 0}, None, ValueError, "record_every must be >= 1"),
    ({"random_state": -1}, None, ValueError, "random_state must be a non-negative"),
])
def test_bad_input_raises_a_clear_error_naming_the_argument(kwargs, X, exc, message):
    X = np.eye(2) if X is None else X
    kw = {"rows": 2, "cols": 2} | kwargs
    with pytest.raises(exc, match=rf"^{message}"):
        SOM(**kw).fit(X)


def test_using_an_unfitted_or_mismatched_map_says_so():
    with pytest.raises(RuntimeError, match="not fitted"):
        SOM(2, 2).bmu(np.eye(2))
    with pytest.raises(RuntimeError, match="not fitted"):
        SOM(2, 2).u_matrix()
    som = SOM(2, 2, n_epochs=1, random_state=0).fit(np.eye(2))
    with pytest.raises(ValueError, match="^X must have 2 columns"):
        som.bmu(np.ones((1, 3)))
    with pytest.raises(ValueError, match="^k must be <= 1"):
        som.snapshot(2)
    with pytest.raises(ValueError, match="^x must have 2 entries"):
        som_step(som.weights_, [1.0], eta=0.5, sigma=1.0)
    with pytest.raises(ValueError, match="^sigma must be > 0"):
        som_step(som.weights_, [1.0, 0.0], eta=0.5, sigma=0.0)


# --- MiniSom, the outside reference ----------------------------------------------------------

def _minisom_draws(seed, rows, cols, d, m, T):
    """MiniSom's own random draws: initial weights, then train_random's sample order."""
    rs = np.random.RandomState(seed)
    W0 = rs.rand(rows, cols, d) * 2 - 1
    W0 /= np.linalg.norm(W0, axis=-1, keepdims=True)
    order = np.arange(T) % m
    rs.shuffle(order)
    return W0, order


def test_same_draws_as_minisom_train_random_give_the_same_map():
    X = np.random.default_rng(0).uniform(size=(200, 2))
    T, seed = 1500, 3
    W0, order = _minisom_draws(seed, 6, 5, 2, len(X), T)
    ours = SOM(6, 5, sigma=2.5, eta=0.5, decay=2.0, schedule="asymptotic", n_iterations=T,
               shuffle=False, init=W0).fit(X[order])  # the same samples in the same order
    ref = minisom.MiniSom(6, 5, 2, sigma=2.5, learning_rate=0.5, random_seed=seed)
    ref.train_random(X, T)
    assert_allclose(ours.weights_, ref.get_weights(), rtol=0, atol=1e-12,
                    err_msg="same init, same order, same schedule -> same weights")
    assert ours.quantization_error(X) == pytest.approx(ref.quantization_error(X), rel=1e-12)


def test_same_draws_as_minisom_on_a_hexagonal_grid():
    # MiniSom's first index runs along a hexagonal row (x), ours down the rows: our rows x cols
    # map is MiniSom's cols x rows map transposed; with an odd number of rows both shift the
    # same rows by half a unit
    X = np.random.default_rng(1).uniform(size=(150, 2))
    T, seed = 1000, 5
    W0, order = _minisom_draws(seed, 4, 5, 2, len(X), T)  # MiniSom's (x=4, y=5) weights
    ours = SOM(5, 4, sigma=2.0, eta=0.5, decay=2.0, schedule="asymptotic",
               topology="hexagonal", n_iterations=T, shuffle=False,
               init=W0.transpose(1, 0, 2)).fit(X[order])
    ref = minisom.MiniSom(4, 5, 2, sigma=2.0, learning_rate=0.5, topology="hexagonal",
                          random_seed=seed)
    ref.train_random(X, T)
    assert_allclose(ours.weights_, ref.get_weights().transpose(1, 0, 2), rtol=0, atol=1e-12)


def test_independent_seeds_give_a_quantization_error_comparable_to_minisom():
    X = np.random.default_rng(2).uniform(size=(300, 2))
    T = 1500
    ours, ref = [], []
    for seed in range(3):
        som = SOM(6, 6, sigma=3.0, eta=0.5, decay=2.0, schedule="asymptotic", n_iterations=T,
                  init="sample", random_state=seed).fit(X)
        ours.append(som.quantization_error(X))
        mini = minisom.MiniSom(6, 6, 2, sigma=3.0, learning_rate=0.5, random_seed=seed)
        mini.random_weights_init(X)
        mini.train_random(X, T)
        ref.append(mini.quantization_error(X))
    assert np.mean(ours) == pytest.approx(np.mean(ref), rel=0.1), (ours, ref)
