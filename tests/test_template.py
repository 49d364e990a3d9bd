"""The topic-notebook template docs/notebook_template.ipynb is the one description of the template:
it passes the structural checks that every topic notebook passes, and its fixed headings (those
without a placeholder in angle brackets) must appear, in the same order, in every topic notebook."""

import re

import pytest
import test_notebooks as tn
from conftest import ROOT, load_notebook, topic_notebook_paths

TEMPLATE = ROOT / "docs" / "notebook_template.ipynb"


def fixed_headings(nb) -> list[str]:
    return [t for lvl, t in tn.headings(nb) if lvl == 2 and "<" not in t]


def test_template_exists_and_has_the_fixed_sections():
    nb = load_notebook(TEMPLATE)
    assert fixed_headings(nb) == ["Learning objectives", "Key points", "References", "Disclaimer"]
    assert nb["metadata"]["title"] in tn.headings(nb)[0][1]


@pytest.mark.parametrize(
    "check",
    [
        tn.test_committed_without_outputs_or_widget_state,
        tn.test_offline_and_no_path_hacks,
        tn.test_one_h1_matching_title_and_no_skipped_levels,
        tn.test_setup_cell_imports_helpers_only,
        tn.test_disclaimer,
        tn.test_topic_template_sections,
        tn.test_predict_explore_explain_and_self_checks,
    ],
    ids=lambda f: f.__name__.removeprefix("test_"),
)
def test_template_passes_the_topic_notebook_checks(check):
    check(TEMPLATE)


def test_template_shows_where_the_model_fails_and_a_solution_cell():
    nb = load_notebook(TEMPLATE)
    md = "\n".join(tn.md_cells(nb))
    assert re.search(r"<details>.*Where this model fails.*</details>", md, re.S)
    assert any("solution" in c["metadata"].get("tags", []) for c in nb["cells"] if c["cell_type"] == "code")


@pytest.mark.parametrize("path", topic_notebook_paths(), ids=lambda p: p.name)
def test_topic_notebook_has_the_template_headings_in_order(path):
    want = fixed_headings(load_notebook(TEMPLATE))
    have = [t for lvl, t in tn.headings(load_notebook(path)) if lvl == 2]
    positions = []
    for h in want:
        assert h in have, f"{path.name}: missing the template heading '## {h}'"
        positions.append(have.index(h))
    assert positions == sorted(positions), f"{path.name}: template headings out of order: {want}"
