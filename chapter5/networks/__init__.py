"""§5.5 Other networks: RBF and SOM (more to come: ART, cascade-correlation, Elman, Boltzmann)."""

from .rbf import RBFNetwork, kmeans
from .som import SOM

__all__ = ["SOM", "RBFNetwork", "kmeans"]
