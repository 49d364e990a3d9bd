"""The GH–IGF-1 axis: pulsatile pituitary GH, hepatic IGF-1 production, negative feedback.

An illustrative dynamic model (pure numpy, one explicit loop of a few hundred steps)::

    pituitary GH pulses (amplitude reduced by IGF-1 feedback)
        -> liver: IGF-1 production = K_PROD * liver_sensitivity * GH(t)
        -> blood IGF-1, first-order clearance with the long effective half-life of bound IGF-1
        + a constant extrahepatic share (other tissues)

Equations (time t in hours; GH in µg/L; IGF-1 in ng/mL):

* GH pulses every ``PULSE_INTERVAL_H`` hours with a fixed daily pattern of relative sizes
  ``PULSE_PATTERN`` (largest pulse after sleep onset; mean 1). At each pulse time t_k the pulse
  adds ``A_k = gh_amplitude * GH_PEAK_UG_L * pattern_k / (1 + feedback_strength * IGF1(t_k) / IGF1_TARGET_NG_ML)``
  to circulating GH, which then decays exponentially with half-life ``GH_HALF_LIFE_MIN`` on top of
  a basal ``GH_BASAL_UG_L``.
* The liver's output ``L`` follows ``K_PROD * liver_sensitivity * GH(t)`` with a first-order lag
  (time constant ``LIVER_RESPONSE_TAU_H``: transcription, synthesis and secretion take hours), and
  ``dIGF1/dt = L + P_EXTRA - K_CLEAR * IGF1`` with ``K_CLEAR = ln 2 / IGF1_HALF_LIFE_H``. Each step
  is integrated exactly for the step-mean GH.
* The simulation starts at the analytic steady state (``steady_state_igf1``), so no multi-day
  warm-up is needed.

Calibration and what is qualitative:

* ``IGF1_HALF_LIFE_H = 13.5`` h: the apparent half-life of IGF-1 in the ternary (~150 kDa)
  complex in healthy adults (calibration target A11; the free peptide lasts only minutes, A09).
* ``K_PROD`` is scaled so the default settings give a mean IGF-1 of ``IGF1_TARGET_NG_ML`` =
  177 ng/mL, the median for men aged 28 y in a large reference study [@bidlingmaier2014]
  (target A23). Absolute values are illustrative: the scale is set, not predicted.
* ``EXTRAHEPATIC_SHARE = 0.25``: removing hepatic production lowers mean IGF-1 by about
  three-quarters, as in liver-specific IGF-1-deficient mice [@yakar1999; @sjogren1999]
  (animal evidence). In the model the extrahepatic share is constant (not GH dependent).
* Qualitative: pulse interval and daily pattern, GH pulse size and half-life, basal GH, the liver
  lag, and the shape of the feedback (a simple divisive term; in the body IGF-1 feeds back on the
  hypothalamus, raising somatostatin and lowering GHRH, as well as on the pituitary). They make the picture recognisable, not exact.

``liver_sensitivity`` is the lever the nutrition notebook refers to: fasting and low protein
intake make the liver less responsive to GH, so IGF-1 falls even while GH pulses grow.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike

from .._validate import as_float_array, check_scalar

#: GH pulse every 3 h (8 pulses per day); qualitative.
PULSE_INTERVAL_H = 3.0
#: Relative sizes of the 8 daily pulses (first = after sleep onset); mean exactly 1; qualitative.
PULSE_PATTERN = np.array([1.6, 1.2, 1.0, 0.8, 0.7, 0.8, 0.9, 1.0])
#: Time of day of the first (night) pulse, hours after midnight; qualitative.
FIRST_PULSE_CLOCK_H = 23.0
#: Height of an average GH pulse before feedback (µg/L); qualitative.
GH_PEAK_UG_L = 8.0
#: Basal (between-pulse) GH (µg/L); qualitative.
GH_BASAL_UG_L = 0.1
#: GH half-life in blood (min); qualitative.
GH_HALF_LIFE_MIN = 20.0
#: Apparent half-life of IGF-1 in the ternary complex (h); target A11.
IGF1_HALF_LIFE_H = 13.5
#: Mean IGF-1 at default settings (ng/mL): median, men 28 y [@bidlingmaier2014] (A23).
IGF1_TARGET_NG_ML = 177.0
#: Time constant (h) with which the liver's IGF-1 output follows GH (gene transcription, synthesis
#: and secretion take hours); qualitative. It low-pass filters the day's pulse pattern so that total
#: IGF-1 varies by about 6 % over the day instead of ~17 % without it (measured total IGF-1 varies
#: even less over a day; the remaining swing is a model limitation stated in notebook 01).
LIVER_RESPONSE_TAU_H = 12.0
#: Share of circulating IGF-1 made outside the liver at default settings [@yakar1999; @sjogren1999].
EXTRAHEPATIC_SHARE = 0.25

K_CLEAR_PER_H = math.log(2) / IGF1_HALF_LIFE_H
_TAU_GH_H = GH_HALF_LIFE_MIN / 60.0 / math.log(2)


def _mean_gh_before_feedback(gh_amplitude: float) -> float:
    """Time-averaged GH (µg/L) for a given amplitude, with feedback divisor 1."""
    return GH_BASAL_UG_L + gh_amplitude * GH_PEAK_UG_L * _TAU_GH_H / PULSE_INTERVAL_H


# production constants chosen so the defaults (1, 1, 1) give IGF1_TARGET_NG_ML with
# 1 - EXTRAHEPATIC_SHARE of it from the liver; at the default steady state the feedback divisor is 2.
_MEAN_GH_DEFAULT = GH_BASAL_UG_L + GH_PEAK_UG_L * _TAU_GH_H / PULSE_INTERVAL_H / 2.0
K_PROD = (1 - EXTRAHEPATIC_SHARE) * IGF1_TARGET_NG_ML * K_CLEAR_PER_H / _MEAN_GH_DEFAULT
P_EXTRA = EXTRAHEPATIC_SHARE * IGF1_TARGET_NG_ML * K_CLEAR_PER_H

RANGES = {
    "gh_amplitude": (0.0, 3.0, "(relative, 1 = typical adult)"),
    "liver_sensitivity": (0.0, 2.0, "(relative, 1 = well fed adult)"),
    "feedback_strength": (0.0, 3.0, "(relative, 1 = normal)"),
    "days": (1.0, 7.0, "days"),
    "dt_min": (1.0, 30.0, "min"),
}


def _check(name: str, value) -> float:
    return check_scalar(name, value, RANGES)


def steady_state_igf1(
    gh_amplitude: float = 1.0, liver_sensitivity: float = 1.0, feedback_strength: float = 1.0
) -> float:
    """Mean IGF-1 (ng/mL) at the steady state of the averaged model (feedback on mean IGF-1).

    Solves ``I = u*(b + P/(1 + f*I)) + E`` for I >= 0, with u = K_PROD*S/K_CLEAR, b = basal GH,
    P = pulse contribution to mean GH, f = feedback_strength/IGF1_TARGET, E = P_EXTRA/K_CLEAR.
    """
    a = _check("gh_amplitude", gh_amplitude)
    s = _check("liver_sensitivity", liver_sensitivity)
    fb = _check("feedback_strength", feedback_strength)
    u = K_PROD * s / K_CLEAR_PER_H
    pulses = _mean_gh_before_feedback(a) - GH_BASAL_UG_L
    c0 = u * GH_BASAL_UG_L + P_EXTRA / K_CLEAR_PER_H
    f = fb / IGF1_TARGET_NG_ML
    if f == 0:
        return float(c0 + u * pulses)
    bq = 1.0 - f * c0
    return float((-bq + math.sqrt(bq * bq + 4.0 * f * (c0 + u * pulses))) / (2.0 * f))


def simulate_axis(
    gh_amplitude: float = 1.0,
    liver_sensitivity: float = 1.0,
    feedback_strength: float = 1.0,
    days: float = 4.0,
    dt_min: float = 10.0,
) -> dict:
    """Simulate GH and IGF-1 over ``days`` days at ``dt_min``-minute steps (illustrative).

    Parameters
    ----------
    gh_amplitude : float, 0–3
        Pituitary GH pulse size relative to a typical adult (1).
    liver_sensitivity : float, 0–2
        How much IGF-1 the liver makes per unit GH, relative to a well-fed adult (1). 0 removes
        hepatic production (like a liver-specific knockout); only the extrahepatic share remains.
    feedback_strength : float, 0–3
        Strength of IGF-1's negative feedback on GH pulse size (0 = no feedback).
    days : float, 1–7
        Length of the simulation (days).
    dt_min : float, 1–30
        Time step (minutes); must divide the pulse interval (180 min) evenly.

    Returns
    -------
    dict with arrays ``time_h`` (h from the start), ``gh_ug_l`` (µg/L, value at each step start,
    pulses included), ``igf1_ng_ml`` (ng/mL), and floats ``mean_igf1_ng_ml`` and
    ``mean_gh_ug_l`` (time means over the whole run), ``min_igf1_ng_ml``, ``max_igf1_ng_ml``,
    ``igf1_swing_pct`` (max − min as % of the mean), ``mean_pulse_ug_l`` (mean pulse height
    after feedback), ``steady_state_igf1_ng_ml`` and ``hepatic_share`` (fraction of IGF-1
    production coming from the liver). Raises ValueError for inputs outside the ranges.
    """
    a = _check("gh_amplitude", gh_amplitude)
    s = _check("liver_sensitivity", liver_sensitivity)
    fb = _check("feedback_strength", feedback_strength)
    d = _check("days", days)
    dt = _check("dt_min", dt_min)
    interval_min = PULSE_INTERVAL_H * 60.0
    if abs(interval_min / dt - round(interval_min / dt)) > 1e-9:
        raise ValueError(
            f"dt_min = {dt:g} min must divide the pulse interval "
            f"({interval_min:g} min) evenly, e.g. 5, 10 or 15"
        )
    per_pulse = int(round(interval_min / dt))
    n = int(round(d * 24 * 60 / dt))
    dt_h = dt / 60.0
    decay = math.exp(-dt_h / _TAU_GH_H)
    avg_factor = _TAU_GH_H / dt_h * (1.0 - decay)  # step mean of an exponential / its start value
    e_clear = math.exp(-K_CLEAR_PER_H * dt_h)
    kp = K_PROD * s
    f = fb / IGF1_TARGET_NG_ML
    peak = a * GH_PEAK_UG_L
    pattern = PULSE_PATTERN.tolist()
    n_pattern = len(pattern)

    igf = steady_state_igf1(a, s, fb)
    i_ss = igf
    e_liver = math.exp(-dt_h / LIVER_RESPONSE_TAU_H)
    hep_out = max(K_CLEAR_PER_H * igf - P_EXTRA, 0.0)  # liver output at the steady state
    pulsatile = 0.0
    gh = np.empty(n)
    igf1 = np.empty(n)
    heights = []
    hep_sum = 0.0
    for k in range(n):
        if k % per_pulse == 0:
            h = peak * pattern[(k // per_pulse) % n_pattern] / (1.0 + f * igf)
            pulsatile += h
            heights.append(h)
        gh[k] = GH_BASAL_UG_L + pulsatile
        igf1[k] = igf
        gh_mean_step = GH_BASAL_UG_L + pulsatile * avg_factor
        # the liver's IGF-1 output follows GH with a lag (transcription, synthesis, secretion)
        hep_out = hep_out * e_liver + kp * gh_mean_step * (1.0 - e_liver)
        hep_sum += hep_out
        igf = igf * e_clear + (hep_out + P_EXTRA) / K_CLEAR_PER_H * (1.0 - e_clear)
        pulsatile *= decay

    time_h = np.arange(n) * dt_h
    mean_igf = float(igf1.mean())
    hep_mean = hep_sum / n
    return {
        "time_h": time_h,
        "gh_ug_l": gh,
        "igf1_ng_ml": igf1,
        "mean_igf1_ng_ml": mean_igf,
        "mean_gh_ug_l": float(gh.mean()),
        "min_igf1_ng_ml": float(igf1.min()),
        "max_igf1_ng_ml": float(igf1.max()),
        "igf1_swing_pct": float((igf1.max() - igf1.min()) / mean_igf * 100) if mean_igf > 0 else 0.0,
        "mean_pulse_ug_l": float(np.mean(heights)),
        "steady_state_igf1_ng_ml": i_ss,
        "hepatic_share": float(hep_mean / (hep_mean + P_EXTRA)),
    }


def clock_hours(time_h: ArrayLike) -> np.ndarray:
    """Time of day (h after midnight) for model times, given the first pulse at FIRST_PULSE_CLOCK_H."""
    t = as_float_array("time_h", time_h, low=0.0, unit="h")
    return (t + FIRST_PULSE_CLOCK_H) % 24.0
