"""한국어: the Korean table of :mod:`chapter5.i18n` (English key -> Korean text).

One catalog, kept in a few files by area so that a change to one chapter's figures touches one
file: ``figures_5_1_to_5_4`` (the views and dashboards of §5.1-5.4), ``figures_5_5`` (§5.5),
``messages`` (the self-checks of :mod:`chapter5.exercises`, data-set and shared labels).
The terms are those of :mod:`chapter5.i18n.glossary`. A key may appear in one file only (the
test says where a duplicate is).
"""

from __future__ import annotations

from . import figures_5_1_to_5_4, figures_5_5, messages

PARTS = {"figures_5_1_to_5_4": figures_5_1_to_5_4.STRINGS, "figures_5_5": figures_5_5.STRINGS,
         "messages": messages.STRINGS}

STRINGS: dict[str, str] = {}
for _part in PARTS.values():
    STRINGS.update(_part)
