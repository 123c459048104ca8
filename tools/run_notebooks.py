"""Execute every notebook in place, deterministically, so the committed outputs are what a
student sees (``make notebooks``).

* Fixed order (index first, then sections by name), fixed kernel (``python3`` of this
  environment), fixed ``PYTHONHASHSEED``; every random draw in the notebooks has its own seed.
* No timing metadata, no widget state: widget views carry random model ids, so their
  ``application/vnd.jupyter.widget-view+json`` part is dropped and only the text form (the
  dashboard's rebuild call, e.g. ``neuron_explorer(w1=1.0, ...)``) is kept. nbval ignores widget
  views anyway; the static figure above each widget is what a reader on GitHub sees.
* Fails (exit 1) if a cell raises or writes to stderr (a warning is a defect in a notebook).

Usage: ``python tools/run_notebooks.py [NOTEBOOK ...]`` (default: every notebook in notebooks/).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def notebook_order(folder: Path = NOTEBOOKS) -> list[Path]:
    """The index first, then the section notebooks in name order (5.1, 5.2, ...); then the
    same for the Korean edition in ``ko/``."""
    paths = sorted(p for p in folder.glob("*.ipynb") if p.name != "index.ipynb")
    index = folder / "index.ipynb"
    order = ([index] if index.exists() else []) + paths
    if (folder / "ko").is_dir():
        order += notebook_order(folder / "ko")
    return order


def clean(nb) -> list[str]:
    """Drop non-deterministic parts in place; return a list of problems found in outputs."""
    problems = []
    nb.metadata.pop("widgets", None)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata["language_info"] = {"name": "python"}
    for k, cell in enumerate(nb.cells):
        cell.metadata.pop("execution", None)
        if cell.cell_type != "code":
            continue
        # a print split across two messages arrives as two stream outputs, depending on
        # timing: join neighbours of the same stream so the file does not depend on it
        merged = []
        for out in cell.outputs:
            if (merged and out.output_type == "stream" and merged[-1].output_type == "stream"
                    and merged[-1].name == out.name):
                merged[-1].text += out.text
            else:
                merged.append(out)
        cell.outputs = merged
        for out in cell.outputs:
            if out.output_type == "error":
                problems.append(f"cell {k}: {out.ename}: {out.evalue}")
            elif out.output_type == "stream" and out.name == "stderr":
                problems.append(f"cell {k}: stderr: {out.text.strip()[:200]}")
            if "data" in out:
                out.data.pop(WIDGET_VIEW, None)
    return problems


def run(path: Path, timeout: int = 300) -> tuple[float, list[str]]:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}},
                            record_timing=False, store_widget_state=False, allow_errors=True)
    start = time.perf_counter()
    client.execute()
    elapsed = time.perf_counter() - start
    problems = clean(nb)
    nbformat.write(nb, path)
    return elapsed, problems


def main(argv: list[str]) -> int:
    os.environ["PYTHONHASHSEED"] = "0"
    os.environ.pop("MPLBACKEND", None)
    paths = [Path(a).resolve() for a in argv] or notebook_order()
    failed = False
    for path in paths:
        elapsed, problems = run(path)
        status = "ok" if not problems else "FAILED"
        print(f"{path.relative_to(ROOT)}: {elapsed:5.1f} s  {status}")
        for p in problems:
            print("   ", p)
        failed |= bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
