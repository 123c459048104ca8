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

from . import activations, backprop, datasets, exercises, metrics, multilayer, neuron, perceptron
from .activations import ACTIVATIONS, get_activation, sigmoid, step
from .backprop import BPNetwork
from .datasets import logic_gate
from .multilayer import ThresholdNetwork
from .neuron import MPNeuron
from .perceptron import Perceptron

__version__ = "0.1.0"

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
    "sigmoid",
    "step",
]

_LAZY = ("plots", "widgets")


def __getattr__(name: str):
    # ``chapter5.plots`` / ``chapter5.widgets`` import matplotlib / ipywidgets only when asked for.
    if name in _LAZY:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'chapter5' has no attribute {name!r}")
