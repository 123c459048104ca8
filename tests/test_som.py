"""§5.5.3 self-organizing maps."""

import numpy as np
import pytest
from numpy.testing import assert_array_equal

from chapter5.datasets import iris
from chapter5.networks import SOM


def test_a_1d_map_orders_itself_along_a_line():
    X = np.linspace(0, 1, 60)[:, None]
    som = SOM(1, 6, n_epochs=40, random_state=1).fit(X)
    w = som.weights_[0, :, 0]
    assert np.all(np.diff(w) > 0) or np.all(np.diff(w) < 0), "neighbours learn neighbours"
    assert som.topographic_error(X) == 0.0


def test_training_lowers_the_quantization_error_and_records_history():
    d = iris()
    X = (d.X - d.X.mean(0)) / d.X.std(0)
    som = SOM(5, 5, n_epochs=15, random_state=0).fit(X)
    assert som.quantization_errors_[-1] < som.quantization_errors_[0]
    assert som.history_.shape == (16, 5, 5, 4)
    assert som.hit_map(X).sum() == 150
    assert som.u_matrix().shape == (5, 5) and som.component_planes().shape == (4, 5, 5)


def test_bmu_is_the_nearest_neuron():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(30, 3))
    som = SOM(3, 4, n_epochs=2, random_state=0).fit(X)
    W = som.weights_.reshape(-1, 3)
    expected = [int(np.argmin(np.linalg.norm(W - x, axis=1))) for x in X]
    assert_array_equal(som.bmu(X), expected)


def test_hexagonal_grid_neighbours_are_one_apart():
    som = SOM(3, 3, topology="hexagonal", n_epochs=1, random_state=0).fit(np.eye(3))
    g = som.grid_
    d = np.linalg.norm(g[:, None] - g[None], axis=2)
    assert np.sum(np.isclose(d[4], 1.0)) == 6, "an inner hexagonal neuron has 6 neighbours"


def test_same_seed_and_bad_inputs():
    X = np.random.default_rng(1).normal(size=(20, 2))
    a, b = SOM(3, 3, random_state=4).fit(X), SOM(3, 3, random_state=4).fit(X)
    assert_array_equal(a.weights_, b.weights_)
    with pytest.raises(ValueError, match="unknown topology 'torus'"):
        SOM(2, 2, topology="torus").fit(X)
    with pytest.raises(ValueError, match="eta must be <= 1.0"):
        SOM(2, 2, eta=2.0).fit(X)
    with pytest.raises(RuntimeError, match="not fitted"):
        SOM(2, 2).bmu(X)
    with pytest.raises(ValueError, match="X must have 2 columns"):
        a.bmu(np.ones((1, 3)))
