"""Cascade-correlation on the two-spirals problem, against a fixed-size BP network.

For each seed, :class:`chapter5.networks.cascade.CascadeCorrelation` (pool of 8 candidates,
Rprop, up to 40 units) grows until all 194 training points are right; the table gives the
hidden units it installed and the epochs it used (output + candidate training; the pool counts
once per pass over the data, as in Fahlman & Lebiere 1990, who report 12-19 units, mean 15.2,
and about 1700 epochs with quickprop over 100 trials).

Then a BP network (:class:`chapter5.backprop.BPNetwork`, one hidden layer of tanh units,
accumulated BP with momentum 0.9, weights uniform in (-0.5, 0.5)) gets the *same* number of
hidden units and (a) the same number of epochs, with each of four learning rates 0.1 to 8 (eta = 2
does best here, and 8 no better, so the grid brackets the best rate), (b) ten times as many
epochs with the best of them. Training accuracy is reported for each.

The notebook 5.5.4 quotes this script's output (it grows only seed 0 itself, to stay quick).

Usage::

    python benchmarks/cascade_two_spirals.py [--seeds 30] [--bp-seeds 3]
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from chapter5.backprop import BPNetwork
from chapter5.networks.cascade import CascadeCorrelation, two_spirals

BP_ETAS = (0.1, 0.5, 2.0, 8.0)


def cascade_runs(seeds):
    X, y = two_spirals()
    rows = []
    for seed in seeds:
        t0 = time.perf_counter()
        net = CascadeCorrelation(max_hidden=40, random_state=seed).fit(X, y)
        rows.append({"seed": seed, "units": net.n_hidden_, "epochs": net.n_epochs_,
                     "output": net.output_epochs_, "candidate": net.candidate_epochs_,
                     "solved": net.converged_, "accuracy": net.score(X, y),
                     "seconds": time.perf_counter() - t0})
    return rows


def bp_run(units, epochs, eta, seed):
    X, y = two_spirals()
    net = BPNetwork(hidden=(units,), activation="tanh", mode="accumulated", eta=eta,
                    momentum=0.9, init="symmetric", max_epochs=epochs, record_every=epochs,
                    random_state=seed).fit(X, y)
    return net.score(X, y)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=30, help="cascade-correlation runs")
    parser.add_argument("--bp-seeds", type=int, default=3, help="BP comparisons (slow)")
    args = parser.parse_args(argv)

    rows = cascade_runs(range(args.seeds))
    print(f"Cascade-correlation on two spirals (194 points), seeds 0-{args.seeds - 1}")
    print(f"{'seed':>4} {'units':>5} {'epochs':>6} {'output':>6} {'cand.':>6} {'acc':>5} "
          f"{'s':>5}")
    for r in rows:
        print(f"{r['seed']:>4} {r['units']:>5} {r['epochs']:>6} {r['output']:>6} "
              f"{r['candidate']:>6} {r['accuracy']:>5.2f} {r['seconds']:>5.2f}")
    units = np.array([r["units"] for r in rows])
    epochs = np.array([r["epochs"] for r in rows])
    solved = sum(r["solved"] for r in rows)
    print(f"solved {solved}/{len(rows)}; units mean {units.mean():.1f} (min {units.min()}, "
          f"max {units.max()}); epochs mean {epochs.mean():.0f} (min {epochs.min()}, max "
          f"{epochs.max()}); mean time {np.mean([r['seconds'] for r in rows]):.2f} s")

    print(f"\nBP, one hidden layer of the same size (tanh, accumulated, momentum 0.9), "
          f"seeds 0-{args.bp_seeds - 1}")
    etas = " ".join(f"{f'eta={eta:g}':>7}" for eta in BP_ETAS)
    print(f"{'seed':>4} {'units':>5} {'epochs':>6} {etas} {'10x epochs':>10} {'acc':>5}")
    for r in rows[:args.bp_seeds]:
        same = {eta: bp_run(r["units"], r["epochs"], eta, r["seed"]) for eta in BP_ETAS}
        best = max(same, key=same.get)
        long = bp_run(r["units"], 10 * r["epochs"], best, r["seed"])
        accs = " ".join(f"{same[eta]:>7.2f}" for eta in BP_ETAS)
        print(f"{r['seed']:>4} {r['units']:>5} {r['epochs']:>6} {accs} "
              f"{10 * r['epochs']:>10} {long:>5.2f} (eta={best:g})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
