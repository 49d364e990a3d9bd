"""Explorer `axis`: pulsatile GH -> liver IGF-1 -> negative feedback (illustrative dynamic model)."""

from __future__ import annotations

from ..models import axis as ax
from ..plots.mechanism import axis_figure, mean_name
from .base import Explorer, register, slider, trace

DAYS = 4.0
DT_MIN = 10.0


@register
class AxisExplorer(Explorer):
    name = "axis"
    left_margin_px = 99  # widest y tick labels and title of any state (see Explorer)
    title = "The GH–IGF-1 axis: pituitary pulses, liver output and feedback (illustrative model)"
    summary_labels = {
        "mean_igf1_ng_ml": ("Mean serum IGF-1", "ng/mL", ".0f"),
        "mean_pulse_ug_l": ("Average GH pulse height after feedback", "µg/L", ".1f"),
        "mean_gh_ug_l": ("Mean GH", "µg/L", ".2f"),
        "hepatic_pct": ("Share of IGF-1 made by the liver", "%", ".0f"),
    }

    trace_uids = ("gh", "igf1", "mean")

    def make_controls(self):
        return {
            "gh_amplitude": slider("GH pulse amplitude", "relative, 1 = typical adult", 0.0, 3.0, 0.05, 1.0),
            "liver_sensitivity": slider(
                "Liver GH sensitivity", "relative, 1 = well fed", 0.0, 2.0, 0.05, 1.0
            ),
            "feedback_strength": slider("IGF-1 feedback on GH", "relative, 1 = normal", 0.0, 3.0, 0.05, 1.0),
        }

    def compute(self, gh_amplitude, liver_sensitivity, feedback_strength):
        return ax.simulate_axis(gh_amplitude, liver_sensitivity, feedback_strength, days=DAYS, dt_min=DT_MIN)

    def make_figure(self, r):
        return axis_figure(r["time_h"], r["gh_ug_l"], r["igf1_ng_ml"], r["mean_igf1_ng_ml"])

    def update_figure(self, fig, r):
        trace(fig, "gh").y = r["gh_ug_l"]
        trace(fig, "igf1").y = r["igf1_ng_ml"]
        m = r["mean_igf1_ng_ml"]
        mean = trace(fig, "mean")
        mean.y = [m, m]
        mean.text = ["", f"mean {m:.0f} ng/mL"]
        mean.name = mean_name(m)

    def summarize(self, r):
        return {
            "mean_igf1_ng_ml": r["mean_igf1_ng_ml"],
            "mean_pulse_ug_l": r["mean_pulse_ug_l"],
            "mean_gh_ug_l": r["mean_gh_ug_l"],
            "hepatic_pct": r["hepatic_share"] * 100,
            "min_igf1_ng_ml": r["min_igf1_ng_ml"],
            "max_igf1_ng_ml": r["max_igf1_ng_ml"],
        }

    def describe(self, s):
        return (
            f"Over {DAYS:.0f} days GH comes in eight pulses a day averaging "
            f"{s['mean_pulse_ug_l']:.1f} µg/L high, while serum IGF-1 stays between "
            f"{s['min_igf1_ng_ml']:.0f} and {s['max_igf1_ng_ml']:.0f} ng/mL "
            f"(mean {s['mean_igf1_ng_ml']:.0f} ng/mL, {s['hepatic_pct']:.0f} % of it from the "
            f"liver). Top panel: GH pulses; bottom panel: IGF-1 with its mean as a dashed line. "
            f"Illustrative model, not a prediction for a person."
        )
