"""One-way layering (design note §1): core modules load neither matplotlib nor ipywidgets;
plot modules load matplotlib but neither ipywidgets nor pyplot.

Every module is imported alone in a fresh interpreter: in a shared one, a module imported
earlier would hide what a later one pulls in. The modules are discovered from the package
folders, so a new module is checked without editing this file. To keep ~35 imports cheap, one
helper interpreter per layer imports the layer's allowed base (numpy; for plots also
matplotlib's Figure and Agg and the core), checks that nothing watched is loaded yet, and forks one child per module: each
child starts from that clean state and imports just its module, so what it loads is exactly
what a fresh interpreter would load on top of the base. Without ``os.fork`` (Windows) each
module gets its own interpreter instead (same result, slower)."""

import functools
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "chapter5"
UPPER_LAYERS = ("plots", "widgets")
CORE_WATCHED = ("matplotlib", "ipywidgets", "IPython")
PLOTS_WATCHED = ("ipywidgets", "IPython", "matplotlib.pyplot")
# what every plot module may load (checked clean before the children fork)
PLOTS_BASE = ["numpy", "matplotlib", "matplotlib.figure", "matplotlib.backends.backend_agg",
              "chapter5"]


def _modules(folder: Path, prefix: str, skip=()) -> list[str]:
    """Every module and subpackage under ``folder``, found on disk (nothing is imported)."""
    found = []
    for info in pkgutil.iter_modules([str(folder)]):
        if info.name in skip:
            continue
        found.append(f"{prefix}.{info.name}")
        if info.ispkg:
            found += _modules(folder / info.name, f"{prefix}.{info.name}")
    return found


CORE = ["chapter5", *_modules(PACKAGE, "chapter5", skip=UPPER_LAYERS)]
PLOTS = ["chapter5.plots", *_modules(PACKAGE / "plots", "chapter5.plots")]

_RUNNER = r"""
import importlib, json, os, sys
watched, base, modules = json.loads(sys.argv[1])

def loaded():
    return sorted(m for m in sys.modules if any(m == w or m.startswith(w + ".") for w in watched))

def one(module):
    try:
        importlib.import_module(module)
    except BaseException as exc:
        return f"import failed: {exc!r}"
    return loaded()

for m in base:
    importlib.import_module(m)
results = {"<base>": loaded()}
for module in modules:
    if not hasattr(os, "fork"):
        results[module] = None  # the caller runs it in its own interpreter
        continue
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: import one module, report, leave without cleanup
        os.close(r)
        os.write(w, json.dumps(one(module)).encode())
        os._exit(0)
    os.close(w)
    with os.fdopen(r) as pipe:
        results[module] = json.loads(pipe.read() or '"the child died"')
    os.waitpid(pid, 0)
print(json.dumps(results))
"""


def _run(watched, base, modules) -> dict:
    out = subprocess.run([sys.executable, "-c", _RUNNER, json.dumps([watched, base, modules])],
                         capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


@functools.cache
def _loaded_by_layer(layer: str) -> dict:
    """{module: watched modules loaded by importing it alone}, for every module of a layer."""
    watched, base, modules = {"core": (CORE_WATCHED, ["numpy"], CORE),
                              "plots": (PLOTS_WATCHED, PLOTS_BASE, PLOTS)}[layer]
    results = _run(watched, base, modules)
    assert results.pop("<base>") == [], "the base itself loads a watched module"
    for module, found in results.items():
        if found is None:  # no fork: a fresh interpreter for this module alone
            results[module] = _run(watched, [], [module])[module]
    return results


def test_discovery_finds_the_modules():
    assert {"chapter5.backprop", "chapter5._bp_fast", "chapter5.networks.rbf",
            "chapter5.networks.boltzmann"} <= set(CORE)
    assert not [m for m in CORE if m.startswith(("chapter5.plots", "chapter5.widgets"))]
    assert {"chapter5.plots._style", "chapter5.plots.neuron", "chapter5.plots.som",
            "chapter5.plots.boltzmann"} <= set(PLOTS)
    assert len(PLOTS) >= 15  # the package and its 14 modules when this was written


def test_the_check_sees_what_a_module_loads():
    """The runner reports what an import pulls in, and each child starts clean: fractions
    loads decimal, csv does not, whichever ran first."""
    for order in (["fractions", "csv"], ["csv", "fractions"]):
        found = _run(["decimal", "csv"], [], order)
        assert found == {"<base>": [], "fractions": ["decimal"], "csv": ["csv"]}


@pytest.mark.parametrize("module", CORE)
def test_core_module_imports_without_plotting_or_widgets(module):
    bad = _loaded_by_layer("core")[module]
    assert bad == [], f"{module} pulled in {bad if isinstance(bad, str) else bad[:5]}"


@pytest.mark.parametrize("module", PLOTS)
def test_plot_module_imports_without_widgets_or_pyplot(module):
    bad = _loaded_by_layer("plots")[module]
    assert bad == [], f"{module} pulled in {bad if isinstance(bad, str) else bad[:5]}"


def test_plots_and_widgets_load_lazily_from_the_package():
    code = ("import sys, chapter5\n"
            "assert 'matplotlib' not in sys.modules\n"
            "chapter5.plots.NeuronPlaneView\n"
            "assert 'matplotlib' in sys.modules and 'ipywidgets' not in sys.modules\n"
            "chapter5.widgets.neuron_explorer\n"
            "assert 'ipywidgets' in sys.modules\n")
    subprocess.run([sys.executable, "-c", code], check=True)
