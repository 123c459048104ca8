"""Self-check of notebook 5.3-bp-in-practice, exercise 1 (book exercise 5.4): the regimes of
the learning-rate sweep. Every defensible prediction passes (a run that oscillated is described
both by "oscillating" and by where its error ended), every other one is named by its η with a
hint that points the right way and never gives a right regime, bad arguments raise errors that
name them."""

import functools

import numpy as np
import pytest

from chapter5.backprop import BPNetwork, training_regime
from chapter5.datasets import watermelon_3_0_alpha
from chapter5.exercises import check_bp_regimes, practice_checks

GRID = (0.01, 0.1, 1.0, 10.0, 100.0, 1e8)  # the sweep of the notebook's section 2
REGIMES = ("good", "slow", "stuck", "oscillating", "diverged")
RANK = {"stuck": 0, "slow": 1, "good": 2}  # how far E falls


@functools.lru_cache
def _truth(eta, mode):
    """Every name that describes the run, computed here from the definitions stated in the
    notebook, independently of the checker: training_regime's name and, for a run that
    oscillated, where E ended (last E over first E: > 0.9 stuck, > 0.2 slow, else good)."""
    X, y = watermelon_3_0_alpha()
    net = BPNetwork(hidden=(5,), eta=eta, mode=mode, max_epochs=2000, random_state=0).fit(X, y)
    name = training_regime(net.loss_curve_, net.diverged_)
    if name != "oscillating":
        return (name,)
    loss = np.asarray(net.loss_curve_)
    ratio = loss[-1] / loss[0]
    return (name, "stuck" if ratio > 0.9 else "slow" if ratio > 0.2 else "good")


_CHECKER_RUN = functools.lru_cache(practice_checks._bp_regime)  # the checker's own, trained once


@pytest.fixture(autouse=True)
def _train_each_run_once(monkeypatch):
    """The checker trains one network per η; let it reuse its runs across the many calls
    below, so that they stay fast."""
    monkeypatch.setattr(practice_checks, "_bp_regime", _CHECKER_RUN)


def _right(mode="accumulated", pick=0):
    """A right answer for the whole grid: the ``pick``-th accepted name at each η."""
    return {eta: _truth(eta, mode)[min(pick, len(_truth(eta, mode)) - 1)] for eta in GRID}


def test_unanswered_exercise_says_still_none():
    fb = check_bp_regimes(dict.fromkeys(GRID))
    assert not fb and "still None" in repr(fb)


@pytest.mark.parametrize("pick", [0, 1])
@pytest.mark.parametrize("mode", ["accumulated", "standard"])
def test_sec5_3_right_regimes_pass(mode, pick):
    fb = check_bp_regimes(_right(mode, pick), mode=mode)
    assert fb.ok and repr(fb).startswith("✓"), fb.message


def test_an_oscillating_run_that_ends_low_is_both_oscillating_and_good():
    # accumulated BP at eta = 10 zigzags (E rises in over a third of the late epochs) yet ends
    # at E < 0.01 with every melon right: both names describe it, and both must pass
    assert _truth(10.0, "accumulated") == ("oscillating", "good")
    for name in ("oscillating", "good", " Good "):
        fb = check_bp_regimes({10.0: name})
        assert fb.ok, fb.message
    fb = check_bp_regimes(_right("accumulated"))
    assert "both names are right" in fb.message and "η = 10" in fb.message


def test_sec5_3_every_defensible_answer_is_accepted():
    for mode in ("accumulated", "standard"):
        for eta in GRID:
            for name in _truth(eta, mode):
                assert check_bp_regimes({eta: name}, mode=mode).ok, (mode, eta, name)


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


@pytest.mark.parametrize("mode", ["accumulated", "standard"])
@pytest.mark.parametrize("eta", GRID)
def test_every_wrong_regime_is_rejected_without_giving_the_answer(eta, mode):
    names = _truth(eta, mode)
    for guess in REGIMES:
        if guess in names:
            continue
        fb = check_bp_regimes({**_right(mode), eta: guess}, mode=mode)
        assert not fb and repr(fb).startswith("✗")
        assert f"η = {eta:g}" in fb.message and f"not '{guess}'" in fb.message
        for name in names:
            assert name not in fb.message, f"the hint gives the answer away: {fb.message}"


@pytest.mark.parametrize("mode", ["accumulated", "standard"])
@pytest.mark.parametrize("eta", GRID)
def test_hints_point_the_right_way(eta, mode):
    """A hint that compares how far E falls says "further" exactly when the run's error ends
    lower than the guess means, and states the guessed name's cut-off."""
    names = _truth(eta, mode)
    end = names[-1]
    for guess in ("stuck", "slow", "good"):
        if guess in names or end not in RANK:
            continue
        fb = check_bp_regimes({eta: guess}, mode=mode)
        msg = fb.message
        if "is what" in msg:
            # the hint about the other mode says "accumulated BP at eta behaves like standard
            # BP at a smaller eta" (or the reverse): true if the other mode shows this run's
            # regime at a smaller (larger) eta of the sweep, extended by 1000
            other, smaller = ("standard", True) if mode == "accumulated" else ("accumulated", False)
            assert ("smaller η" if smaller else "larger η") in msg
            wide = (*GRID, 1000.0)
            assert any(
                set(_truth(e, other)) & set(names)
                for e in wide
                if (e < eta if smaller else e > eta)
            ), msg
            continue
        way = "further" if RANK[end] > RANK[guess] else "less far"
        assert f"falls {way} than '{guess}' means" in msg, msg
        assert "%" in msg and "E_1" in msg  # the cut-off of the guessed name is stated


def test_a_wrong_oscillating_guess_states_the_rule():
    eta = next(
        e
        for e in GRID
        if "oscillating" not in _truth(e, "accumulated")
        and _truth(e, "accumulated") != ("diverged",)
    )
    fb = check_bp_regimes({eta: "oscillating"})
    assert not fb and "more than 10 % of the epochs of the second half" in fb.message


def test_slow_is_rejected_for_the_oscillating_run_that_ends_low():
    fb = check_bp_regimes({10.0: "slow"})
    assert not fb and "falls further than 'slow' means" in fb.message
    assert "does E only fall?" in fb.message


def test_a_standard_bp_answer_gets_the_hint_about_the_mode():
    std = _right("standard")
    eta = next(e for e in GRID if std[e] not in _truth(e, "accumulated"))
    fb = check_bp_regimes({eta: std[eta]})
    assert not fb and "what standard BP does" in fb.message and "17" in fb.message
    assert "less far" in fb.message and "smaller η" in fb.message


def test_counts_the_wrong_predictions():
    acc = _right()
    wrong = {
        eta: next(r for r in REGIMES if r not in _truth(eta, "accumulated")) for eta in GRID[:2]
    }
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
