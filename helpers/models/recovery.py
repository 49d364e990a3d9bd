"""Capstone (notebook 07): twelve weeks after a hip fracture in an older adult (illustrative).

Nothing here is new physiology: the function strings together the models of notebooks 01–06,
so students can see what each one contributes and where the chain is weakest.

* Serum IGF-1 = the median for age and sex [@bidlingmaier2014] (``lifespan.igf1_reference``,
  notebook 03) × the steady-state effect of protein and energy intake (``nutrition.
  steady_state_igf1``, notebook 04). Constant over the 12 weeks (a steady-state model).
* IGF-1 around the muscle fibres = 2 nM (notebook 06's healthy default) × the nutrition factor
  relative to the person's usual intake before the fracture (0.8 g/kg/day protein, energy
  needs met), at which the muscle is taken as stable. ASSUMPTION: tissue IGF-1 follows serum
  IGF-1 (notebooks 02 and 05 show why this is weak: binding proteins and local production
  both intervene).
* Amino-acid availability = protein intake / 0.8 g/kg/day, capped at 1.25 (the model plateaus at 1.0 g/kg/day). ASSUMPTION: 1 (usual)
  is set at 0.8 g/kg/day because that was the intake during the bed-rest study that calibrates
  disuse [@kortebein2007].
* Disuse = 1 during bed rest, then ``DISUSE_AFTER_BED_REST`` (ASSUMPTION: walking with an aid).
* Daily muscle protein balance from ``conditions.muscle_balance`` (notebook 06, wrapping notebook
  01's signalling model), turned into leg lean mass with the bed-rest calibration
  (``conditions.lean_mass_course``).
* Rehabilitation: resistance sessions from the end of bed rest, with the training model of
  notebook 05 (``exercise.training_trajectory``, load 1), its gain scaled by ``1 − anabolic
  resistance`` (a blunted response in older muscle [@paulussen2021]; the size is an assumption).

Where it fails (and in which direction): constant-rate disuse loss overestimates long
immobilisation, because atrophy is fastest early and then slows [@marusic2021]; surgery,
inflammation, pain and medicines are left out (loss underestimated); the training model was
scaled on young adults (gain likely overestimated even after the anabolic-resistance factor).
"""

from __future__ import annotations

import numpy as np

from .._validate import check_choice, check_scalar
from . import conditions as cond
from . import exercise as exm
from . import lifespan as ls
from . import nutrition as nut

#: Intake at which amino-acid availability is "usual" (1): 0.8 g/kg/day (see module docstring).
USUAL_PROTEIN_G_PER_KG = 0.8
#: ASSUMPTION: amino-acid availability saturates at 1.25 x usual (1.0 g/kg/day) (the model plateaus there).
MAX_AMINO_ACIDS = 1.25
#: ASSUMPTION: disuse level after bed rest ends (0 = usual activity, 1 = bed rest).
DISUSE_AFTER_BED_REST = 0.1
#: Healthy IGF-1 around the fibres, as in conditions.muscle_balance (nM).
TISSUE_IGF1_NM = 2.0

RANGES = {
    "weeks": (2.0, 16.0, "weeks"),
    "age_years": (65.0, 95.0, "years"),
    "bed_rest_days": (0.0, 28.0, "days"),
    "protein_g_per_kg": (0.4, 1.6, "g/kg/day"),
    "energy_fraction": (0.5, 1.2, "(fraction of energy needs)"),
    "rehab_sessions_per_week": (0.0, 3.0, "sessions/week"),
    "anabolic_resistance": (0.0, 1.0, "(0 = young adult, 1 = no response)"),
    "start_leg_lean_kg": (5.0, 30.0, "kg"),
}


def _check(name: str, value) -> float:
    return check_scalar(name, value, RANGES)


def recovery_course(
    weeks: float = 12.0,
    age_years: float = 80.0,
    sex: str = "female",
    bed_rest_days: float = 14.0,
    protein_g_per_kg: float = 0.8,
    energy_fraction: float = 0.8,
    rehab_sessions_per_week: float = 2.0,
    anabolic_resistance: float = 0.5,
    start_leg_lean_kg: float = 13.0,
) -> dict:
    """Daily course of leg lean mass and serum IGF-1 over ``weeks`` after a hip fracture.

    Returns arrays over days 0..7*weeks: ``day``, ``week``, ``leg_lean_kg``, ``change_pct``
    (vs day 0), ``net_change`` (daily protein balance vs a healthy stable adult), ``disuse``,
    ``training_pct`` (gain from rehabilitation); and floats ``serum_igf1_ng_ml``,
    ``igf1_percentile`` (for age and sex), ``nutrition_factor``, ``final_change_pct``,
    ``lowest_change_pct``, ``lowest_week``. Raises ValueError outside the ranges.
    """
    w = _check("weeks", weeks)
    age = _check("age_years", age_years)
    sex = check_choice("sex", sex, list(ls.SEXES))
    bed = _check("bed_rest_days", bed_rest_days)
    prot = _check("protein_g_per_kg", protein_g_per_kg)
    energy = _check("energy_fraction", energy_fraction)
    sessions = _check("rehab_sessions_per_week", rehab_sessions_per_week)
    ar = _check("anabolic_resistance", anabolic_resistance)
    m0 = _check("start_leg_lean_kg", start_leg_lean_kg)
    if bed > 7.0 * w - 7.0:
        raise ValueError(f"bed_rest_days = {bed:g} must leave at least one week of the {w:g} weeks")

    n_days = int(round(7.0 * w))
    day = np.arange(n_days + 1, dtype=float)
    nutrition_factor = float(nut.steady_state_igf1(prot, energy))
    serum = float(ls.igf1_reference(age, sex)["p50"]) * nutrition_factor
    aa = min(prot / USUAL_PROTEIN_G_PER_KG, MAX_AMINO_ACIDS)
    disuse = np.where(day < bed, 1.0, DISUSE_AFTER_BED_REST)
    usual_factor = float(nut.steady_state_igf1(USUAL_PROTEIN_G_PER_KG, 1.0))
    tissue_nM = TISSUE_IGF1_NM * nutrition_factor / usual_factor
    bal = cond.muscle_balance(tissue_nM, aa, disuse=disuse, anabolic_resistance=ar)
    net = np.asarray(bal["net_change"], float)
    lean_no_training = cond.lean_mass_course(net[:-1], m0)

    training = np.zeros_like(day)
    first = int(np.ceil(bed))
    rehab_weeks = (n_days - first) / 7.0
    if sessions > 0 and rehab_weeks >= 1.0:
        tr = exm.training_trajectory(rehab_weeks, sessions, 1.0)
        gain = np.asarray(tr["csa_total_pct"], float) * (1.0 - ar)
        training[first : first + len(gain)] = gain[: n_days + 1 - first]
    lean = lean_no_training * (1.0 + training / 100.0)
    change = (lean / m0 - 1.0) * 100.0
    k_low = int(np.argmin(change))
    return {
        "day": day,
        "week": day / 7.0,
        "leg_lean_kg": lean,
        "change_pct": change,
        "net_change": net,
        "disuse": disuse,
        "training_pct": training,
        "serum_igf1_ng_ml": serum,
        "igf1_percentile": float(ls.igf1_percentile(serum, age, sex)),
        "nutrition_factor": nutrition_factor,
        "final_change_pct": float(change[-1]),
        "lowest_change_pct": float(change[k_low]),
        "lowest_week": float(day[k_low] / 7.0),
    }
