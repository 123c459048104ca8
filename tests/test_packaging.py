"""The project's own promises: environment.yml matches pyproject, notebooks are committed
executed and clean, the index links every notebook, the README gives the two commands."""

import itertools
import json
import re
from pathlib import Path

import pytest
import yaml

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

from chapter5.widgets import DASHBOARDS

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
SECTION_NOTEBOOKS = [p for p in NOTEBOOKS if p.name != "index.ipynb"]
KOREAN_NOTEBOOKS = sorted((ROOT / "notebooks" / "ko").glob("*.ipynb"))


def _split(requirement: str) -> tuple[str, str]:
    m = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", requirement)
    return m.group(1).lower().replace("_", "-"), m.group(2).replace(" ", "")


def test_environment_yml_matches_pyproject_runtime_and_lab():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = dict(_split(r) for r in project["dependencies"]
                  + project["optional-dependencies"]["lab"])
    wanted["python"] = project["requires-python"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    assert env["channels"] == ["conda-forge"]
    conda = {}
    pip_section = None
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            pip_section = dep["pip"]
        elif dep != "pip":
            name, spec = _split(dep)
            conda[name] = spec
    # packages conda-forge lacks come from PyPI in the pip section; then the package itself
    assert pip_section and pip_section[-1] == "-e .", \
        "environment.yml must install the package itself via pip, last"
    for dep in pip_section[:-1]:
        name, spec = _split(dep)
        conda[name.lower()] = spec
    assert conda == {k.lower(): v for k, v in wanted.items()}, \
        "environment.yml drifted from pyproject.toml"


def test_pyproject_extras():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = {_split(r)[0] for r in project["dependencies"]}
    assert runtime == {"numpy", "matplotlib", "ipywidgets"}
    test = {_split(r)[0] for r in project["optional-dependencies"]["test"]}
    assert {"pytest", "nbval", "nbclient", "playwright", "jupyterlab", "ruff"} <= test
    for r in project["dependencies"] + project["optional-dependencies"]["test"]:
        assert "==" not in r, f"use version ranges, not pins: {r}"


def test_the_declared_floors_are_the_versions_make_test_runs_nbval_at():
    """A floor we declare is a floor we test: .venv-lowest pins every runtime dependency at the
    lower bound pyproject.toml declares, and make test runs nbval there, with another machine's
    arithmetic; the browser tests compare every notebook's outputs in .venv."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("portability", ROOT / "tools" / "portability.py")
    portability = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(portability)
    pins = [portability.lowest_pin(r) for r in portability.runtime_requirements()]
    assert pins == ["numpy==2.0.0", "matplotlib==3.9.0", "ipywidgets==8.1.0"]
    assert portability.lowest_pin("a>=1.2.3,<2") == "a==1.2.3"
    with pytest.raises(ValueError, match="exactly one floor"):
        portability.lowest_pin("a<2")
    assert portability.simd_features(), "numpy names no dispatched SIMD feature to switch off"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    test_recipe = makefile.split("\ntest:", 1)[1].split("\n\n", 1)[0]
    assert "tools/portability.py simd" in test_recipe and "tools/test_phases.sh" in test_recipe
    phases = (ROOT / "tools" / "test_phases.sh").read_text(encoding="utf-8")
    other = phases.split("another_machine() {", 1)[1].split("\n}", 1)[0]
    assert "OPENBLAS_CORETYPE=Prescott" in other and 'NPY_DISABLE_CPU_FEATURES="$PORTABLE"' \
        in other
    # the browser tests run every notebook (both editions) in .venv and compare their text
    # outputs with the committed ones as nbval does (tests/browser/outputs.py) ...
    assert "start browser \"$PY\" -m pytest" in phases
    lab = (ROOT / "tests" / "browser" / "test_jupyterlab.py").read_text(encoding="utf-8")
    runner = lab.split("def run_notebook_and_move_every_dashboard", 1)[1].split("\ndef ", 1)[0]
    assert "assert_outputs_are_the_committed_ones(page, name)" in runner
    # ... and nbval runs them in .venv-lowest with that arithmetic, its SIMD features named by
    # the lowest numpy itself
    lowest = phases.split("nbval_lowest() {", 1)[1].split("\n}", 1)[0]
    assert 'PORTABLE=$("$LOWEST/bin/python" $PORTABILITY)' in lowest
    assert 'another_machine "$LOWEST/bin/python" -m pytest' in lowest and "notebooks" in lowest
    # each run and the browser tests is started, and waited for
    for job in ("nbval-lowest", "browser", "students-path"):
        assert f"start {job} " in phases and f"finish {job}" in phases, job


def test_readme_gives_the_two_commands_and_ci_calls_make_test():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make lab" in readme and "make test" in readme
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci and "playwright install" not in ci.replace("never `playwright install`", "")


def test_there_is_a_notebook_for_section_5_1_and_an_index():
    names = [p.name for p in NOTEBOOKS]
    assert "index.ipynb" in names and "5.1-neuron-model.ipynb" in names


def _load(path):
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", NOTEBOOKS + KOREAN_NOTEBOOKS,
                         ids=lambda p: str(p.relative_to(ROOT / "notebooks")))
def test_notebook_is_committed_executed_clean_and_deterministic(path):
    nb = _load(path)
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    assert "widgets" not in nb["metadata"], "widget state has random ids; run `make notebooks`"
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    counts = [c["execution_count"] for c in code]
    assert counts == list(range(1, len(code) + 1)), "run `make notebooks` (top to bottom, once)"
    for k, cell in enumerate(code):
        assert "execution" not in cell.get("metadata", {}), "timing metadata is not deterministic"
        src = "".join(cell["source"])
        assert "pip install" not in src and "sys.path" not in src
        for out in cell["outputs"]:
            assert out["output_type"] != "error", f"code cell {k} raised"
            assert not (out["output_type"] == "stream" and out["name"] == "stderr"), \
                f"code cell {k} wrote to stderr (a warning?)"
            assert "application/vnd.jupyter.widget-view+json" not in out.get("data", {})
            text = "".join(out.get("text", "")) + "".join(out.get("data", {}).get("text/plain", ""))
            assert not re.search(r"at 0x[0-9a-f]+", text), f"code cell {k} prints an address"
        kinds = [(o["output_type"], o.get("name")) for o in cell["outputs"]]
        assert all(a != b or a[0] != "stream" for a, b in itertools.pairwise(kinds)), \
            f"code cell {k}: split stream outputs; run `make notebooks` (it joins them)"


@pytest.mark.parametrize("path", SECTION_NOTEBOOKS, ids=lambda p: p.name)
def test_section_notebook_follows_the_skeleton(path):
    nb = _load(path)
    text = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    section = path.name.split("-")[0]
    assert re.match(rf"# {re.escape(section)} .+\(.*[\uac00-\ud7a3]+.*\)", text), \
        "title: section number, English and Korean term"
    for heading in ("Learning goals", "## Summary", "## Exercises", "Try this"):
        assert heading in text, f"missing {heading!r}"
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    n_dashboards = 0
    for k, cell in enumerate(code):
        shown = "".join("".join(o.get("data", {}).get("text/plain", "")) for o in cell["outputs"])
        if re.match(rf"^({'|'.join(DASHBOARDS)})\(", shown):  # a dashboard's rebuild call
            n_dashboards += 1
            # every dashboard is preceded by a static figure of its default state
            assert k > 0 and any("image/png" in o.get("data", {}) for o in code[k - 1]["outputs"]), \
                f"no static figure before the dashboard in code cell {k}"
    assert n_dashboards >= 1, "a section notebook has at least one dashboard"


@pytest.mark.parametrize("folder", ["", "ko"])
def test_index_links_every_notebook_and_every_link_exists(folder):
    """Each edition's index links every notebook of its own edition (and each other)."""
    here = ROOT / "notebooks" / folder
    nb = _load(here / "index.ipynb")
    text = "\n".join("".join(c["source"]) for c in nb["cells"])
    links = set(re.findall(r"\]\(([^)#]+\.ipynb)", text))
    for link in links:
        assert (here / link).exists(), f"{folder or 'the'} index links a missing notebook: {link}"
    for path in SECTION_NOTEBOOKS:
        assert path.name in links, f"{folder or 'the'} index does not link {path.name}"
    other = "../index.ipynb" if folder else "ko/index.ipynb"
    assert other in links, f"the index does not link the other edition ({other})"


def test_version_comes_from_the_one_string_in_pyproject(monkeypatch):
    """``chapter5.__version__`` is the installed metadata's version, which pyproject.toml sets;
    a source tree without metadata reads the same string from pyproject.toml."""
    import importlib.metadata

    import chapter5

    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "version"]
    assert chapter5.__version__ == version, \
        "installed metadata is stale: reinstall (pip install -e .) after changing the version"
    found = [p.relative_to(ROOT) for p in (ROOT / "chapter5").rglob("*.py")
             if re.search(rf"""['"]{re.escape(version)}['"]""", p.read_text(encoding="utf-8"))]
    assert not found, f"a second copy of the version string in {found}"

    def no_metadata(name):
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", no_metadata)
    assert chapter5._version() == version


def test_make_check_is_the_quick_loop_and_make_test_still_runs_everything():
    """make check leaves out nbval, the browser tests and the sweeps marked slow; make test
    deselects nothing, so every test marked slow or browser still runs there."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    help_recipe = makefile.split("\nhelp:", 1)[1].split("\n\n", 1)[0]
    assert "make check" in help_recipe and "make test" in help_recipe
    check_var = re.search(r"^CHECK\s*\?=(.*)$", makefile, flags=re.MULTILINE).group(1)
    check_recipe = makefile.split("\ncheck:", 1)[1].split("\n\n", 1)[0]
    assert check_recipe.startswith(" lint"), "make check runs ruff first"
    assert '-m "not browser and not slow"' in check_var and "-n auto" in check_var
    assert "--nbval" not in check_recipe + check_var and "notebooks" not in check_recipe
    assert "--doctest-modules" in check_recipe and "chapter5" in check_recipe
    test_recipe = makefile.split("\ntest:", 1)[1].split("\n\n", 1)[0]
    xdist_vars = "".join(re.search(rf"^{name}\s*\?=(.*)$", makefile, flags=re.MULTILINE).group(1)
                         for name in ("XDIST", "UNIT_XDIST"))
    assert not re.search(r"-m\s+['\"]", test_recipe + xdist_vars), "make test deselects nothing"
    markers = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "pytest"]["ini_options"]["markers"]
    assert {m.split(":")[0] for m in markers} >= {"browser", "slow"}
