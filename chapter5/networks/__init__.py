"""§5.5 Other networks: RBF, ART, SOM, cascade-correlation, Elman and Boltzmann machines."""

from .art import ART
from .boltzmann import RBM, BoltzmannMachine, bars_and_stripes
from .cascade import CascadeCorrelation, two_spirals
from .elman import ElmanNetwork, letter_sequence, temporal_xor
from .rbf import RBFNetwork, kmeans
from .som import SOM

__all__ = [
    "ART",
    "RBM",
    "SOM",
    "BoltzmannMachine",
    "CascadeCorrelation",
    "ElmanNetwork",
    "RBFNetwork",
    "bars_and_stripes",
    "kmeans",
    "letter_sequence",
    "temporal_xor",
    "two_spirals",
]
