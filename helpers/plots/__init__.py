"""Pure plotly figure builders and the house template.

Nothing here touches widgets: every builder takes plain arguments (numbers, arrays, frames) and
returns a finished ``go.Figure`` that can be shown statically or wrapped in a FigureWidget.
Topic-specific builders live in submodules (``helpers.plots.units`` ...).

The house template ("tfl") is plotly_white with larger fonts and an Okabe–Ito colourway ordered
so the first five colours keep at least 3:1 contrast on white. Each successive scatter trace
also changes line dash and marker symbol, and each bar trace its fill pattern, so no figure
relies on colour alone.
"""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

TEMPLATE_NAME = "tfl"

#: Okabe & Ito (2008) colours ordered by contrast on white: blue 5.2:1, vermillion 3.9:1,
#: black 21:1, bluish green 3.4:1, reddish purple 3.1:1, then orange and sky blue (< 3:1,
#: use for fills or with a dark outline only).
COLORWAY = ["#0072B2", "#D55E00", "#000000", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"]
#: Number of leading COLORWAY entries that meet 3:1 contrast on white (lines and markers).
HIGH_CONTRAST = 5
DASHES = ["solid", "dash", "dot", "dashdot", "longdash", "longdashdot", "5px,2px,1px,2px"]
SYMBOLS = ["circle", "square", "diamond", "triangle-up", "x", "cross", "star"]
PATTERNS = ["", "/", "x", ".", "\\", "+", "-"]
FONT_FAMILY = "DejaVu Sans, Verdana, Arial, sans-serif"
TEXT_COLOR = "#1a1a1a"
GRID_COLOR = "#d9d9d9"


def _build_template() -> go.layout.Template:
    t = go.layout.Template()
    t.layout = go.Layout(
        colorway=COLORWAY,
        font=dict(family=FONT_FAMILY, size=15, color=TEXT_COLOR),
        title=dict(font=dict(size=18), x=0.02, xanchor="left"),
        paper_bgcolor="white",
        plot_bgcolor="white",
        hoverlabel=dict(font=dict(size=14)),
        legend=dict(font=dict(size=14)),
        margin=dict(l=70, r=30, t=70, b=60),
        xaxis=dict(
            showgrid=True,
            gridcolor=GRID_COLOR,
            linecolor="#333333",
            ticks="outside",
            title=dict(font=dict(size=16)),
            zeroline=False,
        ),
        yaxis=dict(
            showgrid=True,
            gridcolor=GRID_COLOR,
            linecolor="#333333",
            ticks="outside",
            title=dict(font=dict(size=16)),
            zeroline=False,
        ),
    )
    n = len(COLORWAY)
    t.data.scatter = [
        go.Scatter(
            line=dict(color=COLORWAY[i], dash=DASHES[i], width=2.5),
            marker=dict(color=COLORWAY[i], symbol=SYMBOLS[i], size=8),
        )
        for i in range(n)
    ]
    t.data.bar = [
        go.Bar(
            marker=dict(
                color=COLORWAY[i], pattern=dict(shape=PATTERNS[i]), line=dict(color="#333333", width=1)
            )
        )
        for i in range(n)
    ]
    return t


pio.templates[TEMPLATE_NAME] = _build_template()


def use_house_template() -> None:
    """Make the house template the default for every figure created afterwards."""
    pio.templates.default = TEMPLATE_NAME


def axis_title(label: str, unit: str | None = None) -> str:
    """An axis title with its unit in parentheses, e.g. ``axis_title("IGF-1", "ng/mL")``."""
    if not label or not isinstance(label, str):
        raise ValueError(f"label must be a non-empty string, got {label!r}")
    return f"{label} ({unit})" if unit else label


def base_figure(
    title: str, x_label: str, x_unit: str | None, y_label: str, y_unit: str | None, *, height: int = 420
) -> go.Figure:
    """An empty figure in the house template with a title and unit-bearing axis titles."""
    fig = go.Figure(layout=go.Layout(template=TEMPLATE_NAME, height=height, title=dict(text=title)))
    fig.update_xaxes(title_text=axis_title(x_label, x_unit))
    fig.update_yaxes(title_text=axis_title(y_label, y_unit))
    return fig
