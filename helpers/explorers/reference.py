"""Explorer `reference`: place one IGF-1 value on the age- and sex-specific percentile chart."""

from __future__ import annotations

import numpy as np

from ..models import lifespan, units
from ..plots.lifespan import reference_chart
from .base import Explorer, choice, int_slider, register, slider, switch_unit, trace

_AGE_GRID = np.arange(0.0, 100.0 + 0.25, 0.5)
_RANGES = {"ng/mL": (5.0, 900.0, 1.0), "nmol/L": (0.7, 117.6, 0.1)}


def reading(percentile: float, age: float, sex: str) -> str:
    """Plain-words reading of a percentile for an age and sex."""
    who = (
        f"a {age:.0f}-year-old {'woman' if sex == 'female' else 'man'}"
        if age >= 18
        else f"a {age:.0f}-year-old {'girl' if sex == 'female' else 'boy'}"
    )
    if percentile < 2.5:
        return f"below the reference interval (under the 2.5th percentile) for {who}"
    if percentile > 97.5:
        return f"above the reference interval (over the 97.5th percentile) for {who}"
    return f"within the reference interval (2.5th–97.5th percentile) for {who}"


@register
class ReferenceExplorer(Explorer):
    name = "reference"
    title = "Where does an IGF-1 value sit for this age and sex? (model percentiles)"
    summary_labels = {
        "igf1_ng_ml": ("IGF-1", "ng/mL", ".0f"),
        "igf1_nmol_l": ("IGF-1", "nmol/L", ".1f"),
        "percentile": ("Percentile for age and sex", "", ".1f"),
        "sds": ("SDS (z-score)", "", "+.2f"),
        "p2_5_ng_ml": ("2.5th percentile", "ng/mL", ".0f"),
        "p50_ng_ml": ("Median", "ng/mL", ".0f"),
        "p97_5_ng_ml": ("97.5th percentile", "ng/mL", ".0f"),
    }

    trace_uids = ("p2_5", "p50", "p97_5", "value")

    def make_controls(self):
        return {
            "sex": choice("Sex", [("Female", "female"), ("Male", "male")], "female", kind="toggle"),
            "age": int_slider("Age", "years", 0, 100, 35),
            "unit": choice("Unit of the value", list(units.UNITS), "ng/mL", kind="toggle"),
            "value": slider("IGF-1 value", "ng/mL", *_RANGES["ng/mL"][:2], 1.0, 140.0, fmt=".1f"),
        }

    def on_control_change(self, name, value):
        if name != "unit":
            return
        old = "nmol/L" if value == "ng/mL" else "ng/mL"
        switch_unit(self.controls["value"], "IGF-1 value", old, value, _RANGES, units.convert)

    def compute(self, sex, age, unit, value):
        ng, nmol = units.both_units(value, unit)
        ng = max(float(ng), 1e-6)
        factor = 1.0 if unit == "ng/mL" else units.NMOL_L_PER_NG_ML
        curves = lifespan.igf1_reference(_AGE_GRID, sex)
        ref = lifespan.igf1_reference(float(age), sex)
        return {
            "sex": sex,
            "age": float(age),
            "unit": unit,
            "value": float(value),
            "igf1_ng_ml": ng,
            "igf1_nmol_l": float(nmol),
            "sds": lifespan.igf1_sds(ng, float(age), sex),
            "percentile": lifespan.igf1_percentile(ng, float(age), sex),
            "curves": {k: v * factor for k, v in curves.items()},
            "ref": ref,
        }

    def make_figure(self, r):
        c = r["curves"]
        return reference_chart(
            _AGE_GRID, c["p2_5"], c["p50"], c["p97_5"], r["age"], r["value"], sex=r["sex"], unit=r["unit"]
        )

    def update_figure(self, fig, r):
        c = r["curves"]
        for k in ("p2_5", "p50", "p97_5"):
            trace(fig, k).y = c[k]
        value = trace(fig, "value")
        value.x, value.y = [r["age"]], [r["value"]]
        fig.layout.yaxis.title.text = f"Serum IGF-1 ({r['unit']})"
        fig.layout.title.text = f"Where does the value sit? IGF-1 reference percentiles ({r['sex']}, model)"

    def summarize(self, r):
        return {
            "igf1_ng_ml": r["igf1_ng_ml"],
            "igf1_nmol_l": r["igf1_nmol_l"],
            "percentile": float(r["percentile"]),
            "sds": float(r["sds"]),
            "age_years": r["age"],
            "p2_5_ng_ml": float(r["ref"]["p2_5"]),
            "p50_ng_ml": float(r["ref"]["p50"]),
            "p97_5_ng_ml": float(r["ref"]["p97_5"]),
        }

    def describe(self, s, values=None):
        v = values or self.values()
        sex, age = v["sex"], float(v["age"])
        return (
            f"The chart shows the model's 2.5th, 50th and 97.5th IGF-1 percentiles for {'females' if sex == 'female' else 'males'} "
            f"from birth to 100 years and marks {s['igf1_ng_ml']:.0f} ng/mL "
            f"({s['igf1_nmol_l']:.1f} nmol/L) at {age:.0f} years. That value is at the "
            f"{s['percentile']:.1f}th percentile (SDS {s['sds']:+.2f}): "
            f"{reading(s['percentile'], age, sex)} "
            f"({s['p2_5_ng_ml']:.0f}–{s['p97_5_ng_ml']:.0f} ng/mL in this illustrative model "
            f"of one assay)."
        )
