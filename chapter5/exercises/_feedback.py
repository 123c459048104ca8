"""What every self-check returns (:class:`Feedback`) and the helpers the checkers share.

Every message a student reads goes through :func:`chapter5.i18n.tr` when the checker runs
(``tr("...").format(...)``: the English text is the key), so a check prints in the language
chosen at that moment.
"""

from __future__ import annotations

import numpy as np

from ..i18n import tr


class Feedback:
    """The result of a self-check: ``ok`` and a one-line ``message``; prints as the message."""

    def __init__(self, ok: bool, message: str):
        self.ok = bool(ok)
        self.message = message

    def __bool__(self) -> bool:
        return self.ok

    def __repr__(self) -> str:
        return (tr("✓ Correct.") if self.ok else tr("✗ Not yet.")) + " " + self.message


def _not_answered() -> Feedback:
    """The feedback on an answer still left as None (in the language of the moment)."""
    return Feedback(False, tr("Fill in your answer above (it is still None), then run this "
                              "cell again."))


def _fmt(x) -> str:
    return "(" + ", ".join(f"{v:g}" for v in np.atleast_1d(x)) + ")"
