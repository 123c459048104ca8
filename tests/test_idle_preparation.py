"""Idle preparation in a real kernel (issue 17): pictures are drawn in advance only while the
kernel is idle, never between the cells of a run (Run All, nbclient, nbval, Voila), where it
would only slow the run down; once the kernel is idle, they are.

The in-process tests (tests/test_live*.py) run the dashboards on an event loop without
IPython; this one starts an ipykernel, the thing JupyterLab, Voila and nbval talk to.
"""

from __future__ import annotations

import time

import pytest

jupyter_client = pytest.importorskip("jupyter_client")

BUILD = """
from chapter5.widgets import bp_playground, rbf_explorer
rbf = rbf_explorer()
playground = bp_playground()
warm_calls = []
_warm = playground.live.live.warm
playground.live.live.warm = lambda: warm_calls.append(1) or _warm()
"""


@pytest.fixture(scope="module")
def kernel():
    km, kc = jupyter_client.manager.start_new_kernel(kernel_name="python3")
    try:
        yield kc
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def _run(kc, code: str) -> str:
    """Execute ``code``; return what it printed (fail on an error)."""
    out = []
    reply = kc.execute_interactive(code, timeout=120, output_hook=lambda msg: out.append(msg))
    assert reply["content"]["status"] == "ok", reply["content"]
    return "".join(m["content"].get("text", "") for m in out if m["msg_type"] == "stream")


def _prepared(kc) -> tuple[int, int, int]:
    n_done, errors, warm = _run(
        kc, "print(rbf.warm_up.n_done, len(rbf.warm_up.errors), len(warm_calls))").split()
    return int(n_done), int(errors), int(warm)


def test_nothing_is_prepared_between_cells_and_everything_once_idle(kernel):
    _run(kernel, BUILD)
    # cells one after the other for longer than the delays (as nbval or Voila run them)
    end = time.monotonic() + 2.5
    while time.monotonic() < end:
        _run(kernel, "x = 1")
    assert _prepared(kernel) == (0, 0, 0), "prepared while cells were running"
    deadline = time.monotonic() + 60
    while True:  # idle, but for a look every second
        time.sleep(1.0)
        n_done, errors, warm = _prepared(kernel)
        assert errors == 0
        if not _run(kernel, "print(rbf.warm_up.pending)").strip() == "[]":
            assert time.monotonic() < deadline, f"only {n_done} frames prepared in a minute"
            continue
        break
    assert n_done == 11 and warm > 0, "every RBF frame and the playground's warm-up ran"
