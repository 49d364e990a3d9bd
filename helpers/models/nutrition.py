"""Nutrition and circulating IGF-1: fasting, refeeding, protein versus energy, diet patterns.

Small phenomenological models (pure numpy), calibrated to human studies. Pre-1990 studies
report somatomedin-C (IGF-1) in assay-specific relative units (U/mL), so every output here is
*relative*: a fraction of the pre-fast level or of a reference diet, never an absolute level.

Calibration (targets in data/calibration_targets.csv; keys in data/references.csv)

* Fasting, ``fasting_igf1``: F + (1 - F) * exp(-(d / tau)**n). Three points fix F, tau and n:
  - day 3: integrated IGF-1 -42 % in 6 normal adults fasted 72 h [@merimee1982];
  - day 5: 1.85 -> 0.67 U/mL (-64 %) in 5 normal-weight adults (A59) [@isley1983];
  - day 10 of deprivation: the same 5 adults, after the 5-day fast, ate a diet short of both
    protein and energy for 5 more days and fell to 0.31 / 1.85 = 17 % (A62) [@isley1983].
  The model treats that diet as a continuation of the fast (ASSUMPTION: no diet lowers IGF-1
  faster, or further, than eating nothing), so the third point also fixes the floor F (about
  14 % of the pre-fast level). Check, not fitted: in 7 obese men a 10-day fast gave about -75 %
  (A63: 0.83 -> 0.21 U/mL; Clemmons et al., J Clin Endocrinol Metab 1981; its identifier could
  not be verified, so it is not cited in the notebook); the model gives -83 % at day 10, a
  different population (obese men, another laboratory) from the normal-weight adults it is
  fitted to.
* Refeeding, ``refeeding_igf1``: from the level reached at the end of the fast, IGF-1 relaxes
  exponentially towards a diet-specific level T with rate r:  L(t) = T + (L0 - T) exp(-r t).
  After a 5-day fast and 5 days of refeeding [@isley1983]:
  - normal diet: 1.26 / 1.85 = 68 % of pre-fast (A60); T = 1 (full recovery) fixes r;
  - isocaloric, protein-deficient (protein 32 % of control): 0.90 / 1.85 = 49 % (A61); same r
    as the normal diet, which fixes T;
  - protein- and energy-deficient: a further fall to 0.31 / 1.85 = 17 % (A62). Not a
    relaxation: the fast simply continues (see above), so the level is fasting_igf1(d + t).
    It is therefore bounded below by the fasting floor, and starting this diet without a fast
    falls exactly as a fast would (36 % after 5 days), never faster.
* Steady state, ``steady_state_igf1``: S = F + (1 - F) P(p) E(e), divided by its value on the
  reference diet (1.2 g protein/kg/day, 100 % of energy needs), with
  P(p) = p**h / (p**h + Kp**h) (h = 1.5) and E(e) = e**m / (e**m + Ke**m) (m = 6, Ke = 0.4).
  Kp is solved (the smaller of the two roots) so that cutting protein from 1.67 to
  0.95 g/kg/day lowers IGF-1 by 22 %
  (A64: 194 -> 152 ng/mL in 6 people practising calorie restriction, 3 weeks) [@fontana2008].
  The steep energy term encodes the human finding that long-term calorie restriction *without*
  protein restriction does not change IGF-1 (A65) [@fontana2008] (about -2 % at 70 % of needs);
  severe energy deficits still lower it. Check, not fitted: protein at 32 % of 1.2 g/kg/day
  gives 0.50, close to the protein-deficient refeeding level (A61, 0.49 after 5 days and still
  rising). No calibration point lies above 1.67 g/kg/day, and no human data used here show
  IGF-1 gains from very high protein intakes, so the protein term is held at its 1.67 g/kg/day
  value above that intake (``PROTEIN_CALIBRATED_MAX_G_PER_KG``): the curve is flat beyond the
  data instead of extrapolating a rise. (In rodents, calorie restriction lowers IGF-1 by about
  40 % [@fontana2008]; this model is of humans.)
* Diet patterns, ``diet_pattern_effect``: vegan women had 13 % lower serum IGF-1 than
  meat-eaters and vegetarians (A66; observational, EPIC-Oxford) [@allen2002]. The source pools
  meat-eaters and vegetarians as the comparison group, so both are given 0 here.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike

from .._validate import as_float, as_float_array, as_int, check_choice, scalar_or_array

# ---- calibration targets (relative changes only; somatomedin-C in U/mL) ---------------------
#: A59 [@isley1983]: 5-day fast, mean 1.85 -> 0.67 U/mL (SD 0.16 at the end)
ISLEY_PREFAST_U_ML = 1.85
ISLEY_FAST5_U_ML = 0.67
#: A60–A62 [@isley1983]: after 5 days of refeeding, by diet
ISLEY_REFED5_U_ML = {"normal": 1.26, "low_protein": 0.90, "low_protein_low_energy": 0.31}
#: published spread (mean +/- SD) of the A59–A62 values, U/mL
ISLEY_SD_U_ML = {"fast5": 0.16, "normal": 0.20, "low_protein": 0.24, "low_protein_low_energy": 0.06}
#: [@merimee1982]: integrated IGF-1 -42 % by the third day of a 72-h fast (6 normal adults)
MERIMEE_DAY3_FRACTION = 1.0 - 0.42
#: A63 (Clemmons 1981, identifier unverified): 10-day fast, 0.83 -> 0.21 U/mL
CLEMMONS_DAY10_FRACTION = 0.21 / 0.83

DIETS = ("normal", "low_protein", "low_protein_low_energy")
DIET_LABELS = {
    "normal": "normal diet",
    "low_protein": "protein-deficient, isocaloric",
    "low_protein_low_energy": "protein- and energy-deficient",
}
PATTERNS = ("omnivore", "vegetarian", "vegan")

# ---- fasting: F + (1 - F) exp(-(d/tau)^n) ------------------------------------------------------
#: A62 [@isley1983]: 5-day fast then 5 days on the protein- and energy-deficient diet = day 10
#: of deprivation, read as a continued fast (ASSUMPTION, see module docstring)
ISLEY_DEPRIVATION_DAY10_FRACTION = ISLEY_REFED5_U_ML["low_protein_low_energy"] / ISLEY_PREFAST_U_ML


def _shape_through(floor: float, d_a: float, y_a: float, d_b: float, y_b: float) -> tuple[float, float]:
    """tau (days) and n such that the curve with this floor passes through (d_a, y_a), (d_b, y_b)."""
    g_a = -math.log((y_a - floor) / (1 - floor))  # (d_a/tau)^n
    g_b = -math.log((y_b - floor) / (1 - floor))  # (d_b/tau)^n
    n = math.log(g_b / g_a) / math.log(d_b / d_a)
    return d_b / g_b ** (1 / n), n


def _solve_fasting_curve() -> tuple[float, float, float]:
    """Floor F, tau and n through day 3 [@merimee1982], day 5 (A59) and day 10 (A62)."""
    y5 = ISLEY_FAST5_U_ML / ISLEY_PREFAST_U_ML
    y10 = ISLEY_DEPRIVATION_DAY10_FRACTION

    def mismatch(floor):  # shape through days 3 and 5, evaluated at day 10
        tau, n = _shape_through(floor, 3.0, MERIMEE_DAY3_FRACTION, 5.0, y5)
        return floor + (1 - floor) * math.exp(-((10.0 / tau) ** n)) - y10

    lo, hi = 0.0, y10 - 1e-9  # mismatch(lo) < 0 < mismatch(hi)
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        if mismatch(mid) > 0:
            hi = mid
        else:
            lo = mid
    floor = 0.5 * (lo + hi)
    tau, n = _shape_through(floor, 3.0, MERIMEE_DAY3_FRACTION, 5.0, y5)
    return floor, tau, n


#: fraction of the pre-fast level approached in a prolonged fast, and the curve's time scale
#: (days) and shape, all fixed by the three calibration points
FASTING_FLOOR, FASTING_TAU_DAYS, FASTING_SHAPE = _solve_fasting_curve()

#: longest fast the model accepts (days); beyond the calibrated range (10 d) it is extrapolation
MAX_FAST_DAYS = 60.0


def fasting_igf1(days_fasted: ArrayLike) -> float | np.ndarray:
    """IGF-1 after ``days_fasted`` days of a water-only fast, as a fraction of the pre-fast level.

    Vectorised; ``days_fasted`` >= 0 (at most 60). 1.0 at day 0, 0.58 at day 3, 0.36 at day 5
    (A59), 0.17 at day 10 (A62, read as continued deprivation); never below ``FASTING_FLOOR``.
    """
    d = as_float_array("days_fasted", days_fasted, low=0.0, high=MAX_FAST_DAYS, unit="days")
    out = FASTING_FLOOR + (1 - FASTING_FLOOR) * np.exp(-((d / FASTING_TAU_DAYS) ** FASTING_SHAPE))
    return scalar_or_array(out, days_fasted)


# ---- refeeding: T + (L0 - T) exp(-r t) --------------------------------------------------------
def _solve_refeeding() -> dict[str, tuple[float, float]]:
    l0 = ISLEY_FAST5_U_ML / ISLEY_PREFAST_U_ML
    tgt = {k: v / ISLEY_PREFAST_U_ML for k, v in ISLEY_REFED5_U_ML.items()}
    # normal diet recovers fully (T = 1): solve r
    r_norm = -math.log((1.0 - tgt["normal"]) / (1.0 - l0)) / 5.0
    decay = math.exp(-5.0 * r_norm)
    # protein-deficient: same r, solve T
    t_lp = (tgt["low_protein"] - l0 * decay) / (1 - decay)
    return {"normal": (1.0, r_norm), "low_protein": (t_lp, r_norm)}


#: diet -> (level approached as a fraction of pre-fast, rate constant per day) for the diets that
#: end the fast; the protein- and energy-deficient diet continues it (no entry here)
REFEEDING_PARAMS = _solve_refeeding()
#: diets modelled as a continuation of the fast
CONTINUES_FAST = ("low_protein_low_energy",)
MAX_REFEED_DAYS = 60.0
#: most time points ``fast_then_refeed`` returns
MAX_POINTS = 100_000


def refeeding_igf1(days_fasted: ArrayLike, days_refed: ArrayLike, diet: str = "normal") -> float | np.ndarray:
    """IGF-1 after a fast of ``days_fasted`` days followed by ``days_refed`` days on ``diet``,
    as a fraction of the pre-fast level.

    ``diet`` is one of ``"normal"``, ``"low_protein"`` (isocaloric, protein about 32 % of
    control) or ``"low_protein_low_energy"``. Vectorised over both day arguments (broadcast).
    After a 5-day fast and 5 days of refeeding: 0.68, 0.49 and 0.17 (A60–A62). The
    protein- and energy-deficient diet continues the fast: ``fasting_igf1(days_fasted +
    days_refed)``, so it never falls below ``FASTING_FLOOR`` or faster than a fast.
    """
    check_choice("diet", diet, DIETS)
    df = as_float_array("days_fasted", days_fasted, low=0.0, high=MAX_FAST_DAYS, unit="days")
    dr = as_float_array("days_refed", days_refed, low=0.0, high=MAX_REFEED_DAYS, unit="days")
    if diet in CONTINUES_FAST:
        d = df + dr
        out = FASTING_FLOOR + (1 - FASTING_FLOOR) * np.exp(-((d / FASTING_TAU_DAYS) ** FASTING_SHAPE))
    else:
        target, rate = REFEEDING_PARAMS[diet]
        l0 = FASTING_FLOOR + (1 - FASTING_FLOOR) * np.exp(-((df / FASTING_TAU_DAYS) ** FASTING_SHAPE))
        out = target + (l0 - target) * np.exp(-rate * dr)
    if np.ndim(days_fasted) == 0 and np.ndim(days_refed) == 0:
        return float(out)
    return out


def fast_then_refeed(
    days_fasted: float, days_refed: float, diet: str = "normal", n_points: int = 201
) -> tuple[np.ndarray, np.ndarray]:
    """A whole trajectory: (days since the fast began, fraction of pre-fast), fast then refeed.

    ``days_fasted`` and ``days_refed`` in [0, 60] days; ``n_points`` (2–100000) time points.
    """
    check_choice("diet", diet, DIETS)
    days_fasted = as_float("days_fasted", days_fasted, low=0.0, high=MAX_FAST_DAYS, unit="days")
    days_refed = as_float("days_refed", days_refed, low=0.0, high=MAX_REFEED_DAYS, unit="days")
    n_points = as_int("n_points", n_points, low=2, high=MAX_POINTS)
    total = days_fasted + days_refed
    t = np.linspace(0.0, total, n_points)
    y = np.where(
        t <= days_fasted,
        fasting_igf1(np.minimum(t, days_fasted)),
        refeeding_igf1(days_fasted, np.maximum(t - days_fasted, 0.0), diet),
    )
    return t, y


# ---- steady state: protein and energy ---------------------------------------------------------
REFERENCE_PROTEIN_G_PER_KG = 1.2
REFERENCE_ENERGY_FRACTION = 1.0
PROTEIN_RANGE_G_PER_KG = (0.0, 4.0)
ENERGY_RANGE_FRACTION = (0.0, 1.5)
PROTEIN_HILL = 1.5
ENERGY_HILL = 6.0
ENERGY_HALF_FRACTION = 0.4
#: A64 [@fontana2008]: protein 1.67 -> 0.95 g/kg/day for 3 weeks, IGF-1 194 -> 152 ng/mL
FONTANA_PROTEIN_FROM, FONTANA_PROTEIN_TO = 1.67, 0.95
FONTANA_IGF1_FROM_NG_ML, FONTANA_IGF1_TO_NG_ML = 194.0, 152.0
#: highest calibrated protein intake (A64); the protein term is held at its value here above it
PROTEIN_CALIBRATED_MAX_G_PER_KG = FONTANA_PROTEIN_FROM
#: rodent calorie restriction lowers IGF-1 by about 40 % [@fontana2008] (animal evidence)
RODENT_CR_CHANGE = -0.40


def _protein_term(p, kp):
    """Saturating protein term, held flat above the highest calibrated intake (no data there)."""
    p = np.minimum(p, PROTEIN_CALIBRATED_MAX_G_PER_KG)
    return p**PROTEIN_HILL / (p**PROTEIN_HILL + kp**PROTEIN_HILL)


def _energy_term(e):
    return e**ENERGY_HILL / (e**ENERGY_HILL + ENERGY_HALF_FRACTION**ENERGY_HILL)


def _raw_steady(p, e, kp):
    return FASTING_FLOOR + (1 - FASTING_FLOOR) * _protein_term(p, kp) * _energy_term(e)


def _solve_kp() -> float:
    """Bisection for Kp so that the A64 protein cut gives the published ratio 152/194."""
    goal = FONTANA_IGF1_TO_NG_ML / FONTANA_IGF1_FROM_NG_ML

    def ratio(kp):
        return _raw_steady(FONTANA_PROTEIN_TO, 1.0, kp) / _raw_steady(FONTANA_PROTEIN_FROM, 1.0, kp)

    lo, hi = 0.05, 2.0  # on this branch the ratio falls as kp rises (minimum near 2.0)
    for _ in range(100):
        mid = 0.5 * (lo + hi)
        if ratio(mid) > goal:
            lo = mid
        else:
            hi = mid
    return 0.5 * (lo + hi)


PROTEIN_HALF_G_PER_KG = _solve_kp()
_REF_RAW = _raw_steady(REFERENCE_PROTEIN_G_PER_KG, REFERENCE_ENERGY_FRACTION, PROTEIN_HALF_G_PER_KG)


def steady_state_igf1(
    protein_g_per_kg: ArrayLike = REFERENCE_PROTEIN_G_PER_KG,
    energy_fraction: ArrayLike = REFERENCE_ENERGY_FRACTION,
) -> float | np.ndarray:
    """Steady-state IGF-1 relative to the reference diet (1.2 g protein/kg/day, 100 % of energy
    needs) after weeks on a diet with ``protein_g_per_kg`` (0–4 g/kg body mass/day) and
    ``energy_fraction`` (0–1.5, energy intake as a fraction of needs). Vectorised (broadcast).

    Rises with protein up to 1.67 g/kg/day, the highest calibrated intake, and is flat above it
    (no human data show further gains); almost flat for energy between about 0.6 and 1.5
    (human calorie restriction without protein restriction), falling steeply below about 0.5.
    """
    p = as_float_array(
        "protein_g_per_kg",
        protein_g_per_kg,
        low=PROTEIN_RANGE_G_PER_KG[0],
        high=PROTEIN_RANGE_G_PER_KG[1],
        unit="g/kg/day",
    )
    e = as_float_array(
        "energy_fraction",
        energy_fraction,
        low=ENERGY_RANGE_FRACTION[0],
        high=ENERGY_RANGE_FRACTION[1],
        unit="(fraction of energy needs)",
    )
    out = _raw_steady(p, e, PROTEIN_HALF_G_PER_KG) / _REF_RAW
    if np.ndim(protein_g_per_kg) == 0 and np.ndim(energy_fraction) == 0:
        return float(out)
    return out


# ---- diet patterns ------------------------------------------------------------------------------
#: relative difference in serum IGF-1 vs omnivores (A66 [@allen2002], observational, women)
PATTERN_EFFECT = {"omnivore": 0.0, "vegetarian": 0.0, "vegan": -0.13}
#: IGFBP-1 (and IGFBP-2) 20–40 % higher in vegans (A67 [@allen2002]); midpoint used
PATTERN_IGFBP1_EFFECT = {"omnivore": 0.0, "vegetarian": 0.0, "vegan": 0.30}


def diet_pattern_effect(pattern: str) -> float:
    """Relative difference in serum IGF-1 versus omnivores for ``pattern`` in
    {"omnivore", "vegetarian", "vegan"} (e.g. -0.13 = 13 % lower). Observational evidence."""
    check_choice("pattern", pattern, PATTERNS)
    return PATTERN_EFFECT[pattern]


def diet_pattern_igfbp1_effect(pattern: str) -> float:
    """Relative difference in serum IGFBP-1 versus omnivores (observational; A67 midpoint)."""
    check_choice("pattern", pattern, PATTERNS)
    return PATTERN_IGFBP1_EFFECT[pattern]


# ---- fasting and IGFBP-1 (published numbers used in the notebook text and tests) ---------------
#: A69 [@cotterill1993]: IGFBP-1 32 +/- 5 ug/L after an overnight fast -> peak 144 +/- 24 ug/L at 32 h
COTTERILL_IGFBP1_BASELINE_UG_L = 32.0
COTTERILL_IGFBP1_PEAK_UG_L = 144.0
#: A68 [@qin2009]: milk interventions, weighted mean difference (ng/mL) and 95 % CI (8 RCTs)
MILK_WMD_NG_ML = 13.8
MILK_WMD_CI_NG_ML = (6.1, 21.5)
#: A70 [@merimee1982]: GH-deficient adults, 5 d GH: IGF-1 35.2 -> 317.4 ng/mL fed, 81 fasted
MERIMEE_GH_BASELINE_NG_ML = 35.2
MERIMEE_GH_FED_NG_ML = 317.4
MERIMEE_GH_FASTED_NG_ML = 81.0
