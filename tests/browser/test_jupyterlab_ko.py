"""The Korean edition in a real JupyterLab (issue 16): every notebook in notebooks/ko/ runs
clean, a control of every dashboard, found by its Korean label, gives a new picture, and the
pictures carry no missing-glyph boxes (the kernel would have warned, and warnings fail).
The §5.5 half runs from test_jupyterlab_ko_5_5.py, in parallel."""

from __future__ import annotations

import concurrent.futures
import functools

import pytest

from .test_jupyterlab import BUILDER_OF, DASHBOARDS, run_notebook_and_move_every_dashboard

pytestmark = pytest.mark.browser


@functools.cache
def korean_label(css_class: str, label: str) -> str:
    """The Korean description of the control labelled ``label`` in English, read off the
    dashboard itself (a key may have a context, e.g. the "step" slider is "slider|step").
    Built when a test needs it (not at collection: every xdist worker collects)."""
    from chapter5 import i18n
    from chapter5.widgets import DASHBOARDS as BUILDERS

    builder = BUILDERS[BUILDER_OF[css_class]]

    def read():
        english = builder()
        name = next(k for k, c in english.controls.items() if c.description == label)
        i18n.set_language("ko")
        try:
            return builder().controls[name].description
        finally:
            i18n.set_language(None)

    # built in a thread of its own: in this one Playwright's event loop runs, and a dashboard
    # built beside a running loop would prepare its pictures in this worker's idle time
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(read).result()


def korean_dashboards(name: str) -> list[tuple[str, str]]:
    """(CSS class, Korean control label) of each dashboard of ``ko/<name>`` to move."""
    return [(css, korean_label(css, label)) for css, label in DASHBOARDS[name.removeprefix("ko/")]]


KOREAN = sorted(f"ko/{name}" for name in DASHBOARDS)
FIRST_HALF = [n for n in KOREAN if not n.startswith("ko/5.5.")]
SECOND_HALF = [n for n in KOREAN if n.startswith("ko/5.5.")]


# Hangul drawn with a real font, not the boxes ("tofu") of a missing glyph: in the font the
# page uses for a widget label, Hangul must not measure like characters no font has
NO_TOFU = """(el) => {
    const ctx = document.createElement('canvas').getContext('2d');
    ctx.font = getComputedStyle(el).font;
    const hangul = ctx.measureText('한국어판 학습률').width;
    const missing = ctx.measureText('\\uE000\\uE001\\uE002\\uE003\\uE004\\uE005\\uE006').width;
    return [hangul, missing];
}"""


def assert_no_tofu(page) -> None:
    label = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .widget-label").first
    if not label.count():
        label = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-RenderedMarkdown").first
    hangul, missing = page.evaluate(NO_TOFU, label.element_handle())
    assert abs(hangul - missing) > 1.0, \
        f"Hangul measures like missing glyphs ({hangul:.1f} vs {missing:.1f} px): no Korean font"


@pytest.mark.parametrize("name", FIRST_HALF)
def test_korean_notebook_runs_clean_and_its_dashboard_responds(lab_page, lab_server, name):
    run_notebook_and_move_every_dashboard(lab_page, lab_server, name, korean_dashboards(name))
    assert_no_tofu(lab_page)


def test_make_lab_lang_ko_gives_a_korean_jupyterlab(page, lab_server):
    """`make lab LANG=ko` writes JupyterLab's interface setting {"locale": "ko_KR"} into its own
    settings folder; with that file JupyterLab (and its Korean language pack) speaks Korean."""
    import json
    from pathlib import Path

    makefile = (Path(__file__).resolve().parents[2] / "Makefile").read_text(encoding="utf-8")
    assert """echo '{"locale": "ko_KR"}' > $@""" in makefile
    settings = (lab_server.root.parent / "settings" / "@jupyterlab" / "translation-extension"
                / "plugin.jupyterlab-settings")
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(json.dumps({"locale": "ko_KR"}), encoding="utf-8")
    try:
        page.goto(f"{lab_server.url}/lab?reset&token={lab_server.token}")
        menu = page.locator("#jp-MainMenu .lm-MenuBar-itemLabel").first
        menu.wait_for(timeout=60_000)
        assert menu.inner_text().strip() == "파일", menu.inner_text()
    finally:
        settings.unlink()
