"""The §5.5 notebooks in JupyterLab (see test_jupyterlab.py; split off to run in parallel)."""

from __future__ import annotations

import pytest

from .test_jupyterlab import SECTION_5_5, run_notebook_and_move_every_dashboard

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("name", SECTION_5_5)
def test_notebook_runs_clean_and_its_dashboard_responds(lab_page, lab_server, name):
    run_notebook_and_move_every_dashboard(lab_page, lab_server, name)
