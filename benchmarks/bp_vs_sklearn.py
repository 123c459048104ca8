"""BP training speed against scikit-learn's MLPClassifier, side by side in one run.

Task: the watermelon data set 3.0alpha (17 samples, 2 inputs), a 2-4-1 network of logistic
units, 10,000 epochs, learning rate 0.1, no momentum, no regularisation, fixed sample order,
no early stopping: the same algorithm on both sides.

* standard BP (update after every sample) vs MLPClassifier(solver="sgd", batch_size=1)
* accumulated BP (one update per epoch) vs MLPClassifier(solver="sgd", batch_size=17)
* mini-batch BP on scikit-learn's bundled digits (1797 images, 64-32-10, sigmoid, batch 32,
  50 epochs, eta 4, shuffled) vs MLPClassifier with the same settings; training accuracy is
  printed for both (chapter5 minimises the book's squared error with sigmoid outputs,
  scikit-learn the log-loss with a softmax output)

Usage: ``python benchmarks/bp_vs_sklearn.py [--epochs 10000] [--repeats 3] [--check]``
(needs the ``bench`` extra: ``pip install -e '.[bench]'``). ``--check`` exits 1 unless standard
BP is at least 10x, accumulated BP and mini-batch BP at least 3x faster.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings

from chapter5.backprop import BPNetwork
from chapter5.datasets import watermelon_3_0_alpha

TARGETS = {"standard": 10.0, "accumulated": 3.0, "minibatch": 3.0}


def ours(mode: str, epochs: int) -> float:
    X, y = watermelon_3_0_alpha()
    t0 = time.perf_counter()
    BPNetwork(hidden=(4,), eta=0.1, mode=mode, max_epochs=epochs, random_state=0).fit(X, y)
    return time.perf_counter() - t0


def sklearn(batch_size: int, epochs: int) -> float:
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    X, y = watermelon_3_0_alpha()
    model = MLPClassifier(hidden_layer_sizes=(4,), activation="logistic", solver="sgd",
                          batch_size=batch_size, learning_rate_init=0.1, momentum=0.0,
                          nesterovs_momentum=False, alpha=0.0, shuffle=False, max_iter=epochs,
                          tol=0.0, n_iter_no_change=epochs + 1, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        t0 = time.perf_counter()
        model.fit(X, y)
        elapsed = time.perf_counter() - t0
    assert model.n_iter_ == epochs
    return elapsed


def digits(which: str, epochs: int = 50) -> tuple[float, float]:
    """(seconds, training accuracy) of one mini-batch run on the digits."""
    import numpy as np
    from sklearn.datasets import load_digits
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    data = load_digits()
    X, y = data.data / 16.0, data.target
    if which == "ours":
        net = BPNetwork(hidden=(32,), eta=4.0, mode="minibatch", batch_size=32, shuffle=True,
                        max_epochs=epochs, init="symmetric", random_state=0)
        t0 = time.perf_counter()
        net.fit(X, np.eye(10)[y])
        return time.perf_counter() - t0, float(np.mean(net.predict_proba(X).argmax(1) == y))
    model = MLPClassifier(hidden_layer_sizes=(32,), activation="logistic", solver="sgd",
                          batch_size=32, learning_rate_init=4.0, momentum=0.0, alpha=0.0,
                          shuffle=True, max_iter=epochs, tol=0.0, n_iter_no_change=epochs + 1,
                          random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        t0 = time.perf_counter()
        model.fit(X, y)
        return time.perf_counter() - t0, float(model.score(X, y))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    print(f"BP on watermelon 3.0alpha, 2-4-1 logistic network, {args.epochs} epochs "
          f"(median of {args.repeats})")
    print(f"{'mode':<12} {'chapter5 s':>11} {'sklearn s':>10} {'ratio':>7} {'target':>7}")
    failed = False
    for mode, batch in (("standard", 1), ("accumulated", 17)):
        a = statistics.median(ours(mode, args.epochs) for _ in range(args.repeats))
        b = statistics.median(sklearn(batch, args.epochs) for _ in range(args.repeats))
        ratio = b / a
        ok = ratio >= TARGETS[mode]
        failed |= not ok
        print(f"{mode:<12} {a:11.3f} {b:10.3f} {ratio:6.1f}x {TARGETS[mode]:6.0f}x"
              f"{'' if ok else '  MISSED'}")
    ours_runs = [digits("ours") for _ in range(args.repeats)]
    sk_runs = [digits("sklearn") for _ in range(args.repeats)]
    a = statistics.median(t for t, _ in ours_runs)
    b = statistics.median(t for t, _ in sk_runs)
    ratio = b / a
    ok = ratio >= TARGETS["minibatch"]
    failed |= not ok
    print(f"\nmini-batch BP on digits, 64-32-10, batch 32, 50 epochs (median of {args.repeats})")
    print(f"{'minibatch':<12} {a:11.3f} {b:10.3f} {ratio:6.1f}x {TARGETS['minibatch']:6.0f}x"
          f"{'' if ok else '  MISSED'}")
    print(f"training accuracy: chapter5 {ours_runs[0][1]:.3f}, scikit-learn {sk_runs[0][1]:.3f}")
    return 1 if (failed and args.check) else 0


if __name__ == "__main__":
    sys.exit(main())
