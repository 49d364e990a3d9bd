"""Tests for helpers.models.axis: scale (A23), liver share (LID mice), feedback logic, half-life, bad input."""

import math

import numpy as np
import pytest

from helpers.models import axis as ax


def test_default_mean_is_plausible_adult_level_A23():
    r = ax.simulate_axis()
    # median IGF-1, men aged 28 y: 177 ng/mL (2.5th-97.5th pct 97.9-281.6) [bidlingmaier2014]
    assert 165 <= r["mean_igf1_ng_ml"] <= 190
    assert 97.9 <= r["min_igf1_ng_ml"] and r["max_igf1_ng_ml"] <= 281.6
    assert ax.steady_state_igf1() == pytest.approx(177.0)


def test_outputs_shapes_and_time_grid():
    r = ax.simulate_axis(days=3, dt_min=10)
    n = 3 * 24 * 6
    for k in ("time_h", "gh_ug_l", "igf1_ng_ml"):
        assert r[k].shape == (n,)
    assert r["time_h"][1] - r["time_h"][0] == pytest.approx(10 / 60)
    assert np.all(r["gh_ug_l"] >= ax.GH_BASAL_UG_L)
    # pulsatile: 8 pulses a day -> 24 sharp rises in 3 days
    rises = np.sum(np.diff(r["gh_ug_l"]) > 0.5)
    assert rises == 3 * 8 - 1  # the first pulse is at t = 0


def test_simulation_matches_steady_state_solution():
    for kw in (
        dict(),
        dict(liver_sensitivity=0.5),
        dict(gh_amplitude=2.0, feedback_strength=2.0),
        dict(feedback_strength=0.0),
    ):
        r = ax.simulate_axis(**kw)
        assert r["mean_igf1_ng_ml"] == pytest.approx(r["steady_state_igf1_ng_ml"], rel=0.04)


def test_liver_is_main_source_about_75_percent_LID():
    base = ax.simulate_axis()
    lid = ax.simulate_axis(liver_sensitivity=0.0)
    assert base["hepatic_share"] == pytest.approx(0.75, abs=0.02)
    fall = 1 - lid["mean_igf1_ng_ml"] / base["mean_igf1_ng_ml"]
    assert 0.70 <= fall <= 0.80
    # lost feedback: GH pulses grow when IGF-1 falls (as in LID mice, which have high GH)
    assert lid["mean_pulse_ug_l"] > 1.4 * base["mean_pulse_ug_l"]


def test_liver_sensitivity_lowers_igf1_even_though_gh_rises():
    low = ax.simulate_axis(liver_sensitivity=0.5)
    base = ax.simulate_axis()
    assert low["mean_igf1_ng_ml"] < 0.75 * base["mean_igf1_ng_ml"]
    assert low["mean_gh_ug_l"] > base["mean_gh_ug_l"]


def test_feedback_buffers_changes_in_gh_amplitude():
    def gain(fb):
        lo = ax.steady_state_igf1(gh_amplitude=1.0, feedback_strength=fb)
        hi = ax.steady_state_igf1(gh_amplitude=2.0, feedback_strength=fb)
        return hi / lo

    assert gain(0.0) > gain(1.0) > gain(3.0) > 1.0
    no_fb = ax.simulate_axis(feedback_strength=0.0)
    assert no_fb["mean_pulse_ug_l"] == pytest.approx(ax.GH_PEAK_UG_L)
    assert no_fb["mean_igf1_ng_ml"] > ax.simulate_axis()["mean_igf1_ng_ml"]


def test_no_gh_leaves_extrahepatic_igf1_only():
    r = ax.simulate_axis(gh_amplitude=0.0)
    assert r["mean_pulse_ug_l"] == 0.0
    assert np.allclose(r["gh_ug_l"], ax.GH_BASAL_UG_L)
    assert r["igf1_swing_pct"] < 1.0


def test_half_life_of_bound_igf1_A11():
    assert ax.IGF1_HALF_LIFE_H == pytest.approx(13.5)
    assert 12 <= math.log(2) / ax.K_CLEAR_PER_H <= 15
    # IGF-1 is far steadier than GH: its swing (% of mean) is much smaller
    r = ax.simulate_axis()
    gh_swing = (r["gh_ug_l"].max() - r["gh_ug_l"].min()) / r["gh_ug_l"].mean() * 100
    assert r["igf1_swing_pct"] < gh_swing / 10


def test_step_size_does_not_change_the_answer():
    a = ax.simulate_axis(dt_min=5)["mean_igf1_ng_ml"]
    b = ax.simulate_axis(dt_min=15)["mean_igf1_ng_ml"]
    assert a == pytest.approx(b, rel=0.01)


def test_clock_hours():
    assert ax.clock_hours([0.0, 1.0, 25.0]).tolist() == [23.0, 0.0, 0.0]


@pytest.mark.parametrize(
    "kwargs, match",
    [
        (dict(gh_amplitude=-0.1), "gh_amplitude"),
        (dict(gh_amplitude=float("nan")), "gh_amplitude"),
        (dict(liver_sensitivity=2.5), "liver_sensitivity"),
        (dict(feedback_strength=-1), "feedback_strength"),
        (dict(days=0.5), "days"),
        (dict(dt_min=7), "divide"),
        (dict(dt_min=0), "dt_min"),
        (dict(gh_amplitude=[1.0, 2.0]), "single number"),
        (dict(liver_sensitivity="high"), "liver_sensitivity"),
    ],
)
def test_bad_input(kwargs, match):
    with pytest.raises(ValueError, match=match):
        ax.simulate_axis(**kwargs)


def test_steady_state_bad_input():
    with pytest.raises(ValueError, match="feedback_strength"):
        ax.steady_state_igf1(feedback_strength=float("inf"))


def test_numbers_quoted_in_notebook_01():
    """Axis-model numbers in notebook 01's prose, computed from the model."""
    base = ax.simulate_axis(days=4.0, dt_min=10.0)
    half = ax.simulate_axis(liver_sensitivity=0.5, days=4.0, dt_min=10.0)
    none = ax.simulate_axis(liver_sensitivity=0.0, days=4.0, dt_min=10.0)
    assert round(base["mean_igf1_ng_ml"], -1) == 180
    assert round(half["mean_igf1_ng_ml"]) == 123
    assert round(base["mean_pulse_ug_l"], 1) == 4.0 and round(half["mean_pulse_ug_l"], 1) == 4.7
    assert round(100 * (1 - none["mean_igf1_ng_ml"] / base["mean_igf1_ng_ml"])) == 75
    assert round(3 * (1 - half["mean_igf1_ng_ml"] / base["mean_igf1_ng_ml"])) == 1  # "roughly a third"
    # day-long swing of total IGF-1: damped by the liver lag to ~6 % (17 % without it)
    assert round(base["igf1_swing_pct"]) == 6
    assert ax.LIVER_RESPONSE_TAU_H == 12.0
