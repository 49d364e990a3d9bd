"""The static site (`make site`) in headless Chromium, opened from file:// with the network cut off.

* every page renders its plotly figures (svg.main-svg) from the bundled plotly.js, each explorer
  shows its static fallback figure with a text description, each self-check its question and a
  collapsed answer, and no request goes to anything but file:// (marker ``browser``);
* axe-core (bundled by axe-playwright-python) finds no serious or critical WCAG 2.0/2.1 A/AA
  violation on any page (marker ``a11y``).

The site is built once per test session (it executes every notebook) into a temporary folder;
pages are parametrised by the notebooks found in notebooks/, so new notebooks are covered.
Without Chromium these tests skip (fail under CI=true), see conftest.chromium_path.
"""

from __future__ import annotations

import json
import re
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
        n_figs = page.locator("figure.tfl-figure").count()
        assert n_figs >= n_explorers
        if n_figs:
            page.wait_for_function(
                "() => [...document.querySelectorAll('figure.tfl-figure .tfl-plotly')]"
                ".every(d => d.querySelector('svg.main-svg'))",
                timeout=30_000,
            )
        # every explorer shows its fallback figure captioned with its text description
        captions = page.locator("figure.tfl-figure figcaption").all_inner_texts()
        assert len(captions) == n_explorers, captions
        assert all("static view" in c and len(c.split()) >= 8 for c in captions), captions
        # self-checks: question + a collapsed answer
        checks = page.locator(".tfl-selfcheck")
        assert checks.count() == n_checks
        for i in range(n_checks):
            det = checks.nth(i).locator("details")
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
    finally:
        page.close()


@pytest.mark.browser
def test_index_lists_every_notebook_with_binder_link(site, browser):
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
            assert binder.get_attribute("href").startswith(
                "https://mybinder.org/v2/gh/trophic-factors-lab/trophic-factors-lab/HEAD?"
            )
        assert remote == []
    finally:
        page.close()


@pytest.mark.a11y
@pytest.mark.parametrize("name", PAGES)
def test_axe_no_serious_or_critical_violations(site, browser, name):
    from axe_playwright_python.sync_playwright import Axe

    out, _ = site
    page, remote = open_page(browser, out / name)
    try:
        if page.locator("figure.tfl-figure").count():
            page.wait_for_function(
                "() => [...document.querySelectorAll('.tfl-plotly')].every(d => d.querySelector('svg.main-svg'))",
                timeout=30_000,
            )
        result = Axe().run(
            page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
        )
        bad = [v for v in result.response["violations"] if v.get("impact") in ("serious", "critical")]
        report = [
            f"{v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])} node(s), e.g. "
            f"{v['nodes'][0]['target']} {v['nodes'][0].get('failureSummary', '')[:200]}"
            for v in bad
        ]
        assert not bad, "\n".join(report)
        assert remote == []
    finally:
        page.close()
