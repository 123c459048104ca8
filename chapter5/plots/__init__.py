"""Plotting layer (matplotlib). Functions draw on an ``ax`` they are given and return artists;
``*View`` classes own one Figure each, for the widgets to update in place."""

from ._style import CLASSROOM_RC, COLORS, FigureView, figure_png, use_classroom_style
from .diagrams import draw_network
from .neuron import (
    ActivationView,
    NeuronPlaneView,
    activation_gallery,
    draw_mp_neuron,
    plot_activation,
)

__all__ = [
    "CLASSROOM_RC",
    "COLORS",
    "ActivationView",
    "FigureView",
    "NeuronPlaneView",
    "activation_gallery",
    "draw_mp_neuron",
    "draw_network",
    "figure_png",
    "plot_activation",
    "use_classroom_style",
]
