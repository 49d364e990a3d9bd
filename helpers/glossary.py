"""The collection's glossary (data/glossary.csv): look up a term or show the whole table."""

from __future__ import annotations

import html
from difflib import get_close_matches

import pandas as pd

from .data import load_dataset

#: JupyterLab right-aligns table cells by default; prose reads better left-aligned and top-aligned
LEFT = " style='text-align:left;vertical-align:top'"


def table() -> pd.DataFrame:
    """The glossary as a DataFrame sorted by term (columns: term, definition, see_also)."""
    df = load_dataset("glossary")
    return df.sort_values("term", key=lambda s: s.str.lower()).reset_index(drop=True)


def define(term: str) -> str:
    """The definition of ``term`` (case-insensitive). Unknown terms raise KeyError with close matches."""
    df = table()
    lookup = {t.lower(): i for i, t in enumerate(df["term"])}
    if not isinstance(term, str) or term.lower() not in lookup:
        close = get_close_matches(str(term).lower(), list(lookup), n=3, cutoff=0.5)
        names = [df["term"][lookup[c]] for c in close]
        hint = f"; closest terms: {', '.join(names)}" if names else ""
        raise KeyError(f"{term!r} is not in the glossary (data/glossary.csv){hint}")
    return df["definition"][lookup[term.lower()]]


def html_table(terms: list[str] | None = None) -> str:
    """An accessible HTML table (caption, header cells with scope) of all or the named terms."""
    df = table()
    if terms is not None:
        for t in terms:
            define(t)  # raises a clear KeyError for unknown terms
        wanted = {t.lower() for t in terms}
        df = df[df["term"].str.lower().isin(wanted)]
    rows = "".join(
        f"<tr><th scope='row'{LEFT}>{html.escape(r.term)}</th><td{LEFT}>{html.escape(r.definition)}</td>"
        f"<td{LEFT}>{html.escape(r.see_also) if isinstance(r.see_also, str) else ''}</td></tr>"
        for r in df.itertuples()
    )
    return (
        f"<table><caption>Glossary</caption><thead><tr><th scope='col'{LEFT}>Term</th>"
        f"<th scope='col'{LEFT}>Definition</th><th scope='col'{LEFT}>See also</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )
