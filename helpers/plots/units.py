"""Figure builder for the IGF-1 unit converter (pure: numbers in, go.Figure out)."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from . import base_figure

MAX_NG_ML = 1000.0


def value_text_position(igf1_ng_ml: float) -> str:
    """Where the value's label goes: on the side of the rising line away from it (below right of
    the point, above left of it near the right end of the axis)."""
    return "bottom right" if igf1_ng_ml < 600 else "top left"


def conversion_figure(igf1_ng_ml: float, igf1_nmol_l: float, nmol_l_per_ng_ml: float) -> go.Figure:
    """The straight line nmol/L = factor x ng/mL over 0–1000 ng/mL, with the current value marked."""
    fig = base_figure("IGF-1: the same concentration in two units", "IGF-1", "ng/mL", "IGF-1", "nmol/L")
    x = np.array([0.0, MAX_NG_ML])
    fig.add_trace(
        go.Scatter(x=x, y=x * nmol_l_per_ng_ml, mode="lines", name=f"1 ng/mL = {nmol_l_per_ng_ml:.4f} nmol/L")
    )
    fig.add_trace(
        go.Scatter(
            x=[igf1_ng_ml],
            y=[igf1_nmol_l],
            mode="markers+text",
            name="Your value",
            marker=dict(size=14),
            text=[f"{igf1_ng_ml:.0f} ng/mL = {igf1_nmol_l:.1f} nmol/L"],
            textposition=value_text_position(igf1_ng_ml),
            cliponaxis=False,  # a label above a value near the top of the axis stays whole
        )
    )
    fig.update_layout(legend=dict(x=0.02, y=0.98, bgcolor="rgba(255,255,255,0.8)"))
    fig.update_xaxes(range=[0, MAX_NG_ML])
    # a little room under 0, so the label of a value near 0 (below the line) stays in the plot
    fig.update_yaxes(range=[-0.12 * MAX_NG_ML * nmol_l_per_ng_ml, MAX_NG_ML * nmol_l_per_ng_ml * 1.05])
    return fig
