"""Every control of the notebook 06/07 explorers swept to both ends, each end state checked
against what the literature shows (sources in helpers/models/conditions.py and recovery.py)."""

import pytest

from helpers.explorers import create
from helpers.models import conditions as c


def summary_at(name, **values):
    ex = create(name)
    ex.set(**values)
    return ex.summary(), ex


# ---- conditions -----------------------------------------------------------------------------
def test_conditions_no_gh_secretion_is_the_deficiency_pattern():
    s, ex = summary_at("conditions", gh_secretion=0.0)
    assert s["gh_change_pct"] < -80 and s["igf1_change_pct"] < -50 and s["igf1_below_reference"] == 1.0
    assert "low GH with low IGF-1" in ex.describe(s)  # adult GHD [@laursen2010]


def test_conditions_top_gh_secretion_is_the_excess_pattern():
    s, ex = summary_at("conditions", gh_secretion=3.0)
    assert s["gh_change_pct"] > 50 and s["igf1_above_reference"] == 1.0
    assert "GH excess pattern" in ex.describe(s)  # acromegaly [@zahr2018]


def test_conditions_no_receptor_signalling_is_the_laron_pattern():
    s, ex = summary_at("conditions", ghr_sensitivity=0.0)
    assert s["gh_change_pct"] > 30 and s["mean_igf1_ng_ml"] <= c.LARON_ADULT_IGF1_MAX_UG_L
    assert s["hepatic_action_pct"] == pytest.approx(0.0, abs=1e-9)
    assert "GH resistance pattern" in ex.describe(s)  # [@rosenbloom1990]


def test_conditions_high_receptor_signalling_lowers_gh_through_feedback():
    """More IGF-1 per GH means more feedback: GH falls while IGF-1 rises (no textbook disease:
    the readout says 'mixed pattern')."""
    s, ex = summary_at("conditions", ghr_sensitivity=2.0)
    assert s["igf1_change_pct"] > 10 and s["gh_change_pct"] < -10
    assert "mixed pattern" in ex.describe(s)


def test_conditions_feedback_ends():
    """No feedback: the pituitary ignores IGF-1, as a GH-secreting adenoma does [@zahr2018], so
    GH and IGF-1 both rise into the excess pattern. Strong feedback lowers both, but the liver
    still answers GH, so IGF-1 stays inside the healthy interval."""
    lo, ex = summary_at("conditions", feedback=0.0)
    hi, _ = summary_at("conditions", feedback=3.0)
    assert lo["gh_change_pct"] > 50 and lo["igf1_above_reference"] == 1.0
    assert "GH excess pattern" in ex.describe(lo)
    assert hi["gh_change_pct"] < -10 and hi["igf1_change_pct"] < -10
    assert hi["igf1_above_reference"] == 0.0 and hi["igf1_below_reference"] == 0.0


# ---- catabolic -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "control, value, sign",
    [
        ("igf1_nM", 0.0, -1),  # no IGF-1/Akt signal: FoxO active, synthesis low [@sandri2004]
        ("igf1_nM", 20.0, +1),
        ("amino_acids", 0.0, -1),  # no amino acids: mTORC1 off (notebook 01)
        ("amino_acids", 2.0, +1),
        ("glucocorticoid", 1.0, -1),  # [@dehoux2004]
        ("myostatin", 0.0, +1),  # [@morissette2009] [@lee2007]
        ("myostatin", 2.0, -1),
        ("follistatin", 1.0, +1),  # binds myostatin [@lee2007]
        ("disuse", 1.0, -1),  # [@kortebein2007]
    ],
)
def test_catabolic_control_ends_have_the_published_direction(control, value, sign):
    s, _ = summary_at("catabolic", **{control: value})
    assert s["net_change"] * sign > 0.01
    assert (s["mass_change_pct_per_week"] > 0) == (sign > 0)


def test_catabolic_lower_ends_of_signals_are_the_reference():
    for control in ("glucocorticoid", "follistatin", "disuse", "anabolic_resistance"):
        s, _ = summary_at("catabolic", **{control: 0.0})
        assert s["net_change"] == pytest.approx(0.0, abs=1e-12)


def test_catabolic_disuse_end_is_the_bed_rest_study():
    s, _ = summary_at("catabolic", disuse=1.0)
    ref, _ = summary_at("catabolic")
    assert s["synthesis_rel"] / ref["synthesis_rel"] == pytest.approx(0.70)  # [@kortebein2007]
    assert s["degradation_rel"] == pytest.approx(ref["degradation_rel"])


def test_catabolic_anabolic_resistance_ends():
    """Full resistance removes the meal response but leaves basal balance [@paulussen2021]."""
    young, _ = summary_at("catabolic", anabolic_resistance=0.0)
    old, _ = summary_at("catabolic", anabolic_resistance=1.0)
    assert young["meal_response_pct"] > 1.0 and old["meal_response_pct"] == pytest.approx(0.0, abs=1e-9)
    assert old["net_change"] == pytest.approx(young["net_change"])


# ---- recovery --------------------------------------------------------------------------------
def test_recovery_control_ends():
    base, _ = summary_at("recovery")
    cases = {
        ("bed_rest_days", 0): +1,
        ("bed_rest_days", 28): -1,
        ("protein_g_per_kg", 0.4): -1,
        ("protein_g_per_kg", 1.6): +1,
        ("energy_fraction", 0.5): -1,
        ("rehab_sessions_per_week", 0): -1,
        ("rehab_sessions_per_week", 3): +1,
        ("anabolic_resistance", 0.0): +1,
        ("anabolic_resistance", 1.0): -1,
    }
    for (control, value), sign in cases.items():
        s, _ = summary_at("recovery", **{control: value})
        assert (s["final_change_pct"] - base["final_change_pct"]) * sign > 0.1, (control, value)


def test_recovery_age_moves_igf1_not_the_muscle():
    """Age sets serum IGF-1 (notebook 03 [@bidlingmaier2014]); in the chain muscle depends on
    age only through the separate anabolic-resistance control."""
    young, _ = summary_at("recovery", age_years=65)
    old, _ = summary_at("recovery", age_years=95)
    assert young["serum_igf1_ng_ml"] > old["serum_igf1_ng_ml"]
    assert young["final_change_pct"] == pytest.approx(old["final_change_pct"])


def test_recovery_energy_above_needs_changes_little():
    """IGF-1 is almost flat for energy intake between 0.6 and 1.5 of needs [@fontana2008]."""
    base, _ = summary_at("recovery")
    s, _ = summary_at("recovery", energy_fraction=1.2)
    assert abs(s["final_change_pct"] - base["final_change_pct"]) < 0.5
