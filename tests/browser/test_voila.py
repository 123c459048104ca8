"""Teacher mode: dashboards served by Voila (`make present`), code hidden, projector scale."""

from __future__ import annotations

import pytest

from .test_jupyterlab import wait_for_new_src

pytestmark = pytest.mark.browser

# notebook -> (CSS class of a dashboard in it, label of a slider to move)
VOILA_DASHBOARDS = {
    "5.4-global-and-local-minima.ipynb": ("chapter5-descent", "step"),
    "5.5.2-art.ipynb": ("chapter5-art", "sample"),
    # the Korean edition (issue 16): the same apps, found by their Korean labels
    "ko/5.4-global-and-local-minima.ipynb": ("chapter5-descent", "step"),
    "ko/5.5.3-som.ipynb": ("chapter5-som", "replay"),
}


def _label(name: str, label: str) -> str:
    from .test_jupyterlab_ko import korean_label

    return korean_label(VOILA_DASHBOARDS[name][0], label) if name.startswith("ko/") else label


@pytest.mark.parametrize("name", sorted(VOILA_DASHBOARDS))
def test_voila_app_shows_the_dashboard_without_code_and_it_responds(page, voila_server, name):
    css_class, label = VOILA_DASHBOARDS[name]
    label = _label(name, label)
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(voila_server.notebook_url(name), timeout=180_000)
    dashboard = page.locator(f".{css_class}").first
    dashboard.wait_for(timeout=180_000)
    # teacher mode: no code cells, no error or warning output, projector scale applied
    assert page.locator(".jp-InputArea-editor, .jp-CodeMirrorEditor").count() == 0
    assert page.locator("[data-mime-type='application/vnd.jupyter.stderr']").count() == 0
    assert page.get_by_text("Traceback").count() == 0
    assert "chapter5-projector" in (dashboard.get_attribute("class") or "")
    img = dashboard.locator("img").first
    img.wait_for()
    natural = page.evaluate("(img) => img.naturalWidth", img.element_handle())
    assert natural > 1000, "figures are drawn at projector scale"
    dashboard.scroll_into_view_if_needed()
    before = img.get_attribute("src")
    slider = dashboard.locator(".widget-slider").filter(
        has=page.locator(".widget-label", has_text=label))
    assert slider.count() == 1, f"no slider labelled {label!r}"
    handle = slider.locator(".noUi-handle")
    at_max = handle.get_attribute("aria-valuenow") == handle.get_attribute("aria-valuemax")
    readout = slider.locator(".widget-readout")
    value_before = readout.inner_text()
    handle.click()
    for _ in range(3):
        handle.press("ArrowLeft" if at_max else "ArrowRight")
    wait_for_new_src(img, before)
    assert readout.inner_text() != value_before
    assert not errors, errors
