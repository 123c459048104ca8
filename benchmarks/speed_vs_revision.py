"""The package's training speed now against an earlier commit, measured side by side.

A refactoring must not slow training down: this times standard, accumulated and mini-batch BP
and the SOM (the loops the speed benchmarks compare with scikit-learn and MiniSom) with the
working tree and with ``REV`` (extracted by ``git archive`` to a temporary folder), in
alternating fresh interpreters, and prints the best of each and their ratio. Interleaving
keeps a noisy machine's slow minutes from falling on one side only.

Usage: ``python benchmarks/speed_vs_revision.py REV [--rounds 4] [--check 1.10]``
(``--check``: exit 1 if any ratio now/before exceeds the given factor).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

TIMER = r'''
import json, sys, time
sys.path.insert(0, sys.argv[1])
import numpy as np
from chapter5.backprop import BPNetwork
from chapter5.datasets import watermelon_3_0_alpha
from chapter5.networks.som import SOM

X, y = watermelon_3_0_alpha()
rng = np.random.default_rng(0)
Xd = rng.random((1797, 64))
Yd = np.eye(10)[rng.integers(0, 10, 1797)]
Xs = rng.random((500, 2))


def best(fit):
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        fit()
        times.append(time.perf_counter() - t0)
    return min(times)


print(json.dumps({
    "standard BP": best(lambda: BPNetwork(hidden=(4,), eta=0.1, max_epochs=10000,
                                          random_state=0).fit(X, y)),
    "accumulated BP": best(lambda: BPNetwork(hidden=(4,), eta=0.1, mode="accumulated",
                                             max_epochs=10000, random_state=0).fit(X, y)),
    "mini-batch BP": best(lambda: BPNetwork(hidden=(32,), eta=4.0, mode="minibatch",
                                            batch_size=32, max_epochs=50, init="symmetric",
                                            random_state=0).fit(Xd, Yd)),
    "SOM": best(lambda: SOM(10, 10, n_iterations=10000, random_state=0).fit(Xs)),
}))
'''


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rev", help="the earlier commit, e.g. HEAD~5 or a hash")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--check", type=float, default=None)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "archive", args.rev, "chapter5"], cwd=ROOT,
                                 check=True, capture_output=True).stdout
        with tarfile.open(fileobj=__import__("io").BytesIO(archive)) as tar:
            tar.extractall(tmp, filter="data")
        runs: dict[str, list] = {"before": [], "now": []}
        for _ in range(args.rounds):
            for side, path in (("before", tmp), ("now", str(ROOT))):
                out = subprocess.run([sys.executable, "-c", TIMER, path], cwd=tmp,
                                     check=True, capture_output=True, text=True).stdout
                runs[side].append(json.loads(out))
    worst = 0.0
    print(f"{'loop':<16} {'before s':>9} {'now s':>8} {'now/before':>11}   ({args.rev})")
    for name in runs["now"][0]:
        before = min(r[name] for r in runs["before"])
        now = min(r[name] for r in runs["now"])
        worst = max(worst, now / before)
        print(f"{name:<16} {before:9.3f} {now:8.3f} {now / before:11.3f}")
    if args.check is not None and worst > args.check:
        print(f"slower than {args.check}x", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
