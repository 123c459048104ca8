"""What every self-check returns (:class:`Feedback`) and the helpers the checkers share."""

from __future__ import annotations

import numpy as np


class Feedback:
    """The result of a self-check: ``ok`` and a one-line ``message``; prints as the message."""

    def __init__(self, ok: bool, message: str):
        self.ok = bool(ok)
        self.message = message

    def __bool__(self) -> bool:
        return self.ok

    def __repr__(self) -> str:
        return ("✓ Correct. " if self.ok else "✗ Not yet. ") + self.message


_NOT_ANSWERED = Feedback(False, "Fill in your answer above (it is still None), then run this "
                                "cell again.")


def _fmt(x) -> str:
    return "(" + ", ".join(f"{v:g}" for v in np.atleast_1d(x)) + ")"
