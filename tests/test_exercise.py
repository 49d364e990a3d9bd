"""Notebook 05 models, data and explorers: calibration, return to baseline, bad inputs."""

import numpy as np
import pytest

from helpers.data import load_dataset
from helpers.explorers import create
from helpers.illustrative.exercise import OUTCOMES
from helpers.models import exercise as ex


# ---- acute serum IGF-1 (A71, A72: Schwarz 1996) ----------------------------------------------
def test_acute_high_intensity_10min_matches_a71():
    v = ex.acute_serum_igf1(10.0, "high")
    assert isinstance(v, float)
    assert 10.1 <= v <= 16.5
    assert v == pytest.approx(13.3, abs=0.05)


def test_acute_low_intensity_10min_matches_a72():
    v = ex.acute_serum_igf1(10.0, "low")
    assert 5.0 <= v <= 10.4
    assert v == pytest.approx(7.7, abs=0.05)
    assert ex.acute_serum_igf1(10.0, 1.0) == pytest.approx(ex.acute_serum_igf1(10.0, "high"))


def test_acute_rises_during_and_returns_to_baseline_within_tens_of_minutes():
    t = np.array([-5.0, 0.0, 5.0, 10.0, 20.0, 40.0, 60.0, 120.0])
    y = ex.acute_serum_igf1(t, "high")
    assert y.shape == t.shape
    assert y[0] == 0.0 and y[1] == 0.0
    assert 0 < y[2] < y[3]  # rising during the bout
    assert y[3] > y[4] > y[5] > y[6]  # falling after it
    assert y[5] < 2.0 and y[6] < 1.0  # within 1 % of baseline 50 min after the bout
    assert y[7] < 0.01
    assert 20.0 < ex.minutes_to_baseline("high") < 60.0
    assert ex.minutes_to_baseline("low") < ex.minutes_to_baseline("high")


def test_acute_scales_with_intensity_and_rest_gives_nothing():
    assert ex.acute_serum_igf1(10.0, 0.0) == 0.0
    assert ex.acute_serum_igf1(10.0, 0.5) == pytest.approx(13.3 / 2, abs=0.01)
    # a longer bout rises further but saturates (model assumption)
    assert ex.acute_serum_igf1(10.0, "high") < ex.acute_serum_igf1(30.0, "high", 30.0) < 16.0


@pytest.mark.parametrize(
    "kwargs, match",
    [
        (
            dict(t_min=10, intensity="medium"),
            r"intensity = 'medium' is not allowed; choose one of \['low', 'high'\]",
        ),
        (dict(t_min=10, intensity=1.5), r"intensity = 1.5 .* above the allowed range \[0, 1\]"),
        (dict(t_min=10, intensity=True), r"intensity must be a number"),
        (dict(t_min=float("nan"), intensity="high"), r"t_min must be finite"),
        (dict(t_min=-100, intensity="high"), r"t_min = -100 min is below the allowed range"),
        (dict(t_min=10, intensity="high", duration_min=0), r"duration_min must be > 0 min"),
        (dict(t_min=10, intensity="high", duration_min=90), r"duration_min = 90 min is above"),
        (dict(t_min="ten", intensity="high"), r"t_min must be a number"),
    ],
)
def test_acute_bad_inputs(kwargs, match):
    with pytest.raises(ValueError, match=match):
        ex.acute_serum_igf1(**kwargs)


# ---- local IGF-1 mRNA (A73: Bamman 2001) ------------------------------------------------------
def test_local_mrna_48h_after_eccentric_matches_a73():
    v = ex.local_igf1_mrna(48.0, "eccentric")
    assert isinstance(v, float)
    assert v == pytest.approx(1.62, abs=0.005)  # +62 %
    assert ex.local_igf1_mrna(48.0, 1.0) == v


def test_local_mrna_time_course_and_return_to_baseline():
    h = np.array([0.0, 12.0, 24.0, 48.0, 96.0, 168.0, 336.0])
    y = ex.local_igf1_mrna(h, "eccentric")
    assert y[0] == pytest.approx(1.0)
    assert np.argmax(y) == 3  # peak at 48 h (assumed shape)
    assert y[1] < y[2] < y[3] and y[3] > y[4] > y[5] > y[6]
    assert y[6] < 1.01  # back to baseline within two weeks
    assert np.all(ex.local_igf1_mrna(h, "none") == 1.0)
    assert ex.local_igf1_mrna(48.0, 0.5) == pytest.approx(1.31, abs=0.005)


@pytest.mark.parametrize(
    "kwargs, match",
    [
        (
            dict(hours_after=-1, load="eccentric"),
            r"hours_after = -1 h is below the allowed range \[0, 1440\] h",
        ),
        (
            dict(hours_after=48, load="concentric"),
            r"load = 'concentric' is not allowed; choose one of \['none', 'eccentric'\]",
        ),
        (dict(hours_after=48, load=2.0), r"load = 2 .* above the allowed range"),
        (dict(hours_after=[1, float("inf")], load=1.0), r"hours_after must be finite"),
    ],
)
def test_local_bad_inputs(kwargs, match):
    with pytest.raises(ValueError, match=match):
        ex.local_igf1_mrna(**kwargs)


def test_training_local_signal_repeated_bouts():
    d = np.arange(0.0, 29.0)
    one = ex.training_local_signal(d, 1, 1.0)
    three = ex.training_local_signal(d, 3, 1.0)
    assert three.mean() > one.mean() > 1.0
    assert np.all(ex.training_local_signal(d, 3, 0.0) == 1.0)
    assert one[2] == pytest.approx(1.62, abs=0.01)  # 48 h after the first bout
    with pytest.raises(ValueError, match=r"sessions_per_week = 9"):
        ex.training_local_signal(d, 9, 1.0)


# ---- training trajectory (uses notebook 01's signalling model) --------------------------------
def test_training_trajectory_reference_programme_and_flat_serum():
    r = ex.training_trajectory(12, 3, 1.0)
    assert r["weeks"][-1] == pytest.approx(12.0)
    assert r["csa_total_pct"][-1] == pytest.approx(ex.REFERENCE_CSA_GAIN_PCT)
    share = 1 - r["csa_mech_pct"][-1] / r["csa_total_pct"][-1]
    assert share == pytest.approx(ex.IGF1_SHARE)
    assert np.all(r["serum_fold"] == 1.0)
    assert np.all(np.diff(r["csa_total_pct"]) >= 0)
    assert r["synthesis_rel"].mean() > r["synthesis_rel"][0]  # IGF-1 route raises synthesis
    assert r["degradation_rel"].mean() < r["degradation_rel"][0]  # and lowers breakdown
    # more sessions and more load -> more growth; no load -> none
    assert ex.training_trajectory(12, 4, 1.0)["csa_total_pct"][-1] > 8.0
    assert ex.training_trajectory(12, 3, 0.5)["csa_total_pct"][-1] < 8.0
    assert ex.training_trajectory(12, 3, 0.0)["csa_total_pct"][-1] == 0.0
    with pytest.raises(ValueError, match=r"weeks = 30 weeks is above"):
        ex.training_trajectory(30, 3, 1.0)


def _gain(sessions, load=1.0, weeks=12):
    return float(ex.training_trajectory(weeks, sessions, load)["csa_total_pct"][-1])


def test_training_frequency_calibrated_to_the_meta_analysis():
    # two sessions a week vs one: ratio of the pooled effect sizes 0.49 / 0.30 [@schoenfeld2016]
    assert _gain(2) / _gain(1) == pytest.approx(0.49 / 0.30, rel=1e-6)
    assert ex.WEEKLY_DOSE_HALF == pytest.approx(3.45, abs=0.01)
    assert ex.training_dose_response(3, 1.0) == pytest.approx(1.0)
    assert ex.training_dose_response(0, 1.0) == 0.0


def test_training_diminishing_returns_across_the_whole_control_range():
    # before issue 13 the gain was linear: 2.83, 5.49, 8.0, 10.4, 12.8, 15.1, 17.3 % for 1..7
    gains = np.array([_gain(n) for n in range(1, 8)])
    assert np.round(gains, 1).tolist() == [3.9, 6.3, 8.0, 9.2, 10.2, 10.9, 11.5]
    steps = np.diff(gains)
    assert np.all(steps > 0) and np.all(np.diff(steps) < 0)  # more, but each session adds less
    assert gains[6] / gains[2] == pytest.approx(1.44, abs=0.01)  # was 2.16 (more than twice)
    # load per session: also diminishing (half the load keeps about two thirds of the gain)
    assert _gain(3, 0.5) / _gain(3, 1.0) == pytest.approx(0.65, abs=0.01)
    assert _gain(3, 0.25) == pytest.approx(3.07, abs=0.01)
    # the direction agrees with the volume meta-analysis: more weekly sets, more growth
    assert ex.VOLUME_PCT_PER_WEEKLY_SET > 0 and _gain(7) > _gain(6)
    # duration: 1 and 20 weeks at the reference programme
    assert _gain(3, 1.0, 1) == pytest.approx(0.47, abs=0.01)
    assert _gain(3, 1.0, 20) == pytest.approx(13.48, abs=0.01)


# ---- effect sizes and the illustrative BDNF table (A74-A76: Szuhany 2015) ---------------------
def test_pooled_effect_arithmetic():
    est, lo, hi = ex.pooled_effect([0.2, 0.6], [0.1, 0.1])
    assert est == pytest.approx(0.4)
    assert hi - lo == pytest.approx(2 * 1.959964 * 0.1 / np.sqrt(2))
    with pytest.raises(ValueError, match="same shape"):
        ex.pooled_effect([0.2, 0.6], [0.1])


@pytest.mark.parametrize(
    "outcome, published",
    [("single_session", 0.46), ("session_after_training", 0.58), ("resting_after_training", 0.28)],
)
def test_illustrative_bdnf_table_pools_to_published_estimates(outcome, published):
    df = load_dataset("bdnf_effect_sizes")
    sub = df[df["outcome"] == outcome]
    assert len(sub) == OUTCOMES[outcome][1]
    assert (sub["ci_low_95"] < sub["hedges_g"]).all() and (sub["hedges_g"] < sub["ci_high_95"]).all()
    se = ex.hedges_g_se(sub["hedges_g"].to_numpy(), sub["n_participants"].to_numpy())
    est, _, _ = ex.pooled_effect(sub["hedges_g"].to_numpy(), se)
    assert est == pytest.approx(published, abs=0.005)
    assert sub["study_label"].str.startswith("Illustrative study").all()


# ---- explorers ---------------------------------------------------------------------------------
def test_acute_explorer_defaults_and_set():
    e = create("acute_exercise")
    # the default (0.8) is not the published bout: the readout must not show the answer to a self-check
    assert e.controls["intensity"].value == pytest.approx(0.8)
    e.set(intensity=1.0)
    s = e.summary()
    assert s["peak_pct"] == pytest.approx(13.3, abs=0.05)
    assert s["peak_rise_ng_ml"] == pytest.approx(176.8 * 0.133, abs=0.1)
    e.set(intensity=0.58, duration_min=10.0)
    assert e.summary()["peak_pct"] == pytest.approx(7.7, abs=0.1)
    assert max(e.figure.data[0].y) == pytest.approx(e.summary()["peak_pct"], abs=0.2)
    e.set(duration_min=20.0)
    assert e.figure.layout.shapes[0].x1 == 20.0
    assert "published study means" in e.readout.value


def test_training_explorer_defaults_and_set():
    e = create("training")
    s = e.summary()
    assert s["csa_total_pct"] == pytest.approx(8.0)
    assert s["serum_change_pct"] == 0.0
    assert s["local_fold_mean"] > 1.5
    assert s["synthesis_change_pct"] > 0 and s["degradation_change_pct"] < 0
    e.set(weeks=4)
    assert e.figure.data[2].x[-1] == pytest.approx(4.0)
    assert e.summary()["csa_total_pct"] < 8.0
    e.set(load=0.0)
    assert e.summary()["csa_total_pct"] == 0.0
    e.set(weeks=12, load=1.0, sessions_per_week=7)
    assert e.summary()["csa_total_pct"] == pytest.approx(11.5, abs=0.05)
    assert "diminishing returns" in e.readout.value
    assert e.controls["sessions_per_week"].max == 7
    assert "resting serum IGF-1 stays flat" in e.readout.value


# ---- figures -----------------------------------------------------------------------------------
def test_figures_have_titled_axes_and_expected_traces():
    from helpers.models.exercise import PUBLISHED_BDNF_G
    from helpers.plots.exercise import acute_figure, bdnf_forest_figure, local_vs_serum_figure

    f = local_vs_serum_figure([0, 48, 96], ex.local_igf1_mrna([0, 48, 96], "eccentric"), 1.62)
    assert [t.name for t in f.data][2] == "Measured at 48 h (+62 %)"
    assert f.layout.xaxis.title.text == "Time after the bout (h)"
    fb = bdnf_forest_figure(load_dataset("bdnf_effect_sizes"), PUBLISHED_BDNF_G)
    assert len(fb.data[0].x) == 15 and list(fb.data[1].x) == [0.46, 0.58, 0.28]
    assert "illustrative" in fb.layout.title.text
    cats = list(fb.layout.yaxis.categoryarray)
    assert cats.index("Published, single session") == 6  # after its six study rows
    fa = acute_figure([0, 10], [0, 13.3], 10.0, [("x", 10.0, 13.3, 3.2)])
    assert fa.layout.shapes[0].x1 == 10.0 and fa.data[1].error_y.array == (3.2,)
