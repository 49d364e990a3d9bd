"""axe after Run All of every course notebook, tables with the keyboard, and each figure's data
as a table on request, in real JupyterLab (markers ``browser``, ``a11y``).

One JupyterLab server and one Chromium for the module (a temporary root holding copies of
notebooks/; the helpers package and its data come from the project's environment). Each notebook
is opened, run (Run All), checked and closed with its kernel shut down, so memory stays bounded.

* ``test_axe_after_run_all``: axe-core (WCAG 2.0/2.1 A and AA) on the whole page once the
  explorers' figures are drawn and every figure's data table is open; every violation node inside
  what the project renders (explorers with their data tables, self-checks, predictions,
  comparison panels, exercise checks, helpers.tables regions and filters, and the notebook's
  rendered Markdown tables) fails the test; JupyterLab's own violations are counted apart
  (upstream) and written with the rest to build/browser/a11y/<notebook>.json.
* ``test_wide_table_scrolls_with_the_keyboard``: notebook 02's IGFBP table (the notebook's own
  cell) at 1024×768 with the file browser open is wider than its column; Tab reaches its region,
  the arrow keys scroll it without reaching JupyterLab, and its focus outline is >= 3:1 in the
  light and dark themes.
* ``test_figure_data_table_on_request``: the disclosure button under a figure opens its data as
  tables that equal the model's figure (a shadow explorer in this process), also after a
  control change with the keyboard; closed, it is one tab stop; axe stays clean.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import pytest
from conftest import NOTEBOOK_DIR, ROOT, notebook_paths

sys.path.insert(0, str(Path(__file__).parent))
import labdriver  # noqa: E402
from test_selfcheck_keyboard import JS_NOTEBOOK, _contrast, _rgb  # noqa: E402

pytestmark = pytest.mark.browser

OUT = ROOT / "build" / "browser" / "a11y"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

#: what the project renders in a notebook page (axe counts these nodes as the project's)
PROJECT_NODES = (
    ".tfl-explorer",
    ".tfl-selfcheck",
    ".tfl-predict",
    ".tfl-comparison",
    ".tfl-exercise-check",
    ".tfl-table-scroll",
    ".tfl-table-filter",
    ".jp-RenderedMarkdown table",
    ".jp-RenderedHTML table",
)
PROJECT = ", ".join(PROJECT_NODES)

ASK_RE = re.compile(r"(?<![\w.])ask\(")
TABLE_RE = re.compile(r"\b(table_html|trophic_factor_filter)\(")
MD_TABLE_RE = re.compile(r"^\s*\|.*\|\s*\n\s*\|?\s*:?-{3,}", re.M)

DATA_BUTTON = ".tfl-data > button.tfl-data-toggle"
DATA_REGION = ".tfl-data > .tfl-data-tables"


def _expected(path: Path) -> dict:
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
    md = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]
    return {
        "explorers": labdriver.expected_explorers(path),
        "selfchecks": sum(len(ASK_RE.findall(c)) for c in code),
        "tables": sum(len(TABLE_RE.findall(c)) for c in code),
        "md_tables": sum(len(MD_TABLE_RE.findall(m)) for m in md),
    }


@pytest.fixture(scope="module")
def lab(chromium_path, playwright_session):
    """(server, browser context) shared by every test of this module."""
    work = Path(tempfile.mkdtemp(prefix="tfl-nb-a11y-"))
    server = labdriver.LabServer(work)
    shutil.copytree(
        NOTEBOOK_DIR, server.root / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints")
    )
    server.start()
    try:
        context = labdriver.launch_chromium(playwright_session, chromium_path, work / "chromium-profile")
        try:
            yield server, context
        finally:
            context.close()
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)


def _open_and_run(lab, rel: str, n_explorers: int, n_selfchecks: int = 0):
    server, context = lab
    page, log = labdriver.open_notebook(context, server, rel)
    labdriver.run_all(page)
    labdriver.wait_for_figures(page, n_explorers=n_explorers, timeout_s=180)
    # every explorer's toolbar, announcer and data-table button exist once its figure is drawn
    page.wait_for_function(
        """([n, k]) => document.querySelectorAll('.tfl-explorer .modebar[role=toolbar]').length === n
          && document.querySelectorAll('.tfl-explorer > .tfl-announce').length === n
          && document.querySelectorAll('.tfl-explorer .tfl-data > button').length === n
          && document.querySelectorAll('.tfl-selfcheck .tfl-box').length >= k""",
        arg=[n_explorers, n_selfchecks],
        timeout=120_000,
    )
    return page, log


def _close(page) -> None:
    labdriver.shutdown_kernel(page)
    page.close()


def _axe(page, context=None) -> list[dict]:
    from axe_playwright_python.sync_playwright import Axe

    opts = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    result = Axe().run(page, context=context, options=opts) if context else Axe().run(page, options=opts)
    return result.response["violations"]


#: for each axe node target (a CSS selector; a list of them for nodes in shadow roots), whether the
#: node is one the project renders
JS_IS_PROJECT = """([targets, sel]) => targets.map(t => {
  let root = document, el = null;
  for (const s of [].concat(t)) { el = root.querySelector(s); if (!el) return null; root = el.shadowRoot || el; }
  return !!(el && el.closest(sel));
})"""


def _split(page, violations: list[dict], examples: dict | None = None) -> tuple[list[str], dict]:
    """Project violations (one line per node) and upstream ones ({rule: node count}); the first
    upstream nodes of each rule go to ``examples`` ({rule: [target and HTML]})."""
    ours, upstream = [], {}
    examples = {} if examples is None else examples
    for v in violations:
        targets = [n["target"] for n in v["nodes"]]
        flags = page.evaluate(JS_IS_PROJECT, [targets, PROJECT])
        for n, mine in zip(v["nodes"], flags, strict=True):
            if mine is None or mine:  # a node that cannot be found again is not assumed upstream
                ours.append(f"{v['id']} ({v['impact']}): {v['help']}; {n['target']}: {n['html'][:160]}")
            else:
                key = f"{v['id']} ({v['impact']})"
                upstream[key] = upstream.get(key, 0) + 1
                if len(examples.setdefault(key, [])) < 3:
                    examples[key].append(f"{n['target']}: {n['html'][:200]}")
    return ours, upstream


JS_OPEN_DATA_TABLES = f"""() => {{
  const bs = [...document.querySelectorAll('.tfl-explorer {DATA_BUTTON}')];
  bs.forEach(b => {{ if (b.getAttribute('aria-expanded') !== 'true') b.click(); }});
  return bs.length; }}"""

JS_COUNTS = """sel => Object.fromEntries(sel.map(s => [s, document.querySelectorAll(s).length]))"""


@pytest.mark.a11y
@pytest.mark.parametrize("path", notebook_paths(), ids=lambda p: p.name)
def test_axe_after_run_all(lab, path):
    want = _expected(path)
    t0 = time.perf_counter()
    page, log = _open_and_run(lab, f"notebooks/{path.name}", len(want["explorers"]), want["selfchecks"])
    try:
        # static plotly outputs are drawn by JupyterLab's plotly renderer, apart from the explorers
        # (wait_for_figures counts only the figures already in the page): wait for all of them
        n_static = len(page.evaluate(labdriver.JS_MODEL_OUTPUTS)["plotly_static"])
        try:
            page.wait_for_function(
                "n => [...document.querySelectorAll('.jp-OutputArea .js-plotly-plot')]"
                ".filter(g => g.querySelector('svg.main-svg')).length >= n",
                arg=n_static + len(want["explorers"]),
                timeout=120_000,
            )
        except Exception:  # reported by page_problems, with what is missing
            pass
        problems, _ = labdriver.page_problems(page, log, want["explorers"])
        assert not problems, f"{path.name} did not run cleanly:\n- " + "\n- ".join(problems)
        # every figure's data as a table, open, so that axe checks the tables too
        assert page.evaluate(JS_OPEN_DATA_TABLES) == len(want["explorers"])
        page.wait_for_function(
            f"""n => [...document.querySelectorAll('.tfl-explorer {DATA_REGION}')]
              .filter(r => !r.hidden && r.querySelector('table')).length === n""",
            arg=len(want["explorers"]),
            timeout=30_000,
        )
        counts = page.evaluate(JS_COUNTS, list(PROJECT_NODES))
        # not vacuous: what the notebook makes is in the page
        assert counts[".tfl-explorer"] == len(want["explorers"]), counts
        assert counts[".tfl-selfcheck"] >= want["selfchecks"], counts
        assert counts[".tfl-table-scroll"] >= want["tables"], counts
        assert counts[".jp-RenderedMarkdown table"] >= want["md_tables"], counts
        t1 = time.perf_counter()
        examples: dict = {}
        ours, upstream = _split(page, _axe(page), examples)
        summary = {
            "notebook": path.name,
            "project_nodes": counts,
            "project_violations": ours,
            "upstream_violations": upstream,
            "upstream_examples": examples,
            "run_s": round(t1 - t0, 1),
            "axe_s": round(time.perf_counter() - t1, 1),
        }
        OUT.mkdir(parents=True, exist_ok=True)
        (OUT / f"{path.stem}.json").write_text(json.dumps(summary, indent=1))
        print(
            f"\n{path.name}: upstream (JupyterLab) violations {upstream}; times {summary['run_s']} s, "
            f"axe {summary['axe_s']} s"
        )
        assert not ours, f"{path.name}: axe violations in the project's nodes:\n" + "\n".join(ours)
        assert not log.page_errors, log.page_errors
    finally:
        _close(page)


# ---------------------------------------------------------------------------------------------
# a wide table with the keyboard
# ---------------------------------------------------------------------------------------------
def _igfbp_table_notebook() -> nbformat.NotebookNode:
    """The cells of notebook 02 that make its IGFBP table (taken from the notebook itself)."""
    src = nbformat.read(NOTEBOOK_DIR / "02_binding_proteins.ipynb", as_version=4)
    cells = [c for c in src.cells if c.cell_type == "code"]
    (table,) = [c for c in cells if "igfbp_family" in c.source and "table_html" in c.source]
    setup = next(c for c in cells if "from helpers.tables import" in c.source)
    nb = nbformat.v4.new_notebook(metadata=src.metadata)
    nb.cells = [
        nbformat.v4.new_markdown_cell("# The IGFBP table of notebook 02"),
        nbformat.v4.new_code_cell(setup.source),
        nbformat.v4.new_code_cell(table.source),
    ]
    return nb


JS_FOCUS = """() => { const e = document.activeElement; const s = getComputedStyle(e);
  let bg = 'rgb(255, 255, 255)', n = e;
  while (n) { const c = getComputedStyle(n).backgroundColor;
    if (c && c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') { bg = c; break; } n = n.parentElement; }
  return {cls: String(e.className), width: s.outlineWidth, style: s.outlineStyle, color: s.outlineColor, bg}; }"""


def _outline_ok(style: dict) -> float:
    assert style["width"] == "3px" and style["style"] == "solid", style
    return _contrast(_rgb(style["color"]), _rgb(style["bg"]))


@pytest.mark.a11y
def test_wide_table_scrolls_with_the_keyboard(lab):
    server, _ = lab
    nbformat.write(_igfbp_table_notebook(), server.root / "igfbp_table.ipynb")
    page, log = _open_and_run(lab, "igfbp_table.ipynb", 0)
    size = page.viewport_size
    try:
        region = page.locator(".tfl-table-scroll").first
        region.wait_for(timeout=30_000)
        attrs = region.evaluate(
            "r => ({role: r.getAttribute('role'), label: r.getAttribute('aria-label'), tab: r.tabIndex,"
            " caption: r.querySelector('caption') && r.querySelector('caption').textContent})"
        )
        assert attrs["role"] == "region" and attrs["tab"] == 0, attrs
        assert attrs["label"] and attrs["label"] == attrs["caption"], attrs
        page.set_viewport_size({"width": 1024, "height": 768})
        page.evaluate("() => window.jupyterapp.commands.execute('filebrowser:activate')")
        page.wait_for_function("() => !window.jupyterapp.shell.leftCollapsed", timeout=30_000)
        page.wait_for_function(
            "r => r.scrollWidth > r.clientWidth + 20", arg=region.element_handle(), timeout=10_000
        )
        wide = region.evaluate("r => ({scroll: r.scrollWidth, client: r.clientWidth})")
        print("\nIGFBP table at 1024x768 with the file browser open:", wide)
        # the region scrolls, not the output area around it (nothing is cut off out of reach)
        assert region.evaluate(
            "r => r.closest('.jp-OutputArea-output').scrollWidth <= r.closest('.jp-OutputArea-output').clientWidth + 1"
        )
        # in the tab order: Tab leaves it forwards and Shift+Tab comes back to it (the table's
        # cell is the last one, so no code editor lies in between)
        region.focus()
        page.keyboard.press("Tab")
        assert region.evaluate("r => document.activeElement !== r")
        page.keyboard.press("Shift+Tab")
        assert region.evaluate("r => document.activeElement === r"), page.evaluate(JS_FOCUS)
        assert _outline_ok(page.evaluate(JS_FOCUS)) >= 3
        before = page.evaluate(JS_NOTEBOOK)
        for _ in range(6):
            page.keyboard.press("ArrowRight")
        page.wait_for_function("r => r.scrollLeft > 0", arg=region.element_handle(), timeout=5_000)
        for key in ("ArrowDown", "ArrowUp", "End"):
            page.keyboard.press(key)
        after = page.evaluate(JS_NOTEBOOK)
        assert (after["active"], after["cells"]) == (before["active"], before["cells"]), (
            "the key reached JupyterLab"
        )
        assert region.evaluate("r => document.activeElement === r")
        labdriver.set_theme(page, dark=True)
        try:
            style = page.evaluate(JS_FOCUS)
            assert _rgb(style["bg"]) == (17, 17, 17), style  # JupyterLab Dark's #111111
            assert _outline_ok(style) >= 3, style
        finally:
            labdriver.set_theme(page, dark=False)
        assert not log.page_errors, log.page_errors
    finally:
        page.set_viewport_size(size)
        _close(page)


# ---------------------------------------------------------------------------------------------
# the figure's data as a table, on request
# ---------------------------------------------------------------------------------------------
DATA_NB = "data_table.ipynb"
#: error bars and categories (diet_patterns); hundreds of points, a dropdown (fasting); a diagram
#: on hidden axes (signalling)
DATA_NAMES = ("diet_patterns", "fasting", "signalling")

JS_TABLES = """region => [...region.querySelectorAll('table')].map(t => ({
  caption: t.caption ? t.caption.textContent : '',
  head: [...t.tHead.rows[0].cells].map(c => c.textContent),
  rows: [...t.tBodies[0].rows].map(r => [...r.cells].map(c => c.textContent))}))"""

JS_TAB_STOPS = """root => [...root.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
  .filter(e => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length > 0).length"""


def _cell(v) -> str:
    """What the table shows for a value (4 significant digits, integers exact, HTML stripped)."""
    if isinstance(v, str):
        return " ".join(re.sub(r"<[^>]*>", "", re.sub(r"<br\s*/?>", " ", v)).split())
    v = float(v)
    if v == int(v):
        return str(int(v))
    return f"{float(f'{v:.4g}'):g}" if abs(v) >= 1e-4 else f"{v:.4g}"


def _close_enough(shown: str, expected) -> bool:
    if isinstance(expected, str):
        return shown == _cell(expected)
    try:
        return abs(float(shown) - float(expected)) <= 5e-4 * max(abs(float(expected)), 1e-12)
    except ValueError:
        return False


def _gap(v) -> bool:
    return v is None or (isinstance(v, float) and v != v)


def _expected_tables(fig) -> list[dict]:
    """The tables the figure's data should give: from the shadow explorer's figure in Python."""
    out = []
    lay = fig.layout
    for t in fig.data:
        xs = list(t.x) if t.x is not None else []
        ys = list(t.y) if t.y is not None else []
        if t.visible is False or not (xs or ys):
            continue
        xa = lay["xaxis" + (t.xaxis or "x")[1:]]
        ya = lay["yaxis" + (t.yaxis or "y")[1:]]
        if xa.visible is False and ya.visible is False:
            # a diagram: only its labelled steps (text with hover text) are listed, one row each
            if (
                t.text is not None
                and getattr(t, "hovertext", None) is not None
                and not isinstance(t.text, str)
            ):
                cols = [list(t.text), list(t.hovertext)]
                out.append({"name": t.name, "n": len(cols[0]), "cols": cols, "unit": "step"})
            continue
        cols = [xs, ys]
        if getattr(t, "orientation", None) == "h":
            cols = [ys, xs]
        if t.error_y is not None and t.error_y.array is not None and t.error_y.visible is not False:
            up = list(t.error_y.array)
            down = list(t.error_y.arrayminus) if t.error_y.arrayminus is not None else up
            cols += [
                [y - d for y, d in zip(ys, down, strict=True)],
                [y + u for y, u in zip(ys, up, strict=True)],
            ]
        # a gap (None or NaN in x or y) breaks a line; it is not a point of the table
        n = max(len(xs), len(ys))
        xs_, ys_ = (xs or list(range(n))), (ys or list(range(n)))
        keep = [i for i in range(n) if not (_gap(xs_[i]) or _gap(ys_[i]))]
        cols = [[c[i] for i in keep] for c in cols]
        out.append({"name": t.name, "n": len(keep), "cols": cols, "unit": "point"})
    return out


def _check_tables_match(shown: list[dict], fig) -> None:
    expected = _expected_tables(fig)
    assert [s["caption"].rsplit(" (", 1)[0] for s in shown] == [e["name"] for e in expected], (
        [s["caption"] for s in shown],
        [e["name"] for e in expected],
    )
    for s, e in zip(shown, expected, strict=True):
        assert len(s["rows"]) == e["n"] and s["caption"].endswith(
            f"({e['n']} {e['unit']}{'s' * (e['n'] != 1)})"
        ), (
            s["caption"],
            len(s["rows"]),
            e["n"],
        )
        for k, col in enumerate(e["cols"]):
            for i, v in enumerate(col):
                assert _close_enough(s["rows"][i][k], v), (s["caption"], s["head"][k], i, s["rows"][i][k], v)


@pytest.mark.a11y
def test_figure_data_table_on_request(lab):
    server, _ = lab
    nb = nbformat.v4.new_notebook(
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
    )
    nb.cells = [
        nbformat.v4.new_markdown_cell("# The figures' data as tables"),
        nbformat.v4.new_code_cell("from helpers.explorers import create"),
        *[nbformat.v4.new_code_cell(f'create("{n}")') for n in DATA_NAMES],
    ]
    nbformat.write(nb, server.root / DATA_NB)
    page, log = _open_and_run(lab, DATA_NB, len(DATA_NAMES))
    try:
        from helpers.explorers import create

        ex = page.locator(".tfl-name-diet_patterns")
        box = ex.locator(".tfl-data")
        button, region = ex.locator(DATA_BUTTON), ex.locator(DATA_REGION)
        # closed: one tab stop (the button), after the figure and its text description
        assert button.inner_text() == "Show the figure's data as a table"
        assert button.get_attribute("aria-expanded") == "false"
        assert button.get_attribute("aria-controls") == region.get_attribute("id")
        assert region.evaluate("r => r.hidden") and box.evaluate(JS_TAB_STOPS) == 1
        order = ex.evaluate(
            "e => { const f = e.querySelector('.tfl-figure'), d = e.querySelector('.tfl-data'),"
            " r = e.querySelector('.tfl-readout');"
            " return [f.compareDocumentPosition(r) & 4, r.compareDocumentPosition(d) & 4]; }"
        )
        assert order == [4, 4], "the button must follow the figure and its readout"
        # from the figure's toolbar, Tab reaches the button; Enter opens the tables
        ex.locator(".tfl-figure .modebar-btn[tabindex='0']").focus()
        page.keyboard.press("Tab")
        assert button.evaluate("b => document.activeElement === b"), page.evaluate(JS_FOCUS)
        assert _outline_ok(page.evaluate(JS_FOCUS)) >= 3
        before = page.evaluate(JS_NOTEBOOK)
        page.keyboard.press("Enter")
        page.wait_for_function("r => !r.hidden && r.querySelector('table')", arg=region.element_handle())
        assert button.get_attribute("aria-expanded") == "true"
        assert button.inner_text() == "Hide the figure's data table"
        after = page.evaluate(JS_NOTEBOOK)
        assert (after["active"], after["mode"]) == (before["active"], before["mode"]), (
            "Enter reached JupyterLab"
        )
        shadow = create("diet_patterns")
        title = re.sub(r"<[^>]*>", " ", shadow.figure.layout.title.text)
        assert region.get_attribute("role") == "region"
        assert region.get_attribute("aria-label") == "Data of the figure: " + " ".join(title.split())
        shown = region.evaluate(JS_TABLES)
        assert shown[0]["head"] == [
            "Diet pattern",
            "Serum IGF-1 (ng/mL)",
            "Serum IGF-1 (ng/mL), error bar low",
            "Serum IGF-1 (ng/mL), error bar high",
        ], shown[0]["head"]
        _check_tables_match(shown, shadow.figure)
        # a control change with the keyboard: the open table follows the figure
        old = shown
        n0 = shadow.values()["n_per_group"]
        rev = ex.locator(".tfl-figure").get_attribute("data-tfl-revision")
        ex.locator(".tfl-key-n_per_group [role=slider]").focus()
        for _ in range(3):
            page.keyboard.press("ArrowRight")
        shadow.set(n_per_group=n0 + 3)
        page.wait_for_function(
            "([r, rev]) => r.dataset.tflRevision !== rev",
            arg=[ex.locator(".tfl-figure").element_handle(), rev],
        )

        def settled():
            try:
                _check_tables_match(region.evaluate(JS_TABLES), shadow.figure)
                return True
            except AssertionError:
                return False

        deadline = time.time() + 30
        while not settled() and time.time() < deadline:
            time.sleep(0.2)
        shown = region.evaluate(JS_TABLES)
        _check_tables_match(shown, shadow.figure)
        assert shown != old, "the control change did not change the table"
        # the open region is one more tab stop, scrolls with the keyboard and shows its focus
        fasting = page.locator(".tfl-name-fasting")
        fbutton, fregion = fasting.locator(DATA_BUTTON), fasting.locator(DATA_REGION)
        fbutton.focus()
        page.keyboard.press("Space")
        page.wait_for_function("r => !r.hidden && r.querySelector('table')", arg=fregion.element_handle())
        f_shadow = create("fasting")
        _check_tables_match(fregion.evaluate(JS_TABLES), f_shadow.figure)
        assert fasting.locator(".tfl-data").evaluate(JS_TAB_STOPS) == 2
        assert fregion.evaluate("r => r.scrollHeight > r.clientHeight"), (
            "hundreds of rows scroll in the region"
        )
        page.keyboard.press("Tab")
        assert fregion.evaluate("r => document.activeElement === r"), page.evaluate(JS_FOCUS)
        assert _outline_ok(page.evaluate(JS_FOCUS)) >= 3
        before = page.evaluate(JS_NOTEBOOK)
        page.keyboard.press("PageDown")
        page.keyboard.press("ArrowDown")
        page.wait_for_function("r => r.scrollTop > 0", arg=fregion.element_handle(), timeout=5_000)
        after = page.evaluate(JS_NOTEBOOK)
        assert (after["active"], after["cells"]) == (before["active"], before["cells"]), (
            "a key reached JupyterLab"
        )
        # the diagram on hidden axes: its arrows and state marks are named, not tabulated; its
        # steps are listed with their hover text (what each step goes through, why its state)
        sig = page.locator(".tfl-name-signalling")
        sig.locator(DATA_BUTTON).click()
        sregion = sig.locator(DATA_REGION)
        page.wait_for_function("r => !r.hidden && r.querySelector('table')", arg=sregion.element_handle())
        assert "Not tabulated (a diagram without axes" in sregion.inner_text()
        _check_tables_match(sregion.evaluate(JS_TABLES), create("signalling").figure)
        steps = next(x for x in sregion.evaluate(JS_TABLES) if x["caption"].startswith("Pathway steps"))
        assert steps["head"] == ["Step and state", "Details (hover text)"] and len(steps["rows"]) == 10
        assert any("S6K1" in r[1] and "4E-BP1" in r[1] for r in steps["rows"]), steps["rows"]
        # axe stays clean with the tables open
        bad = _axe(page, {"include": [[".tfl-explorer"]]})
        assert not bad, [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in bad]
        # test of the test: a nameless button put into an explorer counts as the project's
        page.evaluate(
            "() => document.querySelector('.tfl-name-signalling .tfl-readout')"
            ".insertAdjacentHTML('beforeend', '<button class=\"tfl-test-bad\"></button>')"
        )
        try:
            ours, upstream = _split(page, _axe(page))
            assert any(o.startswith("button-name") and "tfl-test-bad" in o for o in ours), ours
            assert not any("tfl-test-bad" in o for o in ours if not o.startswith("button-name")), ours
        finally:
            page.evaluate("() => document.querySelector('.tfl-test-bad').remove()")
        # Space on the button closes it again: one tab stop, nothing left in the page
        button.focus()
        page.keyboard.press("Space")
        page.wait_for_function("r => r.hidden", arg=region.element_handle())
        assert button.get_attribute("aria-expanded") == "false" and box.evaluate(JS_TAB_STOPS) == 1
        assert region.evaluate("r => r.querySelectorAll('table').length") == 0
        assert not log.page_errors, log.page_errors
    finally:
        _close(page)
