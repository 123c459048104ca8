"""Core modules load neither matplotlib nor ipywidgets (design note §1)."""

import subprocess
import sys

import pytest

CORE = ["chapter5", "chapter5.activations", "chapter5.neuron", "chapter5.datasets",
        "chapter5.exercises", "chapter5._validation", "chapter5.perceptron", "chapter5.multilayer",
        "chapter5.backprop", "chapter5.worked_example", "chapter5.metrics", "chapter5.minima",
        "chapter5.networks", "chapter5.networks.rbf", "chapter5.networks.som",
        "chapter5.networks.art", "chapter5.networks.elman", "chapter5.networks.boltzmann",
        "chapter5.networks.cascade"]


@pytest.mark.parametrize("module", CORE)
def test_core_module_imports_without_plotting_or_widgets(module):
    code = (f"import sys, {module}\n"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
            "('matplotlib', 'ipywidgets', 'IPython'))\n"
            "print(','.join(bad))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"{module} pulled in {out.stdout.strip()}"


def test_plots_and_widgets_load_lazily_from_the_package():
    code = ("import sys, chapter5\n"
            "assert 'matplotlib' not in sys.modules\n"
            "chapter5.plots.NeuronPlaneView\n"
            "assert 'matplotlib' in sys.modules and 'ipywidgets' not in sys.modules\n"
            "chapter5.widgets.neuron_explorer\n"
            "assert 'ipywidgets' in sys.modules\n")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_plots_layer_does_not_import_widgets_or_pyplot():
    code = ("import sys, chapter5.plots\n"
            "print(','.join(sorted(m for m in sys.modules if m in "
            "('ipywidgets', 'matplotlib.pyplot'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
