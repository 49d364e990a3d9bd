"""Notebook 06/07 models: each condition's pattern and each catabolic input against the
published figure it reproduces (the source is named in each test)."""

import math

import numpy as np
import pytest

from helpers.models import conditions as c
from helpers.models import recovery as rec
from helpers.models import signalling as sig

DISEASES = [k for k in c.CONDITIONS if k != "healthy"]


def test_healthy_setting_is_the_reference():
    s = c.condition_state("healthy")
    assert s["gh_rel"] == pytest.approx(1.0) and s["igf1_rel"] == pytest.approx(1.0)
    assert s["igf1_vs_reference"] == "within"
    assert c.pattern_name(s["gh_direction"], s["igf1_direction"]) == "healthy pattern"


@pytest.mark.parametrize("condition", DISEASES)
def test_directions_match_published_pattern(condition):
    """GH and IGF-1 directions: acromegaly up/up [@zahr2018]; adult GHD down/down [@laursen2010];
    Laron up/down [@rosenbloom1990]; malnutrition/anorexia up/down [@misra2003]; obesity
    down/down [@rasmussen2010]."""
    s = c.condition_state(condition)
    pub = c.PUBLISHED_PATTERNS[condition]
    assert s["gh_direction"] == pub["gh"]
    assert s["igf1_direction"] == pub["igf1"]
    if pub["gh_dependent_bps"] in ("up", "down"):
        assert c._direction(s["hepatic_gh_action_rel"]) == pub["gh_dependent_bps"]


def test_laron_adult_igf1_matches_rosenbloom_1990():
    """Adults with GH receptor deficiency in Ecuador: IGF-1 <= 66 µg/L, below the adult
    normal range for Ecuadorean women of 98-238 µg/L; GH raised [@rosenbloom1990]."""
    s = c.condition_state("laron")
    assert s["mean_igf1_ng_ml"] <= c.LARON_ADULT_IGF1_MAX_UG_L
    assert s["mean_igf1_ng_ml"] < c.ECUADOR_ADULT_REFERENCE_UG_L[0]
    assert s["gh_rel"] > 1.3
    assert s["hepatic_gh_action_rel"] == pytest.approx(0.0, abs=1e-12)


def test_model_fails_in_the_stated_direction_for_severe_deficiency():
    """The constant extrahepatic share keeps model IGF-1 above what is measured in GH-deficient
    adults (35.2 ng/mL, [@merimee1982]) and in children with Laron syndrome (<= 7 µg/L,
    [@rosenbloom1990]): the module docstring and notebook 06 say so."""
    floor = c.axis_state(0.0, 0.0, 1.0)["mean_igf1_ng_ml"]
    assert 40.0 < floor < 50.0
    assert c.condition_state("adult_ghd")["mean_igf1_ng_ml"] > c.GHD_ADULT_IGF1_NG_ML
    assert c.condition_state("laron")["mean_igf1_ng_ml"] > c.LARON_CHILD_IGF1_MAX_UG_L


def test_acromegaly_above_and_ghd_below_the_reference_interval():
    """Against the 2.5-97.5th percentile interval of men aged 40 y [@bidlingmaier2014]."""
    lo, hi = c.reference_interval_ng_ml()
    assert 75 < lo < 90 and 210 < hi < 240  # the lifespan model's interval at 40 y
    assert c.condition_state("acromegaly")["igf1_vs_reference"] == "above"
    assert c.condition_state("adult_ghd")["igf1_vs_reference"] == "below"
    assert c.condition_state("laron")["igf1_vs_reference"] == "below"


def test_obesity_is_milder_than_ghd_and_gh_resistance_keeps_gh_up():
    ob, ghd = c.condition_state("obesity"), c.condition_state("adult_ghd")
    assert ghd["mean_igf1_ng_ml"] < ob["mean_igf1_ng_ml"] < c.condition_state("healthy")["mean_igf1_ng_ml"]
    assert ob["gh_rel"] < 0.8
    mal = c.condition_state("malnutrition")
    assert mal["gh_rel"] > 1.1 and mal["igf1_rel"] < 0.7


def test_pattern_names_for_each_condition():
    expected = {
        "acromegaly": "GH excess",
        "laron": "GH resistance",
        "malnutrition": "GH resistance",
        "adult_ghd": "low GH with low IGF-1",
        "obesity": "low GH with low IGF-1",
    }
    for k, start in expected.items():
        s = c.condition_state(k)
        assert c.pattern_name(s["gh_direction"], s["igf1_direction"]).startswith(start)
    assert c.pattern_name("down", "up").startswith("mixed")


def test_every_condition_cites_known_references():
    from helpers import references

    keys = set(references.keys())
    for pub in c.PUBLISHED_PATTERNS.values():
        assert pub["sources"] and set(pub["sources"]) <= keys


@pytest.mark.parametrize(
    "kw",
    [dict(gh_secretion=-0.1), dict(ghr_sensitivity=2.5), dict(feedback=math.nan), dict(gh_secretion=[1, 2])],
)
def test_axis_state_rejects_bad_input(kw):
    with pytest.raises(ValueError):
        c.axis_state(**kw)


def test_unknown_condition_is_named():
    with pytest.raises(ValueError, match="cushing"):
        c.condition_state("cushing")


# ---- muscle side -----------------------------------------------------------------------------
def test_reference_muscle_is_stable_and_equals_notebook_01_model():
    m = c.muscle_balance()
    r = sig.muscle_response(c.REFERENCE_IGF1_NM, 1.0)
    assert m["net_change"] == pytest.approx(0.0, abs=1e-12)
    assert m["synthesis_rel"] == pytest.approx(r["synthesis_rel"])
    assert m["degradation_rel"] == pytest.approx(r["degradation_rel"])


def test_disuse_lowers_synthesis_by_30_percent_kortebein_2007():
    """10 days of bed rest in older adults: muscle protein synthesis -30 % [@kortebein2007]."""
    base, bed = c.muscle_balance(), c.muscle_balance(disuse=1.0)
    assert bed["synthesis_rel"] / base["synthesis_rel"] == pytest.approx(0.70)
    assert bed["degradation_rel"] == pytest.approx(base["degradation_rel"])


def test_bed_rest_removes_095_kg_leg_lean_in_10_days():
    """The mass calibration reproduces the 0.95 kg leg lean loss [@kortebein2007] from the
    assumed 15 kg start."""
    d = np.full(int(c.KORTEBEIN_DAYS), c.muscle_balance(disuse=1.0)["net_change"])
    m = c.lean_mass_course(d, c.REFERENCE_LEG_LEAN_KG)
    assert c.REFERENCE_LEG_LEAN_KG - m[-1] == pytest.approx(c.KORTEBEIN_LEG_LEAN_LOSS_KG, rel=1e-9)


def test_igf1_keeps_its_relative_antibreakdown_effect_under_glucocorticoid_dehoux_2004():
    """Dexamethasone raised atrogin-1, and IGF-1 kept its full inhibitory effect in its presence
    [@dehoux2004]: the % fall of breakdown from 0.5 to 20 nM IGF-1 is the same with and without."""

    def fall(gc):
        lo = c.muscle_balance(igf1_nM=0.5, glucocorticoid=gc)["degradation_rel"]
        hi = c.muscle_balance(igf1_nM=20.0, glucocorticoid=gc)["degradation_rel"]
        return 1 - hi / lo

    assert fall(1.0) == pytest.approx(fall(0.0))
    gc = c.muscle_balance(glucocorticoid=1.0)
    assert gc["degradation_rel"] > c.muscle_balance()["degradation_rel"]
    assert gc["synthesis_rel"] < c.muscle_balance()["synthesis_rel"]
    assert gc["net_change"] < 0
    assert c.muscle_balance(igf1_nM=20.0, glucocorticoid=1.0)["net_change"] > gc["net_change"]


def test_myostatin_restrains_akt_and_follistatin_lifts_the_restraint():
    """Myostatin attenuated IGF-1-stimulated Akt phosphorylation and myotube growth
    [@morissette2009]; follistatin binds myostatin and its transgene enlarged mouse muscle
    [@lee2007]."""
    base = c.muscle_balance()
    high = c.muscle_balance(myostatin=2.0)
    assert high["akt"] < base["akt"] and high["net_change"] < 0
    blocked = c.muscle_balance(myostatin=2.0, follistatin=1.0)
    none = c.muscle_balance(myostatin=0.0)
    assert blocked["akt"] == pytest.approx(none["akt"]) and none["net_change"] > 0
    half = c.muscle_balance(myostatin=2.0, follistatin=0.5)
    assert half["akt"] == pytest.approx(base["akt"])


def test_anabolic_resistance_blunts_the_meal_response_not_basal_synthesis():
    """Anabolic resistance: blunted synthesis response to protein/exercise [@paulussen2021]."""
    assert c.muscle_balance(anabolic_resistance=0.8)["net_change"] == pytest.approx(0.0, abs=1e-12)
    young = c.muscle_balance(amino_acids=1.5)["synthesis_rel"] - c.muscle_balance()["synthesis_rel"]
    old = (
        c.muscle_balance(amino_acids=1.5, anabolic_resistance=0.5)["synthesis_rel"]
        - (c.muscle_balance()["synthesis_rel"])
    )
    assert young > 0 and old == pytest.approx(0.5 * young)
    # less food than usual is not "protected" by anabolic resistance
    assert c.muscle_balance(amino_acids=0.5, anabolic_resistance=1.0)["net_change"] < 0


def test_muscle_balance_is_vectorised_and_validated():
    out = c.muscle_balance(igf1_nM=np.array([0.5, 2.0, 20.0]), disuse=1.0)
    assert out["net_change"].shape == (3,) and np.all(np.diff(out["net_change"]) > 0)
    for kw in (dict(glucocorticoid=1.5), dict(follistatin=-0.1), dict(igf1_nM=math.inf)):
        with pytest.raises(ValueError):
            c.muscle_balance(**kw)


# ---- capstone recovery model -----------------------------------------------------------------
def test_recovery_default_loses_then_rehab_and_protein_help():
    base = rec.recovery_course()
    assert base["final_change_pct"] < 0
    assert rec.recovery_course(bed_rest_days=0)["final_change_pct"] > base["final_change_pct"]
    assert rec.recovery_course(protein_g_per_kg=1.0)["final_change_pct"] > base["final_change_pct"]
    assert rec.recovery_course(rehab_sessions_per_week=0)["final_change_pct"] < base["final_change_pct"]
    assert rec.recovery_course(anabolic_resistance=0)["final_change_pct"] > base["final_change_pct"]


def test_recovery_bed_rest_part_matches_the_calibration():
    """With no rehabilitation, the first 10 days of bed rest at 0.8 g/kg/day and full energy
    lose 0.95 kg from a 15 kg leg [@kortebein2007]."""
    o = rec.recovery_course(
        bed_rest_days=14, rehab_sessions_per_week=0, energy_fraction=1.0, start_leg_lean_kg=15.0
    )
    assert 15.0 - o["leg_lean_kg"][10] == pytest.approx(0.95, rel=1e-6)


def test_recovery_serum_igf1_is_the_age_median_times_nutrition():
    from helpers.models import lifespan as ls
    from helpers.models import nutrition as nut

    o = rec.recovery_course(age_years=80, sex="female", protein_g_per_kg=0.8, energy_fraction=0.8)
    expect = ls.igf1_reference(80, "female")["p50"] * nut.steady_state_igf1(0.8, 0.8)
    assert o["serum_igf1_ng_ml"] == pytest.approx(expect)
    assert 0 < o["igf1_percentile"] < 50


def test_recovery_rejects_bad_input():
    for kw in (
        dict(rehab_sessions_per_week=4),
        dict(sex="other"),
        dict(bed_rest_days=90),
        dict(weeks=2, bed_rest_days=14),
    ):
        with pytest.raises(ValueError):
            rec.recovery_course(**kw)
