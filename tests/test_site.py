"""The static site (`make site`) in headless Chromium, opened from file:// with the network cut off.

* every page renders its plotly figures (svg.main-svg) from the bundled plotly.js, each self-check
  shows its question and a collapsed answer, and no request goes to anything but file:// (marker ``browser``);
* axe-core (bundled by axe-playwright-python) finds no serious or critical WCAG 2.0/2.1 A/AA
  violation on any page (marker ``a11y``).

* every explorer is live in the page: a browser test drives every control of every explorer to at
  least three positions and compares figure data, readout and summary() with the Python explorer;
  the readout is announced once per settle; 375 px wide works; every control is reached with Tab.

The site is built once per test session (it executes every notebook) into a temporary folder;
pages are parametrised by the notebooks found in notebooks/, so new notebooks are covered.
Without Chromium these tests skip (fail under CI=true), see conftest.chromium_path.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from conftest import load_notebook, notebook_paths

NOTEBOOKS = notebook_paths()
PAGES = [p.stem + ".html" for p in NOTEBOOKS] + ["index.html"]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
EXPLORER_RE = re.compile(r"\bcreate\(\s*['\"]([a-z_0-9]+)['\"]\s*(,[^)]*)?\)\s*\n\s*\w+\s*$")
SELF_CHECK_RE = re.compile(r"\bask\(\s*['\"]\d\d-")  # self-checks by bank id (issue 14)
LOCAL_SCHEMES = {"file", "data", "blob", "about"}


@pytest.fixture(scope="session")
def site(chromium_path, tmp_path_factory):
    """Build the site once per session (after checking Chromium is there to look at it)."""
    from helpers.publish.site import build_site

    prebuilt = os.environ.get("TFL_SITE_DIR")  # a site built by `make site` from this tree (for development)
    if prebuilt:
        out = Path(prebuilt)
        return out, json.loads((out / "build-info.json").read_text(encoding="utf-8"))
    out = tmp_path_factory.mktemp("site")
    info = build_site(out)
    return out, info


@pytest.fixture(scope="session")
def browser(chromium_path, playwright_session, tmp_path_factory):
    ctx = playwright_session.chromium.launch_persistent_context(
        str(tmp_path_factory.mktemp("chromium-profile")),
        executable_path=chromium_path,
        headless=True,
        args=[
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--allow-file-access-from-files",
        ],
    )
    yield ctx
    ctx.close()


def open_page(browser, path):
    """Open ``path`` from file:// ; every non-file request is recorded and aborted."""
    page = browser.new_page()
    remote = []

    def guard(route):
        url = route.request.url
        if urlparse(url).scheme in LOCAL_SCHEMES:
            route.continue_()
        else:
            remote.append(url)
            route.abort()

    page.route("**/*", guard)
    page.on("request", lambda r: urlparse(r.url).scheme in LOCAL_SCHEMES or remote.append(r.url))
    page.goto(path.as_uri(), wait_until="load")
    return page, remote


def info_for(info, nb_path):
    return next(p for p in info["pages"] if p["notebook"] == nb_path.name)


def expected_counts(nb_path):
    nb = load_notebook(nb_path)
    explorers = checks = 0
    for c in nb["cells"]:
        if c["cell_type"] != "code" or "solution" in c.get("metadata", {}).get("tags", []):
            continue
        src = "".join(c["source"])
        explorers += bool(EXPLORER_RE.search(src))
        checks += len(SELF_CHECK_RE.findall(src))
    return explorers, checks


@pytest.mark.browser
@pytest.mark.parametrize("nb_path", NOTEBOOKS, ids=lambda p: p.name)
def test_page_renders_offline(site, browser, nb_path):
    out, info = site
    page, remote = open_page(browser, out / (nb_path.stem + ".html"))
    try:
        n_explorers, n_checks = expected_counts(nb_path)
        _wait_ready(page)
        page.wait_for_function(
            "() => [...document.querySelectorAll('.tfl-plotly')].every(d => d.querySelector('svg.main-svg'))",
            timeout=30_000,
        )
        # every explorer is live in the page: its controls, its figure and its readout
        explorers = page.locator("section.tfl-explorer")
        assert explorers.count() == n_explorers
        assert page.locator("figure.tfl-figure figcaption").count() == 0, "an explorer fell back to a picture"
        for i in range(n_explorers):
            ex = explorers.nth(i)
            assert ex.locator(".tfl-control").count() >= 1
            assert ex.locator(".tfl-figure svg.main-svg").count() >= 1
            assert len(ex.locator(".tfl-readout .tfl-describe").inner_text().split()) >= 5
        assert page.evaluate("Object.keys(window.TFL.explorers).length") == n_explorers
        # the page says what it is: exploring here, writing code in the live notebook
        banner = page.locator("header.tfl-banner").inner_text()
        assert "for exploring" in banner and "Binder" in banner and "locally" in banner
        # self-checks: graded in the page (from the question bank) or, for helpers without
        # banks, the question and a collapsed answer
        checks = page.locator(".tfl-selfcheck")
        assert checks.count() == n_checks
        for i in range(n_checks):
            box = checks.nth(i)
            if box.get_attribute("data-tfl-question"):
                assert box.locator("button.tfl-check-button").inner_text() == "Check answer"
                assert box.locator("details").count() == 0  # no key on the page before an answer
            else:
                det = box.locator("details")
                assert det.count() == 1 and det.get_attribute("open") is None
                assert "Show answer" in det.locator("summary").inner_text()
        # no dead widgets, no execution errors, no raw text reprs of figures
        text = page.locator("main").inner_text()
        assert "Error displaying widget" not in text and "Traceback" not in text
        assert "FigureWidget(" not in text and "VBox(" not in text
        assert "$$" not in text and "\\frac" not in text, "LaTeX math left unconverted"
        # the code of a self-check holds its answer: hidden, only the collapsed answer is shown
        assert not SELF_CHECK_RE.search(text), "self-check code is visible next to its question"
        assert info_for(info, nb_path)["self_checks"] == n_checks
        assert page.locator("script[type='application/vnd.jupyter.widget-view+json']").count() == 0
        assert page.evaluate("typeof Plotly") == "object"
        # navigation: back to the index, and this notebook on Binder
        nav = page.locator("nav[aria-label='Site']")
        assert nav.locator("a[href='index.html']").count() == 1
        assert nav.locator(f"a[href$='urlpath=lab/tree/notebooks/{nb_path.name}']").count() == 1
        assert page.evaluate("document.documentElement.lang") == "en"
        assert remote == [], f"requests to other hosts: {remote}"
        # solution cells are not in the student-facing site
        ids = [
            c.get("id")
            for c in load_notebook(nb_path)["cells"]
            if "solution" in c.get("metadata", {}).get("tags", [])
        ]
        html = (out / (nb_path.stem + ".html")).read_text(encoding="utf-8")
        assert not [i for i in ids if i and f"cell-id={i}" in html]
        # nor the Colab install cell (the page needs no kernel, let alone Colab)
        assert "enable_custom_widget_manager" not in html
    finally:
        page.close()


@pytest.mark.browser
def test_index_lists_every_notebook_with_binder_link(site, browser):
    from helpers.routes import binder_url

    out, info = site
    assert [p["notebook"] for p in info["pages"]] == [p.name for p in NOTEBOOKS]
    assert json.loads((out / "build-info.json").read_text())["pages"]
    page, remote = open_page(browser, out / "index.html")
    try:
        for nb_path in NOTEBOOKS:
            link = page.locator(f"a[href='{nb_path.stem}.html']")
            assert link.count() == 1, nb_path.name
            binder = page.locator(f"a[href$='urlpath=lab/tree/notebooks/{nb_path.name}']")
            assert binder.count() == 1 and "Binder" in binder.inner_text()
            assert binder.get_attribute("href") == binder_url(
                nb_path.name
            )  # the one setting (helpers.routes)
        assert remote == []
    finally:
        page.close()


def _axe_serious(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(
        page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    )
    bad = [v for v in result.response["violations"] if v.get("impact") in ("serious", "critical")]
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])} node(s), e.g. "
        f"{v['nodes'][0]['target']} {v['nodes'][0].get('failureSummary', '')[:200]}"
        for v in bad
    ]


@pytest.mark.a11y
@pytest.mark.parametrize("name", PAGES)
def test_axe_no_serious_or_critical_violations(site, browser, name):
    out, _ = site
    page, remote = open_page(browser, out / name)
    try:
        if name != "index.html":
            _wait_ready(page)
            page.wait_for_function(
                "() => [...document.querySelectorAll('.tfl-plotly')].every(d => d.querySelector('svg.main-svg'))",
                timeout=30_000,
            )
        report = _axe_serious(page)
        assert not report, "\n".join(report)
        # and in another state of every explorer: every control at its last position
        if name != "index.html":
            for ex_name in page.evaluate("() => Object.keys(window.TFL.explorers)"):
                for c in page.evaluate("(n) => window.TFL.explorers[n].payload.controls", ex_name):
                    n = len(c["options"]) if c["kind"] != "range" else len(c["grids"][0])
                    _drive(page, ex_name, c["key"], c["kind"], n - 1)
            # and with feedback showing: the first option ticked (or nothing typed), checked
            buttons = page.locator(
                ".tfl-selfcheck button.tfl-check-button, .tfl-predict button.tfl-check-button"
            )
            for i in range(buttons.count()):
                box = buttons.nth(i).locator("xpath=..")
                if box.locator(".tfl-options input").count():
                    box.locator(".tfl-options input").first.check()
                buttons.nth(i).click()
            report = _axe_serious(page)
            assert not report, "after moving every control:\n" + "\n".join(report)
        assert remote == []
    finally:
        page.close()


# ------------------------------------------------------------------------------------------
# explorers in the page: states computed by the Python explorers, looked up by tfl-site.js
# ------------------------------------------------------------------------------------------
PAGE_FIGURE_JS = """(name) => {
  const ex = window.TFL.explorers[name];
  const plain = (v) => {
    if (ArrayBuffer.isView(v)) return Array.from(v);
    if (Array.isArray(v)) return v.map(plain);
    if (v && typeof v === 'object') { const o = {}; for (const k of Object.keys(v)) o[k] = plain(v[k]); return o; }
    return v;
  };
  const gd = ex.gd;
  const sec = ex.section;
  return {
    values: ex.values(),
    summary: ex.summary(),
    data: plain(gd.data),
    // the layout handed to plotly.js for this state (plotly.js rewrites e.g. autorange 'reversed'
    // in the object it was given); data: what plotly.js holds
    layout: plain(ex.figureAt(ex.state).layout),
    sameLayout: ex.drawn.layout === gd.layout || JSON.stringify(Object.keys(ex.drawn.layout).sort()) ===
      JSON.stringify(Object.keys(gd.layout).filter(k => k in ex.drawn.layout).sort()),
    describe: sec.querySelector('.tfl-readout .tfl-describe').textContent,
    cells: [...sec.querySelectorAll('.tfl-readout tbody tr')].map(r => [r.querySelector('th').textContent,
                                                                        r.querySelector('td').textContent]),
    controls: [...sec.querySelectorAll('.tfl-control')].map(c => c.className),
  };
}"""


def _decode(v):
    """Python figure JSON -> plain lists (plotly typed arrays decoded), for comparing with the page."""
    import base64

    import numpy as np

    if isinstance(v, dict) and "bdata" in v and "dtype" in v:
        return np.frombuffer(base64.b64decode(v["bdata"]), dtype="<" + v["dtype"]).tolist()
    if isinstance(v, dict):
        return {k: _decode(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_decode(x) for x in v]
    return v


def _same(a, b, path=()):
    """Deep equality; floats equal to 1e-12 relative (the page holds the same float64 bytes)."""
    if isinstance(a, dict):
        assert isinstance(b, dict), (path, a, b)
        for k in a:
            assert k in b, (path + (k,), "missing in the page")
            _same(a[k], b[k], path + (k,))
    elif isinstance(a, (list, tuple)):
        assert isinstance(b, (list, tuple)) and len(a) == len(b), (path, a, b)
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            _same(x, y, path + (i,))
    elif isinstance(a, float) or isinstance(b, float):
        assert a is not None and b is not None, (path, a, b)
        assert abs(a - b) <= 1e-12 * max(1.0, abs(a), abs(b)), (path, a, b)
    else:
        assert a == b, (path, a, b)


def compare_with_python(page, name):
    """The page's figure data, readout and summary equal the Python explorer's for the page's values."""
    from helpers.explorers import create
    from helpers.publish.site_states import figure_json

    got = page.evaluate(PAGE_FIGURE_JS, name)
    ex = create(name)
    ex.set(**got["values"])
    want = _decode(figure_json(ex))
    s = ex.summary()
    assert set(got["summary"]) == set(s)
    for k, v in s.items():
        _same(float(v), got["summary"][k], ("summary", k))
    assert got["sameLayout"]
    assert len(got["data"]) == len(want["data"])
    for i, tr in enumerate(want["data"]):
        # FigureWidget gives each trace a random uid per instance: the one thing not compared
        _same({k: v for k, v in tr.items() if k != "uid"}, got["data"][i], ("data", i))
    _same({k: v for k, v in want["layout"].items() if k not in ("template",)}, got["layout"], ("layout",))
    assert got["describe"] == ex.describe(s)
    assert got["cells"] == [
        [lab, f"{s[k]:{fmt}} {unit}".strip()] for k, (lab, unit, fmt) in ex.summary_labels.items()
    ]
    return got


def _explorers_on(site_info, nb_path):
    return list(info_for(site_info, nb_path)["explorers"])


def _wait_ready(page):
    page.wait_for_function("() => window.TFL && window.TFL.ready", timeout=30_000)
    page.evaluate("() => window.TFL.ready")


def _positions(n):
    return sorted({0, n // 2, n - 1})


def _drive(page, name, key, kind, position):
    """Move one control as a user does: keyboard for sliders' ends, fill for a middle position,
    select/check/click for choices; then wait until the page has redrawn."""
    sel = f"section.tfl-name-{name} .tfl-key-{key}"
    box = page.locator(sel)
    if kind == "range":
        inp = box.locator("input[type=range]")
        n = int(inp.get_attribute("max")) + 1
        if position == 0:
            inp.focus()
            page.keyboard.press("Home")
        elif position == n - 1:
            inp.focus()
            page.keyboard.press("End")
        else:
            inp.fill(str(position))
    elif kind == "bool":
        box.locator("input").set_checked(bool(position))
    elif box.evaluate("e => e.tagName") == "FIELDSET":
        box.locator("input[type=radio]").nth(position).check()
    else:
        box.locator("select").select_option(str(position))
    page.evaluate("(n) => window.Plotly && new Promise(r => requestAnimationFrame(() => r()))", name)


@pytest.mark.browser
@pytest.mark.parametrize("nb_path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_control_of_every_explorer_matches_python(site, browser, nb_path):
    """Every control of every explorer on the page, driven to at least three positions (all of a
    choice's options), shows the Python explorer's figure data, readout and summary()."""
    out, info = site
    names = _explorers_on(info, nb_path)
    assert len(names) == expected_counts(nb_path)[0]
    page, remote = open_page(browser, out / (nb_path.stem + ".html"))
    try:
        _wait_ready(page)
        for name in names:
            compare_with_python(page, name)  # the default state: the notebook's default
            payload = page.evaluate("(n) => window.TFL.explorers[n].payload.controls", name)
            for c in payload:
                n = len(c["options"]) if c["kind"] != "range" else len(c["grids"][0])
                positions = list(range(n)) if c["kind"] != "range" else _positions(n)
                assert len(positions) >= min(3, n)
                for pos in positions:
                    _drive(page, name, c["key"], c["kind"], pos)
                    got = compare_with_python(page, name)
                    if c["kind"] == "range":
                        assert page.locator(
                            f"section.tfl-name-{name} .tfl-key-{c['key']} input"
                        ).input_value() == str(
                            page.evaluate("([n, k]) => window.TFL.explorers[n].pos[k]", [name, c["key"]])
                        )
                    assert got["values"][c["key"]] is not None
        assert remote == [], f"requests to other hosts: {remote}"
    finally:
        page.close()


@pytest.mark.browser
def test_readout_announced_once_when_a_slider_settles(site, browser):
    out, info = site
    nb_path = next(p for p in NOTEBOOKS if "binding" in _explorers_on(info, p))
    page, remote = open_page(browser, out / (nb_path.stem + ".html"))
    try:
        _wait_ready(page)
        live = page.locator("section.tfl-name-binding .tfl-announce")
        assert live.get_attribute("role") == "status" and live.get_attribute("aria-live") == "polite"
        page.evaluate(
            """() => { window.__ann = 0; const el = document.querySelector('section.tfl-name-binding .tfl-announce');
                 new MutationObserver(() => window.__ann++).observe(el, {childList: true, characterData: true, subtree: true}); }"""
        )
        slider = page.locator("section.tfl-name-binding .tfl-key-igfbp3_nM input")
        slider.focus()
        page.keyboard.press("Home")
        for _ in range(3):
            page.keyboard.press("ArrowRight")
        # the visible readout follows every step; the live region has not spoken yet
        assert page.evaluate("() => window.__ann") == 0
        page.wait_for_function("() => window.__ann > 0", timeout=10_000)
        page.wait_for_timeout(1000)  # no second announcement of the same settle
        assert page.evaluate("() => window.__ann") == 1
        got = compare_with_python(page, "binding")
        assert live.inner_text() == got["describe"]
        assert remote == []
    finally:
        page.close()


@pytest.mark.browser
def test_figure_data_table_on_request(site, browser):
    """Under each explorer's figure a button shows the figure's data as tables (the live
    notebook's code, tfl-data-table.js); an open table follows the figure when a control moves;
    axe finds nothing in the open tables."""
    from axe_playwright_python.sync_playwright import Axe

    out, info = site
    nb_path = next(p for p in NOTEBOOKS if "diet_patterns" in _explorers_on(info, p))
    page, remote = open_page(browser, out / (nb_path.stem + ".html"))
    try:
        _wait_ready(page)
        n = len(_explorers_on(info, nb_path))
        assert page.locator("section.tfl-explorer .tfl-data > button").count() == n
        sec = page.locator("section.tfl-name-diet_patterns")
        button, region = sec.locator(".tfl-data > button"), sec.locator(".tfl-data > .tfl-data-tables")
        assert button.get_attribute("aria-expanded") == "false" and region.evaluate("r => r.hidden")
        button.focus()
        page.keyboard.press("Enter")
        page.wait_for_function("r => !r.hidden && r.querySelector('table')", arg=region.element_handle())
        assert button.get_attribute("aria-expanded") == "true"
        shown = (
            "r => [...r.querySelector('table').tBodies[0].rows].map(tr => Number(tr.cells[1].textContent))"
        )
        drawn = "() => Array.from(window.TFL.explorers.diet_patterns.gd.data[0].y)"
        before = region.evaluate(shown)
        assert before == pytest.approx(page.evaluate(drawn), rel=5e-4) and len(before) == 3
        sec.locator(".tfl-key-n_per_group input").focus()
        page.keyboard.press("ArrowRight")
        page.wait_for_function(
            f"([r, b]) => JSON.stringify(({shown})(r)) !== JSON.stringify(b)",
            arg=[region.element_handle(), before],
            timeout=10_000,
        )
        assert region.evaluate(shown) == pytest.approx(page.evaluate(drawn), rel=5e-4)
        opts = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
        bad = (
            Axe()
            .run(page, context={"include": [["section.tfl-explorer"]]}, options=opts)
            .response["violations"]
        )
        assert not bad, [f"{v['id']}: {[x['target'] for x in v['nodes']][:3]}" for v in bad]
        assert remote == []
    finally:
        page.close()


@pytest.mark.browser
@pytest.mark.parametrize("nb_path", NOTEBOOKS, ids=lambda p: p.name)
def test_phone_width_keyboard_and_focus(site, browser, nb_path):
    """At 375 px nothing scrolls sideways and figures fit; every control is reached with Tab,
    moved with the keyboard, and shows a visible focus outline."""
    out, info = site
    names = _explorers_on(info, nb_path)
    page, remote = open_page(browser, out / (nb_path.stem + ".html"))
    try:
        page.set_viewport_size({"width": 375, "height": 800})
        _wait_ready(page)
        page.wait_for_timeout(300)  # plotly's responsive resize runs on the window resize event
        wide = page.evaluate("() => document.documentElement.scrollWidth")
        assert wide <= 375, f"page is {wide} px wide at a 375 px viewport"
        for name in names:
            w = page.evaluate(
                "(n) => document.querySelector(`section.tfl-name-${n} .tfl-figure svg.main-svg`).getBoundingClientRect().right",
                name,
            )
            assert w <= 375, (name, w)
            first = page.locator(
                f"section.tfl-name-{name} .tfl-control input, section.tfl-name-{name} .tfl-control select"
            ).first
            first.focus()
            outline = first.evaluate(
                "e => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth"
            )
            assert not outline.startswith("none") and not outline.endswith(" 0px"), (name, outline)
            before = page.evaluate("(n) => window.TFL.explorers[n].state", name)
            kind = first.evaluate("e => e.type")
            at_end = first.evaluate("e => e.type === 'range' && Number(e.value) === Number(e.max)")
            page.keyboard.press(
                "Space"
                if kind == "checkbox"
                else "ArrowDown"
                if kind == "select-one"
                else "ArrowLeft"
                if at_end
                else "ArrowRight"
            )
            page.wait_for_function(f"() => window.TFL.explorers['{name}'].state !== {before}", timeout=5000)
        # Tab order reaches every control of every explorer
        n_controls = page.locator("section.tfl-explorer .tfl-control").count()
        page.evaluate("() => document.activeElement && document.activeElement.blur()")
        reached = set()
        for _ in range(400):
            page.keyboard.press("Tab")
            key = page.evaluate(
                "() => { const c = document.activeElement && document.activeElement.closest('.tfl-control');"
                " return c ? c.closest('section').dataset.tflExplorer + ':' + c.dataset.key : null; }"
            )
            if key:
                reached.add(key)
            if len(reached) == n_controls:
                break
        assert len(reached) == n_controls, (n_controls, sorted(reached))
        assert remote == []
    finally:
        page.close()


# ------------------------------------------------------------------------------------------
# self-checks and predictions graded in the page from the notebooks' question banks
# ------------------------------------------------------------------------------------------
def _banks():
    from helpers import selfcheck

    if not hasattr(selfcheck, "bank_paths"):
        return []
    return [json.loads(p.read_text(encoding="utf-8")) for p in selfcheck.bank_paths()]


def _responses(q):
    """Every option, every recorded mistake and typical slips for question ``q``."""
    if q["kind"] == "single":
        return [None] + [o["text"] for o in q["options"]]
    if q["kind"] == "multi":
        texts = [o["text"] for o in q["options"]]
        right = [o["text"] for o in q["options"] if o["correct"]]
        return (
            [[], right, texts, right[:-1]]
            + [[t] for t in texts]
            + [right + [t] for t in texts if t not in right]
        )
    a, tol = float(q["answer"]), float(q["tolerance"])
    out = [None, "", "abc", a, a + 0.9 * tol, a - 0.9 * tol, a + 3 * tol + 1, a - 3 * tol - 1]
    out += [
        a / 100,
        a * 100,
        a * 7.649,
        a / 7.649,
        a * 1000,
        a / 10,
        str(a).replace(".", ","),
        f"{a} {q.get('unit', '')}",
    ]
    out += ["−" + str(abs(a)) if a else "−1", f"{a}%", "1e3", "inf", "nan"]
    for m in q.get("mistakes", []):
        out += [m["value"], m["value"] * 1.004, str(m["value"])]
    return out


@pytest.mark.browser
def test_js_grading_equals_python_grade_for_every_option_and_mistake(site, browser):
    """tfl-site.js grades exactly as helpers.selfcheck.grade: the same Feedback (correct flag and
    message) for every option, every recorded mistake and common slips of every bank question;
    and compare_prediction for every option / a spread of numbers of every prediction."""
    from helpers import selfcheck
    from helpers.publish.site_checks import prediction_spec, question_spec

    banks = _banks()
    if not banks:
        pytest.skip("no question banks in this tree (helpers.selfcheck has no bank_paths)")
    out, _ = site
    page, remote = open_page(browser, out / (NOTEBOOKS[0].stem + ".html"))
    try:
        _wait_ready(page)
        n = 0
        for bank in banks:
            for raw in bank["questions"]:
                q = question_spec(raw["id"])
                for r in _responses(q):
                    want = selfcheck.grade(q, r)
                    got = page.evaluate("([q, r]) => window.TFL.grade(q, r)", [q, r])
                    assert (got["correct"], got["message"]) == (want.correct, want.message), (q["id"], r)
                    n += 1
                for misses in range(4):
                    assert page.evaluate(
                        "([q, m]) => window.TFL.hintFor(q, m)", [q, misses]
                    ) == selfcheck.hint_for(q, misses)
            for raw in bank.get("predictions", []):
                ps = prediction_spec(raw["id"])
                p, outcome = ps["spec"], ps["outcome"]
                if p["kind"] == "choice":
                    tries = [None] + [o["text"] for o in p["options"]]
                else:
                    lo, hi = p.get("min", 0.0), p.get("max", 100.0)
                    tries = [None, lo, hi, outcome["value"], (lo + hi) / 2, outcome["value"] * 1.05]
                for c in tries:
                    want = selfcheck.compare_prediction(p, c, outcome)
                    got = page.evaluate(
                        "([p, c, o]) => window.TFL.comparePrediction(p, c, o)", [p, c, outcome]
                    )
                    assert (got["correct"], got["message"]) == (want.correct, want.message), (p["id"], c)
                    n += 1
        assert n > 50
        assert remote == []
    finally:
        page.close()


def _answer(box, q, response):
    """Answer a self-check in the page as a student does (click/tick/type), then press Check."""
    if q["kind"] == "numeric":
        box.locator("input[type=text]").fill(str(response))
    else:
        chosen = response if isinstance(response, list) else [response]
        for i, o in enumerate(q["options"]):
            inp = box.locator("input").nth(i)
            if q["kind"] == "multi":
                inp.set_checked(o["text"] in chosen)
            elif o["text"] in chosen:
                inp.check()
    box.locator("button.tfl-check-button").click()
    return box.locator(".tfl-feedback").inner_text()


@pytest.mark.browser
@pytest.mark.parametrize("nb_path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_selfcheck_answered_right_and_wrong_on_the_site(site, browser, nb_path):
    """Every self-check on the page, answered wrong (a wrong option / a recorded mistake) and
    then right, shows the notebook's feedback (and a hint after the miss); every prediction,
    committed, shows the notebook's comparison with the model and appears beside its explorer."""
    from helpers import selfcheck
    from helpers.publish.site_checks import prediction_spec, question_spec

    if not _banks():
        pytest.skip("no question banks in this tree")
    out, _ = site
    page, remote = open_page(browser, out / (nb_path.stem + ".html"))
    try:
        _wait_ready(page)
        boxes = page.locator("[data-tfl-question]")
        for i in range(boxes.count()):
            box = boxes.nth(i)
            q = question_spec(box.get_attribute("data-tfl-question"))
            assert "Show answer" not in box.inner_text()  # nothing shows the key before an answer
            if q["kind"] == "single":
                wrong = next(o["text"] for o in q["options"] if not o["correct"])
                right = next(o["text"] for o in q["options"] if o["correct"])
            elif q["kind"] == "multi":
                right = [o["text"] for o in q["options"] if o["correct"]]
                wrong = [o["text"] for o in q["options"] if not o["correct"]][:1] or right[:-1]
            else:
                right = q["answer"]
                wrong = (
                    q["mistakes"][0]["value"]
                    if q.get("mistakes")
                    else float(q["answer"]) + 10 * float(q["tolerance"]) + 1
                )
            text = _answer(box, q, wrong)
            fb = selfcheck.grade(q, wrong)
            assert not fb.correct and "Not quite" in text and "✘" in text
            hint = selfcheck.hint_for(q, 1)
            if hint:
                assert "Hint:" in text
            text = _answer(box, q, right)
            fb = selfcheck.grade(q, right)
            assert fb.correct and text.startswith("✔") and "Correct —" in text
        preds = page.locator("div.tfl-predict[data-tfl-prediction]")
        for i in range(preds.count()):
            box = preds.nth(i)
            ps = prediction_spec(box.get_attribute("data-tfl-prediction"))
            p, outcome = ps["spec"], ps["outcome"]
            panel = page.locator(f".tfl-comparison[data-tfl-prediction='{p['id']}']")
            if p.get("explorer") and page.locator(f"section.tfl-name-{p['explorer']}").count():
                assert "not committed yet" in panel.inner_text()
            # committing nothing (or a number out of range) is refused, as in the notebook
            if p["kind"] != "choice":
                box.locator("input[type=text]").fill(str(p["max"] + abs(p["max"] - p["min"]) + 1))
            box.locator("button.tfl-check-button").click()
            assert "Not quite —" in box.locator(".tfl-feedback").inner_text()
            assert not box.locator("button.tfl-check-button").is_disabled()
            committed = p["options"][0]["text"] if p["kind"] == "choice" else p["min"]
            if p["kind"] == "choice":
                box.locator(".tfl-options input").first.check()
            else:
                box.locator("input[type=text]").fill(str(committed))
            box.locator("button.tfl-check-button").click()
            assert box.locator(".tfl-feedback").inner_text().startswith("✔ Committed:")
            assert box.locator("button.tfl-check-button").is_disabled()  # committed: it stays
            want = selfcheck.compare_prediction(p, committed, outcome)
            if panel.count():
                text = panel.inner_text()
                assert "Your prediction and the model." in text
                assert ("✔ " if want.correct else "✘ ") + want.message[:40] in text.replace("\n", " ")
                if (
                    page.evaluate("(n) => window.TFL.explorers[n].summary()", p["explorer"]).get(
                        p["compare"]["key"]
                    )
                    is not None
                ):
                    assert "Explorer now:" in text
        assert remote == []
    finally:
        page.close()


def test_site_budgets_page_data_and_whole_site(site):
    """Each page's own files (HTML + its data) <= 2 MB; the whole site <= 40 MB; plotly.js once."""
    out, info = site
    for p in info["pages"]:
        own = (out / p["page"]).stat().st_size + (out / p["data_file"]).stat().st_size
        assert own <= 2_000_000, (p["page"], own)
        assert p["data_bytes"] == (out / p["data_file"]).stat().st_size
    files = [f for f in out.rglob("*") if f.is_file()]
    assert sum(f.stat().st_size for f in files) <= 40_000_000
    assert [f.name for f in files if "plotly" in f.name] == ["plotly.min.js"]
    for p in info["pages"]:  # every page loads that one copy, and its own data file
        html = (out / p["page"]).read_text(encoding="utf-8")
        assert html.count('src="plotly.min.js"') == 1 and f'src="{p["data_file"]}"' in html
        assert not re.search(r"<script[^>]+src=[\"']https?:", html), "a script from another host"
