"""Widget layer (ipywidgets). Builders return a :class:`Dashboard` and never display it."""

from ._base import Dashboard
from .art import art_replay
from .backprop import bp_xor_trainer, mazur_stepper
from .boltzmann import rbm_explorer
from .cascade import cascade_growth
from .elman import elman_explorer
from .minima import descent_explorer
from .neuron import activation_explorer, neuron_explorer
from .perceptron import perceptron_replay, xor_network_explorer
from .playground import bp_playground
from .rbf import rbf_explorer
from .som import som_explorer

DASHBOARDS = {
    "activation_explorer": activation_explorer,
    "art_replay": art_replay,
    "bp_playground": bp_playground,
    "bp_xor_trainer": bp_xor_trainer,
    "cascade_growth": cascade_growth,
    "descent_explorer": descent_explorer,
    "elman_explorer": elman_explorer,
    "mazur_stepper": mazur_stepper,
    "neuron_explorer": neuron_explorer,
    "perceptron_replay": perceptron_replay,
    "rbf_explorer": rbf_explorer,
    "rbm_explorer": rbm_explorer,
    "som_explorer": som_explorer,
    "xor_network_explorer": xor_network_explorer,
}
"""Every dashboard builder by name (benchmarks and the min/max tests iterate over it)."""

__all__ = [
    "DASHBOARDS",
    "Dashboard",
    "activation_explorer",
    "art_replay",
    "bp_playground",
    "bp_xor_trainer",
    "cascade_growth",
    "descent_explorer",
    "elman_explorer",
    "mazur_stepper",
    "neuron_explorer",
    "perceptron_replay",
    "rbf_explorer",
    "rbm_explorer",
    "som_explorer",
    "xor_network_explorer",
]
