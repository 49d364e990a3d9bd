#!/usr/bin/env python
"""Benchmarks against docs/architecture.md §8 budgets: `make bench` (not part of `make test`).

Measured in one run, on this machine:
  * per explorer: Python-side ``set()`` time (median, p95 over many changes) and the naive way
    (a new go.FigureWidget from make_figure(compute(...)) per change, as ``interact`` tutorials
    do), and the ratio naive / set();
  * per explorer slider: key press to redrawn plot in real JupyterLab + headless system Chromium
    (keydown -> first plotly_afterplot of the explorer's figure; median, p95);
  * per notebook: fresh-kernel run-all time (nbclient, kernel start included) and the kernel's
    peak memory (VmHWM) next to a bare kernel that imports pandas, plotly and ipywidgets and
    shows one FigureWidget; notebook file size;
  * ``import helpers`` time (fresh interpreter, median of 5);
  * delivery (benchmarks/delivery.py): per notebook, websocket bytes during Run All, JavaScript
    fetched, and Run All -> every explorer answered a key press with the network throttled
    (CDP), for PlotView and, in the same run, for one go.FigureWidget per explorer.

Writes build/bench/results.json and results.md (markdown table with PASS/FAIL per budget).
``--readme`` also replaces the table between the bench markers in README.md.

Usage: python benchmarks/run.py [--no-browser] [--quick] [--delivery-only] [--out build/bench] [--readme]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "browser"), str(ROOT / "benchmarks")]

from delivery import bench_delivery, figure_sliders  # noqa: E402
from delivery import markdown as delivery_markdown  # noqa: E402

BUDGET = {
    "set_p95_ms": 20.0,  # explorer update in Python, p95
    "keypress_median_ms": 100.0,  # slider key press to redrawn plot, median
    "run_all_s": 15.0,  # one notebook, fresh kernel run-all
    "memory_ratio": 1.3,  # kernel peak memory / bare kernel
    "file_kb": 150.0,  # notebook file on disk
    "site_median_ms": 50.0,  # static site: control change -> redrawn figure, median
    "site_p95_ms": 100.0,  # ... and p95
    "site_page_data_mb": 2.0,  # each page's own data
    "site_total_mb": 40.0,  # the whole site
}

BARE_CELLS = [
    "import pandas as pd\nimport plotly.graph_objects as go\nimport ipywidgets as widgets",
    "fig = go.FigureWidget(go.Figure(go.Scatter(x=list(range(200)), y=[i * i for i in range(200)])))\nfig",
]


def log(*a):
    print(f"[{time.strftime('%H:%M:%S')}]", *a, flush=True)


def pct(values, q):
    return float(np.percentile(np.asarray(values, dtype=float), q)) if values else float("nan")


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("PASS" if ok else "FAIL")


# ------------------------------------------------------------------------------------------------
def random_change(ex, key: str, rng) -> dict:
    """One change of control ``key``: a random number in its *current* range, or an option."""
    from helpers.explorers.base import allowed_values

    w = ex.controls[key]
    kind = allowed_values(w)
    if kind[0] == "range":
        lo, hi = kind[1], kind[2]
        if type(w).__name__ == "FloatLogSlider":
            v = float(10 ** rng.uniform(math.log10(lo), math.log10(hi)))
        elif type(w).__name__ == "IntSlider":
            v = int(rng.integers(int(lo), int(hi) + 1))
        else:
            v = float(rng.uniform(lo, hi))
    elif kind[0] == "options":
        v = kind[1][int(rng.integers(len(kind[1])))]
    else:
        v = bool(rng.integers(2))
    return {key: v}


def bench_explorer(name: str, n_set: int, n_naive: int) -> dict:
    """set() on one live explorer vs a new FigureWidget per change, for the same changes."""
    import plotly.graph_objects as go

    from helpers.explorers import REGISTRY

    rng = np.random.default_rng(8)
    ex = REGISTRY[name]()
    keys = list(ex.controls)
    ex.set(**random_change(ex, keys[0], rng))  # warm-up
    t_set, states = [], []
    for i in range(n_set):
        change = random_change(ex, keys[i % len(keys)], rng)
        t0 = time.perf_counter()
        ex.set(**change)
        t_set.append((time.perf_counter() - t0) * 1000)
        states.append(ex.values())
    # the same changes on the v1 explorer (one go.FigureWidget, as before issue 19), interleaved
    # in time with nothing else, so that the ratio below is measured under the same load
    os.environ["TFL_PLOT_DELIVERY"] = "figurewidget"
    try:
        v1 = REGISTRY[name]()
    finally:
        os.environ.pop("TFL_PLOT_DELIVERY")
    v1.set(**states[0])
    t_v1 = []
    for values in states:
        t0 = time.perf_counter()
        v1.set(**values)
        t_v1.append((time.perf_counter() - t0) * 1000)
    naive = REGISTRY[name]()
    t_naive = []
    for values in states[:n_naive]:  # the same states, the interact() way
        t0 = time.perf_counter()
        fw = go.FigureWidget(naive.make_figure(naive.compute(**values)))
        t_naive.append((time.perf_counter() - t0) * 1000)
        del fw
    res = {
        "explorer": name,
        "n_set": len(t_set),
        "n_naive": len(t_naive),
        "set_median_ms": statistics.median(t_set),
        "set_p95_ms": pct(t_set, 95),
        "set_v1_median_ms": statistics.median(t_v1),
        "set_v1_p95_ms": pct(t_v1, 95),
        "naive_median_ms": statistics.median(t_naive),
        "naive_p95_ms": pct(t_naive, 95),
    }
    res["naive_over_set"] = res["naive_median_ms"] / res["set_median_ms"]
    res["set_pass"] = res["set_p95_ms"] < BUDGET["set_p95_ms"]
    return res


def bench_explorers_in_kernel(names: list[str], n_set: int, n_naive: int) -> list[dict]:
    """Run bench_explorer inside a fresh IPython kernel, where widgets have comms and every
    set() really serializes and sends its figure update (as in a notebook)."""
    import nbformat
    from nbclient import NotebookClient

    # the result goes through a file, not stdout: on a loaded machine nbclient's IOPub wait can
    # end before the kernel's last output arrives (the cell then looks as if it printed nothing)
    fd, out_path = tempfile.mkstemp(prefix="tfl-bench-", suffix=".json")
    os.close(fd)
    code = (
        f"import sys, json, pathlib\nsys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        f"import run as _bench\n"
        f"pathlib.Path({out_path!r}).write_text(json.dumps("
        f"[_bench.bench_explorer(n, {n_set}, {n_naive}) for n in {names!r}]))"
    )
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3"}})
    nb.cells = [nbformat.v4.new_code_cell(code)]
    try:
        NotebookClient(nb, timeout=1800, kernel_name="python3").execute()
        return json.loads(Path(out_path).read_text())
    finally:
        os.unlink(out_path)


# ------------------------------------------------------------------------------------------------
def _vmhwm_kb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return float(line.split()[1])
    except OSError:
        pass
    try:
        import psutil

        return psutil.Process(pid).memory_info().rss / 1024
    except Exception:
        return None


def run_notebook(nb, cwd: Path) -> dict:
    """Fresh kernel, run all; wall time (kernel start included), execution time, peak RSS."""
    from nbclient import NotebookClient

    box = {}

    def on_cell_executed(cell, cell_index, execute_reply):
        proc = getattr(client.km, "provisioner", None)
        pid = getattr(getattr(proc, "process", None), "pid", None)
        if pid:
            box["peak_kb"] = _vmhwm_kb(pid)
        box["t_last"] = time.perf_counter()

    def on_cell_start(cell, cell_index):
        box.setdefault("t_first", time.perf_counter())

    client = NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(cwd)}},
        on_cell_executed=on_cell_executed,
        on_cell_start=on_cell_start,
    )
    t0 = time.perf_counter()
    client.execute()
    wall = time.perf_counter() - t0
    return {
        "wall_s": wall,
        "cells_s": box.get("t_last", t0) - box.get("t_first", t0),
        "peak_mb": (box.get("peak_kb") or float("nan")) / 1024,
    }


def bench_notebooks(paths: list[Path]) -> tuple[dict, list[dict]]:
    import nbformat

    env_backup = os.environ.pop("PLOTLY_RENDERER", None)
    try:
        bare_nb = nbformat.v4.new_notebook(
            metadata={"kernelspec": {"name": "python3", "display_name": "Python 3"}}
        )
        bare_nb.cells = [nbformat.v4.new_code_cell(c) for c in BARE_CELLS]
        with tempfile.TemporaryDirectory() as d:
            bare = run_notebook(bare_nb, Path(d))
        log(f"bare kernel: {bare['wall_s']:.1f} s, peak {bare['peak_mb']:.0f} MB")
        rows = []
        for p in paths:
            nb = nbformat.read(p, as_version=4)
            with tempfile.TemporaryDirectory() as d:  # run a copy: nothing writes to the repo
                shutil.copy(p, Path(d) / p.name)
                r = run_notebook(nb, Path(d))
            r.update(
                notebook=p.name, file_kb=p.stat().st_size / 1024, memory_ratio=r["peak_mb"] / bare["peak_mb"]
            )
            r["run_all_pass"] = r["wall_s"] < BUDGET["run_all_s"]
            r["memory_pass"] = r["memory_ratio"] < BUDGET["memory_ratio"]
            r["file_pass"] = r["file_kb"] < BUDGET["file_kb"]
            log(
                f"{p.name}: run-all {r['wall_s']:.1f} s, peak {r['peak_mb']:.0f} MB "
                f"({r['memory_ratio']:.2f} x bare), {r['file_kb']:.1f} KB"
            )
            rows.append(r)
    finally:
        if env_backup is not None:
            os.environ["PLOTLY_RENDERER"] = env_backup
    return bare, rows


# ------------------------------------------------------------------------------------------------
JS_PROBE = """(el) => {
  const gd = el.querySelector('.tfl-figure') || el.querySelector('.js-plotly-plot');
  window.__lat = []; window.__t0 = null;
  if (!window.__tflKeyHook) {
    document.addEventListener('keydown', () => { window.__t0 = performance.now(); }, true);
    window.__tflKeyHook = true;
  }
  if (window.__gd && window.__gdHandler) window.__gd.removeListener('plotly_afterplot', window.__gdHandler);
  window.__gd = gd;
  window.__gdHandler = () => {
    if (window.__t0 !== null) { window.__lat.push(performance.now() - window.__t0); window.__t0 = null; }
  };
  gd.on('plotly_afterplot', window.__gdHandler);
  return true;
}"""


def bench_keypress(paths: list[Path], chromium: str, presses: int) -> list[dict]:
    import labdriver
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="tfl-bench-lab-"))
    server = labdriver.LabServer(work)
    (server.root / "notebooks").mkdir()
    for p in paths:
        shutil.copy(p, server.root / "notebooks" / p.name)
    rows = []
    server.start()
    try:
        with sync_playwright() as pw:
            ctx = labdriver.launch_chromium(pw, chromium, work / "profile")
            try:
                for p in paths:
                    if not labdriver.expected_explorers(p):
                        continue
                    page, _ = labdriver.open_notebook(ctx, server, f"notebooks/{p.name}")
                    labdriver.run_all(page)
                    labdriver.wait_for_figures(page, len(labdriver.expected_explorers(p)))
                    els = page.locator(".tfl-explorer")
                    for i in range(els.count()):
                        el = els.nth(i)
                        el.scroll_into_view_if_needed()
                        name = el.evaluate(
                            "e => ([...e.classList].find(c => c.startsWith('tfl-name-'))||'').slice(9)"
                        )
                        for key in figure_sliders(name):
                            rows.append(_slider_latency(page, el, p.name, name, key, presses))
                            r = rows[-1]
                            log(
                                f"{p.name} {name}.{key}: median {r['median_ms']:.0f} ms, "
                                f"p95 {r['p95_ms']:.0f} ms ({r['n']} presses, {r['missed']} without redraw)"
                            )
                    labdriver.shutdown_kernel(page)
                    page.close()
            finally:
                ctx.close()
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)
    return rows


def _slider_latency(page, el, nb_name, name, key, presses) -> dict:
    el.evaluate(JS_PROBE)
    handle = el.locator(f".tfl-control.tfl-key-{key} .noUi-handle").first
    target = el.locator(f".tfl-control.tfl-key-{key} .noUi-target").first
    handle.focus()
    missed, direction = 0, "ArrowRight"
    for _ in range(presses):
        pos = target.evaluate(
            "t => [Number(t.noUiSlider.get(true)), t.noUiSlider.options.range.min,"
            " t.noUiSlider.options.range.max, t.noUiSlider.options.step]"
        )
        v, lo, hi, step = pos
        if direction == "ArrowRight" and v + step > hi + 1e-9:
            direction = "ArrowLeft"
        elif direction == "ArrowLeft" and v - step < lo - 1e-9:
            direction = "ArrowRight"
        n_before = page.evaluate("window.__lat.length")
        page.keyboard.press(direction)
        try:
            page.wait_for_function(f"window.__lat.length > {n_before}", timeout=5000)
        except Exception:
            missed += 1
            page.evaluate("window.__t0 = null")
        page.wait_for_timeout(120)  # let the kernel go idle before the next key press
    lat = page.evaluate("window.__lat")
    r = {
        "notebook": nb_name,
        "explorer": name,
        "control": key,
        "n": len(lat),
        "missed": missed,
        "median_ms": statistics.median(lat) if lat else float("nan"),
        "p95_ms": pct(lat, 95),
    }
    r["keypress_pass"] = (r["median_ms"] < BUDGET["keypress_median_ms"]) if lat else False
    return r


# ------------------------------------------------------------------------------------------------
# the static site (issue 16): control change -> redrawn figure in the page, no kernel
# ------------------------------------------------------------------------------------------------
SITE_PROBE = """(name) => {
  const ex = window.TFL.explorers[name];
  window.__lat = []; window.__t0 = null;
  if (!window.__tflKeyHook) {
    document.addEventListener('keydown', () => { window.__t0 = performance.now(); }, true);
    window.__tflKeyHook = true;
  }
  if (window.__gd && window.__gdHandler) window.__gd.removeListener('plotly_afterplot', window.__gdHandler);
  window.__gd = ex.gd;
  window.__gdHandler = () => {
    if (window.__t0 !== null) { window.__lat.push(performance.now() - window.__t0); window.__t0 = null; }
  };
  ex.gd.on('plotly_afterplot', window.__gdHandler);
  return ex.payload.controls.map(c => [c.key, c.kind]);
}"""


def _site_control_latency(page, name, key, kind, presses) -> list[float]:
    """Key presses on one page control (the same definition as in JupyterLab: keydown to the
    figure's first plotly_afterplot). Sliders go right until the end, then left; choices step
    through their options; check boxes toggle."""
    box = page.locator(f"section.tfl-name-{name} .tfl-key-{key}")
    if kind == "range":
        target = box.locator("input[type=range]")
    elif kind == "bool":
        target = box.locator("input[type=checkbox]")
    elif box.evaluate("e => e.tagName") == "FIELDSET":
        target = box.locator("input[type=radio]:checked")
    else:
        target = box.locator("select")
    target.focus()
    direction, missed = "ArrowRight", 0
    for _ in range(presses):
        if kind == "range":
            v, hi = target.evaluate("e => [Number(e.value), Number(e.max)]")
            if direction == "ArrowRight" and v >= hi:
                direction = "ArrowLeft"
            elif direction == "ArrowLeft" and v <= 0:
                direction = "ArrowRight"
            press = direction
        elif kind == "bool":
            press = "Space"
        elif kind == "choice" and box.evaluate("e => e.tagName") != "FIELDSET":
            v, n = target.evaluate("e => [e.selectedIndex, e.options.length]")
            if direction == "ArrowRight" and v >= n - 1:
                direction = "ArrowLeft"
            elif direction == "ArrowLeft" and v <= 0:
                direction = "ArrowRight"
            press = "ArrowDown" if direction == "ArrowRight" else "ArrowUp"
        else:
            press = "ArrowRight"  # radio groups wrap around
        n_before = page.evaluate("window.__lat.length")
        page.keyboard.press(press)
        try:
            page.wait_for_function(f"window.__lat.length > {n_before}", timeout=5000)
        except Exception:
            missed += 1
            page.evaluate("window.__t0 = null")
    if missed:
        log(f"site {name}.{key}: {missed} key presses without a redraw")
    return page.evaluate("window.__lat")


def bench_site(chromium: str, presses: int, site_dir: Path | None = None) -> dict:
    """Build the site (timed; or use ``site_dir``), report page data and site size, first
    contentful paint from disk and control change -> redraw per explorer, in headless Chromium."""
    from playwright.sync_api import sync_playwright

    from helpers.publish.site import build_site

    res: dict = {}
    tmp = None
    if site_dir is None:
        tmp = Path(tempfile.mkdtemp(prefix="tfl-bench-site-"))
        site_dir = tmp / "site"
        t0 = time.perf_counter()
        info = build_site(site_dir)
        res["build_s"] = time.perf_counter() - t0
    else:
        info = json.loads((site_dir / "build-info.json").read_text())
    res["build_info_s"] = info["seconds_total"]
    res["states_s"] = sum(p.get("states_seconds", 0.0) for p in info["pages"])
    files = [f for f in site_dir.rglob("*") if f.is_file()]
    res["site_bytes"] = sum(f.stat().st_size for f in files)
    res["plotly_js_copies"] = sum(1 for f in files if f.name.startswith("plotly") and f.suffix == ".js")
    res["pages"], res["controls"] = [], []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, headless=True, args=["--no-sandbox"])
            try:
                for p in info["pages"]:
                    html_path = site_dir / p["page"]
                    row = {
                        "page": p["page"],
                        "html_bytes": html_path.stat().st_size,
                        "data_bytes": p.get("data_bytes", 0),
                        "explorers": p.get("explorers", {}),
                    }
                    ctx = browser.new_context(viewport={"width": 1280, "height": 1000})
                    page = ctx.new_page()
                    remote = []
                    page.on(
                        "request", lambda r, remote=remote: r.url.startswith("file:") or remote.append(r.url)
                    )
                    page.goto(html_path.as_uri(), wait_until="load")
                    page.wait_for_function("() => window.TFL && window.TFL.ready")
                    page.evaluate("() => window.TFL.ready")
                    row["fcp_ms"] = page.evaluate(
                        "() => (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime"
                    )
                    row["ready_ms"] = page.evaluate("() => performance.now()")
                    row["remote_requests"] = len(remote)
                    for name in row["explorers"]:
                        page.locator(f"section.tfl-name-{name}").scroll_into_view_if_needed()
                        for key, kind in page.evaluate(SITE_PROBE, name):
                            page.evaluate(SITE_PROBE, name)
                            lat = _site_control_latency(page, name, key, kind, presses)
                            r = {
                                "page": p["page"],
                                "explorer": name,
                                "control": key,
                                "kind": kind,
                                "n": len(lat),
                                "median_ms": statistics.median(lat) if lat else float("nan"),
                                "p95_ms": pct(lat, 95),
                            }
                            r["site_pass"] = bool(lat) and (
                                r["median_ms"] <= BUDGET["site_median_ms"]
                                and r["p95_ms"] <= BUDGET["site_p95_ms"]
                            )
                            res["controls"].append(r)
                            log(
                                f"site {p['page']} {name}.{key}: median {r['median_ms']:.1f} ms, "
                                f"p95 {r['p95_ms']:.1f} ms ({r['n']} presses)"
                            )
                    ctx.close()
                    row["data_pass"] = row["data_bytes"] <= BUDGET["site_page_data_mb"] * 1e6
                    res["pages"].append(row)
            finally:
                browser.close()
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    res["site_pass"] = res["site_bytes"] <= BUDGET["site_total_mb"] * 1e6 and res["plotly_js_copies"] == 1
    return res


def site_markdown(site: dict, keypress: list[dict]) -> list[str]:
    b = BUDGET
    lab = {}
    for k in keypress:
        lab.setdefault(k["explorer"], []).append(k["median_ms"])
    per: dict[str, list] = {}
    for c in site["controls"]:
        per.setdefault((c["page"], c["explorer"]), []).append(c)
    out = [
        "",
        f"Static site (no kernel): control key press → redrawn figure in headless Chromium, beside "
        f"JupyterLab's key press → redraw of the same explorer in this run. Budget: median ≤ "
        f"{b['site_median_ms']:.0f} ms and p95 ≤ {b['site_p95_ms']:.0f} ms per control.",
        "",
        "| page | explorer | states | site median / p95 (ms), worst control | JupyterLab median (ms) | "
        "JupyterLab ÷ site | budget |",
        "|---|---|---|---|---|---|---|",
    ]
    for (pg, name), cs in per.items():
        worst = max(cs, key=lambda c: c["p95_ms"])
        med = statistics.median([c["median_ms"] for c in cs])
        jl = statistics.median(lab[name]) if lab.get(name) else float("nan")
        states = next((p["explorers"][name]["states"] for p in site["pages"] if p["page"] == pg), "–")
        out.append(
            f"| {pg} | {name} | {states} | {fmt(med)} / {fmt(worst['p95_ms'])} ({worst['control']}) | "
            f"{fmt(jl, '.0f')} | {fmt(jl / med if med else float('nan'), '.1f')}× | "
            f"{verdict(all(c['site_pass'] for c in cs))} |"
        )
    out += [
        "",
        f"| page | first contentful paint from disk (ms) | page HTML (KB) | page data (KB) | "
        f"budget: data ≤ {b['site_page_data_mb']:.0f} MB |",
        "|---|---|---|---|---|",
    ]
    for p in site["pages"]:
        out.append(
            f"| {p['page']} | {fmt(p['fcp_ms'], '.0f')} | {p['html_bytes'] / 1e3:.0f} | "
            f"{p['data_bytes'] / 1e3:.0f} | {verdict(p['data_pass'])} |"
        )
    build = (
        f"built in {site['build_s']:.0f} s, of which states {site['states_s']:.0f} s; "
        if "build_s" in site
        else ""
    )
    out += [
        "",
        f"Whole site: {site['site_bytes'] / 1e6:.1f} MB (budget ≤ {b['site_total_mb']:.0f} MB), plotly.js "
        f"shipped {site['plotly_js_copies']}× ({build}{verdict(site['site_pass'])}).",
    ]
    return out


# ------------------------------------------------------------------------------------------------
def import_time(stmt: str, repeat: int = 5) -> float:
    code = f"import time; t = time.perf_counter(); {stmt}; print(time.perf_counter() - t)"
    env = {k: v for k, v in os.environ.items() if k != "PLOTLY_RENDERER"}
    times = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
            ).stdout
        )
        for _ in range(repeat)
    ]
    return statistics.median(times) * 1000


# ------------------------------------------------------------------------------------------------
def fmt(x, spec=".1f"):
    return "–" if x is None or (isinstance(x, float) and math.isnan(x)) else format(x, spec)


def markdown(res: dict) -> str:
    b = BUDGET
    out = [
        f"Measured {res['when']} on {res['machine']} (load average at start {res['loadavg']}); `make bench`.",
        "",
    ]
    out += [
        "| Explorer | notebook | `set()` median / p95 (ms) | v1 `set()` (FigureWidget) median / p95 (ms) | "
        "naive rebuild median (ms) | "
        f"naive ÷ set | key press → redraw median / p95 (ms) | budget: p95 < {b['set_p95_ms']:.0f} ms, "
        f"key median < {b['keypress_median_ms']:.0f} ms |",
        "|---|---|---|---|---|---|---|---|",
    ]
    keys = {}
    for k in res.get("keypress", []):
        keys.setdefault(k["explorer"], []).append(k)
    for e in res["explorers"]:
        ks = keys.get(e["explorer"], [])
        kp = (
            "; ".join(f"{k['control']}: {fmt(k['median_ms'], '.0f')} / {fmt(k['p95_ms'], '.0f')}" for k in ks)
            or "–"
        )
        ok = e["set_pass"] and all(k["keypress_pass"] for k in ks)
        out.append(
            f"| {e['explorer']} | {', '.join(e['notebooks']) or '–'} | "
            f"{e['set_median_ms']:.1f} / {e['set_p95_ms']:.1f} | "
            f"{fmt(e.get('set_v1_median_ms'))} / {fmt(e.get('set_v1_p95_ms'))} | {e['naive_median_ms']:.1f} | "
            f"{e['naive_over_set']:.0f}× | {kp} | {verdict(ok)} |"
        )
    bare = res["bare_kernel"]
    out += [
        "",
        f"| Notebook | run-all, fresh kernel (s) | kernel peak memory (MB) | ÷ bare kernel "
        f"({bare['peak_mb']:.0f} MB, {bare['wall_s']:.1f} s) | file (KB) | budget: < {b['run_all_s']:.0f} s, "
        f"< {b['memory_ratio']}×, < {b['file_kb']:.0f} KB |",
        "|---|---|---|---|---|---|",
    ]
    for n in res["notebooks"]:
        ok = n["run_all_pass"] and n["memory_pass"] and n["file_pass"]
        out.append(
            f"| {n['notebook']} | {n['wall_s']:.1f} | {n['peak_mb']:.0f} | "
            f"{n['memory_ratio']:.2f}× | {n['file_kb']:.1f} | {verdict(ok)} |"
        )
    out += [
        "",
        f"`import helpers`: {res['import_helpers_ms']:.0f} ms; the first cell's imports "
        f"(helpers, explorers, self-checks): {res['import_setup_ms']:.0f} ms (fresh interpreter, "
        "median of 5). `set()` and the naive rebuild (a new FigureWidget from make_figure per "
        "change, as `interact` tutorials do) are timed inside a fresh IPython kernel, so widget "
        "messages are serialized and sent (no browser attached); key press → redraw is real "
        "JupyterLab in headless Chromium (keydown to the figure's first `plotly_afterplot`).",
    ]
    return "\n".join(out) + "\n"


def update_readme(table: str) -> None:
    readme = ROOT / "README.md"
    s = readme.read_text(encoding="utf-8")
    start, end = "<!-- bench:start -->", "<!-- bench:end -->"
    if start not in s:
        raise SystemExit("README.md has no bench markers")
    i, j = s.index(start) + len(start), s.index(end)
    readme.write_text(s[:i] + "\n" + table + s[j:], encoding="utf-8")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "build" / "bench"))
    ap.add_argument("--no-browser", action="store_true", help="skip the JupyterLab key-press latency")
    ap.add_argument("--quick", action="store_true", help="fewer repetitions (smoke run)")
    ap.add_argument("--readme", action="store_true", help="update the table in README.md")
    ap.add_argument("--notebooks", nargs="*", help="notebook paths (default: notebooks/*.ipynb)")
    ap.add_argument("--delivery-only", action="store_true", help="only the delivery benchmark")
    ap.add_argument(
        "--only-site",
        action="store_true",
        help="only the static site and, beside it, JupyterLab's key press -> redraw",
    )
    ap.add_argument("--site-dir", help="use this built site instead of building one (no build time)")
    args = ap.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    paths = (
        [Path(p) for p in args.notebooks] if args.notebooks else sorted((ROOT / "notebooks").glob("*.ipynb"))
    )
    n_set, n_naive, presses = (40, 10, 6) if args.quick else (300, 60, 20)

    if args.delivery_only:
        from conftest import find_chromium

        d = bench_delivery(paths, find_chromium(), log, presses=3 if args.quick else 7)
        (out / "delivery.json").write_text(json.dumps(d, indent=1, default=float))
        (out / "delivery.md").write_text(delivery_markdown(d))
        print(delivery_markdown(d))
        v2 = [r for r in d["rows"] if r["mode"] == "v2"]
        return 0 if all(r["ws_in_bytes"] < 1e6 and not r["problems"] for r in v2) else 1

    import labdriver

    from helpers.explorers import REGISTRY

    used_in = {name: [] for name in REGISTRY}
    for p in paths:
        for name in labdriver.expected_explorers(p):
            used_in.setdefault(name, []).append(p.stem.split("_")[0])

    res = {
        "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": f"{os.cpu_count()} CPUs, {platform.system()} {platform.machine()}, "
        f"Python {platform.python_version()}",
        "loadavg": ", ".join(f"{x:.1f}" for x in os.getloadavg()),
        "budgets": BUDGET,
    }
    res["keypress"], res["site"] = [], None
    if not args.only_site:
        log("import times")
        res["import_helpers_ms"] = import_time("import helpers")
        res["import_setup_ms"] = import_time(
            "import helpers, helpers.explorers, helpers.selfcheck; helpers.setup_notebook()"
        )
        log("explorers: set() vs naive rebuild")
        res["explorers"] = []
        for r in bench_explorers_in_kernel(sorted(REGISTRY), n_set, n_naive):
            name = r["explorer"]
            r["notebooks"] = sorted(set(used_in.get(name, [])))
            log(
                f"{name}: set() median {r['set_median_ms']:.1f} ms, p95 {r['set_p95_ms']:.1f} ms "
                f"(v1 FigureWidget: {r['set_v1_median_ms']:.1f} / {r['set_v1_p95_ms']:.1f} ms); "
                f"naive {r['naive_median_ms']:.1f} ms ({r['naive_over_set']:.0f}x)"
            )
            res["explorers"].append(r)
        log("notebooks: fresh-kernel run-all and peak memory")
        res["bare_kernel"], res["notebooks"] = bench_notebooks(paths)
    if not args.no_browser:
        sys.path.insert(0, str(ROOT / "tests"))
        from conftest import find_chromium

        chromium = find_chromium()
        if chromium is None:
            log("no Chromium: skipping the key-press latency (install the `chromium` package)")
        else:
            log("JupyterLab key press -> redraw")
            res["keypress"] = bench_keypress(paths, chromium, presses)
            if not args.only_site:
                log("delivery: websocket bytes, JS fetched, Run All -> interactive (v2 and FigureWidget v1)")
                res["delivery"] = bench_delivery(paths, chromium, log, presses=3 if args.quick else 7)
            log("static site: build, sizes, first paint, control change -> redraw")
            res["site"] = bench_site(chromium, presses, Path(args.site_dir) if args.site_dir else None)
    (out / "results.json").write_text(json.dumps(res, indent=1, default=float))
    if args.only_site:
        table = ""
    else:
        table = markdown(res) + ("\n" + delivery_markdown(res["delivery"]) if res.get("delivery") else "")
    if res["site"]:
        table += "\n".join(site_markdown(res["site"], res["keypress"])) + "\n"
    (out / "results.md").write_text(table)
    if args.readme:
        update_readme(table)
    print(table)
    checks = (
        [e["set_pass"] for e in res.get("explorers", [])]
        + [k["keypress_pass"] for k in res["keypress"]]
        + [n[k] for n in res.get("notebooks", []) for k in ("run_all_pass", "memory_pass", "file_pass")]
        + [
            r["ws_in_bytes"] < 1e6 and not r["problems"]
            for r in res.get("delivery", {}).get("rows", [])
            if r["mode"] == "v2"
        ]
    )
    if res["site"]:
        checks += [c["site_pass"] for c in res["site"]["controls"]]
        checks += [p["data_pass"] for p in res["site"]["pages"]] + [res["site"]["site_pass"]]
    log(f"{sum(checks)} of {len(checks)} budget checks pass; results in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
