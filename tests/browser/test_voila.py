"""Every explorer in Voilà (standalone, the app route), driven by the system Chromium (marker
``browser``): after every control change of every explorer the figure shows the model's state
(ExplorerDriver compares the browser's trace arrays with a shadow explorer after each key press),
plotly.js comes from the server (no request leaves 127.0.0.1) and no widget fails."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import pytest
from conftest import NOTEBOOK_DIR, notebook_paths

sys.path.insert(0, str(Path(__file__).parent))
import labdriver  # noqa: E402

pytestmark = pytest.mark.browser

WITH_EXPLORERS = [p for p in notebook_paths() if labdriver.expected_explorers(p)]


@pytest.fixture(scope="module")
def voila(chromium_path, playwright_session):
    work = Path(tempfile.mkdtemp(prefix="tfl-voila-"))
    server = labdriver.VoilaServer(work)
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


@pytest.mark.parametrize("path", WITH_EXPLORERS, ids=lambda p: p.name)
def test_every_control_of_every_explorer_redraws_in_voila(voila, path):
    server, context = voila
    names = labdriver.expected_explorers(path)
    page, log = labdriver.open_voila(context, server, f"notebooks/{path.name}", len(names))
    try:
        found = page.evaluate(
            "() => [...document.querySelectorAll('.tfl-explorer')].map(e => "
            "([...e.classList].find(c => c.startsWith('tfl-name-')) || '').slice(9))"
        )
        assert sorted(found) == sorted(names)
        results = labdriver.ExplorerDriver(page).exercise()
        problems = [
            f"{r.explorer}.{r.key} ({r.kind}, {r.key_pressed}): {r.problem}" for r in results if r.problem
        ]
        text = " ".join(page.locator(".tfl-explorer").all_inner_texts())
        if "Error displaying widget" in text or "could not be drawn" in text:
            problems.append("an explorer's widget failed to display")
        if any("Failed to initialize" in e for e in log.console_errors):
            problems.append("[anywidget] Failed to initialize model.")
        # Voilà's own page template links Font Awesome from a CDN (not plotly, not ours); plotly's
        # mime renderer calls setData, which Voilà's output models lack, after drawing a *static*
        # plotly output (its PNG cache): both are left to the Voilà route (see docs)
        external = [u for u in log.external_requests if "fontawesome" not in u]
        if external:
            problems.append(f"requests left 127.0.0.1: {external[:5]}")
        errors = [e for e in log.page_errors if "setData is not a function" not in e]
        if errors:
            problems.append(f"uncaught JavaScript errors: {errors[:3]}")
        assert not problems, f"{path.name} in Voilà:\n- " + "\n- ".join(problems)
        pressed = {(r.explorer, r.key) for r in results}
        from helpers.explorers import REGISTRY

        for name in names:
            for key in REGISTRY[name]().controls:
                assert (name, key) in pressed, f"{name}.{key} was not exercised"
        # not vacuous: most presses changed the figure
        assert sum(r.figure_changed for r in results) >= len(results) // 2
    finally:
        page.close()
