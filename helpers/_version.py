"""The version number of the collection. It is written in one place only, ``pyproject.toml``
(``[project] version``); this module reads it from the installed package's metadata, or from
``pyproject.toml`` beside the package when the checkout is used without installing it.
CITATION.cff, the README's citation and the newest CHANGELOG.md entry repeat it, and a test
checks that they agree."""

from __future__ import annotations

import re
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

DISTRIBUTION = "trophic-factors-lab"


def _from_pyproject() -> str:
    text = (Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8")
    m = re.search(r'^\[project\][^\[]*?^version\s*=\s*"([^"]+)"', text, re.M | re.S)
    if not m:
        raise RuntimeError("pyproject.toml has no [project] version")
    return m.group(1)


try:
    __version__ = version(DISTRIBUTION)
except PackageNotFoundError:  # a checkout that was not installed (pip install -e .)
    __version__ = _from_pyproject()
