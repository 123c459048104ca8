"""The Korean edition's strings (issue 16): every key has a Korean text, Korean mode leaves no
English words in any dashboard, and no Hangul glyph is missing from any figure."""

from __future__ import annotations

import ast
import logging
import re
import warnings
from pathlib import Path

import ipywidgets as widgets
import nbformat
import pytest
from matplotlib.text import Text

from chapter5 import i18n
from chapter5.i18n import ko
from chapter5.widgets import DASHBOARDS

PACKAGE = Path(__file__).resolve().parent.parent / "chapter5"

# Latin words a Korean text may keep: acronyms and names Korean textbooks write in Latin
# letters, function names as written in formulas, and units
ALLOWED_LATIN = {
    "AND", "OR", "NOT", "NAND", "NOR", "XOR", "BP", "SGD", "RBF", "ART", "ART1", "SOM", "BMU",
    "RBM", "CD", "BPTT", "MSE", "QE", "TE", "ReLU", "tanh", "relu", "exp", "log", "max",
    "min", "sgn", "Fig", "Fuzzy", "Mazur", "Elman", "Kohonen", "Novikoff", "Hinton", "Lang",
    "Witbrock", "Rosenblatt", "Hopfield", "Boltzmann", "Gibbs", "Gauss", "MLP", "ms",
}


def _sources():
    """The package's modules and the English notebooks' code cells (the Korean ones run the
    same code), as Python source."""
    for path in PACKAGE.rglob("*.py"):
        if "i18n" not in path.parts:
            yield path.read_text(encoding="utf-8")
    for path in sorted((PACKAGE.parent / "notebooks").glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "code":
                # IPython magics are not Python: leave those lines out
                yield "\n".join(ln for ln in cell.source.splitlines()
                                if not ln.lstrip().startswith(("%", "!")))


def source_keys() -> set[str]:
    """Every ``tr("literal")`` key in the package and the notebooks' code (with
    ``context=``: "context|text")."""
    keys = set()
    for source in _sources():
        tree = ast.parse(source)
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "tr" and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                text = node.args[0].value
                ctx = next((k.value.value for k in node.keywords if k.arg == "context"
                            and isinstance(k.value, ast.Constant)), None)
                if ctx is None and len(node.args) > 1 and isinstance(node.args[1], ast.Constant):
                    ctx = node.args[1].value
                keys.add(text if ctx is None else f"{ctx}|{text}")
    return keys


def control_keys() -> set[str]:
    """Every label, tooltip and option label of every dashboard's control table."""
    keys = set()
    for builder in DASHBOARDS.values():
        for spec in builder.controls:
            keys.update(k for k in (spec.label or spec.name, spec.tooltip) if k)
            keys.update(o[0] for o in spec.options if isinstance(o, tuple))
            if spec.kind == "choice":
                keys.update(o for o in spec.options if isinstance(o, str))
    return keys


@pytest.fixture
def korean():
    i18n.set_language("ko")
    try:
        yield
    finally:
        i18n.set_language(None)


def test_language_switch():
    assert i18n.language() == "en" and i18n.tr("seed") == "seed"
    with pytest.raises(ValueError, match="language"):
        i18n.set_language("fr")


def test_parts_do_not_repeat_a_key():
    seen: dict[str, str] = {}
    for part, table in ko.PARTS.items():
        for key in table:
            assert key not in seen, f"{key!r} is in both {seen[key]} and {part}"
            seen[key] = part


def test_every_key_has_a_korean_text():
    missing = sorted((source_keys() | control_keys()) - set(ko.STRINGS))
    assert not missing, f"{len(missing)} strings have no Korean text, e.g. {missing[:20]}"


def test_korean_texts_are_korean():
    hangul = re.compile(r"[\uac00-\ud7a3]")
    for key, text in ko.STRINGS.items():
        assert isinstance(text, str) and text.strip(), key
        # a text with words needs Hangul (symbols such as "η" or "w₁" may stay as they are)
        if re.search(r"[A-Za-z]{3,}", key.split("|")[-1]):
            assert hangul.search(text) or set(_latin_words(text)) <= ALLOWED_LATIN, key


def _latin_words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z][A-Za-z0-9]{2,}", text)


def _shown_texts(dashboard) -> list[str]:
    """Every text a student sees: the figure's, the controls' and the side widgets'."""
    texts = [t.get_text() for t in dashboard.view.fig.findobj(Text) if t.get_visible()]
    stack = list(dashboard.children)
    while stack:
        w = stack.pop()
        if w is dashboard.code_view:
            continue  # settings as code: Python, on purpose
        if isinstance(w, widgets.Box):
            stack.extend(w.children)
            continue
        for attr in ("description", "tooltip"):
            texts.append(getattr(w, attr, "") or "")
        if isinstance(w, widgets.Dropdown):
            texts.extend(label for label, _ in w.options)
        if isinstance(w, widgets.HTML | widgets.Label):
            texts.append(re.sub(r"<[^>]+>", " ", w.value))
    return texts


@pytest.mark.parametrize("name", sorted(DASHBOARDS))
def test_korean_dashboards_leave_no_english_and_no_missing_glyph(name, korean, caplog):
    caplog.set_level(logging.WARNING, logger="matplotlib")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph ... missing from font(s)" fails here
        d = DASHBOARDS[name]()
        d.view.png()
    # mathtext with Hangul in it does not warn but logs "... does not have a glyph"
    glyphs = [r.getMessage() for r in caplog.records if "glyph" in r.getMessage().lower()]
    assert not glyphs, f"{name}: {glyphs[:3]}"
    english = sorted({w for text in _shown_texts(d) for w in _latin_words(text)
                      if w not in ALLOWED_LATIN})
    assert not english, f"{name} shows English words in Korean mode: {english}"


@pytest.mark.parametrize("name", sorted(DASHBOARDS))
def test_english_mode_is_unchanged_by_a_korean_build(name, korean):
    DASHBOARDS[name]()  # a Korean build first ...
    i18n.set_language("en")
    d = DASHBOARDS[name]()  # ... leaves English as English
    assert not any(re.search(r"[\uac00-\ud7a3]", t) for t in _shown_texts(d)), name
