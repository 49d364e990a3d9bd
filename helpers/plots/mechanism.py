"""Figure builders for notebook 01: the GH–IGF-1 axis and IGF-1R signalling (pure: arrays in, go.Figure out).

Trace order is part of the contract with the explorers (they update traces by index):

``axis_figure``: 0 GH (top panel), 1 IGF-1 (bottom panel), 2 mean IGF-1 line (bottom panel).

``signalling_figure``: traces 0 synthesis curve, 1 degradation curve, 2 proliferation curve,
3 current-concentration markers (three points with text), 4 pathway-step words (one text per
node in ``NODES`` order, stating ON/OFF/BLOCKED...), 5 pathway-step state markers (shape and
colour). Boxes (shapes) and arrows (annotations) of the diagram are static.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go
from numpy.typing import ArrayLike
from plotly.subplots import make_subplots

from . import COLORWAY, DASHES, SYMBOLS, TEMPLATE_NAME, axis_title

# ---------------------------------------------------------------------------------------------
# GH–IGF-1 axis
# ---------------------------------------------------------------------------------------------
AXIS_TITLE = "GH pulses and serum IGF-1 over several days (illustrative model)"


def mean_name(mean_igf1_ng_ml: float) -> str:
    """Legend name of the mean IGF-1 line, with its value."""
    return f"Mean IGF-1: {mean_igf1_ng_ml:.0f} ng/mL"


def axis_figure(
    time_h: ArrayLike, gh_ug_l: ArrayLike, igf1_ng_ml: ArrayLike, mean_igf1_ng_ml: float
) -> go.Figure:
    """Two stacked panels sharing a time axis (days): GH (µg/L) above, IGF-1 (ng/mL) below,
    with a dashed line at the mean IGF-1 labelled with its value."""
    t_days = np.asarray(time_h, dtype=float) / 24.0
    fig = make_subplots(
        rows=2,
        cols=1,
        shared_xaxes=True,
        vertical_spacing=0.10,
        subplot_titles=("Pituitary GH: pulses", "Serum IGF-1: slow and steady"),
    )
    fig.update_layout(
        template=TEMPLATE_NAME,
        height=520,
        title=dict(text=AXIS_TITLE),
        legend=dict(orientation="h", y=-0.2, x=0),
        margin=dict(l=80, r=30, t=90, b=110),
    )
    fig.add_trace(
        go.Scatter(
            x=t_days,
            y=np.asarray(gh_ug_l),
            mode="lines",
            name="GH (µg/L)",
            line=dict(color=COLORWAY[0], dash=DASHES[0], width=1.8),
        ),
        row=1,
        col=1,
    )
    fig.add_trace(
        go.Scatter(
            x=t_days,
            y=np.asarray(igf1_ng_ml),
            mode="lines",
            name="IGF-1 (ng/mL)",
            line=dict(color=COLORWAY[1], dash=DASHES[0], width=2.5),
        ),
        row=2,
        col=1,
    )
    fig.add_trace(
        go.Scatter(
            x=[t_days[0], t_days[-1]],
            y=[mean_igf1_ng_ml] * 2,
            # the value is in the legend, not on the plot: IGF-1 stays close to its mean, so a
            # label next to the mean line would sit on the IGF-1 trace (the text is the hover)
            mode="lines",
            name=mean_name(mean_igf1_ng_ml),
            text=["", f"mean {mean_igf1_ng_ml:.0f} ng/mL"],
            hoverinfo="text",
            line=dict(color=COLORWAY[2], dash=DASHES[1], width=2),
        ),
        row=2,
        col=1,
    )
    fig.update_yaxes(title_text=axis_title("GH", "µg/L"), rangemode="tozero", row=1, col=1)
    fig.update_yaxes(title_text=axis_title("IGF-1", "ng/mL"), rangemode="tozero", row=2, col=1)
    fig.update_xaxes(title_text=axis_title("Time", "days"), row=2, col=1)
    return fig


# ---------------------------------------------------------------------------------------------
# IGF-1R signalling
# ---------------------------------------------------------------------------------------------
SIGNALLING_TITLE = "IGF-1 dose–response and which steps are on"

#: pathway diagram: node key -> (label, x, y) in the diagram panel's own axis units. Five rows
#: (a row is 2 units) and never more than two boxes in a row except the outputs at the bottom, so
#: each box can be wide enough for its two lines (name, state) in a 592 px notebook column
NODES = {
    "igf1r": ("IGF-1R", 4.6, 9.0),
    "pi3k": ("IRS-1/PI3K", 2.0, 7.0),
    "erk": ("Ras/MEK/ERK", 7.6, 7.0),
    "akt": ("Akt", 2.0, 5.0),
    "proliferation": ("Proliferation", 7.6, 5.0),
    "mtorc1": ("mTORC1", 0.8, 3.0),
    "foxo": ("FoxO", 5.6, 3.0),
    "synthesis": ("Synthesis", 0.6, 1.0),
    "ulk1": ("ULK1", 4.2, 1.0),
    "degradation": ("Breakdown", 7.9, 1.0),
}
#: box width of each node in diagram units (the bottom row holds three boxes, the others two)
BOX_WIDTHS = {k: (3.2 if y < 2 else 3.6) for k, (_, _, y) in NODES.items()}
#: what each step does or goes through: in the box's hover text (the boxes hold the name and
#: the state only, which is what fits a 592 px column); the notebook's text explains them all
NODE_DETAIL = {
    "igf1r": "receptor tyrosine kinase",
    "pi3k": "S6K1 feeds back on IRS-1",
    "erk": "via Shc → Grb2/SOS → Ras",
    "akt": "also switches GSK3β off",
    "mtorc1": "→ S6K1 and 4E-BP1/eIF4E",
    "foxo": "atrogenes, autophagy genes",
    "ulk1": "starts autophagy",
    "synthesis": "protein synthesis",
    "degradation": "proteasome + autophagy",
    "proliferation": "of myoblasts",
}
#: arrows: (from, to, kind); kind "act" = activates (arrow head), "inh" = inhibits (bar end)
EDGES = [
    ("igf1r", "pi3k", "act"),
    ("igf1r", "erk", "act"),
    ("pi3k", "akt", "act"),
    ("akt", "mtorc1", "act"),
    ("akt", "foxo", "inh"),
    ("mtorc1", "synthesis", "act"),
    ("mtorc1", "ulk1", "inh"),
    ("mtorc1", "pi3k", "inh"),  # S6K1 -| IRS-1 negative feedback
    ("foxo", "ulk1", "act"),
    ("foxo", "degradation", "act"),
    ("ulk1", "degradation", "act"),
    ("erk", "proliferation", "act"),
]
#: words that mean a step is active or changed (filled marker)
_ACTIVE_WORDS = {"ON", "PARTLY", "UP", "DOWN", "ACTIVE", "INHIBITED", "SLIGHTLY"}


def _is_active(state: str) -> bool:
    head = state.split(" (")[0]
    if head in ("OFF", "BASAL") or head.startswith("BLOCKED"):
        return False
    if head == "INHIBITED":  # fully inhibited FoxO is switched off
        return False
    return bool(set(head.split()) & _ACTIVE_WORDS)


def _head(state: str) -> str:
    """A state's word(s) without the reason in brackets: "OFF (PI3K blocked)" -> "OFF"."""
    return state.split(" (")[0]


def node_labels(states: dict) -> list[str]:
    """Node texts: the name and its state in words (ON / OFF / BLOCKED / UP / DOWN / BASAL ...),
    without the reason in brackets (that is in node_hovers); a blocked step also gets a cross so
    the state never depends on colour."""
    out = []
    for k, (label, _, _) in NODES.items():
        st = states[k]
        mark = "✕ " if st.startswith("BLOCKED") else ""
        out.append(f"<b>{label}</b><br>{mark}{_head(st)}")
    return out


def node_hovers(states: dict) -> list[str]:
    """Hover text of each box: the name, what the step does (NODE_DETAIL) and the full state,
    with its reason ("OFF (PI3K blocked)")."""
    return [f"<b>{label}</b>: {NODE_DETAIL[k]}<br>{states[k]}" for k, (label, _, _) in NODES.items()]


def node_symbols(states: dict) -> list[str]:
    """State markers beside each box, so the state never depends on colour alone:
    filled circle = active or changed, open circle = off / basal / inhibited, x = blocked."""
    return [
        "x" if states[k].startswith("BLOCKED") else "circle" if _is_active(states[k]) else "circle-open"
        for k in NODES
    ]


def node_colors(states: dict) -> list[str]:
    """Marker colours (redundant with the words and shapes): bluish green = active,
    grey = off, vermillion = blocked."""
    return [
        COLORWAY[1]
        if states[k].startswith("BLOCKED")
        else COLORWAY[3]
        if _is_active(states[k])
        else "#767676"
        for k in NODES
    ]


BOX_H = 1.3  # node box height in diagram units (two lines of text)


def signalling_figure(
    conc_nM: ArrayLike,
    synthesis_rel: ArrayLike,
    degradation_rel: ArrayLike,
    proliferation_rel: ArrayLike,
    current_nM: float,
    current: dict,
    states: dict,
) -> go.Figure:
    """Left: dose–response curves (relative to no IGF-1) on a log concentration axis with the
    current concentration marked; right: a pathway diagram whose boxes say ON/OFF/BLOCKED in words."""
    fig = make_subplots(
        rows=1,
        cols=2,
        column_widths=[0.34, 0.66],
        horizontal_spacing=0.06,
        subplot_titles=("Dose–response", "Pathway now"),
    )
    fig.update_layout(
        template=TEMPLATE_NAME,
        height=600,
        title=dict(text=SIGNALLING_TITLE),
        # entries of a fixed width, several to a row (one per row made the legend taller than
        # the panels in a 592 px column)
        legend=dict(orientation="h", y=-0.2, x=0, entrywidth=0.5, entrywidthmode="fraction"),
        margin=dict(l=60, r=10, t=90, b=120),
    )
    x = np.asarray(conc_nM, dtype=float)
    series = [
        ("Protein synthesis", synthesis_rel),
        ("Protein breakdown", degradation_rel),
        ("Proliferation signal", proliferation_rel),
    ]
    for i, (name, y) in enumerate(series):
        fig.add_trace(
            go.Scatter(
                x=x,
                y=np.asarray(y),
                mode="lines",
                name=name,
                line=dict(color=COLORWAY[i], dash=DASHES[i], width=2.5),
            ),
            row=1,
            col=1,
        )
    fig.add_trace(
        go.Scatter(
            x=[current_nM] * 3,
            y=[current["synthesis_rel"], current["degradation_rel"], current["proliferation_rel"]],
            mode="markers",
            name=f"Now: {current_nM:.2g} nM",
            marker=dict(
                size=12,
                color=[COLORWAY[0], COLORWAY[1], COLORWAY[2]],
                symbol=[SYMBOLS[0], SYMBOLS[1], SYMBOLS[2]],
                line=dict(color="#000", width=1),
            ),
            # the values are drawn as labels (now_labels) that never overlap; the text is the hover
            text=_marker_texts(current),
            hoverinfo="text+name",
        ),
        row=1,
        col=1,
    )
    for a in now_labels(conc_nM, current_nM, current):
        fig.add_annotation(a)
    fig.update_xaxes(type="log", title_text=axis_title("IGF-1", "nM"), row=1, col=1)
    fig.update_yaxes(title_text=axis_title("Relative rate", "1 = no IGF-1"), range=[0, 2.2], row=1, col=1)
    # pathway diagram: static boxes and arrows; the words and the state markers (the last
    # two traces) are plain trace data, so updating them is cheap
    for k, (_, xn, yn) in NODES.items():
        fig.add_shape(
            type="rect",
            x0=xn - BOX_WIDTHS[k] / 2,
            x1=xn + BOX_WIDTHS[k] / 2,
            y0=yn - BOX_H / 2,
            y1=yn + BOX_H / 2,
            xref="x2",
            yref="y2",
            fillcolor="#ffffff",
            line=dict(color="#333333", width=1.5),
            layer="below",
        )
    # the arrows are two line traces (one per kind, segments split by None) rather than one
    # annotation each: plotly redraws every annotation on each update and measures its text,
    # which made this figure's redraw about twice as slow (issue 16's 50 ms budget)
    lines = {"act": ([], []), "inh": ([], [])}
    for a, b, kind in EDGES:
        _, xa, ya = NODES[a]
        _, xb, yb = NODES[b]
        if (a, b) == ("mtorc1", "pi3k"):  # feedback: up the left side, clear of the Akt box
            xa, ya, xb, yb = xa - BOX_WIDTHS[a] / 2 + 0.2, ya + BOX_H / 2, xb - BOX_WIDTHS[b] / 2, yb
        elif ya == yb:  # along a row: from the side of one box to the side of the next
            side = 1.0 if xb > xa else -1.0
            xa, xb = xa + side * BOX_WIDTHS[a] / 2, xb - side * BOX_WIDTHS[b] / 2
        elif ya > yb:  # downwards: from the bottom of one box to the top of the next
            ya, yb = ya - BOX_H / 2, yb + BOX_H / 2
        else:
            ya, yb = ya + BOX_H / 2, yb - BOX_H / 2
        lx, ly = lines[kind]
        lx += [xa, xb, None]
        ly += [ya, yb, None]
        if kind == "inh":  # a bar across the end of the line: "inhibits"
            dx, dy = xb - xa, yb - ya
            n = (dx * dx + dy * dy) ** 0.5 or 1.0
            px, py = -dy / n * 0.22, dx / n * 0.22
            fig.add_shape(
                type="line",
                x0=xb - px,
                y0=yb - py,
                x1=xb + px,
                y1=yb + py,
                xref="x2",
                yref="y2",
                line=dict(color="#a33c00", width=3),
            )
    n_act = len(lines["act"][0]) // 3
    for kind, name, color in (
        ("act", "Pathway arrows: activates", "#555555"),
        ("inh", "Pathway arrows: inhibits (bar end)", "#a33c00"),
    ):
        lx, ly = lines[kind]
        fig.add_trace(
            go.Scatter(
                x=lx,
                y=ly,
                mode="lines+markers" if kind == "act" else "lines",
                name=name,
                line=dict(color=color, width=1.5, dash="solid"),
                # an arrow head at the end of each segment only, pointing along it
                marker=dict(symbol="arrow", angleref="previous", size=[0, 10, 0] * n_act, color=color)
                if kind == "act"
                else None,
                showlegend=False,
                hoverinfo="skip",
            ),
            row=1,
            col=2,
        )
    xs = [v[1] for v in NODES.values()]
    ys = [v[2] for v in NODES.values()]
    fig.add_trace(
        go.Scatter(
            x=xs,
            y=ys,
            mode="text",
            text=node_labels(states),
            hovertext=node_hovers(states),
            textfont=dict(size=10, color="#000000"),
            showlegend=False,
            hoverinfo="text",
            name="Pathway steps",
        ),
        row=1,
        col=2,
    )
    fig.add_trace(
        go.Scatter(
            x=[v - BOX_WIDTHS[k] / 2 + 0.05 for k, v in zip(NODES, xs, strict=True)],
            y=[v + BOX_H / 2 - 0.05 for v in ys],
            mode="markers",
            name="Steps: ● on, ○ off, ✕ blocked; ⊣ inhibits",
            marker=dict(
                size=11,
                symbol=node_symbols(states),
                color=node_colors(states),
                line=dict(color="#000000", width=1),
            ),
            hoverinfo="skip",
        ),
        row=1,
        col=2,
    )
    fig.update_xaxes(range=[-1.1, 9.6], visible=False, row=1, col=2)
    fig.update_yaxes(range=[0.2, 9.8], visible=False, row=1, col=2)
    return fig


#: the dose-response panel's y range (relative rate)
DOSE_Y_MAX = 2.2
NOW_KEYS = ("synthesis_rel", "degradation_rel", "proliferation_rel")
#: the labels of the current values are spaced for a dose-response panel this high (px): less
#: than the panel has at the lowest figure height the explorer view uses; a taller panel only
#: spaces them more (each label keeps its offset in px, the points move apart)
NOW_LABEL_PANEL_PX = 140
#: vertical distance between two labels' centres (px): one line of 15 px text and a gap
NOW_LABEL_GAP_PX = 20


def spread_labels(y_px: Sequence[float], gap: float, lo: float, hi: float) -> list[float]:
    """Label centres (px, upwards) for points at ``y_px``: as close to each point as possible,
    at least ``gap`` apart, within [lo, hi]. Neighbours closer than ``gap`` form a group spaced
    ``gap`` apart around the group's mean; groups that then touch merge."""
    order = sorted(range(len(y_px)), key=lambda i: y_px[i])
    groups: list[list[int]] = []

    def place(g):
        centre = sum(y_px[i] for i in g) / len(g)
        first = centre - gap * (len(g) - 1) / 2
        first = min(max(first, lo), hi - gap * (len(g) - 1))
        return first

    for i in order:
        groups.append([i])
        while len(groups) > 1:
            a, b = groups[-2], groups[-1]
            if place(a) + gap * (len(a) - 1) + gap <= place(b) + 1e-9:
                break
            groups[-2:] = [a + b]
    out = [0.0] * len(y_px)
    for g in groups:
        first = place(g)
        for k, i in enumerate(g):
            out[i] = first + k * gap
    return out


def now_labels(conc_nM: ArrayLike, current_nM: float, current: dict) -> list[dict]:
    """Value labels beside the three current-concentration markers (annotations named
    ``now-<key>``): to the right of the marker (to the left near the right end of the axis),
    shifted up or down so that no two overlap whatever the figure's height; on a white ground,
    so a curve under a label does not cross its digits."""
    x = np.asarray(conc_nM, dtype=float)
    lo, hi = np.log10(x.min()), np.log10(x.max())
    right_end = np.log10(current_nM) > lo + 0.78 * (hi - lo)
    vals = [float(current[k]) for k in NOW_KEYS]
    px = [min(max(v, 0.0), DOSE_Y_MAX) / DOSE_Y_MAX * NOW_LABEL_PANEL_PX for v in vals]
    half = NOW_LABEL_GAP_PX / 2
    placed = spread_labels(px, NOW_LABEL_GAP_PX, half, NOW_LABEL_PANEL_PX - half)
    return [
        dict(
            name=f"now-{k}",
            x=float(np.log10(current_nM)),
            y=min(max(v, 0.0), DOSE_Y_MAX),
            xref="x",
            yref="y",
            text=t,
            showarrow=False,
            xanchor="right" if right_end else "left",
            xshift=-10 if right_end else 10,
            yshift=round(p - q, 1),
            bgcolor="rgba(255,255,255,0.85)",
            borderpad=1,
        )
        for k, v, t, p, q in zip(NOW_KEYS, vals, _marker_texts(current), placed, px, strict=True)
    ]


def update_now_labels(fig: go.Figure, conc_nM: ArrayLike, current_nM: float, current: dict) -> None:
    """Move the ``now-<key>`` annotations of ``fig`` to the current values (see now_labels)."""
    new = {a["name"]: a for a in now_labels(conc_nM, current_nM, current)}
    for a in fig.layout.annotations:
        if a.name in new:
            a.update(new[a.name])


def _marker_texts(current: dict) -> list[str]:
    return [
        f"{current['synthesis_rel']:.2f}",
        f"{current['degradation_rel']:.2f}",
        f"{current['proliferation_rel']:.2f}",
    ]


def protein_balance_bars(
    labels: Sequence[str], synthesis_rel: ArrayLike, degradation_rel: ArrayLike
) -> go.Figure:
    """Grouped bars of relative synthesis and breakdown for a few named conditions
    (long condition names are wrapped at ' + ' and ', ')."""
    from . import base_figure

    fig = base_figure(
        "Protein synthesis and breakdown under each condition (model)",
        "Condition",
        None,
        "Relative rate",
        "1 = no IGF-1",
        height=460,
    )
    wrapped = [str(lab).replace(" + ", "<br>+ ").replace(", ", ",<br>") for lab in labels]
    fig.add_trace(
        go.Bar(
            x=wrapped,
            y=list(synthesis_rel),
            name="Synthesis",
            text=[f"{v:.2f}" for v in synthesis_rel],
            textposition="outside",
        )
    )
    fig.add_trace(
        go.Bar(
            x=wrapped,
            y=list(degradation_rel),
            name="Breakdown",
            text=[f"{v:.2f}" for v in degradation_rel],
            textposition="outside",
        )
    )
    fig.update_layout(
        barmode="group", legend=dict(orientation="h", y=1.0, x=0.0, yanchor="bottom"), margin=dict(b=90)
    )
    fig.update_xaxes(tickangle=0)
    fig.update_yaxes(range=[0, 1.8])
    return fig
