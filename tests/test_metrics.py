"""Accuracy and confusion matrices; accuracy next to loss for every recorded epoch."""

import numpy as np
import pytest

from chapter5.backprop import BPNetwork
from chapter5.datasets import iris, logic_gate
from chapter5.metrics import accuracy, confusion_matrix, labels_from_outputs


def test_confusion_matrix_by_hand_and_consistent_with_accuracy():
    t = [0, 0, 1, 1, 2, 2, 2]
    p = [0, 1, 1, 1, 2, 0, 2]
    C = confusion_matrix(t, p)
    assert C.tolist() == [[1, 1, 0], [0, 2, 0], [1, 0, 2]]
    assert accuracy(t, p) == pytest.approx(np.trace(C) / C.sum())
    assert confusion_matrix([0, 1], [0, 1], n_classes=4).shape == (4, 4)


def test_labels_from_outputs_one_unit_and_one_per_class():
    assert labels_from_outputs(np.array([[0.49], [0.5]])).tolist() == [0, 1]
    onehot = np.eye(3)[[2, 0, 1]]
    assert labels_from_outputs(onehot).tolist() == [2, 0, 1]
    assert accuracy(onehot, [2, 0, 0]) == pytest.approx(2 / 3)


def test_bad_labels_are_named():
    with pytest.raises(ValueError, match="y_true must hold class labels"):
        accuracy([0.5, 1], [0, 1])
    with pytest.raises(ValueError, match="same length"):
        confusion_matrix([0, 1], [0])
    with pytest.raises(ValueError, match="n_classes must be at least 3"):
        confusion_matrix([0, 2], [0, 1], n_classes=2)


def test_evaluate_history_gives_accuracy_next_to_loss():
    X, y = logic_gate("xor")
    net = BPNetwork(hidden=(3,), eta=1.0, max_epochs=2000, record_every=100,
                    random_state=0).fit(X, y)
    ev = net.evaluate_history(X, y)
    assert ev["epochs"].tolist() == list(range(0, 2001, 100))
    assert ev["accuracy"][-1] == 1.0 and ev["loss"][-1] == pytest.approx(net.error(X, y))
    assert ev["loss"][0] > ev["loss"][-1]


def test_iris_three_outputs_and_confusion_matrix():
    d = iris()
    Xs = (d.X - d.X.mean(axis=0)) / d.X.std(axis=0)
    net = BPNetwork(hidden=(5,), eta=0.5, max_epochs=200, random_state=0).fit(Xs, d.one_hot())
    C = confusion_matrix(d.y, net.predict_proba(Xs))
    assert C.shape == (3, 3) and C.sum() == 150
    assert np.trace(C) / 150 > 0.9
