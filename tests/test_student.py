"""Student copies (`make student`) and the instructor guide.

* A student copy has no cell tagged ``solution`` and keeps every other cell unchanged, in order.
* The instructor guide has a section for every notebook present, both session plans, and the
  ways to share the collection, each marked tried or untested.
"""

from __future__ import annotations

import json
import re

import nbformat
import pytest
from conftest import NOTEBOOK_DIR, load_notebook, notebook_paths

from helpers.publish.student import build_student, is_solution, student_notebook

NOTEBOOKS = notebook_paths()
GUIDE = NOTEBOOK_DIR / "instructor_guide.md"


def _key(cell):
    return (cell["cell_type"], "".join(cell["source"]), json.dumps(cell.get("metadata", {}), sort_keys=True))


def test_student_build_writes_a_copy_of_every_notebook(tmp_path):
    written = build_student(tmp_path)
    assert sorted(p.name for p in written) == [p.name for p in NOTEBOOKS]
    for src in NOTEBOOKS:
        copy = json.loads((tmp_path / src.name).read_text(encoding="utf-8"))
        nbformat.validate(nbformat.from_dict(copy))
        original = load_notebook(src)
        assert not [c for c in copy["cells"] if is_solution(c)], f"{src.name}: solution cell in student copy"
        kept = [_key(c) for c in original["cells"] if not is_solution(c)]
        assert [_key(c) for c in copy["cells"]] == kept, f"{src.name}: student copy changed other cells"
        assert copy["metadata"] == original["metadata"]


def test_topic_notebooks_mark_their_exercise_solutions():
    """Each topic notebook's 'Try it yourself' exercise has a model answer tagged solution."""
    for path in NOTEBOOKS:
        nb = load_notebook(path)
        md = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
        if re.search(r"try it yourself", md, re.I):
            assert any(is_solution(c) for c in nb["cells"]), f"{path.name}: exercise without a solution cell"


def test_solution_cells_are_removed_and_nothing_else():
    nb = {
        "metadata": {"title": "T", "widgets": {"state": {}}},
        "nbformat": 4,
        "nbformat_minor": 5,
        "cells": [
            {"cell_type": "markdown", "metadata": {}, "source": "# T", "id": "a"},
            {
                "cell_type": "code",
                "metadata": {"tags": ["solution"]},
                "source": "answer = 42",
                "outputs": [],
                "execution_count": None,
                "id": "b",
            },
            {
                "cell_type": "code",
                "metadata": {"tags": ["keep"]},
                "source": "x = 1",
                "outputs": [{"output_type": "stream", "name": "stdout", "text": "1"}],
                "execution_count": 3,
                "id": "c",
            },
            {
                "cell_type": "markdown",
                "metadata": {"tags": ["solution", "x"]},
                "source": "Model answer",
                "id": "d",
            },
        ],
    }
    out = student_notebook(nb)
    assert [c["id"] for c in out["cells"]] == ["a", "c"]
    assert out["cells"][1]["outputs"] == [] and out["cells"][1]["execution_count"] is None
    assert "widgets" not in out["metadata"]
    assert len(nb["cells"]) == 4 and nb["metadata"]["widgets"] == {"state": {}}  # input untouched


# ---- the instructor guide -------------------------------------------------------------------
def _sections(text):
    return re.split(r"^(?=#{2,3} )", text, flags=re.M)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_instructor_guide_has_a_section_for_the_notebook(path):
    text = GUIDE.read_text(encoding="utf-8")
    sec = [s for s in _sections(text) if s.startswith("###") and f"`{path.name}`" in s.splitlines()[0]]
    assert len(sec) == 1, f"instructor_guide.md needs one '### NN: ... (`{path.name}`)' section"
    body = sec[0]
    assert re.search(r"\*\*Time:\*\*\s*\d+\s*[–-]\s*\d+\s*min", body), "state the time"
    for needed in ("Self-checks and the misconceptions", "Discussion prompts", "In-class activit"):
        assert needed in body, f"{path.name} section lacks {needed!r}"


def test_instructor_guide_plans_and_sharing():
    text = GUIDE.read_text(encoding="utf-8")
    assert re.search(r"^### One-session plan", text, re.M)
    assert re.search(r"^### Three-session plan", text, re.M)
    # the server routes (Binder, hub, Colab, Voila) live in the tested "Where classes run" section
    # (issue 17, tests/routes); the older, untested copies of those links must not come back
    before, _, routes = text.partition("\n## Where classes run")
    assert routes, "the guide needs its 'Where classes run' section"
    assert "](#Where-classes-run)" in before
    assert "mybinder.org" not in before and "git-pull?" not in before and "colab.research" not in before
    sharing = before.split("## Sharing with a class", 1)[1].split("\n## ", 1)[0]
    for s in _sections(sharing):
        if s.startswith("### "):
            assert re.search(r"\((tried|untested)", s.splitlines()[0]), s.splitlines()[0]
    assert "make student" in text and "solution" in text
