"""Shared helpers for the Trophic Factors Lab notebooks.

Layers (imports only point downwards, see docs/architecture.md §3)::

    explorers/  selfcheck      ipywidgets: controls wired to models and live figures
    plots                      pure plotly figure builders and the house template
    models/                    pure numpy science, units in names and docstrings
    data  references  glossary tables in data/, validated on load

Typical notebook setup cell::

    from helpers import setup_notebook, cite, load_dataset
    setup_notebook()
"""

from __future__ import annotations

from ._version import __version__
from .data import DATA_DIR, list_datasets, load_dataset
from .plots import use_house_template
from .references import bibliography_markdown, cite

__all__ = [
    "__version__",
    "DATA_DIR",
    "load_dataset",
    "list_datasets",
    "cite",
    "bibliography_markdown",
    "use_house_template",
    "setup_notebook",
]


def setup_notebook() -> None:
    """Prepare a notebook: make the house plotly template the default for every figure."""
    use_house_template()
