"""Pure parts of the static-site build (no kernel, no browser): output rewriting, links, math,
the index records. The full build is exercised in Chromium by tests/test_site.py."""

from __future__ import annotations

import json

import nbformat

from helpers.explorers import create
from helpers.publish import site
from helpers.selfcheck import MultipleChoice


def _output(bundle, kind="display_data"):
    out = {"output_type": kind, "data": bundle, "metadata": {}}
    if kind == "execute_result":
        out["execution_count"] = 1
    return out


def _json_safe(bundle):
    return json.loads(json.dumps(bundle, default=lambda o: o.tolist()))


def test_explorer_output_becomes_captioned_fallback_figure():
    ex = create("unit_converter")
    bundle = _json_safe(ex._repr_mimebundle_())
    assert site.WIDGET_VIEW in bundle and site.PLOTLY in bundle
    q = MultipleChoice("Pick one?", {"A": "Right because.", "B": "Wrong because."}, answer="A")
    qb = q._repr_mimebundle_()
    plain_fig = {
        "data": [{"type": "scatter", "y": [1, 2]}],
        "layout": {"title": {"text": "A <b>plain</b> figure"}},
    }
    nb = nbformat.v4.new_notebook()
    nb.metadata["widgets"] = {"state": {}}
    nb.cells = [
        nbformat.v4.new_code_cell("ex", outputs=[_output(bundle, "execute_result")]),
        nbformat.v4.new_code_cell("q", outputs=[_output(qb)]),
        nbformat.v4.new_code_cell(
            "fig.show()", outputs=[_output({site.PLOTLY: plain_fig, "text/plain": "Figure"})]
        ),
    ]
    counts = site.static_outputs(nb, prefix="t")
    assert counts == {
        "explorers_live": 0,
        "explorer_fallbacks": 1,
        "plotly_figures": 1,
        "self_checks": 1,
        "self_checks_live": 0,
        "predictions_live": 0,
        "widget_views_dropped": 2,
    }
    assert "widgets" not in nb.metadata
    html0 = nb.cells[0].outputs[0]["data"]["text/html"]
    assert site.WIDGET_VIEW not in nb.cells[0].outputs[0]["data"]
    assert '<figure class="tfl-figure"' in html0 and "<figcaption>" in html0
    assert ex.describe(ex.summary()).split(" (")[0][:30] in html0
    assert 'Plotly.newPlot("tfl-t-1"' in html0
    assert nb.cells[1].metadata["transient"] == {"remove_source": True}
    assert "<details>" in nb.cells[1].outputs[0]["data"]["text/html"]
    html2 = nb.cells[2].outputs[0]["data"]["text/html"]
    assert 'aria-label="Figure: A plain figure"' in html2 and "<figcaption>" not in html2


def test_script_json_cannot_close_the_script_element():
    s = site._script_json({"t": "</script><script>alert(1)</script> <!--"})
    assert "<" not in s
    assert json.loads(s)["t"].startswith("</script>")


def test_links_point_to_pages_or_repository():
    built = {"00_start_here.ipynb", "02_binding_proteins.ipynb"}
    page = (
        "<a href=\"02_binding_proteins.ipynb#half-lives\">x</a> <a href='00_start_here.ipynb'>y</a> "
        '<a href="../data/README.md">d</a> <a href="#top">t</a> <a href="https://doi.org/1">z</a> '
        '<a href="09_missing.ipynb">m</a> <a href="index.html">i</a>'
    )
    out = site.rewrite_links(page, built)
    assert 'href="02_binding_proteins.html#half-lives"' in out
    assert "href='00_start_here.html'" in out
    assert 'href="https://github.com/trophic-factors-lab/trophic-factors-lab/blob/main/data/README.md"' in out
    assert 'href="#top"' in out and 'href="https://doi.org/1"' in out and 'href="index.html"' in out
    assert "blob/main/notebooks/09_missing.ipynb" in out


def test_math_becomes_mathml_outside_code_only():
    md = (
        "Prices $5 and $10 stay. Inline $x^2$ converts; `$y$` in code stays.\n\n"
        "$$\\frac{a}{b}$$\n\n```\n$$z$$\n```"
    )
    out = site.math_to_mathml(md)
    assert "Prices $5 and $10 stay." in out
    assert out.count("<math") == 2 and 'display="block"' in out and 'display="inline"' in out
    assert "`$y$`" in out and "```\n$$z$$\n```" in out
    nb = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_markdown_cell("$a$"), nbformat.v4.new_markdown_cell("no math")]
    )
    assert site.static_markdown(nb) == 1


def test_notebook_record_reads_title_time_objectives():
    nb = {
        "metadata": {"title": "Topic"},
        "cells": [
            {"cell_type": "markdown", "source": "# Topic\n\nA summary with [@key] a *citation*.\n"},
            {
                "cell_type": "markdown",
                "source": "## Learning objectives\n\n- **Explain** one\n- Compute two\n"
                "\n**Time:** 35–50 min. **Prerequisites:** none.",
            },
        ],
    }
    r = site.notebook_record(nb, "03_topic.ipynb")
    assert r["title"] == "Topic" and r["page"] == "03_topic.html"
    assert r["minutes"] == "35–50 min"
    assert r["objectives"] == ["Explain one", "Compute two"]
    assert r["summary"] == "A summary with  a citation."
    page = site.index_html([r])
    assert '<html lang="en">' in page and "03_topic.html" in page
    assert site.BINDER_URL.format(name="03_topic.ipynb") in page


def test_script_json_turns_nan_into_null():
    assert json.loads(site._script_json({"y": [1.0, float("nan"), float("inf")]})) == {"y": [1.0, None, None]}
