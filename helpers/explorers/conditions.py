"""Explorers of notebooks 06 and 07.

* ``conditions``: the axis model (notebook 01) with GH secretion, GH-receptor signalling and
  feedback settings; the figure places the setting on the GH–IGF-1 map of conditions.
* ``catabolic``: notebook 01's signalling model with glucocorticoid, myostatin/follistatin,
  disuse and anabolic-resistance inputs (``models.conditions.muscle_balance``).
* ``recovery``: the capstone chain of models for 12 weeks after a hip fracture
  (``models.recovery.recovery_course``).

Traces are updated by uid (``helpers.plots.conditions`` sets them), never by position.
"""

from __future__ import annotations

from ..models import conditions as cond
from ..models import recovery as rec
from ..plots import conditions as pc
from .base import Explorer, int_slider, register, slider

#: Amino-acid step that stands for "a protein-rich meal" in the catabolic explorer's readout.
MEAL_STEP = 0.5

_SHORT = {
    "healthy": "healthy",
    "acromegaly": "acromegaly",
    "adult_ghd": "adult GHD",
    "laron": "Laron",
    "malnutrition": "malnutrition",
    "obesity": "obesity",
}


def _trace(fig, uid):
    """The trace with ``uid``; a go.FigureWidget (explorer core v1) re-draws uids, so there the
    trace is found by the legend name the builder pairs with that uid (never by position)."""
    for t in fig.data:
        if t.uid == uid:
            return t
    name = pc.NAMES_BY_UID[uid]
    for t in fig.data:
        if t.name == name:
            return t
    raise KeyError(f"figure has no trace with uid {uid!r} or name {name!r}")


def _condition_points():
    pts = {k: cond.condition_state(k) for k in cond.CONDITIONS}
    return (
        [pts[k]["gh_rel"] for k in pts],
        [pts[k]["mean_igf1_ng_ml"] for k in pts],
        [_SHORT[k] for k in pts],
    )


@register
class Conditions(Explorer):
    name = "conditions"
    trace_uids = pc.MAP_UIDS
    title = "When the axis goes wrong: GH secretion, GH-receptor signalling and feedback (illustrative)"
    summary_labels = {
        "mean_igf1_ng_ml": ("Mean serum IGF-1", "ng/mL", ".0f"),
        "igf1_change_pct": ("IGF-1 change vs healthy", "%", "+.0f"),
        "gh_change_pct": ("Mean GH change vs healthy", "%", "+.0f"),
        "hepatic_action_pct": ("Hepatic GH action (IGFBP-3/ALS stand-in)", "% of healthy", ".0f"),
    }

    def make_controls(self):
        return {
            "gh_secretion": slider(
                "Pituitary GH secretion", "relative, 1 = typical adult", 0.0, 3.0, 0.05, 1.0
            ),
            "ghr_sensitivity": slider(
                "Liver GH-receptor signalling (GHR–JAK2–STAT5b)",
                "relative, 1 = well fed adult",
                0.0,
                2.0,
                0.05,
                1.0,
            ),
            "feedback": slider("IGF-1 feedback on GH", "relative, 1 = normal", 0.0, 3.0, 0.05, 1.0),
        }

    def compute(self, gh_secretion, ghr_sensitivity, feedback):
        return cond.axis_state(gh_secretion, ghr_sensitivity, feedback)

    def make_figure(self, r):
        gx, gy, labels = _condition_points()
        return pc.condition_map_figure(
            gx, gy, labels, r["gh_rel"], r["mean_igf1_ng_ml"], r["igf1_low_ng_ml"], r["igf1_high_ng_ml"]
        )

    def update_figure(self, fig, r):
        t = _trace(fig, "map-current")
        t.x = [r["gh_rel"]]
        t.y = [r["mean_igf1_ng_ml"]]

    def summarize(self, r):
        return {
            "mean_igf1_ng_ml": r["mean_igf1_ng_ml"],
            "mean_gh_ug_l": r["mean_gh_ug_l"],
            "igf1_change_pct": (r["igf1_rel"] - 1.0) * 100.0,
            "gh_change_pct": (r["gh_rel"] - 1.0) * 100.0,
            "hepatic_action_pct": r["hepatic_gh_action_rel"] * 100.0,
            "igf1_above_reference": float(r["igf1_vs_reference"] == "above"),
            "igf1_below_reference": float(r["igf1_vs_reference"] == "below"),
        }

    def describe(self, s, values=None):
        gh = cond._direction(1 + s["gh_change_pct"] / 100)
        igf = cond._direction(1 + s["igf1_change_pct"] / 100)
        where = "above" if s["igf1_above_reference"] else ("below" if s["igf1_below_reference"] else "inside")
        return (
            f"The star (this setting) sits at a mean GH {s['gh_change_pct']:+.0f} % and a mean IGF-1 of "
            f"{s['mean_igf1_ng_ml']:.0f} ng/mL ({s['igf1_change_pct']:+.0f} % vs healthy), {where} the "
            f"shaded healthy interval: {cond.pattern_name(gh, igf)}. Circles mark the model setting of "
            f"each condition. Illustrative model, not a diagnosis."
        )


@register
class Catabolic(Explorer):
    name = "catabolic"
    trace_uids = pc.BALANCE_UIDS
    title = "The catabolic side: glucocorticoid, myostatin, disuse and anabolic resistance (illustrative)"
    summary_labels = {
        "synthesis_rel": ("Protein synthesis", "relative", ".2f"),
        "degradation_rel": ("Protein breakdown", "relative", ".2f"),
        "net_change": ("Net balance vs healthy reference", "relative", "+.2f"),
        "mass_change_pct_per_week": ("Muscle mass change if sustained", "% per week", "+.1f"),
        "meal_response_pct": ("Synthesis rise after a protein-rich meal (amino acids +0.5)", "%", "+.1f"),
    }

    def make_controls(self):
        return {
            "igf1_nM": slider("IGF-1 around the fibres", "nM", 0.0, 20.0, 0.1, 2.0, fmt=".1f"),
            "amino_acids": slider("Amino-acid availability", "relative, 1 = usual", 0.0, 2.0, 0.05, 1.0),
            "glucocorticoid": slider("Glucocorticoid excess", "relative, 0 = none", 0.0, 1.0, 0.05, 0.0),
            "myostatin": slider("Myostatin", "relative, 1 = normal", 0.0, 2.0, 0.05, 1.0),
            "follistatin": slider("Follistatin binding myostatin", "fraction bound", 0.0, 1.0, 0.05, 0.0),
            "disuse": slider("Disuse", "0 = usual activity, 1 = bed rest", 0.0, 1.0, 0.05, 0.0),
            "anabolic_resistance": slider(
                "Anabolic resistance", "0 = young adult, 1 = no response", 0.0, 1.0, 0.05, 0.0
            ),
        }

    def compute(self, **v):
        now = cond.muscle_balance(**v)
        now["reference"] = cond.muscle_balance()
        meal = dict(v, amino_acids=min(v["amino_acids"] + MEAL_STEP, 2.0))
        rise = cond.muscle_balance(**meal)["synthesis_rel"] / now["synthesis_rel"] - 1.0
        now["meal_response_pct"] = 100.0 * rise
        return now

    def make_figure(self, r):
        return pc.muscle_balance_figure(r["reference"], r)

    def update_figure(self, fig, r):
        _trace(fig, "balance-current").y = [r["synthesis_rel"], r["degradation_rel"], r["net_balance"]]

    def summarize(self, r):
        import math

        return {
            "synthesis_rel": r["synthesis_rel"],
            "degradation_rel": r["degradation_rel"],
            "net_balance": r["net_balance"],
            "net_change": r["net_change"],
            "akt": r["akt"],
            "meal_response_pct": r["meal_response_pct"],
            "mass_change_pct_per_week": (math.exp(7.0 * cond.MASS_RATE_PER_DAY * r["net_change"]) - 1.0)
            * 100.0,
        }

    def describe(self, s, values=None):
        trend = "stable" if abs(s["net_change"]) < 0.005 else ("gaining" if s["net_change"] > 0 else "losing")
        return (
            f"Bars compare a healthy reference with these signals: synthesis {s['synthesis_rel']:.2f}, "
            f"breakdown {s['degradation_rel']:.2f}, net balance {s['net_balance']:+.2f} (relative units). "
            f"The muscle is {trend}: {s['mass_change_pct_per_week']:+.1f} % of its mass per week if this "
            f"lasted; a protein-rich meal would raise synthesis by {s['meal_response_pct']:.1f} % "
            f"(illustrative; disuse calibrated to a bed-rest study, the other gains are not)."
        )


@register
class Recovery(Explorer):
    name = "recovery"
    trace_uids = pc.RECOVERY_UIDS
    title = "Twelve weeks after a hip fracture: models of notebooks 01–06 chained (illustrative)"
    summary_labels = {
        "final_change_pct": ("Leg lean mass change at 12 weeks", "%", "+.1f"),
        "lowest_change_pct": ("Lowest point", "%", "+.1f"),
        "serum_igf1_ng_ml": ("Serum IGF-1 (steady state)", "ng/mL", ".0f"),
        "igf1_percentile": ("IGF-1 percentile for age and sex", "", ".0f"),
    }

    def make_controls(self):
        return {
            "age_years": int_slider("Age", "years", 65, 95, 78),
            "bed_rest_days": int_slider("Bed rest after surgery", "days", 0, 28, 10),
            "protein_g_per_kg": slider("Protein intake", "g/kg body mass/day", 0.4, 1.6, 0.05, 0.7),
            "energy_fraction": slider("Energy intake", "fraction of needs", 0.5, 1.2, 0.05, 0.9),
            "rehab_sessions_per_week": int_slider("Resistance rehabilitation", "sessions/week", 0, 3, 1),
            "anabolic_resistance": slider(
                "Anabolic resistance", "0 = young adult, 1 = no response", 0.0, 1.0, 0.05, 0.4
            ),
        }

    def compute(
        self,
        age_years,
        bed_rest_days,
        protein_g_per_kg,
        energy_fraction,
        rehab_sessions_per_week,
        anabolic_resistance,
    ):
        kw = dict(
            weeks=12.0,
            age_years=float(age_years),
            sex="female",
            bed_rest_days=float(bed_rest_days),
            protein_g_per_kg=protein_g_per_kg,
            energy_fraction=energy_fraction,
            anabolic_resistance=anabolic_resistance,
        )
        r = rec.recovery_course(rehab_sessions_per_week=float(rehab_sessions_per_week), **kw)
        r["no_rehab"] = rec.recovery_course(rehab_sessions_per_week=0.0, **kw)["change_pct"]
        return r

    def make_figure(self, r):
        return pc.recovery_figure(r["week"], r["change_pct"], r["no_rehab"])

    def update_figure(self, fig, r):
        _trace(fig, "recovery-plan").y = r["change_pct"]
        _trace(fig, "recovery-no-rehab").y = r["no_rehab"]

    def summarize(self, r):
        return {
            "final_change_pct": r["final_change_pct"],
            "lowest_change_pct": r["lowest_change_pct"],
            "lowest_week": r["lowest_week"],
            "serum_igf1_ng_ml": r["serum_igf1_ng_ml"],
            "igf1_percentile": r["igf1_percentile"],
            "final_no_rehab_pct": float(r["no_rehab"][-1]),
        }

    def describe(self, s, values=None):
        return (
            f"The solid line (this plan) ends 12 weeks after the fracture at {s['final_change_pct']:+.1f} % "
            f"of the starting leg lean mass, lowest at {s['lowest_change_pct']:+.1f} % in week "
            f"{s['lowest_week']:.0f}; the dashed line (no rehabilitation) ends at "
            f"{s['final_no_rehab_pct']:+.1f} %. Serum IGF-1 is {s['serum_igf1_ng_ml']:.0f} ng/mL, the "
            f"{s['igf1_percentile']:.0f}th percentile for a woman of this age; age moves only these two "
            f"numbers, not the lines (in this chain age reaches muscle through anabolic resistance, set "
            f"on its own). Illustrative chain of models, not a prognosis for a person."
        )
