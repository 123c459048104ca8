"""§5.2 Multilayer feedforward networks (다층 피드포워드 네트워크) of threshold units.

A layer of neurons is fully connected to the next one, with no connections inside a layer or
skipping a layer (Fig. 5.6). Hidden units re-describe each input; the Fig. 5.5 network solves
XOR because its hidden layer maps the four inputs to points that *are* linearly separable.

Weights follow the book's naming for a single hidden layer: ``v[i, h]`` is v_ih (input i to
hidden unit h), ``gamma[h]`` the hidden threshold γ_h, ``w[h, j]`` is w_hj, ``theta[j]`` θ_j.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ._validation import as_float_array
from .activations import get_activation
from .neuron import _check_layers, feedforward

__all__ = ["ThresholdNetwork"]


class ThresholdNetwork:
    """A feedforward network with fixed weights; every unit is ``f(weighted sum - threshold)``.

    Parameters
    ----------
    weights : list of arrays
        ``weights[k]`` has shape (units in layer k, units in layer k + 1), layer 0 = inputs.
    thresholds : list of arrays
        ``thresholds[k]`` has one threshold per unit of layer k + 1 (subtracted).
    activation : str, default "step"
        The activation of every unit (Fig. 5.5 uses the step function: ε in the notebooks,
        sgn in the book).

    Examples
    --------
    >>> net = ThresholdNetwork.xor_fig_5_5()
    >>> net.predict([[0, 0], [0, 1], [1, 0], [1, 1]]).tolist()
    [0, 1, 1, 0]
    >>> net.hidden([[0, 1]]).tolist()
    [[0.0, 1.0]]
    """

    def __init__(self, weights: Sequence, thresholds: Sequence, activation="step"):
        self.weights, self.thresholds = _check_layers(list(weights), list(thresholds))
        self.activation = get_activation(activation).name

    @classmethod
    def single_hidden_layer(cls, v, gamma, w, theta, activation="step") -> ThresholdNetwork:
        """A d-q-l network in the book's symbols: v (d, q), γ (q,), w (q, l), θ (l,)."""
        return cls([v, w], [gamma, theta], activation)

    @classmethod
    def xor_fig_5_5(cls, gamma=(0.5, 0.5), theta=0.5) -> ThresholdNetwork:
        """The book's two-layer XOR network (Fig. 5.5), optionally with other thresholds.

        h1 = ε(x1 - x2 - 0.5),  h2 = ε(x2 - x1 - 0.5),  y = ε(h1 + h2 - 0.5).
        """
        v = np.array([[1.0, -1.0], [-1.0, 1.0]])  # v[i, h]: +x1 - x2 for h1, -x1 + x2 for h2
        w = np.array([[1.0], [1.0]])
        gamma = as_float_array(gamma, "gamma", ndim=1, allow_nan=False)
        theta = as_float_array(np.atleast_1d(theta), "theta", ndim=1, allow_nan=False)
        return cls.single_hidden_layer(v, gamma, w, theta)

    @property
    def layer_sizes(self) -> tuple[int, ...]:
        return (self.weights[0].shape[0], *(W.shape[1] for W in self.weights))

    def layer_outputs(self, X) -> list[np.ndarray]:
        """``[X, out_1, ..., out_L]``: the input and every layer's output, per sample."""
        return feedforward(X, self.weights, self.thresholds, self.activation)

    def hidden(self, X, layer: int = 1) -> np.ndarray:
        """The representation of each input at hidden ``layer`` (1 = first hidden layer)."""
        outs = self.layer_outputs(X)
        if not 1 <= layer < len(outs) - 1:
            raise ValueError(f"layer must be a hidden layer, 1 to {len(outs) - 2}; got {layer}")
        return outs[layer]

    def predict(self, X) -> np.ndarray:
        """The output layer's values; with a single step output unit, labels as ints (m,)."""
        out = self.layer_outputs(X)[-1]
        if out.shape[1] == 1 and get_activation(self.activation).binary:
            return out[:, 0].astype(int)
        return out

    def __repr__(self) -> str:
        return (f"ThresholdNetwork(layers={'-'.join(map(str, self.layer_sizes))}, "
                f"activation={self.activation!r})")
