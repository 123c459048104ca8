"""Notebooks in a real JupyterLab, in headless Chromium: run all, no errors, widgets respond."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest

from .outputs import assert_outputs_are_the_committed_ones

pytestmark = pytest.mark.browser

PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"

# notebook -> the dashboards to poke in it: (CSS class of the dashboard, label of a slider or
# dropdown to move); every notebook and every dashboard must be here (checked below)
DASHBOARDS = {
    "index.ipynb": [],
    "5.1-neuron-model.ipynb": [("chapter5-activation-explorer", "f"),
                               ("chapter5-neuron-explorer", "w₁")],
    "5.2-perceptron-and-multilayer-networks.ipynb": [("chapter5-perceptron-replay", "step"),
                                                     ("chapter5-xor-network", "γ₁")],
    "5.3-backpropagation.ipynb": [("chapter5-mazur-stepper", "stage"),
                                  ("chapter5-bp-xor", "epoch")],
    "5.3-bp-in-practice.ipynb": [("chapter5-playground", "epoch")],
    "5.4-global-and-local-minima.ipynb": [("chapter5-descent", "step")],
    "5.5.1-rbf-network.ipynb": [("chapter5-rbf", "β")],
    "5.5.2-art.ipynb": [("chapter5-art", "sample")],
    "5.5.3-som.ipynb": [("chapter5-som", "replay")],
    "5.5.4-cascade-correlation.ipynb": [("chapter5-cascade", "hidden units")],
    "5.5.5-elman-network.ipynb": [("chapter5-elman", "epoch")],
    "5.5.6-boltzmann-machine.ipynb": [("chapter5-rbm", "epoch")],
}
# the builder of each dashboard's CSS class (checked below), so that a test can build the one
# it needs, e.g. in Korean to read its labels, without building all fourteen
BUILDER_OF = {
    "chapter5-activation-explorer": "activation_explorer",
    "chapter5-neuron-explorer": "neuron_explorer",
    "chapter5-perceptron-replay": "perceptron_replay",
    "chapter5-xor-network": "xor_network_explorer",
    "chapter5-mazur-stepper": "mazur_stepper",
    "chapter5-bp-xor": "bp_xor_trainer",
    "chapter5-playground": "bp_playground",
    "chapter5-descent": "descent_explorer",
    "chapter5-rbf": "rbf_explorer",
    "chapter5-art": "art_replay",
    "chapter5-som": "som_explorer",
    "chapter5-cascade": "cascade_growth",
    "chapter5-elman": "elman_explorer",
    "chapter5-rbm": "rbm_explorer",
}


# In a page where JupyterLab runs already: close every open document (as run, it is "dirty":
# mark it clean, so that no "save your work?" dialog appears), shut every kernel down, then
# open the notebook; the same as loading /lab/tree/<name>?reset, without reloading JupyterLab
SWITCH_NOTEBOOK = """async (path) => {
    const app = window.jupyterapp;
    for (const dialog of document.querySelectorAll('.jp-Dialog')) dialog.remove();
    for (const w of Array.from(app.shell.widgets('main'))) {
        if (w.context) w.context.model.dirty = false;
        w.dispose();
    }
    await app.serviceManager.sessions.refreshRunning();
    await app.serviceManager.sessions.shutdownAll();
    await app.commands.execute('docmanager:open', {path, factory: 'Notebook'});
}"""


def open_notebook(page, lab_server, name: str):
    """Open notebook ``name`` in JupyterLab, with a fresh kernel, and return its panel. A page
    that shows JupyterLab already (``lab_page``) switches notebooks in place."""
    loaded = page.url.startswith(lab_server.url + "/lab") and page.evaluate(
        "() => Boolean(window.jupyterapp && window.jupyterapp.shell)")
    if loaded:
        try:
            page.evaluate(SWITCH_NOTEBOOK, name)
        except Exception:  # e.g. a previous test left JupyterLab broken: load it afresh
            loaded = False
    if not loaded:
        page.goto(lab_server.notebook_url(name))
    panel = page.locator(PANEL)
    panel.locator(".jp-Notebook").wait_for()
    # wait until a kernel is attached (not "No Kernel") and idle before running anything
    kernel_name = panel.locator(".jp-Toolbar-kernelName")
    deadline = time.monotonic() + 90
    while True:
        text = kernel_name.inner_text().strip() if kernel_name.count() else ""
        status = page.evaluate(
            "() => window.jupyterapp.shell.currentWidget?.sessionContext?.session?.kernel?.status")
        if text and text != "No Kernel" and status == "idle":
            return panel
        if time.monotonic() > deadline:
            raise AssertionError(f"kernel not ready: name={text!r} status={status!r}")
        time.sleep(0.25)


# cells that have run (an execution count in the model) and the kernel's status, read from
# JupyterLab's model: reading the prompts' text instead would make Chromium lay the whole
# notebook out again at every look while outputs arrive
RUN_STATE = """() => {
    const w = window.jupyterapp.shell.currentWidget;
    if (!w || !w.content || !w.content.model) return [0, 0, null];
    const cells = w.content.model.cells;
    let code = 0, done = 0;
    for (let i = 0; i < cells.length; i++) {
        const cell = cells.get(i);
        if (cell.type !== 'code') continue;
        code += 1;
        if (cell.executionCount !== null && cell.executionCount !== undefined) done += 1;
    }
    const kernel = w.sessionContext && w.sessionContext.session
        && w.sessionContext.session.kernel;
    return [code, done, kernel ? kernel.status : null];
}"""

# clear the execution counts (so that RUN_STATE sees only this run's), then run every cell
RUN_ALL = """() => {
    const cells = window.jupyterapp.shell.currentWidget.content.model.cells;
    for (let i = 0; i < cells.length; i++) {
        const cell = cells.get(i);
        if (cell.type === 'code') cell.executionCount = null;
    }
    return window.jupyterapp.commands.execute('notebook:run-all-cells');
}"""


def run_all_and_wait(page, panel, timeout: float = 120.0) -> None:
    page.evaluate(RUN_ALL)
    deadline = time.monotonic() + timeout
    while True:
        n_code, done, status = page.evaluate(RUN_STATE)
        if done == n_code and status == "idle":
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"only {done} of {n_code} cells ran within {timeout} s")
        time.sleep(0.25)


def model_problems(page) -> list[str]:
    """Errors and stderr (warnings) in the notebook model, cell by cell."""
    return page.evaluate("""() => {
        const problems = [];
        const cells = window.jupyterapp.shell.currentWidget.content.model.cells;
        for (let i = 0; i < cells.length; i++) {
            const cell = cells.get(i);
            if (cell.type !== 'code') continue;
            const outputs = cell.outputs;
            for (let k = 0; k < outputs.length; k++) {
                const o = outputs.get(k).toJSON();
                if (o.output_type === 'error') problems.push(`cell ${i}: ${o.ename}: ${o.evalue}`);
                if (o.output_type === 'stream' && o.name === 'stderr')
                    problems.push(`cell ${i}: stderr: ${String(o.text).slice(0, 200)}`);
            }
        }
        return problems;
    }""")


def wait_for_new_src(img, old: str, timeout: float = 30.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        src = img.get_attribute("src")
        if src and src != old:
            return src
        time.sleep(0.05)
    raise AssertionError("the dashboard's picture did not change")


def move_slider_and_see_a_new_picture(page, panel, css_class: str, label: str) -> None:
    dashboard = panel.locator(f".{css_class}").first
    dashboard.wait_for()
    dashboard.scroll_into_view_if_needed()
    img = dashboard.locator("img").first
    img.wait_for()
    before = img.get_attribute("src")
    exact = page.locator(".widget-label", has_text=re.compile(rf"^{re.escape(label)}$"))
    dropdown = dashboard.locator(".widget-dropdown").filter(has=exact)
    if dropdown.count() == 1:  # a dropdown: choose the next option
        select = dropdown.locator("select")
        options = select.locator("option").all_inner_texts()
        current = select.evaluate("(s) => s.options[s.selectedIndex].text")
        select.select_option(label=options[(options.index(current) + 1) % len(options)])
        wait_for_new_src(img, before)
        assert model_problems(page) == [], f"choosing {label} raised in the kernel"
        return
    slider = dashboard.locator(".widget-slider").filter(has=exact)
    assert slider.count() == 1, f"no slider or dropdown labelled {label!r} in .{css_class}"
    readout = slider.locator(".widget-readout")
    value_before = readout.inner_text()
    handle = slider.locator(".noUi-handle")
    at_max = handle.get_attribute("aria-valuenow") == handle.get_attribute("aria-valuemax")
    handle.click()
    for _ in range(3):
        handle.press("ArrowLeft" if at_max else "ArrowRight")
    wait_for_new_src(img, before)
    assert readout.inner_text() != value_before, f"the {label} slider did not move"
    assert model_problems(page) == [], f"moving {label} raised in the kernel"


# the §5.5 notebooks run from test_jupyterlab_5_5.py: a second file, so that pytest-xdist
# (--dist loadfile) can drive the two halves in two browsers at once
SECTION_5_5 = sorted(n for n in DASHBOARDS if n.startswith("5.5."))


@pytest.mark.parametrize("name", sorted(set(DASHBOARDS) - set(SECTION_5_5)))
def test_notebook_runs_clean_and_its_dashboard_responds(lab_page, lab_server, name):
    run_notebook_and_move_every_dashboard(lab_page, lab_server, name)


def run_notebook_and_move_every_dashboard(page, lab_server, name, dashboards=None):
    """Run all of notebook ``name`` and move one control of each of its dashboards
    (``dashboards``: (CSS class, control label) pairs; by default this file's table)."""
    panel = open_notebook(page, lab_server, name)
    run_all_and_wait(page, panel)

    assert model_problems(page) == []
    shown = panel.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    assert shown.count() == 0, "a cell shows an error or a warning"
    # one of the two runs in which `make test` compares every notebook's outputs (outputs.py)
    assert_outputs_are_the_committed_ones(page, name)

    for css_class, label in (DASHBOARDS[name] if dashboards is None else dashboards):
        move_slider_and_see_a_new_picture(page, panel, css_class, label)
    if os.environ.get("CHAPTER5_SCREENSHOTS"):  # for looking at what a student sees
        shot = name.replace("/", "_")
        page.screenshot(path=str(Path(os.environ["CHAPTER5_SCREENSHOTS"]) / f"{shot}.png"))


def test_every_notebook_and_every_dashboard_is_driven():
    """The table above covers every notebook and every registered dashboard (that each
    dashboard carries its CSS class is checked on built dashboards in
    tests/test_settings_as_code.py, which builds them all anyway)."""
    from chapter5.widgets import DASHBOARDS as BUILDERS

    root = Path(__file__).resolve().parents[2] / "notebooks"
    assert set(DASHBOARDS) == {p.name for p in root.glob("*.ipynb")}
    poked = {css for entries in DASHBOARDS.values() for css, _ in entries}
    assert set(BUILDER_OF) == poked and set(BUILDER_OF.values()) == set(BUILDERS)
