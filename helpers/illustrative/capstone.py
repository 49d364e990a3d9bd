"""Illustrative (synthetic) weekly record of one invented patient for the capstone (notebook 07).

A 78-year-old woman in the 12 weeks after surgery for a hip fracture. The "true" course is the
capstone chain of models (``models.recovery.recovery_course``) at the case settings below;
measurement noise is added with a fixed seed: leg lean mass by DXA with a 1.5 % coefficient of
variation and serum IGF-1 with an 8 % assay coefficient of variation (both ASSUMPTIONS). Recorded
intake varies around the case values from week to week. No real person is described.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..models.recovery import recovery_course

SEED = 1807
#: The case settings (the capstone's story; illustrative).
CASE = dict(
    weeks=12.0,
    age_years=78.0,
    sex="female",
    bed_rest_days=10.0,
    protein_g_per_kg=0.7,
    energy_fraction=0.9,
    rehab_sessions_per_week=1.0,
    anabolic_resistance=0.4,
    start_leg_lean_kg=12.5,
)
DXA_CV = 0.015
IGF1_ASSAY_CV = 0.08


def hip_fracture_case() -> pd.DataFrame:
    """The illustrative (synthetic, seeded) weekly record of the capstone patient (data/hip_fracture_case.csv)."""
    rng = np.random.default_rng(SEED)
    course = recovery_course(**CASE)
    weeks = np.arange(0, 13)
    lean_true = course["leg_lean_kg"][weeks * 7]
    lean = lean_true * (1.0 + DXA_CV * rng.standard_normal(len(weeks)))
    igf1 = course["serum_igf1_ng_ml"] * (1.0 + IGF1_ASSAY_CV * rng.standard_normal(len(weeks)))
    protein = np.clip(CASE["protein_g_per_kg"] + 0.08 * rng.standard_normal(len(weeks)), 0.4, 1.6)
    energy = np.clip(CASE["energy_fraction"] + 0.05 * rng.standard_normal(len(weeks)), 0.5, 1.2)
    sessions = np.where(weeks * 7 >= CASE["bed_rest_days"], int(CASE["rehab_sessions_per_week"]), 0)
    return pd.DataFrame(
        {
            "week": weeks.astype(int),
            "leg_lean_kg": np.round(lean, 2),
            "serum_igf1_ng_ml": np.round(igf1, 1),
            "protein_g_per_kg": np.round(protein, 2),
            "energy_fraction": np.round(energy, 2),
            "rehab_sessions": sessions.astype(int),
        }
    )


DATASETS = {"hip_fracture_case": hip_fracture_case}
