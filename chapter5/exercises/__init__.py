"""Self-check helpers for the notebooks' exercises.

Each ``check_*`` function returns a :class:`Feedback`: it says whether an answer is right and, if
not, *where* it goes wrong (which input, which quantity), never what the answer is. Solutions live
in collapsible cells of the notebooks, not here.

One module per notebook, in section order; every name is re-exported here, so
``from chapter5.exercises import check_bmu`` and ``exercises.check_bmu`` work as before:

- ``_feedback``: :class:`Feedback`, and the helpers every checker shares;
- ``neuron_checks`` (5.1-neuron-model): check_gate_neuron (5.2 uses it too),
  check_collapsed_layers, check_logistic_threshold;
- ``perceptron_checks`` (5.2-perceptron-and-multilayer-networks): check_update_count,
  check_xor_network;
- ``backprop_checks`` (5.3-backpropagation): check_delta_v;
- ``practice_checks`` (5.3-bp-in-practice): check_bp_regimes;
- ``minima_checks`` (5.4-global-and-local-minima): check_local_minimum;
- ``rbf_checks`` (5.5.1-rbf-network): check_rbf_xor;
- ``art_checks`` (5.5.2-art): check_art_categories;
- ``som_checks`` (5.5.3-som): check_bmu, check_som_update;
- ``cascade_checks`` (5.5.4-cascade-correlation): check_correlation_gradient,
  cascade_overfitting_data, check_cascade_units;
- ``elman_checks`` (5.5.5-elman-network): check_elman_gradient;
- ``boltzmann_checks`` (5.5.6-boltzmann-machine): check_state_probability,
  check_max_log_likelihood.

The modules are named ``*_checks`` so that none reads like the core module it checks against
(``chapter5.neuron``, ``chapter5.backprop``, ...).
"""

from __future__ import annotations

from ._feedback import Feedback
from .art_checks import check_art_categories
from .backprop_checks import check_delta_v
from .boltzmann_checks import check_max_log_likelihood, check_state_probability
from .cascade_checks import (
    cascade_overfitting_data,
    check_cascade_units,
    check_correlation_gradient,
)
from .elman_checks import check_elman_gradient
from .minima_checks import check_local_minimum
from .neuron_checks import check_collapsed_layers, check_gate_neuron, check_logistic_threshold
from .perceptron_checks import check_update_count, check_xor_network
from .practice_checks import check_bp_regimes
from .rbf_checks import check_rbf_xor
from .som_checks import check_bmu, check_som_update

__all__ = [
    "Feedback",
    "cascade_overfitting_data",
    "check_art_categories",
    "check_bmu",
    "check_bp_regimes",
    "check_cascade_units",
    "check_collapsed_layers",
    "check_correlation_gradient",
    "check_delta_v",
    "check_elman_gradient",
    "check_gate_neuron",
    "check_local_minimum",
    "check_logistic_threshold",
    "check_max_log_likelihood",
    "check_rbf_xor",
    "check_som_update",
    "check_state_probability",
    "check_update_count",
    "check_xor_network",
]
