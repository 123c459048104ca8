"""§5.5.2 ART1 and Fuzzy ART: vigilance sets the granularity; new inputs do not erase old."""

import numpy as np
import pytest
from numpy.testing import assert_array_equal

from chapter5.networks import ART


def blobs(centres, n=20, spread=0.03, seed=0):
    rng = np.random.default_rng(seed)
    return np.clip(np.vstack([c + rng.normal(scale=spread, size=(n, 2)) for c in centres]), 0, 1)


def test_vigilance_sets_the_number_of_categories():
    X = blobs([(0.2, 0.2), (0.8, 0.3), (0.5, 0.8)])
    counts = [ART(rho=rho).fit(X).n_categories_ for rho in (0.3, 0.6, 0.8, 0.9, 0.97)]
    assert counts == sorted(counts) and counts[0] < counts[-1]
    assert ART(rho=0.0).fit(X).n_categories_ == 1


def test_stability_plasticity_new_cluster_gets_new_categories_old_weights_kept():
    old = blobs([(0.2, 0.2), (0.8, 0.3)])
    art = ART(rho=0.85).fit(old)
    before = art.weights_.copy()
    art.fit(blobs([(0.5, 0.9)], seed=1))
    assert art.n_categories_ > len(before)
    assert_array_equal(art.weights_[:len(before)], before), "old prototypes untouched"
    assert all(r["new"] for r in art.history_[len(old):][:1])


def test_fuzzy_art_categories_are_boxes_around_their_samples():
    X = blobs([(0.3, 0.3)], n=30)
    art = ART(rho=0.5).fit(X)
    (lo, hi), = art.boxes()
    assert np.all(X >= lo - 1e-12) and np.all(X <= hi + 1e-12)


def test_art1_one_category_per_pattern_at_full_vigilance():
    X = np.array([[1, 0, 0, 1], [1, 1, 0, 0], [1, 0, 0, 1], [0, 0, 1, 1]], dtype=float)
    art = ART(kind="art1", rho=1.0).fit(X)
    assert art.n_categories_ == 3
    assert_array_equal(art.predict(X), [0, 1, 0, 2])
    assert ART(kind="art1", rho=0.3).fit(X).n_categories_ < 3


def test_partial_fit_learns_online_and_records_resets():
    art = ART(rho=0.9)
    assert art.partial_fit([0.1, 0.1]) == 0
    assert art.partial_fit([0.9, 0.9]) == 1
    assert art.history_[-1] == {"category": 1, "new": True, "resets": 1}


def test_bad_inputs():
    with pytest.raises(ValueError, match="x must lie in"):
        ART().partial_fit([1.5, 0.0])
    with pytest.raises(ValueError, match="x must be binary"):
        ART(kind="art1").partial_fit([0.5, 1.0])
    with pytest.raises(ValueError, match="beta must be 1 for ART1"):
        ART(kind="art1", beta=0.5).partial_fit([1.0, 0.0])
    with pytest.raises(ValueError, match="rho must be <= 1.0"):
        ART(rho=1.5).partial_fit([0.5])
    art = ART().fit([[0.1, 0.2]])
    with pytest.raises(ValueError, match="x must have 2 features"):
        art.partial_fit([0.1, 0.2, 0.3])
    with pytest.raises(RuntimeError, match="no categories yet"):
        ART().predict([[0.1]])
