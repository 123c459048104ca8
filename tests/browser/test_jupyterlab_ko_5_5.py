"""The Korean §5.5 notebooks in JupyterLab (see test_jupyterlab_ko.py; split to run in
parallel)."""

from __future__ import annotations

import pytest

from .test_jupyterlab import run_notebook_and_move_every_dashboard
from .test_jupyterlab_ko import KOREAN, SECOND_HALF, assert_no_tofu

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("name", SECOND_HALF)
def test_korean_notebook_runs_clean_and_its_dashboard_responds(page, lab_server, name):
    run_notebook_and_move_every_dashboard(page, lab_server, name, KOREAN[name])
    assert_no_tofu(page)
