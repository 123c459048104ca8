"""chapter5: the math of Chapter 5 "Neural Networks" of Zhou Zhihua's *Machine Learning*.

The core (this namespace) needs numpy only. The plotting and widget layers load on first use:
``chapter5.plots`` (matplotlib) and ``chapter5.widgets`` (ipywidgets), so importing the core
never pulls in a GUI stack.

>>> import chapter5
>>> chapter5.MPNeuron.from_preset("and").implements()
'AND'
"""

from __future__ import annotations

import importlib
import importlib.metadata
import re
from pathlib import Path

from . import activations, backprop, datasets, exercises, metrics, multilayer, neuron, perceptron
from .activations import ACTIVATIONS, get_activation, sigmoid, step
from .backprop import BPNetwork
from .datasets import logic_gate
from .i18n import set_language
from .multilayer import ThresholdNetwork
from .neuron import MPNeuron
from .perceptron import Perceptron


def _version() -> str:
    """The installed distribution's version; pyproject.toml holds the only version string.

    A source tree used without installing it (no package metadata) reads the ``version`` line of
    the ``pyproject.toml`` beside the package instead, and ``"0+unknown"`` if there is none.

    Returns
    -------
    str
        The ``version`` of pyproject.toml's ``[project]`` table, as installed.
    """
    try:
        return importlib.metadata.version("chapter5")
    except importlib.metadata.PackageNotFoundError:
        pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
        try:
            text = pyproject.read_text(encoding="utf-8")
        except OSError:
            return "0+unknown"
        found = re.search(r'^version\s*=\s*"([^"]+)"', text, flags=re.MULTILINE)
        return found.group(1) if found else "0+unknown"


__version__ = _version()

__all__ = [
    "ACTIVATIONS",
    "BPNetwork",
    "MPNeuron",
    "Perceptron",
    "ThresholdNetwork",
    "__version__",
    "activations",
    "backprop",
    "datasets",
    "exercises",
    "get_activation",
    "logic_gate",
    "metrics",
    "multilayer",
    "neuron",
    "perceptron",
    "set_language",
    "sigmoid",
    "step",
]

_LAZY = ("plots", "widgets")


def __getattr__(name: str):
    # ``chapter5.plots`` / ``chapter5.widgets`` import matplotlib / ipywidgets only when asked for.
    if name in _LAZY:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'chapter5' has no attribute {name!r}")
