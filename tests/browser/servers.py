"""Servers for the browser tests and the in-browser latency benchmark (plain context managers,
so that a script can use them as well as a pytest fixture)."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


class ServerError(RuntimeError):
    """A server exited early or did not answer in time (the message ends with its log)."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)


def private_env(tmp: Path) -> dict:
    """This environment with every Jupyter/IPython/matplotlib folder under ``tmp``."""
    env = dict(os.environ)
    for var, sub in (("JUPYTER_CONFIG_DIR", "config"), ("JUPYTER_RUNTIME_DIR", "runtime"),
                     ("IPYTHONDIR", "ipython"), ("MPLCONFIGDIR", "mpl")):
        env[var] = str(tmp / sub)
        (tmp / sub).mkdir(exist_ok=True)
    env["PYTHONHASHSEED"] = "0"
    env.pop("MPLBACKEND", None)
    return env


def wait_until_up(proc, url: str, log: Path, what: str, timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        if proc.poll() is not None:
            raise ServerError(f"{what} exited early:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise ServerError(f"{what} did not start:\n{log.read_text(errors='replace')[-3000:]}")
        time.sleep(0.3)


@dataclass
class VoilaServer:
    url: str
    root: Path
    log: Path

    def notebook_url(self, name: str) -> str:
        return f"{self.url}/voila/render/{name}"


@contextlib.contextmanager
def voila_app(tmp: Path, scale: float = 1.4):
    """Voila on 127.0.0.1 and a free port, serving a copy of notebooks/ with the code hidden
    and ``$CHAPTER5_SCALE`` = ``scale``, as `make present` does."""
    root = tmp / "notebooks"
    shutil.copytree(ROOT / "notebooks", root, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    env = private_env(tmp)
    env["CHAPTER5_SCALE"] = str(scale)
    port = free_port()
    log = tmp / "voila.log"
    cmd = [sys.executable, "-m", "voila", str(root), "--no-browser", "--Voila.ip=127.0.0.1",
           f"--port={port}", "--strip_sources=True", "--theme=light"]
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT, cwd=tmp,
                                start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(proc, f"{url}/", log, "Voila")
        yield VoilaServer(url, root, log)
    finally:
        stop(proc)
