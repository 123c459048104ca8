"""한국어: the Korean table of :mod:`chapter5.i18n` (English key -> Korean text).

One catalog, kept in a few files by area so that a change to one chapter's figures touches one
file: ``figures_5_1_to_5_4`` (the views and dashboards of §5.1-5.4), ``figures_5_5`` (§5.5),
``messages`` (the self-checks of :mod:`chapter5.exercises`, data-set names and shared labels),
and ``notebook_*`` (the words the notebooks' own code prints or draws). Every module of this
package that defines ``STRINGS`` is part of the table. The terms are those of
:mod:`chapter5.i18n.glossary`. A key may appear in one file only (the test says where a
duplicate is).
"""

from __future__ import annotations

import importlib
import pkgutil

PARTS: dict[str, dict] = {
    info.name: importlib.import_module(f"{__name__}.{info.name}").STRINGS
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name)
}

STRINGS: dict[str, str] = {}
for _part in PARTS.values():
    STRINGS.update(_part)
