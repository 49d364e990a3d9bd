"""Helpers shared by the route tests (wheel, Colab cell, Voila app, JupyterHub)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NETGUARD = ROOT / "tests" / "netguard"


def tracked_files(under: str = "") -> list[str]:
    """Files git tracks (plus new, not ignored ones) below ``under``, repository-relative."""
    out = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "--", under or "."],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split("\n")
    return sorted(p for p in out if p and (ROOT / p).is_file())


def copy_checkout(dest: Path) -> Path:
    """A copy of the repository's files (what a clone would hold) in ``dest``."""
    for rel in tracked_files():
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, target)
    return dest


def online_env(**extra) -> dict:
    """The environment for pip and other installers: without the tests' network guard."""
    env = {k: v for k, v in os.environ.items() if k not in ("TFL_BLOCK_NETWORK", "PYTHONPATH")}
    env.update(extra)
    return env


def offline_env(**extra) -> dict:
    """The environment for kernels: the network guard on, nothing of the checkout on the path."""
    env = online_env(TFL_BLOCK_NETWORK="1", PYTHONPATH=str(NETGUARD), **extra)
    env.pop("TFL_DATA_DIR", None)
    return env


def run(cmd, **kw) -> subprocess.CompletedProcess:
    """Run ``cmd``; on failure raise with its output (so a failing step says why)."""
    kw.setdefault("capture_output", True)
    kw.setdefault("text", True)
    p = subprocess.run([str(c) for c in cmd], **kw)
    if p.returncode != 0:
        raise AssertionError(
            f"{' '.join(map(str, cmd))} exited {p.returncode}\n--- stdout\n{p.stdout[-4000:]}"
            f"\n--- stderr\n{p.stderr[-4000:]}"
        )
    return p


def make_venv(path: Path) -> Path:
    """A fresh virtual environment (no system site-packages) with a current pip; its python."""
    venv.EnvBuilder(with_pip=True, clear=True).create(path)
    py = path / "bin" / "python"
    run([py, "-m", "pip", "install", "-q", "--upgrade", "pip"], env=online_env())
    return py


def build_wheel(src: Path, dist: Path) -> Path:
    """Build the project's wheel from checkout copy ``src`` (pip's isolated build)."""
    run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", dist, src], env=online_env())
    (wheel,) = dist.glob("trophic_factors_lab-*.whl")
    return wheel


EXECUTE = r"""
import json, sys
import nbformat
from nbclient import NotebookClient
path, out = sys.argv[1], sys.argv[2]
nb = nbformat.read(path, as_version=4)
NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": "."}}).execute()
problems = []
for i, c in enumerate(nb.cells):
    for o in c.get("outputs", []):
        if o.output_type == "error":
            problems.append(f"cell {i}: {o.ename}: {o.evalue}")
        elif o.output_type == "stream" and o.name == "stderr":
            problems.append(f"cell {i}: stderr: {o.text[:300]}")
json.dump({"problems": problems, "cells": len(nb.cells)}, open(out, "w"))
"""


def execute_notebook(python: Path, notebook: Path, cwd: Path, env: dict) -> dict:
    """Run every cell of ``notebook`` in a fresh kernel of ``python``'s environment (nbclient),
    with ``cwd`` as the working folder; returns {"problems": [...], "cells": n}."""
    import json

    script = cwd / "_execute.py"
    script.write_text(EXECUTE)
    out = cwd / "_result.json"
    run([python, script, notebook, out], cwd=cwd, env=env, timeout=600)
    return json.loads(out.read_text())


# ---- browser: one key press on one control of an explorer -------------------------------------
JS_EXPLORER_STATE = """el => {
  const gd = el.querySelector('.tfl-figure');
  const data = gd && gd.data ? gd.data.map(t => [t.x, t.y, t.visible].map(a =>
      a == null ? null : (typeof a === 'object' ? Array.from(a) : a))) : null;
  const ro = el.querySelector('.tfl-readout');
  return JSON.stringify({data, readout: ro ? ro.innerText : null});
}"""

JS_CONTROL_KIND = """ctl => ctl.querySelector('.noUi-handle') ? 'slider'
  : ctl.querySelector('select') ? 'select'
  : ctl.querySelectorAll('button').length > 1 ? 'toggle'
  : ctl.querySelector('input[type=checkbox]') ? 'checkbox' : null"""


def press_one_control(page, explorer, timeout_ms: int = 30_000) -> str:
    """Change the first keyboard-operable control of ``explorer`` (a Playwright locator of a
    ``.tfl-explorer``) with the keyboard and wait until its figure or readout changes; returns
    "control-key: keys pressed". Raises if nothing changes within ``timeout_ms``."""
    controls = explorer.locator(".tfl-control")
    for i in range(controls.count()):
        ctl = controls.nth(i)
        kind = ctl.evaluate(JS_CONTROL_KIND)
        if kind:
            break
    else:
        raise AssertionError("explorer has no keyboard-operable control")
    key = ctl.evaluate("c => ([...c.classList].find(k => k.startsWith('tfl-key-')) || '').slice(8)")
    before = explorer.evaluate(JS_EXPLORER_STATE)
    explorer.scroll_into_view_if_needed()
    attempts = {
        "slider": (".noUi-handle", ["ArrowRight", "ArrowLeft ArrowLeft"]),
        "select": ("select", ["ArrowDown", "ArrowUp ArrowUp"]),
        "toggle": ("button", ["Tab Space", "Shift+Tab Shift+Tab Space"]),
        "checkbox": ("input[type=checkbox]", ["Space"]),
    }[kind]
    target = ctl.locator(attempts[0]).first
    if kind == "toggle":
        target = (
            ctl.locator("button.mod-active").first if ctl.locator("button.mod-active").count() else target
        )
    target.focus()
    pressed = []
    for keys in attempts[1]:
        for k in keys.split():
            page.keyboard.press(k)
        pressed.append(keys)
        try:
            page.wait_for_function(
                f"([el, before]) => ({JS_EXPLORER_STATE})(el) !== before",
                arg=[explorer.element_handle(), before],
                timeout=timeout_ms,
            )
            return f"{key}: {' then '.join(pressed)}"
        except Exception:
            continue
    raise AssertionError(
        f"control {key!r} ({kind}): {' then '.join(pressed)} changed neither figure nor readout"
    )


_CREATE_RE = re.compile(r"\bcreate\(\s*['\"]([A-Za-z_0-9]+)['\"]")


def expected_explorers(nb_path: Path) -> list[str]:
    """Explorer names the notebook's code cells create (``create("name", ...)``)."""
    nb = json.loads(Path(nb_path).read_text(encoding="utf-8"))
    return [
        n for c in nb["cells"] if c["cell_type"] == "code" for n in _CREATE_RE.findall("".join(c["source"]))
    ]
