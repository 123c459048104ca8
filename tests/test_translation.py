"""The drift guard of the Korean edition (issue 16): notebooks/ko/ mirrors notebooks/ cell by
cell. A Korean markdown cell records the English cell it translates and a hash of its text
(``tools/translation.py``): change an English cell and this test fails until its Korean
counterpart is revised and re-stamped (``python tools/translation.py stamp NAME CELL``)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import translation  # noqa: E402

NAMES = translation.english_notebooks()
# an English sentence: six or more English words in a row (names and acronyms are fewer)
ENGLISH_RUN = re.compile(r"(?:\b[A-Za-z][a-z'’-]*[,;:]?\s+){5,}[A-Za-z][a-z'’-]*")


def test_every_english_notebook_has_a_korean_one():
    assert sorted(p.name for p in translation.KO.glob("*.ipynb")) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_same_cells_same_code(name):
    en, ko = translation.pairs(name)
    assert [c.cell_type for c in ko.cells] == [c.cell_type for c in en.cells], \
        f"{name}: the Korean notebook's cells differ in number or kind from the English one"
    first = True
    for k, (e, c) in enumerate(zip(en.cells, ko.cells, strict=True)):
        if e.cell_type == "code":
            assert c.source == translation.korean_code(e.source, first), \
                f"{name} cell {k}: code differs from the English (beyond the language line)"
            first = False


@pytest.mark.parametrize("name", NAMES)
def test_every_markdown_cell_translates_the_current_english(name):
    en, ko = translation.pairs(name)
    todo = [(k, translation.cell_status(e, c))
            for k, (e, c) in enumerate(zip(en.cells, ko.cells, strict=True))
            if e.cell_type == "markdown" and translation.cell_status(e, c) != "ok"]
    assert not todo, (f"{name}: Korean cells to revise (English changed: 'stale'; never "
                      f"translated: 'untranslated'): {todo}; then python tools/translation.py "
                      f"stamp {name} CELL")


@pytest.mark.parametrize("name", NAMES)
def test_no_english_sentence_is_left(name):
    _, ko = translation.pairs(name)
    for k, cell in enumerate(ko.cells):
        if cell.cell_type != "markdown":
            continue
        text = translation.prose(cell.source)
        text = text.replace("**", "")  # bold markers, so that italics pair up below
        text = re.sub(r"\*[^*\n]+\*", " ", text)  # italic titles of cited works
        run = ENGLISH_RUN.search(text)
        assert run is None, f"{name} cell {k} keeps an English sentence: {run.group(0)!r}"
        hangul, letters = translation.hangul_share(cell.source)
        assert letters < 40 or hangul / letters > 0.5, \
            f"{name} cell {k}: only {hangul}/{letters} of its letters are Hangul"


def test_a_changed_english_cell_is_caught(tmp_path):
    en, ko = translation.pairs(NAMES[0])
    k = next(i for i, c in enumerate(en.cells) if c.cell_type == "markdown")
    ko.cells[k].metadata["chapter5"] = {"translates": en.cells[k].get("id"),
                                        "en_sha256": translation.en_hash(en.cells[k].source)}
    assert translation.cell_status(en.cells[k], ko.cells[k]) == "ok"
    en.cells[k].source += " (changed)"
    assert translation.cell_status(en.cells[k], ko.cells[k]) == "stale"
    nbformat.validate(ko)
