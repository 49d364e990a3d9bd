"""Notebook accessibility lint (no browser): what axe cannot see in a rendered page.

Runs helpers.publish.lint over every notebook in notebooks/ and every registered explorer,
checks that self-check feedback never relies on colour alone, and checks the lint itself on
small bad notebooks so that it cannot pass vacuously.
"""

from __future__ import annotations

import re

import pytest
from conftest import notebook_paths

from helpers import selfcheck
from helpers.explorers import REGISTRY
from helpers.publish import lint

NOTEBOOKS = notebook_paths()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_passes_a11y_lint(path):
    problems = lint.lint_notebook(path)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_explorer_controls_labelled_and_described(name):
    ex = REGISTRY[name]()
    problems = lint.lint_explorer(ex)
    assert not problems, "\n".join(problems)
    # the static render carries the text alternative next to the fallback figure
    bundle = ex._repr_mimebundle_()
    assert "application/vnd.plotly.v1+json" in bundle
    assert ex.describe(ex.summary()) in bundle["text/plain"]


# ---- self-check feedback: words and symbols, never colour alone ---------------------------
def _visible_text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def test_feedback_prefixes_are_words():
    for prefix in (selfcheck.CORRECT, selfcheck.WRONG, selfcheck.EMPTY):
        assert re.match(r"^[A-Z][a-z]+( [a-z]+)* — $", prefix), prefix


@pytest.mark.parametrize("pick, word, symbol", [("Four", "Correct", "✔"), ("Five", "Not quite", "✘")])
def test_shown_feedback_has_words_and_symbol(pick, word, symbol):
    q = selfcheck.MultipleChoice(
        "Two plus two?", {"Four": "2 + 2 = 4.", "Five": "One too many."}, answer="Four"
    )
    q.select(pick)
    q.check()
    shown = _visible_text(q.widget.feedback)
    assert shown.startswith(f"{symbol} {word} — "), shown
    # the feedback element is a polite status region (it is rendered by the widget's JavaScript)
    assert "role: 'status'" in selfcheck._ESM and "'aria-live': 'polite'" in selfcheck._ESM


def test_numeric_input_is_labelled_with_unit():
    q = selfcheck.Numeric("Convert 100 ng/mL to nmol/L.", answer=13.07, tolerance=0.1, unit="nmol/L")
    assert "nmol/L" in q.widget.spec["input_label"]
    assert "label" in selfcheck._ESM and "for: id" in selfcheck._ESM
    static = q.static_html()
    assert "<details>" in static and "Show answer" in static and "13.07" in static


# ---- the lint finds what it should (so it cannot pass vacuously) ---------------------------
def _nb(*cells):
    out = []
    for kind, src in cells:
        out.append(
            {
                "cell_type": kind,
                "metadata": {},
                "source": src,
                **({"outputs": [], "execution_count": None} if kind == "code" else {}),
            }
        )
    return {"cells": out, "metadata": {}}


def test_lint_catches_headings():
    nb = _nb(("markdown", "## Not an H1 first\n\n# Title\n\n#### Skipped"), ("markdown", "# Second H1"))
    problems = " ".join(lint.heading_problems(nb))
    assert "exactly one H1" in problems and "first heading" in problems and "skipped" in problems
    assert not lint.heading_problems(_nb(("markdown", "# T\n## A\n### B\n## C\n<h3>D</h3>")))
    assert lint.heading_problems(_nb(("markdown", "# T\n<h3>D</h3>")))


def test_lint_catches_images_without_alt():
    nb = _nb(("markdown", "![](fig.png) and <img src='a.png'> and <img alt='' src='b.png'>"))
    assert len(lint.image_problems(nb)) == 3
    assert not lint.image_problems(
        _nb(("markdown", "![Pathway diagram](p.png) <img alt='A diagram' src='x'>"))
    )


def test_lint_catches_vague_links_and_bare_urls():
    nb = _nb(
        (
            "markdown",
            "See [here](a.ipynb), [click here](b.html), [link](c), "
            "[https://example.org](https://example.org), <a href='x'>more</a>, "
            "and https://example.org/raw in the text, and <https://example.org/auto>.",
        )
    )
    problems = lint.link_problems(nb)
    assert len(problems) == 7, problems
    good = _nb(
        (
            "markdown",
            "[Next: notebook 02, IGF-1 binding proteins](02_binding_proteins.ipynb); "
            "doi:[10.1016/S0021-9258(17)40889-1](https://doi.org/10.1016/S0021-9258(17)40889-1); "
            "`https://in.code` is fine.\n\n```\nhttps://in.fence\n```",
        )
    )
    assert not lint.link_problems(good)


def test_lint_finds_figures_without_description():
    nb = _nb(
        ("code", "from helpers.plots.units import conversion_figure\nfrom helpers import setup_notebook"),
        ("markdown", "## A figure"),
        ("code", "fig = conversion_figure(1)\nfig"),
        ("code", "conversion_figure(2).show()"),
        ("markdown", "The figure shows the same concentration in ng/mL and in nmol/L as one straight line."),
        ("code", "x = 3\nx"),
    )
    assert lint.figure_cells(nb) == [2, 3]
    problems = lint.figure_description_problems(nb)
    assert len(problems) == 1 and problems[0].startswith("cell 2")


def test_lint_finds_tables_without_caption():
    table = "| Claim | Source |\n|---|---|\n| IGF-1 rises | (A, 2001) |\n"
    bad = _nb(
        ("markdown", "Some running text that explains the table.\n\n" + table),
        ("markdown", table),
        ("markdown", "*Italic is not a caption.*\n\n" + table),
        ("markdown", "**Table: too far away.**\n\n\n\n" + table),
        ("markdown", "<table><tr><td>1</td></tr></table>"),
    )
    problems = lint.table_caption_problems(bad)
    assert [p.split(":")[0] for p in problems] == ["cell 0", "cell 1", "cell 2", "cell 3", "cell 4"], problems
    assert "| Claim | Source |" in problems[0] and "bold" in problems[0]
    good = _nb(
        ("markdown", "**Table: claims and their sources.**\n\n" + table + "\nText after it."),
        ("markdown", "**Open task (e): your answers.** Copy this table.\n\n" + table),
        ("markdown", "<table><caption>Glossary</caption><tr><td>1</td></tr></table>"),
        ("markdown", "A | pipe | in text is not a table.\n\n```\n| a | b |\n|---|---|\n```"),
    )
    assert not lint.table_caption_problems(good)


def test_lint_catches_unlabelled_controls():
    import ipywidgets as widgets

    from helpers.explorers.base import allowed_values
    from helpers.explorers.unit_converter import UnitConverter

    ex = UnitConverter()
    assert not lint.lint_explorer(ex)
    key = next(k for k, w in ex.controls.items() if allowed_values(w)[0] == "range")
    ex.controls[key].description = "Concentration"
    assert any("no unit" in p for p in lint.lint_explorer(ex))
    ex.controls[key].description = ""
    assert any("no text label" in p for p in lint.lint_explorer(ex))
    assert isinstance(ex.controls[key], widgets.ValueWidget)


def test_accessibility_statement_is_linked_and_lists_checks_and_limits():
    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    acc = readme.index("## Accessibility")
    assert acc < readme.index("## How to cite")
    assert "](docs/accessibility.md)" in readme[acc : readme.index("## How to cite")]
    statement = (ROOT / "docs" / "accessibility.md").read_text(encoding="utf-8")
    for needed in ("## What is checked automatically", "## Known limits", "axe-core", "WCAG 2.1"):
        assert needed in statement, needed


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_explorer_view_names_its_slider_handles(name):
    """ipywidgets' slider handle has no accessible name (axe aria-input-field-name); every
    explorer view's PlotView copies the visible label onto it (one widget per figure, issue 19)."""
    from helpers.explorers.base import ARIA_ROOT_CLASS, PlotView

    ex = REGISTRY[name]()
    assert ARIA_ROOT_CLASS in ex.view._dom_classes
    assert len([w for w in ex.view.children if isinstance(w, PlotView)]) == 1
    esm = PlotView._esm
    assert "aria-label" in esm and ".widget-label" in esm and f".{ARIA_ROOT_CLASS}" in esm
