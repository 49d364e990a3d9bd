"""Figure builders for notebook 03 (age-related decline). Pure: arrays in, go.Figure out.

Every figure that shows the cohort says "illustrative (synthetic)" in its title.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
from numpy.typing import ArrayLike

from . import base_figure

PCT_NAMES = ("2.5th percentile", "50th percentile (median)", "97.5th percentile")
_PCT_STYLE = (dict(dash="dot", width=2), dict(dash="solid", width=3), dict(dash="dash", width=2))
_PCT_COLOR = ("#0072B2", "#000000", "#D55E00")
_SCATTER_COLOR = "rgba(90,90,90,0.35)"


def _percentile_traces(age, p2_5, p50, p97_5, suffix=""):
    return [
        go.Scatter(
            x=np.asarray(age),
            y=np.asarray(v),
            mode="lines",
            name=n + suffix,
            line=dict(color=c, **st),
            hoverinfo="x+y+name",
        )
        for v, n, c, st in zip((p2_5, p50, p97_5), PCT_NAMES, _PCT_COLOR, _PCT_STYLE, strict=True)
    ]


def reference_chart(
    age: ArrayLike,
    p2_5: ArrayLike,
    p50: ArrayLike,
    p97_5: ArrayLike,
    point_age: float,
    point_value: float,
    *,
    sex: str,
    unit: str,
) -> go.Figure:
    """Reference percentile curves of IGF-1 for one sex with one person's value marked.
    Traces: 0–2 the 2.5th/50th/97.5th percentiles, 3 the marked value."""
    fig = base_figure(
        f"Where does the value sit? IGF-1 reference percentiles ({sex}, model)",
        "Age",
        "years",
        "Serum IGF-1",
        unit,
        height=440,
    )
    for t in _percentile_traces(age, p2_5, p50, p97_5):
        fig.add_trace(t)
    fig.add_trace(
        go.Scatter(
            x=[point_age],
            y=[point_value],
            mode="markers",
            name="The value you entered",
            marker=dict(size=15, symbol="diamond", color="#CC79A7", line=dict(color="#000000", width=2)),
        )
    )
    fig.update_xaxes(range=[0, 100])
    fig.update_layout(legend=dict(x=0.62, y=0.98, bgcolor="rgba(255,255,255,0.85)"))
    return fig


def cohort_curves_figure(
    age: ArrayLike,
    p2_5: ArrayLike,
    p50: ArrayLike,
    p97_5: ArrayLike,
    cohort_age: ArrayLike,
    cohort_value: ArrayLike,
    *,
    title: str,
    y_label: str,
    y_unit: str,
) -> go.Figure:
    """Illustrative cohort as grey points with reference percentile curves on top.
    Traces: 0 the cohort, 1–3 the 2.5th/50th/97.5th percentiles."""
    fig = base_figure(title, "Age", "years", y_label, y_unit, height=520)
    fig.add_trace(
        go.Scatter(
            x=np.asarray(cohort_age),
            y=np.asarray(cohort_value),
            mode="markers",
            name="Illustrative (synthetic) people",
            marker=dict(size=5, color=_SCATTER_COLOR, symbol="circle"),
        )
    )
    for t in _percentile_traces(age, p2_5, p50, p97_5, ", model"):
        fig.add_trace(t)
    fig.update_xaxes(range=[0, 92])
    fig.update_layout(
        legend=dict(
            orientation="h", x=0.0, xanchor="left", y=-0.2, yanchor="top", bgcolor="rgba(255,255,255,0.85)"
        ),
        margin=dict(b=130),
    )
    return fig


def lifespan_both_sexes_figure(
    age: ArrayLike,
    median_female: ArrayLike,
    band_female: tuple[ArrayLike, ArrayLike],
    median_male: ArrayLike,
    band_male: tuple[ArrayLike, ArrayLike],
    cohort_by_sex: dict,
) -> go.Figure:
    """IGF-1 over the lifespan for women and men: illustrative cohort points (circles for women,
    squares for men), model medians (solid women, dashed men) and 95 % reference limits
    (dotted). ``band_*`` are (p2_5, p97_5) pairs; ``cohort_by_sex[sex] = (age, igf1)``."""
    fig = base_figure(
        "Serum IGF-1 across the lifespan: illustrative (synthetic) cohort and model percentiles",
        "Age",
        "years",
        "Serum IGF-1",
        "ng/mL",
        height=560,
    )
    styles = {"female": ("#D55E00", "circle", "solid"), "male": ("#0072B2", "square", "dash")}
    #: the percentile lines differ by sex in dash too, not in colour only (WCAG 1.4.1)
    pct_dash = {"female": "dot", "male": "dashdot"}
    for sex, (a, v) in cohort_by_sex.items():
        col, sym, _ = styles[sex]
        fig.add_trace(
            go.Scatter(
                x=a,
                y=v,
                mode="markers",
                name=f"{sex.capitalize()}s (illustrative)",
                marker=dict(size=5, symbol=sym, color=col, opacity=0.3),
            )
        )
    for sex, med, band in (("female", median_female, band_female), ("male", median_male, band_male)):
        col, _, dash = styles[sex]
        fig.add_trace(
            go.Scatter(
                x=age, y=med, mode="lines", name=f"Median, {sex}s", line=dict(color=col, dash=dash, width=3.5)
            )
        )
        for k, lab in zip(band, ("2.5th", "97.5th"), strict=True):
            fig.add_trace(
                go.Scatter(
                    x=age,
                    y=k,
                    mode="lines",
                    name=f"{lab} percentile, {sex}s",
                    line=dict(color=col, dash=pct_dash[sex], width=1.5),
                )
            )
    fig.update_xaxes(range=[0, 92])
    fig.update_layout(
        legend=dict(
            orientation="h",
            x=0.0,
            xanchor="left",
            y=-0.2,
            yanchor="top",
            bgcolor="rgba(255,255,255,0.85)",
            font=dict(size=13),
        ),
        margin=dict(b=150),
    )
    return fig


def association_figure(
    x_female: ArrayLike,
    y_female: ArrayLike,
    x_male: ArrayLike,
    y_male: ArrayLike,
    line_x: ArrayLike,
    line_y: ArrayLike,
    *,
    title: str,
    x_title: str,
    y_title: str,
    line_name: str,
) -> go.Figure:
    """Scatter of muscle against IGF-1 (circles women, squares men) with a least-squares line.
    Traces: 0 women, 1 men, 2 the regression line."""
    fig = go.Figure(base_figure(title, "x", None, "y", None, height=500))
    fig.add_trace(
        go.Scatter(
            x=x_female,
            y=y_female,
            mode="markers",
            name="Women (illustrative)",
            marker=dict(size=6, symbol="circle", color="#D55E00", opacity=0.45),
        )
    )
    fig.add_trace(
        go.Scatter(
            x=x_male,
            y=y_male,
            mode="markers",
            name="Men (illustrative)",
            marker=dict(size=6, symbol="square", color="#0072B2", opacity=0.45),
        )
    )
    fig.add_trace(
        go.Scatter(
            x=line_x,
            y=line_y,
            mode="lines",
            name=line_name,
            line=dict(color="#000000", width=3.5, dash="solid"),
        )
    )
    fig.update_xaxes(title_text=x_title)
    fig.update_yaxes(title_text=y_title)
    fig.update_layout(
        legend=dict(
            orientation="h", x=0.0, xanchor="left", y=-0.2, yanchor="top", bgcolor="rgba(255,255,255,0.85)"
        ),
        margin=dict(b=120),
    )
    return fig
