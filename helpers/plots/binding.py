"""Figure builders for IGF-1 binding (pure: numbers in, go.Figure out; house template)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from . import COLORWAY, PATTERNS, TEMPLATE_NAME, axis_title, base_figure

#: Pools in display order: key in the model result, label.
POOL_LABELS = {
    "free": "Free IGF-1",
    "binary": "Binary (IGF-1 + IGFBP-3)",
    "ternary": "Ternary (IGF-1 + IGFBP-3 + ALS)",
    "other": "Bound to other IGFBPs",
}
CLEARANCE_LABELS = {
    "free": "Free IGF-1",
    "binary": "Binary complex (~50 kDa)",
    "ternary": "Ternary complex (~150 kDa)",
}


#: ticks of the pools' concentration axis (pM): every second power of ten
LOG_TICK_EXPONENTS = (-4, -2, 0, 2, 4, 6, 8)
_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def _power_of_ten(e: int) -> str:
    """10**e as a tick label: "1", "100", else "10⁻⁴", "10⁶"."""
    return {0: "1", 1: "10", 2: "100"}.get(e, "10" + str(e).translate(_SUPERSCRIPT))


def _pct_text(p: float) -> str:
    pct = 100.0 * p
    if pct == 0:
        return "0 %"
    if pct < 0.01:
        return f"{pct:.1e} %"
    return f"{pct:.3g} %"


def _num(x: float) -> str:
    return f"{x:,.0f}" if abs(x) >= 1000 else f"{x:.3g}"


def pool_texts(pools_nM: Mapping[str, float], fractions: Mapping[str, float]) -> list[str]:
    """'0.116 pM (6.0e-04 %)' style labels, one per pool in POOL_LABELS order."""
    return [f"{_num(1000 * pools_nM[k])} pM ({_pct_text(fractions[k])})" for k in POOL_LABELS]


def pools_figure(
    pools_nM: Mapping[str, float],
    fractions: Mapping[str, float],
    title: str = "Where the IGF-1 in serum is: model equilibrium",
) -> go.Figure:
    """Top: one 100 % stacked bar of the four pools (share of total IGF-1). Bottom: the same pools
    as concentrations on a log axis (pM), so the tiny free pool is visible. Numbers as text."""
    fig = make_subplots(
        rows=2,
        cols=1,
        row_heights=[0.3, 0.7],
        # room for the lower panel's title at the lowest height
        vertical_spacing=0.3,
        subplot_titles=("", "Concentration of each pool (pM)"),
    )
    for i, (k, label) in enumerate(POOL_LABELS.items()):
        fig.add_trace(
            go.Bar(
                x=[100.0 * fractions[k]],
                y=["All IGF-1"],
                orientation="h",
                name=label,
                marker=dict(
                    color=COLORWAY[i], pattern=dict(shape=PATTERNS[i]), line=dict(color="#333333", width=1)
                ),
                hovertemplate=f"{label}: %{{x:.4g}} %<extra></extra>",
            ),
            row=1,
            col=1,
        )
    values = [max(1000.0 * pools_nM[k], 0.0) for k in POOL_LABELS]
    fig.add_trace(
        go.Bar(
            x=values,
            y=list(POOL_LABELS.values()),
            orientation="h",
            marker=dict(
                color=COLORWAY[:4], pattern=dict(shape=PATTERNS[:4]), line=dict(color="#333333", width=1)
            ),
            text=pool_texts(pools_nM, fractions),
            textposition="outside",
            cliponaxis=False,
            showlegend=False,
            name="pools (pM)",
            hovertemplate="%{y}: %{x:.4g} pM<extra></extra>",
        ),
        row=2,
        col=1,
    )
    fig.update_layout(
        template=TEMPLATE_NAME,
        barmode="stack",
        height=600,
        title=dict(text=title),
        # no legend title: a titled legend went one entry per row and took a third of the height
        legend=dict(orientation="h", y=-0.2, x=0.0, yanchor="top", traceorder="normal"),
        margin=dict(l=250, r=30, t=90, b=150),
    )
    # the share axis above its bar (ticks and title), so no axis title sits on the lower panel's
    # title when the figure is low
    fig.update_xaxes(
        range=[0, 100],
        ticksuffix=" %",
        side="top",
        title_text=axis_title("Share of total IGF-1", "%"),
        row=1,
        col=1,
    )
    # powers of ten written out: plotly's own log ticks use SI prefixes ("100µ" = 10⁻⁴ pM)
    fig.update_xaxes(
        type="log",
        range=[-4, 9.4],  # room right of the longest bar for its text
        tickvals=[10.0**e for e in LOG_TICK_EXPONENTS],
        ticktext=[_power_of_ten(e) for e in LOG_TICK_EXPONENTS],
        title_text=axis_title("IGF-1 in the pool", "pM, log scale"),
        row=2,
        col=1,
    )
    fig.update_yaxes(autorange="reversed", row=2, col=1)
    return fig


def clearance_figure(
    t_min: np.ndarray,
    curves: Mapping[str, np.ndarray],
    half_lives_min: Mapping[str, float],
    *,
    visible: Sequence[str] | None = None,
    log_y: bool = False,
) -> go.Figure:
    """Fraction of a tracer bolus left in each pool against time, with each half-life marked
    (a point at 50 % labelled 't½ = ...', shown only when it falls inside the time window) and a
    dotted 50 % reference line."""
    visible = list(curves) if visible is None else list(visible)
    fig = base_figure(
        "Tracer disappearance after a bolus at t = 0",
        "Time after the bolus",
        "min",
        "Tracer left in the pool",
        "fraction of t = 0",
        height=460,
    )
    # each half-life is written in its curve's legend entry, not next to its marker: every
    # curve falls from upper left to lower right, so a label beside a crossing sits on this or
    # another curve in some window, and at 1 or 3 days the free and binary crossings coincide
    for k, y in curves.items():
        name = f"{CLEARANCE_LABELS[k]}, t½ = {_fmt_minutes(half_lives_min[k])}"
        fig.add_trace(go.Scatter(x=t_min, y=y, mode="lines", name=name, visible=k in visible))
    for i, (k, th) in enumerate(half_lives_min.items()):
        fig.add_trace(
            go.Scatter(
                x=[th],
                y=[0.5],
                mode="markers",
                name=f"t½ {CLEARANCE_LABELS[k]}",
                marker=dict(
                    size=11, color=COLORWAY[i], symbol="diamond", line=dict(color="#333333", width=1)
                ),
                text=[f"t½ = {_fmt_minutes(th)}"],
                hoverinfo="text",
                showlegend=False,
                visible=k in visible and th <= float(t_min[-1]),
            )
        )
    fig.add_trace(
        go.Scatter(
            x=[0, float(t_min[-1])],
            y=[0.5, 0.5],
            mode="lines",
            name="50 % left",
            line=dict(color="#555555", dash="dot", width=1.5),
            hoverinfo="skip",
        )
    )
    fig.update_xaxes(range=[0, float(t_min[-1])])
    set_y_scale(fig, log_y)
    fig.update_layout(
        height=520, margin=dict(b=140), legend=dict(orientation="h", x=0.0, y=-0.22, yanchor="top")
    )
    return fig


def set_y_scale(fig: go.Figure, log_y: bool) -> None:
    """Linear (0-1.05) or log (1e-3 to ~1) fraction axis."""
    if log_y:
        fig.update_yaxes(type="log", range=[-3, 0.05], dtick=1)
    else:
        fig.update_yaxes(type="linear", range=[0, 1.05], dtick=0.25)


def _fmt_minutes(m: float) -> str:
    return f"{m:.0f} min" if m < 120 else f"{m / 60:.1f} h"


def proteolysis_figure(
    intact_fraction: np.ndarray, free_pct: np.ndarray, current: float | None = None
) -> go.Figure:
    """Free IGF-1 (% of total, log axis) as IGFBP-3 is cut: intact fraction from 1 down to 0."""
    fig = base_figure(
        "Proteolysis of IGFBP-3 frees IGF-1 (model)",
        "Intact IGFBP-3",
        "fraction of total",
        "Free IGF-1",
        "% of total, log scale",
        height=420,
    )
    fig.add_trace(go.Scatter(x=intact_fraction, y=free_pct, mode="lines", name="Model free IGF-1"))
    fig.update_xaxes(range=[1.0, 0.0])
    fig.update_yaxes(type="log")
    if current is not None:
        fig.add_trace(
            go.Scatter(
                x=[current],
                y=[float(np.interp(current, intact_fraction[::-1], free_pct[::-1]))],
                mode="markers",
                name="Adult default",
                marker=dict(size=12),
            )
        )
    fig.update_layout(legend=dict(x=0.02, y=0.98, bgcolor="rgba(255,255,255,0.85)"))
    return fig
