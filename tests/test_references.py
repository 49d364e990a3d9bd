import re

import pytest
from conftest import load_notebook, notebook_paths

from helpers import references
from helpers.data import load_dataset


def test_every_reference_has_doi_or_pmid():
    df = load_dataset("references")
    missing = df[df["doi"].isna() & df["pmid"].isna()]["key"].tolist()
    assert not missing, f"references without DOI or PMID: {missing}"


def test_cite_formats_reference_with_links():
    text = references.cite("rinderknecht1978")
    assert text.startswith("Rinderknecht E, Humbel RE (1978). The amino acid sequence")
    assert "*J Biol Chem*" in text
    assert "(https://doi.org/10.1016/S0021-9258(17)40889-1)" in text
    assert "PMID" not in text  # no PMID recorded for this row: none is invented
    isley = references.cite("isley1983")
    assert "doi:[10.1172/jci110757](https://doi.org/10.1172/jci110757)" in isley
    assert "PMID:[6681614](https://pubmed.ncbi.nlm.nih.gov/6681614/)" in isley
    assert references.link("vandenburgh1991") == "https://pubmed.ncbi.nlm.nih.gov/2003574/"
    assert references.link("rinderknecht1978") == "https://doi.org/10.1016/S0021-9258(17)40889-1"


def test_unknown_key_raises_keyerror_with_closest():
    with pytest.raises(
        KeyError, match=r"'rinderknect1978' is not in data/references.csv; closest keys: rinderknecht1978"
    ):
        references.cite("rinderknect1978")


def test_cited_keys_and_bibliography_markdown():
    assert references.cited_keys("a [@x1] b [@y2] c [@x1] [see @z]") == ["x1", "y2"]
    md = references.bibliography_markdown(["rinderknecht1978"])
    assert md.startswith("- **[@rinderknecht1978]** Rinderknecht E")


def _notebook_text(path):
    nb = load_notebook(path)
    return "\n".join("".join(c["source"]) for c in nb["cells"])


@pytest.mark.parametrize("path", notebook_paths(), ids=lambda p: p.name)
def test_every_key_cited_in_a_notebook_resolves_and_is_listed(path):
    text = _notebook_text(path)
    from helpers.publish import citations

    keys = citations.cited_keys(text) + re.findall(r"cite\(\s*['\"]([a-z0-9_]+)['\"]", text)
    assert keys or "00_" in path.name, f"{path.name} cites nothing (raw or readable)"
    known = set(references.keys())
    unknown = sorted(set(keys) - known)
    assert not unknown, f"{path.name} cites keys missing from data/references.csv: {unknown}"
    if keys:
        m = re.search(r"^#+\s*References\s*$(.*?)(?=^#+ |\Z)", text, re.M | re.S)
        assert m, f"{path.name} cites sources but has no References section"
        refs = m.group(1)
        for k in set(keys):
            assert k in refs, f"{path.name}: key {k} is cited but not listed under References"
            doi = load_dataset("references").set_index("key").loc[k, "doi"]
            if isinstance(doi, str):
                assert doi.lower() in refs.lower(), f"{path.name}: References lack the DOI of {k}"
