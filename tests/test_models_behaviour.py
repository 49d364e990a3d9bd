"""Behaviour of model helpers that the calibration and notebook tests reach only indirectly:
interpolation, pathway words, curve fitting, clocks, simple formulas. Each test states a property
or an independent reference value, so it keeps holding when a model is recalibrated.

Found by `make mutate`: these are the places where a changed operator or constant broke no test.
"""

import math

import numpy as np
import pytest

from helpers.models import axis, binding, exercise, lifespan, signalling, units

# ---- monotone cubic interpolation (lifespan.pchip) ------------------------------------------------
# Reference values from an independent Fritsch–Carlson implementation (SciPy's PchipInterpolator,
# evaluated once; SciPy is not a dependency of the project).
PCHIP_CASES = {
    "pubertal_peak": (
        [1, 5, 10, 15, 20, 28],
        [83.1, 127.6, 222.8, 318.8, 258.5, 176.8],
        [7.607222222, 13.90892177, 19.11966527, 0.0, -11.13064704, -9.075576923],
        [83.1, 105.0747816, 135.0383284, 177.0484086, 222.8, 276.6373222, 316.9723849, 306.2418639]
        + [271.8948141, 244.7299636, 220.7602101, 198.039014, 176.8],
    ),
    "uneven": (
        [0, 1, 3, 4, 7],
        [0.0, 2.0, 2.5, 6.0, 5.0],
        [2.583333333, 0.4864864865, 0.5163934426, 0.0, -1.0],
        [0.0, 1.440332259, 2.07139414, 2.209956178, 2.289436978, 2.459565547, 4.31454918, 5.999978567]
        + [5.989026063, 5.927662037, 5.771776406, 5.477259088, 5.0],
    ),
    "steep_end": (
        [0, 1, 2, 3],
        [0.0, 0.1, 3.0, 3.05],
        [0.0, 0.1933333333, 0.09830508475, 0.0],
        [0.0, 0.0065625, 0.02583333333, 0.0571875, 0.1, 0.5757044492, 1.561878531, 2.542113347, 3.0]
        + [3.021636653, 3.037288136, 3.046795551, 3.05],
    ),
}


@pytest.mark.parametrize("name", PCHIP_CASES)
def test_pchip_matches_an_independent_implementation(name):
    x, y, slopes, values = PCHIP_CASES[name]
    np.testing.assert_allclose(
        lifespan._pchip_slopes(np.array(x, float), np.array(y, float)), slopes, atol=1e-9
    )
    xs = np.linspace(min(x), max(x), 13)
    np.testing.assert_allclose(lifespan.pchip(x, y, xs), values, rtol=1e-9, atol=1e-12)


def test_pchip_two_nodes_is_linear_and_outside_continues_the_end_segments():
    np.testing.assert_allclose(lifespan.pchip([0, 2], [1, 5], [0.5, 1.0, 1.5]), [2.0, 3.0, 4.0])
    x, y = [1.0, 2.0, 4.0], [10.0, 12.0, 11.0]
    assert lifespan.pchip(x, y, 0.0) == pytest.approx(10.0 - 2.0)  # slope of the first segment
    assert lifespan.pchip(x, y, 6.0) == pytest.approx(11.0 - 1.0)  # slope of the last segment
    # monotone data stay monotone, and the nodes are hit exactly
    xs = np.linspace(1, 4, 301)
    mono = lifespan.pchip([1, 2, 3, 4], [0.0, 0.2, 5.0, 5.1], xs)
    assert np.all(np.diff(mono) >= -1e-12)
    np.testing.assert_allclose(lifespan.pchip(x, y, x), y)


# ---- signalling: the words shown in the pathway diagram ---------------------------------------------
@pytest.mark.parametrize(
    "kwargs, key, word",
    [
        ({"pi3k_inhibitor": True}, "pi3k", "BLOCKED"),
        ({"pi3k_inhibitor": True}, "akt", "OFF (PI3K blocked)"),
        ({"rapamycin": True}, "mtorc1", "BLOCKED"),
        ({"mek_inhibitor": True}, "erk", "BLOCKED"),
        ({"amino_acids": 0.0}, "mtorc1", "OFF (no amino acids)"),
    ],
)
def test_pathway_states_name_what_is_blocked(kwargs, key, word):
    states = signalling.pathway_states(2.0, **kwargs)
    assert states[key].startswith(word)
    free = signalling.pathway_states(2.0)
    assert not free[key].startswith(word)  # without the blocker the step is not reported as blocked


def test_pathway_states_follow_receptor_occupancy():
    keys = {"igf1r", "pi3k", "akt", "mtorc1", "foxo", "erk", "synthesis", "degradation", "proliferation"}
    assert keys <= set(signalling.pathway_states(0.0))
    assert signalling.pathway_states(0.0)["igf1r"] == "OFF"
    assert signalling.pathway_states(0.3)["igf1r"] == "PARTLY ON"
    assert signalling.pathway_states(2.0)["igf1r"] == "ON"
    assert signalling.pathway_states(2.0)["foxo"].endswith("INHIBITED")
    assert signalling.pathway_states(0.0)["foxo"] == "ACTIVE"


def test_pathway_states_refuses_arrays():
    msg = "pathway_states needs a single igf1_nM and amino_acids value; arrays are not allowed"
    for args in (([1.0, 2.0],), (1.0, [1.0, 0.5])):
        with pytest.raises(ValueError) as err:
            signalling.pathway_states(*args)
        assert str(err.value).startswith(msg)


def test_level_and_change_words_thresholds():
    assert [signalling._level_word(x) for x in (0.0, 0.099, 0.1, 0.499, 0.5, 1.0)] == [
        "OFF",
        "OFF",
        "PARTLY ON",
        "PARTLY ON",
        "ON",
        "ON",
    ]
    words = [signalling._change_word(r) for r in (0.5, 1.0, 1.5)]
    assert words[0].endswith("DOWN") and words[1] == "BASAL" and words[2].endswith("UP")


def test_half_max_of_occupancy_and_unknown_key():
    assert signalling.half_max_nM("receptor_occupancy") == pytest.approx(signalling.K_HALF_NM, rel=0.01)
    with pytest.raises(
        ValueError, match=r"^key = 'nope' is not an output; choose one of \['receptor_occupancy'"
    ):
        signalling.half_max_nM("nope")


def _half_max_by_bisection(key, **kwargs):
    """Independent reference: bisect log10(c) for the midpoint between no IGF-1 and saturation."""
    y0 = signalling.muscle_response(0.0, **kwargs)[key]
    y1 = signalling.muscle_response(1e9, **kwargs)[key]
    lo, hi = -3.0, 5.0
    for _ in range(80):
        mid = 0.5 * (lo + hi)
        frac = (signalling.muscle_response(10**mid, **kwargs)[key] - y0) / (y1 - y0)
        lo, hi = (mid, hi) if frac < 0.5 else (lo, mid)
    return 10 ** (0.5 * (lo + hi))


@pytest.mark.parametrize(
    "key, kwargs",
    [
        ("synthesis_rel", {}),
        ("synthesis_rel", {"amino_acids": 0.3}),
        ("degradation_rel", {"rapamycin": True}),
    ],
)
def test_half_max_agrees_with_an_independent_bisection(key, kwargs):
    assert signalling.half_max_nM(key, **kwargs) == pytest.approx(
        _half_max_by_bisection(key, **kwargs), rel=1e-4
    )


def test_half_max_defaults_to_synthesis_and_depends_on_the_conditions():
    assert signalling.half_max_nM() == signalling.half_max_nM("synthesis_rel")
    # the S6K1 feedback saturates the synthesis response: half-maximal below the receptor's K
    assert signalling.half_max_nM() < signalling.K_HALF_NM
    # fewer amino acids weaken the feedback (a smaller mTORC1 gate), so the half-max moves
    assert signalling.half_max_nM(amino_acids=0.3) != pytest.approx(signalling.half_max_nM(), rel=1e-3)
    with pytest.raises(ValueError, match="does not respond to IGF-1"):
        signalling.half_max_nM("synthesis_rel", pi3k_inhibitor=True)


# ---- binding helpers -------------------------------------------------------------------------------
def test_half_life_from_curve_recovers_the_half_life():
    t = np.arange(0.0, 60.0, 5.0)
    assert binding.half_life_from_curve(t, 0.5 ** (t / 11.0)) == pytest.approx(11.0, rel=1e-9)
    assert binding.half_life_from_curve(t, 3.0 * 0.5 ** (t / 25.0)) == pytest.approx(25.0, rel=1e-9)
    # zeros are left out of the log fit
    y = 0.5 ** (t / 11.0)
    y[-3:] = 0.0
    assert binding.half_life_from_curve(t, y) == pytest.approx(11.0, rel=1e-9)
    with pytest.raises(
        ValueError, match=r"^remaining needs at least two positive points to fit a half-life, got [01]$"
    ):
        binding.half_life_from_curve([0.0, 1.0, 2.0], [1.0, 0.0, 0.0])
    with pytest.raises(
        ValueError, match=r"^remaining must decay over t_min to give a half-life; this curve does not$"
    ):
        binding.half_life_from_curve([0.0, 1.0, 2.0], [1.0, 1.0, 1.0])


def test_free_igf1_in_ng_ml_uses_the_molar_mass():
    assert binding.igf1_free_ng_ml(1.0) == pytest.approx(units.IGF1_MOLAR_MASS_G_PER_MOL / 1000)
    np.testing.assert_allclose(binding.igf1_free_ng_ml([0.0, 2.0]), [0.0, 2 * 7.649])
    assert isinstance(binding.igf1_free_ng_ml(0.5), float)


def test_clearance_halves_every_half_life():
    for pool, t_half in binding.HALF_LIFE_MIN.items():
        np.testing.assert_allclose(binding.clearance([0.0, t_half, 3 * t_half], pool), [1.0, 0.5, 0.125])


# ---- units ---------------------------------------------------------------------------------------
def test_convert_and_both_units():
    assert units.convert(7.649, "ng/mL", "nmol/L") == pytest.approx(1.0)
    assert units.convert(1.0, "nmol/L", "ng/mL") == pytest.approx(7.649)
    assert units.convert(5.0, "ng/mL", "ng/mL") == 5.0 and units.convert(5.0, "nmol/L", "nmol/L") == 5.0
    np.testing.assert_allclose(units.convert([0.0, 76.49], "ng/mL", "nmol/L"), [0.0, 10.0])
    assert units.both_units(1.0, "nmol/L") == pytest.approx((7.649, 1.0))
    assert units.both_units(7.649, "ng/mL") == pytest.approx((7.649, 1.0))
    assert units.nmol_l_to_ng_ml(units.ng_ml_to_nmol_l(123.4)) == pytest.approx(123.4)


# ---- exercise formulas --------------------------------------------------------------------------------
def test_hedges_g_standard_error_formula():
    assert exercise.hedges_g_se(0.5, 40) == pytest.approx(math.sqrt(4 / 40 + 0.25 / 80))
    np.testing.assert_allclose(exercise.hedges_g_se([0.0, -1.0], [100, 4]), [0.2, math.sqrt(1 + 1 / 8)])


def test_minutes_to_baseline_is_the_exponential_decay_time():
    peak = exercise.acute_serum_igf1(10.0, "high")
    for thr in (1.0, 5.0):
        want = exercise.DECAY_TAU_MIN * math.log(peak / thr)
        assert exercise.minutes_to_baseline("high", 10.0, thr) == pytest.approx(want)
        after = exercise.acute_serum_igf1(10.0 + want, "high")
        assert after == pytest.approx(thr, rel=1e-6)
    assert exercise.minutes_to_baseline("high", 10.0, 50.0) == 0.0  # the peak never reaches 50 %
    assert exercise.minutes_to_baseline(0.0) == 0.0


def test_intensity_and_load_values():
    assert exercise.intensity_value("high") == 1.0
    assert exercise.intensity_value("low") == pytest.approx(7.7 / 13.3)
    assert exercise.intensity_value(0.25) == 0.25
    assert exercise.load_value("none") == 0.0 and exercise.load_value("eccentric") == 1.0
    assert exercise.load_value(0.4) == 0.4


def test_acute_response_shape():
    assert exercise.acute_serum_igf1(-10.0, "high") == 0.0
    assert exercise.acute_serum_igf1(0.0, "high") == 0.0
    rise = 1 - math.exp(-5.0 / exercise.RISE_TAU_MIN)
    full = 1 - math.exp(-10.0 / exercise.RISE_TAU_MIN)
    assert exercise.acute_serum_igf1(5.0, "high") == pytest.approx(13.3 * rise / full)
    decay = math.exp(-20.0 / exercise.DECAY_TAU_MIN)
    assert exercise.acute_serum_igf1(30.0, "high") == pytest.approx(13.3 * decay)


# ---- the axis simulation ------------------------------------------------------------------------------
def test_axis_clock_and_time_grid():
    np.testing.assert_allclose(axis.clock_hours([0.0, 1.0, 2.5, 30.0]), [23.0, 0.0, 1.5, 5.0])
    r = axis.simulate_axis()
    assert r["time_h"][0] == 0.0
    assert r["time_h"][1] - r["time_h"][0] == pytest.approx(10.0 / 60.0)  # default dt 10 min
    assert r["time_h"][-1] + 10.0 / 60.0 == pytest.approx(4 * 24.0)  # default 4 days
    with pytest.raises(ValueError, match=r"must divide the pulse interval \(180 min\) evenly"):
        axis.simulate_axis(dt_min=7.0)


def test_axis_results_do_not_depend_on_the_time_step():
    coarse, fine = axis.simulate_axis(dt_min=15.0), axis.simulate_axis(dt_min=5.0)
    for key in ("mean_igf1_ng_ml", "hepatic_share"):  # (GH is sampled, so its mean depends on dt)
        assert coarse[key] == pytest.approx(fine[key], rel=0.01), key
    assert coarse["mean_pulse_ug_l"] == pytest.approx(fine["mean_pulse_ug_l"], rel=0.01)


def test_axis_summary_numbers_follow_from_the_series():
    r = axis.simulate_axis()
    igf = r["igf1_ng_ml"]
    assert r["mean_igf1_ng_ml"] == pytest.approx(float(igf.mean()))
    assert r["min_igf1_ng_ml"] == pytest.approx(float(igf.min()))
    assert r["max_igf1_ng_ml"] == pytest.approx(float(igf.max()))
    assert r["igf1_swing_pct"] == pytest.approx(100 * (igf.max() - igf.min()) / igf.mean())
    assert r["mean_gh_ug_l"] == pytest.approx(float(r["gh_ug_l"].mean()))
    assert r["hepatic_share"] == pytest.approx(1 - axis.EXTRAHEPATIC_SHARE, abs=0.01)
    assert r["mean_pulse_ug_l"] > r["mean_gh_ug_l"] > axis.GH_BASAL_UG_L
    assert r["steady_state_igf1_ng_ml"] == pytest.approx(axis.steady_state_igf1(1.0, 1.0, 1.0))


# ---- binding: the mass-action rules notebook 02 states, with the numbers it quotes -------------------
#: Kd of the lumped other IGFBPs quoted in notebook 02 ("Kd = 0.3 nM", order of magnitude)
NOTEBOOK_KD_OTHER_NM = 0.3


@pytest.mark.parametrize(
    "igf1, bp3, als, other",
    [
        (19.34, 146.3, 284.7, 5.0),
        (19.34, 146.3, 0.0, 5.0),
        (19.34, 10.0, 284.7, 30.0),
        (50.0, 20.0, 5.0, 1.3),
    ],
)
def test_pools_obey_mass_action_with_the_published_constants(igf1, bp3, als, other):
    from helpers.calibration import target

    kd_bp3 = target("A06").value / 1000  # pM -> nM
    kd_als = 1e9 / target("A05").value  # Ka (/M) -> Kd (nM)
    r = binding.equilibrium(igf1, bp3, als, other)
    free = r["free_nM"]
    assert r["other_bound_nM"] == pytest.approx(other * free / (NOTEBOOK_KD_OTHER_NM + free), rel=1e-6)
    free_bp3 = bp3 - r["binary_nM"] - r["ternary_nM"]
    free_als = als - r["ternary_nM"]
    assert r["binary_nM"] == pytest.approx(free * free_bp3 / kd_bp3, rel=1e-6)
    if als > 0:
        assert r["ternary_nM"] == pytest.approx(r["binary_nM"] * free_als / kd_als, rel=1e-6)
    total = free + r["binary_nM"] + r["ternary_nM"] + r["other_bound_nM"]
    assert total == pytest.approx(igf1, rel=1e-9)


# ---- calibration solvers that run once at import (called here, so that a change to them is seen) --
def test_signalling_gains_give_the_a79_synthesis_and_degradation_at_32_nM():
    # A79 [@vandenburgh1991]: +52 % synthesis and -33 % degradation (middles of 42-62 % and 28-38 %)
    assert signalling._solve_gains() == pytest.approx(
        (signalling.SYNTH_GAIN, signalling.DEGR_GAIN), rel=1e-12
    )
    r = signalling.muscle_response(signalling.CALIBRATION_NM)
    assert r["synthesis_rel"] == pytest.approx(1.52, rel=1e-12)
    assert r["degradation_rel"] == pytest.approx(0.67, rel=1e-12)
    assert 0 < signalling.DEGR_GAIN * r["akt"] < 1  # FoxO stays between fully on and fully off


def test_weekly_dose_half_reproduces_the_frequency_meta_analysis_ratio():
    # G(D) = D / (D + K): two reference bouts a week over one = 0.49 / 0.30 [@schoenfeld2016]
    k = exercise._solve_dose_half()
    assert k == pytest.approx(exercise.WEEKLY_DOSE_HALF, rel=1e-12)
    assert (2.0 / (2.0 + k)) / (1.0 / (1.0 + k)) == pytest.approx(0.49 / 0.30, rel=1e-12)
    assert exercise.training_dose_response(2.0, 1.0) / exercise.training_dose_response(
        1.0, 1.0
    ) == pytest.approx(0.49 / 0.30, rel=1e-12)


def test_disuse_rate_removes_the_published_leg_lean_mass_in_ten_days():
    # [@kortebein2007]: 10 days of bed rest, 0.95 kg of leg lean mass (of an assumed 15 kg)
    from helpers.models import conditions

    assert conditions._fractional_rate_per_day() == pytest.approx(conditions.MASS_RATE_PER_DAY, rel=1e-12)
    net = conditions.muscle_balance(disuse=1.0)["net_change"]
    course = conditions.lean_mass_course([net] * 10, 15.0)
    assert len(course) == 11 and course[0] == 15.0
    assert course[-1] == pytest.approx(15.0 - 0.95, rel=1e-12)
    assert np.all(np.diff(course) < 0)  # loses mass every day
    assert conditions.lean_mass_course([0.0] * 5, 12.0) == pytest.approx([12.0] * 6)  # balance: stable


def test_horner_polynomial_and_normal_quantile_at_fresh_points():
    from helpers.models import stats

    assert stats._poly((1.0, 2.0, 3.0), 2.0) == 11.0  # 1*2^2 + 2*2 + 3
    assert stats._poly((2.0, -1.0), 0.5) == 0.0
    assert stats._poly((), 3.0) == 0.0
    # quantiles not used anywhere else (not cached), inverted by the distribution function
    for p in (0.0123, 0.3141, 0.8765, 0.99991):
        assert stats.normal_cdf(stats.normal_quantile(p)) == pytest.approx(p, rel=1e-12)


@pytest.mark.parametrize("name", ["healthy", "acromegaly", "adult_ghd", "laron", "malnutrition", "obesity"])
def test_condition_state_runs_the_axis_at_that_conditions_settings(name):
    from helpers.models import conditions

    c = conditions.CONDITIONS[name]
    a = conditions.condition_state(name)
    b = conditions.axis_state(c["gh_secretion"], c["ghr_sensitivity"], c["feedback"])
    assert a["mean_igf1_ng_ml"] == b["mean_igf1_ng_ml"] and a["mean_gh_ug_l"] == b["mean_gh_ug_l"]


def test_equilibrium_arrays_equal_the_scalar_solution_element_by_element():
    igf1 = np.array([0.0, 19.34, 19.34, 5.0, 40.0, 1e-3, 19.34])
    igf2 = np.array([0.0, 0.0, 99.1, 99.1, 0.0, 0.0, 50.0])
    bp3 = np.array([99.5, 99.5, 99.5, 0.0, 10.0, 99.5, 99.5])
    als = np.array([284.7, 284.7, 284.7, 284.7, 0.0, 284.7, 284.7])
    other = np.array([30.0, 30.0, 30.0, 30.0, 30.0, 0.0, 0.0])
    arr = binding.equilibrium(igf1, bp3, als, other, 1.0, igf2)
    for i in range(len(igf1)):
        one = binding.equilibrium(
            float(igf1[i]), float(bp3[i]), float(als[i]), float(other[i]), 1.0, float(igf2[i])
        )
        for k, v in one.items():
            assert arr[k][i] == pytest.approx(v, rel=1e-9, abs=1e-15), (k, i)


def test_axis_state_reports_the_reference_interval_and_the_time_grid():
    from helpers.models import conditions

    s = conditions.axis_state()
    assert (s["igf1_low_ng_ml"], s["igf1_high_ng_ml"]) == conditions.reference_interval_ng_ml()
    assert s["igf1_low_ng_ml"] < s["mean_igf1_ng_ml"] < s["igf1_high_ng_ml"]  # healthy is inside
    n = int(conditions.DAYS * 24 * 60 / conditions.DT_MIN)
    assert len(s["time_h"]) == len(s["gh_ug_l"]) == len(s["igf1_ng_ml"]) == n
    np.testing.assert_allclose(np.diff(s["time_h"]), conditions.DT_MIN / 60.0)


def test_decline_per_decade_from_two_ages_is_the_two_point_slope():
    m40, m41 = lifespan.lms("igf1", [40.0, 41.0], "male")[1]
    expected = 100.0 * (1.0 - (m41 / m40) ** 10)
    assert lifespan.decline_percent_per_decade("igf1", "male", 40.0, 41.0) == pytest.approx(
        expected, rel=1e-9
    )
    # the end age is part of the fit: 40..42 differs from 40..41
    assert lifespan.decline_percent_per_decade("igf1", "male", 40.0, 42.0) != pytest.approx(
        expected, rel=1e-6
    )
