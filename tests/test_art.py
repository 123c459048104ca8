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


def test_a_sample_identical_to_a_prototype_resonates_with_it():
    art = ART(rho=0.95).fit(blobs([(0.2, 0.2), (0.8, 0.7)], n=5))
    for kind_art, x in ((art, None), (ART(kind="art1", rho=0.9), None)):
        if x is None and kind_art.kind == "art1":
            kind_art.fit(np.array([[1, 0, 1, 0], [0, 1, 0, 1]], dtype=float))
        W = kind_art.weights_.copy()
        n = kind_art.n_categories_
        for j, w in enumerate(W):
            proto = w[: len(w) // 2] if kind_art.kind == "fuzzy" else w
            if kind_art.kind == "fuzzy" and not np.allclose(w[:2], 1 - w[2:]):
                continue  # only point boxes are samples themselves
            assert kind_art.partial_fit(proto) == j
            assert kind_art.n_categories_ == n
            assert_array_equal(kind_art.weights_[j], W[j]), "resonance with itself: no change"


def test_raising_rho_never_reduces_the_number_of_categories_on_separated_clusters():
    """On well-separated clusters, a fixed order of samples gets at least as many categories
    at every higher vigilance (checked on a dense grid of 101 values of rho)."""
    for seed in range(3):
        X = blobs([(0.2, 0.2), (0.8, 0.3), (0.5, 0.8)], seed=seed)
        counts = [ART(rho=rho).fit(X).n_categories_ for rho in np.linspace(0, 1, 101)]
        assert all(a <= b for a, b in zip(counts, counts[1:], strict=False)), counts
        assert counts[0] == 1 and counts[-1] == len(np.unique(X, axis=0))


def test_on_unstructured_data_the_count_only_tends_to_grow_with_rho():
    """Not a law in general: with learning, the boxes (and so later searches) depend on rho,
    and a slightly higher rho can end with one category fewer. The notebook says so."""
    X = np.random.default_rng(0).uniform(size=(80, 2))
    counts = np.array([ART(rho=rho).fit(X).n_categories_ for rho in np.linspace(0, 1, 41)])
    assert np.any(np.diff(counts) < 0), "a counterexample to strict monotonicity"
    ranks = np.argsort(np.argsort(counts, kind="stable"))
    assert np.corrcoef(np.arange(41), ranks)[0, 1] > 0.95  # but the trend is clear (Spearman)
    assert counts[0] == 1 and counts[-1] == 80


def test_inputs_not_mutated_and_no_state_before_fit():
    X = blobs([(0.3, 0.3)], n=10)
    X0 = X.copy()
    art = ART()
    assert not [k for k in vars(art) if k.endswith("_")]
    assert art.fit(X) is art
    assert_array_equal(X, X0)
    with pytest.raises(TypeError, match="^X "):
        ART().fit("not an array")


def test_without_search_a_failed_winner_makes_a_new_category_at_once():
    X = blobs([(0.2, 0.2), (0.8, 0.3), (0.5, 0.8)], seed=1)
    with_search = ART(rho=0.85).fit(X)
    book = ART(rho=0.85, search=False).fit(X)
    assert all(r["resets"] <= 1 for r in book.history_)
    assert all(r["new"] for r in book.history_ if r["resets"] == 1)
    assert book.n_categories_ >= with_search.n_categories_
    with pytest.raises(TypeError, match="search must be True or False"):
        ART(search="yes").partial_fit([0.5, 0.5])


@pytest.mark.parametrize(("X", "message"), [
    (np.empty((0, 2)), "X must contain at least one sample; got 0 rows"),
    (np.empty((3, 0)), "X must have at least one feature; got 0 columns"),
])
@pytest.mark.parametrize("kind", ["fuzzy", "art1"])
def test_fit_refuses_empty_data_by_name(X, message, kind):
    art = ART(kind=kind)
    with pytest.raises(ValueError, match=f"^{message}"):
        art.fit(X)
    assert art.n_categories_ == 0


@pytest.mark.parametrize(("kwargs", "exc", "message"), [
    ({"rho": 1.5}, ValueError, "rho must be <= 1.0; got 1.5"),
    ({"rho": np.nan}, ValueError, "rho must be finite"),
    ({"alpha": 0.0}, ValueError, "alpha must be > 0.0; got 0.0"),
    ({"beta": 0.0}, ValueError, "beta must be > 0.0; got 0.0"),
    ({"kind": "art2"}, ValueError, "unknown kind 'art2'"),
    ({"search": "yes"}, TypeError, "search must be True or False"),
])
def test_settings_are_checked_at_fit_even_before_any_sample(kwargs, exc, message):
    """fit checks every argument first, so a wrong setting is named whatever X holds (an
    empty X used to skip the checks, which run per sample)."""
    for X in ([[0.2, 0.4]], np.empty((0, 2))):
        with pytest.raises(exc, match=f"^{message}"):
            ART(**kwargs).fit(X)


def test_art_run_replays_partial_fit_sample_by_sample():
    from chapter5.networks.art import art_run

    X = blobs([(0.2, 0.2), (0.8, 0.7)], n=10)
    run = art_run(X, rho=0.8, beta=0.5)
    art = ART(kind="fuzzy", rho=0.8, beta=0.5)
    for k, x in enumerate(X):
        assert art.partial_fit(x) == run["categories"][k]
        assert_array_equal(art.weights_, run["weights"][k + 1])
    assert run["weights"][0].shape == (0, 4) and len(run["weights"]) == len(X) + 1
    assert_array_equal(run["art"].weights_, art.weights_)
    assert run["counts"].tolist() == [len(w) for w in run["weights"][1:]]
    assert run["new"].sum() == run["counts"][-1]
    assert run["resets"].tolist() == [h["resets"] for h in art.history_]


@pytest.mark.parametrize(("X", "kwargs", "exc", "message"),
                         [([0.1, 0.2], {}, ValueError, "X must be 2-D"),
                          (np.empty((0, 2)), {}, ValueError, "X must contain at least one sample"),
                          ([[0.1, 0.2]], {"rho": 1.5}, ValueError, "rho"),
                          ([[0.1, 0.2]], {"beta": 0.0}, ValueError, "beta")])
def test_art_run_refuses_bad_input_by_name(X, kwargs, exc, message):
    from chapter5.networks.art import art_run

    with pytest.raises(exc, match=message):
        art_run(X, **{"rho": 0.75, "beta": 1.0, **kwargs})
