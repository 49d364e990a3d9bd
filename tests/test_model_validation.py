"""Every public model function rejects bad input with a ValueError whose whole message names the
parameter, the bad value, the allowed range and the unit (helpers/_validate.py).

The messages are the ones a student sees when a control or a call is out of range; they are pinned
in full so that a changed name, bound or unit is caught (the mutation run found these unguarded).
"""

import math

import pytest

from helpers.models import axis as A
from helpers.models import binding as B
from helpers.models import conditions as C
from helpers.models import exercise as E
from helpers.models import lifespan as L
from helpers.models import nutrition as N
from helpers.models import signalling as S
from helpers.models import stats as T
from helpers.models import units as U

MODULES = {"A": A, "B": B, "C": C, "E": E, "L": L, "N": N, "S": S, "T": T, "U": U}
CASES = [
    ("U.ng_ml_to_nmol_l(-1)", "igf1_ng_ml = -1 ng/mL is below the allowed range >= 0 ng/mL"),
    ("U.nmol_l_to_ng_ml(-1)", "igf1_nmol_l = -1 nmol/L is below the allowed range >= 0 nmol/L"),
    ("U.convert(-2, 'ng/mL', 'ng/mL')", "value = -2 ng/mL is below the allowed range >= 0 ng/mL"),
    ("U.convert(-2, 'nmol/L', 'nmol/L')", "value = -2 nmol/L is below the allowed range >= 0 nmol/L"),
    ("U.convert(-2, 'ng/mL', 'nmol/L')", "value = -2 ng/mL is below the allowed range >= 0 ng/mL"),
    ("U.convert(-2, 'nmol/L', 'ng/mL')", "value = -2 nmol/L is below the allowed range >= 0 nmol/L"),
    (
        "U.convert(1, 'ng/mL', 'mg/L')",
        "to_unit = 'mg/L' is not allowed; choose one of ['ng/mL', 'nmol/L'] (did you mean 'ng/mL'?)",
    ),
    ("U.convert(1, 'mg/l', 'ng/mL')", "from_unit = 'mg/l' is not allowed; choose one of ['ng/mL', 'nmol/L']"),
    ("U.both_units(-1, 'ng/mL')", "value = -1 ng/mL is below the allowed range >= 0 ng/mL"),
    ("U.both_units(1, 'pM')", "from_unit = 'pM' is not allowed; choose one of ['ng/mL', 'nmol/L']"),
    ("B.equilibrium(-1, 1, 1)", "igf1_nM = -1 nM is below the allowed range >= 0 nM"),
    ("B.equilibrium(1, -1, 1)", "igfbp3_nM = -1 nM is below the allowed range >= 0 nM"),
    ("B.equilibrium(1, 1, -1)", "als_nM = -1 nM is below the allowed range >= 0 nM"),
    ("B.equilibrium(1, 1, 1, -1)", "other_igfbp_nM = -1 nM is below the allowed range >= 0 nM"),
    ("B.equilibrium(1, 1, 1, 0, 1.5)", "igfbp3_intact_fraction = 1.5 is above the allowed range [0, 1]"),
    ("B.equilibrium(1, 1, 1, 0, -0.5)", "igfbp3_intact_fraction = -0.5 is below the allowed range [0, 1]"),
    ("B.equilibrium([1, -2], 1, 1)", "igf1_nM = -2 nM is below the allowed range >= 0 nM"),
    ("B.clearance(-1, 'free')", "t_min = -1 min is below the allowed range >= 0 min"),
    ("B.clearance(1, 'bound')", "pool = 'bound' is not allowed; choose one of ['free', 'binary', 'ternary']"),
    ("B.half_life_from_curve([-1, 1], [1, 0.5])", "t_min = -1 min is below the allowed range >= 0 min"),
    ("B.half_life_from_curve([0, 1], [1, -0.5])", "remaining = -0.5 is below the allowed range >= 0"),
    ("B.igf1_free_ng_ml(-1)", "free_nM = -1 nM is below the allowed range >= 0 nM"),
    ("E.intensity_value(1.5)", "intensity = 1.5 (0-1 scale) is above the allowed range [0, 1] (0-1 scale)"),
    ("E.intensity_value(-0.5)", "intensity = -0.5 (0-1 scale) is below the allowed range [0, 1] (0-1 scale)"),
    ("E.intensity_value('medium')", "intensity = 'medium' is not allowed; choose one of ['low', 'high']"),
    ("E.acute_serum_igf1(-100, 'high')", "t_min = -100 min is below the allowed range [-60, 1440] min"),
    ("E.acute_serum_igf1(2000, 'high')", "t_min = 2000 min is above the allowed range [-60, 1440] min"),
    ("E.acute_serum_igf1(10, 'high', 90)", "duration_min = 90 min is above the allowed range [0, 60] min"),
    ("E.acute_serum_igf1(10, 'high', 0)", "duration_min must be > 0 min, got 0; allowed (0, 60] min"),
    ("E.acute_serum_igf1(10, 'high', -5)", "duration_min = -5 min is below the allowed range [0, 60] min"),
    ("E.minutes_to_baseline('high', 10, 0)", "threshold_pct = 0 % is below the allowed range [1e-06, 100] %"),
    (
        "E.minutes_to_baseline('high', 10, 101)",
        "threshold_pct = 101 % is above the allowed range [1e-06, 100] %",
    ),
    ("E.load_value(2)", "load = 2 (0-1 scale) is above the allowed range [0, 1] (0-1 scale)"),
    ("E.load_value(-1)", "load = -1 (0-1 scale) is below the allowed range [0, 1] (0-1 scale)"),
    ("E.load_value('heavy')", "load = 'heavy' is not allowed; choose one of ['none', 'eccentric']"),
    ("E.local_igf1_mrna(-1, 'eccentric')", "hours_after = -1 h is below the allowed range [0, 1440] h"),
    ("E.local_igf1_mrna(2000, 'eccentric')", "hours_after = 2000 h is above the allowed range [0, 1440] h"),
    ("E.training_local_signal(-1, 3, 1)", "days = -1 d is below the allowed range [0, 364] d"),
    ("E.training_local_signal(400, 3, 1)", "days = 400 d is above the allowed range [0, 364] d"),
    (
        "E.training_local_signal(10, 8, 1)",
        "sessions_per_week = 8 sessions/week is above the allowed range [0, 7] sessions/week",
    ),
    (
        "E.training_local_signal(10, -1, 1)",
        "sessions_per_week = -1 sessions/week is below the allowed range [0, 7] sessions/week",
    ),
    ("E.hedges_g_se(11, 20)", "g = 11 is above the allowed range [-10, 10]"),
    ("E.hedges_g_se(-11, 20)", "g = -11 is below the allowed range [-10, 10]"),
    (
        "E.hedges_g_se(0.5, 1000000.5)",
        "n_total = 1e+06 participants is above the allowed range [4, 1e+06] participants",
    ),
    ("E.hedges_g_se(0.5, 3)", "n_total = 3 participants is below the allowed range [4, 1e+06] participants"),
    (
        "E.hedges_g_se(0.5, 2e6)",
        "n_total = 2e+06 participants is above the allowed range [4, 1e+06] participants",
    ),
    ("E.training_trajectory(30, 3, 1)", "weeks = 30 weeks is above the allowed range [1, 20] weeks"),
    ("E.training_trajectory(0, 3, 1)", "weeks = 0 weeks is below the allowed range [1, 20] weeks"),
    ("N.fasting_igf1(-1)", "days_fasted = -1 days is below the allowed range [0, 60] days"),
    ("N.fasting_igf1(61)", "days_fasted = 61 days is above the allowed range [0, 60] days"),
    ("N.refeeding_igf1(5, -1)", "days_refed = -1 days is below the allowed range [0, 60] days"),
    ("N.refeeding_igf1(5, 61)", "days_refed = 61 days is above the allowed range [0, 60] days"),
    ("N.refeeding_igf1(-1, 5)", "days_fasted = -1 days is below the allowed range [0, 60] days"),
    (
        "N.refeeding_igf1(5, 5, 'keto')",
        "diet = 'keto' is not allowed; choose one of ['normal', 'low_protein', 'low_protein_low_energy']",
    ),
    (
        "N.fast_then_refeed(5, 5, 'keto')",
        "diet = 'keto' is not allowed; choose one of ['normal', 'low_protein', 'low_protein_low_energy']",
    ),
    ("N.steady_state_igf1(5, 1)", "protein_g_per_kg = 5 g/kg/day is above the allowed range [0, 4] g/kg/day"),
    (
        "N.steady_state_igf1(-1, 1)",
        "protein_g_per_kg = -1 g/kg/day is below the allowed range [0, 4] g/kg/day",
    ),
    (
        "N.steady_state_igf1(1, 2)",
        "energy_fraction = 2 (fraction of energy needs) is above the allowed range [0, 1.5] (fraction of energy needs)",
    ),
    (
        "N.steady_state_igf1(1, -1)",
        "energy_fraction = -1 (fraction of energy needs) is below the allowed range [0, 1.5] (fraction of energy needs)",
    ),
    (
        "N.diet_pattern_effect('paleo')",
        "pattern = 'paleo' is not allowed; choose one of ['omnivore', 'vegetarian', 'vegan']",
    ),
    (
        "N.diet_pattern_igfbp1_effect('paleo')",
        "pattern = 'paleo' is not allowed; choose one of ['omnivore', 'vegetarian', 'vegan']",
    ),
    (
        "S.amino_acid_gate(3)",
        "amino_acids = 3 (relative, 1 = normal) is above the allowed range [0, 2] (relative, 1 = normal)",
    ),
    (
        "S.amino_acid_gate(-1)",
        "amino_acids = -1 (relative, 1 = normal) is below the allowed range [0, 2] (relative, 1 = normal)",
    ),
    ("S.muscle_response(-1)", "igf1_nM = -1 nM is below the allowed range >= 0 nM"),
    (
        "S.muscle_response(1, 3)",
        "amino_acids = 3 (relative, 1 = normal) is above the allowed range [0, 2] (relative, 1 = normal)",
    ),
    ("S.muscle_response(1, 1, 2)", "pi3k_inhibitor must be True or False, got 2"),
    ("S.muscle_response(1, 1, False, 'yes')", "rapamycin must be True or False, got 'yes'"),
    ("S.muscle_response(1, 1, False, False, 1)", "mek_inhibitor must be True or False, got 1"),
    ("S.pathway_states(-1)", "igf1_nM = -1 nM is below the allowed range >= 0 nM"),
    (
        "A.steady_state_igf1(-1, 1, 1)",
        "gh_amplitude = -1 (relative, 1 = typical adult) is below the allowed range [0, 3] (relative, 1 = typical adult)",
    ),
    (
        "A.steady_state_igf1(1, -1, 1)",
        "liver_sensitivity = -1 (relative, 1 = well fed adult) is below the allowed range [0, 2] (relative, 1 = well fed adult)",
    ),
    (
        "A.steady_state_igf1(1, 1, -1)",
        "feedback_strength = -1 (relative, 1 = normal) is below the allowed range [0, 3] (relative, 1 = normal)",
    ),
    (
        "A.steady_state_igf1(100, 1, 1)",
        "gh_amplitude = 100 (relative, 1 = typical adult) is above the allowed range [0, 3] (relative, 1 = typical adult)",
    ),
    ("A.simulate_axis(days=0)", "days = 0 days is below the allowed range [1, 7] days"),
    ("A.simulate_axis(days=100)", "days = 100 days is above the allowed range [1, 7] days"),
    ("A.simulate_axis(dt_min=0)", "dt_min = 0 min is below the allowed range [1, 30] min"),
    ("A.simulate_axis(dt_min=1000)", "dt_min = 1000 min is above the allowed range [1, 30] min"),
    ("A.clock_hours(-1)", "time_h = -1 h is below the allowed range >= 0 h"),
    (
        "C.pattern_name('upp', 'down')",
        "gh_direction = 'upp' is not allowed; choose one of ['up', 'down', 'unchanged'] (did you mean 'up'?)",
    ),
    (
        "C.pattern_name('up', 1.5)",
        "igf1_direction = 1.5 is not allowed; choose one of ['up', 'down', 'unchanged']",
    ),
    (
        "C.condition_state('laron syndrome')",
        "condition = 'laron syndrome' is not allowed; choose one of "
        "['healthy', 'acromegaly', 'adult_ghd', 'laron', 'malnutrition', 'obesity']",
    ),
    ("L.lms('igf1', -1, 'male')", "age_years = -1 years is below the allowed range [0, 100] years"),
    ("L.lms('igf1', 101, 'male')", "age_years = 101 years is above the allowed range [0, 100] years"),
    ("L.lms('igf1', 10, 'other')", "sex = 'other' is not allowed; choose one of ['female', 'male']"),
    (
        "L.lms('bp3', 10, 'male')",
        "marker = 'bp3' is not allowed; choose one of ['igf1', 'igfbp3', 'ratio'] (did you mean 'igfbp3'?)",
    ),
    ("L.lms('ratio', 10, 'male')", "age_years = 10 years is below the allowed range [15, 100] years"),
    ("L.sds('igf1', -1, 40, 'male')", "value (IGF-1) = -1 ng/mL is below the allowed range >= 0 ng/mL"),
    ("L.sds('igfbp3', -1, 40, 'male')", "value (IGFBP-3) = -1 ng/mL is below the allowed range >= 0 ng/mL"),
    (
        "L.sds('ratio', -1, 40, 'male')",
        "value (IGF-1:IGFBP-3 molar ratio) = -1 x100 is below the allowed range >= 0 x100",
    ),
    ("L.igf1_sds(0, 40, 'male')", "value_ng_ml (IGF-1) must be > 0 ng/mL; got 0"),
    (
        "L.igf1_percentile(-5, 40, 'male')",
        "value_ng_ml (IGF-1) = -5 ng/mL is below the allowed range >= 0 ng/mL",
    ),
    (
        "L.igfbp3_sds(-1, 40, 'female')",
        "value_ng_ml (IGFBP-3) = -1 ng/mL is below the allowed range >= 0 ng/mL",
    ),
    (
        "L.igfbp3_percentile(-1, 40, 'female')",
        "value_ng_ml (IGFBP-3) = -1 ng/mL is below the allowed range >= 0 ng/mL",
    ),
    (
        "L.median_peak_age('bp3', 'male')",
        "marker = 'bp3' is not allowed; choose one of ['igf1', 'igfbp3', 'ratio'] (did you mean 'igfbp3'?)",
    ),
    (
        "L.decline_percent_per_decade('igf1', 'male', 10, 120)",
        "age_to = 120 years is above the allowed range [0, 100] years",
    ),
    (
        "L.decline_percent_per_decade('igf1', 'male', 60, 30)",
        "age_to = 30 years must be at least 1 year above age_from = 60 years (the fit needs two ages)",
    ),
    (
        "L.decline_percent_per_decade('igf1', 'male', 40, 39.5)",
        "age_to = 39.5 years must be at least 1 year above age_from = 40 years (the fit needs two ages)",
    ),
    (
        "L.decline_percent_per_decade('bp3', 'male', 30, 70)",
        "marker = 'bp3' is not allowed; choose one of ['igf1', 'igfbp3', 'ratio'] (did you mean 'igfbp3'?)",
    ),
    (
        "L.decline_percent_per_decade('igf1', 'other', 30, 70)",
        "sex = 'other' is not allowed; choose one of ['female', 'male']",
    ),
    (
        "C.lean_mass_course([5.5])",
        "net_change_per_day = 5.5 (relative) is above the allowed range [-5, 5] (relative)",
    ),
    (
        "C.lean_mass_course([-5.5])",
        "net_change_per_day = -5.5 (relative) is below the allowed range [-5, 5] (relative)",
    ),
    (
        "L.decline_percent_per_decade('ratio', 'male', 10, 30)",
        "age_from = 10 years is below the allowed range [15, 100] years",
    ),
    (
        "L.median_peak_age('igf1', 'male', step_years=0)",
        "step_years = 0 years is below the allowed range [0.01, 10] years",
    ),
    (
        "L.centile('igf1', 'a', 40, 'male')",
        "z must be a number or an array of numbers, got 'a'; allowed [-10, 10] SDS",
    ),
    ("L.centile('igf1', 11, 40, 'male')", "z = 11 SDS is above the allowed range [-10, 10] SDS"),
    ("L.lms('igf1', float('nan'), 'male')", "age_years must be finite, got nan; allowed [0, 100] years"),
    ("L.lms('igf1', None, 'male')", "age_years must be a number, got None; allowed [0, 100] years"),
    (
        "L.pchip([0, 1, 1], [0, 1, 2], 0.5)",
        "x_nodes must be strictly increasing, got [0.0, 1.0, 1.0]",
    ),
    (
        "L.association([1, 2, 3, 4, 5], [1, 2, 3, 4, 5], [20, 30, 40, 50])",
        "age_years must be one age per value of x (5), got 4",
    ),
    (
        "B.half_life_from_curve([0, 1], [1, 2])",
        "remaining must decay over t_min to give a half-life; this curve does not",
    ),
    (
        "B.half_life_from_curve([0, 1], [1, 0])",
        "remaining needs at least two positive points to fit a half-life, got 1",
    ),
    ("N.fast_then_refeed(-1, 5)", "days_fasted = -1 days is below the allowed range [0, 60] days"),
    ("N.fast_then_refeed(5, -1)", "days_refed = -1 days is below the allowed range [0, 60] days"),
    ("N.fast_then_refeed(5, 5, n_points=0)", "n_points = 0 is below the allowed range [2, 100000]"),
    (
        "N.fast_then_refeed(5, 5, n_points=2.5)",
        "n_points must be a whole number, got 2.5; allowed [2, 100000]",
    ),
    ("T.welch_dof(1.0, 1, 1.0, 5)", "n_a = 1 is below the allowed range >= 2"),
    ("T.welch_dof(-1.0, 5, 1.0, 5)", "var_a = -1 is below the allowed range >= 0"),
    (
        "E.minutes_to_baseline('high', float('inf'))",
        "duration_min must be finite, got inf; allowed [0, 60] min",
    ),
    (
        "E.acute_serum_igf1(10, 'high', [5, 10])",
        "duration_min must be a single number, got an array of shape (2,); allowed [0, 60] min",
    ),
    ("L.molar_ratio_x100(-1, 100)", "igf1_ng_ml = -1 ng/mL is below the allowed range >= 0 ng/mL"),
    ("L.molar_ratio_x100(1, -100)", "igfbp3_ng_ml = -100 ng/mL is below the allowed range >= 0 ng/mL"),
    ("L.molar_ratio_x100(1, 0)", "igfbp3_ng_ml must be > 0 ng/mL"),
    ("L.reference('igf1', -3, 'male')", "age_years = -3 years is below the allowed range [0, 100] years"),
    (
        "L.association([1, 2, 3], [1, 2, 3], [1, 2, 3])",
        "x and y must be 1-D arrays of the same length >= 5, got (3,), (3,)",
    ),
    (
        "L.association([1, 2, 3, 4, 5], [1, 2, 3, 4], [1, 2, 3, 4, 5])",
        "x and y must be 1-D arrays of the same length >= 5, got (5,), (4,)",
    ),
    ("T.pooled_effect([11.0], [0.1])", "g = 11 is above the allowed range [-10, 10]"),
    ("T.pooled_effect([-11.0], [0.1])", "g = -11 is below the allowed range [-10, 10]"),
    ("T.pooled_effect([0.1], [200.0])", "se = 200 is above the allowed range [1e-09, 100]"),
    ("T.pooled_effect([0.1], [0.0])", "se = 0 is below the allowed range [1e-09, 100]"),
    (
        "T.pooled_effect([0.1, 0.2], [0.1])",
        "g and se must be non-empty and the same shape, got (2,) and (1,)",
    ),
    ("T.pooled_effect([0.1], [0.1], 1.5)", "level = 1.5 is above the allowed range [0, 1]"),
    ("T.t_cdf(1.0, 0)", "dof = 0 degrees of freedom is not allowed; it must be > 0 (inf = normal)"),
    ("T.t_cdf(float('nan'), 4)", "t must be finite, got nan; allowed any finite number"),
    ("T.t_quantile(1.2, 3)", "p = 1.2 is above the allowed range [0, 1]"),
    (
        "T.t_quantile(0.5, float('nan'))",
        "dof = nan degrees of freedom is not allowed; it must be > 0 (inf = normal)",
    ),
    ("T.normal_quantile(0.0)", "p = 0 is outside the open interval (0, 1)"),
    ("T.normal_quantile(-0.1)", "p = -0.1 is below the allowed range [0, 1]"),
    ("T.z_critical(0.0)", "level = 0 is outside the open interval (0, 1); use e.g. 0.95"),
    ("T.z_critical(2)", "level = 2 is above the allowed range [0, 1]"),
    ("T.t_critical(3, 0)", "level = 0 is outside the open interval (0, 1); use e.g. 0.95"),
    ("T.mean_ci([1.0])", "values needs at least 2 values, got 1"),
    ("T.mean_ci([1.0, 2.0], 1.0)", "level = 1 is outside the open interval (0, 1); use e.g. 0.95"),
    ("T.mean_difference_ci([1.0], [1.0, 2.0])", "a needs at least 2 values, got 1"),
    (
        "T.relative_difference_ci([1.0, 2.0], [-1.0, -2.0])",
        "relative difference needs positive means, got mean(a) = 1.5, mean(b) = -1.5",
    ),
    ("T.relative_difference_ci([1.0], [1.0, 2.0])", "a needs at least 2 values, got 1"),
    (
        "T.group_summary([1.0, 2.0], ['a', 'b'])",
        "group 'a' has 1 value(s); a confidence interval needs at least 2",
    ),
    (
        "T.group_summary([1.0, 2.0, 3.0], ['a', 'a'])",
        "values and groups must be the same length, got 3 and 2",
    ),
    (
        "T.group_summary([1.0, 2.0], ['a', 'a'], order=['a', 'b'])",
        "order must list labels that occur in groups ['a'], got 'b'",
    ),
]


@pytest.mark.parametrize("call, message", CASES, ids=[c for c, _ in CASES])
def test_bad_input_message(call, message):
    with pytest.raises(ValueError) as err:
        eval(call, dict(MODULES))
    assert str(err.value) == message


# ---- the sweep: every public model function, every parameter, edge inputs ------------------------
# A valid call for every public function of helpers/models (keyword arguments). A new public
# function without an entry here fails test_every_public_model_function_is_swept.
VALID_CALLS = {
    "axis.clock_hours": dict(time_h=5.0),
    "axis.simulate_axis": dict(
        gh_amplitude=1.0, liver_sensitivity=1.0, feedback_strength=1.0, days=1.0, dt_min=30.0
    ),
    "axis.steady_state_igf1": dict(gh_amplitude=1.0, liver_sensitivity=1.0, feedback_strength=1.0),
    "binding.clearance": dict(t_min=10.0, pool="free"),
    "binding.equilibrium": dict(
        igf1_nM=19.3,
        igfbp3_nM=99.5,
        als_nM=284.7,
        other_igfbp_nM=30.0,
        igfbp3_intact_fraction=1.0,
        igf2_nM=0.0,
    ),
    "binding.half_life_from_curve": dict(t_min=[0.0, 10.0, 20.0], remaining=[1.0, 0.5, 0.25]),
    "binding.igf1_free_ng_ml": dict(free_nM=0.1),
    "conditions.axis_state": dict(gh_secretion=1.0, ghr_sensitivity=1.0, feedback=1.0),
    "conditions.condition_state": dict(condition="laron"),
    "conditions.lean_mass_course": dict(net_change_per_day=[0.0, -0.01], start_kg=15.0),
    "conditions.muscle_balance": dict(
        igf1_nM=2.0,
        amino_acids=1.0,
        glucocorticoid=0.0,
        myostatin=1.0,
        follistatin=0.0,
        disuse=0.0,
        anabolic_resistance=0.0,
    ),
    "conditions.pattern_name": dict(gh_direction="up", igf1_direction="down"),
    "conditions.reference_interval_ng_ml": dict(),
    "exercise.acute_serum_igf1": dict(t_min=5.0, intensity="high", duration_min=10.0),
    "exercise.hedges_g_se": dict(g=0.5, n_total=20.0),
    "exercise.intensity_value": dict(intensity=0.5),
    "exercise.load_value": dict(load=0.5),
    "exercise.local_igf1_mrna": dict(hours_after=48.0, load="eccentric"),
    "exercise.minutes_to_baseline": dict(intensity="high", duration_min=10.0, threshold_pct=1.0),
    "exercise.training_dose_response": dict(sessions_per_week=3.0, load=1.0),
    "exercise.training_local_signal": dict(days=[0.0, 1.0, 2.0], sessions_per_week=3.0, load=1.0),
    "exercise.training_trajectory": dict(weeks=2.0, sessions_per_week=3.0, load=1.0),
    "exercise.weekly_dose": dict(sessions_per_week=3.0, load=1.0),
    "lifespan.age_covariates": dict(age_years=[30.0, 40.0, 50.0], is_male=[0, 1, 0]),
    "lifespan.association": dict(
        x=[1.0, 2.0, 3.0, 4.0, 6.0, 5.0],
        y=[2.0, 1.0, 4.0, 3.0, 6.0, 5.0],
        age_years=[20.0, 30.0, 40.0, 50.0, 60.0, 70.0],
        is_male=[0, 1, 0, 1, 0, 1],
    ),
    "lifespan.centile": dict(marker="igf1", z=1.0, age_years=40.0, sex="male"),
    "lifespan.decline_percent_per_decade": dict(marker="igf1", sex="male", age_from=30.0, age_to=70.0),
    "lifespan.igf1_percentile": dict(value_ng_ml=150.0, age_years=40.0, sex="male"),
    "lifespan.igf1_reference": dict(age_years=40.0, sex="male"),
    "lifespan.igf1_sds": dict(value_ng_ml=150.0, age_years=40.0, sex="male"),
    "lifespan.igfbp3_percentile": dict(value_ng_ml=4000.0, age_years=40.0, sex="female"),
    "lifespan.igfbp3_reference": dict(age_years=40.0, sex="female"),
    "lifespan.igfbp3_sds": dict(value_ng_ml=4000.0, age_years=40.0, sex="female"),
    "lifespan.lms": dict(marker="igf1", age_years=40.0, sex="male"),
    "lifespan.median_peak_age": dict(marker="igf1", sex="male", step_years=1.0),
    "lifespan.molar_ratio_x100": dict(igf1_ng_ml=150.0, igfbp3_ng_ml=4000.0),
    "lifespan.pchip": dict(x_nodes=[0.0, 1.0, 2.0], y_nodes=[0.0, 1.0, 4.0], x=0.5),
    "lifespan.ratio_reference": dict(age_years=40.0, sex="male"),
    "lifespan.reference": dict(marker="igfbp3", age_years=40.0, sex="male"),
    "lifespan.residuals": dict(
        y=[1.0, 2.0, 4.0, 3.0], covariates=[[1.0, 0.0], [1.0, 1.0], [1.0, 2.0], [1.0, 3.0]]
    ),
    "lifespan.sds": dict(marker="igf1", value=150.0, age_years=40.0, sex="male"),
    "nutrition.diet_pattern_effect": dict(pattern="vegan"),
    "nutrition.diet_pattern_igfbp1_effect": dict(pattern="vegan"),
    "nutrition.fast_then_refeed": dict(days_fasted=5.0, days_refed=5.0, diet="normal", n_points=11),
    "nutrition.fasting_igf1": dict(days_fasted=5.0),
    "nutrition.refeeding_igf1": dict(days_fasted=5.0, days_refed=5.0, diet="low_protein"),
    "nutrition.steady_state_igf1": dict(protein_g_per_kg=1.2, energy_fraction=1.0),
    "recovery.recovery_course": dict(
        weeks=4.0,
        age_years=80.0,
        sex="female",
        bed_rest_days=7.0,
        protein_g_per_kg=0.8,
        energy_fraction=0.8,
        rehab_sessions_per_week=2.0,
        anabolic_resistance=0.5,
        start_leg_lean_kg=13.0,
    ),
    "signalling.amino_acid_gate": dict(amino_acids=1.0),
    "signalling.half_max_nM": dict(key="synthesis_rel"),
    "signalling.muscle_response": dict(
        igf1_nM=2.0, amino_acids=1.0, pi3k_inhibitor=False, rapamycin=False, mek_inhibitor=False
    ),
    "signalling.pathway_states": dict(
        igf1_nM=2.0, amino_acids=1.0, pi3k_inhibitor=False, rapamycin=False, mek_inhibitor=False
    ),
    "stats.group_summary": dict(
        values=[1.0, 2.0, 3.0, 4.0], groups=["a", "a", "b", "b"], order=None, level=0.95
    ),
    "stats.mean_ci": dict(values=[1.0, 2.0, 4.0], level=0.95),
    "stats.mean_difference_ci": dict(a=[1.0, 2.0, 4.0], b=[2.0, 3.0, 5.0], level=0.95),
    "stats.normal_cdf": dict(z=1.0),
    "stats.normal_quantile": dict(p=0.975),
    "stats.pooled_effect": dict(g=[0.2, 0.4], se=[0.1, 0.2], level=0.95),
    "stats.relative_difference_ci": dict(a=[1.0, 2.0, 4.0], b=[2.0, 3.0, 5.0], level=0.95),
    "stats.t_cdf": dict(t=1.0, dof=4.0),
    "stats.t_critical": dict(dof=4.0, level=0.95),
    "stats.t_quantile": dict(p=0.975, dof=4.0),
    "stats.welch_dof": dict(var_a=1.0, n_a=5, var_b=2.0, n_b=6),
    "stats.z_critical": dict(level=0.95),
    "units.both_units": dict(value=150.0, unit="ng/mL"),
    "units.convert": dict(value=150.0, from_unit="ng/mL", to_unit="nmol/L"),
    "units.ng_ml_to_nmol_l": dict(igf1_ng_ml=150.0),
    "units.nmol_l_to_ng_ml": dict(igf1_nmol_l=20.0),
}

#: Edge inputs tried on every parameter: zero, negative, NaN, infinities, huge, a string, None,
#: an empty array, an array holding NaN and a boolean.
EDGE_VALUES = {
    "zero": 0.0,
    "negative": -1.0,
    "nan": float("nan"),
    "inf": float("inf"),
    "-inf": float("-inf"),
    "huge": 1e12,
    "string": "abc",
    "none": None,
    "empty": [],
    "array_nan": [1.0, float("nan")],
    "bool": True,
}
#: non-finite inputs that are documented as allowed: Student's t with infinite degrees of freedom
#: is the normal distribution
ACCEPTED = {(f"stats.{f}", "dof", "inf") for f in ("t_cdf", "t_critical", "t_quantile")}
#: words by which a message states what is allowed
ALLOWED_WORDS = ("allowed", "choose one of", "must", "needs", "outside", "at least")


def _public_functions():
    import importlib
    import inspect
    import pkgutil

    import helpers.models as models

    out = {}
    for info in pkgutil.iter_modules(models.__path__):
        mod = importlib.import_module(f"helpers.models.{info.name}")
        for name, fn in inspect.getmembers(mod, inspect.isfunction):
            # (under `make mutate`, mutmut adds x_<name>__mutmut_<n> copies: not public functions)
            if not name.startswith(("_", "x_")) and "__mutmut" not in name and fn.__module__ == mod.__name__:
                out[f"{info.name}.{name}"] = fn
    return out


PUBLIC = _public_functions()


def test_every_public_model_function_is_swept():
    assert sorted(PUBLIC) == sorted(VALID_CALLS)


@pytest.mark.parametrize("fname", sorted(VALID_CALLS))
def test_valid_call_gives_finite_numbers(fname):
    _assert_finite(PUBLIC[fname](**VALID_CALLS[fname]), fname)


def _assert_finite(result, where):
    import numpy as np

    if isinstance(result, dict):
        for k, v in result.items():
            _assert_finite(v, f"{where}[{k!r}]")
    elif isinstance(result, (tuple, list)):
        for i, v in enumerate(result):
            _assert_finite(v, f"{where}[{i}]")
    elif isinstance(result, str):
        pass
    else:
        arr = np.asarray(result)
        if arr.dtype.kind in "fiub":
            assert np.isfinite(arr.astype(float)).all(), f"{where} returned a non-finite number: {result!r}"


def _value_text(value) -> str | None:
    """How the bad value must appear in the message (None: no single text to look for)."""
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, float) and not math.isfinite(value):
        return f"{value:g}"
    return None


SWEEP = [
    (fname, param, edge)
    for fname in sorted(VALID_CALLS)
    for param in VALID_CALLS[fname]
    for edge in EDGE_VALUES
]


@pytest.mark.parametrize("fname, param, edge", SWEEP, ids=[f"{f}-{p}-{e}" for f, p, e in SWEEP])
def test_edge_input_gives_a_result_or_a_clear_valueerror(fname, param, edge):
    """Each edge input either is allowed (and gives finite numbers) or raises ValueError whose
    message names the parameter, states what is allowed and, for NaN, infinities and strings,
    shows the value; never a TypeError, ZeroDivisionError, IndexError or a numpy repr."""
    kwargs = dict(VALID_CALLS[fname], **{param: EDGE_VALUES[edge]})
    try:
        result = PUBLIC[fname](**kwargs)
    except ValueError as err:
        msg = str(err)
        assert param in msg, f"{fname}({param}={edge}): message does not name {param!r}: {msg}"
        assert any(w in msg for w in ALLOWED_WORDS), f"{fname}({param}={edge}): says nothing allowed: {msg}"
        assert "np." not in msg, f"{fname}({param}={edge}): numpy repr in the message: {msg}"
        text = _value_text(EDGE_VALUES[edge])
        if text is not None:
            assert text in msg, f"{fname}({param}={edge}): value {text} not shown: {msg}"
    else:
        if (fname, param, edge) not in ACCEPTED:
            assert edge not in {"nan", "inf", "-inf", "array_nan"}, f"{fname}({param}={edge}) was accepted"
        _assert_finite(result, f"{fname}({param}={edge})")
