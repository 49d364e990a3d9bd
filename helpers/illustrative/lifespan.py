"""Illustrative (synthetic) lifespan cohort: IGF-1, IGFBP-3 and grip strength, 1–90 years.

Nobody was measured. Each synthetic person gets an age (uniform 1–90 y) and a sex (1:1); IGF-1
and IGFBP-3 are drawn from the LMS reference model (``helpers.models.lifespan``) at that age and
sex, with correlated z-scores (r = 0.5) so that people with high IGF-1 tend to have high
IGFBP-3. Adults (>= 18 y) also get a grip strength that

* declines with age: flat to 30 y, then 30 % lower by 80 y (A81: muscle mass and strength fall
  by "up to one-third" between 30 and 80 y [@bartondavis1998]),
* differs by sex (illustrative round levels at 30 y: 46 kg in men, 28 kg in women, not
  calibrated to a study), and
* depends only WEAKLY on IGF-1 itself (+0.6 kg per IGF-1 SDS),

so the crude IGF-1 – grip correlation in adults is much larger than the age-adjusted one: age
drives both. Children have no grip value (blank).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike

from ..models import lifespan

SEED = 20260503
N_PEOPLE = 3000
AGE_RANGE_YEARS = (1.0, 90.0)
Z_CORRELATION_IGF1_IGFBP3 = 0.5
GRIP_AT_30_KG = {"female": 28.0, "male": 46.0}
GRIP_NOISE_SD_KG = {"female": 4.0, "male": 6.0}
GRIP_LOSS_30_TO_80 = 0.30
GRIP_PER_IGF1_SDS_KG = 0.6
ADULT_AGE_YEARS = 18.0


def grip_age_factor(age_years: ArrayLike) -> np.ndarray:
    """Relative grip strength (1 at <= 30 y, 0.70 at 80 y), accelerating decline after 30 y."""
    a = np.asarray(age_years, float)
    return 1.0 - GRIP_LOSS_30_TO_80 * np.clip((a - 30.0) / 50.0, 0.0, None) ** 1.5


def generate_cohort() -> pd.DataFrame:
    """The illustrative (synthetic, seeded) lifespan cohort: age, sex, IGF-1, IGFBP-3 and grip strength."""
    rng = np.random.default_rng(SEED)
    age = np.round(rng.uniform(*AGE_RANGE_YEARS, N_PEOPLE), 1)
    sex = np.where(rng.random(N_PEOPLE) < 0.5, "female", "male")
    z1 = rng.standard_normal(N_PEOPLE)
    r = Z_CORRELATION_IGF1_IGFBP3
    z3 = r * z1 + np.sqrt(1 - r * r) * rng.standard_normal(N_PEOPLE)
    noise = rng.standard_normal(N_PEOPLE)
    igf1 = np.empty(N_PEOPLE)
    bp3 = np.empty(N_PEOPLE)
    grip = np.full(N_PEOPLE, np.nan)
    for s in lifespan.SEXES:
        m = sex == s
        igf1[m] = lifespan.centile("igf1", z1[m], age[m], s)
        bp3[m] = lifespan.centile("igfbp3", z3[m], age[m], s)
        g = (
            GRIP_AT_30_KG[s] * grip_age_factor(age[m])
            + GRIP_PER_IGF1_SDS_KG * z1[m]
            + GRIP_NOISE_SD_KG[s] * noise[m]
        )
        grip[m] = np.where(age[m] >= ADULT_AGE_YEARS, np.maximum(g, 4.0), np.nan)
    order = np.lexsort((sex, age))
    return pd.DataFrame(
        {
            "age_years": age[order],
            "sex": sex[order],
            "igf1_ng_ml": np.round(igf1[order], 1),
            "igfbp3_ng_ml": np.round(bp3[order], 0),
            "grip_strength_kg": np.round(grip[order], 1),
        }
    )


DATASETS = {"igf1_lifespan_cohort": generate_cohort}
