"""`make app`: the student copies served by Voila in app mode, opened in Chromium.

For every notebook: the app-mode copy (helpers.publish.app: solution cells and the Colab cell
removed, notebook-operating wording removed) is rendered by a real Voila server on 127.0.0.1;
the page shows no code, no error output and no wording such as "Shift+Enter"; every explorer
the notebook creates is on the page, and one control of each, changed with the keyboard,
changes that explorer's figure or readout. (Explorer redraw correctness in Voila is tested by
tests/browser; this test is about app mode and the student copies.)
"""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from routes_util import ROOT, expected_explorers, offline_env, press_one_control

from helpers.publish.app import APP_JUPYTER_PATH, NOTEBOOK_ONLY, build_app

sys.path.insert(0, str(ROOT / "tests" / "browser"))
import labdriver  # noqa: E402

pytestmark = [pytest.mark.routes, pytest.mark.browser]

OUT = ROOT / "build" / "app-test"
NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


@pytest.fixture(scope="module")
def voila(tmp_path_factory):
    work = tmp_path_factory.mktemp("voila")
    app_dir = work / "app"
    build_app(app_dir)
    port, token = labdriver.free_port(), secrets.token_hex(16)
    env = offline_env()
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env["JUPYTER_CONFIG_DIR"] = str(work / "config")
    env["JUPYTER_RUNTIME_DIR"] = str(work / "runtime")
    env["JUPYTER_PATH"] = str(APP_JUPYTER_PATH)
    log = open(work / "voila.log", "w")
    # the command `make app` runs, on a free port with a token
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "voila",
            "--no-browser",
            f"--port={port}",
            "--Voila.ip=127.0.0.1",
            f"--token={token}",
            "--show_tracebacks=True",
            "--template=tfl_app",
            ".",
        ],
        cwd=app_dir,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    t0 = time.monotonic()
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"voila exited: {(work / 'voila.log').read_text()[-3000:]}")
        try:
            urllib.request.urlopen(f"{url}/?token={token}", timeout=2)
            break
        except OSError:
            if time.monotonic() - t0 > 120:
                raise
            time.sleep(0.2)  # poll interval while the server starts
    try:
        yield url, token, app_dir
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@pytest.fixture(scope="module")
def browser(chromium_path, playwright_session, tmp_path_factory):
    ctx = labdriver.launch_chromium(playwright_session, chromium_path, tmp_path_factory.mktemp("profile"))
    yield ctx
    ctx.close()


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_app_mode_page_and_one_control_per_explorer(voila, browser, name):
    url, token, app_dir = voila
    expected = expected_explorers(app_dir / name)
    assert expected, f"{name} creates no explorer"
    page = browser.new_page()
    errors: list[str] = []
    external: list[str] = []
    page.on("pageerror", lambda e: errors.append(f"{str(e)[:300]} at {str(getattr(e, 'stack', ''))[:600]}"))
    page.on(
        "request", lambda r: None if r.url.startswith(labdriver.LOCAL_PREFIXES) else external.append(r.url)
    )
    try:
        page.goto(f"{url}/voila/render/{name}?token={token}", timeout=120_000)
        page.wait_for_function(
            labdriver.all_drawn_js(".tfl-explorer", len(expected)),
            timeout=240_000,
        )
        found = sorted(
            page.evaluate(
                "() => [...document.querySelectorAll('.tfl-explorer')].map(e => "
                "([...e.classList].find(c => c.startsWith('tfl-name-')) || '').slice(9))"
            )
        )
        assert found == sorted(expected)
        OUT.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(OUT / f"{name}.png"), full_page=True)
        text = page.inner_text("body")
        shown = [text[max(0, m.start() - 150) : m.end() + 60] for m in NOTEBOOK_ONLY.finditer(text)]
        assert shown == [], f"notebook wording in app mode: {shown}"
        assert "Traceback" not in text and "Error displaying widget" not in text
        assert page.locator(".jp-InputArea-editor, .jp-CodeMirrorEditor").count() == 0, "code is shown"
        stderr = page.locator("[data-mime-type='application/vnd.jupyter.stderr']").all_inner_texts()
        assert stderr == [], f"stderr output in the app: {stderr}"
        explorers = page.locator(".tfl-explorer")
        pressed = [press_one_control(page, explorers.nth(i)) for i in range(explorers.count())]
        assert len(pressed) == len(expected)
        # jupyterlab-plotly's renderer stores a PNG snapshot of each static figure back into the
        # notebook after drawing it (model.setData); Voila's read-only output models have no
        # setData, so that write-back throws once per static figure *after* the figure is drawn
        # (checked above and below). Any other uncaught error fails the test.
        errors = [
            e
            for e in errors
            if not e.startswith("r.setData is not a function") or "jupyterlab-plotly" not in e
        ]
        assert errors == [], errors
        assert page.locator(".js-plotly-plot:not(:has(svg.main-svg))").count() == 0, "a figure did not render"
        assert external == [], external
    finally:
        page.close()
