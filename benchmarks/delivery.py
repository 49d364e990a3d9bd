"""Delivery benchmark (issue 19): what reaching the browser costs, per notebook, in real JupyterLab
in headless Chromium, for the explorers as they are (``PlotView``: plotly.js from plotly's
JupyterLab extension over HTTP) and, in the same run, for the per-figure ``go.FigureWidget``
baseline (``TFL_PLOT_DELIVERY=figurewidget`` set by an extra first cell in a copy of each notebook).

Per notebook and mode, with the network throttled through the Chrome DevTools Protocol
(``Network.emulateNetworkConditions``, default 20 Mbit/s both ways and 40 ms latency):

* ``ws_in_bytes``: bytes of every websocket frame the browser received from the start of Run All
  until every explorer has answered a key press (kernel -> browser);
* ``esm_ws_bytes``: of those, bytes of widget ESM source (the JavaScript that travels inside widget
  state): plotly.js inside every FigureWidget, our small ESMs otherwise;
* ``js_http_bytes`` / ``js_http_transferred``: JavaScript files the page loaded over HTTP (decoded
  size) and what crossed the network for them (0 when the browser's cache had them); pages of one
  mode share one browser profile, as one student's session does, so plotly.js loads once;
* ``interactive_s``: from Run All until every explorer has redrawn after a key press on its first
  control (explorers in page order; each waits for its figure, presses, waits for the redraw);
* ``keypress_ms``: key press -> redraw of each explorer's first slider, unthrottled (median of a few).
"""

from __future__ import annotations

import re
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import nbformat

BASELINE_CELL = "import os\nos.environ['TFL_PLOT_DELIVERY'] = 'figurewidget'"
ESM_RE = re.compile(rb'"_esm"\s*:\s*"((?:[^"\\]|\\.)*)"', re.S)

JS_RESOURCES = """() => performance.getEntriesByType('resource')
  .filter(e => e.initiatorType === 'script' || /\\.m?js(\\?|$)/.test(e.name))
  .map(e => ({name: e.name, transfer: e.transferSize, decoded: e.decodedBodySize}))"""

JS_FIG = """el => {
  const gd = el.querySelector('.tfl-figure');
  return gd && gd.data && gd.querySelector('svg.main-svg') ? JSON.stringify(gd.data.map(t => [t.x, t.y]))
    .length + ':' + (gd.dataset.tflRevision || '') + ':' + (gd._tflDraws || 0) : null;
}"""

JS_HOOK = """el => {
  const gd = el.querySelector('.tfl-figure');
  gd._tflDraws = 0;
  gd.on('plotly_afterplot', () => { gd._tflDraws++; });
  return true;
}"""


def _baseline_copy(src: Path, dst: Path) -> None:
    nb = nbformat.read(src, as_version=4)
    nb.cells.insert(0, nbformat.v4.new_code_cell(BASELINE_CELL))
    nbformat.write(nb, dst)


def figure_sliders(name: str) -> list[str]:
    """The explorer's sliders whose move changes its figure, in control order. A slider that
    changes only the readout (the capstone's age sets serum IGF-1 and its percentile, not the
    lean-mass lines) never triggers a redraw, so key press -> redraw is not defined for it."""
    from helpers.explorers import REGISTRY
    from helpers.explorers.base import allowed_values

    ex = REGISTRY[name]()
    keys = []
    for key, w in ex.controls.items():
        if "Slider" not in type(w).__name__:
            continue
        before = ex.static_figure().to_plotly_json()["data"]
        start, (_, lo, hi) = w.value, allowed_values(w)
        moved = False
        for end in (lo, hi):
            ex.set(**{key: end})
            moved = moved or ex.static_figure().to_plotly_json()["data"] != before
        ex.set(**{key: start})
        if moved:
            keys.append(key)
    return keys


def _first_slider(el) -> str | None:
    name = el.evaluate("e => ([...e.classList].find(c => c.startsWith('tfl-name-'))||'').slice(9)")
    keys = figure_sliders(name) if name else []
    return keys[0] if keys else None


def _press_and_wait(page, el, key: str, timeout_ms: float = 30_000) -> float:
    """Press ArrowRight (ArrowLeft at the top) on the slider; ms until the figure redrew."""
    el.evaluate(JS_HOOK)
    handle = el.locator(f".tfl-control.tfl-key-{key} .noUi-handle").first
    at_top = el.locator(f".tfl-control.tfl-key-{key} .noUi-target").first.evaluate(
        "t => Number(t.noUiSlider.get(true)) + t.noUiSlider.options.step > t.noUiSlider.options.range.max"
    )
    handle.focus()
    t0 = time.perf_counter()
    page.keyboard.press("ArrowLeft" if at_top else "ArrowRight")
    el.page.wait_for_function(
        "el => el.querySelector('.tfl-figure')._tflDraws > 0", arg=el.element_handle(), timeout=timeout_ms
    )
    return (time.perf_counter() - t0) * 1000


def _one_notebook(ctx, server, rel: str, throttle: dict, presses: int, log, wait_s: float = 60) -> dict:
    import labdriver

    frames: list[bytes] = []
    recording = {"on": False}

    def on_ws(ws):
        def on_frame(payload):
            if recording["on"]:
                frames.append(payload if isinstance(payload, bytes) else payload.encode())

        ws.on("framereceived", on_frame)

    page = ctx.new_page()
    page.on("websocket", on_ws)  # before the page opens its kernel websocket
    plog = labdriver.PageLog()
    page.on("pageerror", lambda e: plog.page_errors.append(str(e)[:300]))
    page.on("console", lambda m: m.type == "error" and plog.console_errors.append(m.text[:300]))
    page.on(
        "request",
        lambda req: (
            None if req.url.startswith(labdriver.LOCAL_PREFIXES) else plog.external_requests.append(req.url)
        ),
    )
    page.goto(server.notebook_url(rel))
    page.wait_for_function(
        "window.jupyterapp?.shell?.currentWidget?.sessionContext?.session?.kernel?.status === 'idle'",
        timeout=120_000,
    )
    cdp = ctx.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", throttle)
    recording["on"] = True
    t0 = time.perf_counter()
    labdriver.run_all(page)
    els = page.locator(".tfl-explorer")
    n = els.count()
    answered = []
    for i in range(n):
        el = els.nth(i)
        el.scroll_into_view_if_needed()
        try:
            page.wait_for_function(
                "el => !!el.querySelector('.tfl-figure svg.main-svg')",
                arg=el.element_handle(),
                timeout=wait_s * 1000,
            )
            key = _first_slider(el)
            if key:
                _press_and_wait(page, el, key, timeout_ms=wait_s * 1000)
            answered.append(True)
        except Exception:  # a blank figure (e.g. "Failed to initialize model"): reported below
            answered.append(False)
    interactive_s = time.perf_counter() - t0 if all(answered) else None
    recording["on"] = False
    cdp.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
    )
    keypress = []
    for i in range(n):
        el = els.nth(i)
        key = _first_slider(el) if answered[i] else None
        if not key:
            continue
        lat = []
        for _ in range(presses):
            lat.append(_press_and_wait(page, el, key))
            page.wait_for_timeout(150)
        keypress.append(statistics.median(lat))
    js = page.evaluate(JS_RESOURCES)
    esm = sum(len(m.group(1)) for f in frames for m in ESM_RE.finditer(f))
    problems, _ = labdriver.page_problems(page, plog, labdriver.expected_explorers(server.root / rel))
    labdriver.shutdown_kernel(page)
    page.close()
    return {
        "explorers": n,
        "ws_in_bytes": sum(len(f) for f in frames),
        "esm_ws_bytes": esm,
        "js_http_bytes": sum(r["decoded"] for r in js),
        "js_http_transferred": sum(r["transfer"] for r in js),
        "interactive_s": interactive_s,
        "explorers_answered": sum(answered),
        "failed_to_initialize": sum(
            "Failed to initialize" in e for e in plog.console_errors + plog.page_errors
        ),
        "keypress_ms": keypress,
        "problems": problems,
    }


def bench_delivery(
    paths: list[Path], chromium: str, log, presses: int = 5, mbit: float = 20.0, latency_ms: float = 40.0
) -> dict:
    import labdriver
    from playwright.sync_api import sync_playwright

    throttle = {
        "offline": False,
        "latency": latency_ms,
        "downloadThroughput": mbit * 1e6 / 8,
        "uploadThroughput": mbit * 1e6 / 8,
    }
    paths = [p for p in paths if labdriver.expected_explorers(p)]
    work = Path(tempfile.mkdtemp(prefix="tfl-bench-delivery-"))
    server = labdriver.LabServer(work)
    for mode in ("v2", "figurewidget"):
        (server.root / mode).mkdir()
        for p in paths:
            if mode == "v2":
                shutil.copy(p, server.root / mode / p.name)
            else:
                _baseline_copy(p, server.root / mode / p.name)
    out = {"throttle": {"mbit_s": mbit, "latency_ms": latency_ms}, "rows": []}
    server.start()
    try:
        with sync_playwright() as pw:
            for mode in ("figurewidget", "v2"):
                ctx = labdriver.launch_chromium(pw, chromium, work / f"profile-{mode}")
                try:
                    for p in paths:
                        r = _one_notebook(ctx, server, f"{mode}/{p.name}", throttle, presses, log)
                        r.update(notebook=p.stem, mode=mode)
                        log(
                            f"delivery {mode} {p.stem}: ws {r['ws_in_bytes'] / 1e6:.2f} MB "
                            f"(ESM {r['esm_ws_bytes'] / 1e6:.2f} MB), JS over HTTP "
                            f"{r['js_http_bytes'] / 1e6:.2f} MB ({r['js_http_transferred'] / 1e6:.2f} MB "
                            f"transferred), interactive after {_s(r['interactive_s'])}, {r['explorers_answered']} of "
                            f"{r['explorers']} explorers answered, key press "
                            f"{[round(x) for x in r['keypress_ms']]} ms"
                            + (f"; PROBLEMS {r['problems']}" if r["problems"] else "")
                        )
                        out["rows"].append(r)
                finally:
                    ctx.close()
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)
    return out


def _s(x) -> str:
    return "never (a figure stayed blank)" if x is None else f"{x:.1f} s"


def markdown(d: dict) -> str:
    rows = {(r["mode"], r["notebook"]): r for r in d["rows"]}
    nbs = sorted({r["notebook"] for r in d["rows"]})
    t = d["throttle"]
    out = [
        f"Delivery, real JupyterLab in headless Chromium, network throttled to {t['mbit_s']:g} Mbit/s and "
        f"{t['latency_ms']:g} ms (CDP). v2 = `PlotView` (plotly.js from plotly's JupyterLab extension over "
        "HTTP); v1 = one `go.FigureWidget` per explorer, same run.",
        "",
        "| Notebook | explorers | websocket in, Run All (MB) v2 / v1 (÷) | widget ESM in it (MB) v2 / v1 | "
        "JS over HTTP, transferred (MB) v2 / v1 | Run All → every explorer answered a key (s) v2 / v1 | "
        "key press → redraw median (ms) v2 / v1 | budget: < 1 MB |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for nb in nbs:
        a, b = rows.get(("v2", nb)), rows.get(("figurewidget", nb))
        if not a or not b:
            continue
        med = lambda r: statistics.median(r["keypress_ms"]) if r["keypress_ms"] else float("nan")  # noqa: E731
        ok = a["ws_in_bytes"] < 1e6 and not a["problems"]
        out.append(
            f"| {nb} | {a['explorers']} | {a['ws_in_bytes'] / 1e6:.3f} / {b['ws_in_bytes'] / 1e6:.2f} "
            f"({b['ws_in_bytes'] / max(a['ws_in_bytes'], 1):.0f}×) | {a['esm_ws_bytes'] / 1e6:.3f} / "
            f"{b['esm_ws_bytes'] / 1e6:.2f} | {a['js_http_transferred'] / 1e6:.2f} / "
            f"{b['js_http_transferred'] / 1e6:.2f} | {_s(a['interactive_s'])} / {_s(b['interactive_s'])} | "
            f"{med(a):.0f} / {med(b):.0f} | {'PASS' if ok else 'FAIL'} |"
        )
    return "\n".join(out) + "\n"
