"""The citation and glossary converters (helpers.publish.citations) and their lint.

The converters are run on already-converted notebooks and on new ``[@key]`` text by the
integrator, so they must be idempotent and touch nothing else."""

from __future__ import annotations

import copy
import json

import pytest
from conftest import load_notebook, notebook_paths

from helpers import references
from helpers.publish import citations, lint


def _nb(*sources):
    return {
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
        "cells": [{"cell_type": "markdown", "metadata": {}, "source": s} for s in sources],
    }


def test_labels_read_like_author_year():
    assert references.label("bidlingmaier2014") == "Bidlingmaier et al., 2014"
    assert references.label("firth2002") == "Firth & Baxter, 2002"
    assert references.label("velloso2008") == "Velloso, 2008"
    assert references.label("sendtner1990") == "Sendtner et al., 1990"  # "Sendtner M, et al."
    assert references.label("bartondavis1998") == "Barton-Davis et al., 1998"
    assert references.readable_citations("as shown [@yakar1999; @sjogren1999].") == (
        "as shown (Yakar et al., 1999; Sjogren et al., 1999)."
    )


def test_citations_become_links_and_entries_and_the_rest_is_untouched():
    nb = _nb(
        "# T\n\nA value [@firth2002] and two [@yakar1999; @sjogren1999]. `code [@firth2002]` stays.",
        "## References\n\n- **[@firth2002]** Firth SM, Baxter RC (2002). Title.\n\nA note.",
    )
    assert citations.convert_citations(nb)
    body, refs = (c["source"] for c in nb["cells"])
    assert 'A value ([Firth & Baxter, 2002](#References "firth2002"))' in body
    assert (
        '([Yakar et al., 1999](#References "yakar1999"); [Sjogren et al., 1999](#References "sjogren1999"))'
        in body
    )
    assert "`code [@firth2002]` stays." in body
    assert refs.startswith(
        "## References\n\n- **Firth & Baxter, 2002.** Firth SM, Baxter RC (2002). Title. <!-- @firth2002 -->"
    )
    # keys cited but not listed are appended from the bibliography, before the note
    assert "- **Yakar et al., 1999.** Yakar S" in refs and "<!-- @sjogren1999 -->" in refs
    assert refs.rstrip().endswith("A note.")
    assert citations.cited_keys(body) == ["firth2002", "yakar1999", "sjogren1999"]
    assert set(citations.listed_keys(refs)) == {"firth2002", "yakar1999", "sjogren1999"}


def test_converter_is_idempotent_and_converts_only_new_keys():
    nb = _nb("# T\n\nA value [@firth2002].", "## References\n\n- **[@firth2002]** Firth (2002).")
    citations.convert_citations(nb)
    once = copy.deepcopy(nb)
    assert not citations.convert_citations(nb) and nb == once
    nb["cells"][0]["source"] += " New text [@juul1997]."
    assert citations.convert_citations(nb)
    assert nb["cells"][0]["source"].startswith(once["cells"][0]["source"])
    assert '([Juul et al., 1997](#References "juul1997"))' in nb["cells"][0]["source"]
    assert "<!-- @juul1997 -->" in nb["cells"][1]["source"]


def test_no_references_heading_is_an_error():
    with pytest.raises(ValueError, match="no References heading"):
        citations.convert_citations(_nb("# T\n\nA value [@firth2002]."))


def test_glossary_links_first_use_once_and_never_inside_code_links_or_headings():
    nb = _nb(
        "# Satellite cells\n\n`satellite cell` in code; [a link about satellite cells](other.ipynb).",
        "Here satellite cells repair fibres. Later satellite cells again.",
    )
    assert citations.link_glossary(nb, "00_start_here.ipynb#Glossary")
    a, b = (c["source"] for c in nb["cells"])
    assert a.startswith(
        "# Satellite cells\n\n`satellite cell` in code; [a link about satellite cells](other.ipynb)."
    )
    assert b.startswith('Here [satellite cells](00_start_here.ipynb#Glossary "Glossary: satellite cell — ')
    assert b.count("#Glossary") == 1 and b.endswith("Later satellite cells again.")
    twice = copy.deepcopy(nb)
    assert not citations.link_glossary(nb, "00_start_here.ipynb#Glossary") and nb == twice


@pytest.mark.parametrize("path", notebook_paths(), ids=lambda p: p.name)
def test_converters_run_twice_change_nothing_more(path):
    nb = load_notebook(path)
    target = "#Glossary" if path.name.startswith("00_") else "00_start_here.ipynb#Glossary"
    citations.convert_citations(nb)
    citations.link_glossary(nb, target)
    once = json.dumps(nb, sort_keys=True)
    assert not citations.convert_citations(nb)
    assert not citations.link_glossary(nb, target)
    assert json.dumps(nb, sort_keys=True) == once
    assert lint.citation_problems(nb, path.name) == []
    code_before = [c["source"] for c in load_notebook(path)["cells"] if c["cell_type"] == "code"]
    assert [c["source"] for c in nb["cells"] if c["cell_type"] == "code"] == code_before


def test_lint_reports_raw_unknown_and_unlisted_citations():
    raw = _nb("# T\n\nA [@firth2002].", "## References\n\n- **[@firth2002]** Firth.")
    assert "raw citation" in " ".join(lint.citation_problems(raw))
    unknown = _nb('# T\n\nA ([Nobody, 1900](#References "nobody1900")).', "## References\n\n")
    assert "not in data/references.csv" in " ".join(lint.citation_problems(unknown))
    unlisted = _nb('# T\n\nA ([Firth & Baxter, 2002](#References "firth2002")).', "## References\n\n")
    assert "no entry under References" in " ".join(lint.citation_problems(unlisted))
    wrong = _nb(
        '# T\n\nA ([Firth, 2002](#References "firth2002")).', "## References\n\n- x <!-- @firth2002 -->"
    )
    assert "label should read 'Firth & Baxter, 2002'" in " ".join(lint.citation_problems(wrong))
