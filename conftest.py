"""Notebook hygiene for every pytest run, including ``pytest notebooks/NN_....ipynb`` alone.

This file sits at the repository root so that it also applies when only a notebook is collected
(``tests/conftest.py`` is loaded only for what is under ``tests/``). It adds two rules to the
nbval cells (one pytest item per code cell):

* A cell fails when it writes anything to stderr, which is where Python warnings go. The kernel
  is started with ``PYTHONWARNINGS=default``, so warnings that the interpreter would hide by
  default (a DeprecationWarning raised inside a library, for example) are shown once and fail
  the cell too.
* Cells run in notebook order even when pytest-randomly (or any other plugin) shuffles the test
  items: each notebook's cells stay together, in order, where its first cell landed.
"""

from __future__ import annotations

import os

import pytest

try:  # nbval is a runtime dependency; without it there are no notebook items to look after
    from nbval.plugin import IPyNbCell
except ImportError:  # pragma: no cover
    IPyNbCell = None

#: warnings filter of the kernels that nbval starts (see the module docstring)
KERNEL_WARNINGS = "default"


def _is_cell(item: pytest.Item) -> bool:
    return IPyNbCell is not None and isinstance(item, IPyNbCell)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Put every notebook's cells back together and in order (after any shuffling plugin)."""
    cells = [it for it in items if _is_cell(it)]
    if not cells:
        return
    first = {}
    for pos, it in enumerate(items):
        if _is_cell(it):
            first.setdefault(it.parent.nodeid, pos)
    ordered = sorted(cells, key=lambda it: (first[it.parent.nodeid], it.cell_num))
    start = min(first.values())
    rest = [it for it in items if not _is_cell(it)]
    n_before = sum(1 for it in items[:start] if not _is_cell(it))
    items[:] = rest[:n_before] + ordered + rest[n_before:]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item):
    """Start each notebook's kernel (nbval does so in the first cell's set-up) with warnings on."""
    if not _is_cell(item):
        return (yield)
    old = os.environ.get("PYTHONWARNINGS")
    os.environ["PYTHONWARNINGS"] = KERNEL_WARNINGS
    try:
        return (yield)
    finally:
        if old is None:
            os.environ.pop("PYTHONWARNINGS", None)
        else:
            os.environ["PYTHONWARNINGS"] = old


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item):
    """Fail a notebook cell that printed to stderr (warnings included)."""
    result = yield
    if _is_cell(item):
        err = "".join(
            o.get("text", "")
            for o in (item.test_outputs or [])
            if o.get("output_type") == "stream" and o.get("name") == "stderr"
        )
        if err:
            pytest.fail(
                f"cell {item.cell_num} wrote to stderr (a warning or an error message); a notebook "
                f"must run without warnings:\n{err}",
                pytrace=False,
            )
    return result
