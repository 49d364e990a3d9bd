"""One version number: pyproject.toml's, repeated (and checked) in CITATION.cff, README and CHANGELOG."""

import re

from conftest import ROOT

import helpers
from helpers import _version


def test_version_comes_from_pyproject():
    assert re.fullmatch(r"\d+\.\d+\.\d+", helpers.__version__)
    assert helpers.__version__ == _version._from_pyproject()


def test_citation_readme_and_changelog_repeat_the_version():
    v = helpers.__version__
    cff = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert re.search(r"^version:\s*(\S+)\s*$", cff, re.M).group(1) == v
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"(version {v})" in readme
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    released = re.findall(r"^## \[(\d+\.\d+\.\d+)\]", changelog, re.M)
    assert released and released[0] == v, "the newest CHANGELOG.md release must be the current version"
    assert "## [Unreleased]" in changelog
