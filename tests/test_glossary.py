import pytest

from helpers import glossary

CORE_TERMS = [
    "growth hormone (GH)",
    "IGF-1",
    "IGF-1R",
    "IGFBP",
    "acid-labile subunit (ALS)",
    "mTORC1",
    "FoxO",
    "satellite cell",
    "SDS (standard deviation score)",
    "sarcopenia",
    "somatopause",
    "illustrative data",
]


@pytest.mark.parametrize("term", CORE_TERMS)
def test_core_terms_present(term):
    assert len(glossary.define(term)) > 20


def test_lookup_is_case_insensitive():
    assert glossary.define("igf-1") == glossary.define("IGF-1")


def test_unknown_term_suggests_close_ones():
    with pytest.raises(KeyError, match="closest terms: .*IGF-1R"):
        glossary.define("IGF-1 R")


def test_see_also_entries_refer_to_terms():
    df = glossary.table()
    names = {t.lower() for t in df["term"]}
    short = {t.split(" (")[0].lower() for t in df["term"]}
    short |= {t.split(" (")[1].rstrip(")").lower() for t in df["term"] if " (" in t}
    for row in df.itertuples():
        if isinstance(row.see_also, str):
            for ref in row.see_also.split(";"):
                ref = ref.strip().lower()
                assert ref in names or ref in short, f"{row.term}: see-also {ref!r} is not a term"


def test_html_table_is_accessible_and_filters():
    html = glossary.html_table(["IGF-1", "ALS".join(["acid-labile subunit (", ")"])])
    assert "<caption>Glossary</caption>" in html and "scope='col'" in html
    assert html.count("<tr><th scope='row' style='text-align:left") == 2  # left-aligned (issue 14)
    with pytest.raises(KeyError):
        glossary.html_table(["no such term"])
