"""Explorer `signalling`: IGF-1 concentration, amino acids and blockers -> muscle protein balance."""

from __future__ import annotations

import numpy as np

from ..models import signalling as sg
from ..plots.mechanism import (
    _marker_texts,
    node_colors,
    node_hovers,
    node_labels,
    node_symbols,
    signalling_figure,
    update_now_labels,
)
from .base import Explorer, checkbox, register, slider, trace

#: IGF-1 slider: log10 grid from 0.02 to 2000 nM in steps of 0.05, chosen so that the default
#: (2 nM, the half-maximal receptor occupancy) is itself a grid point and never snaps.
IGF1_MIN_NM, IGF1_MAX_NM, IGF1_LOG_STEP, IGF1_DEFAULT_NM = 0.02, 2000.0, 0.05, 2.0
CONC_NM = np.logspace(np.log10(IGF1_MIN_NM), np.log10(IGF1_MAX_NM), 161)


@register
class SignallingExplorer(Explorer):
    name = "signalling"
    title = "IGF-1 receptor signalling to muscle protein balance (cell-culture calibrated model)"
    summary_labels = {
        "occupancy_pct": ("IGF-1 receptor occupancy", "%", ".0f"),
        "synthesis_change_pct": ("Protein synthesis vs no IGF-1", "%", "+.0f"),
        "degradation_change_pct": ("Protein breakdown vs no IGF-1", "%", "+.0f"),
        "akt_pct": ("Akt activity (share of maximum)", "%", ".0f"),
        "net_balance": ("Net balance (synthesis − breakdown, relative units)", "", "+.2f"),
        "proliferation_change_pct": ("Proliferation signal vs no IGF-1", "%", "+.0f"),
    }

    trace_uids = (
        "synthesis",
        "degradation",
        "proliferation",
        "now",
        "pathway-activates",
        "pathway-inhibits",
        "pathway-words",
        "pathway-marks",
    )

    def make_controls(self):
        return {
            "igf1_nM": slider(
                "IGF-1 around the cells",
                "nM, log scale",
                IGF1_MIN_NM,
                IGF1_MAX_NM,
                IGF1_LOG_STEP,
                IGF1_DEFAULT_NM,
                fmt=".3g",
                log=True,
            ),
            "amino_acids": slider("Amino-acid availability", "relative, 1 = normal", 0.0, 2.0, 0.05, 1.0),
            "pi3k_inhibitor": checkbox("PI3K inhibitor (blocks Akt)"),
            # the two short ones first, so that they share a row above the figure
            "mek_inhibitor": checkbox("MEK inhibitor (blocks ERK)"),
            "rapamycin": checkbox("Rapamycin (blocks mTORC1: S6K1 fully, 4E-BP1 partly)"),
        }

    def compute(self, igf1_nM, amino_acids, pi3k_inhibitor, rapamycin, mek_inhibitor):
        kw = dict(
            amino_acids=amino_acids,
            pi3k_inhibitor=pi3k_inhibitor,
            rapamycin=rapamycin,
            mek_inhibitor=mek_inhibitor,
        )
        return {
            "curves": sg.muscle_response(CONC_NM, **kw),
            "current": sg.muscle_response(igf1_nM, **kw),
            "states": sg.pathway_states(igf1_nM, **kw),
            "igf1_nM": igf1_nM,
            "blockers": (pi3k_inhibitor, rapamycin, mek_inhibitor),
            "amino_acids": amino_acids,
        }

    def make_figure(self, result):
        c = result["curves"]
        return signalling_figure(
            CONC_NM,
            c["synthesis_rel"],
            c["degradation_rel"],
            c["proliferation_rel"],
            result["igf1_nM"],
            result["current"],
            result["states"],
        )

    def update_figure(self, fig, result):
        c, cur, st = result["curves"], result["current"], result["states"]
        trace(fig, "synthesis").y = c["synthesis_rel"]
        trace(fig, "degradation").y = c["degradation_rel"]
        trace(fig, "proliferation").y = c["proliferation_rel"]
        now = trace(fig, "now")
        now.x = [result["igf1_nM"]] * 3
        now.y = [cur["synthesis_rel"], cur["degradation_rel"], cur["proliferation_rel"]]
        now.text = _marker_texts(cur)
        now.name = f"Now: {result['igf1_nM']:.2g} nM"
        update_now_labels(fig, CONC_NM, result["igf1_nM"], cur)
        words, marks = trace(fig, "pathway-words"), trace(fig, "pathway-marks")
        words.text = node_labels(st)
        words.hovertext = node_hovers(st)
        marks.marker.symbol = node_symbols(st)
        marks.marker.color = node_colors(st)

    def summarize(self, result):
        cur = result["current"]
        return {
            "occupancy_pct": cur["receptor_occupancy"] * 100,
            "synthesis_change_pct": (cur["synthesis_rel"] - 1) * 100,
            "degradation_change_pct": (cur["degradation_rel"] - 1) * 100,
            "akt_pct": cur["akt"] * 100,
            "net_balance": cur["net_balance"],
            "proliferation_change_pct": (cur["proliferation_rel"] - 1) * 100,
            "igf1_nM": float(result["igf1_nM"]),
            "amino_acids": float(result["amino_acids"]),
            "blocked": float(sum(result["blockers"])),
        }

    def describe(self, s, values=None):
        v = values or self.values()
        blockers = [
            name
            for name, on in zip(
                ("a PI3K inhibitor", "rapamycin", "a MEK inhibitor"),
                (v["pi3k_inhibitor"], v["rapamycin"], v["mek_inhibitor"]),
                strict=True,
            )
            if on
        ]
        drugs = " with " + " and ".join(blockers) if blockers else " with no blocker"
        balance = (
            "positive (growth)"
            if s["net_balance"] > 0.02
            else "negative (loss)"
            if s["net_balance"] < -0.02
            else "about zero"
        )
        return (
            f"At {s['igf1_nM']:.3g} nM IGF-1, amino acids {s['amino_acids']:.2f} x normal"
            f"{drugs}: receptor occupancy {s['occupancy_pct']:.0f} %, protein synthesis "
            f"{s['synthesis_change_pct']:+.0f} %, breakdown {s['degradation_change_pct']:+.0f} %, "
            f"Akt at {s['akt_pct']:.0f} % of its maximum, "
            f"net protein balance {balance}, proliferation signal "
            f"{s['proliferation_change_pct']:+.0f} % compared with no IGF-1. The left panel "
            f"shows the three dose–response curves on a log axis (receptors half occupied at "
            f"2 nM) with today's concentration marked; the right panel names each pathway step "
            f"and states whether it is on, partly on, off, inhibited or blocked."
        )
