"""The static view a saved notebook shows, in place of a dead widget, when it is reopened.

Autosave and Save keep a widget's output (its ``application/vnd.jupyter.widget-view+json``
entry) but not the widget's state, so a notebook reopened later (in a new kernel, or with none)
shows "Error displaying widget: model not found" wherever a widget was. Explorers, self-checks
and predictions therefore display a second output after their widget: a ``text/html`` static
view marked ``{"tfl": "reopen"}`` in its output metadata (the static site drops it, see
``helpers.publish.site``). CSS in that view (:data:`REOPEN_CSS`) keeps it hidden while the
widget beside it renders, and shows it, hiding the error, when the widget's output is in the
renderer's error state. JupyterLab and Notebook 7 apply the style only in a trusted notebook
(they trust what they saved themselves); untrusted, the static view's text shows below the error.

No widget, plotly or kernel import here: the explorers and the self-checks both build on it.
"""

from __future__ import annotations

from typing import Any

#: output metadata of the static view (``helpers.publish.site`` removes outputs marked so)
REOPEN_METADATA = {"tfl": "reopen"}
#: CSS class of every static view
REOPEN_CLASS = "tfl-reopen"

#: the widget renderer's error state ("Error displaying widget: model not found"): only then does
#: the output element itself get the class jupyter-widgets (a live widget is a child of it)
DEAD_WIDGET = ".jp-OutputArea-output.jupyter-widgets"
#: hidden by default; shown when the cell's output area holds a dead widget, which is then hidden
REOPEN_CSS = (
    f".{REOPEN_CLASS}{{display:none}}"
    f".jp-OutputArea:has({DEAD_WIDGET}) .{REOPEN_CLASS}{{display:block}}"
    f".jp-OutputArea-child:has(> {DEAD_WIDGET}):has(~ .jp-OutputArea-child .{REOPEN_CLASS}){{display:none}}"
)


def reopen_view(inner_html: str, extra_class: str = "") -> str:
    """``inner_html`` wrapped as a static view: the ``tfl-reopen`` container and its style."""
    cls = f"{REOPEN_CLASS} {extra_class}".strip()
    return f"<div class='{cls}'><style>{REOPEN_CSS}</style>{inner_html}</div>"


def display_with_reopen(bundle: Any, static_view: str) -> None:
    """Display ``bundle`` (a mime bundle, or anywidget's ``(data, metadata)`` pair) and, as a
    second output, the static view ``static_view`` (from :func:`reopen_view`)."""
    from IPython.display import display

    data, meta = bundle if isinstance(bundle, tuple) else (bundle, None)
    if meta:
        display(data, raw=True, metadata=dict(meta))
    else:
        display(data, raw=True)
    display({"text/html": static_view}, raw=True, metadata=dict(REOPEN_METADATA))
