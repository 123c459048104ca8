"""Self-check of notebook 5.3-bp-in-practice, exercise 1 (book exercise 5.4): the regimes of
the learning-rate sweep. Right predictions pass, wrong ones are named by their η with a hint
that never gives the right regime, bad arguments raise errors that name them."""

import functools

import pytest

from chapter5 import exercises
from chapter5.backprop import BPNetwork, training_regime
from chapter5.datasets import watermelon_3_0_alpha
from chapter5.exercises import check_bp_regimes

GRID = (0.01, 0.1, 1.0, 10.0, 100.0, 1e8)  # the sweep of the notebook's section 2
REGIMES = ("good", "slow", "stuck", "oscillating", "diverged")


@functools.lru_cache
def _truth(eta, mode):
    """The regime, computed here from the package, independently of the checker's helper."""
    X, y = watermelon_3_0_alpha()
    net = BPNetwork(hidden=(5,), eta=eta, mode=mode, max_epochs=2000, random_state=0).fit(X, y)
    return training_regime(net.loss_curve_, net.diverged_)


_CHECKER_RUN = functools.lru_cache(exercises._bp_regime)  # the checker's own, trained once


@pytest.fixture(autouse=True)
def _train_each_run_once(monkeypatch):
    """The checker trains one network per η; let it reuse its runs across the many calls
    below, so that they stay fast."""
    monkeypatch.setattr(exercises, "_bp_regime", _CHECKER_RUN)


def _right(mode="accumulated"):
    return {eta: _truth(eta, mode) for eta in GRID}


def test_unanswered_exercise_says_still_none():
    fb = check_bp_regimes(dict.fromkeys(GRID))
    assert not fb and "still None" in repr(fb)


@pytest.mark.parametrize("mode", ["accumulated", "standard"])
def test_sec5_3_right_regimes_pass(mode):
    fb = check_bp_regimes(_right(mode), mode=mode)
    assert fb.ok and repr(fb).startswith("✓"), fb.message


def test_sec5_3_the_sweep_moves_with_accumulated_bp():
    # the point of the exercise: the same η does not give the same regime in both modes
    assert _right("accumulated") != _right("standard")


def test_names_and_case_are_forgiven():
    answer = {eta: f" {regime.upper()} " for eta, regime in _right().items()}
    assert check_bp_regimes(answer)


def test_partly_answered_says_how_many_are_open():
    answer = {**_right(), 10.0: None, 100.0: None}
    fb = check_bp_regimes(answer)
    assert not fb and "4 you filled in are right" in fb.message and "2 are still None" in fb.message


@pytest.mark.parametrize("eta", GRID)
def test_every_wrong_regime_is_rejected_without_giving_the_answer(eta):
    real = _truth(eta, "accumulated")
    for guess in REGIMES:
        if guess == real:
            continue
        fb = check_bp_regimes({**_right(), eta: guess})
        assert not fb and repr(fb).startswith("✗")
        assert f"η = {eta:g}" in fb.message and f"not '{guess}'" in fb.message
        assert real not in fb.message, f"the hint gives the answer away: {fb.message}"


def test_a_standard_bp_answer_gets_the_hint_about_the_mode():
    std, acc = _right("standard"), _right("accumulated")
    eta = next(e for e in GRID if std[e] != acc[e])
    fb = check_bp_regimes({eta: std[eta]})
    assert not fb and "what standard BP does" in fb.message and "17" in fb.message


def test_counts_the_wrong_predictions():
    acc = _right()
    wrong = {eta: next(r for r in REGIMES if r != acc[eta]) for eta in GRID[:2]}
    fb = check_bp_regimes({**acc, **wrong})
    assert not fb and fb.message.startswith("2 of your 6 predictions are wrong")


@pytest.mark.parametrize(
    ("predictions", "error", "match"),
    [
        ([(0.1, "slow")], TypeError, "predictions must be a dict"),
        ("slow", TypeError, "predictions must be a dict"),
        ({}, ValueError, "predictions must hold 1 to 20"),
        (dict.fromkeys(range(1, 22), "slow"), ValueError, "predictions must hold 1 to 20"),
        ({"0.1": "slow"}, TypeError, "learning rate .* must be a real number"),
        ({True: "slow"}, TypeError, "learning rate .* must be a real number"),
        ({0: "slow"}, ValueError, "learning rate .* must be > 0"),
        ({-1.0: "slow"}, ValueError, "learning rate .* must be > 0"),
        ({float("inf"): "slow"}, ValueError, "learning rate .* must be finite"),
        ({0.1: 3}, TypeError, r"predictions\[0.1\] must be a regime name"),
        ({0.1: "fast"}, ValueError, r"predictions\[0.1\] must be one of 'good'"),
    ],
)
def test_bad_arguments_raise_clear_errors(predictions, error, match):
    with pytest.raises(error, match=match):
        check_bp_regimes(predictions)


def test_unknown_mode_lists_the_valid_ones():
    with pytest.raises(ValueError, match="mode.*'standard', 'accumulated'"):
        check_bp_regimes({0.1: "slow"}, mode="minibatch")
