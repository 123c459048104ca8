"""The Korean §5.5 notebooks in JupyterLab (see test_jupyterlab_ko.py; split to run in
parallel)."""

from __future__ import annotations

import pytest

from .test_jupyterlab import run_notebook_and_move_every_dashboard
from .test_jupyterlab_ko import SECOND_HALF, assert_no_tofu, korean_dashboards

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("name", SECOND_HALF)
def test_korean_notebook_runs_clean_and_its_dashboard_responds(lab_page, lab_server, name):
    run_notebook_and_move_every_dashboard(lab_page, lab_server, name, korean_dashboards(name))
    assert_no_tofu(lab_page)
