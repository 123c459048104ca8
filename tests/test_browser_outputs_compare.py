"""The comparison the browser tests make between a notebook run in JupyterLab and its committed
outputs (tests/browser/outputs.py) is nbval's, and it can fail."""

from __future__ import annotations

import copy

import nbformat
import pytest

from tests.browser.outputs import NOTEBOOKS, differences

NAME = "5.2-perceptron-and-multilayer-networks.ipynb"


def as_shown(name: str) -> list[list[dict]]:
    """The committed outputs as JupyterLab's model would give them (pictures dropped)."""
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    shown = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        outputs = []
        for out in copy.deepcopy(cell.outputs):
            out = dict(out)
            if "data" in out:
                out["data"] = {k: v for k, v in out["data"].items() if not k.startswith("image/")}
            outputs.append(out)
        shown.append(outputs)
    return shown


@pytest.mark.parametrize("name", [NAME, f"ko/{NAME}"])
def test_the_committed_outputs_agree_with_themselves(name):
    assert differences(name, as_shown(name)) == []


def test_a_changed_digit_is_found():
    shown = as_shown(NAME)
    k, i = next((k, i) for k, outs in enumerate(shown) for i, o in enumerate(outs)
                if o["output_type"] == "stream" and any(c.isdigit() for c in o["text"]))
    text = shown[k][i]["text"]
    j = next(j for j, c in enumerate(text) if c.isdigit())
    shown[k][i]["text"] = text[:j] + str((int(text[j]) + 1) % 10) + text[j + 1:]
    problems = differences(NAME, shown)
    assert len(problems) == 1 and problems[0].startswith(f"code cell {k}:")


def test_a_stream_split_in_two_is_the_same_stream():
    shown = as_shown(NAME)
    k, i = next((k, i) for k, outs in enumerate(shown) for i, o in enumerate(outs)
                if o["output_type"] == "stream" and len(o["text"]) > 4)
    text = shown[k][i]["text"]
    shown[k][i:i + 1] = [dict(shown[k][i], text=text[:3]), dict(shown[k][i], text=text[3:])]
    assert differences(NAME, shown) == []


def test_a_missing_output_and_a_skipped_cell_are_told_apart():
    shown = as_shown("5.3-bp-in-practice.ipynb")
    nb = nbformat.read(NOTEBOOKS / "5.3-bp-in-practice.ipynb", as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    ignored = next(k for k, c in enumerate(code) if "NBVAL_IGNORE_OUTPUT" in c.source)
    shown[ignored] = []  # wall-clock times: nbval ignores this cell's outputs
    assert differences("5.3-bp-in-practice.ipynb", shown) == []
    printed = next(k for k, outs in enumerate(shown) if k != ignored and outs)
    shown[printed] = []
    assert differences("5.3-bp-in-practice.ipynb", shown)[0].startswith(f"code cell {printed}:")
    assert "cells ran" in differences("5.3-bp-in-practice.ipynb", shown[:-1])[0]
