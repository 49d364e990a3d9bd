"""Publishing tools: the static site, the student copies and the notebook accessibility lint.

Not imported by the notebooks (they need only the layers in docs/architecture.md §3); used by
``make site``, ``make student`` and the tests::

    python -m helpers.publish.site      [--out build/site]     # static HTML site, offline
    python -m helpers.publish.student   [--out build/student]  # notebooks without solution cells

Every tool *discovers* the notebooks in ``notebooks/*.ipynb``, so new notebooks are covered
without editing anything here.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
NOTEBOOK_DIR = ROOT / "notebooks"
BUILD_DIR = ROOT / "build"

#: Tag that marks an exercise's model answer; the student build and the site drop such cells.
SOLUTION_TAG = "solution"


def notebook_paths(directory: Path | None = None) -> list[Path]:
    """Every notebook in ``directory`` (default: notebooks/), in file-name order."""
    return sorted(Path(directory or NOTEBOOK_DIR).glob("*.ipynb"))
