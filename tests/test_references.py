"""Promises the notebooks make to each other and to the book stay exact.

A notebook that leans on another ("the promise of §5.3", "see the gradient check") must link a
heading that exists, and an equation number must be one of the book's (5.1)-(5.24). (Issue 14
found a §5.5.1 paragraph relying on a §5.3 statement no notebook made.)
"""

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "notebooks" / "ko").glob("*.ipynb"))
LINK = re.compile(r"\]\(([^)\s#]*\.ipynb)?(#[^)\s]+)?\)")
EQUATION = re.compile(r"\(5\.(\d+)\)|\\tag\{5\.(\d+)\}")


def _cells(path):
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _anchors(path) -> set[str]:
    """Jupyter's heading anchors: the heading's text with spaces as hyphens."""
    anchors = set()
    for cell in _cells(path):
        if cell["cell_type"] != "markdown":
            continue
        for line in "".join(cell["source"]).splitlines():
            m = re.match(r"^#{1,6}\s+(.+?)\s*$", line)
            if m:
                anchors.add(m.group(1).replace(" ", "-"))
    return anchors


def test_the_anchor_helper_reads_headings():
    target = ROOT / "notebooks" / "5.3-backpropagation.ipynb"
    assert "Universal-approximation-and-the-number-of-hidden-units" in _anchors(target)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT / "notebooks")))
def test_every_link_between_notebooks_reaches_a_file_and_heading(path):
    for cell in _cells(path):
        if cell["cell_type"] != "markdown":
            continue
        for target, anchor in LINK.findall("".join(cell["source"])):
            if not target and not anchor:
                continue
            if target.startswith(("http://", "https://")):
                continue
            file = (path.parent / target) if target else path
            assert file.exists(), f"{path.name} links a missing notebook {target!r}"
            if anchor:
                assert anchor[1:] in _anchors(file), \
                    f"{path.name} links {target}{anchor}, a heading that does not exist"


def _sources():
    for path in NOTEBOOKS:
        for k, cell in enumerate(_cells(path)):
            yield f"{path.name} cell {k}", "".join(cell["source"])
    for path in sorted((ROOT / "chapter5").rglob("*.py")):
        yield str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")


def test_every_equation_number_is_one_of_the_books():
    wrong = [(where, m.group(0)) for where, text in _sources()
             for m in EQUATION.finditer(text) if not 1 <= int(m.group(1) or m.group(2)) <= 24]
    assert not wrong, f"the book numbers (5.1)-(5.24) only: {wrong}"


def test_the_mp_neuron_formula_carries_no_equation_number():
    """The M-P neuron y = f(sum_i w_i x_i - theta) is unnumbered; (5.1) is the perceptron update."""
    mp = re.compile(r"M-?P (neuron|model)[^.\n]{0,80}\(5\.1\)|\(5\.1\)[^.\n]{0,40}M-?P (neuron|model)")
    wrong = [(where, m.group(0)) for where, text in _sources() for m in mp.finditer(text)]
    assert not wrong, f"(5.1) is the perceptron update, not the M-P neuron: {wrong}"
