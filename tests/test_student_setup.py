"""The path without `make` that both READMEs give students (many are on Windows): create a
virtual environment, pip-install the lab extra, open JupyterLab. Run as written, on Linux, in a
fresh virtual environment (issue 16)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _steps(readme: str, heading: str) -> list[str]:
    text = (ROOT / readme).read_text(encoding="utf-8")
    section = text[text.index(heading):]
    block = re.search(r"```bash\n(.*?)```", section, re.DOTALL).group(1)
    return [line.strip() for line in block.splitlines() if line.strip()]


def test_both_readmes_give_the_same_steps_with_windows_spelling():
    en = _steps("README.md", "### Without `make`")
    ko = _steps("README.ko.md", "### `make` 없이")
    assert en[:2] == ko[:2] == ["python -m venv .venv",
                                '.venv/bin/python -m pip install -e ".[lab]"']
    assert en[2] == ".venv/bin/jupyter lab notebooks" and ko[2] == ".venv/bin/jupyter lab notebooks/ko"
    for readme in ("README.md", "README.ko.md"):
        text = (ROOT / readme).read_text(encoding="utf-8")
        assert '.venv\\Scripts\\python -m pip install -e ".[lab]"' in text, readme
        assert ".venv\\Scripts\\jupyter lab notebooks" in text, readme


@pytest.mark.slow  # a fresh venv and a pip install of the lab extra: make test only
def test_the_steps_run_as_written_in_a_fresh_venv(tmp_path):
    steps = _steps("README.md", "### Without `make`")
    venv = tmp_path / ".venv"
    run = []
    for step in steps:
        # `python` is whatever Python the student has: here the one running the tests
        step = step.replace(".venv/", f"{venv}/").replace(" .venv", f" {venv}")
        step = re.sub(r"^python ", f"{sys.executable} ", step)
        if " lab notebooks" in step:  # do not start a server: ask JupyterLab what it would
            step = step.replace(" lab notebooks", " lab --version")
        run.append(step)
    # pip's bytecode for the ~6 500 modules it installs, which this test never imports: ~16 s
    # of CPU beside the rest of `make test` (PIP_COMPILE=0 is pip's --no-compile; the steps
    # themselves run as written)
    env = {**os.environ, "PIP_COMPILE": "0"}
    for step in run:
        done = subprocess.run(step, shell=True, cwd=ROOT, capture_output=True, text=True,
                              timeout=900, env=env)
        assert done.returncode == 0, f"{step}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
    python = venv / "bin" / "python"
    check = ("import chapter5, chapter5.widgets; from chapter5.plots._style import "
             "hangul_font_path; print(hangul_font_path().name)")
    out = subprocess.run([str(python), "-c", check], cwd=tmp_path, capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 0 and out.stdout.strip() == "NanumGothic.ttf", out.stderr
    packs = subprocess.run(
        [str(python), "-c", "import importlib.metadata as m; print(sorted(e.name for e in "
         "m.entry_points(group='jupyterlab.languagepack')))"],
        capture_output=True, text=True, timeout=300)
    assert "ko_KR" in packs.stdout, "JupyterLab's Korean language pack is not installed"
