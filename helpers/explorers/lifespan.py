"""Explorer `lifespan`: IGF-1, IGFBP-3 or their molar ratio over the lifespan, by sex."""

from __future__ import annotations

from functools import cache

import numpy as np

from ..models import lifespan
from ..plots.lifespan import cohort_curves_figure
from ._cohort import cohort, thin
from .base import Explorer, choice, register, trace

#: people of the chosen sex drawn as points (evenly spread over the cohort's ~1,500 per sex); the
#: percentile lines come from the model, not from these points. 500 points made the static site's
#: redraw 58 ms median (over the 50 ms budget) once figures were fitted to the window.
DRAWN_PER_SEX = 250

_MEASURES = {
    "igf1": ("Serum IGF-1", "ng/mL", "IGF-1"),
    "igfbp3": ("Serum IGFBP-3", "ng/mL", "IGFBP-3"),
    "ratio": ("IGF-1:IGFBP-3 molar ratio", "x100", "IGF-1:IGFBP-3 molar ratio"),
}


def _grid(measure):
    start = 15.0 if measure == "ratio" else 0.0
    return np.arange(start, 90.0 + 0.25, 0.5)


@cache
def _compute(sex, measure):
    """Everything the figure needs for one (sex, measure): only six combinations, so cached."""
    c = cohort()
    idx = thin(c["sex"] == sex, DRAWN_PER_SEX)
    age = c["age_years"][idx]
    if measure == "igf1":
        val = c["igf1_ng_ml"][idx]
    elif measure == "igfbp3":
        val = c["igfbp3_ng_ml"][idx]
    else:
        val = lifespan.molar_ratio_x100(c["igf1_ng_ml"][idx], c["igfbp3_ng_ml"][idx])
    grid = _grid(measure)
    ref = lifespan.reference(measure, grid, sex)
    m20, m70 = (float(lifespan.reference(measure, a, sex)["p50"]) for a in (20.0, 70.0))
    return {
        "sex": sex,
        "measure": measure,
        "grid": grid,
        "ref": ref,
        "age": age,
        "value": val,
        "peak": lifespan.median_peak_age(measure, sex, step_years=0.5),
        "m20": m20,
        "m70": m70,
    }


@register
class LifespanExplorer(Explorer):
    name = "lifespan"
    left_margin_px = 104  # widest y tick labels and title of any state (see Explorer)
    title = "IGF-1, IGFBP-3 and their ratio across the lifespan (illustrative cohort + model)"
    summary_labels = {
        "peak_age_years": ("Age at the highest median", "years", ".0f"),
        "median_at_20": ("Median at 20 years", "", ".1f"),
        "median_at_70": ("Median at 70 years", "", ".1f"),
        "change_20_to_70_pct": ("Change of the median from 20 to 70 years", "%", "+.0f"),
    }

    def __init__(self):
        for sex in lifespan.SEXES:  # warm the six-entry cache so every set() is only a data swap
            for measure in _MEASURES:
                _compute(sex, measure)
        super().__init__()

    trace_uids = ("people", "p2_5", "p50", "p97_5")

    def make_controls(self):
        return {
            "sex": choice("Sex", [("Female", "female"), ("Male", "male")], "female", kind="toggle"),
            "measure": choice(
                "Measure",
                [
                    ("IGF-1 (ng/mL)", "igf1"),
                    ("IGFBP-3 (ng/mL)", "igfbp3"),
                    ("IGF-1:IGFBP-3 molar ratio (x100)", "ratio"),
                ],
                "igf1",
            ),
        }

    def compute(self, sex, measure):
        return _compute(sex, measure)

    @staticmethod
    def _title(r):
        label = _MEASURES[r["measure"]][2]
        return f"{label}, {r['sex']}s: illustrative (synthetic) cohort and model percentiles"

    def make_figure(self, r):
        ylab, unit, _ = _MEASURES[r["measure"]]
        return cohort_curves_figure(
            r["grid"],
            r["ref"]["p2_5"],
            r["ref"]["p50"],
            r["ref"]["p97_5"],
            r["age"],
            r["value"],
            title=self._title(r),
            y_label=ylab,
            y_unit=unit,
        )

    def update_figure(self, fig, r):
        ylab, unit, _ = _MEASURES[r["measure"]]
        people = trace(fig, "people")
        people.x, people.y = r["age"], r["value"]
        for k in ("p2_5", "p50", "p97_5"):
            curve = trace(fig, k)
            curve.x, curve.y = r["grid"], r["ref"][k]
        fig.layout.yaxis.title.text = f"{ylab} ({unit})"
        fig.layout.title.text = self._title(r)

    def summarize(self, r):
        unit = _MEASURES[r["measure"]][1]
        self.summary_labels = {
            **type(self).summary_labels,
            "median_at_20": ("Median at 20 years", unit, ".1f"),
            "median_at_70": ("Median at 70 years", unit, ".1f"),
        }
        return {
            "peak_age_years": float(r["peak"]),
            "median_at_20": r["m20"],
            "median_at_70": r["m70"],
            "change_20_to_70_pct": 100.0 * (r["m70"] / r["m20"] - 1.0),
        }

    def describe(self, s, values=None):
        v = values or self.values()
        sex, measure = v["sex"], v["measure"]
        _, unit, label = _MEASURES[measure]
        start = "from 15 years (no calibration data below 15)" if measure == "ratio" else "from birth"
        return (
            f"Grey points: {DRAWN_PER_SEX} illustrative (synthetic) {sex}s, evenly spread over the "
            f"cohort; lines: the model's 2.5th, 50th and "
            f"97.5th percentiles of {label} {start} to 90 years. The median is highest at "
            f"{s['peak_age_years']:.0f} years; it is {s['median_at_20']:.1f} {unit} at 20 and "
            f"{s['median_at_70']:.1f} {unit} at 70 years ({s['change_20_to_70_pct']:+.0f} %)."
        )
