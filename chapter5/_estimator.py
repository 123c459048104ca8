"""scikit-learn's estimator protocol in numpy only: parameters, tags and class labels.

Every model of the package derives from :class:`Estimator`, so scikit-learn's ``clone``,
``cross_val_score``, ``GridSearchCV`` and ``Pipeline`` accept it:

- ``get_params`` / ``set_params`` read and write the arguments of ``__init__`` (which only
  stores them, unchanged); ``set_params(a__b=...)`` reaches a parameter of a nested estimator.
- ``__sklearn_tags__`` says what kind of estimator it is. scikit-learn calls it only when it is
  installed, and the method imports scikit-learn's ``Tags`` then: this module (and so the
  package) never imports scikit-learn itself.
- :func:`encode_labels` gives classifiers their ``classes_``: any labels, with the book's 0/1
  labels kept exactly as they are, so a 0/1 run is bit for bit the run before the protocol.
"""

from __future__ import annotations

import inspect

import numpy as np

__all__ = ["Estimator", "TransformerMixin", "encode_labels", "label_accuracy", "label_targets"]


class Estimator:
    """Base class: scikit-learn's parameter protocol without scikit-learn.

    Subclasses set ``_estimator_type`` ("classifier", "regressor", "clusterer" or None) and
    ``_transformer`` (True if the model has ``transform``), ``_multi_output`` (True for a
    classifier that also takes Y (m, l), one output unit per column), and may refine the tags in
    ``_adjust_tags(tags)``.
    """

    _estimator_type: str | None = None
    _transformer: bool = False
    _multi_output: bool = False  # a classifier with one output unit per column of Y (m, l)

    @classmethod
    def _get_param_names(cls) -> list[str]:
        """The names of the arguments of ``__init__``, sorted (as scikit-learn does)."""
        if cls.__init__ is object.__init__:
            return []
        names = []
        for p in inspect.signature(cls.__init__).parameters.values():
            if p.name == "self":
                continue
            if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
                raise TypeError(f"{cls.__name__}.__init__ must name every parameter "
                                f"(no *args or **kwargs) for get_params; got {p}")
            names.append(p.name)
        return sorted(names)

    def get_params(self, deep: bool = True) -> dict:
        """The constructor arguments as a dict ``{name: value}``.

        Parameters
        ----------
        deep : bool, default True
            Also list the parameters of nested estimators, as ``name__parameter``.
        """
        out = {}
        for name in self._get_param_names():
            value = getattr(self, name)
            if deep and hasattr(value, "get_params") and not isinstance(value, type):
                out.update((f"{name}__{k}", v) for k, v in value.get_params(deep=True).items())
            out[name] = value
        return out

    def set_params(self, **params) -> Estimator:
        """Set constructor arguments (``name=value``, or ``name__parameter=value`` for a
        nested estimator); return self.

        Raises
        ------
        ValueError
            For a name that is not a parameter, listing the valid ones.
        """
        if not params:
            return self
        valid = self.get_params(deep=True)
        nested: dict[str, dict] = {}
        for key, value in params.items():
            name, sep, sub = key.partition("__")
            if name not in valid:
                raise ValueError(f"{key!r} is not a parameter of {type(self).__name__}; valid "
                                 f"parameters: {sorted(self._get_param_names())}")
            if sep:
                nested.setdefault(name, {})[sub] = value
            else:
                setattr(self, name, value)
                valid[name] = value
        for name, sub_params in nested.items():
            valid[name].set_params(**sub_params)
        return self

    def __repr__(self) -> str:
        """``Name(arg=value, ...)`` with the arguments that differ from their defaults."""
        init = inspect.signature(type(self).__init__).parameters
        shown = []
        for name in self._get_param_names():
            value = getattr(self, name)
            default = init[name].default
            if default is inspect.Parameter.empty or not _same(value, default):
                shown.append(f"{name}={value!r}")
        return f"{type(self).__name__}({', '.join(shown)})"

    def _adjust_tags(self, tags):
        return tags

    def __sklearn_tags__(self):
        """scikit-learn's tags (scikit-learn >= 1.6 calls this; it is imported only here)."""
        from sklearn.utils import (
            ClassifierTags,
            InputTags,
            RegressorTags,
            Tags,
            TargetTags,
            TransformerTags,
        )

        kind = self._estimator_type
        tags = Tags(
            estimator_type=kind,
            target_tags=TargetTags(required=kind in ("classifier", "regressor")),
            transformer_tags=TransformerTags() if self._transformer else None,
            classifier_tags=ClassifierTags() if kind == "classifier" else None,
            regressor_tags=RegressorTags() if kind == "regressor" else None,
            input_tags=InputTags(),
        )
        if self._multi_output:
            tags.target_tags.multi_output = True
            tags.classifier_tags.multi_label = True
        return self._adjust_tags(tags)


class TransformerMixin:
    """``fit_transform(X)``: ``fit(X)`` then ``transform(X)``, for the models with ``transform``."""

    _transformer = True

    def fit_transform(self, X, y=None):
        """Fit on X, then return ``transform(X)``."""
        return self.fit(X, y).transform(X)


def _same(a, b) -> bool:
    """True if a constructor argument still equals its default (for ``__repr__``)."""
    if a is b:
        return True
    try:
        return bool(type(a) is type(b) and a == b)
    except (TypeError, ValueError):  # arrays compare element-wise
        return False


def encode_labels(y, name: str = "y") -> tuple[np.ndarray, np.ndarray]:
    """Class labels -> ``(classes_, codes)`` with ``classes_[codes] == y``.

    The book's labels 0 and 1 (as numbers of any dtype) give ``classes_ = [0, 1]`` (ints,
    both, even if one is missing from y) and ``codes = y`` unchanged, so a model trained on
    0/1 labels runs exactly as it did before it knew about ``classes_``. Other labels (any
    numbers, strings, ...) are sorted into ``classes_`` and coded 0 .. k - 1.

    Parameters
    ----------
    y : array_like of shape (m,)
    name : str
        The argument's name in error messages.

    Examples
    --------
    >>> classes, codes = encode_labels(["spam", "ham", "spam"])
    >>> classes.tolist(), codes.tolist()
    (['ham', 'spam'], [1, 0, 1])
    >>> encode_labels([0.0, 1.0, 1.0])[0].tolist()
    [0, 1]
    """
    y = np.asarray(y)
    if y.ndim != 1:
        raise ValueError(f"{name} must be a 1-D array of class labels; got shape {y.shape}")
    if y.dtype.kind in "biuf" and np.all(np.isin(y, (0, 1))):
        return np.array([0, 1]), y
    if y.dtype.kind == "f" and not np.all(np.isfinite(y)):
        raise ValueError(f"{name} must not contain NaN or infinity")
    if y.dtype.kind == "O" and any(v is None for v in y):
        raise ValueError(f"{name} must not contain None")
    classes, codes = np.unique(y, return_inverse=True)
    return classes, codes.reshape(-1)


def label_accuracy(y_true, y_pred, name: str = "y") -> float:
    """Share of labels predicted right: what ``score`` returns for a classifier.

    Unlike :func:`chapter5.metrics.accuracy`, which reads numeric class indices or per-class
    outputs, this compares labels of any kind (strings too), as ``classes_`` allows.

    Parameters
    ----------
    y_true : array_like, the true labels; must have the shape of ``y_pred``.
    y_pred : ndarray, the model's predictions.
    name : str
        The argument's name in error messages.
    """
    y_true = np.asarray(y_true)
    if y_true.shape != y_pred.shape:
        raise ValueError(f"{name} must have shape {y_pred.shape} (one label per row of X); "
                         f"got {y_true.shape}")
    return float(np.mean(y_true == y_pred))


def label_targets(y, name: str = "y", classes=None, real_targets: bool = False):
    """Labels or targets for sigmoid output units -> ``(targets, classes_, coded)``.

    - Targets in [0, 1] (the book's 0/1 labels, or a 2-D array with one column per output
      unit) are returned as they are, with ``classes_ = [0, 1]`` (each unit's labels) and
      ``coded = False``: a model trained on them runs exactly as before ``classes_``.
    - Any other 1-D labels (strings, 1/2/3, -1/+1, ...) are sorted into ``classes_`` and coded
      (``coded = True``): two classes as one column of 0/1 (1 for ``classes_[1]``), k > 2
      classes as k one-hot columns (shape (m, k)).
    - ``real_targets=True``: 1-D numbers that are not all whole numbers are real targets
      (a function to approximate), returned as they are.

    Parameters
    ----------
    y : array_like of shape (m,) or (m, l)
    name : str
        The argument's name in error messages.
    classes : ndarray or None
        The ``classes_`` of a fitted model: code y with them (validation data, ``score``).

    Examples
    --------
    >>> T, classes, coded = label_targets(["b", "a", "c"])
    >>> T.tolist(), classes.tolist(), coded
    ([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 1.0]], ['a', 'b', 'c'], True)
    >>> label_targets([0, 1, 1])[1:]
    (array([0, 1]), False)
    """
    arr = np.asarray(y)
    numeric = arr.dtype.kind in "biuf"
    if arr.ndim != 1 or (classes is None and numeric and (
            np.all((arr >= 0) & (arr <= 1))
            or (real_targets and np.all(np.isfinite(arr)) and np.any(arr != np.round(arr))))):
        return y, _BINARY, False
    if classes is None:
        classes, codes = encode_labels(arr, name)
    else:
        codes = np.searchsorted(classes, arr).clip(0, len(classes) - 1)
        if not np.all(classes[codes] == arr):
            raise ValueError(f"{name} must hold only the classes seen in fit, "
                             f"{classes.tolist()}")
    if len(classes) <= 2:
        return (codes == 1).astype(float), classes, True
    return np.eye(len(classes))[codes], classes, True


_BINARY = np.array([0, 1])
