"""Explorer layout in live JupyterLab at 1024×768 with the file browser open (marker ``browser``).

One server, one page, one notebook that creates every explorer of ``helpers.explorers.REGISTRY``.

* **768 px height**: each explorer, scrolled to the top of the notebook's scrollable area, shows its
  title, every control, the whole figure and the first line of its readout inside that area
  (the PlotView lowers a figure to what the area leaves under the controls, never below
  ``MIN_FIGURE_HEIGHT``). The readout's first line is what is checked: the readouts are
  50–90 words plus a table, more than any 768 px window can show beside a figure.
* **No overlapping or clipped text** in sweep states: for every explorer the default, every
  option of every choice, the low end, middle and high end of every slider (one control at a
  time, from the defaults), all controls at their low ends and at their high ends, and for
  ``signalling`` every combination of the three blockers at low, default and high IGF-1, set in
  the kernel with ``set(**values)`` and drawn by the page. In each state's SVG no two texts
  (title, axis titles, tick labels, legend, annotations, trace and bar texts) overlap by more than
  ``OVERLAP_PX`` in both directions, no text leaves the figure's box or the clip area it is drawn
  in, and no label placed on the data (annotations, trace texts) lies on a plotted line.

Live JupyterLab rather than the static site: the notebook column at 1024 px with the file browser
open (592 px) and the heights the PlotView fits are where labels collide; the site page is wider.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import pytest

sys.path.insert(0, str(Path(__file__).parent))
import labdriver  # noqa: E402

from helpers.explorers import REGISTRY  # noqa: E402
from helpers.explorers.base import allowed_values  # noqa: E402
from helpers.publish.site_states import slider_grid  # noqa: E402

pytestmark = pytest.mark.browser

NB = "explorer_layout.ipynb"
NAMES = sorted(REGISTRY)
WINDOW = {"width": 1024, "height": 768}
#: two texts may touch (their boxes include the font's line gap), not overlap by more than this
OVERLAP_PX = 2.0
#: a label's box, shrunk by this, must not contain a point of a plotted line
ON_LINE_INSET_PX = 2.0


def _notebook() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook(
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
    )
    cells = [
        nbformat.v4.new_markdown_cell("# Layout test of every explorer"),
        nbformat.v4.new_code_cell("from helpers.explorers import create\nEX, DEF = {}, {}"),
    ]
    for n in NAMES:
        cells.append(
            nbformat.v4.new_code_cell(
                f'EX["{n}"] = create("{n}")\nDEF["{n}"] = EX["{n}"].values()\nEX["{n}"]'
            )
        )
    # room below the last explorer, so that it too can be scrolled to the top of the area
    cells.append(nbformat.v4.new_markdown_cell("End of the layout test notebook.\n\n" + "&nbsp;\n\n" * 40))
    nb.cells = cells
    return nb


#: the notebook's scrollable area (JupyterLab 4's windowed panel)
JS_AREA = """el => el.closest('.jp-WindowedPanel-outer')"""

JS_SETTLED = """() => [...document.querySelectorAll('.tfl-explorer .tfl-figure')].map(gd => {
  const svg = gd.querySelector('svg.main-svg');
  return svg ? `${gd.dataset.tflHeight}:${Math.round(svg.getBoundingClientRect().height)}:${Math.round(svg.getBoundingClientRect().width)}` : 'none'; }).join(',')"""


def _wait_settled(page, timeout_s: float = 60) -> None:
    """Wait until every figure has the height the PlotView fitted and nothing moves for 1 s."""
    t0, last, since = time.time(), None, time.time()
    while time.time() - t0 < timeout_s:
        now = page.evaluate(JS_SETTLED)
        ok = (
            all(p != "none" and p.split(":")[0] == p.split(":")[1] for p in now.split(","))
            and now.count(",") == len(NAMES) - 1
        )
        if now != last or not ok:
            last, since = now, time.time()
        elif time.time() - since > 1.0:
            return
        time.sleep(0.2)
    raise AssertionError(f"figures did not settle: {last}")


@pytest.fixture(scope="module")
def page(chromium_path, playwright_session):
    work = Path(tempfile.mkdtemp(prefix="tfl-explorer-layout-"))
    server = labdriver.LabServer(work)
    nbformat.write(_notebook(), server.root / NB)
    server.start()
    context = labdriver.launch_chromium(playwright_session, chromium_path, work / "chromium-profile")
    try:
        pg, log = labdriver.open_notebook(context, server, NB)
        pg.set_viewport_size(WINDOW)
        pg.evaluate("() => window.jupyterapp.commands.execute('filebrowser:activate')")
        pg.wait_for_function("() => !window.jupyterapp.shell.leftCollapsed", timeout=30_000)
        labdriver.run_all(pg)
        labdriver.wait_for_figures(pg, n_explorers=len(NAMES), timeout_s=180)
        # (a figure whose fitted height changes is drawn anew: plotly replaces its SVG meanwhile)
        _wait_settled(pg, timeout_s=120)
        problems, _ = labdriver.page_problems(pg, log, NAMES)
        assert not problems, (problems, log.page_errors)
        yield pg
        assert not log.page_errors, log.page_errors
    finally:
        context.close()
        server.stop()
        shutil.rmtree(work, ignore_errors=True)


JS_LAYOUT = f"""name => {{
  const root = document.querySelector('.tfl-explorer.tfl-name-' + name);
  const area = ({JS_AREA})(root);
  root.scrollIntoView({{block: 'start'}});
  const a = area.getBoundingClientRect();
  const box = r => ({{top: r.top, bottom: r.bottom, left: r.left, right: r.right}});
  const readout = root.querySelector('.tfl-readout');
  const first = readout.querySelector('p') || readout;
  const walker = document.createTreeWalker(first, NodeFilter.SHOW_TEXT);
  let node = walker.nextNode(); while (node && !node.textContent.trim()) node = walker.nextNode();
  const range = document.createRange(); range.selectNodeContents(node);
  const line = range.getClientRects()[0];
  const gd = root.querySelector('.tfl-figure');
  return {{
    area: {{top: a.top, bottom: Math.min(a.bottom, window.innerHeight), height: area.clientHeight,
            left: a.left, right: a.right}},
    explorer_top: root.getBoundingClientRect().top,
    title: box(root.firstElementChild.getBoundingClientRect()),
    controls: [...root.querySelectorAll('.tfl-control')].map(c => box(c.getBoundingClientRect())),
    figure: box(gd.querySelector('svg.main-svg').getBoundingClientRect()),
    figure_height: Number(gd.dataset.tflHeight),
    readout_first_line: box(line),
  }};
}}"""


def _inside(b, area, name, what):
    assert b["top"] >= area["top"] - 1 and b["bottom"] <= area["bottom"] + 1, (
        f"{name}: {what} spans {b['top']:.0f}–{b['bottom']:.0f} px, outside the visible notebook area "
        f"{area['top']:.0f}–{area['bottom']:.0f} px"
    )
    assert b["left"] >= area["left"] - 1 and b["right"] <= area["right"] + 1, (name, what, b, area)


def test_every_explorer_fits_a_768_px_window_with_its_controls_figure_and_readout(page):
    from helpers.explorers._plotview import MIN_FIGURE_HEIGHT

    report = {}
    for name in NAMES:
        m = page.evaluate(JS_LAYOUT, name)
        area = m["area"]
        assert abs(m["explorer_top"] - area["top"]) <= 2, f"{name} could not be scrolled to the top: {m}"
        _inside(m["title"], area, name, "the title")
        assert m["controls"], name
        for i, c in enumerate(m["controls"]):
            _inside(c, area, name, f"control {i}")
        _inside(m["figure"], area, name, "the figure")
        _inside(m["readout_first_line"], area, name, "the readout's first line")
        assert m["figure_height"] >= MIN_FIGURE_HEIGHT, (name, m)
        report[name] = (round(m["figure_height"]), round(area["height"]))
    print("figure height, notebook area height (px) at 1024x768 with the file browser open:", report)


# ------------------------------------------------------------------------------------------------
# sweep states: no overlapping, clipped or on-the-line text
# ------------------------------------------------------------------------------------------------
def _grid(w) -> list:
    kind = allowed_values(w)
    if kind[0] == "range":
        return [float(v) if isinstance(v, float) else v for v in slider_grid(w, 3)]  # low, middle, high
    if kind[0] == "options":
        return list(kind[1])
    return [False, True]


def _ends(name: str, end: int) -> dict:
    """Every control at its low (end=0) or high (end=-1) end; choices first, as set() applies them
    (a unit switch rescales a slider), then the sliders' ends in the ranges they then have."""
    ex = REGISTRY[name]()
    choices = {k: _grid(w)[end] for k, w in ex.controls.items() if allowed_values(w)[0] != "range"}
    if choices:
        ex.set(**choices)
    numbers = {k: _grid(w)[end] for k, w in ex.controls.items() if allowed_values(w)[0] == "range"}
    return {**choices, **numbers}


def sweep_states(name: str) -> list[dict]:
    """The states the test draws for explorer ``name`` (applied after resetting to the defaults)."""
    ex = REGISTRY[name]()
    default = ex.values()
    states: list[dict] = [{}]
    for key, w in ex.controls.items():
        for v in _grid(w):
            if v != default[key]:
                states.append({key: v})
    states += [_ends(name, 0), _ends(name, -1)]
    if name == "signalling":
        igf1 = _grid(ex.controls["igf1_nM"])
        for p in (False, True):
            for r in (False, True):
                for m in (False, True):
                    for c in (igf1[0], default["igf1_nM"], igf1[-1]):
                        states.append({"igf1_nM": c, "pi3k_inhibitor": p, "rapamycin": r, "mek_inhibitor": m})
    return states


JS_EXECUTE = """async code => {
  const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
  const future = kernel.requestExecute({code, silent: false, store_history: false,
                                        user_expressions: {rev: '_e.plot._revision'}});
  const errors = [];
  future.onIOPub = msg => { if (msg.header.msg_type === 'error') errors.push(msg.content.evalue); };
  const reply = await future.done;
  const rev = reply.content.user_expressions && reply.content.user_expressions.rev;
  return {status: reply.content.status, errors, rev: rev && rev.data ? rev.data['text/plain'] : null};
}"""

#: every text drawn in the figure with its box; problems: overlaps, clipped text, labels on lines
JS_TEXT_PROBLEMS = r"""([gd, overlapPx, insetPx]) => {
  const svgs = [...gd.querySelectorAll('svg.main-svg')];
  const fig = svgs[0].getBoundingClientRect();
  const kindOf = t => {
    const k = [['xtick', 'tick'], ['ytick', 'tick'], ['g-xtitle', 'axis title'], ['g-ytitle', 'axis title'],
      ['g-x2title', 'axis title'], ['g-y2title', 'axis title'], ['legendtext', 'legend'], ['legendtitletext', 'legend'],
      ['annotation', 'annotation'], ['g-gtitle', 'title'], ['textpoint', 'trace text'], ['bartext', 'bar text']];
    for (const [cls, kind] of k) if (t.closest('.' + cls) || t.classList.contains(cls)) return kind;
    if (/^g-[xy]\d*title$/.test((t.parentElement && t.parentElement.getAttribute('class')) || '')) return 'axis title';
    return 'text';
  };
  const shown = e => {
    for (let n = e; n && n !== gd; n = n.parentElement) {
      const s = getComputedStyle(n);
      if (s.display === 'none' || s.visibility === 'hidden' || Number(s.opacity) === 0) return false;
    }
    return true;
  };
  const clipRect = t => {
    for (let n = t.parentElement; n && n !== gd; n = n.parentElement) {
      const c = n.getAttribute && n.getAttribute('clip-path');
      const id = c && (c.match(/#([^)'"]+)/) || [])[1];
      const el = id && document.getElementById(id);
      const r = el && el.querySelector('rect');
      if (r) {  // the clip rectangle is in the user space of the element it clips
        const m = n.getScreenCTM(), x = r.x.baseVal.value, y = r.y.baseVal.value;
        const p = new DOMPoint(x, y).matrixTransform(m);
        const q = new DOMPoint(x + r.width.baseVal.value, y + r.height.baseVal.value).matrixTransform(m);
        return {left: Math.min(p.x, q.x), right: Math.max(p.x, q.x), top: Math.min(p.y, q.y), bottom: Math.max(p.y, q.y)};
      }
    }
    return null;
  };
  const texts = [];
  for (const svg of svgs) for (const t of svg.querySelectorAll('text')) {
    const text = t.textContent.trim();
    if (!text || t.closest('.hoverlayer') || !shown(t)) continue;
    const r = t.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) continue;
    texts.push({t, r, text: text.slice(0, 50), kind: kindOf(t), clip: clipRect(t)});
  }
  const problems = [];
  const out = (r, b) => r.left < b.left - 1 || r.right > b.right + 1 || r.top < b.top - 1 || r.bottom > b.bottom + 1;
  for (const a of texts) {
    if (out(a.r, fig)) problems.push(`${a.kind} "${a.text}" is clipped by the figure's box`);
    else if (a.clip && out(a.r, a.clip)) problems.push(`${a.kind} "${a.text}" is clipped by its plot area`);
  }
  for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
    const a = texts[i].r, b = texts[j].r;
    const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    if (w > overlapPx && h > overlapPx)
      problems.push(`${texts[i].kind} "${texts[i].text}" overlaps ${texts[j].kind} "${texts[j].text}" ` +
                    `by ${w.toFixed(0)}x${h.toFixed(0)} px`);
  }
  // labels placed on the data must not sit on a plotted line
  // (a label on an opaque ground of its own masks the line under it: not counted)
  const grounded = t => {
    const bg = t.closest('.annotation') && t.closest('.annotation').querySelector('rect.bg');
    const s = bg && getComputedStyle(bg);
    return !!s && s.fill !== 'none' && Number(s.fillOpacity) >= 0.7 && !/rgba\([^)]*,\s*0\)/.test(s.fill);
  };
  const labels = texts.filter(x => (x.kind === 'annotation' && !x.t.closest('.annotation').querySelector('path') &&
                                    !grounded(x.t)) || x.kind === 'trace text');
  // (the outline of a shaded band, a filled trace, is an edge, not a series: not counted)
  const lines = [...gd.querySelectorAll('.scatterlayer .trace')].filter(g => !g.querySelector('path.js-fill'))
    .flatMap(g => [...g.querySelectorAll('path.js-line')]).filter(shown);
  for (const p of lines) {
    const n = p.getTotalLength(), m = p.getScreenCTM();
    if (!n || !m) continue;
    for (let s = 0; s <= n; s += 3) {
      const q = p.getPointAtLength(s), pt = new DOMPoint(q.x, q.y).matrixTransform(m);
      for (const l of labels) {
        const r = l.r;
        if (l.onLine) continue;
        if (pt.x > r.left + insetPx && pt.x < r.right - insetPx && pt.y > r.top + insetPx && pt.y < r.bottom - insetPx) {
          problems.push(`${l.kind} "${l.text}" lies on a plotted line`);
          l.onLine = true;
        }
      }
    }
  }
  return {n: texts.length, problems: [...new Set(problems)]};
}"""


def _draw_state(page, name: str, state: dict) -> None:
    # (a slider whose step changed with a unit switch may send a snapped value back, which draws
    # a later revision than the one the reply names)
    code = f"_e = EX[{name!r}]\n_e.set(**DEF[{name!r}])\n_e.set(**{state!r})"
    reply = page.evaluate(JS_EXECUTE, code)
    assert reply["status"] == "ok" and not reply["errors"], (name, state, reply)
    try:
        page.wait_for_function(
            "([n, rev]) => { const gd = document.querySelector('.tfl-name-' + n + ' .tfl-figure');"
            " return gd && Number(gd.dataset.tflRevision) >= Number(rev); }",
            arg=[name, reply["rev"]],
            timeout=30_000,
        )
    except Exception as e:
        shown = page.evaluate(
            "n => document.querySelector('.tfl-name-' + n + ' .tfl-figure').dataset.tflRevision", name
        )
        raise AssertionError(f"{name} {state}: revision {reply['rev']} sent, {shown} drawn") from e


def test_no_text_overlaps_or_is_clipped_in_sweep_states(page):
    """Also: an explorer's left margin does not move between its sweep states. Where plotly's
    automargin moves it (y tick labels of another width), every such change lays the figure out
    twice (Explorer.left_margin_px fixes it)."""
    found: dict[str, list] = {}
    margins: dict[str, dict[float, list]] = {}
    counts = {}
    t0 = time.time()
    for name in NAMES:
        states = sweep_states(name)
        counts[name] = len(states)
        page.evaluate("n => document.querySelector('.tfl-name-' + n).scrollIntoView({block: 'start'})", name)
        gd = page.locator(f".tfl-name-{name} .tfl-figure")
        for state in states:
            _draw_state(page, name, state)
            res = page.evaluate(JS_TEXT_PROBLEMS, [gd.element_handle(), OVERLAP_PX, ON_LINE_INSET_PX])
            assert res["n"] >= 5, (name, state, res)
            for p in res["problems"]:
                found.setdefault(name, []).append(f"{json.dumps(state)}: {p}")
            left = page.evaluate("gd => Math.round(gd._fullLayout._size.l)", gd.element_handle())
            margins.setdefault(name, {}).setdefault(left, []).append(state)
        _draw_state(page, name, {})
    print(f"sweep states per explorer: {counts}; {sum(counts.values())} states in {time.time() - t0:.0f} s")
    assert not found, "\n".join(f"{n}: {p}" for n, ps in found.items() for p in ps[:8])
    moved = {n: {px: st[:2] for px, st in m.items()} for n, m in margins.items() if len(m) > 1}
    assert not moved, f"left margin (px) moves between sweep states (set left_margin_px): {moved}"
