"""A marker for the English display names the data-set tables hold.

The tables of this package (the menus of the dashboards, the names of the Boolean functions)
keep their English values: they are option values, dictionary keys and the words of the
English edition. Whoever *shows* one translates it then, with :func:`chapter5.i18n.tr`
(``tr(label)``). Writing each name here as ``tr("...")`` marks it as a translation key, so that
``tests/test_i18n.py`` (which finds keys by their ``tr("...")`` calls) checks that the Korean
catalog (``chapter5/i18n/ko/messages.py``) has it.
"""

from __future__ import annotations


def tr(label: str) -> str:
    """``label`` unchanged (English): marks a display name as a translation key."""
    return label
