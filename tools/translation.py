"""The Korean edition of the notebooks (notebooks/ko/) and its drift guard.

Every Korean notebook has the English one's cells in the same order. Its code cells are the
English code cells, except that the first one starts with :data:`LANG_LINE` (figures, controls
and self-check messages in Korean). Each Korean markdown cell records, in its metadata, which
English cell it translates and a hash of that cell's text::

    "metadata": {"chapter5": {"translates": "<English cell id>", "en_sha256": "<16 hex>"}}

When an English markdown cell changes, its hash no longer matches, and
``tests/test_translation.py`` fails until the Korean cell is revised and re-stamped: every
change to an English notebook is mirrored in Korean in the same commit.

Usage (``python tools/translation.py ...``):

* ``status``: per Korean notebook, the cells whose English changed (stale) or that are still
  English (untranslated), and the Hangul share of the prose letters;
* ``sync NAME.ipynb``: create ``notebooks/ko/NAME.ipynb`` from the English one if it is missing
  (markdown still English, to be translated), or carry new English cells and changed code
  cells over into it, keeping every translated markdown cell;
* ``stamp NAME.ipynb CELL [CELL ...]`` (cell numbers, 0-based, or ``all``): record that these
  Korean markdown cells now translate the current English text.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
EN = ROOT / "notebooks"
KO = EN / "ko"
LANG_LINE = 'import chapter5; chapter5.set_language("ko")  # 한국어판: 그림과 위젯도 한국어로'
"""The one line a Korean notebook adds (at the top of its first code cell)."""

_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
# what is not prose: LaTeX, code spans and blocks, link targets, HTML tags
_NOT_PROSE = re.compile(r"\$\$.*?\$\$|\$[^$\n]*\$|```.*?```|`[^`\n]*`|\]\([^)]*\)|<[^>]+>",
                        re.DOTALL)


def en_hash(source: str) -> str:
    """The hash a Korean cell records of the English cell it translates."""
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]


def prose(markdown: str) -> str:
    """The text a reader reads as words: markdown without math, code and link targets."""
    return _NOT_PROSE.sub(" ", markdown)


def hangul_share(markdown: str) -> tuple[int, int]:
    """(Hangul letters, all letters) of the prose of ``markdown``."""
    text = prose(markdown)
    letters = [c for c in text if c.isalpha()]
    return sum(1 for c in letters if _HANGUL.match(c)), len(letters)


def korean_code(english_source: str, first: bool) -> str:
    """A Korean notebook's code cell for an English one."""
    return f"{LANG_LINE}\n{english_source}" if first else english_source


def pairs(name: str):
    """The English and Korean notebooks called ``name``."""
    return nbformat.read(EN / name, as_version=4), nbformat.read(KO / name, as_version=4)


def english_notebooks() -> list[str]:
    return sorted(p.name for p in EN.glob("*.ipynb"))


def cell_status(en_cell, ko_cell) -> str:
    """"ok", "stale" (the English changed since) or "untranslated" (never stamped)."""
    meta = ko_cell.metadata.get("chapter5", {})
    if meta.get("translates") != en_cell.get("id") or "en_sha256" not in meta:
        return "untranslated"
    return "ok" if meta["en_sha256"] == en_hash(en_cell.source) else "stale"


def sync(name: str) -> Path:
    """Create or update ``notebooks/ko/name`` from the English notebook (see the module)."""
    en = nbformat.read(EN / name, as_version=4)
    path = KO / name
    old = nbformat.read(path, as_version=4) if path.exists() else None
    kept = {}
    if old is not None:
        for cell in old.cells:
            if cell.cell_type == "markdown":
                kept[cell.metadata.get("chapter5", {}).get("translates")] = cell
    ko = nbformat.v4.new_notebook(metadata=dict(en.metadata))
    first = True
    for cell in en.cells:
        if cell.cell_type == "code":
            new = nbformat.v4.new_code_cell(korean_code(cell.source, first),
                                            metadata=dict(cell.metadata))
            first = False
        elif cell.cell_type == "markdown" and cell.get("id") in kept:
            new = kept[cell.get("id")]
        else:
            new = nbformat.from_dict(dict(cell))
            new.metadata = dict(cell.metadata)
            new.metadata["chapter5"] = {"translates": cell.get("id")}
        new["id"] = cell.get("id")
        ko.cells.append(new)
    KO.mkdir(exist_ok=True)
    nbformat.write(ko, path)
    return path


def stamp(name: str, which) -> list[int]:
    """Mark Korean markdown cells (indices, or "all") as translating the current English."""
    en, ko = pairs(name)
    done = []
    for k, (e, c) in enumerate(zip(en.cells, ko.cells, strict=True)):
        if c.cell_type != "markdown" or (which != "all" and k not in which):
            continue
        c.metadata["chapter5"] = {"translates": e.get("id"), "en_sha256": en_hash(e.source)}
        done.append(k)
    nbformat.write(ko, KO / name)
    return done


def status() -> int:
    problems = 0
    for name in english_notebooks():
        if not (KO / name).exists():
            print(f"{name}: no Korean notebook (python tools/translation.py sync {name})")
            problems += 1
            continue
        en, ko = pairs(name)
        cells = zip(en.cells, ko.cells, strict=False)
        bad = [(k, cell_status(e, c)) for k, (e, c) in enumerate(cells)
               if e.cell_type == "markdown"]
        bad = [(k, s) for k, s in bad if s != "ok"]
        h = a = 0
        for c in ko.cells:
            if c.cell_type == "markdown":
                dh, da = hangul_share(c.source)
                h, a = h + dh, a + da
        share = 100 * h / a if a else 0.0
        print(f"{name}: Hangul {share:.1f} % of prose letters"
              + (f"; to do: {bad}" if bad else ""))
        problems += len(bad)
    return 1 if problems else 0


def main(argv: list[str]) -> int:
    if not argv or argv[0] == "status":
        return status()
    if argv[0] == "sync" and len(argv) >= 2:
        for name in argv[1:]:
            print(sync(name))
        return 0
    if argv[0] == "stamp" and len(argv) >= 3:
        which = "all" if argv[2] == "all" else {int(a) for a in argv[2:]}
        print("stamped cells", stamp(argv[1], which))
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
