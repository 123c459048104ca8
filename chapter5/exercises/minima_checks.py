"""Self-check of notebook 5.4-global-and-local-minima: is a point a local or global minimum?"""

from __future__ import annotations

import numpy as np

from .._validation import as_float_array, check_option
from ..i18n import tr
from ._feedback import Feedback, _not_answered


def check_local_minimum(surface, point, expect: str = "local") -> Feedback:
    """Is ``point`` (close to) a minimum of a :class:`chapter5.minima.Surface` of the kind the
    exercise asks for (``expect``: "local", "global" or "any")? Judged by where the surface's
    minima are (gradient 0, positive curvature)."""
    if point is None:
        return _not_answered()
    if expect not in ("local", "global", "any"):
        raise ValueError(f"expect must be 'local', 'global' or 'any'; got {expect!r}")
    # The one import left inside a function: `import chapter5` imports this package, and
    # chapter5.minima locates its surfaces' minima when it is imported (20-40 ms here).
    from ..minima import SURFACES

    s = SURFACES[check_option(surface, "surface", SURFACES)] if isinstance(surface, str) \
        else surface
    p = as_float_array(point, "point", ndim=(0, 1), allow_nan=False).reshape(-1)
    if p.size != s.dim:
        raise ValueError(f"point must have {s.dim} coordinate(s); got {p.size}")
    nearest = min(s.minima, key=lambda m: np.linalg.norm(m[0] - p))
    if np.linalg.norm(nearest[0] - p) > 0.05:
        slope = np.linalg.norm(s.grad(p))
        return Feedback(False, tr("The gradient there has length {slope:.3g}, not 0: E still "
                                  "falls in some direction.").format(slope=slope))
    if nearest[2] == "global":
        return Feedback(expect in ("global", "any"),
                        tr("That is the global minimum.") + (
                            " " + tr("The exercise asks for a local one that is not global.")
                            if expect == "local" else ""))
    gap = nearest[1] - s.global_minimum[1]
    return Feedback(expect in ("local", "any"),
                    tr("That is a local minimum: the gradient is 0, but E is {gap:.3g} higher "
                       "than at the global one.").format(gap=gap))
