"""The words a reader sees, in the reader's language.

Every string shown to a student (a control's label and tooltip, a figure's title, a status
line, a self-check message) goes through :func:`tr`. The English text is the key: code reads
as it always did (``tr("hidden units q")``), and a language is one table that maps those
English keys to its own text (``chapter5/i18n/<language>.py``, a dict named ``STRINGS``).
A key that a table lacks falls back to English, and ``tests/test_i18n.py`` fails on it.

Why one Python table per language rather than gettext's .po/.mo files: nothing to compile
(a fresh clone and ``pip install`` work as they are, on every platform), the tests can list the
keys directly, and a reviewer reads a translation beside its English in one file. The same
English word meaning two things gets a context: ``tr("step", context="SOM replay")`` looks
up ``"SOM replay|step"``.

The language is ``CHAPTER5_LANG`` (``en`` unless set) or whatever :func:`set_language` chose
last. Errors raised for programmers (``ValueError``, ``TypeError``) stay English.
"""

from __future__ import annotations

import importlib
import os

from .._validation import check_option

__all__ = ["LANGUAGES", "language", "set_language", "strings", "tr"]

LANGUAGES = ("en", "ko")
_chosen: str | None = None
_tables: dict[str, dict] = {}


def _check(lang) -> str:
    return check_option(lang, "language", LANGUAGES)


def language() -> str:
    """The language in use: the last :func:`set_language`, else ``CHAPTER5_LANG``, else en."""
    if _chosen is not None:
        return _chosen
    env = os.environ.get("CHAPTER5_LANG", "").strip()
    return _check(env) if env else "en"


def set_language(lang: str | None) -> str:
    """Choose the language of every picture, control and message built from now on.

    ``None`` goes back to ``CHAPTER5_LANG`` (or English). Returns the language in use.
    """
    global _chosen
    _chosen = None if lang is None else _check(lang)
    return language()


def strings(lang: str) -> dict:
    """The table of ``lang`` (English -> that language; empty for English itself)."""
    lang = _check(lang)
    if lang == "en":
        return {}
    if lang not in _tables:
        _tables[lang] = importlib.import_module(f"{__name__}.{lang}").STRINGS
    return _tables[lang]


def tr(text: str, context: str | None = None) -> str:
    """``text`` (English, the key) in the current language; English when untranslated.

    >>> tr("seed")
    'seed'
    """
    lang = language()
    if lang == "en":
        return text
    key = text if context is None else f"{context}|{text}"
    return strings(lang).get(key, text)
