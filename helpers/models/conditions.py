"""When the axis goes wrong: clinical patterns of the GH–IGF-1 axis and catabolic signals in muscle.

This module adds no new physiology engine. It *wraps* two existing models with the inputs that
notebook 06 needs:

``axis_state(gh_secretion, ghr_sensitivity, feedback)``
    calls :func:`helpers.models.axis.simulate_axis` (notebook 01). ``gh_secretion`` is the
    pituitary GH pulse size (the axis model's ``gh_amplitude``); ``ghr_sensitivity`` is how well
    the liver answers GH through its receptor (GH receptor → JAK2 → STAT5b → *IGF1*
    transcription [@hwa2016]; the axis model's ``liver_sensitivity``); ``feedback`` is the
    strength of IGF-1's negative feedback on GH (weak when a pituitary adenoma secretes GH
    autonomously). Outputs are compared with a healthy adult run of the same model.

``muscle_balance(igf1_nM, ...)``
    calls :func:`helpers.models.signalling.muscle_response` (notebook 01) and adds the catabolic
    inputs that notebook 01 leaves out: glucocorticoid excess (FoxO-driven atrogenes up,
    synthesis down), myostatin (restrains IGF-1-stimulated Akt [@morissette2009]) and its
    binding protein follistatin [@lee2007], disuse (synthesis down by 30 % after 10 days of bed
    rest in older adults [@kortebein2007]) and anabolic resistance (a blunted synthesis response
    to anabolic stimuli [@paulussen2021]).

What is calibrated and what is not:

* The condition settings in :data:`CONDITIONS` are chosen so that the *directions* of GH and
  IGF-1 match the published pattern of each condition (tests in tests/test_conditions.py check
  each against :data:`PUBLISHED_PATTERNS`), and two numbers are checked against published
  figures: adult Laron syndrome IGF-1 at or below 66 µg/L, below the normal range for Ecuadorean women of
  98–238 µg/L [@rosenbloom1990]; IGF-1 in acromegaly above, and in adult GH deficiency below,
  the 2.5–97.5th percentile interval of healthy adults [@bidlingmaier2014] (via
  :func:`helpers.models.lifespan.igf1_reference`). The absolute values are the axis model's,
  which sets its scale, not predicts it.
* The axis model keeps a constant 25 % of IGF-1 made outside the liver, independent of GH. So
  the model cannot go below about 44 ng/mL even with no GH action at all: it *overestimates*
  IGF-1 in severe GH deficiency (35.2 ng/mL measured in GH-deficient adults [@merimee1982]) and
  in children with Laron syndrome (≤ 7 µg/L [@rosenbloom1990]). A test pins this failure.
* ``hepatic_gh_action_rel`` (hepatic IGF-1 production relative to healthy) stands in for the
  GH-dependent hepatic products IGFBP-3 and ALS; it gives directions only, checked where a
  source reports them: IGFBP-3 raised in untreated acromegaly [@grinspoon1995], ALS below −2 SD
  in most patients with childhood-onset GH deficiency [@juul1998].
* In the muscle wrapper only the disuse effect on synthesis (−30 %) is calibrated. The
  glucocorticoid, myostatin and anabolic-resistance gains are qualitative; IGF-1's relative
  suppression of breakdown is kept the same with and without glucocorticoid, as IGF-1 kept its
  full inhibitory effect on atrogin-1 in the presence of dexamethasone in cultured muscle cells
  [@dehoux2004].
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from numpy.typing import ArrayLike

from .._validate import as_float, as_float_array, check_choice, check_scalar
from . import axis as ax
from . import lifespan as ls
from . import signalling as sig

# ---- the axis side -------------------------------------------------------------------------------
#: Simulation length and step for condition runs (the axis model starts at its steady state).
DAYS = 2.0
DT_MIN = 10.0

AXIS_RANGES = {
    "gh_secretion": (0.0, 3.0, "(relative, 1 = typical adult)"),
    "ghr_sensitivity": (0.0, 2.0, "(relative, 1 = well fed adult)"),
    "feedback": (0.0, 3.0, "(relative, 1 = normal)"),
}

#: Axis settings for each condition (model choices, see the module docstring).
CONDITIONS: dict[str, dict] = {
    "healthy": dict(label="Healthy adult (reference)", gh_secretion=1.0, ghr_sensitivity=1.0, feedback=1.0),
    "acromegaly": dict(
        label="Acromegaly (GH excess from a pituitary adenoma)",
        gh_secretion=3.0,
        ghr_sensitivity=1.0,
        feedback=0.3,
    ),
    "adult_ghd": dict(label="Adult GH deficiency", gh_secretion=0.05, ghr_sensitivity=1.0, feedback=1.0),
    "laron": dict(
        label="Laron syndrome (GH receptor defect)", gh_secretion=1.0, ghr_sensitivity=0.0, feedback=1.0
    ),
    "malnutrition": dict(
        label="Malnutrition / anorexia nervosa (acquired GH resistance)",
        gh_secretion=1.0,
        ghr_sensitivity=0.35,
        feedback=1.0,
    ),
    "obesity": dict(
        label="Obesity (suppressed GH secretion)", gh_secretion=0.4, ghr_sensitivity=1.3, feedback=1.0
    ),
}

#: The published pattern of each condition: direction of GH and IGF-1 relative to healthy
#: adults, the GH-dependent binding proteins, muscle, and the citation keys they come from.
PUBLISHED_PATTERNS: dict[str, dict] = {
    "acromegaly": dict(
        gh="up",
        igf1="up",
        gh_dependent_bps="up",
        muscle="features mostly mediated by excess IGF-1",
        sources=["zahr2018", "grinspoon1995"],
    ),
    "adult_ghd": dict(
        gh="down",
        igf1="down",
        gh_dependent_bps="down",
        muscle="reduced lean body mass, muscle mass and strength",
        sources=["laursen2010", "merimee1982", "juul1998"],
    ),
    "laron": dict(
        gh="up",
        igf1="down",
        gh_dependent_bps="not reported in the source used (GH-binding protein 1-30 % of normal)",
        muscle="very short stature; IGF-1 very low despite high GH",
        sources=["rosenbloom1990", "fintini2009"],
    ),
    "malnutrition": dict(
        gh="up",
        igf1="down",
        gh_dependent_bps="not reported in the source used",
        muscle="wasting; IGF-1 falls while GH rises (acquired GH resistance)",
        sources=["misra2003"],
    ),
    "obesity": dict(
        gh="down",
        igf1="down",
        gh_dependent_bps="not modelled",
        muscle="GH suppressed, reversible with weight loss",
        sources=["rasmussen2010"],
    ),
}

#: Adult Laron syndrome, Ecuador: IGF-1 at or below 66 µg/L; normal for Ecuadorean women 98-238 µg/L;
#: children at or below 7 µg/L; basal GH in children 30-160 µg/L [@rosenbloom1990].
LARON_ADULT_IGF1_MAX_UG_L = 66.0
LARON_CHILD_IGF1_MAX_UG_L = 7.0
ECUADOR_ADULT_REFERENCE_UG_L = (98.0, 238.0)
#: IGF-1 in GH-deficient adults before GH was given: 35.2 ng/mL [@merimee1982].
GHD_ADULT_IGF1_NG_ML = 35.2
#: Age and sex of the reference interval used to classify IGF-1 (a 40-year-old man).
REFERENCE_AGE_YEARS = 40.0
REFERENCE_SEX = "male"
#: A change of GH or IGF-1 by less than this fraction of healthy counts as "unchanged".
UNCHANGED_BAND = 0.1


def _check(name: str, value) -> float:
    return check_scalar(name, value, AXIS_RANGES)


@lru_cache(maxsize=256)
def _run(gh: float, ghr: float, fb: float) -> dict:
    return ax.simulate_axis(gh, ghr, fb, days=DAYS, dt_min=DT_MIN)


def _healthy() -> dict:
    c = CONDITIONS["healthy"]
    return _run(c["gh_secretion"], c["ghr_sensitivity"], c["feedback"])


DIRECTIONS = ("up", "down", "unchanged")


def _direction(rel: float) -> str:
    if rel > 1.0 + UNCHANGED_BAND:
        return "up"
    if rel < 1.0 - UNCHANGED_BAND:
        return "down"
    return "unchanged"


def reference_interval_ng_ml() -> tuple[float, float]:
    """The healthy IGF-1 interval (2.5th, 97.5th percentile, ng/mL) used to classify IGF-1:
    men aged 40 y in a large reference study [@bidlingmaier2014], via the lifespan model."""
    r = ls.igf1_reference(REFERENCE_AGE_YEARS, REFERENCE_SEX)
    return float(r["p2_5"]), float(r["p97_5"])


def axis_state(gh_secretion: float = 1.0, ghr_sensitivity: float = 1.0, feedback: float = 1.0) -> dict:
    """GH and IGF-1 for one setting of the axis model, compared with the healthy run.

    Returns a dict of floats: ``mean_igf1_ng_ml``, ``mean_gh_ug_l`` (time means over
    ``DAYS`` days), ``igf1_rel`` and ``gh_rel`` (relative to the healthy setting),
    ``hepatic_gh_action_rel`` (hepatic IGF-1 production relative to healthy: a stand-in for the
    GH-dependent IGFBP-3 and ALS), ``igf1_low_ng_ml`` / ``igf1_high_ng_ml`` (the healthy
    reference interval), and the arrays ``time_h``, ``gh_ug_l`` and ``igf1_ng_ml``. The words
    ``gh_direction``, ``igf1_direction`` ("up", "down", "unchanged") and ``igf1_vs_reference``
    ("above", "within", "below") describe the pattern. Raises ValueError outside the ranges.
    """
    gh = _check("gh_secretion", gh_secretion)
    ghr = _check("ghr_sensitivity", ghr_sensitivity)
    fb = _check("feedback", feedback)
    r = _run(gh, ghr, fb)
    h = _healthy()
    hep = r["hepatic_share"] * r["mean_igf1_ng_ml"]
    hep_h = h["hepatic_share"] * h["mean_igf1_ng_ml"]
    lo, hi = reference_interval_ng_ml()
    igf = r["mean_igf1_ng_ml"]
    out = {
        "mean_igf1_ng_ml": igf,
        "mean_gh_ug_l": r["mean_gh_ug_l"],
        "igf1_rel": igf / h["mean_igf1_ng_ml"],
        "gh_rel": r["mean_gh_ug_l"] / h["mean_gh_ug_l"],
        "hepatic_gh_action_rel": hep / hep_h,
        "igf1_low_ng_ml": lo,
        "igf1_high_ng_ml": hi,
        "time_h": r["time_h"],
        "gh_ug_l": r["gh_ug_l"],
        "igf1_ng_ml": r["igf1_ng_ml"],
    }
    out["gh_direction"] = _direction(out["gh_rel"])
    out["igf1_direction"] = _direction(out["igf1_rel"])
    out["igf1_vs_reference"] = "above" if igf > hi else ("below" if igf < lo else "within")
    return out


def condition_state(condition: str) -> dict:
    """:func:`axis_state` at the settings of ``condition`` (a key of :data:`CONDITIONS`)."""
    c = CONDITIONS[check_choice("condition", condition, CONDITIONS)]
    return axis_state(c["gh_secretion"], c["ghr_sensitivity"], c["feedback"])


def pattern_name(gh_direction: str, igf1_direction: str) -> str:
    """The textbook reading of a GH/IGF-1 pattern, in words (no diagnosis of a person); each
    direction is "up", "down" or "unchanged"."""
    check_choice("gh_direction", gh_direction, DIRECTIONS)
    check_choice("igf1_direction", igf1_direction, DIRECTIONS)
    table = {
        ("up", "up"): "GH excess pattern (as in acromegaly)",
        ("up", "down"): "GH resistance pattern (as in Laron syndrome or malnutrition)",
        ("down", "down"): "low GH with low IGF-1 (as in GH deficiency or, milder, obesity)",
        ("unchanged", "unchanged"): "healthy pattern",
    }
    return table.get((gh_direction, igf1_direction), "mixed pattern (no single textbook condition)")


# ---- the muscle side -----------------------------------------------------------------------------
#: Fall of muscle protein synthesis after 10 days of bed rest in older adults: 30 % [@kortebein2007].
DISUSE_SYNTHESIS_DROP = 0.30
#: Whole-body and leg lean mass lost in those 10 days: 1.5 kg and 0.95 kg [@kortebein2007].
KORTEBEIN_DAYS = 10.0
KORTEBEIN_LEG_LEAN_LOSS_KG = 0.95
KORTEBEIN_WHOLE_LEAN_LOSS_KG = 1.5
#: ASSUMPTION (not from the study): leg lean mass of the older adults before bed rest (kg).
REFERENCE_LEG_LEAN_KG = 15.0
#: Qualitative gains (teaching choices, not calibrated).
GC_BREAKDOWN_GAIN = 0.4  # glucocorticoid 1 raises FoxO-driven breakdown by 40 %
GC_SYNTHESIS_GAIN = 0.2  # and lowers synthesis by 1/(1 + 0.2)
MYOSTATIN_AKT_GAIN = 0.5  # myostatin 1 (normal) vs 0 (none): Akt signal x 1.5 without it

MUSCLE_RANGES = {
    "igf1_nM": (0.0, 100.0, "nM"),
    "amino_acids": (0.0, 2.0, "(relative, 1 = normal)"),
    "glucocorticoid": (0.0, 1.0, "(relative excess, 0 = normal)"),
    "myostatin": (0.0, 2.0, "(relative, 1 = normal)"),
    "follistatin": (0.0, 1.0, "(fraction of myostatin bound)"),
    "disuse": (0.0, 1.0, "(0 = usual activity, 1 = bed rest)"),
    "anabolic_resistance": (0.0, 1.0, "(0 = young adult, 1 = no response)"),
}


def _mcheck(name: str, value) -> np.ndarray:
    lo, hi, unit = MUSCLE_RANGES[name]
    return as_float_array(name, value, low=lo, high=hi, unit=unit)


#: IGF-1 around the fibres in the reference healthy adult (nM; notebook 01's half-maximal value).
REFERENCE_IGF1_NM = 2.0


def _reference_net_balance() -> float:
    return float(sig.muscle_response(REFERENCE_IGF1_NM, 1.0)["net_balance"])


def _akt_scale(myostatin_effective):
    return (1.0 + MYOSTATIN_AKT_GAIN) / (1.0 + MYOSTATIN_AKT_GAIN * myostatin_effective)


def muscle_balance(
    igf1_nM: ArrayLike = REFERENCE_IGF1_NM,
    amino_acids: float = 1.0,
    glucocorticoid: float = 0.0,
    myostatin: float = 1.0,
    follistatin: float = 0.0,
    disuse: float = 0.0,
    anabolic_resistance: float = 0.0,
) -> dict:
    """Muscle protein synthesis and breakdown with catabolic inputs (wraps notebook 01's model).

    Myostatin (after binding by follistatin: ``myostatin * (1 - follistatin)``) scales the Akt
    signal that IGF-1 produces (more myostatin, less Akt [@morissette2009]); the scaled Akt is
    fed to :func:`signalling.muscle_response` as the IGF-1 concentration that gives that
    receptor signal (capped just below full occupancy). Glucocorticoid multiplies breakdown by
    ``1 + GC_BREAKDOWN_GAIN * gc`` (IGF-1 keeps its relative effect [@dehoux2004]) and divides
    synthesis by ``1 + GC_SYNTHESIS_GAIN * gc``. Anabolic resistance scales the part of synthesis
    that amino acids above the usual level (``amino_acids`` > 1, e.g. after a protein-rich meal)
    add by ``1 - r``; basal synthesis at usual intake is left unchanged [@paulussen2021].
    Disuse multiplies synthesis by ``1 - 0.30 * disuse`` [@kortebein2007].

    Returns floats (scalar inputs) or arrays: ``synthesis_rel``, ``degradation_rel``,
    ``net_balance`` (synthesis − breakdown), ``net_change`` (net balance minus that of the
    reference: a healthy adult with ``REFERENCE_IGF1_NM`` around the fibres, usual amino acids
    and no catabolic input; 0 = stable muscle),
    ``akt`` (0–1) and ``foxo_active`` (relative).
    """
    c = _mcheck("igf1_nM", igf1_nM)
    a = _mcheck("amino_acids", amino_acids)
    gc = _mcheck("glucocorticoid", glucocorticoid)
    mstn = _mcheck("myostatin", myostatin)
    fst = _mcheck("follistatin", follistatin)
    dis = _mcheck("disuse", disuse)
    ar = _mcheck("anabolic_resistance", anabolic_resistance)
    c, a, gc, mstn, fst, dis, ar = np.broadcast_arrays(c, a, gc, mstn, fst, dis, ar)

    occ = c / (c + sig.K_HALF_NM)
    occ_eff = np.minimum(occ * _akt_scale(mstn * (1.0 - fst)), 0.999)
    c_eff = sig.K_HALF_NM * occ_eff / (1.0 - occ_eff)
    r = sig.muscle_response(c_eff, a)
    usual = sig.muscle_response(c_eff, np.ones_like(a))["synthesis_rel"]
    extra = r["synthesis_rel"] - usual  # what amino acids above the usual level add
    synth = usual + np.where(extra > 0, extra * (1.0 - ar), extra)
    synth = synth * (1.0 - DISUSE_SYNTHESIS_DROP * dis) / (1.0 + GC_SYNTHESIS_GAIN * gc)
    degr = r["degradation_rel"] * (1.0 + GC_BREAKDOWN_GAIN * gc)
    ref = _reference_net_balance()
    out = {
        "synthesis_rel": synth,
        "degradation_rel": degr,
        "net_balance": synth - degr,
        "net_change": (synth - degr) - ref,
        "akt": np.asarray(r["akt"], float),
        "foxo_active": np.asarray(r["foxo_active"], float),
    }
    if all(np.ndim(v) == 0 for v in (igf1_nM, amino_acids, glucocorticoid, myostatin, follistatin)) and all(
        np.ndim(v) == 0 for v in (disuse, anabolic_resistance)
    ):
        return {k: float(v) for k, v in out.items()}
    return {k: np.asarray(v, float) for k, v in out.items()}


def _fractional_rate_per_day() -> float:
    """Mass change per day per unit ``net_change``, chosen so that 10 days of full disuse
    (healthy IGF-1 and amino acids otherwise) remove 0.95 kg of a 15 kg leg lean mass
    [@kortebein2007] (the 15 kg is an assumption)."""
    d = muscle_balance(disuse=1.0)["net_change"]
    frac = np.log(1.0 - KORTEBEIN_LEG_LEAN_LOSS_KG / REFERENCE_LEG_LEAN_KG)
    return float(frac / (d * KORTEBEIN_DAYS))


MASS_RATE_PER_DAY = _fractional_rate_per_day()


def lean_mass_course(net_change_per_day: ArrayLike, start_kg: float = REFERENCE_LEG_LEAN_KG) -> np.ndarray:
    """Lean mass (kg) at the start of each day, from a daily series of ``net_change`` values:
    ``m[k+1] = m[k] * exp(MASS_RATE_PER_DAY * net_change[k])`` (illustrative)."""
    x = as_float_array("net_change_per_day", net_change_per_day, low=-5.0, high=5.0, unit="(relative)")
    m0 = as_float("start_kg", start_kg, low=1.0, high=60.0, unit="kg")
    x = np.atleast_1d(x)
    return m0 * np.exp(np.concatenate([[0.0], np.cumsum(MASS_RATE_PER_DAY * x)]))
