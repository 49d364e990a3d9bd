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


# ---------------------------------------------------------------------------------------------
# text that fits a small figure (an explorer in a 592 px column, lowered to fit a 768 px window)
# ---------------------------------------------------------------------------------------------
#: the smallest figure an explorer view draws (px): 320 high (the PlotView's MIN_FIGURE_HEIGHT)
#: in a 560 px wide column (1024 px window with JupyterLab's file browser open: 592 px)
FIT_HEIGHT, FIT_WIDTH = 320, 560
#: average advance of a character of the house font (DejaVu Sans) in em
_CHAR_EM = 0.56


def wrap_text(text: str, max_chars: int) -> str:
    """``text`` in lines of at most ``max_chars`` characters (``<br>`` between them), broken at
    spaces, first before a parenthesis (the unit). Idempotent: old ``<br>`` are re-flowed."""
    flat = " ".join(str(text).replace("<br>", " ").split())
    if len(flat) <= max_chars:
        return flat

    def flow(parts: list[str]) -> list[str]:
        lines: list[str] = []
        for part in parts:
            line = ""
            for word in part.split(" "):
                if line and len(line) + 1 + len(word) > max_chars:
                    lines.append(line)
                    line = word
                else:
                    line = f"{line} {word}" if line else word
            lines.append(line)
        return lines

    plain = flow([flat])
    head, paren, rest = flat.partition(" (")
    at_unit = flow([head, "(" + rest]) if paren else plain
    return "<br>".join(at_unit if len(at_unit) <= len(plain) else plain)


def _lines(text) -> int:
    return str(text or "").count("<br>") + 1


def _axis_names(fig: go.Figure) -> list[str]:
    return [k for k in fig.layout if k.startswith(("xaxis", "yaxis"))]


def _fit_axis_title(layout, name: str, side_px: float) -> None:
    axis = layout[name]
    text = axis.title.text
    if not text:
        return
    font = axis.title.font.size if axis.title.font.size else 16
    # a label and its unit on two lines when the title is longer than its panel's side; a line
    # that is still too long is broken again
    flat = " ".join(str(text).replace("<br>", " ").split())
    chars = side_px / (font * _CHAR_EM)
    if len(flat) <= chars:
        new = flat
    else:
        new = wrap_text(flat, max(len(flat.split(" (")[0]), len(flat) - len(flat.split(" (")[0]) - 1, 1))
        if max(len(line) for line in new.split("<br>")) > chars:
            new = wrap_text(flat, max(12, int(chars)))
    if new != text:
        axis.title.text = new


def fit_titles(fig: go.Figure) -> go.Figure:
    """The part of fit_layout for texts an explorer's update may change: the title and the
    axis titles (quick: nothing is written when they already fit)."""
    layout = fig.layout
    if layout.title.text:
        size = layout.title.font.size if layout.title.font.size else 18
        new = wrap_text(layout.title.text, int((FIT_WIDTH - 40) / (size * _CHAR_EM)))
        if new != layout.title.text:
            layout.title.text = new
    sides = getattr(fig, "_tfl_axis_sides", None)
    if sides is None:
        top, bottom = layout.margin.t or 70, layout.margin.b or 60
        plot_h = FIT_HEIGHT - top - bottom - 25
        plot_w = FIT_WIDTH - (layout.margin.l or 70) - (layout.margin.r or 30)
        sides = {}
        for name in _axis_names(fig):
            d = layout[name].domain
            span = (d[1] - d[0]) if d else 1.0
            sides[name] = (plot_h if name.startswith("y") else plot_w) * span
        fig._tfl_axis_sides = sides
    for name, side in sides.items():
        _fit_axis_title(layout, name, side)
    return fig


def fit_layout(fig: go.Figure) -> go.Figure:
    """Make ``fig``'s text fit a figure of FIT_WIDTH x FIT_HEIGHT px as well as its own size:
    the title wrapped to the width and given the top margin it needs; every axis pushing the
    margins for its ticks and title (automargin); axis titles longer than their panel's side on
    two lines (label, unit); a legend below the plot anchored to the figure's bottom edge, not to
    the plot (so it never reaches the x axis title whatever the height); panel titles lifted
    clear of the tick labels under them. Idempotent; returns ``fig``."""
    layout = fig.layout
    title_px = layout.title.font.size if layout.title.font.size else 18
    legend = layout.legend
    if legend.orientation == "h" and legend.y is not None and legend.y < 0:
        legend.update(yref="container", y=0.0, yanchor="bottom", x=0.0, xanchor="left")
        layout.margin.b = 56
    for name in _axis_names(fig):
        layout[name].automargin = True
    panel_titles = False
    for a in layout.annotations:  # panel titles (make_subplots): clear of the ticks below them
        if a.yref == "paper" and a.yanchor == "bottom" and not a.showarrow and a.text:
            panel_titles = True
            if a.yshift is None:
                a.yshift = 6
    fit_titles(fig)
    if layout.title.text:
        top_axis = any(layout[k].side == "top" and layout[k].title.text for k in _axis_names(fig))
        need = 16 + round(title_px * 1.3) * _lines(layout.title.text) + (30 if panel_titles else 14)
        need += 50 if top_axis else 0  # an x axis above the plot: its ticks and title
        # (plotly centres a multi-line title on its anchor line: each extra line needs half a line more)
        pad = (
            10
            + round(title_px * 1.3 / 2) * (_lines(layout.title.text) - 1)
            + 2 * (_lines(layout.title.text) > 1)
        )
        layout.title.update(yref="container", y=1.0, yanchor="top", pad=dict(t=pad))
        layout.margin.t = need
        fig._tfl_axis_sides = None
        fit_titles(fig)  # again: the panel heights follow the new top margin
    return fig
