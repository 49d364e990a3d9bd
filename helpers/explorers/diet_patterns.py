"""Explorer `diet_patterns`: group means and the vegan effect size in a sample of the
illustrative diet cohort, with 95 % CIs that shrink as the sample grows."""

from __future__ import annotations

import numpy as np

from ..data import load_dataset
from ..models import nutrition as nut
from ..models import stats
from ..plots.nutrition import cohort_sample_figure
from .base import Explorer, choice, int_slider, register, trace

_OUTCOMES = {"igf1_ng_ml": ("Serum IGF-1", "ng/mL"), "igfbp1_ug_l": ("Serum IGFBP-1", "µg/L")}
#: published vegan-vs-others differences, % (point, low, high): A66 (no CI in the abstract) and A67
_PUBLISHED = {"igf1_ng_ml": (100 * nut.PATTERN_EFFECT["vegan"],) * 3, "igfbp1_ug_l": (30.0, 20.0, 40.0)}


@register
class DietPatternsExplorer(Explorer):
    name = "diet_patterns"
    left_margin_px = 94  # widest y tick labels and title of any state (see Explorer)
    title = "Diet patterns: group means and effect size in a sample of the illustrative cohort"
    summary_labels = {
        "n_per_group": ("Participants per group", "", ".0f"),
        "effect_pct": ("Vegan vs others (this sample)", "%", "+.0f"),
        "effect_lo_pct": ("95 % CI, lower end", "%", "+.0f"),
        "effect_hi_pct": ("95 % CI, upper end", "%", "+.0f"),
    }

    def __init__(self) -> None:
        df = load_dataset("diet_cohort")
        self._groups = list(nut.PATTERNS)
        self._values = {
            (g, col): df.loc[df["pattern"] == g, col].to_numpy() for g in self._groups for col in _OUTCOMES
        }
        self._max_n = min(len(v) for v in self._values.values())
        super().__init__()

    trace_uids = ("means", "difference", "published")

    def make_controls(self):
        return {
            "outcome": choice(
                "Outcome",
                [(f"{lab.split()[-1]} ({u})", k) for k, (lab, u) in _OUTCOMES.items()],
                "igf1_ng_ml",
                kind="toggle",
            ),
            "n_per_group": int_slider("Participants sampled per group", "people", 5, self._max_n, 20),
        }

    def compute(self, outcome, n_per_group):
        vals = {g: self._values[(g, outcome)][:n_per_group] for g in self._groups}
        # mean and t-based 95 % CI of each group (t with n - 1 degrees of freedom, not z = 1.96)
        cis = np.array([stats.mean_ci(v) for v in vals.values()])
        means = cis[:, 0]
        others = np.concatenate([vals["omnivore"], vals["vegetarian"]])
        eff, lo, hi = stats.relative_difference_ci(vals["vegan"], others)
        pub = _PUBLISHED[outcome]
        return {
            "outcome": outcome,
            "means": means,
            "ci_low": cis[:, 1],
            "ci_high": cis[:, 2],
            "n_per_group": n_per_group,
            "effect_pct": 100 * eff,
            "effect_lo_pct": 100 * lo,
            "effect_hi_pct": 100 * hi,
            "published": pub,
        }

    def make_figure(self, r):
        lab, unit = _OUTCOMES[r["outcome"]]
        return cohort_sample_figure(
            self._groups,
            r["means"],
            r["ci_low"],
            r["ci_high"],
            lab,
            unit,
            r["effect_pct"],
            r["effect_lo_pct"],
            r["effect_hi_pct"],
            *r["published"],
        )

    def update_figure(self, fig, r):
        lab, unit = _OUTCOMES[r["outcome"]]
        m = r["means"]
        e = r["effect_pct"]
        p, plo, phi = r["published"]
        trace(fig, "means").update(y=m, error_y=dict(array=r["ci_high"] - m, arrayminus=m - r["ci_low"]))
        trace(fig, "difference").update(
            y=[e], error_y=dict(array=[r["effect_hi_pct"] - e], arrayminus=[e - r["effect_lo_pct"]])
        )
        trace(fig, "published").update(y=[p], error_y=dict(array=[phi - p], arrayminus=[p - plo]))
        fig.layout.yaxis.title.text = f"{lab} ({unit})"

    def summarize(self, r):
        return {k: float(r[k]) for k in self.summary_labels}

    def describe(self, s, values=None):
        outcome = (values or self.values())["outcome"]
        lab, unit = _OUTCOMES[outcome]
        p, plo, phi = _PUBLISHED[outcome]
        pub = f"{p:+.0f} %" if plo == phi else f"{p:+.0f} % (range {plo:+.0f} to {phi:+.0f} %)"
        lo, hi = s["effect_lo_pct"], s["effect_hi_pct"]
        # the key result first: can this sample tell vegans from the others?
        if lo > 0 or hi < 0:
            verdict = (
                f"With {s['n_per_group']:.0f} participants per group the 95 % confidence interval excludes "
                f"zero: in this sample vegans' level is {'higher' if lo > 0 else 'lower'} than the others'."
            )
        else:
            verdict = (
                f"With {s['n_per_group']:.0f} participants per group the 95 % confidence interval includes "
                f"zero: this sample cannot tell whether vegans differ."
            )
        return (
            f"{verdict} In this illustrative (synthetic) cohort, vegans' serum {lab.split()[-1]} differs "
            f"from the others' by {s['effect_pct']:+.0f} % (95 % CI {lo:+.0f} to {hi:+.0f} %); the "
            f"published observational value is {pub}. Left: the group means of omnivores, vegetarians "
            f"and vegans with 95 % confidence intervals. Right: the difference in this sample and the "
            f"published one. Larger samples give narrower intervals."
        )
