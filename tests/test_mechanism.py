"""Notebook 01 pieces: the trophic-factor table, its filter, the plots and the two explorers."""

import math
import re

import numpy as np
import plotly.graph_objects as go
import pytest

from helpers import references
from helpers.data import load_dataset
from helpers.explorers import create
from helpers.explorers.base import trace
from helpers.models import signalling as sg
from helpers.plots import mechanism as pm
from helpers.tables import ALL, table_html, trophic_factor_filter

REQUIRED = {
    "IGF-1",
    "IGF-2",
    "MGF (IGF-1Ec)",
    "BDNF",
    "CNTF",
    "GDNF",
    "NT-3",
    "HGF",
    "FGF2",
    "Myostatin (GDF-8)",
}


# ---- data/trophic_factors.csv ---------------------------------------------------------------
def test_trophic_table_has_required_factors_and_columns():
    df = load_dataset("trophic_factors")
    assert REQUIRED <= set(df["factor"])
    for col in (
        "family",
        "receptor",
        "main_source",
        "target_tissue",
        "main_effect",
        "evidence_level",
        "citation_key",
    ):
        assert col in df.columns and df[col].notna().all()


def test_trophic_table_citation_keys_resolve():
    known = set(references.keys())
    df = load_dataset("trophic_factors")
    missing = sorted(set(df["citation_key"]) - known)
    assert not missing, f"citation keys not in data/references.csv: {missing}"


def test_myostatin_is_the_negative_regulator_and_receptor_classes():
    df = load_dataset("trophic_factors").set_index("factor")
    assert "negative" in df.loc["Myostatin (GDF-8)", "main_effect"]
    assert df.loc["Myostatin (GDF-8)", "receptor_family"] == "serine/threonine kinase receptor"
    assert df.loc["CNTF", "receptor_family"] == "cytokine receptor (gp130)"
    assert df.loc["IGF-1", "receptor_family"] == "receptor tyrosine kinase"


# ---- the table filter -------------------------------------------------------------------------
def test_table_html_is_accessible():
    df = load_dataset("trophic_factors").head(2)
    text = table_html(df, "Caption <here>")
    assert "<caption" in text and "Caption &lt;here&gt;" in text
    assert text.count("<th scope='col'") == len(df.columns)
    # the scroll container is a focusable region named by the caption (a wide table can be
    # scrolled with the keyboard), with a focus outline in the light and the dark theme
    region = re.search(r"<div class='tfl-table-scroll'([^>]*)>", text).group(1)
    for attr in ("role='region'", "tabindex='0'", "aria-label='Caption &lt;here&gt;'"):
        assert attr in region, region
    assert "overflow-x: auto" in text and "outline: 3px solid #0b57a4" in text and "#8ab4f8" in text
    assert text.index("tfl-table-scroll'") < text.index("<table") < text.index("</table></div>")
    for empty in ("", "  "):
        with pytest.raises(ValueError, match="caption"):
            table_html(df, empty)


def test_filter_rerenders_and_counts():
    tf = trophic_factor_filter()
    assert all(w.description for w in tf.controls.values())
    assert len(tf.rows()) == 10 and "Showing 10 of 10" in tf.status.value
    tf.set(target_tissue="motor neurons")
    assert set(tf.rows()["factor"]) == {"BDNF", "CNTF", "GDNF"}
    assert "CNTF" in tf.output.value and "IGF-1</td>" not in tf.output.value
    tf.set(receptor_family="cytokine receptor (gp130)")
    assert list(tf.rows()["factor"]) == ["CNTF"]
    tf.set(target_tissue="sensory neurons")
    assert len(tf.rows()) == 0 and "No rows match" in tf.output.value
    tf.set(target_tissue=ALL, receptor_family=ALL)
    assert len(tf.rows()) == 10
    # the widget itself drives the same refresh (keyboard/mouse path)
    tf.controls["receptor_family"].value = "serine/threonine kinase receptor"
    assert "Myostatin" in tf.output.value and "Showing 1 of 10" in tf.status.value
    with pytest.raises(ValueError, match="not allowed"):
        tf.set(target_tissue="liver")
    with pytest.raises(ValueError, match="no filter"):
        tf.set(colour="red")
    bundle = tf._repr_mimebundle_()
    assert "<table" in bundle["text/html"] and "application/vnd.jupyter.widget-view+json" in bundle


# ---- plots ------------------------------------------------------------------------------------
def test_axis_figure_traces_and_labels():
    t = np.arange(10.0)
    fig = pm.axis_figure(t, np.ones(10), np.full(10, 150.0), 150.0)
    assert isinstance(fig, go.Figure) and len(fig.data) == 3
    assert [d.name for d in fig.data] == ["GH (µg/L)", "IGF-1 (ng/mL)", "Mean IGF-1: 150 ng/mL"]
    assert "mean 150 ng/mL" in fig.data[2].text[1]
    assert fig.layout.xaxis2.title.text == "Time (days)"


def test_signalling_figure_nodes_say_state_in_words():
    c = np.logspace(-2, 3, 20)
    r = sg.muscle_response(c)
    cur = sg.muscle_response(2.0)
    st = sg.pathway_states(2.0, rapamycin=True)
    fig = pm.signalling_figure(
        c, r["synthesis_rel"], r["degradation_rel"], r["proliferation_rel"], 2.0, cur, st
    )
    assert len(fig.data) == 8
    by_name = {t.name: t for t in fig.data}
    labels = list(by_name["Pathway steps"].text)
    assert len(labels) == len(pm.NODES) and labels[0].startswith("<b>IGF-1R</b>")
    assert any("mTORC1" in s and "✕ BLOCKED" in s for s in labels)  # words and a cross, not colour
    assert not any(s.startswith("<b>FoxO</b>") and s.endswith("ACTIVE") for s in labels)  # Akt on
    # a box holds its name and its state's words (two lines: what fits a 592 px column); the
    # reason in brackets and what the step goes through are in its hover text
    assert all(s.count("<br>") == 1 and "(" not in s for s in labels)
    hovers = list(by_name["Pathway steps"].hovertext)
    assert len(hovers) == len(pm.NODES)
    assert any(h.startswith("<b>mTORC1</b>") and "BLOCKED (4E-BP1 partly)" in h for h in hovers)
    # the pathway names the issue asks for are on the panel (ULK1 a box, the others hover texts)
    text = " ".join(labels + hovers)
    for name in ("S6K1", "4E-BP1", "GSK3β", "Shc", "Grb2/SOS", "Ras", "ULK1"):
        assert name in text
    assert "ULK1" in " ".join(labels)
    assert fig.layout.xaxis.type == "log"
    # two panel titles and the three value labels of the current concentration; the arrows are
    # traces, not annotations (plotly redraws and measures every annotation on each update)
    assert len(fig.layout.annotations) == 2 + 3
    n_inh = sum(kind == "inh" for *_, kind in pm.EDGES)
    assert len(fig.layout.shapes) == len(pm.NODES) + n_inh  # boxes + inhibition bars
    # every edge is one segment (start, end, None) of its kind's trace; activations end in a head
    act, inh = by_name["Pathway arrows: activates"], by_name["Pathway arrows: inhibits (bar end)"]
    assert len(act.x) == 3 * (len(pm.EDGES) - n_inh) and len(inh.x) == 3 * n_inh
    assert act.marker.symbol == "arrow" and list(act.marker.size[:3]) == [0, 10, 0]
    assert inh.line.color != act.line.color and inh.mode == "lines"
    assert ("mtorc1", "pi3k", "inh") in pm.EDGES  # S6K1 -| IRS-1 feedback drawn
    marks = by_name["Steps: ● on, ○ off, ✕ blocked; ⊣ inhibits"]
    assert marks.marker.symbol[list(pm.NODES).index("mtorc1")] == "x"


def test_now_labels_never_overlap_and_stay_in_the_panel():
    gap, top = pm.NOW_LABEL_GAP_PX, pm.NOW_LABEL_PANEL_PX
    for values in ([1.0, 1.0, 1.0], [0.70, 0.66, 1.5], [0.0, 0.01, 2.2], [2.2, 2.2, 0.3], [0.5, 1.0, 1.5]):
        px = [v / pm.DOSE_Y_MAX * top for v in values]
        placed = pm.spread_labels(px, gap, gap / 2, top - gap / 2)
        s = sorted(placed)
        assert all(b - a >= gap - 1e-9 for a, b in zip(s, s[1:], strict=False)), (values, placed)
        assert gap / 2 - 1e-9 <= s[0] and s[-1] <= top - gap / 2 + 1e-9, (values, placed)
        if min(abs(a - b) for i, a in enumerate(px) for b in px[i + 1 :]) >= gap:
            assert placed == pytest.approx(px)  # far apart: every label at its own point
    cur = {"synthesis_rel": 0.70, "degradation_rel": 0.66, "proliferation_rel": 1.0}
    labels = pm.now_labels(np.logspace(-2, 3, 5), 2000.0, cur)
    assert [a["text"] for a in labels] == ["0.70", "0.66", "1.00"]
    assert all(a["xanchor"] == "right" for a in labels)  # at the right end of the axis: to the left


def test_protein_balance_bars():
    fig = pm.protein_balance_bars(["a", "b"], [1.5, 1.0], [0.7, 1.0])
    assert [d.name for d in fig.data] == ["Synthesis", "Breakdown"]


# ---- explorers --------------------------------------------------------------------------------
def test_signalling_explorer_drives_figure_and_summary():
    ex = create("signalling")
    assert ex.values()["igf1_nM"] == 2.0  # exact default
    ex.set(igf1_nM=32.0)
    s = ex.summary()
    assert 42 <= s["synthesis_change_pct"] <= 62 and -38 <= s["degradation_change_pct"] <= -28
    assert ex.figure.data[3].x[0] == pytest.approx(32.0)
    assert ex.figure.data[3].y[0] == pytest.approx(1.52)
    akt_free = s["akt_pct"]
    ex.set(rapamycin=True)
    s = ex.summary()
    assert round(s["synthesis_change_pct"]) == -4
    assert round(s["degradation_change_pct"]) == -7  # up from -33 %: autophagy de-repressed
    assert s["akt_pct"] > akt_free  # S6K1 feedback relieved
    assert any("mTORC1" in t and "BLOCKED" in t for t in _node_texts(ex))
    assert "rapamycin" in ex.describe(s)
    ex.set(rapamycin=False, pi3k_inhibitor=True)
    s = ex.summary()
    assert s["synthesis_change_pct"] == pytest.approx(0.0) and s["degradation_change_pct"] == pytest.approx(
        0.0
    )
    assert s["proliferation_change_pct"] > 80
    ex.set(pi3k_inhibitor=False, mek_inhibitor=True)
    assert ex.summary()["proliferation_change_pct"] == pytest.approx(0.0)
    assert any("ERK" in t and "BLOCKED" in t for t in _node_texts(ex))
    ex.set(mek_inhibitor=False, igf1_nM=0.02)
    assert any(t.startswith("<b>FoxO</b>") and t.endswith("ACTIVE") for t in _node_texts(ex))


def test_signalling_default_is_a_grid_point_of_the_log_slider():
    """The 2 nM default must not snap (it used to become 1.995 nM in the browser)."""
    from helpers.explorers import signalling as sx

    w = create("signalling").controls["igf1_nM"]
    assert w.value == 2.0
    steps = (math.log10(2.0) - w.min) / w.step
    assert abs(steps - round(steps)) < 1e-9
    assert 10 ** (w.min + round(steps) * w.step) == pytest.approx(2.0, rel=1e-12)
    assert sx.CONC_NM[0] == pytest.approx(sx.IGF1_MIN_NM) and sx.CONC_NM[-1] == pytest.approx(sx.IGF1_MAX_NM)


def _node_texts(ex):
    return list(trace(ex.figure, "pathway-words").text)


def test_axis_explorer_liver_lever():
    ex = create("axis")
    base = ex.summary()["mean_igf1_ng_ml"]
    assert 165 <= base <= 190
    ex.set(liver_sensitivity=0.5)
    low = ex.summary()
    assert low["mean_igf1_ng_ml"] < 0.75 * base
    assert float(np.mean(ex.figure.data[1].y)) == pytest.approx(low["mean_igf1_ng_ml"])
    assert ex.figure.data[2].y[0] == pytest.approx(low["mean_igf1_ng_ml"])
    assert "liver" in ex.describe(low)


def test_filter_display_adds_the_full_table_for_a_reopened_notebook():
    """Displayed, the filter emits its widget bundle and a static view marked {"tfl": "reopen"}:
    the full table (every row, whatever the filters show) and RUN_TO_FILTER, which a saved
    notebook reopened without widget state shows instead of "model not found"."""
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.utils.capture import capture_output

    from helpers.tables import RUN_TO_FILTER

    InteractiveShell.instance()
    tf = trophic_factor_filter()
    tf.set(target_tissue="motor neurons")
    with capture_output() as cap:
        tf._ipython_display_()
    assert len(cap.outputs) == 2
    live, reopen = cap.outputs
    assert "application/vnd.jupyter.widget-view+json" in live.data
    assert reopen.metadata == {"tfl": "reopen"} and set(reopen.data) == {"text/html"}
    page = reopen.data["text/html"]
    assert page.startswith("<div class='tfl-reopen tfl-reopen-table'") and RUN_TO_FILTER in page
    assert page.count("<tr>") == len(tf.df) + 1 and "Myostatin" in page


def test_pathway_boxes_never_overlap_and_leave_room_for_arrows():
    """The diagram's boxes (NODES, BOX_WIDTHS, BOX_H) stay inside the panel's range, and boxes
    that share a row or a column keep a gap an arrow can be seen in (>= 0.35 units)."""
    fig = create("signalling").figure
    x0, x1 = fig.layout.xaxis2.range
    y0, y1 = fig.layout.yaxis2.range
    boxes = {
        k: (x - pm.BOX_WIDTHS[k] / 2, x + pm.BOX_WIDTHS[k] / 2, y - pm.BOX_H / 2, y + pm.BOX_H / 2)
        for k, (_, x, y) in pm.NODES.items()
    }
    for k, (left, right, bottom, top) in boxes.items():
        assert x0 <= left and right <= x1 and y0 <= bottom and top <= y1, k
    keys = list(boxes)
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            (la, ra, ba, ta), (lb, rb, bb, tb) = boxes[a], boxes[b]
            gap_x = max(lb - ra, la - rb)
            gap_y = max(bb - ta, ba - tb)
            assert max(gap_x, gap_y) >= 0.35, (a, b, gap_x, gap_y)
