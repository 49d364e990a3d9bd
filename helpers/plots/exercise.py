"""Figure builders for notebook 05, exercise and local IGF-1 (pure: arrays in, go.Figure out)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import plotly.graph_objects as go
from numpy.typing import ArrayLike
from plotly.subplots import make_subplots

from . import COLORWAY, TEMPLATE_NAME, axis_title, base_figure

ACUTE_T_RANGE_MIN = (-10.0, 120.0)
TRAINING_MAX_WEEKS = 20


def acute_figure(t_min: ArrayLike, pct: ArrayLike, duration_min: float, published: Any) -> go.Figure:
    """Serum IGF-1 % change vs time with the exercise period shaded and published 10-min means.

    ``published``: list of ``(label, t_min, mean_pct, spread_pct)`` drawn as markers with
    error bars. Trace 0 is the model curve; the first layout shape is the exercise period.
    """
    fig = base_figure(
        "Serum IGF-1 during and after one exercise bout (model)",
        "Time from start of exercise",
        "min",
        "Serum IGF-1 change",
        "%",
    )
    fig.add_vrect(x0=0, x1=duration_min, fillcolor="#999999", opacity=0.18, line_width=0, layer="below")
    fig.add_trace(go.Scatter(x=t_min, y=pct, mode="lines", name="Model: your setting"))
    for i, (label, t, mean, spread) in enumerate(published):
        fig.add_trace(
            go.Scatter(
                x=[t],
                y=[mean],
                mode="markers",
                name=label,
                marker=dict(size=11, color=COLORWAY[1 + i], symbol=["square", "diamond"][i % 2]),
                error_y=dict(type="data", array=[spread], visible=True, color=COLORWAY[1 + i]),
            )
        )
    fig.add_annotation(
        x=2, y=19.5, text="shaded = exercise", showarrow=False, xanchor="left", font=dict(size=13)
    )
    fig.update_xaxes(range=list(ACUTE_T_RANGE_MIN))
    fig.update_yaxes(range=[-1, 20])
    fig.update_layout(legend=dict(x=0.55, y=0.98, bgcolor="rgba(255,255,255,0.85)"))
    return fig


def local_vs_serum_figure(hours: ArrayLike, mrna_fold: ArrayLike, published_48h_fold: float) -> go.Figure:
    """Muscle IGF-1 mRNA (fold) after one eccentric bout, the published 48-h value, and serum
    IGF-1 drawn as unchanged (fold 1)."""
    fig = base_figure(
        "After one bout: muscle IGF-1 mRNA rises for days, serum barely moves",
        "Time after the bout",
        "h",
        "Change vs before the bout",
        "fold",
    )
    fig.add_trace(go.Scatter(x=hours, y=mrna_fold, mode="lines", name="Muscle IGF-1 mRNA (model)"))
    fig.add_trace(
        go.Scatter(
            x=[hours[0], hours[-1]], y=[1.0, 1.0], mode="lines", name="Serum IGF-1: little change (study)"
        )
    )
    fig.add_trace(
        go.Scatter(
            x=[48.0],
            y=[published_48h_fold],
            mode="markers+text",
            name="Measured at 48 h (+62 %)",
            marker=dict(size=13),
            text=["+62 % at 48 h"],
            textposition="top right",
        )
    )
    fig.update_yaxes(range=[0.9, 1.8])
    fig.update_layout(legend=dict(x=0.5, y=0.98, bgcolor="rgba(255,255,255,0.85)"))
    return fig


def training_figure(
    weeks: ArrayLike,
    local_fold: ArrayLike,
    serum_fold: ArrayLike,
    csa_total_pct: ArrayLike,
    csa_mech_pct: ArrayLike,
) -> go.Figure:
    """Two panels over weeks of training: (top) local IGF-1 signal and resting serum IGF-1
    (fold), (bottom) muscle cross-sectional area change (%), total and the part not routed
    through IGF-1. Trace order: local, serum, CSA total, CSA without IGF-1 contribution."""
    fig = make_subplots(
        rows=2,
        cols=1,
        shared_xaxes=True,
        vertical_spacing=0.12,
        subplot_titles=("Signals (fold of pre-training)", "Muscle cross-sectional area (illustrative)"),
    )
    fig.update_layout(
        template=TEMPLATE_NAME,
        height=560,
        title=dict(text="Weeks of resistance training (illustrative model)"),
    )
    fig.add_trace(
        go.Scatter(x=weeks, y=local_fold, mode="lines", name="Local muscle IGF-1 signal"), row=1, col=1
    )
    fig.add_trace(go.Scatter(x=weeks, y=serum_fold, mode="lines", name="Resting serum IGF-1"), row=1, col=1)
    fig.add_trace(go.Scatter(x=weeks, y=csa_total_pct, mode="lines", name="Area change, total"), row=2, col=1)
    fig.add_trace(
        go.Scatter(x=weeks, y=csa_mech_pct, mode="lines", name="Area change without the IGF-1 route"),
        row=2,
        col=1,
    )
    fig.update_xaxes(range=[0, TRAINING_MAX_WEEKS], row=1, col=1)
    fig.update_xaxes(
        range=[0, TRAINING_MAX_WEEKS], title_text=axis_title("Training time", "weeks"), row=2, col=1
    )
    fig.update_yaxes(title_text=axis_title("Signal", "fold"), range=[0.8, 3.2], row=1, col=1)
    fig.update_yaxes(title_text=axis_title("Area change", "%"), range=[-0.5, 16], row=2, col=1)
    fig.update_layout(legend=dict(orientation="h", y=-0.16, x=0))
    return fig


def forest_figure(rows: Sequence[Mapping[str, Any]]) -> go.Figure:
    """Forest plot in the order of ``rows``: dicts with ``label``, ``g``, ``ci_low``, ``ci_high``
    and ``kind`` ("study" = illustrative study with 95 % CI, "pooled" = published estimate drawn
    as a diamond; its CI may be None). Trace 0 = studies, trace 1 = pooled estimates."""
    labels = [r["label"] for r in rows]
    studies = [r for r in rows if r["kind"] == "study"]
    pooled = [r for r in rows if r["kind"] == "pooled"]
    fig = base_figure(
        "Exercise and BDNF: effect sizes (study rows illustrative, synthetic)",
        "Effect size, Hedges g",
        None,
        "Study",
        None,
        height=200 + 24 * len(rows),
    )
    sg = np.array([r["g"] for r in studies], float)
    fig.add_trace(
        go.Scatter(
            x=sg,
            y=[r["label"] for r in studies],
            mode="markers",
            name="Illustrative study (synthetic) with 95 % CI",
            marker=dict(symbol="square", size=8, color=COLORWAY[0]),
            error_x=dict(
                type="data",
                symmetric=False,
                array=np.array([r["ci_high"] for r in studies]) - sg,
                arrayminus=sg - np.array([r["ci_low"] for r in studies]),
                color=COLORWAY[0],
            ),
        )
    )
    fig.add_trace(
        go.Scatter(
            x=[r["g"] for r in pooled],
            y=[r["label"] for r in pooled],
            mode="markers+text",
            name="Published pooled estimate (Szuhany 2015)",
            text=[f"g = {r['g']:.2f}" for r in pooled],
            textposition="middle right",
            marker=dict(symbol="diamond", size=16, color=COLORWAY[2]),
        )
    )
    fig.add_vline(x=0, line_dash="dash", line_color="#333333")
    fig.update_yaxes(
        categoryorder="array", categoryarray=labels, autorange="reversed", automargin=True, title_text=""
    )
    fig.update_xaxes(range=[-1.0, 1.9])
    fig.update_layout(legend=dict(orientation="h", y=-0.2, x=0), margin=dict(l=280, b=110))
    return fig


def bdnf_forest_figure(table: Any, published: Mapping[str, tuple[float, str]]) -> go.Figure:
    """Forest plot of the illustrative BDNF table (a DataFrame with columns outcome,
    study_label, hedges_g, ci_low_95, ci_high_95), grouped by outcome, each group closed by
    the published pooled estimate. ``published``: outcome -> (g, plain-words label)."""
    rows = []
    for outcome, (g_pub, label) in published.items():
        sub = table[table["outcome"] == outcome]
        for _, r in sub.iterrows():
            short = str(r["study_label"]).replace("Illustrative study ", "")
            rows.append(
                {
                    "label": f"{short}: {label}",
                    "g": float(r["hedges_g"]),
                    "ci_low": float(r["ci_low_95"]),
                    "ci_high": float(r["ci_high_95"]),
                    "kind": "study",
                }
            )
        rows.append(
            {"label": f"Published, {label}", "g": g_pub, "ci_low": None, "ci_high": None, "kind": "pooled"}
        )
    return forest_figure(rows)
