"""Figure builders for notebook 04 (nutrition). Pure: arrays and numbers in, go.Figure out."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go
from numpy.typing import ArrayLike
from plotly.subplots import make_subplots

from . import COLORWAY, TEMPLATE_NAME, axis_title, base_figure

GREY = "#595959"


def participants_xy(days: np.ndarray, values: np.ndarray, ids: Sequence[str]) -> tuple[list, list]:
    """Concatenate per-participant series with None gaps so one trace draws one line each."""
    xs: list = []
    ys: list = []
    ids = np.asarray(ids)
    for pid in dict.fromkeys(ids.tolist()):
        m = ids == pid
        xs += list(np.asarray(days)[m]) + [None]
        ys += list(np.asarray(values)[m]) + [None]
    return xs, ys


def fasting_figure(
    t_days: ArrayLike,
    model_pct: ArrayLike,
    part_x: ArrayLike,
    part_y: ArrayLike,
    mean_days: ArrayLike,
    mean_pct: ArrayLike,
    fast_days: float,
    *,
    diet_label: str,
    height: int = 460,
) -> go.Figure:
    """Model trajectory (fast then refeed, % of pre-fast) over illustrative participants.

    Traces: 0 participants (synthetic, 5-day protocol), 1 their daily mean, 2 the model.
    Shape 0 marks the start of refeeding. The x axis spans at least the protocol's 10 days.
    """
    fig = base_figure(
        "Fasting, then refeeding (participants: illustrative, synthetic)",
        "Days since the fast began",
        "days",
        "IGF-1",
        "% of pre-fast",
        height=height,
    )
    fig.add_trace(
        go.Scatter(
            x=part_x,
            y=part_y,
            mode="lines+markers",
            name="Participants, 5-day fast (illustrative)",
            line=dict(color="#9a9a9a", width=1, dash="dot"),
            marker=dict(color=GREY, size=5, symbol="circle-open"),
            hoverinfo="x+y",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=mean_days,
            y=mean_pct,
            mode="markers",
            name="Participants' mean (illustrative)",
            marker=dict(color=COLORWAY[2], size=10, symbol="square"),
        )
    )
    fig.add_trace(
        go.Scatter(
            x=t_days,
            y=model_pct,
            mode="lines",
            name=f"Model: {diet_label}",
            line=dict(color=COLORWAY[0], width=3.5, dash="solid"),
        )
    )
    fig.add_shape(
        type="line",
        x0=fast_days,
        x1=fast_days,
        y0=0,
        y1=1,
        yref="paper",
        line=dict(color=COLORWAY[1], dash="dash", width=2),
    )
    fig.add_annotation(
        x=fast_days,
        y=1.0,
        yref="paper",
        text="refeeding starts",
        showarrow=False,
        xanchor="left",
        yanchor="top",
        # label text in the figure's text colour (the orange line colour is 3.87:1, text needs 4.5:1)
    )
    fig.update_yaxes(range=[0, 115])
    # always show at least the 10 days of the (illustrative) 5-day protocol, as update_figure does
    fig.update_xaxes(range=[-0.3, max(10.0, float(max(t_days))) + 0.3])
    fig.update_layout(legend=dict(orientation="h", y=-0.22, x=0))
    return fig


def diet_figure(
    protein_grid: ArrayLike,
    igf_vs_protein_pct: ArrayLike,
    energy_grid_pct: ArrayLike,
    igf_vs_energy_pct: ArrayLike,
    protein_now: float,
    energy_now_pct: float,
    value_now_pct: float,
    protein_cut: tuple[float, float, float, float],
    human_cr: tuple[float, float],
    rodent_cr: tuple[float, float],
    *,
    protein_data_max: float | None = None,
    height: int = 470,
) -> go.Figure:
    """Steady-state IGF-1 (% of the reference diet) against protein (left) and energy (right).

    ``protein_data_max`` (g/kg/day), if given, shades the protein axis above it as "beyond the
    data" (layout shape 0, with an annotation): the model holds the protein effect flat there.

    Traces: 0 curve vs protein, 1 current diet (left), 2 published protein cut (A64),
    3 curve vs energy, 4 current diet (right), 5 human calorie restriction (A65),
    6 rodent calorie restriction (animal evidence).
    ``protein_cut`` = (protein from, protein to, IGF-1 % from, IGF-1 % to).
    """
    fig = make_subplots(
        rows=1,
        cols=2,
        shared_yaxes=True,
        horizontal_spacing=0.06,
        subplot_titles=("Vary protein (energy fixed)", "Vary energy (protein fixed)"),
    )
    fig.update_layout(
        template=TEMPLATE_NAME,
        height=height,
        title=dict(text="Steady-state IGF-1: protein versus calories (model)"),
        legend=dict(orientation="h", y=-0.28, x=0),
    )
    fig.add_trace(
        go.Scatter(
            x=protein_grid,
            y=igf_vs_protein_pct,
            mode="lines",
            name="Model vs protein",
            line=dict(color=COLORWAY[0], width=3),
        ),
        1,
        1,
    )
    fig.add_trace(
        go.Scatter(
            x=[protein_now],
            y=[value_now_pct],
            mode="markers",
            name="Your diet",
            marker=dict(color=COLORWAY[2], size=14, symbol="diamond"),
        ),
        1,
        1,
    )
    p0, p1, y0, y1 = protein_cut
    fig.add_trace(
        go.Scatter(
            x=[p0, p1],
            y=[y0, y1],
            mode="lines+markers+text",
            name="Humans, protein cut −22 % (trial)",
            text=["", "−22 %"],
            textposition="top left",
            cliponaxis=False,
            line=dict(color=COLORWAY[1], dash="dash", width=2),
            marker=dict(color=COLORWAY[1], size=10, symbol="square"),
        ),
        1,
        1,
    )
    fig.add_trace(
        go.Scatter(
            x=energy_grid_pct,
            y=igf_vs_energy_pct,
            mode="lines",
            name="Model vs energy",
            line=dict(color=COLORWAY[3], width=3, dash="dot"),
        ),
        1,
        2,
    )
    fig.add_trace(
        go.Scatter(
            x=[energy_now_pct],
            y=[value_now_pct],
            mode="markers",
            showlegend=False,
            name="Your diet",
            marker=dict(color=COLORWAY[2], size=14, symbol="diamond"),
        ),
        1,
        2,
    )
    fig.add_trace(
        go.Scatter(
            x=[human_cr[0]],
            y=[human_cr[1]],
            mode="markers",
            name="Humans, long-term CR: no change (observational)",
            text=["human CR"],
            hoverinfo="text+name",
            marker=dict(color=COLORWAY[4], size=12, symbol="triangle-up"),
        ),
        1,
        2,
    )
    fig.add_trace(
        go.Scatter(
            x=[rodent_cr[0]],
            y=[rodent_cr[1]],
            mode="markers",
            name="Rodents, CR about −40 % (animal)",
            text=["rodent CR"],
            hoverinfo="text+name",
            marker=dict(color=COLORWAY[1], size=12, symbol="x"),
        ),
        1,
        2,
    )
    # the two study labels on a white ground just above / below their markers (the model curve
    # passes close by; a label on it would be crossed by the line)
    for lab, (x, y), shift in (("human CR", human_cr, 16), ("rodent CR", rodent_cr, -16)):
        fig.add_annotation(
            x=x,
            y=y,
            xref="x2",
            yref="y2",
            text=lab,
            showarrow=False,
            yshift=shift,
            bgcolor="rgba(255,255,255,0.85)",
            borderpad=1,
        )
    if protein_data_max is not None:
        fig.add_vrect(
            x0=protein_data_max,
            x1=4.0,
            row=1,
            col=1,
            fillcolor="#999999",
            opacity=0.15,
            line_width=0,
            layer="below",
            annotation_text="beyond the data:<br>held flat",
            annotation_position="top right",
        )
    fig.update_xaxes(
        title_text=axis_title("Protein intake", "g/kg body mass/day"), row=1, col=1, range=[0, 4]
    )
    fig.update_xaxes(title_text=axis_title("Energy intake", "% of needs"), row=1, col=2, range=[0, 150])
    fig.update_yaxes(title_text=axis_title("IGF-1", "% of reference diet"), row=1, col=1, range=[0, 160])
    return fig


def diet_pattern_figure(
    groups: Sequence[str],
    means: ArrayLike,
    ci_low: ArrayLike,
    ci_high: ArrayLike,
    effect_labels: Sequence[str],
    effects: ArrayLike,
    eff_low: ArrayLike,
    eff_high: ArrayLike,
    *,
    height: int = 680,
) -> go.Figure:
    """Top: group means of serum IGF-1 with 95 % CIs (illustrative cohort), on an axis from zero.
    Bottom: differences in ng/mL with 95 % CIs, one row per comparison labelled with its source
    (use ``<br>`` in ``effect_labels`` to wrap long labels)."""
    fig = make_subplots(
        rows=2,
        cols=1,
        row_heights=[0.55, 0.45],
        vertical_spacing=0.2,
        subplot_titles=(
            "Group means with 95 % CI (illustrative cohort, synthetic)",
            "Differences in IGF-1 with 95 % CI",
        ),
    )
    fig.update_layout(
        template=TEMPLATE_NAME,
        height=height,
        showlegend=False,
        title=dict(text="Diet patterns, dairy and serum IGF-1"),
        margin=dict(l=200, r=40, t=90, b=60),
    )
    means = np.asarray(means, float)
    ci_low, ci_high = np.asarray(ci_low, float), np.asarray(ci_high, float)
    fig.add_trace(
        go.Scatter(
            x=list(groups),
            y=means,
            mode="markers+text",
            text=[f"  {m:.0f} ng/mL" for m in means],
            textposition="middle right",
            error_y=dict(
                type="data",
                symmetric=False,
                array=ci_high - means,
                arrayminus=means - ci_low,
                thickness=2,
                width=10,
            ),
            marker=dict(color=COLORWAY[0], size=12, symbol="square"),
        ),
        1,
        1,
    )
    effects = np.asarray(effects, float)
    fig.add_trace(
        go.Scatter(
            x=effects,
            y=list(effect_labels),
            mode="markers+text",
            text=[f"{e:+.1f}" for e in effects],
            textposition="top center",
            error_x=dict(
                type="data",
                symmetric=False,
                array=np.asarray(eff_high) - effects,
                arrayminus=effects - np.asarray(eff_low),
                thickness=2,
                width=10,
            ),
            marker=dict(color=COLORWAY[1], size=12, symbol="diamond"),
        ),
        2,
        1,
    )
    fig.add_vline(x=0, line=dict(color="#333333", width=1.5), row=2, col=1)
    fig.update_yaxes(
        title_text=axis_title("Serum IGF-1", "ng/mL"), range=[0, 1.15 * ci_high.max()], row=1, col=1
    )
    fig.update_xaxes(title_text="Diet pattern", range=[-0.5, len(means) - 0.3], row=1, col=1)
    span = max(abs(np.asarray(eff_low)).max(), abs(np.asarray(eff_high)).max()) * 1.15
    fig.update_xaxes(
        title_text=axis_title("Difference in IGF-1", "ng/mL"),
        range=[-span, span],
        zeroline=False,
        row=2,
        col=1,
    )
    fig.update_yaxes(range=[-0.6, len(effects) - 0.4], row=2, col=1)
    return fig


def cohort_sample_figure(
    groups: Sequence[str],
    means: ArrayLike,
    ci_low: ArrayLike,
    ci_high: ArrayLike,
    y_label: str,
    y_unit: str,
    sample_effect_pct: float,
    sample_lo_pct: float,
    sample_hi_pct: float,
    published_pct: float,
    published_lo_pct: float,
    published_hi_pct: float,
    *,
    height: int = 440,
) -> go.Figure:
    """Left: group means with 95 % CIs from a sample of the illustrative cohort (axis from zero).
    Right: the vegan-versus-others difference in % with its 95 % CI, next to the published value.

    Traces: 0 group means, 1 sample difference, 2 published difference.
    """
    fig = make_subplots(
        rows=1,
        cols=2,
        column_widths=[0.55, 0.45],
        horizontal_spacing=0.14,
        subplot_titles=("Group means, 95 % CI (illustrative)", "Vegan vs others, 95 % CI"),
    )
    fig.update_layout(
        template=TEMPLATE_NAME,
        height=height,
        showlegend=False,
        title=dict(text="Diet-pattern cohort (illustrative, synthetic)"),
    )
    means = np.asarray(means, float)
    fig.add_trace(
        go.Scatter(
            x=list(groups),
            y=means,
            mode="markers",
            name="Group mean, 95 % CI",
            error_y=dict(
                type="data",
                symmetric=False,
                array=np.asarray(ci_high) - means,
                arrayminus=means - np.asarray(ci_low),
                thickness=2,
                width=10,
            ),
            marker=dict(color=COLORWAY[0], size=12, symbol="square"),
        ),
        1,
        1,
    )
    for label, name, (est, lo, hi), colour, symbol in (
        (
            "this sample",
            "Difference in this sample, 95 % CI",
            (sample_effect_pct, sample_lo_pct, sample_hi_pct),
            COLORWAY[1],
            "diamond",
        ),
        (
            "published",
            "Published difference, 95 % CI",
            (published_pct, published_lo_pct, published_hi_pct),
            COLORWAY[2],
            "circle",
        ),
    ):
        fig.add_trace(
            go.Scatter(
                x=[label],
                y=[est],
                mode="markers",
                name=name,
                error_y=dict(
                    type="data",
                    symmetric=False,
                    array=[hi - est],
                    arrayminus=[est - lo],
                    thickness=2,
                    width=10,
                ),
                marker=dict(color=colour, size=12, symbol=symbol),
            ),
            1,
            2,
        )
    fig.add_hline(y=0, line=dict(color="#333333", width=1.5), row=1, col=2)
    fig.update_yaxes(title_text=axis_title(y_label, y_unit), rangemode="tozero", row=1, col=1)
    fig.update_yaxes(title_text=axis_title("Difference", "%"), range=[-60, 80], row=1, col=2)
    fig.update_xaxes(title_text="Diet pattern", row=1, col=1)
    fig.update_xaxes(title_text="Estimate", row=1, col=2)
    return fig
