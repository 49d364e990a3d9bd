"""Every public model function rejects bad input with a ValueError whose whole message names the
parameter, the bad value, the allowed range and the unit (helpers/_validate.py).

The messages are the ones a student sees when a control or a call is out of range; they are pinned
in full so that a changed name, bound or unit is caught (the mutation run found these unguarded).
"""

import pytest

from helpers.models import axis as A
from helpers.models import binding as B
from helpers.models import exercise as E
from helpers.models import lifespan as L
from helpers.models import nutrition as N
from helpers.models import signalling as S
from helpers.models import stats as T
from helpers.models import units as U

MODULES = {"A": A, "B": B, "E": E, "L": L, "N": N, "S": S, "T": T, "U": U}
CASES = [
    ("U.ng_ml_to_nmol_l(-1)", "igf1_ng_ml = -1 ng/mL is below the allowed range >= 0 ng/mL"),
    ("U.nmol_l_to_ng_ml(-1)", "igf1_nmol_l = -1 nmol/L is below the allowed range >= 0 nmol/L"),
    ("U.convert(-2, 'ng/mL', 'ng/mL')", "value = -2 ng/mL is below the allowed range >= 0 ng/mL"),
    ("U.convert(-2, 'nmol/L', 'nmol/L')", "value = -2 nmol/L is below the allowed range >= 0 nmol/L"),
    ("U.convert(-2, 'ng/mL', 'nmol/L')", "igf1_ng_ml = -2 ng/mL is below the allowed range >= 0 ng/mL"),
    ("U.convert(-2, 'nmol/L', 'ng/mL')", "igf1_nmol_l = -2 nmol/L is below the allowed range >= 0 nmol/L"),
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
    ("L.igf1_sds(0, 40, 'male')", "value (IGF-1) must be > 0 ng/mL; got 0"),
    ("L.igf1_percentile(-5, 40, 'male')", "value (IGF-1) = -5 ng/mL is below the allowed range >= 0 ng/mL"),
    ("L.igfbp3_sds(-1, 40, 'female')", "value (IGFBP-3) = -1 ng/mL is below the allowed range >= 0 ng/mL"),
    (
        "L.igfbp3_percentile(-1, 40, 'female')",
        "value (IGFBP-3) = -1 ng/mL is below the allowed range >= 0 ng/mL",
    ),
    (
        "L.median_peak_age('bp3', 'male')",
        "marker = 'bp3' is not allowed; choose one of ['igf1', 'igfbp3', 'ratio'] (did you mean 'igfbp3'?)",
    ),
    (
        "L.decline_percent_per_decade('igf1', 'male', 10, 120)",
        "age_years = 101 years is above the allowed range [0, 100] years",
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
        "values and groups must have the same length, got 3 and 2",
    ),
    (
        "T.group_summary([1.0, 2.0], ['a', 'a'], order=['a', 'b'])",
        "group 'b' has 0 value(s); a confidence interval needs at least 2",
    ),
]


@pytest.mark.parametrize("call, message", CASES, ids=[c for c, _ in CASES])
def test_bad_input_message(call, message):
    with pytest.raises(ValueError) as err:
        eval(call, dict(MODULES))
    assert str(err.value) == message
