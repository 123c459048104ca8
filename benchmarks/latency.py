"""Latency of every dashboard: a control change -> new picture (JPEG bytes) in the Image widget.

For each dashboard in ``chapter5.widgets.DASHBOARDS`` and each of its controls, the control is
moved N times (sliders walk their grid from one end towards the other, dropdowns cycle through
their options) and the time from setting ``control.value`` to the new ``image.value`` is taken.
This is the Python side of a slider update (kernel time); the browser adds transport and
decoding on top (see the browser tests).

Also times each notebook's full execution with nbclient (a copy is executed, the committed
notebook is not touched).

Usage::

    python benchmarks/latency.py [--changes 30] [--check] [--no-notebooks]

``--check`` exits 1 if a target is missed: median < 30 ms for the neuron explorer, median
< 100 ms for every other dashboard, and each notebook under 30 s.
"""

from __future__ import annotations

import argparse
import copy
import statistics
import sys
import time
from pathlib import Path

import ipywidgets as widgets
import matplotlib
import numpy as np

from chapter5.widgets import DASHBOARDS

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = {"neuron_explorer": 30.0,
             # the playground retrains 300 epochs on every structural control: the room should
             # not wait (under a second); scrubbing the recorded history must stay under 50 ms
             "bp_playground": 1000.0, "bp_playground.epoch": 50.0,
             # so do the other dashboards that train on a structural change; their scrubbing
             # control must answer within the usual 100 ms
             "cascade_growth": 1000.0, "cascade_growth.units": 100.0,
             "elman_explorer": 1500.0, "elman_explorer.epoch": 100.0,
             "rbm_explorer": 1000.0, "rbm_explorer.epoch": 100.0}
# start states where every control visibly matters (from w = 0, eta only rescales the weights,
# so the replay starts from a non-zero initial state and mid-run)
SETUP = {"perceptron_replay": {"w1": 0.5, "w2": -0.3, "theta": 0.2, "step": 6},
         "bp_playground": {"regularization": True, "lam": 0.999},  # so that lambda applies
         "rbf_explorer": {"dataset": "moons", "n_centers": 12}}  # XOR caps q at 4 samples
DEFAULT_TARGET_MS = 100.0
NOTEBOOK_TARGET_S = 30.0


def control_values(control, n: int) -> list:
    """n successive values for a control, each different from the one before."""
    if isinstance(control, widgets.Checkbox):
        return [(not control.value) if k % 2 == 0 else control.value for k in range(n)]
    if isinstance(control, widgets.Dropdown):
        options = [o[1] if isinstance(o, tuple) else o for o in control.options]
        start = options.index(control.value)
        return [options[(start + 1 + k) % len(options)] for k in range(n)]
    if isinstance(control, widgets.FloatLogSlider):
        grid = control.base ** np.arange(control.min, control.max + 1e-9, control.step)
    elif isinstance(control, widgets.IntSlider | widgets.FloatSlider):
        grid = np.arange(control.min, control.max + control.step / 2, control.step)
        grid = np.round(grid, 10)
    else:
        raise TypeError(f"no benchmark values for {type(control).__name__}")
    seq = np.concatenate([grid, grid[-2:0:-1]])  # there and back again
    start = int(np.argmin(np.abs(seq - control.value)))
    values = [seq[(start + 1 + k) % len(seq)] for k in range(n)]
    return [int(v) if isinstance(control, widgets.IntSlider) else float(v) for v in values]


# retraining the playground takes 0.1-1 s a time: fewer changes per control
CHANGES = {"bp_playground": 6}


def time_dashboard(name: str, builder, n: int) -> list[tuple[str, str, float, float]]:
    """Each control on a fresh dashboard (so one control's last value, e.g. a data set
    without noise, does not turn another into a no-op), after two untimed warm-up changes."""
    rows = []
    n = CHANGES.get(name, n)
    for key in builder(**SETUP.get(name, {})).controls:
        dashboard = builder(**SETUP.get(name, {}))
        control = dashboard.controls[key]
        for value in control_values(control, 2):  # warm-up: font and code caches
            control.value = value
        times = []
        for value in control_values(control, n):
            before = dashboard.image.value
            t0 = time.perf_counter()
            control.value = value
            png = dashboard.image.value
            times.append(time.perf_counter() - t0)
            if png == before:
                raise AssertionError(f"{name}.{key} = {value!r} did not change the picture")
        ms = np.array(times) * 1000
        rows.append((name, key, float(np.median(ms)), float(np.percentile(ms, 95))))
    return rows


def time_fits(repeats: int = 5) -> list[tuple[str, int, float]]:
    """Perceptron fits on 1000 points: (what, epochs run, median seconds)."""
    from chapter5.datasets import linearly_separable
    from chapter5.perceptron import Perceptron

    X, y = linearly_separable(1000, margin=0.0005, random_state=0)
    flipped = y.copy()
    flipped[::7] = 1 - flipped[::7]  # not separable: all 100 epochs run
    rows = []
    for what, labels in (("separable, margin 5e-4", y), ("not separable (100 epochs)", flipped)):
        times = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            p = Perceptron(eta=0.1, max_epochs=100, w_init=0.0, shuffle=True,
                           random_state=0).fit(X, labels)
            times.append(time.perf_counter() - t0)
        rows.append((what, p.n_epochs_, float(np.median(times))))
    return rows


def time_playground_retrains() -> list[tuple[str, float]]:
    """A structural retrain of the playground on each data set (1 hidden layer of 4, and
    2 layers of 8): seconds from the control change to the new picture."""
    from chapter5.widgets import bp_playground
    from chapter5.widgets.playground import PLAYGROUND_DATASETS

    rows = []
    for layers, units in ((1, 4), (2, 8)):
        d = bp_playground(dataset="xor", layers=layers, units=units)
        for name in PLAYGROUND_DATASETS:
            if name == d.values["dataset"]:
                d.controls["dataset"].value = "circles"
            t0 = time.perf_counter()
            d.controls["dataset"].value = name
            rows.append((f"{name} ({layers}x{units})", time.perf_counter() - t0))
    return rows


def time_xor_surface() -> tuple[float, float, float]:
    """(xor_surface, lean numpy double loop, error_surface with the data given) in ms, for E of
    the XOR network over a 200 x 200 grid of its two output weights. Since issue 15 §4 the two
    package calls are one vectorized implementation (xor_surface wraps error_surface)."""
    from chapter5.backprop import error_surface
    from chapter5.datasets import logic_gate
    from chapter5.minima import xor_surface

    V, W = np.array([[5.0, -5.0], [-5.0, 5.0]]), np.array([[5.0], [5.0]])
    ts = [np.array([2.5, 2.5]), np.array([2.5])]
    grid = np.linspace(-8, 8, 200)
    X, y = logic_gate("xor")
    fast = []
    for _ in range(20):
        t0 = time.perf_counter()
        xor_surface((1, 0, 0), (1, 1, 0), grid, grid, [V, W], ts)
        fast.append(time.perf_counter() - t0)
    # a lean naive loop: plain numpy for every grid point, no argument checks
    t0 = time.perf_counter()
    Xa = np.column_stack([X, -np.ones(4)])
    Va = np.vstack([V, ts[0]])
    hidden = np.column_stack([1 / (1 + np.exp(-(Xa @ Va))), -np.ones(4)])
    surface = np.empty((200, 200))
    for i, w2 in enumerate(grid):
        for j, w1 in enumerate(grid):
            out = 1 / (1 + np.exp(-(hidden @ np.array([w1, w2, ts[1][0]]))))
            surface[i, j] = 0.5 * np.sum((out - y) ** 2) / 4
    lean = (time.perf_counter() - t0) * 1000
    t0 = time.perf_counter()
    error_surface(X, y, [V, W], ts, (1, 0, 0), (1, 1, 0), grid, grid)
    checked = (time.perf_counter() - t0) * 1000
    return float(np.median(fast)) * 1000, lean, checked


def time_rbf_grid(repeats: int = 20) -> list[tuple[int, float]]:
    """RBF network output φ(x) (5.18) on a 200 x 200 plotting grid, for q = 4, 20, 40 centres
    (fitted on the noisy moons): (q, median ms)."""
    from chapter5.datasets import toy_2d
    from chapter5.networks import RBFNetwork

    X, y = toy_2d("moons", n=200, noise=0.3, random_state=1)
    g = np.linspace(-2, 2, 200)
    grid = np.stack(np.meshgrid(g, g), axis=-1).reshape(-1, 2)
    rows = []
    for q in (4, 20, 40):
        net = RBFNetwork(q, beta=3.0, random_state=0).fit(X, y)
        times = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            net.decision_function(grid)
            times.append(time.perf_counter() - t0)
        rows.append((q, float(np.median(times)) * 1000))
    return rows


def time_notebooks() -> list[tuple[str, float]]:
    import nbformat
    from nbclient import NotebookClient

    rows = []
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(copy.deepcopy(nb), timeout=300, kernel_name="python3",
                                resources={"metadata": {"path": str(path.parent)}})
        t0 = time.perf_counter()
        client.execute()
        rows.append((path.name, time.perf_counter() - t0))
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=30, help="changes per control")
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    parser.add_argument("--no-notebooks", action="store_true", help="skip notebook timings")
    args = parser.parse_args(argv)

    failed = []
    print(f"Dashboard latency: control change -> new picture ({args.changes} changes per control"
          f"; matplotlib {matplotlib.__version__})")
    print(f"{'dashboard':<22} {'control':<12} {'median ms':>10} {'p95 ms':>8} {'target':>8}")
    for name, builder in DASHBOARDS.items():
        for dash, key, med, p95 in time_dashboard(name, builder, args.changes):
            target = TARGET_MS.get(f"{dash}.{key}", TARGET_MS.get(dash, DEFAULT_TARGET_MS))
            flag = "" if med < target else "  MISSED"
            print(f"{dash:<22} {key:<12} {med:10.1f} {p95:8.1f} {target:8.0f}{flag}")
            if flag:
                failed.append(f"{dash}.{key}")
    print("\nPlayground: structural retrain (300 epochs, standard BP) by data set")
    for what, seconds in time_playground_retrains():
        print(f"{what:<30} {seconds * 1000:8.0f} ms")
    fast, lean, checked = time_xor_surface()
    print(f"\nXOR network error surface, 200 x 200 grid (target <= 5 ms): vectorized "
          f"{fast:.1f} ms; lean double loop {lean:.0f} ms ({lean / fast:.0f}x); "
          f"error_surface (same code, data passed in) {checked:.1f} ms")
    print("\nRBF network output on a 200 x 200 grid (40 000 points)")
    for q, ms in time_rbf_grid():
        print(f"q = {q:2d} centres {ms:8.1f} ms")
    print("\nPerceptron fit on 1000 points (max_epochs=100, history recorded)")
    for what, epochs, seconds in time_fits():
        print(f"{what:<30} {epochs:4d} epochs {seconds * 1000:8.1f} ms")
    if not args.no_notebooks:
        print(f"\nNotebook execution (nbclient, fresh kernel; target < {NOTEBOOK_TARGET_S:.0f} s)")
        rows = time_notebooks()
        for nb, seconds in rows:
            flag = "" if seconds < NOTEBOOK_TARGET_S else "  MISSED"
            print(f"{nb:<40} {seconds:6.1f} s{flag}")
            if flag:
                failed.append(nb)
        print(f"{'total':<40} {statistics.fsum(s for _, s in rows):6.1f} s")
    if failed:
        print("\nmissed:", ", ".join(failed))
    return 1 if (failed and args.check) else 0


if __name__ == "__main__":
    sys.exit(main())
