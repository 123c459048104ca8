"""Self-check of notebook 5.3-bp-in-practice: the learning-rate regimes of BP (book exercise
5.4).
"""

from __future__ import annotations

from collections.abc import Mapping

from .._validation import _describe, check_option, check_scalar
from ..backprop import BPNetwork, training_regime
from ..datasets import watermelon_3_0_alpha
from ..i18n import tr
from ._feedback import Feedback, _not_answered

_REGIMES = ("good", "slow", "stuck", "oscillating", "diverged")


def _regime_rule(name: str) -> str:
    """What a regime name means, as training_regime judges it (E_1: the error of the first
    epoch), in the language of the moment."""
    return {
        "diverged": tr("the weights blew up (BPNetwork's diverged_)"),
        "oscillating": tr("E rose from one epoch to the next in more than 10 % of the epochs "
                          "of the second half"),
        "stuck": tr("E ended above 90 % of E_1 (it fell by less than 10 %)"),
        "slow": tr("E ended between 20 % and 90 % of E_1"),
        "good": tr("E ended at or below 20 % of E_1"),
    }[name]


def _bp_regime(eta: float, mode: str) -> tuple[str, ...]:
    """The regime names that describe the run of the learning-rate sweep of notebook
    5.3-bp-in-practice at ``eta`` (a 2-5-1 sigmoid network on watermelon 3.0α, initial weights
    from seed 0, 2000 epochs): first the one :func:`~chapter5.backprop.training_regime` names;
    for an "oscillating" run also where its error ended ("good", "slow" or "stuck"), since
    "oscillating" describes the path of E and the others where it ends, and both are true."""
    X, y = watermelon_3_0_alpha()
    net = BPNetwork(hidden=(5,), eta=eta, mode=mode, max_epochs=2000, random_state=0).fit(X, y)
    name = training_regime(net.loss_curve_, net.diverged_)
    if name != "oscillating":
        return (name,)
    # A curve of two values, the first and the last E, has no second half to oscillate in:
    # training_regime then judges only where E ended, by its cut-offs of 90 % and 20 %.
    return (name, training_regime([net.loss_curve_[0], net.loss_curve_[-1]]))


def check_bp_regimes(predictions, mode: str = "accumulated") -> Feedback:
    """Book exercise 5.4: which regime does BP in ``mode`` show at each learning rate η?

    ``predictions`` maps learning rates η to a regime name, as
    :func:`chapter5.backprop.training_regime` defines them, in the sweep of notebook
    5.3-bp-in-practice: a 2-5-1 sigmoid network on watermelon 3.0α, initial weights from
    seed 0, 2000 epochs. With E_1 the error of the first epoch: "diverged" (the weights blew
    up), "oscillating" (E rose in more than 10 % of the epochs of the second half), else by
    where E ended: "stuck" (above 90 % of E_1), "slow" (between 20 % and 90 %) or "good" (at
    most 20 %). "oscillating" describes the path and the last three where E ends, so for a run
    that oscillated both "oscillating" and its end ("good", "slow" or "stuck") are accepted.
    Every run is trained here (about 0.2 s each), so any η > 0 may be asked about; a
    prediction left as None is skipped. A wrong one is named by its η, with a hint that points
    the right way, never with the right regime.

    Examples
    --------
    >>> check_bp_regimes({0.01: "slow", 1e8: "diverged"}).ok
    True
    >>> feedback = check_bp_regimes({1.0: "good"})
    >>> bool(feedback), "standard BP" in feedback.message
    (False, True)
    """
    mode = check_option(mode, "mode", ("standard", "accumulated"))
    if not isinstance(predictions, Mapping):
        raise TypeError(f"predictions must be a dict that maps learning rates to regime names, "
                        f"e.g. {{0.1: 'slow'}}; got {_describe(predictions)}")
    if not 1 <= len(predictions) <= 20:
        raise ValueError(f"predictions must hold 1 to 20 learning rates (each is a training "
                         f"run); got {len(predictions)}")
    valid = ", ".join(repr(r) for r in _REGIMES)
    answered = {}
    for key, regime in predictions.items():
        eta = check_scalar(key, "each learning rate (key) of predictions", min_value=0.0,
                           include_min=False)
        if regime is None:
            continue
        if not isinstance(regime, str):
            raise TypeError(f"predictions[{eta:g}] must be a regime name, one of {valid}; got "
                            f"{_describe(regime)}")
        if regime.strip().lower() not in _REGIMES:
            raise ValueError(f"predictions[{eta:g}] must be one of {valid}; got {regime!r}")
        answered[eta] = regime.strip().lower()
    if not answered:
        return _not_answered()
    truth = {eta: _bp_regime(eta, mode) for eta in sorted(answered)}
    wrong = [eta for eta in truth if answered[eta] not in truth[eta]]
    n_open = len(predictions) - len(answered)
    if not wrong:
        if n_open:
            text = (tr("The {n} you filled in are right; {n_open} is still None: fill it in "
                       "too.") if n_open == 1 else
                    tr("The {n} you filled in are right; {n_open} are still None: fill them in "
                       "too."))
            return Feedback(False, text.format(n=len(answered), n_open=n_open))
        listing = ", ".join(
            tr("{names} at η = {eta:g}").format(
                names=truth[eta][0] if len(truth[eta]) == 1 else
                tr("{first} and {second}").format(first=truth[eta][0], second=truth[eta][1]),
                eta=eta)
            for eta in truth)
        both = [eta for eta in truth if len(truth[eta]) == 2]
        note = (" " + tr("At η = {etas} both names are right: E rose in many epochs of the "
                         "second half (the path oscillated), and where it ended gives the "
                         "second name.").format(etas=", ".join(f"{eta:g}" for eta in both))
                if both else "")
        text = (tr("Standard BP on watermelon 3.0α: {listing}.") if mode == "standard" else
                tr("Accumulated BP on watermelon 3.0α: {listing}."))
        return Feedback(True, text.format(listing=listing) + note)
    eta = wrong[0]
    guess, names = answered[eta], truth[eta]
    end = names[-1]  # where E ended ("good", "slow", "stuck"), or "diverged"
    other = "standard" if mode == "accumulated" else "accumulated"
    rank = {"stuck": 0, "slow": 1, "good": 2}  # how far E falls in 2000 epochs
    if end == "diverged":
        hint = tr("How large is the very first update at this η? See how BPNetwork reports "
                  "weights that blow up.")
    elif guess == "diverged":
        hint = tr("The weights stay finite for all 2000 epochs.")
    elif guess == "oscillating":
        hint = tr("In the second half of training E rises in at most 10 % of the epochs; "
                  "'oscillating' means {rule}.").format(rule=_regime_rule("oscillating"))
    elif guess in _bp_regime(eta, other):
        if mode == "accumulated":
            hint = (tr("'{guess}' is what standard BP does at η = {eta:g}.") + " " +
                    tr("One accumulated update follows the average gradient of all 17 melons, "
                       "once per epoch, where standard BP makes 17 updates: per epoch, "
                       "accumulated BP moves the weights less far, as standard BP would with a "
                       "smaller η."))
        else:
            hint = (tr("'{guess}' is what accumulated BP does at η = {eta:g}.") + " " +
                    tr("A standard update follows one melon's gradient, 17 times per epoch, "
                       "where accumulated BP makes one update along their average: per epoch, "
                       "standard BP moves the weights further, as accumulated BP would with a "
                       "larger η."))
        hint = hint.format(guess=guess, eta=eta)
    else:
        hint = (tr("Compare E after 2000 epochs with E_1, the error of the first epoch: it "
                   "falls further than '{guess}' means ({rule}).") if rank[end] > rank[guess]
                else tr("Compare E after 2000 epochs with E_1, the error of the first epoch: "
                        "it falls less far than '{guess}' means ({rule}).")
                ).format(guess=guess, rule=_regime_rule(guess))
        if names[0] == "oscillating":
            hint += " " + tr("And look at the second half of its error curve: does E only "
                             "fall?")
    if len(wrong) > 1:
        many = tr("{k} of your {n} predictions are wrong:")
    elif len(answered) > 1:
        many = tr("1 of your {n} predictions is wrong:")
    else:
        many = tr("Your prediction is wrong:")
    where = (tr("at η = {eta:g}, standard BP is not '{guess}'.") if mode == "standard" else
             tr("at η = {eta:g}, accumulated BP is not '{guess}'."))
    return Feedback(False, many.format(k=len(wrong), n=len(answered)) + " " +
                    where.format(eta=eta, guess=guess) + " " + hint)
