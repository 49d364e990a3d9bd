"""Self-checks and predictions with the keyboard only, in real JupyterLab (marker ``browser``).

Issue 18's requirements for the learning-loop widgets (helpers.selfcheck), checked in the page:
a radio group is one tab stop, named by its question; arrow keys move the selection and never
reach JupyterLab (the active cell does not change, no cell is added); Enter in a number box
checks it; changing an answer clears the old feedback; every control shows a focus outline of
at least 3:1 against its background; a committed prediction appears next to the explorer's result.
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
from pathlib import Path

import nbformat
import pytest

sys.path.insert(0, str(Path(__file__).parent))
import labdriver  # noqa: E402

pytestmark = pytest.mark.browser

NB = "selfcheck_keys.ipynb"


def _notebook() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook(
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
    )
    nb.cells = [
        nbformat.v4.new_markdown_cell(
            "# Keyboard test of the self-checks\n\nA readable citation "
            '([Firth & Baxter, 2002](#References "firth2002")) as helpers.publish.citations writes it.'
        ),
        nbformat.v4.new_code_cell(
            "from helpers.explorers import create\nfrom helpers.selfcheck import ask, predict"
        ),
        nbformat.v4.new_code_cell('ask("00-same-concentration")'),
        nbformat.v4.new_code_cell('ask("00-convert-150")'),
        nbformat.v4.new_code_cell('ask("02-raise-free")'),
        nbformat.v4.new_code_cell('p = predict("02-als-zero")\np'),
        nbformat.v4.new_code_cell('ex = create("binding", prediction=p)\nex'),
        nbformat.v4.new_markdown_cell(
            "## References\n\n- **Firth & Baxter, 2002.** Firth SM, Baxter RC (2002). Cellular actions "
            "of the insulin-like growth factor binding proteins. *Endocr Rev*. <!-- @firth2002 -->"
        ),
    ]
    return nb


@pytest.fixture(scope="module")
def page(chromium_path, playwright_session):
    work = Path(tempfile.mkdtemp(prefix="tfl-selfcheck-"))
    server = labdriver.LabServer(work)
    nbformat.write(_notebook(), server.root / NB)
    server.start()
    context = labdriver.launch_chromium(playwright_session, chromium_path, work / "chromium-profile")
    try:
        pg, log = labdriver.open_notebook(context, server, NB)
        labdriver.run_all(pg)
        pg.wait_for_function(
            "() => document.querySelectorAll('.tfl-selfcheck .tfl-box').length === 3 && "
            "document.querySelectorAll('.tfl-predict .tfl-box').length === 1",
            timeout=60_000,
        )
        yield pg
        assert not log.page_errors, log.page_errors
    finally:
        context.close()
        server.stop()
        shutil.rmtree(work, ignore_errors=True)


JS_NOTEBOOK = """() => { const nb = window.jupyterapp.shell.currentWidget.content;
  return {active: nb.activeCellIndex, cells: nb.model.cells.length, mode: nb.mode}; }"""


def _luminance(rgb):
    def ch(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = rgb
    return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b)


def _contrast(a, b):
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _rgb(css: str):
    import re

    return tuple(int(float(x)) for x in re.findall(r"[\d.]+", css)[:3])


def _focus_style(page):
    return page.evaluate(
        """() => { const e = document.activeElement; const s = getComputedStyle(e);
        let bg = 'rgb(255, 255, 255)', n = e;
        while (n) { const c = getComputedStyle(n).backgroundColor;
          if (c && c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') { bg = c; break; } n = n.parentElement; }
        return {tag: e.tagName, type: e.type || '', width: s.outlineWidth, style: s.outlineStyle,
                color: s.outlineColor, bg}; }"""
    )


def test_radio_group_is_one_tab_stop_named_by_its_question_and_arrows_stay_inside(page):
    box = page.locator(".tfl-selfcheck").nth(0)
    group = box.locator("[role=radiogroup]")
    label_id = group.get_attribute("aria-labelledby")
    assert label_id and "30 nmol/L" in page.locator(f"#{label_id}").inner_text()
    radios = group.locator("input[type=radio]")
    n = radios.count()
    assert n == 3
    assert [radios.nth(i).evaluate("e => e.tabIndex") for i in range(n)].count(0) == 1
    radios.nth(0).focus()
    before = page.evaluate(JS_NOTEBOOK)
    page.keyboard.press("ArrowDown")
    after = page.evaluate(JS_NOTEBOOK)
    assert radios.nth(1).is_checked() and not radios.nth(0).is_checked()
    assert page.evaluate("document.activeElement.id") == radios.nth(1).get_attribute("id")
    assert (after["active"], after["cells"]) == (before["active"], before["cells"]), (
        "the key reached JupyterLab"
    )
    page.keyboard.press("ArrowUp")
    assert radios.nth(0).is_checked()
    for key in ("a", "b", "ArrowDown", "ArrowDown"):  # notebook shortcuts (insert cell) must not fire
        page.keyboard.press(key)
    assert page.evaluate(JS_NOTEBOOK)["cells"] == before["cells"]
    assert [radios.nth(i).evaluate("e => e.tabIndex") for i in range(n)].count(0) == 1
    style = _focus_style(page)
    assert style["width"] == "3px" and style["style"] == "solid", style
    assert _contrast(_rgb(style["color"]), _rgb(style["bg"])) >= 3, style
    # Tab leaves the group for the button; Enter checks; a changed answer clears the feedback
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Check answer"
    style = _focus_style(page)
    assert _contrast(_rgb(style["color"]), _rgb(style["bg"])) >= 3 and style["width"] == "3px", style
    page.keyboard.press("Enter")
    fb = box.locator(".tfl-feedback")
    fb.locator("div").wait_for(timeout=10_000)
    assert fb.inner_text().startswith(("✔ Correct — ", "✘ Not quite — "))
    radios.nth(radios.evaluate_all("rs => rs.findIndex(r => r.checked)")).focus()
    page.keyboard.press("ArrowDown")
    page.wait_for_function("(el) => el.innerHTML === ''", arg=fb.element_handle(), timeout=10_000)


def test_enter_in_a_number_box_checks_it(page):
    box = page.locator(".tfl-selfcheck").nth(1)
    field = box.locator("input[type=text]")
    assert "nmol/L" in box.locator("label").inner_text()
    field.focus()
    page.keyboard.type("1147.4")
    before = page.evaluate(JS_NOTEBOOK)
    page.keyboard.press("Enter")
    fb = box.locator(".tfl-feedback")
    fb.locator("div").wait_for(timeout=10_000)
    assert "You multiplied by 7.649" in fb.inner_text()
    assert page.evaluate(JS_NOTEBOOK)["active"] == before["active"]
    style = _focus_style(page)
    assert _contrast(_rgb(style["color"]), _rgb(style["bg"])) >= 3 and style["width"] == "3px", style
    page.keyboard.press("Backspace")
    page.wait_for_function("(el) => el.innerHTML === ''", arg=fb.element_handle(), timeout=10_000)
    page.keyboard.press("Control+a")
    page.keyboard.type("19.6")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "(el) => el.innerText.startsWith('✔ Correct')", arg=fb.element_handle(), timeout=10_000
    )


def test_select_all_with_space_and_a_miss_does_not_name_the_missing_option(page):
    box = page.locator(".tfl-selfcheck").nth(2)
    group = box.locator("[role=group]")
    assert "raise free IGF-1" in page.locator(f"#{group.get_attribute('aria-labelledby')}").inner_text()
    boxes = group.locator("input[type=checkbox]")
    boxes.nth(0).focus()
    page.keyboard.press("Space")
    assert boxes.nth(0).is_checked()
    box.locator("button").focus()
    page.keyboard.press("Enter")
    fb = box.locator(".tfl-feedback")
    fb.locator("div").wait_for(timeout=10_000)
    text = fb.inner_text()
    from helpers.selfcheck import question

    missing = [o["text"] for o in question("02-raise-free")["options"] if o["correct"]][1:]
    assert re.search(r"(One|\d) more options? appl", text), text
    assert missing and not any(t in text for t in missing), text


def test_a_committed_prediction_is_shown_next_to_the_explorer(page):
    pred = page.locator(".tfl-predict").first
    radios = pred.locator("input[type=radio]")
    radios.nth(0).focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Commit prediction"
    page.keyboard.press("Enter")
    pred.locator(".tfl-feedback div").wait_for(timeout=10_000)
    assert "Committed" in pred.locator(".tfl-feedback").inner_text()
    assert radios.nth(0).is_disabled()
    panel = page.locator(".tfl-name-binding .widget-html.tfl-comparison")
    page.wait_for_function(
        "(el) => el.innerText.includes('You predicted')", arg=panel.element_handle(), timeout=10_000
    )
    assert "binary complex" in panel.inner_text()


@pytest.mark.a11y
def test_axe_finds_no_violation_in_the_learning_loop_widgets(page):
    """axe (WCAG 2.1 A/AA) on the nodes the self-checks and predictions render, after use."""
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(
        page,
        context={"include": [[".tfl-selfcheck"], [".tfl-predict"], [".tfl-comparison"]]},
        options={
            "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
            "resultTypes": ["violations"],
        },
    )
    bad = result.response["violations"]
    report = [f"{v['id']} ({v['impact']}): {v['help']}; {[n['target'] for n in v['nodes']][:3]}" for v in bad]
    assert not bad, "\n".join(report)


def test_a_citation_link_scrolls_to_the_references_heading(page):
    """JupyterLab's sanitizer drops id attributes, but it keeps heading anchors: the converter's
    '#References' link must bring the References heading into view."""
    link = page.locator("a[href='#References']").first
    link.scroll_into_view_if_needed()
    assert link.inner_text() == "Firth & Baxter, 2002"
    in_view = """() => { const h = [...document.querySelectorAll('h2')].find(e => e.textContent.trim().startsWith('References'));
        const b = h.getBoundingClientRect(); return b.top >= 0 && b.bottom <= window.innerHeight; }"""
    page.evaluate("() => document.querySelector(\"a[href='#References']\").scrollIntoView({block: 'start'})")
    assert not page.evaluate(in_view), (
        "the References heading is already in view: the test would prove nothing"
    )
    link.click()
    page.wait_for_function(
        """() => { const h = [...document.querySelectorAll('h2')].find(e => e.textContent.trim().startsWith('References'));
           if (!h) return false; const b = h.getBoundingClientRect(); return b.top >= 0 && b.bottom <= window.innerHeight; }""",
        timeout=10_000,
    )


#: the focused element's outline and the background it is drawn on: the outline lies outside the
#: element (offset 2 px), so that is the nearest opaque background of its ancestors
JS_OUTLINE_ON = """() => { const e = document.activeElement; const s = getComputedStyle(e);
  let bg = 'rgb(255, 255, 255)', n = e.parentElement;
  while (n) { const c = getComputedStyle(n).backgroundColor;
    if (c && c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') { bg = c; break; } n = n.parentElement; }
  return {tag: e.tagName, type: e.type || '', width: s.outlineWidth, style: s.outlineStyle,
          color: s.outlineColor, bg, inside: !!e.closest('.tfl-selfcheck, .tfl-predict')}; }"""


def test_focus_outline_reaches_3_to_1_in_the_dark_theme(page):
    """JupyterLab Dark (background #111111): the self-checks' and predictions' focus outline
    switches to #8ab4f8 (9.0:1); the light theme's #0b57a4 would be about 2.6:1 there."""
    labdriver.set_theme(page, dark=True)
    try:
        seen = []
        # reach each control with the keyboard (Tab / Shift+Tab, so that :focus-visible applies),
        # without changing an answer: radio and button, number box and button, checkbox and button
        for i, (start, first, back) in enumerate(
            [("button", "Shift+Tab", "Tab"), ("input", "Tab", "Shift+Tab"), ("button", "Shift+Tab", "Tab")]
        ):
            page.locator(".tfl-selfcheck").nth(i).locator(start).first.focus()
            for key in (first, back):
                page.keyboard.press(key)
                style = page.evaluate(JS_OUTLINE_ON)
                assert style["inside"], style
                assert _rgb(style["bg"]) == (17, 17, 17), style
                assert style["width"] == "3px" and style["style"] == "solid", style
                assert _contrast(_rgb(style["color"]), _rgb(style["bg"])) >= 3, style
                seen.append((style["tag"], style["type"]))
        assert {t for t, _ in seen} == {"INPUT", "BUTTON"}, seen
        assert {ty for t, ty in seen if t == "INPUT"} == {"radio", "text", "checkbox"}, seen
    finally:
        labdriver.set_theme(page, dark=False)
