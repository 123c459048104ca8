"""§5.5 Other networks: RBF, ART and SOM (more to come: cascade-correlation, Elman, Boltzmann)."""

from .art import ART
from .rbf import RBFNetwork, kmeans
from .som import SOM

__all__ = ["ART", "SOM", "RBFNetwork", "kmeans"]
