"""Explorers with the keyboard and a screen reader in mind, in real JupyterLab (marker ``browser``).

Issue 18's requirements for the explorer views (helpers.explorers), checked in the page after
Run All: at most one tab stop per figure (plotly's modebar is one toolbar: Tab reaches one button,
arrow keys move inside it and never reach JupyterLab); the readout is announced once after the
control settles (live-region updates counted during 10 key presses); every explorer control
(slider, dropdown, toggle buttons, checkbox) and the figure's toolbar show a focus outline of at
least 3:1 against the background.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import nbformat
import pytest

sys.path.insert(0, str(Path(__file__).parent))
import labdriver  # noqa: E402
from test_selfcheck_keyboard import JS_NOTEBOOK, _contrast, _rgb  # noqa: E402

pytestmark = pytest.mark.browser

NB = "explorer_a11y.ipynb"
#: one explorer per control type: sliders, dropdowns + toggle buttons, int sliders + toggle + checkbox
NAMES = ("binding", "clearance", "confounding", "fasting")


def _notebook() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook(
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
    )
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Keyboard and announcement test of the explorers"),
        nbformat.v4.new_code_cell("from helpers.explorers import create"),
        *[nbformat.v4.new_code_cell(f'create("{n}")') for n in NAMES],
    ]
    return nb


@pytest.fixture(scope="module")
def page(chromium_path, playwright_session):
    work = Path(tempfile.mkdtemp(prefix="tfl-explorer-a11y-"))
    server = labdriver.LabServer(work)
    nbformat.write(_notebook(), server.root / NB)
    server.start()
    context = labdriver.launch_chromium(playwright_session, chromium_path, work / "chromium-profile")
    try:
        pg, log = labdriver.open_notebook(context, server, NB)
        labdriver.run_all(pg)
        labdriver.wait_for_figures(pg, n_explorers=len(NAMES), timeout_s=120)
        # the toolbar and the announcer exist once each explorer's figure is drawn
        pg.wait_for_function(
            f"() => document.querySelectorAll('.tfl-explorer .modebar[role=toolbar]').length === {len(NAMES)}"
            f" && document.querySelectorAll('.tfl-explorer > .tfl-announce').length === {len(NAMES)}",
            timeout=60_000,
        )
        yield pg
        assert not log.page_errors, log.page_errors
    finally:
        context.close()
        server.stop()
        shutil.rmtree(work, ignore_errors=True)


#: elements in the tab order (tabIndex >= 0, enabled, rendered) under a root
JS_TAB_STOPS = """root => [...root.querySelectorAll('a[href], button, input, select, textarea, [tabindex], [contenteditable=true]')]
  .filter(e => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length > 0)"""


def _focus_style(page):
    """The focused element's outline and the background around it: the outline is drawn outside
    the element's box, so the background is the nearest opaque one of its ancestors."""
    return page.evaluate(
        """() => { const e = document.activeElement; const s = getComputedStyle(e);
        let bg = 'rgb(255, 255, 255)', n = e.parentElement;
        while (n) { const c = getComputedStyle(n).backgroundColor;
          if (c && c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') { bg = c; break; } n = n.parentElement; }
        return {tag: e.tagName, type: e.type || '', width: s.outlineWidth, style: s.outlineStyle,
                offset: s.outlineOffset, color: s.outlineColor, bg}; }"""
    )


JS_ACTIVE = """() => { const e = document.activeElement;
  return e.outerHTML.slice(0, 200) + ' in ' + (e.parentElement ? e.parentElement.className : ''); }"""


def test_each_figure_is_at_most_one_tab_stop_and_its_toolbar_keeps_arrows_inside(page):
    counts = page.evaluate(
        f"""() => [...document.querySelectorAll('.tfl-explorer')].map(ex => {{
        const stops = ({JS_TAB_STOPS})(ex.querySelector('.tfl-figure'));
        const buttons = ex.querySelectorAll('.tfl-figure .modebar-btn').length;
        return {{name: [...ex.classList].find(c => c.startsWith('tfl-name-')), stops: stops.length, buttons}}; }})"""
    )
    assert len(counts) == len(NAMES), counts
    for c in counts:
        # the modebar is there (its functions stay), but it is one tab stop however many buttons
        assert c["buttons"] >= 2 and c["stops"] == 1, c
    ex = page.locator(".tfl-name-binding")
    # Tab from the last control enters the figure once, and the next Tab leaves it
    ex.locator(".tfl-figure .modebar-btn[tabindex='0']").focus()
    first = page.evaluate("() => document.activeElement.getAttribute('data-title')")
    assert page.evaluate("() => !!document.activeElement.closest('.tfl-figure .modebar[role=toolbar]')"), (
        page.evaluate(JS_ACTIVE)
    )
    # the modebar shows on hover only; with focus it fades in too (plotly's 0.3 s transition)
    page.wait_for_function(
        "() => getComputedStyle(document.activeElement.closest('.modebar-group')).opacity === '1'",
        timeout=10_000,
    )
    style = _focus_style(page)
    assert style["width"] == "3px" and _contrast(_rgb(style["color"]), _rgb(style["bg"])) >= 3, style
    before = page.evaluate(JS_NOTEBOOK)
    page.keyboard.press("ArrowRight")
    second = page.evaluate("() => document.activeElement.getAttribute('data-title')")
    assert (
        second
        and second != first
        and page.evaluate("() => !!document.activeElement.closest('.tfl-figure .modebar')")
    )
    after = page.evaluate(JS_NOTEBOOK)
    assert (after["active"], after["cells"]) == (before["active"], before["cells"]), (
        "the key reached JupyterLab"
    )
    # from the (roving) button, one Tab leaves the figure forwards and one Shift+Tab backwards
    page.keyboard.press("Tab")
    assert page.evaluate("() => !document.activeElement.closest('.tfl-figure')"), page.evaluate(JS_ACTIVE)
    ex.locator(".tfl-figure .modebar-btn[tabindex='0']").focus()
    assert page.evaluate("() => document.activeElement.getAttribute('data-title')") == second
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("() => !!document.activeElement.closest('.tfl-name-binding .tfl-control')"), (
        page.evaluate(JS_ACTIVE)
    )


JS_COUNT_LIVE = """ex => {
  const live = () => [...ex.querySelectorAll('[aria-live]:not([aria-live=off]), [role=status], [role=alert], [role=log]')];
  const seen = new Map(live().map(e => [e, e.textContent]));
  window.__tflLive = {updates: 0, readout: 0, texts: []};
  const readout = ex.querySelector('.tfl-readout');
  let last = readout.textContent;
  window.__tflObs = new MutationObserver(() => {
    for (const e of live()) {
      if (seen.get(e) !== e.textContent) { seen.set(e, e.textContent); window.__tflLive.updates++;
                                           window.__tflLive.texts.push(e.textContent); }
    }
    if (readout.textContent !== last) { last = readout.textContent; window.__tflLive.readout++; }
  });
  window.__tflObs.observe(ex, {subtree: true, childList: true, characterData: true});
}"""


def _norm(s: str) -> str:
    return " ".join(s.split())


def test_the_readout_is_announced_once_after_ten_key_presses(page):
    from helpers.explorers import create

    shadow = create("confounding")
    start = shadow._describe(shadow.summary(), shadow.values())
    shadow.set(age_from=shadow.values()["age_from"] + 10)
    final = shadow._describe(shadow.summary(), shadow.values())
    assert final != start, "the test needs a readout that changes"
    ex = page.locator(".tfl-name-confounding")
    assert page.evaluate(
        "ex => !ex.querySelector('.tfl-readout').closest('[aria-live], [role=status]')", ex.element_handle()
    ), "the readout itself must not be a live region"
    page.evaluate(JS_COUNT_LIVE, ex.element_handle())
    ex.locator(".tfl-key-age_from [role=slider]").focus()
    for _ in range(10):
        page.keyboard.press("ArrowRight")
    announcer = ex.locator(".tfl-announce")
    page.wait_for_function(
        "([el, text]) => el.textContent.replace(/\\s+/g, ' ').includes(text)",
        arg=[announcer.element_handle(), _norm(final)],
        timeout=60_000,
    )
    assert _norm(final) in _norm(ex.locator(".tfl-readout").inner_text())
    live = page.evaluate("() => { window.__tflObs.disconnect(); return window.__tflLive; }")
    assert live["readout"] >= 2, f"the readout changed {live['readout']} times: the test would prove nothing"
    assert live["updates"] == 1, live


def test_every_explorer_control_shows_a_focus_outline_of_at_least_3_to_1(page):
    kinds = page.evaluate(
        f"""() => [...document.querySelectorAll('.tfl-explorer .tfl-control')].map((ctl, i) => {{
          ctl.dataset.tflIndex = i;
          return {{i, cls: ctl.className, stops: ({JS_TAB_STOPS})(ctl).length}}; }})"""
    )
    seen = set()
    for k in kinds:
        assert k["stops"] >= 1, k
        for j in range(k["stops"]):
            page.evaluate(
                f"""([i, j]) => ({JS_TAB_STOPS})(document.querySelector(`[data-tfl-index="${{i}}"]`))[j].focus()""",
                [k["i"], j],
            )
            style = _focus_style(page)
            seen.add((style["tag"], style["type"]))
            assert style["width"] == "3px" and style["style"] == "solid", (k["cls"], style)
            assert _contrast(_rgb(style["color"]), _rgb(style["bg"])) >= 3, (k["cls"], style)
    # sliders (handle and readout), dropdowns, toggle buttons, checkboxes
    assert {t for t, _ in seen} >= {"DIV", "SELECT", "BUTTON", "INPUT"}, seen


JS_FIGURE_TEXT = """() => [...document.querySelectorAll('.tfl-explorer .tfl-figure')].flatMap(gd =>
  [...gd.querySelectorAll('svg.main-svg text')].filter(t => t.textContent.trim()).map(t => ({
    text: t.textContent.trim().slice(0, 40), fill: getComputedStyle(t).fill,
    bg: gd._fullLayout ? gd._fullLayout.paper_bgcolor : ''})))"""


def _low_contrast_text(page) -> list:
    from test_figure_a11y import contrast

    texts = page.evaluate(JS_FIGURE_TEXT)
    assert len(texts) > 20, texts
    return [t for t in texts if contrast(t["fill"], t["bg"]) < 4.5]


def test_figures_follow_the_dark_theme_with_readable_text(page):
    """Every text drawn in every explorer figure reaches 4.5:1 in the light theme, and again after
    switching JupyterLab to its dark theme, where the figures take the dark background."""
    assert not _low_contrast_text(page)
    labdriver.set_theme(page, dark=True)
    try:
        page.wait_for_function(
            """() => [...document.querySelectorAll('.tfl-explorer .tfl-figure')].every(gd =>
                gd.dataset.tflTheme === 'dark' && gd._fullLayout && gd._fullLayout.paper_bgcolor === '#111111')""",
            timeout=60_000,
        )
        assert not _low_contrast_text(page)
        style = page.evaluate(
            "() => { const e = document.querySelector('.tfl-name-binding [role=slider]'); e.focus();"
            " return getComputedStyle(e).outlineColor; }"
        )
        from test_figure_a11y import contrast

        assert contrast(style, "#111111") >= 3, style
    finally:
        labdriver.set_theme(page, dark=False)
        page.wait_for_function(
            """() => [...document.querySelectorAll('.tfl-explorer .tfl-figure')].every(gd => gd.dataset.tflTheme === 'light')""",
            timeout=60_000,
        )


@pytest.mark.a11y
def test_axe_finds_no_violation_in_the_explorers(page):
    """axe (WCAG 2.1 A/AA) on the nodes the explorers render (controls, figure, readout,
    announcer) in live JupyterLab after Run All; JupyterLab's own violations are counted apart."""
    from axe_playwright_python.sync_playwright import Axe

    opts = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
    result = Axe().run(page, context={"include": [[".tfl-explorer"]]}, options=opts)
    bad = result.response["violations"]
    report = [f"{v['id']} ({v['impact']}): {v['help']}; {[n['target'] for n in v['nodes']][:3]}" for v in bad]
    assert not bad, "\n".join(report)


JS_FIGURE_BOXES = """() => [...document.querySelectorAll('.tfl-explorer .tfl-figure')].map(gd => {
  const svg = gd.querySelector('svg.main-svg'), out = gd.closest('.jp-OutputArea-output');
  const s = svg.getBoundingClientRect(), o = out.getBoundingClientRect();
  return {svg_left: s.left, svg_right: s.right, out_left: o.left, out_right: o.right, width: s.width}; })"""


def test_figures_fit_the_column_at_1024x768_with_the_file_browser_open(page):
    """No figure is wider than its output column (no clipping) in a 1024 px window with the left
    sidebar (file browser) open; the figures follow the column width."""
    size = page.viewport_size
    page.set_viewport_size({"width": 1024, "height": 768})
    try:
        page.evaluate("() => window.jupyterapp.commands.execute('filebrowser:activate')")
        page.wait_for_function("() => !window.jupyterapp.shell.leftCollapsed", timeout=30_000)
        page.wait_for_function(
            f"""() => ({JS_FIGURE_BOXES})().every(b => b.svg_right <= b.out_right + 1 && b.svg_left >= b.out_left - 1)""",
            timeout=60_000,
        )
        boxes = page.evaluate(JS_FIGURE_BOXES)
        print("figure boxes at 1024x768 with the file browser open:", boxes)
        assert len(boxes) == len(NAMES) and all(b["width"] >= 300 for b in boxes), boxes
        assert all(b["out_right"] <= 1024 for b in boxes), boxes
    finally:
        page.set_viewport_size(size)
