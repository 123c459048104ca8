"""The outputs a notebook run in JupyterLab shows, compared with its committed outputs the way
nbval compares them (issue 16, "share kernels").

The run-all of every notebook (both editions) in the browser tests is also one of the two runs
in which `make test` compares every notebook's outputs (in ``.venv``; the other is nbval in
``.venv-lowest`` on another machine's arithmetic, see ``tools/test_phases.sh``), so no kernel
runs a notebook only to compare it. The comparison is nbval's
own: its cell options (``# NBVAL_IGNORE_OUTPUT``, ``nbval-skip`` tags, ...), its stream
coalescing, its sanitising (``notebooks/nbval-sanitize.cfg``), the keys it skips (images, widget
views, metadata) and its ``IPyNbCell.compare_outputs``, called on a stand-in for the pytest item.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from types import SimpleNamespace

import nbformat
from nbval.plugin import (
    IPyNbCell,
    coalesce_streams,
    find_comment_markers,
    find_metadata_tags,
    get_sanitize_patterns,
    nocolors,
)

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
SANITIZE = NOTEBOOKS / "nbval-sanitize.cfg"

# what nbval (0.11, without --nbdime) leaves out of a comparison: IPyNbFile.skip_compare, which
# it sets per file in __init__ rather than on the class
SKIP_COMPARE = ("metadata", "traceback", "prompt_number", "output_type", "name",
                "execution_count", "application/vnd.jupyter.widget-view+json",
                "image/png", "image/jpeg")

# every code cell's outputs in JupyterLab's model, without what nbval skips anyway (the
# pictures would only cost transfer)
MODEL_OUTPUTS = """(skip) => {
    const cells = window.jupyterapp.shell.currentWidget.content.model.cells;
    const all = [];
    for (let i = 0; i < cells.length; i++) {
        const cell = cells.get(i);
        if (cell.type !== 'code') continue;
        const outputs = [];
        for (let k = 0; k < cell.outputs.length; k++) {
            const o = cell.outputs.get(k).toJSON();
            if (o.data) for (const key of skip) delete o.data[key];
            if (Array.isArray(o.text)) o.text = o.text.join('');
            outputs.push(o);
        }
        all.push(outputs);
    }
    return all;
}"""


class _Cell:
    """What ``IPyNbCell.compare_outputs`` reads off ``self``."""

    colors = nocolors
    config = None
    # no pytest item to ask for an assertion diff: nbval then prints both outputs in full
    ihook = SimpleNamespace(pytest_assertrepr_compare=lambda **_: [])
    compare_outputs = IPyNbCell.compare_outputs
    format_output_compare = IPyNbCell.format_output_compare
    sanitize = IPyNbCell.sanitize

    def __init__(self, patterns):
        self.parent = SimpleNamespace(skip_compare=SKIP_COMPARE, sanitize_patterns=patterns)
        self.comparison_traceback = []


def _options(cell) -> dict:
    """nbval's options for a code cell, as IPyNbFile.collect reads them (strict mode)."""
    options = defaultdict(bool, find_metadata_tags(cell.metadata))
    options.update(dict(find_comment_markers(cell.source)))
    options.setdefault("check", True)
    return options


def differences(name: str, shown: list[list[dict]]) -> list[str]:
    """Where the outputs ``shown`` (one list per code cell, from ``MODEL_OUTPUTS``) differ from
    notebook ``name``'s committed outputs under nbval's rules; empty if they agree."""
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    if len(code) != len(shown):
        return [f"{len(shown)} code cells ran, the committed notebook has {len(code)}"]
    patterns = dict(get_sanitize_patterns(SANITIZE.read_text(encoding="utf-8")))
    problems = []
    for k, (cell, outputs) in enumerate(zip(code, shown, strict=True)):
        options = _options(cell)
        if options["skip"] or not options["check"] or cell.execution_count is None:
            continue
        comparer = _Cell(patterns)
        test = coalesce_streams([nbformat.from_dict(o) for o in outputs])
        if not comparer.compare_outputs(test, coalesce_streams(cell.outputs)):
            problems.append(f"code cell {k}: outputs differ from the committed ones\n"
                            + "\n".join(comparer.comparison_traceback))
    return problems


def assert_outputs_are_the_committed_ones(page, name: str) -> None:
    """After a run-all of ``name`` in ``page``: its text outputs are the committed ones."""
    shown = page.evaluate(MODEL_OUTPUTS, list(SKIP_COMPARE))
    problems = differences(name, shown)
    assert not problems, f"{name}:\n" + "\n\n".join(problems)
