"""Every notebook in real JupyterLab, driven by the system Chromium (marker ``browser``).

One JupyterLab server (127.0.0.1, temporary root holding copies of notebooks/) and one Chromium for
the session; a fresh page per notebook. For each notebook: run all cells, then check error outputs,
widget errors, plotly SVGs, explorers and their labelled controls, no request leaving 127.0.0.1,
and change every control of every explorer with the keyboard (see labdriver.ExplorerDriver).
Screenshots and a JSON summary per notebook go to build/browser/.

The last two tests are the test of the test: a positive control using every control type, and a
deliberately unwired explorer that the checker must report.
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
from conftest import NOTEBOOK_DIR, ROOT, notebook_paths

sys.path.insert(0, str(Path(__file__).parent))
import labdriver  # noqa: E402
from tfl_fixture_explorers import FIXTURE_EXPLORERS  # noqa: E402

pytestmark = pytest.mark.browser

OUT = ROOT / "build" / "browser"
SELFTEST = "_selftest"


def _selftest_notebook(explorer_name: str) -> nbformat.NotebookNode:
    cls = FIXTURE_EXPLORERS[explorer_name].__name__
    nb = nbformat.v4.new_notebook(
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
    )
    nb.cells = [
        nbformat.v4.new_markdown_cell(f"# Browser test of the test: {explorer_name}"),
        nbformat.v4.new_code_cell(
            "from helpers.explorers import create, register\n"
            f"from tfl_fixture_explorers import {cls}\nregister({cls})"
        ),
        nbformat.v4.new_code_cell(f'ex = create("{explorer_name}")\nex'),
    ]
    return nb


@pytest.fixture(scope="session")
def lab(chromium_path, playwright_session):
    """(server, browser context): one JupyterLab and one Chromium for the whole session."""
    work = Path(tempfile.mkdtemp(prefix="tfl-browser-"))
    server = labdriver.LabServer(work)
    shutil.copytree(
        NOTEBOOK_DIR, server.root / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints")
    )
    st = server.root / SELFTEST
    st.mkdir()
    shutil.copy(Path(__file__).with_name("tfl_fixture_explorers.py"), st)
    for name in FIXTURE_EXPLORERS:
        nbformat.write(_selftest_notebook(name), st / f"{name}.ipynb")
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


def check_notebook(
    lab,
    rel: str,
    expected_names: list[str],
    out_name: str,
    *,
    factories=None,
    timeout_s: float = 8.0,
    presses_per_slider: int = 2,
):
    """Open, run all, check, drive every explorer; returns (problems, summary)."""
    server, context = lab
    out = OUT / out_name
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    t0 = time.perf_counter()
    page, log = labdriver.open_notebook(context, server, rel)
    summary = {"notebook": rel, "load_to_idle_s": round(time.perf_counter() - t0, 2)}
    try:
        summary["run_all_ms"] = round(labdriver.run_all(page))
        labdriver.wait_for_figures(page, len(expected_names))
        problems, counts = labdriver.page_problems(page, log, expected_names)
        summary["counts"] = {
            "plots": counts["dom"]["plots"],
            "explorers": [e["name"] for e in counts["dom"]["explorers"]],
            "code_cells": counts["model"]["n_code"],
        }
        page.screenshot(path=str(out / "00_after_run_all.png"))
        driver = labdriver.ExplorerDriver(page, factories, timeout_s=timeout_s)
        results = driver.exercise(presses_per_slider=presses_per_slider)
        summary["controls"] = [r.__dict__ for r in results]
        problems += [
            f"explorer {r.explorer}, control {r.key} ({r.kind}, {r.key_pressed}): {r.problem}"
            for r in results
            if r.problem
        ]
        els = page.locator(".tfl-explorer")
        for i in range(els.count()):
            el = els.nth(i)
            el.scroll_into_view_if_needed()
            el.screenshot(path=str(out / f"explorer_{i + 1:02d}.png"))
        # every request so far, including those triggered by the key presses
        if log.external_requests and not any("left 127.0.0.1" in p for p in problems):
            problems.append(f"requests left 127.0.0.1: {log.external_requests[:5]}")
    except Exception as exc:  # keep a picture of the failure
        page.screenshot(path=str(out / "99_failure.png"))
        raise AssertionError(
            f"{rel}: {type(exc).__name__}: {exc}\nserver log:\n{server.log_tail(15)}"
        ) from exc
    finally:
        summary["total_s"] = round(time.perf_counter() - t0, 2)
        summary["external_requests"] = log.external_requests
        summary["page_errors"] = log.page_errors
        labdriver.shutdown_kernel(page)
        page.close()
    summary["problems"] = problems
    (out / "summary.json").write_text(json.dumps(summary, indent=1, default=str))
    return problems, summary


@pytest.mark.parametrize("path", notebook_paths(), ids=lambda p: p.name)
def test_notebook_works_in_jupyterlab(lab, path):
    names = labdriver.expected_explorers(path)
    problems, summary = check_notebook(lab, f"notebooks/{path.name}", names, path.stem)
    assert not problems, f"{path.name} in JupyterLab:\n- " + "\n- ".join(problems)
    # not vacuous: every explorer control was pressed and the page really ran
    pressed = {(c["explorer"], c["key"]) for c in summary["controls"]}
    from helpers.explorers import REGISTRY

    for name in names:
        for key in REGISTRY[name]().controls:
            assert (name, key) in pressed, f"{name}.{key} was not exercised"
    assert summary["counts"]["plots"] >= len(names)


def test_checker_drives_every_control_type(lab):
    """Positive control: an explorer with all seven control types passes, and every key press
    changed the plot."""
    name = "tfl_test_all_controls"
    problems, summary = check_notebook(
        lab, f"{SELFTEST}/{name}.ipynb", [name], name, factories=FIXTURE_EXPLORERS
    )
    assert not problems, "\n".join(problems)
    kinds = {c["kind"] for c in summary["controls"]}
    assert kinds == {"slider", "dropdown", "toggle", "radio", "checkbox"}
    assert len(summary["controls"]) == 3 * 2 + 4
    assert all(c["figure_changed"] for c in summary["controls"]), summary["controls"]


def test_checker_reports_an_unwired_explorer(lab):
    """Test of the test: update_figure does nothing, so every control must be reported."""
    name = "tfl_test_unwired"
    problems, summary = check_notebook(
        lab,
        f"{SELFTEST}/{name}.ipynb",
        [name],
        name,
        factories=FIXTURE_EXPLORERS,
        timeout_s=1.5,
        presses_per_slider=1,
    )
    reported = {c["key"] for c in summary["controls"] if c["problem"]}
    assert reported == set(FIXTURE_EXPLORERS[name]().controls), problems
    assert all("figure is stale" in c["problem"] for c in summary["controls"] if c["problem"])
    # the readout did follow: the checker tells a stale plot from a dead control
    assert all(c["readout_changed"] for c in summary["controls"] if c["kind"] != "checkbox")
