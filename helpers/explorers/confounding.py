"""Explorer `confounding`: IGF-1 versus grip strength in adults, crude and adjusted for age."""

from __future__ import annotations

import numpy as np

from ..models import lifespan
from ..plots.lifespan import association_figure
from ._cohort import cohort, thin
from .base import Explorer, checkbox, choice, int_slider, register, trace

MIN_WINDOW_YEARS = 5
#: people drawn per sex (evenly spread; the statistics use everyone in the window). 300 per sex
#: made a key press in JupyterLab take about 130 ms to redraw on a quiet 2-core machine, over the
#: 100 ms budget; with 150 the marker drawing costs about half as much and the cloud looks the same
DRAWN_PER_SEX = 150


@register
class ConfoundingExplorer(Explorer):
    name = "confounding"
    left_margin_px = 97  # widest y tick labels and title of any state (see Explorer)
    title = "IGF-1 and grip strength in adults: crude versus age-adjusted (illustrative cohort)"
    ALL_LABELS = {
        "n": ("People in the analysis", "", ".0f"),
        "r_crude": ("Crude correlation r", "", "+.2f"),
        "r_adjusted": ("Age-adjusted (partial) correlation r", "", "+.2f"),
        "slope_crude_kg_per_100": ("Crude slope", "kg per 100 ng/mL", "+.1f"),
        "slope_adjusted_kg_per_100": ("Age-adjusted slope", "kg per 100 ng/mL", "+.1f"),
    }

    trace_uids = ("women", "men", "line")

    @property
    def summary_labels(self):
        """The readout shows the age-adjusted numbers only once "Adjust for age" is ticked, so
        the answer to the prediction is not on screen before the student commits (issue 14)."""
        adjusted = self.controls["adjust"].value if hasattr(self, "controls") else False
        return {k: v for k, v in self.ALL_LABELS.items() if adjusted or "adjusted" not in k}

    def make_controls(self):
        return {
            "age_from": int_slider("Youngest age included", "years", 18, 85, 20),
            "age_to": int_slider("Oldest age included", "years", 23, 90, 90),
            "sex": choice(
                "Who",
                [("Women and men", "both"), ("Women", "female"), ("Men", "male")],
                "both",
                kind="toggle",
            ),
            "adjust": checkbox("Adjust for age", False),
        }

    def compute(self, age_from, age_to, sex, adjust):
        lo, hi = sorted((float(age_from), float(age_to)))
        if hi - lo < MIN_WINDOW_YEARS:  # keep a usable window whatever the two sliders say
            hi = min(lo + MIN_WINDOW_YEARS, 90.0)
            lo = hi - MIN_WINDOW_YEARS
        c = cohort()
        m = (c["age_years"] >= lo) & (c["age_years"] <= hi) & np.isfinite(c["grip_strength_kg"])
        if sex != "both":
            m &= c["sex"] == sex
        x, y, age = c["igf1_ng_ml"][m], c["grip_strength_kg"][m], c["age_years"][m]
        is_male = (c["sex"][m] == "male") if sex == "both" else None
        stats = lifespan.association(x, y, age, is_male)
        if adjust:
            X = lifespan.age_covariates(age, is_male)
            px, py = lifespan.residuals(x, X), lifespan.residuals(y, X)
            slope = stats["slope_adjusted"]
        else:
            px, py, slope = x, y, stats["slope_crude"]
        lx = np.array([px.min(), px.max()])
        ly = py.mean() + slope * (lx - px.mean())
        sexes = c["sex"][m]
        fi, mi = thin(sexes == "female", DRAWN_PER_SEX), thin(sexes == "male", DRAWN_PER_SEX)
        return {
            "lo": lo,
            "hi": hi,
            "sex": sex,
            "adjust": adjust,
            "stats": stats,
            "xf": px[fi],
            "yf": py[fi],
            "xm": px[mi],
            "ym": py[mi],
            "lx": lx,
            "ly": ly,
        }

    @staticmethod
    def _labels(r):
        who = {"both": "women and men", "female": "women", "male": "men"}[r["sex"]]
        span = f"{r['lo']:.0f}–{r['hi']:.0f} y"
        if r["adjust"]:
            return (
                f"Adjusted for age: {who}, {span} (illustrative, synthetic)",
                "IGF-1 above (+) or below (−) age-expected (ng/mL)",
                "Grip strength vs age-expected (kg)",
                "Least-squares line (age-adjusted)",
            )
        return (
            f"Crude: {who}, {span} (illustrative, synthetic)",
            "Serum IGF-1 (ng/mL)",
            "Grip strength (kg)",
            "Least-squares line (crude)",
        )

    def make_figure(self, r):
        title, xt, yt, ln = self._labels(r)
        return association_figure(
            r["xf"],
            r["yf"],
            r["xm"],
            r["ym"],
            r["lx"],
            r["ly"],
            title=title,
            x_title=xt,
            y_title=yt,
            line_name=ln,
        )

    def update_figure(self, fig, r):
        title, xt, yt, ln = self._labels(r)
        women, men, line = trace(fig, "women"), trace(fig, "men"), trace(fig, "line")
        women.x, women.y = r["xf"], r["yf"]
        men.x, men.y = r["xm"], r["ym"]
        line.x, line.y, line.name = r["lx"], r["ly"], ln
        fig.layout.title.text = title
        fig.layout.xaxis.title.text = xt
        fig.layout.yaxis.title.text = yt

    def summarize(self, r):
        st = r["stats"]
        return {
            "n": float(st["n"]),
            "r_crude": st["r_crude"],
            "r_adjusted": st["r_adjusted"],
            "slope_crude_kg_per_100": 100.0 * st["slope_crude"],
            "slope_adjusted_kg_per_100": 100.0 * st["slope_adjusted"],
            "age_from": r["lo"],
            "age_to": r["hi"],
        }

    def describe(self, s, values=None):
        r = values or self.values()
        who = {"both": "women and men", "female": "women", "male": "men"}[r["sex"]]
        view = (
            (
                "what is left of IGF-1 and of grip strength after removing the part explained by age"
                + (" and sex" if r["sex"] == "both" else "")
            )
            if r["adjust"]
            else "serum IGF-1 against grip strength"
        )
        text = (
            f"Illustrative (synthetic) {who} aged {s['age_from']:.0f}–{s['age_to']:.0f} years "
            f"(n = {s['n']:.0f}); the plot shows {view}. Crude correlation r = {s['r_crude']:+.2f}"
        )
        drawn = (
            f" The plot draws at most {DRAWN_PER_SEX} people of each sex, evenly spread; the numbers use all."
        )
        if not r["adjust"]:  # the adjusted r appears only once "Adjust for age" is ticked
            return text + f" (slope {s['slope_crude_kg_per_100']:+.1f} kg per 100 ng/mL)." + drawn
        return (
            text
            + (
                f"; after adjusting for age{' and sex' if r['sex'] == 'both' else ''} "
                f"r = {s['r_adjusted']:+.2f} (slope {s['slope_crude_kg_per_100']:+.1f} "
                f"versus {s['slope_adjusted_kg_per_100']:+.1f} kg per 100 ng/mL)."
            )
            + drawn
        )
