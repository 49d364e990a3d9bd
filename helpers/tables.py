"""Accessible HTML tables and a labelled dropdown filter for small curated data sets.

``table_html(df, caption)`` renders a DataFrame as a plain HTML table with a caption and column
headers (``<th scope="col">``), escaped text and no colour coding, inside its scroll container:
a focusable region named by the caption (``tabindex="0"``, ``role="region"``, ``aria-label``), so
a table wider than the notebook column can be scrolled with the keyboard (Tab to it, then the
arrow keys; WCAG 2.1.1), with a 3 px focus outline of at least 3:1 in JupyterLab's light and
dark themes. ``TableFilter`` puts labelled Dropdowns above such a table and re-renders it when a
choice changes (keyboard-usable: Tab to a dropdown, arrow keys to choose). Displaying it in a
static render shows the full table; a saved notebook reopened without widget state shows the full
table and RUN_TO_FILTER instead of "model not found" (``helpers._reopen``).
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

import ipywidgets as widgets
import pandas as pd

from ._focus import focus_css
from ._reopen import display_with_reopen, reopen_view
from .data import load_dataset

ALL = "(all)"
#: the line under a reopened notebook's static table (its filters need the kernel)
RUN_TO_FILTER = "Run this cell to filter the table (run the set-up cell at the top first)."


#: class of a table's scroll container (the focusable region)
SCROLL_CLASS = "tfl-table-scroll"

#: the tables' own CSS, sent with each table (the output of a notebook cell has no other place for
#: it): the region scrolls sideways inside the column and shows its keyboard focus
TABLE_CSS = f".{SCROLL_CLASS} {{ overflow-x: auto; max-width: 100%; margin: 4px 0; }}\n" + focus_css(
    f".{SCROLL_CLASS}:focus-visible", important=True
)


def table_html(df: pd.DataFrame, caption: str, *, headers: Mapping[str, str] | None = None) -> str:
    """An accessible HTML table of ``df`` with ``caption``, in a focusable scroll region named by
    the caption; ``headers`` renames columns for display."""
    if not caption or not str(caption).strip():
        raise ValueError(f"caption = {caption!r}: a table needs a caption (a short title of what it shows)")
    headers = dict(headers or {})
    head = "".join(
        f"<th scope='col' style='text-align:left'>{html.escape(headers.get(c, c))}</th>" for c in df.columns
    )
    rows = []
    for _, row in df.iterrows():
        cells = "".join(
            f"<td style='text-align:left;vertical-align:top'>{html.escape(str(v))}</td>" for v in row.values
        )
        rows.append(f"<tr>{cells}</tr>")
    body = (
        "".join(rows)
        if rows
        else (f"<tr><td colspan='{len(df.columns)}'>No rows match this filter.</td></tr>")
    )
    name = html.escape(caption, quote=True)
    # data-lm-suppress-shortcuts: arrow keys in the focused region scroll it; JupyterLab's command
    # mode would otherwise take them to move to another cell
    return (
        f"<style>{TABLE_CSS}</style>"
        f"<div class='{SCROLL_CLASS}' role='region' aria-label='{name}' tabindex='0' "
        f"data-lm-suppress-shortcuts='true'>"
        f"<table style='border-collapse:collapse;font-size:0.95em'>"
        f"<caption style='text-align:left;font-weight:bold'>{html.escape(caption)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


class TableFilter:
    """Labelled dropdown filters (one per column in ``filters``) above an HTML table.

    ``filters`` maps a column name to its visible label. ``set(column=value)`` changes a filter
    programmatically (ValueError for an unknown column or value); ``rows()`` returns the rows
    currently shown.
    """

    def __init__(
        self,
        df: pd.DataFrame,
        filters: Mapping[str, str],
        caption: str,
        *,
        headers: Mapping[str, str] | None = None,
    ):
        unknown = [c for c in filters if c not in df.columns]
        if unknown:
            raise ValueError(f"filter column(s) {unknown} not in the table; columns are {list(df.columns)}")
        self.df = df.reset_index(drop=True)
        self.caption = caption
        self.headers = dict(headers or {})
        self.controls: dict[str, widgets.Dropdown] = {}
        for col, label in filters.items():
            values = [str(v) for v in pd.unique(self.df[col].astype(str))]
            self.controls[col] = widgets.Dropdown(
                options=[ALL] + sorted(values),
                value=ALL,
                description=label,
                style={"description_width": "initial"},
                layout=widgets.Layout(width="100%", max_width="520px"),
            )
        self.output = widgets.HTML(self._render())
        self.status = widgets.HTML(self._status_text())
        for w in self.controls.values():
            w.observe(self._on_change, names="value")
        self.view = widgets.VBox([*self.controls.values(), self.status, self.output])
        self.view.add_class("tfl-table-filter")  # found by the browser tests (axe)

    def rows(self) -> pd.DataFrame:
        """The rows of the table that pass every filter's current value."""
        mask = pd.Series(True, index=self.df.index)
        for col, w in self.controls.items():
            if w.value != ALL:
                mask &= self.df[col].astype(str) == w.value
        return self.df[mask]

    def set(self, **values: Any) -> None:
        """Set filters by column name; ValueError names an unknown filter or value."""
        for col, value in values.items():
            if col not in self.controls:
                raise ValueError(f"no filter {col!r}; filters are {list(self.controls)}")
            opts = list(self.controls[col].options)
            if value not in opts:
                raise ValueError(f"filter {col!r} = {value!r} is not allowed; choose one of {opts}")
            self.controls[col].value = value
        self._refresh()

    def _render(self) -> str:
        return table_html(self.rows(), self.caption, headers=self.headers)

    def _status_text(self) -> str:
        n, total = len(self.rows()), len(self.df)
        return f"<p role='status' aria-live='polite'>Showing {n} of {total} rows.</p>"

    def _refresh(self) -> None:
        self.output.value = self._render()
        self.status.value = self._status_text()

    def _on_change(self, _change) -> None:
        self._refresh()

    def _ipython_display_(self) -> None:
        """The live filters and table, then the static view a saved notebook shows when reopened
        without widget state: the full table and RUN_TO_FILTER (``helpers._reopen``)."""
        display_with_reopen(self._repr_mimebundle_(), self.reopen_html())

    def reopen_html(self) -> str:
        """The full table and RUN_TO_FILTER, as a static view (hidden while the widget is live)."""
        return reopen_view(
            table_html(self.df, self.caption, headers=self.headers)
            + f"<p class='tfl-reopen-run'><strong>{html.escape(RUN_TO_FILTER)}</strong></p>",
            "tfl-reopen-table",
        )

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.view._repr_mimebundle_(**kwargs)
        bundle["text/html"] = table_html(self.df, self.caption, headers=self.headers)
        bundle["text/plain"] = f"{self.caption} ({len(self.df)} rows)"
        return bundle


TROPHIC_HEADERS = {
    "factor": "Factor",
    "family": "Family",
    "receptor": "Receptor",
    "receptor_family": "Receptor class",
    "main_source": "Main source",
    "target_tissue": "Target cells",
    "main_effect": "Main effect",
    "evidence_level": "Evidence level",
    "citation_key": "Source (key)",
}


def trophic_factor_filter() -> TableFilter:
    """The trophic-factor table of notebook 01 with filters by target cells and receptor class."""
    df = load_dataset("trophic_factors")
    for col in ("receptor_family", "target_tissue", "evidence_level"):
        df[col] = df[col].astype(str)
    return TableFilter(
        df,
        {"target_tissue": "Filter by target cells", "receptor_family": "Filter by receptor class"},
        "Trophic factors acting on muscle and its nerves (data/trophic_factors.csv)",
        headers=TROPHIC_HEADERS,
    )
