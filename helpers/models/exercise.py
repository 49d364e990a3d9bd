"""Exercise and IGF-1: a brief rise in serum, a slower local rise in muscle (pure numpy).

Two small phenomenological models, calibrated to human studies, plus helpers for the
training explorer and for effect sizes (meta-analysis arithmetic).

``acute_serum_igf1(t_min, intensity, duration_min=10)``
    % change of serum IGF-1 vs the pre-exercise baseline over time. Calibrated to
    Schwarz et al. 1996 (calibration rows A71, A72): after 10 min of cycling, serum IGF-1 was
    +13.3 +/- 3.2 % (high intensity) and +7.7 +/- 2.7 % (low intensity) above baseline in
    10 young men. The rise is modelled as a first-order approach during exercise
    (time constant ``RISE_TAU_MIN``) and a first-order return after it (``DECAY_TAU_MIN``).
    ASSUMPTIONS (not from the source): the two time constants, the linear scaling of the
    response with a numeric intensity, and responses to durations other than 10 min. The
    source abstract reports the 10-min values only; "back to baseline within tens of minutes"
    is built in through ``DECAY_TAU_MIN`` = 15 min (the change falls below 1 % of baseline
    about 40 min after a 10-min high-intensity bout).

``local_igf1_mrna(hours_after, load)``
    Fold change of muscle (vastus lateralis) IGF-1 mRNA after one loading bout. Calibrated to
    Bamman et al. 2001 (row A73): +62 % 48 h after 8 x 8 eccentric squats, while serum IGF-1
    showed little change. Shape (ASSUMPTION): a gamma-like pulse that peaks at 48 h and has
    returned to within 1 % of baseline by 14 days; the source measured 48 h only.

Everything here is an educational model, not a physiological simulator.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from .._validate import as_float, as_float_array, check_choice, fmt, scalar_or_array
from .stats import pooled_effect as pooled_effect  # one implementation, in stats

# ---- acute serum response (Schwarz 1996, rows A71-A72) --------------------------------------
#: Published mean % change of serum IGF-1 after 10 min of cycling (A71, A72) and its spread.
HIGH_10MIN_PCT, HIGH_10MIN_SPREAD_PCT = 13.3, 3.2
LOW_10MIN_PCT, LOW_10MIN_SPREAD_PCT = 7.7, 2.7
#: Named intensities on the model's 0-1 scale: "high" = 1 (the high-intensity bout of the
#: study); "low" is placed so that the linear model reproduces the low-intensity mean.
INTENSITIES = {"low": LOW_10MIN_PCT / HIGH_10MIN_PCT, "high": 1.0}
#: Time constants in minutes (ASSUMPTIONS, see module docstring).
RISE_TAU_MIN = 5.0
DECAY_TAU_MIN = 15.0
#: Plateau % change at intensity 1 for a long bout, fixed so that 10 min gives 13.3 %.
_PLATEAU_PCT_PER_INTENSITY = HIGH_10MIN_PCT / (1.0 - np.exp(-10.0 / RISE_TAU_MIN))
MAX_DURATION_MIN = 60.0
T_MIN_RANGE = (-60.0, 24 * 60.0)


def intensity_value(intensity: str | float) -> float:
    """Numeric intensity on the 0-1 scale from ``"low"``, ``"high"`` or a number in [0, 1]."""
    if isinstance(intensity, str):
        return INTENSITIES[check_choice("intensity", intensity, list(INTENSITIES))]
    return as_float("intensity", intensity, low=0.0, high=1.0, unit="(0-1 scale)")


def _duration(duration_min) -> float:
    dur = as_float("duration_min", duration_min, low=0.0, high=MAX_DURATION_MIN, unit="min")
    if dur <= 0.0:
        raise ValueError(
            f"duration_min must be > 0 min, got {fmt(dur)}; allowed (0, {MAX_DURATION_MIN:g}] min"
        )
    return dur


def acute_serum_igf1(
    t_min: ArrayLike, intensity: str | float, duration_min: ArrayLike = 10.0
) -> float | np.ndarray:
    """% change of serum IGF-1 vs pre-exercise baseline at times ``t_min`` (minutes).

    Exercise runs from t = 0 to ``duration_min`` (0 < duration <= 60 min); before t = 0 the
    change is 0. ``intensity`` is ``"low"``, ``"high"`` or a number in [0, 1] (1 = the
    high-intensity bout of Schwarz 1996). Scalar in -> float out; array in -> array out.
    """
    t = as_float_array("t_min", t_min, low=T_MIN_RANGE[0], high=T_MIN_RANGE[1], unit="min")
    dur = _duration(duration_min)
    plateau = _PLATEAU_PCT_PER_INTENSITY * intensity_value(intensity)
    during = plateau * (1.0 - np.exp(-np.clip(t, 0.0, dur) / RISE_TAU_MIN))
    after = np.exp(-np.clip(t - dur, 0.0, None) / DECAY_TAU_MIN)
    out = np.where(t < 0.0, 0.0, during * after)
    return scalar_or_array(out, t_min)


def minutes_to_baseline(
    intensity: str | float, duration_min: ArrayLike = 10.0, threshold_pct: ArrayLike = 1.0
) -> float:
    """Minutes after the END of exercise until the change falls below ``threshold_pct`` %."""
    thr = as_float("threshold_pct", threshold_pct, low=1e-6, high=100.0, unit="%")
    dur = _duration(duration_min)
    peak = float(acute_serum_igf1(dur, intensity, dur))
    if peak <= thr:
        return 0.0
    return float(DECAY_TAU_MIN * np.log(peak / thr))


# ---- local muscle IGF-1 mRNA (Bamman 2001, row A73) -----------------------------------------
#: Published increase of vastus lateralis IGF-1 mRNA 48 h after eccentric squats (A73).
ECCENTRIC_48H_FOLD = 1.62
PEAK_HOURS = 48.0
#: Named loads on the model's 0-1 scale: "eccentric" = the 8 x 8 eccentric squat bout.
LOADS = {"none": 0.0, "eccentric": 1.0}
MAX_HOURS = 24.0 * 60


def load_value(load: str | float) -> float:
    """Numeric relative load from ``"none"``, ``"eccentric"`` or a number in [0, 1]."""
    if isinstance(load, str):
        return LOADS[check_choice("load", load, list(LOADS))]
    return as_float("load", load, low=0.0, high=1.0, unit="(0-1 scale)")


def _pulse(hours):
    """Gamma-like pulse, 0 at h = 0, 1 at ``PEAK_HOURS``, < 0.01 by 14 days."""
    x = np.clip(hours, 0.0, None) / PEAK_HOURS
    return x**2 * np.exp(2.0 * (1.0 - x))


def local_igf1_mrna(hours_after: ArrayLike, load: str | float) -> float | np.ndarray:
    """Fold change (1 = pre-exercise) of muscle IGF-1 mRNA ``hours_after`` one loading bout.

    ``hours_after`` in [0, 1440] h; ``load`` is ``"none"``, ``"eccentric"`` or a number in
    [0, 1] (1 = 8 x 8 eccentric squats, Bamman 2001). Scalar in -> float out.
    """
    h = as_float_array("hours_after", hours_after, low=0.0, high=MAX_HOURS, unit="h")
    out = 1.0 + (ECCENTRIC_48H_FOLD - 1.0) * load_value(load) * _pulse(h)
    return scalar_or_array(out, hours_after)


# ---- training: repeated bouts (illustrative) ------------------------------------------------
def training_local_signal(days: ArrayLike, sessions_per_week: ArrayLike, load: str | float) -> np.ndarray:
    """Fold change of local IGF-1 mRNA on each day of ``days`` (array, d >= 0) when bouts of
    ``load`` are done ``sessions_per_week`` times a week from day 0. Excess responses of
    successive bouts add (ASSUMPTION; illustrative). Returns an array like ``days``."""
    d = as_float_array("days", days, low=0.0, high=7.0 * 52, unit="d")
    n = as_float("sessions_per_week", sessions_per_week, low=0.0, high=7.0, unit="sessions/week")
    lv = load_value(load)
    if n == 0.0 or lv == 0.0 or d.size == 0:
        return np.ones_like(d)
    bouts = np.arange(0.0, float(d.max()) + 1e-9, 7.0 / n)
    lag_h = (d[..., None] - bouts) * 24.0
    excess = np.where(lag_h >= 0.0, _pulse(lag_h), 0.0).sum(axis=-1)
    return 1.0 + (ECCENTRIC_48H_FOLD - 1.0) * lv * excess


# ---- effect sizes ---------------------------------------------------------------------------
def hedges_g_se(g: ArrayLike, n_total: ArrayLike) -> np.ndarray:
    """Approximate standard error of Hedges' g for two equal groups totalling ``n_total``."""
    gg = as_float_array("g", g, low=-10.0, high=10.0)
    n = as_float_array("n_total", n_total, low=4.0, high=1e6, unit="participants")
    return np.sqrt(4.0 / n + gg**2 / (2.0 * n))


# ---- training trajectory (illustrative; uses notebook 01's signalling model) -----------------
#: IGF-1 available to muscle fibres before training (nM). ASSUMPTION for illustration: local
#: IGF-1 protein is taken to follow the mRNA fold change, so the fibres see BASELINE x fold.
TISSUE_IGF1_BASELINE_NM = 1.0
#: Display scale (ASSUMPTION, not calibrated): the reference programme (3 sessions/week at
#: load 1 for 12 weeks) gives this cross-sectional-area gain, of which IGF1_SHARE is routed
#: through the IGF-1 receptor and the rest through IGF-1-independent mechanotransduction
#: (load-induced growth persists without a functional IGF-1 receptor in mice, spangenburg2008).
REFERENCE_PROGRAMME = dict(weeks=12, sessions_per_week=3, load=1.0)
REFERENCE_CSA_GAIN_PCT = 8.0
IGF1_SHARE = 0.25
MAX_WEEKS = 20
MAX_SESSIONS_PER_WEEK = 7

# ---- diminishing returns of the weekly training dose (human meta-analyses) ------------------
#: Hypertrophy effect sizes for training a muscle group more often (at least twice a week) vs
#: less often (once a week): 0.49 +/- 0.08 vs 0.30 +/- 0.07, 10 studies [@schoenfeld2016].
FREQUENCY_ES_HIGHER, FREQUENCY_ES_LOWER = 0.49, 0.30
#: Weekly set volume: each additional weekly set +0.37 % gain; a graded dose-response
#: (15 studies, 34 groups) [@schoenfeld2017]. Used as a check on direction, not fitted.
VOLUME_PCT_PER_WEEKLY_SET = 0.37


def _solve_dose_half() -> float:
    """K in G(D) = D / (D + K) such that G(2) / G(1) = 0.49 / 0.30 (ASSUMPTION: the ratio of
    the pooled effect sizes is read as the gain of two reference bouts a week over one)."""
    r = FREQUENCY_ES_HIGHER / FREQUENCY_ES_LOWER
    return 2.0 * (r - 1.0) / (2.0 - r)


#: half-saturating weekly dose, in reference bouts (load 1) per week (about 3.5)
WEEKLY_DOSE_HALF = _solve_dose_half()


def weekly_dose(sessions_per_week: ArrayLike, load: str | float) -> float:
    """Weekly training dose in reference bouts: sessions per week x load per session."""
    n = as_float(
        "sessions_per_week", sessions_per_week, low=0.0, high=MAX_SESSIONS_PER_WEEK, unit="sessions/week"
    )
    return n * load_value(load)


def training_dose_response(sessions_per_week: ArrayLike, load: str | float) -> float:
    """Area gain of a programme relative to the reference programme (3 sessions a week at
    load 1), with diminishing returns in the weekly dose: G(D) / G(3), G(D) = D / (D + K).

    K is fixed by the frequency meta-analysis [@schoenfeld2016] (see ``_solve_dose_half``); the
    shape beyond 3 sessions a week is an ASSUMPTION (the meta-analysis could not tell whether
    three weekly sessions beat two). Returns 0 for no training, 1 for the reference programme.
    """
    d = weekly_dose(sessions_per_week, load)
    d_ref = REFERENCE_PROGRAMME["sessions_per_week"] * REFERENCE_PROGRAMME["load"]
    return (d / (d + WEEKLY_DOSE_HALF)) / (d_ref / (d_ref + WEEKLY_DOSE_HALF))


def _drives(days, sessions_per_week, load):
    from .signalling import muscle_response  # notebook 01's model (lazy: only needed here)

    fold = training_local_signal(days, sessions_per_week, load)
    mech = (fold - 1.0) / (ECCENTRIC_48H_FOLD - 1.0)  # summed bout pulses x load
    base = muscle_response(TISSUE_IGF1_BASELINE_NM)
    resp = muscle_response(TISSUE_IGF1_BASELINE_NM * fold)
    igf = resp["net_balance"] - base["net_balance"]
    return fold, mech, igf, resp


def _raw_routes(days, sessions_per_week, load):
    """Cumulated (unscaled) area drives: mechanotransduction and IGF-1 route, per day."""
    fold, mech, igf, resp = _drives(days, sessions_per_week, load)
    mech_sum = np.concatenate([[0.0], np.cumsum(mech[:-1])])
    igf_sum = np.concatenate([[0.0], np.cumsum(igf[:-1])])
    return fold, mech_sum, igf_sum, resp


def _route_gains():
    """(k_mech, k_igf): the reference programme ends at REFERENCE_CSA_GAIN_PCT, IGF1_SHARE of
    it through the IGF-1 route."""
    d = np.arange(0.0, 7.0 * REFERENCE_PROGRAMME["weeks"] + 1.0)
    _, mech, igf, _ = _raw_routes(d, REFERENCE_PROGRAMME["sessions_per_week"], REFERENCE_PROGRAMME["load"])
    return REFERENCE_CSA_GAIN_PCT * (1.0 - IGF1_SHARE) / mech[-1], REFERENCE_CSA_GAIN_PCT * IGF1_SHARE / igf[
        -1
    ]


_GAINS: tuple[float, float] | None = None


def training_trajectory(weeks: ArrayLike, sessions_per_week: ArrayLike, load: str | float) -> dict:
    """Daily trajectories over ``weeks`` (1-20) of resistance training (illustrative).

    ``sessions_per_week`` 0-7, ``load`` per session 0-1 (1 = 8 x 8 eccentric squats).
    Returns arrays over days 0..7*weeks: ``weeks`` (time in weeks), ``local_fold`` (local
    IGF-1 signal, fold), ``serum_fold`` (resting serum IGF-1, modelled as unchanged = 1),
    ``igf1_nM`` (IGF-1 seen by the fibres), ``synthesis_rel``, ``degradation_rel``,
    ``net_balance_change`` (net protein balance minus the pre-training value, from
    ``signalling.muscle_response``), ``csa_total_pct`` and ``csa_mech_pct`` (area change,
    total and without the IGF-1-receptor route).

    The time course comes from the summed bout pulses; its size is scaled so that after
    12 weeks the gain is ``REFERENCE_CSA_GAIN_PCT x training_dose_response(...)``: diminishing
    returns in sessions and load (human meta-analyses [@schoenfeld2016] [@schoenfeld2017]).
    """
    global _GAINS
    w = as_float("weeks", weeks, low=1.0, high=MAX_WEEKS, unit="weeks")
    days = np.arange(0.0, round(7.0 * w) + 1.0)
    fold, mech, igf, resp = _raw_routes(days, sessions_per_week, load)
    if _GAINS is None:
        _GAINS = _route_gains()
    k_mech, k_igf = _GAINS
    mech_pct, igf_pct = k_mech * mech, k_igf * igf
    # scale the size (not the shape) to the dose-response at the 12-week reference duration
    ref_days = np.arange(0.0, 7.0 * REFERENCE_PROGRAMME["weeks"] + 1.0)
    _, mech12, igf12, _ = _raw_routes(ref_days, sessions_per_week, load)
    raw12 = k_mech * mech12[-1] + k_igf * igf12[-1]
    scale = (
        REFERENCE_CSA_GAIN_PCT * training_dose_response(sessions_per_week, load) / raw12 if raw12 > 0 else 0.0
    )
    return {
        "weeks": days / 7.0,
        "local_fold": fold,
        "serum_fold": np.ones_like(fold),
        "igf1_nM": TISSUE_IGF1_BASELINE_NM * fold,
        "synthesis_rel": np.asarray(resp["synthesis_rel"], float),
        "degradation_rel": np.asarray(resp["degradation_rel"], float),
        "net_balance_change": igf,
        "csa_total_pct": scale * (mech_pct + igf_pct),
        "csa_mech_pct": scale * mech_pct,
    }


#: Published pooled Hedges g of peripheral BDNF after exercise (Szuhany et al. 2015; rows
#: A74-A76): outcome -> (g, plain-words label). Published 95 % CIs are not used here.
PUBLISHED_BDNF_G = {
    "single_session": (0.46, "single session"),
    "session_after_training": (0.58, "session after training"),
    "resting_after_training": (0.28, "resting, after training"),
}
