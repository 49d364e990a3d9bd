"""Illustrative (synthetic) nutrition data sets, generated from helpers.models.nutrition.

* ``fasting_refeeding``: 8 participants, each doing the protocol of [@isley1983] three times
  (a 5-day fast, then 5 days of refeeding on one of three diets); IGF-1 in % of the pre-fast
  level on days 0–10.
* ``diet_cohort``: a cross-sectional cohort of women with the group sizes of [@allen2002]
  (99 omnivores, 101 vegetarians, 92 vegans); serum IGF-1 and IGFBP-1.

No person was measured. Fixed seeds make the files byte-identical on regeneration.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..models import nutrition as nut
from ..models import stats
from ..models.stats import mean_difference_ci as mean_difference_ci  # the older import path
from ..models.stats import relative_difference_ci as relative_difference_ci  # the older import path

SEED_FASTING = 20260604
SEED_COHORT = 20260606

FAST_DAYS = 5
REFEED_DAYS = 5
N_PARTICIPANTS = 8
#: between-person spread of the depth of the fall (SD of a log-scale factor)
PERSON_SD = 0.20
#: day-to-day and assay noise (SD of a log-scale factor)
NOISE_SD = 0.05

#: group sizes in [@allen2002]
COHORT_SIZES = {"omnivore": 99, "vegetarian": 101, "vegan": 92}
#: illustrative scale only (not calibrated): mean IGF-1 of the omnivore group, ng/mL
COHORT_OMNIVORE_IGF1_NG_ML = 200.0
COHORT_IGF1_CV = 0.25
#: IGFBP-1 scale after an overnight fast, ug/L (A69 baseline [@cotterill1993])
COHORT_IGFBP1_UG_L = 32.0
COHORT_IGFBP1_CV = 0.50


def _lognormal_factor(rng, sd, size):
    """Mean-one multiplicative noise with log-scale SD ``sd``."""
    return np.exp(rng.normal(-0.5 * sd**2, sd, size))


def fasting_refeeding() -> pd.DataFrame:
    """The illustrative (synthetic, seeded) fasting-refeeding data: IGF-1 in % of pre-fast per participant, diet and day."""
    rng = np.random.default_rng(SEED_FASTING)
    days = np.arange(FAST_DAYS + REFEED_DAYS + 1)
    person = rng.normal(0.0, PERSON_SD, N_PARTICIPANTS)
    rows = []
    for diet in nut.DIETS:
        model = np.where(
            days <= FAST_DAYS,
            nut.fasting_igf1(np.minimum(days, FAST_DAYS)),
            nut.refeeding_igf1(FAST_DAYS, np.maximum(days - FAST_DAYS, 0), diet),
        )
        for i in range(N_PARTICIPANTS):
            # a person who falls deeper than average stays lower; day 0 is 100 % by definition
            y = model * np.exp(person[i] * (1 - model)) * _lognormal_factor(rng, NOISE_SD, days.size)
            y[0] = 1.0
            for d, v in zip(days, y, strict=True):
                phase = "prefast" if d == 0 else ("fasting" if d <= FAST_DAYS else "refeeding")
                rows.append(
                    {
                        "participant_id": f"P{i + 1:02d}",
                        "diet": diet,
                        "day": int(d),
                        "phase": phase,
                        "igf1_pct_prefast": round(100 * float(v), 1),
                    }
                )
    return pd.DataFrame(rows)


def diet_cohort() -> pd.DataFrame:
    """The illustrative (synthetic, seeded) diet cohort: serum IGF-1 and IGFBP-1 per participant and diet pattern."""
    rng = np.random.default_rng(SEED_COHORT)
    rows = []
    k = 0
    for pattern, size in COHORT_SIZES.items():
        igf = (
            COHORT_OMNIVORE_IGF1_NG_ML
            * (1 + nut.diet_pattern_effect(pattern))
            * _lognormal_factor(rng, COHORT_IGF1_CV, size)
        )
        bp1 = (
            COHORT_IGFBP1_UG_L
            * (1 + nut.diet_pattern_igfbp1_effect(pattern))
            * _lognormal_factor(rng, COHORT_IGFBP1_CV, size)
        )
        for a, b in zip(igf, bp1, strict=True):
            k += 1
            rows.append(
                {
                    "participant_id": f"C{k:03d}",
                    "pattern": pattern,
                    "igf1_ng_ml": round(float(a), 1),
                    "igfbp1_ug_l": round(float(b), 1),
                }
            )
    return pd.DataFrame(rows)


DATASETS = {"fasting_refeeding": fasting_refeeding, "diet_cohort": diet_cohort}


# ---- summaries used by the notebook and explorers ----------------------------------------------
def group_summary(df: pd.DataFrame, group: str, value: str) -> pd.DataFrame:
    """Mean, SD, n and a t-based 95 % confidence interval of ``value`` per ``group`` (a frame
    indexed by group, columns mean, std, n, ci_low, ci_high; see helpers.models.stats)."""
    order = list(df[group].cat.categories) if isinstance(df[group].dtype, pd.CategoricalDtype) else None
    if order is not None:
        order = [g for g in order if (df[group] == g).any()]
    s = stats.group_summary(df[value].to_numpy(float), df[group].to_numpy(), order=order)
    out = pd.DataFrame(
        {
            "mean": s["mean"],
            "std": s["sd"],
            "n": s["n"].astype(int),
            "ci_low": s["ci_low"],
            "ci_high": s["ci_high"],
        },
        index=pd.Index(s["group"], name=group),
    )
    return out
