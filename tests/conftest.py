"""Shared test set-up.

* Every kernel and subprocess started by the tests inherits TFL_BLOCK_NETWORK=1 and loads
  tests/netguard/sitecustomize.py, which refuses any non-loopback connection: notebooks are
  executed (nbval) with no network.
* ``chromium_path`` gives the system Chromium for browser/a11y tests: without it those tests
  skip with an install hint, except under CI=true, where a missing browser is a failure.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_DIR = ROOT / "notebooks"
NETGUARD = Path(__file__).resolve().parent / "netguard"


def pytest_configure(config):
    os.environ["TFL_BLOCK_NETWORK"] = "1"
    os.environ["PYTHONPATH"] = os.pathsep.join(
        [str(NETGUARD)] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    )
    # kernels started by the tests must not read a user's own plotly renderer choice
    os.environ.pop("PLOTLY_RENDERER", None)


def notebook_paths() -> list[Path]:
    return sorted(NOTEBOOK_DIR.glob("*.ipynb"))


def topic_notebook_paths() -> list[Path]:
    return [p for p in notebook_paths() if p.name[:2].isdigit() and not p.name.startswith("00_")]


def load_notebook(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome")


def find_chromium() -> str | None:
    env = os.environ.get("TFL_CHROMIUM")
    if env:
        return env if Path(env).exists() else None
    for name in CHROMIUM_CANDIDATES:
        p = shutil.which(name)
        if p:
            return p
    return None


def skip_or_fail(msg: str) -> None:
    """A missing tool skips a test with ``msg``; under CI=true it fails it (a skip hides a gap)."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail("CI=true and " + msg)
    pytest.skip(msg)


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = find_chromium()
    if path is None:
        skip_or_fail(
            "Chromium not found: install the system package (Debian/Ubuntu: "
            "`sudo apt-get install chromium`) or set TFL_CHROMIUM=/path/to/chromium"
        )
    return path


@pytest.fixture(scope="session")
def playwright_session(chromium_path):
    """The one Playwright driver of the session. Playwright's sync API can run only one driver
    at a time in a thread, so the JupyterLab tests and the static-site tests share this one."""
    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    try:
        yield pw
    finally:
        pw.stop()
