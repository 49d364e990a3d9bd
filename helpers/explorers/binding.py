"""Explorer `binding`: total IGF-1, IGF-2, IGFBP-3, ALS, other IGFBPs and IGFBP-3 proteolysis ->
free / binary / ternary / other-bound IGF-1 at mass-action equilibrium (IGF-2 competes)."""

from __future__ import annotations

from ..models import binding
from ..plots.binding import POOL_LABELS, pool_texts, pools_figure
from .base import Explorer, register, slider, trace

D = binding.ADULT_DEFAULTS
#: Upper end of the IGF-2 control (nM), about 820 ng/mL.
IGF2_MAX_NM = 110.0
_KEYS = {"free": "free", "binary": "binary", "ternary": "ternary", "other": "other_bound"}


@register
class BindingExplorer(Explorer):
    name = "binding"
    title = "IGF-1 binding at equilibrium: free, binary, ternary and other-bound"
    summary_labels = {
        "free_pM": ("Free IGF-1", "pM", ".3g"),
        "free_pg_ml": ("Free IGF-1", "pg/mL", ".3g"),
        "free_percent": ("Free IGF-1, share of total", "%", ".2g"),
        "ternary_percent": ("In the ternary complex", "%", ".1f"),
        "binary_percent": ("In the binary complex", "%", ".2g"),
        "other_percent": ("Bound to other IGFBPs", "%", ".2g"),
        "binary_all_percent": ("All ~50 kDa complexes (binary + other IGFBPs)", "%", ".1f"),
        "igf2_free_percent": ("Free IGF-2, share of total IGF-2", "%", ".2g"),
        "igf1_total_ng_ml": ("Total IGF-1", "ng/mL", ".0f"),
    }

    trace_uids = ("free", "binary", "ternary", "other", "pools")

    def make_controls(self):
        return {
            "igf1_nM": slider("Total IGF-1", "nM", 0.0, 100.0, 0.01, D["igf1_nM"], fmt=".2f"),
            "igf2_nM": slider(
                # ends just above the default (740 ng/mL): beyond it IGF-1 + IGF-2 overfill IGFBP-3 and
                # the model, which has no reserve binders, frees IGF-1 faster than any measured serum
                "Total IGF-2 (competes for the same sites)",
                "nM",
                0.0,
                IGF2_MAX_NM,
                0.1,
                D["igf2_nM"],
                fmt=".1f",
            ),
            "igfbp3_nM": slider("Total IGFBP-3", "nM", 0.0, 400.0, 0.1, D["igfbp3_nM"], fmt=".1f"),
            "als_nM": slider(
                "Total ALS (acid-labile subunit)", "nM", 0.0, 600.0, 0.1, D["als_nM"], fmt=".1f"
            ),
            "other_igfbp_nM": slider(
                "Other IGFBPs (1, 2, 4, 5, 6 lumped)", "nM", 0.0, 100.0, 0.1, D["other_igfbp_nM"], fmt=".1f"
            ),
            "igfbp3_intact_fraction": slider(
                "Intact IGFBP-3 (rest cut by proteases)",
                "fraction of total",
                0.0,
                1.0,
                0.01,
                D["igfbp3_intact_fraction"],
                fmt=".2f",
            ),
        }

    def compute(self, igf1_nM, igf2_nM, igfbp3_nM, als_nM, other_igfbp_nM, igfbp3_intact_fraction):
        r = binding.equilibrium(
            igf1_nM, igfbp3_nM, als_nM, other_igfbp_nM, igfbp3_intact_fraction, igf2_nM=igf2_nM
        )
        r["pools_nM"] = {k: r[f"{m}_nM"] for k, m in _KEYS.items()}
        r["fractions"] = {k: r[f"{k}_fraction"] for k in _KEYS}
        r["igf1_nM"] = igf1_nM
        return r

    def make_figure(self, result):
        return pools_figure(result["pools_nM"], result["fractions"])

    def update_figure(self, fig, result):
        for k in POOL_LABELS:
            trace(fig, k).x = [100.0 * result["fractions"][k]]
        pools = trace(fig, "pools")
        pools.x = [1000.0 * result["pools_nM"][k] for k in POOL_LABELS]
        pools.text = pool_texts(result["pools_nM"], result["fractions"])

    def summarize(self, result):
        free_nM = float(result["free_nM"])
        return {
            "free_pM": 1000.0 * free_nM,
            "free_pg_ml": 1000.0 * float(binding.igf1_free_ng_ml(free_nM)),
            "free_ng_ml": float(binding.igf1_free_ng_ml(free_nM)),
            "free_percent": 100.0 * float(result["free_fraction"]),
            "binary_percent": 100.0 * float(result["binary_fraction"]),
            "ternary_percent": 100.0 * float(result["ternary_fraction"]),
            "other_percent": 100.0 * float(result["other_fraction"]),
            "binary_all_percent": 100.0 * float(result["binary_all_fraction"]),
            "igf2_free_percent": 100.0 * float(result["igf2_free_fraction"]),
            "igf1_total_ng_ml": float(binding.igf1_free_ng_ml(result["igf1_nM"])),
        }

    def describe(self, s):
        n = _num
        if s["igf1_total_ng_ml"] == 0:
            return "There is no IGF-1, so every pool is empty."
        parts = sorted(
            [
                ("the ternary complex", s["ternary_percent"]),
                ("the binary complex", s["binary_percent"]),
                ("other IGFBPs", s["other_percent"]),
            ],
            key=lambda p: -p[1],
        )
        return (
            f"Of {s['igf1_total_ng_ml']:.0f} ng/mL total IGF-1, {n(parts[0][1])} % sits in "
            f"{parts[0][0]}, {n(parts[1][1])} % in {parts[1][0]} and {n(parts[2][1])} % in "
            f"{parts[2][0]}; {n(s['free_percent'])} % is free: {n(s['free_pM'])} pM, "
            f"that is {n(s['free_pg_ml'])} pg/mL ({n(s['free_ng_ml'])} ng/mL). All ~50 kDa "
            f"complexes together (binary + other IGFBPs) hold {n(s['binary_all_percent'])} %. "
            "The top bar shows the shares; the lower bars show each pool in pM on a log scale."
        )


def _num(x: float) -> str:
    """Readable number: thousands separators above 1000, 3 significant digits below."""
    if x == 0:
        return "0"
    if abs(x) >= 1000:
        return f"{x:,.0f}"
    return f"{x:.3g}"
