"""Figures for notebooks 06 and 07: the GH–IGF-1 map of conditions, muscle protein balance with
catabolic signals, and the 12-week recovery course. Pure builders (plain arguments in, a
``go.Figure`` out); every trace carries a legend name and a stable ``uid``, and explorers
update traces by uid, never by position."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go
from numpy.typing import ArrayLike

from . import COLORWAY, DASHES, TEMPLATE_NAME, axis_title

#: Trace names (legend text) and the uids explorers find the traces by.
MAP_CURRENT = "This setting (model)"
MAP_CONDITIONS = "Conditions at their model settings"
MAP_BAND = "Healthy IGF-1 interval, men 40 y (2.5th–97.5th percentile)"
BAL_REFERENCE = "Healthy reference"
BAL_CURRENT = "With these signals"
REC_PLAN = "This plan"
REC_NO_REHAB = "Same plan without rehabilitation"
MAP_UIDS = ("map-band", "map-conditions", "map-current")
BALANCE_UIDS = ("balance-reference", "balance-current")
RECOVERY_UIDS = ("recovery-plan", "recovery-no-rehab")
NAMES_BY_UID = dict(
    zip(
        MAP_UIDS + BALANCE_UIDS + RECOVERY_UIDS,
        (MAP_BAND, MAP_CONDITIONS, MAP_CURRENT, BAL_REFERENCE, BAL_CURRENT, REC_PLAN, REC_NO_REHAB),
        strict=True,
    )
)
BALANCE_CATEGORIES = ["Synthesis", "Breakdown", "Net balance"]


def condition_map_figure(
    condition_gh_rel: ArrayLike,
    condition_igf1_ng_ml: ArrayLike,
    condition_labels: Sequence[str],
    current_gh_rel: float,
    current_igf1_ng_ml: float,
    low: float,
    high: float,
) -> go.Figure:
    """Mean GH relative to healthy (log x axis) against mean IGF-1 (ng/mL): one labelled marker
    per condition, the healthy reference interval as a shaded band, and the current setting as a
    large star."""
    x = np.asarray(condition_gh_rel, float)
    xs = [0.05, 5.0]
    fig = go.Figure(layout=go.Layout(template=TEMPLATE_NAME, height=460))
    fig.add_trace(
        go.Scatter(
            x=xs + xs[::-1],
            y=[low, low, high, high],
            fill="toself",
            mode="lines",
            line=dict(color="#9e9e9e", width=1, dash="dot"),
            fillcolor="rgba(0,158,115,0.12)",
            name=MAP_BAND,
            uid=MAP_UIDS[0],
            hoverinfo="skip",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=x,
            y=np.asarray(condition_igf1_ng_ml, float),
            mode="markers+text",
            text=list(condition_labels),
            textposition="top center",
            cliponaxis=False,  # a label above a marker near the top edge stays whole
            marker=dict(size=11, color=COLORWAY[0], symbol="circle"),
            name=MAP_CONDITIONS,
            uid=MAP_UIDS[1],
        )
    )
    fig.add_trace(
        go.Scatter(
            x=[current_gh_rel],
            y=[current_igf1_ng_ml],
            mode="markers",
            marker=dict(size=20, color=COLORWAY[1], symbol="star", line=dict(color="#000000", width=1)),
            name=MAP_CURRENT,
            uid=MAP_UIDS[2],
        )
    )
    fig.update_layout(
        title=dict(text="Where each condition sits: GH against IGF-1 (illustrative model)"),
        legend=dict(orientation="h", y=-0.25, x=0),
        margin=dict(l=80, r=30, t=70, b=120),
    )
    fig.update_xaxes(
        type="log",
        range=[np.log10(0.05), np.log10(5.0)],
        tickvals=[0.05, 0.1, 0.2, 0.5, 1, 2, 5],
        ticktext=["0.05", "0.1", "0.2", "0.5", "1", "2", "5"],
        title_text=axis_title("Mean GH", "× healthy, log scale"),
    )
    fig.update_yaxes(range=[0, 520], title_text=axis_title("Mean serum IGF-1", "ng/mL"))
    return fig


def muscle_balance_figure(reference: dict, current: dict) -> go.Figure:
    """Grouped bars: synthesis, breakdown and net balance (relative units) for a healthy
    reference and for the current combination of signals."""

    def vals(d):
        return [d["synthesis_rel"], d["degradation_rel"], d["net_balance"]]

    fig = go.Figure(layout=go.Layout(template=TEMPLATE_NAME, height=420, barmode="group"))
    fig.add_trace(go.Bar(x=BALANCE_CATEGORIES, y=vals(reference), name=BAL_REFERENCE, uid=BALANCE_UIDS[0]))
    fig.add_trace(go.Bar(x=BALANCE_CATEGORIES, y=vals(current), name=BAL_CURRENT, uid=BALANCE_UIDS[1]))
    fig.update_layout(
        title=dict(text="Muscle protein balance with catabolic signals (illustrative model)"),
        legend=dict(orientation="h", y=-0.2, x=0),
    )
    fig.update_yaxes(range=[-1.0, 2.0], title_text=axis_title("Rate", "1 = basal, no IGF-1"))
    return fig


def recovery_figure(week: ArrayLike, change_pct: ArrayLike, change_no_rehab_pct: ArrayLike) -> go.Figure:
    """Leg lean mass change (% of the start) over the weeks after a hip fracture, for the plan
    and for the same plan without rehabilitation."""
    w = np.asarray(week, float)
    fig = go.Figure(layout=go.Layout(template=TEMPLATE_NAME, height=420))
    fig.add_trace(
        go.Scatter(
            x=w,
            y=np.asarray(change_pct, float),
            mode="lines",
            name=REC_PLAN,
            uid=RECOVERY_UIDS[0],
            line=dict(color=COLORWAY[0]),
        )
    )
    fig.add_trace(
        go.Scatter(
            x=w,
            y=np.asarray(change_no_rehab_pct, float),
            mode="lines",
            name=REC_NO_REHAB,
            uid=RECOVERY_UIDS[1],
            line=dict(color=COLORWAY[1], dash=DASHES[1]),
        )
    )
    fig.update_layout(
        title=dict(text="Leg lean mass after a hip fracture (illustrative model, not a prognosis)"),
        legend=dict(orientation="h", y=-0.25, x=0),
        margin=dict(l=80, r=30, t=70, b=110),
    )
    fig.update_xaxes(title_text=axis_title("Time since the fracture", "weeks"))
    fig.update_yaxes(range=[-40, 20], title_text=axis_title("Leg lean mass change", "% of the start"))
    return fig
