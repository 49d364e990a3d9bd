"""The notebook rules of the root conftest.py: a cell that writes to stderr (a warning included)
fails, and cells keep notebook order when a plugin shuffles the test items.

Each case runs pytest in a subprocess on small notebooks written to a temporary folder, with a
copy of the repository's conftest.py, so the rules are tested exactly as `make test` applies them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from importlib.util import find_spec

import pytest
from conftest import ROOT

#: a plugin that reverses the collected items, as a shuffling plugin would
REVERSER = """
import pytest

@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    items.reverse()
"""
#: a library whose deprecation warning Python hides by default (it is not raised in __main__)
LEGACY = """
import warnings

def old_api():
    warnings.warn("old_api is deprecated", DeprecationWarning, stacklevel=2)
    return 1
"""


def _notebook(*sources: str) -> str:
    cells = [
        {"cell_type": "code", "metadata": {}, "source": s, "outputs": [], "execution_count": None}
        for s in sources
    ]
    return json.dumps(
        {
            "cells": cells,
            "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
            "nbformat": 4,
            "nbformat_minor": 5,
        }
    )


def _run(tmp_path, notebooks: dict[str, str], *args: str) -> tuple[dict[str, int], str]:
    shutil.copy(ROOT / "conftest.py", tmp_path / "conftest.py")
    (tmp_path / "reverser.py").write_text(REVERSER)
    (tmp_path / "legacy.py").write_text(LEGACY)
    for name, text in notebooks.items():
        (tmp_path / name).write_text(text)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")])}
    env.pop("PYTHONWARNINGS", None)
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--nbval-lax", "--nbval-current-env"]
        + ["-o", "addopts=", "-o", "filterwarnings=", "-q", *args, str(tmp_path)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    counts = {k: int(n) for n, k in re.findall(r"(\d+) (passed|failed|error)", proc.stdout)}
    return counts, proc.stdout + proc.stderr


ORDERED = _notebook("x = 1", "x = x + 1", "assert x == 2, x")


def test_cells_keep_notebook_order_when_items_are_reversed(tmp_path):
    counts, out = _run(tmp_path, {"a.ipynb": ORDERED, "b.ipynb": ORDERED}, "-p", "reverser")
    assert counts == {"passed": 6}, out


@pytest.mark.skipif(find_spec("pytest_randomly") is None, reason="pytest-randomly is not installed")
def test_cells_keep_notebook_order_under_pytest_randomly(tmp_path):
    counts, out = _run(tmp_path, {"a.ipynb": ORDERED, "b.ipynb": ORDERED}, "--randomly-seed=3")
    assert counts == {"passed": 6}, out


def test_reverser_would_break_a_notebook_without_the_rule(tmp_path):
    """The control: without the root conftest.py the reversed cells fail (so the test above can fail)."""
    counts, out = _run(tmp_path, {"a.ipynb": ORDERED}, "-p", "reverser", "--noconftest")
    assert counts.get("failed", 0) >= 1, out


BAD_CELLS = {
    "stderr": ("import sys\nprint('something went wrong', file=sys.stderr)", "something went wrong"),
    "user-warning": ("import warnings\nwarnings.warn('careful', UserWarning)", "UserWarning: careful"),
    "hidden-deprecation": ("import legacy\nlegacy.old_api()", "DeprecationWarning: old_api is deprecated"),
}


def test_a_cell_that_writes_to_stderr_fails(tmp_path):
    sources = [src for src, _ in BAD_CELLS.values()]
    counts, out = _run(tmp_path, {"w.ipynb": _notebook("x = 1", *sources, "print('ok')")})
    assert counts == {"passed": 2, "failed": 3}, out
    for cell, (_, shown) in enumerate(BAD_CELLS.values(), start=1):
        assert f"cell {cell} wrote to stderr" in out, out
        assert shown in out, out
