"""Widget layer (ipywidgets). Builders return a :class:`Dashboard` and never display it."""

from ._base import Dashboard
from .neuron import activation_explorer, neuron_explorer

__all__ = ["Dashboard", "activation_explorer", "neuron_explorer"]
