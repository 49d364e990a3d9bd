"""Explorer `unit_converter`: an IGF-1 value in ng/mL or nmol/L, shown in both units."""

from __future__ import annotations

from ..models import units
from ..plots.units import MAX_NG_ML, conversion_figure, value_text_position
from .base import Explorer, choice, register, slider, switch_unit, trace

_RANGES = {"ng/mL": (0.0, MAX_NG_ML, 1.0), "nmol/L": (0.0, round(MAX_NG_ML * units.NMOL_L_PER_NG_ML, 1), 0.1)}


@register
class UnitConverter(Explorer):
    name = "unit_converter"
    title = "IGF-1 unit converter (ng/mL and nmol/L)"
    summary_labels = {
        "igf1_ng_ml": ("IGF-1, mass units", "ng/mL", ".1f"),
        "igf1_nmol_l": ("IGF-1, molar units", "nmol/L", ".2f"),
    }

    trace_uids = ("identity", "value")

    def make_controls(self):
        return {
            "unit": choice("Unit of the value", list(units.UNITS), "ng/mL", kind="toggle"),
            "value": slider("IGF-1 value", "ng/mL", 0.0, MAX_NG_ML, 1.0, 100.0, fmt=".1f"),
        }

    def on_control_change(self, name, value):
        if name != "unit":
            return
        old_unit = "nmol/L" if value == "ng/mL" else "ng/mL"
        switch_unit(self.controls["value"], "IGF-1 value", old_unit, value, _RANGES, units.convert)

    def compute(self, unit, value):
        ng, nmol = units.both_units(value, unit)
        return {"igf1_ng_ml": ng, "igf1_nmol_l": nmol, "factor": units.NMOL_L_PER_NG_ML}

    def make_figure(self, result):
        return conversion_figure(result["igf1_ng_ml"], result["igf1_nmol_l"], result["factor"])

    def update_figure(self, fig, result):
        ng, nmol = result["igf1_ng_ml"], result["igf1_nmol_l"]
        marker = trace(fig, "value")
        marker.x, marker.y = [ng], [nmol]
        marker.text = [f"{ng:.0f} ng/mL = {nmol:.1f} nmol/L"]
        marker.textposition = value_text_position(ng)

    def summarize(self, result):
        return {"igf1_ng_ml": float(result["igf1_ng_ml"]), "igf1_nmol_l": float(result["igf1_nmol_l"])}

    def describe(self, summary):
        return (
            f"{summary['igf1_ng_ml']:.1f} ng/mL of IGF-1 is {summary['igf1_nmol_l']:.2f} nmol/L "
            f"(multiply ng/mL by {units.NMOL_L_PER_NG_ML:.4f}; divide nmol/L by the same factor)."
        )
