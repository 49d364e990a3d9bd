"""Illustrative (synthetic) table of exercise-BDNF effect sizes for the forest plot of notebook 05.

Each "study" row is synthetic: drawn with a fixed seed around the published pooled Hedges g of
Szuhany et al. 2015 (calibration rows A74-A76; [@szuhany2015]) and then shifted so that the
fixed-effect (inverse-variance) pooled estimate of each outcome equals the published value.
The published pooled point estimates are real; every study row and every CI here is synthetic.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..models.exercise import PUBLISHED_BDNF_G, hedges_g_se
from ..models.stats import pooled_effect, z_critical

SEED = 2015
#: number of synthetic studies per outcome
N_STUDIES = {"single_session": 6, "session_after_training": 4, "resting_after_training": 5}
#: outcome -> (published pooled Hedges g, number of synthetic studies, plain-words label)
OUTCOMES = {k: (g, N_STUDIES[k], label) for k, (g, label) in PUBLISHED_BDNF_G.items()}
#: between-study spread of true effects used for the synthetic draws (assumption)
TAU = 0.2


def bdnf_effect_sizes() -> pd.DataFrame:
    """The illustrative (synthetic, seeded) BDNF effect-size table; each outcome pools to its published g."""
    rng = np.random.default_rng(SEED)
    rows = []
    for letter, (outcome, (g_pub, k, _label)) in zip("ABC", OUTCOMES.items(), strict=True):
        n = rng.integers(16, 81, size=k)
        true = g_pub + TAU * rng.standard_normal(k)
        se = hedges_g_se(np.clip(true, -2, 2), n)
        g = true + se * rng.standard_normal(k)
        for _ in range(20):  # SE depends on g: shift until the pooled estimate settles
            est, _, _ = pooled_effect(g, hedges_g_se(g, n))
            g = g + (g_pub - est)
        g = np.round(g, 3)
        se = hedges_g_se(g, n)
        z = z_critical(0.95)
        for i in range(k):
            rows.append(
                {
                    "outcome": outcome,
                    "study_label": f"Illustrative study {letter}{i + 1}",
                    "n_participants": int(n[i]),
                    "hedges_g": float(g[i]),
                    "ci_low_95": float(np.round(g[i] - z * se[i], 3)),
                    "ci_high_95": float(np.round(g[i] + z * se[i], 3)),
                }
            )
    return pd.DataFrame(rows)


DATASETS = {"bdnf_effect_sizes": bdnf_effect_sizes}
