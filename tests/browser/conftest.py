"""Fixtures for the browser tests: a private JupyterLab server and headless Debian Chromium.

JupyterLab serves a temporary *copy* of notebooks/ (running cells in the browser must never
touch the committed notebooks), with every Jupyter/IPython/matplotlib directory pointed at a
temporary folder, on 127.0.0.1 and a free port. Chromium is Debian's /usr/bin/chromium driven
by Playwright (never `playwright install`). Under CI a missing browser fails the tests.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from .servers import ServerError, free_port, stop, voila_app

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("CHAPTER5_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]
# JupyterLab user settings for the test: render every cell (no virtual scrolling, so the DOM
# holds all outputs) and never fetch news or update checks (there is no network).
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false", "checkForUpdates": False},
}


@dataclass
class LabServer:
    url: str
    token: str
    root: Path
    log: Path

    def notebook_url(self, name: str) -> str:
        return f"{self.url}/lab/tree/{name}?reset&token={self.token}"


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory) -> LabServer:
    tmp = tmp_path_factory.mktemp("lab")
    root = tmp / "notebooks"
    shutil.copytree(ROOT / "notebooks", root, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    settings = tmp / "settings"
    for rel, value in LAB_SETTINGS.items():
        path = settings / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(value), encoding="utf-8")
    env = dict(os.environ)
    for var, sub in (("JUPYTER_CONFIG_DIR", "config"), ("JUPYTER_RUNTIME_DIR", "runtime"),
                     ("IPYTHONDIR", "ipython"), ("MPLCONFIGDIR", "mpl"),
                     ("JUPYTERLAB_WORKSPACES_DIR", "workspaces")):
        env[var] = str(tmp / sub)
        (tmp / sub).mkdir(exist_ok=True)
    env["JUPYTERLAB_SETTINGS_DIR"] = str(settings)
    # no MathJax: typesetting every notebook's equations costs Chromium ~1.5 s per notebook
    # (a third of its time here), and no test looks at the typeset equations
    (tmp / "config" / "labconfig").mkdir(parents=True)
    (tmp / "config" / "labconfig" / "page_config.json").write_text(
        json.dumps({"disabledExtensions": {"@jupyterlab/mathjax-extension": True}}),
        encoding="utf-8")
    env["PYTHONHASHSEED"] = "0"
    env.pop("MPLBACKEND", None)
    port, token = free_port(), secrets.token_hex(16)
    log = tmp / "jupyterlab.log"
    cmd = [sys.executable, "-m", "jupyterlab", "--no-browser",
           "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
           f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
           "--ServerApp.allow_root=True", "--LabApp.expose_app_in_browser=True",
           "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT,
                                cwd=tmp, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    try:
        while True:
            if proc.poll() is not None:
                pytest.fail(f"JupyterLab exited early:\n{log.read_text(errors='replace')[-3000:]}")
            try:
                with urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"JupyterLab did not start:\n{log.read_text(errors='replace')[-3000:]}")
            time.sleep(0.3)
        yield LabServer(url, token, root, log)
    finally:
        stop(proc)


@pytest.fixture(scope="session")
def voila_server(tmp_path_factory):
    """Voila serving a copy of notebooks/ as `make present` does: code hidden, projector
    scale 1.4 (``$CHAPTER5_SCALE``)."""
    try:
        with voila_app(tmp_path_factory.mktemp("voila"), scale=1.4) as server:
            yield server
    except ServerError as e:
        pytest.fail(str(e))


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message + " -- CI must run the browser tests")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="session")
def lab_page(browser, lab_server):
    """One JupyterLab page per worker, kept from test to test: loading JupyterLab costs
    seconds of Chromium's time, so each test opens its notebook in the page already loaded
    (``test_jupyterlab.open_notebook`` closes the previous one and shuts its kernel down)."""
    context = browser.new_context(viewport={"width": 1500, "height": 1000})
    pg = context.new_page()
    pg.set_default_timeout(60_000)
    yield pg
    context.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1500, "height": 1000})
    pg = context.new_page()
    pg.set_default_timeout(60_000)
    yield pg
    context.close()
