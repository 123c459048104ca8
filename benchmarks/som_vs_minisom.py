"""SOM training speed against MiniSom, side by side in one run.

Task: a 10 x 10 map on 1000 random 2-D points (uniform in the unit square, seed 0), 5000
single-sample iterations, the same algorithm on both sides: MiniSom's ``train_random`` with a
Gaussian neighbourhood on a rectangular grid and its default asymptotic decay
p(t) = p0 / (1 + t / (T / 2)) of the learning rate (0.5) and of sigma (3.0), against
``SOM(schedule="asymptotic", decay=2.0, n_iterations=5000)``. Both start from randomly drawn
samples (``random_weights_init`` / ``init="sample"``) and draw each sample T/m times in a random
order; the seed decides both draws on each side (seeds of equal effect, not equal streams).

Rows: chapter5 as used (recording 51 snapshots of the weights with their quantization error),
chapter5 recording only the start and the end (the training loop alone), and MiniSom. Times are
medians over the seeds, each seed timed for the three in turn. QE is each library's own
``quantization_error`` (the same definition: mean distance to the BMU); TE is chapter5's
``topographic_error`` on both maps (best two units not 4-neighbours; MiniSom's own TE also
accepts diagonal neighbours and is printed alongside).

A last check gives both sides the same draws (MiniSom's initial weights and sample order, fed
to chapter5 with ``init=`` and ``shuffle=False``) and prints the largest weight difference.

Usage: ``python benchmarks/som_vs_minisom.py [--seeds 5] [--check]`` (needs MiniSom, in the
``test`` and ``bench`` extras). ``--check`` exits 1 unless chapter5 is at least 2x faster and
the mean quantization errors agree within 5 %.
"""

from __future__ import annotations

import argparse
import copy
import statistics
import sys
import time

import numpy as np

from chapter5.networks.som import SOM

ROWS = COLS = 10
M, T = 1000, 5000
SIGMA, ETA = 3.0, 0.5
TARGET = 2.0


def data() -> np.ndarray:
    return np.random.default_rng(0).uniform(size=(M, 2))


def ours(X, seed: int, record_every=None) -> tuple[float, SOM]:
    t0 = time.perf_counter()
    som = SOM(ROWS, COLS, sigma=SIGMA, eta=ETA, decay=2.0, schedule="asymptotic",
              n_iterations=T, init="sample", record_every=record_every,
              random_state=seed).fit(X)
    return time.perf_counter() - t0, som


def minisom(X, seed: int):
    from minisom import MiniSom

    t0 = time.perf_counter()
    som = MiniSom(ROWS, COLS, 2, sigma=SIGMA, learning_rate=ETA, random_seed=seed)
    som.random_weights_init(X)
    som.train_random(X, T)
    return time.perf_counter() - t0, som


def same_draws(X, seed: int = 0) -> float:
    """Largest |w_ours - w_MiniSom| when both get MiniSom's own initial weights and order."""
    from minisom import MiniSom

    rs = np.random.RandomState(seed)  # replays MiniSom's draws: rand() for the weights, ...
    W0 = rs.rand(ROWS, COLS, 2) * 2 - 1
    W0 /= np.linalg.norm(W0, axis=-1, keepdims=True)
    order = np.arange(T) % len(X)
    rs.shuffle(order)  # ... then train_random's shuffle
    a = SOM(ROWS, COLS, sigma=SIGMA, eta=ETA, decay=2.0, schedule="asymptotic", n_iterations=T,
            shuffle=False, init=W0, record_every=T).fit(X[order])
    b = MiniSom(ROWS, COLS, 2, sigma=SIGMA, learning_rate=ETA, random_seed=seed)
    b.train_random(X, T)
    return float(np.abs(a.weights_ - b.get_weights()).max())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=5, help="runs per side (seeds 0, 1, ...)")
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    args = parser.parse_args(argv)
    X = data()
    ours(X, 0)  # warm-up (imports, caches)
    minisom(X, 0)
    runs = {"chapter5 SOM": [], "chapter5 SOM, no history": [], "MiniSom train_random": []}
    mini_te = []
    for seed in range(args.seeds):
        t, som = ours(X, seed)
        runs["chapter5 SOM"].append((t, som.quantization_error(X), som.topographic_error(X)))
        t, lean = ours(X, seed, record_every=T)
        runs["chapter5 SOM, no history"].append(
            (t, lean.quantization_error(X), lean.topographic_error(X)))
        t, ref = minisom(X, seed)
        probe = copy.copy(som)  # chapter5's measures on MiniSom's map
        probe.weights_ = ref.get_weights().copy()
        runs["MiniSom train_random"].append(
            (t, ref.quantization_error(X), probe.topographic_error(X)))
        mini_te.append(ref.topographic_error(X))

    print(f"SOM {ROWS}x{COLS} on {M} random 2-D points, {T} single-sample iterations, "
          f"sigma {SIGMA}, eta {ETA}, asymptotic decay, Gaussian neighbourhood, rectangular "
          f"grid; seeds 0-{args.seeds - 1}")
    print(f"{'':<26} {'median s':>9} {'QE mean ± sd':>17} {'TE (4-nbr)':>11}")
    for name, rows in runs.items():
        t = statistics.median(r[0] for r in rows)
        qe = np.array([r[1] for r in rows])
        te = np.mean([r[2] for r in rows])
        print(f"{name:<26} {t:9.3f} {qe.mean():9.4f} ± {qe.std():.4f} {te:11.3f}")
    t_ours = statistics.median(r[0] for r in runs["chapter5 SOM"])
    t_lean = statistics.median(r[0] for r in runs["chapter5 SOM, no history"])
    t_mini = statistics.median(r[0] for r in runs["MiniSom train_random"])
    qe_ours = np.mean([r[1] for r in runs["chapter5 SOM"]])
    qe_mini = np.mean([r[1] for r in runs["MiniSom train_random"]])
    ratio = t_mini / t_ours
    qe_gap = abs(qe_ours - qe_mini) / qe_mini
    print(f"MiniSom's own TE (diagonal neighbours count): {np.mean(mini_te):.3f}")
    print(f"speed-up: {ratio:.1f}x as used, {t_mini / t_lean:.1f}x without history "
          f"(target >= {TARGET:.0f}x){'' if ratio >= TARGET else '  MISSED'}")
    print(f"mean QE differs by {qe_gap:.1%} (target < 5 %){'' if qe_gap < 0.05 else '  MISSED'}")
    print(f"same draws on both sides (MiniSom's weights and order): max |dW| = "
          f"{same_draws(X):.1e}")
    failed = ratio < TARGET or qe_gap >= 0.05
    return 1 if (failed and args.check) else 0


if __name__ == "__main__":
    sys.exit(main())
