"""The exercises package (issue 15 §2): the split of the old ``chapter5/exercises.py`` into one
module per notebook keeps every public name importable from ``chapter5.exercises``, each module
stays readable in one sitting, and imports sit at the top of each module."""

import ast
import importlib
import pkgutil
from pathlib import Path

import pytest

import chapter5
from chapter5 import exercises

FOLDER = Path(exercises.__file__).resolve().parent
# the public API of the old single module (its __all__), written out so a lost name is noticed
OLD_PUBLIC_API = (
    "Feedback",
    "cascade_overfitting_data",
    "check_art_categories",
    "check_bmu",
    "check_bp_regimes",
    "check_cascade_units",
    "check_collapsed_layers",
    "check_correlation_gradient",
    "check_delta_v",
    "check_elman_gradient",
    "check_gate_neuron",
    "check_local_minimum",
    "check_logistic_threshold",
    "check_max_log_likelihood",
    "check_rbf_xor",
    "check_som_update",
    "check_state_probability",
    "check_update_count",
    "check_xor_network",
)
# one module per notebook, in section order, plus the shared Feedback
MODULES = ("_feedback", "neuron_checks", "perceptron_checks", "backprop_checks",
           "practice_checks", "minima_checks", "rbf_checks", "art_checks", "som_checks",
           "cascade_checks", "elman_checks", "boltzmann_checks")
MAX_LINES = 250
# imports that stay inside a function, each with the reason in a comment at that line
LOCAL_IMPORTS = {("minima_checks", "..minima")}  # chapter5.minima costs 20-40 ms to import


def test_exercises_is_a_package_of_one_module_per_notebook():
    found = {info.name for info in pkgutil.iter_modules([str(FOLDER)])}
    assert found == set(MODULES)
    assert chapter5.exercises is exercises
    assert not (FOLDER.parent / "exercises.py").exists()


@pytest.mark.parametrize("name", OLD_PUBLIC_API)
def test_every_old_public_name_is_still_importable(name):
    namespace = {}
    exec(f"from chapter5.exercises import {name}", namespace)  # the notebooks' own spelling
    assert namespace[name] is getattr(exercises, name)
    assert callable(namespace[name])


def test_all_lists_exactly_the_old_api_and_every_public_name_of_the_modules():
    assert sorted(exercises.__all__) == sorted(OLD_PUBLIC_API)
    defined = set()
    for module in MODULES:
        mod = importlib.import_module(f"chapter5.exercises.{module}")
        defined |= {name for name, obj in vars(mod).items()
                    if not name.startswith("_") and getattr(obj, "__module__", None) == mod.__name__}
    assert defined == set(OLD_PUBLIC_API)
    star = {}
    exec("from chapter5.exercises import *", star)
    assert set(star) - {"__builtins__"} == set(OLD_PUBLIC_API)


@pytest.mark.parametrize("module", ["__init__", *MODULES])
def test_each_module_is_small(module):
    n_lines = len((FOLDER / f"{module}.py").read_text(encoding="utf-8").splitlines())
    assert n_lines < MAX_LINES, f"{module}.py has {n_lines} lines; split it by notebook"


@pytest.mark.parametrize("module", MODULES)
def test_imports_sit_at_the_top_of_each_module(module):
    tree = ast.parse((FOLDER / f"{module}.py").read_text(encoding="utf-8"))
    top = set(map(id, tree.body))
    local = {(module, "." * node.level + (node.module or ""))
             if isinstance(node, ast.ImportFrom) else (module, node.names[0].name)
             for node in ast.walk(tree)
             if isinstance(node, ast.Import | ast.ImportFrom) and id(node) not in top}
    assert local <= LOCAL_IMPORTS, f"imports inside functions of {module}.py: {local}"
