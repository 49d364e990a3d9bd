"""Drive real JupyterLab in the system Chromium (Playwright, sync API) for tests and benchmarks.

Adapted from the shared recipe browser_smoke.py. Pieces:

* ``LabServer``: ``python -m jupyterlab`` on 127.0.0.1 (free port, random token) serving a temporary
  root with *copies* of the notebooks, isolated JUPYTER_* dirs and settings (no news, no update
  check, no autosave, no cell windowing so every output is in the DOM).
* ``launch_chromium``: system Chromium with a fresh profile and offline-safe flags (never downloads).
* ``open_notebook`` / ``run_all`` / ``page_problems``: open a notebook, wait for an idle kernel, run all
  cells, collect error outputs, widget errors and unrendered plotly figures.
* ``ExplorerDriver``: for every explorer on the page (found by the CSS classes that
  ``helpers.explorers.base.Explorer`` adds: ``tfl-explorer tfl-name-<name>``, ``tfl-control
  tfl-key-<key>``, ``tfl-figure``, ``tfl-readout``), change each control with the keyboard and
  check that the plot's data and the readout follow. A *shadow* explorer of the same class in this
  process is kept at the same control values; after each key press the browser's trace arrays must
  equal those of ``make_figure(compute(values))`` and the readout text that of the shadow, so a
  control that does not update the plot (or updates it wrongly) is reported.
"""

from __future__ import annotations

import html
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from figure_compare import trace_arrays, trace_mismatch  # noqa: E402

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--mute-audio",
]

LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    # every cell stays in the DOM, so every figure and widget can be found and checked
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}

LOCAL_PREFIXES = ("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:")
WIDGET_ERROR_RE = re.compile(r"Error displaying widget|model not found", re.I)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LabServer:
    """A JupyterLab server on 127.0.0.1 serving ``workdir/root`` (fill it before or after start)."""

    def __init__(self, workdir: Path | None = None, app: str = "jupyterlab"):
        self.app = app  # "jupyterlab" or "notebook" (Notebook 7)
        self.workdir = Path(workdir or tempfile.mkdtemp(prefix="tfl-lab-"))
        self.root = self.workdir / "root"
        self.root.mkdir(parents=True, exist_ok=True)
        self.token = secrets.token_hex(16)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None
        self.log_path = self.workdir / "jupyterlab.log"

    def start(self, timeout: float = 90) -> LabServer:
        jhome = self.workdir / "jhome"
        env = dict(os.environ)
        for var, sub in [
            ("JUPYTER_CONFIG_DIR", "config"),
            ("JUPYTER_DATA_DIR", "data"),
            ("JUPYTER_RUNTIME_DIR", "runtime"),
            ("JUPYTERLAB_SETTINGS_DIR", "settings"),
            ("JUPYTERLAB_WORKSPACES_DIR", "workspaces"),
            ("IPYTHONDIR", "ipython"),
        ]:
            (jhome / sub).mkdir(parents=True, exist_ok=True)
            env[var] = str(jhome / sub)
        for rel, content in LAB_SETTINGS.items():
            p = jhome / "settings" / rel
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_text(json.dumps(content))
        env.pop("PLOTLY_RENDERER", None)
        # the project's own environment first (kernels start `python` from the server's PATH)
        env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
        cmd = [
            sys.executable,
            "-m",
            self.app,
            "--no-browser",
            f"--port={self.port}",
            "--ip=127.0.0.1",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={self.root}",
            "--expose-app-in-browser",
            "--LabApp.news_url=None",
            "--LabApp.check_for_updates_class=jupyterlab.handlers.announcements.NeverCheckForUpdate",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            cmd.append("--allow-root")
        return self._launch(cmd, env, f"{self.url}/api/status?token={self.token}", "jupyterlab", timeout)

    def _launch(self, cmd: list, env: dict, probe_url: str, name: str, timeout: float):
        """Start ``cmd`` and wait until ``probe_url`` answers (the process exiting, or ``timeout``, fails)."""
        self._log = open(self.log_path, "w")
        self.proc = subprocess.Popen(
            cmd, cwd=self.root, env=env, stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True
        )
        t0 = time.time()
        while time.time() - t0 < timeout:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{name} exited with {self.proc.returncode}:\n{self.log_tail()}")
            try:
                urllib.request.urlopen(probe_url, timeout=2)
                return self
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"{name} did not start in {timeout} s:\n{self.log_tail()}")

    def log_tail(self, n: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return ""

    def notebook_url(self, rel: str) -> str:
        if self.app == "notebook":
            return f"{self.url}/notebooks/{rel}?token={self.token}"
        return f"{self.url}/lab/tree/{rel}?token={self.token}&reset"

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)  # jupyter-server shuts its kernels down
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if getattr(self, "_log", None):
            self._log.close()


def launch_chromium(playwright, chromium_path: str, profile_dir: Path):
    """A persistent context on the system Chromium with a fresh profile (no browser download)."""
    return playwright.chromium.launch_persistent_context(
        str(profile_dir),
        executable_path=chromium_path,
        headless=True,
        args=CHROMIUM_ARGS,
        viewport={"width": 1280, "height": 1000},
    )


# ------------------------------------------------------------------------------------------------
# one notebook page
# ------------------------------------------------------------------------------------------------
@dataclass
class PageLog:
    external_requests: list = field(default_factory=list)
    page_errors: list = field(default_factory=list)
    console_errors: list = field(default_factory=list)
    #: local requests that failed or answered >= 400 (plotly.js not arriving leaves figures blank)
    failed_requests: list = field(default_factory=list)


def _page_error(e) -> str:
    """An uncaught error's message and the first frames of its stack: which bundle threw it (ours,
    plotly.js, JupyterLab's or anywidget's) is what tells an error under load apart."""
    stack = [ln.strip() for ln in (getattr(e, "stack", "") or "").splitlines()[1:6]]
    return (str(e)[:300] + (" | " + " < ".join(ln[:160] for ln in stack) if stack else ""))[:1200]


def record(page, log: PageLog) -> None:
    """Record, for ``log``, the page's uncaught errors (with stacks), console errors and failed local
    requests."""
    page.on("pageerror", lambda e: log.page_errors.append(_page_error(e)))
    page.on("console", lambda m: m.type == "error" and log.console_errors.append(m.text[:300]))

    # local only: a request that leaves 127.0.0.1 is already in external_requests (and fails offline)
    def failed(url: str, why: str) -> None:
        if url.startswith(LOCAL_PREFIXES):
            log.failed_requests.append(f"{url[:160]}: {why}")

    page.on("requestfailed", lambda r: failed(r.url, str(r.failure)))
    page.on("response", lambda r: r.status >= 400 and failed(r.url, f"HTTP {r.status}"))


def all_drawn_js(box: str, n: int) -> str:
    """JS condition: at least ``n`` elements match ``box`` and each holds a drawn plotly figure.

    Counting ``svg.main-svg`` elements instead is not enough: plotly draws three of them per figure
    (paper, toppaper, hoverpaper), so "n of them" passes while later explorers are still missing
    (Voila renders outputs as the cells run; under load notebook 04's third explorer was not yet
    in the page)."""
    return (
        f"() => {{ const ex = [...document.querySelectorAll({box!r})];"
        f" return ex.length >= {int(n)} && ex.every(e => e.querySelector('svg.main-svg')); }}"
    )


#: what a figure wait reports when it times out: which explorers' figures are not drawn and why
FIGURE_STATE_JS = """() => {
  const ex = [...document.querySelectorAll('.tfl-explorer')];
  const blank = ex.filter(e => !e.querySelector('.tfl-figure svg.main-svg')).map(e => {
    const name = ([...e.classList].find(c => c.startsWith('tfl-name-')) || '?').slice(9);
    const fig = e.querySelector('.tfl-figure');
    const text = ((fig && fig.innerText) || e.innerText || '').replace(/\\s+/g, ' ').trim();
    return name + (fig ? '' : ' (no figure element)') + (text ? ': ' + text.slice(0, 120) : '');
  });
  return { explorers: ex.length, blank, plotly: !!(window.Plotly && window.Plotly.react),
           widget_errors: document.body.innerText.split('Error displaying widget').length - 1 };
}"""


def figure_state(page, log: PageLog) -> str:
    """A one-paragraph account of the page's explorer figures and errors, for a timeout's message."""
    try:
        state = page.evaluate(FIGURE_STATE_JS)
    except Exception as exc:  # the page itself is gone or hung
        state = f"(page did not answer: {str(exc)[:120]})"
    return (
        f"figures: {state}; page errors: {log.page_errors[:3]}; console errors: {log.console_errors[:3]};"
        f" failed requests: {log.failed_requests[:5]}"
    )


def open_notebook(context, server: LabServer, rel: str, timeout_s: float = 120):
    """New page with request/error recording; returns (page, log) once the kernel is idle."""
    page = context.new_page()
    log = PageLog()

    def on_request(req):
        if not req.url.startswith(LOCAL_PREFIXES):
            log.external_requests.append(req.url[:200])

    page.on("request", on_request)
    page.on(
        "websocket",
        lambda ws: None if ws.url.startswith(LOCAL_PREFIXES) else log.external_requests.append(ws.url[:200]),
    )
    record(page, log)
    page.goto(server.notebook_url(rel))
    page.wait_for_function(
        "window.jupyterapp?.shell?.currentWidget?.sessionContext?.session?.kernel?.status === 'idle'",
        timeout=timeout_s * 1000,
    )
    return page, log


JS_RUN_ALL = """async () => {
  const t0 = performance.now();
  await window.jupyterapp.commands.execute('notebook:run-all-cells');
  return performance.now() - t0;
}"""

JS_MODEL_OUTPUTS = """() => {
  const cells = window.jupyterapp.shell.currentWidget.content.model.cells;
  const errors = [], plotly_static = [];
  let n_code = 0, n_executed = 0;
  for (let i = 0; i < cells.length; i++) {
    const c = cells.get(i);
    if (c.type !== 'code') continue;
    n_code++;
    if (c.executionCount) n_executed++;
    for (let j = 0; j < c.outputs.length; j++) {
      const o = c.outputs.get(j).toJSON();
      if (o.output_type === 'error') errors.push({cell: i, ename: o.ename, evalue: o.evalue});
      const d = o.data || {};
      if (d['application/vnd.plotly.v1+json'] && !d['application/vnd.jupyter.widget-view+json'])
        plotly_static.push(i);
      if (o.output_type === 'stream' && o.name === 'stderr' && /Traceback|Error/.test(o.text))
        errors.push({cell: i, ename: 'stderr', evalue: String(o.text).slice(0, 300)});
    }
  }
  return {errors, plotly_static, n_code, n_executed};
}"""

JS_DOM_STATE = """() => {
  const plots = [...document.querySelectorAll('.jp-OutputArea .js-plotly-plot')];
  return {
    plots: plots.length,
    plots_without_svg: plots.filter(g => !g.querySelector('svg.main-svg')).length,
    widget_errors: [...document.querySelectorAll('.jp-OutputArea-output')]
        .map(e => e.innerText).filter(t => /Error displaying widget|model not found/i.test(t))
        .map(t => t.slice(0, 200)),
    explorers: [...document.querySelectorAll('.tfl-explorer')].map(el => ({
        name: ([...el.classList].find(c => c.startsWith('tfl-name-')) || '').slice(9),
        controls: [...el.querySelectorAll('.tfl-control')].map(c => ({
            key: ([...c.classList].find(k => k.startsWith('tfl-key-')) || '').slice(8),
            label: (c.querySelector('.widget-label, .widget-label-basic')?.innerText || '').trim(),
            visible: c.getBoundingClientRect().width > 0 && c.getBoundingClientRect().height > 0})),
        figure_svg: !!el.querySelector('.tfl-figure svg.main-svg'),
        readout: !!el.querySelector('.tfl-readout')})),
  };
}"""


def run_all(page) -> float:
    """Run every cell (resolves when all finished); returns wall time in ms."""
    return page.evaluate(JS_RUN_ALL)


def wait_for_figures(page, n_explorers: int = 0, timeout_s: float = 60) -> None:
    """Wait until ``n_explorers`` explorers are in the page and every figure in it is drawn.

    Explorer figures are drawn asynchronously after Run All resolves (plotly.js arrives over HTTP), so
    waiting only on the figures already in the page passes too early on a loaded machine: count them.
    """
    try:
        page.wait_for_function(
            """n => {
              const ex = [...document.querySelectorAll('.jp-OutputArea .tfl-explorer')];
              const plots = [...document.querySelectorAll('.jp-OutputArea .js-plotly-plot')];
              return ex.length >= n
                && ex.every(e => e.querySelector('.js-plotly-plot svg.main-svg'))
                && plots.every(g => g.querySelector('svg.main-svg'));
            }""",
            arg=n_explorers,
            timeout=timeout_s * 1000,
        )
    except Exception:  # reported by page_problems
        pass


#: JupyterLab's splash screen: shown while a theme loads, removed 200 ms after the theme is in
SPLASH_GONE_JS = "() => !document.getElementById('jupyterlab-splash')"


def set_theme(page, dark: bool, timeout_s: float = 60) -> None:
    """Switch JupyterLab to its dark (or light) theme and wait until the theme is applied and its
    splash screen is gone.

    JupyterLab shows its splash screen for every theme load and removes it with
    ``setTimeout(() => document.body.removeChild(splash), 200)`` once the theme is in (the
    ``@jupyterlab/apputils-extension:splash`` plugin, 4.6). A second theme switch that starts
    inside those 200 ms schedules a second removal, which throws "Failed to execute 'removeChild'
    on 'Node'" as an uncaught page error. On a loaded machine the timer runs late (the explorers
    redraw for the new theme at the same moment), so a test that switched back right after the
    figures turned dark hit that window about once in ten runs. Waiting for the splash screen to
    go, before and after each switch, keeps switches apart, as a person clicking the menu does.
    The error is JupyterLab's and has no visible effect: the splash screen is already gone.
    """
    name = "JupyterLab Dark" if dark else "JupyterLab Light"
    page.wait_for_function(SPLASH_GONE_JS, timeout=timeout_s * 1000)
    page.evaluate("t => window.jupyterapp.commands.execute('apputils:change-theme', {theme: t})", name)
    page.wait_for_function(
        f"() => document.body.dataset.jpThemeLight === '{'false' if dark else 'true'}' && ({SPLASH_GONE_JS})()",
        timeout=timeout_s * 1000,
    )


# create("name") or create("name", prediction=p)
EXPLORER_CALL_RE = re.compile(r"\bcreate\(\s*['\"]([A-Za-z_0-9]+)['\"]\s*[,)]")


def expected_explorers(nb_path: Path) -> list[str]:
    """Explorer names created by the notebook's code cells (``create("name")``)."""
    nb = json.loads(Path(nb_path).read_text(encoding="utf-8"))
    names = []
    for c in nb["cells"]:
        if c["cell_type"] == "code":
            names += EXPLORER_CALL_RE.findall("".join(c["source"]))
    return names


def page_problems(page, log: PageLog, expected_names: list[str]) -> tuple[list[str], dict]:
    """Everything wrong with a notebook page after run-all (empty list = fine), and counts."""
    problems = []
    model = page.evaluate(JS_MODEL_OUTPUTS)
    dom = page.evaluate(JS_DOM_STATE)
    for e in model["errors"]:
        problems.append(f"error output in cell {e['cell']}: {e['ename']}: {e['evalue']}")
    if model["n_executed"] < model["n_code"]:
        problems.append(f"only {model['n_executed']} of {model['n_code']} code cells ran")
    for t in dom["widget_errors"]:
        problems.append(f"widget failed to render: {t!r}")
    if dom["plots_without_svg"]:
        problems.append(f"{dom['plots_without_svg']} plotly figure(s) without an SVG")
    n_expected_plots = len(model["plotly_static"]) + len(expected_names)
    if dom["plots"] < n_expected_plots:
        problems.append(
            f"{dom['plots']} plotly figures in the page, expected at least "
            f"{n_expected_plots} ({len(model['plotly_static'])} static + "
            f"{len(expected_names)} explorers)"
        )
    found = sorted(e["name"] for e in dom["explorers"])
    if found != sorted(expected_names):
        problems.append(f"explorers in the page {found} != created in the notebook {sorted(expected_names)}")
    for e in dom["explorers"]:
        if not e["figure_svg"]:
            problems.append(f"explorer {e['name']}: figure has no SVG")
        if not e["readout"]:
            problems.append(f"explorer {e['name']}: no readout")
        for c in e["controls"]:
            if not (c["visible"] and c["label"]):
                problems.append(f"explorer {e['name']}: control {c['key']} not rendered with a label")
    if log.external_requests:
        problems.append(f"requests left 127.0.0.1: {log.external_requests[:5]}")
    if log.page_errors:
        problems.append(f"uncaught JavaScript errors: {log.page_errors[:3]}")
    if problems and log.failed_requests:  # a likely cause of blank figures; alone, not a problem
        problems.append(f"(requests that failed: {log.failed_requests[:5]})")
    return problems, {"model": model, "dom": dom}


def shutdown_kernel(page) -> None:
    try:
        page.evaluate("() => window.jupyterapp.shell.currentWidget.sessionContext.shutdown()")
    except Exception:
        pass


# ------------------------------------------------------------------------------------------------
# explorers: keyboard driving, with a shadow explorer as the oracle
# ------------------------------------------------------------------------------------------------
JS_CONTROL_STATE = """ctl => {
  const target = ctl.querySelector('.noUi-target');
  if (target && target.noUiSlider) return {kind: 'slider', value: Number(target.noUiSlider.get(true))};
  const sel = ctl.querySelector('select');
  if (sel) return {kind: 'dropdown', index: sel.selectedIndex, n: sel.options.length};
  if (ctl.classList.contains('widget-toggle-buttons')) {
    const b = [...ctl.querySelectorAll('button')];
    return {kind: 'toggle', index: b.findIndex(x => x.classList.contains('mod-active')), n: b.length};
  }
  const radios = [...ctl.querySelectorAll('input[type=radio]')];
  if (radios.length) return {kind: 'radio', index: radios.findIndex(r => r.checked), n: radios.length};
  const cb = ctl.querySelector('input[type=checkbox]');
  if (cb) return {kind: 'checkbox', value: cb.checked};
  return {kind: 'unknown'};
}"""

JS_FIGURE_STATE = """el => {
  const gd = el.querySelector('.tfl-figure') || el.querySelector('.js-plotly-plot');
  const arr = v => (v == null ? null : (ArrayBuffer.isView(v) || Array.isArray(v)) ? Array.from(v,
      x => (ArrayBuffer.isView(x) || Array.isArray(x)) ? Array.from(x) : x) : [v]);
  const traces = (gd && gd.data ? gd.data : []).map(t => ({
      visible: t.visible === undefined ? true : t.visible,
      x: arr(t.x), y: arr(t.y), z: arr(t.z), text: arr(t.text)}));
  const ro = el.querySelector('.tfl-readout');
  return {traces, readout: ro ? ro.innerText : null,
          layout: gd && gd.layout ? JSON.stringify({shapes: gd.layout.shapes || [],
               annotations: (gd.layout.annotations || []).map(a => a.text),
               title: gd.layout.title && gd.layout.title.text}) : null};
}"""


def _norm_text(s: str | None) -> str:
    s = html.unescape(re.sub(r"<[^>]+>", " ", s or ""))
    return re.sub(r"\s+", "", s)


@dataclass
class ControlResult:
    explorer: str
    key: str
    kind: str
    key_pressed: str
    figure_changed: bool
    readout_changed: bool
    response_ms: float | None  # key press until the page matched the model (not a benchmark)
    problem: str | None = None
    expected_figure_change: bool | None = None
    expected_readout_change: bool | None = None


def _wait(predicate, timeout_s: float, poll_s: float = 0.03):
    t0 = time.perf_counter()
    while True:
        value = predicate()
        if value or time.perf_counter() - t0 > timeout_s:
            return value
        time.sleep(poll_s)


class ExplorerDriver:
    """Keyboard-drive every control of every explorer on a page and check the results."""

    def __init__(self, page, factories: dict | None = None, timeout_s: float = 8.0):
        from helpers.explorers import REGISTRY

        self.page = page
        self.factories = {**REGISTRY, **(factories or {})}
        self.timeout_s = timeout_s

    # -- reading the browser --------------------------------------------------------------------
    def _state(self, el):
        return el.evaluate(JS_FIGURE_STATE)

    def _control(self, el, key):
        return el.locator(f".tfl-control.tfl-key-{key}").first

    def _control_state(self, ctl):
        return ctl.evaluate(JS_CONTROL_STATE)

    # -- the shadow -----------------------------------------------------------------------------
    @staticmethod
    def _apply(shadow, key, st):
        w = shadow.controls[key]
        if st["kind"] == "slider":
            v = st["value"]
            if hasattr(w, "base") and w.__class__.__name__ == "FloatLogSlider":
                v = w.base**v
            if w.__class__.__name__ == "IntSlider":
                v = int(round(v))
            w.value = v
        elif st["kind"] in ("dropdown", "toggle", "radio"):
            if st["index"] >= 0:
                w.index = st["index"]
        elif st["kind"] == "checkbox":
            w.value = bool(st["value"])

    @staticmethod
    def _expected(shadow):
        fig = shadow.make_figure(shadow.compute(**shadow.values()))
        return trace_arrays(fig), _norm_text(shadow.readout.value)

    def _check_matches(self, el, shadow):
        """Wait until the browser shows the shadow's figure and readout; return a problem or None."""
        exp_traces, exp_readout = self._expected(shadow)
        last = {}

        def ok():
            st = self._state(el)
            last["st"] = st
            return (
                trace_mismatch(st["traces"], exp_traces) is None and _norm_text(st["readout"]) == exp_readout
            )

        if _wait(ok, self.timeout_s):
            return None
        st = last["st"]
        why = trace_mismatch(st["traces"], exp_traces)
        if why:
            return f"figure is stale or wrong: {why}"
        return (
            f"readout {st['readout']!r} does not match the model's "
            f"{html.unescape(re.sub(r'<[^>]+>', ' ', shadow.readout.value)).split('  ')[0][:200]!r}"
        )

    # -- keyboard -------------------------------------------------------------------------------
    def _press(self, ctl, st, shadow_widget, back: bool = False) -> str:
        kb = self.page.keyboard
        kind = st["kind"]
        if kind == "slider":
            w = shadow_widget
            if w.__class__.__name__ == "FloatLogSlider":
                pos, hi, lo = np.log(w.value) / np.log(w.base), w.max, w.min
            else:
                pos, hi, lo = w.value, w.max, w.min
            at_top = pos + w.step > hi + 1e-9
            at_bottom = pos - w.step < lo - 1e-9
            key = "ArrowLeft" if (at_top or back) and not at_bottom else "ArrowRight"
            ctl.locator(".noUi-handle").first.focus()
            kb.press(key)
            return key
        if kind == "dropdown":
            # a bare ArrowDown on a focused <select> is taken by JupyterLab's command mode (it
            # moves focus away); Alt+ArrowDown opens the list, an arrow picks, Enter commits
            key = "ArrowUp" if st["index"] >= st["n"] - 1 else "ArrowDown"
            ctl.locator("select").first.focus()
            kb.press("Alt+ArrowDown")
            kb.press(key)
            kb.press("Enter")
            return f"Alt+ArrowDown {key} Enter"
        if kind in ("toggle", "radio"):
            items = ctl.locator("button" if kind == "toggle" else "input[type=radio]")
            i = max(st["index"], 0)
            items.nth(i).focus()
            key = "Shift+Tab" if i >= st["n"] - 1 else "Tab"
            kb.press(key)
            kb.press("Space")
            return f"{key} Space"
        if kind == "checkbox":
            ctl.locator("input[type=checkbox]").first.focus()
            kb.press("Space")
            return "Space"
        raise AssertionError(f"unsupported control in the page: {st}")

    def exercise(self, presses_per_slider: int = 2) -> list[ControlResult]:
        """Change every control of every explorer by keyboard; one ControlResult per key press."""
        results: list[ControlResult] = []
        els = self.page.locator(".tfl-explorer")
        for i in range(els.count()):
            el = els.nth(i)
            el.scroll_into_view_if_needed()
            name = el.evaluate("e => ([...e.classList].find(c => c.startsWith('tfl-name-'))||'').slice(9)")
            if name not in self.factories:
                results.append(
                    ControlResult(
                        name,
                        "-",
                        "-",
                        "-",
                        False,
                        False,
                        None,
                        f"explorer {name!r} is not registered in this process",
                    )
                )
                continue
            shadow = self.factories[name]()
            # mirror the page's current control values (a notebook may have called set())
            for key in shadow.controls:
                st = self._control_state(self._control(el, key))
                if st["kind"] != "slider":
                    self._apply(shadow, key, st)
            for key in shadow.controls:
                st = self._control_state(self._control(el, key))
                if st["kind"] == "slider":
                    self._apply(shadow, key, st)
            problem = self._check_matches(el, shadow)
            if problem:
                results.append(
                    ControlResult(
                        name, "(initial)", "-", "-", False, False, None, "initial state: " + problem
                    )
                )
            for key, w in shadow.controls.items():
                ctl = self._control(el, key)
                n = presses_per_slider if "Slider" in w.__class__.__name__ else 1
                for k in range(n):  # sliders: one step away, then one step back
                    back = k > 0 and results[-1].key_pressed == "ArrowRight"
                    results.append(self._one_press(el, ctl, shadow, name, key, back))
        return results

    def _resync(self, el, shadow, pressed_key) -> str | None:
        """After a change, other controls may have been changed by the explorer (e.g. a unit
        switch rescales a slider) and the browser may have snapped them to the slider's step and
        sent that back. Adopt differences up to half a step; report larger ones."""
        time.sleep(0.15)  # let echoes of dependent controls arrive
        for key, w in shadow.controls.items():
            if key == pressed_key:
                continue
            st = self._control_state(self._control(el, key))
            if st["kind"] != "slider":
                continue
            is_log = w.__class__.__name__ == "FloatLogSlider"
            browser = w.base ** st["value"] if is_log else st["value"]
            if is_log:
                off = abs(st["value"] - np.log10(w.value) / np.log10(w.base))
            else:
                off = abs(browser - w.value)
            if off <= w.step / 2 + 1e-9:
                if off:
                    self._apply(shadow, key, st)
            else:
                return (
                    f"after changing {pressed_key!r}, slider {key!r} shows {browser:g} in the "
                    f"browser but the explorer set it to {w.value:g} (more than half a step "
                    f"of {w.step:g} apart): the browser snapped a value that arrived before the "
                    f"slider's new step/range and sent it back; set step and range first)"
                )
        return None

    def _one_press(self, el, ctl, shadow, name, key, back=False) -> ControlResult:
        before_ctl = self._control_state(ctl)
        before = self._state(el)
        exp_before = self._expected(shadow)
        t0 = time.perf_counter()
        pressed = self._press(ctl, before_ctl, shadow.controls[key], back)
        res = ControlResult(name, key, before_ctl["kind"], pressed, False, False, None)
        moved = _wait(lambda: self._control_state(ctl) != before_ctl, self.timeout_s, 0.01)
        if not moved:
            res.problem = f"{pressed} did not change the control"
            return res
        after_ctl = self._control_state(ctl)
        self._apply(shadow, key, after_ctl)
        desync = self._resync(el, shadow, key)
        if desync:
            res.problem = desync
            return res
        exp_after = self._expected(shadow)
        res.expected_figure_change = trace_mismatch(exp_before[0], exp_after[0]) is not None
        res.expected_readout_change = exp_before[1] != exp_after[1]
        problem = self._check_matches(el, shadow)  # waits until the page shows the model's state
        res.response_ms = round((time.perf_counter() - t0) * 1000, 1)
        now = self._state(el)
        res.figure_changed = trace_mismatch(now["traces"], before["traces"]) is not None
        res.readout_changed = now["readout"] != before["readout"]
        if problem:
            res.problem = problem
        elif res.expected_figure_change and not res.figure_changed:
            res.problem = "the figure data did not change"
        elif res.expected_readout_change and not res.readout_changed:
            res.problem = "the readout did not change"
        return res


# ------------------------------------------------------------------------------------------------
# Voilà
# ------------------------------------------------------------------------------------------------
class VoilaServer(LabServer):
    """Voilà (standalone) on 127.0.0.1 serving ``workdir/root`` as a tree; pages are
    ``/voila/render/<rel>``. Same isolated JUPYTER_* dirs as LabServer."""

    def start(self, timeout: float = 90) -> VoilaServer:
        jhome = self.workdir / "jhome"
        env = dict(os.environ)
        for var, sub in [
            ("JUPYTER_CONFIG_DIR", "config"),
            ("JUPYTER_DATA_DIR", "data"),
            ("JUPYTER_RUNTIME_DIR", "runtime"),
            ("IPYTHONDIR", "ipython"),
        ]:
            (jhome / sub).mkdir(parents=True, exist_ok=True)
            env[var] = str(jhome / sub)
        env.pop("PLOTLY_RENDERER", None)
        env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
        cmd = [
            str(Path(sys.executable).with_name("voila")),
            str(self.root),
            "--no-browser",
            f"--port={self.port}",
            "--Voila.ip=127.0.0.1",
            f"--Voila.token={self.token}",
            "--show_tracebacks=True",
        ]
        return self._launch(cmd, env, f"{self.url}/?token={self.token}", "voila", timeout)

    def notebook_url(self, rel: str) -> str:
        return f"{self.url}/voila/render/{rel}?token={self.token}"


def open_voila(context, server: VoilaServer, rel: str, n_explorers: int, timeout_s: float = 240):
    """New page on a Voilà render; returns (page, log) once every explorer's figure is drawn."""
    page = context.new_page()
    log = PageLog()
    page.on(
        "request",
        lambda req: (
            None if req.url.startswith(LOCAL_PREFIXES) else log.external_requests.append(req.url[:200])
        ),
    )
    record(page, log)
    page.goto(server.notebook_url(rel), timeout=timeout_s * 1000)
    try:
        page.wait_for_function(
            all_drawn_js(".tfl-explorer", n_explorers),
            timeout=timeout_s * 1000,
        )
    except Exception as exc:
        raise AssertionError(
            f"{rel} in Voila: {n_explorers} explorer figures not drawn after {timeout_s:.0f} s"
            f" ({type(exc).__name__}); {figure_state(page, log)}"
        ) from None
    return page, log
