"""The project's single bibliography (data/references.csv) and citation helpers.

Notebooks cite sources inline as ``[@key]`` (for example ``[@rinderknecht1978]``) and list them
under **References**; ``cite(key)`` gives the full formatted reference with its DOI/PMID link.
"""

from __future__ import annotations

import re
from difflib import get_close_matches

from .data import load_dataset

CITE_PATTERN = re.compile(r"\[@([a-z][a-z0-9_]*)\]")


def _table():
    return load_dataset("references").set_index("key")


def keys() -> list[str]:
    """All citation keys in the bibliography."""
    return list(_table().index)


def link(key: str) -> str:
    """The DOI link (preferred) or PubMed link for ``key``."""
    row = _row(key)
    if isinstance(row["doi"], str):
        return f"https://doi.org/{row['doi']}"
    return f"https://pubmed.ncbi.nlm.nih.gov/{int(row['pmid'])}/"


def cite(key: str) -> str:
    """Formatted reference for ``key`` as Markdown, ending in its DOI or PMID link.

    Raises KeyError naming the closest known keys when ``key`` is not in the bibliography.
    """
    row = _row(key)
    ident = []
    if isinstance(row["doi"], str):
        ident.append(f"doi:[{row['doi']}](https://doi.org/{row['doi']})")
    if row["pmid"] is not None and str(row["pmid"]) not in ("", "<NA>", "nan"):
        pmid = int(row["pmid"])
        ident.append(f"PMID:[{pmid}](https://pubmed.ncbi.nlm.nih.gov/{pmid}/)")
    title = row["title"].rstrip(".")
    return f"{row['authors']} ({row['year']}). {title}. *{row['journal']}*. " + "; ".join(ident)


def bibliography_markdown(keys_: list[str]) -> str:
    """A Markdown list of the references for ``keys_`` (in the order given), each labelled by key."""
    return "\n".join(f"- **[@{k}]** {cite(k)}" for k in keys_)


def cited_keys(text: str) -> list[str]:
    """Keys cited as ``[@key]`` in ``text``, in first-appearance order."""
    seen: dict[str, None] = {}
    for k in CITE_PATTERN.findall(text):
        seen.setdefault(k, None)
    return list(seen)


def _row(key: str):
    table = _table()
    if not isinstance(key, str) or key not in table.index:
        close = get_close_matches(str(key), list(table.index), n=3, cutoff=0.5)
        hint = f"; closest keys: {', '.join(close)}" if close else ""
        raise KeyError(f"citation key {key!r} is not in data/references.csv{hint}")
    return table.loc[key]


# ------------------------------------------------------------------------------------------
# readable citations: "(Bidlingmaier et al., 2014)"
# ------------------------------------------------------------------------------------------
#: ``[@a]`` or ``[@a; @b]`` (Pandoc-style keys) as written in the prose.
RAW_CITE_GROUP = re.compile(r"\[(@[a-z][a-z0-9_]*(?:\s*;\s*@[a-z][a-z0-9_]*)*)\]")


def label(key: str) -> str:
    """Readable author-year label of ``key``: "Firth & Baxter, 2002", "Bidlingmaier et al., 2014"."""
    row = _row(key)
    authors = [a.strip() for a in str(row["authors"]).split(",") if a.strip()]
    surnames = [a.rsplit(" ", 1)[0] if " " in a else a for a in authors if a != "et al."]
    if len(authors) == 1:
        who = surnames[0]
    elif len(authors) == 2 and "et al." not in authors:
        who = f"{surnames[0]} & {surnames[1]}"
    else:
        who = f"{surnames[0]} et al."
    return f"{who}, {row['year']}"


def readable_citations(text: str) -> str:
    """Replace ``[@key]`` / ``[@a; @b]`` by "(Author et al., Year)" text (no links): for
    feedback and other places that have no References list of their own."""

    def rep(m: re.Match) -> str:
        ks = re.findall(r"@([a-z][a-z0-9_]*)", m.group(1))
        return "(" + "; ".join(label(k) for k in ks) + ")"

    return RAW_CITE_GROUP.sub(rep, text)
