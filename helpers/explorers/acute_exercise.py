"""Explorer `acute_exercise`: intensity and duration of one bout -> serum IGF-1 % change over time."""

from __future__ import annotations

import numpy as np

from ..models import exercise
from ..plots.exercise import ACUTE_T_RANGE_MIN, acute_figure
from .base import Explorer, register, slider, trace

#: Median serum IGF-1 of 28-year-old men (ng/mL), calibration row A23 (bidlingmaier2014),
#: used to turn the % change into ng/mL in the readout.
REFERENCE_NG_ML = 176.8
_T = np.linspace(ACUTE_T_RANGE_MIN[0], ACUTE_T_RANGE_MIN[1], 261)
_PUBLISHED = [
    ("Study: 10 min high intensity", 10.0, exercise.HIGH_10MIN_PCT, exercise.HIGH_10MIN_SPREAD_PCT),
    ("Study: 10 min low intensity", 10.0, exercise.LOW_10MIN_PCT, exercise.LOW_10MIN_SPREAD_PCT),
]


@register
class AcuteExercise(Explorer):
    name = "acute_exercise"
    title = "One exercise bout and serum IGF-1"
    summary_labels = {
        "peak_pct": ("Peak rise of serum IGF-1", "% of baseline", ".1f"),
        "peak_time_min": ("Time of the peak", "min after start", ".0f"),
        "back_to_baseline_min": ("Back within 1 % of baseline", "min after the bout ends", ".0f"),
        "peak_rise_ng_ml": ("Peak rise for a 28-year-old man at the median (176.8 ng/mL)", "ng/mL", ".1f"),
    }

    trace_uids = ("model", "study-high", "study-low")

    def make_controls(self):
        return {
            "intensity": slider("Intensity (0.58 = low, 1 = high)", "relative", 0.0, 1.0, 0.01, 0.8),
            "duration_min": slider("Exercise duration", "min", 2.0, 30.0, 1.0, 10.0, fmt=".0f"),
        }

    def compute(self, intensity, duration_min):
        pct = exercise.acute_serum_igf1(_T, float(intensity), float(duration_min))
        peak = float(exercise.acute_serum_igf1(float(duration_min), float(intensity), float(duration_min)))
        back = exercise.minutes_to_baseline(float(intensity), float(duration_min))
        return {
            "t": _T,
            "pct": pct,
            "duration_min": float(duration_min),
            "peak_pct": peak,
            "peak_time_min": float(duration_min),
            "back_to_baseline_min": back,
            "intensity": float(intensity),
        }

    def make_figure(self, result):
        return acute_figure(result["t"], result["pct"], result["duration_min"], _PUBLISHED)

    def update_figure(self, fig, result):
        trace(fig, "model").y = result["pct"]
        fig.layout.shapes[0].x1 = result["duration_min"]

    def summarize(self, result):
        return {
            "peak_pct": result["peak_pct"],
            "peak_time_min": result["peak_time_min"],
            "back_to_baseline_min": result["back_to_baseline_min"],
            "peak_rise_ng_ml": REFERENCE_NG_ML * result["peak_pct"] / 100.0,
        }

    def describe(self, summary):
        return (
            f"The curve shows serum IGF-1 rising during the bout to a peak of "
            f"{summary['peak_pct']:.1f} % above baseline at {summary['peak_time_min']:.0f} min "
            f"(about {summary['peak_rise_ng_ml']:.0f} ng/mL for a baseline of 176.8 ng/mL), then "
            f"falling back to within 1 % of baseline about {summary['back_to_baseline_min']:.0f} min "
            f"after the bout ends. The two markers at 10 min are the published study means "
            f"(13.3 % high, 7.7 % low intensity) with their reported spread."
        )
