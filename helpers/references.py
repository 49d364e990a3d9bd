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
