"""Self-check of notebook 5.5.2-art: how many categories Fuzzy ART makes at a vigilance ρ."""

from __future__ import annotations

import numpy as np

from .._validation import _describe
from ..datasets import art_sequence
from ..i18n import tr
from ..networks.art import ART
from ._feedback import Feedback, _not_answered


def check_art_categories(dataset: str, rho: float, n_categories) -> Feedback:
    """How many categories does Fuzzy ART (β = 1, with search) create on a replay's data set at
    vigilance ``rho``? Compares ``n_categories`` with the model's count, saying only "more" or
    "fewer".

    dataset : one of :data:`chapter5.datasets.ART_SEQUENCES`, presented once in its fixed
    order; rho : the vigilance ρ in [0, 1]; n_categories : the answer, a whole number.

    Examples
    --------
    >>> check_art_categories("three clusters", 0.75, 3)
    ✓ Correct. ρ = 0.75 gives 3 categories on 'three clusters'.
    """
    if n_categories is None:
        return _not_answered()
    if isinstance(n_categories, bool) or not isinstance(n_categories, (int, np.integer)):
        raise TypeError(f"n_categories must be a whole number; got {_describe(n_categories)}")
    if n_categories < 1:
        raise ValueError(f"n_categories must be at least 1 (the first sample always makes a "
                         f"category); got {n_categories}")
    X = art_sequence(dataset)
    true = ART(rho=rho).fit(X).n_categories_
    if n_categories == true:
        return Feedback(True, tr("ρ = {rho:g} gives {n} categories on '{dataset}'.").format(
            rho=rho, n=true, dataset=tr(dataset)))
    text = (tr("ART creates more than {n} categories at ρ = {rho:g}. Replay it step by step.")
            if true > n_categories else
            tr("ART creates fewer than {n} categories at ρ = {rho:g}. Replay it step by step."))
    return Feedback(False, text.format(n=n_categories, rho=rho))
