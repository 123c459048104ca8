"""§5.5 Other networks: RBF (more to come: ART, SOM, cascade-correlation, Elman, Boltzmann)."""

from .rbf import RBFNetwork, kmeans

__all__ = ["RBFNetwork", "kmeans"]
